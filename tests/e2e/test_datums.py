"""Dates in tables stay on one line on a phone (390 px): a date cell carries `eenplan-datum`
(white-space: nowrap); a table wider than the screen scrolls inside its own container, the
page itself never sideways. Screenshots: var/screenshots/datums-*-390.png (look at them)."""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import SCREENSHOTS, assert_styled, login_cookie, screenshot

pytestmark = pytest.mark.browser

SMAL = {"width": 390, "height": 844}

# Per date (an element with the class): the number of line boxes its text takes.
REGELS_PER_DATUM = """() => [...document.querySelectorAll('.eenplan-datum')].map(e => {
  const r = document.createRange(); r.selectNodeContents(e);
  const tops = new Set([...r.getClientRects()].map(x => Math.round(x.top)));
  return [e.textContent.trim(), tops.size];
})"""


def _op_een_telefoon(page: Any, naam: str) -> list[tuple[str, int]]:
    assert_styled(page)
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    screenshot(page, f"datums-{naam}-390.png")
    # And the screen itself with the first table with dates in view (the detail to look at).
    page.locator("table:has(.eenplan-datum)").first.scroll_into_view_if_needed()
    page.screenshot(path=str(SCREENSHOTS / f"datums-{naam}-390-tabel.png"))
    breed = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert breed <= 0, f"{naam} schuift {breed} px opzij op 390 px"
    datums = [tuple(d) for d in page.evaluate(REGELS_PER_DATUM)]
    assert datums, f"{naam}: geen datumcellen gevonden"
    gebroken = [tekst for tekst, regels in datums if regels != 1]
    assert not gebroken, f"{naam}: datums over meer regels: {gebroken}"
    return datums


def test_datums_in_tabellen_breken_niet_op_390_px(page, context, live_server, gemeentedata):
    from eenplan.testing import scenarios

    s = scenarios.beschikt(scenarios.toegewezen(gemeentedata.scenario))
    page.set_viewport_size(SMAL)
    login_cookie(context, live_server, s.generalist)
    page.goto(f"/inwoners/{s.inwoner.pk}/?doel=onderzoek")
    datums = _op_een_telefoon(page, "dossier")
    assert any(tekst.count("-") == 2 for tekst, _ in datums)  # the provision's dates

    from eenplan.meldingen.services import melding_register

    melding_register(  # an open melding: the one of the case is closed by its plan
        gemeente=s.gemeente,
        actor=s.midoffice.user,
        inwoner=s.inwoner,
        melder_soort="zelf",
        kanaal="telefoon",
        vraag="Ik kan de trap niet meer op.",
        ontvangen_op=s.vandaag,
        domeinen=["wmo"],
    )
    login_cookie(context, live_server, s.midoffice)
    page.goto("/meldingen/werkvoorraad/?weergave=alle")
    _op_een_telefoon(page, "werkvoorraad")
