"""An AVG request of another municipality (issue 16 with issue 15, ADR 0046): the page and the
API look it up within the login's municipality, so it is not found — a 404 like an id that
exists nowhere, the refusal in the access log of the login's own municipality (resource,
requested id, "niet binnen uw gemeente of bestaat niet"), naming no resident of the other — and
a write to it changes nothing. Within the own municipality the list and the request log the
residents they show in the residents' municipality, read with the rows (no lookup of their
municipality across municipalities)."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from eenplan.avg.constants import VerzoekStatus
from eenplan.gemeente.constants import Rol
from eenplan.privacy.access import NIET_BINNEN_GEMEENTE
from eenplan.privacy.models import Inzage
from eenplan.testing import scenarios
from eenplan.testing.factories import AvgVerzoekFactory, MedewerkerFactory
from eenplan.testing.helpers import api_for, geweigerd_elders, van_elders

pytestmark = pytest.mark.django_db


@pytest.fixture
def s():
    return scenarios.bezwaar(scenarios.gemeente())


@pytest.fixture
def verzoek(s):
    return AvgVerzoekFactory(inwoner=s.inwoner)


def _pagina(medewerker) -> Client:
    client = Client()
    client.force_login(medewerker.user)
    return client


def _controleer(elders, verzoek, *, kanalen: list[str], handelingen: list[str]) -> None:
    rijen = geweigerd_elders(elders)
    assert [r.reden for r in rijen] == [f"AVG-verzoek {verzoek.pk}: {NIET_BINNEN_GEMEENTE}."] * len(
        kanalen
    )
    assert [(r.kanaal, r.handeling) for r in rijen] == list(zip(kanalen, handelingen, strict=True))
    # The rows belong to the login's own municipality and name no resident of the other.
    assert {(r.onderwerp, r.inwoner_id, r.gemeente_id) for r in rijen} == {
        ("avg_verzoek", None, elders.gemeente_id)
    }
    assert not Inzage.objects.filter(user=elders.user, inwoner=verzoek.inwoner).exists()


def test_the_request_page_of_another_municipality_is_a_404_and_logged(verzoek):
    elders = van_elders(Rol.PRIVACY)
    assert _pagina(elders).get(reverse("avg:verzoek", args=[verzoek.pk])).status_code == 404
    _controleer(elders, verzoek, kanalen=["pagina"], handelingen=["lezen"])


def test_the_api_answers_another_municipalitys_request_as_one_that_does_not_exist(verzoek):
    elders = van_elders(Rol.PRIVACY)
    api = api_for(elders)
    daar = api.get(f"/api/v1/avg-verzoeken/{verzoek.pk}/")
    nergens = api.get(f"/api/v1/avg-verzoeken/{verzoek.pk + 1000}/")
    assert daar.status_code == nergens.status_code == 404
    assert daar.json()["detail"] == nergens.json()["detail"] == "Dit verzoek bestaat niet."
    [rij, _nergens] = geweigerd_elders(elders)
    assert rij.reden == f"AVG-verzoek {verzoek.pk}: {NIET_BINNEN_GEMEENTE}."
    assert (rij.kanaal, rij.inwoner_id, rij.gemeente_id) == ("api", None, elders.gemeente_id)


def test_writes_to_another_municipalitys_request_change_nothing_and_are_logged(verzoek):
    elders = van_elders(Rol.PRIVACY)
    pagina = _pagina(elders).post(
        reverse("avg:verzoek", args=[verzoek.pk]),
        {"afhandel-besluit": "toekennen", "afhandel-uitkomst": "Hierbij."},
    )
    assert pagina.status_code == 404
    api = api_for(elders)
    verleng = api.post(
        f"/api/v1/avg-verzoeken/{verzoek.pk}/verlengen/", {"reden": "Veel"}, format="json"
    )
    afhandel = api.post(
        f"/api/v1/avg-verzoeken/{verzoek.pk}/afhandelen/",
        {"toekennen": True, "uitkomst": "Hierbij."},
        format="json",
    )
    assert verleng.status_code == afhandel.status_code == 404
    verzoek.refresh_from_db()
    assert verzoek.status == VerzoekStatus.OPEN
    assert verzoek.verlengd_op is None and verzoek.uitkomst == ""
    _controleer(
        elders,
        verzoek,
        kanalen=["pagina", "api", "api"],
        handelingen=["lezen", "behandelen", "behandelen"],
    )


def test_the_own_list_and_request_log_the_resident_in_their_municipality(s, verzoek):
    """The officer of the resident's municipality still reads list and request, page and API;
    every row logged names the resident and the resident's municipality."""
    fg = MedewerkerFactory(gemeente=s.gemeente, functie=Rol.PRIVACY)
    pagina, api = _pagina(fg), api_for(fg)
    assert s.inwoner.naam in pagina.get(reverse("avg:verzoeken")).content.decode()
    assert pagina.get(reverse("avg:verzoek", args=[verzoek.pk])).status_code == 200
    lijst = api.get("/api/v1/avg-verzoeken/")
    assert [r["id"] for r in lijst.json()["results"]] == [verzoek.pk]
    een = api.get(f"/api/v1/avg-verzoeken/{verzoek.pk}/")
    assert een.status_code == 200 and een.json()["inwoner"] == s.inwoner.pk
    rijen = Inzage.objects.filter(user=fg.user)
    assert rijen.count() >= 4
    assert {(r.inwoner_id, r.gemeente_id, r.toegestaan) for r in rijen} == {
        (s.inwoner.pk, s.gemeente.pk, True)
    }
