"""The test run's clock (`eenplan.testing.klok`): one calendar day per run, starting at noon in
Amsterdam, so that no run crosses midnight between the "today" a test module took at import and
the "today" the services take later."""

from __future__ import annotations

import datetime as dt
import time

from django.utils import timezone

from eenplan.testing import klok
from eenplan.testing.klok import AMSTERDAM, middag


def test_noon_is_taken_on_the_amsterdam_day_of_the_moment() -> None:
    # 23:30 UTC on 6 December is already 7 December in Amsterdam (CET, UTC+1).
    laat = dt.datetime(2026, 12, 6, 23, 30, tzinfo=dt.UTC)
    assert middag(laat) == dt.datetime(2026, 12, 7, 12, tzinfo=AMSTERDAM)
    # 21:30 UTC on 1 July is 23:30 in Amsterdam (CEST, UTC+2): still 1 July.
    zomer = dt.datetime(2026, 7, 1, 21, 30, tzinfo=dt.UTC)
    assert middag(zomer) == dt.datetime(2026, 7, 1, 12, tzinfo=AMSTERDAM)


def test_this_run_started_at_noon_in_amsterdam_and_keeps_ticking() -> None:
    """The clock of this process was moved to noon when the run began and has run on since, as
    far as the monotonic clock (which nothing moves) has: without the plugin it shows the real
    time, hours from noon on most runs."""
    assert klok.BEGIN, "the plugin eenplan.testing.klok is not active (pyproject addopts)"
    begin, monotoon = klok.BEGIN[0]
    assert begin.astimezone(AMSTERDAM).time() == dt.time(12)
    verstreken = time.monotonic() - monotoon
    assert abs((timezone.now() - begin).total_seconds() - verstreken) < 60
    assert timezone.localdate() == begin.astimezone(AMSTERDAM).date()
