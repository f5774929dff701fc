"""Composable steps that build one realistic case through the services, for unit tests, the
browser tests and the demo.

    resident (household, network) → melding → toegewezen → onderzocht (verslag definitief and
    sent) → plan (goal, maatwerk proposal) → ondertekend (aanvraag) → beschikt (ZIN, sent) →
    bezwaar

Each step takes what the previous steps made (any earlier stage: missing steps run first) and
returns a small frozen dataclass with everything made so far, so a test starts where it needs
to be: `scenarios.ondertekend(scenarios.gemeente())` is a signed plan with its aanvraag.

Everything goes through the services, so the invariants hold that the application keeps (the
ladder before maatwerk, deadlines, dossier access of the assignee). Services that take an
`actor` or a `door` both get the acting staff member's login (see `als`).

The demo (`eenplan demo`) builds its complete-flow cases with the same steps, in its own
municipality: it makes a `Start` of its own staff and catalogue and starts from one of its
residents (`bestaande_inwoner`); the steps take their words from the stage (who reports, who
sits at the table, which provider delivers), so Anna's case reads as before. The step modules
import no test tool: factories are only used by `gemeente` and `inwoner`.
"""

from __future__ import annotations

import datetime as dt
import importlib
import inspect
from collections.abc import Callable
from dataclasses import dataclass, fields
from decimal import Decimal
from typing import Any, TypeVar

from django.utils import timezone

from eenplan.beschikkingen.models import Aanvraag, Beschikking
from eenplan.bezwaren.models import Bezwaar
from eenplan.gemeente.models import Gemeente, Medewerker, Team, Wijk
from eenplan.inwoners.models import Huishouden, Inwoner, Netwerkpersoon
from eenplan.meldingen.models import Melding
from eenplan.onderzoeken.models import Onderzoek
from eenplan.plannen.models import Doel, Plan, Voorstel
from eenplan.voorzieningen.models import Voorziening

WACHTWOORD = "test-wachtwoord-123"  # noqa: S105 - test data
VRAAG = "Mijn moeder redt het huishouden niet meer; ik kan niet vaker komen."

T = TypeVar("T")


def als(service: Callable[..., T], wie: Medewerker | Any, /, **kwargs: Any) -> T:
    """Call a service as `wie` (a Medewerker or a login): the services name the acting person
    `actor` or `door`; whichever the service takes gets the login."""
    user = getattr(wie, "user", wie)
    parameters = inspect.signature(service).parameters
    if "actor" in parameters:
        kwargs["actor"] = user
    elif "door" in parameters:
        kwargs["door"] = user
    return service(**kwargs)


def _verder(vorige: Any, cls: type[T], **nieuw: Any) -> T:
    """The next stage: everything of `vorige` plus what this step made."""
    oud = {f.name: getattr(vorige, f.name) for f in fields(vorige)}
    return cls(**{**oud, **nieuw})


def stamgegevens() -> None:
    """Reference data the data migrations load (roles, the ZRM, the iWmo/iJw code lists). A
    transactional test (the browser tests) flushes them; this puts them back, idempotently."""
    from django.apps import apps
    from django.contrib.auth.management import create_permissions
    from django.contrib.contenttypes.management import create_contenttypes
    from django.contrib.contenttypes.models import ContentType

    from eenplan.gemeente.services import roles_sync
    from eenplan.onderzoeken.services import instrument_ensure_default
    from eenplan.voorzieningen.models import CodelijstWaarde, Doelgroep

    # A flush after a test with serialized_rollback skips post_migrate: content types and
    # permissions are gone too, and the roles would be synced onto nothing.
    ContentType.objects.clear_cache()
    for app_config in apps.get_app_configs():
        create_contenttypes(app_config, verbosity=0)
        create_permissions(app_config, verbosity=0)
    roles_sync()
    instrument_ensure_default()
    if not CodelijstWaarde.objects.exists():
        migratie = importlib.import_module("eenplan.voorzieningen.migrations.0002_codelijsten")
        migratie.load(apps, None)
    if not Doelgroep.objects.exists():
        migratie = importlib.import_module("eenplan.voorzieningen.migrations.0007_doelgroepen")
        migratie.laden(apps, None)
    from eenplan.avg.models import Bewaartermijn

    if not Bewaartermijn.objects.exists():  # the selectielijst periods (avg 0002)
        migratie = importlib.import_module("eenplan.avg.migrations.0002_bewaartermijnen")
        migratie.laden(apps, None)


