"""Writing many rows at once without the ORM's per-value compiler: one prepared statement per
table, values converted once per field kind (ADR 0032, issue 11).

Django's `bulk_create` and `bulk_update` compile every value of every row through the ORM
(`get_db_prep_save`, `prepare_value`, an SQL fragment per value); for a batch of thousands of
message rows that cost more than processing the messages. Here a value of the plain Python
type a field stores (a `str` for a text field, an `int` for a number or a key, a `date`, an
aware `datetime`) is passed on as the database adapter takes it, with the same conversion
Django's backend applies (`adapt_datefield_value`, `adapt_datetimefield_value`); any other
value (a JSON document, bytes, a Decimal, an expression) goes through the field's own
`get_db_prep_save`, exactly as the ORM would. Only the model's own quoted table and column
names go into the SQL text; every value is a parameter.

- `voeg_in(model, rijen)`: INSERT; the rows' `created_at`/`updated_at` (auto_now fields) get
  `nu`. With `ids=True` the new keys are read back (`RETURNING`, as `bulk_create` does on
  SQLite and PostgreSQL) and set on the rows.
- `werk_bij(model, rijen, velden)`: UPDATE each row by its key with its own values.
- `nieuwe_rij(model, **waarden)`: `model(**waarden)` for a row to write, made through Django's
  positional constructor (as rows read from the database are).
- `rij(model, **waarden)`: the same row as a plain object (`Rij`), no model instance: for rows
  only `voeg_in` reads (the answers of a message batch).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from json import dumps as _dumps
from typing import Any

from django.db import connection, models
from django.db.backends.base.operations import BaseDatabaseOperations
from django.utils import timezone

_TEKST = {"CharField", "TextField", "SlugField", "EmailField", "URLField"}
_GETAL = {
    "IntegerField",
    "BigIntegerField",
    "SmallIntegerField",
    "PositiveIntegerField",
    "PositiveBigIntegerField",
    "PositiveSmallIntegerField",
    "AutoField",
    "BigAutoField",
    "SmallAutoField",
    "BooleanField",
}


def _soort(field: Any) -> str:
    """ "tekst", "getal" or another internal type: how `_omzetter` treats the field."""
    soort = field.get_internal_type()
    if field.is_relation:
        soort = field.target_field.get_internal_type()
        if soort in _GETAL:
            soort = "IntegerField"
    if soort in _TEKST:
        return "tekst"
    if soort in _GETAL:
        return "getal"
    return str(soort)


def _omzetter(field: Any) -> Callable[[Any], Any]:
    """The conversion of one field's Python value to what the database adapter takes: the
    backend's own for the plain types, the field's `get_db_prep_save` for anything else."""
    ops = connection.ops

    def django(waarde: Any) -> Any:
        return field.get_db_prep_save(waarde, connection)

    soort = field.get_internal_type()
    if field.is_relation:
        soort = field.target_field.get_internal_type()
        if soort in _GETAL:
            soort = "IntegerField"
    if soort in _TEKST:

        def tekst(waarde: Any) -> Any:
            return waarde if waarde is None or type(waarde) is str else django(waarde)

        return tekst
    if soort in _GETAL:

        def getal(waarde: Any) -> Any:
            t = type(waarde)
            return waarde if waarde is None or t is int or t is bool else django(waarde)

        return getal
    if soort == "DateField":

        def datum(waarde: Any) -> Any:
            if type(waarde) is dt.date:
                return ops.adapt_datefield_value(waarde)
            return waarde if waarde is None else django(waarde)

        return datum
    if soort == "DateTimeField":
        gezien: dict[dt.datetime, Any] = {}

        def moment(waarde: Any) -> Any:
            if type(waarde) is dt.datetime and waarde.tzinfo is not None:
                klaar = gezien.get(waarde)
                if klaar is None:
                    klaar = gezien[waarde] = django(waarde)
                return klaar
            return waarde if waarde is None else django(waarde)

        return moment
    if soort == "JSONField":
        # The backend's own text of a document (SQLite): `json.dumps(value, cls=encoder)`. For a
        # flat list or dict of plain values (return codes, a timeline event's data) an encoder
        # class never comes into play, and `json.dumps(value)` gives the same text without
        # making an encoder per row (tens of thousands per batch).
        tekst = type(ops).adapt_json_value is BaseDatabaseOperations.adapt_json_value

        def json(waarde: Any) -> Any:
            # What JSONField.get_db_prep_save does for a plain document, without its layers.
            t = type(waarde)
            if tekst and _plat(waarde):
                return _dumps(waarde)
            if t is list or t is dict:
                return ops.adapt_json_value(waarde, field.encoder)
            return django(waarde)

        return json
    return django


_PLAIN = (str, int, bool, type(None))


def _plat(waarde: Any) -> bool:
    """A list of plain values, or a dict of text keys to plain values (no float: its text is
    the encoder's business)."""
    t = type(waarde)
    if t is list:
        return all(type(w) in _PLAIN for w in waarde)
    if t is dict:
        return all(type(k) is str and type(w) in _PLAIN for k, w in waarde.items())
    return False


class _Tabel:
    """A model's columns and their conversions, for one batch of rows."""

    def __init__(self, model: type[models.Model], velden: Sequence[str] | None = None) -> None:
        meta = model._meta
        if velden is None:
            self.fields: list[Any] = [f for f in meta.concrete_fields if not f.primary_key]
        else:
            self.fields = [meta.get_field(v) for v in velden]
        self.attnames = [f.attname for f in self.fields]
        self.omzetters = [_omzetter(f) for f in self.fields]
        self.tijd = {
            f.attname
            for f in self.fields
            if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
        }
        self.tabel = connection.ops.quote_name(meta.db_table)
        self.kolommen = [connection.ops.quote_name(f.column) for f in self.fields]
        self.pk = connection.ops.quote_name(meta.pk.column)
        self.waarden = _waarden_functie(
            self.attnames, [_soort(f) for f in self.fields], self.omzetters
        )


def _waarden_functie(
    attnames: Sequence[str], soorten: Sequence[str], omzetters: Sequence[Callable[[Any], Any]]
) -> Callable[[Any], list[Any]]:
    """`rij -> [value of each column]`, the conversions of `_omzetter` written out in one
    function per table: a text or number already of its plain type (or None) is taken as it
    is without a call, anything else through the field's converter — the same values as
    calling each field's `_omzetter`, for a fraction of the cost on tens of thousands of rows.
    Only the model's own attnames (Python identifiers) go into the code."""
    delen = []
    namen: dict[str, Any] = {"_type": type, "_str": str, "_int": int, "_bool": bool}
    for i, (a, soort, zet) in enumerate(zip(attnames, soorten, omzetters, strict=True)):
        if not a.isidentifier():  # pragma: no cover - Django's attnames always are
            raise ValueError(f"geen attribuutnaam: {a!r}")
        namen[f"_z{i}"] = zet
        if soort == "tekst":
            delen.append(f"(v if (v := r.{a}) is None or _type(v) is _str else _z{i}(v))")
        elif soort == "getal":
            delen.append(
                f"(v if (v := r.{a}) is None or (t := _type(v)) is _int or t is _bool "
                f"else _z{i}(v))"
            )
        else:
            delen.append(f"_z{i}(r.{a})")
    code = "def waarden(r):\n    return [" + ", ".join(delen) + "]\n"
    exec(code, namen)  # noqa: S102 - generated from attnames only, see above
    functie: Callable[[Any], list[Any]] = namen["waarden"]
    return functie


def voeg_in(
    model: type[models.Model],
    rijen: Sequence[Any],
    *,
    nu: dt.datetime | None = None,
    ids: bool = False,
) -> None:
    """INSERT `rijen` (model instances, or any objects with an attribute per column's
    attname) into `model`'s table. Fields with auto_now/auto_now_add the row leaves empty get
    `nu` (default: now), on the row as well. With `ids`, each row's new key is read back and
    set (on the key's attname; a model instance is then marked as saved), in the order given."""
    if not rijen:
        return
    t = _Tabel(model)
    nu = nu or timezone.now()
    for r in rijen:
        for a in t.tijd:
            if getattr(r, a) is None:
                setattr(r, a, nu)
    waarden = [t.waarden(r) for r in rijen]
    kolommen = ", ".join(t.kolommen)
    een = "(" + ", ".join(["%s"] * len(t.fields)) + ")"
    if not ids:
        sql = f"INSERT INTO {t.tabel} ({kolommen}) VALUES {een}"  # noqa: S608
        with connection.cursor() as cursor:
            cursor.executemany(sql, waarden)
        return
    if not connection.features.can_return_rows_from_bulk_insert:  # pragma: no cover
        model._default_manager.bulk_create(list(rijen))
        return
    per = max(1, connection.ops.bulk_batch_size(t.fields, rijen))
    nieuw: list[int] = []
    with connection.cursor() as cursor:
        for start in range(0, len(waarden), per):
            deel = waarden[start : start + per]
            sql = (
                f"INSERT INTO {t.tabel} ({kolommen}) VALUES "  # noqa: S608
                + ", ".join([een] * len(deel))
                + f" RETURNING {t.pk}"
            )
            cursor.execute(sql, [w for rij in deel for w in rij])
            nieuw.extend(r[0] for r in cursor.fetchall())
    sleutel = model._meta.pk.attname
    for r, pk in zip(rijen, nieuw, strict=True):
        setattr(r, sleutel, pk)
        staat = getattr(r, "_state", None)
        if staat is not None:
            staat.adding = False
            staat.db = connection.alias


def werk_bij(model: type[models.Model], rijen: Sequence[Any], velden: Sequence[str]) -> None:
    """UPDATE each of `rijen` by its key, setting `velden` (names of fields) to the row's own
    values, in one prepared statement run for all (executemany). Fields with auto_now are
    written as the row holds them (set them first)."""
    if not rijen:
        return
    t = _Tabel(model, velden)
    zet = ", ".join(f"{k} = %s" for k in t.kolommen)
    sql = f"UPDATE {t.tabel} SET {zet} WHERE {t.pk} = %s"  # noqa: S608
    waarden = [[*t.waarden(r), r.pk] for r in rijen]
    with connection.cursor() as cursor:
        cursor.executemany(sql, waarden)


_NIEUW: dict[type, list[tuple[str, str | None, Any]]] = {}


def nieuwe_rij(model: type[Any], **waarden: Any) -> Any:
    """`model(**waarden)` for a row about to be written: the same unsaved instance — a value
    per field name or attname, a related object by its field name (its key taken and the
    object cached, as the field's descriptor does), every other field its default — made with
    the positional constructor Django uses for rows it reads, instead of looking up each
    keyword through its field's descriptor (a third of the cost of keeping a received message
    or writing an answer). An unknown name raises TypeError, as the constructor does."""
    plan = _NIEUW.get(model)
    if plan is None:
        plan = _NIEUW[model] = [
            (f.attname, f.name if f.is_relation else None, f) for f in model._meta.concrete_fields
        ]
    args = []
    cache: dict[str, Any] = {}
    for attname, naam, field in plan:
        if attname in waarden:
            args.append(waarden.pop(attname))
        elif naam is not None and naam in waarden:
            obj = waarden.pop(naam)
            if obj is not None and not isinstance(obj, field.remote_field.model):
                raise ValueError(f"{naam} moet een {field.remote_field.model.__name__} zijn")
            args.append(None if obj is None else getattr(obj, field.target_field.attname))
            cache[naam] = obj
        else:
            args.append(field.get_default())
    if waarden:
        raise TypeError(f"{model.__name__} heeft geen veld {', '.join(sorted(waarden))}")
    rij = model(*args)
    if cache:
        rij._state.fields_cache.update(cache)
    return rij


class Rij:
    """A row to write with `voeg_in`: an attribute per column's attname, and `pk` (the key's
    attname, set by `voeg_in(…, ids=True)`)."""

    pk: Any

    def __repr__(self) -> str:
        return f"Rij({self.__dict__!r})"


_RIJ: dict[
    type,
    tuple[type, dict[str, Any], list[tuple[str, Any]], dict[str, tuple[str, str]], set[str]],
] = {}


def rij(model: type[Any], **waarden: Any) -> Rij:
    """The row `nieuwe_rij(model, **waarden)` would make, as a plain `Rij`: a value per field
    name or attname (a related object by its field name: its key is taken), every other column
    its field's default (a callable default called for each row, as Django does). Making a model
    instance costs more than everything else about a row nobody reads back as one (an answer
    written in a batch). An unknown name raises TypeError."""
    plan = _RIJ.get(model)
    if plan is None:
        vast: dict[str, Any] = {}
        elk: list[tuple[str, Any]] = []
        relaties: dict[str, tuple[str, str]] = {}
        for f in model._meta.concrete_fields:
            if f.has_default() and callable(f.default):
                elk.append((f.attname, f))
            else:
                vast[f.attname] = f.get_default()
            if f.is_relation:
                relaties[f.name] = (f.attname, f.target_field.attname)
        namen = {f.attname for f in model._meta.concrete_fields}
        sleutel = model._meta.pk.attname
        soort = type(
            f"Rij{model.__name__}", (Rij,), {"pk": property(lambda r: r.__dict__[sleutel])}
        )
        plan = _RIJ[model] = (soort, vast, elk, relaties, namen)
    soort, vast, elk, relaties, namen = plan
    r = soort()
    d = r.__dict__
    d.update(vast)
    for attname, f in elk:
        if attname not in waarden:
            d[attname] = f.get_default()
    for naam, waarde in waarden.items():
        relatie = relaties.get(naam)
        if relatie is not None:
            d[relatie[0]] = None if waarde is None else getattr(waarde, relatie[1])
        elif naam in namen:
            d[naam] = waarde
        else:
            raise TypeError(f"{model.__name__} heeft geen veld {naam}")
    return r
