"""Test data of the policy model and the survey: a small plan through
`beleid.services.beleidsplan_importeer`, and a survey round with invitations in given wijken
(the sample itself is tested through `uitvraging_start` with real beschikkingen)."""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from eenplan.beleid import services
from eenplan.beleid.models import Beleidsplan, Uitnodiging, Uitvraging
from eenplan.gemeente.models import Gemeente, Wijk
from eenplan.testing.factories import InwonerFactory


def plan(
    gemeente: Gemeente,
    *,
    indicatoren: Iterable[Mapping[str, Any]] = (),
    jaar: int = 2025,
) -> Beleidsplan:
    """One theme, one doel, one subdoel with one activity, one resultaat with `indicatoren`."""
    return services.beleidsplan_importeer(
        gemeente=gemeente,
        structuur={
            "naam": "Testplan sociaal domein",
            "van_jaar": jaar,
            "tot_jaar": jaar + 1,
            "bron": "test",
            "themas": [
                {
                    "nummer": 1,
                    "naam": "Basisvoorzieningen",
                    "resultaten": [
                        {
                            "nummer": 1,
                            "tekst": "Voorzieningen zijn toegankelijk.",
                            "indicatoren": list(indicatoren),
                        },
                        {
                            "nummer": 4,
                            "tekst": "Een deel van de 2e lijnsondersteuning is omgevormd naar "
                            "algemene voorzieningen.",
                        },
                    ],
                    "doelen": [
                        {
                            "code": "D1",
                            "tekst": "Langer zelfstandig wonen.",
                            "subdoelen": [
                                {
                                    "nummer": 1,
                                    "tekst": "Meer gebruik van algemene voorzieningen.",
                                    "activiteiten": [
                                        {
                                            "code": "A1",
                                            "naam": "Inventarisatie voorzieningen",
                                            "eigenaar": "Werkgroep",
                                            "start": dt.date(jaar, 1, 1),
                                            "eind": dt.date(jaar, 6, 30),
                                            "resultaten": [1],
                                        }
                                    ],
                                }
                            ],
                        }
                    ],
                }
            ],
        },
    )


def ronde(
    gemeente: Gemeente,
    groepen: Mapping[Wijk, Iterable[str]],
    *,
    jaar: int = 2025,
    sluit_op: dt.date | None = None,
) -> tuple[Uitvraging, list[Uitnodiging]]:
    """A round of the survey with one invitation per provider name given per wijk (each for a
    new resident of that wijk)."""
    uitvraging = Uitvraging.objects.create(
        gemeente=gemeente,
        vragenlijst=services.vragenlijst_standaard(gemeente),
        jaar=jaar,
        peildatum=dt.date(jaar, 10, 1),
        sluit_op=sluit_op or dt.date(jaar + 50, 1, 1),
        populatie=sum(len(list(v)) for v in groepen.values()),
        steekproefgrootte=0,
        seed=1,
        methode=services.METHODE,
    )
    uitnodigingen = [
        Uitnodiging.objects.create(
            uitvraging=uitvraging,
            inwoner=InwonerFactory(gemeente=gemeente, wijk=wijk),
            wijk=wijk,
            aanbieder=aanbieder,
            sleutel=secrets.token_hex(16),
        )
        for wijk, aanbieders in groepen.items()
        for aanbieder in aanbieders
    ]
    return uitvraging, uitnodigingen


def beantwoord(uitnodiging: Uitnodiging, score: int | None, **per_vraag: int | None) -> None:
    """Answer every question with `score` (or per question), through the public service."""
    codes = uitnodiging.uitvraging.vragenlijst.vragen.filter(actief=True).values_list(
        "code", flat=True
    )
    scores = {c: per_vraag.get(c, score) for c in codes}
    services.antwoorden_opslaan(
        token=services.uitnodiging_token(uitnodiging),
        scores=scores,
        vandaag=uitnodiging.uitvraging.peildatum,
    )


def streef(**jaren: str) -> dict[int, Decimal]:
    return {int(j.lstrip("j")): Decimal(w) for j, w in jaren.items()}
