"""The heart of the product in a browser: a generalist holds the onderzoek (keukentafelgesprek),
walks the ladder, makes the verslag final, writes the household plan with one regisseur, and
the resident signs it, which turns the proposed maatwerk into an aanvraag."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from eenplan.beschikkingen.models import Aanvraag
from eenplan.onderzoeken.constants import OnderzoekStatus
from eenplan.onderzoeken.models import Onderzoek, ZrmScore
from eenplan.plannen.constants import PlanStatus
from eenplan.plannen.models import Plan
from eenplan.privacy.models import Inzage
from eenplan.rules.onderzoek import LadderStap

from .conftest import assert_axe, assert_styled, login_form, screenshot

pytestmark = pytest.mark.browser

VERWACHT = {
    "a": "Mevrouw wil thuis blijven wonen en zelf blijven koken.",
    "b": "Ze kookt en wast zelf; stofzuigen en ramen lukken niet meer.",
    "c": "Dochter Lotte doet de boodschappen; meneer Jansen is zelf slecht ter been.",
    "d": "Lotte werkt vier dagen en is moe; ze wil graag af en toe ontlast worden.",
    "e": "De maaltijdservice en de wijkbus zijn besproken.",
    "f": "De huisarts en de thuiszorg weten van de situatie.",
}
LADDER = {
    LadderStap.EIGEN_KRACHT: ("Mevrouw doet wat ze kan.", "Zwaar huishoudelijk werk lukt niet."),
    LadderStap.NETWERK: ("Lotte helpt wekelijks.", "Lotte kan niet meer doen dan nu."),
    LadderStap.VRIJWILLIGERS: ("Geen vrijwilliger voor huishoudelijk werk.", "Wachtlijst."),
    LadderStap.ALGEMENE_VOORZIENINGEN: (
        "Wijkrestaurant besproken.",
        "Lost het schoonmaken niet op.",
    ),
    LadderStap.COLLECTIEF_MAATWERK: ("Geen collectief aanbod.", "Niet beschikbaar in Noord."),
}


def _bovenaan(page) -> None:
    """Scroll to the top and drop the focus, so a full-page screenshot shows the sticky table
    of contents in its place and no focus ring."""
    page.evaluate(
        "() => { window.scrollTo({top: 0, behavior: 'instant'}); document.activeElement?.blur(); }"
    )


@pytest.fixture
def toegewezen_melding(gemeentedata):
    """Anna's melding, registered and assigned to the generalist of Wijkteam Noord."""
    from eenplan.testing import scenarios

    return scenarios.toegewezen(gemeentedata.scenario).melding


