"""A municipality's own choices, as pure data with their checks (issue 10, municipal settings).

The law leaves these to the municipality; each is stored dated with its source
(``gemeente.Instelling``) and read as the value in force on a date. This module says what a
valid value is and turns the stored JSON into the objects the rules use:

- ``ladder``: the steps of the ladder. Own strength and usual help, mantelzorg and the social
  network, and algemene voorzieningen are always on (Wmo 2015 art. 2.3.5 lid 3); volunteers
  and collectief maatwerk are steps the municipality may add (``rules.onderzoek.Ladder``).
- ``rechtmatigheid``: which decisions the back office checks for lawfulness before or after
  they are sent. Not in the law: internal control of the municipality (the college's
  verantwoording, Gemeentewet art. 212 and 213 — the verordening on financial management and
  its controle); the seed municipalities check a generalist's decision (Hardenberg: afterwards).
- ``eigen_bijdrage``: the municipality's exemptions and a lower amount (Wmo 2015 art. 2.1.4
  for algemene voorzieningen, art. 2.1.4a for maatwerk, leden of the current text not
  verified; text of 2015: art. 2.1.4 lid 2, the verordening may set the contribution
  differently per kind of provision and give groups of persons a discount),
  e.g. collectief vervoer, or a minimabeleid up to a percentage of the social minimum
  (``rules.eigen_bijdrage.GemeentelijkeRegels``).
- ``teksten``: the municipality's words, e.g. what it calls its team ("wijkteam",
  "sociaal team").
- ``participatie``: work and income (issue 14): the route thresholds by earning capacity in %
  of the statutory minimum wage (seed 003a R-PW1; Hardenberg 100 and 40), the region's number
  of beschut werk places for the municipality (seed 000: 10 in Noord-Limburg, 5 for Venlo;
  optional) and the verordening's maatregel categories (Participatiewet art. 8 lid 1 onder a
  and art. 18 lid 2; optional: without them eenplan's labelled example applies)
  (``rules.participatie.Drempels``, ``maatregelen_uit``).
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from eenplan.rules.eigen_bijdrage import Categorie, GemeentelijkeRegels
from eenplan.rules.onderzoek import GEMEENTELIJKE_STAPPEN, Ladder, LadderStap
from eenplan.rules.participatie import Drempels, Maatregelregel, maatregelen_uit

__all__ = [
    "GEMEENTELIJKE_CATEGORIEEN",
    "LADDER_SLEUTELS",
    "Onderwerp",
    "ParticipatieInstelling",
    "Rechtmatigheidsregel",
    "Teksten",
    "Toetsing",
    "bijdrage_uit",
    "fouten",
    "ladder_uit",
    "participatie_uit",
    "rechtmatigheid_uit",
    "teksten_uit",
    "waarde_van",
]


class Onderwerp(enum.StrEnum):
    LADDER = "ladder"
    RECHTMATIGHEID = "rechtmatigheid"
    EIGEN_BIJDRAGE = "eigen_bijdrage"
    TEKSTEN = "teksten"
    PARTICIPATIE = "participatie"

    @property
    def label(self) -> str:
        return {
            Onderwerp.LADDER: "Stappen van de ladder",
            Onderwerp.RECHTMATIGHEID: "Rechtmatigheidstoets",
            Onderwerp.EIGEN_BIJDRAGE: "Vrijstellingen eigen bijdrage",
            Onderwerp.TEKSTEN: "Teksten",
            Onderwerp.PARTICIPATIE: "Werk en inkomen (Participatiewet)",
        }[self]


# --- ladder ---------------------------------------------------------------------------------

# The optional steps by the names stored in the JSON.
LADDER_SLEUTELS: Mapping[str, LadderStap] = {
    "vrijwilligers": LadderStap.VRIJWILLIGERS,
    "collectief_maatwerk": LadderStap.COLLECTIEF_MAATWERK,
}


def ladder_uit(waarde: Mapping[str, object], bron: str = "") -> Ladder:
    """The ladder from ``{"extra": ["vrijwilligers", "collectief_maatwerk"]}``. Raises
    ValueError (Dutch) for a step the municipality cannot add or drop (Wmo 2015 art. 2.3.5
    lid 3: the legal steps are always on)."""
    extra = waarde.get("extra", [])
    if not isinstance(extra, list) or not all(isinstance(s, str) for s in extra):
        raise ValueError("Geef de extra stappen als lijst van namen.")
    onbekend = [s for s in extra if s not in LADDER_SLEUTELS]
    if onbekend:
        raise ValueError(
            f"Onbekende of wettelijke stap: {', '.join(onbekend)}. Alleen vrijwilligers en "
            "collectief maatwerk kan de gemeente toevoegen; eigen kracht, netwerk en "
            "mantelzorg en algemene voorzieningen staan altijd aan (Wmo 2015 art. 2.3.5 lid 3)."
        )
    stappen = frozenset(LADDER_SLEUTELS[s] for s in extra)
    return Ladder(extra=stappen, bron=bron) if bron else Ladder(extra=stappen)


# --- rechtmatigheid ---------------------------------------------------------------------------


class Toetsing(enum.StrEnum):
    """Which decisions go to the back office's lawfulness check."""

    GENERALIST = "generalist"  # a decision by a generalist (not by the back office)
    ALLE = "alle"  # every decision, by whoever took it (checked by someone else)
    GEEN = "geen"  # none: the municipality checks afterwards in its own way (sample)

    @property
    def label(self) -> str:
        return {
            Toetsing.GENERALIST: "Besluiten van een generalist",
            Toetsing.ALLE: "Alle besluiten",
            Toetsing.GEEN: "Geen toets per besluit",
        }[self]


