"""A query built and compiled once per process, run per request with its values (ADR 0055).

Django builds a queryset and compiles it to SQL on every evaluation. For a plain query that
costs a fraction of a millisecond; for a record read with its parts as JSON columns
(`common.aggregaten.rijen_json`: a correlated subquery and a JSON array per part) it cost more
than the round trips it saved: the plan in one query took 38 ms to build and 26 ms to compile
per request (docs/benchmarks.md, "The plan in one query: reverted"). ADR 0050 named the way
out: build and compile such a query once, then send only its values.

`Gecompileerd(bouw, plan=int, gemeente=int)`: `bouw(plan=…, gemeente=…)` returns the queryset
for those values. On first use per database connection it is built with marker values (a
number no key reaches, a date in the year 1111, a text no one types) and compiled; the
positions of the markers among the SQL's parameters are kept — as given, or as the database
backend adapts a date or moment for its column (SQLite: text) — and the SQL must contain every
marker as a parameter (else `bouw` wrote a value into the SQL text itself, or changed it, and
the query cannot be reused: `ValueError`). `lees(plan=12, gemeente=3)` sends that SQL with the
markers replaced by the values (adapted the same way) and makes the rows into what the
queryset would have given (model instances with their `select_related` rows and annotations,
or dictionaries for `values()`), through the queryset's own iterable and the compiler that
compiled it.

Kinds of values: `int` (keys), `str` (a session key), `datetime.date`, `datetime.datetime`
(aware). A value of another type — None, say, for which Django writes `IS NULL` instead of a
parameter — is read by building the queryset anew. The cache lives on the connection object
(one per thread and database alias), so a compiled query never serves another connection.
"""

from __future__ import annotations

import copy
import datetime as dt
import itertools
import re
from collections.abc import Callable
from typing import Any

from django.db import connections
from django.db.models import Field, QuerySet
from django.db.models.expressions import RawSQL

_SOORTEN = (int, str, dt.date, dt.datetime)
_NUMMERS = itertools.count()


def _marker(soort: type, i: int) -> Any:
    """A value of kind `soort` no request sends, distinct per name (`i`)."""
    if soort is int:
        return 9_876_543_210_000 + i
    if soort is str:
        return f"eenplan-marker-{i}-\u2063"
    if soort is dt.datetime:
        return dt.datetime(1111, 1, 1, tzinfo=dt.UTC) + dt.timedelta(seconds=i)
    return dt.date(1111, 1, 1) + dt.timedelta(days=i)


def cte(naam: str, kolom: str, output_field: Field) -> RawSQL:
    """The value of column `kolom` of common table expression `naam` (one row) of a
    `Gecompileerd(met=…)` query, as an expression for any place in it: a scalar subquery that
    reads the row computed once, where the expression itself would be evaluated at every
    place it stands (PostgreSQL computes each occurrence of a subquery on its own)."""
    _naam(naam), _naam(kolom)
    sql = f'(SELECT "{kolom}" FROM "{naam}")'  # noqa: S608 - two checked identifiers
    return RawSQL(sql, (), output_field=output_field)  # noqa: S611 - no value in the text


def _naam(naam: str) -> str:
    """A name written into SQL text: lower-case letters, digits and underscores only."""
    if not re.fullmatch(r"[a-z_][a-z0-9_]*", naam):
        raise ValueError(f"Geen geldige naam voor SQL: {naam!r}")
    return naam


def _aanpassing(soort: type, connection: Any) -> Callable[[Any], Any]:
    """How the backend adapts a value of this kind for a date or timestamp column."""
    if soort is dt.datetime:
        return connection.ops.adapt_datetimefield_value
    if soort is dt.date:
        return connection.ops.adapt_datefield_value
    return lambda waarde: waarde


