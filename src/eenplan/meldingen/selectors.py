"""Reads of the meldingen app: scope, worklists with deadline state, the intake context."""

from __future__ import annotations

import contextlib
import datetime as dt
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.paginator import Page, Paginator
from django.db.models import (
    Case,
    Count,
    F,
    IntegerField,
    Prefetch,
    Q,
    QuerySet,
    Sum,
    Value,
    When,
    Window,
    prefetch_related_objects,
)
from django.utils import timezone

from eenplan.common.termijnstand import Drempels, termijn_stand
from eenplan.common.vast_plan import vast_plan
from eenplan.gemeente.models import Medewerker, Team
from eenplan.gemeente.selectors import termijn_drempels
from eenplan.inwoners.models import HuishoudenLid, Inwoner, Netwerkpersoon
from eenplan.inwoners.selectors import inwoner_filter
from eenplan.meldingen.constants import OPEN_STATUSSEN, Domein, TermijnStand
from eenplan.meldingen.models import Melding, MeldingGebeurtenis, Notificatie
from eenplan.privacy import access

User = AbstractBaseUser | AnonymousUser | access.Actor


def meldingen_in_scope(user: User) -> QuerySet[Melding]:
    """Meldingen this actor may read: the rule of `access.decide_object(MELDING, LEZEN)` as a
    filter, for the pages and the API alike. About a resident within need-to-know (an assignee
    has DossierToegang while the melding is theirs), or — for the screeners of the municipality —
    about a person not identified yet. So every melding in a list can also be opened, and a
    melding that cannot be opened is in no list."""
    actor = access.Actor.of(user)
    if not access.allows(actor, access.Resource.MELDING, access.Action.LEZEN):
        return Melding.objects.none()
    condition = access.scope_q(actor, gemeente_veld="gemeente")
    if access.allows(actor, access.Resource.MELDING_ONBEKEND, access.Action.LEZEN):
        condition |= Q(inwoner__isnull=True)
    if actor.medewerker is not None:
        return Melding.objects.filter(condition, gemeente_id=actor.gemeente_id)
    if actor.is_superuser:
        return Melding.objects.filter(condition)
    return Melding.objects.none()


def _gekoppeld_binnen(gemeente_id: int | None, *paden: str) -> Q:
    """Each row a melding read joins through `paden` (nullable foreign keys: `inwoner`,
    `inwoner__wijk`, `team`, ...) is of municipality `gemeente_id`, or there is none. Always
    true for a melding of that municipality — its resident, team and staff member are its own —
    but stated, so every table of the query carries the municipality condition (issue 16: one
    shard on Citus). Only on the joins the query makes anyway (`select_related`): no join more."""
    conditie = Q()
    for pad in paden:
        conditie &= Q(**{f"{pad}__isnull": True}) | Q(**{f"{pad}__gemeente_id": gemeente_id})
    return conditie


# What `melding_get` joins: the resident and wijk, household, team, staff member and the
# melding it was linked to.
MELDING_JOINS = ("inwoner", "inwoner__wijk", "huishouden", "team", "medewerker", "gekoppeld_aan")


def binnen_gemeente(
    gemeente_id: int | None, *, joins: tuple[str, ...] = MELDING_JOINS
) -> QuerySet[Melding]:
    """The meldingen of one municipality, to find one by id (`melding_get`): another
    municipality's melding is not found (a logged 404 through `access.get_or_refuse`, ADR 0046),
    like one that does not exist, instead of a refusal that tells it exists. The rows the read
    joins (`joins`, those `select_related` reads) are held to the municipality too."""
    return Melding.objects.filter(_gekoppeld_binnen(gemeente_id, *joins), gemeente_id=gemeente_id)


def _stand(drempels: Drempels) -> Case:
    """The shared SQL deadline state (`common.termijnstand`) of the onderzoek deadline."""
    return termijn_stand(
        "onderzoek_uiterlijk",
        drempels,
        # The verslag is definitief: the onderzoek deadline was met, it no longer runs.
        eerst=[When(onderzoek_afgerond_op__isnull=False, then=Value(TermijnStand.AFGEROND))],
        zonder_datum=TermijnStand.OPGESCHORT,
    )


_UITERLIJK = F("onderzoek_uiterlijk")
# Most urgent first; suspended meldingen (no deadline) at the end, on both databases.
SORTERINGEN = {
    "termijn": (_UITERLIJK.asc(nulls_last=True), "id"),
    "-termijn": (_UITERLIJK.desc(nulls_last=True), "-id"),
    "ontvangen": ("ontvangen_op", "id"),
    "-ontvangen": ("-ontvangen_op", "-id"),
    "wijk": ("inwoner__wijk__naam", _UITERLIJK.asc(nulls_last=True), "id"),
}


