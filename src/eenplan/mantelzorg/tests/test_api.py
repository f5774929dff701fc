"""The mantelzorg REST API: the same reads and writes as the pages, Dutch refusals (400) that
write nothing, need-to-know (403, logged), lists in a fixed number of queries, and the care
circle's /api/v1/portaal/kring/ for a resident's login."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from rest_framework.test import APIClient

from eenplan.gemeente.constants import Rol
from eenplan.mantelzorg.models import Mantelzorger, Match, Waardering
from eenplan.plannen.models import Actie
from eenplan.privacy.models import Inzage
from eenplan.testing import factories as f
from eenplan.testing.helpers import api_for

pytestmark = pytest.mark.django_db


def vandaag() -> dt.date:
    return timezone.localdate()


def test_register_a_carer_and_read_it_back(generalist, inwoner_noord):
    api = api_for(generalist)
    response = api.post(
        "/api/v1/mantelzorgers/",
        {
            "verzorgde": inwoner_noord.pk,
            "naam": "Sam de Boer",
            "geboortedatum": vandaag().replace(year=vandaag().year - 15).isoformat(),
            "woonplaats": "Venray",
            "uren_per_week": "6.0",
            "sinds": "2025-09-01",
            "taken": ["gezelschap", "toezicht"],
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["jong"] is True
    assert body["zorgrelaties"][0]["taken"] == ["gezelschap", "toezicht"]
    lijst = api.get("/api/v1/mantelzorgers/").json()
    assert [r["naam"] for r in lijst["results"]] == ["Sam de Boer"]
    detail = api.get(f"/api/v1/mantelzorgers/{body['id']}/")
    assert detail.status_code == 200
    assert Inzage.objects.filter(
        inwoner=inwoner_noord, onderwerp="mantelzorg", kanaal="api"
    ).exists()


def test_a_self_link_is_a_dutch_400_and_writes_nothing(generalist, inwoner_noord):
    response = api_for(generalist).post(
        "/api/v1/mantelzorgers/",
        {
            "verzorgde": inwoner_noord.pk,
            "als_inwoner": inwoner_noord.pk,
            "uren_per_week": "3",
            "sinds": "2025-01-01",
        },
        format="json",
    )
    assert response.status_code == 400
    assert "eigen mantelzorger" in str(response.json())
    assert not Mantelzorger.objects.exists()


def test_outside_the_wijk_the_carer_is_refused_and_logged(generalist_zuid, inwoner_noord):
    mz = f.MantelzorgerFactory(verzorgde=inwoner_noord)
    response = api_for(generalist_zuid).get(f"/api/v1/mantelzorgers/{mz.pk}/")
    assert response.status_code == 403
    assert Inzage.objects.filter(
        inwoner=inwoner_noord, toegestaan=False, onderwerp="mantelzorg"
    ).exists()
    assert api_for(generalist_zuid).get("/api/v1/mantelzorgers/").json()["count"] == 0


def test_a_second_appreciation_in_a_year_is_refused(generalist, inwoner_noord):
    waardering = f.WaarderingFactory(mantelzorger=f.MantelzorgerFactory(verzorgde=inwoner_noord))
    response = api_for(generalist).post(
        f"/api/v1/mantelzorgers/{waardering.mantelzorger_id}/waardering/",
        {"namens": inwoner_noord.pk, "aangevraagd_door": "zelf", "aangevraagd_op": str(vandaag())},
        format="json",
    )
    assert response.status_code == 400
    assert "één per jaar" in str(response.json())
    assert Waardering.objects.count() == 1
    lijst = api_for(generalist).get("/api/v1/mantelzorgwaarderingen/", {"jaar": vandaag().year})
    assert lijst.json()["count"] == 1


def test_the_regeling_is_kept_by_functioneel_beheer_only(gemeente, generalist):
    beheer = f.MedewerkerFactory(gemeente=gemeente, functie=Rol.FUNCTIONEEL_BEHEER)
    body = {
        "vorm": "bedrag",
        "bedrag": "75.00",
        "geldig_vanaf": "2026-01-01",
        "bron": "Verordening maatschappelijke ondersteuning 2026, art. 14",
    }
    assert (
        api_for(generalist)
        .post("/api/v1/mantelzorgwaardering-regelingen/", body, format="json")
        .status_code
        == 403
    )
    response = api_for(beheer).post("/api/v1/mantelzorgwaardering-regelingen/", body, format="json")
    assert response.status_code == 201
    assert response.json()["versie"] == 1


def test_respite_demand_and_supply_over_the_api(generalist, inwoner_noord):
    f.RespijtzorgVraagFactory(
        mantelzorger=f.MantelzorgerFactory(verzorgde=inwoner_noord), geleverd=True
    )
    rijen = api_for(generalist).get("/api/v1/respijtvragen/vraag-aanbod/").json()
    dag = next(r for r in rijen if r["soort"] == "dag")
    assert (dag["gevraagd"], dag["geleverd"], dag["dekking"]) == (1, 1, "100.0")


def test_klus_candidates_and_a_match_outside_availability(generalist, inwoner_noord, wijken):
    klus = f.KlusFactory(hulpvrager=inwoner_noord)
    past = f.VrijwilligerFactory(gemeente=inwoner_noord.gemeente, wijk=wijken["Noord"])
    niet = f.VrijwilligerFactory(
        gemeente=inwoner_noord.gemeente, wijk=wijken["Noord"], beschikbaarheid=["zo_avond"]
    )
    api = api_for(generalist)
    kandidaten = api.get(f"/api/v1/klussen/{klus.pk}/kandidaten/").json()
    assert [k["id"] for k in kandidaten] == [past.pk]
    fout = api.post(
        f"/api/v1/klussen/{klus.pk}/koppelen/", {"vrijwilliger": niet.pk}, format="json"
    )
    assert fout.status_code == 400
    assert "niet beschikbaar" in str(fout.json())
    assert not Match.objects.exists()
    ok = api.post(f"/api/v1/klussen/{klus.pk}/koppelen/", {"vrijwilliger": past.pk}, format="json")
    assert ok.status_code == 201
    uit = api.post(
        f"/api/v1/klussen/{klus.pk}/uitkomst/",
        {"uitkomst": "uitgevoerd", "op": str(vandaag())},
        format="json",
    )
    assert uit.json()["status"] == "afgerond"


def test_lists_use_the_same_number_of_queries_for_few_and_many(generalist, wijken):
    gemeente = generalist.gemeente
    api = api_for(generalist)

    def maak(n: int) -> None:
        for _ in range(n):
            inwoner = f.InwonerFactory(gemeente=gemeente, wijk=wijken["Noord"])
            f.RespijtzorgVraagFactory(mantelzorger=f.MantelzorgerFactory(verzorgde=inwoner))
            f.KlusFactory(hulpvrager=inwoner)
            f.VrijwilligerFactory(gemeente=gemeente, wijk=wijken["Noord"])

    paden = [
        "/api/v1/mantelzorgers/",
        "/api/v1/respijtvragen/",
        "/api/v1/klussen/",
        "/api/v1/vrijwilligers/",
        "/api/v1/respijtvragen/vraag-aanbod/",
    ]

    def aantallen() -> dict[str, int]:
        result = {}
        for pad in paden:
            with CaptureQueriesContext(connection) as ctx:
                assert api.get(pad).status_code == 200
            result[pad] = len(ctx)
        return result

    maak(2)
    aantallen()  # the login's permissions and scope are cached on the first request
    weinig = aantallen()
    maak(10)
    assert aantallen() == weinig


def test_the_care_circle_api_for_a_residents_login():
    toewijzing = f.KringToewijzingFactory()
    api = APIClient()
    api.force_authenticate(
        f.InwoneraccountFactory(inwoner=toewijzing.netwerkpersoon.als_inwoner).user
    )
    rijen = api.get("/api/v1/portaal/kring/").json()
    assert [r["actie"] for r in rijen] == [toewijzing.actie_id]
    response = api.post(f"/api/v1/portaal/kring/{toewijzing.actie_id}/gedaan/")
    assert response.status_code == 200
    assert response.json()["gedaan_op"] == str(vandaag())
    assert Actie.objects.get(pk=toewijzing.actie_id).gedaan_op == vandaag()
    vreemde = APIClient()
    vreemde.force_authenticate(f.InwoneraccountFactory().user)
    assert vreemde.post(f"/api/v1/portaal/kring/{toewijzing.actie_id}/gedaan/").status_code == 404


def test_staff_cannot_use_the_circles_api(generalist):
    assert api_for(generalist).get("/api/v1/portaal/kring/").status_code == 403
