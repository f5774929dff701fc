"""The provider's message builder (`testing.berichten.Aanbiedersbericht`): a 323 it builds
never claims days after the message's Dagtekening (iWmo TR137), so a test does not rest on a
claim that a municipality must refuse."""

from __future__ import annotations

import datetime as dt

from eenplan.berichten.models import Toewijzing
from eenplan.inwoners.models import Inwoner
from eenplan.istandaarden import regels
from eenplan.testing.berichten import Aanbiedersbericht

D = dt.date


def _bouwer(ingangsdatum: dt.date) -> Aanbiedersbericht:
    # Unsaved rows: the builder only reads them.
    inwoner = Inwoner(bsn="999990019", geboortedatum=D(1950, 3, 1), achternaam="Jansen")
    toewijzing = Toewijzing(
        inwoner=inwoner,
        nummer=4711,
        productcategorie="02",
        productcode="02A05",
        ingangsdatum=ingangsdatum,
        eenheid="04",
    )
    return Aanbiedersbericht(toewijzing)


def _perioden(bericht) -> list[tuple[dt.date, dt.date]]:
    d = bericht.declaratie
    return [(d.declaratie_periode.begindatum, d.declaratie_periode.einddatum)] + [
        (p.product_periode.begindatum, p.product_periode.einddatum)
        for c in d.clienten
        for p in c.prestaties
    ]


def test_a_month_still_running_is_claimed_up_to_the_dagtekening_only():
    # A toewijzing from 3 November, a message of 20 November: November is not over. Before,
    # the builder claimed up to 30 November, which TR137 refuses.
    bericht = _bouwer(D(2026, 11, 3)).declaratie(volume=1, dag=D(2026, 11, 20))
    assert _perioden(bericht) == [
        (D(2026, 11, 1), D(2026, 11, 20)),
        (D(2026, 11, 3), D(2026, 11, 20)),
    ]
    assert bericht.declaratie.declaratie_dagtekening == D(2026, 11, 20)
    assert regels.TR137(bericht) == []


def test_a_month_that_is_over_is_claimed_whole():
    bericht = _bouwer(D(2026, 11, 3)).declaratie(volume=1, dag=D(2026, 12, 3))
    assert _perioden(bericht) == [
        (D(2026, 11, 1), D(2026, 11, 30)),
        (D(2026, 11, 3), D(2026, 11, 30)),
    ]
    assert regels.TR137(bericht) == []
    # The next month, claimed on 3 December, is still running: up to 3 December.
    december = _bouwer(D(2026, 11, 3)).declaratie(volume=1, maand=1, dag=D(2026, 12, 3))
    assert _perioden(december)[0] == (D(2026, 12, 1), D(2026, 12, 3))
    assert regels.TR137(december) == []
