"""`field__prefix=value`: a prefix search that an ordinary B-tree index can answer.

Django's ``startswith`` becomes ``LIKE 'x%'``, which SQLite only answers from an index under
conditions we cannot set per column, and which PostgreSQL only answers from an index built with
``varchar_pattern_ops``. This lookup is for columns that hold already-normalised text (lower
case, no accents): on PostgreSQL it is ``LIKE`` (served by a ``varchar_pattern_ops`` index), on
SQLite a range ``x <= col < x || U+10FFFF`` (served by the plain index).
"""

from __future__ import annotations

from typing import Any

from django.db.models import Lookup


class Prefix(Lookup):
    lookup_name = "prefix"

    def get_db_prep_lookup(self, value: Any, connection: Any) -> Any:
        return ("%s", [str(value)])

    def as_sql(self, compiler: Any, connection: Any) -> tuple[str, list[Any]]:
        lhs, lhs_params = self.process_lhs(compiler, connection)
        value = str(self.rhs)
        escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        return f"{lhs} LIKE %s", [*lhs_params, escaped + "%"]

    def as_sqlite(self, compiler: Any, connection: Any) -> tuple[str, list[Any]]:
        lhs, lhs_params = self.process_lhs(compiler, connection)
        value = str(self.rhs)
        return f"({lhs} >= %s AND {lhs} < %s)", [
            *lhs_params,
            value,
            *lhs_params,
            value + "\U0010ffff",
        ]
