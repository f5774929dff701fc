"""The SVB and CAK exports as background tasks (eenplan.taken, ADR 0048; docs/exports.md).

Started from the page `/beschikkingen/exports/` or the API (`POST /api/v1/beschikkingen/export/
svb/` and `.../cak/`, answered 202 with the task); the worker makes the file with the same code
as the management commands (`exports.svb_bestand`, `exports.cak_bestand`): the access decision
for the login that asked (logged when refused), the need-to-know scope of that login in the
municipality it asked in, one access-log row per resident with the page or API path it was
asked on, then the file (`ctx.bestand`), which only that login can download."""

from __future__ import annotations

import datetime as dt
from typing import Any

from eenplan.beschikkingen import exports
from eenplan.gemeente.selectors import GEKOZEN_GEMEENTE
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource
from eenplan.privacy.constants import Kanaal
from eenplan.taken.registry import TaakContext, TaakFout, taaksoort

ZONDER_GEBRUIKER = (
    "Een export hoort bij de medewerker die haar vroeg (het inzagelog noemt die); deze taak "
    "heeft er geen."
)


def _aanvrager(ctx: TaakContext) -> Any:
    """The login that asked, working in the municipality it asked in (a regional login)."""
    if ctx.door is None:
        raise TaakFout(ZONDER_GEBRUIKER)
    setattr(ctx.door, GEKOZEN_GEMEENTE, ctx.gemeente.pk)
    return ctx.door


def _via(ctx: TaakContext, pad: str, kanaal: str) -> access.Via:
    """The page or API path the export was asked on (the access log's `pad`)."""
    if kanaal not in (Kanaal.API, Kanaal.PAGINA):
        kanaal = Kanaal.API if pad.startswith("/api/") else Kanaal.PAGINA
    return access.Via(kanaal=kanaal, pad=pad or f"(taak {ctx.taak.pk})")


@taaksoort(
    exports.EXPORT_SVB,
    label="Export voor de SVB (pgb-budgetten)",
    recht=(Resource.EXPORT, Action.EXPORTEREN),
    terug="beschikkingen:exports",
)
def export_svb(
    ctx: TaakContext, *, op: str, format: str = "csv", pad: str = "", kanaal: str = ""
) -> dict[str, Any]:
    user = _aanvrager(ctx)
    ctx.voortgang(0, 2, "Pgb-budgetten lezen")
    peildatum = dt.date.fromisoformat(op)
    bestand = exports.svb_bestand(user, op=peildatum, formaat=format, via=_via(ctx, pad, kanaal))
    ctx.voortgang(1, 2, "Bestand bewaren")
    ctx.bestand(bestand.naam, bestand.inhoud, bestand.content_type)
    ctx.voortgang(2, 2, "Klaar")
    return {
        "samenvatting": f"{bestand.aantal} pgb-budget(ten) op {peildatum:%d-%m-%Y} in "
        f"{bestand.naam}.",
        "aantal": bestand.aantal,
    }


@taaksoort(
    exports.EXPORT_CAK,
    label="Export voor het CAK (eigen bijdrage)",
    recht=(Resource.EXPORT, Action.EXPORTEREN),
    terug="beschikkingen:exports",
)
def export_cak(
    ctx: TaakContext, *, maand: str, format: str = "csv", pad: str = "", kanaal: str = ""
) -> dict[str, Any]:
    user = _aanvrager(ctx)
    ctx.voortgang(0, 2, "Eigen bijdragen berekenen")
    bestand = exports.cak_bestand(user, maand=maand, formaat=format, via=_via(ctx, pad, kanaal))
    ctx.voortgang(1, 2, "Bestand bewaren")
    ctx.bestand(bestand.naam, bestand.inhoud, bestand.content_type)
    ctx.voortgang(2, 2, "Klaar")
    return {
        "samenvatting": f"{bestand.aantal} huishouden(s) voor {maand} in {bestand.naam}.",
        "aantal": bestand.aantal,
    }
