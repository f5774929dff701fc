"""`eenplan config_docs`: every declared environment variable is documented, and
docs/configuration.md is the command's current output (Open Zaak-style generated config docs)."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

from django.conf import settings
from django.core.management import call_command

from eenplan.common.env import VARIABLES, Variable
from eenplan.common.management.commands.config_docs import portable_default, render_markdown

REGENERATE = (
    "DJANGO_SETTINGS_MODULE=eenplan.conf.dev .venv/bin/eenplan config_docs "
    "--output docs/configuration.md"
)


def _output() -> str:
    out = StringIO()
    call_command("config_docs", stdout=out)
    return out.getvalue()


def test_every_declared_variable_is_in_the_output():
    output = _output()
    assert VARIABLES, "settings declare no environment variables"
    for name in VARIABLES:
        assert f"| `{name}` |" in output, f"{name} is missing from the config_docs output"


def test_defaults_do_not_contain_this_machines_paths():
    output = _output()
    assert str(settings.BASE_DIR) not in output
    assert "`<checkout>/var`" in output


def test_var_dir_inside_other_defaults_becomes_a_placeholder():
    variable = Variable(name="DATABASE_URL", default="sqlite:////srv/x/var/db.sqlite3", help="")
    assert portable_default(variable, base_dir="/srv/x", var_dir="/srv/x/var") == (
        "sqlite:///<EENPLAN_VAR_DIR>/db.sqlite3"
    )


def test_cells_are_escaped():
    text = render_markdown(
        [Variable(name="X", default="a|b", help="class on <html> | pipe")], base_dir="", var_dir=""
    )
    assert "| `X` | `a\\|b` | class on &lt;html&gt; \\| pipe |" in text


def test_output_option_writes_the_file(tmp_path: Path):
    target = tmp_path / "configuration.md"
    call_command("config_docs", "--output", str(target), stdout=StringIO())
    assert target.read_text(encoding="utf-8") == _output()


def test_docs_configuration_md_is_up_to_date():
    path = Path(settings.BASE_DIR) / "docs" / "configuration.md"
    assert path.exists(), f"docs/configuration.md is missing; run: {REGENERATE}"
    assert path.read_text(encoding="utf-8") == _output(), (
        f"docs/configuration.md is out of date with the declared variables; run: {REGENERATE}"
    )
