"""Mantelzorg and volunteer help as pure rules (issue 15): who counts as a young carer, when
care is long or intensive, the eight basic functions of carer support, the yearly appreciation
as a municipal choice, and whether a volunteer fits a klus.

Sources:
- Wmo 2015 art. 1.1.1 lid 1, "mantelzorg": help for self-reliance and participation that
  follows directly from a social relationship between persons and is not given as part of a
  helping profession. A mantelzorger may live anywhere and be of any age.
- Wmo 2015 art. 2.3.2 lid 4 onder d: the onderzoek covers the support need of the mantelzorger
  (the burden indicator is recorded there).
- Wmo 2015 art. 2.1.6: the verordening says how the college gives a *yearly* token of
  appreciation to the mantelzorgers of clients (the mantelzorgwaardering). Whether it is an
  amount or an event is the municipality's choice: stored dated with its source
  (`mantelzorg.WaarderingRegeling`), read here with `regeling_op`.
- BW 1:233: minderjarig is wie de achttien jaren nog niet bereikt heeft (young carer).
- SCP (De Boer & De Klerk, "Informele zorg in Nederland", 2013; repeated in "Mantelzorgers
  in het vizier", 2020): care that lasts longer than three months and/or takes more than eight
  hours a week is "langdurig en/of intensief".
- Seed 003a §5.2 (Hardenberg, after MEZZO, L1769-1898): the eight basisfuncties of
  mantelzorgondersteuning. Seed 002 §3.3 (Midden-Limburg, subdoel 3, activity 1): compare
  respijtzorg demand and supply. Seed 003a §5.3 and seed 004 L776-782: volunteers matched to
  requests for help per area ("Zorg voor Elkaar"); tegenprestatie clients get attention
  (L2083-2087).
- Wet justitiële en strafvorderlijke gegevens art. 28 lid 1: the Verklaring omtrent het gedrag
  (VOG) states that no objection was found *on the day it was issued*; the law gives it no
  term of validity. How old a volunteer's VOG may be on the day of a klus is therefore the
  municipality's choice (like an organisation's own VOG policy), stored dated with its source
  (`mantelzorg.VogTermijn`) and read here with `vog_termijn_op` and `vog_fouten`.

No Django, no clock: every date is an argument.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

__all__ = [
    "DAGDELEN",
    "INTENSIEF",
    "MINDERJARIG_TOT",
    "Basisfunctie",
    "Dagdeel",
    "Intensiteitsgrens",
    "RegelingVersie",
    "Taak",
    "VogTermijnVersie",
    "WaarderingVorm",
    "beschikbaarheid_fouten",
    "dagdeel_van",
    "is_jonge_mantelzorger",
    "is_langdurig_of_intensief",
    "leeftijd_op",
    "match_fouten",
    "regeling_fouten",
    "regeling_op",
    "uren_fouten",
    "vog_fouten",
    "vog_geldig_tot",
    "vog_termijn_fouten",
    "vog_termijn_op",
    "waardering_fouten",
]

MINDERJARIG_TOT = 18  # BW 1:233


class Basisfunctie(enum.StrEnum):
    """The eight basic functions of support for carers (MEZZO; seed 003a §5.2, L1769-1898)."""

    INFORMATIE = "informatie"
    ADVIES = "advies"
    EMOTIONELE_STEUN = "emotionele_steun"
    EDUCATIE = "educatie"
    PRAKTISCHE_HULP = "praktische_hulp"
    RESPIJTZORG = "respijtzorg"
    FINANCIELE_TEGEMOETKOMING = "financiele_tegemoetkoming"
    MATERIELE_HULP = "materiele_hulp"

    @property
    def label(self) -> str:
        return {
            "informatie": "Informatie",
            "advies": "Advies en begeleiding",
            "emotionele_steun": "Emotionele steun",
            "educatie": "Educatie",
            "praktische_hulp": "Praktische hulp",
            "respijtzorg": "Respijtzorg",
            "financiele_tegemoetkoming": "Financiële tegemoetkoming",
            "materiele_hulp": "Materiële hulp",
        }[self.value]


class Taak(enum.StrEnum):
    """What a carer does (the task groups of the SCP surveys on informal care)."""

    HUISHOUDEN = "huishouden"
    PERSOONLIJKE_VERZORGING = "persoonlijke_verzorging"
    VERPLEGING = "verpleging"
    BEGELEIDING = "begeleiding"
    VERVOER = "vervoer"
    ADMINISTRATIE = "administratie"
    GEZELSCHAP = "gezelschap"
    TOEZICHT = "toezicht"

    @property
    def label(self) -> str:
        return {
            "huishouden": "Huishouden",
            "persoonlijke_verzorging": "Persoonlijke verzorging",
            "verpleging": "Verpleging",
            "begeleiding": "Begeleiding (afspraken, regelen)",
            "vervoer": "Vervoer",
            "administratie": "Administratie en geldzaken",
            "gezelschap": "Gezelschap en emotionele steun",
            "toezicht": "Toezicht",
        }[self.value]


class WaarderingVorm(enum.StrEnum):
    """How the municipality gives the yearly appreciation (Wmo 2015 art. 2.1.6): an amount,
    or an event such as a waarderingsbijeenkomst (seed 003a R-MZ3, L1909-1961)."""

    BEDRAG = "bedrag"
    BIJEENKOMST = "bijeenkomst"

    @property
    def label(self) -> str:
        return {"bedrag": "Een bedrag", "bijeenkomst": "Een bijeenkomst of activiteit"}[self.value]


class Dagdeel(enum.StrEnum):
    OCHTEND = "ochtend"
    MIDDAG = "middag"
    AVOND = "avond"


DAGEN = ("ma", "di", "wo", "do", "vr", "za", "zo")
DAGNAMEN = {
    "ma": "maandag",
    "di": "dinsdag",
    "wo": "woensdag",
    "do": "donderdag",
    "vr": "vrijdag",
    "za": "zaterdag",
    "zo": "zondag",
}
# Every part of the week a volunteer can be available in, as "<dag>_<dagdeel>" ("ma_ochtend").
DAGDELEN: tuple[str, ...] = tuple(f"{d}_{p.value}" for d in DAGEN for p in Dagdeel)


def dagdeel_label(code: str) -> str:
    dag, deel = code.split("_", 1)
    return f"{DAGNAMEN[dag]} {deel}"


def dagdeel_van(datum: dt.date, deel: str) -> str:
    """The week part ("wo_middag") of a date and a part of the day."""
    return f"{DAGEN[datum.weekday()]}_{Dagdeel(deel).value}"


def leeftijd_op(geboortedatum: dt.date, dag: dt.date) -> int:
    """Age in whole years on `dag`."""
    jaren = dag.year - geboortedatum.year
    if (dag.month, dag.day) < (geboortedatum.month, geboortedatum.day):
        jaren -= 1
    return jaren


def is_jonge_mantelzorger(geboortedatum: dt.date | None, vandaag: dt.date) -> bool:
    """A young carer: a minor on `vandaag` (BW 1:233, under 18). Unknown birth date: no."""
    return geboortedatum is not None and leeftijd_op(geboortedatum, vandaag) < MINDERJARIG_TOT


@dataclass(frozen=True)
class Intensiteitsgrens:
    """SCP's boundary of long or intensive informal care, with its source."""

    uren_per_week: Decimal
    maanden: int
    bron: str


