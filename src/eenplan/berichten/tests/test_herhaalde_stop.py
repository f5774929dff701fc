"""Repeated stops of one delivery (TR413-TR415): a temporary stop (reason 20) may be followed
by a stop for good, not by a second temporary one (9413); a later stop never ends earlier
(9414); after a stop for good nothing but deleting it (9415). A rejected stop changes nothing."""

from __future__ import annotations

import dataclasses
import datetime as dt

from eenplan.berichten.constants import BerichtStatus
from eenplan.berichten.models import Levering
from eenplan.testing.berichten import antwoord_op, ontvang


def _stop(van_aanbieder, identificatie, reden, einde):
    bericht = van_aanbieder.stop(einddatum=einde, identificatie=identificatie)
    product = bericht.client.stop_producten[0]
    bericht.client.stop_producten[0] = dataclasses.replace(product, reden_beeindiging=reden)
    return ontvang(bericht)


def test_temporary_then_for_good_then_nothing(van_aanbieder, toewijzing):
    ontvang(van_aanbieder.start())
    begin = toewijzing.ingangsdatum
    tijdelijk = _stop(van_aanbieder, "S1", "20", begin + dt.timedelta(days=20))
    assert tijdelijk.status == BerichtStatus.VERWERKT
    nog_eens = _stop(van_aanbieder, "S2", "20", begin + dt.timedelta(days=40))
    assert nog_eens.retourcodes == ["9413"]
    assert antwoord_op(nog_eens).client.stop_producten[0].retourcodes == ["9413"]
    eerder = _stop(van_aanbieder, "S3", "19", begin + dt.timedelta(days=10))
    assert eerder.retourcodes == ["9414"]
    definitief = _stop(van_aanbieder, "S4", "19", begin + dt.timedelta(days=30))
    assert definitief.status == BerichtStatus.VERWERKT
    daarna = _stop(van_aanbieder, "S5", "19", begin + dt.timedelta(days=60))
    assert daarna.retourcodes == ["9415"]
    levering = Levering.objects.get(toewijzing=toewijzing)
    assert (levering.reden_beeindiging, levering.einddatum) == (
        "19",
        begin + dt.timedelta(days=30),
    )
