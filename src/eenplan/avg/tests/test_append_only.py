"""The access log and the event history are append-only in the database itself on PostgreSQL
(migration avg 0003: a row trigger refuses UPDATE and DELETE through plain SQL, whoever sends
it); only the destruction of records whose period has run may delete history rows, inside its
own transaction. On SQLite the application's guards remain (ADR 0004); the trigger test is
skipped there."""

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from django.db import DatabaseError, connection, transaction

from eenplan.avg import bewaren
from eenplan.events.models import Gebeurtenis
from eenplan.privacy.models import AppendOnlyError, Inzage
from eenplan.testing.factories import GebeurtenisFactory, InzageFactory

pytestmark = pytest.mark.django_db


@contextmanager
def weigert() -> Iterator[None]:
    """The statement inside is refused by the trigger (in a savepoint, so the test goes on)."""
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        yield


postgres = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the triggers are PostgreSQL's (SQLite: ADR 0004)"
)


@postgres
@pytest.mark.parametrize(
    ("tabel", "zet"),
    [("privacy_inzage", "reden = 'gewist'"), ("events_gebeurtenis", "omschrijving = 'gewist'")],
)
def test_sql_update_and_delete_are_refused_by_the_database(tabel, zet):
    rij = InzageFactory() if tabel == "privacy_inzage" else GebeurtenisFactory()
    # the table names and assignments are the test's own constants
    bijwerken = f"UPDATE {tabel} SET {zet} WHERE id = %s"  # noqa: S608
    wissen = f"DELETE FROM {tabel} WHERE id = %s"  # noqa: S608
    for sql in (bijwerken, wissen):
        with weigert(), connection.cursor() as cursor:
            cursor.execute(sql, [rij.pk])
    model = Inzage if tabel == "privacy_inzage" else Gebeurtenis
    assert model.objects.filter(pk=rij.pk).exists()


@postgres
def test_only_a_destruction_transaction_may_delete_history_and_never_update():
    rij = GebeurtenisFactory()
    with weigert(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL eenplan.vernietiging = 'aan'")
        cursor.execute("UPDATE events_gebeurtenis SET omschrijving = 'x' WHERE id = %s", [rij.pk])
    with transaction.atomic(), bewaren.geschiedenis_open(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM events_gebeurtenis WHERE id = %s", [rij.pk])
    assert not Gebeurtenis.objects.filter(pk=rij.pk).exists()
    # closed again right after, also inside the test's outer transaction
    ander = GebeurtenisFactory()
    with weigert(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM events_gebeurtenis WHERE id = %s", [ander.pk])


def test_the_application_refuses_changes_on_every_engine():
    rij = InzageFactory()
    with pytest.raises(AppendOnlyError):
        Inzage.objects.filter(pk=rij.pk).update(reden="gewist")
    with pytest.raises(AppendOnlyError):
        rij.delete()


@postgres
def test_inside_a_destruction_the_log_may_only_pseudonymise_its_subject():
    # migration avg 0005: the one change the trigger allows on the access log, and only inside
    # a destruction: the resident out, a pseudonym in, nothing else of the row changed.
    rij = InzageFactory()
    pseudonimiseren = (
        "UPDATE privacy_inzage SET inwoner_id = NULL, inwoner_pseudoniem = 'vernietigd-x' "
        "WHERE id = %s"
    )
    with weigert(), connection.cursor() as cursor:  # outside a destruction: refused
        cursor.execute(pseudonimiseren, [rij.pk])
    # inside, but also changing the reason: refused (in a savepoint within the destruction)
    with transaction.atomic(), bewaren.geschiedenis_open(), weigert(), connection.cursor() as c:
        c.execute(
            "UPDATE privacy_inzage SET inwoner_id = NULL, inwoner_pseudoniem = 'x', "
            "reden = 'gewist' WHERE id = %s",
            [rij.pk],
        )
    with transaction.atomic(), bewaren.geschiedenis_open(), connection.cursor() as cursor:
        cursor.execute(pseudonimiseren, [rij.pk])
    rij = Inzage.objects.get(pk=rij.pk)
    assert rij.inwoner_id is None and rij.inwoner_pseudoniem == "vernietigd-x"
