"""Factories of the mantelzorg app (issue 15), made through its services; re-exported by
`eenplan.testing.factories` (so the every-model-has-a-factory test finds them).

    ZorgrelatieFactory()                      a carer registered for a resident (8 h/week)
    ZorgrelatieFactory(jong=True)             a young carer (16)
    WaarderingFactory()                       this year's appreciation (the regeling is made)
    MatchFactory()                            a volunteer matched to a klus that fits
    VogTermijnFactory(maanden=12)             the municipality asks a VOG of at most a year
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import factory
from django.utils import timezone

from eenplan.mantelzorg import services
from eenplan.mantelzorg.models import (
    Belasting,
    Klus,
    KringToewijzing,
    Mantelzorger,
    Match,
    Ondersteuning,
    RespijtzorgVraag,
    VogTermijn,
    Vrijwilliger,
    Waardering,
    WaarderingRegeling,
    Zorgrelatie,
)
from eenplan.rules.mantelzorg import dagdeel_van
from eenplan.testing import factories as f
from eenplan.testing.scenarios import als


def vandaag() -> dt.date:
    return timezone.localdate()


def _beheerder(gemeente: Any) -> Any:
    from eenplan.gemeente.constants import Rol

    bestaand = gemeente.medewerkers.filter(functie=Rol.FUNCTIONEEL_BEHEER).first()
    return bestaand or f.MedewerkerFactory(gemeente=gemeente, functie=Rol.FUNCTIONEEL_BEHEER)


class ZorgrelatieFactory(factory.Factory):
    """A carer (not a resident, living elsewhere) registered through mantelzorger_register."""

    class Meta:
        model = Zorgrelatie

    class Params:
        jong = factory.Trait(
            geboortedatum=factory.LazyFunction(lambda: vandaag().replace(year=vandaag().year - 16))
        )

    verzorgde = factory.SubFactory(f.InwonerFactory)
    naam = factory.Sequence(lambda n: f"Mantelzorger {n}")
    geboortedatum = dt.date(1975, 4, 1)
    woonplaats = "Roermond"
    uren_per_week = Decimal(8)
    sinds = factory.LazyFunction(lambda: vandaag() - dt.timedelta(days=400))
    taken = ("huishouden", "vervoer")
    relatie = "dochter"

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> Zorgrelatie:
        door = f.medewerker_voor(kwargs["verzorgde"])
        return als(services.mantelzorger_register, door, **kwargs)


class MantelzorgerFactory(factory.Factory):
    class Meta:
        model = Mantelzorger

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> Mantelzorger:
        return ZorgrelatieFactory(**kwargs).mantelzorger


class BelastingFactory(factory.Factory):
    """The burden recorded in the onderzoek of the cared-for resident (overbelast)."""

    class Meta:
        model = Belasting

    onderzoek = factory.SubFactory(f.OnderzoekFactory)
    zorgrelatie = factory.LazyAttribute(lambda o: ZorgrelatieFactory(verzorgde=o.onderzoek.inwoner))
    overbelast = True
    vastgesteld_op = factory.LazyFunction(vandaag)

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> Belasting:
        door = kwargs["onderzoek"].medewerker
        return als(services.belasting_vastleggen, door, **kwargs)


class OndersteuningFactory(factory.Factory):
    class Meta:
        model = Ondersteuning

    mantelzorger = factory.SubFactory(MantelzorgerFactory)
    basisfunctie = "emotionele_steun"
    aanbieder = "Steunpunt Mantelzorg"
    datum = factory.LazyFunction(lambda: vandaag() - dt.timedelta(days=3))

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> Ondersteuning:
        verzorgde = kwargs["mantelzorger"].zorgrelaties.first().inwoner
        return als(services.ondersteuning_add, f.medewerker_voor(verzorgde), **kwargs)


class RespijtzorgVraagFactory(factory.Factory):
    """A respite request; trait `geleverd` (delivered a week later, all hours)."""

    class Meta:
        model = RespijtzorgVraag

    class Params:
        geleverd = factory.Trait(uitkomst="geleverd")

    mantelzorger = factory.SubFactory(MantelzorgerFactory)
    soort = "dag"
    gevraagd_op = factory.LazyFunction(lambda: vandaag() - dt.timedelta(days=10))
    uren_gevraagd = Decimal(16)
    uitkomst = ""

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> RespijtzorgVraag:
        uitkomst = kwargs.pop("uitkomst")
        verzorgde = kwargs["mantelzorger"].zorgrelaties.first().inwoner
        door = f.medewerker_voor(verzorgde)
        vraag = als(services.respijt_vraag_add, door, inwoner=verzorgde, **kwargs)
        if uitkomst == "geleverd":
            vraag = als(
                services.respijt_vraag_afhandelen,
                door,
                vraag=vraag,
                status="geleverd",
                afgehandeld_op=vraag.gevraagd_op + dt.timedelta(days=7),
                uren_geleverd=vraag.uren_gevraagd,
                aanbieder="Dagbesteding De Linde",
            )
        return vraag


class WaarderingRegelingFactory(factory.Factory):
    """The municipality's choice: an amount of € 50 from 1 January of this year."""

    class Meta:
        model = WaarderingRegeling

    gemeente = factory.SubFactory(f.GemeenteFactory)
    vorm = "bedrag"
    bedrag = Decimal("50.00")
    omschrijving = ""
    geldig_vanaf = factory.LazyFunction(lambda: vandaag().replace(month=1, day=1))
    bron = "Verordening maatschappelijke ondersteuning, art. 14 (voorbeeld)"

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> WaarderingRegeling:
        return als(services.regeling_save, _beheerder(kwargs["gemeente"]), **kwargs)


