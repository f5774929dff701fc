"""factory_boy factories for every model of the project, with traits for the common states.

Factories that make domain state go through the services where a service exists (residents,
meldingen, onderzoeken, plans, aanvragen, beschikkingen, …), so tests see exactly what the
application writes and its invariants hold; rows that only a service writes as a side effect
(history, versions, notifications) are built the way that service would write them.

The acting staff member (`door`) defaults to someone who may act: a generalist of a wijkteam
serving the resident's wijk, or the back office of the resident's municipality. For a whole
case in one go use `eenplan.testing.scenarios`.

    MeldingFactory(toegewezen=True)          an assigned melding
    OnderzoekFactory(definitief=True)        a final verslag (also: verzonden=True)
    PlanFactory(ondertekend=True)            a signed plan with a goal
    BeschikkingFactory(verzonden=True)       a sent ZIN decision
    MedewerkerFactory(jeugdprofessional=True) a youth professional with a valid registration
"""

from __future__ import annotations

import datetime as dt
import inspect
from collections.abc import Iterator
from decimal import Decimal
from typing import Any, TypeVar

import factory
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django.utils import timezone

from eenplan.aanbieders.models import Aanbieder, Contract, ContractDocument, ContractProduct
from eenplan.avg.models import (
    AvgVerzoek,
    Bewaarplicht,
    Bewaartermijn,
    Vernietigingslijst,
    VernietigingsRegel,
)
from eenplan.beleid.models import (
    Activiteit,
    Antwoord,
    Beleidsplan,
    Indicatorkoppeling,
    Respons,
    Resultaat,
    Streefwaarde,
    Subdoel,
    Thema,
    Uitnodiging,
    Uitvraging,
    Vraag,
    Vragenlijst,
)
from eenplan.beleid.models import Doel as Beleidsdoel
from eenplan.berichten.models import AanbiederLogin, Bericht, Levering, Prestatie
from eenplan.berichten.models import Toewijzing as BerichtToewijzing
from eenplan.beschikkingen.models import (
    Aanvraag,
    AanvraagOpschorting,
    Beschikking,
    BeschikteVoorziening,
    BriefSjabloon,
    Overgangsrecht,
    Verzending,
)
from eenplan.beveiliging.models import ApiSleutel
from eenplan.bezwaren.models import Bezwaar, Klacht
from eenplan.demo.builder import bsn_sequence
from eenplan.events.models import Gebeurtenis
from eenplan.gemeente.constants import Onderdeel, Rol, TeamSoort, VerzoekStatus
from eenplan.gemeente.models import (
    GelijkgesteldeFeestdag,
    Gemeente,
    Instelling,
    Medewerker,
    RolWijziging,
    RolWijzigingVerzoek,
    Sessie,
    Team,
    Wijk,
)
from eenplan.gemeente.services import medewerker_create, team_create
from eenplan.gemeente.sessies import SessionStore
from eenplan.inwoners.constants import NetwerkSoort, Relatie
from eenplan.inwoners.models import Huishouden, HuishoudenLid, Inwoner, Netwerkpersoon
from eenplan.inwoners.services import inwoner_create
from eenplan.meldingen.models import (
    Melding,
    MeldingGebeurtenis,
    Notificatie,
    Opschorting,
    Toewijzing,
)
from eenplan.onderzoeken.models import (
    Afweging,
    Anker,
    Gesprek,
    Instrument,
    Leefgebied,
    Onderzoek,
    OnderzoekOnderdeel,
    VerslagReactie,
    ZrmScore,
)
from eenplan.plannen.models import (
    Actie,
    Deelnemer,
    Doel,
    Evaluatie,
    Inbreng,
    Plan,
    PlanVersie,
    Regisseur,
    Veiligheidssignaal,
    Voorstel,
)
from eenplan.privacy.models import (
    DossierToegang,
    Inwoneraccount,
    Inzage,
    Machtiging,
    Toestemming,
)
from eenplan.sturing.models import Meetwaarde, Momentopname
from eenplan.taken.constants import TaakStatus
from eenplan.taken.models import Taak, TaakBestand
from eenplan.testing.scenarios import als
from eenplan.voorzieningen.models import (
    AbonnementstariefGegeven,
    CodelijstWaarde,
    Synoniem,
    Tarief,
    Voorziening,
)

_BSNS: Iterator[str] = bsn_sequence(start=100_000_000)
T = TypeVar("T")


def next_bsn() -> str:
    return next(_BSNS)


def vandaag() -> dt.date:
    return timezone.localdate()


# --- gemeente ---------------------------------------------------------------------------------


class GemeenteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Gemeente
        django_get_or_create = ("cbs_code",)

    cbs_code = "GM0983"
    naam = "Venlo"
    bezoekadres = "Hanzeplein 1, 5911 AM Venlo"
    postadres = "Postbus 3434, 5902 RK Venlo"
    telefoon = "14 077"
    email = "info@venlo.example.org"
    website = "https://www.venlo.example.org"
    bezwaar_url = "https://www.venlo.example.org/bezwaar"


class WijkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Wijk

    gemeente = factory.SubFactory(GemeenteFactory)
    code = factory.Sequence(lambda n: f"WK{n:06d}")
    naam = factory.Sequence(lambda n: f"Wijk {n}")


class TeamFactory(factory.Factory):
    class Meta:
        model = Team

    class Params:
        backoffice = factory.Trait(soort=TeamSoort.BACKOFFICE)
        midoffice = factory.Trait(soort=TeamSoort.MIDOFFICE)

    gemeente = factory.SubFactory(GemeenteFactory)
    naam = factory.Sequence(lambda n: f"Team {n}")
    soort = TeamSoort.WIJKTEAM
    wijken: list[Wijk] = []

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> Team:
        return team_create(**kwargs)


class MedewerkerFactory(factory.Factory):
    """A staff member with a login. Traits: `jeugdprofessional` (a valid SKJ registration;
    also the default for functie=JEUGDPROFESSIONAL), `registratie_verlopen` (a youth
    professional whose registration ended yesterday), `backoffice`, `midoffice`, `privacy`."""

    class Meta:
        model = Medewerker

    class Params:
        jeugdprofessional = factory.Trait(functie=Rol.JEUGDPROFESSIONAL)
        registratie_verlopen = factory.Trait(
            functie=Rol.JEUGDPROFESSIONAL,
            registratienummer="SKJ100000002",
            registratie_geldig_tot=factory.LazyFunction(lambda: vandaag() - dt.timedelta(days=1)),
        )
        backoffice = factory.Trait(functie=Rol.BACKOFFICE)
        midoffice = factory.Trait(functie=Rol.MIDOFFICE)
        privacy = factory.Trait(functie=Rol.PRIVACY)

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
            kwargs.setdefault("registratie_geldig_tot", vandaag() + dt.timedelta(days=365))
        return medewerker_create(**kwargs)


def team_voor(wijk: Wijk, soort: str = TeamSoort.WIJKTEAM) -> Team:
    """A team of this kind serving `wijk` (the back office and mid-office serve every wijk of
    the municipality); an existing one when there is one."""
    bestaand = Team.objects.filter(gemeente=wijk.gemeente, soort=soort, wijken=wijk).first()
    if bestaand is not None:
        return bestaand
    wijken = [wijk] if soort == TeamSoort.WIJKTEAM else list(wijk.gemeente.wijken.all())
    return TeamFactory(gemeente=wijk.gemeente, soort=soort, wijken=wijken)


def medewerker_voor(inwoner: Inwoner, functie: str = Rol.GENERALIST) -> Medewerker:
    """Someone with this role whose team serves the resident (need-to-know): a generalist of
    the wijkteam, or the back office / mid-office of the municipality."""
    soort = {
        Rol.BACKOFFICE: TeamSoort.BACKOFFICE,
        Rol.MIDOFFICE: TeamSoort.MIDOFFICE,
    }.get(functie, TeamSoort.WIJKTEAM)
    team = team_voor(inwoner.wijk, soort)
    bestaand = team.medewerkers.filter(functie=functie).first()
    if bestaand is not None:
        return bestaand
    return MedewerkerFactory(gemeente=inwoner.gemeente, functie=functie, teams=[team])


class GelijkgesteldeFeestdagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GelijkgesteldeFeestdag
        django_get_or_create = ("datum",)

    # A national day by royal decree (Atw art. 3 lid 3), never a municipality's own closing day.
    datum = dt.date(2029, 5, 11)
    omschrijving = "vrijdag na Hemelvaartsdag (voorbeeld van een toekomstig besluit)"
    bron = "Stcrt. 2028, 99999 (voorbeeld)"


