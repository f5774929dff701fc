"""Two-factor authentication (TOTP): enrolment, the code after the password, and the setting
that requires it for roles with dossier access."""

from __future__ import annotations

import re
import time
from base64 import b32decode

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from eenplan.gemeente.constants import Rol
from eenplan.testing.factories import MedewerkerFactory

WACHTWOORD = "een-lang-wachtwoord-42"

pytestmark = pytest.mark.django_db


@pytest.fixture
def verplicht(settings):
    settings.EENPLAN_2FA_VERPLICHT = True


def met_wachtwoord(user):
    user.set_password(WACHTWOORD)
    user.save()
    return user


def inloggen(client: Client, username: str):
    return client.post(reverse("login"), {"username": username, "password": WACHTWOORD})


def code(key: bytes, *, stappen_verder: int = 0) -> str:
    totp = TOTP(key)
    totp.time = time.time() + 30 * stappen_verder
    return f"{totp.token():06d}"


def geheim_van_pagina(body: str) -> bytes:
    match = re.search(r'id="geheim">([A-Z2-7 ]+)<', body)
    assert match, "de sleutel staat niet als tekst op de pagina"
    return b32decode(match.group(1).replace(" ", ""))


def test_required_role_must_enrol_before_anything_else(client, generalist, verplicht):
    met_wachtwoord(generalist.user)
    response = inloggen(client, "generalist")
    assert response.status_code == 302
    page = client.get(reverse("web:home"))
    assert page.status_code == 302 and page["Location"].startswith(reverse("beveiliging:instellen"))
    # The API with this half-finished session is closed too, with a Dutch answer.
    api = client.get("/api/v1/inwoners/")
    assert api.status_code == 403 and "Tweestapsverificatie is vereist" in api.json()["detail"]
    assert api["Content-Type"] == "application/problem+json"


def test_enrolment_shows_qr_and_secret_and_confirms_with_a_code(
    client, generalist, verplicht, settings
):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # no back-off wait after the deliberate wrong code
    met_wachtwoord(generalist.user)
    inloggen(client, "generalist")
    page = client.get(reverse("beveiliging:instellen"))
    body = page.content.decode()
    assert page.status_code == 200 and "<svg" in body and "QR-code" in body
    # Until the second step is done the layout offers no menu or search.
    assert 'aria-label="Hoofdmenu"' not in body and 'id="kopzoek"' not in body
    key = geheim_van_pagina(body)
    # Reloading shows the same secret (one pending device, not a new one per visit).
    assert geheim_van_pagina(client.get(reverse("beveiliging:instellen")).content.decode()) == key

    fout = client.post(reverse("beveiliging:instellen"), {"code": "000000"})
    assert fout.status_code == 400 and "Deze code klopt niet" in fout.content.decode()

    goed = client.post(reverse("beveiliging:instellen"), {"code": code(key), "next": "/inwoners/"})
    assert goed.status_code == 302 and goed["Location"] == "/inwoners/"
    assert TOTPDevice.objects.get(user=generalist.user).confirmed
    home = client.get(reverse("web:home"))
    assert home.status_code == 200 and 'aria-label="Hoofdmenu"' in home.content.decode()


def test_enrolled_user_gives_the_code_after_the_password(client, generalist, verplicht):
    user = met_wachtwoord(generalist.user)
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    inloggen(client, "generalist")
    page = client.get("/inwoners/?q=jansen")
    assert page.status_code == 302
    assert page["Location"].startswith(reverse("beveiliging:verificatie"))

    fout = client.post(reverse("beveiliging:verificatie"), {"code": "12345"})
    assert fout.status_code == 400 and "code van 6 cijfers" in fout.content.decode()
    assert client.get(reverse("web:home")).status_code == 302

    goed = client.post(
        reverse("beveiliging:verificatie"),
        {"code": code(device.bin_key), "next": "/inwoners/?q=jansen"},
    )
    assert goed.status_code == 302 and goed["Location"] == "/inwoners/?q=jansen"
    assert client.get(reverse("web:home")).status_code == 200


def test_verification_refuses_an_outside_next_url(client, generalist, verplicht):
    user = met_wachtwoord(generalist.user)
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    inloggen(client, "generalist")
    goed = client.post(
        reverse("beveiliging:verificatie"),
        {"code": code(device.bin_key), "next": "https://kwaadwillend.example/"},
    )
    assert goed.status_code == 302 and goed["Location"] == reverse("web:home")


def test_repeated_wrong_codes_are_slowed_down(client, generalist, verplicht):
    user = met_wachtwoord(generalist.user)
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    inloggen(client, "generalist")
    for _ in range(2):
        client.post(reverse("beveiliging:verificatie"), {"code": "000000"})
    # Even the right code waits while the back-off runs.
    response = client.post(reverse("beveiliging:verificatie"), {"code": code(device.bin_key)})
    assert response.status_code == 400
    assert "Te veel foute codes" in response.content.decode()


def test_functioneel_beheerder_must_enrol_too(client, gemeente, verplicht):
    """Who creates logins and resets another's second factor uses one too (no dossier access)."""
    beheerder = MedewerkerFactory(
        gemeente=gemeente, functie=Rol.FUNCTIONEEL_BEHEER, username="beheer"
    )
    met_wachtwoord(beheerder.user)
    inloggen(client, "beheer")
    page = client.get(reverse("beheer:start"))
    assert page.status_code == 302 and page["Location"].startswith(reverse("beveiliging:instellen"))


def test_functioneel_beheerder_not_forced_in_the_development_settings(client, gemeente):
    beheerder = MedewerkerFactory(
        gemeente=gemeente, functie=Rol.FUNCTIONEEL_BEHEER, username="beheer"
    )
    met_wachtwoord(beheerder.user)
    inloggen(client, "beheer")
    assert client.get(reverse("beheer:start")).status_code == 200


def test_role_without_dossier_access_is_not_forced(client, privacy_officer, verplicht):
    met_wachtwoord(privacy_officer.user)
    inloggen(client, "privacy")
    assert client.get(reverse("web:home")).status_code == 200


def test_not_required_in_the_development_settings(client, generalist, settings):
    assert settings.EENPLAN_2FA_VERPLICHT is False  # the tests use eenplan.conf.dev
    met_wachtwoord(generalist.user)
    inloggen(client, "generalist")
    assert client.get(reverse("web:home")).status_code == 200


def test_enrolled_user_is_asked_for_the_code_even_when_not_required(client, generalist):
    user = met_wachtwoord(generalist.user)
    TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    inloggen(client, "generalist")
    assert client.get(reverse("web:home")).status_code == 302
