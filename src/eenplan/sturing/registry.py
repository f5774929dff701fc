"""The indicator registry (issue 12): every steering figure defined once, with its Dutch name,
its definition in plain words, its source, its unit, the dimensions it can be split by and the
measurement (`metingen.py`) that computes it with SQL aggregates.

Pages, the API (`/api/v1/indicatoren/`), the exports and the snapshots all read this registry;
other apps (the policy model of `beleid`) refer to an indicator by its `id`, which never changes
once published."""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from eenplan.sturing.metingen import Meting, Vraag


class Eenheid(enum.StrEnum):
    AANTAL = "aantal"
    PROCENT = "procent"
    PER_10000 = "per_10000"
    DAGEN = "dagen"
    GEMIDDELDE = "gemiddelde"
    EURO = "euro"

    @property
    def label(self) -> str:
        return {
            "aantal": "aantal",
            "procent": "%",
            "per_10000": "per 10.000 inwoners",
            "dagen": "dagen (gemiddeld)",
            "gemiddelde": "gemiddelde",
            "euro": "euro",
        }[self.value]


@dataclass(frozen=True)
class Dimensie:
    id: str
    naam: str
    periode: bool = False
    # The Dutch label of each value, for a dimension another domain registers (its choices);
    # the built-in dimensions get theirs from `selectors.dimensie_labels`.
    labels: tuple[tuple[str, str], ...] = ()


DIMENSIES: dict[str, Dimensie] = {
    d.id: d
    for d in [
        Dimensie("wijk", "Wijk"),
        Dimensie("wet", "Wet"),
        Dimensie("leeftijd", "Leeftijdsgroep"),
        Dimensie("huishouden", "Soort huishouden"),
        Dimensie("team", "Team"),
        Dimensie("aanbieder", "Aanbieder"),
        Dimensie("kanaal", "Kanaal"),
        Dimensie("melder", "Melder"),
        Dimensie("soort", "Soort voorziening"),
        Dimensie("productcategorie", "Productcategorie (iWmo/iJw)"),
        Dimensie("leveringsvorm", "Leveringsvorm"),
        Dimensie("doeltype", "Soort doel"),
        Dimensie("leefgebied", "Leefgebied"),
        Dimensie("uitkomst", "Uitkomst"),
        Dimensie("maand", "Maand", periode=True),
        Dimensie("kwartaal", "Kwartaal", periode=True),
        Dimensie("jaar", "Jaar", periode=True),
    ]
}
PERIODEN = ("maand", "kwartaal", "jaar")


def registreer_dimensie(dimensie: Dimensie) -> Dimensie:
    """Add a dimension another domain's indicators split by (from its `indicatoren_<domein>.py`,
    before the indicators that use it); an existing id is refused. Its values are shown as they
    are unless `selectors.dimensie_labels` knows them."""
    if dimensie.id in DIMENSIES:
        raise ValueError(f"Dimensie {dimensie.id} bestaat al.")
    DIMENSIES[dimensie.id] = dimensie
    return dimensie


@dataclass(frozen=True)
class Indicator:
    """One steering figure. `stand`: a stock on the last day of the period (clients with a
    provision on that day) rather than a flow during the period (meldingen received)."""

    id: str
    naam: str
    definitie: str
    bron: str
    eenheid: Eenheid
    dimensies: tuple[str, ...]
    meting: Callable[[Vraag], Meting]
    thema: str
    telt: str = "personen"
    stand: bool = False

    @property
    def splitsingen(self) -> tuple[Dimensie, ...]:
        return tuple(DIMENSIES[d] for d in self.dimensies)

    @property
    def filters(self) -> tuple[Dimensie, ...]:
        """The dimensions a request may filter on (the period is chosen with van/tot)."""
        return tuple(d for d in self.splitsingen if not d.periode)


_REGISTER: dict[str, Indicator] = {}


def registreer(indicator: Indicator) -> Indicator:
    if indicator.id in _REGISTER:
        raise ValueError(f"Indicator {indicator.id} bestaat al.")
    for d in indicator.dimensies:
        if d not in DIMENSIES:
            raise ValueError(f"Onbekende dimensie {d} bij {indicator.id}.")
    _REGISTER[indicator.id] = indicator
    return indicator


_GELADEN = False


def _laad() -> None:
    """Fill the register once: `sturing.indicatoren` and every module `sturing.indicatoren_*`
    (one per domain that adds indicators, e.g. `indicatoren_mantelzorg.py`: a new file, no
    edit of the others). Apps above sturing (beleid) register their own in `AppConfig.ready`.
    See docs/sturing.md, "Adding indicators"."""
    global _GELADEN
    if _GELADEN:
        return
    import importlib
    import pkgutil

    import eenplan.sturing as pakket

    importlib.import_module("eenplan.sturing.indicatoren")
    for module in sorted(m.name for m in pkgutil.iter_modules(pakket.__path__)):
        if module.startswith("indicatoren_"):
            importlib.import_module(f"eenplan.sturing.{module}")
    _GELADEN = True


def alle() -> list[Indicator]:
    _laad()
    return list(_REGISTER.values())


def get(indicator_id: str) -> Indicator | None:
    _laad()
    return _REGISTER.get(indicator_id)
