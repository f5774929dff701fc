"""TR378 (S300) and the municipality this installation serves: its code was set up from the
CBS and counts as existing even when the bundled CBS list predates it (a merger, or the demo's
invented municipality); a code on no list and served by no installation still gets S300."""

from __future__ import annotations

from eenplan.gemeente.models import Gemeente
from eenplan.testing.berichten import Aanbiedersbericht, ontvang


def test_a_served_municipality_outside_the_cbs_list_is_not_s300(toewijzing):
    Gemeente.objects.filter(pk=toewijzing.gemeente_id).update(cbs_code="GM9999")
    bericht = ontvang(Aanbiedersbericht(toewijzing, gemeente="9999").start())
    assert "S300" not in bericht.retourcodes
    assert bericht.status == "verwerkt"


def test_an_unknown_municipality_is_still_s300(toewijzing):
    bericht = ontvang(Aanbiedersbericht(toewijzing, gemeente="9998").start())
    assert "S300" in bericht.retourcodes
