"""Retention and destruction: which records are due, what blocks them, and destroying them
after approval with a record of what, why, by whom and under which rule.

The kinds of record eenplan destroys are declared once in `SOORTEN` (model, the date the
retention period runs from, the path to the resident, what goes along). The periods are dated
data (`Bewaartermijn`, loaded from the selectielijst by the migrations), applied by the record's
date (`regel_voor`); a kind without a period is never due. Nothing of a resident is destroyed
while a bezwaar runs, the beroep term is open or a legal hold (`Bewaarplicht`) lasts: refused
with the reason.

Destroying a record takes its dependent rows with it (found through the reverse foreign keys)
and its events in the history. Every row is destroyed by the app that owns its table
(`common.vernietiging`, each app's `vernietiging.py`): avg decides what and when, never writes
another app's table itself. The access log keeps its rows with the resident pseudonymised. A
record another independent record still refers to, or a row that also names another resident,
is not destroyed (the item is refused with the reason). Each item of an approved list is
destroyed in its own transaction; the list is the verklaring van vernietiging (Archiefbesluit
1995 art. 8). docs/decisions/0038-avg-rights-retention-backup.md.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Exists, Max, OuterRef, Q, QuerySet
from django.utils import timezone

from eenplan.avg.constants import BewaarplichtSoort, LijstStatus, Waardering
from eenplan.avg.models import Bewaarplicht, Bewaartermijn, Vernietigingslijst, VernietigingsRegel
from eenplan.avg.relaties import verwijzers_met_koppelingen
from eenplan.bezwaren.constants import BezwaarUitkomst
from eenplan.bezwaren.models import Bezwaar
from eenplan.common import vernietiging
from eenplan.events.vernietiging import geschiedenis_van_records_vernietigen
from eenplan.gemeente.models import Gemeente
from eenplan.inwoners.models import Inwoner
from eenplan.rules.avg import Termijn, is_vernietigbaar, vernietigbaar_vanaf

Records = list[tuple[type[models.Model], list[Any]]]


@dataclass(frozen=True)
class Soort:
    """One kind of record eenplan destroys when its period has run."""

    code: str
    label: str
    model: str  # "app_label.Model"
    ingang: Callable[[Any], dt.date | None]  # the date the period runs from, per record
    ingang_veld: str  # the same as a field (or annotation), for the query's first cut
    inwoner_pad: str  # path to the resident ("" when the record names none itself)
    gemeente_pad: str
    filter: Callable[[], Q] = Q  # which records of the model are of this kind
    kenmerk: Callable[[Any], str] = lambda r: f"{r._meta.model_name}-{r.pk}"
    annoteer: Callable[[QuerySet[Any]], QuerySet[Any]] = lambda qs: qs
    # the retention rule by its `Bewaartermijn.soort` (default: the kind's code)
    regel_soort: Callable[[Any], str] | None = None
    # independent records that go along with this one (their own period has run with it)
    zelfstandig_mee: frozenset[str] = frozenset()
    # further records destroyed with this one (an aanvraag with its last beschikking)
    meenemen: Callable[[Any], Records] = lambda r: []
    # the residents whose holds and bezwaren block it, and who may be named by its rows
    inwoners: Callable[[Any], set[int]] | None = None
    # tables whose rows never go as a dependent row of this kind (a household's plan, which is
    # the other members' record too): a row there refers to the record, so the record stays
    behouden: frozenset[str] = frozenset()
    # a condition implied by "the period runs from on or before <date>" that an index serves,
    # for a kind whose date is an aggregate (the query's first cut; the rule decides exactly)
    voorfilter: Callable[[dt.date], Q] | None = None


def _datum(waarde: Any) -> dt.date | None:
    if waarde is None:
        return None
    return timezone.localdate(waarde) if isinstance(waarde, dt.datetime) else waarde


def _model(label: str) -> type[models.Model]:
    return apps.get_model(label)


def _melding_zonder_onderzoek() -> Q:
    onderzoek = _model("onderzoeken.Onderzoek")
    return Q(status__in=["beantwoord", "doorgezet", "afgesloten"]) & ~Q(
        Exists(onderzoek.objects.filter(melding=OuterRef("pk")))
    )


GEGEVEN = ("toegekend", "deels")  # beschikkingen.constants.Uitkomst: a provision was granted


def _beschikking_beeindigd(wet: str) -> Callable[[], Q]:
    """A beschikking under `wet` that granted provisions which have all ended."""

    def filter() -> Q:
        bv = _model("beschikkingen.BeschikteVoorziening")
        return (
            Q(aanvraag__wet=wet)
            & Q(Exists(bv.objects.filter(beschikking=OuterRef("pk"), uitkomst__in=GEGEVEN)))
            & ~Q(
                Exists(
                    bv.objects.filter(
                        beschikking=OuterRef("pk"), uitkomst__in=GEGEVEN, einde__isnull=True
                    )
                )
            )
        )

    return filter


def _einde_op_of_voor(grens: dt.date) -> Q:
    """A beschikking whose granted provisions all ended on or before `grens` has one that ended
    on or before it: the first cut by the index on `einde`, instead of the latest end of every
    beschikking of the municipality (measured at 1M residents: docs/benchmarks.md)."""
    bv = _model("beschikkingen.BeschikteVoorziening")
    return Q(
        Exists(
            bv.objects.filter(beschikking=OuterRef("pk"), uitkomst__in=GEGEVEN, einde__lte=grens)
        )
    )


def _beschikking_geweigerd() -> Q:
    bv = _model("beschikkingen.BeschikteVoorziening")
    return Q(aanvraag__wet__in=["wmo", "jeugd"]) & ~Q(
        Exists(bv.objects.filter(beschikking=OuterRef("pk"), uitkomst__in=GEGEVEN))
    )


def _met_einde(qs: QuerySet[Any]) -> QuerySet[Any]:
    return qs.annotate(
        einde_voorziening=Max("voorzieningen__einde", filter=Q(voorzieningen__uitkomst__in=GEGEVEN))
    )


def _aanvraag_met_laatste_beschikking(beschikking: Any) -> Records:
    """The aanvraag goes with its last beschikking (it is the same case)."""
    andere = (
        type(beschikking)
        ._default_manager.filter(aanvraag_id=beschikking.aanvraag_id)
        .exclude(pk=beschikking.pk)
    )
    if andere.exists():
        return []
    return [(_model("beschikkingen.Aanvraag"), [beschikking.aanvraag_id])]


def _plan_wmo() -> Q:
    aanvraag = _model("beschikkingen.Aanvraag")
    return (
        Q(status__in=["beeindigd", "samengevoegd"])
        & Q(Exists(aanvraag.objects.filter(plan=OuterRef("pk"))))
        & ~Q(Exists(aanvraag.objects.filter(plan=OuterRef("pk")).exclude(wet="wmo")))
    )


def _plan_jeugd() -> Q:
    """An ended plan that is not purely Wmo: kept as long as youth care (the longer period)."""
    aanvraag = _model("beschikkingen.Aanvraag")
    return Q(status__in=["beeindigd", "samengevoegd"]) & ~(
        Q(Exists(aanvraag.objects.filter(plan=OuterRef("pk"))))
        & ~Q(Exists(aanvraag.objects.filter(plan=OuterRef("pk")).exclude(wet="wmo")))
    )


def _leden(plan: Any) -> set[int]:
    lid = _model("inwoners.HuishoudenLid")
    return set(
        lid.objects.filter(huishouden_id=plan.huishouden_id).values_list("inwoner_id", flat=True)
    )


# --- a whole dossier --------------------------------------------------------------------------

# Where a resident's dossier last changed, for the worklist's first cut: the resident and the
# records that name them; the exact date comes from every row of the dossier (`dossier_ingang`).
DOSSIER_DELEN = (
    ("meldingen.Melding", "inwoner"),
    ("onderzoeken.Onderzoek", "inwoner"),
    ("beschikkingen.Aanvraag", "inwoner"),
    ("beschikkingen.Beschikking", "inwoner"),
    ("bezwaren.Klacht", "inwoner"),
    ("avg.AvgVerzoek", "inwoner"),
)


def _dossier_filter() -> Q:
    """Residents without anything running: no granted provision without an end, no active plan
    of a household they are in, no open melding."""
    bv = _model("beschikkingen.BeschikteVoorziening")
    plan = _model("plannen.Plan")
    melding = _model("meldingen.Melding")
    return (
        ~Q(
            Exists(
                bv.objects.filter(
                    beschikking__inwoner=OuterRef("pk"), uitkomst__in=GEGEVEN, einde__isnull=True
                )
            )
        )
        & ~Q(
            Exists(
                plan.objects.filter(
                    huishouden__leden__inwoner=OuterRef("pk"),
                    status__in=["concept", "ondertekend", "gewijzigd"],
                )
            )
        )
        & ~Q(
            Exists(
                melding.objects.filter(inwoner=OuterRef("pk")).exclude(
                    status__in=["beantwoord", "doorgezet", "afgesloten"]
                )
            )
        )
    )


def _dossier_annoteer(qs: QuerySet[Any]) -> QuerySet[Any]:
    extra: dict[str, Any] = {}
    for i, (label, pad) in enumerate(DOSSIER_DELEN):
        model = _model(label)
        extra[f"laatst_{i}"] = (
            model._default_manager.filter(**{pad: OuterRef("pk")})
            .order_by()
            .values(pad)
            .annotate(m=Max("updated_at"))
            .values("m")[:1]
        )
    bv = _model("beschikkingen.BeschikteVoorziening")
    aanvraag = _model("beschikkingen.Aanvraag")
    extra["einde_voorziening"] = (
        bv.objects.filter(beschikking__inwoner=OuterRef("pk"))
        .order_by()
        .values("beschikking__inwoner")
        .annotate(m=Max("einde"))
        .values("m")[:1]
    )
    extra["heeft_jeugd"] = Exists(aanvraag.objects.filter(inwoner=OuterRef("pk"), wet="jeugd"))
    return qs.annotate(
        **{k: models.Subquery(v) if not isinstance(v, Exists) else v for k, v in extra.items()}
    )


def _dossier_ingang_snel(inwoner: Any) -> dt.date | None:
    datums = [_datum(inwoner.updated_at), _datum(getattr(inwoner, "einde_voorziening", None))]
    datums += [_datum(getattr(inwoner, f"laatst_{i}", None)) for i in range(len(DOSSIER_DELEN))]
    return max(d for d in datums if d is not None)


def _dossier_regel_soort(inwoner: Any) -> str:
    """A dossier is kept as long as its longest-kept part: 20 years (8.3.2) when it holds youth
    care, else 15 (8.3.1)."""
    heeft_jeugd = getattr(inwoner, "heeft_jeugd", None)
    if heeft_jeugd is None:
        heeft_jeugd = (
            _model("beschikkingen.Aanvraag").objects.filter(inwoner=inwoner, wet="jeugd").exists()
        )
    return "beschikking_jeugd" if heeft_jeugd else "beschikking_wmo"


def _eigen_huishoudens(inwoner: Any) -> Records:
    """Households of which this resident is (and was) the only member go with the dossier;
    a household with other members is theirs too and stays."""
    lid = _model("inwoners.HuishoudenLid")
    eigen = [
        h
        for h in lid.objects.filter(inwoner=inwoner).values_list("huishouden_id", flat=True)
        if not lid.objects.filter(huishouden_id=h).exclude(inwoner=inwoner).exists()
    ]
    return [(_model("inwoners.Huishouden"), sorted(set(eigen)))] if eigen else []


SOORTEN: dict[str, Soort] = {
    s.code: s
    for s in (
        Soort(
            code="beschikking_wmo",
            label="Beschikking Wmo met brieven, voorziening beëindigd",
            model="beschikkingen.Beschikking",
            ingang=lambda r: r.einde_voorziening,
            ingang_veld="einde_voorziening",
            inwoner_pad="inwoner",
            gemeente_pad="gemeente",
            filter=_beschikking_beeindigd("wmo"),
            kenmerk=lambda r: r.kenmerk,
            annoteer=_met_einde,
            voorfilter=_einde_op_of_voor,
            zelfstandig_mee=frozenset({"bezwaren.bezwaar", "berichten.bericht"}),
            meenemen=_aanvraag_met_laatste_beschikking,
        ),
        Soort(
            code="beschikking_jeugd",
            label="Beschikking jeugdhulp met brieven, voorziening beëindigd",
            model="beschikkingen.Beschikking",
            ingang=lambda r: r.einde_voorziening,
            ingang_veld="einde_voorziening",
            inwoner_pad="inwoner",
            gemeente_pad="gemeente",
            filter=_beschikking_beeindigd("jeugd"),
            kenmerk=lambda r: r.kenmerk,
            annoteer=_met_einde,
            voorfilter=_einde_op_of_voor,
            zelfstandig_mee=frozenset({"bezwaren.bezwaar", "berichten.bericht"}),
            meenemen=_aanvraag_met_laatste_beschikking,
        ),
        Soort(
            code="aanvraag_geweigerd",
            label="Beschikking waarin alles is afgewezen, met brieven",
            model="beschikkingen.Beschikking",
            ingang=lambda r: r.besloten_op,
            ingang_veld="besloten_op",
            inwoner_pad="inwoner",
            gemeente_pad="gemeente",
            filter=_beschikking_geweigerd,
            kenmerk=lambda r: r.kenmerk,
            zelfstandig_mee=frozenset({"bezwaren.bezwaar", "berichten.bericht"}),
            meenemen=_aanvraag_met_laatste_beschikking,
        ),
        Soort(
            code="klacht",
            label="Klacht, afgehandeld",
            model="bezwaren.Klacht",
            ingang=lambda r: r.afgehandeld_op,
            ingang_veld="afgehandeld_op",
            inwoner_pad="inwoner",
            gemeente_pad="gemeente",
            filter=lambda: Q(afgehandeld_op__isnull=False),
            kenmerk=lambda r: r.kenmerk,
        ),
        Soort(
            code="bezwaar",
            label="Bezwaar, beslist",
            model="bezwaren.Bezwaar",
            ingang=lambda r: r.besloten_op,
            ingang_veld="besloten_op",
            inwoner_pad="beschikking__inwoner",
            gemeente_pad="beschikking__gemeente",
            filter=lambda: Q(besloten_op__isnull=False) & ~Q(uitkomst=BezwaarUitkomst.LOPEND),
            kenmerk=lambda r: r.kenmerk,
        ),
        Soort(
            code="melding_zonder_vervolg",
            label="Melding zonder onderzoek (beantwoord, doorgezet of afgesloten)",
            model="meldingen.Melding",
            ingang=lambda r: _datum(r.updated_at),
            ingang_veld="updated_at__date",
            inwoner_pad="inwoner",
            gemeente_pad="gemeente",
            filter=_melding_zonder_onderzoek,
            kenmerk=lambda r: f"M-{r.ontvangen_op:%Y}-{r.pk:06d}",
        ),
        Soort(
            code="plan_wmo",
            label="Plan van aanpak (Wmo), beëindigd",
            model="plannen.Plan",
            ingang=lambda r: _datum(r.updated_at),
            ingang_veld="updated_at__date",
            inwoner_pad="",
            gemeente_pad="huishouden__gemeente",
            filter=_plan_wmo,
            kenmerk=lambda r: f"PLAN-{r.pk:06d}",
            inwoners=_leden,
        ),
        Soort(
            code="plan_jeugd",
            label="Plan van aanpak (jeugd of gemengd), beëindigd",
            model="plannen.Plan",
            ingang=lambda r: _datum(r.updated_at),
            ingang_veld="updated_at__date",
            inwoner_pad="",
            gemeente_pad="huishouden__gemeente",
            filter=_plan_jeugd,
            kenmerk=lambda r: f"PLAN-{r.pk:06d}",
            inwoners=_leden,
        ),
        Soort(
            code="dossier",
            label="Dossier van een inwoner (alles wat nog over is)",
            model="inwoners.Inwoner",
            ingang=_dossier_ingang_snel,
            ingang_veld="updated_at__date",
            inwoner_pad="",
            gemeente_pad="gemeente",
            filter=_dossier_filter,
            kenmerk=lambda r: f"DOSSIER-{r.pk:06d}",
            annoteer=_dossier_annoteer,
            regel_soort=_dossier_regel_soort,
            zelfstandig_mee=frozenset(
                {
                    "meldingen.melding",
                    "onderzoeken.onderzoek",
                    "plannen.plan",
                    "beschikkingen.aanvraag",
                    "beschikkingen.beschikking",
                    "bezwaren.bezwaar",
                    "bezwaren.klacht",
                    "berichten.bericht",
                    "avg.avgverzoek",
                    "inwoners.huishouden",
                }
            ),
            meenemen=_eigen_huishoudens,
            inwoners=lambda r: {r.pk},
        ),
    )
}
# The order in which the items of an approved list are destroyed: a beschikking (with its
# aanvraag) before the plan the aanvraag refers to, everything before the dossier.
VOLGORDE = {code: i for i, code in enumerate(SOORTEN)}

# Records that stand on their own: a destruction never takes one of these along as a
# dependent row unless its kind says so (`zelfstandig_mee`); else the record that refers to the
# one due must go first (or be due with it).
ZELFSTANDIG = {
    "inwoners.inwoner",
    "inwoners.huishouden",
    "meldingen.melding",
    "onderzoeken.onderzoek",
    "plannen.plan",
    "beschikkingen.aanvraag",
    "beschikkingen.beschikking",
    "bezwaren.bezwaar",
    "bezwaren.klacht",
    "berichten.bericht",
    "avg.avgverzoek",
}


def termijn_van(regel: Bewaartermijn) -> Termijn:
    return Termijn(regel.jaren, regel.maanden, regel.dagen)


def bewaartermijn_op(soort: str, dag: dt.date) -> Bewaartermijn | None:
    """The retention rule of `soort` in force on `dag` (the latest `geldig_van` ≤ dag)."""
    return (
        Bewaartermijn.objects.filter(soort=soort, geldig_van__lte=dag)
        .order_by("-geldig_van")
        .first()
    )


def regel_voor(regels: list[Bewaartermijn], ingang: dt.date | None) -> Bewaartermijn | None:
    """The rule that applies to a record whose period runs from `ingang`: the selectielijst in
    force for records of that date (the latest `geldig_van` ≤ ingang; `regels` sorted by
    `geldig_van`), not the one in force on the day of destruction — a selectielijst applies to
    the records made or received while it is in force (Selectielijst 2017: 1 January 2017 to 31
    December 2019, Stcrt. 2017, 38013; Selectielijst 2020: from 1 January 2020, Stcrt. 2020,
    11143; migrations avg/0002 and avg/0008). None when no list of eenplan covers the record
    (before 2017 the Selectielijst 2012 applies, which eenplan does not hold: never due)."""
    if ingang is None:
        return None
    gevonden = None
    for regel in regels:
        if regel.geldig_van <= ingang:
            gevonden = regel
    return gevonden


def bewaartermijnen(dag: dt.date) -> list[Bewaartermijn]:
    """Every kind's rule in force on `dag`, the kinds eenplan destroys and those only listed."""
    per_soort: dict[str, Bewaartermijn] = {}
    for regel in Bewaartermijn.objects.filter(geldig_van__lte=dag).order_by("soort", "geldig_van"):
        per_soort[regel.soort] = regel
    return sorted(per_soort.values(), key=lambda r: r.categorie)


