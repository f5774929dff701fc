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
from typing import Any

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
def _data() -> dict[str, Any]:
    tekst = resources.files("eenplan.rules.data").joinpath("participatie.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(tekst)
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
    rijen: list[dict[str, object]] = sorted(_data()[sleutel], key=lambda r: str(r["geldig_vanaf"]))
    geldig = [r for r in rijen if dt.date.fromisoformat(str(r["geldig_vanaf"])) <= op]
    if not geldig:
        raise ValueError(f"Geen gegevens ({sleutel}) voor {op:%d-%m-%Y}.")
    return geldig[-1]


def maatregelen_voorbeeld() -> tuple[dict[str, Maatregelregel], str]:
    """The example categories eenplan ships (with their source saying they are an example),
    used until the municipality stores its own verordening as a setting."""
    data = _data()["maatregelen_voorbeeld"]
    assert isinstance(data, dict)
    return maatregelen_uit(data["categorieen"]), str(data["bron"])


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


# --- tegenprestatie (art. 9 lid 1 onder c) ------------------------------------------------------

# Participatiewet in balans: from 1 January 2027 "maatschappelijke participatie" replaces the
# tegenprestatie and the sociale activering (gemeente.nu 15-10-2025: phase 2, formally in force
# 1 January 2027; wyzer.nl on Spoor 1). A new tegenprestatie starts before that day.
TEGENPRESTATIE_TOT = dt.date(2027, 1, 1)


@dataclass(frozen=True)
class Tegenprestatie:
    """What is recorded of a tegenprestatie (seed 003b §4.3, R-TP1 to R-TP4)."""

    omschrijving: str
    uren_per_week: Decimal
    begin: dt.date
    einde: dt.date | None
    onbetaald: bool
    additioneel: bool  # does not push out regular work
    gericht_op_arbeidsinschakeling: bool
    maatschappelijk_nuttig: bool
    naar_vermogen: str  # why it fits this person's capacities ("naar vermogen")
    heeft_bijstand: bool
    werkspoor: bool = False
    belemmert_arbeidsinschakeling: bool = False


def tegenprestatie_fouten(t: Tegenprestatie) -> list[str]:
    """Why this is not a tegenprestatie under Participatiewet art. 9 lid 1 onder c as the seed
    lists its conditions (seed 003b §3.4, R-TP1 to R-TP3), in Dutch; empty when it is one. What
    fails names what it is instead (werken met behoud van uitkering, a re-integratietraject,
    verplichte arbeid). Dated: none starts on or after 1 January 2027 (Participatiewet in
    balans: maatschappelijke participatie)."""
    fouten: list[str] = []
    if t.begin >= TEGENPRESTATIE_TOT:
        fouten.append(
            "Vanaf 1 januari 2027 vervangt maatschappelijke participatie de tegenprestatie "
            "(Participatiewet in balans): leg geen nieuwe tegenprestatie vast."
        )
    if not t.heeft_bijstand:
        fouten.append("Een tegenprestatie vraagt de gemeente alleen van wie bijstand krijgt.")
    if not t.onbetaald:
        fouten.append("Een tegenprestatie is onbetaald; betaald werk is gewoon werk.")
    if not t.additioneel:
        fouten.append(
            "Het werk verdringt regulier werk: dat is werken met behoud van uitkering, geen "
            "tegenprestatie."
        )
    if t.gericht_op_arbeidsinschakeling:
        fouten.append(
            "Als het doel werk vinden is, is het een re-integratietraject of participatieplaats, "
            "geen tegenprestatie."
        )
    if not t.maatschappelijk_nuttig:
        fouten.append("Werk zonder maatschappelijk nut is verplichte arbeid, geen tegenprestatie.")
    if not t.omschrijving.strip():
        fouten.append("Omschrijf de werkzaamheden precies.")
    if not t.naar_vermogen.strip():
        fouten.append("Leg vast waarom dit past bij wat deze persoon kan (naar vermogen).")
    if t.einde is None or t.einde <= t.begin:
        fouten.append("Een tegenprestatie is beperkt in duur: vul een einddatum na het begin in.")
    if t.uren_per_week <= 0:
        fouten.append("Vul het aantal uren per week in.")
    if t.werkspoor and t.belemmert_arbeidsinschakeling:
        fouten.append("In het Werkspoor mag de tegenprestatie het vinden van werk niet belemmeren.")
    return fouten


# --- maatregelen (art. 18 lid 2 and the municipality's verordening) -----------------------------


@dataclass(frozen=True)
class Maatregelregel:
    """One category of the municipality's verordening: the lowering in % of the norm, for how
    many months, and whether a written warning must come first."""

    categorie: str
    omschrijving: str
    percentage: Decimal
    maanden: int
    waarschuwing_eerst: bool


def maatregelen_uit(waarde: object) -> dict[str, Maatregelregel]:
    """The verordening's categories from a municipal setting:
    ``{"categorie": {"omschrijving": ..., "percentage": "20", "maanden": 1,
    "waarschuwing_eerst": true}}``. ValueError (Dutch) for a percentage outside 0-100 or a
    duration outside 1-3 months (Participatiewet art. 18 lid 2: at most three months, unless the
    verordening says otherwise — this product keeps the three)."""
    if not isinstance(waarde, dict) or not waarde:
        raise ValueError("Geef ten minste één categorie van de verordening.")
    regels: dict[str, Maatregelregel] = {}
    for code, r in waarde.items():
        if not isinstance(r, dict):
            raise ValueError(f"Categorie {code}: verwacht een object.")
        try:
            pct = Decimal(str(r["percentage"]))
            maanden = int(r["maanden"])
        except (KeyError, ValueError, ArithmeticError) as exc:
            raise ValueError(f"Categorie {code}: percentage en maanden zijn verplicht.") from exc
        if not Decimal(0) < pct <= Decimal(100):
            raise ValueError(f"Categorie {code}: het percentage ligt tussen 0 en 100.")
        if not 1 <= maanden <= 3:
            raise ValueError(f"Categorie {code}: de duur is 1 tot en met 3 maanden.")
        regels[str(code)] = Maatregelregel(
            str(code),
            str(r.get("omschrijving", code)),
            pct,
            maanden,
            bool(r.get("waarschuwing_eerst", False)),
        )
    return regels


def verlaging(norm: Decimal, regel: Maatregelregel) -> Decimal:
    """The monthly lowering: the verordening's percentage of the household's norm, in cents
    (Participatiewet art. 18 lid 2)."""
    return (norm * regel.percentage / Decimal(100)).quantize(Decimal("0.01"))
