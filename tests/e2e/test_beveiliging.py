"""Login security and the CSP in a real browser: two-factor enrolment and login, the API
docs under the strict Content-Security-Policy, the lock-out page."""

from __future__ import annotations

import re
import time
from base64 import b32decode

import pytest
from django_otp.oath import TOTP
from playwright.sync_api import expect

from .conftest import WACHTWOORD, assert_axe, assert_styled, login_cookie, login_form

pytestmark = pytest.mark.browser


def _code(key: bytes, stappen_verder: int = 0) -> str:
    totp = TOTP(key)
    totp.time = time.time() + 30 * stappen_verder
    return f"{totp.token():06d}"


def test_tweestapsverificatie_instellen_en_inloggen(page, context, settings, gemeentedata):
    settings.EENPLAN_2FA_VERPLICHT = True
    login_form(page, "generalist")
    expect(page.get_by_role("heading", level=1)).to_have_text("Tweestapsverificatie instellen")
    expect(page.locator(".eenplan-qr svg")).to_be_visible()
    assert_styled(page)
    assert_axe(page, "tweestapsverificatie instellen")
    geheim = page.locator("#geheim").inner_text().replace(" ", "")
    key = b32decode(geheim)
    page.get_by_label("Code uit de app").fill(_code(key))
    page.get_by_role("button", name="Instellen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Goedendag, Sanne")
    expect(page.get_by_role("status")).to_contain_text("Tweestapsverificatie is ingesteld")

    # Next login: password, then the code (the next one: a code is accepted only once).
    page.get_by_role("button", name="Uitloggen").click()
    login_form(page, "generalist")
    expect(page.get_by_role("heading", level=1)).to_have_text("Tweestapsverificatie")
    page.get_by_label("Code uit de app").fill("123")
    page.get_by_role("button", name="Controleren").click()
    expect(page.get_by_label("Code uit de app")).to_have_attribute("aria-invalid", "true")
    assert_axe(page, "tweestapsverificatie met foutmelding")
    page.wait_for_timeout(1100)  # the back-off after a wrong code is one second
    page.get_by_label("Code uit de app").fill(_code(key, stappen_verder=1))
    page.get_by_role("button", name="Controleren").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Goedendag, Sanne")


def test_api_documentatie_onder_de_csp(page, context, live_server, gemeentedata):
    login_cookie(context, live_server, gemeentedata.generalist)
    page.goto("/api/docs/")
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("eenplan API")
    expect(page.locator(".opblock").first).to_be_visible()


def test_zoeken_met_htmx_onder_de_csp(page, context, live_server, gemeentedata):
    login_cookie(context, live_server, gemeentedata.generalist)
    page.goto("/inwoners/")
    page.get_by_role("searchbox", name="Zoek een inwoner").fill("jansen")
    expect(page.get_by_role("heading", level=2)).to_have_text("4 inwoners gevonden")
    expect(page).to_have_url(re.compile(r"q=jansen"))


def test_blokkade_na_vijf_foute_wachtwoorden(page, gemeentedata):
    for _ in range(5):
        page.goto("/inloggen/")
        page.get_by_label("Gebruikersnaam").fill("generalist")
        page.get_by_label("Wachtwoord").fill("geraden")
        page.get_by_role("button", name="Inloggen").click()
        page.wait_for_load_state()
    page.goto("/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("generalist")
    page.get_by_label("Wachtwoord").fill(WACHTWOORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Inloggen tijdelijk geblokkeerd")
    assert_axe(page, "blokkade")
