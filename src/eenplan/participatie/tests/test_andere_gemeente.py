"""A resident of another municipality in work and income (ADR 0046): the tegenprestatie API that
names them in its body answers a Dutch 400 on the field `inwoner`, the work pages that name them
in the URL a 404 — both the same as for a resident that exists nowhere, both a refused row in
the access log of the login's own municipality (resource, action, "Inwoner <id>: niet binnen uw
gemeente of bestaat niet."), nothing about the other municipality's resident, nothing changed."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from eenplan.conftest import login
from eenplan.gemeente.constants import Rol
from eenplan.participatie.models import Tegenprestatie
from eenplan.privacy.access import NIET_BINNEN_GEMEENTE
from eenplan.privacy.models import Inzage
from eenplan.testing.factories import InwonerFactory
from eenplan.testing.helpers import api_for, geweigerd_elders, van_elders

pytestmark = pytest.mark.django_db


def _tegenprestatie(inwoner_id: int) -> dict[str, object]:
    begin = timezone.localdate()
    return {
        "inwoner": inwoner_id,
        "omschrijving": "Tuinonderhoud bij ouderen in de wijk",
        "uren_per_week": "3",
        "begin": begin.isoformat(),
        "einde": (begin + dt.timedelta(days=90)).isoformat(),
        "naar_vermogen": "Werkt graag buiten.",
        "onbetaald": True,
        "additioneel": True,
        "gericht_op_arbeidsinschakeling": False,
        "maatschappelijk_nuttig": True,
    }


@pytest.fixture
def hier(gemeente, wijken):
    return InwonerFactory(gemeente=gemeente, wijk=wijken["Noord"])


def test_the_tegenprestatie_api_refuses_and_logs_a_resident_of_another_municipality(hier):
    elders = van_elders(Rol.WERKPLEIN)
    api = api_for(elders)
    pad = "/api/v1/participatie/tegenprestaties/"
    daar = api.post(pad, _tegenprestatie(hier.pk), format="json")
    nergens = api.post(pad, _tegenprestatie(hier.pk + 1000), format="json")
    assert daar.status_code == nergens.status_code == 400
    assert daar.json()["inwoner"] == [f"Inwoner {hier.pk} is onbekend in uw gemeente."]
    assert nergens.json()["inwoner"] == [f"Inwoner {hier.pk + 1000} is onbekend in uw gemeente."]
    assert not Tegenprestatie.objects.exists()
    rijen = geweigerd_elders(elders)
    assert [r.reden for r in rijen] == [
        f"Inwoner {hier.pk}: {NIET_BINNEN_GEMEENTE}.",
        f"Inwoner {hier.pk + 1000}: {NIET_BINNEN_GEMEENTE}.",
    ]
    assert {(r.onderwerp, r.handeling, r.inwoner_id, r.gemeente_id) for r in rijen} == {
        ("participatie", "aanmaken", None, elders.gemeente_id)
    }
    assert not Inzage.objects.filter(inwoner=hier).exists()


def test_the_tegenprestatie_page_refuses_and_logs_a_resident_of_another_municipality(hier):
    elders = van_elders(Rol.WERKPLEIN)
    client = login(Client(), elders)
    antwoord = client.post(f"/participatie/inwoners/{hier.pk}/tegenprestatie/", {})
    assert antwoord.status_code == 404
    assert client.get(f"/participatie/inwoners/{hier.pk}/").status_code == 404
    assert not Tegenprestatie.objects.exists()
    assert [(r.reden, r.onderwerp, r.handeling) for r in geweigerd_elders(elders)] == [
        (f"Inwoner {hier.pk}: {NIET_BINNEN_GEMEENTE}.", "participatie", "aanmaken"),
        (f"Inwoner {hier.pk}: {NIET_BINNEN_GEMEENTE}.", "participatie", "lezen"),
    ]
    # the other municipality's resident gets no rows: nothing of theirs was read
    assert not Inzage.objects.filter(inwoner=hier).exists()
