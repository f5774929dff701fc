"""Work and income in the one plan, in a browser (issue 14): the Werkplein consultant, a
participant of the household plan with the resident's consent, links a plan goal of 'werk en
opleiding' to the resident's Werkspoor trajectory on the work page and sees the goal with its
action; the functioneel beheerder stores the municipality's work-and-income setting (a wrong
threshold is refused with the reason first). Axe (no serious or critical findings) at 1280 and
390 px, no sideways scrolling."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from playwright.sync_api import expect

from .conftest import WACHTWOORD, assert_axe, assert_styled, login_cookie

pytestmark = pytest.mark.browser

WERKDOEL = "Binnen een half jaar betaald werk als kok"


def _axe_breed_en_smal(page: Any, naam: str) -> None:
    for breedte, hoogte in ((1280, 900), (390, 844)):
        page.set_viewport_size({"width": breedte, "height": hoogte})
        assert_axe(page, f"{naam} ({breedte} px)")
        breed = page.evaluate("document.documentElement.scrollWidth")
        assert breed <= breedte + 1, f"{naam} schuift zijwaarts op {breedte} px"
    page.set_viewport_size({"width": 1280, "height": 900})


@pytest.fixture
def werkplan(gemeentedata) -> dict[str, Any]:
    from django.utils import timezone

    from eenplan.gemeente.constants import Rol
    from eenplan.participatie import services
    from eenplan.participatie.constants import Methode
    from eenplan.testing.factories import (
        ActieFactory,
        DoelFactory,
        MedewerkerFactory,
        PlanFactory,
        leefgebied,
    )
    from eenplan.testing.participatie import werkplein_deelnemer

    anna = gemeentedata.anna
    werkplein = MedewerkerFactory(
        gemeente=gemeentedata.gemeente,
        functie=Rol.WERKPLEIN,
        username="werkplein",
        password=WACHTWOORD,
        first_name="Mehmet",
        last_name="Kaya",
        teams=[gemeentedata.generalist.teams.first()],
    )
    plan = PlanFactory(huishouden=gemeentedata.huishouden, door=gemeentedata.generalist)
    doel = DoelFactory(
        plan=plan, inwoner=anna, leefgebied=leefgebied("dagbesteding"), omschrijving=WERKDOEL
    )
    ActieFactory(doel=doel, omschrijving="Proefdag in de keuken van het buurthuis")
    werkplein_deelnemer(plan)
    vc = services.verdiencapaciteit_vastleggen(
        actor=werkplein.user,
        inwoner=anna,
        vastgesteld_op=timezone.localdate(),
        percentage=Decimal(60),
        methode=Methode.DIAGNOSE,
    )
    services.traject_starten(
        actor=werkplein.user, verdiencapaciteit=vc, begonnen_op=timezone.localdate()
    )
    beheer = MedewerkerFactory(
        gemeente=gemeentedata.gemeente,
        functie=Rol.FUNCTIONEEL_BEHEER,
        username="beheer",
        password=WACHTWOORD,
    )
    return {"werkplein": werkplein, "anna": anna, "beheer": beheer}


def test_werkplein_koppelt_een_werkdoel_van_het_plan(page, context, live_server, werkplan):
    login_cookie(context, live_server, werkplan["werkplein"])
    page.goto(f"/participatie/inwoners/{werkplan['anna'].pk}/")
    assert_styled(page)
    expect(page.get_by_role("heading", name="Werkdoelen in het plan")).to_be_visible()
    _axe_breed_en_smal(page, "werkpagina met koppelformulier")
    page.get_by_label("Doel in het plan").select_option(index=1)
    page.get_by_label("Traject of instrument").select_option(index=1)
    page.get_by_role("button", name="Doel koppelen").click()
    expect(page.get_by_text("Het doel is gekoppeld")).to_be_visible()
    kop = f"Werk en opleiding / dagbesteding: {WERKDOEL}"
    expect(page.get_by_role("heading", name=kop)).to_be_visible()
    expect(page.get_by_text("Proefdag in de keuken van het buurthuis")).to_be_visible()
    _axe_breed_en_smal(page, "werkpagina met werkdoel")


def test_beheerder_legt_werk_en_inkomen_vast(page, context, live_server, werkplan):
    login_cookie(context, live_server, werkplan["beheer"])
    page.goto("/functioneel-beheer/instellingen/#kop-participatie")
    assert_styled(page)
    expect(page.get_by_role("heading", name="Werk en inkomen (Participatiewet)")).to_be_visible()
    _axe_breed_en_smal(page, "instellingen met werk en inkomen")
    formulier = page.locator("form[aria-labelledby='kop-participatie-nieuw']")
    formulier.get_by_label("Directe bemiddeling vanaf").fill("90")
    formulier.get_by_label("Werkspoor vanaf").fill("95")
    formulier.get_by_label("Bron").fill("Besluit college 1 december 2026")
    formulier.get_by_role("button", name="Werk en inkomen opslaan").click()
    expect(page.get_by_text("onder de drempel voor directe bemiddeling").first).to_be_visible()
    _axe_breed_en_smal(page, "instellingen met een fout")
    formulier = page.locator("form[aria-labelledby='kop-participatie-nieuw']")
    formulier.get_by_label("Werkspoor vanaf").fill("35")
    formulier.get_by_label("Plaatsen beschut werk").fill("5")
    formulier.get_by_role("button", name="Werk en inkomen opslaan").click()
    gelukt = "Werk en inkomen (Participatiewet): versie 1 geldt vanaf"
    expect(page.get_by_text(gelukt)).to_be_visible()
    expect(page.get_by_text("5 plaatsen beschut werk").first).to_be_visible()
