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
  the expiry of the last day of that month. Art. 3 lid 4: when the last day of a period not
  expressed in hours is a holiday, a Sunday or a Saturday, the period ends with the expiry of
  the last hour of the following working day; the holidays are those designated in the member
  state where the act must be done (art. 2 lid 1): the Dutch general holidays, as
  `rules.termijnen.is_werkdag` knows them with the declared equal days. (EDPB Guidelines
  01/2022 on the right of access apply Verordening 1182/71 to the term of art. 12 lid 3.) The
  Algemene termijnenwet (a Dutch law for Dutch statutory terms) is not applied to this
  Union-law term; it moves the Jeugdwet's own term of art. 7.3.9 the same way (Atw art. 1).
- Jeugdwet art. 7.3.9 and Wmo 2015 art. 5.3.5 (destruction at the resident's request, before
  the retention period of Jeugdwet art. 7.3.8 lid 3 or Wmo 2015 art. 5.3.4 lid 1 ends): dated
  data with its source in ``rules/data/avg.json`` (`recht_op_vernietiging`,
  `vernietigen_uiterlijk`, `vernietigen_uiterlijk_voor`).
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
import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from eenplan.rules.termijnen import GelijkgesteldeDag, termijn_einde, werkdag_of_volgende

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


def antwoord_uiterlijk(
    ontvangen_op: dt.date, *, extra: Iterable[GelijkgesteldeDag] | None = None
) -> dt.date:
    """The last day to answer a request under AVG art. 15-22: one month after receipt (AVG
    art. 12 lid 3; Verordening 1182/71 art. 3 lid 2 onder c), on a Saturday, Sunday or holiday
    the following working day (art. 3 lid 4)."""
    return werkdag_of_volgende(maanden_later(ontvangen_op, ANTWOORD_MAANDEN), extra=extra)


def verlengd_uiterlijk(
    ontvangen_op: dt.date, *, extra: Iterable[GelijkgesteldeDag] | None = None
) -> dt.date:
    """The last day after the one extension: two further months on top of the first (AVG art.
    12 lid 3, second sentence): three months after receipt, on a Saturday, Sunday or holiday
    the following working day (Verordening 1182/71 art. 3 lid 4)."""
    return werkdag_of_volgende(
        maanden_later(ontvangen_op, ANTWOORD_MAANDEN + VERLENGING_MAANDEN), extra=extra
    )


@dataclass(frozen=True)
class Verlenging:
    mag: bool
    reden: str = ""


def verlenging_toegestaan(
    *, ontvangen_op: dt.date, vandaag: dt.date, al_verlengd: bool,
    extra: Iterable[GelijkgesteldeDag] | None = None,
) -> Verlenging:
    """Whether the term may still be extended today (AVG art. 12 lid 3): once only, and only
    while the first month runs (`antwoord_uiterlijk`), because the person must be told within
    one month of receipt."""
    if al_verlengd:
        return Verlenging(False, "De termijn is al een keer verlengd (AVG art. 12 lid 3).")
    if vandaag > antwoord_uiterlijk(ontvangen_op, extra=extra):
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


# --- destruction at the resident's request ---------------------------------------------------


@dataclass(frozen=True)
class RechtOpVernietiging:
    """A law's right to have records destroyed on request before their retention period ends,
    in the version that applies to requests received from `geldig_vanaf` (rules/data/avg.json)."""

    wet: str
    geldig_vanaf: dt.date
    artikel: str
    termijn_maanden: int | None  # the law's own term after the request; None: AVG art. 12 lid 3
    uitzondering: str
    bron: str


