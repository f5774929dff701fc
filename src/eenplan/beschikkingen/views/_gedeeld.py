"""Shared by the beschikkingen pages: loading one aanvraag or beschikking with the selector the
API uses too (404 when it does not exist), and the code-list labels of a decided provision."""

from __future__ import annotations

from django.http import Http404

from eenplan.beschikkingen import selectors
from eenplan.beschikkingen.models import Aanvraag, Beschikking, BeschikteVoorziening
from eenplan.voorzieningen.selectors import codelijst_omschrijvingen


def aanvraag_of_404(pk: int) -> Aanvraag:
    aanvraag = selectors.aanvraag_get(pk)
    if aanvraag is None:
        raise Http404("Deze aanvraag bestaat niet.")
    return aanvraag


def beschikking_of_404(pk: int) -> Beschikking:
    beschikking = selectors.beschikking_get(pk)
    if beschikking is None:
        raise Http404("Deze beschikking bestaat niet.")
    return beschikking


def omvang_labels(regels: list[BeschikteVoorziening]) -> None:
    """'uur', 'per week': the code list descriptions of each row's unit and frequency."""
    omschrijvingen = codelijst_omschrijvingen()
    for regel in regels:
        regel.eenheid_label = omschrijvingen.get(  # type: ignore[attr-defined]
            ("WJ756", regel.eenheid), regel.eenheid
        ).lower()
        regel.frequentie_label = omschrijvingen.get(  # type: ignore[attr-defined]
            ("WMO757", regel.frequentie), ""
        ).lower()