@dataclass(frozen=True)
class Rechtmatigheidsregel:
    """The municipality's lawfulness rule: which decisions are checked, and whether such a
    decision may be sent before the check (Hardenberg: yes, the check is afterwards)."""

    toetsing: Toetsing = Toetsing.GENERALIST
    verzenden_voor_toetsing: bool = True

    def te_toetsen(self, *, door_generalist: bool) -> bool:
        """Whether a decision taken now goes to the check."""
        if self.toetsing == Toetsing.ALLE:
            return True
        if self.toetsing == Toetsing.GEEN:
            return False
        return door_generalist


def rechtmatigheid_uit(waarde: Mapping[str, object]) -> Rechtmatigheidsregel:
    toetsing = waarde.get("toetsing", Toetsing.GENERALIST.value)
    if toetsing not in Toetsing.__members__.values():
        raise ValueError("Kies welke besluiten worden getoetst: generalist, alle of geen.")
    verzenden = waarde.get("verzenden_voor_toetsing", True)
    if not isinstance(verzenden, bool):
        raise ValueError(
            "Geef met ja of nee aan of een besluit vóór de toets mag worden verzonden."
        )
    return Rechtmatigheidsregel(Toetsing(str(toetsing)), verzenden)


# --- eigen bijdrage ---------------------------------------------------------------------------

# Categories a municipality may exempt. A wheelchair is exempt by national law already
# (Uitvoeringsbesluit Wmo 2015 art. 3.8), so it is no municipal choice.
GEMEENTELIJKE_CATEGORIEEN: tuple[Categorie, ...] = (
    Categorie.COLLECTIEF_VERVOER,
    Categorie.WONINGAANPASSING,
    Categorie.HULPMIDDEL,
)

CATEGORIE_LABELS: Mapping[Categorie, str] = {
    Categorie.OVERIG: "Geen bijzondere categorie",
    Categorie.ROLSTOEL: "Rolstoel (landelijk vrijgesteld)",
    Categorie.COLLECTIEF_VERVOER: "Collectief vervoer",
    Categorie.WONINGAANPASSING: "Woningaanpassing",
    Categorie.HULPMIDDEL: "Hulpmiddel (geen rolstoel)",
}

MINIMABELEID_MIN = Decimal("100")
MINIMABELEID_MAX = Decimal("300")


def _bedrag(waarde: object, wat: str) -> Decimal | None:
    if waarde is None or waarde == "":
        return None
    try:
        getal = Decimal(str(waarde))
    except InvalidOperation as exc:
        raise ValueError(f"{wat}: vul een getal in, bijvoorbeeld 120.") from exc
    if not getal.is_finite():
        raise ValueError(f"{wat}: vul een getal in, bijvoorbeeld 120.")
    return getal


