"""Shared by the beschikkingen pages: loading one aanvraag or beschikking with the selector the
API uses too (404 when it does not exist), and the code-list labels of a decided provision."""

from __future__ import annotations

from django.http import Http404

from eenplan.beschikkingen import selectors
from eenplan.beschikkingen.models import Aanvraag, Beschikking, BeschikteVoorziening
from eenplan.voorzieningen.selectors import (
    EENHEID_CODELIJST,
    FREQUENTIE_CODELIJST,
    codelijst_omschrijvingen,
)


def aanvraag_of_404(pk: int) -> Aanvraag:
    aanvraag = selectors.aanvraag_get(pk)
    if aanvraag is None:
        raise Http404("Deze aanvraag bestaat niet.")
    return aanvraag


def beschikking_of_404(pk: int, *, met_verzendingen: bool = False) -> Beschikking:
    beschikking = selectors.beschikking_get(pk, met_verzendingen=met_verzendingen)
    if beschikking is None:
        raise Http404("Deze beschikking bestaat niet.")
    return beschikking


def omvang_labels(regels: list[BeschikteVoorziening]) -> None:
    """'uur', 'per week': the code list descriptions of each row's unit and frequency; read
    with the rows when they were (`beschikking_get`: `eenheid_omschrijving`,
    `frequentie_omschrijving`), else in one query."""
    if all(hasattr(r, "eenheid_omschrijving") for r in regels):
        omschrijvingen = {
            (lijst, code): omschrijving
            for r in regels
            for lijst, code, omschrijving in (
                (EENHEID_CODELIJST, r.eenheid, r.eenheid_omschrijving),  # type: ignore[attr-defined]
                (FREQUENTIE_CODELIJST, r.frequentie, r.frequentie_omschrijving),  # type: ignore[attr-defined]
            )
            if omschrijving is not None
        }
    else:
        omschrijvingen = codelijst_omschrijvingen()
    for regel in regels:
        regel.eenheid_label = omschrijvingen.get(  # type: ignore[attr-defined]
            (EENHEID_CODELIJST, regel.eenheid), regel.eenheid
        ).lower()
        regel.frequentie_label = omschrijvingen.get(  # type: ignore[attr-defined]
            (FREQUENTIE_CODELIJST, regel.frequentie), ""
        ).lower()
