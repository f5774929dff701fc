"""Working at the same time: invariants that hold under concurrency, and no lost updates.

Three pieces, used by every app (see docs/decisions/0011-concurrency.md):

- `Conflict`: a write that would break an invariant (a second active plan for a household, a
  second beschikking for an aanvraag, ...) or that the current state no longer allows. It is a
  `ValidationError`, so pages show it next to the form as they show any refusal; the API
  answers 409 (`common.api.exception_handler`).
- `VersieVerouderd` (a `Conflict`): the person edited an older version than the one stored.
  The API answers 412; pages show which fields now hold which value.
- `schrijft(...)`: the decorator on a service that writes a versioned record. Inside the
  service's transaction it locks the row (`SELECT ... FOR UPDATE`), reloads it, compares it
  with the version the client saw (`verwachte_versie`, set by the API mixin from `If-Match` or
  by the form helper from the hidden field), runs the service and raises the version with a
  conditional UPDATE. It also turns an `IntegrityError` into a `Conflict` with the Dutch
  message of the violated constraint: the one place where that happens.
"""

from __future__ import annotations

import contextvars
import copy
import functools
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, ParamSpec, TypeVar

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

P = ParamSpec("P")
R = TypeVar("R")
M = TypeVar("M", bound=models.Model)

ALGEMEEN_CONFLICT = (
    "Dit kon niet worden opgeslagen: het botst met een wijziging die iemand anders tegelijk "
    "deed. Laad de gegevens opnieuw en kijk of uw wijziging nog nodig is."
)


HET_WOORDEN = {
    "plan", "onderzoek", "huishouden", "bezwaar",
    # the policy model (beleid)
    "beleidsplan", "thema", "doel", "subdoel", "resultaat",
}


class Conflict(ValidationError):
    """A write refused because it conflicts with the stored state (HTTP 409)."""


class VersieVerouderd(Conflict):
    """The client edited version `verwacht`; the record is now at `huidig` (HTTP 412)."""

    def __init__(self, obj: models.Model, *, verwacht: int, velden: Sequence[str] = ()) -> None:
        self.obj = obj
        self.verwacht = verwacht
        self.huidig: int = obj.versie  # type: ignore[attr-defined]
        self.actueel = actuele_waarden(obj, velden)
        naam = str(obj._meta.verbose_name)
        lidwoord = "dit" if naam in HET_WOORDEN else "deze"
        tekst = (
            f"Iemand anders heeft {lidwoord} {naam} intussen gewijzigd (u werkte met versie "
            f"{verwacht}, nu is het versie {self.huidig}). Uw wijziging is niet opgeslagen."
        )
        if self.actueel:
            tekst += (
                " Nu opgeslagen: "
                + "; ".join(f"{label}: {waarde}" for label, waarde in self.actueel.items())
                + "."
            )
        tekst += " Bekijk de huidige gegevens en doe uw wijziging zo nodig opnieuw."
        super().__init__(tekst, code="versie_verouderd")


def _weergave(obj: models.Model, field: models.Field) -> str:
    if field.choices:
        return str(getattr(obj, f"get_{field.name}_display")())
    value = getattr(obj, field.name)
    if value is None or value == "":
        return "(leeg)"
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if hasattr(value, "strftime"):
        return value.strftime("%d-%m-%Y")
    text = str(value)
    return f"'{text[:120]}…'" if len(text) > 120 else f"'{text}'"


def actuele_waarden(obj: models.Model, velden: Sequence[str]) -> dict[str, str]:
    """The stored value of each named model field, by its Dutch label, for the message."""
    result: dict[str, str] = {}
    for naam in velden:
        field = next((f for f in obj._meta.concrete_fields if f.name == naam), None)
        if field is None or naam in {"versie", "updated_at", "created_at"}:
            continue
        result[str(field.verbose_name)] = _weergave(obj, field)  # type: ignore[arg-type]
    return result


# --- expected versions (set by the API mixin or the form helper for one request) -------------


@dataclass(frozen=True)
class Verwachting:
    versie: int
    velden: tuple[str, ...] = ()


