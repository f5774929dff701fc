"""`eenplan api_sleutel USERNAME [--naam N] [--dagen D]`: issue an API key (printed once).

`eenplan api_sleutel USERNAME --intrekken` revokes all of that user's active keys."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from eenplan.beveiliging.services import api_sleutel_create, api_sleutels_revoke


class Command(BaseCommand):
    help = "Maakt een API-sleutel voor een gebruiker (eenmalig getoond), of trekt ze in."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username", help="Gebruikersnaam van de medewerker.")
        parser.add_argument("--naam", default="Koppeling", help="Waarvoor de sleutel is.")
        parser.add_argument(
            "--dagen", type=int, default=None, help="Geldigheid in dagen (standaard: instelling)."
        )
        parser.add_argument(
            "--intrekken", action="store_true", help="Trek alle actieve sleutels in."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            user = get_user_model().objects.get(username=options["username"])
        except get_user_model().DoesNotExist as exc:
            raise CommandError(f"Gebruiker {options['username']!r} bestaat niet.") from exc
        if options["intrekken"]:
            aantal = api_sleutels_revoke(user=user, reden="Ingetrokken met eenplan api_sleutel")
            self.stdout.write(f"{aantal} sleutel(s) ingetrokken voor {user.get_username()}.")
            return
        if not user.is_active:
            raise CommandError(f"Gebruiker {user.get_username()!r} is niet actief.")
        if options["dagen"] is not None and options["dagen"] < 1:
            raise CommandError("--dagen moet minstens 1 zijn.")
        record, sleutel = api_sleutel_create(
            user=user, naam=options["naam"], dagen=options["dagen"]
        )
        self.stdout.write(
            f"API-sleutel voor {user.get_username()} ({record.naam}), geldig tot "
            f"{record.verloopt_op:%d-%m-%Y}. Bewaar hem nu; hij wordt niet opnieuw getoond:"
        )
        self.stdout.write(sleutel)
