"""The standard questionnaire of the client-experience survey, as data.

Sources (checked against the transcriptions of the official texts in
../shared/istandaarden/3.2/: the Uitvoeringsregeling Wmo 2015, BWBR0036096 as in force from
20 March 2025, Hoofdstuk 5; the Jeugdwet and the Regeling Jeugdwet; see docs/beleid.md):

- Wmo 2015 art. 2.5.1 lid 1: the college has the residents' experiences examined (the
  cliëntervaringsonderzoek); art. 2.5.1 lid 4 is the basis of the ministerial rules on it (the
  Uitvoeringsregeling's preamble cites it). The text of art. 2.5.1 itself is not in the
  transcriptions; its number is confirmed by the two references.
- Uitvoeringsregeling Wmo 2015 art. 8 lid 1: the survey is held at least among persons for whom
  an onderzoek under Wmo 2015 art. 2.3.2 lid 1 was done or who use a provision; lid 2: its
  questionnaire covers, where applicable, how they experience (a) the accessibility of
  provisions, (b) the quality of the support, or (c) its contribution to their self-reliance
  and participation; lid 3: a representative sample is allowed.
- The youth equivalent (Jeugdwet art. 2.10, which declares Wmo 2015 art. 2.5.1 applicable, and
  Regeling Jeugdwet art. 3: also youths under a child-protection measure or jeugdreclassering)
  is not implemented here: eenplan's survey covers the Wmo.

The statements follow the national model questionnaire's subjects (VNG/KING
"cliëntervaringsonderzoek Wmo"), written in B1 Dutch; answers on a five-point scale.
Question `mantelzorg` is seed 002's M1 (L2336-L2341): was support for the mantelzorger
discussed in the conversation.
"""

from __future__ import annotations

from dataclasses import dataclass

from eenplan.beleid.constants import Aspect

UR = "Uitvoeringsregeling Wmo 2015 art. 8 lid 2"

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