_verwacht: contextvars.ContextVar[dict[tuple[str, int], Verwachting] | None] = (
    contextvars.ContextVar("eenplan_verwachte_versies", default=None)
)


def _sleutel(model: type[models.Model], pk: Any) -> tuple[str, int]:
    return (model._meta.label_lower, int(pk))


@contextmanager
def verwachte_versie(
    model: type[models.Model], pk: Any, versie: int | None, velden: Sequence[str] = ()
) -> Iterator[None]:
    """While inside, a service that writes this record refuses if it is no longer at
    `versie`. `None` (the client sent no version) expects nothing."""
    if versie is None:
        yield
        return
    huidige = dict(_verwacht.get() or {})
    huidige[_sleutel(model, pk)] = Verwachting(int(versie), tuple(velden))
    token = _verwacht.set(huidige)
    try:
        yield
    finally:
        _verwacht.reset(token)


def verwachting(obj: models.Model) -> Verwachting | None:
    return (_verwacht.get() or {}).get(_sleutel(type(obj), obj.pk))


def controleer(obj: models.Model) -> None:
    """Refuse when the client expected another version of this record than `obj` holds."""
    verwacht = verwachting(obj)
    if verwacht is not None and verwacht.versie != obj.versie:  # type: ignore[attr-defined]
        raise VersieVerouderd(obj, verwacht=verwacht.versie, velden=verwacht.velden)


def vergrendel(obj: M, *, controleren: bool = True) -> M:
    """Lock the row until the end of the transaction, reload it in place and (unless told
    not to) check the expected version. Call inside `transaction.atomic`."""
    model = type(obj)
    obj.refresh_from_db(from_queryset=model._default_manager.select_for_update())
    if controleren and hasattr(obj, "versie"):
        controleer(obj)
    return obj


def verhoogd(obj: models.Model, oud: int, nieuw: int) -> None:
    """After our own write from `oud` to `nieuw`, a later service in the same request expects
    the new version (a stale expectation stays stale)."""
    huidige = _verwacht.get()
    sleutel = _sleutel(type(obj), obj.pk)
    if huidige and sleutel in huidige and huidige[sleutel].versie == oud:
        huidige[sleutel] = Verwachting(nieuw, huidige[sleutel].velden)


def verhoog(obj: models.Model) -> None:
    """Raise the version by one, only if nobody else did since we read it."""
    model = type(obj)
    gelezen = obj.versie  # type: ignore[attr-defined]
    bijgewerkt = model._default_manager.filter(pk=obj.pk, versie=gelezen).update(
        versie=F("versie") + 1, updated_at=timezone.now()
    )
    if bijgewerkt != 1:
        obj.refresh_from_db()
        raise VersieVerouderd(obj, verwacht=gelezen)
    obj.versie = gelezen + 1  # type: ignore[attr-defined]
    verhoogd(obj, gelezen, gelezen + 1)


# --- IntegrityError -> Conflict ----------------------------------------------------------------


@functools.cache
def _constraint_messages() -> list[tuple[re.Pattern[str], str]]:
    """For every named constraint with a Dutch violation message: a pattern that finds it in
    the database's error text (PostgreSQL names the constraint; SQLite names the columns)."""
    result: list[tuple[re.Pattern[str], str]] = []
    for model in apps.get_models():
        for constraint in model._meta.constraints:
            message = getattr(constraint, "violation_error_message", None)
            if not message or message == constraint.default_violation_error_message:
                continue
            result.append((re.compile(rf"\b{re.escape(constraint.name)}\b"), str(message)))
            fields = getattr(constraint, "fields", ())
            if fields:
                columns = ", ".join(
                    f"{model._meta.db_table}.{model._meta.get_field(f).column}" for f in fields
                )
                result.append((re.compile(rf"failed: {re.escape(columns)}$"), str(message)))
    return result


def conflict_uit(exc: IntegrityError) -> Conflict:
    """The Dutch conflict for a violated constraint; a general one for an unknown constraint."""
    text = str(exc).strip()
    for pattern, message in _constraint_messages():
        if pattern.search(text):
            return Conflict(message, code="conflict")
    return Conflict(ALGEMEEN_CONFLICT, code="conflict")


