"""The standard questionnaire of the client-experience survey, as data.

Wmo 2015 art. 2.5.1 lid 1: the college asks, each year, the residents who received support how
they experienced it. The Uitvoeringsregeling Wmo 2015 sets the minimum content of that survey
(the brief names art. 8; the older version numbered it art. 4.2 — the article number could not
be checked against the official text from this machine, see ADR 0021):
the experiences with (a) the accessibility of the cliëntondersteuning and of the procedure
after a melding, (b) the quality of the maatwerkvoorziening, and (c) its contribution to the
resident's self-reliance (zelfredzaamheid) and participation. A representative sample is
allowed. The statements below follow the national model questionnaire's subjects (VNG/KING
"cliëntervaringsonderzoek Wmo"), written in B1 Dutch; answers on a five-point scale.
Question `mantelzorg` is seed 002's M1 (L2336-L2341): was support for the mantelzorger
discussed in the conversation.
"""

from __future__ import annotations

from dataclasses import dataclass

from eenplan.beleid.constants import Aspect

UR = "Uitvoeringsregeling Wmo 2015 (cliëntervaringsonderzoek)"

SCHAAL = [
    (1, "Helemaal oneens"),
    (2, "Oneens"),
    (3, "Niet eens, niet oneens"),
    (4, "Eens"),
    (5, "Helemaal eens"),
]
WEET_NIET = "Weet ik niet / niet van toepassing"


@dataclass(frozen=True)
class StandaardVraag:
    code: str
    tekst: str
    kort: str
    aspect: str
    bron: str


STANDAARD = [
    StandaardVraag(
        "wist_waar",
        "Ik wist waar ik met mijn vraag terecht kon.",
        "wist waar terecht",
        Aspect.TOEGANG,
        f"{UR} onder a",
    ),
    StandaardVraag(
        "snel_geholpen", "Ik werd snel geholpen.", "snel geholpen", Aspect.TOEGANG, f"{UR} onder a"
    ),
    StandaardVraag(
        "serieus",
        "De medewerker nam mij serieus.",
        "serieus genomen",
        Aspect.TOEGANG,
        f"{UR} onder a",
    ),
    StandaardVraag(
        "samen_oplossing",
        "Wij hebben samen naar oplossingen gezocht.",
        "samen naar oplossingen",
        Aspect.TOEGANG,
        f"{UR} onder a",
    ),
    StandaardVraag(
        "mantelzorg",
        "In het gesprek is besproken hoe mijn mantelzorger ondersteund kan worden.",
        "mantelzorg besproken",
        Aspect.EIGEN,
        "seed 002 M1 (L2336-L2341)",
    ),
    StandaardVraag(
        "kwaliteit",
        "De hulp die ik krijg is goed.",
        "kwaliteit van de hulp",
        Aspect.KWALITEIT,
        f"{UR} onder b",
    ),
    StandaardVraag(
        "past", "De hulp past bij wat ik nodig heb.", "hulp past", Aspect.KWALITEIT, f"{UR} onder b"
    ),
    StandaardVraag(
        "zelf_doen",
        "Door de hulp kan ik mijn dagelijks leven beter zelf doen.",
        "zelfredzaamheid",
        Aspect.ZELFREDZAAMHEID,
        f"{UR} onder c",
    ),
    StandaardVraag(
        "veilig_thuis",
        "Door de hulp voel ik mij veiliger thuis.",
        "veilig thuis",
        Aspect.ZELFREDZAAMHEID,
        f"{UR} onder c",
    ),
    StandaardVraag(
        "meedoen",
        "Door de hulp kan ik beter meedoen in de samenleving.",
        "participatie",
        Aspect.PARTICIPATIE,
        f"{UR} onder c",
    ),
]
