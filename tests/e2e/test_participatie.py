"""Work and income in a browser (issue 14): the Werkplein consultant registers an aanvraag
levensonderhoud for a member of a household, sees the zoektermijn, the decision term and the
household's norm with its source, decides it (a beschikking), and records the earning capacity
with the route and starts the Werkspoor. Axe (no serious or critical findings) on every page at
1280 and 390 px; a young applicant within the zoektermijn is refused with the reason."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from playwright.sync_api import expect

from .conftest import WACHTWOORD, assert_axe, assert_styled, login_cookie, screenshot

pytestmark = pytest.mark.browser


@pytest.fixture
def werkdata(gemeentedata) -> dict[str, Any]:
    from django.utils import timezone

    from eenplan.gemeente.constants import Rol
    from eenplan.inwoners.constants import Relatie
    from eenplan.testing.factories import HuishoudenFactory, InwonerFactory, MedewerkerFactory

    gemeente = gemeentedata.gemeente
    noord = gemeentedata.wijken["Noord"]
    vandaag = timezone.localdate()
    sara = InwonerFactory(
        gemeente=gemeente,
        wijk=noord,
        voornamen="Sara",
        achternaam="Bos",
        geboortedatum=dt.date(1988, 5, 12),
    )
    noah = InwonerFactory(
        gemeente=gemeente, wijk=noord, voornamen="Noah", achternaam="Bos", kind=True
    )
    HuishoudenFactory(
        gemeente=gemeente,
        leden=[(sara, Relatie.REFERENTIE, None), (noah, Relatie.KIND, None)],
    )
    jong = InwonerFactory(
        gemeente=gemeente,
        wijk=noord,
        voornamen="Youssef",
        achternaam="Amrani",
        geboortedatum=vandaag.replace(year=vandaag.year - 21, day=1),
    )
    HuishoudenFactory(gemeente=gemeente, leden=[jong])
    werkplein = MedewerkerFactory(
        gemeente=gemeente,
        functie=Rol.WERKPLEIN,
        username="werkplein",
        password=WACHTWOORD,
        first_name="Mehmet",
        last_name="Kaya",
        teams=[gemeentedata.generalist.teams.first()],
    )
    return {"werkplein": werkplein, "sara": sara, "jong": jong, "vandaag": vandaag}


def _axe_breed_en_smal(page: Any, naam: str) -> None:
    for breedte, hoogte in ((1280, 900), (390, 844)):
        page.set_viewport_size({"width": breedte, "height": hoogte})
        assert_axe(page, f"{naam} ({breedte} px)")
        breed = page.evaluate("document.documentElement.scrollWidth")
        assert breed <= breedte + 1, f"{naam} schuift zijwaarts op {breedte} px"
    page.set_viewport_size({"width": 1280, "height": 900})


def test_werkplein_handelt_een_aanvraag_levensonderhoud_af(page, context, live_server, werkdata):
    vandaag = werkdata["vandaag"]
    login_cookie(context, live_server, werkdata["werkplein"])
    page.goto("/participatie/")
    assert_styled(page)
    expect(page.get_by_role("heading", name="Werk en inkomen", exact=True)).to_be_visible()
    _axe_breed_en_smal(page, "werk en inkomen")
    page.get_by_role("link", name="Aanvraag levensonderhoud registreren").click()
    _axe_breed_en_smal(page, "aanvraag registreren")

    # A young applicant within the four weeks is refused with the reason, nothing stored.
    page.get_by_label("BSN van de aanvrager").fill(werkdata["jong"].bsn)
    page.get_by_label("Gemeld op").fill((vandaag - dt.timedelta(days=3)).isoformat())
    page.get_by_label("Aanvraag ontvangen op").fill(vandaag.isoformat())
    page.get_by_role("button", name="Aanvraag registreren").click()
    expect(page.get_by_role("alert")).to_contain_text("art. 41 lid 4")
    _axe_breed_en_smal(page, "aanvraag geweigerd")

    page.get_by_label("BSN van de aanvrager").fill(werkdata["sara"].bsn)
    page.get_by_label("Gemeld op").fill((vandaag - dt.timedelta(days=12)).isoformat())
    page.get_by_label("Aanvraag ontvangen op").fill((vandaag - dt.timedelta(days=5)).isoformat())
    page.get_by_role("button", name="Aanvraag registreren").click()
    expect(page.get_by_role("heading", name="Aanvraag levensonderhoud: Sara Bos")).to_be_visible()
    expect(page.get_by_text("Alleenstaande of alleenstaande ouder, 21 jaar")).to_be_visible()
    expect(page.get_by_text("(8 weken, Awb 4:13)")).to_be_visible()
    _axe_breed_en_smal(page, "aanvraag")
    screenshot(page, "participatie-aanvraag.png")

    page.get_by_label("Bijstand toekennen").check()
    page.get_by_label("Motivering").fill("Geen inkomen en geen vermogen; recht op bijstand.")
    page.get_by_role("button", name="Besluit vastleggen").click()
    expect(page.get_by_text("De beschikking is vastgelegd")).to_be_visible()
    expect(page.get_by_text("Algemene bijstand (levensonderhoud)").first).to_be_visible()

    page.goto(f"/participatie/inwoners/{werkdata['sara'].pk}/")
    page.get_by_label("Verdiencapaciteit in % van het wettelijk minimumloon").fill("60")
    page.get_by_label("Methode").select_option("loonwaardemeting")
    page.get_by_role("button", name="Verdiencapaciteit vastleggen").click()
    expect(page.get_by_text("Werkspoor").first).to_be_visible()
    page.get_by_role("button", name="Traject starten").click()
    expect(page.get_by_role("heading", name="Lopend traject: Werkspoor")).to_be_visible()
    expect(page.get_by_role("table", name="Trajecten en hun stappen")).to_contain_text("Diagnose")
    _axe_breed_en_smal(page, "werk en route")
    screenshot(page, "participatie-werk.png")

    page.goto("/participatie/werkgevers/")
    page.get_by_label("Naam").fill("Bakkerij Verhoeven")
    page.get_by_label("Grootte").select_option("klein")
    page.get_by_role("button", name="Werkgever toevoegen").click()
    expect(page.get_by_role("table")).to_contain_text("Bakkerij Verhoeven")
    _axe_breed_en_smal(page, "werkgevers")
    page.goto(f"/participatie/inwoners/{werkdata['sara'].pk}/")
    page.get_by_label("Instrument", exact=True).select_option("werkervaringsplek")
    page.get_by_label("Werkgever (bij een plaatsing)").select_option(label="Bakkerij Verhoeven")
    page.get_by_role("button", name="Instrument starten").click()
    expect(page.get_by_role("table", name="Instrumenten van Sara Bos")).to_contain_text(
        "Bakkerij Verhoeven"
    )
    _axe_breed_en_smal(page, "werk met instrument")
