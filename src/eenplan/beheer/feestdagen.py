"""Adding or removing a day declared equal to a holiday (Atw art. 3 lid 3, ADR 0022) and
recomputing the stored deadlines it moves (ADR 0049): the change and the task that recomputes
are written in one transaction, so the worker starts only once the day is stored, and never
for a change that was refused. The page and the API of functioneel beheer call these two."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from eenplan.gemeente import services as gemeente_services
from eenplan.gemeente.models import GelijkgesteldeFeestdag, Gemeente
from eenplan.privacy import access
from eenplan.taken.models import Taak
from eenplan.taken.services import taak_start

TERMIJNEN_HERBEREKENEN = "termijnen_herberekenen"


def _herberekenen(
    dag: GelijkgesteldeFeestdag,
    *,
    toegevoegd: bool,
    door: Any,
    gemeente: Gemeente,
    via: access.Via,
    herkomst: str,
) -> Taak:
    return taak_start(
        soort=TERMIJNEN_HERBEREKENEN,
        door=door,
        gemeente=gemeente,
        params={
            "datum": dag.datum.isoformat(),
            "toegevoegd": toegevoegd,
            "omschrijving": dag.omschrijving,
        },
        herkomst=herkomst,
        via=via,
    )


@transaction.atomic
def feestdag_toevoegen(
    *,
    door: Any,
    gemeente: Gemeente,
    via: access.Via,
    herkomst: str = "",
    **gegevens: Any,
) -> tuple[GelijkgesteldeFeestdag, Taak]:
    """Add the day (`gemeente.services.gelijkgestelde_feestdag_add`: datum, omschrijving,
    bron) and start the recomputation of the deadlines still running."""
    dag = gemeente_services.gelijkgestelde_feestdag_add(door=door, **gegevens)
    taak = _herberekenen(
        dag, toegevoegd=True, door=door, gemeente=gemeente, via=via, herkomst=herkomst
    )
    return dag, taak


@transaction.atomic
def feestdag_verwijderen(
    *,
    door: Any,
    dag: GelijkgesteldeFeestdag,
    gemeente: Gemeente,
    via: access.Via,
    herkomst: str = "",
) -> Taak:
    """Remove a day still to come that was entered by mistake and start the recomputation
    (deadlines moved for it come back)."""
    gemeente_services.gelijkgestelde_feestdag_remove(door=door, dag=dag)
    return _herberekenen(
        dag, toegevoegd=False, door=door, gemeente=gemeente, via=via, herkomst=herkomst
    )
