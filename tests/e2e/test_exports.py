"""The SVB and CAK exports in a browser (issue 16, docs/exports.md): the back office picks a
month with a mistake first (a Dutch message, no task), then right, and is led to the task's page,
where the CSV is offered for download when it is ready. Axe at 1280 and 390 px."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from .conftest import assert_axe, assert_styled, login_cookie, screenshot

pytestmark = pytest.mark.browser


def _controleer(page: Any, naam: str) -> None:
    assert_styled(page)
    assert_axe(page, naam)
    screenshot(page, f"exports-{naam}.png")
    page.set_viewport_size({"width": 390, "height": 844})
    breedte = page.evaluate("document.documentElement.scrollWidth")
    assert breedte <= 390, f"{naam} is {breedte}px breed op een telefoon"
    assert_axe(page, f"{naam} (390 px)")
    page.set_viewport_size({"width": 1280, "height": 900})


def test_the_back_office_starts_an_export_and_downloads_it(
    page, context, live_server, gemeentedata, settings
):
    from eenplan.taken.models import Taak

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    login_cookie(context, live_server, gemeentedata.scenario.backoffice)
    page.goto("/beschikkingen/")
    page.get_by_role("navigation", name="Beschikkingen").get_by_role("link", name="Exports").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Exports voor de SVB en het CAK")
    _controleer(page, "pagina")

    cak = page.locator("form", has=page.get_by_role("button", name="Export voor het CAK maken"))
    cak.get_by_label("Maand").fill("2024-13")
    cak.get_by_role("button", name="Export voor het CAK maken").click()
    expect(page.get_by_role("alert").first).to_contain_text("Geef de maand als JJJJ-MM")
    assert not Taak.objects.exists()
    _controleer(page, "fout")

    cak = page.locator("form", has=page.get_by_role("button", name="Export voor het CAK maken"))
    cak.get_by_label("Maand").fill("2024-05")
    cak.get_by_role("button", name="Export voor het CAK maken").click()
    page.wait_for_url(re.compile(r"/taken/\d+/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Export voor het CAK")
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile("cak-eigen-bijdrage-2024-05.csv")).click()
    assert download.value.suggested_filename == "cak-eigen-bijdrage-2024-05.csv"
    _controleer(page, "taak")
