"""The one django-task of the taken app: `voer_taak_uit(taak_id)` runs a `Taak` of any
registered kind (services.taak_uitvoeren). With the database backend (the default,
`EENPLAN_TAKEN=database`) the worker `eenplan db_worker` runs it; with the immediate backend
(tests, `EENPLAN_TAKEN=direct`) `taak_start` runs it at once."""

from __future__ import annotations

from typing import Any

from django_tasks import task


@task()
def voer_taak_uit(taak_id: int) -> dict[str, Any]:
    from eenplan.taken.services import taak_uitvoeren

    return taak_uitvoeren(taak_id)


def direct() -> bool:
    """Whether the configured backend runs a task at once (django-tasks' ImmediateBackend)."""
    from django_tasks.backends.immediate import ImmediateBackend

    return isinstance(voer_taak_uit.get_backend(), ImmediateBackend)


def in_transactie() -> bool:
    """Whether the backend queues in the database (django-tasks-db): then the queue row is
    written in the transaction that creates the task."""
    from django_tasks_db import DatabaseBackend

    return isinstance(voer_taak_uit.get_backend(), DatabaseBackend)
