"""The inwonersportaal in a browser (issue 13): Anna logs in (development login), asks for help
with the short form and gets the confirmation with the date of the conversation, reads the
verslag and adds a remark, signs her plan (which files the aanvraag) and sees it under her
decisions. Every page: axe (no serious or critical findings), the NL Design System styles, and
at 390 px no sideways scrolling; screenshots in var/screenshots (docs/screenshots with
EENPLAN_UPDATE_SCREENSHOTS=1)."""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import expect

from eenplan.beschikkingen.models import Aanvraag
from eenplan.meldingen.models import Melding
from eenplan.onderzoeken.models import VerslagReactie
from eenplan.testing import scenarios
from eenplan.testing.factories import InwoneraccountFactory, InwonerFactory

from .conftest import controleer_portaalpagina

pytestmark = pytest.mark.browser


def test_anna_vraagt_hulp_leest_het_verslag_en_ondertekent_haar_plan(page, gemeentedata):
    s = scenarios.plan(gemeentedata.scenario)  # verslag sent, a plan with a maatwerk proposal
    InwoneraccountFactory(inwoner=s.inwoner)

    # Log in with the development login (keyboard: the select and the button).
    page.goto("/mijn/inloggen/")
    controleer_portaalpagina(page, "inloggen")
    page.get_by_label("Log in als").select_option(label=s.inwoner.naam)
    page.get_by_role("button", name="Inloggen").press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Uw zaak")
    expect(page.get_by_role("heading", name="Wat komt er aan")).to_be_visible()
    controleer_portaalpagina(page, "overzicht")

    # Ask for help: the short form, an error first, then the confirmation.
    page.get_by_role("navigation", name="Menu van uw zaak").get_by_role(
        "link", name="Hulp vragen"
    ).click()
    page.get_by_role("button", name="Melding versturen").click()
    expect(page.get_by_role("alert")).to_contain_text("Schrijf op waar u hulp bij nodig hebt.")
    controleer_portaalpagina(page, "melding-doen")
    page.get_by_label("Waar hebt u hulp bij nodig?").fill("Ik kan niet meer zelf douchen.")
    page.get_by_label("Hulp thuis, bij het huishouden of om mee te doen (Wmo)").check()
    page.get_by_label("Persoonlijk plan (niet verplicht)").fill("Mijn dochter helpt 's avonds.")
    page.get_by_role("button", name="Melding versturen").click()
    expect(page.get_by_role("heading", name="Ontvangstbevestiging")).to_be_visible()
    melding = Melding.objects.filter(inwoner=s.inwoner).latest("id")
    assert melding.persoonlijk_plan == "Mijn dochter helpt 's avonds."
    expect(page.locator("main")).to_contain_text("Wij praten uiterlijk")
    controleer_portaalpagina(page, "ontvangstbevestiging")

    # The verslag and a remark.
    page.goto(f"/mijn/{s.inwoner.pk}/onderzoeken/{s.onderzoek.pk}/")
    expect(page.get_by_role("heading", name="Het verslag", exact=True)).to_be_visible()
    page.get_by_label("Uw opmerking bij het verslag").fill("Ik fiets nog wel zelf.")
    page.get_by_role("button", name="Opmerking toevoegen").click()
    expect(page.get_by_role("status")).to_contain_text("Uw opmerking staat nu bij het verslag.")
    assert VerslagReactie.objects.filter(onderzoek=s.onderzoek).exists()
    controleer_portaalpagina(page, "verslag")

    # The plan: sign it (the tick with the keyboard), which files the aanvraag.
    page.get_by_role("link", name="Plan", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Uw plan")
    controleer_portaalpagina(page, "plan")
    page.get_by_label("Ik ben het eens met dit plan").press("Space")
    page.get_by_role("button", name="Plan ondertekenen").click()
    expect(page.get_by_role("status")).to_contain_text("U hebt het plan ondertekend.")
    assert Aanvraag.objects.filter(inwoner=s.inwoner, voorstel=s.voorstel).exists()

    # The aanvraag under the decisions, with the date by which the municipality decides.
    page.get_by_role("link", name="Aanvragen en besluiten").click()
    expect(page.locator("main")).to_contain_text("wij beslissen uiterlijk")
    controleer_portaalpagina(page, "besluiten")


def test_de_beschikking_met_de_brief_en_wie_er_keek(page, context, gemeentedata):
    s = scenarios.beschikt(gemeentedata.scenario)
    InwoneraccountFactory(inwoner=s.inwoner)
    page.goto("/mijn/inloggen/")
    page.get_by_label("Log in als").select_option(label=s.inwoner.naam)
    page.get_by_role("button", name="Inloggen").click()
    page.goto(f"/mijn/{s.inwoner.pk}/beschikkingen/")
    expect(page.locator("main")).to_contain_text("bezwaar maken")
    controleer_portaalpagina(page, "beschikking")
    brief = page.get_by_role("link", name="(PDF)")
    response = context.request.get(brief.get_attribute("href"))
    assert response.headers["content-type"] == "application/pdf"
    page.get_by_role("link", name="Wie keek in mijn dossier").click()
    expect(page.locator("main")).to_contain_text("Een medewerker van het wijkteam")
    controleer_portaalpagina(page, "inzage")


def test_anna_machtigt_haar_buurman_als_mantelzorger_en_trekt_het_in(page, gemeentedata):
    s = scenarios.beschikt(gemeentedata.scenario)
    InwoneraccountFactory(inwoner=s.inwoner)
    piet = InwonerFactory(gemeente=s.inwoner.gemeente, voornamen="Piet", achternaam="Bakker")
    page.goto("/mijn/inloggen/")
    page.get_by_label("Log in als").select_option(label=s.inwoner.naam)
    page.get_by_role("button", name="Inloggen").click()
    page.goto(f"/mijn/{s.inwoner.pk}/")
    page.get_by_role("link", name="Machtigingen").click()
    controleer_portaalpagina(page, "machtigingen")
    page.get_by_label("BSN van de persoon die u machtigt").fill(piet.bsn)
    page.get_by_label("Geboortedatum van deze persoon").fill(piet.geboortedatum.isoformat())
    page.get_by_label("Tot en met welke datum?").fill(
        (dt.date.today() + dt.timedelta(days=90)).isoformat()
    )
    page.get_by_role("button", name="Machtiging geven").click()
    expect(page.locator("main")).to_contain_text("Piet Bakker mag nu voor u handelen")
    controleer_portaalpagina(page, "machtiging-gegeven")
    page.get_by_role("button", name="Intrekken voor Piet Bakker").click()
    expect(page.locator("main")).to_contain_text("kan niet meer voor u handelen")