INTENSIEF = Intensiteitsgrens(
    uren_per_week=Decimal(8),
    maanden=3,
    bron="SCP, Informele zorg in Nederland (2013), langdurig (> 3 maanden) en/of intensief "
    "(> 8 uur per week)",
)


def _maanden_tussen(van: dt.date, tot: dt.date) -> int:
    maanden = (tot.year - van.year) * 12 + tot.month - van.month
    return maanden - (1 if tot.day < van.day else 0)


def is_langdurig_of_intensief(
    uren_per_week: Decimal, sinds: dt.date, vandaag: dt.date, grens: Intensiteitsgrens = INTENSIEF
) -> bool:
    """Care of more than `grens.uren_per_week` hours a week, or for longer than
    `grens.maanden` months on `vandaag` (SCP definition; see `INTENSIEF`)."""
    return uren_per_week > grens.uren_per_week or _maanden_tussen(sinds, vandaag) >= grens.maanden


def uren_fouten(uren_per_week: Decimal) -> list[str]:
    """Hours of care per week: more than zero and at most the hours of a week (7 x 24)."""
    if uren_per_week <= 0:
        return ["Vul het aantal uren per week in: meer dan 0."]
    if uren_per_week > 168:
        return ["Een week heeft 168 uur: vul een aantal van hoogstens 168 in."]
    return []


