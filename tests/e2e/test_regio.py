"""A region in one installation in a browser (issue 16): Roos of a regional team works for Peel
en Maas and Weert, switches between them in the header, and sees each municipality's
werkvoorraad only — the other's resident is refused. Axe on the switch page at 1280 and 390 px."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .conftest import WACHTWOORD, assert_axe, assert_styled, login_cookie, screenshot

pytestmark = pytest.mark.browser


@pytest.fixture
def regiodata(transactional_db):
    from eenplan.testing import regio, scenarios

    scenarios.stamgegevens()
    return regio.bouw(wachtwoord=WACHTWOORD)


def test_regionale_medewerker_wisselt_van_gemeente(page, context, live_server, regiodata):
    login_cookie(context, live_server, regiodata.regionaal)
    page.set_default_navigation_timeout(60_000)  # the first request starts the live server
    page.goto("/meldingen/werkvoorraad/?weergave=mijn")
    kop = page.get_by_role("banner")
    expect(kop).to_contain_text("Peel en Maas")
    expect(page.get_by_role("main")).to_contain_text("Peeters")
    expect(page.get_by_role("main")).not_to_contain_text("Hendrikx")

    kop.get_by_role("link", name="Andere gemeente").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Gemeente kiezen")
    assert_styled(page)
    assert_axe(page, "gemeente kiezen")
    screenshot(page, "regio-gemeente-kiezen.png")
    page.get_by_role("button", name="Werk voor Weert").click()
    expect(page.get_by_role("status").first).to_contain_text("U werkt nu voor de gemeente Weert")
    expect(page.get_by_role("banner")).to_contain_text("Weert")

    page.goto("/meldingen/werkvoorraad/?weergave=mijn")
    expect(page.get_by_role("main")).to_contain_text("Hendrikx")
    expect(page.get_by_role("main")).not_to_contain_text("Peeters")
    # The resident of the other municipality: not found while Weert is chosen (a logged 404).
    response = page.goto(f"/inwoners/{regiodata.a.inwoner.pk}/")
    assert response is not None and response.status == 404

    # Back to Peel en Maas, on a phone.
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/gemeente-kiezen/")
    assert_axe(page, "gemeente kiezen 390")
    breedte = page.evaluate("document.documentElement.scrollWidth")
    assert breedte <= 390, f"the page scrolls sideways at 390 px ({breedte})"
    page.get_by_role("button", name="Werk voor Peel en Maas").click()
    expect(page.get_by_role("status").first).to_contain_text("Peel en Maas")
    response = page.goto(f"/inwoners/{regiodata.a.inwoner.pk}/")
    assert response is not None and response.status == 200


def test_beheerder_voegt_een_collega_uit_de_regio_toe_en_beeindigt_dat(
    page, context, live_server, regiodata
):
    """The functioneel beheerder of Weert lets the mid-office of Peel en Maas work for Weert
    too, and ends it again; axe on the page at 1280 and 390 px."""
    from eenplan.testing.factories import MedewerkerFactory

    beheer = MedewerkerFactory(
        gemeente=regiodata.b.gemeente, functie="beheer", username="beheer-weert"
    )
    collega = regiodata.a.midoffice.user
    login_cookie(context, live_server, beheer)
    page.set_default_navigation_timeout(60_000)
    page.goto("/functioneel-beheer/regio/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Medewerkers uit de regio")
    assert_styled(page)
    assert_axe(page, "regio in functioneel beheer")
    tabel = page.get_by_role("table")
    expect(tabel).to_contain_text(regiodata.login.username)
    expect(tabel).not_to_contain_text(collega.username)

    page.get_by_label("Gebruikersnaam").fill(collega.username)
    page.get_by_role("button", name="Toevoegen").click()
    expect(page.get_by_role("status").first).to_contain_text("werkt nu ook voor Weert")
    expect(page.get_by_role("table")).to_contain_text(collega.username)
    screenshot(page, "regio-beheer.png")

    naam = collega.get_full_name() or collega.username
    page.get_by_role("button", name=f"Lidmaatschap van {naam} beëindigen").click()
    expect(page.get_by_role("status").first).to_contain_text("niet meer voor Weert")
    expect(page.get_by_role("table")).to_contain_text("beëindigd per")

    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/functioneel-beheer/regio/")
    assert_axe(page, "regio in functioneel beheer 390")
