"""Writing many demo rows at once (issue 16): COPY on PostgreSQL, batched inserts on SQLite.

`schrijf(model, rijen)` gives every row its primary key first — reserved from the table's own
sequence on PostgreSQL (`nextval` over `generate_series`, so the sequence stays right for the
application afterwards), the next free numbers on SQLite — so the caller can link child rows
to their parents before anything is written, and then writes the rows:

- PostgreSQL: one `COPY … FROM STDIN` through psycopg's `cursor.copy` (about ten times the
  speed of `bulk_create`'s multi-row INSERTs at a million residents, docs/benchmarks.md);
- SQLite: `executemany` of one INSERT in batches of `BATCH` (what `bulk_create` does, but a
  timestamp the demo sets — the moment a melding was registered five years ago — is kept:
  `bulk_create` would overwrite every `auto_now_add` field with now).

Values go through each field's own `get_db_prep_save`, so JSON, decimals and dates are what the
ORM writes. No `save()`, no signals, no validation: the caller computes the values with the
same rules functions the services use (rules.termijnen, rules.aanvraag). Call inside the
caller's transaction (a batch commits as a whole).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connection, connections, models
from django.db.backends.base.base import BaseDatabaseWrapper
from django.utils import timezone

BATCH = 2000


def statistieken(*modellen: type[models.Model]) -> None:
    """Fresh planner statistics after a bulk load: of `modellen`' tables, or of the whole
    database when none are named. Without them the planner works from the statistics of
    before the load (an empty table at the start of the build) and picks plans that scan
    what it thinks is tiny: the services that run on top of the load (a beschikking's check
    of the resident's running provisions, iWmo rule OP043) took 10 ms per call at 100,000
    residents and 120 ms at 1,000,000 before the loaded tables were analysed
    (docs/benchmarks.md). Inside a transaction PostgreSQL's ANALYZE counts the transaction's
    own rows; SQLite's too."""
    with connection.cursor() as cursor:
        if not modellen:
            cursor.execute("ANALYZE")
        for model in modellen:  # one table per statement: SQLite takes no list
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")


def _ids_reserveren(model: type[models.Model], n: int) -> list[int]:
    tabel = model._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [connection.ops.quote_name(tabel), model._meta.pk.column, n],
            )
            return [r[0] for r in cursor.fetchall()]
        cursor.execute(
            f"SELECT COALESCE(MAX({connection.ops.quote_name(model._meta.pk.column)}), 0) "  # noqa: S608 - table name from the model
            f"FROM {connection.ops.quote_name(tabel)}"
        )
        start = cursor.fetchone()[0] + 1
    return list(range(start, start + n))


# Fields whose Python value the database driver does not take as it is: through the field's
# own `get_db_prep_save`. Everything else (text, numbers, booleans, foreign keys; on
# PostgreSQL also dates, times and decimals, which psycopg adapts itself) goes as it is —
# asking every field of a million rows for its database value was half the build time.
_VOORBEREIDEN = {
    "postgresql": {"JSONField", "DurationField"},
    "sqlite": {
        "JSONField",
        "DurationField",
        "DateField",
        "DateTimeField",
        "TimeField",
        "DecimalField",
        "UUIDField",
    },
}


def _omzetter(veld: models.Field, db: BaseDatabaseWrapper) -> Callable[[Any], Any] | None:
    if veld.get_internal_type() in _VOORBEREIDEN.get(db.vendor, ()):
        return lambda waarde: veld.get_db_prep_save(waarde, db)
    return None


def schrijf(model: type[models.Model], rijen: Sequence[models.Model]) -> None:
    """Give `rijen` (unsaved instances of `model`) their primary keys and write them."""
    if not rijen:
        return
    nodig = [r for r in rijen if r.pk is None]
    for rij, pk in zip(nodig, _ids_reserveren(model, len(nodig)), strict=True):
        rij.pk = pk
    for rij in rijen:
        rij._state.adding = False
        rij._state.db = DEFAULT_DB_ALIAS
    db = connections[DEFAULT_DB_ALIAS]
    velden = list(model._meta.concrete_fields)
    kolommen = ", ".join(db.ops.quote_name(v.column) for v in velden)
    tabel = db.ops.quote_name(model._meta.db_table)
    namen = [v.attname for v in velden]
    omzetters = [(i, f) for i, v in enumerate(velden) if (f := _omzetter(v, db)) is not None]
    automatisch = [
        v.attname
        for v in velden
        if getattr(v, "auto_now", False) or getattr(v, "auto_now_add", False)
    ]
    nu = timezone.now()

    def waarden(rij: models.Model) -> tuple:
        staat = rij.__dict__
        for naam in automatisch:
            if staat.get(naam) is None:
                staat[naam] = nu
        rij_waarden = [staat[naam] for naam in namen]
        for i, omzetter in omzetters:
            rij_waarden[i] = omzetter(rij_waarden[i])
        return tuple(rij_waarden)

    with db.cursor() as cursor:
        if db.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {tabel} ({kolommen}) FROM STDIN") as copy:
                for rij in rijen:
                    copy.write_row(waarden(rij))
            return
        plekken = ", ".join(["%s"] * len(velden))
        sql = f"INSERT INTO {tabel} ({kolommen}) VALUES ({plekken})"  # noqa: S608 - names from the model
        for start in range(0, len(rijen), BATCH):
            cursor.executemany(sql, [waarden(r) for r in rijen[start : start + BATCH]])
