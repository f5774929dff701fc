"""API authentication with a hashed, expiring API key: `Authorization: Token <key>`.

Repeated invalid keys from one address lock that address out for a while (429), so keys
cannot be guessed; the rate limits (DRF throttles) apply on top."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.cache import cache
from rest_framework import exceptions
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.request import Request
from rest_framework.throttling import BaseThrottle

from eenplan.beveiliging.selectors import api_sleutel_user
from eenplan.gemeente.selectors import GEKOZEN_GEMEENTE

KEYWORD = "Token"


def _fout_sleutel(ident: str) -> str:
    return f"eenplan:api-sleutel-fout:{ident}"


class ApiSleutelAuthentication(BaseAuthentication):
    keyword = KEYWORD

    def authenticate(self, request: Request) -> tuple[Any, str] | None:
        parts = get_authorization_header(request).split()
        if not parts or parts[0].lower() != self.keyword.lower().encode():
            return None
        ident = BaseThrottle().get_ident(request)
        blokkade = settings.AXES_COOLOFF_TIME.total_seconds()
        fouten = cache.get(_fout_sleutel(ident), 0)
        if fouten >= settings.EENPLAN_API_MAX_FOUTE_SLEUTELS:
            raise exceptions.Throttled(
                wait=blokkade,
                detail="Te veel ongeldige API-sleutels vanaf dit adres. Probeer het later opnieuw.",
            )
        if len(parts) != 2:
            raise exceptions.AuthenticationFailed(
                "Ongeldige Authorization-header: gebruik 'Token <sleutel>'."
            )
        try:
            sleutel = parts[1].decode()
        except UnicodeError as exc:
            raise exceptions.AuthenticationFailed("Ongeldige API-sleutel.") from exc
        user = api_sleutel_user(sleutel)
        if user is None:
            cache.set(_fout_sleutel(ident), fouten + 1, timeout=int(blokkade))
            raise exceptions.AuthenticationFailed("Ongeldige, verlopen of ingetrokken API-sleutel.")
        # A regional login names the municipality of this call (issue 16); validated against
        # its own memberships by gemeente.selectors.medewerker_for_user, never trusted as is.
        gekozen = request.META.get("HTTP_EENPLAN_GEMEENTE", "")
        if gekozen.isascii() and gekozen.isdigit():
            setattr(user, GEKOZEN_GEMEENTE, int(gekozen))
        return user, sleutel

    def authenticate_header(self, request: Request) -> str:
        return self.keyword
