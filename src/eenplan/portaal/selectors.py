"""The portal's reads, shared by its pages and its API (`/mijn/`, `/api/v1/portaal/`).

Every function takes a case the caller has already been allowed to see
(`privacy.access.require_inwoner`) and returns only what is shared with the resident: never
working notes (Gesprek.notities), safety signals (Veiligheidssignaal, Melding.veiligheid), the
internal parts of the plan (`gedeeld=False`) or staff logins; the timeline only the event kinds
of `events.soorten.GEDEELD_MET_INWONER`. Each list is a bounded number of queries."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import F, Prefetch, Q, QuerySet
from django.utils import timezone

from eenplan.beschikkingen.models import Aanvraag, Beschikking
from eenplan.bezwaren.constants import BezwaarUitkomst
from eenplan.bezwaren.models import Bezwaar, Klacht
from eenplan.bezwaren.services import bezwaartermijn_einde
from eenplan.events import soorten
from eenplan.events.models import Gebeurtenis
from eenplan.gemeente.constants import Rol
from eenplan.gemeente.models import Medewerker
from eenplan.inwoners.constants import NetwerkSoort
from eenplan.inwoners.models import HuishoudenLid, Inwoner, Netwerkpersoon
from eenplan.meldingen.constants import OPEN_STATUSSEN
from eenplan.meldingen.models import Melding
from eenplan.onderzoeken.models import Onderzoek
from eenplan.plannen.constants import ACTIEVE_STATUSSEN
from eenplan.plannen.models import Actie, Deelnemer, Doel, Plan, Regisseur
from eenplan.privacy import access
from eenplan.privacy.constants import Doel as InzageDoel
from eenplan.privacy.constants import Grond
from eenplan.privacy.models import Inwoneraccount, Inzage, Machtiging, Toestemming


def vertegenwoordigde(
    user: Any, inwoner_id: int, action: access.Action, *, via: access.Via
) -> Inwoner:
    """The resident whose representation a staff page or API call shows or changes: found by
    id within the municipality the login works for now, their wijk held to it too (issue 16).
    Another municipality's resident answers the 404 of one that exists nowhere, the refusal
    logged (`access.get_or_refuse`, ADR 0046); role and need-to-know stay with the caller's
    `require`."""
    return access.get_or_refuse(
        user,
        access.Resource.MACHTIGING,
        action,
        via=via,
        pk=inwoner_id,
        zoek=lambda gemeente_id: (
            Inwoner.objects.select_related("gemeente", "wijk")
            .filter(pk=inwoner_id, gemeente_id=gemeente_id, wijk__gemeente_id=gemeente_id)
            .first()
        ),
        wat="Inwoner",
        niet_gevonden="Deze inwoner bestaat niet.",
    )


@dataclass(frozen=True)
class Zaak:
    """A case a resident's login may see: whose, and on what ground."""

    inwoner: Inwoner
    grond: str

    @property
    def grond_tekst(self) -> str:
        return {
            Grond.ZELF: "Uw eigen zaak",
            Grond.GEZAG: "U bent ouder met gezag",
            Grond.WETTELIJK: "U bent wettelijk vertegenwoordiger",
            Grond.MACHTIGING: "U bent gemachtigd",
            Grond.MANTELZORGER: "U bent mantelzorger met machtiging",
        }.get(self.grond, "")


def zaken(actor: Any) -> list[Zaak]:
    """The cases this login may see, the own one first (two queries)."""
    lijst = access.vertegenwoordigden(actor)
    inwoners = Inwoner.objects.in_bulk([v.inwoner_id for v in lijst])
    return [Zaak(inwoners[v.inwoner_id], v.grond) for v in lijst if v.inwoner_id in inwoners]


def huishouden_id(inwoner: Inwoner, *, vandaag: dt.date | None = None) -> int | None:
    vandaag = vandaag or timezone.localdate()
    lid = (
        HuishoudenLid.objects.filter(
            Q(lid_tot__isnull=True) | Q(lid_tot__gt=vandaag), inwoner=inwoner, lid_van__lte=vandaag
        )
        .order_by("-lid_van")
        .first()
    )
    return lid.huishouden_id if lid else None


def meldingen(inwoner: Inwoner) -> QuerySet[Melding]:
    """The resident's meldingen, newest first (a safety flag is not part of what is shown)."""
    return Melding.objects.filter(inwoner=inwoner).order_by("-ontvangen_op", "-id")


def melding_open(melding: Melding) -> bool:
    return melding.status in OPEN_STATUSSEN


