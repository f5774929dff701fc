"""`eenplan backup --naar MAP`: one consistent backup of the database and of the stored
documents (letters for the post), with a manifest of checksums. See docs/privacy.md."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from eenplan.avg.backup import BackupFout, backup_maken


class Command(BaseCommand):
    help = "Maak een backup van de database en de opgeslagen documenten in een nieuwe map."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--naar", required=True, help="Een nieuwe, lege map.")

    def handle(self, *args: Any, **opts: Any) -> None:
        try:
            verslag = backup_maken(Path(opts["naar"]))
        except BackupFout as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"Backup gemaakt in {verslag.map}: {verslag.rijen} rijen, "
            f"{verslag.bestanden} bestanden."
        )
