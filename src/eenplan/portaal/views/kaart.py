"""The sociale kaart for residents: the public page (`/sociale-kaart/`, no login), its open-data
export (`/sociale-kaart/export.csv`, `.json`) and, in the portal, the kaart of the resident's
own wijk (`/mijn/<id>/sociale-kaart/`). See `portaal.kaart`."""

from __future__ import annotations

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from eenplan.portaal import kaart
from eenplan.portaal.views import A, R, _context, zaak_of_404
from eenplan.privacy import access

PAGE_SIZE = 20


def _pagina(request: HttpRequest, gemeente, filters: kaart.Filters, keuzes, **extra) -> dict:
    resultaten = kaart.zoek(gemeente, filters)
    page = Paginator(resultaten, PAGE_SIZE).get_page(request.GET.get("pagina"))
    vaste = {"gemeente": request.GET["gemeente"]} if request.GET.get("gemeente") else {}
    return {
        "gemeente": gemeente,
        "keuzes": keuzes,
        "filters": filters,
        "gefilterd": filters.actief(),
        "page": page,
        "pagina_query": urlencode({**vaste, **filters.query()}),
        "export_query": urlencode({**vaste, **filters.query()}),
        "htmx": bool(getattr(request, "htmx", False)),
        **extra,
    }


def sociale_kaart(request: HttpRequest) -> HttpResponse:
    """Public: every algemene voorziening of the municipality, searchable by words, wijk, life
    domain and target group; no login, no personal data. Works without JavaScript; with htmx
    the results refresh while typing."""
    gemeente = kaart.publieke_gemeente(request.GET.get("gemeente"))
    if gemeente is None:
        status = 404 if request.GET.get("gemeente") else 200
        return render(
            request,
            "portaal/sociale_kaart_gemeente.html",
            {"gemeenten": kaart.gemeenten(), "onbekend": status == 404},
            status=status,
        )
    keuzes = kaart.Keuzes.voor(gemeente)
    filters = kaart.Filters.uit(request.GET, keuzes)
    context = _pagina(request, gemeente, filters, keuzes, publiek=True)
    htmx = getattr(request, "htmx", None)
    template = (
        "voorzieningen/_sociale_kaart_resultaten.html"
        if htmx and htmx.target == "resultaten"
        else "portaal/sociale_kaart.html"
    )
    return render(request, template, context)


def sociale_kaart_export(request: HttpRequest, formaat: str) -> HttpResponse:
    """The (filtered) sociale kaart as open data: CSV or JSON, CC0, no personal data."""
    gemeente = kaart.publieke_gemeente(request.GET.get("gemeente"))
    if gemeente is None:
        raise Http404(kaart.ONBEKENDE_GEMEENTE)
    filters = kaart.Filters.uit(request.GET, kaart.Keuzes.voor(gemeente))
    rijen = [kaart.rij(v) for v in kaart.zoek(gemeente, filters)]
    naam = f"sociale-kaart-{gemeente.cbs_code.lower()}"
    if formaat == "csv":
        response = HttpResponse(kaart.als_csv(rijen), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{naam}.csv"'
    else:
        bron = request.build_absolute_uri(reverse("sociale-kaart"))
        response = HttpResponse(
            kaart.als_json(gemeente, rijen, bron=bron),
            content_type="application/json; charset=utf-8",
        )
        response["Content-Disposition"] = f'attachment; filename="{naam}.json"'
    response["Access-Control-Allow-Origin"] = "*"  # open data: any site may read it
    return response


@access.requires_inwoner(R.VOORZIENING, A.LEZEN)
def mijn_sociale_kaart(request: HttpRequest, inwoner_id: int) -> HttpResponse:
    """In the portal: the sociale kaart of the resident's own wijk (and the town-wide ones),
    with the same search and filters; a link to the whole kaart."""
    inwoner = zaak_of_404(request, inwoner_id, R.VOORZIENING, A.LEZEN)
    gemeente = inwoner.gemeente
    keuzes = kaart.Keuzes.voor(gemeente)
    gevraagd = kaart.Filters.uit(request.GET, keuzes)
    wijk = str(inwoner.wijk_id) if inwoner.wijk_id else ""
    filters = kaart.Filters(
        q=gevraagd.q, wijk=wijk, leefgebied=gevraagd.leefgebied, doelgroep=gevraagd.doelgroep
    )
    context = _pagina(request, gemeente, filters, keuzes, publiek=False)
    context["pagina_query"] = urlencode(
        {k: v for k, v in filters.query().items() if k != "wijk"}
    )
    context["wijk_naam"] = next((w.naam for w in keuzes.wijken if str(w.pk) == wijk), "")
    htmx = getattr(request, "htmx", None)
    if htmx and htmx.target == "resultaten":
        return render(request, "voorzieningen/_sociale_kaart_resultaten.html", context)
    return render(
        request, "portaal/mijn_sociale_kaart.html", _context(request, inwoner, **context)
    )