# --- stages -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Start:
    """A municipality with three wijken; Wijkteam Noord with generalist Sanne Peters; the
    mid-office (Toegang) with Mira Smeets and the back office with Fleur Hendrix, both serving
    every wijk; the catalogue (see `catalogus`)."""

    gemeente: Gemeente
    wijken: dict[str, Wijk]
    wijkteam: Team
    generalist: Medewerker
    midoffice_team: Team
    midoffice: Medewerker
    backoffice_team: Team
    backoffice: Medewerker
    voorzieningen: dict[str, Voorziening]
    vandaag: dt.date

    @property
    def hh(self) -> Voorziening:
        return self.voorzieningen["hh"]


@dataclass(frozen=True)
class MetInwoner(Start):
    """Anna Jansen (1948) in Noord, in one household with her partner Henk; her daughter Lotte
    (a resident too) is her mantelzorger, neighbour Kees Bakker is in her network. (A demo
    resident, see `bestaande_inwoner`, may have no partner, mantelzorger or daughter: None.)"""

    inwoner: Inwoner
    partner: Inwoner | None
    huishouden: Huishouden
    mantelzorger: Netwerkpersoon | None
    dochter: Inwoner | None


@dataclass(frozen=True)
class MetMelding(MetInwoner):
    """Lotte's phone call about her mother, received nine days ago; after `toegewezen` it is
    assigned to the generalist."""

    melding: Melding


@dataclass(frozen=True)
class MetOnderzoek(MetMelding):
    """The kitchen-table conversation, subjects a-g, the ladder walked to individual maatwerk,
    a life-domain score; the verslag final and sent to Anna."""

    onderzoek: Onderzoek


@dataclass(frozen=True)
class MetPlan(MetOnderzoek):
    """The household plan with a goal for Anna and a maatwerk proposal (hulp bij het
    huishouden) tied to it; not signed yet."""

    plan: Plan
    doel: Doel
    voorstel: Voorstel


@dataclass(frozen=True)
class Ondertekend(MetPlan):
    """Anna signed the plan; the proposal became an aanvraag, linked to the plan."""

    aanvraag: Aanvraag


@dataclass(frozen=True)
class Beschikt(Ondertekend):
    """The back office granted hulp bij het huishouden in kind (ZIN, Thuiszorg West, three
    hours a week for a year) and sent the letter."""

    beschikking: Beschikking


@dataclass(frozen=True)
class MetBezwaar(Beschikt):
    """Anna objects in time to the number of hours."""

    bezwaar: Bezwaar


# --- steps ------------------------------------------------------------------------------------


def contracteer(
    voorziening: Voorziening,
    naam: str,
    agb_code: str,
    tarief: str,
    *,
    vanaf: dt.date = dt.date(2024, 1, 1),
) -> Any:
    """The provider (found by its AGB code, else made) with a raamovereenkomst of the
    voorziening's municipality from `vanaf` that holds `voorziening` at `tarief` per unit; all
    through the aanbieders services. Returns the Aanbieder."""
    from eenplan.aanbieders.models import Aanbieder, Contract
    from eenplan.aanbieders.services import aanbieder_save, contract_product_save, contract_save

    aanbieder = Aanbieder.objects.filter(agb_code=agb_code).first() or aanbieder_save(
        naam=naam, agb_code=agb_code, contactpersoon="Contractbeheer", telefoon="077 123 45 67"
    )
    contract = Contract.objects.filter(
        aanbieder=aanbieder, gemeente_id=voorziening.gemeente_id, hoofdcontract=None
    ).first() or contract_save(
        aanbieder=aanbieder,
        gemeente=voorziening.gemeente,
        kenmerk=f"WMO-{vanaf.year}-{agb_code}",
        omschrijving="Raamovereenkomst Wmo maatwerk",
        begin=vanaf,
        uitvoeringsvariant=voorziening.uitvoeringsvariant or "inspanning",
        financieringsvorm="pxq",
    )
    contract_product_save(
        contract=contract,
        voorziening=voorziening,
        tarief=Decimal(tarief),
        eenheid=voorziening.eenheid or "04",
        geldig_vanaf=vanaf,
        bron=f"Tariefbijlage {contract.kenmerk}",
    )
    return aanbieder


