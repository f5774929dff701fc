"""Factories of debt help (issue 14), through the services as the others are. Imported into
`eenplan.testing.factories`, so every model has its factory there."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import factory

from eenplan.gemeente.constants import Rol
from eenplan.schuldhulp import services
from eenplan.schuldhulp.constants import ContactWijze, Fase, SchuldeiserSoort
from eenplan.schuldhulp.models import Contactpoging, RouteStap, Schuldvraag, Vroegsignaal
from eenplan.testing.factories import HuishoudenFactory, medewerker_voor, vandaag


def schuldhulp_voor(inwoner: Any) -> Any:
    """A Werkplein consultant (debt triage and the toelating, BRIEF §2) whose team serves the
    resident (need-to-know)."""
    return medewerker_voor(inwoner, Rol.WERKPLEIN)


class VroegsignaalFactory(factory.Factory):
    """A housing corporation's signal of € 850 rent arrears, received a week ago, registered
    as a melding through `signaal_registreren`."""

    class Meta:
        model = Vroegsignaal

    inwoner = factory.LazyFunction(lambda: HuishoudenFactory().leden.first().inwoner)
    schuldeiser_soort = SchuldeiserSoort.HUUR
    schuldeiser = "Woonstichting De Peel"
    bedrag = Decimal("850.00")
    ontvangen_op = factory.LazyFunction(lambda: vandaag() - dt.timedelta(days=7))
    dreiging = ""

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> Vroegsignaal:
        kwargs.setdefault("actor", schuldhulp_voor(kwargs["inwoner"]).user)
        return services.signaal_registreren(**kwargs)


class ContactpogingFactory(factory.Factory):
    class Meta:
        model = Contactpoging

    signaal = factory.SubFactory(VroegsignaalFactory)
    op = factory.LazyAttribute(lambda o: o.signaal.ontvangen_op + dt.timedelta(days=1))
    wijze = ContactWijze.TELEFOON
    bereikt = True

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> Contactpoging:
        kwargs.setdefault("actor", schuldhulp_voor(kwargs["signaal"].inwoner).user)
        return services.contact_vastleggen(**kwargs)


class SchuldvraagFactory(factory.Factory):
    """A request for debt help of a one-person household, ten days ago, without a threat."""

    class Meta:
        model = Schuldvraag

    inwoner = factory.LazyFunction(lambda: HuishoudenFactory().leden.first().inwoner)
    verzoek_op = factory.LazyFunction(lambda: vandaag() - dt.timedelta(days=10))
    dreiging = ""

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> Schuldvraag:
        kwargs.setdefault("actor", schuldhulp_voor(kwargs["inwoner"]).user)
        return services.schuldvraag_aanmelden(**kwargs)


class RouteStapFactory(factory.Factory):
    """The step of the first conversation, held three days after the request."""

    class Meta:
        model = RouteStap

    schuldvraag = factory.SubFactory(SchuldvraagFactory)

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> RouteStap:
        vraag = kwargs["schuldvraag"]
        services.fase_vastleggen(
            actor=schuldhulp_voor(vraag.inwoner).user,
            vraag=vraag,
            fase=Fase.EERSTE_GESPREK,
            op=vraag.verzoek_op + dt.timedelta(days=3),
        )
        return vraag.stappen.get(fase=Fase.EERSTE_GESPREK)