def uitvoerbare_regelsoorten() -> set[str]:
    """The retention rules eenplan applies by destroying (for the worklist's table)."""
    return set(SOORTEN) | {"beschikking_wmo", "beschikking_jeugd"}


# --- what blocks a destruction ------------------------------------------------------------------


def blokkades(inwoner_ids: Iterable[int], *, vandaag: dt.date) -> dict[int, str]:
    """Per resident the reason nothing of theirs may be destroyed now: a legal hold, a running
    bezwaar, an open beroep term (Awb 6:7: six weeks after the decision on bezwaar). Two
    queries, however many residents."""
    ids = [i for i in set(inwoner_ids) if i]
    if not ids:
        return {}
    reden: dict[int, str] = {}
    for plicht in Bewaarplicht.objects.filter(
        inwoner_id__in=ids, van__lte=vandaag, opgeheven_op__isnull=True
    ).order_by("van"):
        reden.setdefault(
            plicht.inwoner_id,
            f"{BewaarplichtSoort(plicht.soort).label} sinds {plicht.van:%d-%m-%Y}: {plicht.reden}",
        )
    for bezwaar in (
        Bezwaar.objects.filter(beschikking__inwoner_id__in=ids)
        .filter(Q(uitkomst=BezwaarUitkomst.LOPEND) | Q(beroep_uiterlijk__gte=vandaag))
        .select_related("beschikking__gemeente")
        .order_by("ontvangen_op")
    ):
        inwoner_id = bezwaar.beschikking.inwoner_id
        if bezwaar.uitkomst == BezwaarUitkomst.LOPEND:
            tekst = f"Er loopt een bezwaar ({bezwaar.kenmerk})."
        else:
            tekst = (
                f"De beroepstermijn van bezwaar {bezwaar.kenmerk} loopt nog tot en met "
                f"{bezwaar.beroep_uiterlijk:%d-%m-%Y}."
            )
        reden.setdefault(inwoner_id, tekst)
    return reden


