"""The provider as an actor of the one access path (`privacy.access`): a login linked to an
Aanbieder (`AanbiederLogin`) acts as `ActorKind.AANBIEDER`; its clients are the residents with a
toewijzing at that provider. Registered at start-up (`BerichtenConfig.ready`), because privacy
sits below the apps that own providers' logins and toewijzingen."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from eenplan.aanbieders.models import Aanbieder
from eenplan.berichten.models import AanbiederLogin, Toewijzing
from eenplan.inwoners.models import Inwoner
from eenplan.privacy import access


def aanbieder_van(user: Any) -> int | None:
    """The provider whose login this is, or None — also when the provider was deactivated:
    its login then stays a provider's and is refused everything (`actief`), never mistaken
    for a staff member."""
    return (
        AanbiederLogin.objects.filter(user_id=user.pk)
        .values_list("aanbieder_id", flat=True)
        .first()
    )


def actief(aanbieder_id: int) -> bool:
    """Whether the provider is still active (the contract manager can switch it off)."""
    return Aanbieder.objects.filter(pk=aanbieder_id, actief=True).exists()


def clienten(aanbieder_id: int) -> QuerySet[Inwoner]:
    """The residents with a toewijzing (current or past) at this provider."""
    return Inwoner.objects.filter(
        pk__in=Toewijzing.objects.filter(aanbieder_id=aanbieder_id).values("inwoner_id")
    )


def koppel() -> None:
    access.koppel_aanbieders(
        access.AanbiederKoppeling(aanbieder_van=aanbieder_van, clienten=clienten, actief=actief)
    )
