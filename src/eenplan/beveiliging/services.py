"""Writes for login security: API keys (issue, revoke) and the second factor (enrol)."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from eenplan.beveiliging.models import ApiSleutel

SLEUTEL_PREFIX = "ep_"


def sleutel_hash(sleutel: str) -> str:
    return hashlib.sha256(sleutel.encode()).hexdigest()


def api_sleutel_create(*, user: Any, naam: str, dagen: int | None = None) -> tuple[ApiSleutel, str]:
    """Issue an API key for `user`; returns the record and the key (shown once, never stored)."""
    sleutel = SLEUTEL_PREFIX + secrets.token_urlsafe(32)
    geldig = settings.EENPLAN_API_SLEUTEL_DAGEN if dagen is None else dagen
    record = ApiSleutel.objects.create(
        user=user,
        naam=naam.strip() or "API-sleutel",
        prefix=sleutel[: len(SLEUTEL_PREFIX) + 6],
        sleutel_hash=sleutel_hash(sleutel),
        verloopt_op=timezone.now() + dt.timedelta(days=geldig),
    )
    return record, sleutel


def api_sleutels_revoke(*, user: Any, reden: str, sleutel_id: int | None = None) -> int:
    """Revoke the user's active keys (or one of them); returns how many."""
    actief = ApiSleutel.objects.filter(user=user, ingetrokken_op__isnull=True)
    if sleutel_id is not None:
        actief = actief.filter(pk=sleutel_id)
    return actief.update(ingetrokken_op=timezone.now(), reden_intrekking=reden[:200])


def totp_device_for_enrolment(*, user: Any) -> TOTPDevice:
    """The user's unconfirmed authenticator (created once, so a reload shows the same secret)."""
    with transaction.atomic():
        device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("id").first()
        if device is None:
            device = TOTPDevice.objects.create(user=user, name="Authenticator-app", confirmed=False)
    return device


def totp_confirm(*, device: TOTPDevice, code: str) -> bool:
    """Confirm an enrolment with the first code from the app; True when the code was right."""
    if not device.verify_token(code):
        return False
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return True
