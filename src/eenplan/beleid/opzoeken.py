"""One lookup per record of policy for the pages and the API alike: a policy plan or a
client-experience survey within the municipality the login works for now, else a logged
refusal and a 404 (`privacy.access.get_or_refuse`, ADR 0046) — the same answer whether the id
belongs to another municipality or to none. The id is never looked up across municipalities
(issue 16)."""

from __future__ import annotations

from typing import Any

from eenplan.beleid import selectors
from eenplan.beleid.models import Beleidsplan, Uitvraging
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource

PLAN_NIET_GEVONDEN = "Dit beleidsplan bestaat niet."
ONDERZOEK_NIET_GEVONDEN = "Dit onderzoek bestaat niet."


def plan(
    user: Any, pk: int, action: Action, *, via: access.Via, niet_gevonden: str = PLAN_NIET_GEVONDEN
) -> Beleidsplan:
    return access.get_or_refuse(
        user,
        Resource.BELEID,
        action,
        via=via,
        pk=pk,
        zoek=lambda gemeente_id: selectors.plan_of_none(gemeente_id=gemeente_id, pk=pk),
        wat="Beleidsplan",
        niet_gevonden=niet_gevonden,
    )


def uitvraging(user: Any, pk: int, action: Action, *, via: access.Via) -> Uitvraging:
    return access.get_or_refuse(
        user,
        Resource.ENQUETE,
        action,
        via=via,
        pk=pk,
        zoek=lambda gemeente_id: selectors.uitvraging_get(gemeente_id=gemeente_id, pk=pk),
        wat="Cliëntervaringsonderzoek",
        niet_gevonden=ONDERZOEK_NIET_GEVONDEN,
    )
