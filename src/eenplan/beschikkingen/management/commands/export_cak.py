"""`eenplan export_cak --maand JJJJ-MM --gebruiker NAAM [--format csv|json] [--output PAD]`.

Per household the Wmo eigen bijdrage (abonnementstarief) the CAK collects for a month. The
national iEb message format is not available here; this is the documented CSV (or JSON) of
docs/exports.md. The export holds personal data: every client in it gets an access-log row
under the given login (doel "beschikking"), and only residents within that login's
need-to-know scope are exported.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from eenplan.beschikkingen import exports


class Command(BaseCommand):
    help = (
        "Export van de eigen bijdrage per huishouden per maand voor het CAK (zie docs/exports.md)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--maand", required=True, help="Maand JJJJ-MM.")
        parser.add_argument(
            "--gebruiker",
            required=True,
            help="Gebruikersnaam (backoffice); de export komt op deze naam in het inzagelog.",
        )
        parser.add_argument("--format", choices=["csv", "json"], default="csv")
        parser.add_argument("--output", help="Bestand om naar te schrijven (standaard stdout).")

    def handle(self, *args: Any, **options: Any) -> None:
        maand = options["maand"].strip()
        pad = f"eenplan export_cak --maand {maand}"
        try:
            exports.parse_maand(maand)
            user = exports.export_user(options["gebruiker"], command=pad)
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        bestand = exports.cak_bestand(
            user, maand=maand, formaat=options["format"], via=exports.command_via(pad)
        )  # the same code as the background task of the page and the API
        text = bestand.inhoud.decode()
        if options["output"]:
            Path(options["output"]).write_text(text, encoding="utf-8")
            naar = options["output"]
            self.stderr.write(f"{bestand.aantal} huishouden(s) geschreven naar {naar}.")
        else:
            self.stdout.write(text, ending="")
