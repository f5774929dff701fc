"""The main flow of a generalist: log in, find a resident, open the dossier (logged)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from eenplan.privacy.constants import Doel, Kanaal
from eenplan.privacy.models import Inzage

from .conftest import assert_axe, assert_styled, login_form, screenshot

pytestmark = pytest.mark.browser


def test_generalist_zoekt_en_opent_inwoner(page, gemeentedata):
    anna = gemeentedata.anna

    # 1. Log in on /inloggen/ as the generalist.
    login_form(page, "generalist")
    expect(page).to_have_url(re.compile(r"/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Goedendag, Sanne")

    # 2. Search by name on /inwoners/ with a purpose other than the role's default.
    page.goto("/inwoners/")
    assert_styled(page)
    page.get_by_label("Doel van inzage").select_option(Doel.PLAN)
    page.get_by_label("Zoek een inwoner").fill("Jansen")
    page.get_by_role("main").get_by_role("button", name="Zoeken").click()
    resultaten = page.locator("#zoekresultaten")
    expect(resultaten.get_by_role("heading", level=2)).to_have_text("4 inwoners gevonden")
    # htmx swapped the results in and pushed the URL, so the back button and reload work.
    expect(page).to_have_url(re.compile(r"/inwoners/\?q=Jansen&doel=plan"))
    assert page.locator("body h1").count() == 1, "htmx plakte een hele pagina in de pagina"

    # 3. Open the resident page.
    resultaten.get_by_role("link", name="Jansen, Anna").click()
    expect(page).to_have_url(re.compile(rf"/inwoners/{anna.pk}/\?doel=plan$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Anna Jansen")
    assert_styled(page)

    # The household with its members, and the network.
    huishouden = page.get_by_role("region", name="Huishouden", exact=True)
    expect(huishouden.get_by_role("table")).to_contain_text("Huishouden Jansen")
    expect(huishouden).to_contain_text("Anna Jansen (deze inwoner)")
    expect(huishouden.get_by_role("link", name="Henk Jansen")).to_be_visible()
    expect(huishouden).to_contain_text("Partner")
    netwerk = page.get_by_role("region", name="Netwerk", exact=True)
    expect(netwerk).to_contain_text("Lotte Jansen")
    expect(netwerk).to_contain_text("Mantelzorger")
    expect(netwerk).to_contain_text("06-12345678")
    expect(netwerk).to_contain_text("Kees Bakker")

    # 4. Accessibility, and the screenshot for the docs.
    assert_axe(page, "inwonerpagina")
    screenshot(page, "inwoner.png")

    # 5. The access log: exactly this read, by this login, with the chosen purpose.
    inzages = list(Inzage.objects.filter(inwoner=anna))
    assert len(inzages) == 1
    inzage = inzages[0]
    assert inzage.user_id == gemeentedata.generalist.user.pk
    assert inzage.gebruikersnaam == "generalist"
    assert inzage.doel == Doel.PLAN
    assert inzage.kanaal == Kanaal.PAGINA
    assert inzage.toegestaan is True
    assert inzage.pad == f"/inwoners/{anna.pk}/?doel=plan"
    # Searching alone opened no dossier.
    assert Inzage.objects.count() == 1


def test_zoeken_werkt_zonder_javascript(browser, live_server, gemeentedata):
    """The search form is a plain GET form: without JavaScript it still finds the resident."""
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False,
                                  viewport={"width": 1280, "height": 900}, locale="nl-NL")
    try:
        page = context.new_page()
        login_form(page, "generalist")
        page.goto("/inwoners/")
        page.get_by_label("Zoek een inwoner").fill("anna jans")
        page.get_by_role("main").get_by_role("button", name="Zoeken").click()
        expect(page).to_have_url(re.compile(r"/inwoners/\?q=anna\+jans&doel=onderzoek"))
        expect(page.get_by_role("heading", level=2)).to_have_text("1 inwoner gevonden")
        page.get_by_role("link", name="Jansen, Anna").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Anna Jansen")
    finally:
        context.close()
    assert Inzage.objects.get().doel == Doel.ONDERZOEK


def test_dossier_en_zoekbalk_op_breed_en_smal_scherm(page, context, live_server, gemeentedata):
    """The resident page is the dossier; the header search finds the resident; both pass axe
    at 1280 px and at 390 px, and the page never scrolls sideways on a phone."""
    from .conftest import assert_axe, login_cookie, screenshot

    anna = gemeentedata.anna
    login_cookie(context, live_server, gemeentedata.generalist)
    page.goto(f"/inwoners/{anna.pk}/")
    for kop in ("Lopende termijnen", "Verloop van de zaak", "Tijdlijn"):
        expect(page.get_by_role("heading", name=kop)).to_be_visible()
    expect(page.get_by_role("link", name=re.compile("Nieuwe melding voor"))).to_be_visible()
    assert_axe(page, "dossier")
    screenshot(page, "dossier.png")
    zoek = page.get_by_role("search").first
    zoek.get_by_role("searchbox").fill(anna.achternaam)
    zoek.get_by_role("button", name="Zoeken").click()
    expect(page).to_have_url(re.compile(r"/zoeken/\?q="))
    expect(page.get_by_role("link", name=re.compile(anna.voornamen))).to_be_visible()
    assert_axe(page, "zoekresultaten kopbalk")
    page.set_viewport_size({"width": 390, "height": 844})
    for pad in (f"/inwoners/{anna.pk}/", f"/zoeken/?q={anna.achternaam}"):
        page.goto(pad)
        breed = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        te_breed = page.evaluate(
            "[...document.querySelectorAll('body *')].filter(e => "
            "e.getBoundingClientRect().right > window.innerWidth + 1).slice(0, 5)"
            ".map(e => e.tagName + '.' + e.className + ' ' + Math.round("
            "e.getBoundingClientRect().right))"
        )
        assert breed <= 0, f"{pad} schuift {breed} px opzij op 390 px: {te_breed}"
        assert_axe(page, f"{pad} op 390 px")
    page.goto(f"/inwoners/{anna.pk}/")
    screenshot(page, "dossier-390.png")