def bijdrage_uit(waarde: Mapping[str, object], bron: str = "") -> GemeentelijkeRegels:
    """The municipality's exemptions from ``{"vrijgestelde_categorieen": [...],
    "minimabeleid_percentage": "120" | null, "lager_bedrag": "10.00" | null}``."""
    categorieen = waarde.get("vrijgestelde_categorieen", [])
    if not isinstance(categorieen, list):
        raise ValueError("Geef de vrijgestelde categorieën als lijst.")
    toegestaan = {c.value for c in GEMEENTELIJKE_CATEGORIEEN}
    onbekend = [str(c) for c in categorieen if c not in toegestaan]
    if onbekend:
        raise ValueError(
            f"Deze categorie kan de gemeente niet vrijstellen: {', '.join(onbekend)}. Kies uit "
            "collectief vervoer, woningaanpassing en hulpmiddel (een rolstoel is landelijk al "
            "vrijgesteld)."
        )
    percentage = _bedrag(waarde.get("minimabeleid_percentage"), "Minimabeleid")
    if percentage is not None and not MINIMABELEID_MIN <= percentage <= MINIMABELEID_MAX:
        raise ValueError(
            "Minimabeleid: het percentage van het sociaal minimum ligt tussen 100 en 300."
        )
    lager = _bedrag(waarde.get("lager_bedrag"), "Lager bedrag")
    if lager is not None and lager < 0:
        raise ValueError("Lager bedrag: een bedrag van 0 of meer.")
    return GemeentelijkeRegels(
        vrijgestelde_categorieen=frozenset(Categorie(str(c)) for c in categorieen),
        lager_bedrag=lager,
        minimabeleid_percentage=percentage,
        **({"bron": bron} if bron else {}),
    )


# --- teksten ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Teksten:
    """The municipality's words. ``teamnaam``: what it calls the team a resident deals with,
    in lower case as it reads in a sentence ("uw wijkteam", "het sociaal team")."""

    teamnaam: str = "wijkteam"


def teksten_uit(waarde: Mapping[str, object]) -> Teksten:
    naam = waarde.get("teamnaam", "wijkteam")
    if not isinstance(naam, str) or not naam.strip():
        raise ValueError("Vul de naam van het team in, bijvoorbeeld 'wijkteam' of 'sociaal team'.")
    naam = " ".join(naam.split())
    if len(naam) > 60:
        raise ValueError("De naam van het team is te lang (ten hoogste 60 tekens).")
    return Teksten(teamnaam=naam)


# --- participatie (work and income, issue 14) -------------------------------------------------

MAX_BESCHUT_WERK = 100_000  # a sanity bound: more places than any region has


@dataclass(frozen=True)
class ParticipatieInstelling:
    """The municipality's work-and-income choices: the route thresholds, the region's beschut
    werk places (None: not set) and the verordening's maatregel categories (None: not set)."""

    drempels: Drempels
    beschut_werk_plaatsen: int | None = None
    maatregelen: dict[str, Maatregelregel] | None = None


def _percentage(waarde: object, wat: str) -> Decimal:
    try:
        getal = Decimal(str(waarde))
    except (InvalidOperation, ValueError) as exc:
        raise ValueError(f"{wat}: vul een percentage in, bijvoorbeeld 40.") from exc
    if not getal.is_finite():
        raise ValueError(f"{wat}: vul een percentage in, bijvoorbeeld 40.")
    return getal


