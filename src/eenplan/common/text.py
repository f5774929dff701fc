"""Text normalisation for search (pure Python)."""

from __future__ import annotations

import re
import unicodedata

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
