"""Bezwaar and klacht from the portal (`/mijn/<id>/bezwaren/`): the resident, or a
representative for them, files a bezwaar against a sent beschikking — with the last day of the
term shown, computed by the rule the letter and the staff pages use — and a complaint; both
through the bezwaren app's services (`portaal.services`). A mantelzorger reads, files nothing
(`access.INWONER_RULES`)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from eenplan.portaal import selectors, services
from eenplan.portaal.forms import BezwaarForm, KlachtForm
from eenplan.portaal.views import A, R, _context, zaak_of_404
from eenplan.privacy import access
from eenplan.web.forms import add_service_errors


@access.requires_inwoner(R.BEZWAAR, A.LEZEN)
def bezwaren(request: HttpRequest, inwoner_id: int) -> HttpResponse:
    """The bezwaren and klachten of this case with their state, and per sent beschikking the
    last day for a bezwaar."""
    inwoner = zaak_of_404(request, inwoner_id, R.BEZWAAR, A.LEZEN)
    return render(
        request,
        "portaal/bezwaren.html",
        _context(
            request,
            inwoner,
            mogelijkheden=selectors.bezwaarmogelijkheden(inwoner),
            bezwaren=list(selectors.bezwaren(inwoner)[:50]),
            klachten=list(selectors.klachten(inwoner)[:50]),
            mag_bezwaar=access.grond_voor(request.user, inwoner.pk)
            in access.INWONER_RULES[(R.BEZWAAR, A.AANMAKEN)],
        ),
    )


@access.requires_inwoner(R.BEZWAAR, A.AANMAKEN)
def bezwaar_maken(request: HttpRequest, inwoner_id: int, pk: int) -> HttpResponse:
    """Object to one sent beschikking: the last day shown, the grounds in own words; after
    the last day the form asks why it is late (Awb 6:11)."""
    inwoner = zaak_of_404(request, inwoner_id, R.BEZWAAR, A.AANMAKEN)
    mogelijkheid = selectors.bezwaarmogelijkheid(inwoner, pk)
    if mogelijkheid is None:
        raise Http404("Dit besluit bestaat niet of is niet van u.")
    form = BezwaarForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                bezwaar = services.bezwaar_indienen(
                    inwoner=inwoner,
                    beschikking=mogelijkheid.beschikking,
                    gronden=form.cleaned_data["gronden"],
                    reden_te_laat=form.cleaned_data["reden_te_laat"],
                    actor=request.user,
                    via=access.Via.request(request),
                )
            except ValidationError as exc:
                add_service_errors(form, exc, aliases={"ontvangen_op": "gronden"})
            else:
                messages.success(
                    request,
                    "Wij hebben uw bezwaar ontvangen. De gemeente beslist uiterlijk "
                    f"{bezwaar.beslissen_uiterlijk:%d-%m-%Y}.",
                )
                return redirect("portaal:bezwaren", inwoner_id=inwoner.pk)
        status = 400
    return render(
        request,
        "portaal/bezwaar_maken.html",
        _context(
            request, inwoner, m=mogelijkheid, form=form, vandaag=timezone.localdate()
        ),
        status=status,
    )


@access.requires_inwoner(R.KLACHT, A.AANMAKEN)
def klacht_indienen(request: HttpRequest, inwoner_id: int) -> HttpResponse:
    """A complaint about how the municipality treated the resident (Awb 9:1)."""
    inwoner = zaak_of_404(request, inwoner_id, R.KLACHT, A.AANMAKEN)
    form = KlachtForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                klacht = services.klacht_indienen(
                    inwoner=inwoner,
                    onderwerp=form.cleaned_data["onderwerp"],
                    actor=request.user,
                    via=access.Via.request(request),
                )
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(
                    request,
                    "Wij hebben uw klacht ontvangen. De gemeente handelt haar af uiterlijk "
                    f"{klacht.afhandelen_uiterlijk:%d-%m-%Y}.",
                )
                return redirect("portaal:bezwaren", inwoner_id=inwoner.pk)
        status = 400
    return render(
        request, "portaal/klacht.html", _context(request, inwoner, form=form), status=status
    )
