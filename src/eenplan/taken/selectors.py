"""The reads of the taken app, shared by the pages and the API. Every query names the
municipality (a task belongs to one; issue 16, the municipality-condition test)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import QuerySet, Subquery, Value
from django.db.models.functions import JSONArray
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from eenplan.common.aggregaten import JsonLijst
from eenplan.taken import registry
from eenplan.taken.models import Taak, TaakBestand

# What a list shows: never the params or the result's JSON of every row.
LIJSTVELDEN = (
    "id", "soort", "gemeente_id", "gestart_door_id", "status", "gedaan", "totaal", "stap",
    "created_at", "begonnen", "klaar", "bestand_naam", "bestand_type", "bestand_grootte",
)


def mijn_taken(user: Any, *, gemeente_id: int | None) -> QuerySet[Taak]:
    """The tasks `user` started in the municipality it works for now, newest first."""
    if gemeente_id is None or not getattr(user, "is_authenticated", False):
        return Taak.objects.none()
    return (
        Taak.objects.filter(gemeente_id=gemeente_id, gestart_door_id=user.pk)
        .only(*LIJSTVELDEN)
        .order_by("-created_at", "-id")
    )


# The columns of a task `systeemtaken_json` reads (what the list of rounds on the berichten page
# shows), in the order of its JSON rows.
_JSON_VELDEN = ("created_at", "id", "gemeente_id", "soort", "status", "gedaan", "totaal")


def systeemtaken_json(*, gemeente_id: int, soorten: list[str], aantal: int = 5) -> Subquery:
    """The latest tasks the system started of these kinds in one municipality (the message
    batches of the folder connection, on the berichten page) as one JSON array, to read beside
    other rows in one query (the berichten page reads them with the choices of its filter);
    `systeemtaken_uit_json` makes the tasks of it."""
    laatste = (
        Taak.objects.filter(gemeente_id=gemeente_id, soort__in=soorten, gestart_door__isnull=True)
        .order_by("-created_at", "-id")
        .values("pk")[:aantal]
    )
    return Subquery(
        Taak.objects.filter(pk__in=laatste, gemeente_id=gemeente_id)
        .order_by()
        .annotate(_een=Value(1))
        .values("_een")
        .annotate(j=JsonLijst(JSONArray(*_JSON_VELDEN)))
        .values("j")
    )


def systeemtaken_uit_json(rijen: list[list[Any]] | None, *, db: str = "default") -> list[Taak]:
    """The tasks of a `systeemtaken_json` array, newest first, with only the columns it
    read."""
    volgorde = [f.attname for f in Taak._meta.concrete_fields if f.attname in _JSON_VELDEN]
    taken = []
    for rij in rijen or []:
        waarden = dict(zip(_JSON_VELDEN, rij, strict=True))
        moment = parse_datetime(waarden["created_at"])
        if moment is not None and timezone.is_naive(moment):
            moment = timezone.make_aware(moment, dt.UTC)  # SQLite keeps UTC without its offset
        waarden["created_at"] = moment
        taken.append(Taak.from_db(db, volgorde, [waarden[v] for v in volgorde]))
    return sorted(taken, key=lambda t: (t.created_at, t.pk), reverse=True)


def taak_in_gemeente(pk: Any, gemeente_id: int | None) -> Taak | None:
    """Task `pk` of municipality `gemeente_id` (None: not found), for `access.get_or_refuse`."""
    if gemeente_id is None:
        return None
    return (
        Taak.objects.select_related("gestart_door")
        .filter(pk=pk, gemeente_id=gemeente_id)
        .first()
    )


def bestand(taak: Taak) -> bytes | None:
    """The task's result file (read only for a download)."""
    rij = TaakBestand.objects.filter(taak_id=taak.pk).first()
    return bytes(rij.inhoud) if rij is not None else None


def feiten(taak: Taak) -> Any:
    """The facts `privacy.access.decide_taak` decides on."""
    from eenplan.privacy.access import TaakFeiten

    gevonden = registry.soort(taak.soort)
    return TaakFeiten(
        taak_id=taak.pk,
        gemeente_id=taak.gemeente_id,
        gestart_door_id=taak.gestart_door_id,
        recht=gevonden.recht if gevonden else None,
    )


def terug(taak: Taak) -> str:
    """Where the task was started: its own page, else its kind's page, else ''."""
    if taak.herkomst:
        return taak.herkomst
    gevonden = registry.soort(taak.soort)
    if gevonden is None or not gevonden.terug:
        return ""
    if gevonden.terug.startswith("/"):
        return gevonden.terug
    from django.urls import NoReverseMatch, reverse

    try:
        return reverse(gevonden.terug)
    except NoReverseMatch:
        return ""
