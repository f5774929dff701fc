"""A message of another municipality (issue 16): staff look a message up within the municipality
the login works for now — on the page, in the staff log API and in the message API — so another
municipality's message answers the 404 of one that exists nowhere (before: a 403 in the message
API, which told it exists, and an unlogged 404 on the page). The refusal is in the login's own
access log (resource, requested id, "niet binnen uw gemeente of bestaat niet"); nothing about the
message's residents is logged (`overzichten.bericht_detail`, ADR 0046)."""

from __future__ import annotations

import pytest
from django.test import Client

from eenplan.conftest import login
from eenplan.gemeente.constants import Rol
from eenplan.privacy.access import NIET_BINNEN_GEMEENTE
from eenplan.privacy.models import Inzage
from eenplan.testing.berichten import bericht
from eenplan.testing.factories import AanbiederFactory, MedewerkerFactory
from eenplan.testing.helpers import api_for, geweigerd_elders, van_elders

pytestmark = pytest.mark.django_db

PADEN = [
    ("pagina", "/berichten/{pk}/"),
    ("api", "/api/v1/berichten/log/{pk}/"),
    ("api", "/api/v1/berichten/{pk}/"),
    ("api", "/api/v1/berichten/{pk}/inhoud/"),
]


@pytest.fixture
def hier(gemeente, inwoner_noord):
    return bericht(gemeente, AanbiederFactory(naam="Thuiszorg West"), inwoner_noord)


@pytest.mark.parametrize(("kanaal", "pad"), PADEN)
def test_a_message_of_another_municipality_is_a_logged_404(hier, inwoner_noord, kanaal, pad):
    elders = van_elders(Rol.CONTRACTMANAGER)
    client = api_for(elders) if kanaal == "api" else login(Client(), elders)
    response = client.get(pad.format(pk=hier.pk))
    assert response.status_code == 404
    assert str(inwoner_noord.bsn) not in response.content.decode()
    [rij] = geweigerd_elders(elders)
    assert rij.reden == f"Bericht {hier.pk}: {NIET_BINNEN_GEMEENTE}."
    assert (rij.onderwerp, rij.handeling, rij.kanaal) == ("bericht", "lezen", kanaal)
    assert (rij.inwoner_id, rij.gemeente_id) == (None, elders.gemeente_id)
    assert not Inzage.objects.filter(inwoner=inwoner_noord).exists()


@pytest.mark.parametrize(("kanaal", "pad"), PADEN)
def test_within_the_own_municipality_the_message_opens_and_its_resident_is_logged(
    hier, gemeente, inwoner_noord, kanaal, pad
):
    eigen = MedewerkerFactory(gemeente=gemeente, functie=Rol.CONTRACTMANAGER, username="cm")
    client = api_for(eigen) if kanaal == "api" else login(Client(), eigen)
    assert client.get(pad.format(pk=hier.pk)).status_code == 200
    assert not geweigerd_elders(eigen)
    [rij] = Inzage.objects.filter(user=eigen.user, inwoner=inwoner_noord)
    assert (rij.toegestaan, rij.gemeente_id) == (True, gemeente.pk)