# --- the yearly appreciation (Wmo 2015 art. 2.1.6) ----------------------------------------------


@dataclass(frozen=True)
class RegelingVersie:
    """One stored version of the municipality's choice for the appreciation."""

    versie: int
    geldig_vanaf: dt.date
    vorm: WaarderingVorm
    bedrag: Decimal | None
    omschrijving: str
    bron: str


def regeling_fouten(vorm: str, bedrag: Decimal | None, omschrijving: str, bron: str) -> list[str]:
    """A valid choice: an amount above zero for `bedrag`, a description of the event for
    `bijeenkomst`, and always the source (verordening, collegebesluit)."""
    fouten: list[str] = []
    if vorm not in WaarderingVorm.__members__.values():
        fouten.append("Kies de vorm: een bedrag of een bijeenkomst.")
    elif vorm == WaarderingVorm.BEDRAG and (bedrag is None or bedrag <= 0):
        fouten.append("Vul het bedrag van de waardering in (meer dan € 0).")
    elif vorm == WaarderingVorm.BIJEENKOMST and not omschrijving.strip():
        fouten.append("Beschrijf de bijeenkomst of activiteit.")
    if not bron.strip():
        fouten.append("Vermeld de bron van de keuze (verordening of besluit van het college).")
    return fouten


def regeling_op(versies: Iterable[RegelingVersie], op: dt.date) -> RegelingVersie | None:
    """The version in force on `op`: the latest `geldig_vanaf` on or before `op` (of two on
    the same day the higher version); None when the municipality has made no choice yet."""
    geldig = [v for v in versies if v.geldig_vanaf <= op]
    if not geldig:
        return None
    return max(geldig, key=lambda v: (v.geldig_vanaf, v.versie))


def waardering_fouten(*, jaar: int, aangevraagd_op: dt.date, vandaag: dt.date) -> list[str]:
    """The appreciation is yearly (Wmo 2015 art. 2.1.6): an application is for the year it is
    made in, and not dated in the future. (One per carer per year is a database constraint.)"""
    fouten: list[str] = []
    if aangevraagd_op > vandaag:
        fouten.append("De datum van de aanvraag ligt in de toekomst.")
    if jaar != aangevraagd_op.year:
        fouten.append(
            f"De waardering is jaarlijks: een aanvraag van {aangevraagd_op:%d-%m-%Y} is voor "
            f"{aangevraagd_op.year}, niet voor {jaar}."
        )
    return fouten


# --- volunteers and klussen -------------------------------------------------------------------


def beschikbaarheid_fouten(dagdelen: Sequence[str]) -> list[str]:
    onbekend = [d for d in dagdelen if d not in DAGDELEN]
    if onbekend:
        return [f"Onbekend dagdeel: {', '.join(onbekend)}."]
    return []


def match_fouten(
    *,
    beschikbaar: Iterable[str],
    vaardigheden: Iterable[str],
    actief: bool,
    klus_datum: dt.date,
    klus_dagdeel: str,
    klus_vaardigheid: str,
) -> list[str]:
    """Why a volunteer does not fit a klus (empty: the match may be made): the volunteer is
    active, has the skill the klus asks and is available on that part of that day of the week
    (seed 004 L776-782: matching demand to volunteers "uit de buurt"; the wijk orders the
    suggestions but does not refuse a match)."""
    fouten: list[str] = []
    if not actief:
        fouten.append("Deze vrijwilliger is niet actief.")
    if klus_vaardigheid and klus_vaardigheid not in set(vaardigheden):
        fouten.append("Deze vrijwilliger heeft de vaardigheid niet die de klus vraagt.")
    moment = dagdeel_van(klus_datum, klus_dagdeel)
    if moment not in set(beschikbaar):
        fouten.append(
            f"Deze vrijwilliger is niet beschikbaar op {dagdeel_label(moment)} "
            f"({klus_datum:%d-%m-%Y}): kies een andere vrijwilliger of een ander moment."
        )
    return fouten