def catalogus(gemeente: Gemeente, wijken: dict[str, Wijk]) -> dict[str, Voorziening]:
    """Hulp bij het huishouden (`hh`, PGB possible) and begeleiding with contract tariffs in
    kind; five algemene voorzieningen for the sociale kaart (two only in Noord or Zuid when
    those wijken exist)."""
    from eenplan.onderzoeken.models import Leefgebied
    from eenplan.voorzieningen.models import Doelgroep
    from eenplan.voorzieningen.services import voorziening_create

    lg = {x.code: x for x in Leefgebied.objects.all()}
    hh = voorziening_create(
        gemeente=gemeente,
        naam="Hulp bij het huishouden",
        soort="individueel",
        wet="wmo",
        productcategorie="01",
        productcode="01A01",
        eenheid="04",
        frequentie="2",
        uitvoeringsvariant="inspanning",
        pgb_mogelijk=True,
        kostprijs_per_maand=Decimal("250"),
    )
    begeleiding = voorziening_create(
        gemeente=gemeente,
        naam="Begeleiding individueel",
        soort="individueel",
        wet="wmo",
        productcategorie="02",
        productcode="02A01",
        eenheid="04",
        frequentie="2",
        uitvoeringsvariant="inspanning",
        kostprijs_per_maand=Decimal("400"),
    )
    for voorziening, aanbieder, agb, bedrag in (
        (hh, "Thuiszorg West", "98200011", "29.90"),
        (hh, "Zorg Oost", "98200022", "32.50"),
        (begeleiding, "Begeleid Thuis", "98200033", "62.00"),
    ):
        contracteer(voorziening, aanbieder, agb, bedrag)
    noord = [wijken["Noord"]] if "Noord" in wijken else []
    zuid = [wijken["Zuid"]] if "Zuid" in wijken else []
    kaart = [
        (
            "Dagcentrum De Schakel",
            "Stichting Welzijn Venlo",
            "Molenstraat 4, Venlo",
            "Ouderen en mensen met geheugenproblemen",
            "7.50",
            "per dag, inclusief maaltijd",
            "maandag tot en met vrijdag 9.30-16.00",
            noord,
            ["dagbesteding", "sociaal_netwerk"],
            ["ouderen", "beperking"],
        ),
        (
            "Wijkbus Venlo",
            "Vrijwilligerscentrale Venlo",
            "",
            "Ouderen en mensen die slecht ter been zijn",
            "1.00",
            "per rit",
            "op afspraak, ma-za 8.00-18.00",
            [],
            ["participatie"],
            ["ouderen", "beperking"],
        ),
        (
            "Wijkrestaurant Noord",
            "Buurtcentrum Noord",
            "Parade 20, Venlo",
            "Iedereen uit de wijk",
            "6.00",
            "per maaltijd",
            "di en do 12.00-13.30",
            noord,
            ["sociaal_netwerk"],
            ["iedereen"],
        ),
        (
            "Mantelzorgsalon",
            "Steunpunt Mantelzorg",
            "Kaldenkerkerweg 1, Venlo",
            "Mantelzorgers",
            "0",
            "",
            "elke eerste woensdag 19.30-21.30",
            [],
            ["sociaal_netwerk"],
            ["mantelzorgers"],
        ),
        (
            "Koffieochtend Zuid",
            "Buurtcentrum Zuid",
            "Zuiderpoort 2, Venlo",
            "Ouderen in Zuid",
            "0",
            "",
            "vrijdag 10.00-12.00",
            zuid,
            ["sociaal_netwerk"],
            ["ouderen"],
        ),
    ]
    groepen = {d.code: d for d in Doelgroep.objects.all()}
    for naam, org, adres, doelgroep, prijs, uitleg, open_, wijk, gebieden, voor in kaart:
        voorziening_create(
            gemeente=gemeente,
            naam=naam,
            soort="algemeen",
            wet="wmo",
            organisatie=org,
            adres=adres,
            doelgroep=doelgroep,
            prijs=Decimal(prijs),
            prijs_toelichting=uitleg,
            openingstijden=open_,
            wijken=wijk,
            leefgebieden=[lg[c] for c in gebieden if c in lg],
            doelgroepen=[groepen[c] for c in voor if c in groepen],
            eigen_bijdrage="geen",
        )
    return {"hh": hh, "begeleiding": begeleiding}


