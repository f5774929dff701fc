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


def test_a_team_of_another_municipality_is_a_logged_404_and_stays_as_it_was(beheer, elders):
    """The team edit page and the team API look the team up within the login's municipality:
    another municipality's answers the 404 of one that does not exist, for a read and a
    write, the refusal is logged in the login's own municipality, and the team keeps its name
    and wijken."""
    team = elders["team"]
    client, api = login(Client(), beheer), api_for(beheer)
    antwoorden = [
        client.get(f"/functioneel-beheer/teams/{team.pk}/"),
        client.post(
            f"/functioneel-beheer/teams/{team.pk}/",
            {"naam": "Overgenomen", "soort": team.soort, "wijken": []},
        ),
        api.patch(f"{BASE}/teams/{team.pk}/", {"naam": "Overgenomen"}, format="json"),
    ]
    assert [a.status_code for a in antwoorden] == [404] * 3
    assert antwoorden[2].json()["detail"] == "Dit team hoort niet bij uw gemeente."
    nergens = api.patch(f"{BASE}/teams/987654/", {"naam": "Overgenomen"}, format="json")
    assert nergens.status_code == 404
    assert nergens.json()["detail"] == antwoorden[2].json()["detail"]
    rijen = geweigerd_elders(beheer)
    assert [(r.onderwerp, r.handeling, r.reden) for r in rijen] == [
        ("inrichting", "lezen", f"Team {team.pk}: {NIET_BINNEN_GEMEENTE}."),
        ("inrichting", "wijzigen", f"Team {team.pk}: {NIET_BINNEN_GEMEENTE}."),
        ("inrichting", "wijzigen", f"Team {team.pk}: {NIET_BINNEN_GEMEENTE}."),
        ("inrichting", "wijzigen", f"Team 987654: {NIET_BINNEN_GEMEENTE}."),
    ]
    assert {r.gemeente_id for r in rijen} == {beheer.gemeente_id}
    team.refresh_from_db()
    assert team.naam == "Team Elders"
    assert list(team.wijken.all()) == [elders["wijk"]]


def test_the_own_team_edit_page_still_opens(beheer, team_noord):
    pagina = login(Client(), beheer).get(f"/functioneel-beheer/teams/{team_noord.pk}/")
    assert pagina.status_code == 200 and team_noord.naam in pagina.content.decode()
    assert not geweigerd_elders(beheer)
