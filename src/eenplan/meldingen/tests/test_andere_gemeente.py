"""A melding of another municipality (issue 16): it is found by id within the login's
municipality — with the resident, wijk, household, team and staff member it joins held to it —
so another municipality's melding answers the 404 of one that does not exist, on the page and in
the API, for a read and a write, instead of a refusal that tells it exists. The refusal is
logged in the login's own municipality (`access.get_or_refuse`, ADR 0046) and nothing changes.
The worklist of the other municipality does not show it either."""

from __future__ import annotations

import pytest
from django.test import Client

from eenplan.conftest import login
from eenplan.gemeente.constants import Rol
from eenplan.meldingen.models import Melding, MeldingGebeurtenis, Opschorting
from eenplan.privacy.access import NIET_BINNEN_GEMEENTE
from eenplan.privacy.models import Inzage
from eenplan.testing.factories import MeldingFactory
from eenplan.testing.helpers import api_for, geweigerd_elders, van_elders

pytestmark = pytest.mark.django_db


def _staat(melding: Melding) -> tuple:
    return (
        Melding.objects.filter(pk=melding.pk).values().get(),
        MeldingGebeurtenis.objects.filter(melding=melding).count(),
        Opschorting.objects.filter(melding=melding).count(),
    )


@pytest.mark.parametrize("kanaal", ["pagina", "api"])
def test_a_melding_of_another_municipality_is_a_404_and_changes_nothing(kanaal):
    melding = MeldingFactory()
    voor = _staat(melding)
    elders = van_elders(Rol.MIDOFFICE)
    opschorten = {"van": "2024-06-03", "reden": "Wachten op stukken"}
    if kanaal == "api":
        api = api_for(elders)
        pad = f"/api/v1/meldingen/{melding.pk}/"
        antwoorden = [
            api.get(pad),
            api.post(f"{pad}opschorten/", opschorten, format="json"),
        ]
    else:
        client = login(Client(), elders)
        pad = f"/meldingen/{melding.pk}/"
        antwoorden = [
            client.get(pad),
            client.post(f"{pad}opschorten/", {f"opschorten-{k}": v for k, v in opschorten.items()}),
        ]
    assert [a.status_code for a in antwoorden] == [404, 404]
    assert [(r.reden, r.handeling, r.inwoner_id) for r in geweigerd_elders(elders)] == [
        (f"Melding {melding.pk}: {NIET_BINNEN_GEMEENTE}.", "lezen", None),
        (f"Melding {melding.pk}: {NIET_BINNEN_GEMEENTE}.", "opschorten", None),
    ]
    assert _staat(melding) == voor
    assert not Inzage.objects.filter(user=elders.user, toegestaan=True).exists()


@pytest.mark.parametrize("kanaal", ["pagina", "api"])
def test_the_worklist_of_another_municipality_does_not_show_it(kanaal):
    melding = MeldingFactory()
    elders = van_elders(Rol.MIDOFFICE)
    if kanaal == "api":
        response = api_for(elders).get("/api/v1/meldingen/", {"status": "geregistreerd"})
        assert response.status_code == 200
        assert response.json()["count"] == 0
    else:
        response = login(Client(), elders).get("/meldingen/werkvoorraad/?weergave=alle")
        assert response.status_code == 200
        assert f"/meldingen/{melding.pk}/" not in response.content.decode()
    # Its own municipality's screener does see it: the list is not empty for another reason.
    eigen = api_for(melding.geregistreerd_door.medewerkers.get())
    assert [m["id"] for m in eigen.get("/api/v1/meldingen/").json()["results"]] == [melding.pk]