def gemeente(
    *,
    gemeente: Gemeente | None = None,
    vaste_gebruikersnamen: bool = False,
    wachtwoord: str = WACHTWOORD,
    vandaag: dt.date | None = None,
) -> Start:
    """The municipality (Venlo unless given), its wijken Noord, Zuid and Oost, Wijkteam Noord
    with generalist Sanne Peters, the mid-office with Mira Smeets, the back office with Fleur
    Hendrix, and the catalogue.

    With `vaste_gebruikersnamen` the logins are `generalist`, `midoffice` and `backoffice` (the
    browser tests log in with them); otherwise unique names, so one test can build several
    cases."""
    from eenplan.gemeente.constants import Rol, TeamSoort
    from eenplan.testing.factories import (
        GemeenteFactory,
        MedewerkerFactory,
        TeamFactory,
        WijkFactory,
    )

    stamgegevens()
    gemeente = gemeente or GemeenteFactory()
    wijken = {n: WijkFactory(gemeente=gemeente, naam=n) for n in ("Noord", "Zuid", "Oost")}
    rollen = ("generalist", "midoffice", "backoffice")
    namen: dict[str, Any] = {r: {"username": r} if vaste_gebruikersnamen else {} for r in rollen}
    wijkteam = TeamFactory(
        gemeente=gemeente, naam="Wijkteam Noord", soort=TeamSoort.WIJKTEAM, wijken=[wijken["Noord"]]
    )
    generalist = MedewerkerFactory(
        gemeente=gemeente,
        functie=Rol.GENERALIST,
        teams=[wijkteam],
        password=wachtwoord,
        first_name="Sanne",
        last_name="Peters",
        **namen["generalist"],
    )
    midoffice_team = TeamFactory(
        gemeente=gemeente, naam="Toegang", soort=TeamSoort.MIDOFFICE, wijken=list(wijken.values())
    )
    midoffice = MedewerkerFactory(
        gemeente=gemeente,
        functie=Rol.MIDOFFICE,
        teams=[midoffice_team],
        password=wachtwoord,
        first_name="Mira",
        last_name="Smeets",
        **namen["midoffice"],
    )
    backoffice_team = TeamFactory(
        gemeente=gemeente,
        naam="Backoffice Wmo",
        soort=TeamSoort.BACKOFFICE,
        wijken=list(wijken.values()),
    )
    backoffice = MedewerkerFactory(
        gemeente=gemeente,
        functie=Rol.BACKOFFICE,
        teams=[backoffice_team],
        password=wachtwoord,
        first_name="Fleur",
        last_name="Hendrix",
        **namen["backoffice"],
    )
    return Start(
        gemeente=gemeente,
        wijken=wijken,
        wijkteam=wijkteam,
        generalist=generalist,
        midoffice_team=midoffice_team,
        midoffice=midoffice,
        backoffice_team=backoffice_team,
        backoffice=backoffice,
        voorzieningen=catalogus(gemeente, wijken),
        vandaag=vandaag or timezone.localdate(),
    )


def inwoner(vorige: Start | None = None) -> MetInwoner:
    """Anna Jansen with her household (partner Henk since 1972) and her network (daughter
    Lotte as mantelzorger, neighbour Kees Bakker)."""
    from eenplan.inwoners.constants import NetwerkSoort, Relatie
    from eenplan.inwoners.services import huishouden_create, netwerkpersoon_add
    from eenplan.testing.factories import InwonerFactory

    s = vorige or gemeente()
    if isinstance(s, MetInwoner):
        return s
    noord = {"gemeente": s.gemeente, "wijk": s.wijken["Noord"]}
    anna = InwonerFactory(
        **noord,
        voornamen="Anna",
        achternaam="Jansen",
        geboortedatum=dt.date(1948, 3, 2),
        straat="Molenstraat",
        huisnummer=12,
        telefoon="077-1234567",
    )
    henk = InwonerFactory(
        **noord,
        voornamen="Henk",
        achternaam="Jansen",
        geboortedatum=dt.date(1946, 11, 20),
        straat="Molenstraat",
        huisnummer=12,
    )
    lotte = InwonerFactory(
        **noord,
        voornamen="Lotte",
        achternaam="Jansen",
        geboortedatum=dt.date(1975, 7, 9),
        straat="Parade",
        huisnummer=3,
    )
    huishouden = huishouden_create(
        gemeente=s.gemeente,
        naam="Huishouden Jansen",
        leden=[
            (anna, Relatie.REFERENTIE, dt.date(1972, 5, 1)),
            (henk, Relatie.PARTNER, dt.date(1972, 5, 1)),
        ],
    )
    mantelzorger = netwerkpersoon_add(
        inwoner=anna,
        soort=NetwerkSoort.MANTELZORGER,
        naam="Lotte Jansen",
        relatie="dochter",
        telefoon="06-12345678",
        als_inwoner=lotte,
    )
    netwerkpersoon_add(inwoner=anna, soort=NetwerkSoort.BUUR, naam="Kees Bakker", relatie="buurman")
    return _verder(
        s,
        MetInwoner,
        inwoner=anna,
        partner=henk,
        huishouden=huishouden,
        mantelzorger=mantelzorger,
        dochter=lotte,
    )


