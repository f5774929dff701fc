"""``python -m eenplan.istandaarden controleer PAD [PAD ...] [--json]``: check message files.

Prints one line per file; with ``--json`` one JSON object per line::

    {"bestand": ..., "bericht": "WMO323", "schema_geldig": true, "regels": ["TR358"],
     "retourcodes": ["8001"]}

A folder stands for the ``.xml`` files in it. Exit status 0 when every file is valid without
violated rules, 1 otherwise, 2 for wrong use. No Django needed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TextIO

from .codelijsten import retourcode_uitleg
from .controle import Reeks, controleer_bestand, referentie_pad


def _bestanden(paden: Sequence[str]) -> Iterator[Path]:
    for pad in paden:
        p = Path(pad)
        if p.is_dir():
            yield from sorted(q for q in p.rglob("*") if q.suffix.lower() == ".xml")
        else:
            yield p


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="eenplan berichten",
        description="iWmo/iJw 3.2-berichten controleren zonder ze op te slaan.",
    )
    sub = ap.add_subparsers(dest="opdracht", required=True)
    c = sub.add_parser("controleer", help="controleer berichtbestanden")
    c.add_argument("paden", nargs="+", metavar="PAD", help="bestand of map met .xml-bestanden")
    c.add_argument("--json", action="store_true", help="één JSON-object per bestand per regel")
    c.add_argument(
        "--referentie",
        help="map met de officiële 3.2-bestanden (iwmo/, ijw/: xsd en xslt); "
        "standaard $EENPLAN_ISTANDAARDEN",
    )
    c.add_argument(
        "--datum",
        type=dt.date.fromisoformat,
        help="systeemdatum voor TR135 (JJJJ-MM-DD), standaard vandaag",
    )
    c.add_argument(
        "--reeks",
        action="store_true",
        help="de bestanden zijn één reeks in verzendvolgorde: ook de berichtoverstijgende "
        "regels TR056, TR318 en TR413–TR415 over de reeks",
    )
    return ap


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    args = parser().parse_args(argv)
    ref = args.referentie
    if ref and referentie_pad(ref) is None:
        print(f"Map met referentiebestanden bestaat niet: {ref}", file=sys.stderr)
        return 2
    alles_goed = True
    reeks = Reeks() if args.reeks else None
    for pad in _bestanden(args.paden):
        uitslag = controleer_bestand(pad, referentie=ref, vandaag=args.datum, reeks=reeks)
        alles_goed &= uitslag.goed
        if args.json:
            out.write(json.dumps(uitslag.als_dict(), ensure_ascii=False) + "\n")
            continue
        status = "goed" if uitslag.goed else "fout"
        out.write(f"{uitslag.bestand}: {uitslag.bericht or 'onbekend bericht'} — {status}\n")
        if not uitslag.schema_geldig:
            out.write("  voldoet niet aan het schema\n")
        for melding in uitslag.meldingen:
            out.write(f"  {melding}\n")
        for code in uitslag.retourcodes:
            out.write(f"  retourcode {code}: {retourcode_uitleg(code)}\n")
    return 0 if alles_goed else 1


if __name__ == "__main__":
    sys.exit(main())
