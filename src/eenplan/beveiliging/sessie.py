"""The session clocks: when a login session began and when it was last used (the idle and
absolute timeouts of `middleware.SessieVerloopMiddleware` read them)."""

from __future__ import annotations

import time

from django.http import HttpRequest

SESSIE_BEGIN = "eenplan_sessie_begin"
SESSIE_LAATST = "eenplan_sessie_laatst"
# A session's last-activity time is rewritten at most this often (seconds): no write per request.
SESSIE_SCHRIJF_INTERVAL = 60


def sessie_start(request: HttpRequest) -> None:
    """Mark the start of a login session (called on login)."""
    now = int(time.time())
    request.session[SESSIE_BEGIN] = now
    request.session[SESSIE_LAATST] = now
