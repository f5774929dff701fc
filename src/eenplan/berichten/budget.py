"""The budget of the message traffic: what was assigned to a provider in a year (volume ×
contract tariff), and the forecast to the year's end. Plain Python on plain values, so it is
tested on its own; `overzichten.budget_overzicht` feeds it from the database.

Choices (the standard prescribes no budget; these follow its volume rules):

- The volume a toewijzing allows in a year follows the frequency (WMO757/JZ757) like IV077 and
  TR322 count it over a period: per week (2) the number of (partial) ISO calendar weeks of the
  toewijzing within the year (outputgericht: its Sundays, as IV077), per day (1) the days, per
  month (4) the calendar months, and a total within the validity (6) spread over the years in
  proportion to the days (all of it in the first year when the toewijzing is open-ended).
- Time units convert (minuut, uur, dagdeel of 4 uur) when the contract's tariff is per another
  time unit than the toewijzing's volume; other units must be the same, else no amount.
- A toewijzing with a budget (in cents) instead of a volume counts its budget, spread the same
  way as frequency 6.
- The forecast of the current year extrapolates what was approved up to the last month with an
  approved claim to twelve months; a past year's forecast is what was approved, a future year's
  what was assigned.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

MINUTEN = {"01": 1, "04": 60, "16": 240}  # WJ756: minuut, uur, dagdeel (4 uur)


def _venster(ingang: dt.date, eind: dt.date | None, jaar: int) -> tuple[dt.date, dt.date] | None:
    begin = max(ingang, dt.date(jaar, 1, 1))
    einde = min(eind or dt.date(jaar, 12, 31), dt.date(jaar, 12, 31))
    return (begin, einde) if begin <= einde else None


def _deel_van_geheel(
    ingang: dt.date, eind: dt.date | None, jaar: int, venster: tuple[dt.date, dt.date]
) -> Decimal:
    """The share of a 'total within the validity' that falls in ``jaar``."""
    if eind is None:
        return Decimal(1) if ingang.year == jaar else Decimal(0)
    totaal = (eind - ingang).days + 1
    return Decimal((venster[1] - venster[0]).days + 1) / Decimal(totaal)


def jaarvolume(
    *,
    ingang: dt.date,
    eind: dt.date | None,
    volume: int,
    frequentie: str,
    jaar: int,
    variant: str = "inspanningsgericht",
) -> Decimal:
    """The volume a toewijzing allows within calendar year ``jaar`` (see the module)."""
    venster = _venster(ingang, eind, jaar)
    if venster is None:
        return Decimal(0)
    begin, einde = venster
    dagen = [begin + dt.timedelta(days=i) for i in range((einde - begin).days + 1)]
    if frequentie == "1":
        return Decimal(len(dagen) * volume)
    if frequentie == "4":
        return Decimal(len({(d.year, d.month) for d in dagen}) * volume)
    if frequentie == "6":
        return volume * _deel_van_geheel(ingang, eind, jaar, venster)
    if variant == "outputgericht":
        return Decimal(sum(1 for d in dagen if d.weekday() == 6) * volume)
    return Decimal(len({d.isocalendar()[:2] for d in dagen}) * volume)


def omrekenen(volume: Decimal, van: str, naar: str) -> Decimal | None:
    """``volume`` in unit ``van`` expressed in unit ``naar`` (WJ756), or None when they do not
    convert (e.g. stuks to uren)."""
    if van == naar:
        return volume
    if van in MINUTEN and naar in MINUTEN:
        return volume * MINUTEN[van] / MINUTEN[naar]
    return None


def centen(bedrag: Decimal) -> int:
    return int(bedrag.quantize(Decimal(1), rounding=ROUND_HALF_UP))


@dataclass(frozen=True)
class Toegewezen:
    """One toewijzing as the budget needs it."""

    ingang: dt.date
    eind: dt.date | None
    volume: int | None
    eenheid: str
    frequentie: str
    budget: int | None  # cents
    variant: str = "inspanningsgericht"


def toegewezen_bedrag(
    t: Toegewezen, jaar: int, tarief_euro: Decimal | None, tarief_eenheid: str
) -> int | None:
    """What a toewijzing assigns in ``jaar`` in cents, or None when it cannot be priced (no
    contract tariff, or units that do not convert)."""
    if t.volume is None:
        if t.budget is None:
            return None
        venster = _venster(t.ingang, t.eind, jaar)
        if venster is None:
            return 0
        return centen(t.budget * _deel_van_geheel(t.ingang, t.eind, jaar, venster))
    if tarief_euro is None:
        return None
    volume = jaarvolume(
        ingang=t.ingang,
        eind=t.eind,
        volume=t.volume,
        frequentie=t.frequentie,
        jaar=jaar,
        variant=t.variant,
    )
    in_tariefeenheid = omrekenen(volume, t.eenheid, tarief_eenheid)
    if in_tariefeenheid is None:
        return None
    return centen(in_tariefeenheid * tarief_euro * 100)


def prognose(
    *, goedgekeurd: int, laatste_maand: int | None, jaar: int, vandaag: dt.date, toegewezen: int
) -> int:
    """The expected approved amount at the end of ``jaar`` (cents): see the module.
    ``laatste_maand``: the last month (1-12) of ``jaar`` with an approved claim."""
    if jaar < vandaag.year:
        return goedgekeurd
    if jaar > vandaag.year or not laatste_maand:
        return toegewezen if jaar > vandaag.year else goedgekeurd
    return centen(Decimal(goedgekeurd) * 12 / laatste_maand)
