"""An aanvraag filed directly from the portal (`/mijn/<id>/aanvraag-doen/`), without signing the
plan: after the onderzoek, or once it took longer than six weeks (Wmo 2015 art. 2.3.2 lid 9;
seed 000 L1973-1976: the resident may apply for something other than the plan advises). The
decision term is shown in words before and after filing. The resident or a representative
files; a mantelzorger does not (`access.INWONER_RULES`, as for a bezwaar)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from eenplan.portaal import services
from eenplan.portaal.forms import AanvraagForm
from eenplan.portaal.views import A, R, _context, zaak_of_404
from eenplan.privacy import access
from eenplan.web.forms import add_service_errors


@access.requires_inwoner(R.AANVRAAG, A.AANMAKEN)
def aanvraag_doen(request: HttpRequest, inwoner_id: int) -> HttpResponse:
    """The form (or, when it cannot be filed yet, why not and from when), with per law the
    decision term in plain words."""
    inwoner = zaak_of_404(request, inwoner_id, R.AANVRAAG, A.AANMAKEN)
    vandaag = timezone.localdate()
    kan, reden = services.direct_aanvragen_vanaf(inwoner, vandaag)
    form = AanvraagForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                aanvraag = services.aanvraag_indienen(
                    inwoner=inwoner,
                    omschrijving=form.cleaned_data["omschrijving"],
                    wet=form.cleaned_data["wet"],
                    toelichting=form.cleaned_data["toelichting"],
                    actor=request.user,
                    via=access.Via.request(request),
                )
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(
                    request,
                    f"Wij hebben uw aanvraag ontvangen: {aanvraag.omschrijving}. "
                    + services.beslistermijn_uitleg(aanvraag.wet, aanvraag.ontvangen_op),
                )
                return redirect("portaal:beschikkingen", inwoner_id=inwoner.pk)
        status = 400
    termijnen = [
        (naam, services.beslistermijn_uitleg(wet, vandaag))
        for wet, naam in services.AANVRAAG_WETTEN.items()
    ]
    return render(
        request,
        "portaal/aanvraag_doen.html",
        _context(request, inwoner, form=form, kan=kan, reden=reden, termijnen=termijnen),
        status=status,
    )
