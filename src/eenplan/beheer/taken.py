"""The kind of task of functioneel beheer (eenplan.taken, ADR 0048): recomputing the stored
deadlines after a day declared equal to a holiday is added or removed (ADR 0049), batch by
batch, with the progress visible to the beheerder who made the change."""

from __future__ import annotations

import datetime as dt
from typing import Any

from eenplan.beheer.feestdagen import TERMIJNEN_HERBEREKENEN
from eenplan.gemeente.services import feestdag_termijnen_herberekenen
from eenplan.privacy.access import Action, Resource
from eenplan.taken.registry import TaakContext, taaksoort


@taaksoort(
    TERMIJNEN_HERBEREKENEN,
    label="Termijnen herberekenen na een nieuwe feestdag",
    recht=(Resource.INSTELLINGEN, Action.WIJZIGEN),
    terug="beheer:instellingen",
)
def termijnen_herberekenen(
    ctx: TaakContext,
    *,
    datum: str | None = None,
    toegevoegd: bool = True,
    omschrijving: str = "",
) -> dict[str, Any]:
    return feestdag_termijnen_herberekenen(
        datum=dt.date.fromisoformat(datum) if datum else None,
        toegevoegd=toegevoegd,
        omschrijving=omschrijving,
        door=ctx.door,
        voortgang=ctx.voortgang,
    )
