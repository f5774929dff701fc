"""Fixtures of the message traffic: a provider with an AGB code, a resident with a sent ZIN
beschikking (so a toewijzing and a 301), and builders for what the provider sends."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from eenplan.aanbieders.models import Aanbieder
from eenplan.berichten.models import Toewijzing
from eenplan.testing.berichten import AGB, Aanbiedersbericht
from eenplan.testing.factories import AanvraagFactory, BeschikkingFactory

AGB_B = "98000002"


@pytest.fixture
def aanbieder(db) -> Aanbieder:
    return Aanbieder.objects.create(naam="Thuiszorg West", agb_code=AGB)


@pytest.fixture
def aanbieder_b(db) -> Aanbieder:
    return Aanbieder.objects.create(naam="Zorg Oost", agb_code=AGB_B)


@pytest.fixture
def beschikking(gemeente, aanbieder):
    """A ZIN beschikking of three hours a week for a year, sent today: its 301 is in the outbox."""
    return BeschikkingFactory(verzonden=True)


@pytest.fixture
def toewijzing(beschikking) -> Toewijzing:
    return Toewijzing.objects.get(inwoner=beschikking.inwoner)


@pytest.fixture
def van_aanbieder(toewijzing) -> Aanbiedersbericht:
    return Aanbiedersbericht(toewijzing)


def _eerste_van_maanden_terug(n: int) -> dt.date:
    dag = timezone.localdate().replace(day=1)
    for _ in range(n):
        dag = (dag - dt.timedelta(days=1)).replace(day=1)
    return dag


@pytest.fixture
def eerdere_toewijzing(gemeente, aanbieder) -> Toewijzing:
    """A toewijzing that began on the first of the month three months ago (decided and sent
    then): the provider can claim that month and the two after it, all over (TR137)."""
    begin = _eerste_van_maanden_terug(3)
    beschikking = BeschikkingFactory(
        verzonden=True,
        besloten_op=begin,
        aanvraag=AanvraagFactory(ontvangen_op=begin - dt.timedelta(days=10)),
    )
    toewijzing = Toewijzing.objects.get(inwoner=beschikking.inwoner)
    assert toewijzing.ingangsdatum == begin
    return toewijzing


@pytest.fixture
def van_aanbieder_eerder(eerdere_toewijzing) -> Aanbiedersbericht:
    return Aanbiedersbericht(eerdere_toewijzing)
