"""The verslag: making it definitief, the page and PDF, sending it and the resident's
response."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from eenplan.common.pdf import tekst_naar_pdf
from eenplan.onderzoeken import services
from eenplan.onderzoeken.constants import OnderzoekStatus
from eenplan.onderzoeken.forms import DefinitiefForm, ReactieForm, VerzondenForm
from eenplan.onderzoeken.views.gemeen import (
    DEELNEMERS,
    _datum,
    _fout_ophalen,
    _fout_terug,
    _onderzoek,
)
from eenplan.onderzoeken.views.pagina import _terug, _wijzigbaar
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource
from eenplan.web.forms import add_service_errors


@require_POST
@access.requires(Resource.ONDERZOEK, Action.WIJZIGEN)
def verslag_definitief(request: HttpRequest, pk: int) -> HttpResponse:
    onderzoek = _wijzigbaar(request, pk)
    # Irreversible: the server checks the confirmation, not only the browser.
    form = DefinitiefForm(request.POST, prefix="definitief")
    if not form.is_valid():
        return _fout_terug(request, pk, naam="definitief", form=form, sectie="verslag")
    try:
        services.verslag_finalise(onderzoek=onderzoek, actor=request.user)
    except ValidationError as exc:
        return _fout_terug(request, pk, naam="", sectie="verslag", fouten=exc.messages)
    messages.success(
        request,
        "Het verslag is definitief. Stuur het naar de inwoner (Wmo 2015 art. 2.3.2 lid 8) en "
        "leg vast wanneer u dat deed.",
    )
    return redirect("onderzoeken:verslag", pk=pk)


VERSLAG = "onderzoeken:verslag"

# --- the verslag --------------------------------------------------------------------------------


def _verslag_pagina(
    request: HttpRequest, pk: int, *, bound: dict[str, Form] | None = None, status: int = 200
) -> HttpResponse:
    onderzoek = _onderzoek(request, pk)
    if onderzoek.status != OnderzoekStatus.DEFINITIEF:
        messages.info(request, "Het verslag is nog niet definitief.")
        return _terug(pk, "verslag")
    vandaag = timezone.localdate()
    context = services.verslag_context(onderzoek)
    if bound is None:
        makers: dict[str, Callable[[Any], Form]] = {
            "verzonden": lambda d: VerzondenForm(d, prefix="verzonden"),
            "reactie": lambda d: ReactieForm(d, prefix="reactie"),
        }
        bound, _sectie, _fouten = _fout_ophalen(request, pk, makers.get, pagina=VERSLAG)
    forms = {
        "verzonden": VerzondenForm(prefix="verzonden"),
        "reactie": ReactieForm(prefix="reactie"),
        **(bound or {}),
    }
    context.update(
        {
            "gesprekken": [
                {
                    "gesprek": g,
                    "deelnemers": [DEELNEMERS.get(c, c) for c in g.deelnemers.split(",") if c],
                }
                for g in context["gesprekken"]
            ],
            "vandaag": vandaag,
            "forms": forms,
            "reacties": list(onderzoek.reacties.all()),
            "kan_wijzigen": access.allows(request.user, Resource.ONDERZOEK, Action.WIJZIGEN),
        }
    )
    return render(request, "onderzoeken/verslag.html", context, status=status)


@access.requires(Resource.ONDERZOEK, Action.LEZEN)
def verslag(request: HttpRequest, pk: int) -> HttpResponse:
    return _verslag_pagina(request, pk)


@require_POST
@access.requires(Resource.ONDERZOEK, Action.WIJZIGEN)
def verslag_verzonden(request: HttpRequest, pk: int) -> HttpResponse:
    onderzoek = _wijzigbaar(request, pk)
    form = VerzondenForm(request.POST, prefix="verzonden")
    if form.is_valid():
        try:
            services.verslag_send(
                onderzoek=onderzoek, op=form.cleaned_data["op"], actor=request.user
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request,
                f"Vastgelegd: het verslag is op {_datum(form.cleaned_data['op'])} "
                "naar de inwoner gestuurd.",
            )
            return redirect("onderzoeken:verslag", pk=pk)
    return _fout_terug(
        request, pk, naam="verzonden", form=form, sectie="kop-vastleggen", pagina=VERSLAG
    )


@require_POST
@access.requires(Resource.ONDERZOEK, Action.WIJZIGEN)
def verslag_reactie(request: HttpRequest, pk: int) -> HttpResponse:
    onderzoek = _wijzigbaar(request, pk)
    form = ReactieForm(request.POST, prefix="reactie")
    if form.is_valid():
        try:
            services.verslag_reactie_add(
                onderzoek=onderzoek,
                tekst=form.cleaned_data["tekst"],
                ontvangen_op=form.cleaned_data["ontvangen_op"],
                actor=request.user,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "De reactie van de inwoner is bij het verslag bewaard.")
            return redirect(reverse("onderzoeken:verslag", args=[pk]) + "#reacties")
    return _fout_terug(
        request, pk, naam="reactie", form=form, sectie="kop-vastleggen", pagina=VERSLAG
    )


@access.requires(Resource.ONDERZOEK, Action.LEZEN)
def verslag_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """The final verslag as PDF, exactly the text that became final (art. 2.3.2 lid 8)."""
    onderzoek = _onderzoek(request, pk)
    if onderzoek.status != OnderzoekStatus.DEFINITIEF:
        messages.info(request, "Het verslag is nog niet definitief.")
        return _terug(pk, "verslag")
    pdf = tekst_naar_pdf(
        titel=f"Verslag van het onderzoek - {onderzoek.inwoner.naam}", tekst=onderzoek.verslag_tekst
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="verslag-{onderzoek.pk}.pdf"'
    return response
