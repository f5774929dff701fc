"""The access log over REST: only the privacy officer, filterable, read-only."""

import pytest

from eenplan.conftest import login
from eenplan.testing.helpers import api_for

pytestmark = pytest.mark.django_db


def test_privacy_officer_lists_and_filters_the_log(
    client, generalist, midoffice, privacy_officer, inwoner_noord, inwoner_zuid
):
    login(client, generalist).get(f"/inwoners/{inwoner_noord.pk}/")
    login(client, midoffice).get(f"/inwoners/{inwoner_zuid.pk}/?doel=toegang")
    api = api_for(privacy_officer)
    rows = api.get("/api/v1/inzagelog/").json()["results"]
    assert [r["gebruikersnaam"] for r in rows] == ["midoffice", "generalist"]  # newest first
    rows = api.get("/api/v1/inzagelog/", {"inwoner": inwoner_noord.pk}).json()["results"]
    assert [r["doel"] for r in rows] == ["onderzoek"]
    rows = api.get("/api/v1/inzagelog/", {"doel": "toegang"}).json()["results"]
    assert [r["inwoner"] for r in rows] == [inwoner_zuid.pk]


def test_log_cannot_be_written_through_the_api(privacy_officer, generalist, inwoner_noord, client):
    login(client, generalist).get(f"/inwoners/{inwoner_noord.pk}/")
    api = api_for(privacy_officer)
    entry = api.get("/api/v1/inzagelog/").json()["results"][0]
    assert api.delete(f"/api/v1/inzagelog/{entry['id']}/").status_code == 405
    assert api.patch(f"/api/v1/inzagelog/{entry['id']}/", {"doel": "controle"}).status_code == 405
    assert api.post("/api/v1/inzagelog/", {}).status_code == 405


def test_other_roles_cannot_read_the_log(generalist):
    assert api_for(generalist).get("/api/v1/inzagelog/").status_code == 403


def test_reference_data_is_limited_to_own_municipality(generalist, wijken, team_noord):
    from eenplan.testing.factories import GemeenteFactory, WijkFactory

    WijkFactory(gemeente=GemeenteFactory(cbs_code="GM0889", naam="Peel en Maas"), naam="Elders")
    names = [w["naam"] for w in api_for(generalist).get("/api/v1/wijken/").json()["results"]]
    assert sorted(names) == ["Noord", "Oost", "Zuid"]
    teams = api_for(generalist).get("/api/v1/teams/").json()["results"]
    assert teams[0]["wijken"] == [wijken["Noord"].pk]
