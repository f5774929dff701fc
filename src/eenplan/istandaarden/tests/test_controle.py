"""The checker: one JSON object per file, usable with and without Django."""

from __future__ import annotations

import copy
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
from eenplan.istandaarden.controle import Reeks, controleer
from eenplan.istandaarden.model import GeslotenPeriode

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


def test_a_second_debet_line_is_tr416_like_the_official_stylesheet(orakel):
    bericht = voorbeelden.declaratie("wmo")
    client = bericht.declaratie.clienten[0]
    dubbel = copy.deepcopy(client.prestaties[0])
    dubbel.product_referentie.referentie_nummer = "P1-2"
    client.prestaties.append(dubbel)
    bericht.declaratie.totaal_ingediend_bedrag.totaal_bedrag *= 2  # TR358 still adds up
    zonder_stylesheet = controleer(bouw(bericht), vandaag=VANDAAG)
    assert zonder_stylesheet.regels == ["TR416"]
    assert zonder_stylesheet.retourcodes == ["0001"]
    met = controleer(bouw(bericht), referentie=orakel.root, vandaag=VANDAAG)
    assert met.regels == ["TR416"] and met.retourcodes == ["0001"]


def _stop(identificatie: str, reden: str, eind: dt.date) -> bytes:
    bericht = voorbeelden.stop("wmo", identificatie=identificatie)
    product = bericht.client.stop_producten[0]
    product.reden_beeindiging = reden
    product.einddatum = eind
    return bouw(bericht)


def test_cli_series_judges_repeated_stops_and_identifications(tmp_path: Path):
    (tmp_path / "1.xml").write_bytes(_stop("1", "20", dt.date(2026, 6, 30)))  # temporary
    (tmp_path / "2.xml").write_bytes(_stop("2", "20", dt.date(2026, 6, 30)))  # again: TR413
    (tmp_path / "3.xml").write_bytes(_stop("3", "19", dt.date(2026, 5, 31)))  # earlier: TR414
    (tmp_path / "4.xml").write_bytes(_stop("4", "19", dt.date(2026, 6, 30)))  # for good
    (tmp_path / "5.xml").write_bytes(_stop("5", "19", dt.date(2026, 7, 31)))  # after: TR415
    (tmp_path / "6.xml").write_bytes(_stop("5", "19", dt.date(2026, 7, 31)))  # same id: TR056
    args = ["controleer", str(tmp_path), "--json", "--datum", "2026-12-31"]
    out = io.StringIO()
    assert main([*args, "--reeks"], out=out) == 1
    uitslagen = _regels(out.getvalue())
    assert [u["retourcodes"] for u in uitslagen] == [
        ["0200"],
        ["9413"],
        ["9414"],
        ["0200"],
        ["9415"],
        ["9056", "9415"],
    ]
    assert uitslagen[1]["regels"] == ["TR413"]
    # without --reeks every file is judged on its own
    out = io.StringIO()
    assert main(args, out=out) == 0
    assert {tuple(u["retourcodes"]) for u in _regels(out.getvalue())} == {("0200",)}


def test_series_judges_consecutive_declaration_periods():
    reeks = Reeks()

    def maand(identificatie: str, maand: int, *, zorg_in: int | None = None) -> list[str]:
        bericht = voorbeelden.declaratie("jw", identificatie=identificatie)
        eind = dt.date(2026, maand + 1, 1) - dt.timedelta(days=1)
        bericht.declaratie.declaratie_periode = GeslotenPeriode(dt.date(2026, maand, 1), eind)
        # Sent the day after the month it claims (TR137: not before the month is over).
        bericht.header.bericht_identificatie.dagtekening = eind + dt.timedelta(days=1)
        p = bericht.declaratie.clienten[0].prestaties[0]
        z = zorg_in or maand
        p.product_periode = GeslotenPeriode(dt.date(2026, z, 5), dt.date(2026, z, 25))
        return controleer(bouw(bericht), vandaag=VANDAAG, reeks=reeks).retourcodes

    assert maand("1", 1) == ["8001"]
    assert maand("2", 2) == ["8001"]
    assert maand("3", 5) == ["8001"]  # March and April without care: a gap is allowed
    assert maand("4", 7, zorg_in=6) == ["8214"]  # June had care but was not declared
