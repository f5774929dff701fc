"""`field__prefix=value`: a prefix search that an ordinary B-tree index can answer.

Django's ``startswith`` becomes ``LIKE 'x%'``, which SQLite only answers from an index under
conditions we cannot set per column, and which PostgreSQL only answers from an index built with
``varchar_pattern_ops``. This lookup is for columns that hold already-normalised text (lower
case, no accents): on PostgreSQL it is ``LIKE`` (served by a ``varchar_pattern_ops`` index), on
SQLite a range ``x <= col < x || U+10FFFF`` (served by the plain index).
"""

from __future__ import annotations

from typing import Any

from django.db.models import BooleanField, Expression, F, Func, Lookup


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


class InLijst(Lookup):
    """`field__in_lijst=[...]`: ``IN (%s, %s, …)`` for a list of plain values of the column's own
    kind — ``int`` for a number or a key, ``str`` for text — passed to the database as they are.

    Django's ``in`` lookup prepares and adapts every value of the list on its own (for a key
    through the related field); for the batch lookups of message processing, thousands of ids
    per query and hundreds of thousands per run, that cost more than running the queries
    (`berichten.services.inkomend`). The same rows as ``in``: duplicates and None are left out,
    an empty list matches nothing. Any other kind of value (a date, a model instance, a
    Decimal) is refused with TypeError: use ``in``, which converts it."""

    lookup_name = "in_lijst"
    prepare_rhs = False

    def get_prep_lookup(self) -> Any:
        return self.rhs

    def as_sql(self, compiler: Any, connection: Any) -> tuple[str, list[Any]]:
        from django.core.exceptions import EmptyResultSet

        lhs, lhs_params = self.process_lhs(compiler, connection)
        waarden = [w for w in dict.fromkeys(self.rhs) if w is not None]
        soorten = {type(w) for w in waarden}
        if not soorten <= {int, str}:
            raise TypeError(f"in_lijst neemt alleen int en str, niet {soorten - {int, str}}")
        if not waarden:
            raise EmptyResultSet
        return f"{lhs} IN ({', '.join(['%s'] * len(waarden))})", [*lhs_params, *waarden]


def in_lijst_op(*velden: Any) -> None:
    """Make `in_lijst` available on these model fields only (Django's per-field lookups), not
    on every column: the lookup takes plain values unconverted, which is right only where the
    caller knows the column's kind — the batch lookups that use it (`berichten.apps`). On any
    other field `in_lijst` is an unknown lookup (FieldError) and `in` is the one to use."""
    for veld in velden:
        veld.register_lookup(InLijst)


class ParenIn(Expression):
    """`filter(ParenIn(("afzender", "identificatie"), [("01234567", "B1"), …]))`: the rows whose
    columns hold one of the given combinations — ``(a, b) IN ((%s, %s), …)`` — for plain
    values (``int``, ``str``) of the columns' own kinds, passed as they are (as `InLijst`).

    For the batch lookups of message processing by a key of two or three columns that one
    index holds (TR056: sender and identificatie; the toewijzingen of a provider and a
    resident). The same rows as ``a IN (…) AND b IN (…)`` restricted to the pairs asked, but
    that form makes SQLite probe its two-column index for every combination of the two lists
    (420 providers × 2,100 residents: 880,000 probes for 2,100 rows, docs/benchmarks.md). On
    SQLite, which has no row-value ``IN`` list it answers from an index, this is an OR of the
    pairs, nested as a balanced tree (an expression's depth stays below SQLite's limit of
    1,000 for any number of pairs), which SQLite answers with one index search per pair
    (``MULTI-INDEX OR``); on PostgreSQL the row-value ``IN`` itself. A combination holding
    None is left out (NULL equals nothing); no combinations match nothing."""

    conditional = True
    output_field = BooleanField()

    def __init__(self, kolommen: tuple[str, ...], paren: Any) -> None:
        super().__init__()
        self.kolommen = [F(k) for k in kolommen]
        waarden = [
            tuple(p) for p in dict.fromkeys(tuple(p) for p in paren) if None not in p
        ]
        for p in waarden:
            if len(p) != len(kolommen):
                raise ValueError(f"{len(kolommen)} waarden per combinatie, niet {len(p)}")
            soorten = {type(w) for w in p}
            if not soorten <= {int, str}:
                raise TypeError(f"ParenIn neemt alleen int en str, niet {soorten - {int, str}}")
        self.paren = waarden

    def get_source_expressions(self) -> list[Any]:
        return list(self.kolommen)

    def set_source_expressions(self, exprs: list[Any]) -> None:
        self.kolommen = list(exprs)

    def as_sql(self, compiler: Any, connection: Any) -> tuple[str, list[Any]]:
        from django.core.exceptions import EmptyResultSet

        if not self.paren:
            raise EmptyResultSet
        kolommen = []
        for k in self.kolommen:
            sql, params = compiler.compile(k)
            if params:  # pragma: no cover - a column has no parameters
                raise ValueError("ParenIn vergelijkt kolommen")
            kolommen.append(sql)
        waarden = [w for p in self.paren for w in p]
        if connection.vendor != "sqlite":
            een = "(" + ", ".join(["%s"] * len(kolommen)) + ")"
            lijst = ", ".join([een] * len(self.paren))
            return f"({', '.join(kolommen)}) IN ({lijst})", waarden
        een = "(" + " AND ".join(f"{k} = %s" for k in kolommen) + ")"

        def boom(n: int) -> str:
            if n == 1:
                return een
            return f"({boom(n // 2)} OR {boom(n - n // 2)})"

        return boom(len(self.paren)), waarden


class Bytevolgorde(Func):
    """`expression COLLATE "C"` on PostgreSQL, `COLLATE BINARY` on SQLite: compare and sort
    text by its bytes, whatever the database's own collation.

    For the normalised search names (`common.text.normalise`: lower-case ASCII letters,
    digits and single spaces) byte order *is* alphabetical order, with a shorter name before a
    longer one that starts the same ("jans anna" before "jansen piet"). Two things follow on
    PostgreSQL that a language collation (nl_NL, en_US, even C.UTF-8 before PostgreSQL 17)
    does not give: a B-tree index on this expression answers `LIKE 'x%'` on the same expression
    as a range, and it delivers rows in this order, so `ORDER BY … LIMIT 25` stops after 25
    index entries instead of sorting every match (issue 16, docs/benchmarks.md). SQLite has no
    collation named "C"; BINARY is its byte order. Use it in a query and in `Meta.indexes`
    alike: the index only serves a query that has the very same expression. (Not Django's
    `Collate`: in an index Django takes that for the column's collation clause and refuses a
    subclass of it.)"""

    template = '%(expressions)s COLLATE "C"'

    def as_sqlite(
        self, compiler: Any, connection: Any, **extra_context: Any
    ) -> tuple[str, list[Any]]:
        return self.as_sql(
            compiler, connection, template="%(expressions)s COLLATE BINARY", **extra_context
        )
