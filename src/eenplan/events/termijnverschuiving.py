"""The history of deadlines moved by a new (or removed) holiday (ADR 0049): one event per moved
deadline, written for a whole batch in one INSERT, so the dossier's timeline and the record's
history say "… verschoven van X naar Y door feestdag Z"."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from eenplan.common.termijnherberekening import Verschuiving, Wijziging
from eenplan.events.bus import Publicatie, publish_many


def publiceer_verschuivingen(
    w: Wijziging,
    verschuivingen: list[Verschuiving],
    *,
    soort: str,
    inwoner_id: Callable[[Any], int | None] = lambda record: None,
) -> None:
    """Events `soort` ('<aggregate>.termijn_verschoven') for these moved deadlines, by the
    person who changed the holidays; `inwoner_id(record)`: the resident whose dossier shows it."""
    publish_many(
        (
            Publicatie(
                soort=soort,
                record=v.record,
                omschrijving=w.tekst(v.veld.label, v.van, v.naar),
                user=w.door,
                inwoner_id=inwoner_id(v.record),
                gegevens={
                    "veld": v.veld.veld,
                    "van": v.van.isoformat(),
                    "naar": v.naar.isoformat(),
                    "feestdag": w.datum.isoformat() if w.datum else None,
                    "toegevoegd": w.toegevoegd,
                },
            )
            for v in verschuivingen
        ),
        terug=False,
    )
