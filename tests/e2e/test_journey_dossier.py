"""One case from start to end in a browser, starting at the resident's dossier.

The mid-office opens Anna's dossier and registers a melding from it (pre-filled), then screens
and assigns it; the generalist starts the onderzoek and makes the verslag final, opens the
household plan with a proposal for maatwerk and Anna signs it, which files the aanvraag; the
back office decides, sends the letter and registers Anna's bezwaar. After every step the test
goes back to the dossier: the timeline shows what just happened (the Dutch sentence) and the
statuses (melding, onderzoek, plan, aanvraag, beschikking, bezwaar) follow the work. Every page
visited passes axe (WCAG 2.1 AA, no serious or critical findings) at 1280 px and at 390 px,
and at 390 px the page does not scroll sideways. The dossier is photographed at both widths.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.utils import timezone
from django.utils.formats import date_format
from playwright.sync_api import expect

from eenplan.rules.termijnen import bezwaar_uiterlijk

from .conftest import assert_axe, assert_styled, login_cookie, screenshot

pytestmark = pytest.mark.browser

BREED = {"width": 1280, "height": 900}
SMAL = {"width": 390, "height": 844}


def _bovenaan(page: Any) -> None:
    page.evaluate("() => { window.scrollTo(0, 0); document.activeElement?.blur(); }")


def _na_het_herschikken(page: Any) -> None:
    """Wait two frames: the page has laid itself out for the new width (and eenplan.js has
    made tables that now scroll reachable with the keyboard)."""
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")


def _beide_breedtes(page: Any, naam: str) -> None:
    """Axe at 1280 px and at 390 px; at 390 px nothing sticks out sideways."""
    assert_styled(page)
    assert_axe(page, f"{naam} (1280 px)")
    page.set_viewport_size(SMAL)
    _na_het_herschikken(page)
    breed = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    te_breed = page.evaluate(
        "[...document.querySelectorAll('body *')].filter(e => "
        "e.getBoundingClientRect().right > window.innerWidth + 1).slice(0, 5)"
        ".map(e => e.tagName + '.' + e.className + ' ' + Math.round("
        "e.getBoundingClientRect().right))"
    )
    assert breed <= 0, f"{naam} schuift {breed} px opzij op 390 px: {te_breed}"
    assert_axe(page, f"{naam} (390 px)")
    page.set_viewport_size(BREED)
    _na_het_herschikken(page)


class Dossier:
    """Anna's dossier page, opened again after every step."""

    def __init__(self, page: Any, inwoner: Any) -> None:
        self.page, self.inwoner = page, inwoner
        self.pad = f"/inwoners/{inwoner.pk}/"

    def open(self) -> Any:
        self.page.goto(self.pad)
        expect(self.page.get_by_role("heading", level=1)).to_have_text(self.inwoner.naam)
        return self.page

    def tijdlijn(self) -> Any:
        return self.page.get_by_role("region", name="Tijdlijn")

    def verloop(self) -> Any:
        return self.page.get_by_role("region", name="Verloop van de zaak")

    def termijnen(self) -> Any:
        return self.page.get_by_role("region", name="Lopende termijnen")

    def regel(self, tekst: str | re.Pattern[str]) -> Any:
        """The line of the 'Verloop' section that starts with a record's name."""
        if isinstance(tekst, str):
            tekst = re.compile(r"^\s*" + re.escape(tekst) + r"(?!\d)")
        return self.verloop().get_by_role("listitem").filter(has_text=tekst)

    def controleer(
        self,
        stap: str,
        *,
        tijdlijn: list[str | re.Pattern[str]],
        regels: dict[str | re.Pattern[str], str | re.Pattern[str]] | None = None,
        plan: str | re.Pattern[str] | None = None,
    ) -> None:
        """Back to the dossier: the newest events are in the timeline, the statuses in the
        'Verloop van de zaak' follow; axe at both widths."""
        self.open()
        for zin in tijdlijn:
            expect(self.tijdlijn().get_by_role("listitem").filter(has_text=zin)).to_have_count(1)
        for record, status in (regels or {}).items():
            expect(self.regel(record)).to_contain_text(status)
        if plan is not None:
            expect(
                self.verloop().locator("p", has=self.page.get_by_role("link", name=re.compile(
                    r"^Plan \d+$")))
            ).to_contain_text(plan)
        _beide_breedtes(self.page, f"dossier na: {stap}")


def _als(context: Any, live_server: Any, medewerker: Any) -> None:
    context.clear_cookies()
    login_cookie(context, live_server, medewerker)


