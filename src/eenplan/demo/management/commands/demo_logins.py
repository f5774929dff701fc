"""`eenplan demo_logins`: print the demo accounts (only those that exist)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from eenplan.demo.data import DEMO_LOGINS, DEMO_WACHTWOORD, REGIO_LOGINS
from eenplan.gemeente.constants import Rol
from eenplan.privacy.models import Inwoneraccount


class Command(BaseCommand):
    help = "Toont de inloggegevens van de demogemeente."

    def handle(self, *args: Any, **options: Any) -> None:
        existing = set(
            get_user_model()
            .objects.filter(username__in=[row[0] for row in DEMO_LOGINS])
            .values_list("username", flat=True)
        )
        if not existing:
            self.stdout.write("Geen demo-accounts gevonden (draai eerst: eenplan demo).")
            return
        self.stdout.write(
            "\nDemo-accounts op http://127.0.0.1:8000 (wachtwoord voor allemaal: "
            f"{DEMO_WACHTWOORD}):"
        )
        for username, first, last, rol, teams in DEMO_LOGINS:
            if username in existing:
                where = f" — {', '.join(teams)}" if teams else ""
                self.stdout.write(f"  {username:<17} {first} {last}, {Rol(rol).label}{where}")
        users = get_user_model().objects
        regio = [u for u in REGIO_LOGINS if users.filter(username=u[0]).exists()]
        if regio:
            self.stdout.write("Een regio in één installatie (Maasdal en Weert):")
            for username, uitleg in regio:
                self.stdout.write(f"  {username:<17} {uitleg}")
        if settings.EENPLAN_2FA_VERPLICHT:
            self.stdout.write(
                "Tweestapsverificatie is verplicht voor accounts met dossierinzage: bij de eerste "
                "keer inloggen stelt u een authenticator-app in (QR-code of sleutel als tekst)."
            )
        else:
            self.stdout.write(
                "Tweestapsverificatie is niet verplicht in de ontwikkelinstellingen; probeer het "
                "met EENPLAN_2FA_VERPLICHT=true of via /account/tweestapsverificatie/."
            )
        accounts = Inwoneraccount.objects.select_related("inwoner").order_by("inwoner__achternaam")
        if accounts and settings.EENPLAN_PORTAAL_ONTWIKKELLOGIN:
            self.stdout.write(
                "Inwonersportaal (Mijn zaak) op http://127.0.0.1:8000/mijn/inloggen/: kies een "
                "inwoner (ontwikkel-login, geen wachtwoord):"
            )
            for account in accounts[:10]:
                self.stdout.write(f"  {account.inwoner.naam}")
        self.stdout.write(
            f"Na {settings.AXES_FAILURE_LIMIT} foute wachtwoorden is een account "
            f"{int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)} minuten geblokkeerd."
        )
        self.stdout.write("")
