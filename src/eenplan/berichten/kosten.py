"""Reads of the message traffic for the steering figures (`eenplan.sturing`): what the
municipality assigned in a period (the toewijzingen of the 301: volume × contract tariff) and
what providers claimed and had approved (the 323 lines and their verdict in the 325), as
QuerySets with the amount in cents computed in SQL, so the caller groups and sums them in the
database (no Python loop over rows).

Read only: nothing here writes, and nothing here is part of the processing of messages. The
choices are those of `budget.py` (the yearly budget per provider), expressed as SQL over any
period [van, tot] instead of a calendar year, so that for a calendar year the two agree
(tested in `berichten/tests/test_kosten.py`):

- the volume a toewijzing allows within the period follows its frequency (WMO757/JZ757): per
  day (1) the days, per month (4) the calendar months touched, a total within the validity (6)
  spread in proportion to the days (all of it in the period of its start when open-ended), and
  otherwise per week (2) the (partial) ISO calendar weeks touched — for an outputgericht
  toewijzing its Sundays (IV077). A partial week or month counts in every period it touches,
  as IV077/TR322 count it;
- the tariff is the provider's contract tariff for the product on the first day of the
  toewijzing within the period (a deelovereenkomst before its raamovereenkomst, a tariff for
  the product code before one for the whole category, the latest tariff period first);
- time units convert (minuut, uur, dagdeel of 4 uur, WJ756); other units must be the same, else
  the toewijzing has no amount (`toegewezen_centen` is NULL: "niet te prijzen");
- a toewijzing with a budget instead of a volume counts its budget like frequency 6;
- a toewijzing ended on its own first day as deleted (13) or void (01) is not current (OP087);
- a claim line counts debet minus credit, by the day its period begins.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import (
    Case,
    CharField,
    DateField,
    DecimalField,
    F,
    Func,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import (
    Cast,
    Coalesce,
    ExtractIsoWeekDay,
    ExtractMonth,
    ExtractYear,
    Greatest,
    Least,
    Round,
)

from eenplan.aanbieders.models import ContractProduct
from eenplan.berichten.budget import MINUTEN
from eenplan.berichten.models import Prestatie, Toewijzing

GELD = DecimalField(max_digits=20, decimal_places=6)


class DagenTussen(Func):
    """Whole days from the second date to the first (`eind - begin`), on SQLite and
    PostgreSQL alike (PostgreSQL subtracts dates to an integer)."""

    output_field = IntegerField()
    arity = 2
    template = "(%(expressions)s)"
    arg_joiner = " - "

    def as_sqlite(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        return self.as_sql(
            compiler,
            connection,
            template="CAST(julianday(%(expressions)s) AS INTEGER)",
            arg_joiner=") - julianday(",
            **extra,
        )


class Getal(Func):
    """A number that divides without truncating: NUMERIC on PostgreSQL, REAL on SQLite (where
    a cast to NUMERIC keeps an integer an integer, and integer division truncates)."""

    output_field = GELD
    template = "CAST(%(expressions)s AS NUMERIC)"

    def as_sqlite(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        return self.as_sql(compiler, connection, template="CAST(%(expressions)s AS REAL)", **extra)


def _int(expr: Any) -> Cast:
    return Cast(expr, output_field=IntegerField())


def _dec(expr: Any) -> Getal:
    return Getal(expr)


def _volume_in_periode(van: dt.date, tot: dt.date) -> Case:
    """The volume (or, without a volume, the budget) the toewijzing allows within [van, tot],
    as `budget.jaarvolume` counts it for a year. Needs the annotations `_b` and `_e`."""
    dagen = DagenTussen(F("_e"), F("_b"))  # the window's length minus one
    maanden = (ExtractYear("_e") * 12 + ExtractMonth("_e")) - (
        ExtractYear("_b") * 12 + ExtractMonth("_b")
    )
    dow_b, dow_e = _int(ExtractIsoWeekDay("_b")), _int(ExtractIsoWeekDay("_e"))
    # Distinct ISO weeks touched: the Mondays of the first and last day, 7 days apart each.
    weken = (dagen - dow_e + dow_b) / Value(7) + Value(1)
    # Sundays within the window: see the module (IV077, outputgericht).
    zondagen = (dagen + dow_b) / Value(7)
    hoeveelheid = Coalesce("volume", "budget")
    geheel = Case(
        # Open-ended: all of it in the period of its start.
        When(
            einddatum__isnull=True,
            then=Case(
                When(ingangsdatum__gte=van, then=_dec(hoeveelheid)),
                default=_dec(Value(0)),
                output_field=GELD,
            ),
        ),
        default=_dec(hoeveelheid)
        * _dec(dagen + Value(1))
        / _dec(DagenTussen(F("einddatum"), F("ingangsdatum")) + Value(1)),
        output_field=GELD,
    )
    return Case(
        When(volume__isnull=True, then=geheel),
        When(frequentie="1", then=_dec((dagen + Value(1)) * F("volume"))),
        When(frequentie="4", then=_dec((maanden + Value(1)) * F("volume"))),
        When(frequentie="6", then=geheel),
        When(uitvoeringsvariant="outputgericht", then=_dec(zondagen * F("volume"))),
        default=_dec(weken * F("volume")),
        output_field=GELD,
    )


def _minuten(veld: str) -> Case:
    return Case(
        *(When(**{veld: code}, then=Value(n)) for code, n in MINUTEN.items()),
        default=None,
        output_field=IntegerField(),
    )


def _omrekening() -> tuple[Case, Case]:
    """From the toewijzing's unit to the tariff's unit (WJ756) as a fraction (numerator,
    denominator); NULL when the units differ and are not both time units."""
    zelfde = Q(eenheid=F("_tarief_eenheid"))
    teller = Case(When(zelfde, then=Value(1)), default=_minuten("eenheid"))
    noemer = Case(When(zelfde, then=Value(1)), default=_minuten("_tarief_eenheid"))
    return teller, noemer


def _contracttarief() -> QuerySet[ContractProduct]:
    """The contract products that may price the outer toewijzing on its day `_op`, best first."""
    op = OuterRef("_op")
    return (
        ContractProduct.objects.filter(
            contract__gemeente_id=OuterRef("gemeente_id"),
            contract__aanbieder_id=OuterRef("aanbieder_id"),
            productcategorie=OuterRef("productcategorie"),
            contract__begin__lte=op,
            geldig_vanaf__lte=op,
        )
        .filter(Q(productcode=OuterRef("productcode")) | Q(productcode=""))
        .filter(Q(contract__einde__isnull=True) | Q(contract__einde__gte=op))
        .filter(Q(geldig_tot__isnull=True) | Q(geldig_tot__gte=op))
        .annotate(
            _algemeen=Case(When(productcode="", then=Value(1)), default=Value(0)),
            _raam=Case(When(contract__hoofdcontract__isnull=True, then=Value(1)), default=0),
        )
        .order_by("_algemeen", "_raam", "-geldig_vanaf", "pk")
    )


def wet_van_bericht(pad: str) -> Case:
    """The law as the rest of eenplan names it ('wmo', 'jeugd') from a message's 'wmo'/'jw'."""
    return Case(When(**{pad: "jw"}, then=Value("jeugd")), default=F(pad), output_field=CharField())


