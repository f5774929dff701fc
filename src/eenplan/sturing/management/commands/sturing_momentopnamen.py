"""`eenplan sturing_momentopnamen [--gemeente CBS] [--van 2025-01] [--tot 2026-11] [--opnieuw]`:
take (or recompute) the monthly snapshots of every indicator."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from eenplan.gemeente.models import Gemeente
from eenplan.sturing.services import momentopnamen_take


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
        for gemeente in gemeenten:
            opnamen = momentopnamen_take(
                gemeente_id=gemeente.pk, van=van, tot=tot, opnieuw=options["opnieuw"]
            )
            self.stdout.write(
                f"{gemeente.naam}: {len(opnamen)} momentopnamen ({van:%Y-%m} t/m {tot:%Y-%m})."
            )
