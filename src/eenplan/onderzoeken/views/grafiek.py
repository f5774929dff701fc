"""The chart of the ZRM scores over time (server-rendered SVG)."""

from __future__ import annotations

from typing import Any

from eenplan.inwoners.models import Inwoner
from eenplan.onderzoeken.models import Leefgebied, ZrmScore

# --- the chart ----------------------------------------------------------------------------------

LABEL_BREEDTE = 230
PLOT_BREEDTE = 260
WAARDE_BREEDTE = 40
RIJ_HOOGTE = 30
MARGE = 7


def _grafiek(
    inwoner: Inwoner, per_leefgebied: dict[Leefgebied, list[ZrmScore]], schaal: tuple[int, int]
) -> dict[str, Any] | None:
    """Coordinates of a small chart: one row per life domain, a line through the scores over
    time (low = acute problems, high = self-reliant), the latest score at the end."""
    if not per_leefgebied:
        return None
    laag, hoog = schaal
    datums = sorted({s.datum for scores in per_leefgebied.values() for s in scores})
    eerste, laatste = datums[0], datums[-1]
    span = (laatste - eerste).days
    rijen = []
    for i, (leefgebied, scores) in enumerate(per_leefgebied.items()):
        boven = i * RIJ_HOOGTE
        punten = []
        for s in scores:
            x = LABEL_BREEDTE + (
                PLOT_BREEDTE * (s.datum - eerste).days / span if span else PLOT_BREEDTE / 2
            )
            fractie = (min(max(s.score, laag), hoog) - laag) / ((hoog - laag) or 1)
            y = boven + RIJ_HOOGTE - MARGE - fractie * (RIJ_HOOGTE - 2 * MARGE)
            punten.append({"x": round(x, 1), "y": round(y, 1), "score": s.score, "datum": s.datum})
        rijen.append(
            {
                "naam": leefgebied.naam,
                "boven": boven,
                "midden": boven + RIJ_HOOGTE / 2 + 4,
                "laag": boven + RIJ_HOOGTE - MARGE,
                "hoog": boven + MARGE,
                "punten": punten,
                "lijn": " ".join(f"{p['x']},{p['y']}" for p in punten),
                "laatste": scores[-1].score,
                "scores": scores,
            }
        )
    laatste_scores = ", ".join(f"{r['naam']} {r['laatste']}" for r in rijen)
    periode = (
        f"op {eerste:%d-%m-%Y}" if span == 0 else f"van {eerste:%d-%m-%Y} tot {laatste:%d-%m-%Y}"
    )
    return {
        "inwoner": inwoner,
        "rijen": rijen,
        "hoogte": len(rijen) * RIJ_HOOGTE,
        "breedte": LABEL_BREEDTE + PLOT_BREEDTE + WAARDE_BREEDTE + 10,
        "plot_start": LABEL_BREEDTE,
        "plot_eind": LABEL_BREEDTE + PLOT_BREEDTE,
        "waarde_x": LABEL_BREEDTE + PLOT_BREEDTE + 20,
        "label": (
            f"Scores van {inwoner.naam} per leefgebied {periode}, van {laag} (acute problemen) "
            f"tot {hoog} (volledig zelfredzaam). Laatste scores: {laatste_scores}. "
            "De cijfers staan ook in de tabel hierna."
        ),
    }
