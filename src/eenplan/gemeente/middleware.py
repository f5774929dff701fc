"""The municipality a login works for in this session (a region in one installation, issue 16).

A staff member of a regional team has a medewerker record in each municipality it works for;
the one chosen on /gemeente-kiezen/ is kept in the session. This middleware hands that choice
to `gemeente.selectors.medewerker_for_user`, which validates it against the login's own
records: a municipality the login does not work for is never used (its first membership is).
Everything else — scope, the access log, every page and API call per municipality — follows
from the medewerker record, so there is no second path to another municipality's data."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse

from eenplan.gemeente.selectors import GEKOZEN_GEMEENTE

SESSIE_SLEUTEL = "eenplan_gemeente"


class GemeenteKeuzeMiddleware:
    def __init__(self, get_response: Any) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        session = getattr(request, "session", None)
        keuze = session.get(SESSIE_SLEUTEL) if session is not None else None
        if isinstance(keuze, int):
            setattr(request.user, GEKOZEN_GEMEENTE, keuze)
        return self.get_response(request)
