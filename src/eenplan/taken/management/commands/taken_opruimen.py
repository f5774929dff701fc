"""`eenplan taken_opruimen [--dagen 30] [--minuten 60]`: delete the result files (exports) of
tasks that finished more than that many days ago, per municipality (the tasks themselves
stay), and end running tasks without progress for that many minutes as interrupted (their
worker is gone). Run it every hour from cron or a systemd timer (docs/deploy-postgresql.md)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from eenplan.gemeente.models import Gemeente
from eenplan.taken.services import (
    BEWAARDAGEN,
    VASTGELOPEN_MINUTEN,
    bestanden_opruimen,
    onderbroken_afsluiten,
)


class Command(BaseCommand):
    help = (
        "Verwijder de resultaatbestanden van taken die langer dan --dagen geleden klaar waren, "
        "en sluit lopende taken zonder voortgang sinds --minuten af als onderbroken."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dagen", type=int, default=BEWAARDAGEN)
        parser.add_argument("--minuten", type=int, default=VASTGELOPEN_MINUTEN)

    def handle(self, *args: Any, **options: Any) -> None:
        totaal = onderbroken = 0
        for gemeente in Gemeente.objects.order_by("pk"):
            try:
                totaal += bestanden_opruimen(gemeente_id=gemeente.pk, dagen=options["dagen"])
                onderbroken += onderbroken_afsluiten(
                    gemeente_id=gemeente.pk, minuten=options["minuten"]
                )
            except ValidationError as e:
                raise CommandError(" ".join(e.messages)) from e
        self.stdout.write(f"{totaal} resultaatbestand(en) verwijderd.")
        self.stdout.write(f"{onderbroken} onderbroken taak/taken afgesloten.")
