"""`/api/v1/portaal/<id>/...` for what the pages already do: a remark on the verslag, a note and
a proposed goal, signing the plan, consent given and withdrawn — through the pages' services,
refused in Dutch with nothing changed, and never for another household."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from eenplan.beschikkingen.models import Aanvraag
from eenplan.onderzoeken.models import VerslagReactie
from eenplan.plannen.constants import PlanStatus
from eenplan.plannen.models import Deelnemer, Inbreng
from eenplan.testing import scenarios
from eenplan.testing.factories import InwoneraccountFactory, InwonerFactory, MachtigingFactory

pytestmark = pytest.mark.django_db


def _api(inwoner) -> APIClient:
    api = APIClient()
    api.force_authenticate(InwoneraccountFactory(inwoner=inwoner).user)
    return api


@pytest.fixture
def zaak():
    return scenarios.plan(scenarios.gemeente())


def test_a_remark_on_the_verslag(zaak):
    api = _api(zaak.inwoner)
    pad = f"/api/v1/portaal/{zaak.inwoner.pk}/onderzoeken/{zaak.onderzoek.pk}/opmerkingen/"
    leeg = api.post(pad, {"tekst": ""}, format="json")
    assert leeg.status_code == 400 and "tekst" in leeg.json()
    response = api.post(pad, {"tekst": "Mijn dochter komt twee keer per week."}, format="json")
    assert response.status_code == 201
    reactie = VerslagReactie.objects.get(onderzoek=zaak.onderzoek)
    assert reactie.tekst == "Mijn dochter komt twee keer per week."
    overzicht = api.get(f"/api/v1/portaal/{zaak.inwoner.pk}/").json()
    assert overzicht["onderzoeken"][0]["opmerkingen"][0]["tekst"] == reactie.tekst


def test_a_note_and_a_proposed_goal(zaak):
    api = _api(zaak.inwoner)
    pad = f"/api/v1/portaal/{zaak.inwoner.pk}/plan/inbreng/"
    fout = api.post(pad, {"soort": "wens", "tekst": "Iets"}, format="json")
    assert fout.status_code == 400 and "soort" in fout.json()
    assert not Inbreng.objects.exists()
    for soort, tekst in (("notitie", "Dinsdag kan ik niet."), ("doelvoorstel", "Weer fietsen")):
        response = api.post(pad, {"soort": soort, "tekst": tekst}, format="json")
        assert response.status_code == 201, response.json()
        assert response.json()["door_naam"] == zaak.inwoner.naam
    lijst = api.get(pad).json()
    assert {(r["soort"], r["tekst"]) for r in lijst} == {
        ("notitie", "Dinsdag kan ik niet."),
        ("doelvoorstel", "Weer fietsen"),
    }


def test_signing_the_plan_files_the_aanvraag(zaak):
    api = _api(zaak.inwoner)
    pad = f"/api/v1/portaal/{zaak.inwoner.pk}/plan/ondertekenen/"
    nee = api.post(pad, {"akkoord": False}, format="json")
    assert nee.status_code == 400 and "akkoord" in nee.json()
    zaak.plan.refresh_from_db()
    assert zaak.plan.status == PlanStatus.CONCEPT and not Aanvraag.objects.exists()
    response = api.post(pad, {"akkoord": True}, format="json")
    assert response.status_code == 201, response.json()
    body = response.json()
    assert (
        body["status"] == PlanStatus.ONDERTEKEND and body["ondertekend_door"] == zaak.inwoner.naam
    )
    aanvraag = Aanvraag.objects.get(voorstel=zaak.voorstel)
    assert [a["id"] for a in body["aanvragen"]] == [aanvraag.pk]
    again = api.post(pad, {"akkoord": True}, format="json")
    assert again.status_code == 400 and "al ondertekend" in str(again.json())


def test_a_mantelzorger_does_not_sign_or_give_consent(zaak):
    MachtigingFactory(inwoner=zaak.inwoner, gemachtigde=zaak.dochter, mantelzorger=True)
    api = _api(zaak.dochter)
    basis = f"/api/v1/portaal/{zaak.inwoner.pk}"
    assert (
        api.post(f"{basis}/plan/ondertekenen/", {"akkoord": True}, format="json").status_code == 403
    )
    geen = api.post(f"{basis}/deelnemers/", {"aan": "Els", "rol": "Koken"}, format="json")
    assert geen.status_code == 403
    assert api.get(f"{basis}/deelnemers/").status_code == 200  # reads along
    zaak.plan.refresh_from_db()
    assert zaak.plan.status == PlanStatus.CONCEPT and not Deelnemer.objects.exists()


def test_consent_given_and_withdrawn(zaak):
    api = _api(zaak.inwoner)
    pad = f"/api/v1/portaal/{zaak.inwoner.pk}/deelnemers/"
    fout = api.post(pad, {"aan": "Buurvrouw Els"}, format="json")
    assert fout.status_code == 400 and "rol" in fout.json()
    response = api.post(pad, {"aan": "Buurvrouw Els", "rol": "Boodschappen"}, format="json")
    assert response.status_code == 201, response.json()
    body = response.json()
    assert (body["naam"], body["rol"], body["toestemming_gegeven_op"]) == (
        "Buurvrouw Els",
        "Boodschappen",
        zaak.vandaag.isoformat(),
    )
    assert body["toestemming_ingetrokken_op"] is None
    ingetrokken = api.post(f"{pad}{body['id']}/intrekken/")
    assert ingetrokken.status_code == 200
    assert ingetrokken.json()["toestemming_ingetrokken_op"] == zaak.vandaag.isoformat()
    deelnemer = Deelnemer.objects.get(pk=body["id"])
    assert deelnemer.toestemming.ingetrokken_op == zaak.vandaag
    assert api.get(pad).json()[0]["toestemming_ingetrokken_op"] == zaak.vandaag.isoformat()


def test_another_household_gets_404_on_each_new_route(zaak):
    api = _api(InwonerFactory(gemeente=zaak.gemeente))
    basis = f"/api/v1/portaal/{zaak.inwoner.pk}"
    for pad, data in (
        (f"/onderzoeken/{zaak.onderzoek.pk}/opmerkingen/", {"tekst": "x"}),
        ("/plan/inbreng/", {"soort": "notitie", "tekst": "x"}),
        ("/plan/ondertekenen/", {"akkoord": True}),
        ("/deelnemers/", {"aan": "x", "rol": "y"}),
        ("/aanvragen/", {"wet": "wmo", "omschrijving": "Een traplift"}),
    ):
        response = api.post(basis + pad, data, format="json")
        assert response.status_code == 404, pad
        assert zaak.inwoner.naam not in response.content.decode()
    assert not (VerslagReactie.objects.exists() or Inbreng.objects.exists())
    assert not (Deelnemer.objects.exists() or Aanvraag.objects.exists())


def test_the_participant_and_note_lists_take_the_same_number_of_queries_for_few_and_many(zaak):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    api = _api(zaak.inwoner)
    basis = f"/api/v1/portaal/{zaak.inwoner.pk}"

    def tel() -> tuple[int, int]:
        aantallen = []
        for pad in ("/deelnemers/", "/plan/inbreng/"):
            with CaptureQueriesContext(connection) as ctx:
                assert api.get(basis + pad).status_code == 200
            aantallen.append(len(ctx))
        return aantallen[0], aantallen[1]

    def voeg_toe(n: int) -> None:
        for i in range(n):
            api.post(basis + "/deelnemers/", {"aan": f"Buur {i}", "rol": "Koken"}, format="json")
            api.post(
                basis + "/plan/inbreng/", {"soort": "notitie", "tekst": f"N{i}"}, format="json"
            )

    voeg_toe(1)
    tel()
    weinig = tel()
    voeg_toe(5)
    assert tel() == weinig
    assert len(api.get(basis + "/deelnemers/").json()) == 6
