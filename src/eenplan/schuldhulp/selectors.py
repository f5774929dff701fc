"""Reads of debt help, shared by the pages and the API (one read path). Lists start from the
actor's need-to-know (`privacy.access.scope_q`) and the municipality's own rows."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from typing import Any

from django.db.models import OuterRef, Prefetch, Q, QuerySet, Subquery

from eenplan.common.aggregaten import Rijen, als_prefetch, rijen_json, rijen_uit_json
from eenplan.plannen.selectors import plan_huishouden
from eenplan.privacy import access
from eenplan.schuldhulp.models import Contactpoging, RouteStap, Schuldvraag, Vroegsignaal


def _eigen_gemeente(actor: object) -> Q:
    """The actor's own municipality (a region keeps each municipality's rows apart, issue 16);
    an installation's superuser without a municipality is limited by `scope_q` alone."""
    gemeente_id = access.Actor.of(actor).gemeente_id  # type: ignore[arg-type]
    return Q() if gemeente_id is None else Q(gemeente_id=gemeente_id)


def signalen_in_scope(actor: object) -> QuerySet[Vroegsignaal]:
    """The signals of residents within the actor's need-to-know, newest first, with their
    contact attempts (two queries for any length of page)."""
    return (
        Vroegsignaal.objects.filter(
            access.scope_q(actor, gemeente_veld="gemeente_id"),  # type: ignore[arg-type]
            _eigen_gemeente(actor),
            _signalen_binnen(access.Actor.of(actor).gemeente_id),  # type: ignore[arg-type]
        )
        .select_related("inwoner", "melding")
        .prefetch_related(
            Prefetch("contactpogingen", queryset=Contactpoging.objects.order_by("op", "id"))
        )
        .order_by("-ontvangen_op", "-id")
    )


def schuldvragen_in_scope(actor: object) -> QuerySet[Schuldvraag]:
    """The debt questions of residents within the actor's need-to-know, newest first."""
    return (
        Schuldvraag.objects.filter(
            access.scope_q(actor, gemeente_veld="gemeente_id"),  # type: ignore[arg-type]
            _eigen_gemeente(actor),
        )
        .select_related("inwoner", "triage_door")
        .order_by("-verzoek_op", "-id")
    )


def _signalen_binnen(gemeente_id: int | None) -> Q:
    """Signals of municipality `gemeente_id` with their resident and melding held to it too:
    every table the read joins carries the municipality condition (issue 16: one shard on
    Citus). No condition for a login without a municipality (an installation's superuser)."""
    if gemeente_id is None:
        return Q()
    return Q(gemeente_id=gemeente_id, inwoner__gemeente_id=gemeente_id) & Q(
        melding__gemeente_id=gemeente_id
    )


def _vragen_binnen(gemeente_id: int | None) -> Q:
    """Debt questions of municipality `gemeente_id`, each row they join held to it: resident,
    household, and (when there is one) the signal, the aanvraag and the beschikking."""
    if gemeente_id is None:
        return Q()
    return (
        Q(gemeente_id=gemeente_id)
        & Q(inwoner__gemeente_id=gemeente_id, huishouden__gemeente_id=gemeente_id)
        & (Q(signaal__isnull=True) | Q(signaal__gemeente_id=gemeente_id))
        & (Q(aanvraag__isnull=True) | Q(aanvraag__gemeente_id=gemeente_id))
        & (Q(beschikking__isnull=True) | Q(beschikking__gemeente_id=gemeente_id))
    )


def signaal_get(pk: int, *, gemeente_id: int | None = None) -> Vroegsignaal | None:
    """One signal (within the municipality, when given): the page's and the API's read."""
    return (
        Vroegsignaal.objects.filter(_signalen_binnen(gemeente_id), pk=pk)
        .select_related("inwoner", "melding")
        .prefetch_related("contactpogingen")
        .first()
    )