def werkvoorraad(
    *,
    scope: QuerySet[Melding],
    vandaag: dt.date,
    medewerker: Medewerker | None = None,
    team: Team | None = None,
    wijk_id: int | None = None,
    domein: str | None = None,
    status: str | None = None,
    stand: str | None = None,
    zoek: str = "",
    sortering: str = "termijn",
    gemeente_id: int | None = None,
) -> QuerySet[Melding]:
    """Open meldingen (or those with `status`) with their deadline state; bounded queries.
    `zoek`: free text — a melding number, a BSN or (the start of) a name (see `zoek_q`), the
    residents looked up within `gemeente_id` (the login's municipality), to which the rows the
    list joins (resident and wijk, staff member, team) are held too."""
    qs = scope.select_related("inwoner__wijk", "medewerker__user", "team").annotate(
        stand=_stand(termijn_drempels(vandaag))
    )
    if gemeente_id is not None:
        qs = qs.filter(
            _gekoppeld_binnen(gemeente_id, "inwoner", "inwoner__wijk", "medewerker", "team")
        )
    qs = qs.filter(status=status) if status else qs.filter(status__in=OPEN_STATUSSEN)
    if medewerker is not None:
        qs = qs.filter(medewerker=medewerker)
    if team is not None:
        qs = qs.filter(team=team)
    if wijk_id:
        qs = qs.filter(inwoner__wijk_id=wijk_id)
    if domein in Domein.values:
        qs = qs.filter(**{domein: True})
    if stand in TermijnStand.values:
        qs = qs.filter(stand=stand)
    if zoek.strip():
        qs = qs.filter(zoek_q(zoek, gemeente_id=gemeente_id))
    return qs.order_by(*SORTERINGEN.get(sortering, SORTERINGEN["termijn"]))


def zoek_q(zoek: str, *, gemeente_id: int | None = None) -> Q:
    """Free-text search in the worklist: a number finds the melding with that number, a BSN
    (8 or 9 digits) the meldingen about that resident, other text the start of the resident's
    name (as the resident search) or words in the description of a person not identified yet.
    Within the scope the caller already applied.

    The residents are found first, within the municipality `gemeente_id` (the login's), on the
    search keys of the resident search (`inwoners.selectors.inwoner_filter`: the unique BSN, the
    name keys in byte order); their ids then select the meldingen. Joined to the meldingen
    instead, in an OR with the description, the name could only be checked row by row over
    every resident (a sequential scan of the residents at every search)."""
    zoek = zoek.strip()
    condition = Q(pk__in=[])
    nummer = zoek.lstrip("#").strip()
    if nummer.isascii() and nummer.isdigit() and len(nummer) <= 9:
        condition |= Q(pk=int(nummer))
    vraag, inwoners = inwoner_filter(
        scope=Inwoner.objects.filter(**({"gemeente_id": gemeente_id} if gemeente_id else {})),
        q=zoek,
    )
    if vraag.soort in ("bsn", "naam"):
        condition |= Q(inwoner_id__in=inwoners.values("id"))
    if vraag.soort == "naam":
        condition |= Q(onbekende_persoon__icontains=zoek)
    return condition


def werkvoorraad_plan(
    *, zoek: str = "", medewerker: Any = None, team: Any = None, **_: Any
) -> contextlib.AbstractContextManager[None]:
    """Around reading a worklist (page and API, with `werkvoorraad`'s arguments): PostgreSQL's
    one plan per connection (`common.vast_plan`, ADR 0053) for the worklist of one staff member
    or one team — it never chooses that plan itself and plans the query again on every
    request (1.3-1.5 ms for 0.2 ms of work at 1M residents). Not with a search text (the name
    search needs a plan for its pattern) nor for the whole municipality's list."""
    if zoek.strip() or (medewerker is None and team is None):
        return contextlib.nullcontext()
    return vast_plan()


def werkvoorraad_tellingen(qs: QuerySet[Melding]) -> dict[str, int]:
    """Counts per deadline state, in one query (the numbers on top of the worklist)."""
    totals = qs.order_by().aggregate(
        **{s.value: Count("id", filter=Q(stand=s.value)) for s in TermijnStand}
    )
    return {s.value: totals[s.value] for s in TermijnStand}


def werkvoorraad_met_tellingen(
    qs: QuerySet[Melding], *, vanaf: int, aantal: int
) -> tuple[list[Melding], dict[str, int] | None]:
    """Rows `vanaf` … `vanaf + aantal` of a worklist (`werkvoorraad`) and its counts per
    deadline state over the whole list, in one query: each count as a window over the list
    (`SUM(…) OVER ()`, computed before the page is cut off). The counts are None when the
    page has no rows (then `werkvoorraad_tellingen` counts them); the same numbers as
    `werkvoorraad_tellingen` otherwise (issue 16: one query less for the worklist)."""
    vensters = {
        f"_aantal_{s.value}": Window(
            Sum(Case(When(stand=s.value, then=1), default=0, output_field=IntegerField()))
        )
        for s in TermijnStand
    }
    rijen = list(qs.annotate(**vensters)[vanaf : vanaf + aantal])
    if not rijen:
        return rijen, None
    eerste = rijen[0]
    return rijen, {s.value: int(getattr(eerste, f"_aantal_{s.value}") or 0) for s in TermijnStand}


