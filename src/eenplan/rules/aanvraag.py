"""Decision terms for an aanvraag, pure.

- Wmo 2015 art. 2.3.5 lid 2: the beschikking within two weeks of the aanvraag.
- Jeugdwet and Participatiewet: the Awb's reasonable term, at most eight weeks
  (Awb art. 4:13 lid 2).
- Wet gemeentelijke schuldhulpverlening (Wgs) art. 4a, from 1 January 2021: the aanvraag is made
  in the first conversation and the college decides on admission (toelating) by beschikking; the
  Wgs sets no term of its own, so the Awb's eight weeks apply (art. 4:13 lid 2). A municipal
  verordening may set a shorter one (not configurable yet).
Both extended per the Algemene termijnenwet (see rules.termijnen).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from eenplan.rules.termijnen import (
    AWB_BESLISTERMIJN,
    WMO_BESCHIKKING,
    GelijkgesteldeDag,
    Termijn,
)

WETTEN = ("wmo", "jeugd", "participatie", "schuldhulp")


def beslistermijn(wet: str) -> Termijn:
    """The decision term for an aanvraag under `wet` ('wmo', 'jeugd', 'participatie',
    'schuldhulp'): Wmo 2015 art. 2.3.5 lid 2; else Awb art. 4:13 lid 2 (for 'schuldhulp' the
    toelating of Wgs art. 4a)."""
    if wet == "wmo":
        return WMO_BESCHIKKING
    if wet in ("jeugd", "participatie", "schuldhulp"):
        return AWB_BESLISTERMIJN
    raise ValueError(f"Onbekende wet '{wet}'; kies uit {', '.join(WETTEN)}.")


def beslissen_uiterlijk(
    wet: str, ontvangen_op: dt.date, *, extra: Iterable[GelijkgesteldeDag] | None = None
) -> dt.date:
    """Last day for the beschikking on an aanvraag received on `ontvangen_op`."""
    return beslistermijn(wet).einde(ontvangen_op, extra=extra)
