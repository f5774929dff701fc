"""Factories of work and income (issue 14), through the services as the others are. Imported
into `eenplan.testing.factories`, so every model has its factory there."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import factory

from eenplan.gemeente.constants import Rol
from eenplan.participatie import services
from eenplan.participatie.constants import (
    Grootte,
    InstrumentSoort,
    MaatregelSoort,
    Methode,
    TrajectFase,
)
from eenplan.participatie.models import (
    Instrument,
    LevensonderhoudAanvraag,
    Maatregel,
    Tegenprestatie,
    Traject,
    TrajectStap,
    Verdiencapaciteit,
    Voorschot,
    Werkdoel,
    Werkgever,
)
from eenplan.rules.participatie import TEGENPRESTATIE_TOT
from eenplan.testing.factories import (
    GemeenteFactory,
    HuishoudenFactory,
    InwonerFactory,
    MedewerkerFactory,
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


def bijstand_voor(lo: LevensonderhoudAanvraag) -> LevensonderhoudAanvraag:
    """Grant the aanvraag (a beschikking at the household's norm from the melding)."""
    services.levensonderhoud_beslissen(
        actor=werkplein_voor(lo.inwoner).user,
        lo=lo,
        besloten_op=vandaag(),
        toekennen=True,
        ingangsdatum=lo.gemeld_op,
        motivering="Geen middelen.",
    )
    return lo


class WerkgeverFactory(factory.Factory):
    class Meta:
        model = Werkgever

    gemeente = factory.SubFactory(GemeenteFactory)
    naam = factory.Sequence(lambda n: f"Bakkerij Maasdal {n}")
    grootte = Grootte.KLEIN

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> Werkgever:
        gemeente = kwargs.pop("gemeente")
        kwargs.setdefault("actor", MedewerkerFactory(gemeente=gemeente, functie=Rol.WERKPLEIN).user)
        return services.werkgever_toevoegen(**kwargs)


class ParticipatieInstrumentFactory(factory.Factory):
    """A jobcoach for a resident, started ten days ago."""

    class Meta:
        model = Instrument

    inwoner = factory.SubFactory(InwonerFactory)
    soort = InstrumentSoort.JOBCOACH
    begin = factory.LazyFunction(lambda: vandaag() - dt.timedelta(days=10))
    uitvoerder = "Jobcoach Maasdal"

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> Instrument:
        kwargs.setdefault("actor", werkplein_voor(kwargs["inwoner"]).user)
        return services.instrument_starten(**kwargs)


def _tegenprestatie_begin() -> dt.date:
    # Participatiewet in balans: no new tegenprestatie from 1 January 2027.
    return min(vandaag(), TEGENPRESTATIE_TOT - dt.timedelta(days=1))


class TegenprestatieFactory(factory.Factory):
    """Two hours a week of reading to children at the library, for someone with bijstand."""

    class Meta:
        model = Tegenprestatie

    lo = factory.SubFactory(LevensonderhoudAanvraagFactory)

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> Tegenprestatie:
        lo = bijstand_voor(kwargs.pop("lo"))
        begin = _tegenprestatie_begin()
        return services.tegenprestatie_vastleggen(
            actor=werkplein_voor(lo.inwoner).user,
            inwoner=lo.inwoner,
            omschrijving="Voorlezen aan kinderen in de bibliotheek",
            uren_per_week=Decimal(2),
            begin=begin,
            einde=begin + dt.timedelta(days=90),
            naar_vermogen="Leest graag voor; twee uur past naast de zorg voor het gezin.",
            onbetaald=True,
            additioneel=True,
            gericht_op_arbeidsinschakeling=False,
            maatschappelijk_nuttig=True,
        )


class MaatregelFactory(factory.Factory):
    """A written warning (category 1 of the example verordening) on granted bijstand."""

    class Meta:
        model = Maatregel

    lo = factory.SubFactory(LevensonderhoudAanvraagFactory)

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> Maatregel:
        lo = bijstand_voor(kwargs.pop("lo"))
        return services.maatregel_opleggen(
            actor=werkplein_voor(lo.inwoner).user,
            lo=lo,
            soort=MaatregelSoort.WAARSCHUWING,
            categorie="1",
            gedraging="Niet verschenen op het gesprek van vorige week.",
            besloten_op=vandaag(),
        )


def werkplein_deelnemer(plan: Any, *, op: dt.date | None = None) -> Any:
    """The Werkplein joins the household plan as a participant, with the consent of the first
    adult (recorded by the generalist who serves the household, through the plan's service)."""
    from eenplan.plannen.services import deelnemer_add
    from eenplan.testing.factories import ToestemmingFactory, _eerste_volwassene

    inwoner = _eerste_volwassene(plan.huishouden)
    generalist = medewerker_voor(inwoner)
    toestemming = ToestemmingFactory(
        inwoner=inwoner,
        aan="Werkplein",
        doel="Deelnemen aan het plan: werk en inkomen",
        gegeven_op=op or vandaag(),
        door=generalist,
    )
    return deelnemer_add(
        plan=plan,
        rol="Werkconsulent",
        toestemming=toestemming,
        actor=generalist.user,
        organisatie="Werkplein",
        soort="werkplein",
    )


class WerkdoelFactory(factory.Factory):
    """A goal of the plan in 'werk en opleiding' linked to a Werkspoor trajectory, the
    Werkplein taking part in the plan with the resident's consent."""

    class Meta:
        model = Werkdoel

    doel = factory.LazyFunction(
        lambda: _werk_doel()
    )

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> Werkdoel:
        doel = kwargs["doel"]
        if services.werkplein_deelname(doel.plan, vandaag()) is None:
            werkplein_deelnemer(doel.plan)
        traject = TrajectFactory(verdiencapaciteit=VerdiencapaciteitFactory(inwoner=doel.inwoner))
        return services.werkdoel_koppelen(
            actor=werkplein_voor(doel.inwoner).user, doel=doel, traject=traject
        )


def _werk_doel() -> Any:
    from eenplan.testing.factories import DoelFactory, leefgebied

    return DoelFactory(
        leefgebied=leefgebied("dagbesteding"),
        omschrijving="Binnen een half jaar betaald werk, twintig uur per week",
    )
