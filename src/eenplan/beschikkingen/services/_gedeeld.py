"""What the write services of beschikkingen (and of bezwaren, above it) share: the actor type,
the access decision before anything changes (`vereis_toegang`), publishing an event in the
service's transaction (`publiceer`), dates as the timeline writes them, and who is a generalist."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth.models import User
from django.utils import formats, translation

from eenplan.events import bus
from eenplan.gemeente.constants import Rol
from eenplan.inwoners.models import Inwoner
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource

ActorLike = access.Actor | User


# Hardenberg: generalists decide themselves; the back office checks those decisions afterwards.
GENERALISTEN = (Rol.GENERALIST, Rol.JEUGDPROFESSIONAL)


def datum_tekst(datum: dt.date | None) -> str:
    """A date as the timeline writes it: '3 februari 2027'."""
    if datum is None:
        return "onbekend"
    with translation.override("nl"):
        return formats.date_format(datum, "j F Y")


def publiceer(
    soort: str,
    *,
    record: Any,
    omschrijving: str,
    user: Any,
    inwoner_id: int | None,
    **gegevens: Any,
) -> None:
    """One event on the bus (ADR 0013), inside the service's transaction: the history row
    commits together with the change or not at all."""
    bus.publish(
        soort,
        record=record,
        omschrijving=omschrijving,
        user=user,
        inwoner=Inwoner(pk=inwoner_id) if inwoner_id is not None else None,
        gegevens=gegevens,
    )


def is_generalist(actor: ActorLike) -> bool:
    """Whether the actor decides as a generalist (their decisions get the lawfulness check)."""
    medewerker = access.Actor.of(actor).medewerker
    return medewerker is not None and medewerker.functie in GENERALISTEN


def vereis_toegang(
    actor: ActorLike, resource: Resource, action: Action, via: access.Via | None, inwoner: Any
) -> access.Actor:
    """Role and need-to-know, decided by `privacy.access` before anything changes.

    Called from code (`via` None: the demo, a command, another service) this is the decision
    that is logged. Called by a page or the API (`via` given), the view already asked
    `access.require` for this request before reading its input — and logged it — so the check
    is repeated here without a second row; only a refusal (the scope changed meanwhile) is
    logged, with the request's path."""
    actor = access.Actor.of(actor)
    if actor.kind == access.ActorKind.INWONER:
        return _vereis_toegang_inwoner(actor, resource, action, via, inwoner)
    doel = access.RULES[(resource, action)].doel
    if via is not None:
        decision = access.decide(
            actor, resource, action, via=via, inwoner=inwoner, doel=doel, log=False
        )
        if decision.allowed:
            return actor
    access.require(actor, resource, action, via=via or access.SERVICE, inwoner=inwoner, doel=doel)
    return actor


def _vereis_toegang_inwoner(
    actor: access.Actor, resource: Resource, action: Action, via: access.Via | None, inwoner: Any
) -> access.Actor:
    """A resident's login (the inwonersportaal files a bezwaar or a klacht): the resident
    rules of `privacy.access` (`INWONER_RULES`, the ground of representation), never without
    a resident. As for staff: with `via` the portal already asked and logged; only a refusal
    is logged again."""
    if inwoner is None:
        access.log_refusal(actor, via=via or access.SERVICE, reason=access.NIET_VERTEGENWOORDIGD)
        raise access.Refused(
            access.Decision(allowed=False, reason=access.NIET_VERTEGENWOORDIGD)
        )
    if via is not None:
        decision = access.decide_inwoner(
            actor, resource, action, via=via, inwoner=inwoner, log=False
        )
        if decision.allowed:
            return actor
    access.require_inwoner(actor, resource, action, via=via or access.SERVICE, inwoner=inwoner)
    return actor
