"""Letter templates per municipality (issue 10): versioned, restricted to `$` placeholders
(ADR 0020), the version in force used for new letters and recorded on the sent letter; the
edit page with its live preview and the API, for the functioneel beheerder only."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from eenplan.beschikkingen import services
from eenplan.beschikkingen.models import BriefSjabloon
from eenplan.conftest import login
from eenplan.gemeente.constants import Rol
from eenplan.privacy.access import Refused
from eenplan.testing.factories import GemeenteFactory, MedewerkerFactory
from eenplan.testing.helpers import api_for, zin

pytestmark = pytest.mark.django_db
VANDAAG = timezone.localdate()
EIGEN = services.STANDAARD_BESCHIKKING.replace(
    "Met vriendelijke groet,", "Met hartelijke groet van het Sociaal Team,"
)


@pytest.fixture
def beheerder(gemeente):
    return MedewerkerFactory(
        gemeente=gemeente, functie=Rol.FUNCTIONEEL_BEHEER, username="fb", first_name="Fenna"
    )


def _opslaan(beheerder, tekst=EIGEN, **kw):
    return services.sjabloon_save(
        gemeente=beheerder.gemeente,
        soort="beschikking",
        tekst=tekst,
        geldig_vanaf=kw.pop("geldig_vanaf", VANDAAG),
        actor=beheerder.user,
        **kw,
    )


def test_each_save_is_a_new_version(beheerder):
    een = _opslaan(beheerder, toelichting="Eerste eigen tekst")
    twee = _opslaan(beheerder, tekst=EIGEN + "\nP.S. Wij zijn er voor u.\n")
    assert (een.versie, twee.versie) == (1, 2)
    een.refresh_from_db()
    assert een.tekst == EIGEN  # the old version is kept unchanged
    assert services.actief_sjabloon(beheerder.gemeente_id, "beschikking", VANDAAG) == twee


@pytest.mark.parametrize(
    ("tekst", "fout"),
    [
        (EIGEN + "$wachtwoord", "Onbekend veld $wachtwoord"),
        (EIGEN.replace("$bezwaar_uiterlijk", "zes weken"), "$bezwaar_uiterlijk moet in de brief"),
        (EIGEN + "Kosten: € $ 10", "Schrijf $$ voor een los $-teken"),
        ("", "leeg"),
    ],
)
def test_a_bad_template_is_refused_and_nothing_saved(beheerder, tekst, fout):
    with pytest.raises(ValidationError) as exc:
        _opslaan(beheerder, tekst=tekst)
    assert fout in str(exc.value)
    assert not BriefSjabloon.objects.exists()


def test_template_tags_are_text_not_code(beheerder):
    tekst = EIGEN + "{% load static %}{{ settings.SECRET_KEY }}{{ b.inwoner.bsn }}\n"
    _opslaan(beheerder, tekst=tekst)
    uit = services.sjabloon_invullen(tekst, services.voorbeeld_waarden(beheerder.gemeente))
    assert "{% load static %}{{ settings.SECRET_KEY }}{{ b.inwoner.bsn }}" in uit


def test_only_the_functioneel_beheerder_of_the_own_municipality(beheerder, generalist):
    with pytest.raises(Refused):
        _opslaan(generalist)
    andere = GemeenteFactory(cbs_code="GM0889", naam="Peel en Maas")
    with pytest.raises(ValidationError, match="eigen gemeente"):
        services.sjabloon_save(
            gemeente=andere,
            soort="beschikking",
            tekst=EIGEN,
            geldig_vanaf=VANDAAG,
            actor=beheerder.user,
        )
    assert not BriefSjabloon.objects.exists()


def test_sent_letter_uses_the_version_in_force_and_records_it(
    beheerder, aanvraag, hh, backoffice_user
):
    _opslaan(beheerder, geldig_vanaf=VANDAAG + dt.timedelta(days=30))  # not yet in force
    b = services.beschikking_issue(
        aanvraag=aanvraag, actor=backoffice_user, besloten_op=VANDAAG, motivering="m",
        regels=[zin(hh)],
    )  # fmt: skip
    nu = _opslaan(beheerder, geldig_vanaf=VANDAAG - dt.timedelta(days=1))
    b = services.beschikking_send(beschikking=b, actor=backoffice_user, op=VANDAAG)
    assert b.brief_sjabloon == f"sjabloon GM0983 beschikking versie {nu.versie}"
    assert "Met hartelijke groet van het Sociaal Team," in b.brief
    assert f"Ons kenmerk: {b.kenmerk}" in b.brief
    assert f"tot en met {services.datum_tekst(b.bezwaar_uiterlijk)}" in b.brief
    assert "Thuiszorg West levert de hulp" in b.brief and "artikel 2.3.5" in b.brief
    assert "$" not in b.brief
    # A later version does not touch the sent letter.
    _opslaan(beheerder, tekst=EIGEN.replace("Sociaal Team", "Wijkteam"))
    b.refresh_from_db()
    assert "Sociaal Team" in services.brief_tekst(b, VANDAAG)


def test_page_shows_versions_and_live_preview(client, beheerder):
    login(client, beheerder)
    body = client.get("/beschikkingen/sjablonen/").content.decode()
    assert "Nieuwe versie opslaan" in body and "standaardbrief" in body
    assert "GM0983-BS-2026-000123" in body  # the preview of the standard text
    fragment = client.post("/beschikkingen/sjablonen/voorbeeld/", {"tekst": "Kenmerk $kenmerk"})
    tekst = fragment.content.decode()
    assert "Kenmerk GM0983-BS-2026-000123" in tekst
    assert "$besluit moet in de brief staan" in tekst
    response = client.post(
        "/beschikkingen/sjablonen/nieuw/",
        {"tekst": EIGEN, "geldig_vanaf": VANDAAG.isoformat(), "toelichting": "Warmere groet"},
    )
    assert response.status_code == 302
    body = client.get(response.url).content.decode()
    assert "Versie 1 van de beschikkingsbrief is opgeslagen" in body and "Warmere groet" in body


def test_page_refuses_a_bad_template_with_the_reason(client, beheerder):
    login(client, beheerder)
    response = client.post(
        "/beschikkingen/sjablonen/nieuw/",
        {"tekst": "Alleen $onzin", "geldig_vanaf": VANDAAG.isoformat()},
        follow=True,
    )
    body = response.content.decode()
    assert "Onbekend veld $onzin" in body and not BriefSjabloon.objects.exists()


def test_page_and_api_refused_to_a_generalist(client, generalist):
    assert login(client, generalist).get("/beschikkingen/sjablonen/").status_code == 403
    api = api_for(generalist)
    assert api.get("/api/v1/briefsjablonen/").status_code == 403
    response = api.post("/api/v1/briefsjablonen/", {"tekst": EIGEN}, format="json")
    assert response.status_code == 403 and not BriefSjabloon.objects.exists()


def test_api_lists_and_saves_versions(beheerder):
    api = api_for(beheerder)
    response = api.post(
        "/api/v1/briefsjablonen/",
        {"tekst": EIGEN, "geldig_vanaf": VANDAAG.isoformat()},
        format="json",
    )
    assert response.status_code == 201, response.json()
    assert response.json()["versie"] == 1
    assert response.json()["gewijzigd_door"] == beheerder.user.get_full_name()
    assert "fb" not in response.json()["gewijzigd_door"]  # never the login
    fout = api.post(
        "/api/v1/briefsjablonen/",
        {"tekst": "$onzin", "geldig_vanaf": VANDAAG.isoformat()},
        format="json",
    )
    assert fout.status_code == 400 and "Onbekend veld $onzin" in str(fout.json())
    lijst = api.get("/api/v1/briefsjablonen/").json()
    assert [v["versie"] for v in lijst["results"]] == [1] and lijst["count"] == 1


def test_a_script_in_a_template_is_shown_as_text_in_the_live_preview(client, beheerder):
    # The letter renders to plain text (autoescape off is for the .txt letter only); the page
    # that shows it escapes it, so a stored script never runs in a colleague's browser.
    login(client, beheerder)
    tekst = "<script>alert(1)</script> $kenmerk $besluit $bezwaar_uiterlijk"
    fragment = client.post("/beschikkingen/sjablonen/voorbeeld/", {"tekst": tekst})
    body = fragment.content.decode()
    assert "<script>alert(1)" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
