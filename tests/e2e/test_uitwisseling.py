"""Purpose-bound sharing in a browser (issue 17): the generalist asks for an exchange of Anna's
household with the gezinscoach (first without answers: a Dutch message, nothing saved), the
jeugdprofessional refuses another on grounds of professional secrecy and the page shows it is
final; the generalist approves the first; the gezinscoach reads only the shared onderzoek;
the privacy officer sees the council's figures. Axe (no serious or critical findings) on every
page at 1280 px, the main ones also at 390 px without sideways scrolling."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from .conftest import WACHTWOORD, assert_axe, assert_styled, login_cookie, screenshot

pytestmark = pytest.mark.browser


@pytest.fixture
def deeldata(gemeentedata) -> dict[str, Any]:
    from eenplan.gemeente.constants import Rol
    from eenplan.testing import scenarios
    from eenplan.testing.factories import MedewerkerFactory

    s = scenarios.onderzocht(gemeentedata.scenario)
    wijkteam = s.wijkteam
    jeugd = MedewerkerFactory(
        gemeente=s.gemeente, functie=Rol.JEUGDPROFESSIONAL, teams=[wijkteam], username="jeugd",
        password=WACHTWOORD, first_name="Lotte", last_name="Willems",
    )
    coach = MedewerkerFactory(
        gemeente=s.gemeente, functie=Rol.GEZINSCOACH, username="gezinscoach",
        password=WACHTWOORD, first_name="Noor", last_name="Janssen",
    )
    return {"s": s, "jeugd": jeugd, "coach": coach, "privacy": gemeentedata.privacy_officer}


def _geen_zijwaarts_scrollen(page: Any) -> None:
    breed = page.evaluate("() => document.documentElement.scrollWidth")
    assert breed <= 390 + 1, f"de pagina scrolt zijwaarts ({breed} px)"


def test_uitwisseling_vragen_weigeren_goedkeuren_en_lezen(
    page, context, live_server, deeldata
):
    from eenplan.uitwisseling.models import Uitwisseling

    s = deeldata["s"]
    login_cookie(context, live_server, s.generalist)
    page.goto(f"/uitwisselingen/huishouden/{s.huishouden.pk}/")
    assert_styled(page)
    assert_axe(page, "uitwisselingen van het huishouden (leeg)")
    page.get_by_role("link", name="Uitwisseling aanvragen").click()
    page.get_by_label("Gezinscoach (uitvoering jeugd)").check()
    page.get_by_label("Organisatie en persoon").fill("Gezinscoach Noor Janssen")
    page.get_by_label("Werkt de ontvanger in eenplan?").select_option(
        label="Noor Janssen (Gezinscoach (uitvoering jeugd))"
    )
    page.get_by_label("Onderzoek, gespreksnotities en verslag — toegang").check()
    page.get_by_role("button", name="Aanvragen").click()
    expect(page.get_by_role("alert")).to_contain_text("De uitwisseling is niet aangevraagd")
    expect(page.get_by_role("alert")).to_contain_text("Beantwoord de vraag")
    assert_axe(page, "uitwisseling aanvragen met fouten")
    assert not Uitwisseling.objects.exists()
    antwoorden = {
        "Welke gegevens worden in welke situaties": "Het onderzoek, alleen tussen generalist "
        "en gezinscoach, bij de start van de hulp.",
        "Wat is het doel van die uitwisseling?": "De gezinscoach sluit aan op wat Anna al "
        "vertelde, zodat zij haar verhaal niet opnieuw hoeft te doen.",
        "Waarom is de uitwisseling noodzakelijk?": "Een gesprek met Anna erbij is geprobeerd; "
        "dat volstaat niet voor de planning.",
        "Hoe worden de grondrechten": "Alleen het onderzoek, drie maanden, elke inzage "
        "vastgelegd; de professional kan weigeren.",
        "Wat zijn de rechten": "Anna is geïnformeerd en kan bezwaar maken.",
    }
    expect(page.get_by_role("alert")).to_contain_text("Kies de grondslag")
    for label, tekst in antwoorden.items():
        page.get_by_label(label).fill(tekst)
    page.get_by_label("Wettelijke plicht").check()
    page.get_by_role("button", name="Aanvragen").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Uitwisseling met Gezinscoach")
    assert_axe(page, "uitwisseling aangevraagd")
    eerste = Uitwisseling.objects.get()

    # A second request (to school), refused by the jeugdprofessional: final.
    page.goto(f"/uitwisselingen/huishouden/{s.huishouden.pk}/nieuw/")
    page.get_by_label("School").check()
    page.get_by_label("Organisatie en persoon").fill("Basisschool De Wilg")
    page.get_by_label("Naam, adres en geboortedatum").check()
    for label, tekst in antwoorden.items():
        page.get_by_label(label).fill(tekst)
    page.get_by_label("Wettelijke plicht").check()
    page.get_by_role("button", name="Aanvragen").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Uitwisseling met Basisschool")
    tweede = Uitwisseling.objects.exclude(pk=eerste.pk).get()
    context.clear_cookies()
    login_cookie(context, live_server, deeldata["jeugd"])
    page.goto(f"/uitwisselingen/{tweede.pk}/")
    page.get_by_label("Reden van de weigering").fill(
        "Beroepsgeheim: Anna vertelde dit in vertrouwen; school hoort het niet van ons."
    )
    page.get_by_role("button", name="Weigeren").click()
    expect(page.get_by_role("status").first).to_contain_text("niemand kan dit terugdraaien")
    expect(page.get_by_text("Geweigerd op grond van beroepsgeheim of ethiek")).to_be_visible()
    expect(page.get_by_role("button", name="Goedkeuren")).to_have_count(0)
    expect(page.get_by_role("link", name="Opnieuw aanvragen")).to_be_visible()
    assert_axe(page, "geweigerde uitwisseling")
    screenshot(page, "uitwisseling-geweigerd.png")

    # The generalist approves the first one.
    context.clear_cookies()
    login_cookie(context, live_server, s.generalist)
    page.goto(f"/uitwisselingen/{eerste.pk}/")
    page.get_by_role("button", name="Goedkeuren").click()
    expect(page.locator("dl").first).to_contain_text("Goedgekeurd")
    page.goto(f"/uitwisselingen/huishouden/{s.huishouden.pk}/")
    expect(page.get_by_role("table")).to_contain_text("Geweigerd (beroepsgeheim)")
    assert_axe(page, "uitwisselingen van het huishouden")
    screenshot(page, "uitwisselingen-huishouden.png")
    page.set_viewport_size({"width": 390, "height": 844})
    assert_axe(page, "uitwisselingen van het huishouden (390 px)")
    _geen_zijwaarts_scrollen(page)
    page.set_viewport_size({"width": 1280, "height": 900})

    # The gezinscoach: no onderzoek page, only what was shared.
    context.clear_cookies()
    login_cookie(context, live_server, deeldata["coach"])
    assert page.goto(f"/onderzoeken/{s.onderzoek.pk}/").status == 403
    page.goto("/uitwisselingen/uitvoering/")
    assert_axe(page, "mijn uitvoering")
    page.get_by_role("link", name=str(s.huishouden)).click()
    expect(page.get_by_role("heading", level=2)).to_have_text(
        ["Onderzoek, gespreksnotities en verslag — toegang"]
    )
    assert_axe(page, "gedeelde gegevens")
    screenshot(page, "uitwisseling-gedeeld.png")
    page.set_viewport_size({"width": 390, "height": 844})
    assert_axe(page, "gedeelde gegevens (390 px)")
    _geen_zijwaarts_scrollen(page)
    assert eerste.inzages.count() >= 1

    # The privacy officer: the council's figures, aggregates only.
    context.clear_cookies()
    page.set_viewport_size({"width": 1280, "height": 900})
    login_cookie(context, live_server, deeldata["privacy"])
    page.goto("/uitwisselingen/cijfers/")
    expect(page.get_by_role("table").first).to_contain_text("niet getoond")
    assert_axe(page, "cijfers gegevensdeling")
    screenshot(page, "uitwisseling-cijfers.png")
