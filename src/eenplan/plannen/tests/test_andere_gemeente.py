"""A plan or household of another municipality: not found within the login's municipality, a
404 — and the refusal in the access log (resource, requested id, "niet binnen uw gemeente of
bestaat niet"), on the page and in the API, for a read and a write. Nothing is written to the
other municipality's log and nothing changes (`access.get_or_refuse`, ADR 0046)."""

from __future__ import annotations

import pytest
from django.test import Client

from eenplan.conftest import login
from eenplan.plannen import services as plannen
from eenplan.plannen.models import Doel
from eenplan.privacy.access import NIET_BINNEN_GEMEENTE
from eenplan.privacy.models import Inzage
from eenplan.testing.helpers import api_for, geweigerd_elders, van_elders

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(gezin, generalist):
    return plannen.plan_open(huishouden=gezin["huishouden"], actor=generalist.user)


@pytest.mark.parametrize(
    ("kanaal", "pad"),
    [
        ("pagina", "/plannen/{plan}/"),
        ("pagina", "/plannen/{plan}/afdrukken/"),
        ("api", "/api/v1/plannen/{plan}/"),
        ("api", "/api/v1/plannen/{plan}/versies/1/"),
    ],
)
def test_a_plan_of_another_municipality_is_a_404_and_the_refusal_is_logged(
    plan, gezin, kanaal, pad
):
    elders = van_elders()
    client = api_for(elders) if kanaal == "api" else login(Client(), elders)
    assert client.get(pad.format(plan=plan.pk)).status_code == 404
    [rij] = geweigerd_elders(elders)
    assert rij.reden == f"Plan {plan.pk}: {NIET_BINNEN_GEMEENTE}."
    assert (rij.onderwerp, rij.handeling, rij.kanaal) == ("plan", "lezen", kanaal)
    assert (rij.inwoner_id, rij.gemeente_id) == (None, elders.gemeente_id)
    assert not Inzage.objects.filter(user=elders.user, inwoner__isnull=False).exists()


def test_a_write_on_another_municipalitys_plan_changes_nothing_and_is_logged(plan, gezin):
    elders = van_elders()
    response = api_for(elders).post(
        f"/api/v1/plannen/{plan.pk}/doelen/",
        {"omschrijving": "Zelf boodschappen doen", "inwoner": gezin["anna"].pk},
        format="json",
    )
    assert response.status_code == 404
    assert login(Client(), elders).post(f"/plannen/{plan.pk}/doel/", {}).status_code == 404
    assert not Doel.objects.exists()
    rijen = geweigerd_elders(elders)
    assert [(r.handeling, r.kanaal) for r in rijen] == [("wijzigen", "api"), ("lezen", "pagina")]
    assert all(r.reden == f"Plan {plan.pk}: {NIET_BINNEN_GEMEENTE}." for r in rijen)


def test_the_household_page_of_another_municipality_is_a_404_and_logged(gezin):
    elders = van_elders()
    huishouden = gezin["huishouden"]
    response = login(Client(), elders).get(f"/plannen/huishouden/{huishouden.pk}/")
    assert response.status_code == 404
    [rij] = geweigerd_elders(elders)
    assert rij.reden == f"Huishouden {huishouden.pk}: {NIET_BINNEN_GEMEENTE}."


def test_within_the_own_municipality_the_plan_opens_as_before(plan, generalist, generalist_zuid):
    assert login(Client(), generalist).get(f"/plannen/{plan.pk}/").status_code == 200
    assert api_for(generalist).get(f"/api/v1/plannen/{plan.pk}/").status_code == 200
    assert [p["id"] for p in api_for(generalist).get("/api/v1/plannen/").json()["results"]] == [
        plan.pk
    ]
    assert not geweigerd_elders(generalist)
    # Outside the wijk but within the municipality: still the 403 with the need-to-know reason.
    assert api_for(generalist_zuid).get(f"/api/v1/plannen/{plan.pk}/").status_code == 403
