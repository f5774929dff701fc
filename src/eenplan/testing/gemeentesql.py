"""Does every query on a table of one municipality carry the municipality condition?

Issue 16 (a region in one installation; sharding by municipality with Citus): a table with a
`gemeente` column belongs to one municipality per row. A query that reads such a table without
a condition on that column (`gemeente_id = %s` or `gemeente_id IN (...)`) reads across every
municipality of the installation — on one machine it relies on other conditions (a primary key
the access module checked, a join) to stay within one, and on a sharded cluster it goes to every
shard. `tests/test_access_matrix.py` runs every page and API call of the access sweep through
`toets` and fails on a query without the condition that is not in the known list below.

`KNOWN` is a ratchet, like the matrix's PENDING: the (route, table) pairs without the condition,
each a query that finds its rows by primary key or through a parent row that was found within
the municipality. docs/scaling.md lists them as not shard-local today. Every route a staff role
may read is measured (the test enumerates them from the matrix); the test fails on a new pair
on any route and on a known pair that no longer occurs (the list only shrinks).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from django.apps import apps

_TABEL = re.compile(r'(?:FROM|JOIN)\s+"(\w+)"(?:\s+(?:AS\s+)?"?(\w+)"?)?', re.IGNORECASE)
_GEEN_ALIAS = {"ON", "WHERE", "INNER", "LEFT", "RIGHT", "FULL", "GROUP", "ORDER", "LIMIT", "AS"}


@cache
def gemeente_tabellen() -> frozenset[str]:
    """The tables of eenplan models with a `gemeente` foreign key: owned by one municipality."""
    tabellen = set()
    for model in apps.get_models():
        if not model.__module__.startswith("eenplan."):
            continue
        velden = {f.name for f in model._meta.concrete_fields}
        if "gemeente" in velden and model._meta.db_table != "gemeente_gemeente":
            tabellen.add(model._meta.db_table)
    return frozenset(tabellen)


def _aliassen(sql: str) -> dict[str, set[str]]:
    """Per municipality-owned table in the query: the names it goes by (table and aliases)."""
    namen: dict[str, set[str]] = defaultdict(set)
    for tabel, alias in _TABEL.findall(sql):
        if tabel in gemeente_tabellen():
            namen[tabel].add(tabel)
            if alias and alias.upper() not in _GEEN_ALIAS:
                namen[tabel].add(alias)
    return namen


def zonder_gemeente(sql: str) -> list[str]:
    """The municipality-owned tables this query reads without a condition on their own
    `gemeente_id` (an equality or IN on the column, by table name or alias)."""
    if not sql.lstrip().upper().startswith(("SELECT", "WITH")):
        return []  # a write (its rows were decided on before) or a setting
    missend = []
    for tabel, namen in _aliassen(sql).items():
        heeft = any(
            re.search(rf'"?{re.escape(naam)}"?\."gemeente_id"\s*(=|IN\b)', sql) for naam in namen
        )
        if not heeft:
            missend.append(tabel)
    return missend


@dataclass
class Bevindingen:
    """What a sweep found: per (route, table) the number of queries without the condition,
    and the queries that were checked at all."""

    zonder: dict[tuple[str, str], int] = field(default_factory=lambda: defaultdict(int))
    voorbeelden: dict[tuple[str, str], str] = field(default_factory=dict)
    queries: int = 0
    met_tabel: int = 0
    routes: set[str] = field(default_factory=set)
    lokaal: set[str] = field(default_factory=set)  # routes whose every query has the condition

    def toets(self, route: str, sqls: list[str]) -> None:
        self.routes.add(route)
        alles_goed = True
        for sql in sqls:
            self.queries += 1
            if _aliassen(sql):
                self.met_tabel += 1
            for tabel in zonder_gemeente(sql):
                alles_goed = False
                self.zonder[(route, tabel)] += 1
                self.voorbeelden.setdefault((route, tabel), sql[:400])
        if alles_goed:
            self.lokaal.add(route)


# (route, table): queries measured without the municipality condition when the test came in,
# one pair a line in gemeentesql_bekend.txt. Mostly a record found by primary key after the
# access module decided (the dossier, a melding, a plan's parts), the login's own teams and
# memberships, or a child reached through its parent row. See docs/scaling.md. Regenerate after
# fixing some (the list may only shrink):
#   EENPLAN_GEMEENTESQL_SCHRIJF=1 pytest tests/test_access_matrix.py -k municipality_condition
BEKEND_PAD = Path(__file__).with_name("gemeentesql_bekend.txt")


def _bekend() -> set[tuple[str, str]]:
    if not BEKEND_PAD.exists():
        return set()
    rijen = (r.split() for r in BEKEND_PAD.read_text().splitlines() if r and r[0] != "#")
    return {(r[0], r[1]) for r in rijen}


KNOWN: set[tuple[str, str]] = _bekend()


def schrijf_bekend(zonder: Iterable[tuple[str, str]]) -> None:
    kop = "# (route, table) read without the municipality condition; see gemeentesql.py\n"
    BEKEND_PAD.write_text(kop + "".join(f"{r} {t}\n" for r, t in sorted(zonder)))
