"""`eenplan export_cak --maand JJJJ-MM --gebruiker NAAM [--format csv|json] [--output PAD]`.

Per household the Wmo eigen bijdrage (abonnementstarief) the CAK collects for a month. The
national iEb message format is not available here; this is the documented CSV (or JSON) of
docs/exports.md. The export holds personal data: every client in it gets an access-log row
under the given login (doel "beschikking"), and only residents within that login's
need-to-know scope are exported.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from eenplan.beschikkingen import exports
from eenplan.privacy import access


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
        with transaction.atomic():
            rows = exports.cak_bijdragen(inwoners=access.inwoners_in_scope(user), maand=maand)
            exports.export_log(
                user, [pk for r in rows for pk in r.inwoner_ids], via=exports.command_via(pad)
            )
        if options["format"] == "json":
            text = json.dumps(exports.cak_json(rows), ensure_ascii=False, indent=2) + "\n"
        else:
            text = exports.cak_csv(rows)
        if options["output"]:
            Path(options["output"]).write_text(text, encoding="utf-8")
            self.stderr.write(f"{len(rows)} huishouden(s) geschreven naar {options['output']}.")
        else:
            self.stdout.write(text, ending="")
