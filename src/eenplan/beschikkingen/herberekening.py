"""The decision term of an aanvraag and the bezwaar term of a sent beschikking recomputed after
a holiday is added or removed (ADR 0049, common.termijnherberekening), by the same rules as when
they were set: `rules.aanvraag.beslistermijn` with the suspensions (Wmo 2015 art. 2.3.5 lid 2,
Awb 4:13, 4:15, Atw; `services.aanvraag._herbereken`) while the aanvraag is undecided, and
`rules.termijnen.bezwaar_uiterlijk` (Awb 6:7, 6:8, Atw; `services.beschikking`) while the bezwaar
term runs. The letter already sent stays as sent (ADR 0049)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from django.db.models import Q

from eenplan.beschikkingen.constants import AanvraagStatus
from eenplan.beschikkingen.models import Aanvraag, AanvraagOpschorting, Beschikking
from eenplan.common.termijnherberekening import (
    Tabel,
    Termijnveld,
    Verschuiving,
    Wijziging,
    herberekenaar,
)
from eenplan.events.termijnverschuiving import publiceer_verschuivingen
from eenplan.rules import termijnen
from eenplan.rules.aanvraag import beslistermijn


def _opschortingen(rijen: list[Aanvraag], w: Wijziging) -> dict[str, Any]:
    per_aanvraag: dict[int, list[termijnen.Opschorting]] = defaultdict(list)
    for o in AanvraagOpschorting.objects.filter(aanvraag_id__in=[a.pk for a in rijen]).order_by(
        "van", "id"
    ):
        per_aanvraag[o.aanvraag_id].append(termijnen.Opschorting(o.van, o.tot, o.reden))
    return {"extra": w.extra, "opschortingen": per_aanvraag}


def _beslissen(aanvraag: Aanvraag, voorbereid: dict[str, Any]) -> dt.date | None:
    termijn = beslistermijn(aanvraag.wet)
    return termijnen.termijn_einde_met_opschorting(
        aanvraag.ontvangen_op,
        weken=termijn.weken,
        dagen=termijn.dagen,
        opschortingen=voorbereid["opschortingen"].get(aanvraag.pk, []),
        extra=voorbereid["extra"],
    )



def _bezwaar(beschikking: Beschikking, extra: Any) -> dt.date | None:
    if beschikking.verzonden_op is None:
        return None
    return termijnen.bezwaar_uiterlijk(beschikking.verzonden_op, extra=extra)


def _aanvragen_vastleggen(w: Wijziging, verschuivingen: list[Verschuiving]) -> None:
    publiceer_verschuivingen(
        w, verschuivingen, soort="aanvraag.termijn_verschoven", inwoner_id=lambda a: a.inwoner_id
    )


def _beschikkingen_vastleggen(w: Wijziging, verschuivingen: list[Verschuiving]) -> None:
    publiceer_verschuivingen(
        w,
        verschuivingen,
        soort="beschikking.termijn_verschoven",
        inwoner_id=lambda b: b.inwoner_id,
    )


herberekenaar(
    "beschikkingen",
    label="Aanvragen en beschikkingen",
    tabellen=[
        Tabel(
            model=Aanvraag,
            gemeente="gemeente_id",
            velden=(
                Termijnveld(
                    soort="aanvraag_beslissen",
                    label="Beslistermijn",
                    veld="beslissen_uiterlijk",
                    open=Q(status=AanvraagStatus.ONTVANGEN),
                    bereken=_beslissen,
                ),
            ),
            voorbereiden=_opschortingen,
            vastleggen=_aanvragen_vastleggen,
            laden=("wet", "ontvangen_op", "inwoner"),
        ),
        Tabel(
            model=Beschikking,
            gemeente="gemeente_id",
            velden=(
                Termijnveld(
                    soort="beschikking_bezwaar",
                    label="Bezwaartermijn",
                    veld="bezwaar_uiterlijk",
                    open=Q(verzonden_op__isnull=False),
                    bereken=_bezwaar,
                ),
            ),
            vastleggen=_beschikkingen_vastleggen,
            laden=("verzonden_op", "inwoner"),
        ),
    ],
)