class SessieFactory(factory.Factory):
    """The session of a staff member's login, stored as Django's login stores it (the login and
    its session hash in the data; `gemeente.sessies` writes the login's column beside it)."""

    class Meta:
        model = Sessie

    medewerker = factory.SubFactory(MedewerkerFactory)

    @classmethod
    def _create(cls, model_class: type[Sessie], *args: Any, **kwargs: Any) -> Sessie:
        user = kwargs["medewerker"].user
        store = SessionStore()
        store[SESSION_KEY] = str(user.pk)
        store[BACKEND_SESSION_KEY] = "eenplan.gemeente.backends.MedewerkerBackend"
        store[HASH_SESSION_KEY] = user.get_session_auth_hash()
        store.create()
        return model_class.objects.get(session_key=store.session_key)


class InstellingFactory(factory.Factory):
    """A version of a municipal setting, stored by the municipality's functioneel beheerder
    through instelling_save (the value checked, the version numbered). Default: the team's
    name from today."""

    class Meta:
        model = Instelling

    gemeente = factory.SubFactory(GemeenteFactory)
    onderwerp = "teksten"
    waarde = factory.LazyFunction(lambda: {"teamnaam": "sociaal team"})
    geldig_vanaf = factory.LazyFunction(timezone.localdate)
    bron = "Verordening maatschappelijke ondersteuning 2026"
    door = factory.LazyAttribute(
        lambda o: MedewerkerFactory(gemeente=o.gemeente, functie=Rol.FUNCTIONEEL_BEHEER).user
    )

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> Instelling:
        from eenplan.gemeente.services import instelling_save

        return instelling_save(**kwargs)


class RolWijzigingVerzoekFactory(factory.django.DjangoModelFactory):
    """An open four-eyes request, as medewerker_rollen_change writes it."""

    class Meta:
        model = RolWijzigingVerzoek

    gemeente = factory.SubFactory(GemeenteFactory)
    medewerker = factory.SubFactory(MedewerkerFactory, gemeente=factory.SelfAttribute("..gemeente"))
    aangevraagd_door = factory.LazyAttribute(
        lambda o: MedewerkerFactory(gemeente=o.gemeente, functie=Rol.FUNCTIONEEL_BEHEER).user
    )
    wijziging = factory.LazyAttribute(lambda o: {"functie": str(Rol.BACKOFFICE)})
    samenvatting = "Functie: Generalist / consulent → Backoffice / beschikkingen"
    status = VerzoekStatus.OPEN


class RolWijzigingFactory(factory.django.DjangoModelFactory):
    """One line of the append-only role log, as the beheer services write it."""

    class Meta:
        model = RolWijziging

    gemeente = factory.SubFactory(GemeenteFactory)
    medewerker = factory.SubFactory(MedewerkerFactory, gemeente=factory.SelfAttribute("..gemeente"))
    door = factory.LazyAttribute(
        lambda o: MedewerkerFactory(gemeente=o.gemeente, functie=Rol.FUNCTIONEEL_BEHEER).user
    )
    door_gebruikersnaam = factory.LazyAttribute(lambda o: o.door.get_username())
    onderdeel = Onderdeel.FUNCTIE
    oud = "Generalist / consulent"
    nieuw = "Backoffice / beschikkingen"


class ApiSleutelFactory(factory.Factory):
    """An API key through api_sleutel_create; the key itself (shown once) is on `.sleutel`.
    Trait `ingetrokken` (revoked through api_sleutels_revoke)."""

    class Meta:
        model = ApiSleutel

    class Params:
        ingetrokken = factory.Trait(intrekken=True)

    user = factory.LazyAttribute(lambda o: MedewerkerFactory().user)
    naam = "Koppeling zorgaanbieder"
    intrekken = False

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> ApiSleutel:
        from eenplan.beveiliging.services import api_sleutel_create, api_sleutels_revoke

        intrekken = kwargs.pop("intrekken")
        record, sleutel = api_sleutel_create(**kwargs)
        if intrekken:
            api_sleutels_revoke(user=record.user, reden="Vervangen", sleutel_id=record.pk)
            record.refresh_from_db()
        record.sleutel = sleutel
        return record


# --- inwoners ---------------------------------------------------------------------------------


class InwonerFactory(factory.Factory):
    """A resident through inwoner_create (checked BSN, search names). Traits: `kind` (born ten
    years ago), `jongere` (sixteen)."""

    class Meta:
        model = Inwoner

    class Params:
        kind = factory.Trait(
            geboortedatum=factory.LazyFunction(lambda: vandaag().replace(year=vandaag().year - 10))
        )
        jongere = factory.Trait(
            geboortedatum=factory.LazyFunction(lambda: vandaag().replace(year=vandaag().year - 16))
        )

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


class HuishoudenFactory(factory.Factory):
    """A household through huishouden_create; `leden` is a list of residents (the first the
    referentiepersoon, the others partner) or of (inwoner, relatie, lid_van). Without leden:
    one adult resident. Trait `gezin`: two parents and a child of ten."""

    class Meta:
        model = Huishouden

    class Params:
        gezin = factory.Trait(gezin_maken=True)

    gemeente = factory.SubFactory(GemeenteFactory)
    naam = factory.Sequence(lambda n: f"Huishouden {n}")
    leden: list[Any] | None = None
    gezin_maken = False

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> Huishouden:
        from eenplan.inwoners.services import huishouden_create

        gemeente = kwargs["gemeente"]
        leden = kwargs.pop("leden", None)
        gezin = kwargs.pop("gezin_maken", False)
        if leden is None:
            eerste = InwonerFactory(gemeente=gemeente)
            leden = [eerste]
            if gezin:
                thuis = {
                    "gemeente": gemeente,
                    "wijk": eerste.wijk,
                    "straat": eerste.straat,
                    "huisnummer": eerste.huisnummer,
                }
                leden += [
                    (InwonerFactory(**thuis), Relatie.PARTNER, dt.date(2010, 1, 1)),
                    (InwonerFactory(**thuis, kind=True), Relatie.KIND, None),
                ]
        rijen = []
        for i, lid in enumerate(leden):
            if isinstance(lid, Inwoner):
                lid = (lid, Relatie.REFERENTIE if i == 0 else Relatie.PARTNER, None)
            inwoner, relatie, lid_van = lid
            rijen.append(
                (inwoner, relatie, lid_van or max(inwoner.geboortedatum, dt.date(2010, 1, 1)))
            )
        return huishouden_create(gemeente=gemeente, naam=kwargs["naam"], leden=rijen)


class HuishoudenLidFactory(factory.Factory):
    """A membership through huishouden_lid_add (the resident may not be in another household
    on that date)."""

    class Meta:
        model = HuishoudenLid

    huishouden = factory.SubFactory(HuishoudenFactory, leden=[])
    inwoner = factory.SubFactory(
        InwonerFactory, gemeente=factory.SelfAttribute("..huishouden.gemeente")
    )
    relatie = Relatie.PARTNER
    lid_van = dt.date(2010, 1, 1)

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> HuishoudenLid:
        from eenplan.inwoners.services import huishouden_lid_add

        return huishouden_lid_add(**kwargs)


class NetwerkpersoonFactory(factory.Factory):
    """Someone in a resident's network through netwerkpersoon_add. Traits: `mantelzorger`,
    `vertegenwoordiger` (may sign the plan)."""

    class Meta:
        model = Netwerkpersoon

    class Params:
        mantelzorger = factory.Trait(soort=NetwerkSoort.MANTELZORGER, relatie="dochter")
        vertegenwoordiger = factory.Trait(soort=NetwerkSoort.VERTEGENWOORDIGER, relatie="curator")

    inwoner = factory.SubFactory(InwonerFactory)
    soort = NetwerkSoort.BUUR
    naam = factory.Sequence(lambda n: f"Netwerkpersoon {n}")
    relatie = "buurman"
    telefoon = "06-12345678"

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> Netwerkpersoon:
        from eenplan.inwoners.services import netwerkpersoon_add

        return netwerkpersoon_add(**kwargs)


# --- events and privacy -----------------------------------------------------------------------


class GebeurtenisFactory(factory.Factory):
    """An event in the append-only history, through events.bus.publish (its subscribers run)."""

    class Meta:
        model = Gebeurtenis

    inwoner = factory.SubFactory(InwonerFactory)
    record = factory.SelfAttribute("inwoner")
    soort = "inwoner.gewijzigd"
    omschrijving = "Gegevens bijgewerkt"
    user = None
    huishouden = None

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> Gebeurtenis:
        from eenplan.events.bus import publish

        return publish(kwargs.pop("soort"), **kwargs)


class InzageFactory(factory.Factory):
    """A read of a dossier in the access log, through inzage_log. Trait `geweigerd`."""

    class Meta:
        model = Inzage

    class Params:
        geweigerd = factory.Trait(toegestaan=False)

    inwoner = factory.SubFactory(InwonerFactory)
    user = factory.LazyAttribute(lambda o: medewerker_voor(o.inwoner).user)
    doel = "onderzoek"
    kanaal = "pagina"
    pad = factory.LazyAttribute(lambda o: f"/inwoners/{o.inwoner.pk}/")
    toegestaan = True

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> Inzage:
        from eenplan.privacy.services import inzage_log

        return inzage_log(**kwargs)