def bestaande_inwoner(vorige: Start, bewoner: Inwoner) -> MetInwoner:
    """Start from a resident who exists already (the demo's): their household on `vandaag`, a
    partner in it and their first mantelzorger when they have one."""
    from eenplan.inwoners.constants import NetwerkSoort, Relatie
    from eenplan.inwoners.selectors import huishouden_current

    huishouden = huishouden_current(inwoner=bewoner, vandaag=vorige.vandaag)
    if huishouden is None:
        raise ValueError(f"{bewoner.naam} hoort op {vorige.vandaag} bij geen huishouden.")
    partner = next(
        (
            lid.inwoner
            for lid in huishouden.leden.select_related("inwoner").order_by("id")
            if lid.actief_op(vorige.vandaag)
            and lid.inwoner_id != bewoner.pk
            and lid.relatie in (Relatie.PARTNER, Relatie.REFERENTIE)
        ),
        None,
    )
    mantelzorger = bewoner.netwerk.filter(soort=NetwerkSoort.MANTELZORGER).order_by("id").first()
    return _verder(
        vorige,
        MetInwoner,
        inwoner=bewoner,
        partner=partner,
        huishouden=huishouden,
        mantelzorger=mantelzorger,
        dochter=None,
    )


def _voornaam(persoon: Inwoner) -> str:
    return persoon.voornamen.split()[0]


def _man(persoon: Inwoner) -> bool:
    from eenplan.inwoners.constants import Geslacht

    return persoon.geslacht == Geslacht.MAN


def melding(vorige: Start | None = None, *, dagen_geleden: int = 9) -> MetMelding:
    """The mantelzorger (Lotte) phones the front door about her mother, or a resident without
    one phones about themselves (registered by the mid-office)."""
    from eenplan.meldingen import services
    from eenplan.meldingen.constants import Kanaal, MelderSoort

    s = inwoner(vorige)
    if isinstance(s, MetMelding):
        return s
    mantelzorger = s.mantelzorger
    nieuw = als(
        services.melding_register,
        s.midoffice,
        gemeente=s.gemeente,
        melder_soort=MelderSoort.NETWERK if mantelzorger else MelderSoort.ZELF,
        melder_naam=mantelzorger.naam if mantelzorger else s.inwoner.naam,
        kanaal=Kanaal.TELEFOON,
        vraag=VRAAG.replace("moeder", "vader" if _man(s.inwoner) else "moeder")
        if mantelzorger
        else "Ik red het huishouden niet meer alleen; mijn netwerk kan niet helpen.",
        ontvangen_op=s.vandaag - dt.timedelta(days=dagen_geleden),
        domeinen=["wmo"],
        inwoner=s.inwoner,
    )
    return _verder(s, MetMelding, melding=nieuw)


def toegewezen(vorige: Start | None = None) -> MetMelding:
    """The mid-office assigns the melding to the generalist of Wijkteam Noord, who gets dossier
    access."""
    from eenplan.meldingen import services
    from eenplan.meldingen.constants import Status

    s = melding(vorige)
    if s.melding.status != Status.GEREGISTREERD:
        return s
    m = als(
        services.melding_assign,
        s.midoffice,
        melding=s.melding,
        medewerker=s.generalist,
        team=s.wijkteam,
    )
    return _verder(s, MetMelding, melding=m)


LADDER = {
    1: ("Mevrouw kookt en wast zelf.", "Zwaar huishoudelijk werk lukt niet meer."),
    2: ("Dochter Lotte doet de boodschappen.", "Lotte kan niet meer doen."),
    3: ("Geen vrijwilliger voor schoonmaakwerk.", "Wachtlijst."),
    4: ("Wijkrestaurant besproken.", "Lost het schoonmaken niet op."),
    5: ("Geen collectief aanbod.", "Niet in Noord."),
}


