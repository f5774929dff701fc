"""Test helpers for recomputing stored deadlines after a holiday is added or removed (ADR 0049):
add or remove a day declared equal to a holiday and run the recomputation as the task does."""

from __future__ import annotations

import datetime as dt
from typing import Any

from eenplan.gemeente.models import GelijkgesteldeFeestdag
from eenplan.gemeente.services import feestdag_termijnen_herberekenen
from eenplan.rules.termijnen import is_werkdag

BESLUIT = "vrijdag na Hemelvaartsdag (besluit in de test)"


def volgende_werkdag(dag: dt.date) -> dt.date:
    """The next working day after `dag` with the holidays as stored now."""
    from eenplan.gemeente.selectors import gelijkgestelde_dagen

    extra = gelijkgestelde_dagen()
    dag += dt.timedelta(days=1)
    while not is_werkdag(dag, extra=extra):
        dag += dt.timedelta(days=1)
    return dag


def herbereken(datum: dt.date | None, *, toegevoegd: bool = True, **kw: Any) -> dict[str, Any]:
    return feestdag_termijnen_herberekenen(
        datum=datum, toegevoegd=toegevoegd, omschrijving=BESLUIT, **kw
    )


def feestdag_erbij(datum: dt.date, **kw: Any) -> dict[str, Any]:
    """`datum` becomes a day declared equal to a holiday; the deadlines are recomputed."""
    GelijkgesteldeFeestdag.objects.create(
        datum=datum, omschrijving=BESLUIT, bron="Stcrt. 2026, 12345 (test)"
    )
    return herbereken(datum, **kw)


def feestdag_eraf(datum: dt.date, **kw: Any) -> dict[str, Any]:
    """`datum` is no longer such a day; the deadlines are recomputed."""
    GelijkgesteldeFeestdag.objects.filter(datum=datum).delete()
    return herbereken(datum, toegevoegd=False, **kw)


def verschoven(resultaat: dict[str, Any], soort: str) -> int:
    return int(resultaat["soorten"][soort]["verschoven"])
