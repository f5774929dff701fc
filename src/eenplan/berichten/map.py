"""The folder connection (GGk): the integration point with the Gegevensknooppunt, which is not
reachable from here. The GGk client of the municipality (VECOZO's or another) drops every
received message file in an inbox folder and sends every file it finds in an outbox folder.
`verwerk_map` is one round: every `*.xml` in the inbox is kept (then moved to `verwerkt/` in
the inbox, never deleted), then processed and answered in batches (`berichten_verwerk_batch`)
by one task of the system whose progress staff see (eenplan.taken); every
message waiting in the outbox of eenplan is written to the outbox folder (written to a
temporary name, then renamed, so the GGk client never picks up half a file) and marked as
sent. Run it from cron or a systemd timer:
`eenplan berichten verwerk-map --in DIR --uit DIR [--gemeente CBS]` (docs/berichten.md)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction

from eenplan.berichten.constants import Kanaal
from eenplan.berichten.selectors import uitgaand_klaar
from eenplan.berichten.services import BATCH, bericht_opgehaald, berichten_ontvang
from eenplan.berichten.taken import BERICHTEN_MAP
from eenplan.gemeente.models import Gemeente
from eenplan.taken.models import Taak
from eenplan.taken.services import taak_start

VERWERKT = "verwerkt"


@dataclass
class Ronde:
    """What one round did."""

    ontvangen: list[int] = field(default_factory=list)  # ids of newly stored messages
    al_ontvangen: list[int] = field(default_factory=list)  # the same file again
    verzonden: list[str] = field(default_factory=list)  # file names written to the outbox
    taak: Taak | None = None  # the task that processes what was received (eenplan.taken)


GEEN_GEMEENTE = (
    "Deze installatie heeft meer dan één gemeente: geef met --gemeente de CBS-code van de "
    "gemeente van deze mapkoppeling."
)


def _vrije_naam(map_: Path, naam: str) -> Path:
    doel = map_ / naam
    n = 1
    while doel.exists():
        doel = map_ / f"{Path(naam).stem}.{n}{Path(naam).suffix}"
        n += 1
    return doel


def gemeente_van_map(gemeente: Gemeente | None) -> Gemeente:
    """The municipality of the folder connection: the one given, else the installation's only
    one (a region with one GGk inbox names its municipality)."""
    if gemeente is not None:
        return gemeente
    gemeenten = list(Gemeente.objects.order_by("pk")[:2])
    if len(gemeenten) != 1:
        raise ValidationError({"gemeente": GEEN_GEMEENTE})
    return gemeenten[0]


def verwerk_map(
    *, inmap: Path, uitmap: Path, wachtrij: bool = False, gemeente: Gemeente | None = None
) -> Ronde:
    """One round of the folder connection. What it received is processed by one task of the
    system (`berichten_map`, eenplan.taken): its progress is on the berichten page and the
    task's page. `wachtrij`: queue that task for the worker instead of running it here."""
    gemeente = gemeente_van_map(gemeente)
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
        for pad, (bericht, nieuw) in zip(deel, ontvangen, strict=True):
            pad.rename(_vrije_naam(klaar, pad.name))
            if nieuw:
                ronde.ontvangen.append(bericht.pk)
            else:
                ronde.al_ontvangen.append(bericht.pk)
    if ronde.ontvangen:
        # Ids only (the task picks the folder's messages in this range that still wait).
        ronde.taak = taak_start(
            soort=BERICHTEN_MAP,
            door=None,
            gemeente=gemeente,
            params={"van": min(ronde.ontvangen), "tot": max(ronde.ontvangen)},
            nu=not wachtrij,
        )
    for bericht in uitgaand_klaar():
        naam = bericht.bestandsnaam or f"{bericht.soort}_{bericht.identificatie}.xml"
        doel = _vrije_naam(uitmap, naam)
        tijdelijk = uitmap / f".{doel.name}.tmp"
        tijdelijk.write_bytes(bytes(bericht.inhoud))
        os.replace(tijdelijk, doel)
        bericht_opgehaald(bericht=bericht)
        ronde.verzonden.append(doel.name)
    return ronde
