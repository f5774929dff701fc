"""The faces of the AVG requests and of retention: the staff pages, the API
/api/v1/avg-verzoeken/ and the resident's portal page, each deciding through privacy.access;
bad input is refused (400) and changes nothing; the list's queries do not grow with its rows."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from eenplan.avg.constants import VerzoekStatus
from eenplan.avg.models import AvgVerzoek, Vernietigingslijst
from eenplan.bezwaren.models import Klacht
from eenplan.gemeente.constants import Rol
from eenplan.privacy.access import NIET_BINNEN_GEMEENTE
from eenplan.privacy.models import Inzage
from eenplan.privacy.services import inwoneraccount_for
from eenplan.testing import scenarios
from eenplan.testing.factories import (
    AvgVerzoekFactory,
    GemeenteFactory,
    InwonerFactory,
    KlachtFactory,
    MedewerkerFactory,
    VernietigingslijstFactory,
)
from eenplan.testing.helpers import api_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def s():
    return scenarios.bezwaar(scenarios.gemeente())


@pytest.fixture
def fg(s):
    return MedewerkerFactory(gemeente=s.gemeente, functie=Rol.PRIVACY)


def _client(medewerker) -> Client:
    client = Client()
    client.force_login(medewerker.user)
    return client


def test_the_privacy_officer_records_decides_and_downloads_an_inzage(s, fg):
    client = _client(fg)
    antwoord = client.post(
        reverse("avg:verzoek-nieuw"),
        {"bsn": s.inwoner.bsn, "soort": "inzage", "ontvangen_op": dt.date.today().isoformat()},
    )
    verzoek = AvgVerzoek.objects.get()
    assert antwoord.status_code == 302 and antwoord["Location"] == reverse(
        "avg:verzoek", args=[verzoek.pk]
    )
    lijst = client.get(reverse("avg:verzoeken"))
    assert lijst.status_code == 200 and verzoek.kenmerk in lijst.content.decode()
    pagina = client.get(reverse("avg:verzoek", args=[verzoek.pk])).content.decode()
    assert "Antwoorden uiterlijk" in pagina and "Overzicht als PDF" in pagina
    pdf = client.get(reverse("avg:inzage-pdf", args=[verzoek.pk]))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    data = client.get(reverse("avg:inzage-json", args=[verzoek.pk])).json()
    assert data["inwoner"]["id"] == s.inwoner.pk
    client.post(
        reverse("avg:verzoek", args=[verzoek.pk]),
        {"afhandel-besluit": "toekennen", "afhandel-uitkomst": "Bijgaand het overzicht."},
    )
    verzoek.refresh_from_db()
    assert verzoek.status == VerzoekStatus.TOEGEKEND


def test_bad_input_on_the_page_is_refused_and_changes_nothing(s, fg):
    client = _client(fg)
    antwoord = client.post(
        reverse("avg:verzoek-nieuw"),
        {
            "bsn": s.inwoner.bsn,
            "soort": "rectificatie",
            "ontvangen_op": "2026-01-01",
            "veld": "telefoon",
            "nieuwe_waarde": "",
        },
    )
    assert antwoord.status_code == 400
    assert "Vul in wat het gegeven moet zijn" in antwoord.content.decode()
    assert not AvgVerzoek.objects.exists()


def test_other_roles_are_refused_and_logged(s):
    client = _client(s.generalist)
    for url in (reverse("avg:verzoeken"), reverse("avg:bewaren"), reverse("avg:vernietigingen")):
        assert client.get(url).status_code == 403
    assert Inzage.objects.filter(user=s.generalist.user, toegestaan=False).count() >= 3


def test_the_retention_pages_refuse_a_destruction_under_bezwaar(s, fg):
    oud = dt.date.today() - dt.timedelta(days=6 * 366)
    klacht = KlachtFactory(inwoner=s.inwoner, afgehandeld=True)
    Klacht.objects.filter(pk=klacht.pk).update(afgehandeld_op=oud, ontvangen_op=oud)
    client = _client(fg)
    pagina = client.get(reverse("avg:bewaren")).content.decode()
    assert "Er loopt een bezwaar" in pagina and "13.1" in pagina
    antwoord = client.post(reverse("avg:bewaren-voorstellen"), follow=True)
    assert "niets waarvan de bewaartermijn" in antwoord.content.decode()
    assert not Vernietigingslijst.objects.exists() and Klacht.objects.filter(pk=klacht.pk).exists()


def test_a_second_officer_approves_on_the_page(s, fg):
    oud = dt.date.today() - dt.timedelta(days=6 * 366)
    klacht = KlachtFactory(inwoner=s.partner, afgehandeld=True)
    Klacht.objects.filter(pk=klacht.pk).update(afgehandeld_op=oud, ontvangen_op=oud)
    _client(fg).post(reverse("avg:bewaren-voorstellen"))
    lijst = Vernietigingslijst.objects.get()
    zelf = _client(fg).post(reverse("avg:vernietiging", args=[lijst.pk]))
    assert zelf.status_code == 400 and Klacht.objects.filter(pk=klacht.pk).exists()
    collega = MedewerkerFactory(gemeente=s.gemeente, functie=Rol.PRIVACY)
    _client(collega).post(reverse("avg:vernietiging", args=[lijst.pk]))
    assert not Klacht.objects.filter(pk=klacht.pk).exists()
    verslag = _client(collega).get(reverse("avg:vernietiging", args=[lijst.pk])).content.decode()
    assert "13.1" in verslag and "bezwaren.klacht: 1" in verslag


def test_api_records_extends_decides_and_exports(s, fg):
    api = api_for(fg)
    antwoord = api.post(
        "/api/v1/avg-verzoeken/",
        {
            "inwoner": s.inwoner.pk,
            "soort": "rectificatie",
            "veld": "telefoon",
            "nieuwe_waarde": "0687654321",
        },
        format="json",
    )
    assert antwoord.status_code == 201, antwoord.content
    pk = antwoord.json()["id"]
    assert (
        api.post(
            f"/api/v1/avg-verzoeken/{pk}/verlengen/", {"reden": "Veel"}, format="json"
        ).status_code
        == 200
    )
    assert (
        api.post(
            f"/api/v1/avg-verzoeken/{pk}/verlengen/", {"reden": "Nog"}, format="json"
        ).status_code
        == 400
    )
    klaar = api.post(
        f"/api/v1/avg-verzoeken/{pk}/afhandelen/",
        {"toekennen": True, "uitkomst": "Verbeterd."},
        format="json",
    )
    assert (
        klaar.json()["status"] == "toegekend" and klaar.json()["oude_waarde"] == s.inwoner.telefoon
    )
    inzage = AvgVerzoekFactory(inwoner=s.inwoner)
    export = api.get(f"/api/v1/avg-verzoeken/{inzage.pk}/inzage/")
    assert export.status_code == 200 and export.json()["grondslag"] == "AVG art. 15"
    assert api_for(s.generalist).get("/api/v1/avg-verzoeken/").status_code == 403


def test_api_list_has_a_fixed_number_of_queries(s, fg, django_assert_max_num_queries):
    api = api_for(fg)
    AvgVerzoekFactory(inwoner=s.inwoner)
    with django_assert_max_num_queries(20) as een:
        assert api.get("/api/v1/avg-verzoeken/").json()["count"] == 1
    for _ in range(10):
        AvgVerzoekFactory(inwoner=InwonerFactory(gemeente=s.gemeente, wijk=s.wijken["Noord"]))
    with django_assert_max_num_queries(len(een.captured_queries)):
        assert api.get("/api/v1/avg-verzoeken/").json()["count"] == 11


def test_api_list_filters_by_resident_status_and_kind(s, fg):
    """The filters of the list narrow it (a resident filter once crashed the list with a 500)."""
    api = api_for(fg)
    AvgVerzoekFactory(inwoner=s.inwoner)
    ander = InwonerFactory(gemeente=s.gemeente, wijk=s.wijken["Noord"])
    AvgVerzoekFactory(inwoner=ander)
    alles = api.get("/api/v1/avg-verzoeken/")
    assert alles.json()["count"] == 2
    een = api.get(f"/api/v1/avg-verzoeken/?inwoner={ander.pk}&status=open&soort=inzage")
    assert een.status_code == 200, een.content
    assert [r["inwoner"] for r in een.json()["results"]] == [ander.pk]
    fout = api.get("/api/v1/avg-verzoeken/?inwoner=nul")
    assert fout.status_code == 400


def test_the_resident_asks_in_the_portal_and_downloads_the_answer(s, fg):
    account = inwoneraccount_for(inwoner=s.inwoner, via="ontwikkeling")
    client = Client()
    client.force_login(account.user)
    url = reverse("avg-portaal:verzoeken", args=[s.inwoner.pk])
    assert "Mijn gegevens" in client.get(url).content.decode()
    client.post(reverse("avg-portaal:verzoek-doen", args=[s.inwoner.pk]), {"soort": "inzage"})
    verzoek = AvgVerzoek.objects.get(inwoner=s.inwoner)
    assert verzoek.ingediend_via == "portaal"
    pdf_url = reverse("avg-portaal:inzage-pdf", args=[s.inwoner.pk, verzoek.pk])
    assert client.get(pdf_url).status_code == 403  # not provided yet
    _client(fg).post(
        reverse("avg:verzoek", args=[verzoek.pk]),
        {"afhandel-besluit": "toekennen", "afhandel-uitkomst": "Hierbij."},
    )
    assert client.get(pdf_url).content.startswith(b"%PDF")
    # someone else's request is not there for this login
    ander = AvgVerzoekFactory(inwoner=s.partner, toegekend=True)
    assert client.get(
        reverse("avg-portaal:inzage-pdf", args=[s.partner.pk, ander.pk])
    ).status_code in (403, 404)


def test_another_municipalitys_request_or_list_is_a_404_like_an_unknown_one_and_logged(s, fg):
    # Like every app's records of another municipality (ADR 0046, issue 16): found by id within
    # the login's municipality, so another municipality's is the 404 of one that exists
    # nowhere — the answer does not tell it exists — and the refusal is logged in the login's
    # own municipality, naming no resident of the other.
    elders = GemeenteFactory(cbs_code="GM0999", naam="Anderdal")
    verzoek = AvgVerzoekFactory(inwoner=InwonerFactory(gemeente=elders))
    lijst = VernietigingslijstFactory(gemeente=elders)
    client = _client(fg)
    for url in (
        reverse("avg:verzoek", args=[verzoek.pk]),
        reverse("avg:inzage-pdf", args=[verzoek.pk]),
        reverse("avg:inzage-json", args=[verzoek.pk]),
    ):
        assert client.get(url).status_code == 404, url
    assert client.get(reverse("avg:vernietiging", args=[lijst.pk])).status_code == 404
    geweigerd = Inzage.objects.filter(user=fg.user, toegestaan=False)
    assert geweigerd.filter(reden=f"AVG-verzoek {verzoek.pk}: {NIET_BINNEN_GEMEENTE}.").count() == 3
    assert geweigerd.filter(
        onderwerp="bewaren", reden=f"Vernietigingslijst {lijst.pk}: {NIET_BINNEN_GEMEENTE}."
    ).exists()
    assert not geweigerd.filter(inwoner=verzoek.inwoner).exists()
    assert client.get(reverse("avg:verzoek", args=[verzoek.pk + 1000])).status_code == 404
    assert client.get(reverse("avg:vernietiging", args=[lijst.pk + 1000])).status_code == 404
    # The API decides the same way, through the same service.
    api = api_for(fg)
    for pad in ("", "inzage/"):
        assert api.get(f"/api/v1/avg-verzoeken/{verzoek.pk}/{pad}").status_code == 404, pad
    assert geweigerd.filter(reden__startswith=f"AVG-verzoek {verzoek.pk}:").count() == 5
    assert api.get(f"/api/v1/avg-verzoeken/{verzoek.pk + 1000}/").status_code == 404
