"""Small-cell suppression (docs/sturing.md, "Onderdrukking"): no indicator page, export or API
answer may single out a person. Plain Python over cells that are already aggregated.

The rule, applied to every cell (a total, a row of a table, a period of a trend):

1. **Primary.** A cell about 1 to 4 units (persons, or households for a household indicator) is
   not shown; nor is a share or rate whose numerator counts 1 to 4 persons, or whose
   denominator does when it differs from the units (a survey share over those who gave a
   score, of a group of respondents). Zero is shown.
2. **Complementary.** When a table shows its total and exactly one row is suppressed by rule 1,
   the smallest other row that is not zero is suppressed too, so the total minus the shown rows
   does not give the hidden one away.
3. **Differencing between filters.** A cell selected with filters is also suppressed when,
   for any one of its filters, the same cell without that filter differs from it by 1 to 4
   units (or numerator persons): otherwise "wijk A" minus "wijk A and 18-64" gives the others.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from decimal import Decimal

DREMPEL = 5
"""Cells about fewer than this many units are suppressed (CBS practice for small counts)."""


@dataclass(frozen=True)
class Cel:
    """One aggregated cell. `eenheden`: the units it is about (persons, households, or a
    record per unknown person); `teller`: the numerator of a share or rate (persons)."""

    sleutel: str
    label: str
    eenheden: int
    teller: int | None
    waarde: Decimal | None
    onderdrukt: bool = False
    # The denominator of a share when it is not the units (respondents who gave a score).
    noemer: int | None = None

    @property
    def toonbaar(self) -> bool:
        return not self.onderdrukt and self.waarde is not None


def klein(aantal: int | None) -> bool:
    """1 to 4: too few to show (0 is shown: nobody is singled out by it)."""
    return aantal is not None and 0 < aantal < DREMPEL


def primair(cel: Cel) -> Cel:
    """Rule 1."""
    if klein(cel.eenheden) or klein(cel.teller) or klein(cel.noemer):
        return replace(cel, onderdrukt=True, waarde=None)
    return cel


def verschil_klein(cel: Cel, ouder: Cel | None) -> bool:
    """Rule 3 for one dropped filter: the complement within the parent cell is small."""
    if ouder is None:
        return False
    if klein(ouder.eenheden - cel.eenheden):
        return True
    if cel.teller is not None and ouder.teller is not None and klein(ouder.teller - cel.teller):
        return True
    if cel.noemer is not None and ouder.noemer is not None:
        return klein(ouder.noemer - cel.noemer)
    return False


def onderdruk(
    totaal: Cel,
    rijen: Iterable[Cel],
    *,
    ouders_totaal: Iterable[Cel | None] = (),
    ouders_rijen: Iterable[Mapping[str, Cel]] = (),
) -> tuple[Cel, list[Cel]]:
    """Apply the three rules to a total and its rows. `ouders_*`: for each filter in use, the
    total and the rows (by key) computed without that filter."""
    ouders_totaal = list(ouders_totaal)
    ouders_rijen = list(ouders_rijen)
    totaal = primair(totaal)
    if any(verschil_klein(totaal, o) for o in ouders_totaal):
        totaal = replace(totaal, onderdrukt=True, waarde=None)
    uit: list[Cel] = []
    for rij in rijen:
        rij = primair(rij)
        if not rij.onderdrukt and any(
            verschil_klein(rij, ouder.get(rij.sleutel)) for ouder in ouders_rijen
        ):
            rij = replace(rij, onderdrukt=True, waarde=None)
        uit.append(rij)
    if totaal.onderdrukt:
        return totaal, [replace(r, onderdrukt=True, waarde=None) for r in uit]
    verborgen = [r for r in uit if r.onderdrukt]
    if len(verborgen) == 1:
        kandidaten = [r for r in uit if not r.onderdrukt and r.eenheden > 0]
        if kandidaten:
            kleinste = min(kandidaten, key=lambda r: (r.eenheden, r.sleutel))
            uit = [replace(r, onderdrukt=True, waarde=None) if r is kleinste else r for r in uit]
    return totaal, uit
