"""Reads of the onderzoeken app."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from functools import cache
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import OuterRef, Prefetch, Q, QuerySet, Subquery
from django.utils import timezone

from eenplan.common.aggregaten import (
    Rijen,
    als_prefetch,
    delen_query,
    delen_uit,
    rijen_json,
    rijen_uit_json,
)
from eenplan.gemeente.selectors import instellingen_op
from eenplan.inwoners.models import Inwoner
from eenplan.onderzoeken.models import Anker, Instrument, Leefgebied, Onderzoek, ZrmScore
from eenplan.privacy import access
from eenplan.rules.onderzoek import Ladder, aanvraag_zonder_afgerond_onderzoek_toegestaan

User = AbstractBaseUser | AnonymousUser


def binnen_gemeente(gemeente_id: int | None) -> QuerySet[Onderzoek]:
    """The onderzoeken of one municipality. An onderzoek has no municipality column of its own
    (its resident's is it): each row it joins — melding, resident and their wijk, household,
    the staff member — is held to the municipality, so every table of the query carries the
    condition (issue 16: one shard on Citus) and another municipality's onderzoek is not found
    (404) instead of refused (a 403 would tell it exists)."""
    return Onderzoek.objects.filter(
        Q(huishouden__isnull=True) | Q(huishouden__gemeente_id=gemeente_id),
        inwoner__gemeente_id=gemeente_id,
        inwoner__wijk__gemeente_id=gemeente_id,
        melding__gemeente_id=gemeente_id,
        medewerker__gemeente_id=gemeente_id,
    )


def onderzoeken_in_scope(user: User | access.Actor) -> QuerySet[Onderzoek]:
    """Onderzoeken this login may read: its role may read onderzoeken and the resident is in
    its need-to-know scope (access.scope_q) — the one scope of the pages and the API."""
    if not access.allows(user, access.Resource.ONDERZOEK, access.Action.LEZEN):
        return Onderzoek.objects.none()
    return binnen_gemeente(access.Actor.of(user).gemeente_id).filter(access.scope_q(user))


def onderzoek_get(
    *, scope: QuerySet[Onderzoek], pk: int, gemeente_id: int | None
) -> Onderzoek | None:
    """One onderzoek of `scope` (the onderzoeken of municipality `gemeente_id`) with its parts.
    Its scores are read with their domain in one query, held to the municipality through the
    resident the query joins for their order (issue 16: one shard on Citus)."""
    scores = ZrmScore.objects.filter(inwoner__gemeente_id=gemeente_id).select_related("leefgebied")
    return (
        scope.select_related("melding", "inwoner__wijk", "huishouden", "medewerker__user")
        .prefetch_related(
            "onderdelen", "gesprekken", "afwegingen", "reacties", Prefetch("scores", scores)
        )
        .filter(pk=pk)
        .first()
    )


def onderzoek_termijn(onderzoek: Onderzoek, vandaag: dt.date) -> dict[str, object]:
    """The onderzoek's own deadline state against the melding's onderzoek_uiterlijk; past it,
    the resident may apply directly (Wmo 2015 art. 2.3.2 lid 9)."""
    uiterlijk = onderzoek.melding.onderzoek_uiterlijk
    definitief = onderzoek.verslag_definitief_op is not None
    return {
        "uiterlijk": uiterlijk,
        "verlopen": uiterlijk is not None and vandaag > uiterlijk and not definitief,
        "direct_aanvragen": aanvraag_zonder_afgerond_onderzoek_toegestaan(
            uiterlijk, vandaag, verslag_definitief=definitief
        ),
    }


def onderzoek_ladder(onderzoek: Onderzoek) -> Ladder:
    """The municipality's ladder for this onderzoek: the steps in force on the day it started
    (a setting, `gemeente.selectors.instellingen_op`; Wmo 2015 art. 2.3.5 lid 3 for the legal
    steps). A later change of the setting does not change an onderzoek already under way."""
    return instellingen_op(
        onderzoek.inwoner.gemeente_id, timezone.localdate(onderzoek.created_at)
    ).ladder


_ANKERS = Rijen(Anker, volgorde=("score", "id"))


def leefgebieden_actief() -> list[Leefgebied]:
    """The domains of the active instrument (the first, if more are active), in order, with
    their anchors (`lg.ankers.all()`, in score order) as a JSON column of the same row: one
    query (issue 16: the anchors were a second one on every plan, onderzoek and goal page)."""
    rij = delen_query(Instrument.objects.all(), {"leefgebieden": leefgebieden_deel()})
    return leefgebieden_uit(delen_uit(rij.first()).get("leefgebieden"))


@cache
def _leefgebieden() -> Rijen:
    ankers = rijen_json(Anker.objects.filter(leefgebied_id=OuterRef("pk")), _ANKERS)
    return Rijen(Leefgebied, extra={"_ankers": ankers}, volgorde=("volgorde", "id"))


def leefgebieden_deel() -> Subquery:
    """`leefgebieden_actief` as one JSON column of any query (the plan page reads it with the
    plan, `plannen.selectors.plan_pagina_get`); `leefgebieden_uit` makes it instances again."""
    instrument = Instrument.objects.filter(actief=True).order_by("id").values("pk")[:1]
    return rijen_json(
        Leefgebied.objects.filter(instrument_id=Subquery(instrument)), _leefgebieden()
    )


def leefgebieden_uit(waarde: Any, *, db: str = "default") -> list[Leefgebied]:
    """The domains of a `leefgebieden_deel` column, each with its anchors."""
    leefgebieden = rijen_uit_json(waarde, _leefgebieden(), db=db)
    for lg in leefgebieden:
        als_prefetch(lg, "ankers", rijen_uit_json(lg.__dict__.pop("_ankers"), _ANKERS, db=db))
    return leefgebieden


def scores_over_tijd(inwoner: Inwoner) -> dict[Leefgebied, list[ZrmScore]]:
    """Each domain's scores in date order (for the small chart); one query."""
    result: dict[Leefgebied, list[ZrmScore]] = defaultdict(list)
    for score in (
        ZrmScore.objects.filter(inwoner=inwoner)
        .select_related("leefgebied")
        .order_by("leefgebied__volgorde", "datum", "id")
    ):
        result[score.leefgebied].append(score)
    return dict(result)
