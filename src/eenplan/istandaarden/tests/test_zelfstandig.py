"""The library is plain Python: importing it loads neither Django nor other eenplan apps."""

from __future__ import annotations

import json
import subprocess
import sys


def test_import_loads_no_django_and_no_other_eenplan_module():
    code = (
        "import json, sys\n"
        "import importlib, pkgutil, eenplan.istandaarden as p\n"
        "for m in pkgutil.iter_modules(p.__path__):\n"
        "    if m.name not in ('tests', '__main__'):\n"
        "        importlib.import_module(f'eenplan.istandaarden.{m.name}')\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith(('django', 'eenplan')))))\n"
    )
    argv = [sys.executable, "-c", code]
    out = subprocess.run(argv, capture_output=True, text=True, check=True)  # noqa: S603
    geladen = json.loads(out.stdout)
    assert not [m for m in geladen if m.startswith("django")]
    assert not [m for m in geladen if m != "eenplan" and not m.startswith("eenplan.istandaarden")]
