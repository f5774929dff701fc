"""The policy dashboard and the survey's public answer page in the browser: axe (no serious or
critical findings), keyboard, 390 px without sideways scrolling, screenshots."""

from __future__ import annotations

from decimal import Decimal

import pytest
from playwright.sync_api import expect

from eenplan.beleid import services
from eenplan.beleid.models import Respons, Vraag
from eenplan.gemeente.constants import Rol
from eenplan.testing import beleid as tb
from eenplan.testing.factories import MedewerkerFactory

from .conftest import WACHTWOORD, assert_axe, assert_styled, login_cookie, screenshot

pytestmark = pytest.mark.browser


@pytest.fixture
def beleidsplan(gemeentedata):
    g, w = gemeentedata.gemeente, gemeentedata.wijken
    plan = tb.plan(
        g,
        indicatoren=[
            {
                "indicator": "cev_wist_waar",
                "basiswaarde": Decimal(60),
                "basisjaar": 2023,
                "streef": {2026: Decimal(80)},
            },
            {
                "indicator": "cev_past",
                "basiswaarde": Decimal(70),
                "basisjaar": 2023,
                "streef": {2026: Decimal(75)},
            },
        ],
    )
    for jaar, scores in ((2024, [5, 5, 4, 4, 4, 2, 1, 3]), (2025, [5, 5, 4, 4, 4, 4, 4, 5, 1, 3])):
        _r, uitn = tb.ronde(g, {w["Noord"]: ["Thuiszorg West"] * len(scores)}, jaar=jaar)
        for u, s in zip(uitn, scores, strict=True):
            tb.beantwoord(u, s)
    return plan


def test_dashboard_van_de_beleidsmedewerker(page, context, live_server, gemeentedata, beleidsplan):
    beleid = MedewerkerFactory(
        gemeente=gemeentedata.gemeente,
        functie=Rol.BELEID,
        username="beleid",
        password=WACHTWOORD,
        first_name="Bo",
    )
    login_cookie(context, live_server, beleid)
    page.goto(f"/beleid/{beleidsplan.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Testplan sociaal domein")
    expect(
        page.get_by_role("img", name="Verloop van Cliëntervaring: wist waar terecht")
    ).to_be_visible()
    # 2025: 8 of 10 agree = 80%; expected 73.3 on the line from 60 (2023) to 80 (2026): on
    # course. "Hulp past": expected 73.3 from 70 to 75, measured 80: on course as well.
    wist_waar = page.locator("article").filter(has_text="wist waar terecht")
    expect(wist_waar).to_contain_text("Op koers")
    expect(wist_waar).to_contain_text("Verwacht in 2025: 73,3; gemeten: 80")
    assert_styled(page)
    assert_axe(page, "beleidsdashboard")
    screenshot(page, "beleid-dashboard.png")
    page.set_viewport_size({"width": 390, "height": 844})
    breedte = page.evaluate("document.documentElement.scrollWidth")
    assert breedte <= 390, f"de pagina is {breedte}px breed op een telefoon"
    screenshot(page, "beleid-dashboard-390.png")


def test_vragenlijst_invullen_met_het_toetsenbord(page, gemeentedata):
    _ronde, [uitnodiging] = tb.ronde(gemeentedata.gemeente, {gemeentedata.wijken["Noord"]: ["A"]})
    page.goto(f"/vragenlijst/{services.uitnodiging_token(uitnodiging)}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Wat vindt u van de hulp?")
    assert_styled(page)
    assert_axe(page, "vragenlijst")
    screenshot(page, "vragenlijst.png")
    eerste = page.get_by_role("group", name="1. Ik wist waar ik met mijn vraag terecht kon.")
    eerste.get_by_label("Eens", exact=True).check()
    page.get_by_role("group", name="6. De hulp die ik krijg is goed.").get_by_label(
        "Helemaal eens"
    ).focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Antwoorden versturen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Dank u wel!")
    assert_axe(page, "vragenlijst bedankt")
    assert Respons.objects.count() == 1
    page.set_viewport_size({"width": 390, "height": 844})
    page.go_back()
    page.reload()
    expect(page.get_by_role("status")).to_contain_text("al ingevuld")


