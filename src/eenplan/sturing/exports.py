"""Exports of steering figures (docs/sturing.md, "Exports"): any indicator table as CSV or XLSX,
Wmo clients in the style of the CBS Gemeentelijke Monitor Sociaal Domein, and the BBV
indicators. Aggregates only: every value passes the suppression of `onderdrukking.py` first
(a suppressed cell is empty, with `onderdrukt` = ja). CSV: UTF-8 with BOM (Excel), `;`."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Sequence
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Font

from eenplan.gemeente.models import Gemeente
from eenplan.sturing.onderdrukking import DREMPEL, Cel
from eenplan.sturing.registry import DIMENSIES
from eenplan.sturing.selectors import Tabel, indicator_get, indicator_tabel

DELIMITER = ";"
ONDERDRUKT_UITLEG = (
    f"Cellen over 1 tot {DREMPEL - 1} personen, en cellen waaruit die af te leiden zijn, "
    "zijn leeg (onderdrukt = ja)."
)


def _getal(cel: Cel) -> Decimal | str:
    return "" if cel.onderdrukt or cel.waarde is None else cel.waarde


def _csv(rijen: Iterable[Sequence[object]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=DELIMITER, lineterminator="\r\n")
    for rij in rijen:
        writer.writerow(["" if v is None else str(v) for v in rij])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def tabel_kop(tabel: Tabel) -> list[list[object]]:
    """The lines above the table: what it is, over which period, filtered how."""
    i = tabel.indicator
    filters = ", ".join(f"{DIMENSIES[d].naam} = {w}" for d, w in tabel.filters.items())
    return [
        ["Indicator", f"{i.naam} ({i.id})"],
        ["Definitie", i.definitie],
        ["Bron", i.bron],
        ["Eenheid", i.eenheid.label],
        [
            "Periode",
            f"{tabel.van:%d-%m-%Y} t/m {tabel.tot:%d-%m-%Y}"
            + (" (stand op de einddatum)" if i.stand else ""),
        ],
        ["Filters", filters or "geen"],
        ["Onderdrukking", ONDERDRUKT_UITLEG],
    ]


def tabel_rijen(tabel: Tabel) -> list[list[object]]:
    kolom = DIMENSIES[tabel.per].naam if tabel.per else "Totaal"
    rijen: list[list[object]] = [[kolom, "Code", "Waarde", "Onderdrukt"]]
    for cel in [*tabel.rijen, tabel.totaal]:
        rijen.append([cel.label, cel.sleutel, _getal(cel), "ja" if cel.onderdrukt else "nee"])
    return rijen


def tabel_csv(tabel: Tabel) -> bytes:
    return _csv([*tabel_kop(tabel), [], *tabel_rijen(tabel)])


def tabel_xlsx(tabel: Tabel) -> bytes:
    boek = Workbook()
    blad = boek.active
    assert blad is not None
    blad.title = tabel.indicator.id[:31]
    for rij in tabel_kop(tabel):
        blad.append(rij)
        blad.cell(row=blad.max_row, column=1).font = Font(bold=True)
    blad.append([])
    for n, rij in enumerate(tabel_rijen(tabel)):
        blad.append([float(v) if isinstance(v, Decimal) else v for v in rij])
        if n == 0:
            for cel in blad[blad.max_row]:
                cel.font = Font(bold=True)
    blad.column_dimensions["A"].width = 40
    blad.column_dimensions["B"].width = 60
    out = io.BytesIO()
    boek.save(out)
    return out.getvalue()


# --- CBS Gemeentelijke Monitor Sociaal Domein, Wmo ---------------------------------------------

GMSD_KOLOMMEN = [
    "Perioden",
    "RegioS",
    "TypeMaatwerkarrangement",
    "Persoonskenmerken",
    "WmoClienten",
    "WmoClientenPer1000Inwoners",
    "Onderdrukt",
]


def halfjaar(tot: dt.date) -> str:
    """CBS's period code of the half year the peildatum falls in: 2026HJ02 for December."""
    return f"{tot.year}HJ0{1 if tot.month <= 6 else 2}"


