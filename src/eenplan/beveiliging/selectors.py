"""Reads for login security."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from eenplan.beveiliging.models import ApiSleutel
from eenplan.beveiliging.services import sleutel_hash


def api_sleutel_user(sleutel: str) -> Any | None:
    """The active user behind a valid, unexpired, unrevoked API key; None otherwise."""
    record = (
        ApiSleutel.objects.select_related("user")
        .filter(
            sleutel_hash=sleutel_hash(sleutel),
            ingetrokken_op__isnull=True,
            verloopt_op__gt=timezone.now(),
            user__is_active=True,
        )
        .first()
    )
    return record.user if record else None


def api_sleutels_for_user(user: Any) -> QuerySet[ApiSleutel]:
    return ApiSleutel.objects.filter(user=user).order_by("-aangemaakt_op")


def totp_device_confirmed(user: Any) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("id").first()
