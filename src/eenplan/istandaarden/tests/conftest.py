"""The official iWmo/iJw 3.2 artifacts as the oracle: schemas, examples and the stylesheet.

They live outside the product: the folder named by ``EENPLAN_ISTANDAARDEN``, else
``../shared/istandaarden/3.2`` beside the project, else ``/work/shared/istandaarden/3.2`` (where
these machines keep them, also for a clone elsewhere such as CI's); tests that need them skip with
a visible reason without them.
"""

from __future__ import annotations

import os
import re
from functools import cache
from pathlib import Path

import pytest
from lxml import etree

from eenplan.istandaarden import BERICHTCODES

ROOT = Path(__file__).resolve().parents[4]
KANDIDATEN = [
    ROOT.parent / "shared" / "istandaarden" / "3.2",
    Path("/work/shared/istandaarden/3.2"),
]
REFERENTIE = Path(
    os.environ.get("EENPLAN_ISTANDAARDEN")
    or next((p for p in KANDIDATEN if p.is_dir()), KANDIDATEN[0])
)
RAPPORT = "{http://www.istandaarden.nl/validatie/1_1/rapport/schema}"
STD = {"wmo": "iwmo", "jw": "ijw"}


def _nodig() -> Path:
    if not REFERENTIE.is_dir():
        pytest.skip(f"de officiële iWmo/iJw 3.2-bestanden ontbreken ({REFERENTIE})")
    return REFERENTIE


@cache
def _schema(path: Path) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(path)))


@cache
def _xslt(path: Path) -> etree.XSLT:
    return etree.XSLT(etree.parse(str(path)))


class Orakel:
    def __init__(self, root: Path) -> None:
        self.root = root

    def voorbeelden(self) -> list[Path]:
        return sorted(self.root.glob("*/voorbeelden/*.xml"))

    def xsd_pad(self, naam: str) -> Path:
        std = "iwmo" if naam.startswith("WMO") else "ijw"
        return self.root / std / "xsd" / f"{naam}.xsd"

    def schemafouten(self, naam: str, data: bytes) -> list[str]:
        """Schema errors. The reference holds no XSD for the iWmo retour messages (302 … 325,
        "the same shape" as their iJw twins): those are checked against the iJw twin with the
        namespaces and BerichtCode translated, ignoring the code-list enumerations (the Wmo
        and Jeugd code lists differ)."""
        path = self.xsd_pad(naam)
        twin = not path.exists() and naam.startswith("WMO")
        if twin:
            path = self.xsd_pad("JW" + naam[3:])
            code = BERICHTCODES["jw"][naam[3:]].encode()
            data = data.replace(b"iwmo/3_2/wmo", b"ijw/3_2/jw").replace(b"iwmo/3_2/", b"ijw/3_2/")
            data = re.sub(rb"BerichtCode>\d{3}<", b"BerichtCode>" + code + b"<", data)
        schema = _schema(path)
        ok = schema.validate(etree.fromstring(data))
        fouten = [] if ok else list(schema.error_log)
        if twin:
            fouten = [e for e in fouten if e.type_name != "SCHEMAV_CVC_ENUMERATION_VALID"]
        return [str(e) for e in fouten]

    def xslt_fouten(self, wet: str, data: bytes) -> list[str]:
        (path,) = (self.root / STD[wet] / "xslt").glob("*.xsl")
        rapport = _xslt(path)(etree.fromstring(data))
        fouten = rapport.getroot().iter(f"{RAPPORT}Fout")
        return [f.findtext(f"{RAPPORT}Code") or "?" for f in fouten]


@pytest.fixture
def orakel() -> Orakel:
    return Orakel(_nodig())