def toewijzingen_met_bedrag(
    *, gemeente_id: int, van: dt.date, tot: dt.date
) -> QuerySet[Toewijzing]:
    """The current toewijzingen of the municipality that run within [van, tot], each annotated
    with `toegewezen_centen` (what it assigns within the period, NULL when it cannot be priced)
    and `wet_code` ('wmo' or 'jeugd'). One query when evaluated or aggregated."""
    rijen = (
        Toewijzing.objects.filter(gemeente_id=gemeente_id, ingangsdatum__lte=tot)
        .filter(Q(einddatum__isnull=True) | Q(einddatum__gte=van))
        .exclude(einddatum=F("ingangsdatum"), reden_wijziging__in=["01", "13"])
        .annotate(
            _b=Greatest(F("ingangsdatum"), Value(van), output_field=DateField()),
            _e=Least(Coalesce(F("einddatum"), Value(tot)), Value(tot), output_field=DateField()),
        )
        .annotate(
            _op=F("_b"),
            _tarief=Subquery(_contracttarief().values("tarief")[:1], output_field=GELD),
            _tarief_eenheid=Subquery(
                _contracttarief().values("eenheid")[:1], output_field=CharField()
            ),
        )
    )
    teller, noemer = _omrekening()
    met_volume = Round(
        _volume_in_periode(van, tot)
        * _dec(teller)
        * _dec(F("_tarief"))
        * Value(100)
        / _dec(noemer),
        output_field=GELD,
    )
    met_budget = Round(_volume_in_periode(van, tot), output_field=GELD)
    return rijen.annotate(
        toegewezen_centen=Case(
            When(volume__isnull=True, budget__isnull=False, then=met_budget),
            When(volume__isnull=False, then=met_volume),
            default=None,
            output_field=GELD,
        ),
        wet_code=wet_van_bericht("wet"),
    )


def prestaties_met_bedrag(
    *, gemeente_id: int, van: dt.date, tot: dt.date, alleen_goedgekeurd: bool = False
) -> QuerySet[Prestatie]:
    """The claim lines (323) of the municipality whose period begins within [van, tot], each
    annotated with `bedrag_centen` (debet positive, credit negative) and `wet_code`; with
    `alleen_goedgekeurd` only the lines the 325 approved."""
    rijen = Prestatie.objects.filter(bericht__gemeente_id=gemeente_id, begindatum__range=(van, tot))
    if alleen_goedgekeurd:
        rijen = rijen.filter(goedgekeurd=True)
    return rijen.annotate(
        bedrag_centen=Case(
            When(debet_credit="C", then=Value(0) - F("bedrag")),
            default=F("bedrag"),
            output_field=IntegerField(),
        ),
        wet_code=wet_van_bericht("bericht__wet"),
    )
