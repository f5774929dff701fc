import pytest

from eenplan.gemeente.constants import Rol
from eenplan.testing.factories import MedewerkerFactory


@pytest.fixture
def contractmanager(gemeente):
    return MedewerkerFactory(gemeente=gemeente, functie=Rol.CONTRACTMANAGER, username="contract")
