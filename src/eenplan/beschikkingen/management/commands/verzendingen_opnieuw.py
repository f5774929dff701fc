"""`eenplan verzendingen_opnieuw`: try every failed send channel again, and every one still
waiting ten minutes after its letter was sent (its after-commit run was lost). Run it from cron
(say every quarter of an hour); ADR 0021."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from eenplan.beschikkingen.constants import VerzendStatus
from eenplan.beschikkingen.verzending import verzendingen_opnieuw


class Command(BaseCommand):
    help = "Probeer mislukte en blijven hangen verzendingen van brieven opnieuw."

    def handle(self, *args: Any, **options: Any) -> None:
        rijen = verzendingen_opnieuw()
        gelukt = sum(r.status == VerzendStatus.VERZONDEN for r in rijen)
        self.stdout.write(f"{len(rijen)} geprobeerd, {gelukt} verzonden.")
        for rij in rijen:
            if rij.status != VerzendStatus.VERZONDEN:
                self.stdout.write(f"- {rij.kenmerk} via {rij.kanaal}: {rij.fout}")
