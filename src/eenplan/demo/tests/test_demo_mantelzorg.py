"""The demo's mantelzorg and volunteers (issue 15): about one carer for every third client, and
the demo's VOG term leaves some volunteers out of a match."""

import datetime as dt

import pytest
from django.utils import timezone

from eenplan.demo.builder import build_demo
from eenplan.mantelzorg.models import Klus, Mantelzorger, Match, VogTermijn, Vrijwilliger
from eenplan.meldingen.constants import Kanaal
from eenplan.meldingen.models import Melding

pytestmark = pytest.mark.django_db


def test_the_demo_has_about_one_carer_for_every_third_client():
    build_demo(inwoners=2000, seed=1, peildatum=dt.date(2026, 1, 1))
    # Clients: residents with a melding for support in the last year (the live part of the demo;
    # the history before it is finished cases, demo.historie); a debt-help signal is not one.
    clienten = (
        Melding.objects.filter(
            inwoner__isnull=False,
            ontvangen_op__gt=timezone.localdate() - dt.timedelta(days=366),
        )
        .exclude(kanaal=Kanaal.VROEGSIGNALERING)
        .values("inwoner_id")
        .distinct()
        .count()
    )
    verhouding = Mantelzorger.objects.count() / clienten
    print(f"\ncarers {Mantelzorger.objects.count()} for {clienten} clients: {verhouding:.2f}")
    assert 0.25 <= verhouding <= 0.45, verhouding
    assert VogTermijn.objects.count() == 1
    assert Vrijwilliger.objects.exists() and Klus.objects.exists() and Match.objects.exists()
