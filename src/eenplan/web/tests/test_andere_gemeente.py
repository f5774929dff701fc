"""The dossier of a resident of another municipality (issue 16): the resident is looked up within
the login's municipality, so another municipality's resident answers the 404 of one that exists
nowhere — not a 403 that tells the resident exists — on the page and in the API. The refusal is
in the login's own access log (resource, requested id, "niet binnen uw gemeente of bestaat
niet"), nothing is written about the resident (`web.selectors.dossier_inwoner`, ADR 0046)."""

from __future__ import annotations

import pytest
from django.test import Client

from eenplan.conftest import login
from eenplan.privacy.access import NIET_BINNEN_GEMEENTE
from eenplan.privacy.models import Inzage
from eenplan.testing.helpers import api_for, geweigerd_elders, van_elders

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("kanaal", "pad"), [("pagina", "/inwoners/{pk}/"), ("api", "/api/v1/dossiers/{pk}/")]
)
def test_the_dossier_of_another_municipalitys_resident_is_a_logged_404(inwoner_noord, kanaal, pad):
    elders = van_elders()
    client = api_for(elders) if kanaal == "api" else login(Client(), elders)
    response = client.get(pad.format(pk=inwoner_noord.pk))
    assert response.status_code == 404
    assert str(inwoner_noord.bsn) not in response.content.decode()
    [rij] = geweigerd_elders(elders)
    assert rij.reden == f"Inwoner {inwoner_noord.pk}: {NIET_BINNEN_GEMEENTE}."
    assert (rij.onderwerp, rij.handeling, rij.kanaal) == ("dossier", "lezen", kanaal)
    assert (rij.inwoner_id, rij.gemeente_id) == (None, elders.gemeente_id)
    assert not Inzage.objects.filter(inwoner=inwoner_noord).exists()


def test_an_unknown_resident_gets_the_same_answer(inwoner_noord):
    elders = van_elders()
    onbekend = inwoner_noord.pk + 1000
    api = api_for(elders)
    daar = api.get(f"/api/v1/dossiers/{inwoner_noord.pk}/")
    nergens = api.get(f"/api/v1/dossiers/{onbekend}/")
    assert (daar.status_code, nergens.status_code) == (404, 404)
    assert daar.json()["detail"] == nergens.json()["detail"] == "Deze inwoner bestaat niet."
    assert [r.reden for r in geweigerd_elders(elders)] == [
        f"Inwoner {inwoner_noord.pk}: {NIET_BINNEN_GEMEENTE}.",
        f"Inwoner {onbekend}: {NIET_BINNEN_GEMEENTE}.",
    ]


def test_within_the_own_municipality_the_dossier_opens_as_before(
    gezin, generalist, generalist_zuid
):
    anna = gezin["anna"]
    pagina = login(Client(), generalist).get(f"/inwoners/{anna.pk}/")
    assert pagina.status_code == 200
    assert "Henk" in pagina.content.decode()  # the household's members, read within it
    dossier = api_for(generalist).get(f"/api/v1/dossiers/{anna.pk}/")
    assert dossier.status_code == 200
    assert dossier.json()["huishouden"] == gezin["huishouden"].pk
    assert not geweigerd_elders(generalist)
    # Outside the wijk but within the municipality: still the 403 with the need-to-know reason.
    assert api_for(generalist_zuid).get(f"/api/v1/dossiers/{anna.pk}/").status_code == 403
