"""Debt help (schuldhulpverlening) rules, as pure Python (issue 14).

No Django, no clock: every date is an argument. The terms are dated data with their source
(``TERMIJNEN``): a request or signal is judged by the version in force on its date. What was
verified, and how, is in ``docs/schuldhulp.md``.

Sources (Wet gemeentelijke schuldhulpverlening, Wgs, BWBR0031331, in force 1 July 2012; the
vroegsignalering and the new intake with a beschikking on toelating from 1 January 2021):

- Wgs art. 3a (from 1 January 2021): a verhuurder, drinkwaterbedrijf, energieleverancier and
  zorgverzekeraar pass a signal of payment arrears (betalingsachterstand) of a resident to the
  college, for vroegsignalering; art. 3b: on such a signal the college offers the resident
  schuldhulpverlening (it makes contact). The creditor kinds are ``SchuldeiserSoort``.
- Wgs art. 4 lid 1: after a request for help (or a contact after a signal), the first
  conversation (eerste gesprek) takes place within four weeks.
- Wgs art. 4 lid 2: within three working days in a "bedreigende situatie": "gedwongen
  woningontruiming, beëindiging van de levering van gas, elektriciteit, stadsverwarming of water
  of opzegging dan wel ontbinding van de zorgverzekering" (``Dreiging``; energy covers gas,
  electricity and district heating). Both terms stand since 1 July 2012 (text of 2012 checked
  word for word).
- Wgs art. 4a (from 1 January 2021): after the first conversation the college decides by
  beschikking whether the person is admitted (toelating) to schuldhulpverlening, with a plan
  van aanpak; the Wgs sets no decision term of its own, so the Awb term applies: eight weeks
  from the aanvraag (Awb art. 4:13 lid 2), and the aanvraag is made in the first conversation.
- Peelregio (seed 004 L1358-1368): a local intake triages a debt question as light (local
  products to put the household administration in order) or heavy (budgettering, schuldregeling
  or -sanering by Schulddienstverlening Helmond). ``Triage`` refines that into the four
  outcomes of the issue; ``zwaarte`` maps them back to the seed's light/heavy.
- The route (issue 14): aanmelding -> eerste gesprek -> stabilisatie -> minnelijk traject ->
  WSNP (Faillissementswet titel III, the wettelijke schuldsanering) or afgerond.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from dataclasses import dataclass

from eenplan.rules import termijnen

__all__ = [
    "FASE_OVERGANGEN",
    "TERMIJNEN",
    "Dreiging",
    "Fase",
    "SchuldeiserSoort",
    "Termijnregel",
    "Triage",
    "Zwaarte",
    "beslissen_uiterlijk",
    "eerste_gesprek_tijdig",
    "eerste_gesprek_uiterlijk",
    "fase_fout",
    "termijnregel_op",
    "triage_fout",
    "vroegsignalering_geldt",
    "zwaarte",
]

WGS_IN_WERKING = dt.date(2012, 7, 1)
WIJZIGING_2021 = dt.date(2021, 1, 1)


class SchuldeiserSoort(enum.StrEnum):
    """The fixed-cost partners of vroegsignalering (Wgs art. 3a lid 1)."""

    HUUR = "huur"
    ENERGIE = "energie"
    DRINKWATER = "drinkwater"
    ZORGVERZEKERING = "zorgverzekering"

    @property
    def label(self) -> str:
        return {
            "huur": "Verhuurder (huurachterstand)",
            "energie": "Energieleverancier",
            "drinkwater": "Drinkwaterbedrijf",
            "zorgverzekering": "Zorgverzekeraar (premieachterstand)",
        }[self.value]


class Dreiging(enum.StrEnum):
    """The threats of Wgs art. 4 lid 2 that shorten the term to three working days."""

    ONTRUIMING = "ontruiming"
    AFSLUITING_ENERGIE = "afsluiting_energie"
    AFSLUITING_WATER = "afsluiting_water"
    OPZEGGING_ZORGVERZEKERING = "opzegging_zorgverzekering"

    @property
    def label(self) -> str:
        return {
            "ontruiming": "Dreigende ontruiming van de woning",
            "afsluiting_energie": "Dreigende afsluiting van energie",
            "afsluiting_water": "Dreigende afsluiting van drinkwater",
            "opzegging_zorgverzekering": "Dreigende opzegging van de zorgverzekering",
        }[self.value]


class Triage(enum.StrEnum):
    """The outcome of the local intake (seed 004 L1360-1368, refined by issue 14)."""

    INFO_ADVIES = "info_advies"
    BUDGETCOACHING = "budgetcoaching"
    SCHULDHULPROUTE = "schuldhulproute"
    CRISISINTERVENTIE = "crisisinterventie"

    @property
    def label(self) -> str:
        return {
            "info_advies": "Alleen informatie en advies",
            "budgetcoaching": "Budgetcoaching (thuisadministratie op orde)",
            "schuldhulproute": "Volledige schuldhulproute",
            "crisisinterventie": "Crisisinterventie",
        }[self.value]


class Zwaarte(enum.StrEnum):
    LICHT = "licht"
    ZWAAR = "zwaar"


def zwaarte(uitkomst: Triage | str) -> Zwaarte:
    """Light or heavy in the seed's sense (seed 004 L1362-1368): information and budget
    coaching are the local products for light debts; the full route and crisis intervention
    go to the debt service (budgettering, schuldregeling or -sanering)."""
    uitkomst = Triage(uitkomst)
    if uitkomst in (Triage.INFO_ADVIES, Triage.BUDGETCOACHING):
        return Zwaarte.LICHT
    return Zwaarte.ZWAAR


def triage_fout(uitkomst: Triage | str, *, dreiging: Dreiging | str | None) -> str | None:
    """The refusal (Dutch) of a triage that does not fit the request, or None.

    Crisis intervention is for a threat of Wgs art. 4 lid 2 (eviction, cut-off of energy or
    water, termination of the health insurance); with such a threat, information only or budget
    coaching leaves the threat unanswered, so the triage must be heavy (seed 004 L1366-1368)."""
    uitkomst = Triage(uitkomst)
    if uitkomst == Triage.CRISISINTERVENTIE and not dreiging:
        return (
            "Crisisinterventie is voor een dreigende ontruiming, afsluiting van energie of "
            "water, of opzegging van de zorgverzekering (Wgs art. 4 lid 2). Leg de dreiging vast "
            "of kies een andere uitkomst."
        )
    if dreiging and zwaarte(uitkomst) == Zwaarte.LICHT:
        return (
            "Er is een dreiging als bedoeld in Wgs art. 4 lid 2: kies crisisinterventie of de "
            "volledige schuldhulproute, niet alleen advies of budgetcoaching."
        )
    return None


# --- the terms, as dated data -----------------------------------------------------------------


@dataclass(frozen=True)
class Termijnregel:
    """One version of the Wgs terms, for requests and signals from `geldig_vanaf`."""

    geldig_vanaf: dt.date
    eerste_gesprek_weken: int  # art. 4 lid 1
    eerste_gesprek_werkdagen_bij_dreiging: int  # art. 4 lid 2
    vroegsignalering: bool  # art. 3a/3b exist
    beslissen_weken: int | None  # art. 4a with Awb 4:13 lid 2; None: no toelating beschikking
    bron: str


TERMIJNEN: tuple[Termijnregel, ...] = (
    Termijnregel(
        WGS_IN_WERKING,
        4,
        3,
        False,
        None,
        "Wgs art. 4 (tekst 1 juli 2012): eerste gesprek binnen vier weken na het verzoek, "
        "binnen drie werkdagen bij dreigende ontruiming, afsluiting van energie of water of "
        "opzegging van de zorgverzekering",
    ),
    Termijnregel(
        WIJZIGING_2021,
        4,
        3,
        True,
        8,
        "Wgs art. 3a-3b (vroegsignalering), art. 4 lid 1-2 en art. 4a (beschikking over de "
        "toelating na het eerste gesprek) zoals gewijzigd per 1 januari 2021; beslistermijn "
        "acht weken na de aanvraag in het eerste gesprek (Awb art. 4:13 lid 2)",
    ),
)


def termijnregel_op(op: dt.date) -> Termijnregel:
    """The version of the Wgs terms in force on `op`; ValueError before 1 July 2012."""
    geldig = [r for r in TERMIJNEN if r.geldig_vanaf <= op]
    if not geldig:
        raise ValueError("De Wet gemeentelijke schuldhulpverlening geldt vanaf 1 juli 2012.")
    return geldig[-1]


def vroegsignalering_geldt(op: dt.date) -> bool:
    """Whether Wgs art. 3a/3b (signals from fixed-cost partners) apply on `op`: from
    1 January 2021."""
    return termijnregel_op(op).vroegsignalering


def eerste_gesprek_uiterlijk(
    verzoek_op: dt.date,
    *,
    dreiging: bool,
    extra: Iterable[termijnen.GelijkgesteldeDag] | None = None,
) -> dt.date:
    """The last day of the first conversation (Wgs art. 4): four weeks after the request
    (lid 1), or three working days when there is a threat of art. 4 lid 2 — a working day is
    no Saturday, Sunday or (municipal or general) holiday. The day of the request does not
    count."""
    regel = termijnregel_op(verzoek_op)
    if dreiging:
        return termijnen.werkdagen_later(
            verzoek_op, regel.eerste_gesprek_werkdagen_bij_dreiging, extra=extra
        )
    return verzoek_op + dt.timedelta(weeks=regel.eerste_gesprek_weken)


def eerste_gesprek_tijdig(
    verzoek_op: dt.date,
    gesprek_op: dt.date,
    *,
    dreiging: bool,
    extra: Iterable[termijnen.GelijkgesteldeDag] | None = None,
) -> bool:
    """Whether the first conversation on `gesprek_op` was within the term of Wgs art. 4.
    ValueError when it predates the request."""
    if gesprek_op < verzoek_op:
        raise ValueError("Het eerste gesprek ligt vóór het verzoek.")
    return gesprek_op <= eerste_gesprek_uiterlijk(verzoek_op, dreiging=dreiging, extra=extra)


def beslissen_uiterlijk(eerste_gesprek_op: dt.date) -> dt.date:
    """The last day to decide on admission (toelating) by beschikking (Wgs art. 4a): the
    aanvraag is made in the first conversation, and without a term in the Wgs the reasonable
    term is eight weeks (Awb art. 4:13 lid 2). ValueError for a conversation before 2021,
    when the Wgs knew no beschikking on toelating."""
    regel = termijnregel_op(eerste_gesprek_op)
    if regel.beslissen_weken is None:
        raise ValueError(
            "Een beschikking over de toelating (Wgs art. 4a) bestaat vanaf 1 januari 2021."
        )
    return eerste_gesprek_op + dt.timedelta(weeks=regel.beslissen_weken)


# --- the route --------------------------------------------------------------------------------


class Fase(enum.StrEnum):
    AANMELDING = "aanmelding"
    EERSTE_GESPREK = "eerste_gesprek"
    STABILISATIE = "stabilisatie"
    MINNELIJK = "minnelijk"
    WSNP = "wsnp"
    AFGEROND = "afgerond"

    @property
    def label(self) -> str:
        return {
            "aanmelding": "Aanmelding",
            "eerste_gesprek": "Eerste gesprek (intake)",
            "stabilisatie": "Stabilisatie",
            "minnelijk": "Minnelijk traject",
            "wsnp": "Verwezen naar de WSNP",
            "afgerond": "Afgerond",
        }[self.value]


# Each phase and the phases that may follow it. The route may end (afgerond) from every open
# phase: a resident may withdraw, or the first conversation shows no debt help is needed.
FASE_OVERGANGEN: dict[Fase, frozenset[Fase]] = {
    Fase.AANMELDING: frozenset({Fase.EERSTE_GESPREK, Fase.AFGEROND}),
    Fase.EERSTE_GESPREK: frozenset({Fase.STABILISATIE, Fase.AFGEROND}),
    Fase.STABILISATIE: frozenset({Fase.MINNELIJK, Fase.AFGEROND}),
    Fase.MINNELIJK: frozenset({Fase.WSNP, Fase.AFGEROND}),
    Fase.WSNP: frozenset(),
    Fase.AFGEROND: frozenset(),
}


def fase_fout(van: Fase | str, naar: Fase | str) -> str | None:
    """The refusal (Dutch) of a step of the route that skips or reverses a phase, or None.
    A referral to the WSNP (Faillissementswet art. 285 lid 1 onder f: a statement that an
    amicable settlement failed) comes only after a minnelijk traject."""
    van, naar = Fase(van), Fase(naar)
    if naar in FASE_OVERGANGEN[van]:
        return None
    if not FASE_OVERGANGEN[van]:
        return f"De route is al beëindigd ({van.label.lower()})."
    if naar == Fase.WSNP:
        return "Verwijzen naar de WSNP kan alleen na een minnelijk traject."
    toegestaan = " of ".join(sorted(f.label.lower() for f in FASE_OVERGANGEN[van]))
    return f"Na {van.label.lower()} volgt {toegestaan}, niet {naar.label.lower()}."
