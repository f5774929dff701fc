"""`eenplan restore --van MAP`: put a backup of `eenplan backup` back into an empty
installation (migrated, no municipality, no logins): checksums first, then all or nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from eenplan.avg.backup import BackupFout, backup_terugzetten


class Command(BaseCommand):
    help = "Zet een backup terug in een lege installatie."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--van", required=True, help="De map met de backup.")

    def handle(self, *args: Any, **opts: Any) -> None:
        try:
            verslag = backup_terugzetten(Path(opts["van"]))
        except BackupFout as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"Backup teruggezet uit {verslag.map}: {verslag.rijen} rijen, "
            f"{verslag.bestanden} bestanden."
        )
