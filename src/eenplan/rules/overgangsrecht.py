"""Transition rights (overgangsrecht) of clients from the old laws, as dated rules.

Sources (seed 003 L2700+, L3700+, L4427-4447, L4655):
- Wmo 2015 art. 8.3 lid 1: an AWBZ indication for extramural care (begeleiding,
  dagbesteding, kortdurend verblijf) stays in force until its end date, at most until
  31 December 2015.
- Wmo 2015 art. 8.4 lid 1: an indication for beschermd wonen (GGZ-C) stays in force until
  its end date, at most until a date set by royal decree, not before 1 January 2020; the
  table holds 31 December 2019 as the earliest end (verify the decree before relying on it).
- Huishoudelijke hulp under the Wmo 2007: the municipality may end or change it after a
  reasonable transition period; the seeds choose at most six months after the new provision
  was announced (seed 003 L4427-4447, L4655) — a municipal choice, kept as data.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass


class OudRecht(enum.StrEnum):
    AWBZ_EXTRAMURAAL = "awbz_extramuraal"
    GGZ_C_BESCHERMD_WONEN = "ggz_c"
    HUISHOUDELIJKE_HULP = "huishoudelijke_hulp"


@dataclass(frozen=True)
class Regel:
    uiterlijk: dt.date | None
    maanden_na_aankondiging: int | None
    bron: str


REGELS: dict[OudRecht, Regel] = {
    OudRecht.AWBZ_EXTRAMURAAL: Regel(dt.date(2015, 12, 31), None, "Wmo 2015 art. 8.3 lid 1"),
    OudRecht.GGZ_C_BESCHERMD_WONEN: Regel(
        dt.date(2019, 12, 31), None, "Wmo 2015 art. 8.4 lid 1 (bij koninklijk besluit)"
    ),
    OudRecht.HUISHOUDELIJKE_HULP: Regel(
        None,
        6,
        "Keuze van de gemeente (seed 003 L4427-4447): uiterlijk zes maanden na de aankondiging",
    ),
}


def _plus_maanden(dag: dt.date, maanden: int) -> dt.date:
    maand = dag.month - 1 + maanden
    jaar, maand = dag.year + maand // 12, maand % 12 + 1
    laatste = (dt.date(jaar + (maand == 12), maand % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(jaar, maand, min(dag.day, laatste))


def overgangsrecht_einde(
    soort: OudRecht,
    *,
    oude_einddatum: dt.date | None,
    aangekondigd_op: dt.date | None = None,
    regels: dict[OudRecht, Regel] = REGELS,
) -> dt.date:
    """The last day an old indication keeps its force: its own end date, but not after the
    legal end of the transition (see the sources above)."""
    regel = regels[soort]
    grenzen = [d for d in (oude_einddatum, regel.uiterlijk) if d is not None]
    if regel.maanden_na_aankondiging is not None:
        if aangekondigd_op is None:
            raise ValueError(
                "Leg vast wanneer de nieuwe voorziening is aangekondigd; het overgangsrecht "
                f"loopt tot {regel.maanden_na_aankondiging} maanden daarna."
            )
        grenzen.append(_plus_maanden(aangekondigd_op, regel.maanden_na_aankondiging))
    if not grenzen:
        raise ValueError("Geen einddatum bekend voor dit overgangsrecht.")
    return min(grenzen)
