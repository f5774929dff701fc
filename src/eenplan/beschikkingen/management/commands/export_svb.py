"""`eenplan export_svb --op JJJJ-MM-DD --gebruiker NAAM [--format csv|json] [--output PAD]`.

The granted PGB budgets active on a date, for the SVB. The national iPgb message format is not
available here; this is the documented CSV (or JSON) of docs/exports.md. The export holds
personal data: every resident in it gets an access-log row under the given login (doel
"beschikking"), and only residents within that login's need-to-know scope are exported.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from eenplan.beschikkingen import exports


class Command(BaseCommand):
    help = "Export van toegekende pgb-budgetten voor de SVB (CSV of JSON; zie docs/exports.md)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--op", required=True, help="Peildatum JJJJ-MM-DD.")
        parser.add_argument(
            "--gebruiker",
            required=True,
            help="Gebruikersnaam (backoffice); de export komt op deze naam in het inzagelog.",
        )
        parser.add_argument("--format", choices=["csv", "json"], default="csv")
        parser.add_argument("--output", help="Bestand om naar te schrijven (standaard stdout).")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            op = dt.date.fromisoformat(options["op"])
        except ValueError as exc:
            raise CommandError("Geef de peildatum als JJJJ-MM-DD.") from exc
        pad = f"eenplan export_svb --op {op.isoformat()}"
        try:
            user = exports.export_user(options["gebruiker"], command=pad)
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        bestand = exports.svb_bestand(
            user, op=op, formaat=options["format"], via=exports.command_via(pad)
        )  # the same code as the background task of the page and the API
        text = bestand.inhoud.decode()
        if options["output"]:
            Path(options["output"]).write_text(text, encoding="utf-8")
            naar = options["output"]
            self.stderr.write(f"{bestand.aantal} pgb-budget(ten) geschreven naar {naar}.")
        else:
            self.stdout.write(text, ending="")
