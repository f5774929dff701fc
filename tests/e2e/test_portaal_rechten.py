"""The rest of the inwonersportaal in a browser (issue 13): Anna files a bezwaar (the last day
shown) and a complaint, finds help in the sociale kaart of her wijk and answers the survey; the
public sociale kaart without a login; the mid-office records a mentor. Every page axe-clean at
1280 and 390 px without sideways scrolling, keyboard-operable; screenshots."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from eenplan.beleid.models import Respons
from eenplan.bezwaren.models import Bezwaar, Klacht
from eenplan.inwoners.models import Netwerkpersoon
from eenplan.testing import scenarios
from eenplan.testing.factories import (
    InwoneraccountFactory,
    UitnodigingFactory,
    UitvragingFactory,
)

from .conftest import (
    assert_axe,
    assert_styled,
    controleer_portaalpagina,
    login_cookie,
    screenshot,
)

pytestmark = pytest.mark.browser


def _inloggen(page, inwoner) -> None:
    page.goto("/mijn/inloggen/")
    page.get_by_label("Log in als").select_option(label=inwoner.naam)
    page.get_by_role("button", name="Inloggen").press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Uw zaak")


def test_anna_maakt_bezwaar_dient_een_klacht_in_en_vult_de_vragenlijst_in(page, gemeentedata):
    s = scenarios.beschikt(gemeentedata.scenario)
    InwoneraccountFactory(inwoner=s.inwoner)
    UitnodigingFactory(
        inwoner=s.inwoner, uitvraging=UitvragingFactory(gemeente=s.gemeente), aanbieder="Zorg"
    )
    _inloggen(page, s.inwoner)
    expect(page.locator("main")).to_contain_text("U bent uitgenodigd voor een korte vragenlijst")

    # Bezwaar: the last day shown, an error first, then filed.
    menu = page.get_by_role("navigation", name="Menu van uw zaak")
    menu.get_by_role("link", name="Bezwaar en klacht").click()
    laatste = f"{s.beschikking.bezwaar_uiterlijk.day} "
    expect(page.locator("main")).to_contain_text("U kunt bezwaar maken tot en met")
    expect(page.locator("main")).to_contain_text(laatste)
    controleer_portaalpagina(page, "bezwaren")
    page.get_by_role("link", name="Bezwaar maken").first.click()
    page.get_by_role("button", name="Bezwaar versturen").click()
    expect(page.get_by_role("alert")).to_contain_text("Schrijf op waarom u het niet eens bent")
    controleer_portaalpagina(page, "bezwaar-maken")
    page.get_by_label("Waarom bent u het niet eens met het besluit?").fill(
        "Drie uur per week is te weinig voor het huis en de was."
    )
    page.get_by_label("Ik dien dit bezwaar in. Wat ik schreef klopt.").press("Space")
    page.get_by_role("button", name="Bezwaar versturen").click()
    expect(page.get_by_role("status").first).to_contain_text("Wij hebben uw bezwaar ontvangen")
    assert Bezwaar.objects.filter(beschikking=s.beschikking, tijdigheid="tijdig").exists()

    # A complaint.
    page.get_by_role("link", name="Een klacht indienen").click()
    page.get_by_label("Waarover gaat uw klacht?").fill("Ik werd drie keer niet teruggebeld.")
    controleer_portaalpagina(page, "klacht")
    page.get_by_role("button", name="Klacht versturen").click()
    expect(page.get_by_role("status").first).to_contain_text("Wij hebben uw klacht ontvangen")
    assert Klacht.objects.filter(inwoner=s.inwoner).exists()

    # The sociale kaart of her wijk.
    menu = page.get_by_role("navigation", name="Menu van uw zaak")
    menu.get_by_role("link", name="Sociale kaart").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sociale kaart van Noord")
    expect(page.locator("main")).to_contain_text("Wijkrestaurant Noord")
    expect(page.locator("main")).not_to_contain_text("Koffieochtend Zuid")
    controleer_portaalpagina(page, "sociale-kaart")

    # The survey.
    page.goto(f"/mijn/{s.inwoner.pk}/vragenlijst/")
    controleer_portaalpagina(page, "vragenlijst")
    page.locator("fieldset").first.get_by_label("Eens", exact=True).check()
    page.get_by_role("button", name="Antwoorden versturen").click()
    expect(page.get_by_role("status").first).to_contain_text("Wij hebben uw antwoorden ontvangen")
    assert Respons.objects.count() == 1


def test_de_sociale_kaart_zonder_inloggen(page, gemeentedata):
    s = gemeentedata.scenario
    page.goto("/sociale-kaart/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"Sociale kaart van {s.gemeente.naam}"
    )
    controleer_portaalpagina(page, "publieke-sociale-kaart")
    # Keyboard: choose a target group and search.
    page.get_by_label("Voor wie").select_option(label="Mantelzorgers")
    page.get_by_role("button", name="Zoeken").press("Enter")
    expect(page.locator("#kop-resultaten")).to_have_text("2 voorzieningen gevonden")
    expect(page.locator("#resultaten")).to_contain_text("Mantelzorgsalon")
    expect(page.locator("#resultaten")).not_to_contain_text("Koffieochtend Zuid")
    link = page.get_by_role("link", name="CSV-bestand")
    assert "doelgroep=" in link.get_attribute("href")
    response = page.context.request.get(link.get_attribute("href"))
    assert response.headers["content-type"].startswith("text/csv")
    assert "Mantelzorgsalon" in response.text()


def test_de_midoffice_legt_een_mentor_vast(page, context, live_server, gemeentedata):
    s = scenarios.inwoner(gemeentedata.scenario)
    login_cookie(context, live_server, s.midoffice)
    page.goto(f"/inwoners/{s.inwoner.pk}/vertegenwoordiging/")
    assert_styled(page)
    assert_axe(page, "vertegenwoordiging")
    page.get_by_label("BSN van de vertegenwoordiger").fill(s.dochter.bsn)
    page.get_by_label("Geboortedatum van de vertegenwoordiger").fill(
        s.dochter.geboortedatum.isoformat()
    )
    page.get_by_label("Soort vertegenwoordiging").select_option(label="Mentor (BW 1:450)")
    page.get_by_label("Uitspraak of document").fill("Beschikking rechtbank Limburg, 2 maart 2026")
    page.get_by_role("button", name="Vastleggen").click()
    expect(page.locator("main")).to_contain_text("Vastgelegd: Lotte Jansen mag voor")
    assert Netwerkpersoon.objects.filter(soort="vertegenwoordiger", als_inwoner=s.dochter).exists()
    assert_axe(page, "vertegenwoordiging vastgelegd")
    screenshot(page, "vertegenwoordiging.png")
