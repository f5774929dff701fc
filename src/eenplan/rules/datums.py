"""Plausible dates: one range per kind of date, declared once as data.

A date far outside what can be true is nearly always a typing or parsing error (0001-01-01,
9999-12-31, 20-05-0202) or hostile input. Left in, it turns a legal deadline into nonsense, a
resident into a 2,000-year-old, or a worklist order upside down; some rules (the Algemene
termijnenwet holidays, from 1990) cannot compute with it at all. So every date a service
receives is checked against the range of its kind (`eenplan.common.datums.datums_check`), for
pages and API alike, before anything is written or computed.

The ranges are deliberately wide: they refuse the impossible, not the unusual. Stricter rules
of one service (for example "a klacht cannot be received in the future") stay in that service.
Today is an argument, as everywhere in `rules`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

WMO_2015_START = dt.date(2015, 1, 1)
"""The Wmo 2015 and the Jeugdwet took effect on 1 January 2015 (Stb. 2014, 280 and Stb. 2014,
105); the Participatiewet on the same day (Stb. 2014, 270)."""


def _datum(dag: dt.date) -> str:
    return f"{dag.day:02d}-{dag.month:02d}-{dag.year:04d}"


@dataclass(frozen=True)
class Datumbereik:
    """Dates from `vanaf` up to and including `dagen_vooruit` days after today."""

    naam: str
    vanaf: dt.date
    dagen_vooruit: int
    toelichting: str

    def tot_en_met(self, vandaag: dt.date) -> dt.date:
        """The last plausible date, seen from `vandaag`."""
        if vandaag > dt.date.max - dt.timedelta(days=self.dagen_vooruit):
            return dt.date.max
        return vandaag + dt.timedelta(days=self.dagen_vooruit)

    def bevat(self, dag: dt.date, *, vandaag: dt.date) -> bool:
        return self.vanaf <= dag <= self.tot_en_met(vandaag)

    def fout(self, dag: dt.date, *, vandaag: dt.date) -> str | None:
        """None when `dag` is plausible, else the Dutch message for the user."""
        if self.bevat(dag, vandaag=vandaag):
            return None
        return (
            f"{_datum(dag)} is geen mogelijke {self.naam}: kies een datum van "
            f"{_datum(self.vanaf)} tot en met {_datum(self.tot_en_met(vandaag))} "
            f"({self.toelichting})."
        )


GEBOORTEDATUM = Datumbereik(
    naam="geboortedatum",
    vanaf=dt.date(1900, 1, 1),
    dagen_vooruit=0,
    toelichting="niemand die nu leeft is eerder geboren, en niemand later dan vandaag",
)
"""Birth dates of residents: from 1900 to today.

The oldest person ever recorded in the Netherlands reached 115; 1900 leaves room for every
living resident with decades to spare. A birth date after today is impossible: the BRP registers
a person after birth, and eenplan has no dossiers of the unborn (a pregnancy is recorded on the
mother's melding, not as a resident)."""

LEVENSLOOP = Datumbereik(
    naam="datum",
    vanaf=dt.date(1900, 1, 1),
    dagen_vooruit=366,
    toelichting="een datum uit het leven van de inwoner, hoogstens een jaar vooruit",
)
"""Dates in a resident's life that predate eenplan: joining or leaving a household, a network
person since/until: from 1900 (no one was living together before they were born) to a year
ahead (a move or a care arrangement that is already agreed may be recorded in advance)."""

GEBEURTENIS = Datumbereik(
    naam="datum",
    vanaf=WMO_2015_START,
    dagen_vooruit=31,
    toelichting="niet van vóór de Wmo 2015 en Jeugdwet, hoogstens een maand vooruit",
)
"""Legal events: a melding, aanvraag, beschikking (decided, sent), bezwaar, klacht, a
suspension, a conversation, a signature, a received reaction: from 1 January 2015, when the Wmo
2015 and the Jeugdwet took effect (nothing eenplan records under these laws can be older; older
indications enter as `Overgangsrecht`), to a month after today. The month allows a letter
dated for the next post run or a suspension entered in advance; it also absorbs a wrong clock or
time zone. The deadline rules count holidays from 1990, so every event in range can get its
legal term."""

PLANNING = Datumbereik(
    naam="datum",
    vanaf=WMO_2015_START,
    dagen_vooruit=3653,
    toelichting="niet van vóór de Wmo 2015, hoogstens tien jaar vooruit",
)
"""Planning dates: an evaluation of a goal, an action's deadline, the begin, end or review of a
provision, a tariff's start, an old indication's end: from 1 January 2015 to ten years ahead. A
longer horizon is no plan: the seed municipalities grant indications of at most five years for
lasting needs and review every plan at least once a year, so ten years leaves room to spare and
refuses 9999-12-31."""

BEREIKEN: tuple[Datumbereik, ...] = (GEBOORTEDATUM, LEVENSLOOP, GEBEURTENIS, PLANNING)
