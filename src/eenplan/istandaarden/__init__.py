"""iWmo / iJw 3.2: the messages between gemeente and aanbieder (30x family), plain Python.

No Django: this package imports only the standard library and lxml, so a provider, a tester or a
script can use it on its own. See README.md.
"""

from .fouten import (
    BerichtFout,
    BouwFout,
    OnbekendBericht,
    OngeldigeInhoud,
    OngeldigeXml,
    OnveiligeXml,
)
from .model import *  # noqa: F403 - the data classes are the public API
from .model import BERICHTCODES, BERICHTEN, Bericht
from .xml import bouw, lees, parse

__all__ = [
    "BERICHTCODES",
    "BERICHTEN",
    "Bericht",
    "BerichtFout",
    "BouwFout",
    "OnbekendBericht",
    "OngeldigeInhoud",
    "OngeldigeXml",
    "OnveiligeXml",
    "bouw",
    "lees",
    "parse",
]
