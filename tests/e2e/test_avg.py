"""Browser test of issue 17 (residents' rights, retention): the privacy officer records Anna's
inzage request, opens it, downloads the overview and decides it; the retention worklist shows
an old complaint that may go and Anna's that may not (her bezwaar runs); a second officer
approves the destruction list. Every page axe-clean (no serious or critical findings), styled,
at 1280 px and at 390 px without sideways scrolling; screenshots."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from eenplan.avg.models import AvgVerzoek
from eenplan.bezwaren.models import Klacht
from eenplan.gemeente.constants import Rol
from eenplan.testing import scenarios
from eenplan.testing.factories import KlachtFactory, MedewerkerFactory

from .conftest import WACHTWOORD, assert_axe, assert_styled, login_form, screenshot

pytestmark = pytest.mark.browser


def _controleer(page, naam: str) -> None:
    assert_styled(page)
    assert_axe(page, naam)
    screenshot(page, f"avg-{naam}.png")
    page.set_viewport_size({"width": 390, "height": 844})
    breedte = page.evaluate("document.documentElement.scrollWidth")
    assert breedte <= 390, f"{naam} is {breedte}px breed op een telefoon"
    assert_axe(page, f"{naam} (390 px)")
    page.set_viewport_size({"width": 1280, "height": 900})


def _oude_klacht(inwoner) -> Klacht:
    klacht = KlachtFactory(inwoner=inwoner, afgehandeld=True)
    oud = dt.date.today() - dt.timedelta(days=6 * 366)
    Klacht.objects.filter(pk=klacht.pk).update(afgehandeld_op=oud, ontvangen_op=oud)
    return klacht


def test_de_privacy_officer_handelt_een_inzage_af_en_vernietigt_met_vier_ogen(page, gemeentedata):
    s = scenarios.bezwaar(gemeentedata.scenario)  # Anna's bezwaar runs
    vrij = _oude_klacht(gemeentedata.henk)
    _oude_klacht(gemeentedata.anna)
    MedewerkerFactory(
        gemeente=s.gemeente, functie=Rol.PRIVACY, username="privacy2", password=WACHTWOORD
    )

    login_form(page, "privacy")
    page.goto("/avg/verzoeken/nieuw/")
    page.get_by_role("button", name="Verzoek vastleggen").click()
    expect(page.get_by_role("alert")).to_be_visible()
    _controleer(page, "verzoek-fout")
    page.get_by_label("BSN van de inwoner").fill(s.inwoner.bsn)
    page.get_by_label("Soort verzoek").select_option("inzage")
    page.get_by_label("Wat vraagt de inwoner?").fill("Wat weet de gemeente van mij?")
    page.get_by_role("button", name="Verzoek vastleggen").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Gegevens inzien")
    _controleer(page, "verzoek")
    with page.expect_download() as download:
        page.get_by_role("link", name="Overzicht als PDF (leesbaar)").click()
    assert download.value.suggested_filename.endswith(".pdf")
    page.get_by_label("Besluit").select_option("toekennen")
    page.get_by_label("Antwoord aan de inwoner").fill("Hierbij het overzicht van uw gegevens.")
    page.get_by_role("button", name="Afhandelen").click()
    expect(page.get_by_text("Het verzoek is afgehandeld.")).to_be_visible()
    assert AvgVerzoek.objects.get().status == "toegekend"
    page.goto("/avg/verzoeken/?status=")
    expect(page.get_by_role("table")).to_contain_text(s.inwoner.naam)
    _controleer(page, "verzoeken")

    page.goto("/avg/bewaren/")
    expect(page.get_by_text("Er loopt een bezwaar")).to_be_visible()
    _controleer(page, "bewaren")
    page.get_by_role("button", name="Vernietigingslijst voorstellen").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("voorgesteld")
    _controleer(page, "vernietigingslijst")

    page.context.clear_cookies()
    login_form(page, "privacy2")
    page.goto("/avg/vernietigingen/")
    _controleer(page, "vernietigingen")
    page.get_by_role("link", name=re.compile(r"^Lijst \d+$")).first.click()
    page.get_by_role("button", name="Goedkeuren en vernietigen").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("vernietigd")
    assert not Klacht.objects.filter(pk=vrij.pk).exists()
    assert Klacht.objects.filter(inwoner=gemeentedata.anna).exists()
    # the verklaring van vernietiging (Archiefbesluit 1995 art. 8): per category, no resident
    verklaring = page.get_by_role("table", name="Vernietigd per categorie van de selectielijst")
    expect(page.get_by_role("heading", name="Verklaring van vernietiging")).to_be_visible()
    expect(verklaring).to_contain_text("13.1")
    expect(verklaring).not_to_contain_text(gemeentedata.henk.achternaam)
    _controleer(page, "vernietigd")


def test_de_privacy_officer_vernietigt_jeugdgegevens_op_verzoek(page, gemeentedata):
    from eenplan.avg.services import avg_verzoek_register
    from eenplan.beschikkingen.models import Aanvraag
    from eenplan.testing.factories import (
        AanvraagFactory,
        BeschikkingFactory,
        InwonerFactory,
        MeldingFactory,
        VoorzieningFactory,
    )

    s = gemeentedata.scenario
    kind = InwonerFactory(gemeente=s.gemeente, wijk=s.wijken["Noord"], kind=True)
    aanvraag = AanvraagFactory(inwoner=kind, jeugd=True)
    BeschikkingFactory(
        aanvraag=aanvraag,
        voorziening=VoorzieningFactory(jeugd=True, gemeente=s.gemeente),
        verzonden=True,
    )
    # also about the household's income: the Participatiewet gives no right, so it stays
    gemengd = MeldingFactory(inwoner=kind, domeinen=["jeugd", "participatie"])
    fg = MedewerkerFactory(gemeente=s.gemeente, functie=Rol.PRIVACY).user
    verzoek = avg_verzoek_register(inwoner=kind, soort="vernietiging", actor=fg)

    login_form(page, "privacy")
    page.goto(f"/avg/verzoeken/{verzoek.pk}/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Gegevens laten vernietigen")
    beoordeling = page.get_by_role("heading", name="Wat er wordt vernietigd als u toekent")
    expect(beoordeling).to_be_visible()
    expect(page.locator("main")).to_contain_text(f"AANVRAAG-{aanvraag.ontvangen_op:%Y}")
    _controleer(page, "vernietiging-op-verzoek")
    # refusing without the legal ground: told so, nothing changed
    page.get_by_label("Besluit").select_option("afwijzen")
    page.get_by_label("Antwoord aan de inwoner").fill("Nee.")
    page.get_by_role("button", name="Afhandelen").click()
    expect(page.get_by_role("alert")).to_contain_text("Kies de wettelijke grond")
    assert AvgVerzoek.objects.get(pk=verzoek.pk).status == "open"
    page.get_by_label("Besluit").select_option("toekennen")
    page.get_by_label("Antwoord aan de inwoner").fill("Uw gegevens over jeugdhulp zijn vernietigd.")
    page.get_by_role("button", name="Afhandelen").click()
    expect(page.get_by_text("Vernietigd: 1 van 1 onderdelen.")).to_be_visible()
    assert not Aanvraag.objects.filter(pk=aanvraag.pk).exists()
    assert type(gemengd).objects.filter(pk=gemengd.pk).exists()
    page.get_by_role("link", name=re.compile(r"^Verklaring van vernietiging \d+$")).click()
    expect(page.locator("main")).to_contain_text("op verzoek van de betrokkene")
    expect(page.locator("main")).not_to_contain_text(kind.achternaam)
