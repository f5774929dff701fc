"""IV077 counts weeks, months and Sundays of a period; it does so without walking the days
(a toewijzing of years is checked on every claim line). The counts equal the definition: the
distinct ISO (year, week), calendar months and Sundays among the days of the period."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from eenplan.istandaarden.regels import _iso_weken, _maanden, _zondagen

datums = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2060, 12, 31))


def _dagen(begin: dt.date, eind: dt.date) -> list[dt.date]:
    return [begin + dt.timedelta(days=i) for i in range((eind - begin).days + 1)]


@given(datums, st.integers(min_value=0, max_value=1200))
def test_counts_equal_walking_the_days(begin: dt.date, lengte: int) -> None:
    eind = begin + dt.timedelta(days=lengte)
    dagen = _dagen(begin, eind)
    assert _iso_weken(begin, eind) == len({d.isocalendar()[:2] for d in dagen})
    assert _maanden(begin, eind) == len({(d.year, d.month) for d in dagen})
    assert _zondagen(begin, eind) == sum(1 for d in dagen if d.weekday() == 6)


def test_known_periods() -> None:
    # 2026-12-28 (Monday) to 2027-01-03 (Sunday) is ISO week 53 of 2026: one week.
    assert _iso_weken(dt.date(2026, 12, 28), dt.date(2027, 1, 3)) == 1
    assert _iso_weken(dt.date(2026, 12, 27), dt.date(2027, 1, 4)) == 3
    assert _maanden(dt.date(2026, 1, 31), dt.date(2026, 3, 1)) == 3
    assert _zondagen(dt.date(2026, 12, 5), dt.date(2026, 12, 31)) == 4
    assert _iso_weken(dt.date(2026, 1, 2), dt.date(2026, 1, 1)) == 0
