"""Reads of the AVG requests, shared by the pages and the API: the worklist of one
municipality with the state of each term in SQL (`common.termijnstand`), one request."""

from __future__ import annotations

import datetime as dt

from django.db.models import Case, Q, QuerySet
from django.utils import timezone

from eenplan.avg.constants import VerzoekStatus
from eenplan.avg.models import AvgVerzoek, Vernietigingslijst
from eenplan.common.termijnstand import Drempels, termijn_stand
from eenplan.gemeente.selectors import termijn_drempels


def verzoek_termijn_stand(drempels: Drempels) -> Case:
    """The state of the answer term of an open request (AVG art. 12 lid 3); NULL once
    handled."""
    return termijn_stand("antwoord_uiterlijk", drempels, loopt=Q(status=VerzoekStatus.OPEN))


def avg_verzoeken(
    *,
    gemeente_id: int,
    status: str | None = None,
    soort: str | None = None,
    inwoner_id: int | None = None,
    vandaag: dt.date | None = None,
) -> QuerySet[AvgVerzoek]:
    """The requests of a municipality, open ones first by deadline, with `termijn_stand`."""
    drempels = termijn_drempels(vandaag or timezone.localdate())
    qs = (
        # The resident's municipality too: every query on a municipality's table names it.
        AvgVerzoek.objects.filter(gemeente_id=gemeente_id, inwoner__gemeente_id=gemeente_id)
        .select_related("inwoner")
        .annotate(termijn_stand=verzoek_termijn_stand(drempels))
    )
    if status == "open":
        qs = qs.filter(status=VerzoekStatus.OPEN)
    elif status:
        qs = qs.filter(status=status)
    if soort:
        qs = qs.filter(soort=soort)
    if inwoner_id:
        qs = qs.filter(inwoner_id=inwoner_id)
    return qs.order_by("afgehandeld_op", "antwoord_uiterlijk", "id")


def avg_verzoek_get(pk: int, *, gemeente_id: int | None) -> AvgVerzoek | None:
    """One request; another municipality's does not exist here (None)."""
    qs = AvgVerzoek.objects.filter(pk=pk).select_related(
        "inwoner", "vastgelegd_door", "afgehandeld_door"
    )
    if gemeente_id is not None:
        qs = qs.filter(gemeente_id=gemeente_id, inwoner__gemeente_id=gemeente_id)
    drempels = termijn_drempels(timezone.localdate())
    return qs.annotate(termijn_stand=verzoek_termijn_stand(drempels)).first()


def verzoeken_van_inwoner(inwoner_id: int) -> QuerySet[AvgVerzoek]:
    """A resident's own requests (the portal), newest first."""
    return AvgVerzoek.objects.filter(inwoner_id=inwoner_id).order_by("-ontvangen_op", "-id")


def vernietigingslijsten(*, gemeente_id: int) -> QuerySet[Vernietigingslijst]:
    return (
        Vernietigingslijst.objects.filter(gemeente_id=gemeente_id)
        .select_related("voorgesteld_door", "goedgekeurd_door")
        .order_by("-created_at", "-id")
    )


def vernietigingslijst_get(pk: int, *, gemeente_id: int) -> Vernietigingslijst | None:
    return (
        Vernietigingslijst.objects.filter(pk=pk, gemeente_id=gemeente_id)
        .select_related("voorgesteld_door", "goedgekeurd_door", "gemeente")
        .first()
    )
