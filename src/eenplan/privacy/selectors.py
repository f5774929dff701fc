"""Need-to-know: which residents a login may see, and the access log.

Decision record: docs/decisions/0003-need-to-know.md. In short: a login needs the permission
``inwoners.view_dossier`` (its role) AND the resident must be in scope: living in a wijk one of
the medewerker's teams serves, or explicitly assigned (DossierToegang) today.
"""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Q, QuerySet
from django.utils import timezone

from eenplan.gemeente.models import Medewerker, Wijk
from eenplan.gemeente.roles import DOSSIER
from eenplan.gemeente.selectors import medewerker_for_user, wijk_ids_for_medewerker
from eenplan.inwoners.models import Inwoner
from eenplan.privacy.models import DossierToegang, Inzage

User = AbstractBaseUser | AnonymousUser


def _hele_gemeente(medewerker: Medewerker, wijk_ids: list[int]) -> bool:
    """True when the medewerker's teams serve every wijk of their municipality."""
    alle = set(Wijk.objects.filter(gemeente_id=medewerker.gemeente_id).values_list("id", flat=True))
    return bool(alle) and alle <= set(wijk_ids)


def inwoner_scope_q(user: User, *, veld: str = "inwoner", today: dt.date | None = None) -> Q:
    """A filter on `veld` (a foreign key to Inwoner) for the residents this login may see.

    For a login whose teams serve the whole municipality it is a plain join on the
    municipality (no list of every resident), so lists stay fast with 100,000 residents."""
    if not user.is_authenticated or not user.has_perm(DOSSIER):
        return Q(pk__in=[])
    if user.is_superuser:
        return Q()
    medewerker = medewerker_for_user(user)
    if medewerker is None:
        return Q(pk__in=[])
    wijk_ids = wijk_ids_for_medewerker(medewerker)
    if _hele_gemeente(medewerker, wijk_ids):
        return Q(**{f"{veld}__gemeente_id": medewerker.gemeente_id})
    return Q(**{f"{veld}__in": inwoners_in_scope(user, today=today).values("pk")})


def inwoners_in_scope(user: User, *, today: dt.date | None = None) -> QuerySet[Inwoner]:
    """The residents this login may see. Empty for roles without dossier rights."""
    if not user.is_authenticated or not user.has_perm(DOSSIER):
        return Inwoner.objects.none()
    if user.is_superuser:
        return Inwoner.objects.all()
    medewerker = medewerker_for_user(user)
    if medewerker is None:
        return Inwoner.objects.none()
    wijk_ids = wijk_ids_for_medewerker(medewerker)
    if _hele_gemeente(medewerker, wijk_ids):
        return Inwoner.objects.filter(gemeente_id=medewerker.gemeente_id)
    today = today or timezone.localdate()
    assigned = DossierToegang.objects.filter(
        Q(tot__isnull=True) | Q(tot__gte=today),
        medewerker=medewerker,
        van__lte=today,
    ).values("inwoner_id")
    return Inwoner.objects.filter(gemeente_id=medewerker.gemeente_id).filter(
        Q(wijk_id__in=wijk_ids) | Q(pk__in=assigned)
    )


def inwoner_in_scope(user: User, inwoner: Inwoner, *, today: dt.date | None = None) -> bool:
    return inwoners_in_scope(user, today=today).filter(pk=inwoner.pk).exists()


def inzage_list(
    *,
    inwoner_id: int | None = None,
    user_id: int | None = None,
    doel: str | None = None,
    van: dt.date | None = None,
    tot: dt.date | None = None,
) -> QuerySet[Inzage]:
    """The access log, newest first, filtered; bounded queries (user and resident joined)."""
    qs = Inzage.objects.select_related("user", "inwoner").order_by("-moment", "-id")
    if inwoner_id:
        qs = qs.filter(inwoner_id=inwoner_id)
    if user_id:
        qs = qs.filter(user_id=user_id)
    if doel:
        qs = qs.filter(doel=doel)
    if van:
        qs = qs.filter(moment__date__gte=van)
    if tot:
        qs = qs.filter(moment__date__lte=tot)
    return qs


def default_doel(user: User) -> str:
    """The purpose pre-selected for this login's role."""
    from eenplan.privacy.constants import STANDAARD_DOEL, Doel

    medewerker = medewerker_for_user(user)
    if medewerker is not None and medewerker.functie in STANDAARD_DOEL:
        return STANDAARD_DOEL[medewerker.functie]
    return Doel.GEGEVENSBEHEER
