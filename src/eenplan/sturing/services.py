"""The one write of this app: a monthly snapshot of every indicator (issue 12). Computed from the
other apps' tables through the selectors; it writes only `sturing` tables."""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from eenplan.gemeente.models import Gemeente
from eenplan.sturing import registry
from eenplan.sturing.metingen import Vraag, ruwe_cellen, ruwe_rijen, waarde
from eenplan.sturing.models import Meetwaarde, Momentopname
from eenplan.taken.models import Taak
from eenplan.taken.services import taak_start

# Dimensions not stored in snapshots: periods (the snapshot is the period) and the household
# type (two correlated subqueries per row; computed live only).
NIET_OPGESLAGEN = {"maand", "kwartaal", "jaar", "huishouden"}


def maand_grenzen(dag: dt.date) -> tuple[dt.date, dt.date]:
    laatste = calendar.monthrange(dag.year, dag.month)[1]
    return dag.replace(day=1), dag.replace(day=laatste)


@transaction.atomic
def momentopname_take(*, gemeente_id: int, maand: dt.date, opnieuw: bool = False) -> Momentopname:
    """The snapshot of the month of `maand`: every indicator's total and its rows by each stored
    dimension. An existing snapshot is kept unless `opnieuw`; then its values are replaced
    (the trend then shows the corrected figures, and `herberekend` counts how often)."""
    van, tot = maand_grenzen(maand)
    bestaand = (
        Momentopname.objects.select_for_update().filter(gemeente_id=gemeente_id, tot=tot).first()
    )
    if bestaand is not None and not opnieuw:
        return bestaand
    if bestaand is None:
        opname = Momentopname.objects.create(
            gemeente_id=gemeente_id, van=van, tot=tot, berekend_op=timezone.now()
        )
    else:
        opname = bestaand
        opname.waarden.all().delete()
        opname.berekend_op = timezone.now()
        opname.herberekend += 1
        opname.save(update_fields=["berekend_op", "herberekend", "updated_at"])
    vraag = Vraag(gemeente_id=gemeente_id, van=van, tot=tot)
    rijen: list[Meetwaarde] = []
    for indicator in registry.alle():
        dims = [d for d in indicator.dimensies if d not in NIET_OPGESLAGEN]
        totaal, _ = ruwe_cellen(indicator, vraag, per=None, filters={})
        cellen = [("", totaal)]
        for dim in dims:
            # The rows only: the total is the one above (one query per dimension, not two).
            cellen.extend((dim, r) for r in ruwe_rijen(indicator, vraag, per=dim, filters={}))
        for dim, ruw in cellen:
            rijen.append(
                Meetwaarde(
                    momentopname=opname,
                    indicator=indicator.id,
                    dimensie=dim,
                    waarde_van=ruw.sleutel[:200],
                    aantal=ruw.eenheden,
                    teller=ruw.teller,
                    waarde=waarde(indicator, ruw),
                    noemer=ruw.noemer,
                )
            )
    Meetwaarde.objects.bulk_create(rijen, batch_size=500)
    return opname


def momentopnamen_take(
    *, gemeente_id: int, van: dt.date, tot: dt.date, opnieuw: bool = False
) -> list[Momentopname]:
    """A snapshot of every month from `van` to `tot` (inclusive)."""
    return [
        momentopname_take(gemeente_id=gemeente_id, maand=dag, opnieuw=opnieuw)
        for dag in maanden(van, tot)
    ]


MOMENTOPNAMEN = "momentopnamen"  # the kind of task (sturing/taken.py)
MAX_MAANDEN = 120


def maanden(van: dt.date, tot: dt.date) -> list[dt.date]:
    """The first day of every month from `van` to `tot` (inclusive)."""
    uit = []
    dag = van.replace(day=1)
    while dag <= tot:
        uit.append(dag)
        dag = (dag + dt.timedelta(days=32)).replace(day=1)
    return uit


def momentopnamen_starten(
    *,
    door: Any | None,
    gemeente: Gemeente,
    van: dt.date,
    tot: dt.date,
    opnieuw: bool = False,
    herkomst: str = "",
    nu: bool = False,
) -> Taak:
    """Take the snapshots of `van` … `tot` as a task (eenplan.taken): the page's button, the
    API's action and the command `eenplan sturing_momentopnamen` all start it here. Months
    that have not ended yet are refused (a snapshot is of a whole month)."""
    van, tot = van.replace(day=1), maand_grenzen(tot)[1]
    laatste = timezone.localdate().replace(day=1) - dt.timedelta(days=1)
    if van > tot:
        raise ValidationError({"van": "De eerste maand ligt na de laatste."})
    if tot > laatste:
        raise ValidationError(
            {"tot": f"Een momentopname is van een hele maand: kies {laatste:%m-%Y} of eerder."}
        )
    if len(maanden(van, tot)) > MAX_MAANDEN:
        raise ValidationError({"van": f"Kies ten hoogste {MAX_MAANDEN} maanden tegelijk."})
    return taak_start(
        soort=MOMENTOPNAMEN,
        door=door,
        gemeente=gemeente,
        params={"van": van.isoformat(), "tot": tot.isoformat(), "opnieuw": bool(opnieuw)},
        herkomst=herkomst,
        nu=nu,
    )
