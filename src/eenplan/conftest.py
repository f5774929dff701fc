"""Fixtures shared by all app tests: a small municipality with teams, staff and residents."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from eenplan.gemeente.constants import Rol, TeamSoort
from eenplan.gemeente.services import roles_sync
from eenplan.testing.factories import (
    GemeenteFactory,
    InwonerFactory,
    MedewerkerFactory,
    TeamFactory,
    WijkFactory,
)


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Tests create many logins; a fast hasher keeps the suite quick (never in production)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def gemeente(db):
    roles_sync()
    return GemeenteFactory()


@pytest.fixture
def wijken(gemeente):
    return {naam: WijkFactory(gemeente=gemeente, naam=naam) for naam in ("Noord", "Zuid", "Oost")}


@pytest.fixture
def team_noord(gemeente, wijken):
    return TeamFactory(
        gemeente=gemeente, naam="Wijkteam Noord", soort=TeamSoort.WIJKTEAM, wijken=[wijken["Noord"]]
    )


@pytest.fixture
def midoffice_team(gemeente, wijken):
    return TeamFactory(
        gemeente=gemeente, naam="Toegang", soort=TeamSoort.MIDOFFICE, wijken=list(wijken.values())
    )


@pytest.fixture
def generalist(team_noord):
    return MedewerkerFactory(
        gemeente=team_noord.gemeente,
        functie=Rol.GENERALIST,
        teams=[team_noord],
        username="generalist",
    )


@pytest.fixture
def midoffice(midoffice_team):
    return MedewerkerFactory(
        gemeente=midoffice_team.gemeente,
        functie=Rol.MIDOFFICE,
        teams=[midoffice_team],
        username="midoffice",
    )


@pytest.fixture
def backoffice_user(gemeente, wijken):
    """The back office serves every wijk (its need-to-know is the whole municipality)."""
    team = TeamFactory(
        gemeente=gemeente,
        naam="Backoffice",
        soort=TeamSoort.BACKOFFICE,
        wijken=list(wijken.values()),
    )
    return MedewerkerFactory(
        gemeente=gemeente, functie=Rol.BACKOFFICE, teams=[team], username="backoffice"
    ).user


@pytest.fixture
def backoffice(gemeente, wijken):
    """A back-office medewerker (Bas Backer, login `bo`) whose team serves every wijk (its
    team's wijken are its need-to-know)."""
    team = TeamFactory(
        gemeente=gemeente,
        naam="Backoffice",
        soort=TeamSoort.BACKOFFICE,
        wijken=list(wijken.values()),
    )
    return MedewerkerFactory(
        gemeente=gemeente,
        functie=Rol.BACKOFFICE,
        teams=[team],
        username="bo",
        first_name="Bas",
        last_name="Backer",
    )


@pytest.fixture
def privacy_officer(gemeente):
    return MedewerkerFactory(gemeente=gemeente, functie=Rol.PRIVACY, username="privacy")


@pytest.fixture
def beleid(gemeente):
    return MedewerkerFactory(gemeente=gemeente, functie=Rol.BELEID, username="beleid")


@pytest.fixture
def vrijwilliger(gemeente):
    """A volunteer of the information point: no dossiers."""
    return MedewerkerFactory(gemeente=gemeente, functie=Rol.VRIJWILLIGER, username="vrijwilliger")


@pytest.fixture
def inwoner_noord(wijken):
    return InwonerFactory(
        gemeente=wijken["Noord"].gemeente,
        wijk=wijken["Noord"],
        voornamen="Anna",
        achternaam="Jansen",
        geboortedatum=dt.date(1948, 3, 2),
    )


@pytest.fixture
def inwoner_zuid(wijken):
    return InwonerFactory(
        gemeente=wijken["Zuid"].gemeente,
        wijk=wijken["Zuid"],
        voornamen="Piet",
        voorvoegsel="de",
        achternaam="Vries",
    )


def login(client: Client, medewerker) -> Client:
    client.force_login(medewerker.user)
    return client


@pytest.fixture(autouse=True)
def _fresh_cache():
    """API rate-limit and API-key back-off counters live in the cache; each test starts clean."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
