"""One beschikking: its page with the letter, the eigen bijdrage and the bezwaren against it
(through the reverse relation; registering one is a page of `eenplan.bezwaren`), sending the
letter after a confirmation, the lawfulness check, and the letter as PDF."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from eenplan.beschikkingen import services
from eenplan.beschikkingen.constants import Rechtmatigheid
from eenplan.beschikkingen.forms import (
    ToetsForm,
    VerzendForm,
)
from eenplan.beschikkingen.models import Beschikking
from eenplan.beschikkingen.views import paginahulp as hulp
from eenplan.beschikkingen.views._gedeeld import beschikking_of_404, omvang_labels
from eenplan.beschikkingen.views.werklijsten import _toetsing_pagina
from eenplan.gemeente.selectors import instellingen_op
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource
from eenplan.web.forms import add_service_errors
from eenplan.web.prg import form_from_session, redirect_with_errors


def _eigen_bijdrage(beschikking: Beschikking) -> dict[str, Any]:
    """The contribution as the letter states it (the same answer as the API)."""
    uitkomst, op = services.beschikking_eigen_bijdrage(beschikking)
    return {"uitkomst": uitkomst, "op": op}


def _beschikking_pagina(
    request: HttpRequest,
    beschikking: Beschikking,
    *,
    bound: dict[str, Form] | None = None,
    status: int = 200,
) -> HttpResponse:
    hulp.open_beschikking(
        request,
        Action.LEZEN,
        inwoner_id=beschikking.inwoner_id,
        wet=beschikking.aanvraag.wet,
        inwoner=beschikking.inwoner,
    )
    user = request.user
    vandaag = timezone.localdate()
    omvang_labels(list(beschikking.voorzieningen.all()))
    verzonden = beschikking.verzonden_op is not None
    acties = {
        "verzenden": access.allows(user, Resource.BESCHIKKING, Action.BESLISSEN)
        and not verzonden
        and beschikking.rechtmatigheid != Rechtmatigheid.ONRECHTMATIG
        and (
            beschikking.rechtmatigheid != Rechtmatigheid.TE_TOETSEN
            or instellingen_op(
                beschikking.gemeente_id, vandaag
            ).rechtmatigheid.verzenden_voor_toetsing
        ),
        "toetsen": access.allows(user, Resource.BESCHIKKING, Action.TOETSEN)
        and beschikking.rechtmatigheid == Rechtmatigheid.TE_TOETSEN
        and beschikking.besloten_door_id != user.pk,
        "bezwaar": access.allows(user, Resource.BEZWAAR, Action.AANMAKEN) and verzonden,
    }
    forms: dict[str, Form] = {}
    if acties["verzenden"]:
        forms["verzenden"] = VerzendForm(prefix="verzenden")
    if acties["toetsen"]:
        forms["toetsen"] = ToetsForm(
            prefix=f"toets-{beschikking.pk}", initial={"terug": "beschikking"}
        )
    forms.update(bound or {})
    fout_actie = next(iter(bound), "") if bound else ""
    # The bezwaren against this decision (app `bezwaren`, above this one), through the reverse
    # relation; registering one is a page of that app (`bezwaren:bezwaar-registreren`).
    bezwaren = list(beschikking.bezwaren.all())
    for bezwaar in bezwaren:
        bezwaar.tijdigheid_label = hulp.TIJDIGHEID_LABELS.get(  # type: ignore[attr-defined]
            bezwaar.tijdigheid, bezwaar.tijdigheid
        )
    context = {
        "b": beschikking,
        "inwoner": beschikking.inwoner,
        "regels": list(beschikking.voorzieningen.all()),
        "verzonden": verzonden,
        "brief": services.brief_tekst(beschikking, vandaag),
        "bijdrage": _eigen_bijdrage(beschikking),
        "acties": acties,
        "forms": forms,
        "fout_actie": fout_actie,
        # A refusal for an action whose form is no longer shown (sent meanwhile, found
        # unlawful) goes above the page.
        "losse_fouten": [m for fouten in bound[fout_actie].errors.values() for m in fouten]
        if fout_actie and not acties.get(fout_actie)
        else [],
        "bezwaren": bezwaren,
        # Read with the decision (`beschikking_get(met_verzendingen=True)`).
        "verzendingen": beschikking.verzendingen if verzonden else [],  # type: ignore[attr-defined]
        "eigen_besluit": beschikking.besloten_door_id == user.pk,
        "vandaag": vandaag,
    }
    return render(request, "beschikkingen/beschikking.html", context, status=status)


@access.requires(Resource.BESCHIKKING, Action.LEZEN)
def beschikking_detail(request: HttpRequest, pk: int) -> HttpResponse:
    verzenden = form_from_session(request, f"verzenden-{pk}", VerzendForm, prefix="verzenden")
    return _beschikking_pagina(
        request,
        beschikking_of_404(
            request, pk, Action.LEZEN, met_verzendingen=True, met_eigen_bijdrage=True
        ),
        bound={"verzenden": verzenden} if verzenden else None,
    )


@require_http_methods(["GET", "POST"])
@access.requires(Resource.BESCHIKKING, Action.BESLISSEN)
def beschikking_verzenden(request: HttpRequest, pk: int) -> HttpResponse:
    """Send the letter, after the person confirmed they checked it (irreversible). A GET (a
    reload, the back button) goes to the beschikking; a refusal comes back there with every
    message (POST/redirect/GET)."""
    beschikking = beschikking_of_404(request, pk, Action.BESLISSEN)
    hulp.open_beschikking(
        request,
        Action.BESLISSEN,
        inwoner_id=beschikking.inwoner_id,
        wet=beschikking.aanvraag.wet,
        inwoner=beschikking.inwoner,
    )
    terug = reverse("beschikkingen:detail", args=[pk]) + "#verzenden"
    if request.method == "GET":
        return redirect(terug)
    form = VerzendForm(request.POST, prefix="verzenden")
    if form.is_valid():
        try:
            beschikking = services.beschikking_send(
                beschikking=beschikking,
                actor=request.user,
                op=form.cleaned_data["op"],
                via=hulp.via(request),
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request,
                f"De brief is verzonden op {hulp.datum(beschikking.verzonden_op)}. Bezwaar maken "
                f"kan tot en met {hulp.datum(beschikking.bezwaar_uiterlijk)}.",
            )
            return redirect("beschikkingen:detail", pk=beschikking.pk)
    return redirect_with_errors(request, f"verzenden-{pk}", form, terug)


@require_POST
@access.requires(Resource.BESCHIKKING, Action.TOETSEN)
def beschikking_toetsen(request: HttpRequest, pk: int) -> HttpResponse:
    beschikking = beschikking_of_404(request, pk, Action.TOETSEN)
    hulp.open_beschikking(
        request,
        Action.TOETSEN,
        inwoner_id=beschikking.inwoner_id,
        wet=beschikking.aanvraag.wet,
        inwoner=beschikking.inwoner,
    )
    form = ToetsForm(request.POST, prefix=f"toets-{pk}")
    naar_rij = request.POST.get(f"{form.prefix}-terug") == "toetsing"
    if form.is_valid():
        try:
            services.rechtmatigheid_check(
                beschikking=beschikking,
                actor=request.user,
                rechtmatig=form.cleaned_data["oordeel"] == "rechtmatig",
                reden=form.cleaned_data["reden"],
                via=hulp.via(request),
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            oordeel = (
                "rechtmatig"
                if form.cleaned_data["oordeel"] == "rechtmatig"
                else "onrechtmatig; het gaat terug naar de beslisser"
            )
            messages.success(request, f"Beschikking {beschikking.pk} is {oordeel}.")
            return redirect(
                "beschikkingen:toetsing" if naar_rij else "beschikkingen:detail",
                **({} if naar_rij else {"pk": beschikking.pk}),
            )
    if naar_rij:
        return _toetsing_pagina(request, bound={beschikking.pk: form}, status=400)
    return _beschikking_pagina(
        request,
        beschikking_of_404(
            request, pk, Action.TOETSEN, met_verzendingen=True, met_eigen_bijdrage=True
        ),
        bound={"toetsen": form},
        status=400,
    )


@access.requires(Resource.BESCHIKKING, Action.LEZEN)
def beschikking_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """The letter as PDF: the stored letter once sent, else the preview (marked as such)."""
    beschikking = beschikking_of_404(request, pk, Action.LEZEN, met_eigen_bijdrage=True)
    hulp.open_beschikking(
        request,
        Action.LEZEN,
        inwoner_id=beschikking.inwoner_id,
        wet=beschikking.aanvraag.wet,
        inwoner=beschikking.inwoner,
    )
    pdf = services.brief_pdf(beschikking, timezone.localdate())
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="beschikking-{beschikking.pk}.pdf"'
    return response
