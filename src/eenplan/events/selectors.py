"""Reads of the history: the timeline of a resident's dossier or a household."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from eenplan.events.models import Gebeurtenis


def tijdlijn(
    *, inwoner_id: int | None = None, huishouden_id: int | None = None
) -> QuerySet[Gebeurtenis]:
    """Events of a resident and/or a household, newest first, in one query."""
    condition = Q(pk__in=[])
    if inwoner_id is not None:
        condition |= Q(inwoner_id=inwoner_id)
    if huishouden_id is not None:
        condition |= Q(huishouden_id=huishouden_id)
    return Gebeurtenis.objects.filter(condition).order_by("-moment", "-id")


def record_geschiedenis(record_soort: str, record_id: int) -> QuerySet[Gebeurtenis]:
    """Everything that happened to one record (a melding, a beschikking), oldest first."""
    return Gebeurtenis.objects.filter(record_soort=record_soort, record_id=record_id).order_by(
        "moment", "id"
    )
