"""`eenplan vernietigen`: the records whose retention period has run (selectielijst), a
destruction list from them, and its approval by a second person, which destroys them and keeps
the list as the record of the destruction. Without options it only lists.

    eenplan vernietigen --gemeente GM0983                         # what is due, and what blocks
    eenplan vernietigen --gemeente GM0983 --voorstellen --door fg # a list for approval
    eenplan vernietigen --gemeente GM0983 --goedkeuren 7 --door fg2
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from eenplan.avg import bewaren
from eenplan.avg.models import Vernietigingslijst
from eenplan.gemeente.models import Gemeente


class Command(BaseCommand):
    help = "Bewaartermijnen: wat vernietigd mag worden, een vernietigingslijst, en goedkeuren."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--gemeente", required=True, help="CBS-code, bijvoorbeeld GM0983.")
        parser.add_argument("--datum", help="Peildatum (JJJJ-MM-DD); standaard vandaag.")
        parser.add_argument("--voorstellen", action="store_true", help="Maak een lijst.")
        parser.add_argument("--goedkeuren", type=int, help="Keur lijst N goed en vernietig.")
        parser.add_argument("--door", help="De gebruikersnaam van wie voorstelt of goedkeurt.")

    def handle(self, *args: Any, **opts: Any) -> None:
        gemeente = Gemeente.objects.filter(cbs_code=opts["gemeente"]).first()
        if gemeente is None:
            raise CommandError(f"Geen gemeente met CBS-code {opts['gemeente']}.")
        vandaag = dt.date.fromisoformat(opts["datum"]) if opts["datum"] else timezone.localdate()
        door = None
        if opts["voorstellen"] or opts["goedkeuren"]:
            if not opts["door"]:
                raise CommandError("Geef met --door aan wie dit doet (vastgelegd in de lijst).")
            door = get_user_model().objects.filter(username=opts["door"]).first()
            if door is None or not door.has_perm(
                "avg.change_vernietigingslijst"
                if opts["goedkeuren"]
                else "avg.add_vernietigingslijst"
            ):
                raise CommandError(f"{opts['door']} mag geen vernietigingslijsten behandelen.")
        try:
            if opts["goedkeuren"]:
                lijst = Vernietigingslijst.objects.filter(
                    pk=opts["goedkeuren"], gemeente=gemeente
                ).first()
                if lijst is None:
                    raise CommandError(f"Geen vernietigingslijst {opts['goedkeuren']}.")
                lijst = bewaren.vernietigingslijst_goedkeuren(
                    lijst=lijst, door=door, vandaag=vandaag
                )
                over = lijst.regels.exclude(niet_vernietigd="")
                self.stdout.write(
                    f"Lijst {lijst.pk} goedgekeurd: "
                    f"{lijst.regels.count() - over.count()} records vernietigd."
                )
                for regel in over:
                    self.stdout.write(f"Niet vernietigd: {regel.niet_vernietigd}")
                return
            if opts["voorstellen"]:
                lijst = bewaren.vernietigingslijst_voorstellen(
                    gemeente=gemeente, door=door, vandaag=vandaag
                )
                self.stdout.write(
                    f"Vernietigingslijst {lijst.pk} voorgesteld met "
                    f"{lijst.regels.count()} records; een ander keurt haar goed."
                )
                return
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        kandidaten = bewaren.te_vernietigen(gemeente, vandaag=vandaag)
        if not kandidaten:
            self.stdout.write("Niets waarvan de bewaartermijn verstreken is.")
        for k in kandidaten:
            status = f"GEBLOKKEERD: {k.blokkade}" if k.blokkade else "mag vernietigd worden"
            self.stdout.write(
                f"{k.kenmerk}\t{k.soort.label}\tcategorie {k.regel.categorie} "
                f"({k.regel.termijn_iso} vanaf {k.ingang:%d-%m-%Y})\t{status}"
            )