def participatie_uit(waarde: Mapping[str, object], bron: str = "") -> ParticipatieInstelling:
    """``{"direct": "100", "werkspoor": "40", "beschut_werk_plaatsen": 5 | null,
    "maatregelen": {code: {omschrijving, percentage, maanden, waarschuwing_eerst}} | absent}``.
    ValueError (Dutch) for a missing or wrong threshold, Werkspoor not below direct, a negative
    or non-whole number of places, or a wrong category."""
    if "direct" not in waarde or "werkspoor" not in waarde:
        raise ValueError(
            "Geef beide drempels: directe bemiddeling en Werkspoor (in % van het minimumloon)."
        )
    drempels = Drempels(
        direct=_percentage(waarde["direct"], "Drempel directe bemiddeling"),
        werkspoor=_percentage(waarde["werkspoor"], "Drempel Werkspoor"),
        bron=bron,
    )
    if drempels.fouten():
        raise ValueError(" ".join(drempels.fouten()))
    plaatsen = waarde.get("beschut_werk_plaatsen")
    if plaatsen is not None and (
        isinstance(plaatsen, bool)
        or not isinstance(plaatsen, int)
        or not 0 <= plaatsen <= MAX_BESCHUT_WERK
    ):
        raise ValueError(
            "Het aantal plaatsen beschut werk is een heel getal van 0 of meer (of leeg)."
        )
    maatregelen = None
    if waarde.get("maatregelen") is not None:
        maatregelen = maatregelen_uit(waarde["maatregelen"])
    onbekend = set(waarde) - {"direct", "werkspoor", "beschut_werk_plaatsen", "maatregelen"}
    if onbekend:
        raise ValueError(f"Onbekend veld: {', '.join(sorted(onbekend))}.")
    return ParticipatieInstelling(drempels, plaatsen, maatregelen)


# --- all subjects -----------------------------------------------------------------------------


def fouten(onderwerp: str, waarde: object) -> list[str]:
    """What is wrong with ``waarde`` for ``onderwerp``, in Dutch; empty when it is valid."""
    if onderwerp not in Onderwerp.__members__.values():
        return [
            "Onbekend onderwerp: kies ladder, rechtmatigheid, eigen_bijdrage, teksten of "
            "participatie."
        ]
    if not isinstance(waarde, Mapping):
        return ["De waarde is een object met de velden van het onderwerp."]
    lezer: dict[Onderwerp, Callable[[Mapping[str, object]], object]] = {
        Onderwerp.LADDER: ladder_uit,
        Onderwerp.RECHTMATIGHEID: rechtmatigheid_uit,
        Onderwerp.EIGEN_BIJDRAGE: bijdrage_uit,
        Onderwerp.TEKSTEN: teksten_uit,
        Onderwerp.PARTICIPATIE: participatie_uit,
    }
    try:
        lezer[Onderwerp(onderwerp)](waarde)
    except ValueError as exc:
        return [str(exc)]
    return []


def waarde_van(
    obj: Ladder | Rechtmatigheidsregel | GemeentelijkeRegels | Teksten | ParticipatieInstelling,
) -> dict[str, object]:
    """The JSON form of a setting (the inverse of the ``*_uit`` readers)."""
    if isinstance(obj, ParticipatieInstelling):
        uit: dict[str, object] = {
            "direct": str(obj.drempels.direct),
            "werkspoor": str(obj.drempels.werkspoor),
            "beschut_werk_plaatsen": obj.beschut_werk_plaatsen,
        }
        if obj.maatregelen is not None:
            uit["maatregelen"] = {
                code: {
                    "omschrijving": r.omschrijving,
                    "percentage": str(r.percentage),
                    "maanden": r.maanden,
                    "waarschuwing_eerst": r.waarschuwing_eerst,
                }
                for code, r in obj.maatregelen.items()
            }
        return uit
    if isinstance(obj, Ladder):
        namen = {stap: naam for naam, stap in LADDER_SLEUTELS.items()}
        return {"extra": [namen[s] for s in sorted(obj.extra) if s in GEMEENTELIJKE_STAPPEN]}
    if isinstance(obj, Rechtmatigheidsregel):
        return {
            "toetsing": obj.toetsing.value,
            "verzenden_voor_toetsing": obj.verzenden_voor_toetsing,
        }
    if isinstance(obj, GemeentelijkeRegels):
        return {
            "vrijgestelde_categorieen": sorted(c.value for c in obj.vrijgestelde_categorieen),
            "minimabeleid_percentage": None
            if obj.minimabeleid_percentage is None
            else str(obj.minimabeleid_percentage),
            "lager_bedrag": None if obj.lager_bedrag is None else str(obj.lager_bedrag),
        }
    return {"teamnaam": obj.teamnaam}
