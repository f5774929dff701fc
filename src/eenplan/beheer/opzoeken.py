"""One lookup of a staff member or a team for the functioneel-beheer pages and API alike: the
record within the municipality the login works for now, else a logged refusal and a 404
(`privacy.access.get_or_refuse`, ADR 0046) — the same answer whether the id belongs to another
municipality or to none; the id is never looked up across municipalities (issue 16)."""

from __future__ import annotations

from typing import Any

from eenplan.beheer import selectors
from eenplan.gemeente.models import Medewerker, Team
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource

MEDEWERKER_NIET_GEVONDEN = "Deze medewerker werkt niet bij uw gemeente."
TEAM_NIET_GEVONDEN = "Dit team hoort niet bij uw gemeente."


def medewerker(user: Any, pk: int, action: Action, *, via: access.Via) -> Medewerker:
    return access.get_or_refuse(
        user,
        Resource.ACCOUNT,
        action,
        via=via,
        pk=pk,
        zoek=lambda gemeente_id: selectors.medewerker_get(gemeente=gemeente_id, pk=pk),
        wat="Medewerker",
        niet_gevonden=MEDEWERKER_NIET_GEVONDEN,
    )


def team(user: Any, pk: int, action: Action, *, via: access.Via) -> Team:
    return access.get_or_refuse(
        user,
        Resource.INRICHTING,
        action,
        via=via,
        pk=pk,
        zoek=lambda gemeente_id: selectors.team_get(gemeente=gemeente_id, pk=pk),
        wat="Team",
        niet_gevonden=TEAM_NIET_GEVONDEN,
    )
