"""The intake: register a melding (with the BSN check while typing) and the receipt for a
login that may register but not read meldingen."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from eenplan.inwoners.models import Inwoner
from eenplan.meldingen import selectors, services
from eenplan.meldingen.forms import (
    MeldingRegistrerenForm,
)
from eenplan.meldingen.views._shared import MELDING, Handeling, _datum
from eenplan.privacy import access
from eenplan.web.forms import add_service_errors, inwoner_by_bsn

BEVESTIGING = "meldingen.bevestiging"


@access.requires(MELDING, Handeling.AANMAKEN)
def melding_nieuw(request: HttpRequest) -> HttpResponse:
    medewerker = access.Actor.of(request.user).medewerker
    if medewerker is None:
        access.refuse(
            request.user,
            MELDING,
            Handeling.AANMAKEN,
            via=access.Via.request(request),
            reason="Uw account hoort niet bij een gemeente; alleen medewerkers registreren "
            "meldingen.",
        )
    voor = _voor_inwoner(request) if request.method != "POST" else None
    form = MeldingRegistrerenForm(
        request.POST or None,
        user=request.user,
        initial={"bsn": voor.bsn} if voor is not None else None,
    )
    if request.method == "POST" and not form.is_valid():
        # All errors at once: what the service would refuse too, next to the input errors.
        form.add_service_errors(gemeente=medewerker.gemeente)
    elif request.method == "POST":
        try:
            melding = services.melding_register(
                gemeente=medewerker.gemeente,
                actor=request.user,
                via=access.Via.request(request),
                **form.service_arguments(),
            )
        except ValidationError as exc:
            add_service_errors(form, exc, form.service_aliases())
        else:
            messages.success(
                request,
                f"Melding {melding.pk} is geregistreerd en de ontvangst is bevestigd. Het "
                f"onderzoek moet uiterlijk {_datum(melding.onderzoek_uiterlijk)} klaar zijn "
                "(Wmo 2015 art. 2.3.2 lid 1).",
            )
            # To the melding when this login may open it (a generalist may not open one about
            # a person still to be identified); else the receipt.
            if selectors.meldingen_in_scope(request.user).filter(pk=melding.pk).exists():
                return redirect("meldingen:detail", pk=melding.pk)
            request.session[BEVESTIGING] = {
                "nummer": melding.pk,
                "ontvangen_op": melding.ontvangen_op.isoformat(),
                "onderzoek_uiterlijk": melding.onderzoek_uiterlijk.isoformat(),
                "persoonlijk_plan_uiterlijk": melding.persoonlijk_plan_uiterlijk.isoformat(),
                "wettelijke_verwijzing": melding.wettelijke_verwijzing,
            }
            return redirect("meldingen:bevestiging")
    status = 400 if request.method == "POST" else 200
    context = {"form": form, "voor": voor, "vraag_max": services.VRAAG_MAX}
    return render(request, "meldingen/melding_nieuw.html", context, status=status)


def _voor_inwoner(request: HttpRequest) -> Inwoner | None:
    """`?inwoner=<id>` (the dossier's "nieuwe melding"): the resident, pre-filled only when this
    login may find them — decided and logged by privacy.access (403 otherwise, 404 when the
    resident does not exist)."""
    waarde = request.GET.get("inwoner", "")
    if not waarde:
        return None
    if not waarde.isascii() or not waarde.isdigit():
        raise Http404("Deze inwoner bestaat niet.")
    inwoner = Inwoner.objects.filter(pk=int(waarde)).first()
    if inwoner is None:
        raise Http404("Deze inwoner bestaat niet.")
    access.require(
        request.user,
        access.Resource.DOSSIER,
        Handeling.ZOEKEN,
        via=access.Via.request(request),
        inwoner=inwoner,
    )
    return inwoner


@access.requires(MELDING, Handeling.AANMAKEN)
def melding_bevestiging(request: HttpRequest) -> HttpResponse:
    """For a login that may register but not view meldingen (a volunteer): the receipt with the
    deadlines, kept in the session so no melding is opened."""
    gegevens = request.session.get(BEVESTIGING)
    if not gegevens:
        return redirect("meldingen:nieuw")
    context = {
        "nummer": gegevens["nummer"],
        "ontvangen_op": dt.date.fromisoformat(gegevens["ontvangen_op"]),
        "onderzoek_uiterlijk": dt.date.fromisoformat(gegevens["onderzoek_uiterlijk"]),
        "persoonlijk_plan_uiterlijk": dt.date.fromisoformat(gegevens["persoonlijk_plan_uiterlijk"]),
        "wettelijke_verwijzing": gegevens.get("wettelijke_verwijzing", False),
    }
    return render(request, "meldingen/melding_bevestiging.html", context)


@access.requires(access.Resource.DOSSIER, Handeling.ZOEKEN)
def bsn_controle(request: HttpRequest) -> HttpResponse:
    """htmx: while typing a BSN on the intake form, show whom it belongs to (within scope), so
    the caller can be asked to confirm name and address. A search, not a dossier read."""
    bsn = request.GET.get("bsn", "").strip()
    context: dict[str, Any] = {"bsn": bsn}
    if len([c for c in bsn if c.isdigit()]) >= 8:
        try:
            context["inwoner"] = inwoner_by_bsn(request.user, bsn)
        except ValidationError as exc:
            context["fout"] = " ".join(exc.messages)
    return render(request, "meldingen/_bsn_controle.html", context)
