"""A page's parts read as JSON columns of its main row: one query instead of one per prefetch.

Issue 16: under load every query costs about as much as a page's whole floor, so a page with
nine prefetches is nine times slower than it needs to be. A `Deel` describes one prefetch (the
child rows of the main row, their forward references as with `select_related`, and parts of
their own); `met_delen` adds each as a column to the main query — the child rows as one JSON
array of arrays, in a correlated subquery — and `delen_vullen` turns the columns back into
model instances, put where the prefetch would have put them (`obj.doelen.all()` answers
without a query), or in an attribute list.

The instances are the ones the ORM would have made: every concrete field (binary ones
deferred), converted as the database backend converts it (dates, times with their zone,
booleans, JSON). The order is the
database's: each row carries its `ROW_NUMBER()` over the part's order (`volgorde`, by default
the model's `Meta.ordering`), NULLs and strings ordered as the database orders them. On
PostgreSQL a row is `JSONB_BUILD_ARRAY`, on SQLite `JSON_ARRAY`, in chunks of at most 50
values (PostgreSQL takes at most 100 arguments per function).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from django.db import connections, models
from django.db.models import F, OrderBy, QuerySet, Subquery, Window
from django.db.models.functions import RowNumber

from eenplan.common.aggregaten import json_waarde

_STUK = 50  # values per JSON array: PostgreSQL functions take at most 100 arguments


@dataclass(frozen=True)
class Deel:
    """One part of a row: the rows of `queryset` (filtered on an `OuterRef` to the main row).

    `naam`: the related manager on the main row whose prefetch cache gets the rows (as
    `prefetch_related(naam)`), or, with `als_lijst`, the attribute that gets them as a list.
    `mee`: forward relations loaded with each row, as `select_related` paths.
    `volgorde`: the order of the rows (field paths, "-" for descending); default the model's
    `Meta.ordering`. `delen`: the parts of each row; `aan`: for a part of a part, the object
    of the row it belongs to, a `mee` path of that part (a member's network hangs on its
    resident). `extra`: annotations of `queryset` kept as attributes of each row's object."""

    naam: str
    queryset: QuerySet[Any]
    mee: tuple[str, ...] = ()
    volgorde: tuple[str, ...] | None = None
    delen: tuple[Deel, ...] = ()
    als_lijst: bool = False
    aan: str = ""
    extra: tuple[str, ...] = ()


def _kolom(naam: str) -> str:
    return f"_deel_{naam}"


def _paden(deel: Deel) -> list[tuple[str, type[models.Model]]]:
    """The row's own model ("") and each model of `mee`, parents before children."""
    model = deel.queryset.model
    paden: list[tuple[str, type[models.Model]]] = [("", model)]
    gezien = {""}
    for pad in deel.mee:
        huidig = model
        delen = pad.split("__")
        for i, stap in enumerate(delen):
            veld = huidig._meta.get_field(stap)
            huidig = veld.related_model  # type: ignore[assignment]
            deelpad = "__".join(delen[: i + 1])
            if deelpad not in gezien:
                gezien.add(deelpad)
                paden.append((deelpad, huidig))
    return paden


class JsonRijen(Subquery):
    """The rows of a queryset (its selected columns, in order) as one JSON array of arrays;
    NULL without rows. The row number (`_n`, the last column) keeps the database's order."""

    def __init__(self, queryset: QuerySet[Any], kolommen: list[str]) -> None:
        self.kolommen = kolommen
        super().__init__(queryset.values(*kolommen), output_field=models.JSONField())

    def as_sql(self, compiler: Any, connection: Any, template: Any = None, **extra: Any) -> Any:
        postgres = connection.vendor == "postgresql"
        rij = "JSONB_BUILD_ARRAY" if postgres else "JSON_ARRAY"
        namen = [f"_r.{connection.ops.quote_name(k)}" for k in self.kolommen]
        stukken = [f"{rij}({', '.join(namen[i : i + _STUK])})" for i in range(0, len(namen), _STUK)]
        agg = "JSONB_AGG" if postgres else "JSON_GROUP_ARRAY"
        # Only quoted column aliases and function names: no value is put into the SQL.
        template = f"(SELECT {agg}({rij}({', '.join(stukken)})) FROM (%(subquery)s) _r)"  # noqa: S608
        return super().as_sql(compiler, connection, template=template, **extra)


def _volgorde(deel: Deel) -> list[OrderBy]:
    volgorde = deel.volgorde
    if volgorde is None:
        volgorde = tuple(deel.queryset.model._meta.ordering)  # type: ignore[arg-type]
    return [F(v[1:]).desc() if v.startswith("-") else F(v).asc() for v in volgorde or ("pk",)]