def onderzoeken(inwoner: Inwoner) -> QuerySet[Onderzoek]:
    return (
        Onderzoek.objects.filter(inwoner=inwoner)
        .select_related("melding", "medewerker")
        .prefetch_related("reacties")
        .order_by("-created_at")
    )


def onderzoek_van(inwoner: Inwoner, pk: int) -> Onderzoek | None:
    return onderzoeken(inwoner).filter(pk=pk).first()


def laatste_onderzoek(inwoner: Inwoner) -> Onderzoek | None:
    """The resident's newest onderzoek with its melding (for the aanvraag rule, lid 9)."""
    return (
        Onderzoek.objects.filter(inwoner=inwoner)
        .select_related("melding")
        .order_by("-created_at", "-id")
        .first()
    )


def verslag_zichtbaar(onderzoek: Onderzoek) -> bool:
    """The verslag is the resident's once it is final (Wmo 2015 art. 2.3.2 lid 8)."""
    return onderzoek.verslag_definitief_op is not None


def plan(inwoner: Inwoner) -> Plan | None:
    """The household's current plan with its shared goals and actions (four queries)."""
    hh = huishouden_id(inwoner)
    if hh is None:
        return None
    return (
        Plan.objects.filter(huishouden_id=hh, status__in=ACTIEVE_STATUSSEN)
        .prefetch_related(
            Prefetch(
                "doelen",
                queryset=Doel.objects.filter(gedeeld=True)
                .select_related("leefgebied", "inwoner")
                .prefetch_related(Prefetch("acties", queryset=Actie.objects.filter(gedeeld=True))),
            ),
            Prefetch("regisseurs", queryset=Regisseur.objects.filter(tot__isnull=True)),
            Prefetch(
                "deelnemers",
                queryset=Deelnemer.objects.select_related("toestemming", "netwerkpersoon"),
            ),
        )
        .order_by("-created_at")
        .first()
    )


def volgende_evaluatie(plan: Plan) -> dt.date | None:
    datums = [d.evaluatie_op for d in plan.doelen.all() if d.evaluatie_op]
    vandaag = timezone.localdate()
    komend = [d for d in datums if d >= vandaag]
    return min(komend) if komend else (max(datums) if datums else None)


def toestemmingen(inwoner: Inwoner) -> QuerySet[Toestemming]:
    return Toestemming.objects.filter(inwoner=inwoner).order_by("-gegeven_op", "-id")


def aanvragen(inwoner: Inwoner) -> QuerySet[Aanvraag]:
    return Aanvraag.objects.filter(inwoner=inwoner).order_by("-ontvangen_op", "-id")


def beschikkingen(inwoner: Inwoner) -> QuerySet[Beschikking]:
    """Sent beschikkingen only: a decision not yet sent is not the resident's yet."""
    return (
        Beschikking.objects.filter(inwoner=inwoner, verzonden_op__isnull=False)
        .select_related("aanvraag")
        .prefetch_related("voorzieningen__voorziening")
        .defer("brief_pdf")
        .order_by("-besloten_op", "-id")
    )


def beschikking_van(inwoner: Inwoner, pk: int) -> Beschikking | None:
    return (
        Beschikking.objects.filter(inwoner=inwoner, verzonden_op__isnull=False, pk=pk)
        .select_related("aanvraag")
        .first()
    )


def tijdlijn(inwoner: Inwoner) -> QuerySet[Gebeurtenis]:
    """The dossier's timeline minus what is internal: only the kinds shared with the resident."""
    hh = huishouden_id(inwoner)
    condition = Q(inwoner=inwoner)
    if hh is not None:
        condition |= Q(huishouden_id=hh, inwoner__isnull=True)
    return Gebeurtenis.objects.filter(condition, soort__in=soorten.GEDEELD_MET_INWONER).order_by(
        "-moment", "-id"
    )


# --- who looked at the file ---------------------------------------------------------------


@dataclass(frozen=True)
class Inkijk:
    """One line of "who looked at your file", in plain words: no logins, no names of staff."""

    datum: dt.date
    wie: str
    organisatie: str
    waarvoor: str


ROL_TEKST = {
    Rol.MIDOFFICE: "Een medewerker van de toegang (melding en doorverwijzing)",
    Rol.GENERALIST: "Een medewerker van het wijkteam",
    Rol.JEUGDPROFESSIONAL: "Een jeugdprofessional van het wijkteam",
    Rol.BACKOFFICE: "Een medewerker die aanvragen en beschikkingen behandelt",
    Rol.WERKPLEIN: "Een consulent van het werkplein",
    Rol.PRIVACY: "De privacy officer (controle)",
}
GROND_TEKST = {
    Grond.ZELF: "U zelf",
    Grond.GEZAG: "Uw ouder of verzorger",
    Grond.WETTELIJK: "Uw wettelijk vertegenwoordiger",
    Grond.MACHTIGING: "Iemand die u hebt gemachtigd",
    Grond.MANTELZORGER: "Uw mantelzorger (met uw machtiging)",
}