# --- what is due ----------------------------------------------------------------------------------


@dataclass
class Kandidaat:
    """A record whose retention period has run, or that is blocked from destruction."""

    soort: Soort
    regel: Bewaartermijn
    record: Any
    ingang: dt.date
    vernietigbaar_vanaf: dt.date
    inwoner_ids: set[int]
    kenmerk: str
    blokkade: str = ""

    @property
    def record_soort(self) -> str:
        return str(self.record._meta.label_lower)

    @property
    def inwoner_id(self) -> int | None:
        return min(self.inwoner_ids) if self.inwoner_ids else None


def _queryset(soort: Soort, gemeente: Gemeente) -> QuerySet[Any]:
    model = _model(soort.model)
    qs = model._default_manager.filter(soort.filter(), **{soort.gemeente_pad: gemeente})
    return soort.annoteer(qs)


def _inwoner_id(record: Any, pad: str) -> int | None:
    if not pad:
        return None
    *tussen, laatste = pad.split("__")
    for deel in tussen:
        record = getattr(record, deel)
    return getattr(record, f"{laatste}_id", None)


def inwoners_van(soort: Soort, record: Any) -> set[int]:
    """The residents whose holds and bezwaren block this record, and whom its rows may name."""
    if soort.inwoners is not None:
        return soort.inwoners(record)
    inwoner_id = _inwoner_id(record, soort.inwoner_pad)
    return {inwoner_id} if inwoner_id else set()


