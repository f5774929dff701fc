"""`JsonLijst`: the rows of a subquery as one JSON array, on PostgreSQL and SQLite alike.

Used where a page needs a few small sets next to one row (the login's permissions, wijken and
teams next to its medewerker record, `gemeente.selectors.medewerker_for_user`): one query
instead of one per set (issue 16: every query of the fixed part of a request costs about as
much as a page's floor). PostgreSQL: `JSONB_AGG(x ORDER BY x)` when `geordend` — a JSON array
`x` orders element by element, strings in the database collation, so `JSONArray("naam", "id")`
orders as `ORDER BY naam, id`; SQLite: `JSON_GROUP_ARRAY(x)` in no set order (3.40 has no
ORDER BY inside an aggregate): the caller sorts, and SQLite's BINARY collation is Python's
order of strings. Without rows the result is NULL (None): the caller reads it as [].
"""

from __future__ import annotations

from typing import Any

from django.db.models import Aggregate, JSONField


class JsonLijst(Aggregate):
    function = "JSONB_AGG"
    output_field = JSONField()

    def __init__(self, expression: Any, *, geordend: bool = False, **extra: Any) -> None:
        self.geordend = geordend
        super().__init__(expression, **extra)

    def as_postgresql(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        if not self.geordend:
            return self.as_sql(compiler, connection, **extra)
        waarde, params = compiler.compile(self.get_source_expressions()[0])
        return f"JSONB_AGG({waarde} ORDER BY {waarde})", (*params, *params)

    def as_sqlite(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        return self.as_sql(compiler, connection, function="JSON_GROUP_ARRAY", **extra)
