"""Awb art. 4:14 worklist: the aanvragen whose decision term is about to pass or has passed
without a decision or a notice to the resident; per row the notice (reason and the day by which
the decision comes), sent as a letter through the municipality's channels."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from eenplan.beschikkingen import selectors, services
from eenplan.beschikkingen.views import paginahulp as hulp
from eenplan.beschikkingen.views._gedeeld import aanvraag_of_404
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource


@access.requires(Resource.AANVRAAG, Action.LEZEN)
def vertraging(request: HttpRequest) -> HttpResponse:
    vandaag = timezone.localdate()
    lijst = selectors.vertraging_werklijst(request.user, vandaag=vandaag)
    page = Paginator(lijst, hulp.PAGE_SIZE).get_page(request.GET.get("pagina"))
    for aanvraag in page.object_list:
        aanvraag.stand_label = hulp.stand_label(aanvraag.termijn_stand)
    context = {
        "page": page,
        "vandaag": vandaag,
        "pagina_query": "",
        "mag_melden": access.allows(request.user, Resource.AANVRAAG, Action.OPSCHORTEN),
    }
    return render(request, "beschikkingen/vertraging.html", context)


@require_POST
@access.requires(Resource.AANVRAAG, Action.OPSCHORTEN)
def vertraging_melden(request: HttpRequest, pk: int) -> HttpResponse:
    aanvraag = aanvraag_of_404(request, pk, Action.OPSCHORTEN)
    hulp.open_aanvraag(
        request,
        Action.OPSCHORTEN,
        inwoner_id=aanvraag.inwoner_id,
        wet=aanvraag.wet,
        inwoner=aanvraag.inwoner,
    )
    op = hulp.datum_uit(request, "datum")
    verwacht_op = hulp.datum_uit(request, "verwacht_op") if op is not None else None
    if op is not None and verwacht_op is not None:
        hulp.actie(
            request,
            lambda: services.aanvraag_vertraging_melden(
                aanvraag=aanvraag,
                op=op,
                reden=request.POST.get("reden", ""),
                verwacht_op=verwacht_op,
                actor=request.user,
                via=hulp.via(request),
            ),
            f"{aanvraag.inwoner.naam} krijgt een brief dat het besluit later komt.",
        )
    return redirect("beschikkingen:vertraging")


@access.requires(Resource.AANVRAAG, Action.LEZEN)
def vertraging_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    geen = "Voor deze aanvraag is geen bericht over vertraging verstuurd."
    aanvraag = aanvraag_of_404(request, pk, Action.LEZEN, niet_gevonden=geen)
    # Need-to-know first (decided and logged by the access module): only who may read the
    # aanvraag learns whether a delay letter was sent.
    hulp.open_aanvraag(
        request,
        Action.LEZEN,
        inwoner_id=aanvraag.inwoner_id,
        wet=aanvraag.wet,
        inwoner=aanvraag.inwoner,
    )
    if not aanvraag.vertraging_brief_pdf:
        raise Http404(geen)
    response = HttpResponse(bytes(aanvraag.vertraging_brief_pdf), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="vertraging-{aanvraag.pk}.pdf"'
    return response
