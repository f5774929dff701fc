"""The demo shows work and income (issue 14): about 3-5% of the adults of working age applied for
bijstand, most are decided as beschikkingen, some got a voorschot, and routes with trajectories
exist — visible to the Werkplein login."""

import datetime as dt

import pytest
from django.db.models import Q
from django.utils import timezone

from eenplan.beschikkingen.constants import AanvraagStatus
from eenplan.beschikkingen.models import Beschikking
from eenplan.demo.builder import build_demo
from eenplan.gemeente.models import Medewerker
from eenplan.inwoners.models import HuishoudenLid
from eenplan.participatie.models import LevensonderhoudAanvraag, Traject, Voorschot, Werkdoel
from eenplan.participatie.selectors import levensonderhoud_in_scope
from eenplan.rules.participatie import leeftijd, pensioengerechtigd

pytestmark = pytest.mark.django_db


def test_demo_has_work_and_income_cases():
    vandaag = timezone.localdate()
    build_demo(inwoners=2000, seed=14, peildatum=dt.date(2026, 1, 1))
    leden = (
        HuishoudenLid.objects.filter(lid_van__lte=vandaag)
        .filter(Q(lid_tot__isnull=True) | Q(lid_tot__gt=vandaag))
        .select_related("inwoner")
    )
    werkend = [
        lid
        for lid in leden
        if leeftijd(lid.inwoner.geboortedatum, vandaag) >= 18
        and not pensioengerechtigd(lid.inwoner.geboortedatum, vandaag)
    ]
    aanvragen = LevensonderhoudAanvraag.objects.count()
    assert 0.015 * len(werkend) <= aanvragen <= 0.05 * len(werkend)
    besloten = LevensonderhoudAanvraag.objects.filter(aanvraag__status=AanvraagStatus.BESLOTEN)
    assert 0 < besloten.count() < aanvragen  # some still wait for the decision
    # Every decided bijstand aanvraag's beschikking is sent, with its letter and bezwaar term.
    beschikkingen = Beschikking.objects.filter(aanvraag__levensonderhoud__in=besloten)
    assert beschikkingen.count() == besloten.count()
    assert not beschikkingen.filter(verzonden_op__isnull=True).exists()
    assert not beschikkingen.filter(bezwaar_uiterlijk__isnull=True).exists()
    assert "Participatiewet" in beschikkingen.first().brief
    assert Voorschot.objects.exists() and Traject.objects.exists()
    assert {t.route for t in Traject.objects.all()} >= {"werkspoor", "participatiespoor"}
    werkplein = Medewerker.objects.get(user__username="werkplein")
    assert levensonderhoud_in_scope(werkplein.user).count() == aanvragen
    # Work goals in the one plan, linked to a trajectory, the Werkplein a participant of its
    # own kind with the resident's consent (issue 14).
    werkdoelen = Werkdoel.objects.select_related("deelnemer", "doel", "traject")
    assert werkdoelen.exists()
    for werkdoel in werkdoelen:
        assert werkdoel.deelnemer.soort == "werkplein"
        assert werkdoel.doel.leefgebied.code == "dagbesteding"
        assert werkdoel.traject.inwoner_id == werkdoel.doel.inwoner_id
