"""A bezwaar of another municipality (issue 16): it is found by id within the login's
municipality — through its beschikking, a bezwaar has no municipality of its own — so another
municipality's bezwaar answers the 404 of one that does not exist, on the page and in the API,
for a read and a write, instead of a refusal that tells it exists. The refusal is logged in the
login's own municipality (`access.get_or_refuse`, ADR 0046) and nothing changes."""

from __future__ import annotations

import pytest
from django.test import Client

from eenplan.conftest import login
from eenplan.gemeente.constants import Rol
from eenplan.privacy.access import NIET_BINNEN_GEMEENTE
from eenplan.privacy.models import Inzage
from eenplan.testing.factories import BezwaarFactory
from eenplan.testing.helpers import api_for, geweigerd_elders, van_elders

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("kanaal", ["pagina", "api"])
def test_a_bezwaar_of_another_municipality_is_a_404_and_changes_nothing(kanaal):
    bezwaar = BezwaarFactory()
    voor = (bezwaar.versie, bezwaar.beslissen_uiterlijk)
    elders = van_elders(Rol.BACKOFFICE)
    if kanaal == "api":
        api = api_for(elders)
        pad = f"/api/v1/bezwaren/{bezwaar.pk}/"
        antwoorden = [api.get(pad), api.post(f"{pad}verdagen/", {}, format="json")]
    else:
        client = login(Client(), elders)
        pad = f"/beschikkingen/bezwaren/{bezwaar.pk}/"
        antwoorden = [client.get(pad), client.post(f"{pad}verdagen/", {})]
    assert [a.status_code for a in antwoorden] == [404, 404]
    assert [(r.reden, r.handeling, r.inwoner_id) for r in geweigerd_elders(elders)] == [
        (f"Bezwaar {bezwaar.pk}: {NIET_BINNEN_GEMEENTE}.", "lezen", None),
        (f"Bezwaar {bezwaar.pk}: {NIET_BINNEN_GEMEENTE}.", "behandelen", None),
    ]
    bezwaar.refresh_from_db()
    assert (bezwaar.versie, bezwaar.beslissen_uiterlijk) == voor
    assert not Inzage.objects.filter(user=elders.user, toegestaan=True).exists()
