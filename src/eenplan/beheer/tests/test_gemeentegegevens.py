"""The municipality's own data in functioneel beheer (issue 10, ADR 0021): letterhead, the logo
above every letter (uploaded, stored as data) and the send channels, on the page and in the
API; refused in Dutch without changing anything."""

from __future__ import annotations

import base64
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from eenplan.conftest import login
from eenplan.gemeente.models import Gemeente
from eenplan.testing.helpers import api_for

pytestmark = pytest.mark.django_db
PAGINA = "/functioneel-beheer/gemeente/"
WIJZIGEN = "/functioneel-beheer/gemeente/wijzigen/"


def _png(breedte: int = 120, hoogte: int = 40) -> bytes:
    uit = io.BytesIO()
    Image.new("RGB", (breedte, hoogte), (0, 94, 170)).save(uit, format="PNG")
    return uit.getvalue()


def _data(**extra):
    return {
        "bezoekadres": "Hanzeplein 1, 5911 AM Venlo",
        "postadres": "Postbus 3434, 5902 RK Venlo",
        "telefoon": "14 077",
        "email": "info@venlo.example.org",
        "website": "https://www.venlo.example.org",
        "bezwaar_url": "https://www.venlo.example.org/bezwaar",
        "verzendkanalen": ["post", "email"],
        **extra,
    }


def test_beheer_uploads_the_logo_and_chooses_the_channels(client, beheer, gemeente):
    login(client, beheer)
    response = client.post(
        WIJZIGEN, _data(logo=SimpleUploadedFile("logo.png", _png(), "image/png")), follow=True
    )
    assert "De gegevens van de gemeente zijn opgeslagen." in response.content.decode()
    gemeente.refresh_from_db()
    assert gemeente.kanalen == ["post", "email"] and gemeente.postadres.startswith("Postbus")
    assert bytes(gemeente.logo).startswith(b"\x89PNG")
    pagina = client.get(PAGINA).content.decode()
    assert 'src="/functioneel-beheer/gemeente/logo.png"' in pagina and "Logo weghalen" in pagina
    logo = client.get("/functioneel-beheer/gemeente/logo.png")
    assert logo["Content-Type"] == "image/png" and logo.content == bytes(gemeente.logo)
    client.post(WIJZIGEN, _data(logo_verwijderen="on"))
    gemeente.refresh_from_db()
    assert bytes(gemeente.logo) == b""
    assert client.get("/functioneel-beheer/gemeente/logo.png").status_code == 404


@pytest.mark.parametrize(
    ("extra", "fout"),
    [
        ({"verzendkanalen": ["email"]}, "Kies een kanaal dat de brief zelf bezorgt"),
        ({"verzendkanalen": []}, "Kies minstens één kanaal."),
        ({"verzendkanalen": ["fax"]}, "Kies uit de lijst."),
        (
            {"logo": SimpleUploadedFile("logo.png", b"geen plaatje", "image/png")},
            "Dit bestand is geen afbeelding",
        ),
        ({"email": "geen-adres"}, "Vul een e-mailadres in"),
    ],
)
def test_a_wrong_choice_is_refused_in_dutch_and_nothing_changes(
    client, beheer, gemeente, extra, fout
):
    login(client, beheer)
    response = client.post(WIJZIGEN, _data(**extra), follow=True)
    assert fout in response.content.decode()
    assert Gemeente.objects.get(pk=gemeente.pk).kanalen == ["post"]
    assert Gemeente.objects.get(pk=gemeente.pk).bezoekadres == gemeente.bezoekadres


def test_a_generalist_neither_sees_nor_changes_it(client, generalist, gemeente):
    login(client, generalist)
    assert client.get(PAGINA).status_code == 403
    assert client.post(WIJZIGEN, _data(verzendkanalen=["berichtenbox"])).status_code == 403
    assert api_for(generalist).get("/api/v1/beheer/gemeente/").status_code == 403
    assert Gemeente.objects.get(pk=gemeente.pk).kanalen == ["post"]


def test_the_api_reads_and_changes_the_same_data(beheer, gemeente):
    api = api_for(beheer)
    assert api.get("/api/v1/beheer/gemeente/").json()["verzendkanalen"] == ["post"]
    response = api.post(
        "/api/v1/beheer/gemeente/",
        {"verzendkanalen": ["email", "berichtenbox"], "logo": base64.b64encode(_png()).decode()},
        format="json",
    )
    assert response.status_code == 200, response.json()
    # Stored in a fixed order: the letter itself first, the notice after it.
    assert response.json()["verzendkanalen"] == ["berichtenbox", "email"]
    assert response.json()["heeft_logo"] is True
    fout = api.post("/api/v1/beheer/gemeente/", {"verzendkanalen": ["email"]}, format="json")
    assert fout.status_code == 400 and "bezorgt" in str(fout.json())
    assert api.post("/api/v1/beheer/gemeente/", {"logo": "@@@"}, format="json").status_code == 400
    assert Gemeente.objects.get(pk=gemeente.pk).kanalen == ["berichtenbox", "email"]
