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


def inwoner_scope_q(user: User, *, veld: str = "inwoner", vandaag: dt.date | None = None) -> Q:
    """Kept for callers not yet moved to `privacy.access.scope_q`, which decides."""
    return access.scope_q(user, veld=veld, vandaag=vandaag)


def inwoners_in_scope(user: User, *, vandaag: dt.date | None = None) -> QuerySet[Inwoner]:
    """Kept for callers not yet moved to `privacy.access.inwoners_in_scope`, which decides."""
    return access.inwoners_in_scope(user, vandaag=vandaag)


def inwoner_in_scope(user: User, inwoner: Inwoner, *, vandaag: dt.date | None = None) -> bool:
    return access.inwoners_in_scope(user, vandaag=vandaag).filter(pk=inwoner.pk).exists()


def inzage_list(
    *,
    user: User,
    inwoner_id: int | None = None,
    inwoner_ids: list[int] | None = None,
    user_id: int | None = None,
    doel: str | None = None,
    toegestaan: bool | None = None,
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
    if inwoner_ids is not None:
        qs = qs.filter(inwoner_id__in=inwoner_ids)
    if toegestaan is not None:
        qs = qs.filter(toegestaan=toegestaan)
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


INWONER_FILTER_MAX = 50


def inzage_inwoners_zoeken(*, user: User, q: str) -> tuple[list[int], str]:
    """The residents of the privacy officer's own municipality that a filter value names: an
    internal number, a BSN, a birth date or (part of) a name. Returns their ids (at most
    `INWONER_FILTER_MAX`) and, when nothing usable was typed, the reason in Dutch."""
    from eenplan.inwoners.selectors import inwoner_search

    q = q.strip()
    gemeente_id = access.Actor.of(user).gemeente_id
    scope = Inwoner.objects.all() if user.is_superuser and gemeente_id is None else (
        Inwoner.objects.filter(gemeente_id=gemeente_id)
    )
    if q.isascii() and q.isdigit() and len(q) < 8:  # not '²': isdigit() but no int()
        return list(scope.filter(pk=int(q)).values_list("pk", flat=True)), ""
    vraag, gevonden = inwoner_search(scope=scope, q=q)
    if vraag.soort == "ongeldig":
        return [], vraag.uitleg
    return gevonden.ids(INWONER_FILTER_MAX), ""
