"""The deadline state of a worklist row (op schema / bijna verlopen / verlopen), computed once,
in SQL, by every list that shows one: meldingen, aanvragen, bezwaren and klachten (issue 9,
item 5). Pages and API read the same annotation, so they never disagree.

The thresholds come from the pure rule `rules.termijnen.termijn_status`: a deadline is missed
after its last day, nearly due when its last day falls within five working days from today
(today included), else on schedule. Working days count the Atw holidays plus the days the
municipality declared equal to one (`extra`; `gemeente.selectors.termijn_drempels` passes
them). Computing the two threshold dates in Python once and comparing the date column with
them in SQL gives exactly `termijn_status` for every row (a test sweeps many dates).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.db.models import Case, CharField, Q, Value, When

from eenplan.rules.termijnen import GelijkgesteldeDag, TermijnStatus, werkdagen_later

WAARSCHUWING_WERKDAGEN = 5


@dataclass(frozen=True)
class Drempels:
    """The dates that split deadlines into states on `vandaag`."""

    vandaag: dt.date
    waarschuwing: dt.date  # the last day that still counts as "due within 5 working days"

    @classmethod
    def bereken(
        cls,
        vandaag: dt.date,
        *,
        extra: Iterable[GelijkgesteldeDag] | None = None,
        waarschuwing_werkdagen: int = WAARSCHUWING_WERKDAGEN,
    ) -> Drempels:
        grens = werkdagen_later(vandaag, waarschuwing_werkdagen, extra=extra)
        return cls(vandaag=vandaag, waarschuwing=grens)


def termijn_stand(
    veld: str,
    drempels: Drempels,
    *,
    loopt: Q | None = None,
    eerst: Sequence[When] = (),
    zonder_datum: str | None = None,
) -> Case:
    """A `Case` giving the state of the deadline in the date column `veld` on
    `drempels.vandaag`: `verlopen`, `bijna_verlopen` or `op_schema` (the values of
    `rules.termijnen.TermijnStatus`).

    `loopt`: only rows matching it have a running deadline; the others get NULL (a decided
    aanvraag, a bezwaar with an outcome, a handled klacht). `eerst`: states that come before
    the deadline (the melding's `afgerond`). `zonder_datum`: the state of a row whose date is
    empty (the melding's `opgeschort`); without it such a row is NULL."""
    whens: list[When] = list(eerst)
    if loopt is not None:
        whens.append(When(~loopt, then=Value(None)))
    whens.append(
        When(
            **{f"{veld}__isnull": True},
            then=Value(zonder_datum) if zonder_datum is not None else Value(None),
        )
    )
    whens += [
        When(**{f"{veld}__lt": drempels.vandaag}, then=Value(TermijnStatus.VERLOPEN.value)),
        When(
            **{f"{veld}__lte": drempels.waarschuwing},
            then=Value(TermijnStatus.BIJNA_VERLOPEN.value),
        ),
    ]
    return Case(*whens, default=Value(TermijnStatus.OP_SCHEMA.value), output_field=CharField())
