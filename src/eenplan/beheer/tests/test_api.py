"""The REST endpoints of functioneel beheer (/api/v1/beheer/): the same capabilities and the
same refusals as the pages."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django_otp.plugins.otp_totp.models import TOTPDevice

from eenplan.gemeente.constants import Onderdeel, Rol, VerzoekStatus
from eenplan.gemeente.models import Medewerker, RolWijziging, RolWijzigingVerzoek, Team
from eenplan.testing.helpers import api_for

pytestmark = pytest.mark.django_db
User = get_user_model()
BASE = "/api/v1/beheer"


def account(team, **changes):
    data = {
        "voornaam": "Noor",
        "achternaam": "Janssen",
        "email": "n.janssen@venlo.nl",
        "gebruikersnaam": "n.janssen",
        "wachtwoord": "Lang-genoeg-wachtwoord-2026",
        "functie": Rol.GENERALIST,
        "teams": [team.pk],
    }
    data.update(changes)
    return data


def test_list_only_the_own_municipality(beheer, generalist, elders):
    response = api_for(beheer).get(f"{BASE}/medewerkers/")
    assert response.status_code == 200
    namen = {r["gebruikersnaam"] for r in response.json()["results"]}
    assert namen == {"beheer", "generalist"}
    rij = next(r for r in response.json()["results"] if r["gebruikersnaam"] == "generalist")
    assert rij["functie"] == Rol.GENERALIST and rij["actief"] and not rij["tweede_factor"]
    assert api_for(beheer).get(f"{BASE}/medewerkers/{elders['medewerker'].pk}/").status_code == 404
    # The other municipality's beheerder sees none of ours.
    response = api_for(elders["beheer"]).get(f"{BASE}/medewerkers/")
    assert {r["gebruikersnaam"] for r in response.json()["results"]} == {"elders", "beheer-elders"}
    assert api_for(elders["beheer"]).get(f"{BASE}/medewerkers/{generalist.pk}/").status_code == 404


def test_create_account_and_bad_input(beheer, team_noord, elders):
    client = api_for(beheer)
    voor = User.objects.count()
    response = client.post(f"{BASE}/medewerkers/", account(team_noord, email="x"), format="json")
    assert response.status_code == 400 and "e-mailadres" in str(response.json())
    response = client.post(
        f"{BASE}/medewerkers/", account(team_noord, teams=[elders["team"].pk]), format="json"
    )
    assert response.status_code == 400 and "Onbekend in uw gemeente" in str(response.json())
    response = client.post(
        f"{BASE}/medewerkers/", account(team_noord, wachtwoord="kort"), format="json"
    )
    assert response.status_code == 400
    assert User.objects.count() == voor
    response = client.post(f"{BASE}/medewerkers/", account(team_noord), format="json")
    assert response.status_code == 201, response.json()
    assert response.json()["teams"] == [{"id": team_noord.pk, "naam": team_noord.naam}]
    assert Medewerker.objects.get(user__username="n.janssen").user.is_active


def test_roles_deactivate_second_factor_and_log(beheer, generalist, midoffice_team):
    client = api_for(beheer)
    response = client.post(
        f"{BASE}/medewerkers/{generalist.pk}/rollen/",
        {"functie": Rol.GENERALIST, "extra_rollen": [Rol.MIDOFFICE], "teams": [midoffice_team.pk]},
        format="json",
    )
    assert response.status_code == 200, response.json()
    assert response.json()["extra_rollen"] == [Rol.MIDOFFICE]
    assert client.post(f"{BASE}/medewerkers/{generalist.pk}/deactiveren/").json()["actief"] is False
    assert client.post(f"{BASE}/medewerkers/{generalist.pk}/activeren/").json()["actief"] is True
    TOTPDevice.objects.create(user=generalist.user, name="A", confirmed=True)
    response = client.post(f"{BASE}/medewerkers/{generalist.pk}/tweede-factor-resetten/")
    assert response.status_code == 200 and response.json()["tweede_factor"] is False
    response = client.post(f"{BASE}/medewerkers/{generalist.pk}/blokkade-opheffen/")
    assert response.status_code == 400 and "niet geblokkeerd" in str(response.json())
    log = client.get(f"{BASE}/medewerkers/{generalist.pk}/wijzigingen/").json()["results"]
    assert {r["onderdeel"] for r in log} >= {
        Onderdeel.EXTRA_ROLLEN,
        Onderdeel.TEAMS,
        Onderdeel.ACTIEF,
        Onderdeel.TWEEDE_FACTOR,
    }


def test_no_self_elevation_in_the_api(beheer, team_noord):
    client = api_for(beheer)
    response = client.post(
        f"{BASE}/medewerkers/{beheer.pk}/rollen/",
        {"functie": Rol.FUNCTIONEEL_BEHEER, "extra_rollen": [Rol.PRIVACY]},
        format="json",
    )
    assert response.status_code == 400 and "eigen rollen" in str(response.json())
    assert client.post(f"{BASE}/medewerkers/{beheer.pk}/deactiveren/").status_code == 400
    assert set(beheer.user.groups.values_list("name", flat=True)) == {Rol.FUNCTIONEEL_BEHEER}
    assert not RolWijziging.objects.filter(medewerker=beheer, door=beheer.user).exists()


def test_four_eyes_in_the_api(beheer, beheer2, generalist, vier_ogen):
    response = api_for(beheer).post(f"{BASE}/medewerkers/{generalist.pk}/deactiveren/")
    assert response.status_code == 202 and response.json()["status"] == VerzoekStatus.OPEN
    generalist.user.refresh_from_db()
    assert generalist.user.is_active
    verzoek = RolWijzigingVerzoek.objects.get(pk=response.json()["id"])
    assert api_for(beheer).post(f"{BASE}/verzoeken/{verzoek.pk}/goedkeuren/").status_code == 400
    lijst = api_for(beheer2).get(f"{BASE}/verzoeken/").json()["results"]
    assert [v["id"] for v in lijst] == [verzoek.pk]
    response = api_for(beheer2).post(f"{BASE}/verzoeken/{verzoek.pk}/goedkeuren/")
    assert response.status_code == 200 and response.json()["status"] == VerzoekStatus.GOEDGEKEURD
    generalist.user.refresh_from_db()
    assert not generalist.user.is_active


def test_teams_and_wijken_api(beheer, wijken, elders):
    client = api_for(beheer)
    response = client.post(f"{BASE}/wijken/", {"code": "WK098309", "naam": "West"}, format="json")
    assert response.status_code == 201
    west = response.json()["id"]
    assert (
        client.post(f"{BASE}/wijken/", {"code": "W9", "naam": "X"}, format="json").status_code
        == 400
    )
    response = client.post(
        f"{BASE}/teams/",
        {"naam": "Wijkteam West", "soort": "wijkteam", "wijken": [west]},
        format="json",
    )
    assert response.status_code == 201 and response.json()["wijken"] == [west]
    team = response.json()["id"]
    response = client.patch(
        f"{BASE}/teams/{team}/", {"wijken": [west, wijken["Zuid"].pk]}, format="json"
    )
    assert response.status_code == 200
    assert sorted(response.json()["wijken"]) == sorted([west, wijken["Zuid"].pk])
    response = client.patch(f"{BASE}/teams/{team}/", {"wijken": [elders["wijk"].pk]}, format="json")
    assert response.status_code == 400
    assert (
        client.patch(f"{BASE}/teams/{elders['team'].pk}/", {"naam": "X"}, format="json").status_code
        == 404
    )
    assert Team.objects.get(pk=team).wijken.count() == 2


@pytest.mark.parametrize(
    ("method", "url"),
    [
        ("get", "/medewerkers/"),
        ("post", "/medewerkers/"),
        ("get", "/verzoeken/"),
        ("get", "/teams/"),
        ("post", "/wijken/"),
        ("get", "/feestdagen/"),
        ("post", "/synoniemen/"),
    ],
)
def test_other_roles_get_403(generalist, method, url):
    response = getattr(api_for(generalist), method)(f"{BASE}{url}", {}, format="json")
    assert response.status_code == 403
