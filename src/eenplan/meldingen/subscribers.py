"""The melding follows the work (ADR 0009, ADR 0013): it reacts to the onderzoek and the plan
through their events, without reading their tables.

The rule:
- **In onderzoek**: when the onderzoek of an assigned melding starts (`onderzoek.gestart`).
- **Onderzoek afgerond**: when its verslag becomes definitief (`onderzoek.verslag_definitief`)
  the onderzoek deadline is met; the worklist no longer counts it as running.
- **Afgesloten**: a melding in onderzoek closes by itself once both hold — its verslag is
  definitief *and* the household signed its plan after the onderzoek started
  (`plan.ondertekend`), whichever comes last. The contact person or the mid-office may close it
  earlier by hand (with a reason). Meldingen answered, forwarded or linked at screening are done
  with that step and are not in this flow.

Closing here is the same step as closing by hand (`services.afsluiten._sluiten`): the
assignment ends, and the privacy app's subscriber ends the dossier access it gave.
"""

from __future__ import annotations

from django.utils import timezone

from eenplan.events import soorten
from eenplan.events.bus import IN_TRANSACTIE, Event, subscribe
from eenplan.events.models import Gebeurtenis
from eenplan.meldingen.constants import Status
from eenplan.meldingen.models import Melding
from eenplan.meldingen.services._shared import _publish
from eenplan.meldingen.services.afsluiten import _sluiten

MELDING = "meldingen.melding"


def _melding_van(event: Event) -> Melding | None:
    melding_id = event.gegevens.get("melding") or getattr(event.record, "melding_id", None)
    if melding_id is None:
        return None
    return Melding.objects.select_for_update().filter(pk=melding_id).first()


def _in_onderzoek_sinds(melding: Melding) -> int | None:
    """The history id of the step into 'in onderzoek' (ids grow with time)."""
    return (
        Gebeurtenis.objects.filter(
            record_soort=MELDING, record_id=melding.pk, soort=soorten.MELDING_IN_ONDERZOEK
        )
        .order_by("-id")
        .values_list("id", flat=True)
        .first()
    )


def _plan_getekend_na(melding: Melding, sinds: int) -> Gebeurtenis | None:
    if melding.huishouden_id is None:
        return None
    return (
        Gebeurtenis.objects.filter(
            soort=soorten.PLAN_ONDERTEKEND, huishouden_id=melding.huishouden_id, id__gt=sinds
        )
        .order_by("-id")
        .first()
    )


@subscribe(soorten.ONDERZOEK_GESTART, fase=IN_TRANSACTIE)
def onderzoek_gestart(event: Event) -> None:
    melding = _melding_van(event)
    if melding is None or melding.status != Status.TOEGEWEZEN:
        return
    melding.status = Status.IN_ONDERZOEK
    melding.save(update_fields=["status", "updated_at"])
    _publish(
        soorten.MELDING_IN_ONDERZOEK,
        melding,
        door=event.user,
        omschrijving=f"Melding {melding.pk} in onderzoek"
        + (f" bij {melding.medewerker}" if melding.medewerker_id else ""),
        gegevens={"onderzoek": event.record.pk},
    )


@subscribe(soorten.ONDERZOEK_VERSLAG_DEFINITIEF, fase=IN_TRANSACTIE)
def verslag_definitief(event: Event) -> None:
    melding = _melding_van(event)
    if melding is None or melding.status != Status.IN_ONDERZOEK:
        return
    melding.onderzoek_afgerond_op = timezone.localdate()
    melding.save(update_fields=["onderzoek_afgerond_op", "updated_at"])
    sinds = _in_onderzoek_sinds(melding)
    plan = _plan_getekend_na(melding, sinds) if sinds is not None else None
    if plan is not None:
        _sluiten(
            melding,
            door=event.user,
            toelichting=f"verslag definitief en plan {plan.record_id} ondertekend",
        )


@subscribe(soorten.PLAN_ONDERTEKEND, fase=IN_TRANSACTIE)
def plan_ondertekend(event: Event) -> None:
    huishouden_id = getattr(event.record, "huishouden_id", None)
    if huishouden_id is None:
        return
    klaar = Melding.objects.select_for_update().filter(
        huishouden_id=huishouden_id,
        status=Status.IN_ONDERZOEK,
        onderzoek_afgerond_op__isnull=False,
    )
    for melding in klaar.order_by("id"):
        _sluiten(
            melding,
            door=event.user,
            toelichting=f"plan {event.record.pk} ondertekend na het definitieve verslag",
        )
