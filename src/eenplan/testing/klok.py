"""One calendar day for a whole test run (a pytest plugin, `-p eenplan.testing.klok` in
pyproject): the clock of the test process starts at noon in Amsterdam on the day the run
starts and runs on from there (`time_machine`, ticking).

Why: many tests take "today" once, at import (`VANDAAG = timezone.localdate()`), and the
services take it again when they run; a run that crossed midnight in Amsterdam (the suite takes
about half an hour, a CI run up to 90 minutes) compared yesterday's dates with today's and
failed, whatever the code did. Starting at noon, no run reaches midnight.

Everything eenplan reads the time from goes through Python (`timezone.now`, `localdate`,
`time.time` for the session's idle limit and one-time codes); no query asks the database for
its clock, and the browser tests' session cookie ends with the browser (no expiry date), so the
live server and the browser agree. `time.monotonic` and `perf_counter` are not moved."""

from __future__ import annotations

import datetime as dt
import time
from typing import Any
from zoneinfo import ZoneInfo

import time_machine

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
_reis: list[Any] = []
BEGIN: list[tuple[dt.datetime, float]] = []
"""The moment the run's clock started at and `time.monotonic()` then (never moved)."""


def middag(nu: dt.datetime) -> dt.datetime:
    """Noon in Amsterdam on the Amsterdam day of `nu` (an aware moment)."""
    dag = nu.astimezone(AMSTERDAM).date()
    return dt.datetime.combine(dag, dt.time(12), tzinfo=AMSTERDAM)


def pytest_configure(config: Any) -> None:
    begin = middag(dt.datetime.now(dt.UTC))
    reis = time_machine.travel(begin, tick=True)
    reis.start()
    _reis.append(reis)
    BEGIN.append((begin, time.monotonic()))


def pytest_unconfigure(config: Any) -> None:
    while _reis:
        _reis.pop().stop()
