"""The AGB code: how iWmo/iJw 3.2 identifies a provider (Afzender/Ontvanger of the 30x messages).

The basisschema defines ``LDT_AgbCode`` as exactly eight digits (pattern ``[0-9]{8}``,
"Identificerende code van een instelling of aanbieder van zorg of ondersteuning", see
https://www.agbcode.nl). Wmo providers carry a Wmo-specific AGB code (standards-and-anchors
§1.3, UP006/OP254). The register publishes no check digit, so the format is all that can be
checked offline: whether a code is actually registered is a question for the AGB register
(Vektis), not for this function.
"""

from __future__ import annotations

import re

AGB_PATROON = re.compile(r"[0-9]{8}")

AGB_FOUT = "Een AGB-code bestaat uit precies 8 cijfers, bijvoorbeeld 98012345."


def is_agb_code(code: str) -> bool:
    """True when ``code`` has the form of LDT_AgbCode (iWmo/iJw 3.2 basisschema: ``[0-9]{8}``).

    ``00000000`` is refused as well: it is the placeholder systems use for "unknown", never a
    registered code.
    """
    return bool(AGB_PATROON.fullmatch(code)) and code != "00000000"


def agb_fout(code: str) -> str | None:
    """The Dutch message when ``code`` is not a well-formed AGB code, else None."""
    return None if is_agb_code(code) else AGB_FOUT
