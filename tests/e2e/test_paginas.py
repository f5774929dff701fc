"""Every page a staff member uses: no serious or critical axe findings, keyboard reachable."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from eenplan.privacy.constants import Doel, Kanaal
from eenplan.privacy.models import Inzage
from eenplan.privacy.services import inzage_log

from .conftest import assert_axe, assert_styled, login_cookie, screenshot

pytestmark = pytest.mark.browser


def test_inlogpagina(page, gemeentedata):
    page.goto("/inloggen/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Inloggen")
    assert_styled(page)
    assert_axe(page, "inlogpagina")


def test_inlogpagina_met_fout(page, gemeentedata):
    page.goto("/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("generalist")
    page.get_by_label("Wachtwoord").fill("fout-wachtwoord")
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("alert")).to_contain_text("klopt niet")
    expect(page.get_by_label("Gebruikersnaam")).to_have_attribute("aria-invalid", "true")
    assert_axe(page, "inlogpagina met foutmelding")


def test_startpagina_generalist(page, context, live_server, gemeentedata):
    login_cookie(context, live_server, gemeentedata.generalist)
    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Goedendag, Sanne")
    expect(page.get_by_role("navigation", name="Hoofdmenu")).to_be_visible()
    assert_styled(page)
    assert_axe(page, "startpagina")


def test_zoekresultaten(page, context, live_server, gemeentedata):
    login_cookie(context, live_server, gemeentedata.generalist)
    page.goto("/inwoners/?q=jansen&doel=onderzoek")
    expect(page.get_by_role("heading", level=2)).to_have_text("4 inwoners gevonden")
    expect(page.get_by_role("table")).to_contain_text("Jansen-Smit, Bram")
    # Scope: Piet de Vries lives in Zuid, outside the generalist's team.
    page.goto("/inwoners/?q=vries")
    expect(page.get_by_role("heading", level=2)).to_have_text("Geen inwoners gevonden")
    assert_axe(page, "zoekpagina zonder resultaten")
    page.goto("/inwoners/?q=jansen&doel=onderzoek")
    assert_styled(page)
    assert_axe(page, "zoekresultaten")
    screenshot(page, "zoeken.png")


def test_zoeken_ongeldige_invoer(page, context, live_server, gemeentedata):
    login_cookie(context, live_server, gemeentedata.generalist)
    page.goto("/inwoners/?q=31-02-1950")
    expect(page.get_by_role("alert")).to_contain_text("geen bestaande datum")
    assert_axe(page, "zoekpagina met foutmelding")


def test_inzagelog_privacy_officer(page, context, live_server, gemeentedata):
    generalist = gemeentedata.generalist.user
    for inwoner, doel in [(gemeentedata.anna, Doel.ONDERZOEK), (gemeentedata.henk, Doel.PLAN),
                          (gemeentedata.anna, Doel.PLAN)]:
        inzage_log(user=generalist, inwoner=inwoner, doel=doel, kanaal=Kanaal.PAGINA,
                   pad=f"/inwoners/{inwoner.pk}/?doel={doel}")
    login_cookie(context, live_server, gemeentedata.privacy_officer)
    page.goto("/")
    expect(page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Inzagelog")
           ).to_be_visible()
    assert_axe(page, "startpagina privacy officer")
    page.goto("/privacy/inzagelog/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Inzagelog")
    rijen = page.locator("table tbody tr")
    expect(rijen).to_have_count(3)
    expect(rijen.first).to_contain_text("generalist")
    assert_styled(page)
    assert_axe(page, "inzagelog")
    screenshot(page, "inzagelog.png")

    # Filter by purpose; invalid input gives a Dutch message, and stays accessible.
    page.get_by_label("Doel").select_option(Doel.PLAN)
    page.get_by_role("button", name="Filteren").click()
    expect(rijen).to_have_count(2)
    page.goto("/privacy/inzagelog/?inwoner=anna+jansen")
    expect(rijen).to_have_count(2)  # by name: the officer rarely knows an internal number
    page.goto("/privacy/inzagelog/?inwoner=x")
    expect(page.get_by_role("alert")).to_contain_text("Typ minstens twee letters")
    assert_axe(page, "inzagelog met foutmelding")
    # The privacy officer reads the log, not dossiers.
    assert Inzage.objects.count() == 3


def test_geen_toegang_buiten_werkgebied(page, context, live_server, gemeentedata):
    login_cookie(context, live_server, gemeentedata.generalist)
    response = page.goto(f"/inwoners/{gemeentedata.piet.pk}/")
    assert response is not None and response.status == 403
    expect(page.get_by_role("heading", level=1)).to_have_text("Geen toegang")
    expect(page.get_by_role("alert")).to_contain_text("buiten uw werkgebied")
    expect(page.get_by_role("link", name="Terug naar de startpagina")).to_be_visible()
    assert_styled(page)
    assert_axe(page, "403-pagina")
    # The refused attempt is in the access log, marked as refused, so the privacy officer sees it.
    poging = Inzage.objects.get(inwoner=gemeentedata.piet)
    assert (poging.gebruikersnaam, poging.toegestaan) == ("generalist", False)


def test_niet_gevonden(page, context, live_server, gemeentedata):
    login_cookie(context, live_server, gemeentedata.generalist)
    response = page.goto("/inwoners/999999/")
    assert response is not None and response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Niet gevonden")
    assert_axe(page, "404-pagina")


def test_geen_toegang_voor_rol(page, context, live_server, gemeentedata):
    """The privacy officer may not search residents: a Dutch 403, not Django's English one."""
    login_cookie(context, live_server, gemeentedata.privacy_officer)
    response = page.goto("/inwoners/")
    assert response is not None and response.status == 403
    expect(page.get_by_role("heading", level=1)).to_have_text("Geen toegang")
    expect(page.get_by_role("alert")).to_contain_text("geen toegang")


@pytest.mark.parametrize("pad", ["/inloggen/", "/", "/inwoners/"])
def test_skiplink_is_eerste_tabstop(page, context, live_server, gemeentedata, pad):
    if pad != "/inloggen/":
        login_cookie(context, live_server, gemeentedata.generalist)
    page.goto(pad)
    skiplink = page.get_by_role("link", name="Naar de inhoud")
    page.keyboard.press("Tab")
    expect(skiplink).to_be_focused()
    expect(skiplink).to_be_visible()
    page.keyboard.press("Enter")
    expect(page.locator("main#inhoud")).to_be_focused()
    expect(page).to_have_url(re.compile(r"#inhoud$"))
    # The next Tab stop is inside main, not back in the header.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('main') !== null")


def test_axe_controle_werkt(page):
    """The axe check itself bites: a page with known problems fails it, naming the rules."""
    page.set_content('<html><body><img src="x.png"><button></button></body></html>')
    with pytest.raises(pytest.fail.Exception) as fout:
        assert_axe(page, "kapotte testpagina")
    assert "image-alt (critical)" in str(fout.value)
    assert "button-name (critical)" in str(fout.value)
