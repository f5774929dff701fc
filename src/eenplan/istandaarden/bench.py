"""Benchmark: read and validate 10,000 messages, compared with parsing them with lxml alone.

``python -m eenplan.istandaarden.bench [--aantal N] [--referentie DIR]`` prints messages per second
for: lxml alone (``etree.fromstring``), eenplan's hardened reading into data classes (``lees``),
reading plus the single-message rules (TR135, TR378, TR381, TR319, TR346), and — when the official
schemas are at hand — plus XSD validation. The ratio is to lxml alone. No Django, no database.
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from lxml import etree

from . import voorbeelden
from .controle import _schema_voor, enkel_bericht_regels, referentie_pad
from .model import Wet
from .xml import bouw, herken, lees, parse


def berichten(aantal: int) -> list[bytes]:
    """A realistic mix: half declaraties (with 1–8 prestaties), the rest start, stop,
    toewijzing and verzoek messages, for both laws."""
    out = []
    soorten = ["323", "323", "305", "307", "301", "323", "317", "315"]
    for i in range(aantal):
        wet: Wet = "wmo" if i % 3 else "jw"
        code = soorten[i % len(soorten)]
        ident = f"B{i}"
        if code == "323":
            bericht = voorbeelden.declaratie(wet, identificatie=ident)
            basis = bericht.declaratie.clienten[0].prestaties[0]
            bericht.declaratie.clienten[0].prestaties = [basis] * (1 + i % 8)
        else:
            bericht = voorbeelden.ALLE[code](wet, identificatie=ident)  # type: ignore[operator]
        out.append(bouw(bericht))
    return out


def _meet(fn: Callable[[bytes], object], data: Sequence[bytes]) -> float:
    start = time.perf_counter()
    for d in data:
        fn(d)
    return time.perf_counter() - start


def meting(aantal: int = 10_000, referentie: str | Path | None = None) -> list[tuple[str, float]]:
    """(label, seconds) for each way of reading ``aantal`` messages."""
    data = berichten(aantal)
    vandaag = dt.date(2026, 12, 31)
    ref = referentie_pad(referentie)
    rijen = [
        ("lxml alleen (etree.fromstring)", _meet(etree.fromstring, data)),
        ("lees (veilig parsen + dataklassen)", _meet(lees, data)),
        (
            "lees + regels op één bericht",
            _meet(lambda d: enkel_bericht_regels(lees(d), vandaag), data),
        ),
    ]
    if ref is not None:

        def met_xsd(d: bytes) -> None:
            root = parse(d)
            wet, code = herken(root)
            schema = _schema_voor(ref, wet, code)
            if schema is not None:
                schema.validate(root)
            from .xml import lees_element

            enkel_bericht_regels(lees_element(root), vandaag)

        rijen.append(("lees + regels + officiële XSD", _meet(met_xsd, data)))
    return rijen


def verslag(aantal: int = 10_000, referentie: str | Path | None = None) -> str:
    rijen = meting(aantal, referentie)
    basis = rijen[0][1]
    regels = [
        f"- Machine: {platform.machine()}, Python {platform.python_version()}, "
        f"lxml {'.'.join(map(str, etree.LXML_VERSION))}; {aantal:,} messages (mixed 301/305/307/"
        "315/317/323, Wmo and Jeugd)",
        "",
        "| Reading | seconds | messages per second | time relative to lxml alone |",
        "|---|---:|---:|---:|",
    ]
    for label, sec in rijen:
        regels.append(f"| {label} | {sec:.2f} | {aantal / sec:,.0f} | {sec / basis:.1f}× |")
    return "\n".join(regels)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m eenplan.istandaarden.bench")
    ap.add_argument("--aantal", type=int, default=10_000)
    ap.add_argument("--referentie", help="map met de officiële 3.2-bestanden (voor de XSD-rij)")
    args = ap.parse_args(argv)
    print(verslag(args.aantal, args.referentie))
    return 0


if __name__ == "__main__":
    sys.exit(main())