class Gecompileerd:
    """A queryset built by `bouw(**values)` whose SQL is compiled once per connection."""

    def __init__(
        self,
        bouw: Callable[..., QuerySet[Any]],
        *,
        met: Callable[..., dict[str, QuerySet[Any]]] | None = None,
        **soorten: type,
    ) -> None:
        onbekend = {naam: s for naam, s in soorten.items() if s not in _SOORTEN}
        if onbekend:
            raise TypeError(f"Geen soort van waarde om te bewaren: {onbekend}")
        self.bouw = bouw
        self.met = met
        self.soorten = soorten
        self.using = "default"  # the one database of an installation
        self._sleutel = next(_NUMMERS)  # never reused (an id() may be, after collection)

    def _sql(self, waarden: dict[str, Any]) -> tuple[QuerySet[Any], Any, str, tuple[Any, ...]]:
        """The queryset for `waarden`, its compiler, and its SQL with parameters — preceded by
        the common table expressions of `met` (`WITH name AS MATERIALIZED (…)`): a value the
        query needs in many places, computed once (`cte`)."""
        qs = self.bouw(**waarden)
        compiler = qs.query.get_compiler(using=self.using)
        sql, params = compiler.as_sql()
        if self.met is not None:
            delen, voor = [], []
            for naam, deel in self.met(**waarden).items():
                cte_sql, cte_params = deel.query.get_compiler(using=self.using).as_sql()
                delen.append(f'"{_naam(naam)}" AS MATERIALIZED ({cte_sql})')
                voor.extend(cte_params)
            sql, params = f"WITH {', '.join(delen)} {sql}", (*voor, *params)
        return qs, compiler, sql, tuple(params)

    def _gecompileerd(self, connection: Any) -> tuple[QuerySet[Any], Any, str, list[Any], list]:
        markers = {naam: _marker(soort, i) for i, (naam, soort) in enumerate(self.soorten.items())}
        qs, compiler, sql, params = self._sql(markers)
        aanpassingen = {naam: _aanpassing(s, connection) for naam, s in self.soorten.items()}
        posities = []
        for i, p in enumerate(params):
            for naam, marker in markers.items():
                aanpassen = aanpassingen[naam]
                if type(p) is type(marker) and p == marker:
                    posities.append((i, naam, None))
                elif p == aanpassen(marker) and type(p) is not type(marker):
                    posities.append((i, naam, aanpassen))
        ontbreekt = set(self.soorten) - {naam for _, naam, _ in posities}
        if ontbreekt:
            raise ValueError(f"Waarden niet als parameter in de SQL: {sorted(ontbreekt)}")
        kennis = (qs, compiler, sql, list(params), posities)
        connection.__dict__.setdefault("_eenplan_gecompileerd", {})[self._sleutel] = kennis
        return kennis

    def lees(self, **waarden: Any) -> list[Any]:
        """The rows of the query for `waarden` (every name given at construction)."""
        if set(waarden) != set(self.soorten):
            raise TypeError(f"Verwacht {sorted(self.soorten)}, kreeg {sorted(waarden)}")
        connection = connections[self.using]
        if not all(type(w) is self.soorten[naam] for naam, w in waarden.items()):
            if self.met is None:
                return list(self.bouw(**waarden))
            qs, compiler, sql, vast = self._sql(waarden)  # built anew, with its expressions
            params = list(vast)
        else:
            kennis = connection.__dict__.get("_eenplan_gecompileerd", {}).get(self._sleutel)
            qs, compiler, sql, params, posities = kennis or self._gecompileerd(connection)
            params = list(params)
            for i, naam, aanpassen in posities:
                params[i] = aanpassen(waarden[naam]) if aanpassen else waarden[naam]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rijen = cursor.fetchall()
        if compiler.has_extra_select:
            # Columns added for ORDER BY only, cut off as Django's cursor iterator does.
            rijen = [r[: compiler.col_count] for r in rijen]
        kopie = copy.copy(compiler)
        kopie.execute_sql = lambda *_a, **_k: [rijen]
        gelezen = qs.all()
        gelezen.query.get_compiler = lambda *_a, **_k: kopie  # type: ignore[method-assign]
        return list(gelezen)

    def eerste(self, **waarden: Any) -> Any:
        """The first row of the query for `waarden` (as `lees`), or None without rows."""
        return next(iter(self.lees(**waarden)), None)