class DossierToegangFactory(factory.Factory):
    """Need-to-know access to one resident beyond the own wijken, through dossiertoegang_grant.
    Trait `beeindigd` (ended yesterday)."""

    class Meta:
        model = DossierToegang

    class Params:
        beeindigd = factory.Trait(
            van=factory.LazyFunction(lambda: vandaag() - dt.timedelta(days=30)),
            tot=factory.LazyFunction(lambda: vandaag() - dt.timedelta(days=1)),
        )

    inwoner = factory.SubFactory(InwonerFactory)
    medewerker = factory.SubFactory(
        MedewerkerFactory, gemeente=factory.SelfAttribute("..inwoner.gemeente")
    )
    reden = "Contactpersoon op verzoek van de inwoner"
    van = factory.LazyFunction(vandaag)
    tot = None

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> DossierToegang:
        from eenplan.privacy.services import dossiertoegang_grant

        return dossiertoegang_grant(**kwargs)


class ToestemmingFactory(factory.Factory):
    """Consent recorded through toestemming_give. Trait `ingetrokken`."""

    class Meta:
        model = Toestemming

    class Params:
        ingetrokken = factory.Trait(intrekken=True)

    inwoner = factory.SubFactory(InwonerFactory)
    aan = "Stichting Welzijn Venlo"
    doel = "Deelnemen aan het plan"
    gegeven_op = factory.LazyFunction(lambda: vandaag() - dt.timedelta(days=7))
    door = factory.LazyAttribute(lambda o: medewerker_voor(o.inwoner))
    intrekken = False

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> Toestemming:
        from eenplan.privacy.services import toestemming_give, toestemming_withdraw

        intrekken = kwargs.pop("intrekken")
        toestemming = als(toestemming_give, kwargs.pop("door"), **kwargs)
        if intrekken:
            toestemming = toestemming_withdraw(toestemming=toestemming, op=vandaag())
        return toestemming


class InwoneraccountFactory(factory.Factory):
    """A resident's portal login through inwoneraccount_for (linked to an Inwoner, never to a
    Medewerker). Log in with `client.force_login(account.user)`."""

    class Meta:
        model = Inwoneraccount

    inwoner = factory.SubFactory(InwonerFactory)
    via = "ontwikkeling"

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> Inwoneraccount:
        from eenplan.privacy.services import inwoneraccount_for

        return inwoneraccount_for(**kwargs)


class MachtigingFactory(factory.Factory):
    """A machtiging through machtiging_give: `inwoner` authorises `gemachtigde` (same
    municipality) from a week ago. Traits: `mantelzorger`, `ingetrokken`."""

    class Meta:
        model = Machtiging

    class Params:
        mantelzorger = factory.Trait(soort="mantelzorger")
        ingetrokken = factory.Trait(intrekken=True)

    inwoner = factory.SubFactory(InwonerFactory)
    gemachtigde = factory.SubFactory(
        InwonerFactory, gemeente=factory.SelfAttribute("..inwoner.gemeente")
    )
    soort = "machtiging"
    van = factory.LazyFunction(lambda: vandaag() - dt.timedelta(days=7))
    tot = None
    door = factory.LazyAttribute(lambda o: medewerker_voor(o.inwoner).user)
    intrekken = False

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> Machtiging:
        from eenplan.privacy.services import machtiging_give, machtiging_withdraw

        intrekken = kwargs.pop("intrekken")
        machtiging = machtiging_give(**kwargs)
        if intrekken:
            machtiging = machtiging_withdraw(machtiging=machtiging, op=vandaag())
        return machtiging


# --- meldingen --------------------------------------------------------------------------------

MELDING_STAPPEN = ("geregistreerd", "toegewezen", "beantwoord", "gesloten")


class MeldingFactory(factory.Factory):
    """A melding through melding_register (deadlines, confirmation of receipt). Traits:
    `toegewezen` (to a generalist of the resident's wijkteam, who gets dossier access),
    `beantwoord` (answered at the front door, closed), `gesloten` (assigned, then closed),
    `jeugd` (a GP's youth referral)."""

    class Meta:
        model = Melding

    class Params:
        toegewezen = factory.Trait(stap="toegewezen")
        beantwoord = factory.Trait(stap="beantwoord")
        gesloten = factory.Trait(stap="gesloten")
        jeugd = factory.Trait(
            domeinen=["jeugd"],
            melder_soort="huisarts",
            melder_naam="Huisarts Verbeek",
            kanaal="verwijzing",
        )

    inwoner = factory.SubFactory(InwonerFactory)
    gemeente = factory.SelfAttribute("inwoner.gemeente")
    door = factory.LazyAttribute(lambda o: medewerker_voor(o.inwoner, Rol.MIDOFFICE))
    melder_soort = "zelf"
    kanaal = "telefoon"
    vraag = "Ik red het huishouden niet meer alleen."
    ontvangen_op = factory.LazyFunction(lambda: vandaag() - dt.timedelta(days=3))
    domeinen = factory.LazyFunction(lambda: ["wmo"])
    stap = "geregistreerd"
    medewerker = None

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> Melding:
        from eenplan.meldingen import services

        stap, door = kwargs.pop("stap"), kwargs.pop("door")
        medewerker = kwargs.pop("medewerker")
        melding = als(services.melding_register, door, **kwargs)
        if stap == "beantwoord":
            return als(
                services.melding_answer,
                door,
                melding=melding,
                antwoord="Verwezen naar het informatiepunt in de wijk.",
            )
        if stap in ("toegewezen", "gesloten"):
            if medewerker is None and melding.inwoner is not None:
                functie = Rol.JEUGDPROFESSIONAL if melding.jeugd else Rol.GENERALIST
                medewerker = medewerker_voor(melding.inwoner, functie)
            melding = als(services.melding_assign, door, melding=melding, medewerker=medewerker)
        if stap == "gesloten":
            melding = als(
                services.melding_close,
                medewerker,
                melding=melding,
                toelichting="Afgerond na het gesprek.",
            )
        return melding


class MeldingGebeurtenisFactory(factory.django.DjangoModelFactory):
    """A line in a melding's history, as the meldingen services write it."""

    class Meta:
        model = MeldingGebeurtenis

    melding = factory.SubFactory(MeldingFactory)
    door = factory.LazyAttribute(lambda o: o.melding.geregistreerd_door)
    soort = "notitie"
    van_status = factory.SelfAttribute("melding.status")
    naar_status = factory.SelfAttribute("melding.status")
    toelichting = "Inwoner teruggebeld."


class OpschortingFactory(factory.Factory):
    """A suspension of an assigned melding's term through melding_suspend. Trait `hervat`."""

    class Meta:
        model = Opschorting

    class Params:
        hervat = factory.Trait(hervatten=True)

    melding = factory.SubFactory(MeldingFactory, toegewezen=True)
    van = factory.LazyFunction(lambda: vandaag() - dt.timedelta(days=1))
    reden = "Inwoner is opgenomen in het ziekenhuis."
    hervatten = False

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> Opschorting:
        from eenplan.meldingen import services

        hervatten = kwargs.pop("hervatten")
        melding = kwargs["melding"]
        door = melding.medewerker or melding.geregistreerd_door
        opschorting = als(services.melding_suspend, door, **kwargs)
        if hervatten:
            als(services.melding_resume, door, opschorting=opschorting, tot=vandaag())
            opschorting.refresh_from_db()
        return opschorting


class ToewijzingFactory(factory.Factory):
    """The assignment of a melding (with its dossier access), through melding_assign."""

    class Meta:
        model = Toewijzing

    melding = factory.SubFactory(MeldingFactory)
    medewerker = None

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> Toewijzing:
        from eenplan.meldingen import services

        melding = kwargs["melding"]
        medewerker = kwargs["medewerker"] or medewerker_voor(melding.inwoner)
        als(
            services.melding_assign,
            melding.geregistreerd_door,
            melding=melding,
            medewerker=medewerker,
        )
        return Toewijzing.objects.filter(melding=melding).latest("id")


class NotificatieFactory(factory.django.DjangoModelFactory):
    """A notification to a team, as melding_register writes one for a youth referral."""

    class Meta:
        model = Notificatie

    melding = factory.SubFactory(MeldingFactory, jeugd=True)
    team = factory.LazyAttribute(lambda o: team_voor(o.melding.inwoner.wijk))
    tekst = "Verwijzing jeugdhulp door huisarts: de gemeente volgt deze verwijzing."


# --- onderzoeken ------------------------------------------------------------------------------


class InstrumentFactory(factory.django.DjangoModelFactory):
    """A scoring instrument; the default is the ZRM the data migration loads."""

    class Meta:
        model = Instrument
        django_get_or_create = ("naam",)

    naam = factory.Sequence(lambda n: f"Instrument {n}")
    bron = "Eigen instrument"
    schaal_min = 1
    schaal_max = 5


class LeefgebiedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Leefgebied
        django_get_or_create = ("instrument", "code")

    instrument = factory.SubFactory(InstrumentFactory)
    code = factory.Sequence(lambda n: f"leefgebied{n}")
    naam = factory.Sequence(lambda n: f"Leefgebied {n}")
    volgorde = factory.Sequence(lambda n: n + 1)


class AnkerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Anker

    leefgebied = factory.SubFactory(LeefgebiedFactory)
    score = 3
    tekst = "Voldoende zelfredzaam"


def leefgebied(code: str = "huisvesting") -> Leefgebied:
    """A life domain of the default instrument (the ZRM), loaded if a flush removed it."""
    from eenplan.onderzoeken.services import instrument_ensure_default

    instrument_ensure_default()
    return Leefgebied.objects.get(code=code)


class OnderzoekFactory(factory.Factory):
    """An onderzoek started through onderzoek_start on an assigned melding. Traits:
    `definitief` (a conversation, subjects a-g, the checks; the verslag final) and `verzonden`
    (also sent to the resident)."""

    class Meta:
        model = Onderzoek

    class Params:
        definitief = factory.Trait(stap="definitief")
        verzonden = factory.Trait(stap="verzonden")

    melding = factory.SubFactory(MeldingFactory, toegewezen=True)
    stap = "lopend"

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> Onderzoek:
        from eenplan.onderzoeken import services
        from eenplan.rules.onderzoek import ONDERDELEN

        melding, stap = kwargs["melding"], kwargs["stap"]
        wie = melding.medewerker
        onderzoek = als(services.onderzoek_start, wie, melding=melding)
        if stap == "lopend":
            return onderzoek
        als(
            services.gesprek_add,
            wie,
            onderzoek=onderzoek,
            datum=melding.ontvangen_op,
            plaats="Bij de inwoner thuis",
            deelnemers=["inwoner"],
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
            mantelzorger_besproken=True,
        )
        onderzoek = als(services.verslag_finalise, wie, onderzoek=onderzoek)
        if stap == "verzonden":
            onderzoek = als(services.verslag_send, wie, onderzoek=onderzoek, op=vandaag())
        return onderzoek


class OnderzoekOnderdeelFactory(factory.Factory):
    """One subject a-g answered through onderdeel_set (onderzoek_start made the row)."""

    class Meta:
        model = OnderzoekOnderdeel

    onderzoek = factory.SubFactory(OnderzoekFactory)
    code = "a"
    antwoord = "Besproken met de inwoner."

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> OnderzoekOnderdeel:
        from eenplan.onderzoeken.services import onderdeel_set

        return als(onderdeel_set, kwargs["onderzoek"].medewerker, **kwargs)


class GesprekFactory(factory.Factory):
    class Meta:
        model = Gesprek

    onderzoek = factory.SubFactory(OnderzoekFactory)
    datum = factory.LazyAttribute(lambda o: o.onderzoek.melding.ontvangen_op)
    plaats = "Bij de inwoner thuis"
    deelnemers = factory.LazyFunction(lambda: ["inwoner"])
    notities = "Keukentafelgesprek."

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> Gesprek:
        from eenplan.onderzoeken.services import gesprek_add

        return als(gesprek_add, kwargs["onderzoek"].medewerker, **kwargs)


class AfwegingFactory(factory.Factory):
    """One step of the ladder through afweging_set. Trait `volstaat`."""

    class Meta:
        model = Afweging

    class Params:
        volstaat_wel = factory.Trait(volstaat=True, reden_niet_toereikend="")

    onderzoek = factory.SubFactory(OnderzoekFactory)
    stap = 1
    bevinding = "Besproken met de inwoner."
    volstaat = False
    reden_niet_toereikend = "Niet voldoende."

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> Afweging:
        from eenplan.onderzoeken.services import afweging_set

        return als(afweging_set, kwargs["onderzoek"].medewerker, **kwargs)


class ZrmScoreFactory(factory.Factory):
    class Meta:
        model = ZrmScore

    inwoner = factory.SubFactory(InwonerFactory)
    leefgebied = factory.LazyFunction(leefgebied)
    score = 3
    datum = factory.LazyFunction(vandaag)
    onderzoek = None
    door = factory.LazyAttribute(lambda o: medewerker_voor(o.inwoner))

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> ZrmScore:
        from eenplan.onderzoeken.services import score_add

        return als(score_add, kwargs.pop("door"), **kwargs)


class VerslagReactieFactory(factory.Factory):
    """The resident's remarks on a sent verslag, through verslag_reactie_add."""

    class Meta:
        model = VerslagReactie

    onderzoek = factory.SubFactory(OnderzoekFactory, verzonden=True)
    tekst = "Ik mis in het verslag dat mijn dochter ook werkt."
    ontvangen_op = factory.LazyFunction(vandaag)

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> VerslagReactie:
        from eenplan.onderzoeken.services import verslag_reactie_add

        return als(verslag_reactie_add, kwargs["onderzoek"].medewerker, **kwargs)


# --- plannen ----------------------------------------------------------------------------------


def _eerste_volwassene(huishouden: Huishouden) -> Inwoner:
    leden = [lid.inwoner for lid in huishouden.leden.filter(lid_tot__isnull=True)]
    volwassenen = [i for i in leden if i.leeftijd_op(vandaag()) >= 18]
    return (volwassenen or leden)[0]


class PlanFactory(factory.Factory):
    """The household plan through plan_open, opened by a generalist serving the household.
    Trait `ondertekend`: a goal for the first adult, who signs it today (no maatwerk, so no
    aanvraag; for that use scenarios.ondertekend)."""

    class Meta:
        model = Plan

    class Params:
        ondertekend = factory.Trait(stap="ondertekend")

    huishouden = factory.SubFactory(HuishoudenFactory)
    door = factory.LazyAttribute(lambda o: medewerker_voor(_eerste_volwassene(o.huishouden)))
    stap = "concept"

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> Plan:
        from eenplan.plannen import services

        door, huishouden = kwargs["door"], kwargs["huishouden"]
        plan = als(services.plan_open, door, huishouden=huishouden)
        if kwargs["stap"] == "ondertekend":
            inwoner = _eerste_volwassene(huishouden)
            als(
                services.doel_add,
                door,
                plan=plan,
                inwoner=inwoner,
                leefgebied=leefgebied(),
                omschrijving="Zelfstandig blijven wonen",
                doeltype="stabiliseren",
            )
            als(services.plan_sign, door, plan=plan, ondertekenaar=inwoner, op=vandaag())
            plan.refresh_from_db()
        return plan


def _plan_door(plan: Plan) -> Medewerker:
    return medewerker_voor(_eerste_volwassene(plan.huishouden))


class DoelFactory(factory.Factory):
    class Meta:
        model = Doel

    plan = factory.SubFactory(PlanFactory)
    inwoner = factory.LazyAttribute(lambda o: _eerste_volwassene(o.plan.huishouden))
    leefgebied = factory.LazyFunction(leefgebied)
    omschrijving = "Een schoon huis, zodat ik thuis kan blijven wonen"
    doeltype = "stabiliseren"
    evaluatie_op = None

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> Doel:
        from eenplan.plannen.services import doel_add

        return als(doel_add, _plan_door(kwargs["plan"]), **kwargs)


class ActieFactory(factory.Factory):
    class Meta:
        model = Actie

    doel = factory.SubFactory(DoelFactory)
    omschrijving = "Boodschappen samen met de dochter plannen"
    uitvoerder_soort = "netwerk"
    uitvoerder = "Dochter"
    uiterlijk = None

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> Actie:
        from eenplan.plannen.services import actie_add

        return als(actie_add, _plan_door(kwargs["doel"].plan), **kwargs)


class VoorstelFactory(factory.Factory):
    """A proposal through voorstel_add: by default an algemene voorziening (no ladder needed).
    For maatwerk the ladder must be walked first: use scenarios.plan."""

    class Meta:
        model = Voorstel

    plan = factory.SubFactory(PlanFactory)
    inwoner = factory.LazyAttribute(lambda o: _eerste_volwassene(o.plan.huishouden))
    omschrijving = "Wijkrestaurant"
    wet = "wmo"
    ladderstap = 4
    doel = None

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> Voorstel:
        from eenplan.plannen.services import voorstel_add

        return als(voorstel_add, _plan_door(kwargs["plan"]), **kwargs)


class EvaluatieFactory(factory.Factory):
    class Meta:
        model = Evaluatie

    doel = factory.SubFactory(DoelFactory)
    datum = factory.LazyFunction(vandaag)
    uitkomst = "deels"
    toelichting = "Het gaat beter; de hulp loopt."

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> Evaluatie:
        from eenplan.plannen.services import evaluatie_add

        return als(evaluatie_add, _plan_door(kwargs["doel"].plan), **kwargs)


