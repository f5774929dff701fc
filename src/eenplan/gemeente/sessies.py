"""The session engine (`SESSION_ENGINE`): Django's database sessions, read together with the
staff login they belong to (ADR 0054).

Every staff request read its session (one query) and then its login with the acting record,
permissions and scope (`gemeente.selectors.actor_laden`, ADR 0050): two round trips before the
page read a row. The session row (`gemeente.models.Sessie`) keeps the login and the chosen
municipality as columns, written from the data on every save, so one query
(`actor_bij_sessie`) reads the session and the login it names. What decides who is logged in
is unchanged: Django decodes the data and `auth.get_user` checks the login and its session
hash; `gemeente.backends.MedewerkerBackend` uses the row read here only when its login and
municipality equal the decoded ones, else it reads them itself."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib.auth import SESSION_KEY, get_user_model
from django.contrib.sessions.backends.db import SessionStore as DatabaseStore
from django.core.exceptions import ValidationError
from django.utils import timezone

from eenplan.gemeente.models import Medewerker, Sessie
from eenplan.gemeente.selectors import actor_bij_sessie

# The municipality chosen in the session (a regional team works for several; issue 16).
SESSIE_SLEUTEL = "eenplan_gemeente"


@dataclass(frozen=True)
class Voorgeladen:
    """What the session's query read of its login: `medewerker` is the acting record with the
    login (None: the login has no running membership — a resident, a provider, a superuser
    for set-up — and is read as Django does)."""

    user_id: int
    gekozen: int | None
    medewerker: Medewerker | None


def _login_id(waarde: Any) -> int | None:
    """The login's id as `django.contrib.auth` reads it from the session (the primary key's
    `to_python`), or None."""
    try:
        return int(get_user_model()._meta.pk.to_python(waarde))  # type: ignore[union-attr]
    except (TypeError, ValueError, ValidationError):
        return None


class SessionStore(DatabaseStore):
    voorgeladen: Voorgeladen | None = None

    @classmethod
    def get_model_class(cls) -> type[Sessie]:
        return Sessie

    def create_model_instance(self, data: dict[str, Any]) -> Sessie:
        sessie: Sessie = super().create_model_instance(data)
        sessie.gebruiker_id = _login_id(data.get(SESSION_KEY))
        keuze = data.get(SESSIE_SLEUTEL)
        sessie.gemeente_keuze = keuze if isinstance(keuze, int) else None
        return sessie

    def _get_session_from_db(self) -> Sessie | None:
        self.voorgeladen = None
        sleutel = self.session_key
        medewerker = actor_bij_sessie(sleutel, timezone.now()) if sleutel else None
        if medewerker is None:
            sessie: Sessie | None = super()._get_session_from_db()
            if sessie is not None and sessie.gebruiker_id is not None:
                # The query above found this session's login without a running membership.
                self.voorgeladen = Voorgeladen(sessie.gebruiker_id, sessie.gemeente_keuze, None)
            return sessie
        kolommen = medewerker.__dict__
        sessie = Sessie(
            session_key=self.session_key,
            session_data=kolommen.pop("_sessie_data"),
            expire_date=kolommen.pop("_sessie_verloop"),
            gebruiker_id=medewerker.user_id,
            gemeente_keuze=kolommen.pop("_sessie_keuze"),
        )
        self.voorgeladen = Voorgeladen(medewerker.user_id, sessie.gemeente_keuze, medewerker)
        return sessie

    def voorgeladen_nemen(self, user_id: Any, gekozen: int | None) -> Voorgeladen | None:
        """What the session's query read of login `user_id` with municipality `gekozen` (the
        decoded data's), once; None when it read another, or nothing."""
        voor, self.voorgeladen = self.voorgeladen, None
        if voor is None or voor.user_id != _login_id(user_id) or voor.gekozen != gekozen:
            return None
        return voor
