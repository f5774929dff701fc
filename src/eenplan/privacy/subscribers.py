"""How the privacy app reacts to what happens elsewhere (ADR 0013): need-to-know follows the
work, so the dossier access an assignment gave ends when the work ends."""

from __future__ import annotations

import datetime as dt

from eenplan.events import soorten
from eenplan.events.bus import IN_TRANSACTIE, Event, subscribe
from eenplan.privacy.models import DossierToegang
from eenplan.privacy.services import dossiertoegang_end


@subscribe(soorten.MELDING_GESLOTEN, fase=IN_TRANSACTIE)
def melding_gesloten_toegang_beeindigen(event: Event) -> None:
    """A closed melding: the access its assignment gave ends on the day it was closed, in the
    same transaction (closed and still able to read never hold together)."""
    ids = event.gegevens.get("dossiertoegangen") or []
    op = dt.date.fromisoformat(event.gegevens["op"]) if event.gegevens.get("op") else None
    op = op or event.gebeurtenis.moment.date()
    for toegang in DossierToegang.objects.filter(pk__in=ids).order_by("pk"):
        dossiertoegang_end(toegang=toegang, op=op)
