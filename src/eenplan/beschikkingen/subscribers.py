"""beschikkingen reacts to the plan (ADR 0013): the aanvragen are its own table, so it files
them when plannen says a plan was signed or an aanvraag was made with the plan — inside the
publisher's transaction (IN_TRANSACTIE), so the signature and the aanvragen hold together or
not at all, and a refusal here (a ValidationError in Dutch) undoes the signing.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from eenplan.beschikkingen.services import aanvraag_register
from eenplan.events import soorten
from eenplan.events.bus import IN_TRANSACTIE, Event, subscribe
from eenplan.inwoners.models import Inwoner
from eenplan.plannen.models import Voorstel


def _datum(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


@subscribe(soorten.PLAN_ONDERTEKEND, fase=IN_TRANSACTIE)
def plan_ondertekend(event: Event) -> None:
    """Each maatwerk proposal the signature covers becomes an aanvraag received that day
    (signing the plan is the application, seed 000 L1973-1976)."""
    ids = event.gegevens.get("voorstellen") or []
    if not ids:
        return
    op = _datum(event.gegevens["op"])
    voorstellen = Voorstel.objects.filter(pk__in=ids, aanvraag__isnull=True).select_related(
        "inwoner"
    )
    for voorstel in voorstellen.order_by("id"):
        aanvraag_register(
            inwoner=voorstel.inwoner,
            omschrijving=voorstel.omschrijving,
            wet=voorstel.wet,
            ontvangen_op=op,
            ingediend_door=event.gegevens.get("ondertekend_door", ""),
            door=event.user,
            plan=event.record,
            voorstel=voorstel,
        )


@subscribe(soorten.PLAN_AANVRAAG_INGEDIEND, fase=IN_TRANSACTIE)
def plan_aanvraag_ingediend(event: Event) -> None:
    """The resident applied for something with the plan (possibly other than it advises)."""
    gegevens = event.gegevens
    aanvraag_register(
        inwoner=Inwoner.objects.get(pk=gegevens["inwoner"]),
        omschrijving=gegevens["omschrijving"],
        wet=gegevens["wet"],
        ontvangen_op=_datum(gegevens["ontvangen_op"]),
        ingediend_door=gegevens["ingediend_door"],
        door=event.user,
        plan=event.record,
        afwijkend_van_advies=bool(gegevens.get("afwijkend_van_advies")),
        toelichting=gegevens.get("toelichting", ""),
    )
