"""The kinds of task of the steering figures (eenplan.taken, ADR 0048): taking or recomputing
the monthly snapshots, one month per step (each its own transaction: a failure keeps the
months already taken)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from eenplan.privacy.access import Action, Resource
from eenplan.sturing.services import MOMENTOPNAMEN, maanden, momentopname_take
from eenplan.taken.registry import TaakContext, taaksoort


@taaksoort(
    MOMENTOPNAMEN,
    label="Momentopnamen van de stuurinformatie maken",
    recht=(Resource.STURING, Action.AANMAKEN),
    terug="sturing:overzicht",
)
def momentopnamen(ctx: TaakContext, *, van: str, tot: str, opnieuw: bool = False) -> dict[str, Any]:
    reeks = maanden(dt.date.fromisoformat(van), dt.date.fromisoformat(tot))
    nieuw = herberekend = bewaard = 0
    for i, maand in enumerate(reeks):
        ctx.voortgang(i, len(reeks), f"Maand {maand:%m-%Y}")
        opname = momentopname_take(gemeente_id=ctx.gemeente.pk, maand=maand, opnieuw=opnieuw)
        if opname.herberekend and opnieuw:
            herberekend += 1
        elif opnieuw or opname.berekend_op >= ctx.taak.begonnen:
            nieuw += 1
        else:
            bewaard += 1
    ctx.voortgang(len(reeks), len(reeks), "Klaar")
    return {
        "samenvatting": f"{len(reeks)} maand{'en' if len(reeks) != 1 else ''} "
        f"({reeks[0]:%m-%Y} t/m {reeks[-1]:%m-%Y}): {nieuw} nieuw, {herberekend} herberekend, "
        f"{bewaard} al gemaakt en bewaard.",
        "maanden": len(reeks),
        "nieuw": nieuw,
        "herberekend": herberekend,
        "bewaard": bewaard,
    }
