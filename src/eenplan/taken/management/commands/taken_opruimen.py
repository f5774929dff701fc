"""`eenplan taken_opruimen [--dagen 30]`: delete the result files (exports) of tasks that
finished more than that many days ago, per municipality; the tasks themselves stay. Run it
daily from cron or a systemd timer (docs/deploy-postgresql.md)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from eenplan.gemeente.models import Gemeente
from eenplan.taken.services import BEWAARDAGEN, bestanden_opruimen


class Command(BaseCommand):
    help = "Verwijder de resultaatbestanden van taken die langer dan --dagen geleden klaar waren."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dagen", type=int, default=BEWAARDAGEN)

    def handle(self, *args: Any, **options: Any) -> None:
        totaal = 0
        for gemeente in Gemeente.objects.order_by("pk"):
            try:
                totaal += bestanden_opruimen(gemeente_id=gemeente.pk, dagen=options["dagen"])
            except ValidationError as e:
                raise CommandError(" ".join(e.messages)) from e
        self.stdout.write(f"{totaal} resultaatbestand(en) verwijderd.")
