"""Factories of work and income (issue 14), through the services as the others are. Imported
into `eenplan.testing.factories`, so every model has its factory there."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import factory

from eenplan.gemeente.constants import Rol
from eenplan.participatie import services
from eenplan.participatie.constants import Methode, TrajectFase
from eenplan.participatie.models import (
    LevensonderhoudAanvraag,
    Traject,
    TrajectStap,
    Verdiencapaciteit,
    Voorschot,
)
from eenplan.testing.factories import (
    HuishoudenFactory,
    InwonerFactory,
    medewerker_voor,
    vandaag,
)


def werkplein_voor(inwoner: Any) -> Any:
    """A Werkplein consultant whose team serves the resident (need-to-know)."""
    return medewerker_voor(inwoner, Rol.WERKPLEIN)


class LevensonderhoudAanvraagFactory(factory.Factory):
    """An aanvraag levensonderhoud of a one-person household (an adult of 1980), reported ten
    days ago and applied for five days ago, through `levensonderhoud_aanvragen`."""

    class Meta:
        model = LevensonderhoudAanvraag

    huishouden = factory.SubFactory(HuishoudenFactory)
    inwoner = factory.LazyAttribute(lambda o: o.huishouden.leden.first().inwoner)
    gemeld_op = factory.LazyFunction(lambda: vandaag() - dt.timedelta(days=10))
    ontvangen_op = factory.LazyFunction(lambda: vandaag() - dt.timedelta(days=5))

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> LevensonderhoudAanvraag:
        kwargs.setdefault("actor", werkplein_voor(kwargs["inwoner"]).user)
        return services.levensonderhoud_aanvragen(**kwargs)


class VoorschotFactory(factory.Factory):
    class Meta:
        model = Voorschot

    lo = factory.SubFactory(LevensonderhoudAanvraagFactory)
    verleend_op = factory.LazyFunction(vandaag)
    bedrag = Decimal("900.00")

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> Voorschot:
        kwargs.setdefault("actor", werkplein_voor(kwargs["lo"].inwoner).user)
        return services.voorschot_verlenen(**kwargs)


class VerdiencapaciteitFactory(factory.Factory):
    """An earning capacity of 60% (the Werkspoor by the default thresholds)."""

    class Meta:
        model = Verdiencapaciteit

    inwoner = factory.SubFactory(InwonerFactory)
    vastgesteld_op = factory.LazyFunction(lambda: vandaag() - dt.timedelta(days=30))
    percentage = Decimal("60")
    methode = Methode.LOONWAARDEMETING

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> Verdiencapaciteit:
        kwargs.setdefault("actor", werkplein_voor(kwargs["inwoner"]).user)
        return services.verdiencapaciteit_vastleggen(**kwargs)


class TrajectFactory(factory.Factory):
    class Meta:
        model = Traject

    verdiencapaciteit = factory.SubFactory(VerdiencapaciteitFactory)
    begonnen_op = factory.LazyAttribute(lambda o: o.verdiencapaciteit.vastgesteld_op)

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> Traject:
        kwargs.setdefault("actor", werkplein_voor(kwargs["verdiencapaciteit"].inwoner).user)
        return services.traject_starten(**kwargs)


class TrajectStapFactory(factory.Factory):
    """The step after a closed diagnose: the ontwikkeling phase of a Werkspoor trajectory."""

    class Meta:
        model = TrajectStap

    traject = factory.SubFactory(TrajectFactory)

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> TrajectStap:
        traject = kwargs["traject"]
        services.traject_stap_afronden(
            actor=werkplein_voor(traject.inwoner).user,
            traject=traject,
            op=vandaag(),
            uitkomst="Diagnose gesteld: klaar voor ontwikkeling.",
        )
        return traject.stappen.get(fase=TrajectFase.ONTWIKKELING)
