"""Burgerservicenummer (BSN) check, pure Python.

Source: Wet algemene bepalingen burgerservicenummer art. 1 and the BSN's eleven-test
(elfproef) as published by RvIG: nine digits d1..d9 with
9*d1 + 8*d2 + ... + 2*d8 - 1*d9 divisible by 11. The check itself is python-stdnum's
``stdnum.nl.bsn``; this module only gives the reasons in Dutch.
"""

from __future__ import annotations

from stdnum.exceptions import InvalidChecksum, InvalidFormat, InvalidLength
from stdnum.nl import bsn as stdnum_bsn


class OngeldigBsn(ValueError):
    """A BSN that fails the format or eleven-test; the message is Dutch, for the user."""


def bsn_normalise(value: str) -> str:
    """Strip spaces, dots and dashes and left-pad to 9 digits (stdnum's compact form)."""
    return stdnum_bsn.compact(value)


def bsn_check(value: str) -> str:
    """Return the BSN in its 9-digit form or raise `OngeldigBsn` with a Dutch reason.

    Rule: 9 digits (8-digit numbers get a leading zero), eleven-test (elfproef, RvIG).
    """
    digits = "".join(value.split()).replace(".", "").replace("-", "")
    if not digits.isdigit():
        raise OngeldigBsn("Een BSN bestaat alleen uit cijfers.")
    if len(digits) not in (8, 9):
        raise OngeldigBsn("Een BSN heeft 9 cijfers.")
    try:
        return stdnum_bsn.validate(digits)
    except InvalidChecksum as exc:
        raise OngeldigBsn(
            "Dit BSN klopt niet (elfproef). Controleer het nummer op een typefout."
        ) from exc
    except (InvalidFormat, InvalidLength) as exc:  # e.g. all zeros
        raise OngeldigBsn("Dit is geen geldig BSN.") from exc


def bsn_is_valid(value: str) -> bool:
    """True when `value` passes `bsn_check`."""
    try:
        bsn_check(value)
    except OngeldigBsn:
        return False
    return True
