"""Who may act for a resident of another municipality (issue 16): the staff page and its API look
the resident up within the login's municipality (`portaal.selectors.vertegenwoordigde`), so
another municipality's resident answers the 404 of one that exists nowhere — now with the
refusal in the login's own access log (resource, requested id, "niet binnen uw gemeente of
bestaat niet"; it was an unlogged 404) — and recording a representative for them changes nothing
(ADR 0046)."""

from __future__ import annotations

import pytest
from django.test import Client

from eenplan.conftest import login
from eenplan.gemeente.constants import Rol
from eenplan.inwoners.models import Netwerkpersoon
from eenplan.privacy.access import NIET_BINNEN_GEMEENTE
from eenplan.privacy.models import Inzage, Machtiging
from eenplan.testing.helpers import api_for, geweigerd_elders, van_elders

pytestmark = pytest.mark.django_db


def test_the_representation_of_another_municipalitys_resident_is_a_logged_404(inwoner_noord):
    elders = van_elders(Rol.MIDOFFICE)
    pad = f"/inwoners/{inwoner_noord.pk}/vertegenwoordiging/"
    api = api_for(elders)
    antwoorden = [
        login(Client(), elders).get(pad),
        api.get(f"/api/v1{pad}"),
        api.post(f"/api/v1{pad}", {"soort": "mentor", "van": "2026-01-01"}, format="json"),
    ]
    assert [a.status_code for a in antwoorden] == [404, 404, 404]
    assert [(r.reden, r.handeling, r.kanaal) for r in geweigerd_elders(elders)] == [
        (f"Inwoner {inwoner_noord.pk}: {NIET_BINNEN_GEMEENTE}.", "lezen", "pagina"),
        (f"Inwoner {inwoner_noord.pk}: {NIET_BINNEN_GEMEENTE}.", "lezen", "api"),
        (f"Inwoner {inwoner_noord.pk}: {NIET_BINNEN_GEMEENTE}.", "wijzigen", "api"),
    ]
    assert not Netwerkpersoon.objects.filter(inwoner=inwoner_noord).exists()
    assert not Machtiging.objects.exists()
    assert not Inzage.objects.filter(inwoner=inwoner_noord).exists()


def test_within_the_own_municipality_the_page_opens_as_before(inwoner_noord, midoffice):
    pad = f"/inwoners/{inwoner_noord.pk}/vertegenwoordiging/"
    assert login(Client(), midoffice).get(pad).status_code == 200
    assert api_for(midoffice).get(f"/api/v1{pad}").json()["inwoner_id"] == inwoner_noord.pk
    assert not geweigerd_elders(midoffice)
