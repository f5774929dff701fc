"""The budget chart as server-rendered SVG: one group of three horizontal bars per row
(assigned, approved, forecast). No script; every text is escaped (format_html). The chart is
an image with a title and a summary; the table under it is the accessible alternative."""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from eenplan.berichten.overzichten import BudgetRegel

BREEDTE = 720
LABEL = 260
BALK = 12
RUIMTE = 14
REEKSEN = (
    ("toegewezen", "Toegewezen", "eenplan-grafiek__toegewezen"),
    ("goedgekeurd", "Goedgekeurd", "eenplan-grafiek__goedgekeurd"),
    ("prognose", "Prognose jaareinde", "eenplan-grafiek__prognose"),
)


def euro(centen: int) -> str:
    return f"€ {centen / 100:,.0f}".replace(",", ".")


def budget_svg(regels: Sequence[BudgetRegel], titel: str) -> SafeString:
    hoogste = max([1] + [getattr(r, veld) for r in regels for veld, _l, _c in REEKSEN])
    schaal = (BREEDTE - LABEL - 90) / hoogste
    groep = len(REEKSEN) * BALK + RUIMTE
    hoogte = 30 + groep * max(len(regels), 1)
    delen = []
    for i, r in enumerate(regels):
        y = 30 + i * groep
        naam = f"{r.aanbieder} – {r.productcategorie} {r.categorie}"
        delen.append(
            format_html(
                '<text x="{}" y="{}" class="eenplan-grafiek__label">{}</text>',
                LABEL - 8,
                y + BALK + 4,
                naam[:42],
            )
        )
        for j, (veld, _label, klasse) in enumerate(REEKSEN):
            waarde = getattr(r, veld)
            delen.append(
                format_html(
                    '<rect x="{}" y="{}" width="{}" height="{}" class="{}"></rect>'
                    '<text x="{}" y="{}" class="eenplan-grafiek__waarde">{}</text>',
                    LABEL,
                    y + j * BALK,
                    max(round(waarde * schaal), 1),
                    BALK - 2,
                    klasse,
                    LABEL + max(round(waarde * schaal), 1) + 4,
                    y + j * BALK + BALK - 3,
                    euro(waarde),
                )
            )
    legenda = format_html_join(
        "",
        '<rect x="{}" y="6" width="12" height="12" class="{}"></rect>'
        '<text x="{}" y="16" class="eenplan-grafiek__legenda">{}</text>',
        (
            (LABEL + k * 150, klasse, LABEL + k * 150 + 16, label)
            for k, (_v, label, klasse) in enumerate(REEKSEN)
        ),
    )
    return format_html(
        '<svg class="eenplan-grafiek" viewBox="0 0 {} {}" width="100%" role="img" '
        'aria-labelledby="grafiek-titel grafiek-uitleg" xmlns="http://www.w3.org/2000/svg">'
        '<title id="grafiek-titel">{}</title>'
        '<desc id="grafiek-uitleg">Staafdiagram per aanbieder en productcategorie: toegewezen, '
        "goedgekeurd en de prognose voor het jaareinde. De tabel hieronder bevat dezelfde "
        "cijfers.</desc>{}{}</svg>",
        BREEDTE,
        hoogte,
        titel,
        legenda,
        SafeString("".join(delen)),
    )
