"""Destruction of event history (common.vernietiging, ADR 0038 amendment): the events of a
destroyed record go with it — they are its history, and their descriptions may name the
resident. The history stays append-only otherwise; on PostgreSQL the trigger lets only the
destruction's own statements delete (`geschiedenis_open`)."""

from collections.abc import Sequence
from typing import Any

from django.db import models

from eenplan.common.vernietiging import eigen_rijen_verwijderen, eigenaar, geschiedenis_open
from eenplan.events.models import Gebeurtenis


@eigenaar("events")
def vernietigen(model: type[models.Model], pks: Sequence[Any]) -> dict[str, int]:
    with geschiedenis_open():
        return eigen_rijen_verwijderen(model, pks, app_label="events")


def geschiedenis_van_records_vernietigen(record_soort: str, record_ids: Sequence[Any]) -> int:
    """Delete the events about these records (by `record_soort`/`record_id`, which is no foreign
    key): the history of records that are being destroyed."""
    rijen = Gebeurtenis.objects.filter(record_soort=record_soort, record_id__in=list(record_ids))
    with geschiedenis_open():
        return rijen._raw_delete(rijen.db)
