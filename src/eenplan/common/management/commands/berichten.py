"""`eenplan berichten ...`: the iWmo/iJw message traffic from the command line.

- `eenplan berichten controleer PAD [PAD ...] [--json]`: check message files without storing
  them — a thin wrapper around the plain-Python checker of `eenplan.istandaarden` (also usable
  without Django as `python -m eenplan.istandaarden controleer ...`).
- `eenplan berichten verwerk-map --in DIR --uit DIR [--wachtrij]`: one round of the folder
  connection with the GGk (`eenplan.berichten.map`): keep, process and answer every file in
  the inbox, write every waiting message to the outbox.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from eenplan.istandaarden.__main__ import main


def _map_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="eenplan berichten verwerk-map",
        description="Eén ronde van de mapkoppeling met het GGk: bestanden uit --in bewaren, "
        "verwerken en beantwoorden; wachtende berichten naar --uit schrijven.",
    )
    parser.add_argument("--in", dest="inmap", required=True, type=Path, help="De inbox-map.")
    parser.add_argument("--uit", dest="uitmap", required=True, type=Path, help="De outbox-map.")
    parser.add_argument(
        "--gemeente",
        help="CBS-code (GM0983) van de gemeente van deze mapkoppeling; nodig als de "
        "installatie meer dan één gemeente heeft.",
    )
    parser.add_argument(
        "--wachtrij",
        action="store_true",
        help="Verwerken als achtergrondtaak (eenplan db_worker) in plaats van meteen.",
    )
    return parser


class Command(BaseCommand):
    help = (
        "iWmo/iJw-berichten: 'controleer' (controleren zonder opslaan, zie eenplan.istandaarden) "
        "of 'verwerk-map' (de mapkoppeling met het GGk)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "argumenten",
            nargs=argparse.REMAINDER,
            help="controleer PAD [PAD ...] [--json] | verwerk-map --in DIR --uit DIR",
        )

    def run_from_argv(self, argv: list[str]) -> None:
        # Hand everything after `berichten` to the library's or the folder's own parser.
        status = self._run(argv[2:])
        if status:
            raise SystemExit(status)

    def handle(self, *args: Any, **options: Any) -> None:  # call_command("berichten", ...)
        status = self._run(list(options["argumenten"]))
        if status == 2:
            raise CommandError("Verkeerd gebruik")

    def _run(self, argumenten: list[str]) -> int:
        if argumenten[:1] == ["verwerk-map"]:
            return self._verwerk_map(argumenten[1:])
        return main(argumenten, out=self.stdout)

    def _verwerk_map(self, argumenten: list[str]) -> int:
        import django

        django.setup()
        from eenplan.berichten.map import verwerk_map

        try:
            opties = _map_parser().parse_args(argumenten)
        except SystemExit as fout:
            return int(fout.code or 0) or 2
        if not opties.inmap.is_dir():
            self.stderr.write(f"De inbox-map {opties.inmap} bestaat niet.")
            return 2
        from django.core.exceptions import ValidationError

        from eenplan.gemeente.models import Gemeente

        gemeente = None
        if opties.gemeente:
            code = opties.gemeente.upper()
            code = code if code.startswith("GM") else f"GM{code}"
            gemeente = Gemeente.objects.filter(cbs_code=code).first()
            if gemeente is None:
                self.stderr.write(f"Geen gemeente met CBS-code {opties.gemeente}.")
                return 2
        try:
            ronde = verwerk_map(
                inmap=opties.inmap, uitmap=opties.uitmap, wachtrij=opties.wachtrij,
                gemeente=gemeente,
            )
        except ValidationError as fout:
            self.stderr.write(" ".join(fout.messages))
            return 2
        self.stdout.write(
            f"{len(ronde.ontvangen)} ontvangen, {len(ronde.al_ontvangen)} al eerder ontvangen, "
            f"{len(ronde.verzonden)} verzonden."
        )
        if ronde.taak is not None:
            taak = ronde.taak
            uitleg = taak.fout or taak.resultaat.get("samenvatting", "")
            self.stdout.write(
                f"Taak {taak.pk} ({taak.get_status_display().lower()})"
                + (f": {uitleg}" if uitleg else "")
            )
        return 0
