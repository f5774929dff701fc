"""Purpose-bound sharing (gegevensdeling met doelbinding) as pure Python: the five questions an
exchange must answer before it happens, the data categories (and which belong to the toegang
and which to the uitvoering), the states of an exchange, and what its recipient may read.

No Django, no settings, no I/O and no clock: `vandaag` is an argument. docs/privacy.md
("Gegevensdeling met doelbinding") explains the rules in plain words.

Sources:

- Peelregio, beleidsplan sociaal domein §3.7.5 "Delen van gegevens en waarborg privacy van
  cliënten" (seed 004, L3065–3118): the five questions before every exchange (L3073–3085);
  at every next step the weighing of which data are relevant and necessary (L3099–3101);
  "Het is uitdrukkelijk niet de bedoeling dat de gemeente professionals kan overrulen, als
  deze vanuit hun beroepsgeheim of ethiek, uitwisseling niet gewenst vinden" (L3116–3118).
- Venlo, verantwoording sociaal domein §4.5 Privacy beleid (seed 000, L747–750): the privacy
  rules of the toegang under the Jeugdwet differ from those of the uitvoering of jeugdhulp by
  the gezinscoaches.
- AVG (Verordening (EU) 2016/679) art. 5 lid 1 onder b (doelbinding), c (minimale
  gegevensverwerking) and e (opslagbeperking: a stated period); art. 6 lid 1 onder a
  (toestemming) and c (wettelijke verplichting); art. 7 lid 3 (consent can be withdrawn).
- Wmo 2015 art. 5.2.6: professionals may give Veilig Thuis information without consent and,
  where needed, breaking their duty of secrecy (the meldrecht); the Wet verplichte meldcode
  huiselijk geweld en kindermishandeling (Stb. 2013, 142) and the Besluit verplichte meldcode
  (Stb. 2013, 324) give the steps.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

__all__ = [
    "AANGEVRAAGD",
    "BEEINDIGD",
    "CATEGORIEEN",
    "GEWEIGERD",
    "GOEDGEKEURD",
    "GRONDSLAGEN",
    "HELE_DOSSIER",
    "OVERGANGEN",
    "STATUSSEN",
    "TOEGANG",
    "UITVOERING",
    "VRAGEN",
    "Fout",
    "categorie_fouten",
    "inzage_geweigerd",
    "mag_overgaan",
    "ontbrekende_antwoorden",
    "periode_fout",
]

# --- the five questions (Peelregio §3.7.5, seed 004 L3073–3085) ---------------------------

VRAGEN: tuple[tuple[str, str], ...] = (
    (
        "vraag_gegevens",
        "Welke gegevens worden in welke situaties tussen welke professionals uitgewisseld?",
    ),
    ("vraag_doel", "Wat is het doel van die uitwisseling?"),
    (
        "vraag_noodzaak",
        "Waarom is de uitwisseling noodzakelijk? Zijn er geen minder ingrijpende alternatieven?",
    ),
    (
        "vraag_grondrechten",
        "Hoe worden de grondrechten van betrokkenen (inwoners en professionals) geborgd?",
    ),
    (
        "vraag_rechten",
        "Wat zijn de rechten (en eventueel plichten) van de betrokken inwoners hierin?",
    ),
)

# --- data categories ------------------------------------------------------------------------

PERSONALIA = "personalia"
HUISHOUDEN = "huishouden"
MELDING = "melding"
ONDERZOEK = "onderzoek"
VEILIGHEID = "veiligheid"
PLAN = "plan"
BESCHIKKING = "beschikking"
UITVOERINGSNOTITIES = "uitvoering"
CATEGORIEEN: tuple[str, ...] = (
    PERSONALIA,
    HUISHOUDEN,
    MELDING,
    ONDERZOEK,
    VEILIGHEID,
    PLAN,
    BESCHIKKING,
    UITVOERINGSNOTITIES,
)
# Gathered in the toegang (the hulpvraag, the onderzoek with its conversations, the safety
# signals) versus written in the uitvoering (a gezinscoach's delivery notes): separate
# categories with separate scopes (seed 000 L747–750). A delivery professional reads the
# first only through an exchange; a toegang professional reads the second only through one.
TOEGANG: frozenset[str] = frozenset({MELDING, ONDERZOEK, VEILIGHEID})
UITVOERING: frozenset[str] = frozenset({UITVOERINGSNOTITIES})
# What a request may never name: the whole dossier is not a category (AVG art. 5 lid 1 c).
HELE_DOSSIER: frozenset[str] = frozenset({"dossier", "alles", "hele_dossier", "*"})

# --- legal bases (AVG art. 6 lid 1; Wmo 2015 art. 5.2.6) ------------------------------------

TOESTEMMING = "toestemming"
WETTELIJKE_PLICHT = "wettelijke_plicht"
MELDCODE = "meldcode"
GRONDSLAGEN: tuple[str, ...] = (TOESTEMMING, WETTELIJKE_PLICHT, MELDCODE)

# --- states ---------------------------------------------------------------------------------

AANGEVRAAGD = "aangevraagd"
GOEDGEKEURD = "goedgekeurd"
GEWEIGERD = "geweigerd"
BEEINDIGD = "beeindigd"
STATUSSEN: tuple[str, ...] = (AANGEVRAAGD, GOEDGEKEURD, GEWEIGERD, BEEINDIGD)
# A request is decided once: approved or refused (the veto). A refusal is final — nobody
# turns it into an approval; the exchange can only be asked anew as a new request
# (seed 004 L3116–3118). An approved exchange can be ended early, never revived.
OVERGANGEN: Mapping[str, frozenset[str]] = {
    AANGEVRAAGD: frozenset({GOEDGEKEURD, GEWEIGERD, BEEINDIGD}),
    GOEDGEKEURD: frozenset({BEEINDIGD}),
    GEWEIGERD: frozenset(),
    BEEINDIGD: frozenset(),
}


@dataclass(frozen=True)
class Fout:
    """One reason a request is refused: the field it is about and the Dutch text."""

    veld: str
    tekst: str


def ontbrekende_antwoorden(antwoorden: Mapping[str, str | None]) -> list[Fout]:
    """The five questions of Peelregio §3.7.5 (seed 004 L3073–3085) that have no answer:
    without answers, no exchange. An answer of only spaces is no answer."""
    return [
        Fout(veld, f"Beantwoord de vraag: {vraag}")
        for veld, vraag in VRAGEN
        if not (antwoorden.get(veld) or "").strip()
    ]


def categorie_fouten(gekozen: Iterable[str], in_dossier: Iterable[str]) -> list[Fout]:
    """What is wrong with the chosen categories (AVG art. 5 lid 1 c, minimisation; seed 004
    L3099–3101): none chosen, "the whole dossier", an unknown category, or a category of
    which the household's dossier holds nothing."""
    keuze = list(dict.fromkeys(gekozen))
    aanwezig = set(in_dossier)
    if not keuze:
        return [Fout("categorieen", "Kies welke soorten gegevens u deelt.")]
    fouten: list[Fout] = []
    for categorie in keuze:
        if categorie in HELE_DOSSIER:
            fouten.append(
                Fout(
                    "categorieen",
                    "Het hele dossier delen kan niet: kies alleen de soorten gegevens die "
                    "nodig zijn.",
                )
            )
        elif categorie not in CATEGORIEEN:
            fouten.append(Fout("categorieen", f"Onbekende soort gegevens: {categorie!r}."))
        elif categorie not in aanwezig:
            fouten.append(
                Fout(
                    "categorieen",
                    f"Het dossier van dit huishouden bevat geen gegevens van de soort "
                    f"{categorie!r}: die kunt u niet delen.",
                )
            )
    return fouten


