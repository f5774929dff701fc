"""Writes from the onderzoek page: conversations, parts of the report (also saved as
you type), checks, scores, the ladder."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_POST

from eenplan.onderzoeken import selectors, services
from eenplan.onderzoeken.constants import OnderzoekStatus
from eenplan.onderzoeken.forms import (
    MANTELZORGER_WAARDEN,
    AfwegingForm,
    ChecksForm,
    GesprekForm,
    OnderdelenForm,
    ScoresForm,
)
from eenplan.onderzoeken.models import Onderzoek
from eenplan.onderzoeken.views.gemeen import DEFINITIEF, MAX_REDEN, _datum, _fout_terug, _leden
from eenplan.onderzoeken.views.pagina import _terug, _wijzigbaar
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource
from eenplan.rules.onderzoek import ONDERDELEN, LadderStap
from eenplan.web.forms import add_service_errors

# --- writes -------------------------------------------------------------------------------------


@require_POST
@access.requires(Resource.ONDERZOEK, Action.WIJZIGEN)
def gesprek_toevoegen(request: HttpRequest, pk: int) -> HttpResponse:
    onderzoek = _wijzigbaar(request, pk)
    form = GesprekForm(request.POST, prefix="gesprek")
    if form.is_valid():
        try:
            gesprek = services.gesprek_add(
                onderzoek=onderzoek,
                datum=form.cleaned_data["datum"],
                plaats=form.cleaned_data["plaats"],
                deelnemers=form.cleaned_data["deelnemers"],
                notities=form.cleaned_data["notities"].strip(),
                actor=request.user,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, f"Het gesprek van {_datum(gesprek.datum)} is vastgelegd.")
            return _terug(pk, "gesprekken")
    return _fout_terug(request, pk, naam="gesprek", form=form, sectie="gesprekken")


def _onderdeel_opslaan(
    request: HttpRequest, onderzoek: Onderzoek, code: str, antwoord: str, reden: str
) -> None:
    if len(reden.strip()) > MAX_REDEN:
        raise ValidationError(
            f"Houd de reden bij onderdeel {code} kort: hoogstens {MAX_REDEN} tekens."
        )
    services.onderdeel_set(
        onderzoek=onderzoek,
        code=code,
        antwoord=antwoord,
        reden_niet_van_toepassing=reden,
        actor=request.user,
    )


@require_POST
@access.requires(Resource.ONDERZOEK, Action.WIJZIGEN)
def onderdeel_autosave(request: HttpRequest, pk: int, code: str) -> HttpResponse:
    """Save one subject a-g. With htmx: answer with a small status for the aria-live region;
    without: back to the page."""
    onderzoek = _wijzigbaar(request, pk)
    fout = ""
    try:
        _onderdeel_opslaan(
            request,
            onderzoek,
            code,
            request.POST.get(f"antwoord_{code}", ""),
            request.POST.get(f"reden_{code}", ""),
        )
    except ValidationError as exc:
        fout = " ".join(exc.messages)
    tijd = timezone.localtime().strftime("%H:%M")
    if request.htmx:
        context = {"code": code, "tijd": tijd, "fout": fout}
        return render(request, "onderzoeken/_onderdeel_status.html", context)
    if fout:
        messages.error(request, fout)
    else:
        messages.success(request, f"Onderdeel {code} is opgeslagen om {tijd}.")
    return _terug(pk, f"onderdeel-{code}")


@require_POST
@access.requires(Resource.ONDERZOEK, Action.WIJZIGEN)
def onderdelen_opslaan(request: HttpRequest, pk: int) -> HttpResponse:
    """The submit button of the subjects a-g (works without JavaScript): all seven at once."""
    onderzoek = _wijzigbaar(request, pk)
    form = OnderdelenForm(request.POST)
    if form.is_valid():
        try:
            with transaction.atomic():
                for o in ONDERDELEN:
                    _onderdeel_opslaan(
                        request,
                        onderzoek,
                        o.code,
                        form.cleaned_data[f"antwoord_{o.code}"],
                        form.cleaned_data[f"reden_{o.code}"],
                    )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "De onderdelen a tot en met g zijn opgeslagen.")
            return _terug(pk, "onderdelen")
    return _fout_terug(request, pk, naam="onderdelen", form=form, sectie="onderdelen")


@require_POST
@access.requires(Resource.ONDERZOEK, Action.WIJZIGEN)
def checks_opslaan(request: HttpRequest, pk: int) -> HttpResponse:
    onderzoek = _wijzigbaar(request, pk)
    form = ChecksForm(request.POST, prefix="checks")
    if form.is_valid():
        try:
            services.onderzoek_set_checks(
                onderzoek=onderzoek,
                clientondersteuning_gewezen=form.cleaned_data["clientondersteuning_gewezen"],
                pgb_uitgelegd=form.cleaned_data["pgb_uitgelegd"],
                mantelzorger_besproken=MANTELZORGER_WAARDEN[form.cleaned_data["mantelzorger"]],
                actor=request.user,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "Wat er is besproken, is opgeslagen.")
            return _terug(pk, "besproken")
    return _fout_terug(request, pk, naam="checks", form=form, sectie="besproken")


@require_POST
@access.requires(Resource.ONDERZOEK, Action.WIJZIGEN)
def scores_opslaan(request: HttpRequest, pk: int) -> HttpResponse:
    onderzoek = _wijzigbaar(request, pk)
    leden = _leden(onderzoek, timezone.localdate())
    form = ScoresForm(
        request.POST,
        prefix="scores",
        leden=leden,
        leefgebieden=list(selectors.leefgebieden_actief()),
    )
    if form.is_valid():
        inwoner = next(i for i in leden if i.pk == form.cleaned_data["inwoner"])
        try:
            if onderzoek.status != OnderzoekStatus.LOPEND:
                raise ValidationError(DEFINITIEF)
            with transaction.atomic():  # all scores of this form, or none
                for leefgebied, score in form.gekozen():
                    services.score_add(
                        inwoner=inwoner,
                        leefgebied=leefgebied,
                        score=score,
                        datum=form.cleaned_data["datum"],
                        actor=request.user,
                        onderzoek=onderzoek,
                    )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            aantal = len(form.gekozen())
            messages.success(
                request,
                f"{aantal} score{'s' if aantal != 1 else ''} voor {inwoner.naam} opgeslagen.",
            )
            return _terug(pk, "leefgebieden")
    return _fout_terug(request, pk, naam="scores", form=form, sectie="leefgebieden")


@require_POST
@access.requires(Resource.ONDERZOEK, Action.WIJZIGEN)
def afweging_opslaan(request: HttpRequest, pk: int, stap: int) -> HttpResponse:
    onderzoek = _wijzigbaar(request, pk)
    try:
        ladderstap = LadderStap(stap)
    except ValueError as exc:
        raise Http404("Deze stap van de afweging bestaat niet.") from exc
    form = AfwegingForm(request.POST, stap=ladderstap)
    if form.is_valid():
        try:
            services.afweging_set(
                onderzoek=onderzoek,
                stap=ladderstap,
                bevinding=form.cleaned_data["bevinding"],
                volstaat=form.cleaned_data["volstaat"] == "ja",
                reden_niet_toereikend=form.cleaned_data["reden_niet_toereikend"],
                actor=request.user,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            # The step's place on the municipality's ladder, as the page numbers it.
            nummer = selectors.onderzoek_ladder(onderzoek).stappen.index(ladderstap) + 1
            messages.success(request, f"Stap {nummer} ({ladderstap.label}) is opgeslagen.")
            return _terug(pk, f"stap-{stap}")
    return _fout_terug(request, pk, naam=f"stap{stap}", form=form, sectie=f"stap-{stap}")
