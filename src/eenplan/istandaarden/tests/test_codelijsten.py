"""Code lists are versioned data with a source, and agree with the catalogue's copy."""

from __future__ import annotations

import json
from pathlib import Path

from eenplan.istandaarden import codelijsten

VOORZIENINGEN = (
    Path(__file__).resolve().parents[2] / "voorzieningen" / "data" / "codelijsten-3.2.json"
)


def test_every_list_has_version_source_and_values():
    for naam in (
        "WMO020",
        "JZ020",
        "WJ756",
        "WMO757",
        "WMO002",
        "JZ002",
        "WMO588",
        "JZ588",
        "WJ758",
        "WJ759",
        "WJ760",
        "COD327",
        "COD467",
        "WJ001",
        "CBS-GEMEENTE",
    ):
        lijst = codelijsten.codelijst(naam)
        assert lijst.versie and lijst.bron.startswith("https://") and lijst.waarden, naam


def test_known_values():
    assert codelijsten.productcategorieen("wmo").omschrijving("01") == "Hulp bij het huishouden"
    assert "07" in codelijsten.productcategorieen("wmo")
    assert "45" in codelijsten.productcategorieen(
        "jw"
    ) and "01" not in codelijsten.productcategorieen("jw")
    assert "19" in codelijsten.reden_beeindiging(
        "wmo"
    ) and "19" not in codelijsten.reden_beeindiging("jw")
    assert codelijsten.RETOURCODES.regels["9321"] == "TR321"
    assert codelijsten.RETOURCODES.regels["S329"] == "TR381"
    assert "0363" in codelijsten.GEMEENTEN  # Amsterdam
    assert len(codelijsten.GEMEENTEN.waarden) == 342
    assert codelijsten.retourcode_uitleg("0001").startswith("Bericht is afgekeurd")


def test_overlap_with_the_catalogue_agrees():
    """voorzieningen keeps WMO020, JZ020, WJ756 and WMO757 in the same shape: same codes."""
    for item in json.loads(VOORZIENINGEN.read_text(encoding="utf-8")):
        ons = codelijsten.codelijst(item["codelijst"])
        assert item["versie"] == ons.versie
        assert {w["code"] for w in item["waarden"]} == set(ons.waarden), item["codelijst"]
