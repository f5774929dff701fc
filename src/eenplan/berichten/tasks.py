"""Background tasks (django-tasks): processing received messages never blocks a page or an API
call. With the database backend (the default, `EENPLAN_TAKEN=database`) the worker
`eenplan db_worker` runs them; in tests and with `EENPLAN_TAKEN=direct` they run at once."""

from __future__ import annotations

from django_tasks import task

from eenplan.berichten.services import bericht_verwerk, berichten_verwerk_batch


@task()
def verwerk_bericht(bericht_id: int) -> str:
    """Read, check, apply and answer one received message; returns its status."""
    return bericht_verwerk(bericht_id).status


@task()
def verwerk_berichten(bericht_ids: list[int]) -> dict[str, int]:
    """Read, check, apply and answer a batch of received messages; returns how many ended in
    each status. The folder connection now runs its rounds as a task with visible progress
    (`berichten/taken.py`, eenplan.taken); this one stays for batches queued before that."""
    uitkomst: dict[str, int] = {}
    for bericht in berichten_verwerk_batch(bericht_ids):
        uitkomst[bericht.status] = uitkomst.get(bericht.status, 0) + 1
    return uitkomst


def verwerk_later(bericht_id: int) -> None:
    """Queue the processing of a stored message once the storing transaction committed."""
    from django.db import transaction

    transaction.on_commit(lambda: verwerk_bericht.enqueue(bericht_id))
