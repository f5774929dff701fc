"""Providers' logins (issue 11): the contract manager creates a login for a provider on its page
or through /api/v1/aanbieders/<id>/logins/, the API key is shown once, the login sends its
messages to /api/v1/berichten/ and sees only its own; a deactivated login is refused; a
generalist may create none. Every decision is in the access log."""

from __future__ import annotations

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from eenplan.berichten.logins import aanbieder_login_create
from eenplan.berichten.models import AanbiederLogin, Bericht
from eenplan.beveiliging.models import ApiSleutel
from eenplan.conftest import login
from eenplan.gemeente.constants import Rol
from eenplan.istandaarden import bouw
from eenplan.privacy.models import Inzage
from eenplan.testing.factories import MedewerkerFactory

pytestmark = pytest.mark.django_db
BERICHTEN = "/api/v1/berichten/"


@pytest.fixture
def contractmanager(gemeente):
    return MedewerkerFactory(gemeente=gemeente, functie=Rol.CONTRACTMANAGER, username="contract")


def _met_sleutel(sleutel: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {sleutel}")
    return client


def _api(medewerker) -> APIClient:
    client = APIClient()
    client.force_authenticate(medewerker.user)
    return client


def _pagina_login(client, aanbieder, naam: str) -> str:
    response = client.post(
        reverse("aanbieders:login-nieuw", args=[aanbieder.pk]), {"login-gebruikersnaam": naam}
    )
    assert response.status_code == 200, response.content
    assert "no-store" in response["Cache-Control"]
    body = response.content.decode()
    assert f"De login {naam} is aangemaakt" in body
    start = body.index('id="nieuwe-sleutel">') + len('id="nieuwe-sleutel">')
    return body[start : body.index("<", start)]


def test_a_login_made_on_the_page_sends_messages_and_sees_only_its_own(
    client,
    contractmanager,
    aanbieder,
    aanbieder_b,
    van_aanbieder,
    django_capture_on_commit_callbacks,
):
    login(client, contractmanager)
    sleutel_a = _pagina_login(client, aanbieder, "thuiszorg-west")
    sleutel_b = _pagina_login(client, aanbieder_b, "zorg-oost")
    assert AanbiederLogin.objects.get(user__username="thuiszorg-west").aanbieder == aanbieder
    # The key is shown once: the page itself lists the login, never the key again.
    body = client.get(reverse("aanbieders:detail", args=[aanbieder.pk])).content.decode()
    assert "thuiszorg-west" in body and sleutel_a not in body and "API-toegang" in body

    api_a, api_b = _met_sleutel(sleutel_a), _met_sleutel(sleutel_b)
    with django_capture_on_commit_callbacks(execute=True):
        verstuurd = api_a.post(
            BERICHTEN, data=bouw(van_aanbieder.start()), content_type="application/xml"
        )
    assert verstuurd.status_code == 202, verstuurd.content
    bericht_id = verstuurd.json()["id"]
    assert Bericht.objects.get(pk=bericht_id).aanbieder == aanbieder
    eigen = {b["id"] for b in api_a.get(BERICHTEN).json()["results"]}
    assert bericht_id in eigen
    assert bericht_id not in {b["id"] for b in api_b.get(BERICHTEN).json()["results"]}
    assert api_b.get(f"{BERICHTEN}{bericht_id}/").status_code == 403
    assert Inzage.objects.filter(gebruikersnaam="zorg-oost", toegestaan=False).exists()
    # A provider's login is no staff member: the staff pages refuse it.
    assert api_a.get("/api/v1/aanbieders/").status_code == 403


def test_a_deactivated_login_is_refused(client, contractmanager, aanbieder):
    login(client, contractmanager)
    sleutel = _pagina_login(client, aanbieder, "thuiszorg-west")
    assert _met_sleutel(sleutel).get(BERICHTEN).status_code == 200
    gemaakt = AanbiederLogin.objects.get()
    response = client.post(reverse("aanbieders:login-deactiveren", args=[aanbieder.pk, gemaakt.pk]))
    assert response.status_code == 302
    body = client.get(response["Location"]).content.decode()
    assert "De login thuiszorg-west is gedeactiveerd" in body and "gedeactiveerd" in body
    assert _met_sleutel(sleutel).get(BERICHTEN).status_code == 401
    # Nothing is lost: the login is still there, switched off, its key revoked.
    gemaakt.refresh_from_db()
    assert not gemaakt.user.is_active
    assert ApiSleutel.objects.get(user=gemaakt.user).ingetrokken_op is not None


def test_bad_or_taken_names_change_nothing(client, contractmanager, aanbieder):
    login(client, contractmanager)
    pad = reverse("aanbieders:login-nieuw", args=[aanbieder.pk])
    response = client.post(pad, {"login-gebruikersnaam": "a b"})
    assert response.status_code == 400
    assert "Kies een gebruikersnaam van 3 tot 60 tekens" in response.content.decode()
    assert not AanbiederLogin.objects.exists()
    response = client.post(pad, {"login-gebruikersnaam": "contract"})  # the manager's own name
    assert response.status_code == 400 and "bestaat al" in response.content.decode()
    assert not AanbiederLogin.objects.exists()


def test_a_generalist_may_not_create_or_deactivate_a_login(client, generalist, aanbieder):
    login(client, generalist)
    response = client.post(
        reverse("aanbieders:login-nieuw", args=[aanbieder.pk]),
        {"login-gebruikersnaam": "thuiszorg-west"},
    )
    assert response.status_code == 403
    assert (
        _api(generalist)
        .post(f"/api/v1/aanbieders/{aanbieder.pk}/logins/", {"gebruikersnaam": "x-west"})
        .status_code
        == 403
    )
    assert not AanbiederLogin.objects.exists()
    gebruikersnaam = generalist.user.username
    assert Inzage.objects.filter(gebruikersnaam=gebruikersnaam, toegestaan=False).count() >= 2


def test_the_api_creates_lists_and_deactivates_logins(contractmanager, aanbieder):
    api = _api(contractmanager)
    pad = f"/api/v1/aanbieders/{aanbieder.pk}/logins/"
    fout = api.post(pad, {"gebruikersnaam": "A B"}, format="json")
    assert fout.status_code == 400 and "gebruikersnaam" in fout.json()
    assert not AanbiederLogin.objects.exists()
    gemaakt = api.post(pad, {"gebruikersnaam": "thuiszorg-west"}, format="json")
    assert gemaakt.status_code == 201, gemaakt.content
    sleutel = gemaakt.json()["api_sleutel"]
    assert _met_sleutel(sleutel).get(BERICHTEN).status_code == 200
    lijst = api.get(pad).json()["results"]
    assert [(r["gebruikersnaam"], r["actief"]) for r in lijst] == [("thuiszorg-west", True)]
    assert "api_sleutel" not in lijst[0]
    uit = api.post(f"{pad}{gemaakt.json()['id']}/deactiveren/")
    assert uit.status_code == 200 and uit.json()["actief"] is False
    assert api.post(f"{pad}{gemaakt.json()['id']}/deactiveren/").status_code == 400
    assert _met_sleutel(sleutel).get(BERICHTEN).status_code == 401
    logged = Inzage.objects.filter(
        gebruikersnaam="contract", toegestaan=True, onderwerp="aanbieders"
    )
    assert {r.reden for r in logged} == {
        f"Login thuiszorg-west aangemaakt voor {aanbieder.naam}",
        "Login thuiszorg-west gedeactiveerd",
    }


@pytest.mark.parametrize("pad", ["/", "/berichten/", "/aanbieders/", "/account/api-sleutels/"])
def test_a_deactivated_providers_page_session_is_refused_not_a_staff_member(
    client, aanbieder, toewijzing, pad
):
    """A provider switched off by the contract manager: its login's still-open page session
    is refused with the reason in Dutch, logged by privacy.access — it never falls back to a
    staff member without roles."""
    gemaakt, _sleutel = aanbieder_login_create(aanbieder=aanbieder, gebruikersnaam="tz-west")
    client.force_login(gemaakt.user)
    aanbieder.actief = False
    aanbieder.save(update_fields=["actief"])
    response = client.get(pad)
    assert response.status_code == 403
    assert "niet (meer) actief als aanbieder" in response.content.decode()
    refusal = Inzage.objects.filter(gebruikersnaam="tz-west", toegestaan=False).latest("id")
    assert "niet (meer) actief als aanbieder" in refusal.reden


def test_a_deactivated_providers_api_key_is_refused_and_logged(aanbieder, toewijzing):
    gemaakt, sleutel = aanbieder_login_create(aanbieder=aanbieder, gebruikersnaam="tz-west")
    api = _met_sleutel(sleutel)
    assert api.get(BERICHTEN).status_code == 200
    aanbieder.actief = False
    aanbieder.save(update_fields=["actief"])
    for pad in (BERICHTEN, f"/api/v1/dossiers/{toewijzing.inwoner_id}/", "/api/v1/aanbieders/"):
        response = _met_sleutel(sleutel).get(pad)
        assert response.status_code == 403, (pad, response.status_code)
    assert Inzage.objects.filter(
        gebruikersnaam="tz-west", toegestaan=False, reden__contains="niet (meer) actief"
    ).count() >= 3
    # Sending is refused too and keeps nothing.
    before = Bericht.objects.count()
    response = _met_sleutel(sleutel).post(BERICHTEN, data=b"<x/>", content_type="application/xml")
    assert response.status_code == 403 and Bericht.objects.count() == before
