"""Checking message files without storing them: schema, stylesheet and the single-message rules.

:func:`controleer` reads one file and reports the message (``WMO323``), whether it is valid
against the schema, every violated rule id (TR, CD, CS, OP, IV; sorted) and the return codes the
answer message would carry. The official XSDs and validation stylesheet are not part of eenplan:
pass their folder (the ``3.2`` folder with ``iwmo/`` and ``ijw/``) as ``referentie`` or set
``EENPLAN_ISTANDAARDEN``. Without them, "schema_geldig" is the verdict of eenplan's own strict
reader (structure, order, types; not the patterns and code lists) and only eenplan's rules run.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from lxml import etree

from .codelijsten import RETOURCODES
from .fouten import BerichtFout
from .model import Bericht, Declaratiebericht, GeslotenPeriode, Stopbericht, StopProduct
from .regels import (
    TR056,
    TR135,
    TR137,
    TR318,
    TR319,
    TR346,
    TR378,
    TR381,
    TR413,
    TR414,
    TR415,
    TR416,
    Retourcode,
)
from .xml import herken, lees_element, parse

RAPPORT = "{http://www.istandaarden.nl/validatie/1_1/rapport/schema}"
STD = {"wmo": "iwmo", "jw": "ijw"}
# Retour and answer messages are not answered: they carry no return codes of their own.
GEEN_ANTWOORD = {"302", "306", "308", "316", "318", "320", "325"}


@dataclass
class Uitslag:
    bestand: str
    bericht: str | None
    schema_geldig: bool
    regels: list[str] = field(default_factory=list)
    retourcodes: list[str] = field(default_factory=list)
    meldingen: list[str] = field(default_factory=list)

    def als_dict(self) -> dict[str, Any]:
        return {
            "bestand": self.bestand,
            "bericht": self.bericht,
            "schema_geldig": self.schema_geldig,
            "regels": self.regels,
            "retourcodes": self.retourcodes,
        }

    @property
    def goed(self) -> bool:
        return self.schema_geldig and not self.regels


def referentie_pad(referentie: str | Path | None = None) -> Path | None:
    pad = referentie or os.environ.get("EENPLAN_ISTANDAARDEN")
    if not pad:
        return None
    p = Path(pad)
    return p if p.is_dir() else None


@cache
def _schema(path: Path) -> etree.XMLSchema | None:
    if not path.exists():
        return None
    return etree.XMLSchema(etree.parse(str(path)))  # noqa: S320 - the official schema, trusted


@cache
def _xslt(folder: Path) -> etree.XSLT | None:
    paden = sorted(folder.glob("*.xsl"))
    if not paden:
        return None
    return etree.XSLT(etree.parse(str(paden[0])))  # noqa: S320 - the official stylesheet


def _schema_voor(ref: Path, wet: str, code: str) -> etree.XMLSchema | None:
    naam = ("WMO" if wet == "wmo" else "JW") + code
    return _schema(ref / STD[wet] / "xsd" / f"{naam}.xsd")


def _code_voor_regel(regel: str) -> str:
    for code, r in RETOURCODES.regels.items():
        if r == regel:
            return code
    return "0001"


def enkel_bericht_regels(bericht: Bericht, vandaag: dt.date) -> list[Retourcode]:
    """The rules that can be judged from this one message (no state): TR135 (dagtekening),
    TR378 (S300, municipality code), TR381 (S329, product code and category) and, for a 323,
    TR137 (no period that ends after the Dagtekening: a month is declared once it is over) and
    TR319, TR346 and TR416 (no second debet line for the same period and product) per
    prestatie."""
    codes = TR135(bericht, vandaag) + TR378(bericht)
    wet = bericht.wet  # type: ignore[attr-defined]
    for product in _producten(bericht):
        codes += TR381(wet, product[0], product[1])
    if isinstance(bericht, Declaratiebericht):
        codes += TR137(bericht)
        eind = bericht.declaratie.declaratie_periode.einddatum
        for c in bericht.declaratie.clienten:
            for i, p in enumerate(c.prestaties):
                codes += TR319(p, eind) + TR346(p) + TR416(p, c.prestaties[:i])
    return codes


@dataclass
class Reeks:
    """What the earlier files of one run tell about the later ones (``--reeks``).

    The checker stores nothing, but a tester who hands it a series of one aanbieder's files in
    the order they were sent can have the berichtoverstijgende rules judged over that series:
    TR056 (an Identificatie twice per kind and sender), TR413–TR415 (stops after earlier stops of
    the same client and key) and TR318 (each DeclaratiePeriode the month after the previous one;
    the months with care are the ones the series' own prestaties name). A readable file's
    Identificatie counts as used; its stops and its DeclaratiePeriode count only when it raised
    no return code (a rejected message changes nothing)."""

    identificaties: dict[tuple[str, str, str], set[str]] = field(default_factory=dict)
    stops: dict[tuple[str, str, str], list[StopProduct]] = field(default_factory=dict)
    periodes: dict[tuple[str, str], GeslotenPeriode] = field(default_factory=dict)
    maanden_met_zorg: dict[tuple[str, str], set[tuple[int, int]]] = field(default_factory=dict)

    def regels(self, bericht: Bericht) -> list[Retourcode]:
        header = bericht.header  # type: ignore[attr-defined]
        wet = bericht.wet  # type: ignore[attr-defined]
        soort = (header.afzender, wet, type(bericht).CODE)
        codes = TR056(bericht, self.identificaties.get(soort, set()))
        if isinstance(bericht, Stopbericht):
            eerdere = list(self.stops.get((header.afzender, wet, bericht.client.bsn), []))
            for stop in bericht.client.stop_producten:
                codes += TR413(stop, eerdere) + TR414(stop, eerdere) + TR415(stop, eerdere)
                eerdere.append(stop)
        if isinstance(bericht, Declaratiebericht):
            vorige = self.periodes.get((header.afzender, wet))
            codes += TR318(bericht, vorige, self.maanden_met_zorg.get((header.afzender, wet), ()))
        return codes

    def onthoud(self, bericht: Bericht, *, afgekeurd: bool) -> None:
        header = bericht.header  # type: ignore[attr-defined]
        wet = bericht.wet  # type: ignore[attr-defined]
        soort = (header.afzender, wet, type(bericht).CODE)
        ident = header.bericht_identificatie.identificatie
        self.identificaties.setdefault(soort, set()).add(ident)
        if afgekeurd:
            return
        if isinstance(bericht, Stopbericht):
            sleutel = (header.afzender, wet, bericht.client.bsn)
            self.stops.setdefault(sleutel, []).extend(bericht.client.stop_producten)
        if isinstance(bericht, Declaratiebericht):
            self.periodes[(header.afzender, wet)] = bericht.declaratie.declaratie_periode
            maanden = self.maanden_met_zorg.setdefault((header.afzender, wet), set())
            for c in bericht.declaratie.clienten:
                for p in c.prestaties:
                    for d in (p.product_periode.begindatum, p.product_periode.einddatum):
                        maanden.add((d.year, d.month))


def _producten(bericht: Bericht) -> list[tuple[str, str | None]]:
    """(categorie, code) of every product a heenbericht names (TR381 applies to these)."""
    if isinstance(bericht, Declaratiebericht):
        return [
            (p.product_categorie, p.product_code)
            for c in bericht.declaratie.clienten
            for p in c.prestaties
        ]
    client = getattr(bericht, "client", None)
    if client is None:
        return []
    if hasattr(client, "verzoek"):
        records: list[Any] = client.verzoek.nieuwe_producten
    else:
        records = (
            getattr(client, "toegewezen_producten", None)
            or getattr(client, "start_producten", None)
            or getattr(client, "stop_producten", None)
            or getattr(client, "aangevraagde_producten", None)
            or []
        )
    return [(r.product.categorie, r.product.code) for r in records if r.product is not None]


def controleer(
    data: bytes,
    *,
    bestand: str = "",
    referentie: str | Path | None = None,
    vandaag: dt.date | None = None,
    reeks: Reeks | None = None,
) -> Uitslag:
    """Check one file. Never raises for bad input: a file that cannot be read gets 0001.

    With ``reeks`` the file is judged as the next one of a series (see :class:`Reeks`) and, when
    readable, remembered for the files after it."""
    vandaag = vandaag or dt.date.today()
    ref = referentie_pad(referentie)
    try:
        root = parse(data)
    except BerichtFout as fout:
        return Uitslag(bestand, None, False, [], ["0001"], [fout.melding])
    try:
        wet, code = herken(root)
    except BerichtFout as fout:
        return Uitslag(bestand, None, False, [], ["0001"], [fout.melding])
    naam = ("WMO" if wet == "wmo" else "JW") + code
    uitslag = Uitslag(bestand, naam, True)
    regels: set[str] = set()
    codes: set[str] = set()

    schema = _schema_voor(ref, wet, code) if ref else None
    if schema is not None and not schema.validate(root):
        uitslag.schema_geldig = False
        uitslag.meldingen += [e.message for e in schema.error_log][:20]
    bericht = None
    try:
        bericht = lees_element(root)
    except BerichtFout as fout:
        uitslag.schema_geldig = False
        uitslag.meldingen.append(fout.melding)
    if not uitslag.schema_geldig:
        codes.add("0001")

    stylesheet = _xslt(ref / STD[wet] / "xslt") if ref else None
    if stylesheet is not None and uitslag.schema_geldig:
        rapport = stylesheet(root).getroot()
        if rapport is not None:
            for bevinding in rapport.iter(f"{RAPPORT}Fout"):
                regel = (bevinding.findtext(f"{RAPPORT}Code") or "").strip()
                if regel:
                    regels.add(regel)
                    code_el = (bevinding.findtext(f"{RAPPORT}Retourcode") or "").strip()
                    codes.add(code_el or _code_voor_regel(regel))

    if bericht is not None:
        gevonden = enkel_bericht_regels(bericht, vandaag)
        if reeks is not None and code not in GEEN_ANTWOORD:
            gevonden += reeks.regels(bericht)
            if uitslag.schema_geldig:
                reeks.onthoud(bericht, afgekeurd=bool(gevonden or codes))
        for rc in gevonden:
            regels.add(rc.regel)
            codes.add(str(rc))
            uitslag.meldingen.append(f"{rc.regel} ({rc}): {rc.melding}")

    if code in GEEN_ANTWOORD:
        codes.clear()
    elif not codes:
        codes.add("8001" if code == "323" else "0200")
    uitslag.regels = sorted(regels)
    uitslag.retourcodes = sorted(codes)
    return uitslag


def controleer_bestand(
    pad: str | Path,
    *,
    referentie: str | Path | None = None,
    vandaag: dt.date | None = None,
    reeks: Reeks | None = None,
) -> Uitslag:
    p = Path(pad)
    try:
        data = p.read_bytes()
    except OSError as exc:
        return Uitslag(str(pad), None, False, [], ["0001"], [f"bestand niet te lezen: {exc}"])
    return controleer(data, bestand=str(pad), referentie=referentie, vandaag=vandaag, reeks=reeks)