def _ladder(s: MetInwoner) -> dict[int, tuple[str, str]]:
    """The ladder in the resident's own words (Anna's: `LADDER`)."""
    mz = s.mantelzorger
    netwerk = (
        (
            f"{mz.relatie.capitalize() or 'Mantelzorger'} {mz.naam.split()[0]} doet de "
            "boodschappen.",
            f"{mz.naam.split()[0]} kan niet meer doen.",
        )
        if mz
        else ("Geen netwerk dat kan helpen.", "Geen mantelzorger of buren beschikbaar.")
    )
    return {
        **LADDER,
        1: (f"{'Meneer' if _man(s.inwoner) else 'Mevrouw'} kookt en wast zelf.", LADDER[1][1]),
        2: netwerk,
        5: (LADDER[5][0], f"Niet in {s.inwoner.wijk.naam}." if s.inwoner.wijk else "Niet hier."),
    }


def onderzocht(vorige: Start | None = None, *, verslag: bool = True) -> MetOnderzoek:
    """The onderzoek: a conversation at home with Anna and Lotte two days after the melding,
    subjects a-g answered, the checks done, one ZRM score, every lighter step of the ladder
    recorded as not sufficient and individual maatwerk as sufficient. With `verslag` (the
    default) the verslag is made final and sent the next day."""
    from eenplan.onderzoeken import services

    s = toegewezen(vorige)
    if isinstance(s, MetOnderzoek):
        return s
    wie = s.generalist
    onderzoek = als(services.onderzoek_start, wie, melding=s.melding)
    gesprek_op = onderzoek_invullen(s, onderzoek)
    if verslag:
        onderzoek = als(services.verslag_finalise, wie, onderzoek=onderzoek)
        onderzoek = als(
            services.verslag_send,
            wie,
            onderzoek=onderzoek,
            op=min(s.vandaag, gesprek_op + dt.timedelta(days=1)),
        )
    s.melding.refresh_from_db()
    return _verder(s, MetOnderzoek, onderzoek=onderzoek)


def onderzoek_invullen(s: MetInwoner, onderzoek: Onderzoek) -> dt.date:
    """Everything the law asks of a started onderzoek (see `onderzocht`), done by the
    generalist: the conversation, subjects a-g, the checks, a score and the ladder walked to
    individual maatwerk; the verslag can then be made final. Returns the conversation date.
    For a journey that starts the onderzoek in the browser and finalises it there."""
    from eenplan.onderzoeken import services
    from eenplan.onderzoeken.models import Leefgebied
    from eenplan.rules.onderzoek import ONDERDELEN, LadderStap

    wie = s.generalist
    gesprek_op = min(s.vandaag, onderzoek.melding.ontvangen_op + dt.timedelta(days=2))
    mz = s.mantelzorger
    als(
        services.gesprek_add,
        wie,
        onderzoek=onderzoek,
        datum=gesprek_op,
        plaats="Bij de inwoner thuis",
        deelnemers=["inwoner", "mantelzorger"] if mz else ["inwoner"],
        notities=f"Keukentafelgesprek met {_voornaam(s.inwoner)}"
        + (
            ""
            if mz is None
            else f" en {'zijn' if _man(s.inwoner) else 'haar'} {mz.relatie} {mz.naam.split()[0]}"
            if mz.relatie in ("dochter", "zoon", "schoondochter")
            else f" en {mz.naam} ({mz.relatie or 'mantelzorger'})"
        )
        + ".",
    )
    for onderdeel in ONDERDELEN:
        als(
            services.onderdeel_set,
            wie,
            onderzoek=onderzoek,
            code=onderdeel.code,
            antwoord=f"Besproken: {onderdeel.titel.lower()}.",
        )
    als(
        services.onderzoek_set_checks,
        wie,
        onderzoek=onderzoek,
        clientondersteuning_gewezen=True,
        pgb_uitgelegd=True,
        mantelzorger_besproken=True if mz else None,
    )
    if mz is not None:
        mantelzorg_invullen(s, onderzoek, gesprek_op)
    als(
        services.score_add,
        wie,
        inwoner=s.inwoner,
        leefgebied=Leefgebied.objects.get(code="huisvesting"),
        score=2,
        datum=gesprek_op,
        onderzoek=onderzoek,
    )
    for stap, (bevinding, reden) in _ladder(s).items():
        als(
            services.afweging_set,
            wie,
            onderzoek=onderzoek,
            stap=stap,
            bevinding=bevinding,
            volstaat=False,
            reden_niet_toereikend=reden,
        )
    als(
        services.afweging_set,
        wie,
        onderzoek=onderzoek,
        stap=LadderStap.INDIVIDUEEL_MAATWERK,
        bevinding="Hulp bij het huishouden, drie uur per week.",
        volstaat=True,
    )
    return gesprek_op


