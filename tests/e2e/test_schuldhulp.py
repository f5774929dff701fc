"""Debt help in a browser (issue 14): the Werkplein consultant records a rent-arrears signal
(refused first for an amount of € 0), sees it as a melding with no contact yet, records the
phone call, registers the request with a threat of eviction (three working days), holds the
first conversation, triages crisis intervention and decides the toelating. Axe (no serious or
critical findings) on every page at 1280 and 390 px."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from .conftest import WACHTWOORD, assert_axe, assert_styled, login_cookie, screenshot

pytestmark = pytest.mark.browser


@pytest.fixture
def schulddata(gemeentedata) -> dict[str, Any]:
    from django.utils import timezone

    from eenplan.gemeente.constants import Rol
    from eenplan.testing.factories import MedewerkerFactory

    werkplein = MedewerkerFactory(
        gemeente=gemeentedata.gemeente,
        functie=Rol.WERKPLEIN,
        username="werkplein",
        password=WACHTWOORD,
        first_name="Mehmet",
        last_name="Kaya",
        teams=[gemeentedata.generalist.teams.first()],
    )
    return {"werkplein": werkplein, "anna": gemeentedata.anna, "vandaag": timezone.localdate()}


def _axe_breed_en_smal(page: Any, naam: str) -> None:
    for breedte, hoogte in ((1280, 900), (390, 844)):
        page.set_viewport_size({"width": breedte, "height": hoogte})
        assert_axe(page, f"{naam} ({breedte} px)")
        breed = page.evaluate("document.documentElement.scrollWidth")
        assert breed <= breedte + 1, f"{naam} schuift zijwaarts op {breedte} px"
    page.set_viewport_size({"width": 1280, "height": 900})


def test_werkplein_volgt_een_vroegsignaal_tot_de_toelating(page, context, live_server, schulddata):
    anna, vandaag = schulddata["anna"], schulddata["vandaag"]
    login_cookie(context, live_server, schulddata["werkplein"])
    page.goto("/schuldhulp/")
    assert_styled(page)
    expect(page.get_by_role("heading", name="Schuldhulp", exact=True)).to_be_visible()
    _axe_breed_en_smal(page, "schuldhulp")

    page.get_by_role("link", name="Signaal vastleggen").click()
    page.get_by_label("BSN van de inwoner").fill(anna.bsn)
    page.get_by_label("Soort schuldeiser").select_option("huur")
    page.get_by_label("Naam van de schuldeiser").fill("Woonstichting Venlo")
    page.get_by_label("Achterstand in euro").fill("0")
    page.get_by_role("button", name="Signaal vastleggen").click()
    expect(page.get_by_role("alert")).to_contain_text("Een achterstand is meer dan € 0.")
    _axe_breed_en_smal(page, "signaal geweigerd")

    page.get_by_label("Achterstand in euro").fill("1250,00")
    page.get_by_role("button", name="Signaal vastleggen").click()
    expect(page.get_by_role("heading", name=f"Schuldhulp: {anna.naam}")).to_be_visible()
    expect(page.get_by_text("Nog geen contact gezocht.")).to_be_visible()

    page.get_by_label("Hoe").select_option("telefoon")
    page.get_by_label("De inwoner is bereikt").check()
    page.get_by_role("button", name="Contactpoging vastleggen").click()
    expect(page.get_by_text("De contactpoging is vastgelegd.")).to_be_visible()

    page.get_by_label("Dreiging (Wgs art. 4 lid 2)").select_option("ontruiming")
    page.get_by_role("button", name="Verzoek registreren").click()
    expect(page.get_by_text("(dreigende ontruiming van de woning: 3 werkdagen)")).to_be_visible()

    page.get_by_label("Volgende fase").select_option("eerste_gesprek")
    page.get_by_role("button", name="Fase vastleggen").click()
    page.get_by_label("Uitkomst van de triage").select_option("crisisinterventie")
    page.get_by_role("button", name="Triage vastleggen").click()
    expect(page.get_by_text("Crisisinterventie op")).to_be_visible()
    page.get_by_label("Beschikking", exact=True).select_option("toegelaten")
    page.get_by_label("Motivering").fill("Dreigende ontruiming; de inwoner werkt mee.")
    page.get_by_role("button", name="Beschikking vastleggen").click()
    expect(page.get_by_text("Toegelaten tot schuldhulpverlening op")).to_be_visible()
    route = page.get_by_role("table", name=f"Route van het verzoek van {vandaag:%-d}")
    expect(route).to_be_visible()
    _axe_breed_en_smal(page, "schuldhulp inwoner")
    screenshot(page, "schuldhulp-inwoner.png")

    page.goto("/schuldhulp/signalen/")
    expect(page.get_by_role("table")).to_contain_text("1 keer; laatst")
    _axe_breed_en_smal(page, "vroegsignalen")
