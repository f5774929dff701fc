"""The verdict on one indicator of a policy goal: op koers, aandacht or uit koers.

Pure Python (no Django): a municipal choice, not law. The policy officer sets, per linked
indicator, the baseline (nulmeting; seed 001 L371: "De eerste monitor ... geldt als
nulmeting"), a target per year (streefwaarde) and two thresholds as data: how far behind the
expected value an indicator may be and still be *op koers*, and how far for *aandacht*. Seed 002
gives no baseline or target for any indicator (Bijlage 3, L2191-L2475), so both are the
municipality's input, never invented here.

The rule (docs/decisions/0021-beleid-and-survey.md):

1. The expected value in the year of the latest measurement is the target of that year; between
   the baseline year and the first target year (or between two target years) it lies on the
   straight line between them; after the last target it is the last target.
2. The shortfall is how far the value lies on the wrong side of the expected value (lower when
   higher is better, higher when lower is better); a value on the right side has none.
3. The shortfall is expressed as a percentage of the distance the plan set out to cover
   (|last target - baseline|), or of |target| when there is no baseline, or when baseline and
   target are equal.
4. shortfall <= `op_koers_marge` -> op koers; <= `aandacht_marge` -> aandacht; else uit koers.
   No measurement or no target -> geen oordeel (shown as such, never as on course).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from decimal import Decimal


class Oordeel(enum.StrEnum):
    OP_KOERS = "op_koers"
    AANDACHT = "aandacht"
    UIT_KOERS = "uit_koers"
    GEEN = "geen"

    @property
    def label(self) -> str:
        return {
            "op_koers": "Op koers",
            "aandacht": "Aandacht",
            "uit_koers": "Uit koers",
            "geen": "Geen oordeel",
        }[self.value]


@dataclass(frozen=True)
class Uitkomst:
    oordeel: Oordeel
    verwacht: Decimal | None  # the value expected in the year of the measurement
    achterstand_pct: Decimal | None  # the shortfall as % of the distance to cover
    uitleg: str


def verwachte_waarde(
    jaar: int,
    *,
    streef: dict[int, Decimal],
    basis: Decimal | None = None,
    basisjaar: int | None = None,
) -> Decimal | None:
    """The value expected in `jaar`: the target of that year, else linear between the
    surrounding known points (baseline and targets), the last target after the last target
    year, the first target before any point (no baseline)."""
    punten = dict(streef)
    if basis is not None and basisjaar is not None and basisjaar not in punten:
        punten[basisjaar] = basis
    if not streef:
        return None
    if jaar in punten:
        return punten[jaar]
    jaren = sorted(punten)
    if jaar > jaren[-1]:
        return punten[jaren[-1]]
    if jaar < jaren[0]:
        return punten[jaren[0]]
    voor = max(j for j in jaren if j < jaar)
    na = min(j for j in jaren if j > jaar)
    deel = Decimal(jaar - voor) / Decimal(na - voor)
    return punten[voor] + (punten[na] - punten[voor]) * deel


def beoordeel(
    *,
    waarde: Decimal | None,
    jaar: int | None,
    streef: dict[int, Decimal],
    basis: Decimal | None = None,
    basisjaar: int | None = None,
    hoger_is_beter: bool = True,
    op_koers_marge: Decimal = Decimal("0"),
    aandacht_marge: Decimal = Decimal("10"),
) -> Uitkomst:
    """The verdict for the latest measurement `waarde` in `jaar` (rule above)."""
    if waarde is None or jaar is None:
        return Uitkomst(Oordeel.GEEN, None, None, "Er is nog geen meting.")
    verwacht = verwachte_waarde(jaar, streef=streef, basis=basis, basisjaar=basisjaar)
    if verwacht is None:
        return Uitkomst(Oordeel.GEEN, None, None, "Er is nog geen streefwaarde vastgesteld.")
    laatste = streef[max(streef)]
    if basis is not None and basis != laatste:
        afstand = abs(laatste - basis)
    else:
        afstand = abs(laatste) or Decimal(1)
    tekort = verwacht - waarde if hoger_is_beter else waarde - verwacht
    achterstand = max(Decimal(0), tekort) * 100 / afstand
    achterstand = achterstand.quantize(Decimal("0.1"))
    if achterstand <= op_koers_marge:
        oordeel = Oordeel.OP_KOERS
    elif achterstand <= aandacht_marge:
        oordeel = Oordeel.AANDACHT
    else:
        oordeel = Oordeel.UIT_KOERS
    uitleg = (
        f"Verwacht in {jaar}: {_getal(verwacht)}; gemeten: {_getal(waarde)}; "
        f"achterstand {_getal(achterstand)}% van de af te leggen afstand "
        f"(op koers t/m {_getal(op_koers_marge)}%, aandacht t/m {_getal(aandacht_marge)}%)."
    )
    return Uitkomst(oordeel, verwacht, achterstand, uitleg)


def _getal(waarde: Decimal) -> str:
    tekst = f"{waarde.quantize(Decimal('0.1')):f}"
    if tekst.endswith(".0"):
        tekst = tekst[:-2]
    return tekst.replace(".", ",")
