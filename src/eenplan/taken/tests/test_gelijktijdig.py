"""Four workers get the same task at the same moment (each in its own thread with its own
database connection): exactly one claims and runs it. Needs PostgreSQL (SQLite's in-memory
test database is one shared connection); CI sets DATABASE_URL to PostgreSQL."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest
from django.db import connection, connections

from eenplan.taken import registry
from eenplan.taken.constants import TaakStatus
from eenplan.taken.models import Taak
from eenplan.taken.services import taak_uitvoeren

gelijktijdig = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="Vier gelijktijdige verwerkers met elk een eigen databaseverbinding vragen "
    "PostgreSQL; SQLite in het geheugen deelt één verbinding.",
)
RUNS: list[int] = []


@registry.taaksoort("test_traag", label="Traag (test)")
def traag(ctx: registry.TaakContext) -> dict[str, Any]:
    RUNS.append(ctx.taak.pk)
    time.sleep(0.3)  # long enough for every other worker to try meanwhile
    ctx.voortgang(1, 1)
    return {"runs": 1}


@gelijktijdig
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_four_workers_at_once_run_a_task_once(gemeente):
    taak = Taak.objects.create(soort="test_traag", gemeente=gemeente)
    barrier = threading.Barrier(4)
    uitkomsten: list[Any] = [None] * 4

    def werker(i: int) -> None:
        try:
            barrier.wait(timeout=10)
            uitkomsten[i] = taak_uitvoeren(taak.pk)
        except BaseException as exc:  # noqa: BLE001 - reported to the test
            uitkomsten[i] = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=werker, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert [u["uitgevoerd"] for u in uitkomsten].count(True) == 1, uitkomsten
    assert RUNS.count(taak.pk) == 1
    taak.refresh_from_db()
    assert taak.status == TaakStatus.KLAAR and taak.resultaat == {"runs": 1}
