"""A staff member of another municipality in functioneel beheer (issue 16): the medewerker
record is looked up within the login's municipality, so another municipality's answers the 404
of one that does not exist — on the page and in the API, for a read and a write — and the
refusal is in the access log of the login's own municipality (`beheer.opzoeken` through
`access.get_or_refuse`, ADR 0046). The login stays active; its teams stay."""

from __future__ import annotations

import pytest
from django.test import Client

from eenplan.conftest import login
from eenplan.privacy.access import NIET_BINNEN_GEMEENTE
from eenplan.testing.helpers import api_for, geweigerd_elders

pytestmark = pytest.mark.django_db

BASE = "/api/v1/beheer"


def test_a_staff_member_of_another_municipality_is_a_logged_404_and_stays_active(beheer, elders):
    andere = elders["medewerker"]
    client, api = login(Client(), beheer), api_for(beheer)
    antwoorden = [
        client.get(f"/functioneel-beheer/medewerkers/{andere.pk}/"),
        api.get(f"{BASE}/medewerkers/{andere.pk}/"),
        api.get(f"{BASE}/medewerkers/{andere.pk}/wijzigingen/"),
        client.post(f"/functioneel-beheer/medewerkers/{andere.pk}/actief/", {"actief": "nee"}),
        api.post(f"{BASE}/medewerkers/{andere.pk}/deactiveren/"),
    ]
    assert [a.status_code for a in antwoorden] == [404] * 5
    assert api.get(f"{BASE}/medewerkers/987654/").status_code == 404
    rijen = geweigerd_elders(beheer)
    assert [(r.reden, r.handeling) for r in rijen] == [
        (f"Medewerker {andere.pk}: {NIET_BINNEN_GEMEENTE}.", "lezen"),
        (f"Medewerker {andere.pk}: {NIET_BINNEN_GEMEENTE}.", "lezen"),
        (f"Medewerker {andere.pk}: {NIET_BINNEN_GEMEENTE}.", "lezen"),
        (f"Medewerker {andere.pk}: {NIET_BINNEN_GEMEENTE}.", "wijzigen"),
        (f"Medewerker {andere.pk}: {NIET_BINNEN_GEMEENTE}.", "wijzigen"),
        (f"Medewerker 987654: {NIET_BINNEN_GEMEENTE}.", "lezen"),
    ]
    assert {r.gemeente_id for r in rijen} == {beheer.gemeente_id}
    andere.user.refresh_from_db()
    assert andere.user.is_active
    assert list(andere.teams.all()) == [elders["team"]]


def test_the_own_staff_and_teams_show_with_their_own_teams_and_wijken(
    beheer, generalist, team_noord
):
    api = api_for(beheer)
    detail = api.get(f"{BASE}/medewerkers/{generalist.pk}/").json()
    assert team_noord.naam in str(detail["teams"])
    pagina = login(Client(), beheer).get(f"/functioneel-beheer/medewerkers/{generalist.pk}/")
    assert pagina.status_code == 200 and team_noord.naam in pagina.content.decode()
    teams = api.get(f"{BASE}/teams/").json()["results"]
    assert {w for t in teams if t["id"] == team_noord.pk for w in t["wijken"]} == {
        w.pk for w in team_noord.wijken.all()
    }