def _regels(code: str) -> list[Bewaartermijn]:
    return list(Bewaartermijn.objects.filter(soort=code).order_by("geldig_van"))


def te_vernietigen(gemeente: Gemeente, *, vandaag: dt.date | None = None) -> list[Kandidaat]:
    """The records of `gemeente` whose retention period has run on `vandaag`, each with the
    reason it is blocked (empty when it may go). Per kind a few queries plus the blocks: the
    database cuts by date (a few days wide), the rule decides each record exactly."""
    vandaag = vandaag or timezone.localdate()
    kandidaten: list[Kandidaat] = []
    regels_per_soort: dict[str, list[Bewaartermijn]] = {}
    for soort in SOORTEN.values():
        mogelijk = (
            {soort.code} if soort.regel_soort is None else {"beschikking_wmo", "beschikking_jeugd"}
        )
        for code in mogelijk:
            if code not in regels_per_soort:
                regels_per_soort[code] = _regels(code)
        vernietigen = [
            r
            for code in mogelijk
            for r in regels_per_soort[code]
            if r.waardering == Waardering.VERNIETIGEN
        ]
        if not vernietigen:
            continue
        grens = max(_laatste_ingang(vandaag, termijn_van(r)) for r in vernietigen)
        qs = _queryset(soort, gemeente).filter(_tot_en_met(soort.ingang_veld, grens))
        if soort.voorfilter is not None:
            qs = qs.filter(soort.voorfilter(grens))
        if "__" in soort.inwoner_pad:
            qs = qs.select_related(soort.inwoner_pad.rsplit("__", 1)[0])
        for record in qs.order_by("pk"):
            ingang = _datum(soort.ingang(record))
            code = soort.regel_soort(record) if soort.regel_soort else soort.code
            regel = regel_voor(regels_per_soort[code], ingang)
            if ingang is None or regel is None or regel.waardering != Waardering.VERNIETIGEN:
                continue
            termijn = termijn_van(regel)
            if not is_vernietigbaar(ingang=ingang, termijn=termijn, vandaag=vandaag):
                continue
            kandidaten.append(
                Kandidaat(
                    soort=soort,
                    regel=regel,
                    record=record,
                    ingang=ingang,
                    vernietigbaar_vanaf=vernietigbaar_vanaf(ingang, termijn),
                    inwoner_ids=inwoners_van(soort, record),
                    kenmerk=soort.kenmerk(record),
                )
            )
    geblokkeerd = blokkades((i for k in kandidaten for i in k.inwoner_ids), vandaag=vandaag)
    for kandidaat in kandidaten:
        for inwoner_id in sorted(kandidaat.inwoner_ids):
            if inwoner_id in geblokkeerd:
                kandidaat.blokkade = geblokkeerd[inwoner_id]
                break
    return kandidaten