def _vorm(deel: Deel) -> list[tuple[str, list[Any]]]:
    """What each row of the part holds, in order: per model of the row its concrete fields
    but the binary ones (a letter's PDF, a logo: JSON holds no bytes), which stay deferred as
    with `QuerySet.defer` (read when used)."""
    return [
        (pad, [v for v in model._meta.concrete_fields if not isinstance(v, models.BinaryField)])
        for pad, model in _paden(deel)
    ]


def _subquery(deel: Deel) -> JsonRijen:
    """The part as a JSON column: per row the fields of `_vorm`, each part, and `_n`."""
    kolommen: dict[str, Any] = {}
    for pad, velden in _vorm(deel):
        for veld in velden:
            naam = f"{pad}__{veld.attname}" if pad else veld.attname
            kolommen[f"_k{len(kolommen)}"] = F(naam)
    delen = {f"_d{i}": _subquery(sub) for i, sub in enumerate(deel.delen)}
    # The annotations of `extra` by their own name (an alias of an aggregate would refer to a
    # column the subquery no longer selects).
    namen = [*kolommen, *deel.extra, *delen, "_n"]
    kolommen |= delen
    kolommen["_n"] = Window(RowNumber(), order_by=_volgorde(deel))
    qs = deel.queryset.prefetch_related(None).order_by().annotate(**kolommen)
    return JsonRijen(qs, namen)


def met_delen(queryset: QuerySet[Any], *delen: Deel) -> QuerySet[Any]:
    """`queryset` with each part as a JSON column (`delen_vullen` unpacks them)."""
    return queryset.annotate(**{_kolom(d.naam): _subquery(d) for d in delen})


def _json(waarde: Any) -> Any:
    # SQLite nests a part's JSON (a subquery's) as text; PostgreSQL as JSON.
    return json.loads(waarde) if isinstance(waarde, str) else waarde


def _object(deel: Deel, rij: list[Any], db: str) -> models.Model:
    tekst_json = connections[db].vendor != "postgresql"
    waarden = iter(v for stuk in rij for v in stuk)
    per_pad: dict[str, models.Model | None] = {}
    for pad, velden in _vorm(deel):
        rijwaarden = [json_waarde(v, next(waarden), tekst_json) for v in velden]
        model = velden[0].model
        pk_index = next(i for i, v in enumerate(velden) if v.primary_key)
        if rijwaarden[pk_index] is None:
            per_pad[pad] = None
        else:
            obj = model.from_db(db, [v.attname for v in velden], rijwaarden)
            per_pad[pad] = obj
        if pad:
            ouder_pad, _, stap = pad.rpartition("__")
            ouder = per_pad[ouder_pad]
            if ouder is not None:
                ouder._meta.get_field(stap).set_cached_value(ouder, per_pad[pad])  # type: ignore[union-attr]
    obj = per_pad[""]
    assert obj is not None
    annotaties = deel.queryset.query.annotations
    for naam in deel.extra:
        setattr(obj, naam, json_waarde(annotaties[naam].output_field, next(waarden), tekst_json))
    for sub in deel.delen:
        waarde = next(waarden)
        if (eigenaar := per_pad[sub.aan]) is not None:
            _vullen(eigenaar, sub, waarde, db)
    return obj


def _vullen(ouder: models.Model, deel: Deel, waarde: Any, db: str) -> None:
    rijen = sorted(_json(waarde) or [], key=lambda r: r[-1][-1])  # by `_n`
    objecten = [_object(deel, rij, db) for rij in rijen]
    if deel.als_lijst:
        setattr(ouder, deel.naam, objecten)
        return
    manager = getattr(ouder, deel.naam)
    terug = getattr(manager, "field", None)  # the child's foreign key to `ouder`
    if terug is not None:
        for obj in objecten:
            terug.set_cached_value(obj, ouder)
    qs = manager.all()
    qs._result_cache = objecten
    qs._prefetch_done = True
    cache = ouder.__dict__.setdefault("_prefetched_objects_cache", {})
    cache[getattr(manager, "prefetch_cache_name", deel.naam)] = qs


def delen_vullen(obj: models.Model, *delen: Deel) -> None:
    """Unpack the JSON columns `met_delen` added into the parts of `obj` (see `Deel`)."""
    db = obj._state.db or "default"
    for deel in delen:
        _vullen(obj, deel, obj.__dict__.pop(_kolom(deel.naam), None), db)
