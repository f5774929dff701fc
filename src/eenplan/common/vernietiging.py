"""Destroying records whose retention period has run, table by table, by the app that owns the
table (Archiefwet 1995 art. 3; ADR 0038 and its amendment).

The destruction itself is decided elsewhere (`avg.bewaren`: what is due, what blocks it, the
second officer's approval, the verklaring van vernietiging). What a destruction deletes in a
table is decided by the app that owns that table, never by the caller: every app whose tables
can hold someone's record has a module `<app>/vernietiging.py` that registers, with
`eigenaar("<app_label>")`, the function that destroys rows of its own models. That function may
refuse (raise), delete, or do something else the app owns the knowledge of: the access log keeps
its rows and pseudonymises the subject (`privacy`), the letters go with their post export
(`beschikkingen`).

A model whose app registered no owner is never destroyed: `vernietig` refuses, and the whole
item of the destruction list is refused with it (a new app opts in by writing its module).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from typing import Any

from django.core.exceptions import ValidationError
from django.db import DatabaseError, connection, models
from django.utils.module_loading import autodiscover_modules

# (model, primary keys) -> rows destroyed (or changed), per table label
Vernietiger = Callable[[type[models.Model], Sequence[Any]], dict[str, int]]

_eigenaars: dict[str, Vernietiger] = {}
_ontdekt = False

GEEN_EIGENAAR = (
    "{model}: deze gegevens kunnen (nog) niet worden vernietigd; de app '{app}' heeft geen "
    "vernietiging. Er is niets vernietigd."
)


def eigenaar(app_label: str) -> Callable[[Vernietiger], Vernietiger]:
    """Register the function that destroys rows of `app_label`'s own models (a decorator)."""

    def decorator(func: Vernietiger) -> Vernietiger:
        _eigenaars[app_label] = func
        return func

    return decorator


def _ontdek() -> None:
    global _ontdekt
    if not _ontdekt:
        autodiscover_modules("vernietiging")
        _ontdekt = True


def heeft_eigenaar(model: type[models.Model]) -> bool:
    _ontdek()
    return model._meta.app_label in _eigenaars


def vernietig(model: type[models.Model], pks: Sequence[Any]) -> dict[str, int]:
    """Destroy these rows of `model` through the app that owns it. Refused (ValidationError)
    when that app registered no owner. Call inside the destruction's transaction."""
    _ontdek()
    functie = _eigenaars.get(model._meta.app_label)
    if functie is None:
        raise ValidationError(
            GEEN_EIGENAAR.format(model=model._meta.verbose_name, app=model._meta.app_label)
        )
    if not pks:
        return {}
    return functie(model, pks)


def eigen_rijen_verwijderen(
    model: type[models.Model], pks: Sequence[Any], *, app_label: str
) -> dict[str, int]:
    """Delete rows of a model of `app_label` itself by primary key, without signals or
    cascades (what refers to them was collected and destroyed by its own owner first). Refuses
    another app's model: an app deletes only its own tables."""
    if model._meta.app_label != app_label:
        raise ValueError(f"{app_label} verwijdert geen rijen van {model._meta.label}.")
    rijen = model._base_manager.filter(pk__in=list(pks))
    aantal = rijen._raw_delete(rijen.db)
    return {model._meta.label_lower: aantal} if aantal else {}


@contextmanager
def geschiedenis_open() -> Iterator[None]:
    """On PostgreSQL the append-only triggers of the access log and the event history refuse
    UPDATE and DELETE, except while `eenplan.vernietiging` is 'aan' in the current transaction
    (SET LOCAL): set for a destruction's own statements only, and closed again right after,
    also inside an outer transaction. What the trigger then allows: DELETE of history rows,
    and on the access log only the pseudonymisation of the subject (migration
    avg/0005_pseudonimiseren)."""
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL eenplan.vernietiging = 'aan'")
    try:
        yield
    except BaseException:
        # A failed statement aborted the transaction: it is rolled back (with the setting, which
        # was made inside it); resetting is not possible then and would hide the real error.
        with suppress(DatabaseError), connection.cursor() as cursor:
            cursor.execute("SET LOCAL eenplan.vernietiging = 'uit'")
        raise
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL eenplan.vernietiging = 'uit'")
