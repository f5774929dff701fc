"""/api/v1/aanbieders/ and /api/v1/contracten/: the same reads and refusals as the pages, paged
(pagina, per_pagina), with the OpenAPI description."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from eenplan.aanbieders.models import Aanbieder, Contract, ContractProduct
from eenplan.testing.factories import (
    AanbiederFactory,
    ContractFactory,
    ContractProductFactory,
    GemeenteFactory,
    VoorzieningFactory,
)
from eenplan.testing.helpers import api_for

pytestmark = pytest.mark.django_db
AANBIEDERS = "/api/v1/aanbieders/"
CONTRACTEN = "/api/v1/contracten/"


def test_providers_are_listed_paged_and_searchable(contractmanager, gemeente):
    for i in range(3):
        AanbiederFactory(naam=f"Thuiszorg {i}")
    Aanbieder.objects.create(naam="Zonder AGB", agb_code="")
    api = api_for(contractmanager)
    body = api.get(AANBIEDERS, {"per_pagina": 2}).json()
    assert body["count"] == 4 and len(body["results"]) == 2
    body = api.get(AANBIEDERS, {"agb_ontbreekt": "true"}).json()
    assert [a["naam"] for a in body["results"]] == ["Zonder AGB"]
    assert body["results"][0]["agb_ontbreekt"] is True
    assert api.get(AANBIEDERS, {"onbekend": "x"}).status_code == 400


def test_create_and_change_a_provider(contractmanager, gemeente):
    api = api_for(contractmanager)
    response = api.post(AANBIEDERS, {"naam": "Zorg Oost", "agb_code": "98A"}, format="json")
    assert response.status_code == 400 and "8 cijfers" in str(response.json()["agb_code"])
    assert not Aanbieder.objects.exists()
    response = api.post(AANBIEDERS, {"naam": "Zorg Oost", "agb_code": "98100022"}, format="json")
    assert response.status_code == 201, response.json()
    pk = response.json()["id"]
    response = api.patch(f"{AANBIEDERS}{pk}/", {"telefoon": "077 300 22 00"}, format="json")
    assert response.status_code == 200 and response.json()["telefoon"] == "077 300 22 00"
    # A stale version is refused (412) and changes nothing.
    response = api.patch(
        f"{AANBIEDERS}{pk}/", {"telefoon": "077 111 11 11"}, format="json", HTTP_IF_MATCH='"1"'
    )
    assert response.status_code == 412
    assert Aanbieder.objects.get().telefoon == "077 300 22 00"


def test_contracts_with_products_and_tariffs(contractmanager, gemeente):
    a = AanbiederFactory()
    hh = VoorzieningFactory(gemeente=gemeente)
    api = api_for(contractmanager)
    response = api.post(
        CONTRACTEN,
        {
            "aanbieder": a.pk,
            "kenmerk": "MD-1",
            "begin": "2024-01-01",
            "uitvoeringsvariant": "inspanning",
            "financieringsvorm": "pxq",
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    pk = response.json()["id"]
    assert response.json()["soort"] == "raamovereenkomst"
    product = {
        "voorziening": hh.pk,
        "tarief": "29.90",
        "eenheid": "04",
        "geldig_vanaf": "2023-06-01",
        "bron": "Tariefbijlage",
    }
    response = api.post(f"{CONTRACTEN}{pk}/producten/", product, format="json")
    assert response.status_code == 400 and "geldig_vanaf" in response.json()
    response = api.post(
        f"{CONTRACTEN}{pk}/producten/", {**product, "geldig_vanaf": "2024-01-01"}, format="json"
    )
    assert response.status_code == 201 and ContractProduct.objects.count() == 1
    body = api.get(f"{CONTRACTEN}{pk}/").json()
    assert body["producten"][0]["tarief"] == "29.90" and body["producten"][0]["eenheid"] == "04"
    response = api.post(
        CONTRACTEN,
        {
            "aanbieder": a.pk,
            "kenmerk": "D-1",
            "hoofdcontract": pk,
            "begin": "2022-01-01",
            "uitvoeringsvariant": "inspanning",
            "financieringsvorm": "pxq",
        },
        format="json",
    )
    assert response.status_code == 400 and "binnen de looptijd" in str(response.json())
    assert Contract.objects.count() == 1
    body = api.get(CONTRACTEN, {"op": "2025-01-01", "aanbieder": a.pk}).json()
    assert [c["kenmerk"] for c in body["results"]] == ["MD-1"]


def test_other_municipality_and_roles(contractmanager, backoffice, vrijwilliger, gemeente):
    elders = ContractFactory(gemeente=GemeenteFactory(cbs_code="GM1507", naam="Horst"))
    eigen = ContractFactory(gemeente=gemeente)
    api = api_for(contractmanager)
    assert api.get(f"{CONTRACTEN}{elders.pk}/").status_code == 404
    assert [c["id"] for c in api.get(CONTRACTEN).json()["results"]] == [eigen.pk]
    assert api_for(backoffice).get(CONTRACTEN).status_code == 200
    response = api_for(backoffice).post(
        AANBIEDERS, {"naam": "X", "agb_code": "98100099"}, format="json"
    )
    assert response.status_code == 403
    assert api_for(vrijwilliger).get(AANBIEDERS).status_code == 403


def test_list_queries_stay_flat(contractmanager, gemeente, django_assert_num_queries):
    api = api_for(contractmanager)

    def maak(n: int) -> None:
        for _ in range(n):
            ContractProductFactory(voorziening=VoorzieningFactory(gemeente=gemeente))

    maak(2)
    api.get(AANBIEDERS)  # the first request also loads the login's settings once
    api.get(CONTRACTEN)
    with CaptureQueriesContext(connection) as a:
        api.get(AANBIEDERS)
    with CaptureQueriesContext(connection) as c:
        api.get(CONTRACTEN)
    maak(15)
    with django_assert_num_queries(len(a)):
        api.get(AANBIEDERS)
    with django_assert_num_queries(len(c)):
        assert api.get(CONTRACTEN).json()["count"] == 17


def test_the_api_is_described(contractmanager):
    schema = api_for(contractmanager).get("/api/schema/", {"format": "json"}).json()
    assert "/api/v1/aanbieders/" in schema["paths"]
    assert "/api/v1/contracten/{id}/producten/" in schema["paths"]
