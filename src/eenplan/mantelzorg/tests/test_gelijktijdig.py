"""Two clerks apply for the same carer's appreciation at the same moment: one appreciation, the
other gets the Dutch refusal (PostgreSQL: each thread has its own connection)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections
from django.utils import timezone

from eenplan.mantelzorg import services
from eenplan.mantelzorg.models import Waardering
from eenplan.testing import factories as f

gelijktijdig = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="Twee gelijktijdige clients met elk een eigen databaseverbinding vragen PostgreSQL; "
    "CI draait deze test met DATABASE_URL=postgres://...",
)


def tegelijk(*acties: Callable[[], Any]) -> list[Any]:
    barrier = threading.Barrier(len(acties))
    results: list[Any] = [None] * len(acties)

    def run(i: int, actie: Callable[[], Any]) -> None:
        try:
            barrier.wait(timeout=10)
            results[i] = actie()
        except BaseException as exc:  # noqa: BLE001 - reported to the test
            results[i] = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, a)) for i, a in enumerate(acties)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    return results


@gelijktijdig
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_applications_at_once_give_one_appreciation(generalist, midoffice, inwoner_noord):
    mz = f.MantelzorgerFactory(verzorgde=inwoner_noord)
    f.WaarderingRegelingFactory(gemeente=mz.gemeente)

    def aanvraag(door: Any) -> Callable[[], Any]:
        return lambda: services.waardering_aanvragen(
            mantelzorger=mz,
            namens=inwoner_noord,
            aangevraagd_door="medewerker",
            aangevraagd_op=timezone.localdate(),
            actor=door.user,
        )

    uitkomsten = tegelijk(aanvraag(generalist), aanvraag(midoffice))
    gelukt = [u for u in uitkomsten if isinstance(u, Waardering)]
    geweigerd = [u for u in uitkomsten if isinstance(u, ValidationError)]
    assert len(gelukt) == 1, uitkomsten
    assert len(geweigerd) == 1, uitkomsten
    assert "één per jaar" in str(geweigerd[0])
    assert Waardering.objects.filter(mantelzorger=mz).count() == 1
