"""What every onderzoek page shares: access and logging, labels, dates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.formats import date_format

from eenplan.inwoners.models import Inwoner
from eenplan.inwoners.selectors import huishouden_leden
from eenplan.onderzoeken import selectors
from eenplan.onderzoeken.constants import Deelnemer
from eenplan.onderzoeken.models import Onderzoek
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource
from eenplan.privacy.constants import Doel
from eenplan.rules.onderzoek import ONDERDELEN
from eenplan.web.prg import form_from_session, redirect_with_errors

DEELNEMERS = dict(Deelnemer.choices)
TITELS = {o.code: o.titel for o in ONDERDELEN}
DEFINITIEF = (
    "Het verslag is definitief; het onderzoek kan niet meer worden gewijzigd. Reacties van de "
    "inwoner kunnen wel worden toegevoegd."
)
MAX_REDEN = 300


def _datum(dag: dt.date | None) -> str:
    return date_format(dag, "j F Y") if dag else ""


# --- access -------------------------------------------------------------------------------------


def _via(request: HttpRequest) -> access.Via:
    return access.Via.request(request)


def _onderzoek(request: HttpRequest, pk: int, handeling: Action = Action.LEZEN) -> Onderzoek:
    """The onderzoek: 404 if it does not exist in the login's municipality; else
    `access.require` on its resident (read: LEZEN, a write: WIJZIGEN) — 403 with the reason
    when refused — logged either way."""
    onderzoek = access.get_or_refuse(
        request.user,
        Resource.ONDERZOEK,
        handeling,
        via=_via(request),
        pk=pk,
        zoek=lambda gemeente_id: selectors.onderzoek_get(
            scope=selectors.binnen_gemeente(gemeente_id), pk=pk, gemeente_id=gemeente_id
        ),
        wat="Onderzoek",
        niet_gevonden="Dit onderzoek bestaat niet.",
        doel=Doel.ONDERZOEK,
    )
    access.require(
        request.user,
        Resource.ONDERZOEK,
        handeling,
        via=_via(request),
        inwoner=onderzoek.inwoner,  # as read within the municipality: logged without a lookup
        doel=Doel.ONDERZOEK,
    )
    return onderzoek


def _log_getoond(request: HttpRequest, anderen: list[Inwoner]) -> None:
    """Log the other household members a page shows, in one INSERT."""
    access.log_shown(
        request.user,
        [i.pk for i in anderen],
        resource=Resource.ONDERZOEK,
        via=_via(request),
        doel=Doel.ONDERZOEK,
        gemeenten={i.pk: i.gemeente_id for i in anderen},
    )


def _leden(onderzoek: Onderzoek, vandaag: dt.date) -> list[Inwoner]:
    """The household members today, the onderzoek's resident first."""
    leden = [onderzoek.inwoner]
    if onderzoek.huishouden_id:
        leden += [
            lid.inwoner
            for lid in huishouden_leden(huishouden=onderzoek.huishouden)
            if lid.actief_op(vandaag) and lid.inwoner_id != onderzoek.inwoner_id
        ]
    return leden


# --- POST/redirect/GET after a refusal (web.prg) ------------------------------------------------
# A refused write never renders at its POST URL: the form (input and every message), the section
# and any other messages wait in the session, and the page the person is sent back to shows them
# once. A reload shows the page again; it never posts again nor answers 405.

FOUT_SESSIE = "onderzoek_fout"


def _fout_terug(
    request: HttpRequest,
    pk: int,
    *,
    naam: str,
    sectie: str,
    form: Form | None = None,
    fouten: list[str] | None = None,
    pagina: str = "onderzoeken:detail",
) -> HttpResponse:
    request.session[f"{FOUT_SESSIE}:{pagina}:{pk}"] = {
        "naam": naam,
        "sectie": sectie,
        "fouten": list(fouten or []),
    }
    url = reverse(pagina, args=[pk]) + f"#{sectie}"
    if form is None:
        return redirect(url)
    return redirect_with_errors(request, f"{pagina}:{pk}:{naam}", form, url)


def _fout_ophalen(
    request: HttpRequest,
    pk: int,
    maker: Callable[[str], Callable[[Any], Form] | None],
    *,
    pagina: str = "onderzoeken:detail",
) -> tuple[dict[str, Form], str, list[str]]:
    """What a refused write left for this page (once): the bound form by name, the section
    and the other messages."""
    bewaard = request.session.pop(f"{FOUT_SESSIE}:{pagina}:{pk}", None)
    if not bewaard:
        return {}, "", []
    naam = bewaard["naam"]
    maak = maker(naam)
    form = form_from_session(request, f"{pagina}:{pk}:{naam}", maak) if maak else None
    return ({naam: form} if form is not None else {}), bewaard["sectie"], bewaard["fouten"]
