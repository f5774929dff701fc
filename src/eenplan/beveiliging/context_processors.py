from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from eenplan.beveiliging import tweefactor


def beveiliging(request: HttpRequest) -> dict[str, Any]:
    """`tweede_stap_open`: logged in with the password but the second factor still to do; the
    layout then shows no menu or search (they would only lead back to the second step)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not hasattr(request, "session"):
        return {"tweede_stap_open": False}
    return {
        "tweede_stap_open": request.session.get(tweefactor.SESSIE_KEY, tweefactor.OK)
        != tweefactor.OK
    }
