"""`eenplan enquete_verzendlijst --jaar JJJJ --gebruiker NAAM --basis-url URL [--alleen-open]
[--output PAD]`.

The mailing list of the client-experience survey for the print and mail service: per invited
resident the name and address and the personal link (`/vragenlijst/<token>/`). The token is
not stored anywhere; this command computes it again from the invitation's random key and the
server's secret (`beleid.services.uitnodiging_token`). The list holds personal data, so it runs
as a login with the back office's export right (as the SVB and CAK exports do): only residents
within that login's need-to-know scope are listed, and each gets an access-log row.
`--alleen-open`: only those who have not answered yet (the reminder).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from eenplan.beleid import services
from eenplan.beleid.models import Uitnodiging, Uitvraging
from eenplan.beschikkingen import exports
from eenplan.privacy import access

KOLOMMEN = ["naam", "straat", "huisnummer", "toevoeging", "postcode", "woonplaats", "link"]


class Command(BaseCommand):
    help = "Verzendlijst van het cliëntervaringsonderzoek: naam, adres en persoonlijke link."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--jaar", type=int, required=True)
        parser.add_argument(
            "--gebruiker",
            required=True,
            help="Gebruikersnaam met exportrecht; komt in het inzagelog.",
        )
        parser.add_argument(
            "--basis-url",
            required=True,
            help="Adres van de site, bijvoorbeeld https://eenplan.gemeente.nl",
        )
        parser.add_argument(
            "--alleen-open",
            action="store_true",
            help="Alleen wie nog niet heeft geantwoord (herinnering).",
        )
        parser.add_argument("--output", help="Bestand om naar te schrijven (standaard stdout).")

    def handle(self, *args: Any, **options: Any) -> None:
        pad = f"eenplan enquete_verzendlijst --jaar {options['jaar']}"
        try:
            user = exports.export_user(options["gebruiker"], command=pad)
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        gemeente_id = access.Actor.of(user).gemeente_id
        ronde = Uitvraging.objects.filter(gemeente_id=gemeente_id, jaar=options["jaar"]).first()
        if ronde is None:
            raise CommandError(f"Voor {options['jaar']} is geen onderzoek uitgezet.")
        basis = options["basis_url"].rstrip("/")
        with transaction.atomic():
            rijen = (
                Uitnodiging.objects.filter(
                    uitvraging=ronde, inwoner__in=access.inwoners_in_scope(user)
                )
                .select_related("inwoner")
                .order_by("inwoner__postcode", "inwoner__huisnummer", "pk")
            )
            if options["alleen_open"]:
                rijen = rijen.filter(beantwoord=False)
            rijen = list(rijen)
            exports.export_log(user, [u.inwoner_id for u in rijen], via=exports.command_via(pad))
        uit = io.StringIO()
        schrijver = csv.writer(uit, delimiter=";")
        schrijver.writerow(KOLOMMEN)
        for u in rijen:
            i = u.inwoner
            schrijver.writerow(
                [
                    i.naam,
                    i.straat,
                    i.huisnummer,
                    i.huisnummer_toevoeging,
                    i.postcode,
                    i.woonplaats,
                    f"{basis}/vragenlijst/{services.uitnodiging_token(u)}/",
                ]
            )
        if options["output"]:
            Path(options["output"]).write_text(uit.getvalue(), encoding="utf-8")
            self.stderr.write(f"{len(rijen)} uitnodiging(en) geschreven naar {options['output']}.")
        else:
            self.stdout.write(uit.getvalue(), ending="")
