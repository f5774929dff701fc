"""Reads of bezwaren and klachten, shared by the pages and the API.

One record is loaded without the scope (`bezwaar_get`, `klacht_get`; 404 when it does not exist)
and then decided on by `privacy.access.require`; the lists start from the scoped querysets
(`*_in_scope`, i.e. `privacy.access.scope_q`), so scope means the same on both paths. Each list
has a fixed number of queries however many rows it returns.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import F, Q, QuerySet

from eenplan.bezwaren.constants import BezwaarUitkomst
from eenplan.bezwaren.models import Bezwaar, Klacht
from eenplan.gemeente.models import Gemeente
from eenplan.privacy import access

User = AbstractBaseUser | AnonymousUser


def bezwaar_get(pk: int) -> Bezwaar | None:
    return (
        Bezwaar.objects.filter(pk=pk)
        .select_related("beschikking__inwoner", "nieuwe_beschikking", "vastgelegd_door")
        .first()
    )


def klacht_get(pk: int, *, gemeente_id: int | None) -> Klacht | None:
    """A complaint of the login's municipality (another municipality's does not exist here)."""
    return Klacht.objects.filter(pk=pk, gemeente_id=gemeente_id).select_related("inwoner").first()


def bezwaren_in_scope(actor: access.Actor | User) -> QuerySet[Bezwaar]:
    return Bezwaar.objects.filter(access.scope_q(actor, veld="beschikking__inwoner"))


def klachten_in_scope(actor: access.Actor | User, *, gemeente_id: int | None) -> QuerySet[Klacht]:
    """Complaints of the municipality: about no resident in particular, or about one in scope."""
    return Klacht.objects.filter(gemeente_id=gemeente_id).filter(
        Q(inwoner__isnull=True) | access.scope_q(actor)
    )


# --- the pages' worklists ---------------------------------------------------------------------


def bezwaren_register(user: User, *, uitkomst: str | None = None) -> QuerySet[Bezwaar]:
    """Bezwaren against decisions about residents in scope; running ones by deadline."""
    qs = bezwaren_in_scope(user).select_related("beschikking__inwoner")
    if uitkomst == "open":
        qs = qs.filter(uitkomst=BezwaarUitkomst.LOPEND)
    elif uitkomst:
        qs = qs.filter(uitkomst=uitkomst)
    # Running ones (not decided) first, then by their deadline.
    return qs.order_by(F("besloten_op").asc(nulls_first=True), "beslissen_uiterlijk", "id")


def klachten_register(user: User, *, gemeente_id: int) -> QuerySet[Klacht]:
    """Complaints of the municipality: anonymous ones and those of residents in scope."""
    return (
        klachten_in_scope(user, gemeente_id=gemeente_id)
        .select_related("inwoner")
        .order_by("afgehandeld_op", "afhandelen_uiterlijk", "id")
    )


# --- the API's lists --------------------------------------------------------------------------


def bezwaren_list(
    *, scope: QuerySet[Bezwaar], uitkomst: str | None = None, inwoner_id: int | None = None
) -> QuerySet[Bezwaar]:
    """The bezwaar register, earliest decision deadline first."""
    qs = scope.select_related("beschikking__inwoner")
    if uitkomst:
        qs = qs.filter(uitkomst=uitkomst)
    if inwoner_id:
        qs = qs.filter(beschikking__inwoner_id=inwoner_id)
    return qs.order_by("beslissen_uiterlijk", "id")


def klachten_list(*, user: User, gemeente: Gemeente) -> QuerySet[Klacht]:
    """Complaints of the municipality: those about a resident in scope and those about no
    resident in particular; earliest handling deadline first."""
    return (
        klachten_in_scope(user, gemeente_id=gemeente.pk)
        .select_related("inwoner")
        .order_by("afhandelen_uiterlijk", "id")
    )
