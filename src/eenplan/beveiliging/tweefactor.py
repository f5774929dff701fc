"""The second factor's state for a login session, decided once at login and kept there."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from eenplan.beveiliging.selectors import totp_device_confirmed
from eenplan.gemeente.roles import ACCOUNT_AANMAKEN, ACCOUNT_WIJZIGEN, DOSSIER

SESSIE_KEY = "eenplan_tweefactor"
OK = "ok"
VERIFIEER = "verifieer"  # has an authenticator: the code is asked after the password
INSTELLEN = "instellen"  # must enrol first (required for the roles of `VEREIST_BIJ`)

# A second factor is required (by setting) for whoever reads dossiers and for whoever makes or
# changes logins (the functioneel beheerder: creates accounts, resets another's second factor).
VEREIST_BIJ = (DOSSIER, ACCOUNT_AANMAKEN, ACCOUNT_WIJZIGEN)


def vereist(user: Any) -> bool:
    """Whether this login must use a second factor (by setting, for superusers and the roles
    with a permission of `VEREIST_BIJ`: dossier access or account management)."""
    return bool(settings.EENPLAN_2FA_VERPLICHT) and (
        user.is_superuser or any(user.has_perm(perm) for perm in VEREIST_BIJ)
    )


def bepaal(user: Any) -> str:
    if totp_device_confirmed(user) is not None:
        return VERIFIEER
    return INSTELLEN if vereist(user) else OK


def bij_inloggen(request: HttpRequest, user: Any) -> None:
    request.session[SESSIE_KEY] = bepaal(user)


def status(request: HttpRequest) -> str:
    waarde = request.session.get(SESSIE_KEY)
    if waarde is None:  # a session from before this check: decide now, once
        waarde = bepaal(request.user)
        request.session[SESSIE_KEY] = waarde
    return waarde


def voltooid(request: HttpRequest) -> None:
    request.session.cycle_key()
    request.session[SESSIE_KEY] = OK
