"""Shared by the beschikkingen pages: loading one aanvraag or beschikking within the login's
municipality with the selector the API uses too (a logged 404 when it is not there), and the
code-list labels of a decided provision."""

from __future__ import annotations

from django.http import HttpRequest

from eenplan.beschikkingen import selectors
from eenplan.beschikkingen.models import Aanvraag, Beschikking, BeschikteVoorziening
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource
from eenplan.voorzieningen.selectors import (
    EENHEID_CODELIJST,
    FREQUENTIE_CODELIJST,
    codelijst_omschrijvingen,
)


def aanvraag_of_404(
    request: HttpRequest,
    pk: int,
    action: Action,
    *,
    resource: Resource = Resource.AANVRAAG,
    niet_gevonden: str = "Deze aanvraag bestaat niet.",
) -> Aanvraag:
    """The aanvraag within the login's municipality: another municipality's is a 404 like one
    that does not exist, the refusal logged (`access.get_or_refuse`, ADR 0046)."""
    return access.get_or_refuse(
        request.user,
        resource,
        action,
        via=access.Via.request(request),
        pk=pk,
        zoek=lambda gemeente_id: selectors.aanvraag_get(pk, gemeente_id=gemeente_id),
        wat="Aanvraag",
        niet_gevonden=niet_gevonden,
    )


def beschikking_of_404(
    request: HttpRequest,
    pk: int,
    action: Action,
    *,
    met_verzendingen: bool = False,
    met_eigen_bijdrage: bool = False,
) -> Beschikking:
    """The beschikking within the login's municipality: another municipality's is a 404 like
    one that does not exist, the refusal logged (`access.get_or_refuse`, ADR 0046). The flags:
    what `selectors.beschikking_get` reads with it (for a page that shows its letter)."""
    return access.get_or_refuse(
        request.user,
        Resource.BESCHIKKING,
        action,
        via=access.Via.request(request),
        pk=pk,
        zoek=lambda gemeente_id: selectors.beschikking_get(
            pk,
            gemeente_id=gemeente_id,
            met_verzendingen=met_verzendingen,
            met_eigen_bijdrage=met_eigen_bijdrage,
        ),
        wat="Beschikking",
        niet_gevonden="Deze beschikking bestaat niet.",
    )


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
