"""berichten reacts to beschikkingen (ADR 0013): sending a ZIN beschikking makes the toewijzingen
and the 301 to each provider; a change or ending of a granted provision sends a new 301 with all
current toewijzingen (OP033, OP257, OP087). In the publisher's transaction (IN_TRANSACTIE): the
beschikking is not sent without its toewijzing, nor the other way round. The 301 waits in the
outbox until the provider fetches it (API) or the folder connection writes it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from eenplan.berichten.services import toewijzing_wijzig, toewijzingen_voor_beschikking
from eenplan.beschikkingen.models import Beschikking, BeschikteVoorziening
from eenplan.events import soorten
from eenplan.events.bus import IN_TRANSACTIE, Event, subscribe


def _datum(value: Any) -> dt.date | None:
    if value in (None, ""):
        return None
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


@subscribe(soorten.BESCHIKKING_VERZONDEN, fase=IN_TRANSACTIE)
def beschikking_verzonden(event: Event) -> None:
    record = event.record
    if isinstance(record, Beschikking):
        toewijzingen_voor_beschikking(record)


@subscribe(soorten.VOORZIENING_GEWIJZIGD, fase=IN_TRANSACTIE)
@subscribe(soorten.VOORZIENING_BEEINDIGD, fase=IN_TRANSACTIE)
def voorziening_gewijzigd(event: Event) -> None:
    record = event.record
    if not isinstance(record, BeschikteVoorziening):
        return
    omvang = event.gegevens.get("omvang")
    toewijzing_wijzig(
        voorziening=record,
        einde=_datum(event.gegevens.get("einde")),
        omvang=Decimal(str(omvang)) if omvang not in (None, "") else None,
        reden_wijziging=event.gegevens["reden_wijziging"],
    )
