"""Shared fixtures of the uitwisseling tests: Anna's household with an onderzoek (toegang
data), a gezinscoach in no wijkteam, a functioneel beheerder and a superuser."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from eenplan.gemeente.constants import Rol
from eenplan.gemeente.models import Medewerker
from eenplan.onderzoeken import services as onderzoeken
from eenplan.testing.factories import MedewerkerFactory
from eenplan.testing.uitwisseling import ANTWOORDEN
from eenplan.uitwisseling import services
from eenplan.uitwisseling.models import Uitwisseling


@pytest.fixture
def gezinscoach(gemeente: Any) -> Medewerker:
    return MedewerkerFactory(gemeente=gemeente, functie=Rol.GEZINSCOACH, username="gezinscoach")


@pytest.fixture
def beheerder(gemeente: Any) -> Medewerker:
    return MedewerkerFactory(gemeente=gemeente, functie=Rol.FUNCTIONEEL_BEHEER, username="fb")


@pytest.fixture
def superuser(db: Any) -> Any:
    return get_user_model().objects.create_superuser(
        username="root", password="test-wachtwoord-123"  # noqa: S106 - test data
    )


@pytest.fixture
def huishouden(gezin: dict[str, Any], onderzoek: Any, generalist: Medewerker) -> Any:
    """Anna's household; her onderzoek holds a conversation's answer (toegang data)."""
    onderzoeken.onderdeel_set(
        onderzoek=onderzoek, code="a", antwoord="Anna vertelde over zorgen thuis.",
        actor=generalist.user,
    )
    return gezin["huishouden"]


def vraag(huishouden: Any, door: Medewerker, **kw: Any) -> Uitwisseling:
    args: dict[str, Any] = {
        "huishouden": huishouden,
        "ontvanger_soort": "regionaal_team",
        "ontvanger_naam": "Regionaal team jeugd",
        "categorieen": ["personalia"],
        "doelsoort": "afstemmen",
        "antwoorden": ANTWOORDEN,
        "grondslag": "wettelijke_plicht",
        "van": timezone.localdate(),
        "tot": timezone.localdate() + dt.timedelta(days=30),
    }
    args.update(kw)
    return services.uitwisseling_vraag(door=door.user, **args)


@pytest.fixture
def vrager() -> Any:
    return vraag