def gmsd_wmo(gemeente: Gemeente, *, tot: dt.date) -> bytes:
    """Wmo clients with maatwerk on the peildatum, per type of maatwerk (iWmo productcategorie)
    and per person characteristic (age group, household type), also per 1,000 residents of that
    group; the long format of CBS StatLine's 'Wmo-cliënten; type maatwerkvoorziening,
    persoonskenmerken, regio' (docs/sturing.md names the source and what differs)."""
    clienten = indicator_get("clienten_maatwerk")
    inwoners = indicator_get("bbv_32_wmo_maatwerk")
    van = tot
    wmo = {"wet": "wmo"}
    regio = f"GM{gemeente.cbs_code}"
    kenmerken = [("leeftijd", "Leeftijd"), ("huishouden", "Huishouden")]
    # Residents per group (the denominator of "per 1000"), suppressed like the counts.
    noemer: dict[tuple[str, str], Cel] = {}
    inw = indicator_tabel(inwoners, gemeente_id=gemeente.pk, van=van, tot=tot)
    noemer[("", "")] = inw.totaal
    for dim, _ in kenmerken:
        t = indicator_tabel(inwoners, gemeente_id=gemeente.pk, van=van, tot=tot, per=dim)
        noemer.update({(dim, r.sleutel): r for r in t.rijen})

    def rij(type_: str, kenmerk: str, cel: Cel, inw_cel: Cel | None) -> list[object]:
        per_1000: object = ""
        if not cel.onderdrukt and cel.waarde is not None and inw_cel and inw_cel.eenheden:
            per_1000 = (Decimal(1000) * cel.waarde / inw_cel.eenheden).quantize(Decimal("0.1"))
        return [
            halfjaar(tot),
            regio,
            type_,
            kenmerk,
            _getal(cel),
            per_1000,
            "ja" if cel.onderdrukt else "nee",
        ]

    uit: list[list[object]] = [GMSD_KOLOMMEN]
    per_type = indicator_tabel(
        clienten, gemeente_id=gemeente.pk, van=van, tot=tot, per="productcategorie", filters=wmo
    )
    typen = [("", "Totaal", {})] + [
        (r.sleutel, r.label, {"productcategorie": r.sleutel}) for r in per_type.rijen
    ]
    for sleutel, label, extra in typen:
        totaal = (
            per_type.totaal
            if not sleutel
            else next(r for r in per_type.rijen if r.sleutel == sleutel)
        )
        uit.append(rij(label, "Totaal", totaal, noemer[("", "")]))
        for dim, naam in kenmerken:
            t = indicator_tabel(
                clienten,
                gemeente_id=gemeente.pk,
                van=van,
                tot=tot,
                per=dim,
                filters={**wmo, **extra},
            )
            for r in t.rijen:
                uit.append(rij(label, f"{naam}: {r.label}", r, noemer.get((dim, r.sleutel))))
    return _csv(uit)


# --- BBV ------------------------------------------------------------------------------------------

BBV_INDICATOREN = [
    ("29", "bbv_29_jeugdhulp"),
    ("30", "bbv_30_jeugdbescherming"),
    ("32", "bbv_32_wmo_maatwerk"),
]


def bbv(gemeente: Gemeente, *, tot: dt.date) -> bytes:
    """The BBV beleidsindicatoren of the social domain that eenplan computes from the residents'
    own data, on the peildatum: number, name, unit, value, peildatum and source."""
    uit: list[list[object]] = [
        ["Nummer", "Indicator", "Eenheid", "Waarde", "Peildatum", "Gemeente", "Bron", "Onderdrukt"]
    ]
    for nummer, indicator_id in BBV_INDICATOREN:
        indicator = indicator_get(indicator_id)
        t = indicator_tabel(indicator, gemeente_id=gemeente.pk, van=tot, tot=tot)
        uit.append(
            [
                nummer,
                indicator.naam,
                indicator.eenheid.label,
                _getal(t.totaal),
                f"{tot:%Y-%m-%d}",
                f"GM{gemeente.cbs_code}",
                indicator.bron,
                "ja" if t.totaal.onderdrukt else "nee",
            ]
        )
    return _csv(uit)
