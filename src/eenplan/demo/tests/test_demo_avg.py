"""The demo shows the AVG features: requests in every state and a destruction list of old
complaints awaiting a second privacy officer, who can log in with the demo password."""

import datetime as dt
import random

import pytest
from django.contrib.auth import authenticate
from django.test import RequestFactory
from django.utils import timezone

from eenplan.avg import bewaren
from eenplan.avg.constants import VerzoekStatus
from eenplan.avg.models import AvgVerzoek, Bewaarplicht, Vernietigingslijst
from eenplan.demo.avg import TWEEDE_FG, build_avg
from eenplan.demo.data import DEMO_WACHTWOORD
from eenplan.testing import scenarios
from eenplan.testing.factories import InwonerFactory, MedewerkerFactory

pytestmark = pytest.mark.django_db


def test_the_avg_step_makes_requests_in_every_state_and_a_list_awaiting_approval():
    s = scenarios.gemeente(vaste_gebruikersnamen=True)  # logins generalist, backoffice, ...
    MedewerkerFactory(gemeente=s.gemeente, functie="privacy", username="privacy")
    for i in range(14):
        InwonerFactory(gemeente=s.gemeente, wijk=list(s.wijken.values())[i % 3])
    vandaag = timezone.localdate()
    gemaakt = build_avg(gemeente=s.gemeente, vandaag=vandaag, rng=random.Random(17))  # noqa: S311
    assert gemaakt == {"verzoeken": 8, "klachten": 4, "lijsten": 1}
    verzoeken = AvgVerzoek.objects.filter(gemeente=s.gemeente)
    assert set(verzoeken.values_list("status", flat=True)) == set(VerzoekStatus.values)
    assert verzoeken.filter(verlengd_op__isnull=False).exists()
    assert verzoeken.filter(status="open", antwoord_uiterlijk__lt=vandaag).exists()  # overdue
    assert Bewaarplicht.objects.filter(soort="beperking").exists()  # restriction granted
    lijst = Vernietigingslijst.objects.get(gemeente=s.gemeente)
    assert lijst.status == "voorgesteld" and lijst.regels.filter(soort="klacht").count() == 4
    verzoek = RequestFactory().post("/login/")
    tweede = authenticate(request=verzoek, username=TWEEDE_FG, password=DEMO_WACHTWOORD)
    assert tweede is not None and tweede != lijst.voorgesteld_door
    bewaren.vernietigingslijst_goedkeuren(lijst=lijst, door=tweede, vandaag=vandaag)
    lijst.refresh_from_db()
    assert lijst.status == "vernietigd"
    assert all(v.categorie == "13.1" for v in bewaren.verklaring(lijst))
    assert dt.date(2020, 1, 1) <= min(v.ingang_van for v in bewaren.verklaring(lijst))
