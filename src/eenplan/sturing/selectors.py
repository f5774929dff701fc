"""The read path of steering figures, shared by the pages, the API and the exports: an
indicator's table (a total and its rows by one dimension, filtered by others) with small cells
suppressed, its trend from the snapshots, and the labels of dimension values. Aggregates only:
no function here returns a row about a person."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db.models import FilteredRelation, Q, QuerySet, Subquery
from django.utils import timezone

from eenplan.bezwaren.constants import BezwaarUitkomst
from eenplan.common.constants import Wet
from eenplan.gemeente.models import Team, Wijk
from eenplan.meldingen.constants import Kanaal, MelderSoort
from eenplan.onderzoeken.models import Leefgebied
from eenplan.plannen.constants import Doeltype
from eenplan.sturing import registry
from eenplan.sturing.metingen import (
    HUISHOUDTYPEN,
    LEEFTIJDSGROEPEN,
    Ruw,
    Vraag,
    jaren_terug,
    ruwe_cellen,
    ruwe_kruistabel,
    ruwe_rijen,
    waarde,
)
from eenplan.sturing.models import Meetwaarde, Momentopname
from eenplan.sturing.onderdrukking import Cel, onderdruk, primair
from eenplan.sturing.registry import DIMENSIES, Indicator
from eenplan.voorzieningen.constants import Leveringsvorm, VoorzieningSoort
from eenplan.voorzieningen.selectors import codelijst_omschrijvingen


def indicatoren() -> list[Indicator]:
    return registry.alle()


def indicatoren_by_id() -> dict[str, Indicator]:
    return {i.id: i for i in registry.alle()}


def indicator_get(indicator_id: str) -> Indicator:
    indicator = registry.get(indicator_id)
    if indicator is None:
        raise ValidationError({"indicator": f"Onbekende indicator '{indicator_id}'."})
    return indicator


def standaard_periode(vandaag: dt.date | None = None) -> tuple[dt.date, dt.date]:
    """The last twelve months up to today."""
    vandaag = vandaag or timezone.localdate()
    return jaren_terug(vandaag, 1) + dt.timedelta(days=1), vandaag


def dimensie_labels(dim: str, gemeente_id: int) -> dict[str, str]:
    """The Dutch label of each value of a dimension (one query for wijk and productcategorie)."""
    if dim == "wijk":
        return dict(Wijk.objects.filter(gemeente_id=gemeente_id).values_list("code", "naam"))
    if dim == "productcategorie":
        return {
            code: f"{code} {omschrijving}"
            for (lijst, code), omschrijving in codelijst_omschrijvingen().items()
            if lijst in ("WMO020", "JZ020")
        }
    keuzes = {
        "kanaal": Kanaal,
        "melder": MelderSoort,
        "wet": Wet,
        "soort": VoorzieningSoort,
        "leveringsvorm": Leveringsvorm,
        "doeltype": Doeltype,
        "uitkomst": BezwaarUitkomst,
    }
    if dim in keuzes:
        return {str(k): str(v) for k, v in keuzes[dim].choices}
    if dim == "huishouden":
        return dict(HUISHOUDTYPEN)
    if dim == "leeftijd":
        return {**{g: f"{g} jaar" for g in LEEFTIJDSGROEPEN}, "onbekend": "Niet bekend"}
    if dim == "team":
        namen = Team.objects.filter(gemeente_id=gemeente_id).values_list("naam", flat=True)
        return {n: n for n in namen}
    if dim == "leefgebied":
        return {n: n for n in Leefgebied.objects.values_list("naam", flat=True).distinct()}
    dimensie = DIMENSIES.get(dim)
    return dict(dimensie.labels) if dimensie is not None else {}


@dataclass(frozen=True)
class Tabel:
    indicator: Indicator
    van: dt.date
    tot: dt.date
    per: str | None
    filters: dict[str, str]
    totaal: Cel
    rijen: list[Cel]

    @property
    def onderdrukt(self) -> int:
        return sum(1 for r in [self.totaal, *self.rijen] if r.onderdrukt)


def _cel(indicator: Indicator, ruw: Ruw, label: str) -> Cel:
    return Cel(
        sleutel=ruw.sleutel,
        label=label,
        eenheden=ruw.eenheden,
        teller=int(ruw.teller)
        if ruw.teller is not None
        and indicator.eenheid
        in (registry.Eenheid.PROCENT, registry.Eenheid.PER_10000, registry.Eenheid.AANTAL)
        else None,
        waarde=waarde(indicator, ruw),
        noemer=ruw.noemer,
    )


def controleer(
    indicator: Indicator, *, per: str | None, filters: dict[str, str], van: dt.date, tot: dt.date
) -> None:
    """Dutch errors for a request the indicator cannot answer; changes nothing."""
    fouten: dict[str, str] = {}
    if per is not None and per not in indicator.dimensies:
        fouten["per"] = (
            f"'{per}' is geen splitsing van deze indicator; kies uit: "
            + ", ".join(indicator.dimensies)
            + "."
        )
    toegestaan = {d.id for d in indicator.filters}
    for dim in filters:
        if dim not in toegestaan:
            fouten[dim] = "Op deze dimensie kan deze indicator niet worden gefilterd."
    if van > tot:
        fouten["van"] = "De begindatum ligt na de einddatum."
    if (tot - van).days > 366 * 10:
        fouten["van"] = "Kies een periode van ten hoogste tien jaar."
    if fouten:
        raise ValidationError(fouten)


def indicator_tabel(
    indicator: Indicator,
    *,
    gemeente_id: int,
    van: dt.date,
    tot: dt.date,
    per: str | None = None,
    filters: dict[str, str] | None = None,
) -> Tabel:
    """The indicator over [van, tot] with the filters, by `per`, small cells suppressed (with
    the complementary and the differencing rule: one extra pair of queries per filter)."""
    filters = dict(filters or {})
    controleer(indicator, per=per, filters=filters, van=van, tot=tot)
    vraag = Vraag(gemeente_id=gemeente_id, van=van, tot=tot)
    labels = dimensie_labels(per, gemeente_id) if per else {}
    totaal_ruw, rijen_ruw = ruwe_cellen(indicator, vraag, per=per, filters=filters)
    ouders: list[tuple[str, dict[str, str], Cel, list[Cel]]] = []
    for dim in filters:
        rest = {d: w for d, w in filters.items() if d != dim}
        o_totaal, o_rijen = ruwe_cellen(indicator, vraag, per=per, filters=rest)
        ouders.append(
            (
                dim,
                rest,
                _cel(indicator, o_totaal, ""),
                [_cel(indicator, r, "") for r in o_rijen],
            )
        )
    totaal, rijen = onderdruk(
        _cel(indicator, totaal_ruw, "Totaal"),
        [_cel(indicator, r, labels.get(r.sleutel, r.sleutel or "Onbekend")) for r in rijen_ruw],
        ouders_totaal=[o[2] for o in ouders],
        ouders_rijen=[{c.sleutel: c for c in o[3]} for o in ouders],
    )
    for dim, rest, o_totaal_cel, o_rijen_cellen in ouders:
        alles, verborgen = _zoals_naast_elkaar(
            indicator,
            vraag,
            dim=dim,
            waarde_van=filters[dim],
            rest=rest,
            per=per,
            ouder=(o_totaal_cel, o_rijen_cellen),
            al_verborgen={r.sleutel for r in rijen if r.onderdrukt},
        )
        if alles:
            totaal = replace(totaal, onderdrukt=True, waarde=None)
        rijen = [
            replace(r, onderdrukt=True, waarde=None) if r.sleutel in verborgen else r
            for r in rijen
        ]
    # Once more: a row hidden by the rule above must not stand alone beside a shown total.
    totaal, rijen = onderdruk(totaal, rijen)
    return Tabel(indicator, van, tot, per, filters, totaal, rijen)


def _zoals_naast_elkaar(
    indicator: Indicator,
    vraag: Vraag,
    *,
    dim: str,
    waarde_van: str,
    rest: dict[str, str],
    per: str | None,
    ouder: tuple[Cel, list[Cel]],
    al_verborgen: set[str],
) -> tuple[bool, set[str]]:
    """Rule 4 (docs/sturing.md): a table filtered on `dim` = `waarde_van` hides what the
    tables of the other values of `dim` would give away. The filter's value is one row of the
    table by `dim` (with the other filters): hidden there, the whole filtered table is hidden.
    With `per`, the filtered rows are one line of the cross table `dim` x `per`, whose
    columns add up to the table by `per` without this filter: a cell that is the only hidden
    one of its row or column takes the smallest other with it, until none stands alone, so
    "Zuid by phone" is not the total by phone minus Noord's and Oost's. Returns (hide all,
    the keys of `per` to hide). Two queries with `per`, one without."""
    o_totaal, o_rijen = ouder
    marge_ruw = ruwe_rijen(indicator, vraag, per=dim, filters=rest)
    _t, marge = onderdruk(o_totaal, [_cel(indicator, r, "") for r in marge_ruw])
    marge_bij = {c.sleutel: c for c in marge}
    eigen = marge_bij.get(waarde_van)
    if eigen is not None and eigen.onderdrukt:
        return True, set()
    if not per or per == dim:
        return False, set()
    kruis = ruwe_kruistabel(indicator, vraag, rij=dim, kolom=per, filters=rest)
    _t, kolommen = onderdruk(o_totaal, o_rijen)
    verborgen = {
        k for k, r in kruis.items() if primair(_cel(indicator, r, "")).onderdrukt
    } | {(waarde_van, p) for p in al_verborgen if (waarde_van, p) in kruis}
    lijnen = [
        [k for k in kruis if k[0] == c.sleutel] for c in marge if not c.onderdrukt
    ] + [[k for k in kruis if k[1] == c.sleutel] for c in kolommen if not c.onderdrukt]
    veranderd = True
    while veranderd:
        veranderd = False
        for lijn in lijnen:
            if sum(1 for k in lijn if k in verborgen) != 1:
                continue
            kandidaten = [k for k in lijn if k not in verborgen and kruis[k].eenheden > 0]
            if kandidaten:
                verborgen.add(min(kandidaten, key=lambda k: (kruis[k].eenheden, k)))
                veranderd = True
    return False, {p for v, p in verborgen if v == waarde_van}


# --- snapshots ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Punt:
    """One month of a trend."""

    tot: dt.date
    cel: Cel


def _opgeslagen_cel(r: Meetwaarde, sleutel: str, label: str) -> Cel:
    return Cel(
        sleutel=sleutel,
        label=label,
        eenheden=r.aantal,
        teller=int(r.teller) if r.teller is not None else None,
        waarde=r.waarde,
        noemer=r.noemer,
    )


def trend(
    indicator: Indicator,
    *,
    gemeente_id: int,
    dimensie: str = "",
    waarde_van: str = "",
    maanden: int = 36,
) -> list[Punt]:
    """The stored monthly values of an indicator (its total, or one value of one dimension),
    oldest first, small cells suppressed. For one value of a dimension the whole stored table
    of that month (total and every value) is suppressed together, with the complementary rule:
    otherwise the total minus the other values' trends would give a hidden value away. One
    query."""
    laatste = Momentopname.objects.filter(gemeente_id=gemeente_id).order_by("-tot")
    rijen = Meetwaarde.objects.filter(
        momentopname__gemeente_id=gemeente_id,
        momentopname__in=Subquery(laatste.values("pk")[:maanden]),
        indicator=indicator.id,
    )
    if dimensie:
        rijen = rijen.filter(Q(dimensie="", waarde_van="") | Q(dimensie=dimensie))
    else:
        rijen = rijen.filter(dimensie="", waarde_van="")
    per_maand: dict[dt.date, tuple[list[Meetwaarde], list[Meetwaarde]]] = {}
    for r in rijen.select_related("momentopname").order_by("momentopname__tot", "waarde_van"):
        totalen, waarden = per_maand.setdefault(r.momentopname.tot, ([], []))
        (waarden if r.dimensie else totalen).append(r)
    punten = []
    for tot, (totalen, waarden) in per_maand.items():
        sleutel, label = f"{tot:%Y-%m}", f"{tot:%m-%Y}"
        if not dimensie:
            if totalen:
                punten.append(Punt(tot, primair(_opgeslagen_cel(totalen[0], sleutel, label))))
            continue
        gezocht = next((r for r in waarden if r.waarde_van == waarde_van), None)
        if gezocht is None:
            continue
        totaal = (
            _opgeslagen_cel(totalen[0], "", "Totaal")
            if totalen
            else Cel(sleutel="", label="Totaal", eenheden=0, teller=None, waarde=None)
        )
        _t, cellen = onderdruk(totaal, [_opgeslagen_cel(r, r.waarde_van, "") for r in waarden])
        cel = next(c for c in cellen if c.sleutel == waarde_van)
        punten.append(Punt(tot, replace(cel, sleutel=sleutel, label=label)))
    return punten


# The columns of a snapshot the overview shows, and of each of its totals.
_OPNAME_VELDEN = ("id", "van", "tot", "berekend_op", "herberekend")
_TOTAAL_VELDEN = ("indicator", "aantal", "teller", "waarde", "noemer")


def laatste_opname(*, gemeente_id: int) -> tuple[Momentopname | None, dict[str, Cel]]:
    """The latest snapshot of the municipality and every indicator's total in it, suppressed:
    one query (the snapshot's row LEFT JOINed to its totals, so a snapshot without values is
    found too). (None, {}) before the first snapshot."""
    laatste = momentopnamen(gemeente_id).values("pk")[:1]
    rijen = list(
        Momentopname.objects.filter(gemeente_id=gemeente_id, pk=Subquery(laatste))
        .annotate(totaal=FilteredRelation("waarden", condition=Q(waarden__dimensie="")))
        .values_list(*_OPNAME_VELDEN, *(f"totaal__{v}" for v in _TOTAAL_VELDEN))
        .order_by()
    )
    if not rijen:
        return None, {}
    n = len(_OPNAME_VELDEN)
    opname = Momentopname(
        gemeente_id=gemeente_id, **dict(zip(_OPNAME_VELDEN, rijen[0][:n], strict=True))
    )
    waarden = (Meetwaarde(**dict(zip(_TOTAAL_VELDEN, rij[n:], strict=True))) for rij in rijen)
    return opname, {
        r.indicator: primair(_opgeslagen_cel(r, "", "Totaal"))
        for r in waarden
        if r.indicator is not None
    }


def momentopnamen(gemeente_id: int) -> QuerySet[Momentopname]:
    return Momentopname.objects.filter(gemeente_id=gemeente_id).order_by("-tot")


def als_getal(cel: Cel) -> Decimal | None:
    """The value to publish: None when suppressed."""
    return None if cel.onderdrukt else cel.waarde
