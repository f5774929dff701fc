"""The onderzoek (assessment) and the ladder, as pure rules.

Sources:
- Wmo 2015 art. 2.3.2 lid 4 onder a-g: what the onderzoek must cover; lid 1: with the
  resident and where possible the mantelzorger; lid 3: point out free cliëntondersteuning;
  lid 6: inform about the PGB option and its consequences (see also art. 2.3.6); lid 8: a
  written verslag to the resident; lid 9: the aanvraag follows the onderzoek, unless the
  onderzoek took longer than six weeks.
- Wmo 2015 art. 2.3.5 lid 3: a maatwerkvoorziening only as far as own strength, usual help,
  mantelzorg, the social network and general provisions fall short. These steps are required
  by law; volunteers and collective maatwerk are steps a municipality may add to its ladder
  ("zo licht als mogelijk, zo zwaar als nodig"; seeds 003 and 004). The municipality's ladder
  is a setting (``Ladder``).
- Midden-Limburg indicator M1 (seed 002 §8): the mantelzorger's own need for support was
  discussed.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from dataclasses import dataclass

__all__ = [
    "GEMEENTELIJKE_STAPPEN",
    "ONDERDELEN",
    "STANDAARD_LADDER",
    "WETTELIJKE_STAPPEN",
    "Ladder",
    "LadderStap",
    "Onderdeel",
    "StapUitkomst",
    "aanvraag_zonder_afgerond_onderzoek_toegestaan",
    "maatwerk_ontbrekende_stappen",
    "verslag_ontbrekend",
]


@dataclass(frozen=True)
class Onderdeel:
    code: str
    titel: str
    bron: str


# Wmo 2015 art. 2.3.2 lid 4: the seven subjects of the onderzoek.
ONDERDELEN: tuple[Onderdeel, ...] = (
    Onderdeel(
        "a", "Behoeften, persoonskenmerken en voorkeuren", "Wmo 2015 art. 2.3.2 lid 4 onder a"
    ),
    Onderdeel("b", "Eigen kracht en gebruikelijke hulp", "Wmo 2015 art. 2.3.2 lid 4 onder b"),
    Onderdeel(
        "c",
        "Mantelzorg en sociaal netwerk",
        "Wmo 2015 art. 2.3.2 lid 4 onder c",
    ),
    Onderdeel(
        "d", "Ondersteuningsbehoefte van de mantelzorger", "Wmo 2015 art. 2.3.2 lid 4 onder d"
    ),
    Onderdeel("e", "Algemene voorzieningen en andere hulp", "Wmo 2015 art. 2.3.2 lid 4 onder e"),
    Onderdeel(
        "f",
        "Afstemming met zorg, jeugdhulp, werk, inkomen en onderwijs",
        "Wmo 2015 art. 2.3.2 lid 4 onder f",
    ),
    Onderdeel("g", "De bijdrage in de kosten", "Wmo 2015 art. 2.3.2 lid 4 onder g"),
)


def verslag_ontbrekend(
    onderdelen: Mapping[str, tuple[str, str]],
    *,
    clientondersteuning_gewezen: bool,
    pgb_uitgelegd: bool,
    mantelzorger_besproken: bool | None,
) -> list[str]:
    """What is still missing before the verslag may be made final (Wmo 2015 art. 2.3.2 lid 4
    and 8), in Dutch, one line each; empty when complete.

    `onderdelen` maps a code a-g to (antwoord, reden_niet_van_toepassing): each needs an answer
    or a reason why it does not apply. `mantelzorger_besproken` is None when there is no
    mantelzorger (then it cannot be discussed; Midden-Limburg indicator M1 counts only the
    others)."""
    missing = []
    for onderdeel in ONDERDELEN:
        antwoord, reden = onderdelen.get(onderdeel.code, ("", ""))
        if not antwoord.strip() and not reden.strip():
            missing.append(
                f"Onderdeel {onderdeel.code} ({onderdeel.titel}): vul het in of geef aan waarom "
                "het niet van toepassing is."
            )
    if not clientondersteuning_gewezen:
        missing.append("Wijs de inwoner op gratis cliëntondersteuning (Wmo 2015 art. 2.3.2 lid 3).")
    if not pgb_uitgelegd:
        missing.append(
            "Leg de mogelijkheid van een persoonsgebonden budget uit (Wmo 2015 art. 2.3.2 lid 6)."
        )
    if mantelzorger_besproken is False:
        missing.append(
            "Bespreek de ondersteuningsbehoefte van de mantelzorger "
            "(Wmo 2015 art. 2.3.2 lid 4 onder d)."
        )
    return missing


def aanvraag_zonder_afgerond_onderzoek_toegestaan(
    onderzoek_uiterlijk: dt.date | None, vandaag: dt.date, *, verslag_definitief: bool
) -> bool:
    """True when the resident may file an aanvraag now: after the onderzoek, or once the
    onderzoek took longer than six weeks (Wmo 2015 art. 2.3.2 lid 9)."""
    if verslag_definitief:
        return True
    return onderzoek_uiterlijk is not None and vandaag > onderzoek_uiterlijk


class LadderStap(enum.IntEnum):
    """The afwegingskader, lightest first (Wmo 2015 art. 2.3.5 lid 3; seeds 003, 004)."""

    EIGEN_KRACHT = 1
    NETWERK = 2
    VRIJWILLIGERS = 3
    ALGEMENE_VOORZIENINGEN = 4
    COLLECTIEF_MAATWERK = 5
    INDIVIDUEEL_MAATWERK = 6

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    LadderStap.EIGEN_KRACHT: "Eigen kracht",
    LadderStap.NETWERK: "Netwerk en mantelzorg",
    LadderStap.VRIJWILLIGERS: "Vrijwilligers",
    LadderStap.ALGEMENE_VOORZIENINGEN: "Algemene voorzieningen",
    LadderStap.COLLECTIEF_MAATWERK: "Collectief maatwerk",
    LadderStap.INDIVIDUEEL_MAATWERK: "Individueel maatwerk",
}


@dataclass(frozen=True)
class StapUitkomst:
    """What was found at one step: does it suffice, and if not, why not."""

    bevinding: str
    volstaat: bool
    reden_niet_toereikend: str = ""


# The steps the law requires before maatwerk, with what each covers (Wmo 2015 art. 2.3.5 lid 3:
# "eigen kracht, ... gebruikelijke hulp, ... mantelzorg of ... hulp van andere personen uit zijn
# sociale netwerk ... algemene voorzieningen").
WETTELIJKE_STAPPEN: Mapping[LadderStap, str] = {
    LadderStap.EIGEN_KRACHT: "Wmo 2015 art. 2.3.5 lid 3: eigen kracht en gebruikelijke hulp",
    LadderStap.NETWERK: "Wmo 2015 art. 2.3.5 lid 3: mantelzorg en hulp uit het sociale netwerk",
    LadderStap.ALGEMENE_VOORZIENINGEN: "Wmo 2015 art. 2.3.5 lid 3: algemene voorzieningen",
}

# Steps a municipality may add to its ladder (not in the law; seeds 003 and 004).
GEMEENTELIJKE_STAPPEN: frozenset[LadderStap] = frozenset(
    {LadderStap.VRIJWILLIGERS, LadderStap.COLLECTIEF_MAATWERK}
)


@dataclass(frozen=True)
class Ladder:
    """A municipality's ladder (a setting of its verordening): the legal steps always, plus the
    optional steps it chose (``extra``), lightest first, ending in individual maatwerk."""

    extra: frozenset[LadderStap] = GEMEENTELIJKE_STAPPEN
    bron: str = "Verordening maatschappelijke ondersteuning van de gemeente"

    def __post_init__(self) -> None:
        onbekend = self.extra - GEMEENTELIJKE_STAPPEN
        if onbekend:
            namen = ", ".join(sorted(stap.label for stap in onbekend))
            raise ValueError(
                f"Alleen vrijwilligers en collectief maatwerk zijn gemeentelijke stappen; "
                f"{namen} kan de gemeente niet toevoegen of weglaten (Wmo 2015 art. 2.3.5 lid 3)."
            )

    @property
    def stappen(self) -> tuple[LadderStap, ...]:
        """The steps in order, lightest first, ending with individual maatwerk."""
        return tuple(
            stap
            for stap in LadderStap
            if stap in WETTELIJKE_STAPPEN
            or stap in self.extra
            or stap == LadderStap.INDIVIDUEEL_MAATWERK
        )

    def wettelijk(self, stap: LadderStap) -> bool:
        return stap in WETTELIJKE_STAPPEN


# Both optional steps, as the seed municipalities walk the ladder.
STANDAARD_LADDER = Ladder()


def maatwerk_ontbrekende_stappen(
    stappen: Mapping[LadderStap, StapUitkomst],
    gevraagd: LadderStap,
    *,
    ladder: Ladder = STANDAARD_LADDER,
) -> list[str]:
    """Why a proposal at step `gevraagd` may not be made yet, in Dutch; empty when allowed.

    Maatwerk (collective or individual) is only allowed when every lighter step of the
    municipality's ladder was recorded and found insufficient with a reason (Wmo 2015 art.
    2.3.5 lid 3 for eigen kracht and gebruikelijke hulp, mantelzorg and netwerk, algemene
    voorzieningen; the municipality's own steps as it set them). Lighter steps need no such
    check: they are always allowed. A step the municipality does not use cannot be proposed."""
    if gevraagd not in ladder.stappen:
        return [f"Stap '{gevraagd.label}' hoort niet bij de ladder van deze gemeente."]
    if gevraagd < LadderStap.COLLECTIEF_MAATWERK:
        return []
    missing = []
    for stap in ladder.stappen:
        if stap >= gevraagd:
            break
        uitkomst = stappen.get(stap)
        if uitkomst is None or not uitkomst.bevinding.strip():
            missing.append(f"Stap '{stap.label}' is nog niet onderzocht.")
        elif uitkomst.volstaat:
            missing.append(
                f"Stap '{stap.label}' volstaat volgens het onderzoek; dan is maatwerk niet nodig."
            )
        elif not uitkomst.reden_niet_toereikend.strip():
            missing.append(f"Geef bij stap '{stap.label}' aan waarom die niet volstaat.")
    return missing
