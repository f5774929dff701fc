"""Measuring pages on a database that must not change (issue 16: the large demo databases are
built once and measured by several people; a measurement must not add access-log rows,
sessions or logins to them).

`alleen_lezen()` opens the connection read-only (`default_transaction_read_only`), answers
every INSERT, UPDATE and DELETE with an empty result instead of sending it, and keeps the
session in a signed cookie; `inloggen()` logs a client in without the login signals (no
`last_login`, no login record). What a page reads runs as it does for a user, so its queries
and their times are real; what it would write (its access-log rows) is counted in
`Geschreven.aantal`, not written. A write that slips past the wrapper is refused by the
database itself, so the page fails instead of changing anything.

Used by `python -m eenplan.bench_schaal --alleen-lezen` and `python -m eenplan.bench_explain
--alleen-lezen`.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import import_module
from typing import Any

SCHRIJVEN = ("INSERT", "UPDATE", "DELETE")


@dataclass
class Geschreven:
    """The writes the pages would have done (not sent): how many, and the first of each kind."""

    aantal: int = 0
    voorbeelden: dict[str, str] = field(default_factory=dict)


@contextlib.contextmanager
def alleen_lezen() -> Iterator[Geschreven]:
    """Within the block the default connection only reads (see the module's docstring)."""
    from django.conf import settings
    from django.db import connection

    if connection.vendor != "postgresql":
        raise RuntimeError("alleen_lezen needs PostgreSQL (default_transaction_read_only).")
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.signed_cookies"
    opties = connection.settings_dict.setdefault("OPTIONS", {})
    oud = opties.get("options", "")
    opties["options"] = f"{oud} -c default_transaction_read_only=on".strip()
    connection.close()  # the next query connects with the option
    geschreven = Geschreven()

    def niet_schrijven(execute, sql, params, many, context):  # type: ignore[no-untyped-def]
        woord = sql.lstrip().split(None, 1)[0].upper() if sql.strip() else ""
        if woord in SCHRIJVEN:
            geschreven.aantal += 1
            geschreven.voorbeelden.setdefault(sql.split("(", 1)[0][:80], sql[:300])
            return execute(*_in_plaats_van(sql, params), False, context)
        return execute(sql, params, many, context)

    try:
        with connection.execute_wrapper(niet_schrijven):
            yield geschreven
    finally:
        opties["options"] = oud
        connection.close()


_INSERT = re.compile(
    r"^\s*INSERT\s+INTO\s+\S+\s*\([^)]*\)\s*(?P<bron>.*?)(?:\s+RETURNING\s+[^()]*)?\s*$",
    re.IGNORECASE | re.DOTALL,
)


def _in_plaats_van(sql: str, params: Any) -> tuple[str, Any]:
    """What runs instead of a write: for an INSERT, a SELECT of one empty row per row it would
    insert (its VALUES or UNNEST as a subquery, with the same parameters), so the caller that
    reads the new keys (`bulk_create`) gets as many as it sent; else nothing."""
    gevonden = _INSERT.match(sql)
    if gevonden is not None:
        # The statement Django itself composed, only moved into a subquery.
        return f"SELECT NULL FROM ({gevonden['bron']}) AS _niet_geschreven", params  # noqa: S608
    return "SELECT 1 WHERE FALSE", None


def inloggen(client: Any, user: Any) -> None:
    """Log `client` in as `user` with a session in a signed cookie: no query, no signal (so
    no `last_login` update and no login record in the database)."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY

    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store[SESSION_KEY] = user._meta.pk.value_to_string(user)
    store[BACKEND_SESSION_KEY] = next(
        b for b in settings.AUTHENTICATION_BACKENDS if "axes" not in b
    )
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.save()
    client.cookies[settings.SESSION_COOKIE_NAME] = store.session_key
