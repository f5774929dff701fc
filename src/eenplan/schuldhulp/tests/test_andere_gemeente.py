"""Debt help pages and API for a signal, a debt question or a resident of another municipality:
not found within the login's municipality, a 404 — and the refusal in the access log (resource,
requested id, "niet binnen uw gemeente of bestaat niet"); nothing changes, and the answer is the
same as for an id that exists nowhere (`access.get_or_refuse` through `schuldhulp.opzoeken`,
ADR 0046)."""

from __future__ import annotations

import pytest
from django.test import Client

from eenplan.conftest import login
from eenplan.gemeente.constants import Rol
from eenplan.privacy.access import NIET_BINNEN_GEMEENTE
from eenplan.schuldhulp.models import Contactpoging, Schuldvraag
from eenplan.testing.factories import HuishoudenFactory, InwonerFactory
from eenplan.testing.helpers import api_for, geweigerd_elders, van_elders, vandaag
from eenplan.testing.schuldhulp import SchuldvraagFactory, VroegsignaalFactory, schuldhulp_voor

pytestmark = pytest.mark.django_db


@pytest.fixture
def inwoner(gemeente, wijken):
    persoon = InwonerFactory(gemeente=gemeente, wijk=wijken["Noord"])
    HuishoudenFactory(gemeente=gemeente, leden=[persoon])
    return persoon


def test_a_signal_of_another_municipality_is_a_404_logged_and_nothing_changes(inwoner):
    signaal = VroegsignaalFactory(inwoner=inwoner)
    elders = van_elders(Rol.WERKPLEIN)
    response = login(Client(), elders).post(
        f"/schuldhulp/signalen/{signaal.pk}/contact/", {f"contact-{signaal.pk}-wijze": "telefoon"}
    )
    assert response.status_code == 404
    assert not Contactpoging.objects.exists()
    [rij] = geweigerd_elders(elders)
    assert rij.reden == f"Vroegsignaal {signaal.pk}: {NIET_BINNEN_GEMEENTE}."
    assert (rij.onderwerp, rij.handeling, rij.inwoner_id) == ("schuldhulp", "wijzigen", None)


def test_a_debt_question_of_another_municipality_is_a_404_and_logged(inwoner):
    vraag = SchuldvraagFactory(inwoner=inwoner)
    elders = van_elders(Rol.WERKPLEIN)
    response = login(Client(), elders).post(f"/schuldhulp/vragen/{vraag.pk}/triage/", {})
    assert response.status_code == 404
    [rij] = geweigerd_elders(elders)
    assert rij.reden == f"Schuldvraag {vraag.pk}: {NIET_BINNEN_GEMEENTE}."
    assert rij.gemeente_id == elders.gemeente_id


def test_the_debt_page_of_another_municipalitys_resident_is_a_404_and_logged(inwoner):
    elders = van_elders(Rol.WERKPLEIN)
    assert login(Client(), elders).get(f"/schuldhulp/inwoners/{inwoner.pk}/").status_code == 404
    [rij] = geweigerd_elders(elders)
    assert rij.reden == f"Inwoner {inwoner.pk}: {NIET_BINNEN_GEMEENTE}."


def test_the_api_answers_a_signal_of_another_municipality_as_one_that_does_not_exist(inwoner):
    signaal = VroegsignaalFactory(inwoner=inwoner)
    elders = van_elders(Rol.WERKPLEIN)
    api = api_for(elders)
    daar = api.get(f"/api/v1/schuldhulp/signalen/{signaal.pk}/")
    nergens = api.get(f"/api/v1/schuldhulp/signalen/{signaal.pk + 1000}/")
    assert daar.status_code == nergens.status_code == 404
    assert daar.json()["detail"] == nergens.json()["detail"] == "Dit vroegsignaal bestaat niet."
    contact = api.post(
        f"/api/v1/schuldhulp/signalen/{signaal.pk}/contact/",
        {"op": signaal.ontvangen_op.isoformat(), "wijze": "brief", "bereikt": True},
        format="json",
    )
    assert contact.status_code == 404
    assert not Contactpoging.objects.exists()
    rijen = geweigerd_elders(elders)
    assert [r.reden for r in rijen] == [
        f"Vroegsignaal {signaal.pk}: {NIET_BINNEN_GEMEENTE}.",
        f"Vroegsignaal {signaal.pk + 1000}: {NIET_BINNEN_GEMEENTE}.",
        f"Vroegsignaal {signaal.pk}: {NIET_BINNEN_GEMEENTE}.",
    ]
    assert {(r.onderwerp, r.inwoner_id, r.gemeente_id) for r in rijen} == {
        ("schuldhulp", None, elders.gemeente_id)
    }
    assert [r.handeling for r in rijen] == ["lezen", "lezen", "wijzigen"]


