"""`/api/v1/portaal/`: the portal's API reads through the same selectors as the pages and acts
through the same services; only a resident's login, another household's ids a 404 (logged)."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from eenplan.meldingen.models import Melding
from eenplan.plannen import services as plannen
from eenplan.privacy import matrix
from eenplan.privacy.models import Inzage
from eenplan.testing import scenarios
from eenplan.testing.factories import InwoneraccountFactory, InwonerFactory
from eenplan.testing.scenarios import als

pytestmark = pytest.mark.django_db


@pytest.fixture
def zaak():
    return scenarios.beschikt(scenarios.gemeente())


def _api(user) -> APIClient:
    api = APIClient()
    api.force_authenticate(user)
    return api


@pytest.fixture
def anna(zaak):
    return _api(InwoneraccountFactory(inwoner=zaak.inwoner).user)


def test_the_cases_and_the_overview(anna, zaak):
    zaken = anna.get("/api/v1/portaal/zaken/").json()
    assert zaken == [
        {
            "inwoner_id": zaak.inwoner.pk,
            "naam": zaak.inwoner.naam,
            "grond": "zelf",
            "grond_tekst": "Uw eigen zaak",
        }
    ]
    body = anna.get(f"/api/v1/portaal/{zaak.inwoner.pk}/").json()
    assert [m["id"] for m in body["meldingen"]] == [zaak.melding.pk]
    assert body["onderzoeken"][0]["verslag_klaar"] is True
    assert body["onderzoeken"][0]["verslag"] == zaak.onderzoek.verslag_tekst
    assert any("Bezwaar maken" in t["wat"] for t in body["termijnen"])
    assert all("toegewezen" not in g["omschrijving"].lower() for g in body["tijdlijn"])


def test_a_melding_through_the_api_answers_with_the_confirmation(anna, zaak):
    fout = anna.post(f"/api/v1/portaal/{zaak.inwoner.pk}/meldingen/", {"vraag": ""}, format="json")
    assert fout.status_code == 400 and "domeinen" in fout.json()
    response = anna.post(
        f"/api/v1/portaal/{zaak.inwoner.pk}/meldingen/",
        {"vraag": "Hulp bij douchen", "domeinen": ["wmo"]},
        format="json",
    )
    assert response.status_code == 201
    melding = Melding.objects.get(pk=response.json()["id"])
    assert response.json()["onderzoek_uiterlijk"] == melding.onderzoek_uiterlijk.isoformat()
    assert response.json()["ontvangstbevestiging_op"] == zaak.vandaag.isoformat()


def test_plan_and_an_own_action_done(anna, zaak):
    actie = als(
        plannen.actie_add,
        zaak.generalist,
        doel=zaak.doel,
        omschrijving="Zelf koken",
        uitvoerder_soort="inwoner",
        uitvoerder="Anna",
    )
    plan = anna.get(f"/api/v1/portaal/{zaak.inwoner.pk}/plan/").json()
    assert plan["doelen"][0]["omschrijving"] == zaak.doel.omschrijving
    assert actie.pk in [a["id"] for a in plan["doelen"][0]["acties"]]
    done = anna.post(f"/api/v1/portaal/{zaak.inwoner.pk}/acties/{actie.pk}/gedaan/")
    assert done.status_code == 200 and done.json()["gedaan_op"] == zaak.vandaag.isoformat()
    again = anna.post(f"/api/v1/portaal/{zaak.inwoner.pk}/acties/{actie.pk}/gedaan/")
    assert again.status_code == 400


def test_decisions_and_who_looked(anna, zaak):
    besluiten = anna.get(f"/api/v1/portaal/{zaak.inwoner.pk}/besluiten/").json()
    assert [b["id"] for b in besluiten["beschikkingen"]] == [zaak.beschikking.pk]
    assert besluiten["beschikkingen"][0]["brief"].endswith("brief.pdf")
    inzage = anna.get(f"/api/v1/portaal/{zaak.inwoner.pk}/inzage/").json()
    assert any(r["wie"] == "Een medewerker van het wijkteam" for r in inzage)


def test_every_portal_route_is_a_404_for_another_household_and_refuses_staff(zaak):
    vreemde = _api(InwoneraccountFactory(inwoner=InwonerFactory(gemeente=zaak.gemeente)).user)
    staff = _api(zaak.generalist.user)
    routes = [e for e in matrix.endpoints() if e.portaal and e.api and e.method != "HEAD"]
    assert len(routes) >= 7
    for e in routes:
        pad = e.route.replace("<inwoner_id>", str(zaak.inwoner.pk)).replace("<pk>", "1")
        doe = getattr(staff, e.method.lower())
        assert doe(pad, {}, format="json").status_code == 403, e.key
        if "<inwoner_id>" in e.route:
            response = getattr(vreemde, e.method.lower())(pad, {}, format="json")
            assert response.status_code == 404, e.key
            assert zaak.inwoner.naam not in response.content.decode()
    geweigerd = Inzage.objects.filter(inwoner=zaak.inwoner, toegestaan=False).count()
    assert geweigerd == len([e for e in routes if "<inwoner_id>" in e.route])


def test_staff_api_marks_a_goal_internal_and_the_portal_api_leaves_it_out(zaak, anna):
    staff = _api(zaak.generalist.user)
    for omschrijving, gedeeld in (("Zelf koken", True), ("Schulden in beeld", False)):
        response = staff.post(
            f"/api/v1/plannen/{zaak.plan.pk}/doelen/",
            {"inwoner": zaak.inwoner.pk, "leefgebied": zaak.doel.leefgebied.pk,
             "omschrijving": omschrijving, "doeltype": "versterken", "gedeeld": gedeeld},
            format="json",
        )
        assert response.status_code == 201, response.json()
        assert response.json()["gedeeld"] is gedeeld
    doelen = anna.get(f"/api/v1/portaal/{zaak.inwoner.pk}/plan/").json()["doelen"]
    namen = [d["omschrijving"] for d in doelen]
    assert "Zelf koken" in namen and "Schulden in beeld" not in namen
