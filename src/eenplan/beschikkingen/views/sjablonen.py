"""The municipality's letter templates (issue 10): per kind of letter (the beschikking, the
decision on bezwaar, the complaint letter; `?soort=`) the versions, a new version with a live
preview (htmx), under /beschikkingen/sjablonen/. Functioneel beheer (Resource.INSTELLINGEN);
no resident data is shown: the preview fills in made-up values."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from eenplan.beschikkingen import selectors, services
from eenplan.beschikkingen.constants import BriefSoort
from eenplan.beschikkingen.views import paginahulp as hulp
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource
from eenplan.web.forms import add_service_errors
from eenplan.web.prg import form_from_session, redirect_with_errors

# The letters a municipality words itself, with the name the page uses.
SOORTEN = {
    BriefSoort.BESCHIKKING: "beschikkingsbrief",
    BriefSoort.TOELATING_SCHULDHULP: "toelating tot schuldhulpverlening",
    BriefSoort.BESLISSING_OP_BEZWAAR: "beslissing op bezwaar",
    BriefSoort.KLACHT_AFHANDELING: "brief over een klacht",
    BriefSoort.VERTRAGING_414: "brief dat een besluit later komt",
}


def _soort(waarde: str | None) -> str:
    """The kind asked for; an unknown one is the beschikking (the page's first tab)."""
    return waarde if waarde in SOORTEN else BriefSoort.BESCHIKKING


class SjabloonForm(forms.Form):
    soort = forms.ChoiceField(
        choices=list(SOORTEN.items()),
        widget=forms.HiddenInput,
        initial=BriefSoort.BESCHIKKING,
        required=False,
        error_messages={"invalid_choice": "Kies een soort brief uit de lijst."},
    )
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
    bewaard = form_from_session(request, "sjabloon", SjabloonForm)
    soort = _soort(bewaard["soort"].value() if bewaard else request.GET.get("soort"))
    versies = selectors.briefsjablonen(gemeente_id=gemeente.pk, soort=soort)
    actief = services.actief_sjabloon(gemeente.pk, soort, vandaag)
    form = bewaard or SjabloonForm(
        initial={
            "soort": soort,
            "tekst": versies[0].tekst if versies else services.STANDAARDEN[soort],
            "geldig_vanaf": vandaag,
        }
    )
    tekst = form["tekst"].value() or ""
    context = {
        "soort": soort,
        "soort_naam": SOORTEN[soort],
        "soorten": SOORTEN.items(),
        "versies": versies,
        "actief": actief,
        "form": form,
        "plaatshouders": services.PLAATSHOUDERS[soort].items(),
        "voorbeeld": _voorbeeld(gemeente, tekst, soort),
        "mag_wijzigen": access.allows(request.user, Resource.INSTELLINGEN, Action.WIJZIGEN),
    }
    return render(request, "beschikkingen/sjablonen.html", context)


def _voorbeeld(gemeente, tekst: str, soort: str) -> dict[str, object]:  # type: ignore[no-untyped-def]
    fouten = services.sjabloon_fouten(tekst, soort)
    return {
        "fouten": fouten,
        "tekst": services.sjabloon_invullen(tekst, services.voorbeeld_waarden(gemeente, soort)),
    }


@require_POST
@access.requires(Resource.INSTELLINGEN, Action.LEZEN)
def sjabloon_voorbeeld(request: HttpRequest) -> HttpResponse:
    """The htmx fragment: the letter as it would read, with made-up values, and what is wrong."""
    gemeente = _gemeente(request)
    soort = _soort(request.POST.get("soort"))
    context = {"voorbeeld": _voorbeeld(gemeente, request.POST.get("tekst", ""), soort)}
    return render(request, "beschikkingen/_sjabloon_voorbeeld.html", context)


@require_http_methods(["GET", "POST"])
@access.requires(Resource.INSTELLINGEN, Action.WIJZIGEN)
def sjabloon_opslaan(request: HttpRequest) -> HttpResponse:
    gemeente = _gemeente(request)
    if request.method == "GET":
        return redirect("beschikkingen:sjablonen")
    form = SjabloonForm(request.POST)
    if form.is_valid():
        form.cleaned_data["soort"] = _soort(form.cleaned_data.get("soort"))
        try:
            sjabloon = services.sjabloon_save(
                gemeente=gemeente,
                actor=request.user,
                via=hulp.via(request),
                **form.cleaned_data,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request,
                f"Versie {sjabloon.versie} van de {SOORTEN[sjabloon.soort]} is opgeslagen. "
                "Nieuwe brieven "
                f"gebruiken deze versie vanaf {hulp.datum(sjabloon.geldig_vanaf)}.",
            )
            return redirect(f"{reverse('beschikkingen:sjablonen')}?soort={sjabloon.soort}")
    terug = f"/beschikkingen/sjablonen/?soort={_soort(request.POST.get('soort'))}#kop-nieuw"
    return redirect_with_errors(request, "sjabloon", form, terug)
