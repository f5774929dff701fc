"""`eenplan termijnen_herberekenen [--datum JJJJ-MM-DD [--vervallen]]`.

Recompute the stored deadlines that are still running with the holidays as they are now (ADR
0049): after a release changed the built-in decrees (`rules.termijnen.GELIJKGESTELDE_DAGEN`;
without `--datum`: every running deadline), or to finish a recomputation for a day added
(`--datum`) or removed (`--datum ... --vervallen`) whose task did not run. The same service as
the task the functioneel beheer page starts; running it twice changes nothing."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from eenplan.gemeente.models import GelijkgesteldeFeestdag
from eenplan.gemeente.services import feestdag_termijnen_herberekenen


class Command(BaseCommand):
    help = "Lopende termijnen opnieuw berekenen met de feestdagen van nu (ADR 0049)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--datum", help="De dag die is toegevoegd of vervallen (JJJJ-MM-DD).")
        parser.add_argument(
            "--vervallen", action="store_true", help="De dag is uit de lijst gehaald."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        datum = None
        if options["datum"]:
            try:
                datum = dt.date.fromisoformat(options["datum"])
            except ValueError as exc:
                raise CommandError("Geef de datum als JJJJ-MM-DD.") from exc
        elif options["vervallen"]:
            raise CommandError("Noem met --datum welke dag is vervallen.")
        opgeslagen = GelijkgesteldeFeestdag.objects.filter(datum=datum).first() if datum else None
        if datum is not None and options["vervallen"] == (opgeslagen is not None):
            raise CommandError(
                f"{datum:%d-%m-%Y} staat "
                + ("nog" if opgeslagen else "niet")
                + " in de lijst van gelijkgestelde feestdagen."
            )

        def voortgang(gedaan: int, totaal: int, stap: str) -> None:
            self.stderr.write(f"{gedaan}/{totaal} {stap}")

        resultaat = feestdag_termijnen_herberekenen(
            datum=datum,
            toegevoegd=not options["vervallen"],
            omschrijving=opgeslagen.omschrijving if opgeslagen else "",
            voortgang=voortgang,
        )
        self.stdout.write(resultaat["samenvatting"])
