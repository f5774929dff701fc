"""The working-day terms of received iWmo/iJw messages recomputed after a holiday is added or
removed (ADR 0049, common.termijnherberekening), by the same rules as when the message came in
(`services.inkomend`): the retour within three working days (OP090) or, for a declaratie (323),
ten (OP090x4), and the answer to a verzoek om toewijzing or wijziging within five (iJw 3.2
§2.5.3), counted from the day of receipt, while not yet sent. Messages not read yet have no
municipality: they are walked as well (`zonder_gemeente`)."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q
from django.utils import timezone

from eenplan.berichten.models import Bericht
from eenplan.common.termijnherberekening import (
    Tabel,
    Termijnveld,
    Verschuiving,
    Wijziging,
    herberekenaar,
)
from eenplan.events.termijnverschuiving import publiceer_verschuivingen
from eenplan.rules import termijnen
from eenplan.rules.termijnen import ANTWOORD_VERZOEK, DECLARATIE_ANTWOORD, RETOURBERICHT


def _retour(bericht: Bericht, extra: tuple[termijnen.GelijkgesteldeDag, ...]) -> dt.date:
    termijn = DECLARATIE_ANTWOORD if bericht.code == "323" else RETOURBERICHT
    return termijn.einde(timezone.localdate(bericht.moment), extra=extra)


def _antwoord(bericht: Bericht, extra: tuple[termijnen.GelijkgesteldeDag, ...]) -> dt.date:
    return ANTWOORD_VERZOEK.einde(timezone.localdate(bericht.moment), extra=extra)


def _vastleggen(w: Wijziging, verschuivingen: list[Verschuiving]) -> None:
    publiceer_verschuivingen(w, verschuivingen, soort="bericht.termijn_verschoven")


herberekenaar(
    "berichten",
    label="iWmo- en iJw-berichten",
    zonder_gemeente=True,
    tabellen=[
        Tabel(
            model=Bericht,
            gemeente="gemeente_id",
            velden=(
                Termijnveld(
                    soort="bericht_retour",
                    label="Termijn voor het retourbericht",
                    veld="retour_uiterlijk",
                    open=Q(retour_verzonden_op__isnull=True),
                    bereken=_retour,
                ),
                Termijnveld(
                    soort="bericht_antwoord",
                    label="Termijn voor het antwoordbericht",
                    veld="antwoord_uiterlijk",
                    open=Q(beantwoord_op__isnull=True),
                    bereken=_antwoord,
                ),
            ),
            vastleggen=_vastleggen,
            laden=("code", "moment"),
        )
    ],
)
