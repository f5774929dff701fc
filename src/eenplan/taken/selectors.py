"""The reads of the taken app, shared by the pages and the API. Every query names the
municipality (a task belongs to one; issue 16, the municipality-condition test)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

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


def systeemtaken(*, gemeente_id: int, soorten: list[str], aantal: int = 5) -> list[Taak]:
    """The latest tasks the system started of these kinds in one municipality (the message
    batches of the folder connection, on the berichten page)."""
    return list(
        Taak.objects.filter(gemeente_id=gemeente_id, soort__in=soorten, gestart_door__isnull=True)
        .only(*LIJSTVELDEN)
        .order_by("-created_at", "-id")[:aantal]
    )


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
