"""The catalogue pages: the sociale kaart search (also for the volunteer), the catalogue with
iWmo codes and current tariffs, and adding a voorziening or a tariff. Refusals are shown in
Dutch and change nothing; the search keeps the same number of queries for 5 and 50 rows."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from eenplan.conftest import login
from eenplan.gemeente.constants import Rol
from eenplan.onderzoeken.models import Leefgebied
from eenplan.onderzoeken.services import instrument_ensure_default
from eenplan.testing.factories import MedewerkerFactory, gecontracteerd
from eenplan.voorzieningen.models import Tarief, Voorziening
from eenplan.voorzieningen.services import tarief_add, voorziening_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def leefgebieden(db):
    instrument_ensure_default()
    return {lg.code: lg for lg in Leefgebied.objects.all()}


@pytest.fixture
def contractmanager(gemeente):
    return MedewerkerFactory(gemeente=gemeente, functie=Rol.CONTRACTMANAGER, username="contract")


@pytest.fixture
def backoffice(gemeente):
    return MedewerkerFactory(gemeente=gemeente, functie=Rol.BACKOFFICE, username="bo")


def algemeen(gemeente, naam: str, **extra):
    data = {
        "gemeente": gemeente,
        "naam": naam,
        "soort": "algemeen",
        "wet": "wmo",
        "organisatie": "Stichting Welzijn Venlo",
    }
    data.update(extra)
    return voorziening_create(**data)


@pytest.fixture
def kaart(gemeente, wijken, leefgebieden):
    """A day centre in Noord with a meal, the neighbourhood bus town-wide, a coffee morning in
    Zuid."""
    return {
        "dagcentrum": algemeen(
            gemeente,
            "Dagcentrum De Schakel",
            adres="Molenstraat 4, Venlo",
            doelgroep="Ouderen en mensen met geheugenproblemen",
            prijs=Decimal("7.50"),
            prijs_toelichting="per dag, inclusief maaltijd",
            openingstijden="ma-vr 9.30-16.00",
            wijken=[wijken["Noord"]],
            leefgebieden=[leefgebieden["dagbesteding"], leefgebieden["sociaal_netwerk"]],
        ),
        "wijkbus": algemeen(
            gemeente,
            "Wijkbus",
            prijs=Decimal("1.00"),
            prijs_toelichting="per rit",
            openingstijden="op afspraak",
            leefgebieden=[leefgebieden["participatie"]],
        ),
        "koffie": algemeen(
            gemeente,
            "Koffieochtend Zuid",
            prijs=Decimal("0"),
            wijken=[wijken["Zuid"]],
            leefgebieden=[leefgebieden["sociaal_netwerk"]],
        ),
    }


@pytest.fixture
def hh(gemeente):
    v = voorziening_create(
        gemeente=gemeente,
        naam="Hulp bij het huishouden",
        soort="individueel",
        wet="wmo",
        productcategorie="01",
        productcode="01A01",
        eenheid="04",
        frequentie="2",
        uitvoeringsvariant="inspanning",
        pgb_mogelijk=True,
        kostprijs_per_maand=Decimal("250.00"),
    )
    for aanbieder, bedrag in (("Thuiszorg West", "29.90"), ("Zorg Oost", "32.50")):
        gecontracteerd(v, aanbieder, tarief=bedrag)
    tarief_add(
        voorziening=v,
        leveringsvorm="pgb",
        bedrag=Decimal("25.00"),
        geldig_vanaf=dt.date(2024, 1, 1),
        bron="Verordening 2024",
    )
    return v


def url(naam: str, *args) -> str:
    return reverse(f"voorzieningen:{naam}", args=args)


# --- sociale kaart ----------------------------------------------------------------------------


def test_sociale_kaart_for_the_volunteer_and_staff_not_for_beleid(
    client, kaart, vrijwilliger, midoffice, beleid
):
    response = client.get(url("sociale-kaart"))
    assert response.status_code == 302 and "/inloggen/" in response["Location"]
    for medewerker in (vrijwilliger, midoffice):
        body = login(client, medewerker).get(url("sociale-kaart")).content.decode()
        assert "Dagcentrum De Schakel" in body and "Stichting Welzijn Venlo" in body
        assert "€&nbsp;7,50 per dag, inclusief maaltijd" in body
        assert "ma-vr 9.30-16.00" in body and "Ouderen en mensen met geheugenproblemen" in body
        assert "€&nbsp;1,00 per rit" in body and "Gratis" in body
    assert login(client, beleid).get(url("sociale-kaart")).status_code == 403


def test_sociale_kaart_full_text_wijk_and_leefgebied(
    client, kaart, vrijwilliger, wijken, leefgebieden
):
    login(client, vrijwilliger)
    body = client.get(url("sociale-kaart"), {"q": "geheugen ouderen"}).content.decode()
    assert "Dagcentrum De Schakel" in body and "Wijkbus" not in body
    assert "1 voorziening" in body
    # Noord: its own day centre and the town-wide bus, not Zuid's coffee morning.
    body = client.get(url("sociale-kaart"), {"wijk": wijken["Noord"].pk}).content.decode()
    assert "Dagcentrum De Schakel" in body and "Wijkbus" in body
    assert "Koffieochtend Zuid" not in body
    sociaal = leefgebieden["sociaal_netwerk"].pk
    body = client.get(url("sociale-kaart"), {"leefgebied": sociaal}).content.decode()
    assert "Dagcentrum De Schakel" in body and "Koffieochtend Zuid" in body
    assert "Wijkbus" not in body
    body = client.get(url("sociale-kaart"), {"q": "zwembad"}).content.decode()
    assert "Geen voorzieningen gevonden" in body
    # Unknown filter values are ignored rather than failing.
    assert client.get(url("sociale-kaart"), {"wijk": "x", "leefgebied": "999"}).status_code == 200


def test_sociale_kaart_htmx_returns_only_the_results(client, kaart, vrijwilliger):
    login(client, vrijwilliger)
    response = client.get(
        url("sociale-kaart"), {"q": "bus"}, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="resultaten"
    )
    body = response.content.decode()
    assert "<h1" not in body and "Wijkbus" in body
    assert 'hx-swap-oob="true"' in body and "1 voorziening gevonden." in body


def test_sociale_kaart_query_budget(
    client, gemeente, wijken, leefgebieden, vrijwilliger, django_assert_num_queries
):
    """The same number of queries for 5 results as for 50 (a full page of 20)."""

    def maak(van: int, tot: int) -> None:
        for i in range(van, tot):
            algemeen(
                gemeente,
                f"Inloop {i:02d}",
                prijs=Decimal("2.50"),
                wijken=[wijken["Noord"], wijken["Oost"]],
                leefgebieden=[leefgebieden["sociaal_netwerk"], leefgebieden["participatie"]],
            )

    login(client, vrijwilliger)
    pad = url("sociale-kaart") + f"?q=inloop&wijk={wijken['Noord'].pk}"
    maak(0, 5)
    with CaptureQueriesContext(connection) as klein:
        assert client.get(pad).status_code == 200
    maak(5, 50)
    with django_assert_num_queries(len(klein)):
        body = client.get(pad).content.decode()
    assert "50 voorzieningen gevonden" in body and body.count("<article") == 20


# --- catalogue --------------------------------------------------------------------------------


def test_catalogue_shows_codes_and_current_tariffs(client, kaart, hh, backoffice, vrijwilliger):
    tarief_add(
        voorziening=hh,
        leveringsvorm="pgb",
        bedrag=Decimal("99.00"),
        geldig_vanaf=dt.date(timezone.localdate().year + 1, 1, 1),
        bron="Verordening volgend jaar",
    )
    body = login(client, backoffice).get(url("catalogus")).content.decode()
    assert "Individueel maatwerk" in body and "Algemene voorziening" in body
    assert "WMO020 01" in body and "Hulp bij het huishouden" in body and "01A01" in body
    assert "Eenheid 04 uur" in body and "frequentie 2 per week" in body
    assert "ZIN Thuiszorg West: €&nbsp;29,90 per uur" in body and "Zorg Oost: €&nbsp;32,50" in body
    assert "PGB: €&nbsp;25,00" in body
    assert "99,00" not in body  # not in force yet
    body = client.get(url("catalogus"), {"soort": "algemeen"}).content.decode()
    assert "01A01" not in body and "Wijkbus" in body
    # The volunteer sees the catalogue without the contract tariffs.
    body = login(client, vrijwilliger).get(url("catalogus")).content.decode()
    assert "Hulp bij het huishouden" in body and "29,90" not in body
    detail = client.get(url("detail", hh.pk)).content.decode()
    assert "29,90" not in detail and "Tarief toevoegen" not in detail


def test_catalogue_query_budget(client, gemeente, backoffice, django_assert_num_queries):
    def maak(van: int, tot: int) -> None:
        for i in range(van, tot):
            v = voorziening_create(
                gemeente=gemeente,
                naam=f"Begeleiding {i:02d}",
                soort="individueel",
                wet="wmo",
                productcategorie="02",
                productcode=f"02A{i:02d}",
                eenheid="04",
                uitvoeringsvariant="inspanning",
            )
            gecontracteerd(v, "Aanbieder A", tarief="60")

    login(client, backoffice)
    maak(0, 5)
    with CaptureQueriesContext(connection) as klein:
        client.get(url("catalogus"))
    maak(5, 50)
    with django_assert_num_queries(len(klein)):
        body = client.get(url("catalogus")).content.decode()
    assert body.count("Aanbieder A: €") == 50


def test_catalogue_refused_for_beleid(client, kaart, beleid):
    assert login(client, beleid).get(url("catalogus")).status_code == 403


# --- adding -----------------------------------------------------------------------------------


def test_contract_manager_adds_maatwerk_with_codes_from_the_code_lists(
    client, contractmanager, gemeente
):
    login(client, contractmanager)
    form = client.get(url("nieuw")).content.decode()
    assert "01 Hulp bij het huishouden (WMO020)" in form and "04 Uur (WJ756)" in form
    assert "45 Jeugdhulp ambulant (JZ020)" in form and "2 Per week (WMO757)" in form
    data = {
        "naam": "Begeleiding individueel",
        "soort": "individueel",
        "wet": "wmo",
        "productcategorie": "45",  # a JZ020 code for a Wmo provision
        "productcode": "02A01",
        "eenheid": "",
        "eigen_bijdrage": "abonnement",
        "kostprijs_per_maand": "310,50",
    }
    response = client.post(url("nieuw"), data)
    assert response.status_code == 400
    body = response.content.decode()
    assert "Er is nog niets opgeslagen" in body
    assert "Kies een productcategorie uit WMO020" in body and "Kies een eenheid uit WJ756" in body
    assert 'aria-invalid="true"' in body and 'role="alert"' in body
    assert not Voorziening.objects.exists()
    data.update(
        productcategorie="02", eenheid="04", frequentie="2", uitvoeringsvariant="inspanning"
    )
    response = client.post(url("nieuw"), data)
    voorziening = Voorziening.objects.get()
    assert response.status_code == 302 and response["Location"] == url("detail", voorziening.pk)
    assert voorziening.kostprijs_per_maand == Decimal("310.50")
    assert "Begeleiding individueel" in client.get(url("detail", voorziening.pk)).content.decode()


def test_contract_manager_adds_an_algemene_voorziening_for_a_wijk(
    client, contractmanager, wijken, leefgebieden
):
    login(client, contractmanager)
    data = {
        "naam": "Wijkrestaurant Noord",
        "soort": "algemeen",
        "wet": "wmo",
        "eigen_bijdrage": "geen",
        "organisatie": "",
        "prijs": "7,50",
        "prijs_toelichting": "per maaltijd",
        "wijken": [wijken["Noord"].pk],
        "leefgebieden": [leefgebieden["sociaal_netwerk"].pk],
    }
    response = client.post(url("nieuw"), data)
    assert response.status_code == 400
    assert "Vul de organisatie in" in response.content.decode()
    assert not Voorziening.objects.exists()
    data["organisatie"] = "Buurtcentrum Noord"
    assert client.post(url("nieuw"), data).status_code == 302
    voorziening = Voorziening.objects.get()
    assert list(voorziening.wijken.all()) == [wijken["Noord"]]
    assert voorziening.prijs == Decimal("7.50")


def test_only_the_catalogue_role_adds(client, backoffice, vrijwilliger, hh):
    for medewerker in (backoffice, vrijwilliger):
        login(client, medewerker)
        assert client.get(url("nieuw")).status_code == 403
        assert client.post(url("tarief", hh.pk), {}).status_code == 403
    assert Tarief.objects.count() == 1


def test_tariff_refusals_change_nothing(client, contractmanager, hh):
    login(client, contractmanager)
    body = client.get(url("detail", hh.pk)).content.decode()
    assert "Tarief toevoegen" in body and "geldt nu" in body
    # The contracted tariffs in kind are listed with their provider and unit.
    assert "Zorg in natura: gecontracteerde aanbieders" in body and "per uur" in body
    basis = {
        "tarief-leveringsvorm": "zin",
        "tarief-bedrag": "31,00",
        "tarief-geldig_vanaf": "2025-01-01",
        "tarief-bron": "Verordening 2025",
    }
    response = client.post(url("tarief", hh.pk), basis)
    assert response.status_code == 400
    assert "contract met de aanbieder" in response.content.decode()
    basis["tarief-leveringsvorm"] = "pgb"
    response = client.post(url("tarief", hh.pk), {**basis, "tarief-bedrag": "0"})
    assert "Een tarief is groter dan nul" in response.content.decode()
    response = client.post(url("tarief", hh.pk), {**basis, "tarief-bedrag": "abc"})
    assert "Vul een bedrag in, bijvoorbeeld 7,50" in response.content.decode()
    assert Tarief.objects.count() == 1
    response = client.post(url("tarief", hh.pk), basis)
    assert response.status_code == 302
    nieuw = Tarief.objects.order_by("-id").first()
    assert nieuw.bedrag == Decimal("31.00") and nieuw.geldig_vanaf == dt.date(2025, 1, 1)


def test_other_municipality_voorziening_is_not_found(client, contractmanager, hh):
    from eenplan.testing.factories import GemeenteFactory

    ander = GemeenteFactory(cbs_code="GM0888", naam="Elders")
    vreemd = voorziening_create(
        gemeente=ander, naam="Elders", soort="algemeen", wet="wmo", organisatie="Stichting Elders"
    )
    login(client, contractmanager)
    assert client.get(url("detail", vreemd.pk)).status_code == 404
