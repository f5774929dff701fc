"""Small helpers shared by the tests of several apps (one copy, not one per test module):
an authenticated API client, and the building blocks of decisions (a maatwerk provision with
its tariffs, an aanvraag, a ZIN or PGB line, a beschikking, a sent one). Everything goes
through the services. For a whole case see `eenplan.testing.scenarios`."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.utils import timezone
from rest_framework.test import APIClient

from eenplan.aanbieders.models import Aanbieder
from eenplan.beschikkingen import services
from eenplan.beschikkingen.models import Aanvraag, Beschikking
from eenplan.gemeente.constants import Rol
from eenplan.gemeente.models import Gemeente, Medewerker
from eenplan.inwoners.models import Inwoner
from eenplan.meldingen.models import Melding
from eenplan.meldingen.services import melding_register
from eenplan.rules.voorziening import PgbToets
from eenplan.testing.factories import gecontracteerd
from eenplan.voorzieningen.models import Voorziening
from eenplan.voorzieningen.services import voorziening_create

AANVRAGEN = "/api/v1/aanvragen/"
BESCHIKKINGEN = "/api/v1/beschikkingen/"
BEZWAREN = "/api/v1/bezwaren/"
KLACHTEN = "/api/v1/klachten/"


def vandaag() -> dt.date:
    return timezone.localdate()


def api_for(medewerker: Medewerker) -> APIClient:
    """An API client logged in as this staff member."""
    client = APIClient()
    client.force_authenticate(medewerker.user)
    return client


def melding_voor(
    door: Medewerker, inwoner: Inwoner | None = None, *, vraag: str = "Hulp nodig", **extra: Any
) -> Melding:
    """A Wmo melding received today by phone from the resident itself, registered by `door`
    in its municipality (`onbekende_persoon=…` in `extra` for one not identified yet)."""
    return melding_register(
        gemeente=door.gemeente,
        actor=door.user,
        melder_soort="zelf",
        kanaal="telefoon",
        vraag=vraag,
        ontvangen_op=timezone.localdate(),
        domeinen=["wmo"],
        inwoner=inwoner,
        **extra,
    )


def maatwerk(
    gemeente: Gemeente,
    *,
    naam: str = "Hulp bij het huishouden",
    productcode: str = "01A01",
    eigen_bijdrage: str = "abonnement",
    wet: str = "wmo",
) -> Voorziening:
    """A Wmo (or Jeugdwet) maatwerk provision with two contracted providers in kind:
    Thuiszorg West (29.90 per hour) and Zorg Oost (32.50), from 1 January 2024."""
    v = voorziening_create(
        gemeente=gemeente,
        naam=naam,
        soort="individueel",
        wet=wet,
        productcategorie="01" if wet == "wmo" else "31",
        productcode=productcode,
        eenheid="04",
        frequentie="2",
        uitvoeringsvariant="inspanning",
        pgb_mogelijk=True,
        eigen_bijdrage=eigen_bijdrage,
        kostprijs_per_maand=Decimal("250.00"),
    )
    for aanbieder, bedrag in [("Thuiszorg West", "29.90"), ("Zorg Oost", "32.50")]:
        gecontracteerd(v, aanbieder, tarief=bedrag)
    return v


def aanbieder(naam: str = "Thuiszorg West") -> Aanbieder:
    """The provider of that name (made by `maatwerk` or `factories.gecontracteerd`)."""
    return Aanbieder.objects.get(naam=naam)


def aanvraag_voor(
    inwoner: Inwoner, door: Medewerker, *, wet: str = "wmo", dagen: int = 7
) -> Aanvraag:
    """An aanvraag for hulp bij het huishouden, received `dagen` days ago."""
    return services.aanvraag_register(
        inwoner=inwoner,
        omschrijving="Hulp bij het huishouden",
        wet=wet,
        ontvangen_op=vandaag() - dt.timedelta(days=dagen),
        ingediend_door=inwoner.naam,
        door=door.user,
    )


def zin_regel(voorziening: Voorziening, **kw: Any) -> dict[str, Any]:
    """A granted ZIN provision as the API takes it: 3 hours a week for a year."""
    data: dict[str, Any] = {
        "voorziening": voorziening.pk,
        "uitkomst": "toegekend",
        "omvang": "3",
        "begin": vandaag().isoformat(),
        "einde": (vandaag() + dt.timedelta(days=365)).isoformat(),
        "leveringsvorm": "zin",
        "aanbieder": aanbieder().pk if "aanbieder" not in kw else None,
    }
    data.update(kw)
    return data


def pgb_regel(voorziening: Voorziening, **kw: Any) -> dict[str, Any]:
    """A granted PGB provision as the API takes it, with its three conditions."""
    data = zin_regel(
        voorziening,
        leveringsvorm="pgb",
        aanbieder=None,
        pgb_tarief="35.00",
        pgb_toets={"kan_beheren": True, "motivering": "Eigen regie", "kwaliteit_geborgd": True},
        persoonlijk_plan="Ik kies mijn eigen hulp.",
    )
    data.update(kw)
    return data


def zin(voorziening: Voorziening, **kw: Any) -> services.Regel:
    """A granted ZIN line for beschikking_issue: 3 hours a week for a year, Thuiszorg West."""
    data: dict[str, Any] = {
        "voorziening": voorziening,
        "uitkomst": "toegekend",
        "omvang": Decimal(3),
        "begin": vandaag(),
        "einde": vandaag() + dt.timedelta(days=365),
        "leveringsvorm": "zin",
        "aanbieder": aanbieder() if "aanbieder" not in kw else None,
    }
    data.update(kw)
    return services.Regel(**data)


def pgb(voorziening: Voorziening, **kw: Any) -> services.Regel:
    """A granted PGB line for beschikking_issue, with its three conditions met."""
    data: dict[str, Any] = {
        "leveringsvorm": "pgb",
        "aanbieder": None,
        "pgb_tarief": Decimal("35.00"),
        "pgb_toets": PgbToets(True, "Eigen regie", True),
        "persoonlijk_plan": "Mijn plan",
    }
    data.update(kw)
    return zin(voorziening, **data)


def beschikking_voor(
    aanvraag: Aanvraag,
    door: Medewerker,
    regels: list[services.Regel],
    *,
    verzenden: bool = False,
    generalist: bool = False,
) -> Beschikking:
    """A decision through the services (and sent, if asked)."""
    beschikking = services.beschikking_issue(
        aanvraag=aanvraag,
        actor=door.user,
        besloten_op=vandaag(),
        motivering="Eigen kracht en netwerk schieten tekort.",
        regels=regels,
    )
    if verzenden:
        beschikking = services.beschikking_send(
            beschikking=beschikking, actor=beschikking.besloten_door, op=vandaag()
        )
    return beschikking


def verzonden(aanvraag: Aanvraag, voorziening: Voorziening, door: Medewerker | Any) -> Beschikking:
    """A granted (ZIN) beschikking on `aanvraag` by `door` (a staff member or their login),
    sent today: the start of the bezwaar tests."""
    user = getattr(door, "user", door)
    beschikking = services.beschikking_issue(
        aanvraag=aanvraag,
        actor=user,
        besloten_op=vandaag(),
        motivering="Eigen kracht en netwerk schieten tekort.",
        regels=[zin(voorziening)],
    )
    return services.beschikking_send(beschikking=beschikking, actor=user, op=vandaag())


def terug_na_weigering(client: Any, response: Any) -> Any:
    """A refused form POST answers with a redirect to a page (POST/redirect/GET), never with a
    page rendered at the POST URL: follow it (a GET, as a reload would) and return that page,
    which shows every message."""
    assert response.status_code == 302, f"verwacht een redirect, kreeg {response.status_code}"
    pagina = client.get(response["Location"].split("#")[0])
    assert pagina.status_code == 200
    return pagina


def werkdag_over(dagen: int) -> dt.date:
    """The first working day (no Saturday, Sunday or Atw holiday) `dagen` days from today or
    later: a day a royal decree could still declare equal to a holiday."""
    from eenplan.rules.termijnen import is_werkdag

    dag = dt.date.today() + dt.timedelta(days=dagen)
    while not is_werkdag(dag):
        dag += dt.timedelta(days=1)
    return dag


def hypothesis_profile() -> None:
    """Property tests judge results, not speed: no per-example deadline (a shared CI machine
    under load made a 900-day example exceed hypothesis's default 200 ms). Speed is measured in
    `make bench`."""
    from hypothesis import settings

    settings.register_profile("eenplan", deadline=None)
    settings.load_profile("eenplan")


def van_elders(functie: str = Rol.GENERALIST) -> Medewerker:
    """A staff member of another municipality (Peel en Maas), in a team that serves every wijk
    there: whatever they ask of this municipality is not within their municipality."""
    from eenplan.gemeente.constants import TeamSoort
    from eenplan.testing.factories import (
        GemeenteFactory,
        MedewerkerFactory,
        TeamFactory,
        WijkFactory,
    )

    elders = GemeenteFactory(cbs_code="GM1663", naam="Peel en Maas")
    team = TeamFactory(
        gemeente=elders,
        naam="Wijkteam Panningen",
        soort=TeamSoort.WIJKTEAM,
        wijken=[WijkFactory(gemeente=elders, naam="Panningen")],
    )
    return MedewerkerFactory(gemeente=elders, functie=functie, teams=[team])


def geweigerd_elders(medewerker: Medewerker) -> list[Any]:
    """The refusals in the access log of this login ('niet binnen uw gemeente')."""
    from eenplan.privacy.models import Inzage

    return list(Inzage.objects.filter(user=medewerker.user, toegestaan=False).order_by("id"))
