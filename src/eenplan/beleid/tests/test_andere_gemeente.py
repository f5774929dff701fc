"""A policy plan or a client-experience survey of another municipality (issue 16): looked up
within the login's municipality, so it answers the 404 of one that does not exist — on the page
and in the API, for a read and a write — and the refusal is in the access log of the login's
own municipality (`beleid.opzoeken` through `access.get_or_refuse`, ADR 0046). Nothing changes."""

from __future__ import annotations

import pytest
from django.test import Client

from eenplan.common.concurrency import versie_waarde
from eenplan.conftest import login
from eenplan.gemeente.constants import Rol
from eenplan.privacy.access import NIET_BINNEN_GEMEENTE
from eenplan.testing import beleid as tb
from eenplan.testing.helpers import api_for, geweigerd_elders, van_elders

pytestmark = pytest.mark.django_db


def test_a_plan_of_another_municipality_is_a_logged_404_and_changes_nothing(gemeente):
    plan = tb.plan(gemeente)
    voor = (plan.op_koers_marge, plan.aandacht_marge, plan.versie)
    elders = van_elders(Rol.BELEID)
    client, api = login(Client(), elders), api_for(elders)
    antwoorden = [
        client.get(f"/beleid/{plan.pk}/"),
        client.get(f"/beleid/{plan.pk}/plan/"),
        api.get(f"/api/v1/beleidsplannen/{plan.pk}/"),
        api.get(f"/api/v1/beleidsplannen/{plan.pk}/dashboard/"),
        client.post(
            f"/beleid/{plan.pk}/marges/",
            {"_versie": versie_waarde(plan), "op_koers_marge": "3", "aandacht_marge": "20"},
        ),
        api.post(
            f"/api/v1/beleidsplannen/{plan.pk}/marges/",
            {"op_koers_marge": "3", "aandacht_marge": "20"},
            format="json",
        ),
    ]
    assert [a.status_code for a in antwoorden] == [404] * 6
    assert (
        api.get("/api/v1/beleidsplannen/987654/").json()["detail"]
        == (antwoorden[2].json()["detail"])
    )
    rijen = geweigerd_elders(elders)
    assert [(r.reden, r.handeling) for r in rijen] == [
        (f"Beleidsplan {plan.pk}: {NIET_BINNEN_GEMEENTE}.", "lezen"),
        (f"Beleidsplan {plan.pk}: {NIET_BINNEN_GEMEENTE}.", "lezen"),
        (f"Beleidsplan {plan.pk}: {NIET_BINNEN_GEMEENTE}.", "lezen"),
        (f"Beleidsplan {plan.pk}: {NIET_BINNEN_GEMEENTE}.", "lezen"),
        (f"Beleidsplan {plan.pk}: {NIET_BINNEN_GEMEENTE}.", "wijzigen"),
        (f"Beleidsplan {plan.pk}: {NIET_BINNEN_GEMEENTE}.", "wijzigen"),
        (f"Beleidsplan 987654: {NIET_BINNEN_GEMEENTE}.", "lezen"),
    ]
    assert {r.gemeente_id for r in rijen} == {elders.gemeente_id}
    plan.refresh_from_db()
    assert (plan.op_koers_marge, plan.aandacht_marge, plan.versie) == voor


def test_a_survey_of_another_municipality_is_a_logged_404(gemeente, wijken):
    ronde, _ = tb.ronde(gemeente, {wijken["Noord"]: ["A"]})
    elders = van_elders(Rol.CONTRACTMANAGER)
    pagina = login(Client(), elders).get(f"/beleid/clientervaring/{ronde.pk}/")
    api = api_for(elders).get(f"/api/v1/clientervaring/{ronde.pk}/")
    assert (pagina.status_code, api.status_code) == (404, 404)
    assert [(r.reden, r.onderwerp) for r in geweigerd_elders(elders)] == [
        (f"Cliëntervaringsonderzoek {ronde.pk}: {NIET_BINNEN_GEMEENTE}.", "enquete"),
    ] * 2


def test_the_own_municipality_still_reads_its_plan_and_survey(gemeente, wijken, contract_client):
    plan = tb.plan(gemeente)
    ronde, _ = tb.ronde(gemeente, {wijken["Noord"]: ["A"]})
    structuur = contract_client.get(f"/beleid/{plan.pk}/plan/")
    assert structuur.status_code == 200 and "Basisvoorzieningen" in structuur.content.decode()
    assert contract_client.get(f"/api/v1/beleidsplannen/{plan.pk}/").status_code == 200
    assert contract_client.get(f"/beleid/clientervaring/{ronde.pk}/").status_code == 200
    assert contract_client.get(f"/api/v1/clientervaring/{ronde.pk}/").status_code == 200


def test_a_plan_part_or_parent_of_another_municipality_is_logged_and_changes_nothing(gemeente):
    """The plan's parts through the editing API: a thema of another municipality in the URL is
    a logged 404 like an unknown one (it was an unlogged 404), and a plan of another
    municipality named as the parent in a create body is a logged Dutch 400 like an unknown id
    (it was an unlogged 400); nothing is added or changed."""
    from eenplan.beleid.models import Thema

    plan = tb.plan(gemeente)
    thema = plan.themas.first()
    voor = (Thema.objects.count(), thema.naam, thema.versie)
    elders = van_elders(Rol.BELEID)
    api = api_for(elders)
    antwoorden = [
        api.get(f"/api/v1/beleidsthemas/{thema.pk}/"),
        api.patch(f"/api/v1/beleidsthemas/{thema.pk}/", {"naam": "Overgenomen"}, format="json"),
        api.post(
            "/api/v1/beleidsthemas/", {"plan": plan.pk, "nummer": 9, "naam": "x"}, format="json"
        ),
    ]
    assert [a.status_code for a in antwoorden] == [404, 404, 400]
    assert antwoorden[0].json()["detail"] == "Dit onderdeel bestaat niet."
    assert antwoorden[2].json() == {"plan": [f"Beleidsplan {plan.pk} is onbekend in uw gemeente."]}
    thema.refresh_from_db()
    assert (Thema.objects.count(), thema.naam, thema.versie) == voor
    rijen = geweigerd_elders(elders)
    assert [(r.onderwerp, r.handeling, r.reden) for r in rijen] == [
        ("beleid", "lezen", f"Thema {thema.pk}: {NIET_BINNEN_GEMEENTE}."),
        ("beleid", "wijzigen", f"Thema {thema.pk}: {NIET_BINNEN_GEMEENTE}."),
        ("beleid", "wijzigen", f"Beleidsplan {plan.pk}: {NIET_BINNEN_GEMEENTE}."),
    ]
    assert {r.gemeente_id for r in rijen} == {elders.gemeente_id}
