"""Rules for maatwerk: PGB conditions and ceiling, ZIN/PGB overlap (OP043), volume, bezwaar.

Sources:
- Wmo 2015 art. 2.3.6 lid 2 onder a-c: a PGB only when the client (or representative) can
  manage it (a), takes the reasoned view that the contracted maatwerkvoorziening does not suit
  (b), and quality is assured (c); lid 5 onder a (with the verordening, art.
  2.1.3 lid 2 onder b): the budget is at most the cost of the cheapest adequate provision
  in kind (seed 003 L4027-4270; seed 000 L652-726).
- Jeugdwet art. 8.1.1 lid 2: the same three conditions for youth: (a) the youth or the parents
  can manage the budget, (b) they take the reasoned view that the help in kind the municipality
  offers does not suit them ("zich gemotiveerd op het standpunt stellen dat zij de individuele
  voorziening ... niet passend achten"), (c) quality is assured. There is no further condition
  that no suitable help in kind exists; the reasoned view of onder b is the condition.
- iWmo/iJw 3.2 bedrijfsregel OP043: no assignment in kind and a PGB for the same product in
  overlapping periods.
- Awb art. 6:7, 6:8, 6:9 lid 1 en 2: the objection term and when an objection is on time;
  art. 6:11: a late objection is admissible when the lateness is excusable.
- Awb art. 9:11 lid 1-3: the term for handling a klacht (in ``termijnen``).
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from eenplan.rules import termijnen
from eenplan.rules.termijnen import GelijkgesteldeDag, bezwaar_uiterlijk

CENT = Decimal("0.01")


class Leveringsvorm(enum.StrEnum):
    ZIN = "zin"
    PGB = "pgb"


@dataclass(frozen=True)
class PgbToets:
    """The three PGB conditions (Wmo 2015 art. 2.3.6 lid 2; Jeugdwet art. 8.1.1 lid 2).

    ``motivering`` is the reasoned view of onder b: why the help in kind on offer does not suit.
    ``geen_passende_zin`` and ``reden_geen_zin`` are extra facts a municipality may record (for
    example a waiting list); they are not a legal condition and do not block a PGB."""

    kan_beheren: bool
    motivering: str
    kwaliteit_geborgd: bool
    geen_passende_zin: bool | None = None
    reden_geen_zin: str = ""


def pgb_bezwaren(toets: PgbToets, *, wet: str) -> list[str]:
    """Why a PGB may not be granted, in Dutch; empty when all conditions hold: the budget can
    be managed (onder a), the resident or for youth the parents take the reasoned view that the
    help in kind on offer does not suit (onder b), quality is assured (onder c) (Wmo 2015
    art. 2.3.6 lid 2; Jeugdwet art. 8.1.1 lid 2)."""
    jeugd = wet == "jeugd"
    artikel = "Jeugdwet art. 8.1.1 lid 2" if jeugd else "Wmo 2015 art. 2.3.6 lid 2"
    missing = []
    if not toets.kan_beheren:
        wie = (
            "De jeugdige of de ouders kunnen" if jeugd else "De inwoner (of vertegenwoordiger) kan"
        )
        missing.append(f"{wie} het budget niet zelf beheren ({artikel} onder a).")
    if not toets.motivering.strip():
        if jeugd:
            missing.append(
                "Jeugdwet: de ouders (of de jeugdige) hebben niet gemotiveerd waarom de "
                f"aangeboden hulp in natura niet passend is ({artikel} onder b)."
            )
        else:
            missing.append(
                "De inwoner heeft niet gemotiveerd waarom de aangeboden maatwerkvoorziening in "
                f"natura niet passend is ({artikel} onder b)."
            )
    if not toets.kwaliteit_geborgd:
        missing.append(f"De kwaliteit van de ingekochte hulp is niet geborgd ({artikel} onder c).")
    return missing


@dataclass(frozen=True)
class PgbBudget:
    budget: Decimal
    gevraagd: Decimal
    zelf_te_betalen: Decimal
    plafond_tarief: Decimal


def pgb_budget(
    *, omvang: Decimal, zin_tarieven: Iterable[Decimal], gevraagd_tarief: Decimal
) -> PgbBudget:
    """The budget for `omvang` units: the requested tariff, but at most the tariff of the
    cheapest adequate ZIN provision (Wmo 2015 art. 2.3.6 lid 5 onder a; the amount is set in
    the verordening, art. 2.1.3 lid 2 onder b); the difference is for the
    resident."""
    tarieven = sorted(zin_tarieven)
    if not tarieven:
        raise ValueError("Er is geen tarief voor zorg in natura om het pgb aan te toetsen.")
    if omvang <= 0:
        raise ValueError("De omvang moet groter zijn dan nul.")
    plafond = tarieven[0]
    gevraagd = (omvang * gevraagd_tarief).quantize(CENT, rounding=ROUND_HALF_UP)
    budget = (omvang * min(plafond, gevraagd_tarief)).quantize(CENT, rounding=ROUND_HALF_UP)
    return PgbBudget(
        budget=budget, gevraagd=gevraagd, zelf_te_betalen=gevraagd - budget, plafond_tarief=plafond
    )


@dataclass(frozen=True)
class Levering:
    """A decided provision: product, form and period (einde None: open-ended)."""

    productcode: str
    leveringsvorm: Leveringsvorm
    begin: dt.date
    einde: dt.date | None


def overlapt(a: Levering, b: Levering) -> bool:
    a_einde = a.einde or dt.date.max
    b_einde = b.einde or dt.date.max
    return a.begin <= b_einde and b.begin <= a_einde


def op043_conflicten(nieuw: Levering, bestaand: Iterable[Levering]) -> list[Levering]:
    """Existing provisions that clash with `nieuw` under iWmo OP043: the same product in kind
    and as PGB in overlapping periods."""
    return [
        b
        for b in bestaand
        if b.productcode == nieuw.productcode
        and b.leveringsvorm != nieuw.leveringsvorm
        and overlapt(b, nieuw)
    ]


def periode_fouten(*, begin: dt.date, einde: dt.date | None, omvang: Decimal) -> list[str]:
    """Plain checks on a decided provision: the end not before the start, a positive volume."""
    errors = []
    if einde is not None and einde < begin:
        errors.append("De einddatum ligt vóór de begindatum.")
    if omvang <= 0:
        errors.append("De omvang moet groter zijn dan nul.")
    return errors


class Ontvankelijkheid(enum.StrEnum):
    TIJDIG = "tijdig"
    TE_LAAT = "te_laat"
    TE_LAAT_VERSCHOONBAAR = "te_laat_verschoonbaar"


def bezwaar_tijdigheid(
    *,
    beschikking_verzonden: dt.date,
    ontvangen_op: dt.date,
    ter_post_bezorgd_op: dt.date | None = None,
    verschoonbaar: bool = False,
    extra: Iterable[GelijkgesteldeDag] | None = None,
) -> Ontvankelijkheid:
    """Whether an objection is on time (Awb art. 6:7, 6:8 lid 1, 6:9): received within the
    term, or posted within it and received at most a week after it ended. Otherwise late;
    admissible anyway when the lateness is excusable (art. 6:11)."""
    uiterlijk = bezwaar_uiterlijk(beschikking_verzonden, extra=extra)
    if ontvangen_op <= uiterlijk:
        return Ontvankelijkheid.TIJDIG
    if (
        ter_post_bezorgd_op is not None
        and ter_post_bezorgd_op <= uiterlijk
        and ontvangen_op <= uiterlijk + dt.timedelta(weeks=1)
    ):
        return Ontvankelijkheid.TIJDIG
    return Ontvankelijkheid.TE_LAAT_VERSCHOONBAAR if verschoonbaar else Ontvankelijkheid.TE_LAAT


def klacht_afhandelen_uiterlijk(
    ontvangen_op: dt.date,
    *,
    commissie: bool = False,
    verdaagd: bool = False,
    verder_uitgesteld_tot: dt.date | None = None,
    extra: Iterable[GelijkgesteldeDag] | None = None,
) -> dt.date:
    """A complaint is handled within six weeks, or ten when a person or committee advises
    (afdeling 9.1.3), postponed by at most four weeks and further only with the complainant's
    consent (Awb art. 9:11 lid 1-3); see ``termijnen.klacht_afhandelen_uiterlijk``."""
    return termijnen.klacht_afhandelen_uiterlijk(
        ontvangen_op,
        advies=commissie,
        verdaagd=verdaagd,
        verder_uitgesteld_tot=verder_uitgesteld_tot,
        extra=extra,
    )
