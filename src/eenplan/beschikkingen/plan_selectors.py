"""The live state of a plan's aanvragen and their beschikkingen — one read for the plan page
and the plan API (issue 9: the plan shows where each proposal stands, with links).

plannen's views and API read this (interface modules may read a higher app's selectors); its
domain modules do not. Bounded: two queries for a plan with any number of aanvragen.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from typing import Any

from django.db.models import Count, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce

from eenplan.beschikkingen.constants import AanvraagStatus, Uitkomst
from eenplan.beschikkingen.models import (
    Aanvraag,
    AanvraagOpschorting,
    Beschikking,
    BeschikteVoorziening,
)
from eenplan.common.aggregaten import (
    Rijen,
    als_prefetch,
    delen_query,
    delen_uit,
    rijen_json,
    rijen_uit_json,
)
from eenplan.plannen.models import Plan
from eenplan.privacy import access

STAND_LABEL = {
    "ontvangen": "Ontvangen",
    "opgeschort": "Opgeschort",
    "besloten": "Besloten",
    "ingetrokken": "Ingetrokken",
}
UITKOMST_LABEL = dict(Uitkomst.choices)


@dataclass(frozen=True)
class BeschikkingStand:
    id: int
    besloten_op: dt.date
    verzonden_op: dt.date | None
    uitkomst: str  # toegekend, deels, afgewezen
    uitkomst_label: str


@dataclass(frozen=True)
class AanvraagStand:
    """Where one aanvraag of the plan stands: its status (with a running suspension shown as
    'opgeschort') and its latest beschikking, if any."""

    aanvraag: Aanvraag
    stand: str  # ontvangen, opgeschort, besloten, ingetrokken
    stand_label: str
    opgeschort_sinds: dt.date | None
    beschikking: BeschikkingStand | None

    @property
    def voorstel_id(self) -> int | None:
        return self.aanvraag.voorstel_id


def _uitkomst(totaal: int, toegekend: int, afgewezen: int) -> str:
    """The outcome of a decision from its rows: all granted, none granted (every row refused,
    or no rows), else partly."""
    if totaal and toegekend == totaal:
        return Uitkomst.TOEGEKEND
    if afgewezen == totaal:
        return Uitkomst.AFGEWEZEN
    return Uitkomst.DEELS


def _aantal(regels: QuerySet[BeschikteVoorziening]) -> Coalesce:
    """The number of a decision's rows (`regels`, correlated to it) as a column."""
    return Coalesce(
        Subquery(regels.order_by().values("beschikking_id").annotate(n=Count("pk")).values("n")),
        0,
    )


@cache
def _beschikking_rijen() -> Rijen:
    """A decision with the count of its rows per outcome."""
    regels = BeschikteVoorziening.objects.filter(beschikking_id=OuterRef("pk"))
    return Rijen(
        Beschikking,
        extra={
            "regels_totaal": _aantal(regels),
            "regels_toegekend": _aantal(regels.filter(uitkomst=Uitkomst.TOEGEKEND)),
            "regels_afgewezen": _aantal(regels.filter(uitkomst=Uitkomst.AFGEWEZEN)),
        },
        volgorde=("besloten_op", "id"),
    )


@cache
def _aanvragen_rijen() -> Rijen:
    """The aanvragen with their running suspension's start and their decisions (each with the
    count of rows per outcome), as they travel next to another row (`aanvragen_deel`)."""
    lopend = AanvraagOpschorting.objects.filter(aanvraag_id=OuterRef("pk"), tot__isnull=True)
    return Rijen(
        Aanvraag,
        extra={
            "opgeschort_sinds": Subquery(lopend.order_by("van", "id").values("van")[:1]),
            # The decisions of the aanvraag, of its municipality (the aanvraag's own column).
            "_beschikkingen": rijen_json(
                Beschikking.objects.filter(
                    aanvraag_id=OuterRef("pk"), gemeente_id=OuterRef("gemeente_id")
                ),
                _beschikking_rijen(),
            ),
        },
        volgorde=("-ontvangen_op", "-id"),
    )


def aanvragen_deel(plan: Any, gemeente: Any) -> Subquery:
    """Every aanvraag of plan `plan` of municipality `gemeente` with what its live state is
    computed from, as one JSON column of any query (`plan`, `gemeente`: values, or
    expressions that need no outer row): the plan page reads it with the plan
    (`plannen.selectors.plan_pagina_get(delen=…)`); `standen_uit` makes it `AanvraagStand`s."""
    return rijen_json(
        Aanvraag.objects.filter(plan_id=plan, gemeente_id=gemeente), _aanvragen_rijen()
    )


def plan_aanvragen_stand(*, plan_id: int, gemeente_id: int) -> list[AanvraagStand]:
    """Every aanvraag of the plan (newest first) with its live state: one query (the
    aanvragen with their running suspension and their beschikkingen with the count of rows
    per outcome, as JSON next to the plan's row), whatever the number of aanvragen.
    `gemeente_id`: the plan's household's municipality, stated on every table (one
    municipality's rows; docs/scaling.md)."""
    rij = delen_query(
        Plan.objects.filter(pk=plan_id, huishouden__gemeente_id=gemeente_id),
        {"aanvragen": aanvragen_deel(plan_id, gemeente_id)},
    ).first()
    return standen_uit(delen_uit(rij).get("aanvragen"))


def standen_uit(waarde: Any, *, db: str = "default") -> list[AanvraagStand]:
    """The live state of each aanvraag of an `aanvragen_deel` column."""
    result = []
    for aanvraag in rijen_uit_json(waarde, _aanvragen_rijen(), db=db):
        beschikkingen = rijen_uit_json(
            aanvraag.__dict__.pop("_beschikkingen"), _beschikking_rijen(), db=db
        )
        als_prefetch(aanvraag, "beschikkingen", beschikkingen)
        laatste = beschikkingen[-1] if beschikkingen else None
        # An extra value travels as JSON: the date as its ISO text.
        sinds = aanvraag.opgeschort_sinds and dt.date.fromisoformat(aanvraag.opgeschort_sinds)
        aanvraag.opgeschort_sinds = sinds
        stand = aanvraag.status
        if stand == AanvraagStatus.ONTVANGEN and sinds is not None:
            stand = "opgeschort"
        beschikking = None
        if laatste is not None:
            uitkomst = _uitkomst(
                laatste.regels_totaal, laatste.regels_toegekend, laatste.regels_afgewezen
            )
            beschikking = BeschikkingStand(
                id=laatste.pk,
                besloten_op=laatste.besloten_op,
                verzonden_op=laatste.verzonden_op,
                uitkomst=uitkomst,
                uitkomst_label=UITKOMST_LABEL[uitkomst],
            )
        result.append(
            AanvraagStand(
                aanvraag=aanvraag,
                stand=str(stand),
                stand_label=STAND_LABEL.get(str(stand), str(stand)),
                opgeschort_sinds=sinds,
                beschikking=beschikking,
            )
        )
    return result


def leesbaar_voor(user: Any, standen: list[AanvraagStand]) -> list[AanvraagStand]:
    """The stands as this login may see them: an aanvraag under a law its role does not read
    (`access.leest_wet`; the Werkplein reads Participatiewet and Wgs aanvragen only) is left
    out with its beschikking, on the plan page and in the plan's API alike."""
    return [st for st in standen if access.leest_wet(user, st.aanvraag.wet)]
