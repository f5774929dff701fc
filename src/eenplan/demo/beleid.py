"""Demo content of the policy model: the structure of Midden-Limburg West's "Uitvoeringsplan
Sociaal Domein" (seed 002, /work/shared/seeds/002_c5fbbb8d4c81bfb4.txt; line references `Lnnn`
into that file, read through shared/domain/seed-notes/seed-002.md), themes 1 (basis- en algemene
voorzieningen) and 3 (mantelzorg en vrijwilligers), loaded through `beleid.services`.

What is the seed's and what is not:
- themes, doelen (D-codes), subdoelen, activiteiten with owner and quarter, resultaten and the
  "Wat meten we" rows are the seed's, with their lines;
- which doel a subdoel serves is not in the seed (subdoelen hang under the theme there): the
  link is marked "[afgeleid]";
- the seed has no baseline and no target for any indicator (Bijlage 3): the demo's targets are
  marked "demowaarde" and are no policy of anyone's;
- the plan ran 2020-2021; the demo shifts its years so that it runs now (`verschuiving`).
Then two rounds of the client-experience survey with synthetic answers, so the dashboard has
trends per wijk."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError

from eenplan.beleid import services
from eenplan.beleid.models import Beleidsplan, Uitvraging
from eenplan.gemeente.models import Gemeente

S = "seed 002"
DEMO = "demowaarde (de seed geeft geen streefwaarde, Bijlage 3 L2191-L2475)"


def _kwartaal(jaar: int, q: int, *, eind: bool = False) -> dt.date:
    if eind:
        maand = q * 3
        return dt.date(jaar, maand, 30 if maand in (6, 9) else 31)
    return dt.date(jaar, (q - 1) * 3 + 1, 1)


def structuur(vandaag: dt.date) -> dict[str, Any]:
    v = (vandaag.year - 1) - 2020  # the plan's first year (2020) becomes last year

    def q(jaar: int, kw: int, eind: bool = False) -> dt.date:
        return _kwartaal(jaar + v, kw, eind=eind)

    def status(eind: dt.date) -> str:
        return "gereed" if eind < vandaag else "lopend"

    def act(
        code: str, naam: str, wie: str, start: dt.date, eind: dt.date, res: list[int], bron: str
    ) -> dict[str, Any]:
        return {
            "code": code,
            "naam": naam,
            "eigenaar": wie,
            "start": start,
            "eind": eind,
            "status": status(eind),
            "resultaten": res,
            "bron": f"{S} {bron}",
        }

    j1 = vandaag.year - 1
    return {
        "naam": "Uitvoeringsplan Sociaal Domein (Midden-Limburg West)",
        "omschrijving": (
            "Een eerste vertaling naar de uitvoering van het beleidsplan Sociaal Domein: per "
            "thema doelen, subdoelen, activiteiten, resultaten en wat we meten. Demo-inhoud "
            "naar het uitvoeringsplan van Leudal, Nederweert en Weert; de jaren zijn "
            "verschoven naar nu."
        ),
        "van_jaar": 2020 + v,
        "tot_jaar": 2021 + v,
        "bron": f"{S} L2-L4, L193-L220 (jaren verschoven met {v})",
        "themas": [
            {
                "nummer": 1,
                "naam": "Basis- en algemene voorzieningen versterken en ontwikkelen",
                "omschrijving": (
                    "Het stimuleren van het gebruik van voorzieningen; zorgen voor een "
                    "volledig aanbod."
                ),
                "bron": f"{S} L264-L545",
                "resultaten": [
                    {
                        "nummer": 1,
                        "tekst": "Voorzieningen zijn toegankelijk voor iedereen, dus "
                        "ook voor mensen met een beperking.",
                        "bron": f"{S} L417-L427",
                        "indicatoren": [
                            {
                                "indicator": "cev_snel_geholpen",
                                "basiswaarde": Decimal("70"),
                                "basisjaar": j1 - 1,
                                "streef": {j1 + 1: Decimal("80")},
                                "bron": f"{S} Bijlage 3 B1 (L2218-L2232); {DEMO}",
                            }
                        ],
                    },
                    {
                        "nummer": 2,
                        "tekst": "Een samenhangend aanbod, passend bij de behoefte "
                        "van jong en oud.",
                        "bron": f"{S} L417-L427",
                        "indicatoren": [
                            {
                                "indicator": "cev_past",
                                "basiswaarde": Decimal("75"),
                                "basisjaar": j1 - 1,
                                "streef": {j1 + 1: Decimal("85")},
                                "bron": f"{S} Bijlage 3 B3 (L2250-L2263); {DEMO}",
                            }
                        ],
                    },
                    {
                        "nummer": 3,
                        "tekst": "Informatie is gemakkelijk vindbaar.",
                        "bron": f"{S} L417-L427",
                        "indicatoren": [
                            {
                                "indicator": "cev_wist_waar",
                                "basiswaarde": Decimal("60"),
                                "basisjaar": j1 - 1,
                                "streef": {j1 + 1: Decimal("75")},
                                "bron": f"{S} Bijlage 3 B4 (L2265-L2279); {DEMO}",
                            }
                        ],
                    },
                    {
                        "nummer": 4,
                        "tekst": "Een deel van de 2e lijnsondersteuning is "
                        "omgevormd naar algemene voorzieningen.",
                        "bron": f"{S} L417-L427",
                        # Seed 002 measures this with B5-B7 (costs and clients of the 2nd line,
                        # use of general provisions); the registry's nearest: the kanteling,
                        # Wmo maatwerk clients per 10,000 (BBV 32) and the assigned costs.
                        "indicatoren": [
                            {
                                "indicator": "kanteling",
                                "streef": {j1 + 1: Decimal("50")},
                                "bron": f"{S} Bijlage 3 B5-B7 (L2281-L2307); {DEMO}",
                            },
                            {
                                "indicator": "bbv_32_wmo_maatwerk",
                                "richting": "lager",
                                "bron": f"{S} Bijlage 3 B6 (L2288-L2294); BBV 32",
                            },
                            {
                                # B5 asks the average cost per 2nd-line support; the registry
                                # has the total assigned (toewijzingen × contract tariff), the
                                # average is it divided by clienten_maatwerk. No target: the
                                # seed gives none.
                                "indicator": "kosten_toegewezen",
                                "richting": "lager",
                                "bron": f"{S} Bijlage 3 B5 (L2281-L2287), als totaal; "
                                "iWmo/iJw 301 × contracttarief",
                            },
                        ],
                    },
                ],
                "doelen": [
                    {
                        "code": "D1",
                        "tekst": "Meer kwetsbare inwoners blijven op een veilige en "
                        "verantwoorde manier (langer) zelfstandig wonen.",
                        "bron": f"{S} L294",
                        "subdoelen": [
                            {
                                "nummer": 4,
                                "tekst": "Verschuiving van specialistische en "
                                "maatwerkvoorzieningen in de 2e lijn naar basis- en algemene "
                                "voorzieningen.",
                                "bron": f"{S} L309-L321; koppeling aan D1 [afgeleid]",
                                "activiteiten": [
                                    act(
                                        "B1",
                                        "Onderzoek: welke voorzieningen gekanteld kunnen worden",
                                        "Werkgroep i.s.m. regionale beleidsadviseurs en aanbieders",
                                        q(2020, 1),
                                        q(2021, 2, True),
                                        [4],
                                        "L323-L415",
                                    ),
                                    act(
                                        "B2",
                                        "Risicoanalyse: mogelijkheden kanteling in kaart brengen "
                                        "en risico's analyseren",
                                        "Werkgroep, business control, "
                                        "projectgroep beleidsplan SD, financieel en "
                                        "juridisch adviseurs",
                                        q(2020, 1),
                                        q(2021, 2, True),
                                        [4],
                                        "L323-L415",
                                    ),
                                    act(
                                        "B3",
                                        "Projectplan: benodigde partijen bij elkaar brengen en "
                                        "mogelijkheden voor pilots bespreken",
                                        "Werkgroep en externe partners",
                                        q(2021, 1),
                                        q(2021, 4, True),
                                        [4],
                                        "L323-L415",
                                    ),
                                ],
                            },
                        ],
                    },
                    {
                        "code": "D6",
                        "tekst": "Bevorderen van de leefbaarheid en de sociale "
                        "cohesie van de maatschappij.",
                        "bron": f"{S} L306",
                        "subdoelen": [
                            {
                                "nummer": 1,
                                "tekst": "Meer inwoners maken gebruik van basis- en "
                                "algemene voorzieningen (zowel fysiek als digitaal).",
                                "bron": f"{S} L309-L321; koppeling aan D6 [afgeleid]",
                                "activiteiten": [
                                    act(
                                        "A1",
                                        "Inventarisatie bestaande voorzieningen per gemeente",
                                        "Werkgroep",
                                        q(2020, 1),
                                        q(2020, 2, True),
                                        [1, 2, 3],
                                        "L323-L415",
                                    ),
                                    act(
                                        "A2",
                                        "Inventarisatie bestaande voorzieningen regionaal",
                                        "Werkgroep",
                                        q(2020, 1),
                                        q(2020, 2, True),
                                        [1, 2, 3],
                                        "L323-L415",
                                    ),
                                    act(
                                        "A3",
                                        "Analyseren welke voorzieningen versterkt kunnen worden "
                                        "of ontbreken",
                                        "Werkgroep en externe schil",
                                        q(2020, 2),
                                        q(2020, 4, True),
                                        [1, 2],
                                        "L323-L415",
                                    ),
                                ],
                            },
                            {
                                "nummer": 2,
                                "tekst": "Meer inwoners kennen de aanwezige voorzieningen.",
                                "bron": f"{S} L309-L321; koppeling aan D6 [afgeleid]",
                                "activiteiten": [
                                    act(
                                        "A4",
                                        "Plan maken om meer bekendheid te geven aan het "
                                        "bestaande aanbod onder professionals en inwoners",
                                        "Regionale communicatieadviseur en uitvoering lokaal",
                                        q(2020, 2),
                                        q(2021, 1, True),
                                        [3],
                                        "L323-L415",
                                    ),
                                ],
                            },
                        ],
                    },
                ],
            },
            {
                "nummer": 3,
                "naam": "Versterken mantelzorg en vrijwilligers",
                "omschrijving": (
                    "Meer samenwerking tussen formele en informele zorg; passende ondersteuning "
                    "en waardering voor mantelzorgers en vrijwilligers (o.a. respijtzorg)."
                ),
                "bron": f"{S} L899-L1026",
                "resultaten": [
                    {
                        "nummer": 1,
                        "tekst": "Mantelzorgers en vrijwilligers zijn nauwer "
                        "betrokken bij het opstellen van het ondersteuningsplan.",
                        "bron": f"{S} L991-L997",
                        "indicatoren": [
                            {
                                "indicator": "cev_mantelzorg",
                                "basiswaarde": Decimal("50"),
                                "basisjaar": j1 - 1,
                                "streef": {j1 + 1: Decimal("70")},
                                "bron": f"{S} Bijlage 3 M1 (L2336-L2341); {DEMO}",
                            },
                            {
                                "indicator": "mantelzorg_besproken",
                                "streef": {j1 + 1: Decimal("80")},
                                "bron": f"{S} Bijlage 3 M1 (L2336-L2341), uit het "
                                f"onderzoek; {DEMO}",
                            },
                        ],
                    },
                    {
                        "nummer": 2,
                        "tekst": "Zij zijn voldoende op de hoogte van passende "
                        "ondersteuning en weten waar ze moeten zijn.",
                        "bron": f"{S} L991-L997",
                        "indicatoren": [],
                    },
                    {
                        "nummer": 3,
                        "tekst": "Vraag en aanbod respijtzorg zijn afgestemd en "
                        "nieuwe vormen zijn gerealiseerd.",
                        "bron": f"{S} L991-L997",
                        "indicatoren": [],
                    },
                ],
                "doelen": [
                    {
                        "code": "D1",
                        "tekst": "Meer kwetsbare inwoners blijven op een veilige en "
                        "verantwoorde manier (langer) zelfstandig wonen.",
                        "bron": f"{S} L918",
                        "subdoelen": [
                            {
                                "nummer": 1,
                                "tekst": "Meer samenwerking tussen formele en informele "
                                "zorg en ondersteuning.",
                                "bron": f"{S} L923-L926; koppeling aan D1 [afgeleid]",
                                "activiteiten": [
                                    act(
                                        "2",
                                        "De toegang laat de samenwerking formeel-informeel "
                                        "terugzien "
                                        "in de ondersteuningsplannen",
                                        "Werkgroep samen met kwaliteitsmedewerkers",
                                        q(2020, 1),
                                        q(2021, 4, True),
                                        [1],
                                        "L944 (doorlopend)",
                                    ),
                                    act(
                                        "5",
                                        "Met partners afspreken hoe mantelzorgers en vrijwilligers "
                                        "beter betrokken worden bij het ondersteuningsplan",
                                        "Werkgroep",
                                        q(2020, 1),
                                        q(2021, 4, True),
                                        [1],
                                        "L959-L990 (doorlopend)",
                                    ),
                                ],
                            },
                            {
                                "nummer": 3,
                                "tekst": "Mantelzorgers kunnen voldoende gebruik maken "
                                "van respijtzorg.",
                                "bron": f"{S} L923-L926; koppeling aan D1 [afgeleid]",
                                "activiteiten": [
                                    act(
                                        "1",
                                        "Analyse naar vraag en aanbod van respijtzorg",
                                        "Werkgroep met betrokken partners",
                                        q(2020, 3),
                                        q(2021, 1, True),
                                        [3],
                                        "L930-L943",
                                    ),
                                ],
                            },
                        ],
                    },
                    {
                        "code": "D6",
                        "tekst": "Bevorderen van de leefbaarheid en de sociale "
                        "cohesie van de maatschappij.",
                        "bron": f"{S} L921",
                        "subdoelen": [
                            {
                                "nummer": 2,
                                "tekst": "Mantelzorgers en vrijwilligers krijgen passende "
                                "ondersteuning en waardering.",
                                "bron": f"{S} L923-L926; koppeling aan D6 [afgeleid]",
                                "activiteiten": [
                                    act(
                                        "4",
                                        "Aansluiten bij de landelijke campagne mantelzorg",
                                        "Werkgroep",
                                        q(2020, 1),
                                        q(2021, 4, True),
                                        [2],
                                        "L959",
                                    ),
                                ],
                            },
                        ],
                    },
                ],
            },
        ],
    }


# Per wijk a small tilt in the synthetic answers, so the wijken differ on the dashboard.
def _antwoorden(rng: random.Random, codes: list[str], tilt: float) -> dict[str, int | None]:
    scores: dict[str, int | None] = {}
    for code in codes:
        if rng.random() < 0.08:
            scores[code] = None
            continue
        kans = min(0.95, max(0.05, 0.68 + tilt + rng.uniform(-0.1, 0.1)))
        scores[code] = rng.choice([4, 5]) if rng.random() < kans else rng.choice([1, 2, 3])
    return scores


def build_beleid(
    *, gemeente: Gemeente, vandaag: dt.date, rng: random.Random, door: Any
) -> tuple[Beleidsplan, list[Uitvraging]]:
    """The plan and two survey rounds (last year and the year before) with answers."""
    plan = services.beleidsplan_importeer(gemeente=gemeente, structuur=structuur(vandaag))
    rondes = []
    for stap, jaar in enumerate((vandaag.year - 2, vandaag.year - 1)):
        peildatum = min(dt.date(jaar, 10, 1), vandaag - dt.timedelta(days=60))
        try:
            ronde = services.uitvraging_start(
                actor=door,
                gemeente=gemeente,
                jaar=jaar,
                peildatum=peildatum,
                sluit_op=peildatum + dt.timedelta(days=42),
                steekproefgrootte=400,
                seed=rng.randrange(2**31),
            )
        except ValidationError:  # no provisions on that date in a tiny demo
            continue
        codes = list(ronde.vragenlijst.vragen.values_list("code", flat=True))
        for uitnodiging in ronde.uitnodigingen.order_by("pk"):
            if rng.random() > 0.45:
                continue  # not every invited resident answers
            tilt = (uitnodiging.wijk_id % 4) * 0.05 - 0.08 + stap * 0.04
            services.antwoorden_opslaan(
                token=services.uitnodiging_token(uitnodiging),
                scores=_antwoorden(rng, codes, tilt),
                vandaag=peildatum,
            )
        rondes.append(ronde)
    return plan, rondes
