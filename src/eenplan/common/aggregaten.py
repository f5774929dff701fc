"""`JsonLijst`: the rows of a subquery as one JSON array, on PostgreSQL and SQLite alike.

Used where a page needs a few small sets next to one row (the login's permissions, wijken and
teams next to its medewerker record, `gemeente.selectors.medewerker_for_user`): one query
instead of one per set (issue 16: every query of the fixed part of a request costs about as
much as a page's floor). PostgreSQL: `JSONB_AGG(x ORDER BY x)` when `geordend` — a JSON array
`x` orders element by element, strings in the database collation, so `JSONArray("naam", "id")`
orders as `ORDER BY naam, id`; SQLite: `JSON_GROUP_ARRAY(x)` in no set order (3.40 has no
ORDER BY inside an aggregate): the caller sorts, and SQLite's BINARY collation is Python's
order of strings. Without rows the result is NULL (None): the caller reads it as [].

`rijen_json` / `rijen_uit_json` (with `Rijen`, `als_prefetch`): whole rows of a child table, with
their related rows, as one JSON column of the parent's query and back into model instances — a
record page's parts in the query of its record instead of a query (or prefetch) each
(the dossier, the beschikking; docs/architecture.md, "Parts of a page in one query").
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import (
    Aggregate,
    BinaryField,
    BooleanField,
    DateField,
    DateTimeField,
    DecimalField,
    F,
    Field,
    JSONField,
    Model,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.fields.reverse_related import ForeignObjectRel, ManyToOneRel
from django.db.models.functions import JSONArray
from django.utils.dateparse import parse_datetime


class JsonLijst(Aggregate):
    function = "JSONB_AGG"
    output_field = JSONField()

    def __init__(self, expression: Any, *, geordend: bool = False, **extra: Any) -> None:
        self.geordend = geordend
        super().__init__(expression, **extra)

    def as_postgresql(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        if not self.geordend:
            return self.as_sql(compiler, connection, **extra)
        waarde, params = compiler.compile(self.get_source_expressions()[0])
        return f"JSONB_AGG({waarde} ORDER BY {waarde})", (*params, *params)

    def as_sqlite(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        return self.as_sql(compiler, connection, function="JSON_GROUP_ARRAY", **extra)


# --- whole rows of a child table next to their parent's row -------------------------------------


class _Rijenlijst(Aggregate):
    """`JSONB_AGG(rij ORDER BY …)` on PostgreSQL (the order of `QuerySet.order_by`, collation
    and NULLs included); `JSON_GROUP_ARRAY(rij)` on SQLite, sorted by `rijen_uit_json`."""

    function = "JSONB_AGG"

    def __init__(self, rij: Any, *volgorde: Any) -> None:
        self.aantal_volgorde = len(volgorde)
        super().__init__(rij, *volgorde, output_field=JSONField())

    def as_postgresql(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        rij, *volgorde = self.get_source_expressions()[:-1]  # the last: the aggregate's filter
        sql, params = compiler.compile(rij)
        if not volgorde:
            return f"JSONB_AGG({sql})", params
        delen = [compiler.compile(v) for v in volgorde]
        return (
            f"JSONB_AGG({sql} ORDER BY {', '.join(d for d, _ in delen)})",
            (*params, *(p for _, ps in delen for p in ps)),
        )

    def as_sqlite(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        sql, params = compiler.compile(self.get_source_expressions()[0])
        return f"JSON_GROUP_ARRAY({sql})", params


@dataclass(frozen=True)
class Rijen:
    """How the rows of a child table travel as JSON next to their parent's row (`rijen_json`)
    and become model instances again (`rijen_uit_json`): every concrete column of the model
    except binary ones and a login's password hash (those stay deferred), and per foreign key
    in `samen` the related row as well (as `select_related` joins it, "medewerker__user" after
    "medewerker"; None when the key is empty). `extra`: more values
    per row (a nested `rijen_json`, say), set as attributes of the instance. `volgorde`: as
    `order_by`, on the model's columns (attnames) or `extra` names."""

    model: type[Model]
    samen: tuple[str, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)
    volgorde: tuple[str, ...] = ()

    def velden(self, model: type[Model] | None = None) -> list[Field]:
        model = model or self.model
        return [f for f in model._meta.concrete_fields if not _blijft_achter(model, f)]

    def gerelateerd(self, pad: str) -> type[Model]:
        """The model at the end of a path in `samen` ("medewerker__user")."""
        model = self.model
        for naam in pad.split("__"):
            model = model._meta.get_field(naam).related_model  # type: ignore[assignment]
        return model


