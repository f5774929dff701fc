"""One plan per query and connection for the hottest keyed reads (issue 16, ADR 0053).

With prepared statements (`DATABASE_PREPARE_THRESHOLD`, ADR 0051) PostgreSQL may keep one
*generic* plan per statement instead of planning it again for every set of values. It does so
only when it estimates the generic plan no dearer than one made for the values. For a staff
member's own worklist it never does: it cannot know how many open meldingen that person has,
so it prices the generic plan for the average one, far above the custom plan. Every request
then plans the query again: at 1M residents 1.3-1.5 ms of planning for 0.2 ms of work.

`vast_plan()` asks for the generic plan (`plan_cache_mode = force_generic_plan`) for the queries
sent inside the block, without parallel workers (priced for the average staff member, the
generic plan started a parallel scan whose workers alone cost 7-13 ms; without them it is the
custom plan's index read), and sets both back after. Measured at 1M residents (ADR 0053): the
own worklist's query 1.93 → 0.45 ms, the team's 3.36 → 1.91 ms.

Use it only for a query keyed by something small (a staff member, a team, a record's key)
whose generic plan was checked with EXPLAIN at 100k and 1M residents. Never for a search on
the start of a name (`LIKE $1`: a generic plan cannot use the index for a pattern it does not
know and reads every resident), nor for a list of the whole municipality (its generic plan
estimates tens of thousands of rows and may turn to reading every resident as it grows). Does
nothing on SQLite or without prepared statements.
"""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Iterator

from django.db import DatabaseError, connections

# One statement each way (a round trip each): the generic plan, and no parallel workers — a
# generic plan prices a staff member's worklist for the average one (2,145 open meldingen at
# 1M residents) and chose a parallel scan whose workers alone took 7-50 ms (ADR 0051); without
# them it is the custom plan's index read. The first reads the values it replaces (a select
# list is evaluated in order), the second puts them back.
_ZET = (
    "SELECT current_setting('plan_cache_mode'), "
    "current_setting('max_parallel_workers_per_gather'), "
    "set_config('plan_cache_mode', 'force_generic_plan', false), "
    "set_config('max_parallel_workers_per_gather', '0', false)"
)
_TERUG = (
    "SELECT set_config('plan_cache_mode', %s, false), "
    "set_config('max_parallel_workers_per_gather', %s, false)"
)

_diepte: contextvars.ContextVar[int] = contextvars.ContextVar("eenplan_vast_plan", default=0)


def _geldt(alias: str) -> bool:
    connection = connections[alias]
    opties = connection.settings_dict.get("OPTIONS", {})
    return connection.vendor == "postgresql" and opties.get("prepare_threshold") is not None


@contextlib.contextmanager
def vast_plan(alias: str = "default") -> Iterator[None]:
    """The queries sent inside the block use PostgreSQL's generic plan once prepared (see the
    module). Two short statements around the block; nested blocks share the outer one's."""
    if not _geldt(alias) or _diepte.get():
        yield
        return
    connection = connections[alias]
    with connection.cursor() as cursor:
        cursor.execute(_ZET)
        vorig = list(cursor.fetchone()[:2])
    token = _diepte.set(1)
    try:
        yield
    finally:
        _diepte.reset(token)
        # A transaction that is rolled back takes the SET with it; otherwise set it back.
        if not connection.needs_rollback and connection.connection is not None:
            with contextlib.suppress(DatabaseError), connection.cursor() as cursor:
                cursor.execute(_TERUG, vorig)
