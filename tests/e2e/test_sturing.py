"""Stuurinformatie in a browser (issue 12): a council member opens the indicators from the menu,
splits one by channel and sees its trend as a chart with the table beside it; small cells read
"niet getoond". Axe (no serious or critical findings) on both pages at 1280 and 390 px, and no
page scrolls sideways on a phone. The screenshot is the one in the README."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from playwright.sync_api import expect

from .conftest import WACHTWOORD, assert_axe, assert_styled, login_cookie, screenshot

pytestmark = pytest.mark.browser


@pytest.fixture
def raadslid(gemeentedata) -> Any:
    """gemeentedata plus meldingen over the last six months in Noord and Zuid (most by phone,
    a few by web form or letter) and a snapshot of each month, and a council member."""
    from eenplan.gemeente.constants import Rol
    from eenplan.meldingen.models import Melding
    from eenplan.sturing.services import momentopname_take
    from eenplan.testing.factories import InwonerFactory, MedewerkerFactory, MeldingFactory

    gemeente = gemeentedata.gemeente
    vandaag = dt.date.today()
    kanalen = ["telefoon"] * 5 + ["web"] * 3 + ["brief"]
    for maand in range(6):
        for n in range(6 + maand):
            wijk = gemeentedata.wijken["Noord" if n % 2 else "Zuid"]
            melding = MeldingFactory(
                inwoner=InwonerFactory(gemeente=gemeente, wijk=wijk),
                kanaal=kanalen[n % len(kanalen)],
                melder_soort="netwerk" if n % 4 == 0 else "zelf",
                melder_naam="Dochter" if n % 4 == 0 else "",
            )
            Melding.objects.filter(pk=melding.pk).update(
                ontvangen_op=vandaag - dt.timedelta(days=30 * maand + 3)
            )
    for maand in range(6):
        momentopname_take(
            gemeente_id=gemeente.pk, maand=vandaag - dt.timedelta(days=30 * maand + 3)
        )
    return MedewerkerFactory(
        gemeente=gemeente,
        functie=Rol.RAADSLID,
        username="raadslid",
        password=WACHTWOORD,
        first_name="Gerard",
        last_name="Hermans",
    )


def _geen_horizontaal_scrollen(page: Any) -> None:
    breedte = page.evaluate("document.documentElement.scrollWidth")
    assert breedte <= page.viewport_size["width"], breedte


def test_raadslid_bekijkt_stuurinformatie(page, context, live_server, raadslid):
    login_cookie(context, live_server, raadslid)
    page.goto("/")
    menu = page.get_by_role("navigation", name="Hoofdmenu")
    expect(menu.get_by_role("link", name="Inwoners")).to_have_count(0)
    menu.get_by_role("link", name="Stuurinformatie").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Stuurinformatie")
    assert_styled(page)
    assert_axe(page, "stuurinformatie")

    page.get_by_role("link", name="Meldingen", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Meldingen")
    page.get_by_label("Verdeel naar").select_option("kanaal")
    page.get_by_role("button", name="Toon").click()
    tabel = page.get_by_role("table", name="Meldingen per kanaal")
    expect(tabel).to_be_visible()
    # Letters: one a month at most -> fewer than five in the year, not shown.
    expect(tabel.get_by_role("row", name="Brief")).to_contain_text("niet getoond")
    grafiek = page.get_by_role("img", name="Trend: Meldingen")
    expect(grafiek).to_be_visible()
    expect(page.get_by_role("table", name="De trend als tabel")).to_be_visible()
    assert_axe(page, "indicator meldingen per kanaal")
    screenshot(page, "sturing-indicator.png")

    page.set_viewport_size({"width": 390, "height": 844})
    _geen_horizontaal_scrollen(page)
    assert_axe(page, "indicator op 390 px")
    page.goto("/sturing/")
    _geen_horizontaal_scrollen(page)
