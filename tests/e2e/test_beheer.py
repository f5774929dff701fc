"""Functioneel beheer in a browser (issue 10): a functioneel beheerder creates an account and a
voorziening in the Dutch NL Design System pages, and the new voorziening is found on the
sociale kaart by a word in its description. Axe (no serious or critical findings) on every
beheer page at 1280 and at 390 px, and no page scrolls sideways on a phone."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

import pytest
from playwright.sync_api import expect

from .conftest import WACHTWOORD, assert_axe, assert_styled, login_cookie, screenshot

pytestmark = pytest.mark.browser


@dataclass
class Beheerdata:
    beheerder: Any
    tweede: Any
    generalist: Any
    gemeente: Any


@pytest.fixture
def beheerdata(gemeentedata, settings) -> Beheerdata:
    """gemeentedata plus two functioneel beheerders (Bert Verhoeven and Bea Smits) and a
    pending four-eyes request of Bea's (the generalist gets an extra role), so every beheer
    page has something to show."""
    from eenplan.gemeente import services
    from eenplan.gemeente.constants import Rol
    from eenplan.testing.factories import MedewerkerFactory
    from eenplan.testing.helpers import werkdag_over
    from eenplan.voorzieningen.services import synoniem_add

    gemeente = gemeentedata.gemeente
    beheerder = MedewerkerFactory(
        gemeente=gemeente,
        functie=Rol.FUNCTIONEEL_BEHEER,
        username="beheer",
        password=WACHTWOORD,
        first_name="Bert",
        last_name="Verhoeven",
    )
    tweede = MedewerkerFactory(
        gemeente=gemeente,
        functie=Rol.FUNCTIONEEL_BEHEER,
        username="beheer2",
        password=WACHTWOORD,
        first_name="Bea",
        last_name="Smits",
    )
    settings.EENPLAN_ROLWIJZIGING_VIER_OGEN = True
    services.medewerker_rollen_change(
        door=tweede.user, medewerker=gemeentedata.generalist, extra_rollen=[Rol.MIDOFFICE]
    )
    settings.EENPLAN_ROLWIJZIGING_VIER_OGEN = False
    synoniem_add(gemeente=gemeente, woorden="schulden, geldzorgen, schuldhulp")
    services.gelijkgestelde_feestdag_add(
        door=beheerder.user,
        datum=werkdag_over(90),
        omschrijving="Bij koninklijk besluit gelijkgestelde dag",
        bron="Stcrt. 2026, 99",
    )
    return Beheerdata(beheerder, tweede, gemeentedata.generalist, gemeente)


def test_beheerder_maakt_account_en_voorziening(page, context, live_server, beheerdata):
    from eenplan.gemeente.models import Medewerker
    from eenplan.voorzieningen.models import Voorziening

    login_cookie(context, live_server, beheerdata.beheerder)
    page.goto("/")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role(
        "link", name="Functioneel beheer"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Functioneel beheer")
    assert_styled(page)

    # An account: a mistake first (a Dutch message, nothing saved), then right.
    page.get_by_role("navigation", name="Functioneel beheer").get_by_role(
        "link", name="Medewerkers"
    ).click()
    page.get_by_role("link", name="Account aanmaken").click()
    page.get_by_label("Voornaam").fill("Noor")
    page.get_by_label("Achternaam").fill("Janssen")
    page.get_by_label("E-mailadres").fill("n.janssen@venlo")
    page.get_by_label("Gebruikersnaam").fill("n.janssen")
    page.get_by_label("Eerste wachtwoord").fill("Lang-genoeg-wachtwoord-2026")
    page.get_by_label("Hoofdrol").select_option(label="Generalist / consulent")
    page.get_by_role("group", name="Teams").get_by_label("Wijkteam Noord").check()
    page.get_by_role("button", name="Account aanmaken").click()
    expect(page.get_by_role("alert")).to_contain_text("Vul een e-mailadres in")
    expect(page.get_by_label("Voornaam")).to_have_value("Noor")
    assert not Medewerker.objects.filter(user__username="n.janssen").exists()
    assert_axe(page, "account aanmaken met een fout")
    page.get_by_label("E-mailadres").fill("n.janssen@venlo.nl")
    page.get_by_label("Eerste wachtwoord").fill("Lang-genoeg-wachtwoord-2026")
    page.get_by_role("button", name="Account aanmaken").click()
    expect(page.get_by_role("status").first).to_contain_text("Het account van Noor Janssen")
    expect(page.get_by_role("heading", level=1)).to_have_text("Noor Janssen")
    noor = Medewerker.objects.get(user__username="n.janssen")
    assert noor.user.is_active and [t.naam for t in noor.teams.all()] == ["Wijkteam Noord"]
    screenshot(page, "beheer-account.png")

    # A voorziening for the sociale kaart with its contact details.
    page.get_by_role("navigation", name="Functioneel beheer").get_by_role(
        "link", name="Catalogus"
    ).click()
    page.get_by_role("link", name="Voorziening toevoegen").click()
    page.get_by_label("Naam", exact=True).fill("Inloophuis De Kachel")
    page.get_by_label("Algemene voorziening").check()
    page.get_by_label("Wmo 2015").check()
    page.get_by_label("Omschrijving").fill("Elke ochtend koffie, een praatje en hulp bij post.")
    page.get_by_label("Eigen bijdrage", exact=True).select_option(label="Geen eigen bijdrage")
    page.get_by_label("Organisatie").fill("Stichting Welzijn Venlo")
    page.get_by_label("Telefoonnummer").fill("077 123 45 67")
    page.get_by_label("Website").fill("https://www.dekachel.nl")
    page.get_by_label("Openingstijden").fill("ma-vr 9.00-12.00 uur")
    page.get_by_label("Voor wie, in eigen woorden").fill("Ouderen en mantelzorgers")
    page.get_by_role("button", name="Voorziening toevoegen").click()
    expect(page.get_by_role("status").first).to_contain_text("staat nu in de catalogus")
    v = Voorziening.objects.get(naam="Inloophuis De Kachel")
    assert v.telefoon == "077 123 45 67" and v.website == "https://www.dekachel.nl"
    screenshot(page, "beheer-voorziening.png")

    # On the sociale kaart: found by a word in the description.
    page.goto("/voorzieningen/sociale-kaart/?q=koffie")
    kaart = page.get_by_role("article", name="Inloophuis De Kachel")
    expect(kaart).to_contain_text("077 123 45 67")
    expect(kaart).to_contain_text("ma-vr 9.00-12.00 uur")

    # A municipal setting: the ladder without the volunteers' step, from today, with its
    # source; first without a source (refused, nothing stored), then right.
    from eenplan.gemeente.models import Instelling
    from eenplan.gemeente.selectors import instellingen_op
    from eenplan.rules.onderzoek import LadderStap

    page.goto("/functioneel-beheer/")
    page.get_by_role("navigation", name="Functioneel beheer").get_by_role(
        "link", name="Instellingen"
    ).click()
    ladder = page.get_by_role("form", name="Ladder wijzigen")
    expect(
        page.get_by_text("Nu geldig: Eigen kracht → Netwerk en mantelzorg → Vrijwilligers")
    ).to_be_visible()
    ladder.get_by_label("Vrijwilligers (na netwerk en mantelzorg)").uncheck()
    ladder.get_by_label("Bron").fill("")
    ladder.get_by_role("button", name="Ladder opslaan").click()
    expect(page.get_by_role("alert")).to_contain_text("Vul dit veld in")
    assert not Instelling.objects.exists()
    assert_axe(page, "ladder wijzigen met een fout")
    ladder = page.get_by_role("form", name="Ladder wijzigen")
    expect(ladder.get_by_label("Vrijwilligers (na netwerk en mantelzorg)")).not_to_be_checked()
    ladder.get_by_label("Bron").fill(
        "Verordening maatschappelijke ondersteuning Venlo 2026, art. 5"
    )
    ladder.get_by_role("button", name="Ladder opslaan").click()
    expect(page.get_by_role("status").first).to_contain_text(
        "Stappen van de ladder: versie 1 geldt vanaf"
    )
    expect(
        page.get_by_text(
            "Nu geldig: Eigen kracht → Netwerk en mantelzorg → Algemene voorzieningen → "
            "Collectief maatwerk → Individueel maatwerk"
        )
    ).to_be_visible()
    stappen = instellingen_op(beheerdata.gemeente.pk, dt.date.today()).ladder.stappen
    assert LadderStap.VRIJWILLIGERS not in stappen
    assert_axe(page, "instellingen na het opslaan")
    page.get_by_role("heading", name="Stappen van de ladder").scroll_into_view_if_needed()
    screenshot(page, "beheer-instellingen.png")


# Beheer URLs that are no page: actions that only take a POST, and the logo image.
GEEN_PAGINA = {
    "medewerker-rollen",
    "medewerker-actief",
    "medewerker-tweede-factor",
    "medewerker-blokkade",
    "verzoek-goedkeuren",
    "verzoek-afwijzen",
    "tarief",
    "synoniemen-standaard",
    "synoniem-verwijderen",
    "gemeente-wijzigen",
    "gemeente-logo",
    "feestdag-toevoegen",
    "instelling-opslaan",
    "abonnementstarief-toevoegen",
    "feestdag-verwijderen",
    "regio-toevoegen",  # POSTs of the "regio" page (browser test: tests/e2e/test_regio.py)
    "regio-beeindigen",
}


def _beheerpaginas(data: Beheerdata) -> list[tuple[str, str]]:
    from eenplan.gemeente.models import GelijkgesteldeFeestdag, Team, Wijk
    from eenplan.voorzieningen.models import Synoniem, Voorziening

    team = Team.objects.filter(gemeente=data.gemeente).order_by("pk").first()
    wijk = Wijk.objects.filter(gemeente=data.gemeente).order_by("pk").first()
    voorziening = Voorziening.objects.filter(gemeente=data.gemeente).order_by("pk").first()
    synoniem = Synoniem.objects.get()
    assert team and wijk and voorziening and GelijkgesteldeFeestdag.objects.exists()
    return [
        ("start", "/functioneel-beheer/"),
        ("medewerkers", "/functioneel-beheer/medewerkers/"),
        ("account aanmaken", "/functioneel-beheer/medewerkers/nieuw/"),
        ("medewerker", f"/functioneel-beheer/medewerkers/{data.generalist.pk}/"),
        ("eigen account", f"/functioneel-beheer/medewerkers/{data.beheerder.pk}/"),
        ("goedkeuren", "/functioneel-beheer/verzoeken/"),
        ("wijzigingslog", "/functioneel-beheer/wijzigingslog/"),
        ("teams en wijken", "/functioneel-beheer/teams/"),
        ("team toevoegen", "/functioneel-beheer/teams/nieuw/"),
        ("team", f"/functioneel-beheer/teams/{team.pk}/"),
        ("wijk toevoegen", "/functioneel-beheer/wijken/nieuw/"),
        ("wijk", f"/functioneel-beheer/wijken/{wijk.pk}/"),
        ("catalogus", "/functioneel-beheer/catalogus/"),
        ("voorziening toevoegen", "/functioneel-beheer/catalogus/nieuw/"),
        ("voorziening", f"/functioneel-beheer/catalogus/{voorziening.pk}/"),
        ("synoniemen", "/functioneel-beheer/synoniemen/"),
        ("synoniemen wijzigen", f"/functioneel-beheer/synoniemen/{synoniem.pk}/"),
        ("instellingen", "/functioneel-beheer/instellingen/"),
        ("gegevens van de gemeente", "/functioneel-beheer/gemeente/"),
        ("regio", "/functioneel-beheer/regio/"),
    ]


def test_de_lijst_van_beheerpaginas_is_volledig(beheerdata):
    """Every page of functioneel beheer is in the axe sweep below: a new beheer URL must be
    added to `_beheerpaginas` (or, when it is no page, to GEEN_PAGINA)."""
    from django.urls import resolve

    from eenplan.beheer.urls import urlpatterns

    gedekt = {resolve(url.split("?")[0]).url_name for _, url in _beheerpaginas(beheerdata)}
    alle = {p.name for p in urlpatterns}
    assert alle - GEEN_PAGINA == gedekt, "beheerpagina zonder axe: " + ", ".join(
        sorted(alle - GEEN_PAGINA - gedekt)
    )


SCHUIFT = (
    "[...document.querySelectorAll('body *')].filter(e => "
    "e.getBoundingClientRect().right > window.innerWidth + 1).slice(0, 5)"
    ".map(e => e.tagName + '.' + e.className + ' ' + Math.round("
    "e.getBoundingClientRect().right))"
)


def test_axe_op_elke_beheerpagina(page, context, live_server, beheerdata):
    """Every beheer page, as the functioneel beheerder, at 1280 px and at 390 px."""
    login_cookie(context, live_server, beheerdata.beheerder)
    paginas = _beheerpaginas(beheerdata)
    for breedte, hoogte in ((1280, 900), (390, 844)):
        page.set_viewport_size({"width": breedte, "height": hoogte})
        for naam, url in paginas:
            response = page.goto(url)
            assert response is not None and response.status == 200, (naam, url)
            expect(page.get_by_role("heading", level=1)).to_be_visible()
            if breedte == 1280:
                assert_styled(page)
            uitkomst = assert_axe(page, f"{naam} ({breedte} px)")
            # Also the moderate finding seen before on beheer pages: every landmark (navigation,
            # region) has a name of its own.
            dubbel = [v for v in uitkomst["violations"] if v["id"] == "landmark-unique"]
            assert not dubbel, f"{naam}: {[n['target'] for v in dubbel for n in v['nodes']]}"
            if breedte == 390:
                breed = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
                assert breed <= 0, f"{url} schuift {breed} px opzij: {page.evaluate(SCHUIFT)}"
    # A form with its error summary, at 390 px too.
    page.goto("/functioneel-beheer/wijken/nieuw/")
    page.get_by_label("Naam").fill("West")
    page.get_by_label("CBS-wijkcode").fill("12")
    page.get_by_role("button", name="Wijk toevoegen").click()
    expect(page.get_by_role("alert")).to_contain_text("Een CBS-wijkcode is")
    expect(page).to_have_url(re.compile(r"/functioneel-beheer/wijken/nieuw/$"))
    assert_axe(page, "wijk toevoegen met een fout (390 px)")


def test_vier_ogen_in_de_browser(page, context, live_server, beheerdata):
    """Bea asked for an extra role for Sanne; Bert approves it on the Goedkeuren page."""
    login_cookie(context, live_server, beheerdata.beheerder)
    page.goto("/functioneel-beheer/verzoeken/")
    rij = page.get_by_role("row", name=re.compile("Sanne Peters"))
    expect(rij).to_contain_text("Midoffice-medewerker")
    rij.get_by_role("button", name=re.compile("goedkeuren")).click()
    expect(page.get_by_role("status").first).to_contain_text("goedgekeurd en doorgevoerd")
    expect(page.get_by_text("Er wacht niets op goedkeuring.")).to_be_visible()
    assert_axe(page, "goedkeuren na afhandeling")
    beheerdata.generalist.user.refresh_from_db()
    assert set(beheerdata.generalist.user.groups.values_list("name", flat=True)) == {
        "generalist",
        "midoffice",
    }
