"""`eenplan sturing_momentopnamen [--gemeente CBS] [--van 2025-01] [--tot 2026-11] [--opnieuw]
[--wachtrij]`: take (or recompute) the monthly snapshots of every indicator — as a task of the
system (eenplan.taken; the same service as the page's button and the API), run here and now,
or with `--wachtrij` queued for the worker (`eenplan db_worker`)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from eenplan.gemeente.models import Gemeente
from eenplan.sturing.services import momentopnamen_starten
from eenplan.taken.constants import TaakStatus


def _maand(tekst: str) -> dt.date:
    try:
        return dt.datetime.strptime(tekst, "%Y-%m").date()
    except ValueError as e:
        raise CommandError(f"Geef een maand als JJJJ-MM, niet '{tekst}'.") from e


class Command(BaseCommand):
    help = "Maak (of herbereken) de maandelijkse momentopnamen van alle indicatoren."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--gemeente", help="CBS-code; standaard alle gemeenten.")
        parser.add_argument("--van", help="Eerste maand, JJJJ-MM (standaard: vorige maand).")
        parser.add_argument("--tot", help="Laatste maand, JJJJ-MM (standaard: vorige maand).")
        parser.add_argument(
            "--opnieuw", action="store_true", help="Bestaande momentopnamen herberekenen."
        )
        parser.add_argument(
            "--wachtrij",
            action="store_true",
            help="Als achtergrondtaak in de wachtrij zetten (eenplan db_worker) in plaats van nu.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        vorige = timezone.localdate().replace(day=1) - dt.timedelta(days=1)
        van = _maand(options["van"]) if options["van"] else vorige.replace(day=1)
        tot = _maand(options["tot"]) if options["tot"] else vorige
        if van > tot:
            raise CommandError("De eerste maand ligt na de laatste.")
        gemeenten = Gemeente.objects.all()
        if options["gemeente"]:
            gemeenten = gemeenten.filter(cbs_code=options["gemeente"])
            if not gemeenten.exists():
                raise CommandError(f"Geen gemeente met CBS-code {options['gemeente']}.")
        mislukt = []
        for gemeente in gemeenten:
            try:
                taak = momentopnamen_starten(
                    door=None,
                    gemeente=gemeente,
                    van=van,
                    tot=tot,
                    opnieuw=options["opnieuw"],
                    nu=not options["wachtrij"],
                )
            except ValidationError as e:
                raise CommandError(" ".join(e.messages)) from e
            if taak.status == TaakStatus.MISLUKT:
                mislukt.append(gemeente.naam)
                self.stderr.write(f"{gemeente.naam}: taak {taak.pk} mislukt: {taak.fout}")
            elif taak.status == TaakStatus.KLAAR:
                self.stdout.write(f"{gemeente.naam}: {taak.resultaat.get('samenvatting', '')}")
            else:
                self.stdout.write(f"{gemeente.naam}: taak {taak.pk} staat in de wachtrij.")
        if mislukt:
            raise CommandError("Mislukt voor " + ", ".join(mislukt) + ".")
