"""Messages eenplan writes: the file rules of OP192, the official schema and stylesheet."""

from __future__ import annotations

import pytest

from eenplan.istandaarden import BouwFout, bouw, lees, voorbeelden

HEEN = ["301", "305", "307", "315", "317", "319", "323"]


def _alle(wet):
    for code, maak in voorbeelden.ALLE.items():
        heen = maak(wet)
        yield heen
        if code in HEEN and code != "323":
            yield voorbeelden.retour(heen)
            yield voorbeelden.retour(heen, ["8848"])


@pytest.mark.parametrize("wet", ["wmo", "jw"])
def test_every_message_passes_schema_and_stylesheet(orakel, wet):
    gezien = set()
    for bericht in _alle(wet):
        data = bouw(bericht)
        assert not data.startswith(b"\xef\xbb\xbf")
        assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\r\n')
        assert b"\n" not in data.replace(b"\r\n", b"")
        assert lees(data) == bericht
        fouten = orakel.schemafouten(bericht.naam, data)
        assert fouten == [], (bericht.naam, fouten)
        assert orakel.xslt_fouten(wet, data) == [], bericht.naam
        gezien.add(type(bericht).CODE)
    assert gezien == {
        "301",
        "302",
        "305",
        "306",
        "307",
        "308",
        "315",
        "316",
        "317",
        "318",
        "319",
        "320",
        "323",
        "325",
    }


def test_namespaces_and_header_as_the_standard_prescribes():
    data = bouw(voorbeelden.toewijzing("wmo"))
    assert b'xmlns:wmo301="http://www.istandaarden.nl/iwmo/3_2/wmo301/schema"' in data
    assert b'xmlns:iwmo="http://www.istandaarden.nl/iwmo/3_2/basisschema/schema"' in data
    assert b"<wmo301:BerichtCode>414</wmo301:BerichtCode>" in data
    jw = bouw(voorbeelden.declaratie("jw"))
    assert b"<jw323:BerichtCode>490</jw323:BerichtCode>" in jw
    assert b'xmlns:ijw="http://www.istandaarden.nl/ijw/3_2/basisschema/schema"' in jw


def test_jeugd_only_element_refused_in_wmo():
    bericht = voorbeelden.verzoek_om_toewijzing("wmo")
    bericht.client.gezagsdrager_bekend = "1"
    with pytest.raises(BouwFout):
        bouw(bericht)


def test_missing_required_list_refused():
    bericht = voorbeelden.toewijzing("wmo")
    bericht.client.toegewezen_producten = []
    with pytest.raises(BouwFout):
        bouw(bericht)
