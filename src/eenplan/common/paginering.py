"""Pages of a list whose total is counted only up to a bound (issue 16).

Django's Paginator counts every row to number the pages. For a search that may match tens of
thousands of residents that count costs more than the page itself; `BegrensdePaginator`
counts at most `max_aantal` rows (and one more, to know there are more), and pages within that
bound. The API's pagination with the same bound is `common.api.BegrensdePagination`."""

from __future__ import annotations

from functools import cached_property
from typing import Any

from django.core.paginator import Paginator


def tel_tot(rijen: Any, grens: int) -> int:
    """The number of rows in `rijen`, counting no further than `grens`: a queryset as
    `SELECT count(*) FROM (SELECT … LIMIT grens)`, a list of search results by its own
    `tel_tot` (`inwoners.selectors.Zoekresultaten`)."""
    eigen = getattr(rijen, "tel_tot", None)
    if eigen is not None:
        return int(eigen(grens))
    if isinstance(rijen, list | tuple):
        return min(len(rijen), grens)
    return int(rijen.order_by()[:grens].count())


class BegrensdePaginator(Paginator):
    """A Paginator that counts at most `max_aantal` rows. `count` is then `max_aantal` and
    `meer` is true: the page says "meer dan …" instead of a number it would have to count."""

    def __init__(self, object_list: Any, per_page: int, *, max_aantal: int, **kwargs: Any):
        super().__init__(object_list, per_page, **kwargs)
        self.max_aantal = max_aantal

    @cached_property
    def _geteld(self) -> int:
        return tel_tot(self.object_list, self.max_aantal + 1)

    @cached_property
    def count(self) -> int:  # type: ignore[override]
        return min(self._geteld, self.max_aantal)

    @property
    def meer(self) -> bool:
        """More rows than `max_aantal` match (the count stopped there)."""
        return self._geteld > self.max_aantal
