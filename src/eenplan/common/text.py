"""Text normalisation for search (pure Python)."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

_NON_ALNUM = re.compile(r"[^a-z0-9 ]+")
_SPACES = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Lower case, no accents or punctuation, single spaces.

    'Ölçek-de Vries' -> 'olcekde vries'.
    """
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_text = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    ascii_text = ascii_text.replace("-", "").replace("'", "")
    return _SPACES.sub(" ", _NON_ALNUM.sub(" ", ascii_text)).strip()


def normalise_postcode(text: str) -> str:
    """'1234 ab' -> '1234AB' (Dutch postcode form)."""
    return re.sub(r"\s+", "", text).upper()


ONBEKENDE_NAAM = "een medewerker"
"""Who did something when the account has no name: never the login (a login is half a
credential; pages, letters and the API name people)."""


def naam_van(user: Any) -> str:
    """The name shown for an account: its full name, else 'een medewerker'; empty for none
    (a step of the system)."""
    if user is None:
        return ""
    return user.get_full_name().strip() or ONBEKENDE_NAAM