def werkvoorraad_pagina(
    qs: QuerySet[Melding], *, nummer: int | None, per_pagina: int
) -> tuple[Page | None, dict[str, int] | None]:
    """Page `nummer` (from 1) of worklist `qs` with its counts per deadline state over the
    whole list, in one query (`werkvoorraad_met_tellingen`); the page's paginator knows the
    number of rows from the counts, so no COUNT is sent. (None, None) when the page has no rows
    and is not the first: out of range, which the caller answers (the page shows its last
    page, the API a 404). The worklist page and the API read their pages through this."""
    if nummer is None or nummer < 1:
        return None, None
    rijen, geteld = werkvoorraad_met_tellingen(
        qs, vanaf=(nummer - 1) * per_pagina, aantal=per_pagina
    )
    if geteld is None:
        if nummer != 1:
            return None, None
        geteld = dict.fromkeys(TermijnStand.values, 0)  # no first row: an empty list
    paginator = Paginator(qs, per_pagina)
    paginator.count = sum(geteld.values())
    return Page(rijen, nummer, paginator), geteld


def melding_get(
    *, scope: QuerySet[Melding], pk: int, vandaag: dt.date | None = None
) -> Melding | None:
    """One melding with its history, and `stand`: the state of its onderzoek deadline on
    `vandaag` (default today) from the same SQL expression as the worklists. `scope`: the
    meldingen it is looked for in — `binnen_gemeente(<the login's municipality>)` for a lookup
    by id, a need-to-know scope for a melding named in a form; the history's staff members and
    teams are read within the melding's municipality."""
    vandaag = vandaag or timezone.localdate()
    melding = (
        scope.annotate(stand=_stand(termijn_drempels(vandaag)))
        .select_related(
            "inwoner__wijk",
            "huishouden",
            "team",
            "medewerker__user",
            "gekoppeld_aan",
            "geregistreerd_door",
        )
        .filter(pk=pk)
        .first()
    )
    if melding is not None:
        gemeente_id = melding.gemeente_id
        gebeurtenissen = MeldingGebeurtenis.objects.filter(
            _gekoppeld_binnen(gemeente_id, "medewerker", "team")
        ).select_related("door", "medewerker__user", "team")
        prefetch_related_objects(
            [melding], Prefetch("gebeurtenissen", queryset=gebeurtenissen), "opschortingen"
        )
    return melding


def intake_context(*, melding: Melding, scope: QuerySet[Melding], vandaag: dt.date) -> dict:
    """Tell your story once: what the screener sees about the household before routing.

    Other open meldingen of the same resident or household (within the screener's scope),
    the current household members and the network."""
    if melding.inwoner_id is None:
        return {"andere_meldingen": [], "leden": [], "netwerk": []}
    same = Q(inwoner_id=melding.inwoner_id)
    if melding.huishouden_id:
        same |= Q(huishouden_id=melding.huishouden_id)
    gemeente_id = melding.gemeente_id
    andere = list(
        scope.filter(same, status__in=OPEN_STATUSSEN)
        .filter(
            _gekoppeld_binnen(gemeente_id, "medewerker", "team"),
            Q(inwoner__isnull=True) | Q(inwoner__gemeente_id=gemeente_id),
        )
        .exclude(pk=melding.pk)
        .select_related("inwoner", "medewerker__user", "team")
        .order_by("-ontvangen_op")
    )
    leden = (
        list(
            HuishoudenLid.objects.filter(
                huishouden_id=melding.huishouden_id,
                lid_van__lte=vandaag,
                inwoner__gemeente_id=gemeente_id,
            )
            .filter(Q(lid_tot__isnull=True) | Q(lid_tot__gt=vandaag))
            .select_related("inwoner")
            .order_by("lid_van", "id")
        )
        if melding.huishouden_id
        else []
    )
    netwerk = list(
        Netwerkpersoon.objects.filter(inwoner_id=melding.inwoner_id).order_by("soort", "naam")
    )
    return {"andere_meldingen": andere, "leden": leden, "netwerk": netwerk}


def notificaties_open(*, medewerker: Medewerker) -> QuerySet[Notificatie]:
    """The unread notifications of the staff member's teams, with their melding and its
    resident, each held to the staff member's municipality."""
    gemeente_id = medewerker.gemeente_id
    return (
        Notificatie.objects.filter(
            Q(melding__inwoner__isnull=True) | Q(melding__inwoner__gemeente_id=gemeente_id),
            team__in=medewerker.teams.all(),
            team__gemeente_id=gemeente_id,
            melding__gemeente_id=gemeente_id,
            gelezen_op__isnull=True,
        )
        .select_related("melding__inwoner", "team")
        .order_by("-created_at")
    )