class VogTermijnFactory(factory.Factory):
    """The municipality's choice: a volunteer's VOG counts 36 months, from 1 January 2020."""

    class Meta:
        model = VogTermijn

    gemeente = factory.SubFactory(f.GemeenteFactory)
    maanden = 36
    geldig_vanaf = dt.date(2020, 1, 1)
    bron = "Vrijwilligersbeleid, paragraaf 4 (voorbeeld)"

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> VogTermijn:
        return als(services.vog_termijn_save, _beheerder(kwargs["gemeente"]), **kwargs)


class WaarderingFactory(factory.Factory):
    """This year's appreciation, applied for by the carer at the desk today."""

    class Meta:
        model = Waardering

    mantelzorger = factory.SubFactory(MantelzorgerFactory)
    aangevraagd_door = "zelf"
    aangevraagd_op = factory.LazyFunction(vandaag)

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> Waardering:
        mz = kwargs["mantelzorger"]
        if not WaarderingRegeling.objects.filter(gemeente_id=mz.gemeente_id).exists():
            WaarderingRegelingFactory(gemeente=mz.gemeente)
        namens = kwargs.pop("namens", None) or mz.zorgrelaties.first().inwoner
        return als(
            services.waardering_aanvragen, f.medewerker_voor(namens), namens=namens, **kwargs
        )


def _wijk(o: Any) -> Any:
    return f.WijkFactory(gemeente=o.gemeente)


class VrijwilligerFactory(factory.Factory):
    """A volunteer available every morning and afternoon, for shopping and the garden."""

    class Meta:
        model = Vrijwilliger

    gemeente = factory.SubFactory(f.GemeenteFactory)
    wijk = factory.LazyAttribute(_wijk)
    naam = factory.Sequence(lambda n: f"Vrijwilliger {n}")
    vaardigheden = ("boodschappen", "tuin")
    beschikbaarheid = tuple(
        f"{d}_{p}"
        for d in ("ma", "di", "wo", "do", "vr", "za", "zo")
        for p in ("ochtend", "middag")
    )
    vog_datum = factory.LazyFunction(lambda: vandaag() - dt.timedelta(days=100))

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> Vrijwilliger:
        from eenplan.gemeente.constants import Rol

        door = f.MedewerkerFactory(gemeente=kwargs["gemeente"], functie=Rol.WERKPLEIN)
        return als(services.vrijwilliger_save, door, **kwargs)


class KlusFactory(factory.Factory):
    """Shopping for a resident, next Tuesday morning."""

    class Meta:
        model = Klus

    hulpvrager = factory.SubFactory(f.InwonerFactory)
    vaardigheid = "boodschappen"
    omschrijving = "Wekelijkse boodschappen doen"
    datum = factory.LazyFunction(
        lambda: vandaag() + dt.timedelta(days=(1 - vandaag().weekday()) % 7 or 7)
    )
    dagdeel = "ochtend"

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> Klus:
        return als(services.klus_add, f.medewerker_voor(kwargs["hulpvrager"]), **kwargs)


class MatchFactory(factory.Factory):
    class Meta:
        model = Match

    klus = factory.SubFactory(KlusFactory)
    vrijwilliger = factory.LazyAttribute(
        lambda o: VrijwilligerFactory(gemeente=o.klus.gemeente, wijk=o.klus.wijk)
    )

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> Match:
        door = f.medewerker_voor(kwargs["klus"].hulpvrager)
        assert dagdeel_van(kwargs["klus"].datum, kwargs["klus"].dagdeel)
        return als(services.match_maken, door, **kwargs)


class KringToewijzingFactory(factory.Factory):
    """An action of a plan assigned to a network person (a resident with a login) who takes
    part in the plan with the resident's consent."""

    class Meta:
        model = KringToewijzing

    actie = factory.SubFactory(f.ActieFactory)
    netwerkpersoon = None

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> KringToewijzing:
        actie = kwargs["actie"]
        plan = actie.doel.plan
        door = f._plan_door(plan)
        netwerkpersoon = kwargs.get("netwerkpersoon") or kring_lid(plan, door)
        return als(services.kring_toewijzen, door, actie=actie, netwerkpersoon=netwerkpersoon)


def kring_lid(plan: Any, door: Any) -> Any:
    """A neighbour who is a resident too, in the network of the plan's first adult, taking part
    in the plan with that resident's consent."""
    from eenplan.inwoners.constants import NetwerkSoort
    from eenplan.plannen.services import deelnemer_add

    inwoner = f._eerste_volwassene(plan.huishouden)
    buur = f.InwonerFactory(gemeente=inwoner.gemeente, wijk=inwoner.wijk)
    persoon = f.NetwerkpersoonFactory(
        inwoner=inwoner, soort=NetwerkSoort.BUUR, naam=buur.naam, als_inwoner=buur
    )
    toestemming = f.ToestemmingFactory(inwoner=inwoner, aan=persoon.naam)
    als(
        deelnemer_add,
        door,
        plan=plan,
        netwerkpersoon=persoon,
        rol="Helpt met boodschappen",
        toestemming=toestemming,
    )
    return persoon
