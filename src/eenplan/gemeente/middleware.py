"""The municipality a login works for in this session (a region in one installation, issue 16).

A staff member of a regional team has a medewerker record in each municipality it works for;
the one chosen on /gemeente-kiezen/ is kept in the session. This middleware hands that choice
to `gemeente.selectors.medewerker_for_user`, which validates it against the login's own
records: a municipality the login does not work for is never used (its first membership is).
Everything else — scope, the access log, every page and API call per municipality — follows
from the medewerker record, so there is no second path to another municipality's data."""

from __future__ import annotations

from functools import partial
from typing import Any

from django.contrib import auth
from django.contrib.auth import middleware as django_auth
from django.http import HttpRequest, HttpResponse
from django.utils.functional import SimpleLazyObject

from eenplan.gemeente.backends import GEKOZEN_BIJ_LADEN, SESSIE_BIJ_LADEN
from eenplan.gemeente.selectors import GEKOZEN_GEMEENTE, VERZOEK
from eenplan.gemeente.sessies import SESSIE_SLEUTEL, SessionStore

__all__ = ["SESSIE_SLEUTEL", "AuthenticationMiddleware", "GemeenteKeuzeMiddleware"]


class AuthenticationMiddleware(django_auth.AuthenticationMiddleware):
    """Django's, with the municipality chosen in the session handed to the backend while it
    reads the login (`gemeente.backends.MedewerkerBackend`: the login and its acting record
    in one query). What decides who is logged in is Django's `auth.get_user` unchanged."""

    def __call__(self, request: HttpRequest) -> HttpResponse:
        # A request that only reads keeps what the login's query read for the whole request
        # (the declared holidays, `gemeente.selectors.VERZOEK`); a write reads them itself.
        token = VERZOEK.set({} if request.method in ("GET", "HEAD") else None)
        try:
            return super().__call__(request)  # type: ignore[no-any-return]
        finally:
            VERZOEK.reset(token)

    def process_request(self, request: HttpRequest) -> None:
        super().process_request(request)
        request.user = SimpleLazyObject(partial(_login, request))  # type: ignore[assignment]


def _login(request: HttpRequest) -> Any:
    if not hasattr(request, "_cached_user"):
        keuze = request.session.get(SESSIE_SLEUTEL)  # reads the session (and its login)
        token = GEKOZEN_BIJ_LADEN.set(keuze if isinstance(keuze, int) else None)
        sessie = request.session if isinstance(request.session, SessionStore) else None
        token_sessie = SESSIE_BIJ_LADEN.set(sessie)
        try:
            request._cached_user = auth.get_user(request)  # type: ignore[attr-defined]
        finally:
            SESSIE_BIJ_LADEN.reset(token_sessie)
            GEKOZEN_BIJ_LADEN.reset(token)
    return request._cached_user  # type: ignore[attr-defined]


class GemeenteKeuzeMiddleware:
    def __init__(self, get_response: Any) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        session = getattr(request, "session", None)
        keuze = session.get(SESSIE_SLEUTEL) if session is not None else None
        if isinstance(keuze, int):
            setattr(request.user, GEKOZEN_GEMEENTE, keuze)
        return self.get_response(request)
