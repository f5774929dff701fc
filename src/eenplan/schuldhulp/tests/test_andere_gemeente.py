"""Debt help pages for a signal, a debt question or a resident of another municipality: not
found within the login's municipality, a 404 — and the refusal in the access log (resource,
requested id, "niet binnen uw gemeente of bestaat niet"); nothing changes
(`access.get_or_refuse`, ADR 0046)."""

from __future__ import annotations

import pytest
from django.test import Client

from eenplan.conftest import login
from eenplan.gemeente.constants import Rol
from eenplan.privacy.access import NIET_BINNEN_GEMEENTE
from eenplan.schuldhulp.models import Contactpoging
from eenplan.testing.factories import HuishoudenFactory, InwonerFactory
from eenplan.testing.helpers import geweigerd_elders, van_elders
from eenplan.testing.schuldhulp import SchuldvraagFactory, VroegsignaalFactory

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