def test_onderzoek_ladder_plan_en_ondertekenen(page, gemeentedata, toegewezen_melding):
    anna = gemeentedata.anna
    login_form(page, "generalist")

    # 1. The assigned melding waits for an onderzoek; start it.
    page.goto("/onderzoeken/")
    page.get_by_role("link", name="Onderzoek starten voor Anna Jansen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Onderzoek starten: Anna Jansen")
    page.get_by_role("button", name="Onderzoek starten").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Onderzoek: Anna Jansen")
    onderzoek = Onderzoek.objects.get(melding=toegewezen_melding)
    expect(page).to_have_url(re.compile(rf"/onderzoeken/{onderzoek.pk}/$"))
    assert_styled(page)
    expect(page.locator(".eenplan-termijn")).to_contain_text("Klaar uiterlijk")

    # 2. A conversation at the kitchen table.
    gesprek = page.locator("#gesprekken form")
    gesprek.get_by_label("Plaats").fill("Bij mevrouw thuis, aan de keukentafel")
    gesprek.get_by_label("Inwoner", exact=True).check()
    gesprek.get_by_label("Mantelzorger", exact=True).check()
    gesprek.get_by_role("button", name="Gesprek vastleggen").click()
    expect(page.get_by_role("status").first).to_contain_text("is vastgelegd")
    expect(page.locator("#gesprekken table")).to_contain_text("aan de keukentafel")

    # 3. The subjects a-g. Subject a by autosave only: type, wait for the status, reload.
    antwoord_a = page.get_by_label("Wat is besproken bij onderdeel a")
    antwoord_a.click()
    antwoord_a.press_sequentially(VERWACHT["a"], delay=5)
    expect(page.locator("#status-a")).to_contain_text(re.compile(r"Opgeslagen om \d\d:\d\d"))
    assert onderzoek.onderdelen.get(code="a").antwoord == VERWACHT["a"]
    page.reload()
    expect(page.get_by_label("Wat is besproken bij onderdeel a")).to_have_value(VERWACHT["a"])
    # The others are saved when the field loses focus ('change'); then the button saves all.
    opgeslagen = re.compile(r"Opgeslagen om \d\d:\d\d")
    for code, tekst in VERWACHT.items():
        if code != "a":
            page.get_by_label(f"Wat is besproken bij onderdeel {code}").fill(tekst)
            page.keyboard.press("Tab")
            expect(page.locator(f"#status-{code}")).to_contain_text(opgeslagen)
    page.get_by_label("Niet van toepassing, omdat (onderdeel g)").fill(
        "Er is nog geen maatwerk; de bijdrage volgt bij de aanvraag."
    )
    page.keyboard.press("Tab")
    expect(page.locator("#status-g")).to_contain_text(opgeslagen)
    page.get_by_role("button", name="Onderdelen opslaan").click()
    expect(page.get_by_role("status").first).to_contain_text("zijn opgeslagen")

    # 4. The three checks.
    besproken = page.locator("#besproken form")
    besproken.get_by_label("gratis onafhankelijke cliëntondersteuning").check()
    besproken.get_by_label("persoonsgebonden budget").check()
    besproken.get_by_label("Ja, de ondersteuningsbehoefte van de mantelzorger is besproken").check()
    besproken.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("status").first).to_contain_text("is opgeslagen")

    # 5. Scores on two life domains, then the chart.
    scores = page.locator("#leefgebieden form")
    scores.get_by_role("radiogroup", name="Financiën").get_by_label(
        "4 Voldoende zelfredzaam"
    ).check()
    adl = scores.get_by_role("radiogroup", name="Basale ADL")
    adl.get_by_label("2 Niet zelfredzaam").focus()
    page.keyboard.press("Space")  # radio groups work with the keyboard
    expect(adl.get_by_label("2 Niet zelfredzaam")).to_be_checked()
    scores.get_by_role("button", name="Scores opslaan").click()
    expect(page.get_by_role("img", name=re.compile("Scores van Anna Jansen"))).to_be_visible()
    assert sorted(ZrmScore.objects.values_list("score", flat=True)) == [2, 4]

    # 6. The ladder, lightest first, to individueel maatwerk (each saved step opens the next).
    for stap, (bevinding, reden) in LADDER.items():
        item = page.locator(f"#stap-{int(stap)}")
        expect(item.locator("details")).to_have_attribute("open", "")
        item.get_by_label("Wat is er gevonden?").fill(bevinding)
        item.get_by_label("Nee, dit volstaat niet").check()
        item.get_by_label("Waarom volstaat deze stap niet?").fill(reden)
        item.get_by_role("button", name=f"Stap {int(stap)} opslaan").click()
        expect(page.get_by_role("status").first).to_contain_text(f"Stap {int(stap)}")
    expect(page.locator("#stap-4")).to_contain_text("sociale kaart")
    laatste = page.locator("#stap-6")
    laatste.get_by_label("Wat is er gevonden?").fill("Hulp bij het huishouden, twee uur per week.")
    laatste.get_by_label("Ja, dit volstaat").check()
    laatste.get_by_role("button", name="Stap 6 opslaan").click()
    expect(page.locator("#afweging")).to_contain_text("een voorstel voor maatwerk is mogelijk")
    expect(page.locator("#verslag")).to_contain_text("Alles wat de wet vraagt, is ingevuld")

    assert_axe(page, "onderzoek")
    _bovenaan(page)
    screenshot(page, "onderzoek.png")

    # 7. The verslag becomes final; the page for the resident can be printed.
    page.get_by_label("Ik heb het verslag gecontroleerd").check()
    page.get_by_role("button", name="Verslag definitief maken").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Verslag van ons gesprek")
    expect(page.get_by_role("button", name="Afdrukken")).to_be_visible()
    expect(page.get_by_role("link", name="Verslag als PDF")).to_be_visible()
    expect(page.locator("article")).to_contain_text(VERWACHT["d"])
    onderzoek.refresh_from_db()
    assert onderzoek.status == OnderzoekStatus.DEFINITIEF

    # 8. The household view, then the household plan.
    page.get_by_role("link", name="Terug naar het onderzoek").click()
    page.get_by_role("link", name="Verder met het plan van Huishouden Jansen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Huishouden Jansen")
    expect(page.get_by_role("table").first).to_contain_text("Henk Jansen")
    expect(page.locator("#kop-leden + *")).to_contain_text("Lotte Jansen, mantelzorger")
    assert_axe(page, "huishouden")
    page.get_by_role("button", name="Plan maken").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Plan van Huishouden Jansen")
    plan = Plan.objects.get()

    # 9. A goal with an action.
    doel = page.locator("#doelen form")
    doel.get_by_label("Voor wie").select_option(label="Anna Jansen")
    doel.get_by_label("Leefgebied").select_option(label="Huisvesting")
    doel.get_by_label("Het doel").fill("Een schoon huis, zodat ik thuis kan blijven wonen")
    doel.get_by_label("Stabiliseren").check()
    doel.get_by_role("button", name="Doel toevoegen").click()
    expect(page.locator(".eenplan-doel h4")).to_have_text(
        "Een schoon huis, zodat ik thuis kan blijven wonen"
    )
    page.locator(".eenplan-doel summary", has_text="Actie toevoegen").click()
    actie = page.locator(".eenplan-doel form").first
    actie.get_by_label("Wat gebeurt er?").fill("Samen de week doorlopen en boodschappen doen")
    actie.get_by_label("Wie doet het").select_option(label="Netwerk")
    actie.get_by_label("Wie precies").fill("dochter Lotte")
    actie.get_by_role("button", name="Actie toevoegen").click()
    expect(page.locator(".eenplan-doel table")).to_contain_text("dochter Lotte")

    # 10. A maatwerk proposal: allowed, because the ladder was walked.
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

    # 11. The resident is her own regisseur.
    page.locator("#regie summary", has_text="Regisseur kiezen").click()
    regie = page.locator("#regie form").first
    regie.get_by_label("Wie wordt de regisseur?").select_option(label="Anna Jansen")
    regie.get_by_role("button", name="Regisseur vastleggen").click()
    expect(page.locator(".eenplan-kopregel")).to_contain_text("Regisseur: Anna Jansen")

    # 12. Anna signs: the proposed maatwerk becomes an aanvraag with its decision deadline.
    teken = page.locator("#ondertekenen form").first
    teken.get_by_label("Wie ondertekent?").select_option(label="Anna Jansen")
    teken.get_by_role("button", name="Plan ondertekenen").click()
    expect(page.get_by_role("status").first).to_contain_text("Dit is nu aangevraagd")
    aanvraag = Aanvraag.objects.get()
    aanvragen = page.locator("#ondertekenen table")
    expect(aanvragen).to_contain_text("Hulp bij het huishouden")
    expect(aanvragen).to_contain_text(f"{aanvraag.beslissen_uiterlijk:%d-%m-%Y}")
    plan.refresh_from_db()
    assert plan.status == PlanStatus.ONDERTEKEND and plan.ondertekend_door == "Anna Jansen"
    assert aanvraag.inwoner == anna and aanvraag.plan == plan

    assert_styled(page)
    assert_axe(page, "plan")
    _bovenaan(page)
    screenshot(page, "plan.png")

    # Every page that showed Anna's data wrote an allowed access-log row.
    assert Inzage.objects.filter(inwoner=anna, toegestaan=True, doel="onderzoek").exists()
    assert Inzage.objects.filter(inwoner=anna, toegestaan=True, doel="plan").exists()
    assert not Inzage.objects.filter(toegestaan=False).exists()
