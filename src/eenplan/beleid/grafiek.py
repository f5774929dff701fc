"""Coordinates of the small trend chart of a linked indicator (server-rendered SVG): the
measured values as a line with dots, the expected path from baseline to targets as a dashed
line (the target line), suppressed periods as gaps. Pure Python: no Django."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

BREEDTE, HOOGTE = 320, 120
LINKS, RECHTS, BOVEN, ONDER = 36, 18, 10, 22


def grafiek(
    punten: list[Any],
    streef: dict[int, Decimal],
    *,
    basis: Decimal | None,
    basisjaar: int | None,
) -> dict[str, Any] | None:
    """`punten`: objects with `jaar`, `periode`, `waarde` (None when suppressed)."""
    gemeten = [p for p in punten if p.waarde is not None]
    doel = dict(streef)
    if basis is not None and basisjaar is not None:
        doel.setdefault(basisjaar, basis)
    if not gemeten and not doel:
        return None
    jaren = [p.jaar for p in punten] + list(doel)
    eerste, laatste = min(jaren), max(jaren)
    waarden = [p.waarde for p in gemeten] + list(doel.values())
    laag, hoog = min(waarden), max(waarden)
    if laag == hoog:
        laag, hoog = laag - 1, hoog + 1
    marge = (hoog - laag) / 10
    laag, hoog = laag - marge, hoog + marge
    breed = BREEDTE - LINKS - RECHTS
    hoogte = HOOGTE - BOVEN - ONDER

    def x(jaar: int) -> float:
        return round(
            LINKS
            + (breed * (jaar - eerste) / (laatste - eerste) if laatste > eerste else breed / 2),
            1,
        )

    def y(waarde: Decimal) -> float:
        return round(BOVEN + float((hoog - waarde) / (hoog - laag)) * hoogte, 1)

    def c(v: float) -> str:
        # Coordinates as text with a decimal point: the template's locale would write "17,3".
        return f"{v:.1f}"

    lijn = [{"x": c(x(p.jaar)), "y": c(y(p.waarde)), "p": p} for p in gemeten]
    doellijn = [{"x": x(j), "y": y(doel[j])} for j in sorted(doel)]
    return {
        "breedte": BREEDTE,
        "hoogte": HOOGTE,
        "lijn": " ".join(f"{q['x']},{q['y']}" for q in lijn),
        "punten": lijn,
        "doellijn": " ".join(f"{c(q['x'])},{c(q['y'])}" for q in doellijn),
        "jaren": [{"x": c(x(j)), "jaar": str(j)} for j in range(eerste, laatste + 1)],
        "as_y": HOOGTE - ONDER,
        "laag": {"y": c(y(laag + marge) + 3), "waarde": laag + marge},
        "hoog": {"y": c(y(hoog - marge) + 3), "waarde": hoog - marge},
        "label_x": str(LINKS - 4),
        "jaar_y": str(HOOGTE - 6),
        "links": LINKS,
        "rechts": BREEDTE - RECHTS,
    }
