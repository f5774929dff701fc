"""Pages of the tasks (/taken/): "Mijn taken" (the tasks the login started in the municipality
it works for now, paginated) and one task with its progress bar, refreshed by htmx while it
waits or runs, its outcome and its result file. A task is seen only by whoever started it
(`privacy.access.decide_taak`, ADR 0048); every refusal is logged."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource
from eenplan.taken import registry, selectors
from eenplan.taken.models import Taak
from eenplan.web.parameters import allowed_parameters

PER_PAGINA = 25
# htmx stops polling when the answer has this status (the task is done).
KLAAR_STOP_POLLEN = 286


def _via(request: HttpRequest) -> access.Via:
    return access.Via.request(request)


@access.requires(Resource.TAAK, Action.LEZEN)
@allowed_parameters("pagina")
def lijst(request: HttpRequest) -> HttpResponse:
    gemeente_id = access.Actor.of(request.user).gemeente_id
    page = Paginator(
        selectors.mijn_taken(request.user, gemeente_id=gemeente_id), PER_PAGINA
    ).get_page(request.GET.get("pagina"))
    for taak in page.object_list:
        taak.label = registry.label(taak.soort)
    return render(request, "taken/lijst.html", {"page": page})


def taak_voor(request: HttpRequest, pk: int, *, toelichting: str = "") -> Taak:
    """Task `pk` within the login's municipality (else a logged 404), if the login may see it
    (else a logged 403)."""
    taak = access.get_or_refuse(
        request.user,
        Resource.TAAK,
        Action.LEZEN,
        via=_via(request),
        pk=pk,
        zoek=lambda gemeente_id: selectors.taak_in_gemeente(pk, gemeente_id),
        wat="Taak",
        niet_gevonden="Deze taak bestaat niet.",
    )
    access.require_taak(
        request.user, selectors.feiten(taak), via=_via(request), toelichting=toelichting
    )
    return taak


def _context(taak: Taak) -> dict[str, Any]:
    resultaat = taak.resultaat if isinstance(taak.resultaat, dict) else {}
    return {
        "taak": taak,
        "label": registry.label(taak.soort),
        "terug": selectors.terug(taak),
        "samenvatting": resultaat.get("samenvatting", ""),
        "uitkomsten": [
            (str(k).replace("_", " ").capitalize(), v)
            for k, v in resultaat.items()
            if k != "samenvatting" and isinstance(v, str | int | float | bool)
        ],
    }


@access.requires_relatie(Resource.TAAK, Action.LEZEN, access.STARTER)
@allowed_parameters()
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    taak = taak_voor(request, pk)
    return render(request, "taken/detail.html", _context(taak))


@access.requires_relatie(Resource.TAAK, Action.LEZEN, access.STARTER)
@allowed_parameters()
def voortgang(request: HttpRequest, pk: int) -> HttpResponse:
    """The progress fragment the detail page polls (htmx); status 286 once the task is done
    stops the polling."""
    taak = taak_voor(request, pk)
    response = render(request, "taken/_voortgang.html", _context(taak))
    if not taak.open and request.headers.get("HX-Request"):
        response.status_code = KLAAR_STOP_POLLEN
    return response


@access.requires_relatie(Resource.TAAK, Action.LEZEN, access.STARTER)
@allowed_parameters()
def bestand(request: HttpRequest, pk: int) -> HttpResponse:
    """The task's result file; the download is logged (an export may hold personal data)."""
    taak = access.get_or_refuse(
        request.user,
        Resource.TAAK,
        Action.LEZEN,
        via=_via(request),
        pk=pk,
        zoek=lambda gemeente_id: selectors.taak_in_gemeente(pk, gemeente_id),
        wat="Taak",
        niet_gevonden="Deze taak bestaat niet.",
    )
    feiten = selectors.feiten(taak)
    access.require_taak(request.user, feiten, via=_via(request))
    inhoud = selectors.bestand(taak) if taak.bestand_naam and not taak.open else None
    if inhoud is None:
        raise Http404("Deze taak heeft (nog) geen bestand.")
    access.require_taak(
        request.user,
        feiten,
        via=_via(request),
        toelichting=f"Bestand van taak {taak.pk} gedownload: {taak.bestand_naam}",
    )
    response = HttpResponse(inhoud, content_type=taak.bestand_type or "application/octet-stream")
    response["Content-Disposition"] = f'attachment; filename="{taak.bestand_naam}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response
