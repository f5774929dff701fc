"""`eenplan berichten controleer PAD [PAD ...] [--json]`: check iWmo/iJw 3.2 message files.

A thin wrapper around the plain-Python checker of `eenplan.istandaarden` (also usable without
Django as `python -m eenplan.istandaarden controleer ...`): nothing is stored.
"""

from __future__ import annotations

import argparse
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from eenplan.istandaarden.__main__ import main


class Command(BaseCommand):
    help = "iWmo/iJw 3.2-berichten controleren zonder ze op te slaan (zie eenplan.istandaarden)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "argumenten", nargs=argparse.REMAINDER, help="controleer PAD [PAD ...] [--json]"
        )

    def run_from_argv(self, argv: list[str]) -> None:
        # Hand everything after `berichten` to the library's own argument parser.
        status = main(argv[2:], out=self.stdout)
        if status:
            raise SystemExit(status)

    def handle(self, *args: Any, **options: Any) -> None:  # call_command("berichten", ...)
        status = main(list(options["argumenten"]), out=self.stdout)
        if status == 2:
            raise CommandError("Verkeerd gebruik")
