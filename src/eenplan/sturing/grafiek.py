"""The trend of an indicator as an SVG line chart drawn on the server: no JavaScript, a title
and a description for screen readers (role="img"), and always a table with the same numbers next
to it (the page's alternative). A suppressed month is a gap in the line, not a zero."""

from __future__ import annotations

from decimal import Decimal

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from eenplan.sturing.selectors import Punt

BREEDTE, HOOGTE = 640, 240
LINKS, RECHTS, BOVEN, ONDER = 56, 32, 16, 40


def _schaal(punten: list[Punt]) -> tuple[Decimal, Decimal]:
    waarden = [p.cel.waarde for p in punten if p.cel.toonbaar and p.cel.waarde is not None]
    if not waarden:
        return Decimal(0), Decimal(1)
    hoog = max(waarden)
    laag = min(Decimal(0), min(waarden))
    return laag, (hoog if hoog > laag else laag + 1)


def _getal(w: Decimal) -> str:
    tekst = f"{w:.1f}"
    if tekst.endswith(".0"):
        tekst = tekst[:-2]
    return tekst.replace(".", ",")


def trend_svg(punten: list[Punt], *, titel: str, eenheid: str, id_: str = "trend") -> SafeString:
    """An accessible SVG of the monthly values (empty string without points)."""
    if not punten:
        return mark_safe("")  # noqa: S308 - a constant
    laag, hoog = _schaal(punten)
    breed = BREEDTE - LINKS - RECHTS
    hoogte = HOOGTE - BOVEN - ONDER
    stap = breed / max(1, len(punten) - 1)

    def x(i: int) -> float:
        return LINKS + (i * stap if len(punten) > 1 else breed / 2)

    def y(w: Decimal) -> float:
        return BOVEN + hoogte - float((w - laag) / (hoog - laag)) * hoogte

    lijnen: list[list[tuple[float, float]]] = [[]]
    for i, p in enumerate(punten):
        if p.cel.toonbaar and p.cel.waarde is not None:
            lijnen[-1].append((x(i), y(p.cel.waarde)))
        elif lijnen[-1]:
            lijnen.append([])
    paden = format_html_join(
        "",
        '<polyline points="{}" fill="none" stroke="#01689b" stroke-width="2.5"/>',
        ((" ".join(f"{a:.1f},{b:.1f}" for a, b in lijn),) for lijn in lijnen if lijn),
    )
    stippen = format_html_join(
        "",
        '<circle cx="{}" cy="{}" r="3.5" fill="#01689b"><title>{}: {}</title></circle>',
        (
            (f"{x(i):.1f}", f"{y(p.cel.waarde):.1f}", p.cel.label, _getal(p.cel.waarde))
            for i, p in enumerate(punten)
            if p.cel.toonbaar and p.cel.waarde is not None
        ),
    )
    stapel = max(1, len(punten) // 6)
    assen = format_html_join(
        "",
        '<text x="{}" y="{}" font-size="12" text-anchor="middle" fill="#333">{}</text>',
        (
            (f"{x(i):.1f}", HOOGTE - ONDER + 18, p.cel.label)
            for i, p in enumerate(punten)
            if i % stapel == 0 or i == len(punten) - 1
        ),
    )
    rasters = format_html_join(
        "",
        '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="#ccc"/>'
        '<text x="{}" y="{}" font-size="12" text-anchor="end" fill="#333">{}</text>',
        (
            (
                LINKS,
                BREEDTE - RECHTS,
                f"{y(w):.1f}",
                f"{y(w):.1f}",
                LINKS - 6,
                f"{y(w) + 4:.1f}",
                _getal(w),
            )
            for w in (laag, (laag + hoog) / 2, hoog)
        ),
    )
    getoond = [p for p in punten if p.cel.toonbaar]
    beschrijving = (
        f"Lijngrafiek van {len(punten)} maanden, {punten[0].cel.label} tot "
        f"{punten[-1].cel.label}, in {eenheid}. "
        + (
            f"Eerste getoonde waarde {_getal(getoond[0].cel.waarde)}, laatste "  # type: ignore[arg-type]
            f"{_getal(getoond[-1].cel.waarde)}. "  # type: ignore[arg-type]
            if getoond
            else "Alle maanden zijn onderdrukt. "
        )
        + "De tabel eronder geeft alle waarden."
    )
    return format_html(
        '<svg class="eenplan-trend" viewBox="0 0 {} {}" role="img" '
        'aria-labelledby="{}-titel {}-beschrijving" xmlns="http://www.w3.org/2000/svg">'
        '<title id="{}-titel">{}</title><desc id="{}-beschrijving">{}</desc>'
        "{}{}{}{}</svg>",
        BREEDTE,
        HOOGTE,
        id_,
        id_,
        id_,
        titel,
        id_,
        beschrijving,
        rasters,
        paden,
        stippen,
        assen,
    )
