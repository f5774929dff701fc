"""Reading the query of an indicator request (`per`, `van`, `tot` and a filter per dimension),
the same names on the pages and in the API; bad input is a Dutch ValidationError."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from django.core.exceptions import ValidationError

from eenplan.sturing.registry import DIMENSIES, PERIODEN
from eenplan.sturing.selectors import standaard_periode

FILTER_DIMENSIES = tuple(d for d in DIMENSIES if d not in PERIODEN)
PARAMETERS = ("per", "van", "tot", *FILTER_DIMENSIES)


@dataclass(frozen=True)
class Verzoek:
    per: str | None
    van: dt.date
    tot: dt.date
    filters: dict[str, str]


def _datum(tekst: str, naam: str) -> dt.date:
    try:
        return dt.date.fromisoformat(tekst)
    except ValueError as e:
        raise ValidationError({naam: "Geef een datum als JJJJ-MM-DD."}) from e


def lees(query: Mapping[str, str], *, vandaag: dt.date | None = None) -> Verzoek:
    van, tot = standaard_periode(vandaag)
    if query.get("tot"):
        tot = _datum(query["tot"], "tot")
        van = standaard_periode(tot)[0]
    if query.get("van"):
        van = _datum(query["van"], "van")
    filters = {d: query[d].strip() for d in FILTER_DIMENSIES if query.get(d, "").strip()}
    for d, w in filters.items():
        if len(w) > 200:
            raise ValidationError({d: "Deze waarde is te lang."})
    return Verzoek(per=query.get("per") or None, van=van, tot=tot, filters=filters)
