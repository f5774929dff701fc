"""The default life-domain instrument: the 11 domains of the Zelfredzaamheid-Matrix (ZRM).

The ZRM and its full anchor texts are © GGD Amsterdam and used under licence; eenplan ships
only the domain names and the generic meaning of each score, so that a municipality loads its
licensed anchor texts (or another instrument) as data in the admin.
Source: zelfredzaamheidmatrix.nl (ZRM 2017: 11 domains, scores 1-5).
"""

from __future__ import annotations

NAAM = "Zelfredzaamheid-Matrix"
VERSIE = "domeinen 2017, algemene ankers"
BRON = (
    "ZRM, GGD Amsterdam (zelfredzaamheidmatrix.nl); volledige ankerteksten onder licentie, "
    "hier alleen de algemene betekenis per score"
)

LEEFGEBIEDEN: list[tuple[str, str]] = [
    ("financien", "Financiën"),
    ("dagbesteding", "Werk en opleiding / dagbesteding"),
    ("huisvesting", "Huisvesting"),
    ("huiselijke_relaties", "Huiselijke relaties"),
    ("geestelijke_gezondheid", "Geestelijke gezondheid"),
    ("lichamelijke_gezondheid", "Lichamelijke gezondheid"),
    ("verslaving", "Middelengebruik"),
    ("adl", "Basale ADL"),
    ("sociaal_netwerk", "Sociaal netwerk"),
    ("participatie", "Maatschappelijke participatie"),
    ("justitie", "Justitie"),
]

ANKERS: dict[int, str] = {
    1: "Acute problematiek",
    2: "Niet zelfredzaam",
    3: "Beperkt zelfredzaam",
    4: "Voldoende zelfredzaam",
    5: "Volledig zelfredzaam",
}