def _tot_en_met(veld: str, grens: dt.date) -> Q:
    """`veld` on or before `grens`. A moment's local date (`updated_at__date`) is compared as a
    range on the moment itself (before the next local midnight), which an index on the column
    serves; `updated_at__date__lte` is a function of every row (a sequential scan)."""
    if veld.endswith("__date"):
        middernacht = dt.datetime.combine(grens + dt.timedelta(days=1), dt.time())
        return Q(**{f"{veld.removesuffix('__date')}__lt": timezone.make_aware(middernacht)})
    return Q(**{f"{veld}__lte": grens})


def _laatste_ingang(vandaag: dt.date, termijn: Termijn) -> dt.date:
    """A date a few days after the latest start of a period that has run by `vandaag`: the
    first cut in SQL (exact per record in Python). Works for date and datetime fields."""
    maanden = termijn.jaren * 12 + termijn.maanden
    jaar, maand = divmod(vandaag.year * 12 + vandaag.month - 1 - maanden, 12)
    return dt.date(jaar, maand + 1, 1) + dt.timedelta(days=vandaag.day + 3 - termijn.dagen)


# --- proposing and approving ----------------------------------------------------------------------

GEEN_KANDIDATEN = "Er is op dit moment niets waarvan de bewaartermijn verstreken is."
ZELFDE_PERSOON = (
    "U stelde deze lijst zelf voor. Een ander moet haar goedkeuren (vier ogen, "
    "Archiefwet 1995 art. 5)."
)
NIET_VOORGESTELD = "Deze lijst is al {status}; er valt niets meer goed te keuren."
NIET_VERSTREKEN = "{kenmerk}: de bewaartermijn is niet (meer) verstreken."