def test_een_zaak_van_dossier_tot_bezwaar(page, context, live_server, gemeentedata):
    from eenplan.beschikkingen.models import Aanvraag, Beschikking
    from eenplan.bezwaren.models import Bezwaar
    from eenplan.meldingen.models import Melding
    from eenplan.onderzoeken.models import Onderzoek
    from eenplan.plannen.models import Plan
    from eenplan.testing import scenarios

    s = gemeentedata.scenario  # scenarios.inwoner: Anna, her household and network
    anna = s.inwoner
    vandaag = timezone.localdate()
    dossier = Dossier(page, anna)

    # 0. The mid-office opens Anna's dossier: nothing has happened yet.
    _als(context, live_server, s.midoffice)
    dossier.open()
    expect(dossier.verloop()).to_contain_text("Geen meldingen.")
    expect(dossier.termijnen()).to_contain_text("Geen lopende termijnen.")
    _beide_breedtes(page, "dossier (leeg)")

    # 1. "Nieuwe melding voor Anna Jansen": the form knows who it is about.
    page.get_by_role("link", name="Nieuwe melding voor Anna Jansen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Nieuwe melding")
    expect(page.locator("#melding-voor")).to_contain_text("ingevuld vanuit het dossier")
    expect(page.get_by_label("BSN van de inwoner")).to_have_value(anna.bsn)
    _beide_breedtes(page, "nieuwe melding (vanuit het dossier)")
    page.get_by_label("Mantelzorger of netwerk").check()
    page.get_by_label("Naam van de melder").fill("Lotte Jansen")
    page.get_by_label("Telefoon", exact=True).check()
    page.get_by_label("Wmo", exact=True).check()
    page.get_by_label("De vraag in de woorden van de melder").fill(scenarios.VRAAG)
    page.get_by_role("button", name="Melding registreren").click()
    melding = Melding.objects.get(inwoner=anna)
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Melding {melding.pk}: Anna Jansen")
    _beide_breedtes(page, "meldingpagina (geregistreerd)")
    dossier.controleer(
        "melding geregistreerd",
        tijdlijn=[f"Melding {melding.pk} geregistreerd (mantelzorger of netwerk, telefoon)"],
        regels={f"Melding {melding.pk}": "geregistreerd, te screenen"},
    )
    expect(dossier.termijnen()).to_contain_text(f"Onderzoek bij melding {melding.pk}")

    # 2. The mid-office screens it and assigns it to Sanne of Wijkteam Noord.
    dossier.verloop().get_by_role("link", name=f"Melding {melding.pk}").click()
    toewijzen = page.locator("details", has_text="Toewijzen aan het wijkteam")
    toewijzen.get_by_label("Medewerker").select_option(str(s.generalist.pk))
    toewijzen.get_by_role("button", name="Toewijzen").click()
    expect(page.get_by_role("status").first).to_contain_text("is toegewezen aan Sanne Peters")
    _beide_breedtes(page, "meldingpagina (toegewezen)")
    dossier.controleer(
        "toegewezen",
        # Who did it, by name (not the login).
        tijdlijn=[f"Melding {melding.pk} toegewezen aan Sanne Peters (Wijkteam Noord) (Mira "
                  "Smeets)"],
        regels={f"Melding {melding.pk}": re.compile(r"toegewezen aan wijkteam, Sanne Peters")},
    )

    # 3. The generalist starts the onderzoek from the melding.
    _als(context, live_server, s.generalist)
    dossier.open()
    dossier.verloop().get_by_role("link", name=f"Melding {melding.pk}").click()
    page.get_by_role("link", name="Onderzoek starten").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Onderzoek starten: Anna Jansen")
    _beide_breedtes(page, "onderzoek starten")
    page.get_by_role("button", name="Onderzoek starten").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Onderzoek: Anna Jansen")
    onderzoek = Onderzoek.objects.get(melding=melding)
    dossier.controleer(
        "onderzoek gestart",
        tijdlijn=[
            f"Onderzoek bij melding {melding.pk} gestart door Sanne Peters",
            f"Melding {melding.pk} in onderzoek bij Sanne Peters",
        ],
        regels={
            f"Melding {melding.pk}": "in onderzoek",
            f"Onderzoek bij melding {melding.pk}": "lopend",
        },
    )

    # 4. The conversation, subjects a-g, the checks and the ladder (the onderzoek's own browser
    # test clicks them one by one; here the services write them), then the verslag is made
    # final in the browser.
    scenarios.onderzoek_invullen(s, onderzoek)
    dossier.verloop().get_by_role("link", name=f"Onderzoek bij melding {melding.pk}").click()
    expect(page.locator("#verslag")).to_contain_text("Alles wat de wet vraagt, is ingevuld")
    _beide_breedtes(page, "onderzoek (ingevuld)")
    page.get_by_role("button", name="Verslag definitief maken").click()
    bevestig = page.get_by_label(re.compile("definitief", re.I))
    if bevestig.count():  # a confirmation step before the irreversible action
        bevestig.first.check()
        page.get_by_role("button", name="Verslag definitief maken").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Verslag van ons gesprek")
    _beide_breedtes(page, "verslag")
    dossier.controleer(
        "verslag definitief",
        tijdlijn=[f"Verslag van het onderzoek bij melding {melding.pk} definitief"],
        regels={f"Onderzoek bij melding {melding.pk}": "verslag definitief"},
    )

    # 5. The household plan: opened from the dossier through the household page, a goal and a
    # proposal for maatwerk (allowed: the ladder was walked).
    expect(dossier.verloop()).to_contain_text("Nog geen plan.")
    dossier.verloop().get_by_role("link", name="Naar het huishouden").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Huishouden Jansen")
    _beide_breedtes(page, "huishouden")
    page.get_by_role("button", name="Plan maken").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Plan van Huishouden Jansen")
    plan = Plan.objects.get(huishouden=s.huishouden)
    doel = page.locator("#doelen form")
    doel.get_by_label("Voor wie").select_option(label="Anna Jansen")
    doel.get_by_label("Leefgebied").select_option(label="Huisvesting")
    doel.get_by_label("Het doel").fill("Een schoon huis, zodat ik thuis kan blijven wonen")
    doel.get_by_label("Stabiliseren").check()
    doel.get_by_role("button", name="Doel toevoegen").click()
    expect(page.locator(".eenplan-doel h4")).to_have_text(
        "Een schoon huis, zodat ik thuis kan blijven wonen"
    )
    page.locator("#voorzieningen summary").click()
    voorstel = page.locator("#voorzieningen form")
    voorstel.get_by_label("Voor wie").select_option(label="Anna Jansen")
    voorstel.get_by_label("Wet").select_option(label="Wmo 2015")
    voorstel.get_by_label("Voorziening", exact=True).fill("Hulp bij het huishouden")
    voorstel.get_by_label("Individueel maatwerk").check()
    voorstel.get_by_role("button", name="Voorstellen").click()
    expect(page.locator("#voorzieningen table")).to_contain_text(
        "Wordt een aanvraag als de inwoner ondertekent"
    )
    _beide_breedtes(page, "plan (concept)")
    dossier.controleer("plan gemaakt", tijdlijn=[], plan=re.compile(r"concept \(versie \d+\)"))

    # 6. Anna signs: the proposal becomes an aanvraag with its decision deadline.
    dossier.verloop().get_by_role("link", name=f"Plan {plan.pk}").click()
    teken = page.locator("#ondertekenen form").first
    teken.get_by_label("Wie ondertekent?").select_option(label="Anna Jansen")
    teken.get_by_role("button", name="Plan ondertekenen").click()
    expect(page.get_by_role("status").first).to_contain_text("Dit is nu aangevraagd")
    aanvraag = Aanvraag.objects.get(inwoner=anna)
    _beide_breedtes(page, "plan (ondertekend)")
    uiterlijk = date_format(aanvraag.beslissen_uiterlijk, "j F Y")
    dossier.controleer(
        "plan ondertekend",
        tijdlijn=[
            f"Plan {plan.pk} ondertekend door Anna Jansen",
            f"Melding {melding.pk} afgesloten: plan {plan.pk} ondertekend na het definitieve "
            "verslag",
            f"Aanvraag {aanvraag.pk} ontvangen: Hulp bij het huishouden (Wmo 2015; beslissen "
            f"uiterlijk {uiterlijk})",
        ],
        regels={
            "Hulp bij het huishouden (Wmo 2015)": "ontvangen",
            # Verslag final and the plan signed after the onderzoek started: closed by rule.
            f"Melding {melding.pk}": "afgesloten",
        },
        plan=re.compile(rf"ondertekend \(versie \d+\), ondertekend op "
                        rf"{date_format(vandaag, 'j F Y')}"),
    )
    expect(dossier.termijnen()).to_contain_text(
        f"Beslissen op aanvraag Hulp bij het huishouden: uiterlijk {uiterlijk}"
    )
    expect(dossier.termijnen()).not_to_contain_text(f"Onderzoek bij melding {melding.pk}")

    # 7. The back office decides: in kind by Thuiszorg West, three hours a week for a year.
    _als(context, live_server, s.backoffice)
    dossier.open()
    dossier.termijnen().get_by_role("link", name=re.compile("Beslissen op aanvraag")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Beslissen: Hulp bij het huishouden voor Anna Jansen"
    )
    _beide_breedtes(page, "beslisformulier")
    regel = page.get_by_role("group", name="Voorziening 1")
    regel.get_by_label("Omvang").fill("3")
    regel.get_by_label("Per", exact=True).select_option("2")
    regel.get_by_label("Einddatum").fill(f"{vandaag + dt.timedelta(days=364):%Y-%m-%d}")
    regel.get_by_label("Zorg in natura", exact=True).check()
    regel.get_by_label("Aanbieder (zorg in natura)").select_option(
        label="Thuiszorg West: Hulp bij het huishouden, € 29,90 per uur"
    )
    page.get_by_label("Motivering").fill(
        "Mevrouw kan zwaar huishoudelijk werk niet meer doen en haar dochter is overbelast."
    )
    page.get_by_role("button", name="Besluit vastleggen").click()
    beschikking = Beschikking.objects.get(aanvraag=aanvraag)
    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"Beschikking {beschikking.pk}: Anna Jansen"
    )
    _beide_breedtes(page, "beschikking (voorbeeld)")
    dossier.controleer(
        "besloten",
        tijdlijn=[
            f"Beschikking {beschikking.pk} genomen op aanvraag {aanvraag.pk}",
            f"Aanvraag {aanvraag.pk} besloten (beschikking {beschikking.pk})",
        ],
        regels={
            "Hulp bij het huishouden (Wmo 2015)": "besloten",
            f"Beschikking {beschikking.pk}": "nog niet verzonden",
        },
    )
    expect(dossier.termijnen()).to_contain_text("Geen lopende termijnen.")
    # The back office decided itself: no lawfulness check needed (only a generalist's own
    # decision goes to the toets).
    page.goto("/beschikkingen/toetsing/")
    expect(page.locator("main")).to_contain_text("Er zijn geen besluiten om te toetsen")
    _beide_breedtes(page, "rechtmatigheidstoets")

    # 8. The letter is sent (after confirming it was checked): the bezwaar term runs.
    dossier.open()
    dossier.verloop().get_by_role("link", name=f"Beschikking {beschikking.pk}").click()
    page.get_by_label("Ik heb de brief hierboven gecontroleerd").check()
    page.get_by_role("button", name="Brief verzenden").click()
    laatste = date_format(bezwaar_uiterlijk(vandaag), "j F Y")
    expect(page.get_by_role("status").first).to_contain_text(
        f"Bezwaar maken kan tot en met {laatste}"
    )
    _beide_breedtes(page, "beschikking (verzonden)")
    dossier.controleer(
        "brief verzonden",
        tijdlijn=[f"Beschikking {beschikking.pk} verzonden (bezwaar uiterlijk {laatste})"],
        regels={f"Beschikking {beschikking.pk}": f"verzonden op {date_format(vandaag, 'j F Y')}"},
    )
    voorzieningen = page.get_by_role("region", name="Voorzieningen nu")
    rij = voorzieningen.get_by_role("row", name=re.compile("Hulp bij het huishouden"))
    expect(rij).to_contain_text("In natura: Thuiszorg West")
    expect(rij).to_contain_text(f"{vandaag + dt.timedelta(days=364):%d-%m-%Y}")
    expect(rij.get_by_role("link", name=f"Beschikking {beschikking.pk}")).to_be_visible()

    # 9. Anna objects to the number of hours: the back office registers the bezwaar.
    dossier.verloop().get_by_role("link", name=f"Beschikking {beschikking.pk}").click()
    # Registering is a page of the app bezwaren, linked from the beschikking.
    page.get_by_role("link", name="Bezwaar registreren").click()
    page.get_by_label("Ingediend door").fill("Anna Jansen")
    page.get_by_label("Gronden van het bezwaar").fill(
        "Drie uur per week is te weinig voor het huis en de was."
    )
    page.get_by_role("button", name="Bezwaar registreren").click()
    expect(page.get_by_role("status").first).to_contain_text("Het bezwaar is geregistreerd")
    bezwaar = Bezwaar.objects.get(beschikking=beschikking)
    _beide_breedtes(page, "bezwaar")
    beslissen = date_format(bezwaar.beslissen_uiterlijk, "j F Y")
    dossier.controleer(
        "bezwaar geregistreerd",
        tijdlijn=[
            f"Bezwaar ontvangen tegen beschikking {beschikking.pk} (op tijd; beslissen "
            f"uiterlijk {beslissen})"
        ],
        regels={f"Bezwaar tegen beschikking {beschikking.pk}": "in behandeling"},
    )
    expect(dossier.termijnen()).to_contain_text(
        f"Beslissen op bezwaar tegen beschikking {beschikking.pk}: uiterlijk {beslissen}"
    )

    # The whole story on one page as the back office sees it (a generalist does not see
    # bezwaren), photographed at both widths for the README (EENPLAN_UPDATE_SCREENSHOTS=1
    # writes them to docs/screenshots).
    dossier.open()
    _bovenaan(page)
    screenshot(page, "dossier-zaak.png")
    page.set_viewport_size(SMAL)
    dossier.open()
    _na_het_herschikken(page)
    _bovenaan(page)
    screenshot(page, "dossier-zaak-390.png")
