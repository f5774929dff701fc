"""The folder connection (GGk): the integration point with the Gegevensknooppunt, which is not
reachable from here. The GGk client of the municipality (VECOZO's or another) drops every
received message file in an inbox folder and sends every file it finds in an outbox folder.
`verwerk_map` is one round: every `*.xml` in the inbox is kept (then moved to `verwerkt/` in
the inbox, never deleted), processed and answered in batches (`berichten_verwerk_batch`); every
message waiting in the outbox of eenplan is written to the outbox folder (written to a
temporary name, then renamed, so the GGk client never picks up half a file) and marked as
sent. Run it from cron or a systemd timer:
`eenplan berichten verwerk-map --in DIR --uit DIR` (docs/berichten.md)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from eenplan.berichten.constants import Kanaal
from eenplan.berichten.selectors import uitgaand_klaar
from eenplan.berichten.services import (
    BATCH,
    bericht_opgehaald,
    berichten_ontvang,
    berichten_verwerk_batch,
)

VERWERKT = "verwerkt"


@dataclass
class Ronde:
    """What one round did."""

    ontvangen: list[int] = field(default_factory=list)  # ids of newly stored messages
    al_ontvangen: list[int] = field(default_factory=list)  # the same file again
    verzonden: list[str] = field(default_factory=list)  # file names written to the outbox


def _vrije_naam(map_: Path, naam: str) -> Path:
    doel = map_ / naam
    n = 1
    while doel.exists():
        doel = map_ / f"{Path(naam).stem}.{n}{Path(naam).suffix}"
        n += 1
    return doel


def verwerk_map(*, inmap: Path, uitmap: Path, wachtrij: bool = False) -> Ronde:
    """One round of the folder connection. `wachtrij`: queue the processing as background
    tasks (for the worker) instead of processing here."""
    from eenplan.berichten.tasks import verwerk_berichten

    ronde = Ronde()
    klaar = inmap / VERWERKT
    klaar.mkdir(parents=True, exist_ok=True)
    uitmap.mkdir(parents=True, exist_ok=True)
    paden = sorted(p for p in inmap.iterdir() if p.is_file() and p.suffix.lower() == ".xml")
    for start in range(0, len(paden), BATCH):
        deel = paden[start : start + BATCH]
        # Kept together in one transaction; only once it committed the files leave the inbox
        # (kept beside it). A crash before that leaves them in the inbox for the next round.
        with transaction.atomic():
            ontvangen = berichten_ontvang(
                [(pad.read_bytes(), pad.name) for pad in deel], kanaal=Kanaal.MAP
            )
        nieuwe: list[int] = []
        for pad, (bericht, nieuw) in zip(deel, ontvangen, strict=True):
            pad.rename(_vrije_naam(klaar, pad.name))
            if nieuw:
                nieuwe.append(bericht.pk)
            else:
                ronde.al_ontvangen.append(bericht.pk)
        ronde.ontvangen += nieuwe
        if not nieuwe:
            continue
        if wachtrij:
            verwerk_berichten.enqueue(nieuwe)
        else:
            berichten_verwerk_batch(nieuwe)
    for bericht in uitgaand_klaar():
        naam = bericht.bestandsnaam or f"{bericht.soort}_{bericht.identificatie}.xml"
        doel = _vrije_naam(uitmap, naam)
        tijdelijk = uitmap / f".{doel.name}.tmp"
        tijdelijk.write_bytes(bytes(bericht.inhoud))
        os.replace(tijdelijk, doel)
        bericht_opgehaald(bericht=bericht)
        ronde.verzonden.append(doel.name)
    return ronde