class RegisseurFactory(factory.Factory):
    """The plan's regisseur through regisseur_set: by default the resident."""

    class Meta:
        model = Regisseur

    plan = factory.SubFactory(PlanFactory)
    soort = "inwoner"
    inwoner = factory.LazyAttribute(lambda o: _eerste_volwassene(o.plan.huishouden))
    van = factory.LazyFunction(vandaag)

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> Regisseur:
        from eenplan.plannen.services import regisseur_set

        return als(regisseur_set, _plan_door(kwargs["plan"]), **kwargs)


class DeelnemerFactory(factory.Factory):
    """An organisation taking part in the plan, with the resident's consent."""

    class Meta:
        model = Deelnemer

    plan = factory.SubFactory(PlanFactory)
    organisatie = "Stichting Welzijn Venlo"
    rol = "Begeleidt bij de administratie"
    toestemming = factory.LazyAttribute(
        lambda o: ToestemmingFactory(inwoner=_eerste_volwassene(o.plan.huishouden))
    )

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> Deelnemer:
        from eenplan.plannen.services import deelnemer_add

        return als(deelnemer_add, _plan_door(kwargs["plan"]), **kwargs)


class VeiligheidssignaalFactory(factory.Factory):
    class Meta:
        model = Veiligheidssignaal

    plan = factory.SubFactory(PlanFactory)
    soort = "structureel"
    omschrijving = "Zorgen over de veiligheid thuis; besproken in het team."
    escalatie = "geen"

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> Veiligheidssignaal:
        from eenplan.plannen.services import veiligheid_signaleer

        return als(veiligheid_signaleer, _plan_door(kwargs["plan"]), **kwargs)


class PlanVersieFactory(factory.Factory):
    """A version in a plan's history: the plannen services write one with every change, so
    this adds a goal (through doel_add) and returns the version that made."""

    class Meta:
        model = PlanVersie

    plan = factory.SubFactory(PlanFactory)
    omschrijving = "Weer zelf de administratie doen"

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> PlanVersie:
        plan = kwargs["plan"]
        DoelFactory(plan=plan, omschrijving=kwargs["omschrijving"])
        return plan.versies.order_by("-versie").first()


# --- voorzieningen ----------------------------------------------------------------------------


class CodelijstWaardeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CodelijstWaarde
        django_get_or_create = ("codelijst", "code")

    codelijst = "WMO020"
    code = "01"
    omschrijving = "Huishoudelijke hulp"
    bron = "iWmo 3.2"


class VoorzieningFactory(factory.Factory):
    """A provision through voorziening_create: by default maatwerk (hulp bij het huishouden,
    valid iWmo codes, PGB possible). Traits: `algemeen` (an algemene voorziening for the
    sociale kaart), `jeugd` (ambulante jeugdhulp)."""

    class Meta:
        model = Voorziening

    class Params:
        algemeen = factory.Trait(
            soort="algemeen",
            organisatie="Buurtcentrum Noord",
            productcategorie="",
            productcode="",
            eenheid="",
            frequentie="",
            uitvoeringsvariant="",
            pgb_mogelijk=False,
            eigen_bijdrage="geen",
            prijs=Decimal("6.00"),
        )
        jeugd = factory.Trait(
            wet="jeugd",
            naam="Ambulante jeugdhulp",
            productcategorie="45",
            productcode="45A01",
            eigen_bijdrage="geen",
        )

    gemeente = factory.SubFactory(GemeenteFactory)
    naam = "Hulp bij het huishouden"
    soort = "individueel"
    wet = "wmo"
    productcategorie = "01"
    # Five characters like a real iWmo code (2-digit category + 3), whatever the sequence:
    # "01A{n:02d}" grew to six after 100 voorzieningen in one test run.
    productcode = factory.Sequence(lambda n: f"01{n % 1000:03d}")
    eenheid = "04"
    frequentie = "2"
    uitvoeringsvariant = "inspanning"
    pgb_mogelijk = True
    kostprijs_per_maand = Decimal("250")

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> Voorziening:
        from eenplan.voorzieningen.services import voorziening_create

        return voorziening_create(**kwargs)


class TariefFactory(factory.Factory):
    """A PGB tariff of the catalogue through tarief_add. A tariff in kind is a contract
    product: ContractProductFactory or `gecontracteerd`."""

    class Meta:
        model = Tarief

    voorziening = factory.SubFactory(VoorzieningFactory)
    leveringsvorm = "pgb"
    bedrag = Decimal("25.00")
    geldig_vanaf = dt.date(2024, 1, 1)
    bron = "Verordening maatschappelijke ondersteuning 2024, pgb-tarieven"

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> Tarief:
        from eenplan.voorzieningen.services import tarief_add

        return tarief_add(**kwargs)


def agb_code(n: int) -> str:
    """A well-formed Wmo AGB code (iWmo LDT_AgbCode: 8 digits), unique per n."""
    return f"98{n + 500001:06d}"


class AanbiederFactory(factory.Factory):
    """A provider through aanbieder_save, with a well-formed AGB code."""

    class Meta:
        model = Aanbieder

    naam = factory.Sequence(lambda n: f"Thuiszorg West {n}" if n else "Thuiszorg West")
    agb_code = factory.Sequence(agb_code)
    contactpersoon = "Anouk Verbeek"
    telefoon = "077 123 45 67"
    email = "contract@thuiszorgwest.example"
    adres = "Parade 12, 5911 CD Venlo"

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> Aanbieder:
        from eenplan.aanbieders.services import aanbieder_save

        return aanbieder_save(**kwargs)


class ContractFactory(factory.Factory):
    """A raamovereenkomst through contract_save (pass `hoofdcontract` for a deelovereenkomst)."""

    class Meta:
        model = Contract

    aanbieder = factory.SubFactory(AanbiederFactory)
    gemeente = factory.SubFactory(GemeenteFactory)
    kenmerk = factory.Sequence(lambda n: f"WMO-2024-{n + 1:03d}")
    omschrijving = "Raamovereenkomst Wmo maatwerk"
    begin = dt.date(2024, 1, 1)
    einde = None
    uitvoeringsvariant = "inspanning"
    financieringsvorm = "pxq"

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> Contract:
        from eenplan.aanbieders.services import contract_save

        return contract_save(**kwargs)


class ContractProductFactory(factory.Factory):
    """A product with its tariff per unit in a contract, through contract_product_save. The
    contract is made for the voorziening's municipality."""

    class Meta:
        model = ContractProduct

    voorziening = factory.SubFactory(VoorzieningFactory)
    contract = factory.LazyAttribute(lambda o: ContractFactory(gemeente=o.voorziening.gemeente))
    tarief = Decimal("29.90")
    eenheid = factory.LazyAttribute(lambda o: o.voorziening.eenheid or "04")
    geldig_vanaf = factory.LazyAttribute(lambda o: o.contract.begin)
    geldig_tot = None
    bron = "Tariefbijlage raamovereenkomst Wmo 2024"

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> ContractProduct:
        from eenplan.aanbieders.services import contract_product_save

        return contract_product_save(**kwargs)


class ContractDocumentFactory(factory.Factory):
    """A signed agreement (a small PDF) attached to a contract through contract_document_add."""

    class Meta:
        model = ContractDocument

    contract = factory.SubFactory(ContractFactory)
    titel = "Getekende raamovereenkomst"
    bestandsnaam = "raamovereenkomst.pdf"
    mime_type = "application/pdf"
    inhoud = b"%PDF-1.4\n% demo\n%%EOF\n"
    door = factory.LazyAttribute(lambda o: MedewerkerFactory(gemeente=o.contract.gemeente).user)

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> ContractDocument:
        from eenplan.aanbieders.services import contract_document_add

        return contract_document_add(**kwargs)


def gecontracteerd(
    voorziening: Voorziening,
    naam: str = "Thuiszorg West",
    *,
    tarief: Decimal | str = Decimal("29.90"),
    vanaf: dt.date = dt.date(2024, 1, 1),
) -> Aanbieder:
    """The provider called `naam` (made once) with a contract of the voorziening's municipality
    covering `voorziening` from `vanaf` at `tarief` per unit (made once: a second call for the
    same provider and provision changes nothing). Returns the provider."""
    from eenplan.aanbieders.models import Aanbieder as A

    aanbieder = A.objects.filter(naam=naam).first() or AanbiederFactory(naam=naam)
    contract = (
        Contract.objects.filter(aanbieder=aanbieder, gemeente=voorziening.gemeente_id)
        .order_by("begin")
        .first()
    )
    if contract is None:
        contract = ContractFactory(
            aanbieder=aanbieder,
            gemeente=voorziening.gemeente,
            begin=min(vanaf, dt.date(2024, 1, 1)),
        )
    if not contract.producten.filter(voorziening=voorziening).exists():
        ContractProductFactory(
            contract=contract, voorziening=voorziening, tarief=Decimal(tarief), geldig_vanaf=vanaf
        )
    return aanbieder


class AbonnementstariefGegevenFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AbonnementstariefGegeven
        django_get_or_create = ("geldig_vanaf",)

    geldig_vanaf = dt.date(2026, 1, 1)
    bedrag = Decimal("21.80")
    periode = "maand"
    bron = "Besluit maatschappelijke ondersteuning 2015, art. 3.8"


