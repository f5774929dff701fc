"""Request helpers every API view shares: the purpose of access and the login's municipality."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from rest_framework.request import Request

from eenplan.gemeente.models import Gemeente
from eenplan.privacy import access
from eenplan.privacy.constants import Doel


def request_doel(request: Request) -> str | None:
    """The purpose of access given with the request (header X-Eenplan-Doel or ?doel=); checked
    before any write, so a wrong value never leaves a half-done write behind."""
    doel = request.headers.get("X-Eenplan-Doel") or request.query_params.get("doel")
    if doel and doel not in Doel.values:
        raise ValidationError({"doel": "Kies een geldig doel van inzage."})
    return doel or None


GEEN_GEMEENTE = "Uw account hoort niet bij een gemeente."


def user_gemeente(request: Request) -> Gemeente:
    """The municipality the login works for; 403 for an account without one (a refusal like
    any other: written to the access log by privacy.access)."""
    return access.gemeente_van(request, reden=GEEN_GEMEENTE)
