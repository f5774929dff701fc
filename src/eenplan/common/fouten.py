"""Dutch answers for the failures Django and DRF word in English: the CSRF check of a page
(`CSRF_FAILURE_VIEW`) and of an API request with a session (`SessionAuthentication`)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from rest_framework import authentication, exceptions


def csrf_reden(reason: str) -> str:
    """Django's English reason for a failed CSRF check, in Dutch (the reasons are constants in
    django.middleware.csrf; an unknown one gets the general sentence)."""
    if "CSRF cookie not set" in reason:
        return "het beveiligingscookie (CSRF) ontbreekt; sta cookies toe voor deze site"
    if "CSRF token missing" in reason:
        return "het beveiligingstoken (CSRF) ontbreekt in het verzoek"
    if "CSRF token" in reason:
        return "het beveiligingstoken (CSRF) klopt niet of is verlopen"
    if "Origin checking failed" in reason:
        return "het verzoek komt van een andere site (Origin) dan deze"
    if "Referer" in reason:
        return "het verzoek komt niet aantoonbaar van deze site (Referer)"
    return "de beveiligingscontrole (CSRF) van het verzoek is mislukt"


def csrf_zin(reason: str) -> str:
    return (
        f"Het verzoek is geweigerd: {csrf_reden(reason)}. Laad de pagina opnieuw en probeer het "
        "nog eens."
    )


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """`CSRF_FAILURE_VIEW`: a Dutch page in the product's layout (or problem details under
    /api/) instead of Django's English-and-Dutch technical page."""
    if request.path.startswith("/api/"):
        return JsonResponse(
            {"type": "about:blank", "title": "Geen toegang", "status": 403,
             "detail": csrf_zin(reason)},
            status=403,
            content_type="application/problem+json",
        )
    return render(
        request,
        "web/fout.html",
        {"titel": "Verzoek geweigerd", "reden": csrf_zin(reason)},
        status=403,
    )


class SessionAuthentication(authentication.SessionAuthentication):
    """DRF's session login with a Dutch refusal when the CSRF check fails (DRF words it
    'CSRF Failed: CSRF cookie not set.', untranslated). An API client without a browser session
    uses a token (Authorization: Token …) and needs no CSRF token."""

    def enforce_csrf(self, request: Any) -> None:
        try:
            super().enforce_csrf(request)
        except exceptions.PermissionDenied as exc:
            reason = str(exc.detail).removeprefix("CSRF Failed: ")
            raise exceptions.PermissionDenied(
                f"{csrf_zin(reason)} Een API-client zonder browsersessie gebruikt een token "
                "(Authorization: Token …) en heeft geen CSRF-token nodig."
            ) from exc


def _schema_extension() -> None:
    """Document our session login as drf-spectacular documents DRF's (cookieAuth)."""
    from drf_spectacular.authentication import SessionScheme

    class DutchSessionScheme(SessionScheme):
        target_class = "eenplan.common.fouten.SessionAuthentication"


_schema_extension()
