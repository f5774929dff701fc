"""The send channels of sent letters that are not done (ADR 0021): waiting, failed (with the
error) or the channel not connected; with a button to try the failed ones again. A letter is
never lost: it is stored with its record, and a channel's failure stays here until it is sent."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from eenplan.beschikkingen import selectors, verzending
from eenplan.beschikkingen.constants import VerzendStatus
from eenplan.beschikkingen.views import paginahulp as hulp
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource


@access.requires(Resource.BESCHIKKING, Action.LEZEN)
def verzendingen(request: HttpRequest) -> HttpResponse:
    alle = request.GET.get("alle") == "1"
    lijst = selectors.verzendingen(request.user, alleen_open=not alle)
    page = Paginator(lijst, hulp.PAGE_SIZE).get_page(request.GET.get("pagina"))
    context = {
        "page": page,
        "alle": alle,
        "pagina_query": "alle=1" if alle else "",
        "mislukt": selectors.verzendingen(request.user)
        .filter(status=VerzendStatus.MISLUKT)
        .exists(),
    }
    return render(request, "beschikkingen/verzendingen.html", context)


@require_POST
@access.requires(Resource.BESCHIKKING, Action.BESLISSEN)
def verzendingen_opnieuw(request: HttpRequest) -> HttpResponse:
    """Try the failed channels (of residents within need-to-know) again."""
    ids = list(
        selectors.verzendingen(request.user)
        .filter(status=VerzendStatus.MISLUKT)
        .values_list("pk", flat=True)
    )
    rijen = verzending.verzendingen_uitvoeren(ids)
    gelukt = sum(r.status == VerzendStatus.VERZONDEN for r in rijen)
    if gelukt == len(rijen):
        messages.success(request, f"Opnieuw verzonden: {gelukt}.")
    else:
        messages.warning(
            request, f"Opnieuw verzonden: {gelukt}. Nog niet gelukt: {len(rijen) - gelukt}."
        )
    return redirect("beschikkingen:verzendingen")
