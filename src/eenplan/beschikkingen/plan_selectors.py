"""The live state of a plan's aanvragen and their beschikkingen — one read for the plan page
and the plan API (issue 9: the plan shows where each proposal stands, with links).

plannen's views and API read this (interface modules may read a higher app's selectors); its
domain modules do not. Bounded: two queries for a plan with any number of aanvragen.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, OuterRef, Prefetch, Q, Subquery

from eenplan.beschikkingen.constants import AanvraagStatus, Uitkomst
from eenplan.beschikkingen.models import Aanvraag, AanvraagOpschorting, Beschikking
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


def plan_aanvragen_stand(*, plan_id: int, gemeente_id: int) -> list[AanvraagStand]:
    """Every aanvraag of the plan (newest first) with its live state: two queries (the
    aanvragen with their running suspension, and their beschikkingen with the count of
    rows per outcome), whatever the number of aanvragen. `gemeente_id`: the plan's
    household's municipality, stated on both (one municipality's rows; docs/scaling.md)."""
    lopend = AanvraagOpschorting.objects.filter(aanvraag_id=OuterRef("pk"), tot__isnull=True)
    aanvragen = (
        Aanvraag.objects.filter(plan_id=plan_id, gemeente_id=gemeente_id)
        .annotate(opgeschort_sinds=Subquery(lopend.order_by("van", "id").values("van")[:1]))
        .prefetch_related(
            Prefetch(
                "beschikkingen",
                queryset=Beschikking.objects.filter(gemeente_id=gemeente_id)
                .order_by("besloten_op", "id")
                .annotate(
                    regels_totaal=Count("voorzieningen"),
                    regels_toegekend=Count(
                        "voorzieningen", filter=Q(voorzieningen__uitkomst=Uitkomst.TOEGEKEND)
                    ),
                    regels_afgewezen=Count(
                        "voorzieningen", filter=Q(voorzieningen__uitkomst=Uitkomst.AFGEWEZEN)
                    ),
                ),
            ),
        )
        .order_by("-ontvangen_op", "-id")
    )
    result = []
    for aanvraag in aanvragen:
        beschikkingen = list(aanvraag.beschikkingen.all())
        laatste = beschikkingen[-1] if beschikkingen else None
        sinds = aanvraag.opgeschort_sinds
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
