"""The authentication backend of staff and resident logins: Django's ModelBackend, but a staff
login is read together with its acting medewerker record (issue 16).

Every staff request needs the login, its medewerker record, its permissions and its wijken
scope; Django reads the login by itself and the rest took three more queries. `get_user`
reads them in one (`gemeente.selectors.actor_laden`, with the municipality chosen in the
session that `gemeente.middleware.AuthenticationMiddleware` hands over), or takes what the
session's own query read of it (`gemeente.sessies`, ADR 0054); a login without a
running membership (a resident, a provider, a superuser for set-up) is read as Django does.
The login's checks are Django's own: an inactive login is no user (`user_can_authenticate`),
and the session hash is verified by `django.contrib.auth.get_user` after this returns."""

from __future__ import annotations

import contextvars
from typing import Any

from django.contrib.auth.backends import ModelBackend

from eenplan.gemeente.selectors import GEKOZEN_GEMEENTE, actor_laden, login_vullen

# The municipality chosen in the session of the request whose login is being read (set by
# `gemeente.middleware.AuthenticationMiddleware` only while `get_user` runs).
GEKOZEN_BIJ_LADEN: contextvars.ContextVar[int | None] = contextvars.ContextVar(
    "eenplan_gekozen_bij_laden", default=None
)
# The session of that request, which may have read the login with itself (`gemeente.sessies`).
SESSIE_BIJ_LADEN: contextvars.ContextVar[Any] = contextvars.ContextVar(
    "eenplan_sessie_bij_laden", default=None
)


class MedewerkerBackend(ModelBackend):
    def get_user(self, user_id: Any) -> Any:
        gekozen = GEKOZEN_BIJ_LADEN.get()
        sessie = SESSIE_BIJ_LADEN.get()
        voor = sessie.voorgeladen_nemen(user_id, gekozen) if sessie is not None else None
        if voor is not None:
            medewerker = voor.medewerker  # read with the session (ADR 0054)
        else:
            medewerker = actor_laden(user_id, gekozen, met_login=True)
        if medewerker is None:
            user = super().get_user(user_id)
            if user is not None:
                user._eenplan_medewerker = None  # read just now: no running membership
            return user
        user = medewerker.user
        if not self.user_can_authenticate(user):
            return None
        if gekozen is not None:
            setattr(user, GEKOZEN_GEMEENTE, gekozen)
        login_vullen(medewerker, user)
        user._eenplan_medewerker = medewerker
        return user
