"""Reads of bezwaren and klachten, shared by the pages and the API.

One record is loaded within the login's municipality but without the scope (`bezwaar_get`,
`klacht_get`; 404 when it does not exist there)
and then decided on by `privacy.access.require`; the lists start from the scoped querysets
(`*_in_scope`, i.e. `privacy.access.scope_q`), so scope means the same on both paths. Each list
has a fixed number of queries however many rows it returns.
"""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Case, F, Q, QuerySet
from django.utils import timezone

from eenplan.bezwaren.constants import BezwaarUitkomst
from eenplan.bezwaren.models import Bezwaar, Klacht
from eenplan.common.termijnstand import Drempels, termijn_stand
from eenplan.gemeente.models import Gemeente
from eenplan.gemeente.selectors import termijn_drempels
from eenplan.privacy import access

User = AbstractBaseUser | AnonymousUser


def bezwaar_termijn_stand(drempels: Drempels) -> Case:
    """The state of the decision term of a running bezwaar (Awb 7:10) in SQL, the expression
    of every worklist (`common.termijnstand`); NULL once decided."""
    return termijn_stand("beslissen_uiterlijk", drempels, loopt=Q(uitkomst=BezwaarUitkomst.LOPEND))


def klacht_termijn_stand(drempels: Drempels) -> Case:
    """The state of the handling term of an open klacht (Awb 9:11); NULL once handled."""
    return termijn_stand("afhandelen_uiterlijk", drempels, loopt=Q(afgehandeld_op__isnull=True))


def _met_stand(qs: QuerySet[Bezwaar], vandaag: dt.date | None = None) -> QuerySet[Bezwaar]:
    drempels = termijn_drempels(vandaag or timezone.localdate())
    return qs.annotate(termijn_stand=bezwaar_termijn_stand(drempels))


def _klachten_met_stand(qs: QuerySet[Klacht], vandaag: dt.date | None = None) -> QuerySet[Klacht]:
    drempels = termijn_drempels(vandaag or timezone.localdate())
    return qs.annotate(termijn_stand=klacht_termijn_stand(drempels))


def _binnen_gemeente(gemeente_id: int | None) -> QuerySet[Bezwaar]:
    """Bezwaren against decisions of one municipality, the decision and its resident held to it
    too (a bezwaar has no municipality of its own: its beschikking's is it). Every table of the
    query carries the municipality condition (issue 16: one shard on Citus)."""
    return Bezwaar.objects.filter(
        beschikking__gemeente_id=gemeente_id, beschikking__inwoner__gemeente_id=gemeente_id
    )


def bezwaar_get(pk: int, *, gemeente_id: int | None) -> Bezwaar | None:
    """A bezwaar of the login's municipality: another municipality's is not found (404), like
    one that does not exist, instead of a refusal that tells it exists."""
    return (
        _met_stand(_binnen_gemeente(gemeente_id).filter(pk=pk))
        .select_related("beschikking__inwoner", "nieuwe_beschikking", "vastgelegd_door")
        .first()
    )


def klacht_get(pk: int, *, gemeente_id: int | None) -> Klacht | None:
    """A complaint of the login's municipality (another municipality's does not exist here)."""
    return (
        _klachten_met_stand(
            Klacht.objects.filter(
                Q(inwoner__isnull=True) | Q(inwoner__gemeente_id=gemeente_id),
                pk=pk,
                gemeente_id=gemeente_id,
            )
        )
        .select_related("inwoner")
        .first()
    )


def bezwaren_in_scope(actor: access.Actor | User) -> QuerySet[Bezwaar]:
    return _binnen_gemeente(access.Actor.of(actor).gemeente_id).filter(
        access.scope_q(actor, veld="beschikking__inwoner")
    )


def klachten_in_scope(actor: access.Actor | User, *, gemeente_id: int | None) -> QuerySet[Klacht]:
    """Complaints of the municipality: about no resident in particular, or about one in scope."""
    return Klacht.objects.filter(gemeente_id=gemeente_id).filter(
        Q(inwoner__isnull=True) | access.scope_q(actor)
    )


# --- the pages' worklists ---------------------------------------------------------------------


def bezwaren_register(
    user: User, *, uitkomst: str | None = None, vandaag: dt.date | None = None
) -> QuerySet[Bezwaar]:
    """Bezwaren against decisions about residents in scope with their `termijn_stand`; running
    ones by deadline."""
    qs = _met_stand(bezwaren_in_scope(user).select_related("beschikking__inwoner"), vandaag)
    if uitkomst == "open":
        qs = qs.filter(uitkomst=BezwaarUitkomst.LOPEND)
    elif uitkomst:
        qs = qs.filter(uitkomst=uitkomst)
    # Running ones (not decided) first, then by their deadline.
    return qs.order_by(F("besloten_op").asc(nulls_first=True), "beslissen_uiterlijk", "id")


def klachten_register(
    user: User, *, gemeente_id: int, vandaag: dt.date | None = None
) -> QuerySet[Klacht]:
    """Complaints of the municipality (anonymous ones and those of residents in scope) with
    their `termijn_stand`."""
    return _klachten_met_stand(
        klachten_in_scope(user, gemeente_id=gemeente_id).select_related("inwoner"), vandaag
    ).order_by("afgehandeld_op", "afhandelen_uiterlijk", "id")


# --- the API's lists --------------------------------------------------------------------------


def bezwaren_list(
    *,
    scope: QuerySet[Bezwaar],
    uitkomst: str | None = None,
    inwoner_id: int | None = None,
    vandaag: dt.date | None = None,
) -> QuerySet[Bezwaar]:
    """The bezwaar register with its `termijn_stand`, earliest decision deadline first."""
    qs = _met_stand(scope.select_related("beschikking__inwoner"), vandaag)
    if uitkomst:
        qs = qs.filter(uitkomst=uitkomst)
    if inwoner_id:
        qs = qs.filter(beschikking__inwoner_id=inwoner_id)
    return qs.order_by("beslissen_uiterlijk", "id")


def klachten_list(
    *, user: User, gemeente: Gemeente, vandaag: dt.date | None = None
) -> QuerySet[Klacht]:
    """Complaints of the municipality (those about a resident in scope and those about no
    resident in particular) with their `termijn_stand`; earliest handling deadline first."""
    return _klachten_met_stand(
        klachten_in_scope(user, gemeente_id=gemeente.pk).select_related("inwoner"), vandaag
    ).order_by("afhandelen_uiterlijk", "id")