def test_the_api_answers_a_debt_question_of_another_municipality_with_a_logged_404(inwoner):
    vraag = SchuldvraagFactory(inwoner=inwoner)
    elders = van_elders(Rol.WERKPLEIN)
    api = api_for(elders)
    assert api.get(f"/api/v1/schuldhulp/vragen/{vraag.pk}/").status_code == 404
    triage = api.post(
        f"/api/v1/schuldhulp/vragen/{vraag.pk}/triage/",
        {"uitkomst": "budgetcoaching", "op": vraag.verzoek_op.isoformat()},
        format="json",
    )
    assert triage.status_code == 404
    vraag.refresh_from_db()
    assert vraag.triage == ""
    assert [(r.reden, r.handeling) for r in geweigerd_elders(elders)] == [
        (f"Schuldvraag {vraag.pk}: {NIET_BINNEN_GEMEENTE}.", "lezen"),
        (f"Schuldvraag {vraag.pk}: {NIET_BINNEN_GEMEENTE}.", "wijzigen"),
    ]


def test_a_question_from_a_signal_opens_in_its_own_municipality_only(inwoner):
    """The reads hold the question's signal, melding and resident to the login's municipality:
    the own consultant still reads the question made from a signal (page and API), another
    municipality's gets the logged 404 on both faces."""
    signaal = VroegsignaalFactory(inwoner=inwoner)
    vraag = SchuldvraagFactory(inwoner=inwoner, signaal=signaal)
    eigen = schuldhulp_voor(inwoner)
    pagina = login(Client(), eigen).get(f"/schuldhulp/inwoners/{inwoner.pk}/")
    assert pagina.status_code == 200
    assert signaal.schuldeiser in pagina.content.decode()
    antwoord = api_for(eigen).get(f"/api/v1/schuldhulp/vragen/{vraag.pk}/")
    assert antwoord.status_code == 200
    assert antwoord.json()["signaal"] == signaal.pk
    assert api_for(eigen).get(f"/api/v1/schuldhulp/signalen/{signaal.pk}/").status_code == 200
    elders = van_elders(Rol.WERKPLEIN)
    api = api_for(elders)
    assert api.get(f"/api/v1/schuldhulp/vragen/{vraag.pk}/").status_code == 404
    assert api.get(f"/api/v1/schuldhulp/signalen/{signaal.pk}/").status_code == 404
    assert [r.reden for r in geweigerd_elders(elders)] == [
        f"Schuldvraag {vraag.pk}: {NIET_BINNEN_GEMEENTE}.",
        f"Vroegsignaal {signaal.pk}: {NIET_BINNEN_GEMEENTE}.",
    ]


def test_a_debt_question_naming_a_signal_of_another_municipality_is_a_logged_400():
    """The early signal a debt question names in its body is looked up within the login's
    municipality: another municipality's answers like an unknown id — a Dutch 400 on the
    field — the refusal is logged in the login's own municipality, and no question is made."""
    signaal = VroegsignaalFactory()
    elders = van_elders(Rol.WERKPLEIN)
    daar = InwonerFactory(gemeente=elders.gemeente, wijk=elders.teams.get().wijken.get())
    api = api_for(elders)
    voor = Schuldvraag.objects.count()
    antwoorden = [
        api.post(
            "/api/v1/schuldhulp/vragen/",
            {"inwoner": daar.pk, "verzoek_op": vandaag().isoformat(), "signaal": pk},
            format="json",
        )
        for pk in (signaal.pk, signaal.pk + 1000)
    ]
    assert [a.status_code for a in antwoorden] == [400, 400]
    assert [a.json()["signaal"] for a in antwoorden] == [
        [f"Vroegsignaal {pk} is onbekend in uw gemeente."] for pk in (signaal.pk, signaal.pk + 1000)
    ]
    assert Schuldvraag.objects.count() == voor
    rijen = geweigerd_elders(elders)
    assert [(r.onderwerp, r.handeling, r.reden, r.inwoner_id) for r in rijen] == [
        ("schuldhulp", "aanmaken", f"Vroegsignaal {pk}: {NIET_BINNEN_GEMEENTE}.", None)
        for pk in (signaal.pk, signaal.pk + 1000)
    ]
    assert {r.gemeente_id for r in rijen} == {elders.gemeente_id}
