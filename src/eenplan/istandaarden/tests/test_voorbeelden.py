"""Every valid official example is read and written back the same; the invalid ones are refused."""

from __future__ import annotations

import pytest

from eenplan.istandaarden import BerichtFout, bouw, lees

# The reference README: JW315 has date 2027-06-31 and JW318 a RetourCode out of place.
ONGELDIG = {"JW315.xml", "JW318.xml"}


def test_every_valid_example_is_read_and_round_trips(orakel):
    gelezen = []
    for pad in orakel.voorbeelden():
        if pad.name in ONGELDIG:
            continue
        bericht = lees(pad.read_bytes())
        assert bericht.naam == pad.stem
        opnieuw = bouw(bericht)
        assert lees(opnieuw) == bericht
        assert orakel.schemafouten(pad.stem, opnieuw) == [], pad.name
        gelezen.append(pad.stem)
    assert len(gelezen) == 19  # 7 iWmo + 12 valid iJw examples


@pytest.mark.parametrize("naam", sorted(ONGELDIG))
def test_invalid_examples_are_refused_with_0001(orakel, naam):
    (pad,) = [p for p in orakel.voorbeelden() if p.name == naam]
    assert orakel.schemafouten(pad.stem, pad.read_bytes()) != []  # the oracle agrees
    with pytest.raises(BerichtFout) as exc:
        lees(pad.read_bytes())
    assert exc.value.retourcode == "0001"


def test_written_examples_keep_the_stylesheet_verdict(orakel):
    """The stylesheet finds in our copy exactly what it finds in the original example."""
    for pad in orakel.voorbeelden():
        if pad.name in ONGELDIG:
            continue
        bericht = lees(pad.read_bytes())
        wet = bericht.wet
        assert orakel.xslt_fouten(wet, bouw(bericht)) == orakel.xslt_fouten(wet, pad.read_bytes())
