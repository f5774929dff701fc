"""Eigen bijdrage (Wmo) and ouderbijdrage (Jeugdwet), pure and in Decimal.

Sources:
- Wmo 2015 art. 2.1.4 lid 1-4: the municipality may ask a contribution for maatwerk and some
  algemene voorzieningen; never more than the cost price (lid 3).
- Uitvoeringsbesluit Wmo 2015 art. 3.8 (abonnementstarief, since 2019 one amount per
  household per period regardless of the number of provisions; married or partnered clients
  of whom at least one has not reached the AOW age pay nothing, the "partnervrijstelling");
  beschermd wonen keeps an income-dependent contribution and opvang is collected by the
  municipality itself (art. 3.1-3.7; seed 000 L1120-1175; seed 003 L3711-3873).
- Algemene Ouderdomswet art. 7a: the AOW age per year.
- Jeugdwet art. 8.2.1 (ouderbijdrage), abolished with effect from 1 January 2016
  (Stb. 2017, 64).

Amounts are dated data with their source (never literals in the calculation); a municipality
adds later years as data once verified at the source.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Protocol, TypeVar

CENT = Decimal("0.01")


class Periode(enum.StrEnum):
    VIER_WEKEN = "4 weken"
    MAAND = "maand"


@dataclass(frozen=True)
class Abonnementstarief:
    geldig_vanaf: dt.date
    bedrag: Decimal
    periode: Periode
    bron: str


# Uitvoeringsbesluit Wmo 2015 art. 3.8 lid 1 (bedrag per jaar).
ABONNEMENTSTARIEVEN: tuple[Abonnementstarief, ...] = (
    Abonnementstarief(
        dt.date(2019, 1, 1),
        Decimal("17.50"),
        Periode.VIER_WEKEN,
        "Uitvoeringsbesluit Wmo 2015 art. 3.8 (Stb. 2018, 514): € 17,50 per 4 weken",
    ),
    Abonnementstarief(
        dt.date(2020, 1, 1),
        Decimal("19.00"),
        Periode.MAAND,
        "Uitvoeringsbesluit Wmo 2015 art. 3.8 (per 2020): € 19 per maand",
    ),
    Abonnementstarief(
        dt.date(2024, 1, 1),
        Decimal("20.60"),
        Periode.MAAND,
        "Uitvoeringsbesluit Wmo 2015 art. 3.8 (geïndexeerd 2024): € 20,60 per maand",
    ),
)


@dataclass(frozen=True)
class AowLeeftijd:
    geldig_vanaf: dt.date
    jaren: int
    maanden: int
    bron: str


# Algemene Ouderdomswet art. 7a: the AOW age in each calendar year.
AOW_LEEFTIJDEN: tuple[AowLeeftijd, ...] = (
    AowLeeftijd(dt.date(2019, 1, 1), 66, 4, "Algemene Ouderdomswet art. 7a (2019-2021)"),
    AowLeeftijd(dt.date(2022, 1, 1), 66, 7, "Algemene Ouderdomswet art. 7a (2022)"),
    AowLeeftijd(dt.date(2023, 1, 1), 66, 10, "Algemene Ouderdomswet art. 7a (2023)"),
    AowLeeftijd(dt.date(2024, 1, 1), 67, 0, "Algemene Ouderdomswet art. 7a (2024-2027)"),
    AowLeeftijd(dt.date(2028, 1, 1), 67, 3, "Algemene Ouderdomswet art. 7a (2028)"),
)


class Soort(enum.StrEnum):
    """How a provision's contribution works (Uitvoeringsbesluit Wmo 2015 art. 3.1-3.8)."""

    ABONNEMENT = "abonnement"  # maatwerk (ZIN/PGB) and algemene voorzieningen with a contribution
    BESCHERMD_WONEN = "beschermd_wonen"  # income-dependent, via the CAK
    OPVANG = "opvang"  # collected by the municipality itself
    GEEN = "geen"  # exempt by the municipality's choice (verordening)


@dataclass(frozen=True)
class Levering:
    """One provision the household receives in the period."""

    omschrijving: str
    soort: Soort
    kostprijs_per_maand: Decimal


@dataclass(frozen=True)
class Persoon:
    geboortedatum: dt.date


@dataclass(frozen=True)
class Uitkomst:
    bedrag_per_maand: Decimal
    toelichting: tuple[str, ...]
    via_cak: bool
    tarief: Abonnementstarief | None


class _Gedateerd(Protocol):
    @property
    def geldig_vanaf(self) -> dt.date: ...


_G = TypeVar("_G", bound=_Gedateerd)


def _geldend(items: Sequence[_G], op: dt.date, wat: str) -> _G:
    """The item in force on `op`: the latest `geldig_vanaf` on or before it."""
    candidates = [i for i in items if i.geldig_vanaf <= op]
    if not candidates:
        raise ValueError(f"Geen {wat} bekend voor {op:%d-%m-%Y}; voer het in als gegeven.")
    return max(candidates, key=lambda i: i.geldig_vanaf)


def abonnementstarief(
    op: dt.date, tarieven: Sequence[Abonnementstarief] = ABONNEMENTSTARIEVEN
) -> Abonnementstarief:
    """The abonnementstarief in force on `op` (Uitvoeringsbesluit Wmo 2015 art. 3.8)."""
    return _geldend(tarieven, op, "abonnementstarief")


