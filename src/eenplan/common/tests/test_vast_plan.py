"""`common.vast_plan` (ADR 0053): the worklist's query keeps one plan per connection on
PostgreSQL instead of being planned again on every request; a name search does not."""

from __future__ import annotations

import pytest
from django.db import DatabaseError, connection, transaction
from django.urls import reverse
from rest_framework.test import APIClient

from eenplan.common.vast_plan import vast_plan
from eenplan.conftest import login
from eenplan.meldingen import services
from eenplan.testing.helpers import melding_voor

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _postgresql_met_prepared_statements():
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only: plans of prepared statements")
    if connection.settings_dict.get("OPTIONS", {}).get("prepare_threshold") is None:
        pytest.skip("prepared statements are off (DATABASE_PREPARE_THRESHOLD=off)")


def _modus(naam: str = "plan_cache_mode") -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"SHOW {naam}")
        return cursor.fetchone()[0]


PARALLEL = "max_parallel_workers_per_gather"


def test_the_generic_plan_holds_inside_the_block_only():
    assert _modus() == "auto"
    werkers = _modus(PARALLEL)
    with vast_plan():
        assert (_modus(), _modus(PARALLEL)) == ("force_generic_plan", "0")
        with vast_plan():  # nested: the outer block decides
            assert _modus() == "force_generic_plan"
        assert (_modus(), _modus(PARALLEL)) == ("force_generic_plan", "0")
    assert (_modus(), _modus(PARALLEL)) == ("auto", werkers)


def test_a_failed_transaction_leaves_the_connection_as_it_was():
    """A query that fails inside the block aborts the transaction (the RESET cannot run
    there); rolling it back takes the SET with it."""
    with (
        pytest.raises(DatabaseError),
        transaction.atomic(),
        vast_plan(),
        connection.cursor() as cursor,
    ):
        cursor.execute("SELECT 1 / 0")
    assert _modus() == "auto"


def _statements(begin: str) -> list[tuple[int, int]]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT generic_plans, custom_plans FROM pg_prepared_statements "
            "WHERE statement LIKE %s",
            [begin + "%"],
        )
        return cursor.fetchall()


WERKLIJST = 'SELECT "meldingen_melding"."id"'


def _toegewezen(midoffice, generalist, inwoner):
    melding = melding_voor(midoffice, inwoner)
    return services.melding_assign(melding=melding, actor=midoffice.user, medewerker=generalist)


def test_the_own_worklist_on_page_and_api_reuses_one_plan(
    client, midoffice, generalist, inwoner_noord
):
    """Requested again and again (one connection, as a server worker keeps it), a staff
    member's own worklist is planned once: every execution after preparing it reuses the
    generic plan, on the page and in the API."""
    _toegewezen(midoffice, generalist, inwoner_noord)
    login(client, generalist)
    with connection.cursor() as cursor:
        cursor.execute("DEALLOCATE ALL")
    for _ in range(6):
        antwoord = client.get(reverse("meldingen:werkvoorraad"), {"weergave": "mijn"})
        assert len(antwoord.context["page"].object_list) == 1
    plannen = _statements(WERKLIJST)
    assert plannen, "the worklist's query was not prepared"
    assert all(generiek >= 4 and eigen == 0 for generiek, eigen in plannen), plannen

    api = APIClient()
    api.force_authenticate(generalist.user)
    with connection.cursor() as cursor:
        cursor.execute("DEALLOCATE ALL")
    for _ in range(6):
        assert api.get("/api/v1/meldingen/", {"medewerker": "mij"}).json()["count"] == 1
    plannen = _statements(WERKLIJST)
    assert plannen and all(eigen == 0 for _, eigen in plannen), plannen
    assert _modus() == "auto"


def _modus_bij_werklijst(doe) -> list[str]:
    """plan_cache_mode as each worklist query of `doe()` was sent."""
    gezien = []

    def kijk(execute, sql, params, many, context):
        if sql.startswith(WERKLIJST):
            ruw = context["cursor"].cursor
            ruw.execute("SHOW plan_cache_mode")
            gezien.append(ruw.fetchone()[0])
        return execute(sql, params, many, context)

    with connection.execute_wrapper(kijk):
        doe()
    return gezien


def test_a_search_or_the_whole_municipality_is_planned_for_its_values(
    client, midoffice, generalist, inwoner_noord
):
    """With a search text, or for every open melding of the municipality, the worklist is left
    to PostgreSQL's own choice, which plans it for the values (a generic plan cannot use the
    name index for a pattern it does not know, and estimates the whole list too large)."""
    _toegewezen(midoffice, generalist, inwoner_noord)
    url = reverse("meldingen:werkvoorraad")
    zoek = inwoner_noord.achternaam[:4]
    login(client, generalist)
    assert _modus_bij_werklijst(lambda: client.get(url, {"weergave": "mijn"})) == [
        "force_generic_plan"
    ]
    assert _modus_bij_werklijst(lambda: client.get(url, {"weergave": "mijn", "q": zoek})) == [
        "auto"
    ]
    login(client, midoffice)
    assert _modus_bij_werklijst(lambda: client.get(url, {"weergave": "alle"})) == ["auto"]
    api = APIClient()
    api.force_authenticate(generalist.user)
    mij = {"medewerker": "mij"}
    assert set(_modus_bij_werklijst(lambda: api.get("/api/v1/meldingen/", mij))) == {
        "force_generic_plan"
    }
    assert set(_modus_bij_werklijst(lambda: api.get("/api/v1/meldingen/", {**mij, "q": zoek}))) == {
        "auto"
    }
    api.force_authenticate(midoffice.user)
    assert set(_modus_bij_werklijst(lambda: api.get("/api/v1/meldingen/"))) == {"auto"}
