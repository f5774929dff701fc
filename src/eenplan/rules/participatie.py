"""Participatiewet rules for the aanvraag levensonderhoud and the route by earning capacity, as
pure Python (issue 14).

No Django, no clock: every date is an argument. Amounts and ages are dated data with their
source in ``rules/data/participatie.json``; the municipality's thresholds come in as arguments
(stored as its dated settings). What was verified, and how, is in ``docs/participatie.md``.

Sources:

- Participatiewet (BWBR0015703) art. 41 lid 4: a person younger than 27 who reports for
  bijstand may apply no sooner than four weeks after the melding (the zoektermijn, to look for
  work or education first). Since 1 January 2026 (Wet Participatiewet in balans, wet van
  1 oktober 2025, BWBR0051679, fase 1) the college may decide not to apply that term to a young
  person for whom it is not appropriate (gemeente.nu 15-10-2025 on the phases of the law;
  the law's text at wetten.overheid.nl). A melding before that date knows no such exception.
- Awb art. 4:13 lid 2: the Participatiewet sets no decision term of its own, so the reasonable
  term has passed after eight weeks (``rules.termijnen.AWB_BESLISTERMIJN``).
- Participatiewet art. 52 lid 1: the college grants, at the latest within four weeks after the
  date of the aanvraag and then every four weeks, an advance (voorschot) on algemene bijstand as
  an interest-free loan as long as the right is not established — unless the applicant did not
  (in time) give the information asked or does not cooperate enough (onder a), or it is clear at
  the aanvraag that there is no right (onder b).
- Participatiewet art. 20 (jongerennormen, 18-20 years), art. 21 (21 to the pensioengerechtigde
  leeftijd), art. 22 (pensioengerechtigden); AOW art. 7a (the pensioengerechtigde leeftijd).
- Hardenberg (seed 003a §3.9, R-PW1/R-PW2): verdiencapaciteit at or above the direct threshold
  (100% of the minimum wage) → direct mediation; from the Werkspoor threshold (40%) →
  Werkspoor (diagnose → ontwikkeling → matching); below it → Participatiespoor. The thresholds
  are the municipality's choice.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from importlib import resources

__all__ = [
    "ZOEKTERMIJN_REGELS",
    "Drempels",
    "Leefvorm",
    "Norm",
    "Normcategorie",
    "Route",
    "VoorschotUitsluiting",
    "Zoektermijn",
    "categorie_omschrijving",
    "leeftijd",
    "norm_op",
    "normcategorie",
    "pensioengerechtigd",
    "route",
    "voorschot_data",
    "voorschot_verschuldigd",
    "zoektermijn",
    "zoektermijn_fout",
]

JONGERENGRENS = 27  # Participatiewet art. 41 lid 4: "jonger dan 27 jaar"
ZOEKTERMIJN_DAGEN = 28  # art. 41 lid 4: "vier weken na de melding"
VOORSCHOT_INTERVAL_DAGEN = 28  # art. 52 lid 1: "binnen vier weken ... en vervolgens telkens"


def leeftijd(geboren: dt.date, op: dt.date) -> int:
    """Age in whole years on `op` (one has a birthday on the anniversary; 29 February counts
    from 1 March in a common year, as the BRP does)."""
    if op < geboren:
        raise ValueError("De datum ligt vóór de geboortedatum.")
    jaren = op.year - geboren.year
    if (op.month, op.day) < (geboren.month, geboren.day):
        jaren -= 1
    return jaren


# --- the zoektermijn for young people (art. 41 lid 4) ----------------------------------------


@dataclass(frozen=True)
class ZoektermijnRegel:
    """One version of art. 41 lid 4, for meldingen from `geldig_vanaf`."""

    geldig_vanaf: dt.date
    college_mag_afzien: bool
    bron: str


ZOEKTERMIJN_REGELS: tuple[ZoektermijnRegel, ...] = (
    ZoektermijnRegel(
        dt.date(2015, 1, 1),
        False,
        "Participatiewet art. 41 lid 4 (tekst 2015): wie jonger is dan 27 jaar dient de "
        "aanvraag niet eerder in dan vier weken na de melding",
    ),
    ZoektermijnRegel(
        dt.date(2026, 1, 1),
        True,
        "Participatiewet art. 41 lid 4 zoals gewijzigd door de Wet Participatiewet in balans "
        "(fase 1, per 1 januari 2026): de zoektermijn van vier weken blijft, het college kan "
        "ervan afzien als die voor de jongere niet passend is",
    ),
)


def _zoektermijn_regel(op: dt.date) -> ZoektermijnRegel:
    geldig = [r for r in ZOEKTERMIJN_REGELS if r.geldig_vanaf <= op]
    if not geldig:
        raise ValueError("Voor meldingen vóór 1 januari 2015 geldt de Participatiewet niet.")
    return geldig[-1]


@dataclass(frozen=True)
class Zoektermijn:
    van_toepassing: bool
    aanvraag_vanaf: dt.date  # the first day an aanvraag may be filed
    afgezien: bool
    bron: str


def zoektermijn(geboren: dt.date, gemeld_op: dt.date, *, afzien: bool = False) -> Zoektermijn:
    """The zoektermijn of a melding for bijstand (Participatiewet art. 41 lid 4): for a person
    younger than 27 on the day of the melding, the aanvraag comes no sooner than four weeks
    after it. On the 27th birthday the person is no longer "jonger dan 27". `afzien`: the
    college decided not to apply the term — possible only for meldingen from 1 January 2026
    (Participatiewet in balans); earlier it raises ValueError."""
    regel = _zoektermijn_regel(gemeld_op)
    if leeftijd(geboren, gemeld_op) >= JONGERENGRENS:
        return Zoektermijn(False, gemeld_op, False, regel.bron)
    if afzien:
        if not regel.college_mag_afzien:
            raise ValueError(
                "Afzien van de zoektermijn kan alleen bij een melding vanaf 1 januari 2026 "
                "(Participatiewet in balans); daarvoor geldt de zoektermijn altijd."
            )
        return Zoektermijn(True, gemeld_op, True, regel.bron)
    return Zoektermijn(True, gemeld_op + dt.timedelta(days=ZOEKTERMIJN_DAGEN), False, regel.bron)


def zoektermijn_fout(
    geboren: dt.date, gemeld_op: dt.date, aanvraag_op: dt.date, *, afzien: bool = False
) -> str | None:
    """The refusal (Dutch) when an aanvraag comes before the zoektermijn ended
    (Participatiewet art. 41 lid 4), or when it predates the melding; None when it may be
    handled."""
    if aanvraag_op < gemeld_op:
        return "De aanvraag ligt vóór de melding; een aanvraag volgt op de melding."
    termijn = zoektermijn(geboren, gemeld_op, afzien=afzien)
    if aanvraag_op < termijn.aanvraag_vanaf:
        return (
            "Deze inwoner is jonger dan 27 jaar: de aanvraag kan pas vanaf "
            f"{termijn.aanvraag_vanaf:%d-%m-%Y} worden ingediend, vier weken na de melding "
            "(zoektermijn, Participatiewet art. 41 lid 4)."
        )
    return None


# --- the voorschot (art. 52) ------------------------------------------------------------------


class VoorschotUitsluiting(enum.StrEnum):
    """The two grounds on which no voorschot is given (Participatiewet art. 52 lid 1)."""

    GEEN = ""
    GEGEVENS_OF_MEDEWERKING = "gegevens_of_medewerking"  # onder a
    GEEN_RECHT = "geen_recht"  # onder b

    @property
    def label(self) -> str:
        return {
            VoorschotUitsluiting.GEEN: "Geen uitzondering",
            VoorschotUitsluiting.GEGEVENS_OF_MEDEWERKING: (
                "Gevraagde gegevens niet (tijdig) gegeven of onvoldoende medewerking "
                "(art. 52 lid 1 onder a)"
            ),
            VoorschotUitsluiting.GEEN_RECHT: (
                "Bij de aanvraag is al duidelijk dat er geen recht is (art. 52 lid 1 onder b)"
            ),
        }[self]


def voorschot_data(
    aanvraag_op: dt.date, tot_en_met: dt.date, *, besloten_op: dt.date | None = None
) -> list[dt.date]:
    """The days by which a voorschot is due (Participatiewet art. 52 lid 1): four weeks after
    the date of the aanvraag and every four weeks after that, up to and including `tot_en_met`,
    as long as the right is not established — a decision on or before such a day ends them."""
    data: list[dt.date] = []
    dag = aanvraag_op + dt.timedelta(days=VOORSCHOT_INTERVAL_DAGEN)
    while dag <= tot_en_met and (besloten_op is None or besloten_op > dag):
        data.append(dag)
        dag += dt.timedelta(days=VOORSCHOT_INTERVAL_DAGEN)
    return data


def voorschot_verschuldigd(
    aanvraag_op: dt.date,
    op: dt.date,
    *,
    besloten_op: dt.date | None = None,
    uitsluiting: VoorschotUitsluiting | str = VoorschotUitsluiting.GEEN,
) -> list[dt.date]:
    """The voorschotten due on `op` (art. 52 lid 1), none when a ground of onder a or b
    applies."""
    if VoorschotUitsluiting(uitsluiting) != VoorschotUitsluiting.GEEN:
        return []
    return voorschot_data(aanvraag_op, op, besloten_op=besloten_op)


# --- the norm (art. 20-22) --------------------------------------------------------------------


class Leefvorm(enum.StrEnum):
    ALLEENSTAANDE = "alleenstaande"
    ALLEENSTAANDE_OUDER = "alleenstaande_ouder"
    GEHUWDEN = "gehuwden"


@dataclass(frozen=True)
class Normcategorie:
    code: str
    omschrijving: str
    artikel: str


_CATEGORIEEN = {
    "alleenstaande_18_20": ("Alleenstaande van 18, 19 of 20 jaar", "art. 20 lid 1 onder a"),
    "alleenstaande_ouder_18_20": (
        "Alleenstaande ouder van 18, 19 of 20 jaar",
        "art. 20 lid 2 onder a",
    ),
    "gehuwden_18_20": ("Gehuwden, beiden 18, 19 of 20 jaar", "art. 20 lid 1 onder b"),
    "gehuwden_18_20_kinderen": (
        "Gehuwden, beiden 18, 19 of 20 jaar, met kinderen",
        "art. 20 lid 2 onder b",
    ),
    "gehuwden_18_20_en_21": (
        "Gehuwden, één 18, 19 of 20 jaar en één 21 jaar of ouder",
        "art. 20 lid 1 onder c",
    ),
    "gehuwden_18_20_en_21_kinderen": (
        "Gehuwden, één 18, 19 of 20 jaar en één 21 jaar of ouder, met kinderen",
        "art. 20 lid 2 onder c",
    ),
    "alleenstaande_21": (
        "Alleenstaande of alleenstaande ouder, 21 jaar tot de pensioengerechtigde leeftijd",
        "art. 21 onder a",
    ),
    "gehuwden_21": (
        "Gehuwden, beiden 21 jaar of ouder en jonger dan de pensioengerechtigde leeftijd",
        "art. 21 onder b",
    ),
    "alleenstaande_pensioen": (
        "Alleenstaande of alleenstaande ouder met de pensioengerechtigde leeftijd",
        "art. 22 onder a",
    ),
    "gehuwden_pensioen": (
        "Gehuwden van wie één of beiden de pensioengerechtigde leeftijd hebben",
        "art. 22 onder b en c",
    ),
}
NORMCATEGORIEEN: tuple[str, ...] = tuple(_CATEGORIEEN)


def categorie_omschrijving(code: str) -> str:
    """The words of a norm category (Participatiewet art. 20-22) for its code."""
    return _CATEGORIEEN[code][0]


@lru_cache(maxsize=1)
def _data() -> dict[str, list[dict[str, object]]]:
    tekst = resources.files("eenplan.rules.data").joinpath("participatie.json").read_text("utf-8")
    data: dict[str, list[dict[str, object]]] = json.loads(tekst)
    for sleutel in ("normen", "pensioenleeftijd"):
        rijen = data.get(sleutel)
        if not isinstance(rijen, list) or not rijen:
            raise ValueError(f"participatie.json: '{sleutel}' ontbreekt.")
        for rij in rijen:
            if not str(rij.get("bron", "")).strip():
                raise ValueError(f"participatie.json: een rij van '{sleutel}' heeft geen bron.")
    for rij in data["normen"]:
        bedragen = rij["bedragen"]
        if not isinstance(bedragen, dict) or set(bedragen) != set(_CATEGORIEEN):
            raise ValueError(
                f"participatie.json: de normen van {rij['geldig_vanaf']} noemen niet precies "
                "elke categorie."
            )
    return data


def _versie_op(sleutel: str, op: dt.date) -> dict[str, object]:
    rijen = sorted(_data()[sleutel], key=lambda r: str(r["geldig_vanaf"]))
    geldig = [r for r in rijen if dt.date.fromisoformat(str(r["geldig_vanaf"])) <= op]
    if not geldig:
        raise ValueError(f"Geen gegevens ({sleutel}) voor {op:%d-%m-%Y}.")
    return geldig[-1]


def pensioengerechtigd(geboren: dt.date, op: dt.date) -> bool:
    """Has the person reached the pensioengerechtigde leeftijd on `op` (AOW art. 7a)? The age
    in force on `op` is used (a simplification: the AOW fixes it per year of reaching it)."""
    rij = _versie_op("pensioenleeftijd", op)
    jaren, maanden = int(str(rij["jaren"])), int(str(rij["maanden"]))
    totaal = geboren.month - 1 + maanden
    jaar = geboren.year + jaren + totaal // 12
    maand = totaal % 12 + 1
    dag = min(geboren.day, _dagen_in_maand(jaar, maand))
    return op >= dt.date(jaar, maand, dag)


def _dagen_in_maand(jaar: int, maand: int) -> int:
    volgende = dt.date(jaar + (maand == 12), maand % 12 + 1, 1)
    return (volgende - dt.timedelta(days=1)).day


def normcategorie(
    *,
    op: dt.date,
    geboren: dt.date,
    partner_geboren: dt.date | None = None,
    kinderen: bool = False,
) -> Normcategorie:
    """The norm category of the household on `op` (Participatiewet art. 20-22): alone or with a
    partner (gehuwden, also unmarried partners with a joint household, art. 3), with or without
    dependent children, by the ages of both. Under 18 there is no norm (ValueError)."""
    leeftijden = [leeftijd(geboren, op)] + (
        [leeftijd(partner_geboren, op)] if partner_geboren else []
    )
    if min(leeftijden) < 18:
        raise ValueError("De normen van de Participatiewet gelden vanaf 18 jaar (art. 20).")
    geboortes = [geboren] + ([partner_geboren] if partner_geboren else [])
    pensioen = [pensioengerechtigd(g, op) for g in geboortes]
    jong = [j < 21 for j in leeftijden]
    if partner_geboren is None:
        if pensioen[0]:
            code = "alleenstaande_pensioen"
        elif jong[0]:
            code = "alleenstaande_ouder_18_20" if kinderen else "alleenstaande_18_20"
        else:
            code = "alleenstaande_21"
    elif any(pensioen):
        code = "gehuwden_pensioen"
    elif all(jong):
        code = "gehuwden_18_20_kinderen" if kinderen else "gehuwden_18_20"
    elif any(jong):
        code = "gehuwden_18_20_en_21_kinderen" if kinderen else "gehuwden_18_20_en_21"
    else:
        code = "gehuwden_21"
    omschrijving, artikel = _CATEGORIEEN[code]
    return Normcategorie(code, omschrijving, f"Participatiewet {artikel}")


@dataclass(frozen=True)
class Norm:
    categorie: Normcategorie
    bedrag: Decimal  # per month, including the vakantietoeslag
    geldig_vanaf: dt.date
    bron: str


def norm_op(categorie: Normcategorie, op: dt.date) -> Norm:
    """The monthly norm of `categorie` in force on `op`, with the date and source of the
    version used (Participatiewet art. 20-22, indexed by art. 36-38)."""
    rij = _versie_op("normen", op)
    bedragen = rij["bedragen"]
    assert isinstance(bedragen, dict)
    return Norm(
        categorie,
        Decimal(str(bedragen[categorie.code])),
        dt.date.fromisoformat(str(rij["geldig_vanaf"])),
        str(rij["bron"]),
    )


# --- the route by earning capacity (Hardenberg) ----------------------------------------------


class Route(enum.StrEnum):
    DIRECT = "direct"
    WERKSPOOR = "werkspoor"
    PARTICIPATIESPOOR = "participatiespoor"

    @property
    def label(self) -> str:
        return {
            Route.DIRECT: "Directe bemiddeling naar werk",
            Route.WERKSPOOR: "Werkspoor (diagnose, ontwikkeling, matching)",
            Route.PARTICIPATIESPOOR: "Participatiespoor",
        }[self]


@dataclass(frozen=True)
class Drempels:
    """The municipality's thresholds, in % of the statutory minimum wage (seed 003a R-PW1:
    100 and 40 in Hardenberg)."""

    direct: Decimal
    werkspoor: Decimal
    bron: str = ""

    def fouten(self) -> list[str]:
        fouten = []
        if not Decimal(0) < self.werkspoor < self.direct:
            fouten.append(
                "De drempel voor het Werkspoor ligt boven 0% en onder de drempel voor directe "
                "bemiddeling."
            )
        if self.direct > Decimal(200):
            fouten.append("De drempel voor directe bemiddeling is ten hoogste 200%.")
        return fouten


def route(verdiencapaciteit: Decimal, drempels: Drempels) -> Route:
    """The route for a verdiencapaciteit in % of the minimum wage (seed 003a §3.9, R-PW1 and
    R-PW2): at or above `direct` → direct mediation; at or above `werkspoor` → Werkspoor;
    below → Participatiespoor."""
    if verdiencapaciteit < 0:
        raise ValueError("De verdiencapaciteit is 0% of meer.")
    if drempels.fouten():
        raise ValueError(" ".join(drempels.fouten()))
    if verdiencapaciteit >= drempels.direct:
        return Route.DIRECT
    if verdiencapaciteit >= drempels.werkspoor:
        return Route.WERKSPOOR
    return Route.PARTICIPATIESPOOR
