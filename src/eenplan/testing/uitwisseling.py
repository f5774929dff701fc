"""Factories and builders of purpose-bound sharing (issue 17), made through the services.
Imported into `eenplan.testing.factories` so every model has its factory there."""

from __future__ import annotations

import datetime as dt
from typing import Any

import factory
from django.utils import timezone

from eenplan.gemeente.constants import Rol
from eenplan.gemeente.models import Medewerker
from eenplan.inwoners.models import Huishouden
from eenplan.privacy import access
from eenplan.uitwisseling.constants import Doelsoort, Grondslag, OntvangerSoort
from eenplan.uitwisseling.models import (
    GedeeldeInzage,
    Uitvoering,
    Uitvoeringsnotitie,
    Uitwisseling,
)

ANTWOORDEN = {
    "vraag_gegevens": "Naam en adres van het gezin, alleen tussen de generalist en de "
    "gezinscoach, bij de start van de hulp.",
    "vraag_doel": "De gezinscoach kan het gezin bezoeken en de hulp afstemmen op het plan.",
    "vraag_noodzaak": "Zonder adres kan de hulp niet beginnen; het gezin zelf laten bellen "
    "is geprobeerd en lukte niet.",
    "vraag_grondrechten": "Alleen de gekozen gegevens, alleen voor deze periode, elke inzage "
    "gelogd; de professional kan weigeren.",
    "vraag_rechten": "Het gezin is geïnformeerd, kan inzage vragen en bezwaar maken tegen het "
    "delen.",
}



def vraag(**kw: Any) -> dict[str, Any]:
    """The fields of a valid request to share (page form and API body alike): a regional team,
    personalia, for alignment, on a legal duty, for the next 30 days, with the five answers of
    the assessment; `kw` replaces or adds fields (`huishouden` for the API)."""
    return {
        "ontvanger_soort": "regionaal_team",
        "ontvanger_naam": "Regionaal team jeugd",
        "categorieen": ["personalia"],
        "doelsoort": "afstemmen",
        "grondslag": "wettelijke_plicht",
        "van": timezone.localdate().isoformat(),
        "tot": (timezone.localdate() + dt.timedelta(days=30)).isoformat(),
        **ANTWOORDEN,
        **kw,
    }

def _lid(huishouden: Huishouden) -> Any:
    return access.huidige_leden(huishouden.pk).select_related("inwoner").first().inwoner  # type: ignore[union-attr]


def houder(huishouden: Huishouden) -> Medewerker:
    """A generalist of the team that holds the household's dossier."""
    from eenplan.testing.factories import medewerker_voor

    return medewerker_voor(_lid(huishouden))


def gezinscoach(huishouden: Huishouden) -> Medewerker:
    """A gezinscoach of the household's municipality, in no wijkteam."""
    from eenplan.testing.factories import MedewerkerFactory

    return MedewerkerFactory(gemeente=huishouden.gemeente, functie=Rol.GEZINSCOACH)


class UitwisselingFactory(factory.Factory):
    """An exchange asked through `uitwisseling_vraag` by a generalist of the holding team:
    personalia shared with an organisation outside eenplan, on a legal duty. Traits:
    `goedgekeurd`, `geweigerd` (the veto, with a reason), `aan_gezinscoach` (the recipient
    is a gezinscoach login)."""

    class Meta:
        model = Uitwisseling

    class Params:
        goedgekeurd = factory.Trait(besluit="goedkeuren")
        geweigerd = factory.Trait(besluit="weigeren")
        aan_gezinscoach = factory.Trait(ontvanger="gezinscoach")

    huishouden = factory.SubFactory("eenplan.testing.factories.HuishoudenFactory")
    ontvanger_soort = OntvangerSoort.REGIONAAL_TEAM
    ontvanger_naam = "Regionaal team jeugd Noord-Limburg"
    categorieen = factory.LazyFunction(lambda: ["personalia"])
    doelsoort = Doelsoort.AFSTEMMEN
    grondslag = Grondslag.WETTELIJKE_PLICHT
    van = factory.LazyFunction(timezone.localdate)
    tot = factory.LazyFunction(lambda: timezone.localdate() + dt.timedelta(days=90))
    besluit = ""
    ontvanger = ""

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> Uitwisseling:
        from eenplan.uitwisseling import services

        besluit = kwargs.pop("besluit")
        if kwargs.pop("ontvanger") == "gezinscoach":
            kwargs["ontvanger_medewerker"] = gezinscoach(kwargs["huishouden"])
            kwargs["ontvanger_soort"] = OntvangerSoort.GEZINSCOACH
            kwargs["ontvanger_naam"] = "Gezinscoach"
        kwargs.setdefault("antwoorden", ANTWOORDEN)
        door = houder(kwargs["huishouden"]).user
        uitwisseling = services.uitwisseling_vraag(door=door, **kwargs)
        if besluit == "goedkeuren":
            return services.uitwisseling_goedkeuren(door=door, uitwisseling=uitwisseling)
        if besluit == "weigeren":
            return services.uitwisseling_weigeren(
                door=door,
                uitwisseling=uitwisseling,
                reden="Beroepsgeheim: het gezin heeft mij dit in vertrouwen verteld.",
            )
        return uitwisseling


class GedeeldeInzageFactory(factory.Factory):
    """The recipient (a gezinscoach) reads an approved exchange: the read logged against it."""

    class Meta:
        model = GedeeldeInzage

    uitwisseling = factory.SubFactory(UitwisselingFactory, goedgekeurd=True, aan_gezinscoach=True)

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> GedeeldeInzage:
        from eenplan.uitwisseling.selectors import gedeelde_gegevens

        uitwisseling = kwargs["uitwisseling"]
        gedeelde_gegevens(
            actor=uitwisseling.ontvanger_medewerker.user,
            uitwisseling=uitwisseling,
            via=access.SERVICE,
        )
        return uitwisseling.inzages.latest("pk")


class UitvoeringFactory(factory.Factory):
    """A gezinscoach assigned to deliver to a household, by a generalist of the toegang."""

    class Meta:
        model = Uitvoering

    huishouden = factory.SubFactory("eenplan.testing.factories.HuishoudenFactory")
    medewerker = factory.LazyAttribute(lambda o: gezinscoach(o.huishouden))

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> Uitvoering:
        from eenplan.uitwisseling.services import uitvoering_toewijzen

        return uitvoering_toewijzen(door=houder(kwargs["huishouden"]).user, **kwargs)


class UitvoeringsnotitieFactory(factory.Factory):
    """A delivery note written by the gezinscoach of the uitvoering."""

    class Meta:
        model = Uitvoeringsnotitie

    uitvoering = factory.SubFactory(UitvoeringFactory)
    tekst = "Huisbezoek: de ochtendroutine loopt beter; volgende week met school overleggen."

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> Uitvoeringsnotitie:
        from eenplan.uitwisseling.services import uitvoeringsnotitie_add

        uitvoering = kwargs["uitvoering"]
        return uitvoeringsnotitie_add(door=uitvoering.medewerker.user, **kwargs)
