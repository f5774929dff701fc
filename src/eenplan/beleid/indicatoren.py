"""The indicators the policy model links to, by id.

A linked indicator (`Indicatorkoppeling.indicator`) names an indicator of the registry of
`eenplan.sturing` by its id. This module is beleid's one door to it: `reeks(id, gemeente_id=...,
wijk_id=...)` gives the values per period (small cells suppressed by the registry's rule,
`sturing.onderdrukking`), `bekend()` the ids a policy officer may link.

- A registry indicator's series is its stored monthly snapshots (`sturing.selectors.trend`),
  for the municipality or one wijk.
- beleid adds the results of the client-experience survey, one indicator per question
  (`cev_<code>`: the share of answers 4 or 5, in %), to that same registry at start-up
  (`registreer_enquete_indicatoren`), so they appear on the steering pages, in the API and the
  exports like any other; the dashboard reads their yearly series live (one aggregate query),
  since a survey round is a yearly measurement rather than a monthly flow.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import partial

from eenplan.sturing import onderdrukking
from eenplan.sturing import registry as sturing_registry

# Cells describing fewer than this many persons are not shown: the registry's threshold.
KLEINSTE_CEL = onderdrukking.DREMPEL


@dataclass(frozen=True)
class Punt:
    periode: str  # "2025", "2025-Q1" or "2025-03"
    jaar: int
    waarde: Decimal | None  # None: suppressed or not measured
    n: int | None = None  # persons behind the value, when known
    onderdrukt: bool = False


@dataclass(frozen=True)
class Indicator:
    id: str
    naam: str
    eenheid: str  # "%", "aantal", "€", "dagen", ...
    definitie: str
    bron: str
    reeks: Callable[..., list[Punt]] = field(repr=False, compare=False)
    dimensies: tuple[str, ...] = ("wijk",)


@dataclass(frozen=True)
class Reeks:
    indicator: Indicator
    punten: list[Punt]

    @property
    def laatste(self) -> Punt | None:
        gemeten = [p for p in self.punten if p.waarde is not None]
        return gemeten[-1] if gemeten else None


_EIGEN: dict[str, Indicator] = {}


def registreer(indicator: Indicator) -> None:
    _EIGEN[indicator.id] = indicator


def _uit_register(ind: sturing_registry.Indicator) -> Indicator:
    return Indicator(
        id=ind.id,
        naam=ind.naam,
        eenheid=ind.eenheid.label,
        definitie=ind.definitie,
        bron=ind.bron,
        reeks=partial(_register_reeks, ind.id),
        dimensies=ind.dimensies,
    )


def _register_reeks(
    indicator_id: str, *, gemeente_id: int, wijk_id: int | None = None
) -> list[Punt]:
    """The stored monthly values of a registry indicator, for the municipality or one wijk
    (the registry's wijk dimension is the wijk's code)."""
    from eenplan.gemeente.models import Wijk
    from eenplan.sturing import selectors as sturing_selectors

    ind = sturing_registry.get(indicator_id)
    if ind is None:
        return []
    dimensie, waarde_van = "", ""
    if wijk_id is not None:
        if "wijk" not in ind.dimensies:
            return []
        dimensie = "wijk"
        waarde_van = Wijk.objects.filter(pk=wijk_id).values_list("code", flat=True).first() or ""
    return [
        Punt(
            periode=f"{p.tot:%Y-%m}",
            jaar=p.tot.year,
            waarde=sturing_selectors.als_getal(p.cel),
            n=None if p.cel.onderdrukt else p.cel.eenheden,
            onderdrukt=p.cel.onderdrukt,
        )
        for p in sturing_selectors.trend(
            ind, gemeente_id=gemeente_id, dimensie=dimensie, waarde_van=waarde_van
        )
    ]


def bekend() -> list[Indicator]:
    """Every indicator a policy officer may link, by id: the registry's."""
    eigen = dict(_EIGEN)
    for ind in sturing_registry.alle():
        eigen.setdefault(ind.id, _uit_register(ind))
    return sorted(eigen.values(), key=lambda i: i.id)


def get(indicator_id: str) -> Indicator | None:
    if indicator_id in _EIGEN:
        return _EIGEN[indicator_id]
    ind = sturing_registry.get(indicator_id)
    return _uit_register(ind) if ind is not None else None


def reeks(indicator_id: str, *, gemeente_id: int, wijk_id: int | None = None) -> Reeks | None:
    """The values of one indicator over time for a municipality (or one wijk); None when the id
    is unknown."""
    indicator = get(indicator_id)
    if indicator is None:
        return None
    return Reeks(indicator, indicator.reeks(gemeente_id=gemeente_id, wijk_id=wijk_id))


def onderdrukken(
    waarde: Decimal | None, n: int, teller: int | None = None
) -> tuple[Decimal | None, bool]:
    """Small-cell suppression by the registry's primary rule (`sturing.onderdrukking.primair`):
    a value about 1 to 4 persons, or a share whose numerator counts 1 to 4, is hidden."""
    cel = onderdrukking.primair(
        onderdrukking.Cel(sleutel="", label="", eenheden=n, teller=teller, waarde=waarde)
    )
    return cel.waarde, cel.onderdrukt


def registreer_enquete_indicatoren() -> None:
    """One indicator per question of the survey (`cev_<code>`), here and in the registry."""
    from eenplan.beleid.enquete_indicatoren import ENQUETE_INDICATOREN, register_indicatoren

    for indicator in ENQUETE_INDICATOREN:
        registreer(indicator)
    sturing_registry.alle()  # the registry's own indicators first
    for ind in register_indicatoren():
        if sturing_registry.get(ind.id) is None:
            sturing_registry.registreer(ind)
