"""The terms of AVG requests recomputed after a holiday is added or removed (ADR 0049,
common.termijnherberekening), by the same rules as in `services`:

- the answer term of a request still open: one month after receipt, three when extended once
  (AVG art. 12 lid 3), on a Saturday, Sunday or holiday the following working day (Verordening
  1182/71 art. 3 lid 4, `rules.avg.antwoord_uiterlijk`);
- the destruction term of an open request to destroy (Jeugdwet art. 7.3.9, Wmo 2015 art. 5.3.5,
  `rules.avg.vernietigen_uiterlijk_voor`)."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q

from eenplan.avg.constants import VerzoekSoort, VerzoekStatus
from eenplan.avg.models import AvgVerzoek
from eenplan.common.termijnherberekening import (
    Tabel,
    Termijnveld,
    Verschuiving,
    Wijziging,
    herberekenaar,
)
from eenplan.events.termijnverschuiving import publiceer_verschuivingen
from eenplan.rules import avg as avg_rules
from eenplan.rules.termijnen import GelijkgesteldeDag


def _antwoord(verzoek: AvgVerzoek, extra: tuple[GelijkgesteldeDag, ...]) -> dt.date:
    if verzoek.verlengd_op is not None:
        return avg_rules.verlengd_uiterlijk(verzoek.ontvangen_op, extra=extra)
    return avg_rules.antwoord_uiterlijk(verzoek.ontvangen_op, extra=extra)


def _vernietigen(verzoek: AvgVerzoek, extra: tuple[GelijkgesteldeDag, ...]) -> dt.date | None:
    return avg_rules.vernietigen_uiterlijk_voor(
        verzoek.ontvangen_op, verlengd=verzoek.verlengd_op is not None, extra=extra
    )


def _vastleggen(w: Wijziging, verschuivingen: list[Verschuiving]) -> None:
    publiceer_verschuivingen(
        w, verschuivingen, soort="avg.termijn_verschoven", inwoner_id=lambda v: v.inwoner_id
    )


OPEN = Q(status=VerzoekStatus.OPEN)

herberekenaar(
    "avg",
    label="AVG-verzoeken",
    tabellen=[
        Tabel(
            model=AvgVerzoek,
            gemeente="gemeente_id",
            velden=(
                Termijnveld(
                    soort="avg_antwoord",
                    label="Antwoordtermijn AVG-verzoek",
                    veld="antwoord_uiterlijk",
                    open=OPEN,
                    bereken=_antwoord,
                ),
                Termijnveld(
                    soort="avg_vernietigen",
                    label="Termijn om te vernietigen",
                    veld="vernietigen_uiterlijk",
                    open=OPEN
                    & Q(soort=VerzoekSoort.VERNIETIGING, vernietigen_uiterlijk__isnull=False),
                    bereken=_vernietigen,
                ),
            ),
            vastleggen=_vastleggen,
            laden=("ontvangen_op", "verlengd_op", "inwoner", "status", "soort"),
        )
    ],
)
