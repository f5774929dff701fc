"""Hostile or broken input never crashes the reader: it raises a BerichtFout with code 0001."""

from __future__ import annotations

import pytest

from eenplan.istandaarden import (
    BerichtFout,
    OnbekendBericht,
    OngeldigeInhoud,
    OngeldigeXml,
    OnveiligeXml,
    bouw,
    lees,
    voorbeelden,
)
from eenplan.istandaarden import xml as berichtxml

GOED = bouw(voorbeelden.declaratie("wmo"))

BOM = b"\xef\xbb\xbf" + GOED
BOM_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<wmo323:Bericht xmlns:wmo323="http://www.istandaarden.nl/iwmo/3_2/wmo323/schema">&lol3;</wmo323:Bericht>"""
EXTERN = b"""<?xml version="1.0"?>
<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<wmo323:Bericht xmlns:wmo323="http://www.istandaarden.nl/iwmo/3_2/wmo323/schema">&xxe;</wmo323:Bericht>"""


@pytest.mark.parametrize(
    ("data", "soort"),
    [
        (BOM_LAUGHS, OnveiligeXml),
        (EXTERN, OnveiligeXml),
        (BOM, OngeldigeXml),
        (GOED[: len(GOED) // 2], OngeldigeXml),  # truncated file
        (b"", OngeldigeXml),
        ("<a>é</a>".encode("latin-1"), OngeldigeXml),
        (GOED.replace(b"iwmo/3_2/wmo323", b"iwmo/3_1/wmo323"), OnbekendBericht),  # wrong namespace
        (GOED.replace(b"<wmo323:BerichtCode>484", b"<wmo323:BerichtCode>490"), OngeldigeInhoud),
        (GOED.replace(b"<iwmo:Bedrag>", b"<iwmo:Bedrag>x"), OngeldigeInhoud),
        (GOED.replace(b"<wmo323:Eenheid>04</wmo323:Eenheid>", b""), OngeldigeInhoud),
        (
            GOED.replace(b"</wmo323:Declaratie>", b"<wmo323:X/></wmo323:Declaratie>"),
            OngeldigeInhoud,
        ),
        (b"<x/>", OnbekendBericht),
        (GOED.replace(b'encoding="UTF-8"', b'encoding="ISO-8859-1"'), OngeldigeXml),
    ],
)
def test_bad_input_raises_typed_error_with_0001(data, soort):
    with pytest.raises(soort) as exc:
        lees(data)
    assert isinstance(exc.value, BerichtFout)
    assert exc.value.retourcode == "0001"


def test_size_limit(monkeypatch):
    monkeypatch.setattr(berichtxml, "MAX_BYTES", 100)
    with pytest.raises(OnveiligeXml):
        lees(GOED)


def test_elements_out_of_order_refused():
    data = bouw(voorbeelden.toewijzing("wmo"))
    a = b"<iwmo:Volume>3</iwmo:Volume>"
    b = b"<iwmo:Eenheid>04</iwmo:Eenheid>"
    swapped = data.replace(a, b"@@").replace(b, a).replace(b"@@", b)
    with pytest.raises(OngeldigeInhoud):
        lees(swapped)


def test_leesbaar_indents_a_message_and_shows_anything_else_as_it_is():
    from eenplan.istandaarden import bouw, voorbeelden
    from eenplan.istandaarden.xml import leesbaar

    tekst, ingesprongen = leesbaar(bouw(voorbeelden.stop("wmo")))
    assert ingesprongen
    assert "\n  <wmo307:Header>\n    <wmo307:BerichtCode>420</wmo307:BerichtCode>\n" in tekst
    assert "\n    <wmo307:Bsn>999900006</wmo307:Bsn>\n" in tekst
    bom_ = b"<!DOCTYPE x [<!ENTITY a 'b'>]><x>&a;<script>alert(1)</script></x>"
    tekst, ingesprongen = leesbaar(bom_)
    assert not ingesprongen
    assert tekst == bom_.decode()  # shown as received (the page escapes it), entity not expanded
    tekst, _ = leesbaar(b"\xff\xfe kapot")
    assert "kapot" in tekst
