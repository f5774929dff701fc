from __future__ import annotations

import pytest
from django.test import Client

from eenplan.gemeente.constants import Rol
from eenplan.testing.factories import MedewerkerFactory


def _login(medewerker) -> Client:
    client = Client()
    client.force_login(medewerker.user)
    return client


@pytest.fixture
def beleidsmedewerker(gemeente):
    return MedewerkerFactory(gemeente=gemeente, functie=Rol.BELEID, username="beleid")


@pytest.fixture
def contractmanager(gemeente):
    return MedewerkerFactory(gemeente=gemeente, functie=Rol.CONTRACTMANAGER, username="contract")


@pytest.fixture
def beleid_client(beleidsmedewerker) -> Client:
    return _login(beleidsmedewerker)


@pytest.fixture
def contract_client(contractmanager) -> Client:
    return _login(contractmanager)


@pytest.fixture
def generalist_client(generalist) -> Client:
    return _login(generalist)
