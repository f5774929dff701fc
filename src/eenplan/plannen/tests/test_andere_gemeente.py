"""A plan or household of another municipality: not found within the login's municipality, a
404 — and the refusal in the access log (resource, requested id, "niet binnen uw gemeente of
bestaat niet"), on the page and in the API, for a read and a write. Nothing is written to the
other municipality's log and nothing changes (`access.get_or_refuse`, ADR 0046)."""

from __future__ import annotations

import pytest
from django.test import Client

from eenplan.conftest import login
from eenplan.plannen import services as plannen
from eenplan.plannen.models import Doel, Plan
from eenplan.privacy.access import NIET_BINNEN_GEMEENTE
from eenplan.privacy.models import Inzage
from eenplan.testing.factories import InwonerFactory
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


def test_opening_a_plan_for_a_household_of_another_municipality_is_a_logged_400(
    gezin, generalist_zuid
):
    """The household named in the create body: another municipality's answers like one that
    does not exist — a Dutch 400 on the field, which does not tell it exists elsewhere —
    instead of a need-to-know 403 logged in *that* municipality's log. No plan is opened."""
    huishouden = gezin["huishouden"]
    elders = van_elders()
    api = api_for(elders)
    daar = api.post("/api/v1/plannen/", {"huishouden": huishouden.pk}, format="json")
    nergens = api.post("/api/v1/plannen/", {"huishouden": huishouden.pk + 1000}, format="json")
    assert (daar.status_code, nergens.status_code) == (400, 400)
    assert daar.json()["huishouden"] == [f"Huishouden {huishouden.pk} is onbekend in uw gemeente."]
    assert nergens.json()["huishouden"] == [
        f"Huishouden {huishouden.pk + 1000} is onbekend in uw gemeente."
    ]
    assert not Plan.objects.exists()
    rijen = geweigerd_elders(elders)
    assert [(r.onderwerp, r.handeling, r.reden, r.inwoner_id) for r in rijen] == [
        ("plan", "aanmaken", f"Huishouden {pk}: {NIET_BINNEN_GEMEENTE}.", None)
        for pk in (huishouden.pk, huishouden.pk + 1000)
    ]
    assert {r.gemeente_id for r in rijen} == {elders.gemeente_id}
    assert not Inzage.objects.filter(user=elders.user, inwoner__isnull=False).exists()
    # Within the municipality but outside need-to-know: still the logged 403 with the reason.
    buiten = api_for(generalist_zuid).post(
        "/api/v1/plannen/", {"huishouden": huishouden.pk}, format="json"
    )
    assert buiten.status_code == 403
    assert Inzage.objects.filter(user=generalist_zuid.user, toegestaan=False).exists()
    assert not Plan.objects.exists()


def test_a_resident_or_staff_member_of_another_municipality_named_in_a_plan_body_is_logged(
    plan, gezin, generalist
):
    """A goal for a resident and a professional director named in the body: looked up within
    the plan's household and the municipality, so another municipality's resident or staff
    member answers like an unknown id — the Dutch 400 on the field — the refusal is logged
    (it was an unlogged 400), and the plan gets no goal and no director."""
    elders = van_elders()
    daar = InwonerFactory(gemeente=elders.gemeente, wijk=elders.teams.get().wijken.get())
    api = api_for(generalist)
    versie = Plan.objects.get(pk=plan.pk).versie
    doel = api.post(
        f"/api/v1/plannen/{plan.pk}/doelen/",
        {"omschrijving": "Zelf boodschappen doen", "inwoner": daar.pk, "doeltype": "versterken"},
        format="json",
    )
    regisseur = api.post(
        f"/api/v1/plannen/{plan.pk}/regisseur/",
        {"soort": "professional", "van": "2026-01-05", "medewerker": elders.pk,
         "op_verzoek_van_inwoner": True},
        format="json",
    )  # fmt: skip
    assert (doel.status_code, regisseur.status_code) == (400, 400)
    assert doel.json() == {"inwoner": [f"Inwoner {daar.pk} hoort niet bij dit huishouden."]}
    assert regisseur.json() == {
        "medewerker": [f"Medewerker {elders.pk} is onbekend in uw gemeente."]
    }
    assert not Doel.objects.exists()
    assert Plan.objects.get(pk=plan.pk).versie == versie
    rijen = geweigerd_elders(generalist)
    assert [(r.onderwerp, r.handeling, r.reden, r.inwoner_id) for r in rijen] == [
        ("plan", "wijzigen", f"Inwoner {daar.pk}: hoort niet bij dit huishouden of bestaat niet.",
         None),
        ("plan", "wijzigen", f"Medewerker {elders.pk}: {NIET_BINNEN_GEMEENTE}.", None),
    ]  # fmt: skip
    assert {r.gemeente_id for r in rijen} == {generalist.gemeente_id}
