"""The inwonersportaal in a browser, part two (issue 13): Anna files an aanvraag herself without
signing her plan and sees by when the municipality decides; she asks the municipality what it
knows of her (AVG inzage) from her start page; a neighbour in her care circle reaches his
tasks from his own start page and marks one done. Every page: axe (no serious or critical
findings), the NL Design System styles, and at 390 px no sideways scrolling; screenshots in
var/screenshots (docs/screenshots with EENPLAN_UPDATE_SCREENSHOTS=1)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from eenplan.avg.models import AvgVerzoek
from eenplan.beschikkingen.models import Aanvraag
from eenplan.plannen.constants import PlanStatus
from eenplan.plannen.models import Actie
from eenplan.rules.aanvraag import beslissen_uiterlijk
from eenplan.testing import scenarios
from eenplan.testing.factories import ActieFactory, InwoneraccountFactory, KringToewijzingFactory

from .conftest import controleer_portaalpagina

pytestmark = pytest.mark.browser


def _inloggen(page, naam: str) -> None:
    """The development login, with the keyboard."""
    page.goto("/mijn/inloggen/")
    page.get_by_label("Log in als").select_option(label=naam)
    page.get_by_role("button", name="Inloggen").press("Enter")
    expect(page.get_by_role("heading", level=1)).to_be_visible()


def test_anna_doet_zelf_een_aanvraag_zonder_haar_plan_te_ondertekenen(page, gemeentedata):
    s = scenarios.plan(gemeentedata.scenario)  # onderzoek done, plan not signed
    InwoneraccountFactory(inwoner=s.inwoner)
    _inloggen(page, s.inwoner.naam)
    page.get_by_role("link", name="Aanvraag doen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Aanvraag doen")
    einde = beslissen_uiterlijk("wmo", s.vandaag)
    expect(page.locator("main")).to_contain_text(
        f"De gemeente beslist binnen 2 weken: uiterlijk {einde:%d-%m-%Y}"
    )
    controleer_portaalpagina(page, "aanvraag-doen")

    # Nothing filled in: refused in Dutch, nothing filed.
    page.get_by_role("button", name="Aanvraag versturen").click()
    expect(page.get_by_role("alert")).to_contain_text("Kies waarvoor u hulp vraagt")
    expect(page.get_by_role("alert")).to_contain_text("Schrijf op wat u aanvraagt.")
    assert not Aanvraag.objects.exists()
    controleer_portaalpagina(page, "aanvraag-doen-fout")

    page.get_by_label("Wmo (hulp thuis, vervoer, hulpmiddelen)").check()
    page.get_by_label("Wat vraagt u aan?").fill("Een traplift")
    page.get_by_label("Waarom hebt u dit nodig?").fill("De trap lukt niet meer.")
    page.get_by_label("Ik doe deze aanvraag. Wat ik schreef klopt.").press("Space")
    page.get_by_role("button", name="Aanvraag versturen").click()
    expect(page.get_by_role("status")).to_contain_text("Wij hebben uw aanvraag ontvangen")
    expect(page.get_by_role("status")).to_contain_text(f"uiterlijk {einde:%d-%m-%Y}")
    expect(page.locator("main")).to_contain_text("Een traplift")
    aanvraag = Aanvraag.objects.get(inwoner=s.inwoner)
    assert (aanvraag.omschrijving, aanvraag.beslissen_uiterlijk) == ("Een traplift", einde)
    s.plan.refresh_from_db()
    assert s.plan.status == PlanStatus.CONCEPT
    controleer_portaalpagina(page, "aanvraag-ontvangen")


def test_anna_vraagt_vanaf_haar_startpagina_welke_gegevens_de_gemeente_heeft(page, gemeentedata):
    s = scenarios.beschikt(gemeentedata.scenario)
    InwoneraccountFactory(inwoner=s.inwoner)
    _inloggen(page, s.inwoner.naam)
    page.get_by_role("region", name="Ook voor u").get_by_role(
        "link", name="Mijn gegevens (AVG)"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn gegevens")
    controleer_portaalpagina(page, "avg")
    page.get_by_label("Wat wilt u?").select_option("inzage")
    page.get_by_label("Uitleg (niet verplicht)").fill("Welke gegevens hebt u van mij?")
    page.get_by_role("button", name="Verzoek versturen").click()
    expect(page.get_by_role("status")).to_contain_text("Wij hebben uw verzoek ontvangen")
    verzoek = AvgVerzoek.objects.get(inwoner=s.inwoner)
    assert verzoek.soort == "inzage"
    expect(page.locator("main")).to_contain_text(
        f"wij antwoorden uiterlijk {verzoek.antwoord_uiterlijk.day}"
    )
    controleer_portaalpagina(page, "avg-verzoek-ontvangen")


def test_de_buurman_in_de_zorgkring_meldt_een_taak_gedaan(page, gemeentedata):
    s = scenarios.plan(gemeentedata.scenario)
    actie = ActieFactory(
        doel=s.doel, omschrijving="Dinsdag boodschappen doen", uitvoerder_soort="netwerk"
    )
    toewijzing = KringToewijzingFactory(actie=actie)
    buur = toewijzing.netwerkpersoon.als_inwoner
    InwoneraccountFactory(inwoner=buur)
    _inloggen(page, buur.naam)
    expect(page.get_by_role("region", name="Ook voor u")).to_contain_text("Uw zorgkring")
    controleer_portaalpagina(page, "overzicht-zorgkring")
    page.get_by_role("link", name="Uw zorgkring").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn taken in de zorgkring")
    controleer_portaalpagina(page, "zorgkring")
    page.get_by_role("button", name="Dit is gedaan (taak: Dinsdag boodschappen doen)").click()
    expect(page.get_by_role("status")).to_contain_text("De actie staat nu op gedaan")
    expect(page.locator("main")).to_contain_text("Gedaan op")
    assert Actie.objects.get(pk=actie.pk).gedaan_op == s.vandaag
    controleer_portaalpagina(page, "zorgkring-gedaan")
