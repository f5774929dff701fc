"""A household or resident of another municipality in the households API (issue 16): each is
found by id within the login's municipality. Another municipality's household answers the 404 of
one that does not exist — not a refusal that tells it exists — for reading and for adding a
member; another municipality's resident cannot be added to one's own household (a Dutch 400 on
`inwoner`, as for a resident that exists nowhere). Each refusal is logged in the login's own
municipality (ADR 0046) and nothing changes."""

from __future__ import annotations

import datetime as dt

import pytest

from eenplan.gemeente.models import Wijk
from eenplan.inwoners.constants import Relatie
from eenplan.inwoners.models import HuishoudenLid
from eenplan.inwoners.services import huishouden_create
from eenplan.privacy.access import NIET_BINNEN_GEMEENTE
from eenplan.privacy.models import Inzage
from eenplan.testing.factories import InwonerFactory
from eenplan.testing.helpers import api_for, geweigerd_elders, van_elders

pytestmark = pytest.mark.django_db
LID = {"relatie": "kind", "lid_van": "2024-01-01"}


def _huishouden(inwoner):
    return huishouden_create(
        gemeente=inwoner.gemeente, leden=[(inwoner, Relatie.REFERENTIE, dt.date(2000, 1, 1))]
    )


def test_a_household_of_another_municipality_is_a_404_and_changes_nothing(inwoner_noord):
    hier = _huishouden(inwoner_noord)
    elders = van_elders()
    eigen = InwonerFactory(
        gemeente=elders.gemeente, wijk=Wijk.objects.filter(gemeente=elders.gemeente).first()
    )
    api = api_for(elders)
    pad = f"/api/v1/huishoudens/{hier.pk}/"
    antwoorden = [
        api.get(pad),
        api.post(f"{pad}leden/", {"inwoner": eigen.pk, **LID}, format="json"),
    ]
    assert [a.status_code for a in antwoorden] == [404, 404]
    assert [(r.reden, r.handeling, r.inwoner_id) for r in geweigerd_elders(elders)] == [
        (f"Huishouden {hier.pk}: {NIET_BINNEN_GEMEENTE}.", "lezen", None),
        (f"Huishouden {hier.pk}: {NIET_BINNEN_GEMEENTE}.", "wijzigen", None),
    ]
    assert HuishoudenLid.objects.filter(huishouden=hier).count() == 1
    assert not Inzage.objects.filter(user=elders.user, inwoner=inwoner_noord).exists()


def test_a_resident_of_another_municipality_is_not_added_to_ones_own_household(inwoner_noord):
    elders = van_elders()
    eigen = InwonerFactory(
        gemeente=elders.gemeente, wijk=Wijk.objects.filter(gemeente=elders.gemeente).first()
    )
    daar = _huishouden(eigen)
    antwoord = api_for(elders).post(
        f"/api/v1/huishoudens/{daar.pk}/leden/", {"inwoner": inwoner_noord.pk, **LID}, format="json"
    )
    assert antwoord.status_code == 400
    assert antwoord.json()["inwoner"] == [f"Inwoner {inwoner_noord.pk} is onbekend in uw gemeente."]
    assert not inwoner_noord.lidmaatschappen.exists()
    [rij] = geweigerd_elders(elders)
    assert rij.reden == f"Inwoner {inwoner_noord.pk}: {NIET_BINNEN_GEMEENTE}."
    assert rij.inwoner_id is None


def test_a_resident_of_another_municipality_is_a_404_in_the_residents_api_and_stays_as_is(
    inwoner_noord,
):
    elders = van_elders()
    api = api_for(elders)
    pad = f"/api/v1/inwoners/{inwoner_noord.pk}/"
    telefoon = inwoner_noord.telefoon
    antwoorden = [api.get(pad), api.patch(pad, {"telefoon": "0612345678"}, format="json")]
    assert [a.status_code for a in antwoorden] == [404, 404]
    assert [(r.reden, r.handeling, r.inwoner_id) for r in geweigerd_elders(elders)] == [
        (f"Inwoner {inwoner_noord.pk}: {NIET_BINNEN_GEMEENTE}.", "lezen", None),
        (f"Inwoner {inwoner_noord.pk}: {NIET_BINNEN_GEMEENTE}.", "wijzigen", None),
    ]
    inwoner_noord.refresh_from_db()
    assert inwoner_noord.telefoon == telefoon
    assert not Inzage.objects.filter(inwoner=inwoner_noord).exists()


def test_within_the_own_municipality_the_resident_opens_with_the_household(gezin, generalist):
    antwoord = api_for(generalist).get(f"/api/v1/inwoners/{gezin['anna'].pk}/")
    assert antwoord.status_code == 200
    assert antwoord.json()["huishouden"] == gezin["huishouden"].pk
    assert antwoord["ETag"] == f'"{antwoord.json()["versie"]}"' == f'"{gezin["anna"].versie}"'
    assert not geweigerd_elders(generalist)


def test_renaming_another_municipalitys_household_is_a_404_and_changes_nothing(gezin):
    hier = gezin["huishouden"]
    elders = van_elders()
    antwoord = api_for(elders).patch(
        f"/api/v1/huishoudens/{hier.pk}/", {"naam": "Huishouden Elders"}, format="json"
    )
    assert antwoord.status_code == 404
    hier.refresh_from_db()
    assert hier.naam == "Huishouden Jansen"
    [rij] = geweigerd_elders(elders)
    assert rij.reden == f"Huishouden {hier.pk}: {NIET_BINNEN_GEMEENTE}."
    assert (rij.handeling, rij.inwoner_id, rij.gemeente_id) == (
        "wijzigen",
        None,
        elders.gemeente_id,
    )


def test_the_own_household_answers_its_version_as_read_within_the_municipality(gezin, generalist):
    """The ETag of a household is the version the answer read with the municipality condition
    (no lookup of its own): after a rename it is the new one, and the old one is refused."""
    hier = gezin["huishouden"]
    api = api_for(generalist)
    pad = f"/api/v1/huishoudens/{hier.pk}/"
    gelezen = api.get(pad)
    assert gelezen.status_code == 200
    assert gelezen["ETag"] == f'"{hier.versie}"'
    hernoemd = api.patch(
        pad, {"naam": "Familie Jansen"}, format="json", HTTP_IF_MATCH=gelezen["ETag"]
    )
    assert hernoemd.status_code == 200
    hier.refresh_from_db()
    assert hier.naam == "Familie Jansen"
    assert hernoemd["ETag"] == f'"{hier.versie}"' != gelezen["ETag"]
    oud = api.patch(pad, {"naam": "Huishouden J."}, format="json", HTTP_IF_MATCH=gelezen["ETag"])
    assert oud.status_code == 412
    hier.refresh_from_db()
    assert hier.naam == "Familie Jansen"
