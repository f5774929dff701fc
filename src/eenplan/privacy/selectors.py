"""Reads of the privacy app: the access log. Need-to-know itself is decided in
`privacy.access`; the scope helpers here delegate to it.

Decision record: docs/decisions/0003-need-to-know.md. In short: a login needs the permission
``inwoners.view_dossier`` (its role) AND the resident must be in scope: living in a wijk one of
the medewerker's teams serves, or explicitly assigned (DossierToegang) today.
"""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Q, QuerySet

from eenplan.inwoners.models import Inwoner
from eenplan.privacy import access
from eenplan.privacy.models import Inzage

User = AbstractBaseUser | AnonymousUser


def inwoner_scope_q(user: User, *, veld: str = "inwoner", today: dt.date | None = None) -> Q:
    """Kept for callers not yet moved to `privacy.access.scope_q`, which decides."""
    return access.scope_q(user, veld=veld, today=today)


def inwoners_in_scope(user: User, *, today: dt.date | None = None) -> QuerySet[Inwoner]:
    """Kept for callers not yet moved to `privacy.access.inwoners_in_scope`, which decides."""
    return access.inwoners_in_scope(user, today=today)


def inwoner_in_scope(user: User, inwoner: Inwoner, *, today: dt.date | None = None) -> bool:
    return access.inwoners_in_scope(user, today=today).filter(pk=inwoner.pk).exists()


def inzage_list(
    *,
    user: User,
    inwoner_id: int | None = None,
    user_id: int | None = None,
    doel: str | None = None,
    van: dt.date | None = None,
    tot: dt.date | None = None,
) -> QuerySet[Inzage]:
    """The access log of the login's own municipality, newest first, filtered; bounded queries
    (user and resident joined). A superuser sees every municipality; a login without a
    medewerker record sees nothing."""
    qs = Inzage.objects.select_related("user", "inwoner").order_by("-moment", "-id")
    if not user.is_authenticated:
        return qs.none()
    if not user.is_superuser:
        gemeente_id = access.Actor.of(user).gemeente_id
        if gemeente_id is None:
            return qs.none()
        qs = qs.filter(gemeente_id=gemeente_id)
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
    return access.Actor.of(user).default_doel()
