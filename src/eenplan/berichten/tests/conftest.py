"""Fixtures of the message traffic: a provider with an AGB code, a resident with a sent ZIN
beschikking (so a toewijzing and a 301), and builders for what the provider sends."""

from __future__ import annotations

import pytest

from eenplan.aanbieders.models import Aanbieder
from eenplan.berichten.models import Toewijzing
from eenplan.testing.berichten import AGB, Aanbiedersbericht
from eenplan.testing.factories import BeschikkingFactory

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
