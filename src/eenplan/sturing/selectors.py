"""The read path of steering figures, shared by the pages, the API and the exports: an
indicator's table (a total and its rows by one dimension, filtered by others) with small cells
suppressed, its trend from the snapshots, and the labels of dimension values. Aggregates only:
no function here returns a row about a person."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
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
    ouders_totaal: list[Cel | None] = []
    ouders_rijen: list[dict[str, Cel]] = []
    for dim in filters:
        rest = {d: w for d, w in filters.items() if d != dim}
        o_totaal, o_rijen = ruwe_cellen(indicator, vraag, per=per, filters=rest)
        ouders_totaal.append(_cel(indicator, o_totaal, ""))
        ouders_rijen.append({r.sleutel: _cel(indicator, r, "") for r in o_rijen})
    totaal, rijen = onderdruk(
        _cel(indicator, totaal_ruw, "Totaal"),
        [_cel(indicator, r, labels.get(r.sleutel, r.sleutel or "Onbekend")) for r in rijen_ruw],
        ouders_totaal=ouders_totaal,
        ouders_rijen=ouders_rijen,
    )
    return Tabel(indicator, van, tot, per, filters, totaal, rijen)


# --- snapshots ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Punt:
    """One month of a trend."""

    tot: dt.date
    cel: Cel


def trend(
    indicator: Indicator,
    *,
    gemeente_id: int,
    dimensie: str = "",
    waarde_van: str = "",
    maanden: int = 36,
) -> list[Punt]:
    """The stored monthly values of an indicator (its total, or one value of one dimension),
    oldest first, small cells suppressed. One query."""
    rijen = (
        Meetwaarde.objects.filter(
            momentopname__gemeente_id=gemeente_id,
            indicator=indicator.id,
            dimensie=dimensie,
            waarde_van=waarde_van,
        )
        .select_related("momentopname")
        .order_by("-momentopname__tot")[:maanden]
    )
    punten = [
        Punt(
            tot=r.momentopname.tot,
            cel=primair(
                Cel(
                    sleutel=f"{r.momentopname.tot:%Y-%m}",
                    label=f"{r.momentopname.tot:%m-%Y}",
                    eenheden=r.aantal,
                    teller=int(r.teller) if r.teller is not None else None,
                    waarde=r.waarde,
                )
            ),
        )
        for r in rijen
    ]
    return list(reversed(punten))


def laatste_waarden(*, gemeente_id: int) -> dict[str, Cel]:
    """Every indicator's total in the latest snapshot, suppressed (two queries)."""
    opname = momentopnamen(gemeente_id).first()
    if opname is None:
        return {}
    return {
        r.indicator: primair(
            Cel(
                sleutel="",
                label="Totaal",
                eenheden=r.aantal,
                teller=int(r.teller) if r.teller is not None else None,
                waarde=r.waarde,
            )
        )
        for r in Meetwaarde.objects.filter(momentopname=opname, dimensie="")
    }


def momentopnamen(gemeente_id: int) -> QuerySet[Momentopname]:
    return Momentopname.objects.filter(gemeente_id=gemeente_id).order_by("-tot")


def als_getal(cel: Cel) -> Decimal | None:
    """The value to publish: None when suppressed."""
    return None if cel.onderdrukt else cel.waarde
