"""Letters in a browser (issue 10): a functioneel beheerder uploads the logo and chooses the send
channels, edits the letter template of the decision on bezwaar and sees the live preview change
as they type; a bezwaar is decided and its letter goes out by post (the channel's state on the
page); the Awb 4:14 worklist sends the notice that a decision will be late. Axe on each page;
screenshots in var/screenshots."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from .conftest import WACHTWOORD, assert_axe, assert_styled, login_cookie, screenshot

pytestmark = pytest.mark.browser


def _png(tmp_path: Path) -> Path:
    from PIL import Image, ImageDraw

    beeld = Image.new("RGBA", (480, 160), (0, 0, 0, 0))
    ImageDraw.Draw(beeld).rectangle((10, 10, 470, 150), fill=(0, 94, 170, 255))
    pad = tmp_path / "logo.png"
    beeld.save(pad, format="PNG")
    return pad


@pytest.fixture
def beheerder(gemeentedata) -> Any:
    from eenplan.gemeente.constants import Rol
    from eenplan.testing.factories import MedewerkerFactory

    return MedewerkerFactory(
        gemeente=gemeentedata.gemeente, functie=Rol.FUNCTIONEEL_BEHEER, username="beheer",
        password=WACHTWOORD, first_name="Bert", last_name="Verhoeven",
    )  # fmt: skip


def test_beheerder_zet_logo_en_bewerkt_sjabloon_met_voorbeeld(
    page, context, live_server, beheerder, tmp_path
):
    login_cookie(context, live_server, beheerder)
    page.goto("/functioneel-beheer/gemeente/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Gegevens van de gemeente")
    logo_bestand = _png(tmp_path)
    page.locator("input[type=file]").set_input_files(
        {"name": "logo.png", "mimeType": "image/png", "buffer": logo_bestand.read_bytes()}
    )
    page.get_by_label("E-mailbericht dat er een brief is (zonder de inhoud)").check()
    page.get_by_role("button", name="Gegevens opslaan").click()
    expect(page.get_by_text("De gegevens van de gemeente zijn opgeslagen.")).to_be_visible()
    logo = page.get_by_role("img", name="Logo van de gemeente")
    expect(logo).to_be_visible()
    # Visible is not loaded: wait for the image itself (a busy machine serves it later).
    page.wait_for_function(
        "(img) => img.complete && img.naturalWidth > 0", arg=logo.element_handle()
    )
    assert page.evaluate("(img) => img.naturalWidth", logo.element_handle()) == 480
    assert_styled(page)
    assert_axe(page, "gegevens van de gemeente")
    screenshot(page, "beheer-gemeente.png")

    page.goto("/beschikkingen/sjablonen/?soort=beslissing_op_bezwaar")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Briefsjabloon: beslissing op bezwaar"
    )
    voorbeeld = page.locator("#sjabloon-voorbeeld")
    expect(voorbeeld).to_contain_text("Uw bezwaar is ongegrond.")
    veld = page.get_by_label("Tekst van de brief")
    tekst = veld.input_value().replace(
        "Met vriendelijke groet,", "Met hartelijke groet van de bezwaarcommissie,"
    )
    veld.fill(tekst)
    expect(voorbeeld).to_contain_text("Met hartelijke groet van de bezwaarcommissie,")
    # Leaving out the beroep clause's day shows what is wrong, live.
    veld.fill(tekst.replace("$beroep_uiterlijk", "later"))
    expect(voorbeeld).to_contain_text("$beroep_uiterlijk moet in de brief staan")
    veld.fill(tekst)
    page.get_by_label("Wat is er veranderd?").fill("Warmere groet")
    page.get_by_role("button", name="Nieuwe versie opslaan").click()
    gelukt = page.get_by_text("Versie 1 van de beslissing op bezwaar is opgeslagen.")
    expect(gelukt).to_be_visible()
    expect(page.get_by_role("table")).to_contain_text("Warmere groet")
    assert_axe(page, "briefsjabloon beslissing op bezwaar")
    screenshot(page, "sjabloon-beslissing-op-bezwaar.png")


def test_bezwaar_beslissen_en_de_brief_gaat_per_post(
    page, context, live_server, gemeentedata, settings, tmp_path
):
    from eenplan.bezwaren import services as bezwaren
    from eenplan.testing import scenarios
    from eenplan.testing.helpers import verzonden

    settings.EENPLAN_POST_MAP = str(tmp_path / "post")
    s = scenarios.ondertekend(gemeentedata.scenario)
    vandaag = timezone.localdate()
    b = verzonden(s.aanvraag, s.voorzieningen["hh"], s.backoffice.user)
    bezwaar = bezwaren.bezwaar_register(
        beschikking=b, inwoner=gemeentedata.anna, ontvangen_op=vandaag,
        gronden="Drie uur is te weinig.", ingediend_door="Anna Jansen", actor=s.backoffice.user,
    )  # fmt: skip
    login_cookie(context, live_server, s.backoffice)
    page.goto(f"/beschikkingen/bezwaren/{bezwaar.pk}/")
    page.get_by_text("Beslissen op het bezwaar").click()
    page.get_by_label("Ongegrond").check()
    page.get_by_label("Motivering").fill("Drie uur past bij wat u nodig heeft.")
    page.get_by_role("button", name="Beslissing vastleggen").click()
    expect(
        page.get_by_role("heading", name="Beslissing op bezwaar, zoals verzonden")
    ).to_be_visible()
    page.reload()
    expect(page.get_by_text("Post: verzonden")).to_be_visible()
    expect(page.locator("article.eenplan-brief")).to_contain_text("Uw bezwaar is ongegrond.")
    assert_axe(page, "bezwaar beslist")
    screenshot(page, "bezwaar-beslist-verzonden.png")
    bezwaar.refresh_from_db()
    pdf = (
        Path(settings.EENPLAN_POST_MAP) / gemeentedata.gemeente.cbs_code / f"{bezwaar.kenmerk}.pdf"
    )
    assert pdf.read_bytes() == bytes(bezwaar.brief_pdf)
    page.goto("/beschikkingen/verzendingen/?alle=1")
    expect(page.get_by_role("table")).to_contain_text(bezwaar.kenmerk)
    assert_axe(page, "verzending van brieven")


def test_werklijst_4_14_stuurt_het_bericht(page, context, live_server, gemeentedata):
    from eenplan.beschikkingen import services as beschikkingen
    from eenplan.testing import scenarios

    s = scenarios.ondertekend(gemeentedata.scenario)
    vandaag = timezone.localdate()
    aanvraag = beschikkingen.aanvraag_register(
        inwoner=gemeentedata.henk, omschrijving="Begeleiding individueel", wet="wmo",
        ontvangen_op=vandaag - dt.timedelta(days=12), ingediend_door="Henk Jansen",
        door=s.generalist.user,
    )  # fmt: skip
    login_cookie(context, live_server, s.backoffice)
    page.goto("/beschikkingen/vertraging/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Besluit komt later (Awb 4:14)")
    rij = page.get_by_role("row").filter(has_text="Begeleiding individueel")
    rij.get_by_text("Brief: besluit komt later").click()
    rij.get_by_label("Waarom komt het besluit later?").fill("Wij wachten op het advies.")
    rij.get_by_label("Besluit uiterlijk op").fill(
        (aanvraag.beslissen_uiterlijk + dt.timedelta(days=14)).isoformat()
    )
    assert_axe(page, "werklijst 4:14")
    screenshot(page, "werklijst-vertraging.png")
    rij.get_by_role("button", name="Brief versturen").click()
    expect(page.get_by_text("krijgt een brief dat het besluit later komt")).to_be_visible()
    expect(page.get_by_role("table")).not_to_contain_text("Begeleiding individueel")
    aanvraag.refresh_from_db()
    assert "Wij wachten op het advies." in aanvraag.vertraging_brief
