"""Django validators wrapping the pure rules."""

from __future__ import annotations

from django.core.exceptions import ValidationError

from eenplan.rules.bsn import OngeldigBsn, bsn_check


def validate_bsn(value: str) -> None:
    try:
        bsn_check(value)
    except OngeldigBsn as exc:
        raise ValidationError(str(exc), code="bsn") from exc
