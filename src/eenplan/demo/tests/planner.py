"""What the query planner believes a table holds (the demo's bulk-load tests)."""

from __future__ import annotations

from django.db import connection, models


def bekende_rijen(model: type[models.Model]) -> int:
    """The number of rows of `model`'s table in the planner's statistics (0: none)."""
    tabel = model._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT reltuples FROM pg_class WHERE oid = %s::regclass", [tabel])
            return max(0, int(cursor.fetchone()[0]))
        # One row per index, each starting with the table's number of rows.
        cursor.execute("SELECT stat FROM sqlite_stat1 WHERE tbl = %s", [tabel])
        return max((int(rij[0].split()[0]) for rij in cursor.fetchall()), default=0)
