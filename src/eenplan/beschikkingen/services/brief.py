"""The letter of a beschikking: the stored text once sent, else a preview from the (municipality's)
template `beschikkingen/brief.txt`, rendered as plain text."""

from __future__ import annotations

import copy
import datetime as dt

from eenplan.beschikkingen.constants import Rechtmatigheid
from eenplan.beschikkingen.models import (
    Beschikking,
)
from eenplan.beschikkingen.services.eigen_bijdrage import eigen_bijdrage_voor
from eenplan.common.documenten import render_text
from eenplan.gemeente.selectors import gelijkgestelde_dagen
from eenplan.rules.termijnen import (
    bezwaar_uiterlijk,
)


def brief_tekst(beschikking: Beschikking, vandaag: dt.date) -> str:
    """The stored letter once sent; before that a preview as if sent today (with the bezwaar
    clause's last day computed for today and the lawfulness-check line), nothing saved. Pages,
    the PDF and the API show the same text."""
    if beschikking.verzonden_op is not None:
        return beschikking.brief
    voorbeeld = copy.copy(beschikking)
    voorbeeld.verzonden_op = vandaag
    voorbeeld.verzonden_voor_toetsing = voor_toetsing_verzonden(beschikking)
    voorbeeld.bezwaar_uiterlijk = bezwaar_uiterlijk(vandaag, extra=gelijkgestelde_dagen())
    return brief_render(voorbeeld)


def voor_toetsing_verzonden(beschikking: Beschikking) -> bool | None:
    """Sent today, would this decision go out before (True) or after (False) its lawfulness
    check; None when it gets no check (decided by the back office)."""
    if beschikking.rechtmatigheid == Rechtmatigheid.NVT:
        return None
    return beschikking.rechtmatigheid == Rechtmatigheid.TE_TOETSEN


def brief_render(beschikking: Beschikking) -> str:
    """The letter in plain Dutch (B1) from the template `beschikkingen/brief.txt`, which a
    municipality overrides in its own template folder (EENPLAN_SJABLONEN_DIR). Plain text,
    never marked safe: pages escape it, the PDF shows it literally (common.documenten)."""
    return render_text(
        "beschikkingen/brief.txt",
        {
            "b": beschikking,
            "inwoner": beschikking.inwoner,
            "regels": list(beschikking.voorzieningen.select_related("voorziening")),
            "bijdrage": eigen_bijdrage_voor(
                beschikking.inwoner, beschikking.verzonden_op or beschikking.besloten_op
            ),
        },
    )
