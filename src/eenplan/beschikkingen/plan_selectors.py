"""The live state of a plan's aanvragen and their beschikkingen — one read for the plan page
and the plan API (issue 9: the plan shows where each proposal stands, with links).

plannen's views and API read this (interface modules may read a higher app's selectors); its
domain modules do not. Bounded: four queries for a plan with any number of aanvragen.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch

from eenplan.beschikkingen.constants import AanvraagStatus, Uitkomst
from eenplan.beschikkingen.models import (
    Aanvraag,
    AanvraagOpschorting,
    Beschikking,
    BeschikteVoorziening,
)
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


def _uitkomst(regels: list[BeschikteVoorziening]) -> str:
    uitkomsten = {r.uitkomst for r in regels}
    if uitkomsten == {Uitkomst.TOEGEKEND}:
        return Uitkomst.TOEGEKEND
    if uitkomsten <= {Uitkomst.AFGEWEZEN}:
        return Uitkomst.AFGEWEZEN
    return Uitkomst.DEELS


def plan_aanvragen_stand(*, plan_id: int) -> list[AanvraagStand]:
    """Every aanvraag of the plan (newest first) with its live state."""
    aanvragen = (
        Aanvraag.objects.filter(plan_id=plan_id)
        .prefetch_related(
            Prefetch(
                "beschikkingen",
                queryset=Beschikking.objects.order_by("besloten_op", "id").prefetch_related(
                    Prefetch("voorzieningen", queryset=BeschikteVoorziening.objects.all())
                ),
            ),
            Prefetch(
                "opschortingen",
                queryset=AanvraagOpschorting.objects.filter(tot__isnull=True),
                to_attr="lopende_opschortingen",
            ),
        )
        .order_by("-ontvangen_op", "-id")
    )
    result = []
    for aanvraag in aanvragen:
        beschikkingen = list(aanvraag.beschikkingen.all())
        laatste = beschikkingen[-1] if beschikkingen else None
        lopend = aanvraag.lopende_opschortingen[0] if aanvraag.lopende_opschortingen else None
        stand = aanvraag.status
        if stand == AanvraagStatus.ONTVANGEN and lopend is not None:
            stand = "opgeschort"
        beschikking = None
        if laatste is not None:
            uitkomst = _uitkomst(list(laatste.voorzieningen.all()))
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
                opgeschort_sinds=lopend.van if lopend else None,
                beschikking=beschikking,
            )
        )
    return result


def leesbaar_voor(user: Any, standen: list[AanvraagStand]) -> list[AanvraagStand]:
    """The stands as this login may see them: an aanvraag under a law its role does not read
    (`access.leest_wet`; the Werkplein reads Participatiewet and Wgs aanvragen only) is left
    out with its beschikking, on the plan page and in the plan's API alike."""
    return [st for st in standen if access.leest_wet(user, st.aanvraag.wet)]