class DoelgroepFactory(factory.django.DjangoModelFactory):
    """A target group of the sociale kaart (the national list ships in migration
    0007_doelgroepen); get-or-create by code."""

    class Meta:
        model = "voorzieningen.Doelgroep"
        django_get_or_create = ("code",)

    code = "mantelzorgers"
    naam = "Mantelzorgers"
    volgorde = 6


class SynoniemFactory(factory.Factory):
    """A group of sociale-kaart synonyms of a municipality, through its service."""

    class Meta:
        model = Synoniem

    gemeente = factory.SubFactory(GemeenteFactory)
    woorden = "schulden, geldzorgen, schuldhulp"

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> Synoniem:
        from eenplan.voorzieningen.services import synoniem_add

        return synoniem_add(**kwargs)


# --- beschikkingen ----------------------------------------------------------------------------


def _standaard_beschikking() -> str:
    from eenplan.beschikkingen.services.sjablonen import STANDAARD_BESCHIKKING

    return STANDAARD_BESCHIKKING


class BriefSjabloonFactory(factory.Factory):
    """A version of a municipality's decision-letter template, saved by its functioneel
    beheerder through sjabloon_save (the placeholders checked, the version numbered)."""

    class Meta:
        model = BriefSjabloon

    gemeente = factory.SubFactory(GemeenteFactory)
    soort = "beschikking"
    tekst = factory.LazyFunction(lambda: _standaard_beschikking() + "\nMet vriendelijke groet.\n")
    geldig_vanaf = factory.LazyFunction(timezone.localdate)
    toelichting = "Eigen aanhef"
    actor = factory.LazyAttribute(
        lambda o: MedewerkerFactory(gemeente=o.gemeente, functie=Rol.FUNCTIONEEL_BEHEER).user
    )

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> BriefSjabloon:
        from eenplan.beschikkingen.services import sjabloon_save

        return sjabloon_save(**kwargs)


class AanvraagFactory(factory.Factory):
    """An aanvraag through aanvraag_register (decision deadline), recorded by the back office.
    Trait `jeugd`. An aanvraag from a signed plan: scenarios.ondertekend."""

    class Meta:
        model = Aanvraag

    class Params:
        jeugd = factory.Trait(wet="jeugd", omschrijving="Ambulante jeugdhulp")

    inwoner = factory.SubFactory(InwonerFactory)
    omschrijving = "Hulp bij het huishouden"
    wet = "wmo"
    ontvangen_op = factory.LazyFunction(lambda: vandaag() - dt.timedelta(days=3))
    ingediend_door = factory.LazyAttribute(lambda o: o.inwoner.naam)
    door = factory.LazyAttribute(lambda o: medewerker_voor(o.inwoner, Rol.BACKOFFICE))

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> Aanvraag:
        from eenplan.beschikkingen.services import aanvraag_register

        return als(aanvraag_register, kwargs.pop("door"), **kwargs)


class BeschikkingFactory(factory.Factory):
    """A decision through beschikking_issue by the back office: the voorziening granted in kind
    (ZIN, three hours a week, a year from today). Traits: `verzonden` (the letter sent
    today), `afgewezen`, `door_generalist` (to be checked for lawfulness)."""

    class Meta:
        model = Beschikking

    class Params:
        verzonden = factory.Trait(verzenden=True)
        afgewezen = factory.Trait(uitkomst="afgewezen")
        door_generalist = factory.Trait(
            actor=factory.LazyAttribute(lambda o: medewerker_voor(o.aanvraag.inwoner))
        )

    aanvraag = factory.SubFactory(AanvraagFactory)
    voorziening = factory.SubFactory(
        VoorzieningFactory, gemeente=factory.SelfAttribute("..aanvraag.gemeente")
    )
    actor = factory.LazyAttribute(lambda o: medewerker_voor(o.aanvraag.inwoner, Rol.BACKOFFICE))
    besloten_op = factory.LazyFunction(vandaag)
    motivering = "Het netwerk en de algemene voorzieningen bieden geen oplossing."
    uitkomst = "toegekend"
    aanbieder = factory.LazyAttribute(lambda o: gecontracteerd(o.voorziening))
    verzenden = False

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> Beschikking:
        from eenplan.beschikkingen import services

        op = kwargs["besloten_op"]
        toegekend = kwargs["uitkomst"] != "afgewezen"
        regel = services.Regel(
            voorziening=kwargs["voorziening"],
            uitkomst=kwargs["uitkomst"],
            omvang=Decimal(3) if toegekend else None,
            begin=op if toegekend else None,
            einde=op + dt.timedelta(days=364) if toegekend else None,
            leveringsvorm="zin" if toegekend else "",
            aanbieder=kwargs["aanbieder"] if toegekend else None,
        )
        wie = kwargs["actor"]
        beschikking = als(
            services.beschikking_issue,
            wie,
            aanvraag=kwargs["aanvraag"],
            besloten_op=op,
            motivering=kwargs["motivering"],
            regels=[regel],
        )
        if kwargs["verzenden"]:
            beschikking = als(services.beschikking_send, wie, beschikking=beschikking, op=op)
        return beschikking


class BeschikteVoorzieningFactory(factory.django.DjangoModelFactory):
    """One more decided provision on a beschikking, as beschikking_issue writes it."""

    class Meta:
        model = BeschikteVoorziening

    beschikking = factory.SubFactory(BeschikkingFactory)
    voorziening = factory.SubFactory(
        VoorzieningFactory,
        gemeente=factory.SelfAttribute("..beschikking.aanvraag.gemeente"),
        naam="Begeleiding individueel",
        productcategorie="02",
    )
    uitkomst = "toegekend"
    omvang = Decimal(2)
    eenheid = factory.SelfAttribute("voorziening.eenheid")
    frequentie = factory.SelfAttribute("voorziening.frequentie")
    begin = factory.SelfAttribute("beschikking.besloten_op")
    einde = factory.LazyAttribute(lambda o: o.begin + dt.timedelta(days=182))
    leveringsvorm = "zin"
    aanbieder = factory.LazyAttribute(
        lambda o: gecontracteerd(o.voorziening, "Begeleid Thuis", tarief="62.00")
    )
    eigen_bijdrage_van_toepassing = True


class BezwaarFactory(factory.Factory):
    """A bezwaar against a sent beschikking through bezwaar_register, received today (in time).
    Trait `te_laat` (received after the term, no excuse)."""

    class Meta:
        model = Bezwaar

    beschikking = factory.SubFactory(BeschikkingFactory, verzonden=True)
    inwoner = factory.SelfAttribute("beschikking.inwoner")
    ontvangen_op = factory.LazyFunction(vandaag)
    gronden = "Drie uur per week is te weinig."
    ingediend_door = factory.LazyAttribute(lambda o: o.inwoner.naam)
    actor = factory.LazyAttribute(lambda o: medewerker_voor(o.inwoner, Rol.BACKOFFICE))

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> Bezwaar:
        from eenplan.bezwaren.services import bezwaar_register

        return als(bezwaar_register, kwargs.pop("actor"), **kwargs)


class KlachtFactory(factory.Factory):
    """A complaint through klacht_register. Trait `afgehandeld`."""

    class Meta:
        model = Klacht

    class Params:
        afgehandeld = factory.Trait(afhandelen=True)

    inwoner = factory.SubFactory(InwonerFactory)
    gemeente = factory.SelfAttribute("inwoner.gemeente")
    ingediend_door = factory.LazyAttribute(lambda o: o.inwoner.naam)
    ontvangen_op = factory.LazyFunction(vandaag)
    onderwerp = "Niemand belde terug."
    actor = factory.LazyAttribute(lambda o: medewerker_voor(o.inwoner, Rol.BACKOFFICE))
    afhandelen = False

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> Klacht:
        from eenplan.bezwaren import services

        afhandelen, wie = kwargs.pop("afhandelen"), kwargs.pop("actor")
        klacht = als(services.klacht_register, wie, **kwargs)
        if afhandelen:
            params = inspect.signature(services.klacht_settle).parameters
            extra = {
                k: v
                for k, v in (
                    ("op", vandaag()),
                    ("afgehandeld_op", vandaag()),
                    ("uitkomst", "Excuses aangeboden."),
                )
                if k in params
            }
            klacht = als(services.klacht_settle, wie, klacht=klacht, **extra)
        return klacht


class OvergangsrechtFactory(factory.Factory):
    class Meta:
        model = Overgangsrecht

    inwoner = factory.SubFactory(InwonerFactory)
    soort = "huishoudelijke_hulp"
    omschrijving = "Huishoudelijke hulp onder de oude verordening"
    oude_einddatum = None
    aangekondigd_op = factory.LazyFunction(vandaag)

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> Overgangsrecht:
        from eenplan.beschikkingen.services import overgangsrecht_register

        return overgangsrecht_register(**kwargs)