def inzage_voor_inwoner(inwoner: Inwoner, *, limiet: int = 200) -> list[Inkijk]:
    """Who looked at this file and when, from the access log: allowed reads only, one line
    per person and day, the role and organisation in words (three queries)."""
    rijen = list(
        Inzage.objects.filter(inwoner=inwoner, toegestaan=True)
        .order_by("-moment", "-id")
        .values("moment", "user_id", "grond", "doel")[: limiet * 5]
    )
    user_ids = {r["user_id"] for r in rijen}
    medewerkers = {
        m.user_id: m
        for m in Medewerker.objects.filter(user_id__in=user_ids).select_related("gemeente")
    }
    inwoner_accounts = set(
        Inwoneraccount.objects.filter(user_id__in=user_ids).values_list("user_id", flat=True)
    )
    gezien: set[tuple[dt.date, int]] = set()
    result: list[Inkijk] = []
    for r in rijen:
        datum = timezone.localtime(r["moment"]).date()
        if (datum, r["user_id"]) in gezien:
            continue
        gezien.add((datum, r["user_id"]))
        medewerker = medewerkers.get(r["user_id"])
        if medewerker is not None:
            wie = ROL_TEKST.get(medewerker.functie, "Een medewerker")
            organisatie = f"Gemeente {medewerker.gemeente.naam}"
        elif r["user_id"] in inwoner_accounts:
            wie = GROND_TEKST.get(r["grond"], "Iemand namens u")
            organisatie = "Via Mijn zaak"
        else:
            wie, organisatie = "Een beheerder", "Gemeente"
        result.append(Inkijk(datum, wie, organisatie, str(InzageDoel(r["doel"]).label)))
        if len(result) >= limiet:
            break
    return result


# --- deadlines in words -------------------------------------------------------------------


@dataclass(frozen=True)
class Termijn:
    """A deadline that applies to the resident, explained in plain words (B1)."""

    datum: dt.date
    wat: str
    uitleg: str
    verlopen: bool


def termijnen(inwoner: Inwoner, *, vandaag: dt.date | None = None) -> list[Termijn]:
    """The deadlines of the open steps of this case, soonest first (three queries)."""
    vandaag = vandaag or timezone.localdate()
    result: list[Termijn] = []
    for m in meldingen(inwoner).filter(status__in=OPEN_STATUSSEN):
        if m.onderzoek_uiterlijk and m.onderzoek_afgerond_op is None:
            result.append(
                Termijn(
                    m.onderzoek_uiterlijk,
                    f"Gesprek over uw melding van {m.ontvangen_op:%d-%m-%Y}",
                    "De gemeente moet binnen 6 weken na uw melding met u praten over wat u nodig "
                    "hebt en het verslag daarvan geven (Wmo 2015, artikel 2.3.2).",
                    m.onderzoek_uiterlijk < vandaag,
                )
            )
        if m.persoonlijk_plan_uiterlijk and m.persoonlijk_plan_uiterlijk >= vandaag:
            result.append(
                Termijn(
                    m.persoonlijk_plan_uiterlijk,
                    "Persoonlijk plan sturen (als u dat wilt)",
                    "U mag binnen 7 dagen na uw melding zelf opschrijven wat u nodig hebt. De "
                    "gemeente gebruikt dat in het gesprek (Wmo 2015, artikel 2.3.2 lid 2).",
                    False,
                )
            )
    for a in aanvragen(inwoner).filter(status="ontvangen"):
        if a.beslissen_uiterlijk:
            result.append(
                Termijn(
                    a.beslissen_uiterlijk,
                    f"Besluit over uw aanvraag: {a.omschrijving}",
                    "De gemeente moet binnen 2 weken na uw aanvraag beslissen en u dat "
                    "schriftelijk laten weten (Wmo 2015, artikel 2.3.5).",
                    a.beslissen_uiterlijk < vandaag,
                )
            )
    for b in beschikkingen(inwoner).filter(bezwaar_uiterlijk__gte=vandaag):
        result.append(
            Termijn(
                b.bezwaar_uiterlijk,
                f"Bezwaar maken tegen het besluit van {b.besloten_op:%d-%m-%Y}",
                "Bent u het niet eens met het besluit? Dan kunt u tot en met deze dag bezwaar "
                "maken. Dat is 6 weken na de dag waarop wij de brief stuurden (Algemene wet "
                "bestuursrecht, artikel 6:7 en 6:8).",
                False,
            )
        )
    return sorted(result, key=lambda t: t.datum)


