"""One lookup of a contract for the pages and the API alike: the contract within the
municipality the login works for now, else a logged refusal and a 404
(`privacy.access.get_or_refuse`, ADR 0046) — the same answer whether the id belongs to another
municipality or to none; the id is never looked up across municipalities (issue 16)."""

from __future__ import annotations

from typing import Any

from eenplan.aanbieders import selectors
from eenplan.aanbieders.models import Contract
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource

CONTRACT_NIET_GEVONDEN = "Dit contract hoort niet bij uw gemeente."


def contract(user: Any, pk: int, action: Action, *, via: access.Via) -> Contract:
    return access.get_or_refuse(
        user,
        Resource.AANBIEDERS,
        action,
        via=via,
        pk=pk,
        zoek=lambda gemeente_id: selectors.contract_get(pk, gemeente_id=gemeente_id),
        wat="Contract",
        niet_gevonden=CONTRACT_NIET_GEVONDEN,
    )
