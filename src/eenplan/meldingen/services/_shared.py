"""What every melding service shares: who may do what to a melding, which status it must have,
and how a change is written to the melding's own history and put on the bus (ADR 0013).

A service starts with `_check` (authorise — logged either way, `access.Refused` when not — and
the status it needs) and ends with `_record` (its line in `MeldingGebeurtenis` and its domain
event), so the preamble and the closing are written once.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError

from eenplan.events.bus import publish
from eenplan.gemeente.constants import Rol, TeamSoort
from eenplan.gemeente.models import Medewerker, Team
from eenplan.gemeente.selectors import gelijkgestelde_dagen
from eenplan.meldingen.constants import Status
from eenplan.meldingen.models import Melding, MeldingGebeurtenis, Opschorting
from eenplan.privacy import access
from eenplan.rules import termijnen

GENERALISTEN = (Rol.GENERALIST, Rol.JEUGDPROFESSIONAL)
Actor = access.Actor | AbstractBaseUser
MELDING, Handeling = access.Resource.MELDING, access.Action
# Closing is the one change of a melding besides screening, assigning and suspending.
AFSLUITEN = Handeling.WIJZIGEN
ALLEEN_CONTACTPERSOON = (
    "Alleen de toegewezen medewerker (de contactpersoon) of de midoffice kan deze melding "
    "afsluiten."
)


def melding_authorise(
    actor: Actor,
    melding: Melding,
    handeling: access.Action,
    *,
    via: access.Via = access.SERVICE,
    doel: str | None = None,
) -> access.Decision:
    """May `actor` do `handeling` to this melding? Role and need-to-know of its resident (or,
    without one, the screeners of its municipality), plus the services' own rule for closing.
    Logged either way; raises `access.Refused` when not. Each service asks this first; a page or
    the API asks it itself only when the input is refused before the service runs, so a refusal
    is logged even then."""
    if handeling == AFSLUITEN and not may_close(actor, melding):
        access.refuse(
            actor,
            MELDING,
            handeling,
            via=via,
            doel=doel,
            inwoner=melding.inwoner_id,
            reason=ALLEEN_CONTACTPERSOON,
        )
    return access.require_object(
        actor,
        MELDING,
        handeling,
        via=via,
        doel=doel,
        inwoner=melding.inwoner_id,
        gemeente=melding.gemeente_id,
    )


def may_close(actor: Actor, melding: Melding) -> bool:
    """Closing is for the assigned contact person or the mid-office (who screens); also for
    showing the button."""
    actor = access.Actor.of(actor)
    eigen = actor.medewerker is not None and melding.medewerker_id == actor.medewerker.pk
    return eigen or access.allows(actor, MELDING, Handeling.SCREENEN)


def _check(
    melding: Melding,
    *,
    actor: Actor,
    handeling: access.Action,
    statussen: tuple[Status | str, ...],
    via: access.Via,
    doel: str | None,
) -> None:
    """The preamble of every change: may `actor` do this (logged; `access.Refused` when not),
    and is the melding in a status that allows it (a Dutch ValidationError when not)?"""
    melding_authorise(actor, melding, handeling, via=via, doel=doel)
    _require_status(melding, *statussen)


def _history(
    melding: Melding,
    *,
    door: Actor,
    soort: str,
    van: str = "",
    toelichting: str = "",
    medewerker: Medewerker | None = None,
    team: Team | None = None,
) -> MeldingGebeurtenis:
    """One line in the melding's own history (who, when, from which status to which)."""
    return MeldingGebeurtenis.objects.create(
        melding=melding,
        door=access.Actor.of(door).user,  # the history names who did it: never empty
        soort=soort,
        van_status=van,
        naar_status=melding.status,
        medewerker=medewerker,
        team=team,
        toelichting=toelichting,
    )


def _publish(
    soort: str,
    melding: Melding,
    *,
    door: Actor | None,
    omschrijving: str,
    gegevens: dict | None = None,
) -> None:
    """Put a state change of the melding on the bus (ADR 0013): the resident's dossier timeline
    reads it, other apps react to it. Only the resident's own dossier: a melding is about one
    person, so it is not shown on the other members' dossiers."""
    publish(
        soort,
        record=melding,
        omschrijving=omschrijving,
        user=access.Actor.of(door).user if door is not None else None,
        inwoner=melding.inwoner,
        gegevens={"status": melding.status, **(gegevens or {})},
    )


def _record(
    melding: Melding,
    *,
    door: Actor,
    soort: str,
    event: str,
    omschrijving: str,
    van: str = "",
    toelichting: str = "",
    medewerker: Medewerker | None = None,
    team: Team | None = None,
    gegevens: dict[str, Any] | None = None,
) -> None:
    """The closing of every change: the melding's history line and its domain event."""
    _history(
        melding,
        door=door,
        soort=soort,
        van=van,
        toelichting=toelichting,
        medewerker=medewerker,
        team=team,
    )
    _publish(event, melding, door=door, omschrijving=omschrijving, gegevens=gegevens)


def _deadlines(melding: Melding) -> None:
    """Onderzoek within 6 weeks of the melding (Wmo 2015 art. 2.3.2 lid 1), moved by
    suspensions (Awb art. 4:15 by analogy) and extended per Algemene termijnenwet art. 1;
    a personal plan may be handed in within 7 days (art. 2.3.2 lid 2)."""
    extra = gelijkgestelde_dagen()
    # Read from the database, not a (possibly stale) prefetch cache on the melding.
    opschortingen = (
        [
            termijnen.Opschorting(van=o.van, tot=o.tot, reden=o.reden)
            for o in Opschorting.objects.filter(melding_id=melding.pk)
        ]
        if melding.pk
        else []
    )
    melding.onderzoek_uiterlijk = termijnen.termijn_einde_met_opschorting(
        melding.ontvangen_op,
        weken=termijnen.WMO_ONDERZOEK.weken,
        opschortingen=opschortingen,
        extra=extra,
    )
    melding.persoonlijk_plan_uiterlijk = termijnen.WMO_PERSOONLIJK_PLAN.einde(
        melding.ontvangen_op, extra=extra
    )


def _require_status(melding: Melding, *allowed: Status | str) -> None:
    if melding.status not in allowed:
        labels = ", ".join(str(Status(s).label).lower() for s in allowed)
        raise ValidationError(
            f"Dit kan alleen bij een melding met status {labels}; deze melding is "
            f"{melding.get_status_display().lower()}."
        )


def _wijkteam_for(melding: Melding) -> Team | None:
    """The wijkteam that serves the resident's wijk (None for an unknown person)."""
    inwoner = melding.inwoner if melding.inwoner_id is not None else None
    if inwoner is None:
        return None
    return (
        Team.objects.filter(
            gemeente_id=melding.gemeente_id,
            soort=TeamSoort.WIJKTEAM,
            wijken=inwoner.wijk_id,
        )
        .order_by("id")
        .first()
    )
