"""The SVB and CAK exports on a page (issue 16, docs/exports.md): the back office picks the day
or the month and the format; the export runs as a background task and the page leads to its
progress, where the file is downloaded when it is ready (only by whoever asked)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from eenplan.beschikkingen import exports
from eenplan.beschikkingen.forms import CakExportForm, SvbExportForm
from eenplan.beschikkingen.views import paginahulp as hulp
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource
from eenplan.web.forms import add_service_errors


def _pagina(
    request: HttpRequest,
    *,
    svb: SvbExportForm | None = None,
    cak: CakExportForm | None = None,
    status: int = 200,
) -> HttpResponse:
    vandaag = timezone.localdate()
    context = {
        "svb": svb or SvbExportForm(initial={"op": vandaag, "formaat": "csv"}),
        "cak": cak or CakExportForm(initial={"maand": f"{vandaag:%Y-%m}", "formaat": "csv"}),
    }
    return render(request, "beschikkingen/exports.html", context, status=status)


@access.requires(Resource.EXPORT, Action.EXPORTEREN)
def exports_pagina(request: HttpRequest) -> HttpResponse:
    """GET: the two forms. POST (`soort` svb or cak): start the export, then its task page."""
    if request.method != "POST":
        return _pagina(request)
    gemeente = hulp.gemeente_van(request)
    if request.POST.get("soort") == "cak":
        form: SvbExportForm | CakExportForm = CakExportForm(request.POST)
        soort, sleutel = exports.EXPORT_CAK, "maand"
    else:
        form = SvbExportForm(request.POST)
        soort, sleutel = exports.EXPORT_SVB, "op"
    if form.is_valid():
        waarde = form.cleaned_data[sleutel]
        try:
            taak = exports.export_starten(
                soort=soort,
                door=request.user,
                gemeente=gemeente,
                params={
                    sleutel: waarde if isinstance(waarde, str) else waarde.isoformat(),
                    "format": form.cleaned_data["formaat"],
                },
                via=hulp.via(request),
                herkomst=reverse("beschikkingen:exports"),
            )
        except (ValidationError, PermissionDenied) as exc:
            add_service_errors(
                form, exc if isinstance(exc, ValidationError) else ValidationError(str(exc))
            )
        else:
            return redirect("taken:detail", taak.pk)
    if isinstance(form, CakExportForm):
        return _pagina(request, cak=form, status=400)
    return _pagina(request, svb=form, status=400)
