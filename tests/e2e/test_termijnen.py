"""Adding a holiday in a browser (issue 16, ADR 0049): the functioneel beheerder adds a day
declared equal to a holiday on the settings page and is led to the progress page of the task
that recomputes the deadlines, which says how many moved; the generalist then reads "verschoven
… door feestdag …" on the resident's timeline. Axe at 1280 and 390 px on the progress page."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from .conftest import WACHTWOORD, assert_axe, assert_styled, login_cookie, screenshot

pytestmark = pytest.mark.browser


def _controleer(page: Any, naam: str) -> None:
    assert_styled(page)
    assert_axe(page, naam)
    screenshot(page, f"termijnen-{naam}.png")
    page.set_viewport_size({"width": 390, "height": 844})
    breedte = page.evaluate("document.documentElement.scrollWidth")
    assert breedte <= 390, f"{naam} is {breedte}px breed op een telefoon"
    assert_axe(page, f"{naam} (390 px)")
    screenshot(page, f"termijnen-{naam}-390.png")
    page.set_viewport_size({"width": 1280, "height": 900})


def test_adding_a_holiday_shows_the_recomputation_and_the_timeline(
    page, context, live_server, gemeentedata, settings
):
    from eenplan.gemeente.constants import Rol
    from eenplan.meldingen.models import Melding
    from eenplan.testing.factories import MedewerkerFactory, MeldingFactory

    beheerder = MedewerkerFactory(
        gemeente=gemeentedata.gemeente,
        functie=Rol.FUNCTIONEEL_BEHEER,
        username="beheer",
        password=WACHTWOORD,
        first_name="Bert",
        last_name="Verhoeven",
    )
    # The live server runs the task in the request (no worker in a browser test).
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    melding = MeldingFactory(inwoner=gemeentedata.anna)
    dag = melding.onderzoek_uiterlijk

    login_cookie(context, live_server, beheerder)
    page.goto("/functioneel-beheer/instellingen/")
    formulier = page.locator("form", has=page.get_by_role("button", name="Dag toevoegen"))
    formulier.get_by_label("Datum").fill(dag.isoformat())
    formulier.get_by_label("Omschrijving").fill("Vrijdag na Hemelvaartsdag")
    formulier.get_by_label("Bron").fill("Stcrt. 2026, 4242")
    formulier.get_by_role("button", name="Dag toevoegen").click()

    page.wait_for_url(re.compile(r"/taken/\d+/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text(
        "Termijnen herberekenen na een nieuwe feestdag"
    )
    expect(page.get_by_text("Klaar", exact=False).first).to_be_visible()
    expect(page.locator("main")).to_contain_text("1 termijn(en) verschoven door feestdag")
    _controleer(page, "voortgang")

    melding.refresh_from_db()
    assert melding.onderzoek_uiterlijk > dag
    assert Melding.objects.get(pk=melding.pk).gebeurtenissen.filter(
        soort="termijn_verschoven"
    ).exists()

    context.clear_cookies()
    login_cookie(context, live_server, gemeentedata.generalist)
    page.goto(f"/inwoners/{gemeentedata.anna.pk}/")
    expect(page.locator("main")).to_contain_text(
        f"Termijn van het onderzoek verschoven van {dag:%d-%m-%Y} naar "
        f"{melding.onderzoek_uiterlijk:%d-%m-%Y} door feestdag {dag:%d-%m-%Y}"
    )