@transaction.atomic
def vernietigingslijst_voorstellen(
    *, gemeente: Gemeente, door: Any, vandaag: dt.date | None = None
) -> Vernietigingslijst:
    """Put every record that is due and not blocked on a new destruction list, waiting for a
    second person's approval. Blocked records stay off the list (the worklist shows why); a
    dossier only when its exact date (every row of it) says it is due. Raises ValidationError
    when nothing is due."""
    vandaag = vandaag or timezone.localdate()
    vrij = []
    for k in te_vernietigen(gemeente, vandaag=vandaag):
        if k.blokkade:
            continue
        if k.soort.code == "dossier":
            ingang = dossier_ingang(k.record)
            if not is_vernietigbaar(ingang=ingang, termijn=termijn_van(k.regel), vandaag=vandaag):
                continue
            k.ingang, k.vernietigbaar_vanaf = (
                ingang,
                vernietigbaar_vanaf(ingang, termijn_van(k.regel)),
            )
        vrij.append(k)
    if not vrij:
        raise ValidationError(GEEN_KANDIDATEN)
    lijst = Vernietigingslijst.objects.create(
        gemeente=gemeente, peildatum=vandaag, voorgesteld_door=door
    )
    VernietigingsRegel.objects.bulk_create(
        VernietigingsRegel(
            lijst=lijst,
            soort=k.soort.code,
            record_soort=k.record_soort,
            record_id=k.record.pk,
            kenmerk=k.kenmerk,
            bewaartermijn=k.regel,
            ingang=k.ingang,
            vernietigbaar_vanaf=k.vernietigbaar_vanaf,
        )
        for k in sorted(vrij, key=lambda k: (VOLGORDE[k.soort.code], k.record.pk))
    )
    return lijst


@transaction.atomic
def vernietigingslijst_afwijzen(
    *, lijst: Vernietigingslijst, door: Any, reden: str
) -> Vernietigingslijst:
    """Reject a proposed list: nothing is destroyed; the list stays as the record of that."""
    lijst = Vernietigingslijst.objects.select_for_update().get(pk=lijst.pk)
    if lijst.status != LijstStatus.VOORGESTELD:
        raise ValidationError(NIET_VOORGESTELD.format(status=lijst.get_status_display().lower()))
    if not reden.strip():
        raise ValidationError({"reden": "Geef de reden van de afwijzing."})
    lijst.status = LijstStatus.AFGEWEZEN
    lijst.afwijzing_reden = reden.strip()[:300]
    lijst.goedgekeurd_door = door
    lijst.save()
    return lijst


def _record(regel: VernietigingsRegel, *, lock: bool) -> Any:
    soort = SOORTEN[regel.soort]
    qs = soort.annoteer(_model(soort.model)._default_manager.filter(pk=regel.record_id))
    if lock:
        # the lock on the bare row (an annotated query may hold an aggregate)
        _model(soort.model)._default_manager.select_for_update().filter(pk=regel.record_id).first()
    return qs.first()


def _regel_fout(regel: VernietigingsRegel, record: Any, vandaag: dt.date) -> str:
    """Why this line may not be destroyed now ('' when it may)."""
    if record is None:
        return f"{regel.kenmerk}: bestaat niet meer."
    soort = SOORTEN[regel.soort]
    ingang = dossier_ingang(record) if soort.code == "dossier" else _datum(soort.ingang(record))
    if not is_vernietigbaar(
        ingang=ingang, termijn=termijn_van(regel.bewaartermijn), vandaag=vandaag
    ):
        return NIET_VERSTREKEN.format(kenmerk=regel.kenmerk)
    return ""


def _goedkeuring_toetsen(
    lijst: Vernietigingslijst, regels: list[VernietigingsRegel], *, door: Any, vandaag: dt.date
) -> None:
    """Refuse the approval as a whole (ValidationError) when the list is no longer waiting, the
    approver proposed it, or a line is gone, no longer due or blocked."""
    if lijst.status != LijstStatus.VOORGESTELD:
        raise ValidationError(NIET_VOORGESTELD.format(status=lijst.get_status_display().lower()))
    if lijst.voorgesteld_door_id == getattr(door, "pk", None):
        raise ValidationError(ZELFDE_PERSOON)
    fouten: list[str] = []
    inwoners: dict[int, list[str]] = defaultdict(list)
    for regel in regels:
        record = _record(regel, lock=False)
        fout = _regel_fout(regel, record, vandaag)
        if fout:
            fouten.append(fout)
            continue
        for inwoner_id in inwoners_van(SOORTEN[regel.soort], record):
            inwoners[inwoner_id].append(regel.kenmerk)
    for inwoner_id, reden in blokkades(inwoners, vandaag=vandaag).items():
        for kenmerk in inwoners[inwoner_id]:
            fouten.append(f"{kenmerk}: wordt niet vernietigd. {reden}")
    if fouten:
        raise ValidationError(["De lijst is niet goedgekeurd; er is niets vernietigd.", *fouten])


