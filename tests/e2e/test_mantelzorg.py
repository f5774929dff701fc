"""Mantelzorg in a browser (issue 15): the generalist sees Lotte registered as Anna's mantelzorger
(overburdened, found in the onderzoek), grants this year's mantelzorgwaardering and is refused a
second one, looks at respite demand and supply, sees the volunteer who fits Anna's shopping
klus; then a neighbour, in the care circle of Anna's plan, sees the action in Mijn zaak with
its button to mark it done. Every page: axe (no serious or critical findings), the NL Design
System styles,
and at 390 px no sideways scrolling; screenshots in var/screenshots (docs/screenshots with
EENPLAN_UPDATE_SCREENSHOTS=1)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from eenplan.gemeente.constants import Rol
from eenplan.mantelzorg.constants import Vaardigheid
from eenplan.mantelzorg.models import Klus, Waardering
from eenplan.rules.mantelzorg import dagdeel_label, dagdeel_van
from eenplan.testing import scenarios
from eenplan.testing.factories import (
    ActieFactory,
    InwoneraccountFactory,
    InwonerFactory,
    KringToewijzingFactory,
    MedewerkerFactory,
    VrijwilligerFactory,
    WaarderingRegelingFactory,
)

from .conftest import assert_axe, assert_styled, login_cookie, screenshot

pytestmark = pytest.mark.browser


def _controleer(page, naam: str) -> None:
    assert_styled(page)
    assert_axe(page, naam)
    screenshot(page, f"{naam}.png")
    page.set_viewport_size({"width": 390, "height": 844})
    breedte = page.evaluate("document.documentElement.scrollWidth")
    assert breedte <= 390, f"{naam} is {breedte}px breed op een telefoon"
    assert_axe(page, f"{naam} (390 px)")
    page.set_viewport_size({"width": 1280, "height": 900})


def test_mantelzorg_van_registratie_tot_zorgkring(page, context, live_server, gemeentedata):
    s = scenarios.plan(gemeentedata.scenario)  # Lotte registered at the kitchen table
    WaarderingRegelingFactory(gemeente=s.gemeente)
    VrijwilligerFactory(gemeente=s.gemeente, wijk=s.wijken["Noord"], naam="Ria Peeters")
    login_cookie(context, live_server, s.generalist)

    # Anna's carers, from her dossier.
    page.goto(f"/inwoners/{s.inwoner.pk}/")
    page.get_by_role("link", name="Mantelzorgers, hun belasting en klussen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mantelzorg voor Anna Jansen")
    expect(page.locator("main")).to_contain_text("overbelast")
    _controleer(page, "mantelzorg-inwoner")

    # Lotte's page: this year's appreciation, then a second one refused.
    page.get_by_role("link", name="Lotte Jansen").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Lotte Jansen")
    knop = page.get_by_role("button", name="Waardering")
    knop.click()
    expect(page.get_by_role("status")).to_contain_text("De mantelzorgwaardering is toegekend.")
    page.get_by_role("button", name="Waardering").click()
    expect(page.get_by_role("alert")).to_contain_text("één per jaar")
    assert Waardering.objects.count() == 1
    _controleer(page, "mantelzorg-mantelzorger")

    # Respite demand and supply.
    page.goto("/mantelzorg/respijtzorg/")
    expect(page.get_by_role("table")).to_contain_text("Overdag buitenshuis")
    _controleer(page, "mantelzorg-respijtzorg")

    # Anna's shopping klus: the volunteer who fits.
    klus = Klus.objects.get(hulpvrager=s.inwoner)
    page.goto(f"/mantelzorg/klussen/{klus.pk}/")
    expect(page.locator("main")).to_contain_text("Ria Peeters")
    _controleer(page, "mantelzorg-klus")
    page.goto("/mantelzorg/vrijwilligers/")
    _controleer(page, "mantelzorg-vrijwilligers")

    # A tegenprestatie candidate is offered volunteer work: Anna's klus fits.
    kandidaat = InwonerFactory(
        gemeente=s.gemeente, wijk=s.wijken["Noord"], voornamen="Sem", achternaam="Peeters"
    )
    page.get_by_role("link", name="Vrijwilligerswerk aanbieden als tegenprestatie").click()
    page.get_by_label("BSN van de inwoner").fill(kandidaat.bsn)
    page.get_by_label(Vaardigheid(klus.vaardigheid).label, exact=True).check()
    page.get_by_label(dagdeel_label(dagdeel_van(klus.datum, klus.dagdeel)), exact=True).check()
    _controleer(page, "mantelzorg-tegenprestatie")
    page.get_by_role("button", name="Aanbieden").click()
    expect(page.get_by_role("status")).to_contain_text("Het vrijwilligerswerk is aangeboden")
    expect(page.locator("main")).to_contain_text("aangeboden als tegenprestatie")
    expect(page.locator("main")).to_contain_text(klus.datum.strftime("%d-%m-%Y"))

    # The care circle: an action for a neighbour who takes part with Anna's consent.
    actie = ActieFactory(
        doel=s.doel, omschrijving="Dinsdag boodschappen doen", uitvoerder_soort="netwerk"
    )
    toewijzing = KringToewijzingFactory(actie=actie)
    page.goto(f"/mantelzorg/plan/{s.plan.pk}/kring/")
    expect(page.get_by_role("table")).to_contain_text("Dinsdag boodschappen doen")
    _controleer(page, "mantelzorg-kring")

    buur = InwoneraccountFactory(inwoner=toewijzing.netwerkpersoon.als_inwoner)
    context.clear_cookies()
    login_cookie(context, live_server, type("Login", (), {"user": buur.user})())
    page.goto("/mijn/kring/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn taken in de zorgkring")
    _controleer(page, "mijn-kring")
    # Marking it done is tested on the page and in the API (mantelzorg/tests); here the form.
    expect(page.locator("form[action$='/gedaan/'] button")).to_have_count(1)

    # Functioneel beheer: how long a volunteer's VOG counts (a refused form, then the page).
    beheer = MedewerkerFactory(gemeente=s.gemeente, functie=Rol.FUNCTIONEEL_BEHEER)
    context.clear_cookies()
    login_cookie(context, live_server, beheer)
    page.goto("/mantelzorg/vrijwilligers/vog/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Termijn VOG van vrijwilligers")
    page.get_by_label("Hoe lang telt een VOG (maanden na de datum)?").fill("0")
    page.get_by_label("Bron").fill("Vrijwilligersbeleid")
    page.get_by_role("button", name="Opslaan als nieuwe versie").click()
    expect(page.get_by_role("alert")).to_be_visible()
    _controleer(page, "mantelzorg-vog")
