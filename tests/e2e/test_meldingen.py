"""The front door in a browser: the mid-office registers a melding by phone, screens it with
the household in view, assigns it; the generalist finds it on the worklist. Axe on each page."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from eenplan.meldingen.constants import Status
from eenplan.meldingen.models import Melding
from eenplan.privacy.constants import Doel
from eenplan.privacy.models import Inzage

from .conftest import assert_axe, assert_styled, login_form, screenshot

pytestmark = pytest.mark.browser


def test_melding_registreren_screenen_toewijzen_werkvoorraad(page, context, toegangdata):
    anna, sanne = toegangdata.anna, toegangdata.generalist
    bestaand = set(Melding.objects.values_list("pk", flat=True))

    # 1. The mid-office logs in and opens the intake form from the menu.
    login_form(page, "midoffice")
    menu = page.get_by_role("navigation", name="Hoofdmenu")
    menu.get_by_role("link", name="Nieuwe melding").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Nieuwe melding")
    assert_styled(page)
    assert_axe(page, "meldingsformulier")

    # An empty form is refused with linked, announced messages; nothing is written.
    page.get_by_role("button", name="Melding registreren").click()
    samenvatting = page.get_by_role("alert")
    expect(samenvatting).to_contain_text("Er is nog niets opgeslagen")
    expect(samenvatting).to_contain_text("Vul in wie de melding doet")
    expect(page.get_by_label("De vraag in de woorden van de melder")).to_have_attribute(
        "aria-invalid", "true"
    )
    assert_axe(page, "meldingsformulier met fouten")
    assert set(Melding.objects.values_list("pk", flat=True)) == bestaand
    samenvatting.get_by_role("link", name=re.compile("Wie doet de melding")).click()
    expect(page.get_by_label("Inwoner zelf")).to_be_focused()

    # 2. A phone call from the daughter about Anna: BSN, who, how, what.
    page.get_by_label("BSN van de inwoner").fill(anna.bsn)
    expect(page.locator("#bsn-controle")).to_contain_text("Gevonden: Anna Jansen")
    page.get_by_label("Mantelzorger of netwerk").check()
    page.get_by_label("Naam van de melder").fill("Lotte Jansen")
    page.get_by_label("Telefoon of e-mail van de melder").fill("06-12345678")
    page.get_by_label("Telefoon", exact=True).check()
    page.get_by_label("Wmo", exact=True).check()
    page.get_by_label("De vraag in de woorden van de melder").fill(
        "Mijn moeder valt vaak en redt het huishouden niet meer. Mijn vader is ook ziek."
    )
    page.get_by_role("button", name="Melding registreren").click()

    # 3. The melding page: receipt, deadlines, and the household panel for the screener.
    melding = Melding.objects.exclude(pk__in=bestaand).get()
    expect(page).to_have_url(re.compile(rf"/meldingen/{melding.pk}/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Melding {melding.pk}: Anna Jansen")
    expect(page.get_by_role("status")).to_contain_text("Het onderzoek moet uiterlijk")
    termijnen = page.locator("section", has=page.get_by_role("heading", name="Termijnen"))
    expect(termijnen).to_contain_text("Op schema")
    verhaal = page.locator("section",
                           has=page.get_by_role("heading", name="Vertel je verhaal één keer"))
    expect(verhaal).to_contain_text(f"Melding {toegangdata.henk_melding.pk}")
    koppel = verhaal.get_by_role("button", name=re.compile("Koppel aan deze melding"))
    expect(koppel).to_be_visible()
    expect(verhaal).to_contain_text("Henk Jansen (partner)")
    expect(verhaal).to_contain_text("Lotte Jansen, mantelzorger (dochter)")
    assert_styled(page)
    assert_axe(page, "meldingpagina")
    screenshot(page, "melding.png")
    # Naming Anna at registration and opening her melding: both decisions in the access log.
    registratie, inzage = Inzage.objects.filter(inwoner=anna).order_by("id")
    assert (registratie.handeling, registratie.pad) == ("zoeken", "/meldingen/nieuw/")
    assert (inzage.handeling, inzage.pad) == ("lezen", f"/meldingen/{melding.pk}/")
    assert inzage.doel == Doel.TOEGANG and inzage.gebruikersnaam == "midoffice"

    # 4. Screening outcome: to Wijkteam Noord, Sanne chosen from the team's generalists.
    toewijzen = page.locator("details", has_text="Toewijzen aan het wijkteam")
    expect(toewijzen).to_have_attribute("open", "")
    keuze = toewijzen.get_by_label("Medewerker")
    expect(keuze.locator("option", has_text="Kim de Wit")).to_contain_text("schulden, ggz")
    keuze.select_option(str(sanne.pk))
    toewijzen.get_by_role("button", name="Toewijzen").click()
    expect(page.get_by_role("status")).to_contain_text("is toegewezen aan Sanne Peters")
    geschiedenis = page.locator("section", has=page.get_by_role("heading", name="Geschiedenis"))
    expect(geschiedenis).to_contain_text("Aan Sanne Peters (Wijkteam Noord)")
    melding.refresh_from_db()
    assert melding.status == Status.TOEGEWEZEN and melding.medewerker == sanne

    # 5. Sanne logs in and finds it on her worklist, with its deadline state in words.
    context.clear_cookies()
    login_form(page, "generalist")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link",
                                                                  name="Werkvoorraad").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Werkvoorraad")
    expect(page.get_by_role("link", name="Mijn meldingen")).to_have_attribute("aria-current",
                                                                               "page")
    rij = page.get_by_role("row", name=re.compile(rf"Melding {melding.pk}\b"))
    expect(rij).to_contain_text("Anna Jansen")
    expect(rij).to_contain_text("Noord")
    expect(rij).to_contain_text("Op schema")
    expect(page.get_by_role("table")).to_contain_text("Verlopen")
    expect(page.locator("section", has=page.get_by_role("heading", name="Berichten voor uw team"))
           ).to_contain_text("de gemeente volgt deze verwijzing")
    assert_styled(page)
    assert_axe(page, "werkvoorraad")
    screenshot(page, "werkvoorraad.png")

    # The worklist link opens the melding (the generalist now has need-to-know access).
    rij.get_by_role("link", name=f"Melding {melding.pk}").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Melding {melding.pk}: Anna Jansen")
    assert Inzage.objects.filter(inwoner=anna, gebruikersnaam="generalist",
                                 doel=Doel.ONDERZOEK, pad=f"/meldingen/{melding.pk}/").count() == 1
    # The worklist logged the residents its rows showed her.
    assert Inzage.objects.filter(inwoner=anna, gebruikersnaam="generalist",
                                 pad__startswith="/meldingen/werkvoorraad/").exists()


def test_werkvoorraad_filteren_met_htmx(page, context, live_server, toegangdata):
    """Filtering swaps only the list and pushes the URL; the back button and reload work."""
    from .conftest import login_cookie

    login_cookie(context, live_server, toegangdata.midoffice)
    page.goto("/meldingen/werkvoorraad/?weergave=alle")
    expect(page.get_by_role("link", name="Alle open meldingen")).to_have_attribute(
        "aria-current", "page"
    )
    tabel = page.get_by_role("table")
    expect(tabel).to_contain_text("Henk Jansen")
    page.get_by_label("Termijn", exact=True).select_option("verlopen")
    page.get_by_role("button", name="Filteren").click()
    expect(page).to_have_url(re.compile(r"stand=verlopen"))
    expect(tabel).not_to_contain_text("Henk Jansen")
    expect(tabel).to_contain_text("Lotte Jansen")
    expect(page.locator("#kop-lijst")).to_be_focused()
    assert page.locator("body h1").count() == 1, "htmx plakte een hele pagina in de pagina"
    assert_axe(page, "werkvoorraad gefilterd")


def test_werkvoorraad_op_390_px_zoeken_zonder_zijwaarts_scrollen(
    page, context, live_server, toegangdata
):
    """On a phone (390 px) the page does not scroll sideways: the table scrolls inside its own
    container and the logout button stays on screen. The search box finds a resident by name."""
    from .conftest import login_cookie

    login_cookie(context, live_server, toegangdata.midoffice)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/meldingen/werkvoorraad/?weergave=alle")
    tabel = page.get_by_role("table")
    expect(tabel).to_contain_text("Henk Jansen")
    breedte = page.evaluate("() => document.documentElement.scrollWidth")
    assert breedte <= 390, f"de pagina is {breedte} px breed op een scherm van 390 px"
    # Whatever does not fit scrolls inside the table's own container, not the page.
    container = page.locator("#lijst .utrecht-table-container")
    assert container.evaluate("e => getComputedStyle(e).overflowX") == "auto"
    assert container.evaluate("e => e.getBoundingClientRect().right") <= 390
    knop = page.get_by_role("button", name="Uitloggen").bounding_box()
    assert knop is not None and knop["x"] >= 0 and knop["x"] + knop["width"] <= 390
    page.get_by_label("Zoeken").fill("Lotte")
    page.get_by_role("button", name="Filteren").click()
    expect(page).to_have_url(re.compile(r"q=Lotte"))
    expect(tabel).not_to_contain_text("Henk Jansen")
    expect(tabel).to_contain_text("Lotte Jansen")
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    assert_axe(page, "werkvoorraad op 390 px")
