"""Logging in: lock-out after repeated failures (login page, admin), password rules, idle and
absolute session timeouts."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import translation

from eenplan.beveiliging.sessie import SESSIE_BEGIN, SESSIE_LAATST

WACHTWOORD = "een-lang-wachtwoord-42"

pytestmark = pytest.mark.django_db


@pytest.fixture
def sanne(generalist):
    generalist.user.set_password(WACHTWOORD)
    generalist.user.save()
    return generalist.user


def login_page(client: Client, username: str, password: str):
    return client.post(reverse("login"), {"username": username, "password": password})


def is_logged_in(client: Client) -> bool:
    return client.get(reverse("web:home")).status_code == 200


def test_wrong_password_shows_the_dutch_form_error(client, sanne):
    response = login_page(client, "generalist", "fout")
    assert response.status_code == 200
    assert "De gebruikersnaam of het wachtwoord klopt niet" in response.content.decode()


def test_five_failures_lock_the_username_even_for_the_right_password(client, sanne, settings):
    assert settings.AXES_FAILURE_LIMIT == 5
    for _ in range(5):
        login_page(client, "generalist", "geraden-wachtwoord")
    response = login_page(client, "generalist", WACHTWOORD)
    body = response.content.decode()
    assert response.status_code == 429
    assert "Inloggen tijdelijk geblokkeerd" in body and "5 keer" in body
    assert not is_logged_in(client)
    # From another browser (another address) the username stays locked.
    other = Client(REMOTE_ADDR="10.9.8.7")
    assert login_page(other, "generalist", WACHTWOORD).status_code == 429


def test_lock_ends_after_the_cool_off_period(client, sanne, settings):
    for _ in range(5):
        login_page(client, "generalist", "fout")
    assert login_page(client, "generalist", WACHTWOORD).status_code == 429
    AccessAttempt.objects.update(
        attempt_time=dt.datetime.now(dt.UTC) - settings.AXES_COOLOFF_TIME - dt.timedelta(minutes=1)
    )
    response = login_page(client, "generalist", WACHTWOORD)
    assert response.status_code == 302 and is_logged_in(client)


def test_fewer_failures_then_success_resets_the_count(client, sanne):
    for _ in range(4):
        login_page(client, "generalist", "fout")
    assert login_page(client, "generalist", WACHTWOORD).status_code == 302
    client.post(reverse("logout"))
    for _ in range(4):
        login_page(client, "generalist", "fout")
    assert login_page(client, "generalist", WACHTWOORD).status_code == 302


def test_admin_login_is_locked_too(client, gemeente):
    from eenplan.gemeente.constants import Rol
    from eenplan.testing.factories import MedewerkerFactory

    beheer = MedewerkerFactory(
        gemeente=gemeente, functie=Rol.FUNCTIONEEL_BEHEER, username="beheer"
    ).user
    beheer.is_staff = True
    beheer.set_password(WACHTWOORD)
    beheer.save()
    url = reverse("admin:login")
    for _ in range(5):
        client.post(url, {"username": "beheer", "password": "fout"})
    response = client.post(url, {"username": "beheer", "password": WACHTWOORD})
    assert response.status_code == 429
    assert "Inloggen tijdelijk geblokkeerd" in response.content.decode()


@pytest.mark.parametrize(
    ("wachtwoord", "melding"),
    [
        ("kort-Wachtw", "minimaal 12 tekens"),
        ("password1234", "te algemeen"),
    ],
)
def test_password_rules(wachtwoord, melding):
    with translation.override("nl"), pytest.raises(ValidationError) as fout:
        validate_password(wachtwoord)
    assert melding in " ".join(fout.value.messages)


def test_a_long_uncommon_password_passes():
    validate_password("maasdal-zonnebloem-2026")


def _set_clock(client: Client, *, begin: int, laatst: int) -> None:
    session = client.session
    session[SESSIE_BEGIN] = begin
    session[SESSIE_LAATST] = laatst
    session.save()


def test_idle_session_ends_after_30_minutes(client, generalist, settings):
    assert settings.EENPLAN_SESSIE_INACTIEF_MINUTEN == 30
    client.force_login(generalist.user)
    now = int(time.time())
    _set_clock(client, begin=now - 40 * 60, laatst=now - 29 * 60)
    assert is_logged_in(client)  # 29 minutes idle: still in, and the clock restarts
    _set_clock(client, begin=now - 40 * 60, laatst=now - 31 * 60)
    response = client.get(reverse("web:home"), follow=True)
    assert response.redirect_chain[-1][0].startswith(reverse("login"))
    assert "Uw sessie is verlopen" in response.content.decode()
    assert not is_logged_in(client)


def test_session_ends_10_hours_after_login_even_when_active(client, generalist, settings):
    assert settings.EENPLAN_SESSIE_MAXIMAAL_UREN == 10
    client.force_login(generalist.user)
    now = int(time.time())
    _set_clock(client, begin=now - 10 * 3600 + 60, laatst=now - 60)
    assert is_logged_in(client)
    _set_clock(client, begin=now - 10 * 3600 - 60, laatst=now - 60)
    assert not is_logged_in(client)


def test_htmx_request_after_expiry_sends_the_browser_to_the_login_page(client, generalist):
    client.force_login(generalist.user)
    now = int(time.time())
    _set_clock(client, begin=now, laatst=now - 31 * 60)
    response = client.get("/inwoners/?q=jansen", HTTP_HX_REQUEST="true")
    assert response.status_code == 204 and response["HX-Redirect"] == reverse("login")
    assert not is_logged_in(client)


def test_api_session_expires_without_a_redirect(client, generalist):
    client.force_login(generalist.user)
    now = int(time.time())
    _set_clock(client, begin=now, laatst=now - 31 * 60)
    response = client.get("/api/v1/inwoners/")
    assert response.status_code in (401, 403)
