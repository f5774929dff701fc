"""The terms of a debt question recomputed after a holiday is added or removed (ADR 0049,
common.termijnherberekening), by the same rules as in `services`: the first conversation within
three working days under a threat (Wgs art. 4 lid 2; the four weeks of lid 1 count no holidays,
`rules.schuldhulp.eerste_gesprek_uiterlijk`) while it has not taken place, and the toelating's
decision term, which is the term of its aanvraag (Wgs art. 4a, Awb 4:13; recomputed first by
`beschikkingen`, hence `na`) while not decided."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q

from eenplan.common.termijnherberekening import (
    Tabel,
    Termijnveld,
    Verschuiving,
    Wijziging,
    herberekenaar,
)
from eenplan.events.termijnverschuiving import publiceer_verschuivingen
from eenplan.rules import schuldhulp as regels
from eenplan.rules import termijnen
from eenplan.schuldhulp.models import Schuldvraag

LOPEND = Q(afgerond_op__isnull=True)



def _eerste_gesprek(vraag: Schuldvraag, extra: tuple[termijnen.GelijkgesteldeDag, ...]) -> dt.date:
    return regels.eerste_gesprek_uiterlijk(
        vraag.verzoek_op, dreiging=bool(vraag.dreiging), extra=extra
    )


def _toelating(vraag: Schuldvraag, extra: object) -> dt.date | None:
    return vraag.aanvraag.beslissen_uiterlijk if vraag.aanvraag is not None else None


def _vastleggen(w: Wijziging, verschuivingen: list[Verschuiving]) -> None:
    publiceer_verschuivingen(
        w, verschuivingen, soort="schuldvraag.termijn_verschoven", inwoner_id=lambda v: v.inwoner_id
    )


herberekenaar(
    "schuldhulp",
    label="Schuldhulp",
    na=("beschikkingen",),
    tabellen=[
        Tabel(
            model=Schuldvraag,
            gemeente="gemeente_id",
            velden=(
                Termijnveld(
                    soort="schuldvraag_eerste_gesprek",
                    label="Termijn voor het eerste gesprek",
                    veld="eerste_gesprek_uiterlijk",
                    open=LOPEND & Q(eerste_gesprek_op__isnull=True),
                    bereken=_eerste_gesprek,
                ),
                Termijnveld(
                    soort="schuldvraag_toelating",
                    label="Beslistermijn toelating",
                    veld="beslissen_uiterlijk",
                    open=LOPEND & Q(toelating="", aanvraag__isnull=False),
                    bereken=_toelating,
                ),
            ),
            vastleggen=_vastleggen,
            select_related=("aanvraag",),
            laden=(
                "verzoek_op",
                "dreiging",
                "inwoner",
                "aanvraag",
                "aanvraag__beslissen_uiterlijk",
            ),
        )
    ],
)