def vernietigingslijst_goedkeuren(
    *, lijst: Vernietigingslijst, door: Any, vandaag: dt.date | None = None
) -> Vernietigingslijst:
    """Approve a proposed list and destroy every record on it, each item in its own
    transaction (all of its rows or none). Refused as a whole (ValidationError, nothing
    changed) when the approver proposed it, when the list is no longer waiting, or when any
    record on it is now blocked (a bezwaar, a beroep term, a legal hold), has gone or is no
    longer due. An item that turns out to be still in use (another record refers to it, a row
    also names another resident) is not destroyed and its line says why; the others go. The
    list becomes the destruction record: per line the rows destroyed per table."""
    vandaag = vandaag or timezone.localdate()
    with transaction.atomic():
        lijst = Vernietigingslijst.objects.select_for_update().get(pk=lijst.pk)
        regels = list(lijst.regels.select_related("bewaartermijn").order_by("id"))
        hervat = lijst.status == LijstStatus.IN_UITVOERING and (
            lijst.goedgekeurd_door_id == getattr(door, "pk", None)
        )  # approved, then interrupted: the same approver resumes; done lines are skipped
        if not hervat:
            _goedkeuring_toetsen(lijst, regels, door=door, vandaag=vandaag)
            lijst.status = LijstStatus.IN_UITVOERING
            lijst.goedgekeurd_door = door
            lijst.save()
    return _uitvoeren(lijst, regels, vandaag=vandaag)


def _uitvoeren(
    lijst: Vernietigingslijst, regels: list[VernietigingsRegel], *, vandaag: dt.date
) -> Vernietigingslijst:
    """Destroy the approved list's items one by one, then mark the list destroyed."""
    sleutels = {(r.record_soort, r.record_id) for r in regels}
    for regel in sorted(regels, key=lambda r: (VOLGORDE[r.soort], r.id)):
        _regel_vernietigen(regel, mee=sleutels, vandaag=vandaag)
    with transaction.atomic():
        lijst = Vernietigingslijst.objects.select_for_update().get(pk=lijst.pk)
        lijst.status = LijstStatus.VERNIETIGD
        lijst.vernietigd_op = timezone.now()
        lijst.save()
    return lijst


def _regel_vernietigen(
    regel: VernietigingsRegel, *, mee: set[tuple[str, Any]], vandaag: dt.date
) -> None:
    """Destroy one item in its own transaction, checking again under lock what may have
    changed since the approval (a bezwaar filed, a hold placed)."""
    reden = ""
    betrokken: set[int] = set()
    try:
        with transaction.atomic():
            regel = VernietigingsRegel.objects.select_for_update().get(pk=regel.pk)
            if regel.vernietigd or regel.niet_vernietigd:
                return  # done before (an approval resumed after an interruption)
            soort = SOORTEN[regel.soort]
            record = _record(regel, lock=True)
            reden = _regel_fout(regel, record, vandaag)
            if not reden:
                betrokken = inwoners_van(soort, record)
                blok = blokkades(betrokken, vandaag=vandaag)
                reden = next(iter(blok.values()), "")
            if reden:
                raise NogInGebruik(reden)
            regel.vernietigd = _vernietig(record, soort, mee=mee, betrokken=betrokken)
            regel.save(update_fields=["vernietigd"])
    except ValidationError as exc:
        regel.niet_vernietigd = " ".join(exc.messages)[:300]
        VernietigingsRegel.objects.filter(pk=regel.pk).update(niet_vernietigd=regel.niet_vernietigd)


# --- the verklaring van vernietiging ---------------------------------------------------------


@dataclass(frozen=True)
class VerklaringRegel:
    """One category of a verklaring van vernietiging: how many records of which kind were
    destroyed under which selectielijst category, from which dates. No personal data."""

    categorie: str
    omschrijving: str
    soort: str
    aantal: int
    ingang_van: dt.date
    ingang_tot: dt.date
    termijn_iso: str
    bron: str


def verklaring(lijst: Vernietigingslijst) -> list[VerklaringRegel]:
    """The specification of what a list destroyed, per selectielijst category and kind
    (Archiefbesluit 1995 art. 8: a verklaring with a specification of the destroyed records;
    the Nationaal Archief asks for one per category with their dates). One query."""
    from eenplan.avg.op_verzoek import SOORTEN_OP_VERZOEK  # it builds on this module

    labels = {code: s.label for code, s in (*SOORTEN.items(), *SOORTEN_OP_VERZOEK.items())}
    groepen: dict[tuple[int, str], list[VernietigingsRegel]] = defaultdict(list)
    for regel in lijst.regels.select_related("bewaartermijn").order_by("id"):
        if regel.vernietigd:
            groepen[(regel.bewaartermijn_id, regel.soort)].append(regel)
    uit = []
    for (_id, soort), regels in groepen.items():
        termijn = regels[0].bewaartermijn
        uit.append(
            VerklaringRegel(
                categorie=termijn.categorie,
                omschrijving=termijn.omschrijving,
                soort=labels.get(soort, soort),
                aantal=len(regels),
                ingang_van=min(r.ingang for r in regels),
                ingang_tot=max(r.ingang for r in regels),
                termijn_iso=termijn.termijn_iso,
                bron=termijn.bron,
            )
        )
    return sorted(uit, key=lambda v: (v.categorie, v.soort))


# --- destroying one record ------------------------------------------------------------------------


