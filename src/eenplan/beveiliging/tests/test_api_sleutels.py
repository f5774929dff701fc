"""API keys: stored hashed, shown once, expiring, revoked on a password change or deactivation;
back-off after invalid keys; rate limits."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient
from rest_framework.throttling import UserRateThrottle

from eenplan.beveiliging.models import ApiSleutel
from eenplan.beveiliging.services import api_sleutel_create

pytestmark = pytest.mark.django_db
URL = "/api/v1/inwoners/"


def api(sleutel: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {sleutel}")
    return client


def test_key_works_and_only_its_hash_is_stored(generalist):
    record, sleutel = api_sleutel_create(user=generalist.user, naam="koppeling")
    assert api(sleutel).get(URL).status_code == 200
    record.refresh_from_db()
    opgeslagen = [str(v) for v in ApiSleutel.objects.values_list().get(pk=record.pk)]
    assert sleutel not in " ".join(opgeslagen)
    assert len(record.sleutel_hash) == 64 and sleutel.startswith(record.prefix)
    verloopt = record.verloopt_op - record.aangemaakt_op
    assert dt.timedelta(days=89) < verloopt <= dt.timedelta(days=90)


def test_wrong_key_is_refused_in_dutch(generalist):
    api_sleutel_create(user=generalist.user, naam="koppeling")
    response = api("ep_verzonnen").get(URL)
    assert response.status_code == 401
    assert "Ongeldige, verlopen of ingetrokken API-sleutel" in response.json()["detail"]


def test_expired_key_is_refused(generalist):
    record, sleutel = api_sleutel_create(user=generalist.user, naam="koppeling")
    ApiSleutel.objects.filter(pk=record.pk).update(
        verloopt_op=timezone.now() - dt.timedelta(seconds=1)
    )
    assert api(sleutel).get(URL).status_code == 401


def test_password_change_revokes_keys(generalist):
    _, sleutel = api_sleutel_create(user=generalist.user, naam="koppeling")
    user = generalist.user
    user.set_password("een-heel-nieuw-wachtwoord")
    user.save()
    assert api(sleutel).get(URL).status_code == 401
    assert ApiSleutel.objects.get(user=user).reden_intrekking == "Wachtwoord gewijzigd"


def test_other_saves_and_logins_keep_the_key(client, generalist):
    _, sleutel = api_sleutel_create(user=generalist.user, naam="koppeling")
    user = generalist.user
    user.first_name = "Sanne"
    user.save()
    client.force_login(user)  # updates last_login
    assert api(sleutel).get(URL).status_code == 200


def test_deactivation_revokes_keys(generalist):
    _, sleutel = api_sleutel_create(user=generalist.user, naam="koppeling")
    user = generalist.user
    user.is_active = False
    user.save()
    user.is_active = True  # reactivating does not bring the key back
    user.save()
    assert api(sleutel).get(URL).status_code == 401
    assert ApiSleutel.objects.get(user=user).reden_intrekking == "Account gedeactiveerd"


def test_command_issues_a_key_shown_once_and_revokes(generalist):
    out = StringIO()
    call_command("api_sleutel", "generalist", "--naam", "GBA-koppeling", "--dagen", "7", stdout=out)
    sleutel = out.getvalue().strip().splitlines()[-1]
    assert sleutel.startswith("ep_") and "geldig tot" in out.getvalue()
    assert api(sleutel).get(URL).status_code == 200
    record = ApiSleutel.objects.get(user=generalist.user)
    assert record.naam == "GBA-koppeling"
    assert record.verloopt_op - record.aangemaakt_op <= dt.timedelta(days=7)
    call_command("api_sleutel", "generalist", "--intrekken", stdout=StringIO())
    assert api(sleutel).get(URL).status_code == 401


def test_page_issues_and_revokes_own_keys(client, generalist):
    client.force_login(generalist.user)
    url = reverse("beveiliging:api-sleutels")
    response = client.post(url, {"actie": "aanmaken", "naam": "Rapportage"})
    body = response.content.decode()
    assert response.status_code == 200 and "wordt niet opnieuw getoond" in body
    sleutel = body.split('id="nieuwe-sleutel">')[1].split("<")[0]
    assert api(sleutel).get(URL).status_code == 200
    # Shown once: the list afterwards has only its beginning.
    lijst = client.get(url).content.decode()
    assert "Rapportage" in lijst and sleutel not in lijst
    record = ApiSleutel.objects.get(user=generalist.user)
    client.post(url, {"actie": "intrekken", "sleutel": record.pk})
    assert api(sleutel).get(URL).status_code == 401


def test_cannot_revoke_someone_elses_key(client, generalist, midoffice):
    record, sleutel = api_sleutel_create(user=midoffice.user, naam="van een ander")
    client.force_login(generalist.user)
    client.post(reverse("beveiliging:api-sleutels"), {"actie": "intrekken", "sleutel": record.pk})
    assert api(sleutel).get(URL).status_code == 200


def test_many_invalid_keys_lock_the_address_out(generalist, settings):
    settings.EENPLAN_API_MAX_FOUTE_SLEUTELS = 3
    _, goed = api_sleutel_create(user=generalist.user, naam="koppeling")
    for i in range(3):
        assert api(f"ep_gok{i}").get(URL).status_code == 401
    response = api(goed).get(URL)
    assert response.status_code == 429
    assert "Te veel ongeldige API-sleutels" in response.json()["detail"]


def test_rate_limit_per_user(generalist, monkeypatch):
    monkeypatch.setattr(UserRateThrottle, "THROTTLE_RATES", {"user": "3/minute"})
    _, sleutel = api_sleutel_create(user=generalist.user, naam="koppeling")
    client = api(sleutel)
    assert [client.get(URL).status_code for _ in range(3)] == [200, 200, 200]
    response = client.get(URL)
    assert response.status_code == 429 and int(response["Retry-After"]) > 0


def test_rate_limits_are_settings(settings):
    rates = settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]
    assert rates == {"anon": "30/minute", "user": "300/minute"}
