"""The provider and contract pages: the contract manager finds, adds and changes providers and
contracts (with products, tariffs and documents); the back office reads; others are refused.
Bad input gets a Dutch message and changes nothing; the lists keep a fixed number of queries."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from eenplan.aanbieders.models import Aanbieder, Contract, ContractDocument, ContractProduct
from eenplan.conftest import login
from eenplan.testing.factories import (
    AanbiederFactory,
    ContractFactory,
    ContractProductFactory,
    VoorzieningFactory,
)

pytestmark = pytest.mark.django_db


def url(naam: str, *args) -> str:
    return reverse(f"aanbieders:{naam}", args=args)


def test_list_search_and_missing_agb(client, contractmanager, gemeente):
    AanbiederFactory(naam="Zorggroep Maasvallei", agb_code="98100022")
    AanbiederFactory(naam="Thuiszorg Maasdal", agb_code="98100011")
    Aanbieder.objects.create(naam="Buurthulp (uit vrije tekst)", agb_code="")
    login(client, contractmanager)
    body = client.get(url("lijst")).content.decode()
    assert "3 aanbieders" in body and "AGB-code ontbreekt" in body
    assert "1 aanbieder zonder AGB-code" in body
    body = client.get(url("lijst"), {"zoek": "maasvallei"}).content.decode()
    assert "Zorggroep Maasvallei" in body and "Thuiszorg Maasdal" not in body
    body = client.get(url("lijst"), {"zoek": "98100011"}).content.decode()
    assert "Thuiszorg Maasdal" in body and "Zorggroep" not in body
    body = client.get(url("lijst"), {"agb_ontbreekt": "on"}).content.decode()
    assert "Buurthulp" in body and "Thuiszorg Maasdal" not in body


def test_contract_manager_adds_a_provider_and_bad_agb_changes_nothing(
    client, contractmanager, gemeente
):
    login(client, contractmanager)
    data = {"naam": "Thuiszorg Maasdal", "agb_code": "1234", "email": "x@y.nl", "actief": "on"}
    response = client.post(url("nieuw"), data)
    assert response.status_code == 400
    assert "Een AGB-code bestaat uit precies 8 cijfers" in response.content.decode()
    assert not Aanbieder.objects.exists()
    response = client.post(url("nieuw"), {**data, "agb_code": "98100011"})
    a = Aanbieder.objects.get()
    assert response.status_code == 302 and response["Location"] == url("detail", a.pk)
    assert (a.naam, a.agb_code, a.email, a.actief) == (
        "Thuiszorg Maasdal",
        "98100011",
        "x@y.nl",
        True,
    )
    response = client.post(
        url("wijzigen", a.pk), {**data, "agb_code": "98100011", "contactpersoon": "Ingrid Peeters"}
    )
    a.refresh_from_db()
    assert response.status_code == 302 and a.contactpersoon == "Ingrid Peeters"


def test_contract_with_products_tariffs_and_a_document(client, contractmanager, gemeente):
    a = AanbiederFactory(naam="Thuiszorg Maasdal")
    hh = VoorzieningFactory(gemeente=gemeente, productcode="01A01")
    login(client, contractmanager)
    response = client.post(
        url("contract-nieuw", a.pk),
        {
            "kenmerk": "MD-2024-001",
            "begin": "2024-01-01",
            "einde": "2023-12-31",
            "uitvoeringsvariant": "inspanning",
            "financieringsvorm": "pxq",
            "hoofdcontract": "",
        },
    )
    assert response.status_code == 400
    assert "Het einde ligt niet voor het begin" in response.content.decode()
    assert not Contract.objects.exists()
    response = client.post(
        url("contract-nieuw", a.pk),
        {
            "kenmerk": "MD-2024-001",
            "begin": "2024-01-01",
            "einde": "",
            "uitvoeringsvariant": "inspanning",
            "financieringsvorm": "pxq",
            "hoofdcontract": "",
        },
    )
    c = Contract.objects.get()
    assert response.status_code == 302 and response["Location"] == url("contract", c.pk)
    product = {
        "product-voorziening": str(hh.pk),
        "product-tarief": "29,90",
        "product-eenheid": "04",
        "product-geldig_vanaf": "2024-01-01",
        "product-geldig_tot": "",
        "product-bron": "Tariefbijlage 2024",
    }
    response = client.post(url("contract-product", c.pk), {**product, "product-eenheid": "99"})
    assert response.status_code == 400 and not ContractProduct.objects.exists()
    response = client.post(url("contract-product", c.pk), product)
    assert response.status_code == 302
    assert ContractProduct.objects.get().tarief == Decimal("29.90")
    pdf = SimpleUploadedFile("ovk.pdf", b"%PDF-1.7 getekend", content_type="application/pdf")
    response = client.post(
        url("contract-document", c.pk), {"document-titel": "Getekend", "document-bestand": pdf}
    )
    assert response.status_code == 302
    doc = ContractDocument.objects.get()
    body = client.get(url("contract", c.pk)).content.decode()
    assert "€&nbsp;29,90 per uur" in body and "Getekend" in body and "Raamovereenkomst" in body
    download = client.get(url("contract-document-bestand", c.pk, doc.pk))
    assert download.content == b"%PDF-1.7 getekend"
    assert "attachment" in download["Content-Disposition"]
    nep = SimpleUploadedFile("virus.pdf", b"MZ\x90", content_type="application/pdf")
    response = client.post(
        url("contract-document", c.pk), {"document-titel": "Nep", "document-bestand": nep}
    )
    assert response.status_code == 400 and "Dit bestand is geen PDF" in response.content.decode()
    assert ContractDocument.objects.count() == 1


def test_a_deelovereenkomst_from_the_page(client, contractmanager, gemeente):
    raam = ContractFactory(
        gemeente=gemeente, begin=dt.date(2024, 1, 1), einde=dt.date(2027, 12, 31)
    )
    login(client, contractmanager)
    response = client.post(
        url("contract-nieuw", raam.aanbieder_id),
        {
            "kenmerk": "D-1",
            "begin": "2026-01-01",
            "einde": "2028-12-31",
            "hoofdcontract": str(raam.pk),
            "uitvoeringsvariant": "inspanning",
            "financieringsvorm": "pxq",
        },
    )
    assert response.status_code == 400
    assert "binnen de looptijd van haar raamovereenkomst" in response.content.decode()
    response = client.post(
        url("contract-nieuw", raam.aanbieder_id),
        {
            "kenmerk": "D-1",
            "begin": "2026-01-01",
            "einde": "2026-12-31",
            "hoofdcontract": str(raam.pk),
            "uitvoeringsvariant": "inspanning",
            "financieringsvorm": "pxq",
        },
    )
    assert response.status_code == 302
    body = client.get(url("contract", raam.pk)).content.decode()
    assert "Deelovereenkomsten" in body and "D-1" in body


def test_back_office_reads_but_does_not_change_and_volunteer_is_refused(
    client, backoffice, vrijwilliger, gemeente
):
    c = ContractFactory(gemeente=gemeente)
    login(client, backoffice)
    assert client.get(url("lijst")).status_code == 200
    body = client.get(url("contract", c.pk)).content.decode()
    assert c.kenmerk in body and "Tarief vastleggen" not in body
    assert client.get(url("nieuw")).status_code == 403
    assert client.post(url("wijzigen", c.aanbieder_id), {"naam": "X"}).status_code == 403
    login(client, vrijwilliger)
    assert client.get(url("lijst")).status_code == 403
    assert client.get(url("contracten")).status_code == 403


def test_another_municipalitys_contract_is_not_found(client, contractmanager, gemeente):
    from eenplan.testing.factories import GemeenteFactory

    elders = ContractFactory(gemeente=GemeenteFactory(cbs_code="GM1507", naam="Horst"))
    login(client, contractmanager)
    assert client.get(url("contract", elders.pk)).status_code == 404


def test_lists_keep_a_fixed_number_of_queries(
    client, contractmanager, gemeente, django_assert_num_queries
):
    def maak(aantal: int) -> None:
        for _ in range(aantal):
            c = ContractFactory(gemeente=gemeente)
            ContractProductFactory(contract=c, voorziening=VoorzieningFactory(gemeente=gemeente))

    login(client, contractmanager)
    maak(2)
    with CaptureQueriesContext(connection) as klein_a:
        client.get(url("lijst"))
    with CaptureQueriesContext(connection) as klein_c:
        client.get(url("contracten"))
    maak(20)
    with django_assert_num_queries(len(klein_a)):
        assert client.get(url("lijst")).status_code == 200
    with django_assert_num_queries(len(klein_c)):
        body = client.get(url("contracten")).content.decode()
    assert body.count('href="/aanbieders/contracten/') >= 22


def test_a_change_on_an_older_version_is_refused(client, contractmanager, gemeente):
    import re

    from eenplan.aanbieders.services import aanbieder_save

    a = AanbiederFactory(naam="Zorg Oost", agb_code="98100022")
    login(client, contractmanager)
    body = client.get(url("wijzigen", a.pk)).content.decode()
    versie = re.search(r'name="_versie" value="([^"]+)"', body).group(1)
    aanbieder_save(aanbieder=a, telefoon="077 300 22 00")  # a colleague saved in between
    response = client.post(
        url("wijzigen", a.pk),
        {
            "_versie": versie,
            "naam": "Zorg Oost",
            "agb_code": "98100022",
            "telefoon": "077 111 11 11",
            "actief": "on",
        },
    )
    assert response.status_code in (400, 409)
    a.refresh_from_db()
    assert a.telefoon == "077 300 22 00"
