"""The melding's deadlines recomputed after a holiday is added or removed (ADR 0049,
common.termijnherberekening): the onderzoek within six weeks, moved by its suspensions (Wmo 2015
art. 2.3.2 lid 1, Awb 4:15 by analogy, Atw) and the seven days for a personal plan (lid 2), by
the same rules as `services._shared._deadlines`, while the melding is open."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from django.db.models import Q

from eenplan.common.termijnherberekening import (
    Tabel,
    Termijnveld,
    Verschuiving,
    Wijziging,
    herberekenaar,
)
from eenplan.events.termijnverschuiving import publiceer_verschuivingen
from eenplan.meldingen.constants import OPEN_STATUSSEN
from eenplan.meldingen.models import Melding, MeldingGebeurtenis, Opschorting
from eenplan.rules import termijnen

OPEN = Q(status__in=OPEN_STATUSSEN)


def _opschortingen(rijen: list[Melding], w: Wijziging) -> dict[str, Any]:
    per_melding: dict[int, list[termijnen.Opschorting]] = defaultdict(list)
    for o in Opschorting.objects.filter(melding_id__in=[m.pk for m in rijen]).order_by("van", "id"):
        per_melding[o.melding_id].append(termijnen.Opschorting(van=o.van, tot=o.tot, reden=o.reden))
    return {"extra": w.extra, "opschortingen": per_melding}


def _onderzoek(melding: Melding, voorbereid: dict[str, Any]) -> dt.date | None:
    return termijnen.termijn_einde_met_opschorting(
        melding.ontvangen_op,
        weken=termijnen.WMO_ONDERZOEK.weken,
        opschortingen=voorbereid["opschortingen"].get(melding.pk, []),
        extra=voorbereid["extra"],
    )


def _persoonlijk_plan(melding: Melding, voorbereid: dict[str, Any]) -> dt.date:
    return termijnen.WMO_PERSOONLIJK_PLAN.einde(melding.ontvangen_op, extra=voorbereid["extra"])


def _vastleggen(w: Wijziging, verschuivingen: list[Verschuiving]) -> None:
    publiceer_verschuivingen(
        w, verschuivingen, soort="melding.termijn_verschoven", inwoner_id=lambda m: m.inwoner_id
    )
    if w.door is None:
        return  # the melding's own history names a person; the event above has the change
    MeldingGebeurtenis.objects.bulk_create(
        MeldingGebeurtenis(
            melding=v.record,
            door=w.door,
            soort="termijn_verschoven",
            van_status=v.record.status,
            naar_status=v.record.status,
            toelichting=w.tekst(v.veld.label, v.van, v.naar),
        )
        for v in verschuivingen
    )


herberekenaar(
    "meldingen",
    label="Meldingen",
    tabellen=[
        Tabel(
            model=Melding,
            gemeente="gemeente_id",
            velden=(
                Termijnveld(
                    soort="melding_onderzoek",
                    label="Termijn van het onderzoek",
                    veld="onderzoek_uiterlijk",
                    open=OPEN & Q(onderzoek_afgerond_op__isnull=True),
                    bereken=_onderzoek,
                ),
                Termijnveld(
                    soort="melding_persoonlijk_plan",
                    label="Termijn voor het persoonlijk plan",
                    veld="persoonlijk_plan_uiterlijk",
                    open=OPEN,
                    bereken=_persoonlijk_plan,
                ),
            ),
            voorbereiden=_opschortingen,
            vastleggen=_vastleggen,
            laden=("ontvangen_op", "status", "inwoner"),
        )
    ],
)
