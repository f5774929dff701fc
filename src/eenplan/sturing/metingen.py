"""The measurement engine: an indicator's rows as a QuerySet, its dimensions as SQL
expressions, and its value as SQL aggregates. `bereken` groups by at most one dimension and
filters by any others, always in the database (no Python loop over rows).

Every expression here reads other apps' tables; nothing here writes them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db.models import (
    Case,
    CharField,
    Count,
    DateField,
    DurationField,
    Exists,
    ExpressionWrapper,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, TruncMonth, TruncQuarter, TruncYear

from eenplan.inwoners.models import HuishoudenLid
from eenplan.sturing.registry import Eenheid, Indicator

Expressie = Any  # a Django expression or a field path


@dataclass(frozen=True)
class Vraag:
    """The municipality and the period asked about: flows count what happened from `van` to
    `tot`; stocks count the state on `tot` (the peildatum)."""

    gemeente_id: int
    van: dt.date
    tot: dt.date


@dataclass(frozen=True)
class Meting:
    """What an indicator counts. `eenheden`: the units of a cell (persons; the suppression
    count); `teller`: the numerator of a share or rate; `som`: the sum an average divides."""

    rijen: QuerySet[Any]
    dims: dict[str, Expressie]
    eenheden: Any
    teller: Any = None
    som: Any = None
    som_in_dagen: bool = False
    som_factor: Decimal = Decimal(1)
    labels: dict[str, dict[str, str]] = field(default_factory=dict)
    # A share's denominator when it is not the units: the survey counts its respondents (the
    # suppression units, "weet ik niet" included) and divides by those who gave a score.
    noemer: Any = None


# --- helpers for the indicator definitions ----------------------------------------------------


def jaren_terug(dag: dt.date, jaren: int) -> dt.date:
    try:
        return dag.replace(year=dag.year - jaren)
    except ValueError:  # 29 February
        return dag.replace(year=dag.year - jaren, day=28)


LEEFTIJDSGROEPEN = ("0-17", "18-64", "65-74", "75+")


def leeftijd(pad: str, peil: dt.date) -> Case:
    """The age group on the peildatum of the resident at `pad` (a path to Inwoner)."""
    geboren = f"{pad}__geboortedatum" if pad else "geboortedatum"
    return Case(
        # A melding about a person not identified yet has no age.
        When(**{f"{geboren}__isnull": True}, then=Value("onbekend")),
        When(**{f"{geboren}__gt": jaren_terug(peil, 18)}, then=Value("0-17")),
        When(**{f"{geboren}__gt": jaren_terug(peil, 65)}, then=Value("18-64")),
        When(**{f"{geboren}__gt": jaren_terug(peil, 75)}, then=Value("65-74")),
        default=Value("75+"),
        output_field=CharField(),
    )


HUISHOUDTYPEN = {
    "alleen": "Eenpersoonshuishouden",
    "kinderen": "Huishouden met kinderen",
    "zonder_kinderen": "Meerpersoons, zonder kinderen",
    "onbekend": "Niet bekend",
}


def _huidig(prefix: str, peil: dt.date) -> Q:
    return Q(**{f"{prefix}lid_van__lte": peil}) & (
        Q(**{f"{prefix}lid_tot__isnull": True}) | Q(**{f"{prefix}lid_tot__gt": peil})
    )


def huishoudtype(inwoner_pad: str, peil: dt.date) -> Case:
    """The kind of household the resident at `inwoner_pad` lives in on the peildatum: alone,
    with children (a member under 18), or several adults. Two correlated subqueries."""
    ref = OuterRef(inwoner_pad or "pk")
    leden = (
        HuishoudenLid.objects.filter(_huidig("", peil))
        .filter(_huidig("huishouden__leden__", peil), huishouden__leden__inwoner_id=ref)
        .order_by()
        .values("huishouden__leden__inwoner_id")
    )
    grootte = leden.annotate(n=Count("pk")).values("n")[:1]
    kinderen = leden.annotate(
        n=Count("pk", filter=Q(inwoner__geboortedatum__gt=jaren_terug(peil, 18)))
    ).values("n")[:1]
    return Case(
        When(Q(_hh_grootte=1), then=Value("alleen")),
        When(Q(_hh_kinderen__gt=0), then=Value("kinderen")),
        When(Q(_hh_grootte__gt=1), then=Value("zonder_kinderen")),
        default=Value("onbekend"),
        output_field=CharField(),
    ), {
        "_hh_grootte": Subquery(grootte, output_field=IntegerField()),
        "_hh_kinderen": Subquery(kinderen, output_field=IntegerField()),
    }


def huishouden_wijk(huishouden_pad: str, peil: dt.date) -> Subquery:
    """The wijk (code) of a household: where its first current member lives."""
    return Subquery(
        HuishoudenLid.objects.filter(_huidig("", peil), huishouden_id=OuterRef(huishouden_pad))
        .order_by("pk")
        .values("inwoner__wijk__code")[:1],
        output_field=CharField(),
    )


def perioden(datum: str) -> dict[str, Expressie]:
    return {
        "maand": TruncMonth(datum, output_field=DateField()),
        "kwartaal": TruncQuarter(datum, output_field=DateField()),
        "jaar": TruncYear(datum, output_field=DateField()),
    }


def dagen(eind: str, begin: str) -> ExpressionWrapper:
    return ExpressionWrapper(F(eind) - F(begin), output_field=DurationField())


def persoon_of_record(pad: str) -> Coalesce:
    """A resident's id, or for a record about an unknown person a negative id of its own: each
    such record counts as one person."""
    return Coalesce(F(pad), Value(0) - F("pk"), output_field=IntegerField())


def actief_op(prefix: str, peil: dt.date) -> Q:
    """A provision (BeschikteVoorziening at `prefix`) granted and running on the peildatum."""
    return (
        Q(**{f"{prefix}uitkomst__in": ["toegekend", "deels"]})
        & Q(**{f"{prefix}begin__lte": peil})
        & (Q(**{f"{prefix}einde__isnull": True}) | Q(**{f"{prefix}einde__gte": peil}))
    )


def bestaat(qs: QuerySet[Any]) -> Exists:
    return Exists(qs)


# --- computing -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Ruw:
    """One aggregated row before suppression."""

    sleutel: str
    eenheden: int
    teller: Decimal | None
    som: Decimal | None
    noemer: int | None = None


def _expr(e: Expressie) -> Any:
    return F(e) if isinstance(e, str) else e


def _sleutel(waarde: Any, dim: str) -> str:
    if waarde is None:
        return ""
    if isinstance(waarde, dt.datetime):
        waarde = waarde.date()
    if isinstance(waarde, dt.date):
        if dim == "maand":
            return f"{waarde:%Y-%m}"
        if dim == "kwartaal":
            return f"{waarde.year}-K{(waarde.month - 1) // 3 + 1}"
        if dim == "jaar":
            return f"{waarde.year}"
    return str(waarde)


def _getal(waarde: Any, in_dagen: bool) -> Decimal | None:
    if waarde is None:
        return None
    if isinstance(waarde, dt.timedelta):
        return Decimal(waarde.total_seconds()) / Decimal(86400)
    if in_dagen and isinstance(waarde, int | float) and not isinstance(waarde, bool):
        # SQLite sums a date difference in microseconds.
        return Decimal(waarde) / Decimal(86_400_000_000)
    return Decimal(str(waarde))


def _maal(waarde: Decimal | None, factor: Decimal) -> Decimal | None:
    return None if waarde is None else waarde * factor


def _voorbereid(
    indicator: Indicator, vraag: Vraag, *, nodig: set[str], filters: dict[str, str]
) -> tuple[QuerySet[Any], dict[str, Any], Any]:
    """The indicator's rows with the dimensions in `nodig` annotated (`d_<dim>`) and the
    filters applied, its aggregates, and the function that reads one aggregated row."""
    meting = indicator.meting(vraag)
    annotaties: dict[str, Any] = {}
    for dim in nodig:
        expr = meting.dims[dim]
        if isinstance(expr, tuple):  # an expression with helper annotations
            expr, hulp = expr
            annotaties.update(hulp)
        annotaties[f"d_{dim}"] = _expr(expr)
    rijen = meting.rijen.annotate(**annotaties) if annotaties else meting.rijen
    if filters:
        rijen = rijen.filter(**{f"d_{d}": w for d, w in filters.items()})
    aggregaten: dict[str, Any] = {"eenheden": meting.eenheden}
    if meting.teller is not None:
        aggregaten["teller"] = meting.teller
    if meting.som is not None:
        aggregaten["som"] = meting.som
    if meting.noemer is not None:
        aggregaten["noemer"] = meting.noemer

    def ruw(row: dict[str, Any], sleutel: str) -> Ruw:
        return Ruw(
            sleutel=sleutel,
            eenheden=int(row.get("eenheden") or 0),
            teller=_getal(row.get("teller"), False) if meting.teller is not None else None,
            som=_maal(_getal(row.get("som"), meting.som_in_dagen), meting.som_factor)
            if meting.som is not None
            else None,
            noemer=int(row.get("noemer") or 0) if meting.noemer is not None else None,
        )

    return rijen, aggregaten, ruw


def ruwe_cellen(
    indicator: Indicator, vraag: Vraag, *, per: str | None, filters: dict[str, str]
) -> tuple[Ruw, list[Ruw]]:
    """The total (with the filters) and, with `per`, one row per value of that dimension.
    Two queries."""
    nodig = set(filters) | ({per} if per else set())
    rijen, aggregaten, ruw = _voorbereid(indicator, vraag, nodig=nodig, filters=filters)
    totaal = ruw(rijen.aggregate(**aggregaten), "")
    return totaal, _per_waarde(rijen, aggregaten, ruw, per) if per else []


def _per_waarde(rijen: QuerySet[Any], aggregaten: dict[str, Any], ruw: Any, per: str) -> list[Ruw]:
    groepen = rijen.order_by().values(f"d_{per}").annotate(**aggregaten).order_by(f"d_{per}")
    return [ruw(g, _sleutel(g[f"d_{per}"], per)) for g in groepen]


def ruwe_rijen(
    indicator: Indicator, vraag: Vraag, *, per: str, filters: dict[str, str]
) -> list[Ruw]:
    """One row per value of `per` (with the filters), without the total. One query."""
    rijen, aggregaten, ruw = _voorbereid(indicator, vraag, nodig={*filters, per}, filters=filters)
    return _per_waarde(rijen, aggregaten, ruw, per)


def ruwe_kruistabel(
    indicator: Indicator, vraag: Vraag, *, rij: str, kolom: str, filters: dict[str, str]
) -> dict[tuple[str, str], Ruw]:
    """The cells of `rij` x `kolom` (with the filters), by (row key, column key). One query."""
    rijen, aggregaten, ruw = _voorbereid(
        indicator, vraag, nodig={*filters, rij, kolom}, filters=filters
    )
    groepen = rijen.order_by().values(f"d_{rij}", f"d_{kolom}").annotate(**aggregaten)
    uit = {}
    for g in groepen:
        sleutel = (_sleutel(g[f"d_{rij}"], rij), _sleutel(g[f"d_{kolom}"], kolom))
        uit[sleutel] = ruw(g, sleutel[1])
    return uit


def waarde(indicator: Indicator, ruw: Ruw) -> Decimal | None:
    """The indicator's value of one cell, rounded to one decimal (counts: whole)."""
    e = indicator.eenheid
    if e == Eenheid.AANTAL:
        # What is counted (meldingen, goals, provisions) when it differs from the units.
        return Decimal(ruw.teller if ruw.teller is not None else ruw.eenheden).quantize(Decimal(1))
    if e == Eenheid.EURO:
        return (ruw.som or Decimal(0)).quantize(Decimal("0.01"), ROUND_HALF_UP)
    if not ruw.eenheden:
        return None
    if e == Eenheid.PROCENT and ruw.noemer is not None:
        if not ruw.noemer:
            return None
        w = Decimal(100) * (ruw.teller or 0) / ruw.noemer
    elif e == Eenheid.PROCENT:
        w = Decimal(100) * (ruw.teller or 0) / ruw.eenheden
    elif e == Eenheid.PER_10000:
        w = Decimal(10000) * (ruw.teller or 0) / ruw.eenheden
    else:  # DAGEN, GEMIDDELDE
        w = (ruw.som or Decimal(0)) / ruw.eenheden
    return w.quantize(Decimal("0.1"), ROUND_HALF_UP)
