"""An onderzoek of another municipality (issue 16): it is found by id within the login's
municipality — through its resident, melding, household and staff member, an onderzoek has no
municipality of its own — so another municipality's onderzoek answers the 404 of one that does
not exist, on the page, the verslag and in the API, for a read and a write, instead of a
refusal that tells it exists. The refusal is logged in the login's own municipality
(`access.get_or_refuse`, ADR 0046) and nothing changes."""

from __future__ import annotations

import pytest
from django.test import Client

from eenplan.conftest import login
from eenplan.onderzoeken.models import Gesprek
from eenplan.privacy.access import NIET_BINNEN_GEMEENTE
from eenplan.privacy.models import Inzage
from eenplan.testing.helpers import api_for, geweigerd_elders, van_elders

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("kanaal", ["pagina", "api"])
def test_an_onderzoek_of_another_municipality_is_a_404_and_changes_nothing(onderzoek, kanaal):
    versie = onderzoek.versie
    elders = van_elders()
    if kanaal == "api":
        api = api_for(elders)
        pad = f"/api/v1/onderzoeken/{onderzoek.pk}/"
        antwoorden = [api.get(pad), api.post(f"{pad}gesprekken/", {}, format="json")]
    else:
        client = login(Client(), elders)
        pad = f"/onderzoeken/{onderzoek.pk}/"
        antwoorden = [
            client.get(pad),
            client.get(f"{pad}verslag/"),
            client.post(f"{pad}gesprek/", {}),
        ]
    assert {a.status_code for a in antwoorden} == {404}
    rijen = geweigerd_elders(elders)
    assert len(rijen) == len(antwoorden)
    assert {r.reden for r in rijen} == {f"Onderzoek {onderzoek.pk}: {NIET_BINNEN_GEMEENTE}."}
    assert {r.inwoner_id for r in rijen} == {None}
    assert rijen[-1].handeling == "wijzigen"
    onderzoek.refresh_from_db()
    assert onderzoek.versie == versie
    assert not Gesprek.objects.exists()
    assert not Inzage.objects.filter(user=elders.user, toegestaan=True).exists()
