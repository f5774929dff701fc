"""Long work as a task in a browser (issue 16, ADR 0048): the policy officer starts the monthly
snapshots from /sturing/, lands on the task's page, which says it waits for the worker; the
worker (`eenplan db_worker --batch`) runs it while the page polls, and the page shows the
outcome and stops polling. "Mijn taken" lists it. Axe (no serious or critical findings) on the
task page waiting and done, and on "Mijn taken", at 1280 and 390 px."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from .conftest import WACHTWOORD, assert_axe, assert_styled, login_cookie, screenshot

pytestmark = pytest.mark.browser


@pytest.fixture
def beleidsmedewerker(gemeentedata) -> Any:
    from eenplan.gemeente.constants import Rol
    from eenplan.testing.factories import MedewerkerFactory

    return MedewerkerFactory(
        gemeente=gemeentedata.gemeente,
        functie=Rol.BELEID,
        username="beleid",
        password=WACHTWOORD,
        first_name="Fleur",
        last_name="Janssen",
    )


def test_snapshots_as_a_task_with_visible_progress(page, context, live_server, beleidsmedewerker):
    from eenplan.taken.models import Taak

    login_cookie(context, live_server, beleidsmedewerker)
    page.goto("/sturing/")
    formulier = page.get_by_role("region", name="Momentopnamen maken")
    expect(formulier.get_by_label("Eerste maand")).to_have_value(re.compile(r"^\d{4}-\d{2}$"))
    formulier.get_by_role("button", name="Momentopnamen maken").click()
    page.wait_for_url(re.compile(r"/taken/\d+/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Momentopnamen van de stuurinformatie maken"
    )
    voortgang = page.locator("#taak-voortgang")
    expect(voortgang).to_contain_text("wacht op de verwerker")
    expect(page.get_by_role("progressbar", name="Voortgang")).to_be_visible()
    assert_styled(page)
    assert_axe(page, "taak die wacht")
    screenshot(page, "taak-wacht.png")

    polls: list[int] = []
    page.on(
        "response",
        lambda r: polls.append(r.status) if "/voortgang/" in r.url else None,
    )
    # The worker runs what waits (the database backend of `make run`), then stops.
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    taak = Taak.objects.get()
    assert taak.status == "klaar", taak.fout
    expect(voortgang).to_contain_text("Klaar", timeout=10_000)
    expect(voortgang).to_contain_text("1 maand")
    expect(page.get_by_role("progressbar", name="Voortgang")).to_have_attribute("value", "100")
    # The poll that found it done answered 286: htmx polls no more.
    page.wait_for_timeout(4500)
    assert polls and polls[-1] == 286 and polls.count(286) == 1, polls
    assert_axe(page, "taak klaar")
    screenshot(page, "taak-klaar.png")
    page.set_viewport_size({"width": 390, "height": 844})
    assert_axe(page, "taak klaar (390 px)")
    page.set_viewport_size({"width": 1280, "height": 900})

    expect(page.get_by_role("link", name="Terug naar waar de taak werd gestart")).to_have_attribute(
        "href", "/sturing/"
    )
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Mijn taken").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn taken")
    rij = page.get_by_role("row", name=re.compile("Momentopnamen van de stuurinformatie"))
    expect(rij).to_contain_text("Klaar")
    assert_axe(page, "mijn taken")
    screenshot(page, "mijn-taken.png")
    page.set_viewport_size({"width": 390, "height": 844})
    assert_axe(page, "mijn taken (390 px)")


def test_a_task_without_progress_says_so_and_is_accessible(
    page, context, live_server, beleidsmedewerker
):
    """A worker that died leaves its task 'Bezig': after five quiet minutes the page says so."""
    import datetime as dt

    from django.utils import timezone

    from eenplan.taken.models import Taak

    taak = Taak.objects.create(
        soort="momentopnamen", gemeente=beleidsmedewerker.gemeente,
        gestart_door=beleidsmedewerker.user, status="bezig", gedaan=3, totaal=12,
        stap="Maand 2026-03", begonnen=timezone.now() - dt.timedelta(minutes=20),
    )
    # Started 21 minutes ago, begun a minute later, last progress 12 minutes ago (the page shows
    # Gestart, Begonnen and the silence in that order).
    Taak.objects.filter(pk=taak.pk).update(
        created_at=timezone.now() - dt.timedelta(minutes=21),
        updated_at=timezone.now() - dt.timedelta(minutes=12),
    )
    login_cookie(context, live_server, beleidsmedewerker)
    page.goto(f"/taken/{taak.pk}/")
    voortgang = page.locator("#taak-voortgang")
    expect(voortgang).to_contain_text("geen voortgang gemeld")
    expect(voortgang).to_contain_text("25% (3 van 12)")
    assert_styled(page)
    assert_axe(page, "taak zonder voortgang")
    screenshot(page, "taak-stil.png")
