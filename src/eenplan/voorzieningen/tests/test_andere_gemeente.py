"""A voorziening of another municipality (issue 16): the catalogue is read within the login's
municipality, so another municipality's voorziening is the 404 of one that does not exist on
the page and in the API, and a tariff posted to it changes nothing (the wijken a voorziening
serves are read within its municipality too: the prefetch carries the condition). Catalogue
entries are no personal data: the 404 is not an access-log row."""

from __future__ import annotations

import pytest
from django.test import Client

from eenplan.conftest import login
from eenplan.gemeente.constants import Rol
from eenplan.testing.factories import VoorzieningFactory, WijkFactory
from eenplan.testing.helpers import api_for, van_elders
from eenplan.voorzieningen.models import Tarief

pytestmark = pytest.mark.django_db


def test_a_voorziening_of_another_municipality_is_a_404_and_changes_nothing(gemeente):
    hier = VoorzieningFactory(gemeente=gemeente, algemeen=True, naam="Inloop Noord")
    hier.wijken.set([WijkFactory(gemeente=gemeente, naam="Noord")])
    tarieven = Tarief.objects.count()
    elders = van_elders(Rol.CONTRACTMANAGER)
    api = api_for(elders)
    assert api.get(f"/api/v1/voorzieningen/{hier.pk}/").status_code == 404
    assert hier.pk not in [v["id"] for v in api.get("/api/v1/voorzieningen/").json()["results"]]
    client = login(Client(), elders)
    assert client.get(f"/voorzieningen/{hier.pk}/").status_code == 404
    tarief = {
        "tarief-leveringsvorm": "pgb",
        "tarief-bedrag": "31,00",
        "tarief-geldig_vanaf": "2025-01-01",
        "tarief-bron": "Verordening 2025",
    }
    assert client.post(f"/voorzieningen/{hier.pk}/tarief/", tarief).status_code == 404
    assert Tarief.objects.count() == tarieven
