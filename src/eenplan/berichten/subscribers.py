"""berichten reacts to beschikkingen (ADR 0013): sending a ZIN beschikking makes the toewijzingen
and the 301 to each provider; a change or ending of a granted provision sends a new 301 with all
current toewijzingen (OP033, OP257, OP087). In the publisher's transaction (IN_TRANSACTIE): the
beschikking is not sent without its toewijzing, nor the other way round. The 301 waits in the
outbox until the provider fetches it (API) or the folder connection writes it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from eenplan.berichten.services import (
    toewijzing_wijzig,
    toewijzingen_herzien,
    toewijzingen_voor_beschikking,
)
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
        # A revision after bezwaar sent after the bezwaar was decided: the toewijzingen of the
        # decision it replaces end now (OP033, OP257).
        toewijzingen_herzien(beschikking=record)


@subscribe(soorten.BEZWAAR_BESLIST, fase=IN_TRANSACTIE)
def bezwaar_beslist(event: Event) -> None:
    """A bezwaar decided with a new beschikking (the revision): once that is sent, the
    toewijzingen of the decision objected to end and the provider gets a new 301. The bezwaar
    itself belongs to `bezwaren`: only the beschikking it names is read here."""
    nieuwe = event.gegevens.get("nieuwe_beschikking")
    if nieuwe:
        beschikking = Beschikking.objects.filter(pk=nieuwe).first()
        if beschikking is not None:
            toewijzingen_herzien(beschikking=beschikking)


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
