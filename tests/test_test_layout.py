"""Issue 9, item 8: tests share data builders through eenplan.testing and conftest fixtures;
no test imports fixtures or helpers from another test module (a test module is a leaf)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.append(node.module)
            found += [f"{node.module}.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
    return found


def _is_test_module(name: str) -> bool:
    parts = name.split(".")
    # a test_*.py module anywhere, or anything in the top-level tests/ tree
    return any(p.startswith("test_") for p in parts) or parts[0] == "tests"


def test_no_test_imports_another_test_module():
    overtreders = []
    for path in [*ROOT.glob("src/eenplan/**/test_*.py"), *ROOT.glob("tests/**/*.py")]:
        for name in _imports(path):
            if _is_test_module(name):
                overtreders.append(f"{path.relative_to(ROOT)} imports {name}")
    assert overtreders == [], "\n".join(overtreders)
