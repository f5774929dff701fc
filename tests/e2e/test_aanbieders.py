"""Providers and contracts in a browser (issue 11): the contract manager finds a provider whose
AGB code is missing, fills it in (a wrong code first: a Dutch message, nothing saved), opens a
contract with its tariffs per unit and adds a tariff. Axe (no serious or critical findings) on
every provider page at 1280 and 390 px; no page scrolls sideways on a phone."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from playwright.sync_api import expect

from .conftest import WACHTWOORD, assert_axe, assert_styled, login_cookie, screenshot

pytestmark = pytest.mark.browser


@pytest.fixture
def aanbiederdata(gemeentedata) -> dict[str, Any]:
    from eenplan.aanbieders.models import Aanbieder
    from eenplan.gemeente.constants import Rol
    from eenplan.testing.factories import (
        AanbiederFactory,
        ContractFactory,
        ContractProductFactory,
        MedewerkerFactory,
        VoorzieningFactory,
    )

    gemeente = gemeentedata.gemeente
    cm = MedewerkerFactory(
        gemeente=gemeente,
        functie=Rol.CONTRACTMANAGER,
        username="contract",
        password=WACHTWOORD,
        first_name="Carla",
        last_name="Mertens",
    )
    hh = VoorzieningFactory(gemeente=gemeente, naam="Hulp bij het huishouden", productcode="01A01")
    west = AanbiederFactory(naam="Thuiszorg Maasdal", agb_code="98100011")
    contract = ContractFactory(
        aanbieder=west, gemeente=gemeente, kenmerk="MD-2024-001", begin=dt.date(2024, 1, 1)
    )
    ContractProductFactory(
        contract=contract,
        voorziening=hh,
        tarief=Decimal("29.90"),
        geldig_vanaf=dt.date(2024, 1, 1),
        geldig_tot=dt.date(2025, 12, 31),
    )
    oud = Aanbieder.objects.create(
        naam="Buurtzorg Venlo-Noord",
        agb_code="",
        toelichting="Overgenomen uit de vrije tekst. AGB-code ontbreekt: vul hem in.",
    )
    return {"cm": cm, "hh": hh, "west": west, "contract": contract, "oud": oud}


def test_contractmanager_vult_agb_aan_en_legt_tarief_vast(
    page, context, live_server, aanbiederdata
):
    login_cookie(context, live_server, aanbiederdata["cm"])
    page.goto("/aanbieders/")
    assert_styled(page)
    expect(page.get_by_role("status")).to_contain_text("1 aanbieder zonder AGB-code")
    page.get_by_role("link", name="Toon ze").click()
    expect(page.get_by_role("table")).to_contain_text("Buurtzorg Venlo-Noord")
    expect(page.get_by_role("table")).not_to_contain_text("Thuiszorg Maasdal")
    page.get_by_role("link", name="Buurtzorg Venlo-Noord").click()
    page.get_by_role("link", name="Gegevens wijzigen").click()
    page.get_by_label("AGB-code").fill("9810")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("alert")).to_contain_text("precies 8 cijfers")
    assert_axe(page, "aanbieder wijzigen met een fout")
    page.get_by_label("AGB-code").fill("98100123")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator("dl")).to_contain_text("98100123")
    aanbiederdata["oud"].refresh_from_db()
    assert aanbiederdata["oud"].agb_code == "98100123"

    page.goto(f"/aanbieders/contracten/{aanbiederdata['contract'].pk}/")
    expect(page.get_by_role("table")).to_contain_text("€ 29,90 per uur")
    page.get_by_label("Voorziening (product)").select_option(str(aanbiederdata["hh"].pk))
    page.get_by_label("Tarief per eenheid").fill("31,20")
    page.get_by_label("Eenheid (WJ756)").select_option("04")
    page.get_by_label("Geldig vanaf").fill("2026-01-01")
    page.get_by_label("Bron").fill("Indexatie 2026")
    page.get_by_role("button", name="Tarief vastleggen").click()
    expect(page.get_by_role("table")).to_contain_text("€ 31,20 per uur")
    screenshot(page, "aanbieders-contract.png")


def test_axe_op_elke_aanbiederspagina(page, context, live_server, aanbiederdata):
    login_cookie(context, live_server, aanbiederdata["cm"])
    c, a = aanbiederdata["contract"], aanbiederdata["west"]
    paden = [
        "/aanbieders/",
        f"/aanbieders/{a.pk}/",
        "/aanbieders/nieuw/",
        f"/aanbieders/{a.pk}/wijzigen/",
        "/aanbieders/contracten/",
        f"/aanbieders/contracten/{c.pk}/",
        f"/aanbieders/{a.pk}/contract-nieuw/",
    ]
    for breedte, hoogte in ((1280, 900), (390, 844)):
        page.set_viewport_size({"width": breedte, "height": hoogte})
        for pad in paden:
            page.goto(pad)
            assert_styled(page)
            assert_axe(page, f"{pad} ({breedte} px)")
            if breedte == 390:
                breed = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
                assert breed <= 0, f"{pad} schuift {breed} px opzij op een telefoon"
    screenshot(page, "aanbieders-contract-390.png")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/aanbieders/")
    screenshot(page, "aanbieders-lijst.png")


def test_contractmanager_maakt_een_api_login_en_deactiveert_hem(
    page, context, live_server, aanbiederdata
):
    login_cookie(context, live_server, aanbiederdata["cm"])
    page.goto(f"/aanbieders/{aanbiederdata['west'].pk}/")
    expect(page.locator("main")).to_contain_text("Deze aanbieder heeft nog geen login.")
    page.get_by_label("Gebruikersnaam").fill("thuiszorg-maasdal")
    page.get_by_role("button", name="Login aanmaken").click()
    expect(page.get_by_role("status")).to_contain_text("De login thuiszorg-maasdal is aangemaakt")
    expect(page.locator("#nieuwe-sleutel")).to_contain_text("ep_")
    assert_axe(page, "aanbieder met een nieuwe login")
    screenshot(page, "aanbieders-api-toegang.png")
    page.get_by_role("button", name="Login thuiszorg-maasdal deactiveren").click()
    expect(page.get_by_role("table", name="Logins van")).to_contain_text("gedeactiveerd")
    assert_axe(page, "aanbieder met een gedeactiveerde login")
