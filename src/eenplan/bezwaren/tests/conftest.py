"""Fixtures of the bezwaren tests: the catalogue's hulp bij het huishouden with two ZIN tariffs
an aanvraag of the resident in Noord received a week ago (the shared builders of
`eenplan.testing.helpers`, as in the beschikkingen tests), and a back office serving every wijk."""

from __future__ import annotations

import pytest

from eenplan.gemeente.constants import Rol, TeamSoort
from eenplan.testing.factories import MedewerkerFactory, TeamFactory
from eenplan.testing.helpers import aanvraag_voor, maatwerk


@pytest.fixture
def hh(gemeente):
    return maatwerk(gemeente)


@pytest.fixture
def aanvraag(inwoner_noord, generalist):
    return aanvraag_voor(inwoner_noord, generalist)


@pytest.fixture
def backoffice(gemeente, wijken):
    """The back office serves every wijk (its team's wijken are its need-to-know)."""
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