@contextmanager
def invarianten() -> Iterator[None]:
    """Turn a violated database constraint inside this block into a `Conflict`."""
    try:
        with transaction.atomic():
            yield
    except IntegrityError as exc:
        raise conflict_uit(exc) from exc


def schrijft(
    *namen: str, via: Callable[[Any], models.Model] | None = None, verhogen: bool = True
) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Decorate a service that writes the versioned record passed as keyword `namen[0]`
    (or `via(that argument)`): lock it, run the service, refuse if the client expected another
    version than the one locked, raise the version, and translate violated constraints into a
    `Conflict`. Further names are locked too (e.g. both melding of a link), in the order given.

    The stale version is reported after the service ran (and everything it did is rolled
    back), so a refusal of the service itself, such as an authorisation check, comes first and
    a stale request learns nothing of a record it may not see."""

    def decorator(func: Callable[P, R]) -> Callable[P, R]:
        @functools.wraps(func)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
            with invarianten():
                doelen = []
                verouderd: VersieVerouderd | None = None
                for i, naam in enumerate(namen):
                    obj = kwargs.get(naam)
                    if obj is None:
                        continue
                    if i == 0 and via is not None:
                        obj = via(obj)
                    doelen.append(vergrendel(obj, controleren=False))
                    verwacht = verwachting(obj) if hasattr(obj, "versie") else None
                    if verouderd is None and verwacht and verwacht.versie != obj.versie:  # type: ignore[attr-defined]
                        verouderd = VersieVerouderd(
                            copy.copy(obj), verwacht=verwacht.versie, velden=verwacht.velden
                        )
                result = func(*args, **kwargs)
                if verouderd is not None:
                    raise verouderd
                if verhogen and doelen and hasattr(doelen[0], "versie"):
                    verhoog(doelen[0])
                return result

        return wrapper

    return decorator


class VersieModel(models.Model):
    """A record a person edits: `versie` goes up by one with every write (see `schrijft`)."""

    versie = models.PositiveIntegerField(
        default=1,
        editable=False,
        help_text="Gaat bij elke wijziging één omhoog; zo gaat geen wijziging verloren.",
    )

    class Meta:
        abstract = True


# --- pages: the version as a hidden form field ---------------------------------------------------

VERSIE_VELD = "_versie"


def versie_waarde(obj: models.Model) -> str:
    """What the hidden field holds: which record, and the version the form shows."""
    return f"{obj._meta.label_lower}:{obj.pk}:{obj.versie}"  # type: ignore[attr-defined]


def _lees_versie(waarde: str) -> tuple[type[models.Model], int, int] | None:
    try:
        label, pk, versie = waarde.rsplit(":", 2)
        model = apps.get_model(label)
        model._meta.get_field("versie")
        return model, int(pk), int(versie)
    except (ValueError, LookupError, FieldDoesNotExist):
        return None


class VersieMiddleware:
    """Pages: a form that carries the version it shows (`{% versie_veld obj %}`) is saved only
    if the record is still at that version; the service refuses otherwise and the page shows
    the refusal (which fields now hold which value) next to the form. A conflict that a view
    does not handle becomes a Dutch 409 page, never a server error."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        verwacht = None
        if request.method == "POST" and not request.path.startswith("/api/"):
            verwacht = _lees_versie(request.POST.get(VERSIE_VELD, ""))
        if verwacht is None:
            return self.get_response(request)
        model, pk, versie = verwacht
        velden = [
            naam.rsplit("-", 1)[-1]
            for naam in request.POST
            if naam not in {VERSIE_VELD, "csrfmiddlewaretoken"}
        ]
        with verwachte_versie(model, pk, versie, velden):
            return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, Conflict) or request.path.startswith("/api/"):
            return None
        return render(
            request,
            "web/fout.html",
            {"titel": "Niet opgeslagen", "reden": " ".join(exception.messages)},
            status=409,
        )
