"""One lookup per record of debt help for the pages and the API alike: the signal or debt
question within the municipality the login works for now, else a logged refusal and a 404
(`privacy.access.get_or_refuse`, ADR 0046) — the same answer whether the id belongs to another
municipality or to none. Role and need-to-know on the record found stay with the caller's
`require`."""

from __future__ import annotations

from typing import Any

from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource
from eenplan.schuldhulp import selectors
from eenplan.schuldhulp.models import Schuldvraag, Vroegsignaal

SIGNAAL_NIET_GEVONDEN = "Dit vroegsignaal bestaat niet."
VRAAG_NIET_GEVONDEN = "Deze schuldvraag bestaat niet."


def signaal(
    user: Any, pk: int, action: Action, *, via: access.Via, doel: str | None = None
) -> Vroegsignaal:
    return access.get_or_refuse(
        user,
        Resource.SCHULDHULP,
        action,
        via=via,
        pk=pk,
        zoek=lambda gemeente_id: selectors.signaal_get(pk, gemeente_id=gemeente_id),
        wat="Vroegsignaal",
        niet_gevonden=SIGNAAL_NIET_GEVONDEN,
        doel=doel,
    )


def schuldvraag(
    user: Any, pk: int, action: Action, *, via: access.Via, doel: str | None = None
) -> Schuldvraag:
    return access.get_or_refuse(
        user,
        Resource.SCHULDHULP,
        action,
        via=via,
        pk=pk,
        zoek=lambda gemeente_id: selectors.schuldvraag_get(pk, gemeente_id=gemeente_id),
        wat="Schuldvraag",
        niet_gevonden=VRAAG_NIET_GEVONDEN,
        doel=doel,
    )