def _blijft_achter(model: type[Model], veld: Field) -> bool:
    """A column that never travels in a JSON row (it stays deferred on the instance): binary
    ones, and a login's password hash — no page shows it, and a row of a regisseur, a
    version's author or a candidate for regisseur carried it into the process until
    7 December 2026."""
    return isinstance(veld, BinaryField) or (
        veld.name == "password" and getattr(model, "USERNAME_FIELD", None) is not None
    )


def rijen_json(qs: QuerySet[Any], rijen: Rijen) -> Subquery:
    """The rows of `qs` (a correlated queryset: `OuterRef` to the parent) as one JSON array, a
    column of the parent's query (one query for parent and children instead of a prefetch
    each; issue 16). NULL (None) without rows; `rijen_uit_json` makes them instances again."""
    kolommen: list[Any] = [f.attname for f in rijen.velden()]
    for naam in rijen.samen:
        kolommen += [f"{naam}__{f.attname}" for f in rijen.velden(rijen.gerelateerd(naam))]
    kolommen += list(rijen.extra.values())
    volgorde = []
    for sleutel in rijen.volgorde:
        naam = sleutel.lstrip("-")
        waarde = rijen.extra.get(naam, F(naam))
        volgorde.append(waarde.desc() if sleutel.startswith("-") else waarde.asc())
    return Subquery(
        qs.order_by()
        .annotate(_een=Value(1))
        .values("_een")
        .annotate(j=_Rijenlijst(JSONArray(*kolommen), *volgorde))
        .values("j")
    )


def rijen_uit_json(waarde: Any, rijen: Rijen, *, db: str = "default") -> list[Any]:
    """The instances of a `rijen_json` column, with their related rows and extra values, as
    the database would have given them (dates, aware datetimes, exact decimals, booleans), in
    the order of `rijen.volgorde` (on SQLite sorted here, NULLs first as SQLite does)."""
    from django.db import connections

    sqlite = connections[db].vendor == "sqlite"
    if isinstance(waarde, str):  # nested in another JSON value on SQLite: its text
        waarde = json.loads(waarde)
    uit = []
    for rij in waarde or []:
        waarden = iter(rij)
        obj = _instantie(rijen.model, rijen.velden(), waarden, db, sqlite)
        for pad in rijen.samen:
            model = rijen.gerelateerd(pad)
            verwant = _instantie(model, rijen.velden(model), waarden, db, sqlite)
            *voor, naam = pad.split("__")
            eigenaar = obj
            for stap in voor:  # joined before it in `samen`
                eigenaar = eigenaar and getattr(eigenaar, stap)
            if eigenaar is not None:
                eigenaar._meta.get_field(naam).set_cached_value(  # type: ignore[union-attr]
                    eigenaar, verwant if verwant.pk is not None else None
                )
        for naam in rijen.extra:
            setattr(obj, naam, next(waarden))
        uit.append(obj)
    if sqlite:
        for sleutel in reversed(rijen.volgorde):
            naam = sleutel.lstrip("-")
            kolom = rijen.model._meta.get_field(naam).attname if naam not in rijen.extra else naam
            uit.sort(
                key=lambda o: (getattr(o, kolom) is not None, getattr(o, kolom)),
                reverse=sleutel.startswith("-"),
            )
    return uit


def _instantie(model: type[Model], velden: list[Field], waarden: Any, db: str, sqlite: bool) -> Any:
    return model.from_db(
        db, [f.attname for f in velden], [json_waarde(f, next(waarden), sqlite) for f in velden]
    )


