"""One lookup per record of data exchange for the pages and the API alike: the exchange or the
household within the municipality the login works for now, else a logged refusal and a 404
(`privacy.access.get_or_refuse`, ADR 0046) — the same answer whether the id belongs to another
municipality or to none; the id is never looked up across municipalities (issue 16). Role and
need-to-know on the record found stay with the caller's `require`."""

from __future__ import annotations

from typing import Any

from eenplan.inwoners.models import Huishouden
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource
from eenplan.uitwisseling import selectors
from eenplan.uitwisseling.models import Uitwisseling

UITWISSELING_NIET_GEVONDEN = "Deze uitwisseling bestaat niet."
HUISHOUDEN_NIET_GEVONDEN = "Dit huishouden bestaat niet."


def uitwisseling(
    user: Any,
    pk: int,
    action: Action,
    *,
    via: access.Via,
    resource: Resource = Resource.UITWISSELING,
) -> Uitwisseling:
    return access.get_or_refuse(
        user,
        resource,
        action,
        via=via,
        pk=pk,
        zoek=lambda gemeente_id: selectors.uitwisselingen_van_pk(pk, gemeente_id=gemeente_id),
        wat="Uitwisseling",
        niet_gevonden=UITWISSELING_NIET_GEVONDEN,
    )


def huishouden(
    user: Any,
    pk: int,
    action: Action,
    *,
    via: access.Via,
    resource: Resource = Resource.UITWISSELING,
) -> Huishouden:
    return access.get_or_refuse(
        user,
        resource,
        action,
        via=via,
        pk=pk,
        zoek=lambda gemeente_id: Huishouden.objects.filter(pk=pk, gemeente_id=gemeente_id).first(),
        wat="Huishouden",
        niet_gevonden=HUISHOUDEN_NIET_GEVONDEN,
    )
