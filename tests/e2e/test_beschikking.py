"""From a signed plan to a sent beschikking letter, in a browser: the back office opens the
aanvragen worklist, decides (zorg in natura with a provider), opens the beschikking, reads the
letter preview, sends it and sees the bezwaar clause with its last day. Also the lawfulness
queue and the sociale kaart search. Axe (no serious or critical findings) on each page."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone
from django.utils.formats import date_format
from playwright.sync_api import expect

from eenplan.beschikkingen.constants import AanvraagStatus, Rechtmatigheid
from eenplan.beschikkingen.models import Aanvraag, Beschikking
from eenplan.privacy.models import Inzage
from eenplan.rules.termijnen import bezwaar_uiterlijk

from .conftest import WACHTWOORD, assert_axe, assert_styled, login_cookie, login_form, screenshot

pytestmark = pytest.mark.browser


@dataclass
class Beschikkingdata:
    backoffice: Any
    vrijwilliger: Any
    aanvraag: Aanvraag
    te_toetsen: Beschikking
    hh: Any


@pytest.fixture
def beschikkingdata(gemeentedata) -> Beschikkingdata:
    """gemeentedata plus a volunteer and Anna's signed plan (scenarios.ondertekend: melding →
    assigned → onderzoek with the ladder walked → plan with a proposal for hulp bij het
    huishouden → signed by Anna, which made the aanvraag). Henk has a decision the generalist
    took, waiting for the lawfulness check."""
    from eenplan.aanbieders.models import Aanbieder
    from eenplan.beschikkingen import services as beschikkingen
    from eenplan.gemeente.constants import Rol
    from eenplan.testing import scenarios
    from eenplan.testing.factories import MedewerkerFactory

    s = scenarios.ondertekend(gemeentedata.scenario)
    sanne, backoffice, catalogus = s.generalist, s.backoffice, s.voorzieningen
    vrijwilliger = MedewerkerFactory(
        gemeente=s.gemeente,
        functie=Rol.VRIJWILLIGER,
        username="vrijwilliger",
        password=WACHTWOORD,
        first_name="Gerrit",
        last_name="Peeters",
    )
    vandaag, aanvraag = s.vandaag, s.aanvraag

    # Henk: an aanvraag the generalist decided herself (Hardenberg), for the back office to check.
    henk_aanvraag = beschikkingen.aanvraag_register(
        inwoner=gemeentedata.henk,
        omschrijving="Begeleiding individueel",
        wet="wmo",
        ontvangen_op=vandaag - dt.timedelta(days=5),
        ingediend_door="Henk Jansen",
        door=sanne.user,
    )
    te_toetsen = beschikkingen.beschikking_issue(
        aanvraag=henk_aanvraag,
        actor=sanne.user,
        besloten_op=vandaag,
        motivering="Meneer heeft structuur nodig; het netwerk kan dat niet bieden.",
        regels=[
            beschikkingen.Regel(
                voorziening=catalogus["begeleiding"],
                uitkomst="toegekend",
                omvang=Decimal(2),
                begin=vandaag,
                einde=vandaag + dt.timedelta(days=182),
                leveringsvorm="zin",
                aanbieder=Aanbieder.objects.get(naam="Begeleid Thuis"),
            )
        ],
    )
    return Beschikkingdata(
        backoffice=backoffice,
        vrijwilliger=vrijwilliger,
        aanvraag=aanvraag,
        te_toetsen=te_toetsen,
        hh=catalogus["hh"],
    )


def _bovenaan(page: Any) -> None:
    page.evaluate("() => { window.scrollTo(0, 0); document.activeElement?.blur(); }")


def test_van_ondertekend_plan_tot_verzonden_beschikking(page, beschikkingdata, gemeentedata):
    aanvraag, anna = beschikkingdata.aanvraag, gemeentedata.anna
    vandaag = timezone.localdate()

    # 1. The back office opens the worklist: Anna's aanvraag from the signed plan, on schedule.
    login_form(page, "backoffice")
    page.goto("/beschikkingen/aanvragen/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Aanvragen")
    rij = page.get_by_role("row", name=re.compile("Anna Jansen"))
    expect(rij).to_contain_text("Hulp bij het huishouden")
    expect(rij).to_contain_text(f"{aanvraag.beslissen_uiterlijk:%d-%m-%Y}")
    expect(rij).to_contain_text("Op schema")
    assert_styled(page)
    assert_axe(page, "aanvragen")

    # 2. The decision form: the ladder, the providers with their tariffs, the PGB ceiling.
    rij.get_by_role("link", name=re.compile("Beslissen")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Beslissen: Hulp bij het huishouden voor Anna Jansen"
    )
    expect(page.locator("#kop-ladder + ol")).to_contain_text("Lotte kan niet meer doen.")
    expect(
        page.locator("section", has=page.get_by_role("heading", name=re.compile("pgb-plafond")))
    ).to_contain_text("Hoogstens € 29,90 per eenheid")
    regel = page.get_by_role("group", name="Voorziening 1")
    expect(regel.get_by_label("Voorziening", exact=True)).to_have_value(str(beschikkingdata.hh.pk))
    assert_axe(page, "beslisformulier")

    # A decision without a provider is refused in Dutch; nothing is written.
    regel.get_by_label("Omvang").fill("3")
    regel.get_by_label("Einddatum").fill(f"{vandaag + dt.timedelta(days=365):%Y-%m-%d}")
    page.get_by_label("Motivering").fill(
        "Mevrouw kan zwaar huishoudelijk werk niet meer doen en haar dochter is overbelast. "
        "Algemene voorzieningen lossen dit niet op."
    )
    page.get_by_role("button", name="Besluit vastleggen").click()
    expect(page.get_by_role("alert")).to_contain_text("Kies de aanbieder voor zorg in natura")
    assert not Beschikking.objects.filter(aanvraag=aanvraag).exists()
    assert_axe(page, "beslisformulier met fouten")

    # 3. Zorg in natura by Thuiszorg West, three hours a week, for a year.
    regel = page.get_by_role("group", name="Voorziening 1")
    expect(regel.get_by_label("Omvang")).to_have_value("3")
    regel.get_by_label("Per", exact=True).select_option("2")
    regel.get_by_label("Zorg in natura", exact=True).check()
    regel.get_by_label("Aanbieder (zorg in natura)").select_option(
        label="Thuiszorg West: Hulp bij het huishouden, € 29,90 per uur"
    )
    regel.get_by_label("Heronderzoek op").fill(f"{vandaag + dt.timedelta(days=300):%Y-%m-%d}")
    page.get_by_role("button", name="Besluit vastleggen").click()

    # 4. The beschikking: the decision, the eigen bijdrage, the letter preview.
    beschikking = Beschikking.objects.get(aanvraag=aanvraag)
    expect(page).to_have_url(re.compile(rf"/beschikkingen/{beschikking.pk}/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"Beschikking {beschikking.pk}: Anna Jansen"
    )
    expect(page.get_by_role("status").first).to_contain_text("is vastgelegd")
    expect(page.get_by_role("table")).to_contain_text("In natura: Thuiszorg West")
    expect(page.locator("#kop-bijdrage + p")).to_contain_text("per maand")
    brief = page.get_by_role("article", name="Brief aan Anna Jansen")
    expect(brief).to_contain_text("Thuiszorg West levert de hulp")
    expect(brief).to_contain_text("3 uur per week")
    assert_styled(page)
    assert_axe(page, "beschikking (voorbeeld)")

    # 5. Send it: the bezwaar clause gets its last day (Awb 6:7, 6:8 with the Atw). Sending is
    # irreversible: without confirming that the letter was checked, nothing is sent.
    page.get_by_role("button", name="Brief verzenden").click()
    expect(page.get_by_role("alert")).to_contain_text("Vink aan dat u de brief hebt gecontroleerd")
    expect(page).to_have_url(re.compile(rf"/beschikkingen/{beschikking.pk}/#verzenden$"))
    page.reload()  # a reload after the refusal posts nothing again and is no 405
    expect(page.get_by_role("heading", level=1)).to_contain_text("Beschikking")
    page.get_by_label("Ik heb de brief hierboven gecontroleerd").check()
    page.get_by_role("button", name="Brief verzenden").click()
    laatste = date_format(bezwaar_uiterlijk(vandaag), "j F Y")
    expect(page.get_by_role("status").first).to_contain_text(
        f"Bezwaar maken kan tot en met {laatste}"
    )
    expect(page.get_by_role("heading", name="De brief zoals hij is verzonden")).to_be_visible()
    expect(brief).to_contain_text(f"Dat moet uiterlijk op {laatste}")
    expect(page.get_by_role("button", name="Brief verzenden")).to_have_count(0)
    beschikking.refresh_from_db()
    aanvraag.refresh_from_db()
    assert beschikking.verzonden_op == vandaag and aanvraag.status == AanvraagStatus.BESLOTEN
    assert f"uiterlijk op {laatste}" in beschikking.brief
    assert_axe(page, "beschikking (verzonden)")
    _bovenaan(page)
    screenshot(page, "beschikking.png")
    assert Inzage.objects.filter(inwoner=anna, doel="beschikking", toegestaan=True).exists()
    assert not Inzage.objects.filter(toegestaan=False).exists()


def test_rechtmatigheidstoets(page, context, live_server, beschikkingdata):
    login_cookie(context, live_server, beschikkingdata.backoffice)
    page.goto("/beschikkingen/toetsing/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Rechtmatigheidstoets")
    b = beschikkingdata.te_toetsen
    item = page.locator(f"#toets-{b.pk}")
    expect(item).to_contain_text("Begeleiding individueel")
    expect(item).to_contain_text("Sanne Peters")
    assert_styled(page)
    assert_axe(page, "toetsingsrij")
    item.get_by_label("Rechtmatig", exact=True).check()
    item.get_by_role("button", name=re.compile("Oordeel vastleggen")).click()
    expect(page.get_by_role("status").first).to_contain_text(f"Beschikking {b.pk} is rechtmatig")
    expect(page.locator("main")).to_contain_text("Er zijn geen besluiten om te toetsen")
    b.refresh_from_db()
    assert b.rechtmatigheid == Rechtmatigheid.RECHTMATIG


def test_sociale_kaart_zoeken(page, context, live_server, beschikkingdata, gemeentedata):
    """The volunteer at the information point searches while typing (htmx) and filters."""
    login_cookie(context, live_server, beschikkingdata.vrijwilliger)
    page.goto("/voorzieningen/sociale-kaart/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sociale kaart")
    resultaten = page.locator("#resultaten")
    expect(resultaten.get_by_role("heading", level=2)).to_have_text("5 voorzieningen")
    kaart = resultaten.get_by_role("article", name="Dagcentrum De Schakel")
    expect(kaart).to_contain_text("€ 7,50 per dag, inclusief maaltijd")
    expect(kaart).to_contain_text("maandag tot en met vrijdag 9.30-16.00")
    expect(kaart).to_contain_text("Ouderen en mensen met geheugenproblemen")
    assert_styled(page)
    assert_axe(page, "sociale kaart")
    _bovenaan(page)
    screenshot(page, "sociale-kaart.png")

    # Typing filters live; the URL follows, so back and reload work.
    page.get_by_label("Zoekwoorden").press_sequentially("ouderen", delay=20)
    expect(resultaten.get_by_role("heading", level=2)).to_have_text("3 voorzieningen gevonden")
    expect(page).to_have_url(re.compile(r"q=ouderen"))
    expect(page.get_by_role("status")).to_contain_text("3 voorzieningen gevonden.")
    page.get_by_label("Wijk", exact=True).select_option(label="Noord")
    expect(resultaten.get_by_role("heading", level=2)).to_have_text("2 voorzieningen gevonden")
    expect(resultaten).not_to_contain_text("Koffieochtend Zuid")
    assert page.locator("body h1").count() == 1, "htmx plakte een hele pagina in de pagina"
    assert_axe(page, "sociale kaart gefilterd")
    page.reload()
    expect(resultaten.get_by_role("heading", level=2)).to_have_text("2 voorzieningen gevonden")


def test_overige_paginas(page, context, live_server, beschikkingdata, gemeentedata):
    """The catalogue, the ending worklist, the bezwaar register and page, the klachten: axe."""
    from eenplan.beschikkingen import services as beschikkingen
    from eenplan.bezwaren import services as bezwaren

    vandaag = timezone.localdate()
    b = beschikkingen.beschikking_send(
        beschikking=beschikkingdata.te_toetsen,
        actor=beschikkingdata.te_toetsen.besloten_door,
        op=vandaag,
    )
    bezwaar = bezwaren.bezwaar_register(
        beschikking=b,
        inwoner=gemeentedata.henk,
        ontvangen_op=vandaag,
        gronden="Twee uur begeleiding is te weinig.",
        ingediend_door="Henk Jansen",
        actor=beschikkingdata.backoffice.user,
    )
    bezwaren.klacht_register(
        gemeente=gemeentedata.gemeente,
        ingediend_door="Lotte Jansen",
        ontvangen_op=vandaag,
        onderwerp="Niet teruggebeld na drie keer bellen.",
        actor=beschikkingdata.backoffice.user,
        inwoner=gemeentedata.anna,
    )
    beschikkingen.overgangsrecht_register(
        inwoner=gemeentedata.anna,
        soort="awbz_extramuraal",
        omschrijving="AWBZ begeleiding",
        oude_einddatum=None,
    )
    login_cookie(context, live_server, beschikkingdata.backoffice)
    for pad, kop in (
        ("/beschikkingen/overgangsrecht/", "Overgangsrecht"),
        ("/voorzieningen/", "Catalogus voorzieningen"),
        (f"/voorzieningen/{beschikkingdata.hh.pk}/", "Hulp bij het huishouden"),
        ("/beschikkingen/einde/", "Einde en heronderzoek"),
        ("/beschikkingen/bezwaren/", "Bezwaren"),
        (f"/beschikkingen/bezwaren/{bezwaar.pk}/", f"Bezwaar {bezwaar.pk}: Henk Jansen"),
        ("/beschikkingen/klachten/", "Klachten"),
    ):
        page.goto(pad)
        expect(page.get_by_role("heading", level=1)).to_have_text(kop)
        assert_styled(page)
        assert_axe(page, kop)
    expect(page.get_by_role("table")).to_contain_text("Niet teruggebeld")


def test_beschikkingen_zoeken_en_filteren(page, context, live_server, beschikkingdata):
    """The back office finds a beschikking by the resident's name and by status, in the list
    reached from the beschikkingen navigation; axe at 1280 and 390 px, no sideways scrolling."""
    b = beschikkingdata.te_toetsen
    login_cookie(context, live_server, beschikkingdata.backoffice)
    page.goto("/beschikkingen/aanvragen/")
    page.get_by_role("navigation", name="Beschikkingen").get_by_role(
        "link", name="Beschikkingen"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Beschikkingen")
    zoek = page.get_by_role("form", name="Zoek en filter de beschikkingen")
    zoek.get_by_label("Inwoner of nummer").fill("Henk")
    zoek.get_by_label("Status").select_option("te_toetsen")
    zoek.get_by_role("button", name="Zoeken").click()
    expect(page).to_have_url(re.compile(r"/beschikkingen/\?q=Henk"))
    rij = page.get_by_role("row", name=re.compile(f"Beschikking {b.pk}"))
    expect(rij).to_contain_text("Begeleiding individueel")
    expect(page.get_by_role("table")).to_contain_text("1 beschikking gevonden")
    assert_styled(page)
    assert_axe(page, "beschikkingen")
    page.goto("/beschikkingen/?status=verzonden&stand=open")
    expect(page.get_by_role("alert")).to_contain_text("Onbekende zoekparameter: stand")
    assert_axe(page, "beschikkingen met een onbekende parameter")
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/beschikkingen/?q=Henk")
    breed = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    te_breed = page.evaluate(
        "[...document.querySelectorAll('body *')].filter(e => "
        "e.getBoundingClientRect().right > window.innerWidth + 1).slice(0, 5)"
        ".map(e => e.tagName + '.' + e.className + ' ' + Math.round("
        "e.getBoundingClientRect().right))"
    )
    assert breed <= 0, f"/beschikkingen/ schuift {breed} px opzij op 390 px: {te_breed}"
    assert_axe(page, "beschikkingen op 390 px")
