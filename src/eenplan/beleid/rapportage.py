"""The yearly council report ("ieder voorjaar", seed 001 L370; action 1 of the
uitvoeringsagenda, L221): one document, in HTML and as a tagged PDF/A (common.pdf), answering

1. "Liggen we op koers?" (seed 001 L223) — every linked indicator with its trend, the expected
   value and the verdict, per theme, and the status of the activities;
2. "Wat kost het, en komt de verschuiving van maatwerk naar algemene voorzieningen op gang?"
   (issue 12; seed 002 subdoel 4, L309-L321, resultaat 4, Bijlage 3 B5-B7) — the indicators of
   resultaat 4-like goals (the kanteling) as the registry gives them.

The text is rendered from one plain-text template (`beleid/raadsrapportage.txt`) for the PDF and
from `beleid/raadsrapportage.html` for the page, both from `rapport_gegevens`, so they say the
same."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from eenplan.beleid import selectors
from eenplan.beleid.constants import ActiviteitStatus
from eenplan.beleid.models import Activiteit, Beleidsplan
from eenplan.beleid.oordeel import Oordeel
from eenplan.common.documenten import render_text
from eenplan.common.pdf import tekst_naar_pdf

# Words in a resultaat or subdoel that mark the shift from maatwerk to general provisions.
KANTELING = ("algemene voorziening", "2e lijn", "maatwerk", "kanteling")


@dataclass(frozen=True)
class Rapport:
    plan: Beleidsplan
    jaar: int
    opgesteld: dt.date
    themas: list[selectors.ThemaStand]
    telling: dict[str, int]
    activiteiten: list[Activiteit]
    activiteiten_telling: dict[str, int]
    kanteling: list[selectors.IndicatorStand]

    @property
    def op_koers_antwoord(self) -> str:
        t = self.telling
        totaal = sum(t.values())
        if not totaal:
            return "Er zijn nog geen indicatoren aan de doelen gekoppeld."
        return (
            f"Van de {totaal} indicatoren zijn er {t['op_koers']} op koers, vragen er "
            f"{t['aandacht']} aandacht en zijn er {t['uit_koers']} uit koers; van "
            f"{t['geen']} is nog geen oordeel mogelijk."
        )

    @property
    def kanteling_antwoord(self) -> str:
        if not self.kanteling:
            return (
                "Aan de resultaten over de verschuiving van maatwerk naar algemene voorzieningen "
                "is nog geen indicator gekoppeld; de kosten en het gebruik van maatwerk en "
                "algemene voorzieningen komen uit de indicatorenregistratie zodra ze "
                "gekoppeld zijn."
            )
        delen = [f"{s.naam}: {s.uitkomst.oordeel.label.lower()}" for s in self.kanteling]
        return "; ".join(delen) + "."


def rapport_gegevens(plan: Beleidsplan, *, vandaag: dt.date) -> Rapport:
    themas = selectors.dashboard(plan)
    telling = {o.value: 0 for o in Oordeel}
    kanteling = []
    for ts in themas:
        for stand in ts.standen:
            telling[stand.uitkomst.oordeel.value] += 1
            tekst = stand.koppeling.resultaat.tekst.lower()
            if any(woord in tekst for woord in KANTELING):
                kanteling.append(stand)
    activiteiten = list(
        Activiteit.objects.filter(subdoel__doel__thema__plan=plan)
        .select_related("subdoel__doel__thema")
        .order_by("subdoel__doel__thema__nummer", "start", "code")
    )
    telling_act = {s.value: 0 for s in ActiviteitStatus}
    for a in activiteiten:
        telling_act[a.status] += 1
    return Rapport(
        plan=plan,
        jaar=vandaag.year - 1,
        opgesteld=vandaag,
        themas=themas,
        telling=telling,
        activiteiten=activiteiten,
        activiteiten_telling=telling_act,
        kanteling=kanteling,
    )


def rapport_titel(rapport: Rapport) -> str:
    return f"Voortgangsrapportage {rapport.jaar} - {rapport.plan.naam}"


def rapport_tekst(rapport: Rapport) -> str:
    return render_text("beleid/raadsrapportage.txt", {"r": rapport, "statussen": ActiviteitStatus})


def rapport_pdf(rapport: Rapport) -> bytes:
    return tekst_naar_pdf(
        titel=rapport_titel(rapport),
        tekst=rapport_tekst(rapport),
        auteur=f"Gemeente {rapport.plan.gemeente.naam}",
    )