@lru_cache(maxsize=1)
def _rechten() -> tuple[RechtOpVernietiging, ...]:
    tekst = resources.files("eenplan.rules.data").joinpath("avg.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(tekst)
    rijen = data.get("vernietiging_op_verzoek")
    if not isinstance(rijen, list) or not rijen:
        raise ValueError("avg.json: 'vernietiging_op_verzoek' ontbreekt.")
    uit = []
    for rij in rijen:
        if not str(rij.get("bron", "")).strip():
            raise ValueError("avg.json: een rij van 'vernietiging_op_verzoek' heeft geen bron.")
        termijn = rij.get("termijn_maanden")
        if termijn is not None and (not isinstance(termijn, int) or termijn < 1):
            raise ValueError("avg.json: 'termijn_maanden' is een positief geheel getal of null.")
        uit.append(
            RechtOpVernietiging(
                wet=str(rij["wet"]),
                geldig_vanaf=dt.date.fromisoformat(str(rij["geldig_vanaf"])),
                artikel=str(rij["artikel"]),
                termijn_maanden=termijn,
                uitzondering=str(rij["uitzondering"]),
                bron=str(rij["bron"]),
            )
        )
    return tuple(sorted(uit, key=lambda r: (r.wet, r.geldig_vanaf)))


def wetten_met_recht_op_vernietiging() -> frozenset[str]:
    """The laws (`common.constants.Wet` values) whose records a resident may have destroyed on
    request: the Jeugdwet (art. 7.3.9) and the Wmo 2015 (art. 5.3.5)."""
    return frozenset(r.wet for r in _rechten())


def recht_op_vernietiging(wet: str, ontvangen_op: dt.date) -> RechtOpVernietiging | None:
    """The version of the right to destruction on request under `wet` for a request received on
    `ontvangen_op` (the latest `geldig_vanaf` on or before it), or None when that law gives
    none in eenplan's data. Jeugdwet art. 7.3.9 lid 1: the jeugdhulpverlener destroys the data
    of the dossier at the request of the betrokkene; lid 2: not for data whose keeping is
    reasonably plausibly of considerable importance to someone else, nor where the law forbids
    destruction (Rb. Noord-Holland 21-05-2021, ECLI:NL:RBNHO:2021:4235: also the municipality,
    also within the 20 years of art. 7.3.8 lid 3). Wmo 2015 art. 5.3.5 lid 1: the college
    destroys the personal data it holds under the Wmo about the person within three months of
    their written request; lid 2 the same exceptions; lid 3 and 4: not at the request of a
    child under twelve (or a minor who cannot reasonably judge their interests), whose legal
    representative may ask instead."""
    gevonden = None
    for recht in _rechten():
        if recht.wet == wet and recht.geldig_vanaf <= ontvangen_op:
            gevonden = recht
    return gevonden


def vernietigen_uiterlijk(
    ontvangen_op: dt.date, recht: RechtOpVernietiging, *, verlengd: bool = False,
    extra: Iterable[GelijkgesteldeDag] | None = None,
) -> dt.date:
    """The last day to destroy after a request under `recht`: the law's own term when it has one
    (Jeugdwet art. 7.3.9 lid 1 until its change: three months after the request; moved to the
    next working day by Algemene termijnenwet art. 1 lid 1), else the answer term of AVG art.
    12 lid 3 (one month, three when extended once; Verordening 1182/71 art. 3 lid 4)."""
    if recht.termijn_maanden is not None:  # a Dutch statutory term: the Atw as for any other
        return termijn_einde(ontvangen_op, maanden=recht.termijn_maanden, extra=extra)
    if verlengd:
        return verlengd_uiterlijk(ontvangen_op, extra=extra)
    return antwoord_uiterlijk(ontvangen_op, extra=extra)


def vernietigen_uiterlijk_voor(
    ontvangen_op: dt.date, *, verlengd: bool = False,
    extra: Iterable[GelijkgesteldeDag] | None = None,
) -> dt.date | None:
    """The last day to destroy after a request received on `ontvangen_op` that covers the
    records of every law with a right (`vernietigen_uiterlijk` per law): the earliest of them,
    so no law's term is missed (a request of March 2026: the Jeugdwet's answer term of one month
    comes before the Wmo's three months). None when no law gives a right on that day."""
    dagen = [
        vernietigen_uiterlijk(ontvangen_op, recht, verlengd=verlengd, extra=extra)
        for wet in sorted(wetten_met_recht_op_vernietiging())
        if (recht := recht_op_vernietiging(wet, ontvangen_op)) is not None
    ]
    return min(dagen) if dagen else None