class AanvraagOpschortingFactory(factory.Factory):
    """A suspension of an aanvraag's decision term through aanvraag_suspend."""

    class Meta:
        model = AanvraagOpschorting

    aanvraag = factory.SubFactory(AanvraagFactory)
    van = factory.LazyFunction(vandaag)
    reden = "Wacht op medisch advies."

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> AanvraagOpschorting:
        from eenplan.beschikkingen.services import aanvraag_suspend

        wie = medewerker_voor(kwargs["aanvraag"].inwoner, Rol.BACKOFFICE)
        return als(aanvraag_suspend, wie, **kwargs)


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


# --- plan: the resident's own contribution ----------------------------------------------------


class InbrengFactory(factory.Factory):
    """A note from the resident in their plan, through inbreng_add as the portal writes it
    (the resident's own login)."""

    class Meta:
        model = Inbreng

    plan = factory.SubFactory(PlanFactory)
    soort = Inbreng.Soort.NOTITIE
    tekst = "Ik ga weer elke week naar de koffieochtend."

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> Inbreng:
        from eenplan.plannen.services import inbreng_add

        inwoner = kwargs.pop("inwoner", None) or _eerste_volwassene(kwargs["plan"].huishouden)
        account = InwoneraccountFactory(inwoner=inwoner)
        return inbreng_add(inwoner=inwoner, actor=account.user, **kwargs)


class VerzendingFactory(factory.Factory):
    """A letter on its way through one channel: the row `verzending_plannen` writes when a
    beschikking is sent (here for a sent ZIN decision, by post)."""

    class Meta:
        model = Verzending

    kanaal = "post"

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> Verzending:
        from eenplan.beschikkingen.verzending import verzending_plannen

        beschikking = kwargs.pop("beschikking", None) or BeschikkingFactory()
        gemeente = beschikking.gemeente
        gemeente.verzendkanalen = kwargs["kanaal"]  # this letter only; not saved
        return verzending_plannen(
            gemeente=gemeente,
            soort="beschikking",
            bron_id=beschikking.pk,
            kenmerk=beschikking.kenmerk,
            inwoner_id=beschikking.inwoner_id,
        )[0]


# --- sturing: monthly snapshots ---------------------------------------------------------------


class MomentopnameFactory(factory.Factory):
    """Last month's snapshot of a municipality, taken by momentopname_take."""

    class Meta:
        model = Momentopname

    gemeente = factory.SubFactory(GemeenteFactory)
    maand = factory.LazyFunction(lambda: (vandaag().replace(day=1) - dt.timedelta(days=1)))

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> Momentopname:
        from eenplan.sturing.services import momentopname_take

        return momentopname_take(gemeente_id=kwargs["gemeente"].pk, maand=kwargs["maand"])


class MeetwaardeFactory(factory.django.DjangoModelFactory):
    """One stored value of an indicator in a snapshot (as momentopname_take writes them)."""

    class Meta:
        model = Meetwaarde

    momentopname = factory.SubFactory(MomentopnameFactory)
    indicator = "meldingen"
    dimensie = "wijk"
    waarde_van = "Noord"
    aantal = 12


# --- beleid: the policy model and the client-experience survey --------------------------------
# The plan's structure is written by beleidsplan_importeer in one go; these build the rows the
# import writes, one level at a time.


class BeleidsplanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Beleidsplan

    gemeente = factory.SubFactory(GemeenteFactory)
    naam = "Uitvoeringsplan sociaal domein"
    van_jaar = factory.LazyFunction(lambda: vandaag().year - 1)
    tot_jaar = factory.LazyFunction(lambda: vandaag().year + 2)
    bron = "Testgegevens"


class ThemaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Thema

    plan = factory.SubFactory(BeleidsplanFactory)
    nummer = factory.Sequence(lambda n: n + 1)
    naam = "Zelfredzaamheid en participatie"


class BeleidsdoelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Beleidsdoel

    thema = factory.SubFactory(ThemaFactory)
    code = factory.Sequence(lambda n: f"D{n + 1}")
    tekst = "Inwoners doen mee naar vermogen."


class SubdoelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Subdoel

    doel = factory.SubFactory(BeleidsdoelFactory)
    nummer = factory.Sequence(lambda n: n + 1)
    tekst = "Meer inwoners vinden hun weg naar algemene voorzieningen."


class ResultaatFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Resultaat

    thema = factory.SubFactory(ThemaFactory)
    nummer = factory.Sequence(lambda n: n + 1)
    tekst = "Het aandeel algemene voorzieningen stijgt."


class ActiviteitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Activiteit

    subdoel = factory.SubFactory(SubdoelFactory)
    code = factory.Sequence(lambda n: f"A{n + 1}")
    naam = "Sociale kaart actualiseren"
    eigenaar = "Team beleid"
    start = factory.LazyFunction(lambda: vandaag().replace(month=1, day=1))
    eind = factory.LazyFunction(lambda: vandaag().replace(month=12, day=31))


class IndicatorkoppelingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicatorkoppeling

    resultaat = factory.SubFactory(ResultaatFactory)
    indicator = "kanteling"
    basiswaarde = Decimal("60")
    basisjaar = factory.LazyFunction(lambda: vandaag().year - 1)


class StreefwaardeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Streefwaarde

    koppeling = factory.SubFactory(IndicatorkoppelingFactory)
    jaar = factory.LazyFunction(lambda: vandaag().year + 1)
    waarde = Decimal("70")


class VragenlijstFactory(factory.Factory):
    """The standard client-experience questionnaire of a municipality (vragenlijst_standaard)."""

    class Meta:
        model = Vragenlijst

    gemeente = factory.SubFactory(GemeenteFactory)

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> Vragenlijst:
        from eenplan.beleid.services import vragenlijst_standaard

        return vragenlijst_standaard(kwargs["gemeente"])


class VraagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Vraag

    vragenlijst = factory.SubFactory(VragenlijstFactory)
    nummer = factory.Sequence(lambda n: 100 + n)
    code = factory.Sequence(lambda n: f"eigen-{n}")
    tekst = "Ik wist waar ik met mijn vraag terechtkon."
    aspect = "toegankelijkheid"


class UitvragingFactory(factory.django.DjangoModelFactory):
    """A survey round as uitvraging_start records it (population, sample, seed, method)."""

    class Meta:
        model = Uitvraging

    gemeente = factory.SubFactory(GemeenteFactory)
    vragenlijst = factory.LazyAttribute(lambda o: VragenlijstFactory(gemeente=o.gemeente))
    jaar = factory.LazyFunction(lambda: vandaag().year)
    peildatum = factory.LazyFunction(vandaag)
    sluit_op = factory.LazyFunction(lambda: vandaag() + dt.timedelta(weeks=6))
    populatie = 0
    steekproefgrootte = 0
    seed = 7
    methode = "Testgegevens: geen steekproef."


class UitnodigingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Uitnodiging

    inwoner = factory.SubFactory(InwonerFactory)
    uitvraging = factory.LazyAttribute(lambda o: UitvragingFactory(gemeente=o.inwoner.gemeente))
    wijk = factory.LazyAttribute(lambda o: o.inwoner.wijk)
    sleutel = factory.Sequence(lambda n: f"{n:064x}")


class ResponsFactory(factory.django.DjangoModelFactory):
    """An anonymous response: only the wijk and the provider, never the person."""

    class Meta:
        model = Respons

    wijk = factory.SubFactory(WijkFactory)
    uitvraging = factory.LazyAttribute(lambda o: UitvragingFactory(gemeente=o.wijk.gemeente))


class AntwoordFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Antwoord

    respons = factory.SubFactory(ResponsFactory)
    vraag = factory.LazyAttribute(lambda o: o.respons.uitvraging.vragenlijst.vragen.first())
    score = 4


# --- berichten: the iWmo/iJw traffic with providers -------------------------------------------
# A sent ZIN beschikking puts a toewijzing and a 301 in the outbox; what the provider sends back
# is built with eenplan.testing.berichten and received as the worker would.


def _toewijzing_van(beschikking: Beschikking) -> BerichtToewijzing:
    return BerichtToewijzing.objects.filter(inwoner_id=beschikking.inwoner_id).latest("pk")


class BerichtToewijzingFactory(factory.Factory):
    """The toewijzing a sent ZIN beschikking gives its provider (with the 301 that carries it)."""

    class Meta:
        model = BerichtToewijzing

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> BerichtToewijzing:
        return _toewijzing_van(kwargs.get("beschikking") or BeschikkingFactory(verzonden=True))


class BerichtFactory(factory.Factory):
    """The 301 toewijzingbericht in the outbox for a sent ZIN beschikking."""

    class Meta:
        model = Bericht

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> Bericht:
        beschikking = kwargs.get("beschikking") or BeschikkingFactory(verzonden=True)
        return Bericht.objects.filter(beschikking=beschikking, code="301").latest("pk")


