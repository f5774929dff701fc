"""Functioneel beheer of the region (issue 16): the beheerder of a municipality adds a staff
member of another municipality of the region and ends that membership, on the page and through
the API, logged; the login then no longer acts for that municipality."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from rest_framework.test import APIClient

from eenplan.gemeente.constants import Onderdeel
from eenplan.gemeente.models import Medewerker, RolWijziging
from eenplan.gemeente.selectors import gemeenten_van_login, medewerker_for_user
from eenplan.gemeente.services import medewerker_gemeente_end
from eenplan.testing import regio as regio_bouw
from eenplan.testing.factories import MedewerkerFactory, TeamFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def regio():
    return regio_bouw.bouw()


@pytest.fixture
def beheer_b(regio):
    """The functioneel beheerder of the second municipality (Weert)."""
    return MedewerkerFactory(gemeente=regio.b.gemeente, functie="beheer", username="beheer-weert")


def test_the_beheerder_adds_a_colleague_of_the_region_and_ends_it_on_the_page(
    client, regio, beheer_b
):
    team = TeamFactory(gemeente=regio.b.gemeente, naam="Wijkteam Molenakker")
    collega = regio.a.midoffice.user  # works for Peel en Maas only
    client.force_login(beheer_b.user)
    pagina = client.get("/functioneel-beheer/regio/").content.decode()
    assert "Medewerkers uit de regio" in pagina and regio.login.username in pagina

    antwoord = client.post(
        "/functioneel-beheer/regio/toevoegen/",
        {"gebruikersnaam": collega.username, "teams": [team.pk]},
    )
    assert antwoord.status_code == 302
    lid = Medewerker.objects.get(user=collega, gemeente=regio.b.gemeente)
    assert list(lid.teams.all()) == [team]
    pagina = client.get("/functioneel-beheer/regio/").content.decode()
    assert "werkt nu ook voor Weert" in pagina and "Peel en Maas" in pagina
    assert {m.gemeente.naam for m in gemeenten_van_login(collega)} == {"Peel en Maas", "Weert"}

    client.post(f"/functioneel-beheer/medewerkers/{lid.pk}/lidmaatschap-beeindigen/")
    lid.refresh_from_db()
    assert lid.lid_tot is not None and not lid.teams.exists()
    assert (
        "werkt vanaf vandaag niet meer voor Weert"
        in client.get("/functioneel-beheer/regio/").content.decode()
    )
    # The login no longer acts for Weert: the switch does not offer it, the record is skipped.
    assert [m.gemeente.naam for m in gemeenten_van_login(collega)] == ["Peel en Maas"]
    assert (
        RolWijziging.objects.filter(
            gemeente=regio.b.gemeente, medewerker=lid, onderdeel=Onderdeel.LIDMAATSCHAP
        ).count()
        == 1
    )  # the end; adding is logged as the account and its teams
    assert RolWijziging.objects.filter(gemeente=regio.b.gemeente, medewerker=lid).count() == 4


def test_a_regional_login_whose_membership_ended_cannot_choose_that_municipality(
    client, regio, beheer_b
):
    medewerker_gemeente_end(medewerker=regio.regionaal_b, door=beheer_b.user)
    client.force_login(regio.login)
    antwoord = client.post("/gemeente-kiezen/", {"gemeente": regio.b.gemeente.pk})
    assert antwoord.status_code == 403
    assert client.get(f"/inwoners/{regio.b.inwoner.pk}/").status_code == 404  # not within a
    regio.login.__dict__.pop("_eenplan_medewerker", None)
    assert medewerker_for_user(regio.login).gemeente == regio.a.gemeente
    # Added again: the same record works again.
    client.force_login(beheer_b.user)
    client.post("/functioneel-beheer/regio/toevoegen/", {"gebruikersnaam": regio.login.username})
    regio.regionaal_b.refresh_from_db()
    assert regio.regionaal_b.lid_tot is None


def test_refusals_are_dutch_and_change_nothing(client, regio, beheer_b):
    client.force_login(beheer_b.user)
    # Someone who works for no other municipality of the region.
    eigen = MedewerkerFactory(gemeente=regio.b.gemeente, username="alleen-weert")
    antwoord = client.post(
        "/functioneel-beheer/regio/toevoegen/", {"gebruikersnaam": eigen.user.username}, follow=True
    )
    assert "geen medewerker van een andere gemeente in de regio" in antwoord.content.decode()
    assert Medewerker.objects.filter(user=eigen.user).count() == 1
    # The only municipality of a login: deactivate the account instead.
    with pytest.raises(ValidationError, match="enige gemeente"):
        medewerker_gemeente_end(medewerker=eigen, door=beheer_b.user)
    # Another municipality's record: a 404 on the page, refused by the service.
    assert (
        client.post(
            f"/functioneel-beheer/medewerkers/{regio.regionaal.pk}/lidmaatschap-beeindigen/"
        ).status_code
        == 404
    )
    with pytest.raises(ValidationError, match="eigen gemeente"):
        medewerker_gemeente_end(medewerker=regio.regionaal, door=beheer_b.user)
    regio.regionaal.refresh_from_db()
    assert regio.regionaal.lid_tot is None


def test_a_generalist_may_not_change_the_region(client, regio):
    client.force_login(regio.b.midoffice.user)
    assert client.get("/functioneel-beheer/regio/").status_code == 403
    assert (
        client.post(
            "/functioneel-beheer/regio/toevoegen/",
            {"gebruikersnaam": regio.a.midoffice.user.username},
        ).status_code
        == 403
    )
    assert not Medewerker.objects.filter(
        user=regio.a.midoffice.user, gemeente=regio.b.gemeente
    ).exists()


def test_the_api_lists_adds_and_ends_regional_memberships(regio, beheer_b):
    api = APIClient()
    api.force_authenticate(beheer_b.user)
    lijst = api.get("/api/v1/beheer/regio/").json()["results"]
    assert [(r["gebruikersnaam"], r["andere_gemeenten"], r["lid_tot"]) for r in lijst] == [
        (regio.login.username, ["Peel en Maas"], None)
    ]
    nieuw = api.post(
        "/api/v1/beheer/regio/",
        {"gebruikersnaam": regio.a.midoffice.user.username, "teams": []},
        format="json",
    )
    assert nieuw.status_code == 201, nieuw.content
    lid = nieuw.json()
    assert lid["andere_gemeenten"] == ["Peel en Maas"] and lid["lid_tot"] is None
    einde = api.post(f"/api/v1/beheer/medewerkers/{lid['id']}/lidmaatschap-beeindigen/")
    assert einde.status_code == 200 and einde.json()["lid_tot"]
    nogmaals = api.post(f"/api/v1/beheer/medewerkers/{lid['id']}/lidmaatschap-beeindigen/")
    assert nogmaals.status_code == 400 and "al beëindigd" in nogmaals.content.decode()
    onbekend = api.post("/api/v1/beheer/regio/", {"gebruikersnaam": "niemand"}, format="json")
    assert onbekend.status_code == 400
    assert "andere gemeente in de regio" in onbekend.content.decode()
