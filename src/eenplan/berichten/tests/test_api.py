"""The provider API /api/v1/berichten/: a provider's login sends its files and fetches what the
municipality sent it, and sees only its own messages and clients."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from rest_framework.test import APIClient

from eenplan.berichten.constants import BerichtStatus, Richting
from eenplan.berichten.models import AanbiederLogin, Bericht
from eenplan.gemeente.constants import Rol
from eenplan.istandaarden import bouw
from eenplan.privacy.models import Inzage
from eenplan.testing.factories import medewerker_voor

pytestmark = pytest.mark.django_db
URL = "/api/v1/berichten/"


def _login(aanbieder, naam: str) -> APIClient:
    user = get_user_model().objects.create_user(username=naam, password="x")  # noqa: S106
    AanbiederLogin.objects.create(user=user, aanbieder=aanbieder)
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.fixture
def api_a(aanbieder):
    return _login(aanbieder, "thuiszorg-west")


@pytest.fixture
def api_b(aanbieder_b):
    return _login(aanbieder_b, "zorg-oost")


def _post(client, inhoud: bytes, capture):
    with capture(execute=True):
        return client.post(URL, data=inhoud, content_type="application/xml")


def test_a_provider_sends_a_start_and_finds_its_answer(
    api_a, van_aanbieder, django_capture_on_commit_callbacks
):
    response = _post(api_a, bouw(van_aanbieder.start()), django_capture_on_commit_callbacks)
    assert response.status_code == 202, response.content
    bericht = Bericht.objects.get(pk=response.json()["id"])
    assert bericht.status == BerichtStatus.VERWERKT  # processed by the (immediate) task
    detail = api_a.get(f"{URL}{bericht.pk}/").json()
    assert detail["soort"] == "WMO305" and detail["antwoorden"][0]["soort"] == "WMO306"
    # The same file again changes nothing.
    again = _post(api_a, bytes(bericht.inhoud), django_capture_on_commit_callbacks)
    assert again.status_code == 200 and again.json()["id"] == bericht.pk


def test_a_bad_file_is_kept_and_shown_with_0001(
    api_a, aanbieder, django_capture_on_commit_callbacks
):
    response = _post(api_a, b"<niet-af", django_capture_on_commit_callbacks)
    assert response.status_code == 202
    detail = api_a.get(f"{URL}{response.json()['id']}/").json()
    assert detail["status"] == "onleesbaar"
    assert detail["retourcodes"][0]["code"] == "0001" and detail["retourcodes"][0]["uitleg"]


def test_a_provider_fetches_its_301_once(api_a, beschikking):
    nieuw = api_a.get(URL, {"nieuw": "true"}).json()["results"]
    assert [b["soort"] for b in nieuw] == ["WMO301"]
    xml = api_a.get(nieuw[0]["inhoud"])
    assert xml.status_code == 200 and xml["Content-Type"] == "application/xml"
    assert beschikking.inwoner.bsn.encode() in xml.content
    assert api_a.get(URL, {"nieuw": "true"}).json()["results"] == []
    assert Bericht.objects.get(pk=nieuw[0]["id"]).status == BerichtStatus.OPGEHAALD


def test_provider_a_never_sees_provider_bs_messages_or_clients(
    api_a, api_b, beschikking, van_aanbieder, django_capture_on_commit_callbacks
):
    eigen = _post(api_a, bouw(van_aanbieder.start()), django_capture_on_commit_callbacks).json()
    # B sees none of A's messages: not in its list, refused (and logged) one by one.
    assert api_b.get(URL).json()["results"] == []
    refused = api_b.get(f"{URL}{eigen['id']}/")
    assert refused.status_code == 403
    assert api_b.get(f"{URL}{eigen['id']}/inhoud/").status_code == 403
    assert Inzage.objects.filter(gebruikersnaam="zorg-oost", toegestaan=False).exists()
    # Nor A's clients; A sees its client.
    assert api_b.get(f"{URL}clienten/").json()["results"] == []
    clienten = api_a.get(f"{URL}clienten/").json()["results"]
    assert [c["bsn"] for c in clienten] == [beschikking.inwoner.bsn]
    assert clienten[0]["toewijzingen"][0]["productcategorie"]
    # A's list: its 301 and its own start with the answer, nothing of anyone else.
    soorten = sorted(b["soort"] for b in api_a.get(URL).json()["results"])
    assert soorten == ["WMO301", "WMO305", "WMO306"]


def test_a_provider_cannot_send_on_behalf_of_another(
    api_b, van_aanbieder, django_capture_on_commit_callbacks
):
    # B posts a file whose header names A as the sender: kept, refused, never answered to A.
    response = _post(api_b, bouw(van_aanbieder.start()), django_capture_on_commit_callbacks)
    bericht = Bericht.objects.get(pk=response.json()["id"])
    assert bericht.status == BerichtStatus.AFGEKEURD and "niet de aanbieder" in bericht.melding
    assert not bericht.antwoorden.exists()


def test_a_provider_login_reaches_no_dossier(api_a):
    assert api_a.get("/api/v1/inwoners/").status_code == 403
    assert api_a.get("/api/v1/beschikkingen/").status_code == 403


def test_staff_with_the_message_role_read_the_log_and_others_do_not(beschikking):
    contract = APIClient()
    contract.force_authenticate(medewerker_voor(beschikking.inwoner, Rol.BACKOFFICE).user)
    rows = contract.get(URL).json()["results"]
    assert [r["soort"] for r in rows] == ["WMO301"]
    generalist = APIClient()
    generalist.force_authenticate(medewerker_voor(beschikking.inwoner).user)
    assert generalist.get(URL).status_code == 403


def test_posting_nothing_is_a_dutch_400(api_a):
    response = api_a.post(URL, data={}, format="multipart")
    assert response.status_code == 400
    assert "application/xml" in str(response.json())
    assert not Bericht.objects.filter(richting=Richting.IN).exists()


def test_a_file_upload_works_too(api_a, van_aanbieder, django_capture_on_commit_callbacks):
    from django.core.files.uploadedfile import SimpleUploadedFile

    bestand = SimpleUploadedFile("start.xml", bouw(van_aanbieder.start()), "application/xml")
    with django_capture_on_commit_callbacks(execute=True):
        response = api_a.post(URL, data={"bestand": bestand}, format="multipart")
    assert response.status_code == 202
    assert Bericht.objects.get(pk=response.json()["id"]).bestandsnaam == "start.xml"


def test_the_message_log_uses_a_bounded_number_of_queries(
    api_a, van_aanbieder, django_capture_on_commit_callbacks, django_assert_max_num_queries
):
    for i in range(6):
        ontvangen = van_aanbieder.start(identificatie=f"Q{i}")
        _post(api_a, bouw(ontvangen), django_capture_on_commit_callbacks)
    with django_assert_max_num_queries(12):
        rows = api_a.get(URL).json()["results"]
    assert len(rows) >= 12


def test_a_provider_login_is_kept_off_the_staff_pages(aanbieder, gemeente):
    from django.test import Client

    user = get_user_model().objects.create_user(username="aanbieder-pagina", password="x")  # noqa: S106
    AanbiederLogin.objects.create(user=user, aanbieder=aanbieder)
    client = Client(raise_request_exception=False)
    client.force_login(user)
    for url in ("/", "/berichten/", "/berichten/werklijst/", "/inwoners/"):
        assert client.get(url).status_code == 403, url
    assert Inzage.objects.filter(gebruikersnaam="aanbieder-pagina", toegestaan=False).count() >= 4
    assert client.get("/api/v1/berichten/").status_code == 200