def test_plan_bewerken_en_vragenlijst_beheren(page, context, live_server, gemeentedata):
    """The officer adds a thema and an activity to the plan, is told in Dutch when the end lies
    before the start, and switches a survey question off: every page axe-clean, 390 px too."""
    plan = tb.plan(gemeentedata.gemeente, indicatoren=[{"indicator": "bbv_32_wmo_maatwerk"}])
    beleid = MedewerkerFactory(
        gemeente=gemeentedata.gemeente,
        functie=Rol.BELEID,
        username="beleid",
        password=WACHTWOORD,
        first_name="Bo",
    )
    login_cookie(context, live_server, beleid)
    page.goto(f"/beleid/{plan.pk}/plan/")
    assert_axe(page, "plan met bewerklinks")
    page.get_by_role("link", name="Thema toevoegen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Nieuw thema")
    page.get_by_label("Nummer").fill("2")
    page.get_by_label("Naam van het thema").fill("Jeugd en gezin")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("heading", name="2. Jeugd en gezin")).to_be_visible()
    page.get_by_role("link", name="Activiteit toevoegen aan subdoel D1.1").click()
    page.get_by_label("Code (bijvoorbeeld A1)").fill("A2")
    page.get_by_label("De activiteit").fill("Buurtkamer openen")
    page.get_by_label("Wie voert het uit").fill("Welzijn Noord")
    page.get_by_label("Begin").fill("2026-06-01")
    page.get_by_label("Einde").fill("2026-05-01")
    page.get_by_label("1. Voorzieningen zijn toegankelijk.").check()
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("alert")).to_contain_text("Het einde ligt niet voor het begin.")
    assert_styled(page)
    assert_axe(page, "activiteit met fout")
    screenshot(page, "beleid-activiteit-fout.png")
    page.get_by_label("Einde").fill("2026-12-31")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("link", name="A2 Buurtkamer openen")).to_be_visible()
    page.get_by_role("link", name="A2 Buurtkamer openen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Activiteit bewerken")
    assert_axe(page, "activiteit bewerken")
    page.set_viewport_size({"width": 390, "height": 844})
    breedte = page.evaluate("document.documentElement.scrollWidth")
    assert breedte <= 390, f"de bewerkpagina is {breedte}px breed op een telefoon"
    page.set_viewport_size({"width": 1280, "height": 900})

    page.goto("/beleid/clientervaring/vragen/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Vragenlijst cliëntervaringsonderzoek"
    )
    assert_styled(page)
    assert_axe(page, "vragenlijst beheren")
    screenshot(page, "beleid-vragenlijst-beheren.png")
    page.get_by_role("link", name="Door de hulp voel ik mij veiliger thuis.").click()
    assert_axe(page, "vraag bewerken")
    page.get_by_role("button", name="Niet meer stellen (uit zetten)").click()
    uitgezet = Vraag.objects.get(code="veilig_thuis")
    expect(page.locator(f"#vraag-{uitgezet.pk}")).to_contain_text("nee (uit)")
    assert Vraag.objects.get(pk=uitgezet.pk).actief is False


def test_de_overige_beleidspaginas_zijn_toegankelijk(
    page, context, live_server, gemeentedata, beleidsplan
):
    """Every other beleid page a person uses gets its axe check: the list of plans, the
    structure, one indicator's targets, the council report, the survey's rounds and results,
    and the answer page for a link that is wrong."""
    from eenplan.beleid.models import Indicatorkoppeling, Uitvraging

    beleid = MedewerkerFactory(
        gemeente=gemeentedata.gemeente,
        functie=Rol.BELEID,
        username="beleid",
        password=WACHTWOORD,
        first_name="Bo",
    )
    login_cookie(context, live_server, beleid)
    koppeling = Indicatorkoppeling.objects.get(
        resultaat__thema__plan=beleidsplan, indicator="cev_wist_waar"
    )
    ronde = Uitvraging.objects.order_by("-jaar").first()
    paginas = {
        "/beleid/": "Beleidsplannen",
        f"/beleid/{beleidsplan.pk}/plan/": "Doelen en activiteiten",
        f"/beleid/indicatoren/{koppeling.pk}/": "Cliëntervaring: wist waar terecht",
        f"/beleid/{beleidsplan.pk}/raadsrapportage/": None,
        "/beleid/clientervaring/": "Cliëntervaringsonderzoek Wmo",
        f"/beleid/clientervaring/{ronde.pk}/?per=aanbieder": None,
        "/beleid/nieuw/": "Nieuw beleidsplan",
    }
    for url, kop in paginas.items():
        page.goto(url)
        if kop:
            expect(page.get_by_role("heading", level=1)).to_have_text(kop)
        assert_styled(page)
        assert_axe(page, url)
    page.goto("/vragenlijst/1-verkeerd/")
    assert_axe(page, "vragenlijst met een verkeerde link")
