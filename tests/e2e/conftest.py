"""Browser tests: headless Debian Chromium driven by Playwright's sync API, with axe checks.

One browser for the whole session, a fresh context (cookies, storage) per test. Chromium comes
from the Debian package (`apt-get install chromium`); a missing browser skips these tests with
a visible reason, or fails them when EENPLAN_REQUIRE_BROWSER=1. No browser is ever downloaded.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import TimeoutError as PlaywrightTimeout

# Playwright's sync API keeps an asyncio loop on the main thread; Django would then refuse ORM
# calls from the test body (SynchronousOnlyOperation). The tests are synchronous, so this is safe.
# Set at import: the session-wide browser stays alive while later tests touch the database.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT = {"width": 1280, "height": 900}
# Screenshots go to var/screenshots on every run (look at them), or to EENPLAN_SCREENSHOT_DIR
# (CI runs the SQLite and PostgreSQL suites side by side, each into its own folder); with
# EENPLAN_UPDATE_SCREENSHOTS=1 they replace the ones in docs/screenshots that the README shows.
_ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = (
    _ROOT / "docs" / "screenshots"
    if os.environ.get("EENPLAN_UPDATE_SCREENSHOTS") == "1"
    else Path(os.environ.get("EENPLAN_SCREENSHOT_DIR") or _ROOT / "var" / "screenshots")
)
WACHTWOORD = "test-wachtwoord-123"
BLOKKEREND = {"serious", "critical"}


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        reden = "Chromium ontbreekt: apt-get install chromium"
        if os.environ.get("EENPLAN_REQUIRE_BROWSER") == "1":
            pytest.fail(f"{reden} (EENPLAN_REQUIRE_BROWSER=1)")
        pytest.skip(reden)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture
def context(browser: Any, live_server: Any) -> Iterator[Any]:
    ctx = browser.new_context(
        base_url=live_server.url, viewport=VIEWPORT, locale="nl-NL", timezone_id="Europe/Amsterdam"
    )
    ctx.set_default_timeout(10_000)
    yield ctx
    ctx.close()


@pytest.fixture
def page(context: Any) -> Iterator[Any]:
    """A page that fails the test when the browser blocked anything under the
    Content-Security-Policy (an inline script or style, eval, a foreign source)."""
    nieuwe = context.new_page()
    geweigerd: list[str] = []
    nieuwe.on(
        "console",
        lambda bericht: geweigerd.append(bericht.text)
        if "Content Security Policy" in bericht.text
        else None,
    )
    yield nieuwe
    assert not geweigerd, "De CSP blokkeerde iets:\n" + "\n".join(geweigerd)


# --- data -------------------------------------------------------------------------------------


@dataclass
class Gemeentedata:
    gemeente: Any
    wijken: dict[str, Any]
    generalist: Any
    privacy_officer: Any
    anna: Any
    henk: Any
    lotte: Any
    piet: Any
    huishouden: Any
    scenario: Any  # eenplan.testing.scenarios.MetInwoner: build the case on from here


@pytest.fixture
def gemeentedata(transactional_db: None) -> Gemeentedata:
    """The scenarios' municipality and resident (eenplan.testing.scenarios): Venlo with three
    wijken, generalist Sanne Peters of Wijkteam Noord (login `generalist`), the back office
    (login `backoffice`) and the catalogue; the Jansens in Noord (Anna and Henk share a
    household, Anna has a network with her daughter Lotte). Added here: Bram in Noord, Piet de
    Vries in Zuid, a privacy officer."""
    from eenplan.gemeente.constants import Rol
    from eenplan.testing import scenarios
    from eenplan.testing.factories import InwonerFactory, MedewerkerFactory

    s = scenarios.inwoner(scenarios.gemeente(vaste_gebruikersnamen=True, wachtwoord=WACHTWOORD))
    privacy_officer = MedewerkerFactory(
        gemeente=s.gemeente,
        functie=Rol.PRIVACY,
        username="privacy",
        password=WACHTWOORD,
        first_name="Ruud",
        last_name="Hermans",
    )
    InwonerFactory(
        gemeente=s.gemeente,
        wijk=s.wijken["Noord"],
        voornamen="Bram",
        achternaam="Jansen-Smit",
        geboortedatum=dt.date(2001, 1, 30),
        straat="Parade",
        huisnummer=5,
    )
    piet = InwonerFactory(
        gemeente=s.gemeente,
        wijk=s.wijken["Zuid"],
        voornamen="Piet",
        voorvoegsel="de",
        achternaam="Vries",
    )
    return Gemeentedata(
        gemeente=s.gemeente,
        wijken=s.wijken,
        generalist=s.generalist,
        privacy_officer=privacy_officer,
        anna=s.inwoner,
        henk=s.partner,
        lotte=s.dochter,
        piet=piet,
        huishouden=s.huishouden,
        scenario=s,
    )


# --- helpers ----------------------------------------------------------------------------------


def login_form(page: Any, username: str, password: str = WACHTWOORD) -> None:
    """Log in through the real login page."""
    page.goto("/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(lambda url: "/inloggen/" not in url)


def login_cookie(context: Any, live_server: Any, medewerker: Any) -> None:
    """Log in without the form (faster): a real session, its cookie put into the context."""
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(medewerker.user)
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )


def assert_styled(page: Any) -> None:
    """The stylesheets really loaded (the theme, the Utrecht components and eenplan.css), so the
    page shows the NL Design System look rather than plain HTML.

    Waits (up to 10 s) for a navigation that a click may just have started to finish, so a
    slow machine does not read the styles of a half-loaded page; missing CSS still fails."""
    page.wait_for_load_state("load")
    with contextlib.suppress(PlaywrightTimeout):
        page.wait_for_function(
            "() => getComputedStyle(document.body).display === 'grid'", timeout=10_000
        )
    stijl = page.evaluate("""() => {
        const css = (sel, prop) => {
            const el = document.querySelector(sel);
            return el ? getComputedStyle(el).getPropertyValue(prop).trim() : null;
        };
        return {
            token: css("html", "--basis-text-font-family-default"),
            body: css("body", "display"),
            eenplan: css("body", "grid-template-rows"),
            font: css("body", "font-family"),
        };
    }""")
    assert stijl["token"], "theme.css niet geladen: de designtokens ontbreken"
    assert stijl["body"] == "grid", "Utrecht-componenten (index.css) niet geladen"
    assert len(stijl["eenplan"].split()) == 3, "eenplan.css niet geladen"
    assert stijl["font"].replace('"', "'") == stijl["token"].replace('"', "'"), (
        f"Het lettertype komt niet uit het thema: {stijl['font']} (thema: {stijl['token']})"
    )


def assert_axe(page: Any, naam: str) -> dict[str, Any]:
    """Run axe-core on the page; fail on serious or critical violations, naming them."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    assert results.response["passes"], f"axe controleerde niets op {naam}"
    violations = results.response["violations"]
    ernstig = [v for v in violations if v.get("impact") in BLOKKEREND]
    if ernstig:
        regels = [
            f"{v['id']} ({v['impact']}): {v['help']} — "
            + ", ".join(str(n["target"]) for n in v["nodes"][:5])
            for v in ernstig
        ]
        pytest.fail(f"axe vond ernstige problemen op {naam}:\n" + "\n".join(regels))
    overig = [f"{v['id']} ({v.get('impact')})" for v in violations]
    if overig:
        print(f"axe op {naam}, niet blokkerend: {', '.join(overig)}")
    return results.response


