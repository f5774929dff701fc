"""The region in functioneel beheer (issue 16): which staff of other municipalities of the
region also work for this one, adding such a membership and ending it.

A login of a regional team has one medewerker record per municipality it works for (ADR 0036);
the functioneel beheerder of a municipality (also a regional beheerder, acting for the
municipality chosen at /gemeente-kiezen/) adds a login of another municipality to their own,
with their own municipality's teams, and ends it. The services (`gemeente.services.
medewerker_gemeente_add`, `medewerker_gemeente_end`) decide and log in the municipality's
change log; the rules are the account rules of `privacy.access` (read: account × lezen,
change: account × wijzigen; refusals logged). Every POST redirects, a refused one with its
input and Dutch messages (`web.prg`).
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_POST

from eenplan.beheer.forms import VERPLICHT, _Keuzes
from eenplan.beheer.views import _fouten, _gemeente, _medewerker_or_404, _melding, _render
from eenplan.gemeente import selectors as gemeente_selectors
from eenplan.gemeente import services as gemeente_services
from eenplan.gemeente.models import Gemeente
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource
from eenplan.web.forms import KEUZE_FOUT
from eenplan.web.prg import form_from_session, redirect_with_errors


def regionale_login(*, gemeente: Gemeente, gebruikersnaam: str) -> Any:
    """The login with this username that works for another municipality of the region, or a
    Dutch ValidationError."""
    user = gemeente_selectors.regionale_login(gemeente=gemeente, gebruikersnaam=gebruikersnaam)
    if user is None:
        raise ValidationError({"gebruikersnaam": gemeente_services.GEEN_REGIONALE_MEDEWERKER})
    return user


class RegioLidForm(_Keuzes, forms.Form):
    """A login of another municipality of the region, and the teams it joins here."""

    gebruikersnaam = forms.CharField(
        label="Gebruikersnaam",
        max_length=150,
        help_text="De gebruikersnaam waarmee de medewerker bij de andere gemeente inlogt.",
        error_messages={"required": VERPLICHT, "max_length": "Gebruik hoogstens 150 tekens."},
    )
    teams = forms.MultipleChoiceField(
        label="Teams in uw gemeente",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": KEUZE_FOUT},
    )

    def __init__(self, *args: Any, gemeente: Gemeente, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._teams(gemeente)

    def gekozen_teams(self) -> list[Any]:
        return [self.team_objecten[k] for k in self.cleaned_data["teams"]]


@access.requires(Resource.ACCOUNT, Action.LEZEN)
def regio(request: HttpRequest) -> HttpResponse:
    """The regional staff of this municipality: running and ended memberships, with the other
    municipalities where each still works; the form to add one."""
    gemeente = _gemeente(request)
    mag_wijzigen = access.allows(request.user, Resource.ACCOUNT, Action.WIJZIGEN)
    form = form_from_session(request, "regio-lid", RegioLidForm, gemeente=gemeente)
    if form is None and mag_wijzigen:
        form = RegioLidForm(gemeente=gemeente)
    context = {
        "gemeente": gemeente,
        "leden": gemeente_selectors.regio_lidmaatschappen(gemeente=gemeente),
        "form": form if mag_wijzigen else None,
    }
    return _render(request, "regio.html", context)


@require_POST
@access.requires(Resource.ACCOUNT, Action.WIJZIGEN)
def regio_toevoegen(request: HttpRequest) -> HttpResponse:
    gemeente = _gemeente(request)
    form = RegioLidForm(request.POST, gemeente=gemeente)
    if form.is_valid():
        try:
            user = regionale_login(
                gemeente=gemeente, gebruikersnaam=form.cleaned_data["gebruikersnaam"]
            )
            gemeente_services.medewerker_gemeente_add(
                user=user, gemeente=gemeente, teams=form.gekozen_teams(), door=request.user
            )
        except (ValidationError, PermissionDenied) as exc:
            _fouten(form, exc)
        else:
            naam = user.get_full_name() or user.get_username()
            messages.success(request, f"{naam} werkt nu ook voor {gemeente.naam}.")
            return redirect("beheer:regio")
    return redirect_with_errors(request, "regio-lid", form, reverse("beheer:regio"))


@require_POST
@access.requires(Resource.ACCOUNT, Action.WIJZIGEN)
def regio_beeindigen(request: HttpRequest, pk: int) -> HttpResponse:
    """End the membership of a regional staff member of this municipality (from today)."""
    medewerker = _medewerker_or_404(request, pk)
    try:
        gemeente_services.medewerker_gemeente_end(medewerker=medewerker, door=request.user)
    except (ValidationError, PermissionDenied) as exc:
        _melding(request, exc)
    else:
        naam = medewerker.user.get_full_name() or medewerker.user.get_username()
        messages.success(
            request, f"{naam} werkt vanaf vandaag niet meer voor {medewerker.gemeente.naam}."
        )
    return redirect("beheer:regio")