class NogInGebruik(ValidationError):
    pass


def _afhankelijk(seeds: Records) -> Records:
    """The rows that depend on the seeds through foreign keys of eenplan's models, level by
    level (the seeds first, their dependents after them), each table once per level."""
    niveaus: Records = [(m, list(pks)) for m, pks in seeds if pks]
    gezien: set[tuple[str, Any]] = {(m._meta.label_lower, pk) for m, pks in niveaus for pk in pks}
    rand = list(niveaus)
    while rand:
        volgende: Records = []
        for model, pks in rand:
            for kind, attname in verwijzers_met_koppelingen().get(model, ()):
                nieuwe = [
                    pk
                    for pk in kind._base_manager.filter(**{f"{attname}__in": pks}).values_list(
                        "pk", flat=True
                    )
                    if (kind._meta.label_lower, pk) not in gezien
                ]
                if nieuwe:
                    gezien.update((kind._meta.label_lower, pk) for pk in nieuwe)
                    volgende.append((kind, nieuwe))
        niveaus.extend(volgende)
        rand = volgende
    return niveaus


# Rows that name a resident without being theirs to destroy: the access log is pseudonymised
# and the history of a destroyed record goes with it, whoever they name.
NOEMT_ANDEREN_TOEGESTAAN = {"privacy.inzage", "events.gebeurtenis"}


def _andere_inwoner(niveaus: Records, betrokken: set[int]) -> str:
    """A row among these that names a resident who is not part of this destruction: it is that
    resident's record too and must stay."""
    for model, pks in niveaus:
        if model._meta.label_lower in NOEMT_ANDEREN_TOEGESTAAN:
            continue
        for veld in model._meta.concrete_fields:
            if isinstance(veld, models.ForeignKey) and veld.related_model is Inwoner:
                ander = (
                    model._base_manager.filter(pk__in=pks)
                    .exclude(**{f"{veld.attname}__in": betrokken})
                    .exclude(**{f"{veld.attname}__isnull": True})
                    .exists()
                )
                if ander:
                    return (
                        f"{model._meta.verbose_name} noemt ook een andere inwoner; dat blijft "
                        "bewaard tot het dossier van die inwoner wordt vernietigd."
                    )
    return ""


def dossier_ingang(inwoner: Any) -> dt.date | None:
    """The exact date a resident's dossier last changed: the latest change of any row of it
    (and the latest end of a granted provision)."""
    seeds: Records = [(type(inwoner), [inwoner.pk]), *_eigen_huishoudens(inwoner)]
    datums: list[dt.date] = []
    for model, pks in _afhankelijk(seeds):
        if model._meta.label_lower in NOEMT_ANDEREN_TOEGESTAAN:
            continue  # reading the file is no change of it
        velden = {f.name for f in model._meta.concrete_fields}
        if "updated_at" in velden:
            laatst = model._base_manager.filter(pk__in=pks).aggregate(m=Max("updated_at"))["m"]
            if laatst:
                datums.append(timezone.localdate(laatst))
        if model._meta.label_lower == "beschikkingen.beschiktevoorziening":
            einde = model._base_manager.filter(pk__in=pks).aggregate(m=Max("einde"))["m"]
            if einde:
                datums.append(einde)
    return max(datums) if datums else None


def _vernietig(
    record: models.Model, soort: Soort, *, mee: set[tuple[str, Any]], betrokken: set[int]
) -> dict[str, int]:
    """Destroy `record`, what goes with it and its dependent rows, each table through the app
    that owns it (`common.vernietiging`), deepest level first, with their events. Refused when
    an independent record still refers to it (`ZELFSTANDIG`, not going along and not on the
    list) or when a row also names another resident."""
    seeds: Records = [(type(record), [record.pk]), *soort.meenemen(record)]
    niveaus = _afhankelijk(seeds)
    for model, pks in niveaus[len(seeds) :]:
        label = model._meta.label_lower
        vrij = label not in ZELFSTANDIG or label in soort.zelfstandig_mee
        if label in soort.behouden:
            raise NogInGebruik(
                f"{soort.kenmerk(record)}: wordt niet vernietigd; {model._meta.verbose_name} "
                f"{pks[0]} verwijst ernaar en hoort ook bij anderen."
            )
        if not vrij and any((label, pk) not in mee for pk in pks):
            raise NogInGebruik(
                f"{soort.kenmerk(record)}: wordt niet vernietigd; {model._meta.verbose_name} "
                f"{pks[0]} verwijst ernaar en moet nog bewaard blijven."
            )
    ander = _andere_inwoner(niveaus, betrokken)
    if ander:
        raise NogInGebruik(f"{soort.kenmerk(record)}: wordt niet vernietigd; {ander}")
    aantallen: dict[str, int] = defaultdict(int)
    for model, pks in niveaus:
        if model._meta.label_lower not in NOEMT_ANDEREN_TOEGESTAAN:
            n = geschiedenis_van_records_vernietigen(model._meta.label_lower, pks)
            if n:
                aantallen["events.gebeurtenis"] += n
    for model, pks in reversed(niveaus):
        for label, n in vernietiging.vernietig(model, pks).items():
            aantallen[label] += n
    return {k: v for k, v in sorted(aantallen.items()) if v}


@contextmanager
def geschiedenis_open() -> Iterator[None]:
    """`common.vernietiging.geschiedenis_open` (kept here for the tests of the triggers)."""
    with vernietiging.geschiedenis_open():
        yield
