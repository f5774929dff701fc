"""The voorzieningen REST API: the catalogue and the sociale kaart (search by text, wijk and life
domain), a provision with its current tariffs, adding provisions and tariffs (refusals change
nothing), the iWmo/iJw code lists, roles, and a flat query budget for the list."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from eenplan.gemeente.constants import Rol
from eenplan.gemeente.models import Gemeente, Medewerker
from eenplan.onderzoeken.models import Leefgebied
from eenplan.testing.factories import (
    AanbiederFactory,
    ContractFactory,
    ContractProductFactory,
    MedewerkerFactory,
    gecontracteerd,
)
from eenplan.testing.helpers import api_for
from eenplan.voorzieningen.models import Tarief, Voorziening
from eenplan.voorzieningen.services import tarief_add, voorziening_create

pytestmark = pytest.mark.django_db

URL = "/api/v1/voorzieningen/"


def hulp_bij_het_huishouden(gemeente: Gemeente, naam: str = "Hulp bij het huishouden") -> Any:
    return voorziening_create(
        gemeente=gemeente,
        naam=naam,
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


def algemeen(gemeente: Gemeente, naam: str, **kw: Any) -> Any:
    data = {
        "organisatie": "Stichting Welzijn Venlo",
        "adres": "Markt 1, Venlo",
        "doelgroep": "ouderen",
        "prijs": Decimal("7.50"),
        "prijs_toelichting": "per dag, inclusief maaltijd",
    }
    data.update(kw)
    return voorziening_create(gemeente=gemeente, naam=naam, soort="algemeen", wet="wmo", **data)


@pytest.fixture
def contractmanager(gemeente: Gemeente) -> Medewerker:
    return MedewerkerFactory(
        gemeente=gemeente, functie=Rol.CONTRACTMANAGER, username="contractmanager"
    )


@pytest.fixture
def kaart(gemeente: Gemeente, wijken: dict[str, Any]) -> dict[str, Any]:
    leefgebieden = list(Leefgebied.objects.order_by("volgorde")[:2])
    return {
        "dagcentrum": algemeen(
            gemeente,
            "Dagcentrum De Wieken",
            wijken=[wijken["Noord"]],
            leefgebieden=[leefgebieden[0]],
        ),
        "buurtbus": algemeen(
            gemeente,
            "Buurtbus",
            organisatie="Buurtbus Venlo",
            prijs=Decimal("1.00"),
            prijs_toelichting="per rit",
            doelgroep="iedereen zonder eigen vervoer",
            leefgebieden=[leefgebieden[1]],
        ),
        "zuid": algemeen(gemeente, "Koffieochtend Zuid", wijken=[wijken["Zuid"]]),
        "hh": hulp_bij_het_huishouden(gemeente),
        "leefgebieden": leefgebieden,
    }


def namen(response: Any) -> list[str]:
    assert response.status_code == 200, response.json()
    return [v["naam"] for v in response.json()["results"]]


def test_vrijwilliger_reads_the_catalogue_and_the_sociale_kaart(vrijwilliger, kaart):
    api = api_for(vrijwilliger)
    assert set(namen(api.get(URL))) == {
        "Dagcentrum De Wieken",
        "Buurtbus",
        "Koffieochtend Zuid",
        "Hulp bij het huishouden",
    }
    assert namen(api.get(URL, {"soort": "individueel"})) == ["Hulp bij het huishouden"]
    rij = api.get(URL, {"q": "wieken"}).json()["results"][0]
    assert rij["organisatie"] == "Stichting Welzijn Venlo"
    assert rij["prijs"] == "7.50" and rij["prijs_toelichting"] == "per dag, inclusief maaltijd"
    assert rij["wijken"][0]["naam"] == "Noord" and rij["soort"] == "algemeen"


def test_sociale_kaart_search_by_words_wijk_and_life_domain(vrijwilliger, kaart, wijken):
    api = api_for(vrijwilliger)
    assert namen(api.get(URL, {"q": "venlo bus"})) == ["Buurtbus"]
    # The price explanation and opening hours are searched too ("maaltijd" finds the day
    # centres that include a meal).
    assert "Dagcentrum De Wieken" in namen(api.get(URL, {"q": "maaltijd"}))
    # A wijk: its own provisions and the town-wide ones, never maatwerk.
    assert namen(api.get(URL, {"wijk": wijken["Noord"].pk})) == ["Buurtbus", "Dagcentrum De Wieken"]
    assert namen(api.get(URL, {"wijk": wijken["Zuid"].pk})) == ["Buurtbus", "Koffieochtend Zuid"]
    leefgebied = kaart["leefgebieden"][1]
    assert namen(api.get(URL, {"leefgebied": leefgebied.pk})) == ["Buurtbus"]
    assert namen(api.get(URL, {"soort": "algemeen"})) == [
        "Buurtbus",
        "Dagcentrum De Wieken",
        "Koffieochtend Zuid",
    ]


def test_search_outside_the_sociale_kaart_and_bad_filters_are_400(vrijwilliger, kaart):
    api = api_for(vrijwilliger)
    response = api.get(URL, {"soort": "individueel", "q": "huishouden"})
    assert response.status_code == 400
    assert "sociale kaart" in response.json()["soort"][0]
    response = api.get(URL, {"soort": "iets"})
    assert response.status_code == 400 and "Kies algemeen" in response.json()["soort"][0]


def test_beleid_and_anonymous_may_not_read(beleid, kaart):
    assert api_for(beleid).get(URL).status_code == 403
    assert api_for(beleid).get("/api/v1/codelijsten/").status_code == 403
    assert APIClient().get(URL).status_code in (401, 403)


def test_detail_shows_tariffs_in_force_per_form_and_provider(vrijwilliger, kaart):
    """Tariffs in kind come from the providers' contracts (with their unit), PGB from the
    catalogue."""
    hh = kaart["hh"]
    west = ContractFactory(
        gemeente=hh.gemeente,
        aanbieder=AanbiederFactory(naam="Thuiszorg West"),
        begin=dt.date(2023, 1, 1),
    )
    ContractProductFactory(
        contract=west,
        voorziening=hh,
        tarief=Decimal("28.00"),
        geldig_vanaf=dt.date(2023, 1, 1),
        geldig_tot=dt.date(2023, 12, 31),
    )
    ContractProductFactory(
        contract=west, voorziening=hh, tarief=Decimal("29.90"), geldig_vanaf=dt.date(2024, 1, 1)
    )
    oost = gecontracteerd(hh, "Zorg Oost", tarief="32.50")
    tarief_add(
        voorziening=hh,
        leveringsvorm="pgb",
        bedrag=Decimal("25.00"),
        geldig_vanaf=dt.date(2024, 1, 1),
        bron="Verordening",
    )
    api = api_for(vrijwilliger)
    body = api.get(f"{URL}{hh.pk}/", {"op": "2024-06-01"}).json()
    assert body["tarieven_op"] == "2024-06-01"
    w, o = west.aanbieder_id, oost.pk
    assert body["tarieven"] == [
        {
            "leveringsvorm": "zin",
            "aanbieder": "Thuiszorg West",
            "aanbieder_id": w,
            "bedrag": "29.90",
            "eenheid": "04",
        },
        {
            "leveringsvorm": "zin",
            "aanbieder": "Zorg Oost",
            "aanbieder_id": o,
            "bedrag": "32.50",
            "eenheid": "04",
        },
        {
            "leveringsvorm": "pgb",
            "aanbieder": "",
            "aanbieder_id": None,
            "bedrag": "25.00",
            "eenheid": "04",
        },
    ]
    assert body["productcategorie"] == "01" and body["eenheid"] == "04"
    eerder = api.get(f"{URL}{hh.pk}/", {"op": "2023-06-01"}).json()["tarieven"]
    assert eerder == [
        {
            "leveringsvorm": "zin",
            "aanbieder": "Thuiszorg West",
            "aanbieder_id": w,
            "bedrag": "28.00",
            "eenheid": "04",
        }
    ]
    assert api.get(f"{URL}999999/").status_code == 404


def test_contractmanager_adds_maatwerk_with_codes(contractmanager, wijken, gemeente):
    leefgebied = Leefgebied.objects.order_by("volgorde").first()
    response = api_for(contractmanager).post(
        URL,
        {
            "naam": "Begeleiding individueel",
            "soort": "individueel",
            "wet": "wmo",
            "productcategorie": "02",
            "productcode": "02A01",
            "eenheid": "04",
            "frequentie": "2",
            "uitvoeringsvariant": "inspanning",
            "pgb_mogelijk": True,
            "kostprijs_per_maand": "410.00",
            "leefgebieden": [leefgebied.pk],
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["productcode"] == "02A01" and body["tarieven"] == []
    assert body["leefgebieden"][0]["id"] == leefgebied.pk


@pytest.mark.parametrize(
    ("data", "veld", "fragment"),
    [
        (
            {"soort": "individueel", "productcategorie": "99", "eenheid": "04"},
            "productcategorie",
            "WMO020",
        ),
        ({"soort": "algemeen"}, "organisatie", "organisatie"),
        ({"soort": "algemeen", "organisatie": "X", "wijken": [999999]}, "wijken", "999999"),
        ({"soort": "anders"}, "soort", "Kies algemeen"),
    ],
)
def test_bad_catalogue_entries_are_refused_and_nothing_written(
    contractmanager, wijken, data, veld, fragment
):
    response = api_for(contractmanager).post(
        URL, {"naam": "Iets", "wet": "wmo", **data}, format="json"
    )
    assert response.status_code == 400
    assert fragment in " ".join(response.json()[veld])
    assert not Voorziening.objects.exists()


def test_vrijwilliger_may_not_add_to_the_catalogue(vrijwilliger, gemeente):
    response = api_for(vrijwilliger).post(
        URL, {"naam": "X", "soort": "algemeen", "wet": "wmo", "organisatie": "Y"}, format="json"
    )
    assert response.status_code == 403
    assert not Voorziening.objects.exists()


def test_pgb_tariff_added_with_source_and_a_tariff_in_kind_sent_to_the_contracts(
    contractmanager, gemeente
):
    hh = hulp_bij_het_huishouden(gemeente)
    api = api_for(contractmanager)
    tarieven = f"{URL}{hh.pk}/tarieven/"
    response = api.post(
        tarieven,
        {"leveringsvorm": "zin", "bedrag": "29.90", "geldig_vanaf": "2024-01-01", "bron": "C"},
    )
    assert response.status_code == 400
    assert "contract met de aanbieder" in response.json()["leveringsvorm"][0]
    response = api.post(
        tarieven,
        {"leveringsvorm": "pgb", "bedrag": "0", "geldig_vanaf": "2024-01-01", "bron": "C"},
    )
    assert response.status_code == 400 and "groter dan nul" in response.json()["bedrag"][0]
    assert not Tarief.objects.exists()
    response = api.post(
        tarieven,
        {
            "leveringsvorm": "pgb",
            "bedrag": "29.90",
            "geldig_vanaf": "2024-01-01",
            "bron": "Verordening 2024",
        },
    )
    assert response.status_code == 201, response.json()
    assert response.json()["bedrag"] == "29.90" and response.json()["voorziening"] == hh.pk


def test_code_lists_filtered_by_list_and_release(vrijwilliger):
    api = api_for(vrijwilliger)
    response = api.get("/api/v1/codelijsten/", {"codelijst": "WJ756", "versie": "3.2"})
    assert response.status_code == 200
    rows = response.json()["results"]
    assert {r["code"] for r in rows} >= {"01", "04", "14"}
    assert all(r["codelijst"] == "WJ756" and r["bron"].startswith("https://") for r in rows)
    assert api.get("/api/v1/codelijsten/", {"versie": "9.9"}).json()["count"] == 0
    assert api.post("/api/v1/codelijsten/", {}).status_code in (403, 405)


def test_catalogue_list_uses_the_same_number_of_queries_for_5_and_50(
    vrijwilliger, gemeente, wijken, django_assert_num_queries
):
    leefgebied = Leefgebied.objects.order_by("volgorde").first()

    def maak(n: int, start: int) -> None:
        for i in range(start, start + n):
            algemeen(
                gemeente, f"Activiteit {i}", wijken=[wijken["Noord"]], leefgebieden=[leefgebied]
            )
            hulp_bij_het_huishouden(gemeente, naam=f"Maatwerk {i}")

    maak(3, 0)
    api = api_for(vrijwilliger)
    api.get(URL)  # warm caches (content types, permissions)
    for ronde, params in enumerate([{}, {"wijk": wijken["Noord"].pk}], start=1):
        with CaptureQueriesContext(connection) as few:
            assert api.get(URL, {"per_pagina": 500, **params}).status_code == 200
        maak(25, ronde * 100)
        with django_assert_num_queries(len(few.captured_queries)):
            response = api.get(URL, {"per_pagina": 500, **params})
        assert response.json()["count"] >= 25