def _van_aanbieder(toewijzing: BerichtToewijzing) -> Any:
    from eenplan.berichten.services._gedeeld import gemeentecode
    from eenplan.testing.berichten import Aanbiedersbericht

    return Aanbiedersbericht(
        toewijzing,
        agb=toewijzing.aanbieder.agb_code,
        gemeente=gemeentecode(toewijzing.gemeente),
    )


class LeveringFactory(factory.Factory):
    """Delivery started: the provider's 305 on a toewijzing, received and applied."""

    class Meta:
        model = Levering

    toewijzing = factory.SubFactory(BerichtToewijzingFactory)

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> Levering:
        from eenplan.testing.berichten import ontvang

        toewijzing = kwargs["toewijzing"]
        ontvang(_van_aanbieder(toewijzing).start(), aanbieder=toewijzing.aanbieder)
        return Levering.objects.get(toewijzing=toewijzing)


class PrestatieFactory(factory.Factory):
    """A claim line: the provider's 323 for one hour on a toewijzing, received and judged."""

    class Meta:
        model = Prestatie

    toewijzing = factory.SubFactory(BerichtToewijzingFactory)
    volume = 1

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> Prestatie:
        from eenplan.testing.berichten import ontvang

        toewijzing = kwargs["toewijzing"]
        bericht = _van_aanbieder(toewijzing).declaratie(kwargs["volume"])
        return ontvang(bericht, aanbieder=toewijzing.aanbieder).prestaties.get()


class AanbiederLoginFactory(factory.django.DjangoModelFactory):
    """A provider's API login: a user account linked to one Aanbieder (never a Medewerker)."""

    class Meta:
        model = AanbiederLogin

    aanbieder = factory.SubFactory(AanbiederFactory)
    user = factory.LazyAttribute(
        lambda o: get_user_model().objects.create_user(
            username=f"aanbieder-{o.aanbieder.agb_code}-{next(_BSNS)}",
            password="test-wachtwoord-123",  # noqa: S106 - test data
        )
    )


# --- a resident's rights under the AVG; retention and destruction (eenplan.avg) ----------------


def _privacyfunctionaris(inwoner: Inwoner) -> Any:
    """A privacy officer of the resident's municipality (the role that handles AVG requests)."""
    from eenplan.gemeente.models import Medewerker

    bestaand = Medewerker.objects.filter(gemeente=inwoner.gemeente, functie=Rol.PRIVACY).first()
    return bestaand or MedewerkerFactory(gemeente=inwoner.gemeente, functie=Rol.PRIVACY)


class AvgVerzoekFactory(factory.Factory):
    """An AVG request through avg_verzoek_register (inzage unless `soort`). Traits: `verlengd`
    (extended once), `toegekend` (granted with an answer)."""

    class Meta:
        model = AvgVerzoek

    class Params:
        verlengd = factory.Trait(verlengen=True)
        toegekend = factory.Trait(afhandelen=True)

    inwoner = factory.SubFactory(InwonerFactory)
    soort = "inzage"
    omschrijving = "Ik wil weten wat de gemeente van mij weet."
    ontvangen_op = factory.LazyFunction(vandaag)
    actor = factory.LazyAttribute(lambda o: _privacyfunctionaris(o.inwoner))
    verlengen = False
    afhandelen = False

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> Any:
        from eenplan.avg import services

        verlengen, afhandelen = kwargs.pop("verlengen"), kwargs.pop("afhandelen")
        wie = kwargs.pop("actor")
        verzoek = als(services.avg_verzoek_register, wie, **kwargs)
        if verlengen:
            verzoek = als(services.avg_verzoek_verleng, wie, verzoek=verzoek, reden="Veel stukken.")
        if afhandelen:
            verzoek = als(
                services.avg_verzoek_afhandel,
                wie,
                verzoek=verzoek,
                toekennen=True,
                uitkomst="Hierbij het overzicht van uw gegevens.",
            )
        return verzoek


class BewaarplichtFactory(factory.django.DjangoModelFactory):
    """A legal hold on a resident's records (e.g. a beroep at the court)."""

    class Meta:
        model = Bewaarplicht

    inwoner = factory.SubFactory(InwonerFactory)
    gemeente = factory.SelfAttribute("inwoner.gemeente")
    soort = "beroep"
    reden = "Beroep ingesteld bij de rechtbank."
    van = factory.LazyFunction(vandaag)
    vastgelegd_door = factory.LazyAttribute(lambda o: _privacyfunctionaris(o.inwoner).user)


class BewaartermijnFactory(factory.django.DjangoModelFactory):
    """A retention period of a later selectielijst (the migrations load the 2020 ones)."""

    class Meta:
        model = Bewaartermijn

    soort = "klacht"
    categorie = "13.1"
    omschrijving = "Geschillen behandelen: afgehandeld"
    waardering = "vernietigen"
    jaren = 5
    ingang = "de datum van afhandeling"
    bron = "Selectielijst gemeenten en intergemeentelijke organen (testversie)"
    geldig_van = factory.Sequence(lambda n: dt.date(2030, 1, 1) + dt.timedelta(days=n))


class VernietigingslijstFactory(factory.Factory):
    """A destruction list proposed through vernietigingslijst_voorstellen: one handled klacht
    whose period has run (five years and a day ago) is on it."""

    class Meta:
        model = Vernietigingslijst

    gemeente = factory.SubFactory(GemeenteFactory)

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> Any:
        from eenplan.avg import bewaren

        gemeente = kwargs["gemeente"]
        klacht = KlachtFactory(inwoner=InwonerFactory(gemeente=gemeente), afgehandeld=True)
        oud = vandaag() - dt.timedelta(days=5 * 366 + 1)
        type(klacht).objects.filter(pk=klacht.pk).update(afgehandeld_op=oud, ontvangen_op=oud)
        assert klacht.inwoner is not None
        door = _privacyfunctionaris(klacht.inwoner).user
        return bewaren.vernietigingslijst_voorstellen(gemeente=gemeente, door=door)


class VernietigingsRegelFactory(factory.Factory):
    """One line of a proposed destruction list (made with its list)."""

    class Meta:
        model = VernietigingsRegel

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> Any:
        return VernietigingslijstFactory().regels.get()


# --- mantelzorg and volunteers (issue 15): in their own module, re-exported here --------------
from eenplan.testing.mantelzorg import (  # noqa: E402, F401 - needs the factories above
    BelastingFactory,
    KlusFactory,
    KringToewijzingFactory,
    MantelzorgerFactory,
    MatchFactory,
    OndersteuningFactory,
    RespijtzorgVraagFactory,
    VogTermijnFactory,
    VrijwilligerFactory,
    WaarderingFactory,
    WaarderingRegelingFactory,
    ZorgrelatieFactory,
)

# Work and income (issue 14): its factories live beside its scenario and are listed here, so
# every model has its factory in this module.
from eenplan.testing.participatie import (  # noqa: E402, F401
    LevensonderhoudAanvraagFactory,
    MaatregelFactory,
    ParticipatieInstrumentFactory,
    TegenprestatieFactory,
    TrajectFactory,
    TrajectStapFactory,
    VerdiencapaciteitFactory,
    VoorschotFactory,
    WerkdoelFactory,
    WerkgeverFactory,
)

# Debt help (issue 14): the factories live beside their builders.
from eenplan.testing.schuldhulp import (  # noqa: E402, F401 - after the factories they use
    ContactpogingFactory,
    RouteStapFactory,
    SchuldvraagFactory,
    VroegsignaalFactory,
)

# Purpose-bound sharing (issue 17): the factories live beside their builders.
from eenplan.testing.uitwisseling import (  # noqa: E402, F401 - after the factories they use
    GedeeldeInzageFactory,
    UitvoeringFactory,
    UitvoeringsnotitieFactory,
    UitwisselingFactory,
)


class TaakFactory(factory.django.DjangoModelFactory):
    """A finished export task started by a back-office member (ADR 0048), with its counters;
    `TaakBestandFactory` gives it its file."""

    class Meta:
        model = Taak

    gemeente = factory.SubFactory(GemeenteFactory)
    gestart_door = factory.LazyAttribute(
        lambda o: MedewerkerFactory(gemeente=o.gemeente, functie=Rol.BACKOFFICE).user
    )
    soort = "export_svb"
    status = TaakStatus.KLAAR
    gedaan = 3
    totaal = 3
    stap = "Klaar"
    params = factory.LazyFunction(lambda: {"op": vandaag().isoformat(), "format": "csv"})
    resultaat = factory.LazyFunction(lambda: {"regels": 3})


class TaakBestandFactory(factory.django.DjangoModelFactory):
    """The file of a finished task (the bytes; the name and type are on the task)."""

    class Meta:
        model = TaakBestand

    taak = factory.SubFactory(
        TaakFactory, bestand_naam="svb-pgb.csv", bestand_type="text/csv; charset=utf-8"
    )
    inhoud = b"bsn;budget\n"
