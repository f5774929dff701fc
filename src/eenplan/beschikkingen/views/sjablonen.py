"""The municipality's letter templates (issue 10): the versions, a new version with a live
preview (htmx), under /beschikkingen/sjablonen/. Functioneel beheer (Resource.INSTELLINGEN);
no resident data is shown: the preview fills in made-up values."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from eenplan.beschikkingen import selectors, services
from eenplan.beschikkingen.constants import BriefSoort
from eenplan.beschikkingen.views import paginahulp as hulp
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource
from eenplan.web.forms import add_service_errors
from eenplan.web.prg import form_from_session, redirect_with_errors

SOORT = BriefSoort.BESCHIKKING  # the one kind with placeholders so far


class SjabloonForm(forms.Form):
    tekst = forms.CharField(
        label="Tekst van de brief",
        widget=forms.Textarea(attrs={"rows": 30}),
        help_text="Gebruik alleen de velden hieronder, zoals $kenmerk. Een kop onderstreept u "
        "met ===.",
        error_messages={"required": "Vul de tekst van de brief in."},
    )
    geldig_vanaf = forms.DateField(
        label="Geldig vanaf",
        error_messages={"required": "Vul de datum in.", "invalid": "Dat is geen datum."},
    )
    toelichting = forms.CharField(label="Wat is er veranderd?", max_length=300, required=False)


def _gemeente(request: HttpRequest):  # type: ignore[no-untyped-def]
    medewerker = access.Actor.of(request.user).medewerker
    if medewerker is None:
        raise access.Refused("Alleen een medewerker van een gemeente beheert briefsjablonen.")
    return medewerker.gemeente


@access.requires(Resource.INSTELLINGEN, Action.LEZEN)
def sjablonen(request: HttpRequest) -> HttpResponse:
    gemeente = _gemeente(request)
    vandaag = timezone.localdate()
    versies = selectors.briefsjablonen(gemeente_id=gemeente.pk, soort=SOORT)
    actief = services.actief_sjabloon(gemeente.pk, SOORT, vandaag)
    form = form_from_session(request, "sjabloon", SjabloonForm) or SjabloonForm(
        initial={
            "tekst": versies[0].tekst if versies else services.STANDAARD_BESCHIKKING,
            "geldig_vanaf": vandaag,
        }
    )
    tekst = form["tekst"].value() or ""
    context = {
        "versies": versies,
        "actief": actief,
        "form": form,
        "plaatshouders": services.PLAATSHOUDERS[SOORT].items(),
        "voorbeeld": _voorbeeld(gemeente, tekst),
        "mag_wijzigen": access.allows(request.user, Resource.INSTELLINGEN, Action.WIJZIGEN),
    }
    return render(request, "beschikkingen/sjablonen.html", context)


def _voorbeeld(gemeente, tekst: str) -> dict[str, object]:  # type: ignore[no-untyped-def]
    fouten = services.sjabloon_fouten(tekst, SOORT)
    return {
        "fouten": fouten,
        "tekst": services.sjabloon_invullen(tekst, services.voorbeeld_waarden(gemeente)),
    }


@require_POST
@access.requires(Resource.INSTELLINGEN, Action.LEZEN)
def sjabloon_voorbeeld(request: HttpRequest) -> HttpResponse:
    """The htmx fragment: the letter as it would read, with made-up values, and what is wrong."""
    gemeente = _gemeente(request)
    context = {"voorbeeld": _voorbeeld(gemeente, request.POST.get("tekst", ""))}
    return render(request, "beschikkingen/_sjabloon_voorbeeld.html", context)


@require_http_methods(["GET", "POST"])
@access.requires(Resource.INSTELLINGEN, Action.WIJZIGEN)
def sjabloon_opslaan(request: HttpRequest) -> HttpResponse:
    gemeente = _gemeente(request)
    if request.method == "GET":
        return redirect("beschikkingen:sjablonen")
    form = SjabloonForm(request.POST)
    if form.is_valid():
        try:
            sjabloon = services.sjabloon_save(
                gemeente=gemeente,
                soort=SOORT,
                actor=request.user,
                via=hulp.via(request),
                **form.cleaned_data,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request,
                f"Versie {sjabloon.versie} van de beschikkingsbrief is opgeslagen. Nieuwe brieven "
                f"gebruiken deze versie vanaf {hulp.datum(sjabloon.geldig_vanaf)}.",
            )
            return redirect("beschikkingen:sjablonen")
    return redirect_with_errors(request, "sjabloon", form, "/beschikkingen/sjablonen/#kop-nieuw")
