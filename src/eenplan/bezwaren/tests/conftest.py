"""Fixtures of the bezwaren tests: the catalogue's hulp bij het huishouden with two ZIN tariffs and
an aanvraag of the resident in Noord received a week ago (the shared builders of
`eenplan.testing.helpers`, as in the beschikkingen tests); the back office is the shared one of
`eenplan/conftest.py`."""

from __future__ import annotations

import pytest

from eenplan.testing.helpers import aanvraag_voor, maatwerk


@pytest.fixture
def hh(gemeente):
    return maatwerk(gemeente)


@pytest.fixture
def aanvraag(inwoner_noord, generalist):
    return aanvraag_voor(inwoner_noord, generalist)
