"""The provider's message builder (`testing.berichten.Aanbiedersbericht`): a 323 it builds
never claims days after the message's Dagtekening (iWmo TR137), so a test does not rest on a
claim that a municipality must refuse: a month still running is claimed up to the Dagtekening,
and a period that begins after it is refused with a clear error."""

from __future__ import annotations

import datetime as dt

import pytest

from eenplan.berichten.models import Toewijzing
from eenplan.inwoners.models import Inwoner
from eenplan.istandaarden import regels
from eenplan.testing.berichten import Aanbiedersbericht, TeVroegGedeclareerd

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


def test_a_month_after_the_dagtekening_is_refused_with_a_clear_error():
    # A toewijzing from 3 November, a message of 20 November: December has not begun.
    bouwer = _bouwer(D(2026, 11, 3))
    with pytest.raises(TeVroegGedeclareerd, match="begint na de dagtekening") as fout:
        bouwer.declaratie(volume=1, maand=1, dag=D(2026, 11, 20))
    assert "01-12-2026" in str(fout.value) and "TR137" in str(fout.value)
    # A toewijzing that begins after the message's Dagtekening: nothing to claim yet.
    with pytest.raises(TeVroegGedeclareerd):
        _bouwer(D(2026, 11, 25)).declaratie(volume=1, dag=D(2026, 11, 20))
    # The same month once it has begun is built (up to the Dagtekening).
    assert _perioden(bouwer.declaratie(volume=1, maand=1, dag=D(2026, 12, 1)))[0] == (
        D(2026, 12, 1),
        D(2026, 12, 1),
    )