def json_waarde(veld: Field, waarde: Any, tekst_json: bool) -> Any:
    """One column's value as a JSON row gave it, as the backend would have returned the column
    (aware datetimes in UTC, dates, exact decimals, booleans, JSON). `tekst_json`: the database
    nests a JSON column as its text (SQLite)."""
    if waarde is None:
        return None
    if isinstance(veld, DateTimeField):
        moment = parse_datetime(waarde)
        assert moment is not None, waarde
        # SQLite keeps UTC without an offset; PostgreSQL writes the session's (UTC) offset.
        return moment.astimezone(dt.UTC) if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
    if isinstance(veld, DateField):
        return dt.date.fromisoformat(waarde)
    if isinstance(veld, DecimalField):
        # A JSON number (a float: exact to 15 digits, more than any amount here has).
        return Decimal(str(waarde)).quantize(Decimal(1).scaleb(-(veld.decimal_places or 0)))
    if isinstance(veld, BooleanField):
        return bool(waarde)
    if isinstance(veld, JSONField):
        return json.loads(waarde) if tekst_json else waarde
    return veld.to_python(waarde)


def als_prefetch(obj: Model, naam: str, rijen: list[Any]) -> None:
    """Put rows read otherwise (`rijen_uit_json`) where `prefetch_related(naam)` would have
    put them: `obj.<naam>.all()` answers them without a query; a child of a reverse foreign
    key knows its parent, as a prefetched one does."""
    relatie = obj._meta.get_field(naam)
    if isinstance(relatie, ManyToOneRel) and not relatie.many_to_many:
        for rij in rijen:
            relatie.field.set_cached_value(rij, obj)
    qs = getattr(obj, naam).all()
    qs._result_cache = list(rijen)
    qs._prefetch_done = True
    cache = obj.__dict__.setdefault("_prefetched_objects_cache", {})
    cache[relatie.cache_name if isinstance(relatie, ForeignObjectRel) else naam] = qs


def delen_lezen(drager: QuerySet[Any], kolommen: dict[str, Any]) -> dict[str, Any]:
    """The columns `kolommen` (`rijen_json` and the like) of the one row of `drager` (the query
    of the parent's row), by their names; {} without the row. The names may be those of the
    model's own relations ("netwerk"): they are columns here, not attributes."""
    return delen_uit(delen_query(drager, kolommen).first())


def delen_query(drager: QuerySet[Any], kolommen: dict[str, Any]) -> QuerySet[Any]:
    """The query of `delen_lezen` (its rows: dictionaries for `delen_uit`), to compile once
    (`common.gecompileerd`)."""
    namen = {f"_deel_{naam}": kolom for naam, kolom in kolommen.items()}
    return drager.annotate(**namen).values(*namen)


def delen_uit(rij: dict[str, Any] | None) -> dict[str, Any]:
    """The parts of a row of `delen_query` by their names; {} without the row."""
    return {naam.removeprefix("_deel_"): waarde for naam, waarde in (rij or {}).items()}


def delen_van(obj: Any, voorvoegsel: str) -> dict[str, Any]:
    """The columns an annotation named `<voorvoegsel><name>` put on a model instance, taken off
    it (`obj.__dict__`) and by their names: the JSON parts a record was read with."""
    return {
        naam.removeprefix(voorvoegsel): obj.__dict__.pop(naam)
        for naam in list(obj.__dict__)
        if naam.startswith(voorvoegsel)
    }


def op_volgorde(rijen: Any, db: str, *, sleutels: int = 2) -> list[Any]:
    """The rows of a `JsonLijst(JSONArray(...), geordend=True)` in the order of their first
    `sleutels` elements: as PostgreSQL ordered them (its collation), sorted here on SQLite
    (BINARY: Python's order). None (no rows) is []."""
    from django.db import connections

    rijen = list(rijen or [])
    if connections[db].vendor != "postgresql":
        rijen.sort(key=lambda r: tuple(r[:sleutels]))
    return rijen
