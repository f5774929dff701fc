"""Fixtures of the functioneel-beheer tests: two beheerders of Venlo and one of elsewhere."""

from __future__ import annotations

import pytest

from eenplan.gemeente.constants import Rol
from eenplan.testing.factories import GemeenteFactory, MedewerkerFactory, TeamFactory, WijkFactory


@pytest.fixture
def beheer(gemeente):
    return MedewerkerFactory(
        gemeente=gemeente,
        functie=Rol.FUNCTIONEEL_BEHEER,
        username="beheer",
        first_name="Bert",
        last_name="Beheer",
    )


@pytest.fixture
def beheer2(gemeente):
    return MedewerkerFactory(
        gemeente=gemeente, functie=Rol.FUNCTIONEEL_BEHEER, username="beheer2", first_name="Bea"
    )


@pytest.fixture
def elders(gemeente):
    """Another municipality with its own beheerder, wijk, team and staff member."""
    andere = GemeenteFactory(cbs_code="GM0889", naam="Peel en Maas")
    wijk = WijkFactory(gemeente=andere, naam="Panningen")
    team = TeamFactory(gemeente=andere, naam="Team Elders", wijken=[wijk])
    medewerker = MedewerkerFactory(
        gemeente=andere, functie=Rol.GENERALIST, teams=[team], username="elders"
    )
    beheerder = MedewerkerFactory(
        gemeente=andere, functie=Rol.FUNCTIONEEL_BEHEER, username="beheer-elders"
    )
    return {
        "gemeente": andere,
        "wijk": wijk,
        "team": team,
        "medewerker": medewerker,
        "beheer": beheerder,
    }


@pytest.fixture
def vier_ogen(settings):
    settings.EENPLAN_ROLWIJZIGING_VIER_OGEN = True
