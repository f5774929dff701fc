"""The iWmo/iJw 3.2 code lists as versioned data with their source.

Read at import from ``data/codelijsten-3.2.json``: one entry per list with ``codelijst`` (the id of
the standard, e.g. ``WMO020``), ``versie``, ``wetten`` (which law uses it), ``bron`` (the page of
the informatiemodel at istandaarden.nl, or CBS for the municipality codes) and ``waarden``
(``code``, ``omschrijving``; the return codes WJ001 also name the technical ``regel`` and the
``berichten``).

The entry shape is the one of ``eenplan/voorzieningen/data/codelijsten-3.2.json`` (which the
catalogue loads into its database table); this file adds ``wetten`` and more lists. The four
lists both files hold (WMO020, JZ020, WJ756, WMO757) are checked to agree by a test.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Literal

DATA = Path(__file__).resolve().parent / "data" / "codelijsten-3.2.json"

Wet = Literal["wmo", "jw"]


@dataclass(frozen=True)
class Codelijst:
    naam: str
    versie: str
    wetten: tuple[str, ...]
    bron: str
    waarden: MappingProxyType[str, str]  # code -> omschrijving
    regels: MappingProxyType[str, str | None]  # WJ001 only: code -> TR rule

    def __contains__(self, code: object) -> bool:
        return code in self.waarden

    def omschrijving(self, code: str) -> str:
        return self.waarden[code]


def _laad() -> dict[str, Codelijst]:
    lijsten = {}
    for item in json.loads(DATA.read_text(encoding="utf-8")):
        lijsten[item["codelijst"]] = Codelijst(
            naam=item["codelijst"],
            versie=item["versie"],
            wetten=tuple(item["wetten"]),
            bron=item["bron"],
            waarden=MappingProxyType({w["code"]: w["omschrijving"] for w in item["waarden"]}),
            regels=MappingProxyType({w["code"]: w.get("regel") for w in item["waarden"]}),
        )
    return lijsten


CODELIJSTEN: MappingProxyType[str, Codelijst] = MappingProxyType(_laad())


def codelijst(naam: str) -> Codelijst:
    return CODELIJSTEN[naam]


def productcategorieen(wet: Wet) -> Codelijst:
    """WMO020 (Wmo) or JZ020 (Jeugd)."""
    return CODELIJSTEN["WMO020" if wet == "wmo" else "JZ020"]


def reden_wijziging(wet: Wet) -> Codelijst:
    """WMO002 (Wmo) or JZ002 (Jeugd)."""
    return CODELIJSTEN["WMO002" if wet == "wmo" else "JZ002"]


def reden_beeindiging(wet: Wet) -> Codelijst:
    """WMO588 (Wmo) or JZ588 (Jeugd)."""
    return CODELIJSTEN["WMO588" if wet == "wmo" else "JZ588"]


RETOURCODES = CODELIJSTEN["WJ001"]
GEMEENTEN = CODELIJSTEN["CBS-GEMEENTE"]


def retourcode_uitleg(code: str) -> str:
    """The meaning of a return code in Dutch (WJ001), for pages and the checker."""
    return RETOURCODES.waarden.get(code, f"Onbekende retourcode {code}")


UITLEG_DATA = Path(__file__).resolve().parent / "data" / "retourcodes-uitleg.json"
GOEDGEKEURD = frozenset({"0200", "8001"})


@dataclass(frozen=True)
class Uitleg:
    """A return code explained for pages: the official meaning (WJ001), the rule that raises it,
    a plain-language (B1) explanation and what to do next, with the source of both."""

    code: str
    betekenis: str
    regel: str | None
    uitleg: str
    actie: str
    bron: str

    @property
    def goedgekeurd(self) -> bool:
        """0200 and 8001 say that nothing is wrong."""
        return self.code in GOEDGEKEURD


def _laad_uitleg() -> dict[str, Uitleg]:
    data = json.loads(UITLEG_DATA.read_text(encoding="utf-8"))
    uitleg = {}
    for item in data["uitleg"]:
        code = item["code"]
        uitleg[code] = Uitleg(
            code=code,
            betekenis=RETOURCODES.waarden.get(code, f"Bedrijfsregel {code}"),
            regel=RETOURCODES.regels.get(code, code if code.startswith("OP") else None),
            uitleg=item["uitleg"],
            actie=item["actie"],
            bron=data["bron"],
        )
    return uitleg


UITLEG: MappingProxyType[str, Uitleg] = MappingProxyType(_laad_uitleg())


def retourcode(code: str) -> Uitleg:
    """The explanation of a return code (WJ001, or OP043/OP087 of the gemeente's own checks).
    An unknown code still gets an answer, saying so, so a page never breaks on it."""
    gevonden = UITLEG.get(code)
    if gevonden is not None:
        return gevonden
    return Uitleg(
        code=code,
        betekenis=f"Onbekende retourcode {code}",
        regel=None,
        uitleg=f"De code {code} staat niet in de codelijst WJ001 van iWmo/iJw 3.2.",
        actie="Vraag functioneel beheer of de aanbieder wat de code betekent.",
        bron=UITLEG[next(iter(UITLEG))].bron,
    )