def periode_fout(van: date | None, tot: date | None) -> Fout | None:
    """An exchange is for a stated period (AVG art. 5 lid 1 e): both dates, the end not
    before the start."""
    if van is None or tot is None:
        return Fout("tot", "Geef aan van wanneer tot wanneer de gegevens gedeeld worden.")
    if tot < van:
        return Fout("tot", "De einddatum ligt voor de begindatum.")
    return None


def mag_overgaan(van: str, naar: str) -> bool:
    """Whether an exchange in state `van` may go to `naar` (`OVERGANGEN`): a refused
    exchange goes nowhere (seed 004 L3116–3118)."""
    return naar in OVERGANGEN.get(van, frozenset())


# Why a recipient may not read (the codes the access module turns into Dutch reasons).
NIET_GOEDGEKEURD = "niet_goedgekeurd"
VETO = "veto"
BEEINDIGD_REDEN = "beeindigd"
NOG_NIET = "nog_niet"
VERLOPEN = "verlopen"
NIET_GEDEELD = "niet_gedeeld"


def inzage_geweigerd(
    *,
    status: str,
    van: date,
    tot: date,
    vandaag: date,
    categorie: str | None,
    gekozen: Iterable[str],
) -> str | None:
    """Why the recipient of an exchange may not read shared data today, or None when they may:
    only an approved exchange, only within its period, only the chosen categories (AVG art. 5
    lid 1 b, c, e). A refused exchange shares nothing, ever (seed 004 L3116–3118).
    `categorie` None: the exchange as a whole (its list of categories)."""
    if status == GEWEIGERD:
        return VETO
    if status == BEEINDIGD:
        return BEEINDIGD_REDEN
    if status != GOEDGEKEURD:
        return NIET_GOEDGEKEURD
    if vandaag < van:
        return NOG_NIET
    if vandaag > tot:
        return VERLOPEN
    if categorie is not None and categorie not in set(gekozen):
        return NIET_GEDEELD
    return None
