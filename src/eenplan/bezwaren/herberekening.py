"""The terms of bezwaren and klachten recomputed after a holiday is added or removed (ADR 0049,
common.termijnherberekening), by the same rules as in `services`:

- the decision on a bezwaar still under way: six or twelve weeks (with an advisory committee),
  postponed once by six, from the day after the bezwaar term of the beschikking ended (Awb 7:10,
  `bezwaartermijn_einde`; that term is recomputed first by `beschikkingen`, hence `na`);
- the beroep term after the decision on bezwaar while it runs (Awb 6:7, 6:8, Atw);
- the handling of a klacht not yet handled (Awb 9:11: six or ten weeks, postponed by four, and
  the day agreed with the complainant when later)."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q

from eenplan.bezwaren.constants import BezwaarUitkomst
from eenplan.bezwaren.models import Bezwaar, Klacht
from eenplan.bezwaren.services import bezwaartermijn_einde
from eenplan.common.termijnherberekening import (
    Tabel,
    Termijnveld,
    Verschuiving,
    Wijziging,
    herberekenaar,
)
from eenplan.events.termijnverschuiving import publiceer_verschuivingen
from eenplan.rules import termijnen
from eenplan.rules import voorziening as voorziening_rules


def _beslissen(bezwaar: Bezwaar, extra: tuple[termijnen.GelijkgesteldeDag, ...]) -> dt.date:
    return termijnen.beslissing_op_bezwaar_uiterlijk(
        bezwaartermijn_einde(bezwaar.beschikking),
        adviescommissie=bezwaar.adviescommissie,
        verdaagd=bezwaar.verdaagd,
        extra=extra,
    )


def _beroep(bezwaar: Bezwaar, extra: tuple[termijnen.GelijkgesteldeDag, ...]) -> dt.date | None:
    if bezwaar.besloten_op is None:
        return None
    return termijnen.bezwaar_uiterlijk(bezwaar.besloten_op, extra=extra)


def _klacht(klacht: Klacht, extra: tuple[termijnen.GelijkgesteldeDag, ...]) -> dt.date:
    return voorziening_rules.klacht_afhandelen_uiterlijk(
        klacht.ontvangen_op,
        commissie=klacht.advies,
        verdaagd=klacht.verdaagd_op is not None,
        verder_uitgesteld_tot=klacht.uitgesteld_tot,
        extra=extra,
    )


def _bezwaren_vastleggen(w: Wijziging, verschuivingen: list[Verschuiving]) -> None:
    publiceer_verschuivingen(
        w,
        verschuivingen,
        soort="bezwaar.termijn_verschoven",
        inwoner_id=lambda b: b.beschikking.inwoner_id,
    )


def _klachten_vastleggen(w: Wijziging, verschuivingen: list[Verschuiving]) -> None:
    publiceer_verschuivingen(
        w, verschuivingen, soort="klacht.termijn_verschoven", inwoner_id=lambda k: k.inwoner_id
    )


herberekenaar(
    "bezwaren",
    label="Bezwaren en klachten",
    na=("beschikkingen",),
    tabellen=[
        Tabel(
            model=Bezwaar,
            gemeente="beschikking__gemeente_id",
            velden=(
                Termijnveld(
                    soort="bezwaar_beslissen",
                    label="Beslistermijn op bezwaar",
                    veld="beslissen_uiterlijk",
                    open=Q(uitkomst=BezwaarUitkomst.LOPEND),
                    bereken=_beslissen,
                ),
                Termijnveld(
                    soort="bezwaar_beroep",
                    label="Beroepstermijn",
                    veld="beroep_uiterlijk",
                    open=Q(besloten_op__isnull=False) & ~Q(uitkomst=BezwaarUitkomst.INGETROKKEN),
                    bereken=_beroep,
                ),
            ),
            vastleggen=_bezwaren_vastleggen,
            select_related=("beschikking",),
            laden=(
                "adviescommissie",
                "verdaagd",
                "besloten_op",
                "uitkomst",
                "beschikking",
                "beschikking__verzonden_op",
                "beschikking__bezwaar_uiterlijk",
                "beschikking__inwoner",
            ),
        ),
        Tabel(
            model=Klacht,
            gemeente="gemeente_id",
            velden=(
                Termijnveld(
                    soort="klacht_afhandelen",
                    label="Termijn voor de afhandeling van de klacht",
                    veld="afhandelen_uiterlijk",
                    open=Q(afgehandeld_op__isnull=True),
                    bereken=_klacht,
                ),
            ),
            vastleggen=_klachten_vastleggen,
            laden=("ontvangen_op", "advies", "verdaagd_op", "uitgesteld_tot", "inwoner"),
        ),
    ],
)