def mantelzorg_invullen(s: MetInwoner, onderzoek: Onderzoek, gesprek_op: dt.date) -> None:
    """At the kitchen table the mantelzorger is registered (ten hours a week for two years:
    household, transport, administration), found overburdened, and asks for respite by day; a
    neighbour-help klus for the shopping is made for a volunteer (issue 15)."""
    from eenplan.mantelzorg import services as mantelzorg
    from eenplan.mantelzorg.models import Zorgrelatie

    mz = s.mantelzorger
    assert mz is not None
    wie = s.generalist
    relatie = Zorgrelatie.objects.filter(inwoner=s.inwoner, netwerkpersoon=mz).first()
    if relatie is None:
        relatie = als(
            mantelzorg.mantelzorger_register,
            wie,
            verzorgde=s.inwoner,
            naam=mz.naam,
            als_inwoner=mz.als_inwoner,
            netwerkpersoon=mz,
            relatie=mz.relatie,
            telefoon=mz.telefoon,
            uren_per_week=Decimal(10),
            sinds=gesprek_op - dt.timedelta(days=730),
            taken=["huishouden", "vervoer", "administratie"],
        )
    als(
        mantelzorg.belasting_vastleggen,
        wie,
        onderzoek=onderzoek,
        zorgrelatie=relatie,
        overbelast=True,
        vastgesteld_op=gesprek_op,
        toelichting="Werkt daarnaast en slaapt slecht; wil een dag per week vrij.",
    )
    als(
        mantelzorg.respijt_vraag_add,
        wie,
        mantelzorger=relatie.mantelzorger,
        inwoner=s.inwoner,
        soort="dag",
        gevraagd_op=gesprek_op,
        uren_gevraagd=Decimal(8),
    )
    als(
        mantelzorg.klus_add,
        wie,
        hulpvrager=s.inwoner,
        vaardigheid="boodschappen",
        omschrijving="Wekelijkse boodschappen",
        datum=gesprek_op + dt.timedelta(days=7),
        dagdeel="ochtend",
    )


def plan(vorige: Start | None = None) -> MetPlan:
    """The household plan: Anna's goal (a clean home, to keep living at home) and the maatwerk
    proposal for hulp bij het huishouden tied to it. Not signed."""
    from eenplan.onderzoeken.models import Leefgebied
    from eenplan.plannen import services
    from eenplan.rules.onderzoek import LadderStap

    s = onderzocht(vorige)
    if isinstance(s, MetPlan):
        return s
    wie = s.generalist
    nieuw = als(services.plan_open, wie, huishouden=s.huishouden)
    doel = als(
        services.doel_add,
        wie,
        plan=nieuw,
        inwoner=s.inwoner,
        leefgebied=Leefgebied.objects.get(code="huisvesting"),
        omschrijving="Een schoon huis, zodat ik thuis kan blijven wonen",
        doeltype="stabiliseren",
    )
    voorstel = als(
        services.voorstel_add,
        wie,
        plan=nieuw,
        inwoner=s.inwoner,
        omschrijving="Hulp bij het huishouden",
        wet="wmo",
        ladderstap=LadderStap.INDIVIDUEEL_MAATWERK,
        doel=doel,
    )
    nieuw.refresh_from_db()
    return _verder(s, MetPlan, plan=nieuw, doel=doel, voorstel=voorstel)


def ondertekend(vorige: Start | None = None, *, op: dt.date | None = None) -> Ondertekend:
    """Anna signs the plan (today unless `op`): the maatwerk proposal becomes an aanvraag."""
    from eenplan.plannen import services

    s = plan(vorige)
    if isinstance(s, Ondertekend):
        return s
    (aanvraag,) = als(
        services.plan_sign, s.generalist, plan=s.plan, ondertekenaar=s.inwoner, op=op or s.vandaag
    )
    s.plan.refresh_from_db()
    s.voorstel.refresh_from_db()
    return _verder(s, Ondertekend, aanvraag=aanvraag)