def _plus(geboren: dt.date, jaren: int, maanden: int) -> dt.date:
    maand = geboren.month - 1 + maanden
    jaar = geboren.year + jaren + maand // 12
    maand = maand % 12 + 1
    laatste = (dt.date(jaar + (maand == 12), maand % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(jaar, maand, min(geboren.day, laatste))


def aow_datum(persoon: Persoon, tabel: Sequence[AowLeeftijd] = AOW_LEEFTIJDEN) -> dt.date:
    """The day the person reaches the AOW age: the age that applies in the year it is reached
    (Algemene Ouderdomswet art. 7a)."""
    ordered = sorted(tabel, key=lambda r: r.geldig_vanaf)
    for index, regel in enumerate(ordered):
        datum = _plus(persoon.geboortedatum, regel.jaren, regel.maanden)
        volgende = ordered[index + 1].geldig_vanaf if index + 1 < len(ordered) else dt.date.max
        if datum < volgende and (datum >= regel.geldig_vanaf or index == 0):
            return datum
    return _plus(persoon.geboortedatum, ordered[-1].jaren, ordered[-1].maanden)


def aow_bereikt(
    persoon: Persoon, op: dt.date, tabel: Sequence[AowLeeftijd] = AOW_LEEFTIJDEN
) -> bool:
    """Whether the person has reached the AOW age on `op` (Algemene Ouderdomswet art. 7a)."""
    return op >= aow_datum(persoon, tabel)


def per_maand(tarief: Abonnementstarief) -> Decimal:
    """A 4-weekly amount as a monthly amount (13 periods a year / 12 months)."""
    if tarief.periode == Periode.MAAND:
        return tarief.bedrag
    return (tarief.bedrag * 13 / 12).quantize(CENT, rounding=ROUND_HALF_UP)


def eigen_bijdrage(
    leveringen: Iterable[Levering],
    *,
    clienten: Sequence[Persoon],
    gehuwd_of_partner: bool,
    op: dt.date,
    tarieven: Sequence[Abonnementstarief] = ABONNEMENTSTARIEVEN,
    aow_tabel: Sequence[AowLeeftijd] = AOW_LEEFTIJDEN,
) -> Uitkomst:
    """The household's Wmo contribution per month on `op`.

    One abonnementstarief per household, however many provisions (the stapeling is shown in
    `toelichting`), never more than the total cost price of the provisions it covers
    (Wmo 2015 art. 2.1.4 lid 3); nothing for married or partnered clients of whom at least one has
    not reached the AOW age (Uitvoeringsbesluit art. 3.8, partnervrijstelling). Beschermd
    wonen and opvang follow their own route and are not part of the abonnement.
    """
    leveringen = list(leveringen)
    toelichting: list[str] = []
    abonnement = [lev for lev in leveringen if lev.soort == Soort.ABONNEMENT]
    for lev in leveringen:
        if lev.soort == Soort.BESCHERMD_WONEN:
            toelichting.append(
                f"{lev.omschrijving}: inkomensafhankelijke bijdrage via het CAK "
                "(geen abonnementstarief)."
            )
        elif lev.soort == Soort.OPVANG:
            toelichting.append(f"{lev.omschrijving}: bijdrage wordt door de gemeente zelf geïnd.")
        elif lev.soort == Soort.GEEN:
            toelichting.append(f"{lev.omschrijving}: geen eigen bijdrage (keuze van de gemeente).")
    if not abonnement:
        return Uitkomst(Decimal("0.00"), tuple(toelichting), via_cak=False, tarief=None)
    tarief = abonnementstarief(op, tarieven)
    if gehuwd_of_partner and any(not aow_bereikt(p, op, aow_tabel) for p in clienten):
        toelichting.append(
            "Geen eigen bijdrage: gehuwd of samenwonend en ten minste één partner "
            "heeft de AOW-leeftijd nog niet bereikt (Uitvoeringsbesluit Wmo 2015 "
            "art. 3.8, partnervrijstelling)."
        )
        return Uitkomst(Decimal("0.00"), tuple(toelichting), via_cak=False, tarief=tarief)
    maandtarief = per_maand(tarief)
    kostprijs = sum((lev.kostprijs_per_maand for lev in abonnement), Decimal("0"))
    bedrag = min(maandtarief, kostprijs).quantize(CENT, rounding=ROUND_HALF_UP)
    if len(abonnement) > 1:
        toelichting.append(
            f"{len(abonnement)} voorzieningen, één abonnementstarief per "
            "huishouden: " + ", ".join(lev.omschrijving for lev in abonnement) + "."
        )
    if bedrag < maandtarief:
        toelichting.append(
            f"Niet meer dan de kostprijs (€ {kostprijs:.2f} per maand; Wmo 2015 art. 2.1.4 lid 3)."
        )
    toelichting.append(f"Abonnementstarief: {tarief.bron}.")
    return Uitkomst(bedrag, tuple(toelichting), via_cak=True, tarief=tarief)


OUDERBIJDRAGE_AFGESCHAFT = dt.date(2016, 1, 1)


class Uitzondering(enum.StrEnum):
    """Exemptions from the ouderbijdrage under the old rule (seed 003 L3738-3831)."""

    ADOPTIE = "adoptie"
    GEZAG_ONTNOMEN = "gezag_ontnomen"
    SPOEDPLAATSING = "spoedplaatsing"


def ouderbijdrage_verschuldigd(
    *,
    verblijf_buiten_gezin: bool,
    periode_begin: dt.date,
    uitzonderingen: Iterable[Uitzondering] = (),
) -> bool:
    """Whether an ouderbijdrage is owed for a period starting on `periode_begin`.

    Jeugdwet art. 8.2.1 (old): only for youth staying outside the family, not after adoption,
    loss of custody or an emergency placement. Abolished from 1 January 2016 with retroactive
    effect (Stb. 2017, 64): for any period from 2016 on the answer is always False."""
    if periode_begin >= OUDERBIJDRAGE_AFGESCHAFT:
        return False
    return verblijf_buiten_gezin and not list(uitzonderingen)
