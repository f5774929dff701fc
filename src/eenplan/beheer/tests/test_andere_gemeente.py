"""A staff member, team, wijk, four-eyes request, voorziening or set of synonyms of another
municipality in functioneel beheer (issue 16): the record is looked up within the login's
municipality, so another municipality's answers the 404 of one that does not exist — on the
page and in the API, for a read and a write — and the refusal is in the access log of the
login's own municipality (`beheer.opzoeken` through `access.get_or_refuse`, ADR 0046). Nothing
of the other municipality changes: the login stays active, its teams stay."""

from __future__ import annotations

import pytest
from django.test import Client

from eenplan.conftest import login
from eenplan.gemeente.constants import VerzoekStatus
from eenplan.privacy.access import NIET_BINNEN_GEMEENTE
from eenplan.testing.factories import RolWijzigingVerzoekFactory, VoorzieningFactory, WijkFactory
from eenplan.testing.helpers import api_for, geweigerd_elders
from eenplan.voorzieningen import services as voorzieningen_services
from eenplan.voorzieningen.models import Synoniem

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


def test_a_wijk_request_provision_or_synonyms_of_another_municipality_is_a_logged_404(
    beheer, elders
):
    """The wijk, a four-eyes request, a voorziening of the catalogue and a set of synonyms are
    looked up within the login's municipality too (`beheer.opzoeken`): another municipality's
    answers the 404 of one that does not exist on the page and in the API, each refusal is a row
    in the login's own access log (with the resource and action of the route), and nothing of
    the other municipality changes."""
    andere = elders["gemeente"]
    wijk = elders["wijk"]
    verzoek = RolWijzigingVerzoekFactory(gemeente=andere, medewerker=elders["medewerker"])
    voorziening = VoorzieningFactory(gemeente=andere, naam="Hulp Elders")
    synoniem = voorzieningen_services.synoniem_add(gemeente=andere, woorden="geld, schulden")
    client, api = login(Client(), beheer), api_for(beheer)
    pagina = "/functioneel-beheer"
    antwoorden = {
        "wijk pagina": client.get(f"{pagina}/wijken/{wijk.pk}/"),
        "wijk wijzigen": client.post(
            f"{pagina}/wijken/{wijk.pk}/", {"code": "X1", "naam": "Overgenomen"}
        ),
        "wijk api": api.patch(f"{BASE}/wijken/{wijk.pk}/", {"naam": "Overgenomen"}, format="json"),
        "verzoek goedkeuren": client.post(f"{pagina}/verzoeken/{verzoek.pk}/goedkeuren/"),
        "verzoek api": api.post(f"{BASE}/verzoeken/{verzoek.pk}/afwijzen/"),
        "voorziening pagina": client.get(f"{pagina}/catalogus/{voorziening.pk}/"),
        "voorziening tarieven api": api.get(f"{BASE}/voorzieningen/{voorziening.pk}/tarieven/"),
        "voorziening api": api.patch(
            f"{BASE}/voorzieningen/{voorziening.pk}/", {"actief": False}, format="json"
        ),
        "synoniem verwijderen": client.post(f"{pagina}/synoniemen/{synoniem.pk}/verwijderen/"),
        "synoniem api": api.delete(f"{BASE}/synoniemen/{synoniem.pk}/"),
    }
    statussen = {naam: a.status_code for naam, a in antwoorden.items()}
    assert statussen == dict.fromkeys(antwoorden, 404)
    assert antwoorden["wijk api"].json()["detail"] == "Deze wijk hoort niet bij uw gemeente."
    nergens = api.patch(f"{BASE}/wijken/987654/", {"naam": "Overgenomen"}, format="json")
    assert nergens.status_code == 404
    assert nergens.json()["detail"] == antwoorden["wijk api"].json()["detail"]
    rijen = geweigerd_elders(beheer)
    assert [(r.onderwerp, r.handeling, r.reden) for r in rijen] == [
        ("inrichting", "wijzigen", f"Wijk {wijk.pk}: {NIET_BINNEN_GEMEENTE}."),
        ("inrichting", "wijzigen", f"Wijk {wijk.pk}: {NIET_BINNEN_GEMEENTE}."),
        ("inrichting", "wijzigen", f"Wijk {wijk.pk}: {NIET_BINNEN_GEMEENTE}."),
        ("account", "behandelen", f"Verzoek {verzoek.pk}: {NIET_BINNEN_GEMEENTE}."),
        ("account", "behandelen", f"Verzoek {verzoek.pk}: {NIET_BINNEN_GEMEENTE}."),
        ("catalogus", "wijzigen", f"Voorziening {voorziening.pk}: {NIET_BINNEN_GEMEENTE}."),
        ("catalogus", "lezen", f"Voorziening {voorziening.pk}: {NIET_BINNEN_GEMEENTE}."),
        ("catalogus", "wijzigen", f"Voorziening {voorziening.pk}: {NIET_BINNEN_GEMEENTE}."),
        ("catalogus", "wijzigen", f"Synoniemen {synoniem.pk}: {NIET_BINNEN_GEMEENTE}."),
        ("catalogus", "wijzigen", f"Synoniemen {synoniem.pk}: {NIET_BINNEN_GEMEENTE}."),
        ("inrichting", "wijzigen", f"Wijk 987654: {NIET_BINNEN_GEMEENTE}."),
    ]
    assert {r.gemeente_id for r in rijen} == {beheer.gemeente_id}
    wijk.refresh_from_db()
    verzoek.refresh_from_db()
    voorziening.refresh_from_db()
    assert wijk.naam == "Panningen"
    assert verzoek.status == VerzoekStatus.OPEN
    assert voorziening.actief
    assert Synoniem.objects.filter(pk=synoniem.pk).exists()


def test_the_own_wijk_request_provision_and_synonyms_still_open(beheer, beheer2, gemeente):
    wijk = WijkFactory(gemeente=gemeente, naam="Centrum")
    voorziening = VoorzieningFactory(gemeente=gemeente, naam="Hulp Hier")
    synoniem = voorzieningen_services.synoniem_add(gemeente=gemeente, woorden="geld, schulden")
    verzoek = RolWijzigingVerzoekFactory(gemeente=gemeente, aangevraagd_door=beheer2.user)
    client, api = login(Client(), beheer), api_for(beheer)
    assert "Centrum" in client.get(f"/functioneel-beheer/wijken/{wijk.pk}/").content.decode()
    assert (
        "Hulp Hier"
        in client.get(f"/functioneel-beheer/catalogus/{voorziening.pk}/").content.decode()
    )
    assert api.get(f"{BASE}/voorzieningen/{voorziening.pk}/tarieven/").status_code == 200
    assert (
        api.patch(
            f"{BASE}/synoniemen/{synoniem.pk}/",
            {"woorden": "geld, schulden, armoede"},
            format="json",
        ).status_code
        == 200
    )
    assert api.post(f"{BASE}/verzoeken/{verzoek.pk}/afwijzen/").status_code == 200
    verzoek.refresh_from_db()
    assert verzoek.status == VerzoekStatus.AFGEWEZEN
    assert not geweigerd_elders(beheer)
