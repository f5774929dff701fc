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
from eenplan.testing.helpers import hypothesis_profile

hypothesis_profile()


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Tests create many logins; a fast hasher keeps the suite quick (never in production)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _post_map(settings, tmp_path_factory):
    """The post export of a sent letter (ADR 0021) writes into a temporary folder, never into
    the checkout's var/."""
    settings.EENPLAN_POST_MAP = str(tmp_path_factory.mktemp("post"))


@pytest.fixture(autouse=True)
def _taken_direct(settings):
    """Background tasks run at once in tests (django-tasks' immediate backend)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


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


# --- a household with an onderzoek (shared by the onderzoek and plan tests) ------------------


@pytest.fixture
def gezin(inwoner_noord, wijken):
    """Anna (the resident) and Henk in one household in Noord; daughter Lotte is Anna's
    mantelzorger."""
    from eenplan.inwoners.constants import NetwerkSoort, Relatie
    from eenplan.inwoners.services import huishouden_create, netwerkpersoon_add
    from eenplan.testing.factories import InwonerFactory

    henk = InwonerFactory(
        gemeente=inwoner_noord.gemeente,
        wijk=wijken["Noord"],
        voornamen="Henk",
        achternaam="Jansen",
        geboortedatum=dt.date(1946, 11, 20),
    )
    huishouden = huishouden_create(
        gemeente=inwoner_noord.gemeente,
        naam="Huishouden Jansen",
        leden=[
            (inwoner_noord, Relatie.REFERENTIE, dt.date(1972, 5, 1)),
            (henk, Relatie.PARTNER, dt.date(1972, 5, 1)),
        ],
    )
    lotte = netwerkpersoon_add(
        inwoner=inwoner_noord,
        soort=NetwerkSoort.MANTELZORGER,
        naam="Lotte Jansen",
        relatie="dochter",
    )
    return {"huishouden": huishouden, "anna": inwoner_noord, "henk": henk, "lotte": lotte}


@pytest.fixture
def onderzoek(gezin, midoffice, generalist):
    """Anna's onderzoek, started by the generalist her melding was assigned to."""
    from eenplan.onderzoeken import services as onderzoeken
    from eenplan.testing.onderzoek import melding_voor

    melding = melding_voor(gezin["anna"], midoffice, generalist)
    return onderzoeken.onderzoek_start(melding=melding, actor=generalist.user)


@pytest.fixture
def generalist_zuid(gemeente, wijken):
    """A generalist of Wijkteam Zuid: outside Anna's wijk."""
    from eenplan.gemeente.constants import Rol, TeamSoort
    from eenplan.testing.factories import MedewerkerFactory, TeamFactory

    team = TeamFactory(
        gemeente=gemeente, naam="Wijkteam Zuid", soort=TeamSoort.WIJKTEAM, wijken=[wijken["Zuid"]]
    )
    return MedewerkerFactory(gemeente=gemeente, functie=Rol.GENERALIST, teams=[team])
