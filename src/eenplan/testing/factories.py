"""factory_boy factories for tests. Residents are created through the service, so tests see
exactly what the application writes (normalised search names, checked BSN)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import factory
from django.utils import timezone

from eenplan.demo.builder import bsn_sequence
from eenplan.gemeente.constants import Rol, TeamSoort
from eenplan.gemeente.models import Gemeente, Medewerker, Team, Wijk
from eenplan.gemeente.services import medewerker_create, team_create
from eenplan.inwoners.models import Inwoner
from eenplan.inwoners.services import inwoner_create

_BSNS: Iterator[str] = bsn_sequence(start=100_000_000)


def next_bsn() -> str:
    return next(_BSNS)


class GemeenteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Gemeente
        django_get_or_create = ("cbs_code",)

    cbs_code = "GM0983"
    naam = "Venlo"


class WijkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Wijk

    gemeente = factory.SubFactory(GemeenteFactory)
    code = factory.Sequence(lambda n: f"WK{n:06d}")
    naam = factory.Sequence(lambda n: f"Wijk {n}")


class TeamFactory(factory.Factory):
    class Meta:
        model = Team

    gemeente = factory.SubFactory(GemeenteFactory)
    naam = factory.Sequence(lambda n: f"Team {n}")
    soort = TeamSoort.WIJKTEAM
    wijken: list[Wijk] = []

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> Team:
        return team_create(**kwargs)


class MedewerkerFactory(factory.Factory):
    class Meta:
        model = Medewerker

    gemeente = factory.SubFactory(GemeenteFactory)
    username = factory.Sequence(lambda n: f"medewerker{n}")
    password = "test-wachtwoord-123"  # noqa: S105 - test data
    first_name = "Mo"
    last_name = factory.Sequence(lambda n: f"Medewerker {n}")
    functie = Rol.GENERALIST
    teams: list[Team] = []

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> Medewerker:
        if kwargs["functie"] == Rol.JEUGDPROFESSIONAL:
            kwargs.setdefault("registratienummer", "SKJ100000001")
            kwargs.setdefault(
                "registratie_geldig_tot", timezone.localdate() + dt.timedelta(days=365)
            )
        return medewerker_create(**kwargs)


class InwonerFactory(factory.Factory):
    class Meta:
        model = Inwoner

    gemeente = factory.SubFactory(GemeenteFactory)
    wijk = factory.SubFactory(WijkFactory, gemeente=factory.SelfAttribute("..gemeente"))
    bsn = factory.LazyFunction(next_bsn)
    voornamen = factory.Iterator(["Jan", "Maria", "Kees", "Fatima", "Sem", "Emma"])
    voorvoegsel = ""
    achternaam = factory.Iterator(["Bakker", "Visser", "Smit", "Meijer", "Mulder"])
    geboortedatum = dt.date(1980, 6, 15)
    straat = "Kerkstraat"
    huisnummer = factory.Sequence(lambda n: n + 1)
    postcode = "5911AB"
    woonplaats = "Venlo"

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> Inwoner:
        return inwoner_create(**kwargs)


def plan_uit_vorig_huishouden(*, inwoner: Inwoner, door: Any, doel: str = "") -> Any:
    """An active plan of the household `inwoner` lived in until 1 May 1972 (before joining
    the test household); a housemate who stayed keeps that household in scope. One household
    has one active plan, so this is how two active plans meet: people move in together."""
    from eenplan.inwoners.constants import Relatie
    from eenplan.inwoners.models import Huishouden, HuishoudenLid
    from eenplan.onderzoeken.models import Leefgebied
    from eenplan.plannen.constants import Doeltype
    from eenplan.plannen.models import Doel, Plan

    vorig = Huishouden.objects.create(gemeente=inwoner.gemeente, naam=f"Vorig van {inwoner}")
    HuishoudenLid.objects.create(
        huishouden=vorig,
        inwoner=inwoner,
        relatie=Relatie.REFERENTIE,
        lid_van=dt.date(1960, 1, 1),
        lid_tot=dt.date(1972, 5, 1),
    )
    HuishoudenLid.objects.create(
        huishouden=vorig,
        inwoner=InwonerFactory(gemeente=inwoner.gemeente, wijk=inwoner.wijk, voornamen="Kees"),
        relatie=Relatie.OVERIG,
        lid_van=dt.date(1960, 1, 1),
    )
    plan = Plan.objects.create(huishouden=vorig, aangemaakt_door=door)
    if doel:
        Doel.objects.create(
            plan=plan,
            inwoner=inwoner,
            leefgebied=Leefgebied.objects.get(code="huisvesting"),
            omschrijving=doel,
            doeltype=Doeltype.ACHTERUITGANG,
        )
    return plan