def beschikt(
    vorige: Start | None = None, *, verzenden: bool = True, op: dt.date | None = None
) -> Beschikt:
    """The back office grants hulp bij het huishouden in kind (three hours a week, one year
    from the decision) by the first provider with a tariff (Thuiszorg West in Anna's
    municipality) and, with `verzenden` (the default), sends the letter."""
    from eenplan.aanbieders.selectors import aanbieders_met_contract
    from eenplan.beschikkingen import services

    s = ondertekend(vorige)
    if isinstance(s, Beschikt):
        return s
    op = op or s.vandaag
    mevrouw = "Meneer" if _man(s.inwoner) else "Mevrouw"
    beschikking = services.beschikking_issue(
        aanvraag=s.aanvraag,
        actor=s.backoffice.user,
        besloten_op=op,
        motivering=f"{mevrouw} kan het zware huishoudelijke werk niet meer; het netwerk en de "
        "algemene voorzieningen bieden geen oplossing.",
        regels=[
            services.Regel(
                voorziening=s.hh,
                uitkomst="toegekend",
                omvang=Decimal(3),
                begin=op,
                einde=op + dt.timedelta(days=364),
                leveringsvorm="zin",
                aanbieder=aanbieders_met_contract(s.hh, op).first(),
            )
        ],
    )
    if verzenden:
        beschikking = services.beschikking_send(
            beschikking=beschikking, actor=s.backoffice.user, op=op
        )
    s.aanvraag.refresh_from_db()
    return _verder(s, Beschikt, beschikking=beschikking)


def bezwaar(vorige: Start | None = None, *, op: dt.date | None = None) -> MetBezwaar:
    """Anna objects (received today unless `op`): she needs more hours."""
    from eenplan.bezwaren import services

    s = beschikt(vorige)
    if isinstance(s, MetBezwaar):
        return s
    nieuw = services.bezwaar_register(
        beschikking=s.beschikking,
        inwoner=s.inwoner,
        ontvangen_op=op or s.vandaag,
        gronden="Drie uur per week is te weinig voor het huis en de was.",
        ingediend_door=s.inwoner.naam,
        actor=s.backoffice.user,
    )
    return _verder(s, MetBezwaar, bezwaar=nieuw)


def schuldhulp(s: MetInwoner) -> Any:
    """Debt help for the resident (issue 14): the housing corporation signals € 850 rent
    arrears ten days ago (Wgs art. 3a, a melding at the front door), the generalist phones the
    next day and reaches her, she asks for help, the first conversation is held two days later
    and triaged as the full debt route (a goal of the life domain finances in the active plan),
    and stabilisation starts. Returns the schuldvraag."""
    from eenplan.schuldhulp import services

    wie = s.generalist
    ontvangen = s.vandaag - dt.timedelta(days=10)
    signaal = als(
        services.signaal_registreren,
        wie,
        inwoner=s.inwoner,
        schuldeiser_soort="huur",
        schuldeiser="Woonstichting Noord",
        bedrag=Decimal("850.00"),
        ontvangen_op=ontvangen,
    )
    als(
        services.contact_vastleggen,
        wie,
        signaal=signaal,
        op=ontvangen + dt.timedelta(days=1),
        wijze="telefoon",
        bereikt=True,
        toelichting="Wil graag hulp; afspraak gemaakt.",
    )
    vraag = als(
        services.schuldvraag_aanmelden,
        wie,
        inwoner=s.inwoner,
        verzoek_op=ontvangen + dt.timedelta(days=1),
        signaal=signaal,
    )
    gesprek = ontvangen + dt.timedelta(days=3)
    als(services.fase_vastleggen, wie, vraag=vraag, fase="eerste_gesprek", op=gesprek)
    als(services.triage_vastleggen, wie, vraag=vraag, uitkomst="schuldhulproute", op=gesprek)
    als(
        services.fase_vastleggen,
        wie,
        vraag=vraag,
        fase="stabilisatie",
        op=gesprek + dt.timedelta(days=1),
        uitkomst="Schulden in beeld: huur, energie en een telefoonabonnement.",
    )
    vraag.refresh_from_db()
    return vraag
