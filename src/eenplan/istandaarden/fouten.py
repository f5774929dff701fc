"""Typed errors of the message library, each with the return code the answer carries."""

from __future__ import annotations


class BerichtFout(Exception):
    """A message that cannot be read. ``retourcode`` is what the retour message carries:
    0001 ("Bericht is afgekeurd om technische redenen", codelijst WJ001)."""

    retourcode = "0001"

    def __init__(self, melding: str, *, pad: str = "") -> None:
        super().__init__(melding if not pad else f"{melding} ({pad})")
        self.melding = melding
        self.pad = pad


class OnveiligeXml(BerichtFout):
    """A DOCTYPE, entity declaration or a file over the size limit (OP179: 25 MB)."""


class OngeldigeXml(BerichtFout):
    """Not well-formed XML, not UTF-8, or a byte order mark (OP192)."""


class OnbekendBericht(BerichtFout):
    """A root element or namespace that is not an iWmo/iJw 3.2 message of the 30x family."""


class OngeldigeInhoud(BerichtFout):
    """Well-formed, but an element is missing, unknown, out of order or has an invalid value."""


class BouwFout(ValueError):
    """A message object that cannot be written (a required value missing, a Jeugd-only element
    in a Wmo message, a retour record without return codes)."""