def screenshot(page: Any, naam: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    pad = SCREENSHOTS / naam
    page.screenshot(path=str(pad), full_page=True)
    return pad


# --- toegang (meldingen) ----------------------------------------------------------------------


@dataclass
class Toegangdata:
    gemeente: Any
    midoffice: Any
    generalist: Any
    collega: Any
    anna: Any
    henk: Any
    henk_melding: Any
    overige: list[Any]


@pytest.fixture
def toegangdata(gemeentedata: Gemeentedata) -> Toegangdata:
    """gemeentedata plus the front door: a mid-office (Toegang, serving every wijk) with Mira
    Smeets; a second generalist in Wijkteam Noord (Kim de Wit, debts and mental health); an open
    melding about Henk (Anna's partner) still to be screened; two meldingen already with Sanne
    (one overdue, one nearly due) and a GP's youth referral the team must follow."""
    from eenplan.gemeente.constants import Rol
    from eenplan.meldingen import services
    from eenplan.meldingen.constants import Kanaal, MelderSoort
    from eenplan.testing.factories import InwonerFactory, MedewerkerFactory

    gemeente = gemeentedata.gemeente
    midoffice = gemeentedata.scenario.midoffice  # Mira Smeets of Toegang, every wijk
    wijkteam = gemeentedata.generalist.teams.get()
    collega = MedewerkerFactory(
        gemeente=gemeente,
        functie=Rol.GENERALIST,
        teams=[wijkteam],
        username="collega",
        password=WACHTWOORD,
        first_name="Kim",
        last_name="de Wit",
        expertises="schulden,ggz",
    )
    vandaag = timezone.localdate()

    def registreer(inwoner: Any, dagen_geleden: int, vraag: str, **extra: Any) -> Any:
        data: dict[str, Any] = {
            "gemeente": gemeente,
            "actor": midoffice.user,
            "melder_soort": MelderSoort.ZELF,
            "kanaal": Kanaal.TELEFOON,
            "domeinen": ["wmo"],
            "inwoner": inwoner,
            "vraag": vraag,
            "ontvangen_op": vandaag - dt.timedelta(days=dagen_geleden),
        }
        data.update(extra)
        return services.melding_register(**data)

    henk_melding = registreer(
        gemeentedata.henk,
        4,
        "Henk wil hulp bij de post en de rekeningen.",
        domeinen=["schulden"],
        kanaal=Kanaal.EMAIL,
    )
    verlopen = registreer(
        gemeentedata.lotte,
        50,
        "Lotte is overbelast door de zorg voor haar ouders en zoekt respijtzorg.",
        melder_soort=MelderSoort.NETWERK,
    )
    els = InwonerFactory(
        gemeente=gemeente,
        wijk=gemeentedata.wijken["Noord"],
        voornamen="Els",
        achternaam="Hendriks",
        geboortedatum=dt.date(1939, 9, 1),
        straat="Kloosterstraat",
        huisnummer=8,
    )
    bijna = registreer(
        els, 38, "Els kan na haar heupoperatie niet meer zelf douchen.", kanaal=Kanaal.BRIEF
    )
    for melding in (verlopen, bijna):
        services.melding_assign(
            melding=melding, actor=midoffice.user, medewerker=gemeentedata.generalist, team=wijkteam
        )
    daan = InwonerFactory(
        gemeente=gemeente,
        wijk=gemeentedata.wijken["Noord"],
        voornamen="Daan",
        achternaam="Jansen-Smit",
        geboortedatum=dt.date(2015, 4, 18),
        straat="Parade",
        huisnummer=5,
    )
    verwijzing = registreer(
        daan,
        2,
        "Verwijzing naar jeugd-GGZ wegens angstklachten.",
        melder_soort=MelderSoort.HUISARTS,
        melder_naam="Huisarts Verbeek",
        domeinen=["jeugd"],
        kanaal=Kanaal.VERWIJZING,
    )
    return Toegangdata(
        gemeente=gemeente,
        midoffice=midoffice,
        generalist=gemeentedata.generalist,
        collega=collega,
        anna=gemeentedata.anna,
        henk=gemeentedata.henk,
        henk_melding=henk_melding,
        overige=[verlopen, bijna, verwijzing],
    )


def controleer_portaalpagina(page: Any, naam: str) -> None:
    """A portal page: styled, axe-clean at 1280 px and at 390 px without sideways scrolling;
    screenshots at both widths."""
    assert_styled(page)
    assert_axe(page, naam)
    screenshot(page, f"portaal-{naam}.png")
    page.set_viewport_size({"width": 390, "height": 844})
    breedte = page.evaluate("document.documentElement.scrollWidth")
    assert breedte <= 390, f"{naam} is {breedte}px breed op een telefoon"
    assert_axe(page, f"{naam} (390 px)")
    screenshot(page, f"portaal-{naam}-390.png")
    page.set_viewport_size({"width": 1280, "height": 900})
