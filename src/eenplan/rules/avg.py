"""The terms of a resident's rights under the AVG and of the retention of records.

Sources (verified December 2026):

- AVG (Verordening (EU) 2016/679) art. 12 lid 3: the controller answers a request under
  art. 15 to 22 "onverwijld en in ieder geval binnen een maand na ontvangst van het verzoek";
  "afhankelijk van de complexiteit van de verzoeken en van het aantal verzoeken kan die termijn
  indien nodig met nog eens twee maanden worden verlengd", and the person is told of the
  extension, with the reasons, within one month of receipt. (EDPB, "How long do I have to
  respond to an access request": one month, extendable by two further months when the request
  is complex, provided the person is informed within the first month.)
- Verordening (EEG, Euratom) nr. 1182/71 art. 3 lid 2 onder c (periods of Union law): a
  period expressed in months ends with the expiry of the day in the last month that has the
  same date as the day the period began; when that date does not exist in the last month, with
  the expiry of the last day of that month. The Algemene termijnenwet (a Dutch law for Dutch
  statutory terms) is not applied to this Union-law term.
- Selectielijst gemeenten en intergemeentelijke organen 2020, as published by VNG in the
  Referentielijsten API (fixture `selectielijst_2020_resultaten.json`): retention periods per
  result category, counted from the date the category names ("nihil" procestermijn: from the
  end of the case). The periods themselves are dated data in the database
  (`avg.Bewaartermijn`), not in this module.

No Django, no clock: `vandaag` is an argument.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

ANTWOORD_MAANDEN = 1
"""AVG art. 12 lid 3, first sentence: within one month of receipt."""

VERLENGING_MAANDEN = 2
"""AVG art. 12 lid 3, second sentence: extendable by two further months."""


def maanden_later(dag: dt.date, maanden: int) -> dt.date:
    """The same date `maanden` months later; the last day of that month when the date does not
    exist there (31 January + 1 month = 28 or 29 February). Verordening 1182/71 art. 3 lid 2
    onder c."""
    if maanden < 0:
        raise ValueError("Een termijn in maanden is niet negatief.")
    totaal = dag.month - 1 + maanden
    jaar, maand = dag.year + totaal // 12, totaal % 12 + 1
    laatste = calendar.monthrange(jaar, maand)[1]
    return dt.date(jaar, maand, min(dag.day, laatste))


def antwoord_uiterlijk(ontvangen_op: dt.date) -> dt.date:
    """The last day to answer a request under AVG art. 15-22: one month after receipt (AVG
    art. 12 lid 3; Verordening 1182/71 art. 3 lid 2 onder c)."""
    return maanden_later(ontvangen_op, ANTWOORD_MAANDEN)


def verlengd_uiterlijk(ontvangen_op: dt.date) -> dt.date:
    """The last day after the one extension: two further months on top of the first (AVG art.
    12 lid 3, second sentence): three months after receipt."""
    return maanden_later(ontvangen_op, ANTWOORD_MAANDEN + VERLENGING_MAANDEN)


@dataclass(frozen=True)
class Verlenging:
    mag: bool
    reden: str = ""


def verlenging_toegestaan(
    *, ontvangen_op: dt.date, vandaag: dt.date, al_verlengd: bool
) -> Verlenging:
    """Whether the term may still be extended today (AVG art. 12 lid 3): once only, and only
    while the first month runs, because the person must be told within one month of receipt."""
    if al_verlengd:
        return Verlenging(False, "De termijn is al een keer verlengd (AVG art. 12 lid 3).")
    if vandaag > antwoord_uiterlijk(ontvangen_op):
        return Verlenging(
            False,
            "Verlengen kan alleen binnen een maand na ontvangst; die maand is voorbij "
            "(AVG art. 12 lid 3).",
        )
    return Verlenging(True)


@dataclass(frozen=True)
class Termijn:
    """A retention period as the selectielijst writes it (P5Y, P6M, P42D)."""

    jaren: int = 0
    maanden: int = 0
    dagen: int = 0

    def __post_init__(self) -> None:
        if min(self.jaren, self.maanden, self.dagen) < 0:
            raise ValueError("Een bewaartermijn is niet negatief.")

    @property
    def iso(self) -> str:
        """ISO 8601 duration, the notation of the selectielijst (P15Y)."""
        delen = [(self.jaren, "Y"), (self.maanden, "M"), (self.dagen, "D")]
        tekst = "".join(f"{n}{letter}" for n, letter in delen if n)
        return "P" + (tekst or "0D")


def vernietigbaar_vanaf(ingang: dt.date, termijn: Termijn) -> dt.date:
    """The first day a record may be destroyed: the retention period counted from `ingang`
    (the date the selectielijst category names, e.g. the end of the case), whole years and
    months by calendar (Verordening 1182/71 art. 3 lid 2 onder c), then the days. Archiefwet
    1995 art. 3 (records kept in good order) and art. 5 (destruction under a selectielijst)."""
    dag = maanden_later(ingang, termijn.jaren * 12 + termijn.maanden)
    return dag + dt.timedelta(days=termijn.dagen)


def is_vernietigbaar(*, ingang: dt.date | None, termijn: Termijn, vandaag: dt.date) -> bool:
    """Whether the period has run (a record whose term has not started, `ingang` None, never
    is)."""
    return ingang is not None and vernietigbaar_vanaf(ingang, termijn) <= vandaag
