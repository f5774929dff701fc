"""Session timeouts, the second-factor gate and the security response headers."""

from __future__ import annotations

import time
from collections.abc import Callable
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.urls import reverse
from django.utils.cache import patch_cache_control, patch_vary_headers

from eenplan.beveiliging import tweefactor
from eenplan.beveiliging.sessie import (
    SESSIE_BEGIN,
    SESSIE_LAATST,
    SESSIE_SCHRIJF_INTERVAL,
    sessie_start,
)

Handler = Callable[[HttpRequest], HttpResponse]


def _is_api(request: HttpRequest) -> bool:
    return request.path.startswith("/api/")


class SessieVerloopMiddleware:
    """Ends a login session after EENPLAN_SESSIE_INACTIEF_MINUTEN without a request, and always
    EENPLAN_SESSIE_MAXIMAAL_UREN after logging in."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated and hasattr(request, "session"):
            session = request.session
            now = int(time.time())
            begin = session.get(SESSIE_BEGIN)
            laatst = session.get(SESSIE_LAATST)
            if begin is None or laatst is None:
                sessie_start(request)
            else:
                idle = settings.EENPLAN_SESSIE_INACTIEF_MINUTEN * 60
                absolute = settings.EENPLAN_SESSIE_MAXIMAAL_UREN * 3600
                if now - laatst > idle or now - begin > absolute:
                    logout(request)
                    if not _is_api(request):
                        messages.info(request, "Uw sessie is verlopen. Log opnieuw in.")
                    if request.htmx:
                        # htmx would put the login page inside the page: send the browser there.
                        response = HttpResponse(status=204)
                        response["HX-Redirect"] = reverse(settings.LOGIN_URL)
                        return response
                elif now - laatst >= SESSIE_SCHRIJF_INTERVAL:
                    session[SESSIE_LAATST] = now
        return self.get_response(request)


class TweeFactorMiddleware:
    """After the password: the TOTP code (enrolled users) or enrolment (required roles) first.

    The state is decided once at login and kept in the session, so a request costs no query."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated and hasattr(request, "session"):
            status = tweefactor.status(request)
            if status != tweefactor.OK and not self._vrij(request):
                if _is_api(request):
                    return JsonResponse(
                        {
                            "type": "about:blank",
                            "title": "Geen toegang",
                            "status": 403,
                            "detail": "Tweestapsverificatie is vereist: rond het inloggen af op "
                            "de website, of gebruik een API-sleutel.",
                        },
                        status=403,
                        content_type="application/problem+json",
                    )
                doel = (
                    "beveiliging:verificatie"
                    if status == tweefactor.VERIFIEER
                    else "beveiliging:instellen"
                )
                query = urlencode({"next": request.get_full_path()})
                return HttpResponseRedirect(f"{reverse(doel)}?{query}")
        return self.get_response(request)

    @staticmethod
    def _vrij(request: HttpRequest) -> bool:
        """Pages an unverified login may open: the two steps themselves and logging out."""
        return request.path in {
            reverse("beveiliging:verificatie"),
            reverse("beveiliging:instellen"),
            reverse("logout"),
        } or request.path.startswith(settings.STATIC_URL)


class BeveiligingsheadersMiddleware:
    """Permissions-Policy on every response; Cache-Control: no-store on every response that can
    carry personal data (anything for a logged-in user, every API answer).

    Static files never get here: WhiteNoise answers them earlier in the middleware chain."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.EENPLAN_PERMISSIONS_POLICY)
        user = getattr(request, "user", None)
        ingelogd = user is not None and user.is_authenticated
        if ingelogd or _is_api(request):
            if "Cache-Control" in response.headers:
                del response.headers["Cache-Control"]
            patch_cache_control(response, no_store=True, private=True)
            patch_vary_headers(response, ["Cookie", "Authorization"])
        return response