def schuldvraag_get(pk: int, *, gemeente_id: int | None = None) -> Schuldvraag | None:
    """One debt question (within the municipality, when given): the page's and the API's
    read, every joined row held to the municipality."""
    return (
        Schuldvraag.objects.filter(_vragen_binnen(gemeente_id), pk=pk)
        .select_related(
            "inwoner",
            "huishouden",
            "signaal",
            "plan",
            "doel",
            "triage_door",
            "aanvraag",
            "beschikking__gemeente",
        )
        .prefetch_related(Prefetch("stappen", queryset=RouteStap.objects.order_by("van", "id")))
        .first()
    )


_STAPPEN = Rijen(RouteStap, volgorde=("van", "id"))


@cache
def _schuldvragen() -> Rijen:
    """A debt question with its resident, its decision (with the decision's municipality) and
    its steps, as it travels next to another row (`schuldvragen_deel`)."""
    stappen = rijen_json(RouteStap.objects.filter(schuldvraag_id=OuterRef("pk")), _STAPPEN)
    return Rijen(
        Schuldvraag,
        samen=("inwoner", "beschikking", "beschikking__gemeente"),
        extra={"_stappen": stappen},
        volgorde=("-verzoek_op", "-id"),
    )


def schuldvragen_deel(plan: Any, gemeente: Any) -> Subquery:
    """The debt questions of the household of plan `plan` with their steps, newest first, as
    one JSON column of the plan page's query (`plannen.selectors.plan_pagina_get(delen=…)`,
    for a role that reads debt data; the plan's household as that query computed it once,
    `plan_huishouden`); `schuldvragen_uit` makes them rows."""
    return rijen_json(
        Schuldvraag.objects.filter(
            huishouden_id=plan_huishouden(),
            gemeente_id=gemeente,
            inwoner__gemeente_id=gemeente,
        ),
        _schuldvragen(),
    )


def schuldvragen_uit(waarde: Any, *, db: str = "default") -> list[Schuldvraag]:
    """The debt questions of a `schuldvragen_deel` column, each with `stappen.all()`."""
    vragen = rijen_uit_json(waarde, _schuldvragen(), db=db)
    for vraag in vragen:
        stappen = rijen_uit_json(vraag.__dict__.pop("_stappen"), _STAPPEN, db=db)
        als_prefetch(vraag, "stappen", stappen)
    return vragen


def schuldvragen_van(inwoner_id: int, gemeente_id: int) -> QuerySet[Schuldvraag]:
    return (
        Schuldvraag.objects.filter(
            Q(aanvraag__isnull=True) | Q(aanvraag__gemeente_id=gemeente_id),
            Q(beschikking__isnull=True) | Q(beschikking__gemeente_id=gemeente_id),
            inwoner_id=inwoner_id,
            gemeente_id=gemeente_id,
        )
        .select_related("beschikking__gemeente", "aanvraag")
        .prefetch_related(Prefetch("stappen", queryset=RouteStap.objects.order_by("van", "id")))
        .order_by("-verzoek_op", "-id")
    )


def signalen_van(inwoner_id: int, gemeente_id: int) -> QuerySet[Vroegsignaal]:
    return (
        Vroegsignaal.objects.filter(inwoner_id=inwoner_id, gemeente_id=gemeente_id)
        .prefetch_related("contactpogingen")
        .order_by("-ontvangen_op", "-id")
    )


@dataclass(frozen=True)
class Termijnstand:
    """Where a debt question stands against its terms on a day."""

    eerste_gesprek_tijdig: bool | None  # None: not held yet
    eerste_gesprek_te_laat: bool  # not held and the last day has passed
    beslissen_te_laat: bool  # no toelating and its last day has passed


def termijnstand(vraag: Schuldvraag, op: dt.date) -> Termijnstand:
    tijdig = (
        None
        if vraag.eerste_gesprek_op is None
        else vraag.eerste_gesprek_op <= vraag.eerste_gesprek_uiterlijk
    )
    return Termijnstand(
        eerste_gesprek_tijdig=tijdig,
        eerste_gesprek_te_laat=vraag.eerste_gesprek_op is None
        and vraag.afgerond_op is None
        and op > vraag.eerste_gesprek_uiterlijk,
        beslissen_te_laat=not vraag.toelating
        and vraag.afgerond_op is None
        and vraag.beslissen_uiterlijk is not None
        and op > vraag.beslissen_uiterlijk,
    )
