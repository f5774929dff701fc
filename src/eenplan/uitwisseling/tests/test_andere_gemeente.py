"""An exchange or household of another municipality (issue 16): looked up within the login's
municipality, so it answers the 404 of one that does not exist — on the page and in the API,
for a read and a write — instead of a refusal on need-to-know that tells it exists. The refusal
is in the access log of the login's own municipality (`uitwisseling.opzoeken` through
`access.get_or_refuse`, ADR 0046) and nothing changes."""

from __future__ import annotations

import pytest
from django.test import Client

from eenplan.conftest import login
from eenplan.gemeente.constants import Rol
from eenplan.privacy.access import NIET_BINNEN_GEMEENTE
from eenplan.testing.helpers import api_for, geweigerd_elders, van_elders
from eenplan.uitwisseling.constants import Status

pytestmark = pytest.mark.django_db


def test_an_exchange_of_another_municipality_is_a_logged_404_and_changes_nothing(
    huishouden, generalist, vrager
):
    uitwisseling = vrager(huishouden, generalist)
    elders = van_elders(Rol.GENERALIST)
    client, api = login(Client(), elders), api_for(elders)
    antwoorden = [
        client.get(f"/uitwisselingen/{uitwisseling.pk}/"),
        client.get(f"/uitwisselingen/huishouden/{huishouden.pk}/"),
        api.get(f"/api/v1/uitwisselingen/{uitwisseling.pk}/"),
        client.post(f"/uitwisselingen/{uitwisseling.pk}/weigeren/", {"reden": "Beroepsgeheim."}),
        api.post(f"/api/v1/uitwisselingen/{uitwisseling.pk}/goedkeuren/", {}, format="json"),
    ]
    assert [a.status_code for a in antwoorden] == [404] * 5
    nergens = api.get(f"/api/v1/uitwisselingen/{uitwisseling.pk + 1000}/")
    assert nergens.json()["detail"] == antwoorden[2].json()["detail"]
    rijen = geweigerd_elders(elders)
    assert [(r.reden, r.handeling, r.inwoner_id) for r in rijen] == [
        (f"Uitwisseling {uitwisseling.pk}: {NIET_BINNEN_GEMEENTE}.", "lezen", None),
        (f"Huishouden {huishouden.pk}: {NIET_BINNEN_GEMEENTE}.", "lezen", None),
        (f"Uitwisseling {uitwisseling.pk}: {NIET_BINNEN_GEMEENTE}.", "lezen", None),
        (f"Uitwisseling {uitwisseling.pk}: {NIET_BINNEN_GEMEENTE}.", "weigeren", None),
        (f"Uitwisseling {uitwisseling.pk}: {NIET_BINNEN_GEMEENTE}.", "beslissen", None),
        (f"Uitwisseling {uitwisseling.pk + 1000}: {NIET_BINNEN_GEMEENTE}.", "lezen", None),
    ]
    assert {r.gemeente_id for r in rijen} == {elders.gemeente_id}
    uitwisseling.refresh_from_db()
    assert uitwisseling.status == Status.AANGEVRAAGD


def test_the_own_municipality_still_reads_its_exchanges(huishouden, generalist, vrager):
    uitwisseling = vrager(huishouden, generalist)
    client, api = login(Client(), generalist), api_for(generalist)
    assert client.get(f"/uitwisselingen/{uitwisseling.pk}/").status_code == 200
    lijst = client.get(f"/uitwisselingen/huishouden/{huishouden.pk}/")
    assert lijst.status_code == 200 and f"/uitwisselingen/{uitwisseling.pk}/" in (
        lijst.content.decode()
    )
    assert api.get(f"/api/v1/uitwisselingen/{uitwisseling.pk}/").status_code == 200
    ids = [u["id"] for u in api.get("/api/v1/uitwisselingen/").json()["results"]]
    assert ids == [uitwisseling.pk]
