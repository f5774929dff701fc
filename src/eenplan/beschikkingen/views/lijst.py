"""The beschikkingen list `/beschikkingen/`: search and filters with the parameters of the API
(`/api/v1/beschikkingen/`) through the same selector; paged with `pagina`."""

from __future__ import annotations

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from eenplan.beschikkingen import selectors
from eenplan.beschikkingen.forms import (
    BeschikkingZoekForm,
)
from eenplan.beschikkingen.models import Beschikking
from eenplan.beschikkingen.views import paginahulp as hulp
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource


@access.requires(Resource.BESCHIKKING, Action.LEZEN)
def beschikkingen(request: HttpRequest) -> HttpResponse:
    """All beschikkingen within the need-to-know, searched and filtered with the parameters of
    the API (`/api/v1/beschikkingen/`) through the same selector; every resident shown is
    logged. An unknown parameter is reported, not silently ignored."""
    gemeente_id = hulp.gemeente_van(request).pk
    form = BeschikkingZoekForm(request.GET or None, gemeente_id=gemeente_id)
    onbekend = selectors.onbekende_parameters(
        request.GET.keys(), selectors.BESCHIKKING_ZOEK_PARAMETERS
    )
    geldig = form.is_valid() if request.GET else True
    if geldig and not onbekend:
        vraag = form.zoekvraag() if request.GET else selectors.BeschikkingZoekvraag()
        rijen = selectors.beschikkingen_zoeken(
            scope=selectors.beschikkingen_in_scope(request.user),
            vraag=vraag,
            gemeente_id=gemeente_id,
        )
    else:
        rijen = Beschikking.objects.none()
    page = Paginator(rijen, hulp.PAGE_SIZE).get_page(request.GET.get("pagina"))
    access.log_shown(
        request.user,
        [b.inwoner_id for b in page.object_list],
        resource=Resource.BESCHIKKING,
        via=hulp.via(request),
    )
    filters = {
        k: v for k, v in request.GET.items() if k in selectors.BESCHIKKING_ZOEK_PARAMETERS and v
    }
    filters.pop("pagina", None)
    context = {
        "form": form,
        "page": page,
        "onbekend": onbekend,
        "gefilterd": bool(filters),
        "pagina_query": urlencode(filters),
    }
    return render(
        request,
        "beschikkingen/beschikkingen.html",
        context,
        status=400 if onbekend or not geldig else 200,
    )
