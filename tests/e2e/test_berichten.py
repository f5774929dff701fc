"""The message traffic in a browser (issue 11): the contract manager reads the message log,
opens a rejected declaratie (its file shown as text, its return codes explained in Dutch),
the worklist and the budget with its chart and table. Axe (no serious or critical findings)
on each page at 1280 and 390 px; no page scrolls sideways on a phone; a script in a received
file stays text."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from playwright.sync_api import expect

from .conftest import WACHTWOORD, assert_axe, assert_styled, login_cookie, screenshot

pytestmark = pytest.mark.browser


@pytest.fixture
def berichtendata(gemeentedata) -> dict[str, Any]:
    from django.utils import timezone

    from eenplan.berichten.models import Prestatie, Toewijzing
    from eenplan.gemeente.constants import Rol
    from eenplan.testing.berichten import bericht
    from eenplan.testing.factories import (
        AanbiederFactory,
        ContractFactory,
        ContractProductFactory,
        MedewerkerFactory,
        VoorzieningFactory,
    )

    gemeente = gemeentedata.gemeente
    anna = gemeentedata.anna
    vandaag = timezone.localdate()
    cm = MedewerkerFactory(
        gemeente=gemeente,
        functie=Rol.CONTRACTMANAGER,
        username="contract",
        password=WACHTWOORD,
        first_name="Carla",
        last_name="Mertens",
    )
    aanbieder = AanbiederFactory(naam="Thuiszorg West")
    begeleiding = VoorzieningFactory(
        gemeente=gemeente,
        naam="Begeleiding individueel",
        productcategorie="02",
        productcode="02A05",
    )
    contract = ContractFactory(
        aanbieder=aanbieder, gemeente=gemeente, begin=dt.date(vandaag.year - 1, 1, 1)
    )
    ContractProductFactory(
        contract=contract,
        voorziening=begeleiding,
        tarief=Decimal("60.00"),
        eenheid="04",
        geldig_vanaf=dt.date(vandaag.year - 1, 1, 1),
    )
    Toewijzing.objects.create(
        gemeente=gemeente,
        inwoner=anna,
        aanbieder=aanbieder,
        wet="wmo",
        nummer=101,
        productcategorie="02",
        productcode="02A05",
        toewijzingsdatum=timezone.now(),
        ingangsdatum=dt.date(vandaag.year, 1, 1),
        volume=3,
        eenheid="04",
        frequentie="2",
    )
    bericht(gemeente, aanbieder, anna, code="301", richting="uit", status="retour_goedgekeurd")
    bericht(
        gemeente,
        aanbieder,
        anna,
        code="305",
        codes=["0200"],
        retour_uiterlijk=vandaag + dt.timedelta(days=2),
    )
    afgekeurd = bericht(gemeente, aanbieder, anna, codes=["9321"], status="deels_afgekeurd")
    for ref, bedrag, goed, codes in (("P1", 72_000, True, []), ("P2", 90_000, False, ["9321"])):
        Prestatie.objects.create(
            bericht=afgekeurd,
            bsn=anna.bsn,
            referentie=ref,
            toewijzing_nummer=101,
            productcategorie="02",
            productcode="02A05",
            begindatum=dt.date(vandaag.year, 1, 5),
            einddatum=dt.date(vandaag.year, 1, 31),
            volume=bedrag // 6000,
            eenheid="04",
            tarief=6000,
            bedrag=bedrag,
            goedgekeurd=goed,
            retourcodes=codes,
        )
    kwaad = bericht(
        gemeente,
        aanbieder,
        None,
        code="",
        status="onleesbaar",
        codes=["0001"],
        inhoud=b"<script>window.gehackt = 1</script><x>",
    )
    return {"cm": cm, "afgekeurd": afgekeurd, "kwaad": kwaad, "anna": anna}


def test_contractmanager_leest_berichten_en_budget(page, context, live_server, berichtendata):
    login_cookie(context, live_server, berichtendata["cm"])
    page.goto("/berichten/")
    assert_styled(page)
    expect(page.get_by_role("heading", name="Berichten met aanbieders")).to_be_visible()
    expect(page.get_by_role("link", name="Berichten", exact=True).first).to_be_visible()
    page.get_by_label("Afgekeurd").select_option("ja")
    page.get_by_role("button", name="Filteren").click()
    rij = page.get_by_role("row").filter(has_text="WMO323")
    expect(rij).to_contain_text("Deels afgekeurd")
    expect(rij).to_contain_text("9321")
    screenshot(page, "berichten-log.png")
    rij.get_by_role("link", name="WMO323").click()
    expect(page.get_by_role("heading", name="Retourcodes")).to_be_visible()
    expect(page.get_by_text("Er is meer gedeclareerd dan toegewezen").first).to_be_visible()
    expect(page.locator("pre.eenplan-xml")).to_contain_text("<wmo323:Bericht")
    assert_axe(page, "bericht")
    screenshot(page, "berichten-bericht.png")

    page.goto(f"/berichten/{berichtendata['kwaad'].pk}/")
    expect(page.locator("pre.eenplan-xml")).to_contain_text("<script>window.gehackt = 1</script>")
    assert page.evaluate("window.gehackt") is None

    page.goto("/berichten/budget/")
    expect(page.get_by_role("img", name="Budget")).to_be_visible()
    tabel = page.get_by_role("table", name=f"Budget {dt.date.today().year}")
    expect(tabel).to_contain_text("Thuiszorg West")
    expect(tabel).to_contain_text("€ 720,00")
    screenshot(page, "berichten-budget.png")


def test_axe_op_elke_berichtenpagina(page, context, live_server, berichtendata):
    login_cookie(context, live_server, berichtendata["cm"])
    paginas = [
        "/berichten/",
        f"/berichten/?inwoner={berichtendata['anna'].pk}",
        f"/berichten/{berichtendata['afgekeurd'].pk}/",
        "/berichten/werklijst/",
        "/berichten/budget/",
        "/berichten/retourcodes/",
    ]
    for breedte, hoogte in ((1280, 900), (390, 844)):
        page.set_viewport_size({"width": breedte, "height": hoogte})
        for pad in paginas:
            page.goto(pad)
            assert_styled(page)
            assert_axe(page, f"{pad} ({breedte} px)")
            if breedte == 390:
                breed = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
                assert breed <= 1, f"{pad} schuift {breed} px opzij op een telefoon"
    screenshot(page, "berichten-werklijst-390.png")
