"""Pages of the policy model and the survey.

For the policy officer (beleid) and, read-only, the contract manager and the council: the
plans, the dashboard per theme and per wijk with the verdicts, the yearly council report (HTML
and PDF), and the survey's results per wijk and provider. The officer edits targets,
thresholds and activity status. All aggregates: no page here shows a resident. Access through
`privacy.access` (resources beleid and enquete).

The survey's answer page (`vragenlijst`) is public: the unguessable token in the link is the
key; it shows no personal data and stores answers without a link to the person.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from eenplan.beleid import indicatoren, opzoeken, rapportage, selectors, services
from eenplan.beleid.constants import ActiviteitStatus, Richting
from eenplan.beleid.forms import ActiviteitForm, KoppelingForm, MargesForm, UitvragingForm
from eenplan.beleid.models import (
    Activiteit,
    Beleidsplan,
    Indicatorkoppeling,
    Resultaat,
)
from eenplan.beleid.vragenlijst import SCHAAL, WEET_NIET
from eenplan.gemeente.models import Gemeente
from eenplan.gemeente.selectors import wijken_list
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource
from eenplan.web.forms import add_service_errors
from eenplan.web.parameters import allowed_parameters
from eenplan.web.prg import form_from_session, redirect_with_errors

GEEN_GEMEENTE = "Uw account hoort niet bij een gemeente; beleidsplannen zijn per gemeente."


def _gemeente(request: HttpRequest) -> Gemeente:
    return access.gemeente_van(request, reden=GEEN_GEMEENTE)


def _plan(request: HttpRequest, pk: int, action: Action = Action.LEZEN) -> Beleidsplan:
    """The plan within the login's municipality: another municipality's is a 404 like one that
    does not exist, the refusal logged (`beleid.opzoeken`, ADR 0046)."""
    _gemeente(request)
    return opzoeken.plan(request.user, pk, action, via=access.Via.request(request))


def _mag_wijzigen(request: HttpRequest) -> bool:
    return access.allows(request.user, Resource.BELEID, Action.WIJZIGEN)


@access.requires(Resource.BELEID, Action.LEZEN)
@allowed_parameters()
def plannen(request: HttpRequest) -> HttpResponse:
    gemeente = _gemeente(request)
    return render(
        request,
        "beleid/plannen.html",
        {
            "plannen": selectors.beleidsplannen(gemeente_id=gemeente.pk),
            "mag_wijzigen": _mag_wijzigen(request),
            "enquete_zien": access.allows(request.user, Resource.ENQUETE, Action.LEZEN),
        },
    )


def _wijk(request: HttpRequest, gemeente: Gemeente) -> Any:
    waarde = request.GET.get("wijk", "")
    if not waarde:
        return None
    wijken = {str(w.pk): w for w in wijken_list(gemeente=gemeente)}
    if waarde not in wijken:
        raise Http404("Deze wijk bestaat niet.")
    return wijken[waarde]


@access.requires(Resource.BELEID, Action.LEZEN)
@allowed_parameters("wijk")
def dashboard(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _plan(request, pk)
    wijk = _wijk(request, plan.gemeente)
    return render(
        request,
        "beleid/dashboard.html",
        {
            "plan": plan,
            "wijk": wijk,
            "wijken": wijken_list(gemeente=plan.gemeente),
            "themas": selectors.dashboard(plan, wijk_id=wijk.pk if wijk else None),
            "mag_wijzigen": _mag_wijzigen(request),
            "marges": form_from_session(request, f"marges-{plan.pk}", MargesForm)
            or MargesForm(
                initial={
                    "op_koers_marge": plan.op_koers_marge,
                    "aandacht_marge": plan.aandacht_marge,
                }
            ),
        },
    )


@access.requires(Resource.BELEID, Action.LEZEN)
@allowed_parameters()
def structuur(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _plan(request, pk)
    return render(
        request,
        "beleid/structuur.html",
        {
            "plan": plan,
            "themas": selectors.plan_structuur(plan),
            "mag_wijzigen": _mag_wijzigen(request),
            "statussen": ActiviteitStatus.choices,
            "indicatoren": indicatoren.bekend() if _mag_wijzigen(request) else [],
            "richtingen": Richting.choices,
        },
    )


@access.requires(Resource.BELEID, Action.LEZEN)
@allowed_parameters()
def raadsrapportage(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _plan(request, pk)
    rapport = rapportage.rapport_gegevens(plan, vandaag=timezone.localdate())
    return render(request, "beleid/raadsrapportage.html", {"r": rapport, "plan": plan})


@access.requires(Resource.BELEID, Action.LEZEN)
@allowed_parameters()
def raadsrapportage_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _plan(request, pk)
    rapport = rapportage.rapport_gegevens(plan, vandaag=timezone.localdate())
    response = HttpResponse(rapportage.rapport_pdf(rapport), content_type="application/pdf")
    response["Content-Disposition"] = (
        f'inline; filename="voortgangsrapportage-{rapport.jaar}-plan-{plan.pk}.pdf"'
    )
    return response


@require_POST
@access.requires(Resource.BELEID, Action.WIJZIGEN)
def marges(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _plan(request, pk, Action.WIJZIGEN)
    terug = reverse("beleid:dashboard", args=[plan.pk])
    form = MargesForm(request.POST)
    if form.is_valid():
        try:
            services.plan_marges_change(actor=request.user, plan=plan, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "De marges van het plan zijn opgeslagen.")
            return redirect(terug)
    return redirect_with_errors(request, f"marges-{plan.pk}", form, terug)


def _koppeling(request: HttpRequest, pk: int) -> Indicatorkoppeling:
    gemeente = _gemeente(request)
    koppeling = (
        Indicatorkoppeling.objects.select_related("resultaat__thema__plan")
        .prefetch_related("streefwaarden")
        .filter(pk=pk, resultaat__thema__plan__gemeente=gemeente)
        .first()
    )
    if koppeling is None:
        raise Http404("Deze indicator hoort niet bij een plan van uw gemeente.")
    return koppeling


def _jaren(koppeling: Indicatorkoppeling) -> list[int]:
    plan = koppeling.resultaat.thema.plan
    bestaand = {s.jaar for s in koppeling.streefwaarden.all()}
    return sorted(bestaand | set(range(plan.van_jaar, plan.tot_jaar + 2)))


@access.requires(Resource.BELEID, Action.WIJZIGEN)
@allowed_parameters()
def koppeling(request: HttpRequest, pk: int) -> HttpResponse:
    k = _koppeling(request, pk)
    jaren = _jaren(k)
    terug = reverse("beleid:koppeling", args=[k.pk])
    if request.method == "POST":
        form = KoppelingForm(request.POST, jaren=jaren)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.koppeling_change(
                    actor=request.user,
                    koppeling=k,
                    richting=data["richting"],
                    basiswaarde=data["basiswaarde"],
                    basisjaar=data["basisjaar"],
                    op_koers_marge=data["op_koers_marge"],
                    aandacht_marge=data["aandacht_marge"],
                    streefwaarden=form.streefwaarden(),
                )
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, "De nulmeting, streefwaarden en marges zijn opgeslagen.")
                return redirect(reverse("beleid:dashboard", args=[k.resultaat.thema.plan_id]))
        return redirect_with_errors(request, f"koppeling-{k.pk}", form, terug)
    form = form_from_session(request, f"koppeling-{k.pk}", KoppelingForm, jaren=jaren)
    if form is None:
        initial: dict[str, Any] = {
            "richting": k.richting,
            "basiswaarde": k.basiswaarde,
            "basisjaar": k.basisjaar,
            "op_koers_marge": k.op_koers_marge,
            "aandacht_marge": k.aandacht_marge,
        }
        initial.update({f"streef_{s.jaar}": s.waarde for s in k.streefwaarden.all()})
        form = KoppelingForm(initial=initial, jaren=jaren)
    stand = selectors.indicator_stand(k, plan=k.resultaat.thema.plan)
    return render(request, "beleid/koppeling.html", {"k": k, "form": form, "stand": stand})


@require_POST
@access.requires(Resource.BELEID, Action.WIJZIGEN)
def resultaat_indicator(request: HttpRequest, pk: int) -> HttpResponse:
    """Link an indicator of the registry (by id) to a resultaat."""
    gemeente = _gemeente(request)
    resultaat = (
        Resultaat.objects.select_related("thema__plan")
        .filter(pk=pk, thema__plan__gemeente=gemeente)
        .first()
    )
    if resultaat is None:
        raise Http404("Dit resultaat hoort niet bij een plan van uw gemeente.")
    terug = reverse("beleid:structuur", args=[resultaat.thema.plan_id])
    try:
        koppeling = services.koppeling_add(
            actor=request.user,
            resultaat=resultaat,
            indicator=request.POST.get("indicator", ""),
            richting=request.POST.get("richting", Richting.HOGER),
        )
    except ValidationError as exc:
        for fout in exc.messages:
            messages.error(request, fout)
        return redirect(terug + f"#resultaat-{resultaat.pk}")
    messages.success(request, "De indicator is gekoppeld. Vul de nulmeting en streefwaarden in.")
    return redirect(reverse("beleid:koppeling", args=[koppeling.pk]))


@require_POST
@access.requires(Resource.BELEID, Action.WIJZIGEN)
def activiteit_status(request: HttpRequest, pk: int) -> HttpResponse:
    gemeente = _gemeente(request)
    activiteit = (
        Activiteit.objects.select_related("subdoel__doel__thema__plan")
        .filter(pk=pk, subdoel__doel__thema__plan__gemeente=gemeente)
        .first()
    )
    if activiteit is None:
        raise Http404("Deze activiteit hoort niet bij een plan van uw gemeente.")
    plan_id = activiteit.subdoel.doel.thema.plan_id
    terug = reverse("beleid:structuur", args=[plan_id]) + f"#activiteit-{activiteit.pk}"
    form = ActiviteitForm(request.POST)
    if form.is_valid():
        try:
            services.activiteit_status_set(
                actor=request.user, activiteit=activiteit, **form.cleaned_data
            )
        except ValidationError as exc:
            # A refusal, also "someone else changed this activity meanwhile" (its version).
            for fout in exc.messages:
                messages.error(request, fout)
            return redirect(terug)
        else:
            messages.success(request, f"De status van activiteit {activiteit.code} is opgeslagen.")
            return redirect(terug)
    messages.error(request, "Kies een geldige status.")
    return redirect(terug)


# --- the survey ---------------------------------------------------------------------------


@access.requires(Resource.ENQUETE, Action.LEZEN)
@allowed_parameters()
def enquetes(request: HttpRequest) -> HttpResponse:
    gemeente = _gemeente(request)
    form = form_from_session(request, "uitvraging", UitvragingForm) or UitvragingForm(
        initial={"jaar": timezone.localdate().year, "steekproefgrootte": 400}
    )
    return render(
        request,
        "beleid/enquetes.html",
        {
            "uitvragingen": selectors.uitvragingen(gemeente_id=gemeente.pk),
            "form": form,
            "mag_uitzetten": access.allows(request.user, Resource.ENQUETE, Action.AANMAKEN),
        },
    )


@require_POST
@access.requires(Resource.ENQUETE, Action.AANMAKEN)
def enquete_nieuw(request: HttpRequest) -> HttpResponse:
    gemeente = _gemeente(request)
    form = UitvragingForm(request.POST)
    terug = reverse("beleid:enquetes")
    if form.is_valid():
        try:
            ronde = services.uitvraging_start(
                actor=request.user, gemeente=gemeente, **form.cleaned_data
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request,
                f"Het onderzoek {ronde.jaar} is uitgezet: {ronde.steekproefgrootte} van de "
                f"{ronde.populatie} inwoners met een Wmo-voorziening krijgen een uitnodiging.",
            )
            return redirect(reverse("beleid:enquete", args=[ronde.pk]))
    return redirect_with_errors(request, "uitvraging", form, terug)


@access.requires(Resource.ENQUETE, Action.LEZEN)
@allowed_parameters("per")
def enquete(request: HttpRequest, pk: int) -> HttpResponse:
    _gemeente(request)
    ronde = opzoeken.uitvraging(request.user, pk, Action.LEZEN, via=access.Via.request(request))
    per = request.GET.get("per", "wijk")
    if per not in ("wijk", "aanbieder"):
        per = "wijk"
    return render(
        request,
        "beleid/enquete.html",
        {"ronde": ronde, "per": per, "r": selectors.uitvraging_resultaten(ronde, per=per)},
    )


def vragenlijst(request: HttpRequest, token: str) -> HttpResponse:
    """The public answer page: no login, the token is the key; B1 Dutch, one statement per
    fieldset with the five answers and 'weet ik niet'."""
    vandaag = timezone.localdate()
    uitnodiging = services.uitnodiging_voor_token(token)
    if uitnodiging is None:
        return render(request, "beleid/vragenlijst_onbekend.html", status=404)
    reden = services.open_voor_antwoord(uitnodiging, vandaag=vandaag)
    vragen = list(uitnodiging.uitvraging.vragenlijst.vragen.filter(actief=True))
    context: dict[str, Any] = {
        "lijst": uitnodiging.uitvraging.vragenlijst,
        "gemeente": uitnodiging.uitvraging.gemeente,
        "vragen": vragen,
        "schaal": SCHAAL,
        "weet_niet": WEET_NIET,
        "reden": reden,
        "gekozen": {},
        "fouten": {},
    }
    if request.method == "POST" and not reden:
        scores: dict[str, int | None] = {}
        for vraag in vragen:
            waarde = request.POST.get(vraag.code, "")
            # Empty is "weet ik niet"; anything but 1-5 is kept (0) so the service refuses it.
            scores[vraag.code] = (
                None if waarde == "" else int(waarde) if waarde in {"1", "2", "3", "4", "5"} else 0
            )
        try:
            services.antwoorden_opslaan(token=token, scores=scores, vandaag=vandaag)
        except ValidationError as exc:
            context["fouten"] = (
                exc.message_dict if hasattr(exc, "error_dict") else {"vragen": exc.messages}
            )
            context["gekozen"] = {k: str(v) for k, v in scores.items() if v}
            return render(request, "beleid/vragenlijst.html", context, status=400)
        return render(request, "beleid/vragenlijst_bedankt.html", context)
    return render(request, "beleid/vragenlijst.html", context)
