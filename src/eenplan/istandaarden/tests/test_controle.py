"""The checker: one JSON object per file, usable with and without Django."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from eenplan.istandaarden import bouw, voorbeelden
from eenplan.istandaarden.__main__ import main
from eenplan.istandaarden.controle import controleer

VANDAAG = dt.date(2026, 12, 31)


def _regels(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines()]


def test_clean_declaratie_gets_8001(orakel):
    uitslag = controleer(
        bouw(voorbeelden.declaratie("wmo")), referentie=orakel.root, vandaag=VANDAAG
    )
    assert uitslag.als_dict() == {
        "bestand": "",
        "bericht": "WMO323",
        "schema_geldig": True,
        "regels": [],
        "retourcodes": ["8001"],
    }


def test_rule_violations_are_listed_sorted_with_their_codes(orakel):
    bericht = voorbeelden.declaratie("jw")
    bericht.header.ontvanger = "9999"  # no such municipality: S300
    prestatie = bericht.declaratie.clienten[0].prestaties[0]
    prestatie.ingediend_bedrag.bedrag += 1  # not volume × tarief: TR346
    bericht.declaratie.totaal_ingediend_bedrag.totaal_bedrag += 1  # the total still adds up (TR358)
    prestatie.product_code = "41A01"  # another category's code: S329
    uitslag = controleer(bouw(bericht), referentie=orakel.root, vandaag=dt.date(2026, 1, 1))
    assert uitslag.bericht == "JW323"
    assert uitslag.schema_geldig
    assert uitslag.regels == ["TR135", "TR346", "TR378", "TR381"]
    assert uitslag.retourcodes == ["8848", "9346", "S300", "S329"]


def test_stylesheet_findings_become_rules(orakel):
    pad = orakel.root / "iwmo" / "voorbeelden" / "WMO317.xml"
    uitslag = controleer(pad.read_bytes(), referentie=orakel.root, vandaag=VANDAAG)
    assert uitslag.regels == ["TR380"]
    assert uitslag.retourcodes == ["0001"]


def test_schema_invalid_and_unreadable_files(orakel):
    pad = orakel.root / "ijw" / "voorbeelden" / "JW315.xml"
    uitslag = controleer(pad.read_bytes(), referentie=orakel.root, vandaag=VANDAAG)
    assert (uitslag.bericht, uitslag.schema_geldig, uitslag.retourcodes) == (
        "JW315",
        False,
        ["0001"],
    )
    kapot = controleer(b"<?xml version='1.0'?><a", vandaag=VANDAAG)
    assert (kapot.bericht, kapot.schema_geldig, kapot.retourcodes) == (None, False, ["0001"])


def test_cli_prints_one_json_object_per_file(tmp_path: Path, orakel):
    (tmp_path / "a.xml").write_bytes(bouw(voorbeelden.toewijzing("wmo")))
    (tmp_path / "b.xml").write_bytes(b"<!DOCTYPE x [<!ENTITY a 'b'>]><x>&a;</x>")
    out = io.StringIO()
    status = main(
        [
            "controleer",
            str(tmp_path),
            "--json",
            "--referentie",
            str(orakel.root),
            "--datum",
            "2026-12-31",
        ],
        out=out,
    )
    assert status == 1
    a, b = _regels(out.getvalue())
    assert a["bericht"] == "WMO301" and a["schema_geldig"] and a["retourcodes"] == ["0200"]
    assert b["bericht"] is None and b["retourcodes"] == ["0001"]


def test_cli_runs_without_django(tmp_path: Path):
    (tmp_path / "a.xml").write_bytes(bouw(voorbeelden.start("jw")))
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    code = (
        "import sys, eenplan.istandaarden.__main__ as m\n"
        "s = m.main(sys.argv[1:])\n"
        "assert not [n for n in sys.modules if n.startswith('django')]\n"
        "sys.exit(s)\n"
    )
    argv = [sys.executable, "-c", code, "controleer", str(tmp_path / "a.xml"), "--json"]
    argv += ["--datum", "2026-12-31"]
    run = subprocess.run(argv, capture_output=True, text=True, env=env)  # noqa: S603
    assert run.returncode == 0, run.stderr
    assert _regels(run.stdout)[0]["bericht"] == "JW305"


@pytest.mark.django_db
def test_django_command_berichten_controleer(tmp_path: Path):
    from django.core.management import call_command

    (tmp_path / "a.xml").write_bytes(bouw(voorbeelden.antwoord("wmo")))
    out = io.StringIO()
    call_command(
        "berichten",
        "controleer",
        str(tmp_path / "a.xml"),
        "--json",
        "--datum",
        "2026-12-31",
        stdout=out,
    )
    assert _regels(out.getvalue())[0]["bericht"] == "WMO319"