def machtigingen_gegeven(inwoner: Inwoner) -> list[Machtiging]:
    """Who may act for this resident: every machtiging it gave, current ones first."""
    return list(
        Machtiging.objects.filter(inwoner=inwoner)
        .select_related("inwoner", "gemachtigde")
        .order_by("ingetrokken_op", "-van", "-id")
    )


def machtigingen_ontvangen(inwoner: Inwoner) -> list[Machtiging]:
    """For whom this resident may act: every machtiging it received."""
    return list(
        Machtiging.objects.filter(gemachtigde=inwoner)
        .select_related("inwoner", "gemachtigde")
        .order_by("ingetrokken_op", "-van", "-id")
    )


def inwoner_met_bsn(gemeente_id: int, bsn: str, geboortedatum: dt.date) -> Inwoner | None:
    """The resident of this municipality with this BSN and birth date (both must match, as
    DigiD-style identification gives them), or None."""
    return Inwoner.objects.filter(
        gemeente_id=gemeente_id, bsn=bsn, geboortedatum=geboortedatum
    ).first()


# --- bezwaar and klacht (Awb 6:4, 9:1) ------------------------------------------------------


def bezwaren(inwoner: Inwoner) -> QuerySet[Bezwaar]:
    """The bezwaren against this resident's beschikkingen, newest first (one query)."""
    return (
        Bezwaar.objects.filter(beschikking__inwoner=inwoner)
        .select_related("beschikking__aanvraag")
        .defer("brief_pdf")
        .order_by("-ontvangen_op", "-id")
    )


def klachten(inwoner: Inwoner) -> QuerySet[Klacht]:
    """The complaints about (or by) this resident, newest first (one query)."""
    return (
        Klacht.objects.filter(inwoner=inwoner)
        .defer("brief_pdf", "verdaging_brief_pdf")
        .order_by("-ontvangen_op", "-id")
    )


@dataclass(frozen=True)
class Bezwaarmogelijkheid:
    """A sent beschikking and its bezwaar term, in words: the last day (computed by the rule
    the staff pages and the letter use, `bezwaren.services.bezwaartermijn_einde`), whether
    today is still within it, and whether a bezwaar against it is already running."""

    beschikking: Beschikking
    uiterlijk: dt.date
    op_tijd: bool
    lopend: Bezwaar | None


def bezwaarmogelijkheden(
    inwoner: Inwoner, *, vandaag: dt.date | None = None, limiet: int = 50
) -> list[Bezwaarmogelijkheid]:
    """Every sent beschikking of this resident with its bezwaar term (three queries)."""
    vandaag = vandaag or timezone.localdate()
    lijst = list(beschikkingen(inwoner)[:limiet])
    lopend: dict[int, Bezwaar] = {}
    for b in Bezwaar.objects.filter(
        beschikking__in=lijst, uitkomst=BezwaarUitkomst.LOPEND
    ).order_by("-id"):
        lopend.setdefault(b.beschikking_id, b)
    result = []
    for b in lijst:
        uiterlijk = bezwaartermijn_einde(b)
        result.append(Bezwaarmogelijkheid(b, uiterlijk, vandaag <= uiterlijk, lopend.get(b.pk)))
    return result


def bezwaarmogelijkheid(
    inwoner: Inwoner, pk: int, *, vandaag: dt.date | None = None
) -> Bezwaarmogelijkheid | None:
    b = beschikking_van(inwoner, pk)
    if b is None:
        return None
    vandaag = vandaag or timezone.localdate()
    uiterlijk = bezwaartermijn_einde(b)
    lopend = (
        Bezwaar.objects.filter(beschikking=b, uitkomst=BezwaarUitkomst.LOPEND)
        .order_by("-id")
        .first()
    )
    return Bezwaarmogelijkheid(b, uiterlijk, vandaag <= uiterlijk, lopend)


def wettelijke_vertegenwoordigers(inwoner: Inwoner) -> list[Netwerkpersoon]:
    """The resident's recorded wettelijke vertegenwoordigers (mentor, curator), current ones
    first, with the resident each one is (one query)."""
    return list(
        Netwerkpersoon.objects.filter(inwoner=inwoner, soort=NetwerkSoort.VERTEGENWOORDIGER)
        .select_related("als_inwoner")
        .order_by(F("tot").desc(nulls_first=True), "-id")
    )
