"""What the household's eigen bijdrage is computed from (Wmo 2015 art. 2.1.4; Uitvoeringsbesluit
Wmo): per reference date the household's members, their active Wmo provisions and the
municipality's settings in force, and the entered abonnementstarieven — read as JSON parts
(`common.aggregaten.rijen_json`), either next to the resident's row (`bijdrage_gelezen`) or
next to a decision's row (`beschikkingen.selectors.beschikking_get(met_eigen_bijdrage=True)`:
the decision page in one query, issue 16). The rule itself is `rules.eigen_bijdrage`; the
service `eigen_bijdragen_voor` applies it to what this module reads.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import F, Q, QuerySet, Subquery

from eenplan.beschikkingen.constants import Uitkomst
from eenplan.beschikkingen.models import BeschikteVoorziening
from eenplan.common.aggregaten import Rijen, delen_query, delen_uit, rijen_json, rijen_uit_json
from eenplan.common.constants import Wet
from eenplan.common.gecompileerd import Gecompileerd
from eenplan.gemeente.models import Instelling
from eenplan.gemeente.selectors import instelling_rijen
from eenplan.inwoners.models import HuishoudenLid, Inwoner
from eenplan.inwoners.selectors import huidig_huishouden
from eenplan.rules.eigen_bijdrage import Abonnementstarief
from eenplan.voorzieningen.models import AbonnementstariefGegeven
from eenplan.voorzieningen.selectors import abonnementstarieven

_LEDEN = Rijen(HuishoudenLid, samen=("inwoner",), volgorde=("lid_van", "id"))
# A provision with its voorziening, and the resident and date of its decision; in the order of
# `BeschikteVoorziening.Meta.ordering` (by decision, newest first as `Beschikking.Meta`).
_REGELS = Rijen(
    BeschikteVoorziening,
    samen=("voorziening",),
    extra={
        "client_id": F("beschikking__inwoner_id"),
        "besloten_op": F("beschikking__besloten_op"),
    },
    volgorde=("-besloten_op", "-beschikking_id", "id"),
)
_INSTELLINGEN = Rijen(Instelling)
_TARIEVEN = Rijen(AbonnementstariefGegeven)


@dataclass(frozen=True)
class OpDatum:
    """What the contribution on one date is computed from."""

    leden: list[HuishoudenLid]  # the household's memberships on the date, with the resident
    regels: list[Any]  # active Wmo provisions, with `client_id` and `besloten_op` (_REGELS)
    instellingen: list[Instelling]  # the stored settings `instellingen_uit` chooses from


@dataclass(frozen=True)
class BijdrageGegevens:
    """Per date (in the order asked) what its contribution is computed from, and the
    abonnementstarieven (built-in and entered)."""

    data: list[OpDatum]
    tarieven: tuple[Abonnementstarief, ...]


@dataclass(frozen=True)
class GelezenBijdrage:
    """What a decision's eigen bijdrage is computed from, as read with the decision
    (`beschikking_get(met_eigen_bijdrage=True)`): the parts on `peildatum` (its reference date,
    or the first later start of its own provisions when none of them runs on that date), and
    whether any Wmo provision of the household runs on the reference date (`regels_op`)."""

    peildatum: dt.date
    regels_op: bool
    gegevens: BijdrageGegevens


def bijdrage_delen(inwoner_id: Any, gemeente_id: Any, dagen: list[Any]) -> dict[str, Subquery]:
    """The JSON parts of the contribution of resident `inwoner_id` on each of `dagen`: per
    date the household's members, their Wmo provisions and the municipality's settings, and
    the tarieven once. `inwoner_id` and the dates: values, or expressions that need no outer
    row (a scalar subquery on a decision's key: `beschikking_get`). A date that is NULL gives
    no rows."""
    delen: dict[str, Subquery] = {
        "tarieven": rijen_json(AbonnementstariefGegeven.objects.all(), _TARIEVEN)
    }
    for i, op in enumerate(dagen):
        leden_op = _leden_op(inwoner_id, gemeente_id, op)
        regels = wmo_regels_op(inwoner_id, gemeente_id, op)
        delen[f"leden{i}"] = rijen_json(leden_op, _LEDEN)
        delen[f"regels{i}"] = rijen_json(regels, _REGELS)
        delen[f"instellingen{i}"] = rijen_json(instelling_rijen(gemeente_id, op), _INSTELLINGEN)
    return delen


def _leden_op(inwoner_id: Any, gemeente_id: Any, op: Any) -> QuerySet[HuishoudenLid]:
    """The memberships on `op` of the household resident `inwoner_id` belongs to then."""
    return HuishoudenLid.objects.filter(
        Q(lid_tot__isnull=True) | Q(lid_tot__gt=op),
        huishouden_id=Subquery(huidig_huishouden(inwoner_id, op)),
        lid_van__lte=op,
        inwoner__gemeente_id=gemeente_id,
    )


def wmo_regels_op(inwoner_id: Any, gemeente_id: Any, op: Any) -> QuerySet[BeschikteVoorziening]:
    """The granted Wmo provisions running on `op` of resident `inwoner_id` and the members of
    their household then: what the contribution on `op` is computed from (none: no
    contribution on `op`). Values, or expressions that need no outer row."""
    # The resident and the members on `op` as one set (a UNION), not `= resident OR IN
    # (members)`: PostgreSQL answers that OR with a scan of every beschikking (1M residents:
    # 21 ms, against an index lookup per member).
    personen_op = (
        _leden_op(inwoner_id, gemeente_id, op)
        .order_by()
        .values("inwoner_id")
        .union(Inwoner.objects.filter(pk=inwoner_id).order_by().values("pk"))
    )
    # The decisions, their aanvragen and catalogue entries of the resident's municipality
    # (issue 16): conditions on the rows the query joins anyway.
    return BeschikteVoorziening.objects.filter(
        beschikking__inwoner_id__in=personen_op,
        beschikking__gemeente_id=gemeente_id,
        beschikking__aanvraag__gemeente_id=gemeente_id,
        voorziening__gemeente_id=gemeente_id,
        beschikking__aanvraag__wet=Wet.WMO,
        uitkomst__in=[Uitkomst.TOEGEKEND, Uitkomst.DEELS],
        begin__lte=op,
    ).exclude(einde__lt=op)


def bijdrage_uit(delen: dict[str, Any], aantal: int, *, db: str) -> BijdrageGegevens:
    """The parts of `bijdrage_delen` (by their names, for `aantal` dates) as instances."""
    return BijdrageGegevens(
        data=[
            OpDatum(
                leden=rijen_uit_json(delen.get(f"leden{i}"), _LEDEN, db=db),
                regels=rijen_uit_json(delen.get(f"regels{i}"), _REGELS, db=db),
                instellingen=rijen_uit_json(delen.get(f"instellingen{i}"), _INSTELLINGEN, db=db),
            )
            for i in range(aantal)
        ],
        tarieven=abonnementstarieven(rijen_uit_json(delen.get("tarieven"), _TARIEVEN, db=db)),
    )


def bijdrage_gelezen(inwoner: Inwoner, dagen: list[dt.date]) -> BijdrageGegevens:
    """`bijdrage_delen` of `inwoner` on each of `dagen` (distinct dates), in one query next to
    the resident's row, built and compiled once per process for each number of dates
    (`common.gecompileerd`, ADR 0055)."""
    waarden: dict[str, Any] = {"inwoner": inwoner.pk, "gemeente": inwoner.gemeente_id}
    waarden |= {f"op{i}": op for i, op in enumerate(dagen)}
    rij = delen_uit(_gelezen(len(dagen)).eerste(**waarden))
    return bijdrage_uit(rij, len(dagen), db=inwoner._state.db or "default")


_GELEZEN: dict[int, Gecompileerd] = {}


def _gelezen(aantal: int) -> Gecompileerd:
    """The query of `bijdrage_gelezen` for `aantal` dates, compiled once (ADR 0055)."""
    if aantal not in _GELEZEN:
        _GELEZEN[aantal] = Gecompileerd(
            lambda **w: _bij_inwoner(
                w["inwoner"], w["gemeente"], [w[f"op{i}"] for i in range(aantal)]
            ),
            inwoner=int,
            gemeente=int,
            **{f"op{i}": dt.date for i in range(aantal)},
        )
    return _GELEZEN[aantal]


def _bij_inwoner(inwoner_id: int, gemeente_id: int, dagen: list[dt.date]) -> QuerySet[Inwoner]:
    return delen_query(
        Inwoner.objects.filter(pk=inwoner_id, gemeente_id=gemeente_id),
        bijdrage_delen(inwoner_id, gemeente_id, dagen),
    )