# --- the volunteer's VOG (Wjsg art. 28) -----------------------------------------------------------


@dataclass(frozen=True)
class VogTermijnVersie:
    """One stored version of the municipality's choice: a volunteer's VOG counts for klussen
    for `maanden` months after its date, from `geldig_vanaf`, with its source."""

    versie: int
    geldig_vanaf: dt.date
    maanden: int
    bron: str


VOG_MAANDEN_MIN, VOG_MAANDEN_MAX = 1, 120


def vog_termijn_fouten(maanden: int, bron: str) -> list[str]:
    """A valid choice: a whole number of months (1 to 120) and its source (the municipality's
    volunteer policy or a college decision); Wjsg art. 28 sets no term itself."""
    fouten: list[str] = []
    if not VOG_MAANDEN_MIN <= maanden <= VOG_MAANDEN_MAX:
        fouten.append(
            f"Vul een termijn in van {VOG_MAANDEN_MIN} tot en met {VOG_MAANDEN_MAX} maanden."
        )
    if not bron.strip():
        fouten.append(
            "Vermeld de bron van de keuze (vrijwilligersbeleid of besluit van het college)."
        )
    return fouten


def vog_termijn_op(versies: Iterable[VogTermijnVersie], op: dt.date) -> VogTermijnVersie | None:
    """The version in force on `op`: the latest `geldig_vanaf` on or before `op` (of two on the
    same day the higher version); None when the municipality has made no choice: then no VOG
    is asked (Wjsg art. 28 sets no term)."""
    geldig = [v for v in versies if v.geldig_vanaf <= op]
    if not geldig:
        return None
    return max(geldig, key=lambda v: (v.geldig_vanaf, v.versie))


def vog_geldig_tot(vog_datum: dt.date, termijn: VogTermijnVersie) -> dt.date:
    """The last day a VOG of `vog_datum` counts under `termijn`: a period of
    `termijn.maanden` months that starts on `vog_datum` ends the day before the same date in
    its last month (15 March 2023 + 36 months: 14 March 2026; 1 March 2023 + 12: 29 February
    2024), or on that month's last day when it has no such date (31 January + 1 month: 28 or
    29 February)."""
    totaal = vog_datum.month - 1 + termijn.maanden
    jaar, maand = vog_datum.year + totaal // 12, totaal % 12 + 1
    try:
        return dt.date(jaar, maand, vog_datum.day) - dt.timedelta(days=1)
    except ValueError:
        volgende = dt.date(jaar + maand // 12, maand % 12 + 1, 1)
        return volgende - dt.timedelta(days=1)


def vog_fouten(
    *, vog_datum: dt.date | None, op: dt.date, termijn: VogTermijnVersie | None
) -> list[str]:
    """Why a volunteer's VOG does not do for work on `op` (the day of the klus) under the
    municipality's choice `termijn` (Wjsg art. 28 lid 1: a VOG speaks of the day it was issued;
    the term is the municipality's). No choice: nothing asked. Else a VOG must be recorded and
    `op` must lie within the `termijn.maanden` months from its date (`vog_geldig_tot`)."""
    if termijn is None:
        return []
    if vog_datum is None:
        return [
            "Van deze vrijwilliger is geen VOG vastgelegd; de gemeente vraagt een VOG van "
            f"hoogstens {termijn.maanden} maanden oud ({termijn.bron})."
        ]
    tot = vog_geldig_tot(vog_datum, termijn)
    if op > tot:
        return [
            f"De VOG van deze vrijwilliger is van {vog_datum:%d-%m-%Y} en telt tot en met "
            f"{tot:%d-%m-%Y}: de gemeente laat een VOG {termijn.maanden} maanden meetellen "
            f"({termijn.bron}). Op {op:%d-%m-%Y} is hij te oud; vraag eerst een nieuwe VOG aan "
            "of kies een andere vrijwilliger."
        ]
    return []
