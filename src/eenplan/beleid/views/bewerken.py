"""Edit pages of the policy plan's structure and of the survey's questionnaire, for the
beleidsmedewerker (resources beleid / enquete; everyone else is refused by `access.requires`).

One page per element: its form, its version (`{% versie_veld %}`: a stale save is refused and
the page says what is stored now), and a delete button that the service refuses while the
element still holds others. The same services as `/api/v1/` (`beleid.services.structuur`,
`beleid.services.vragen`). A refused save re-renders the form (400) with the Dutch messages."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import models
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from eenplan.beleid import selectors
from eenplan.beleid.forms import ONDERDEEL_FORMS, VraagForm, VragenlijstForm
from eenplan.beleid.models import Vraag
from eenplan.beleid.services import structuur, vragen, vragenlijst_standaard
from eenplan.beleid.services.structuur import SOORTEN
from eenplan.gemeente.models import Gemeente
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource
from eenplan.web.forms import add_service_errors
from eenplan.web.parameters import allowed_parameters

GEEN_GEMEENTE = "Uw account hoort niet bij een gemeente; beleidsplannen zijn per gemeente."

# Under which parent a new element is made (the parent's kind), and what a new one is called.
OUDER = {
    "thema": "beleidsplan",
    "doel": "thema",
    "resultaat": "thema",
    "subdoel": "doel",
    "activiteit": "subdoel",
}
NIEUW = {
    "beleidsplan": "Nieuw beleidsplan",
    "thema": "Nieuw thema",
    "doel": "Nieuw doel",
    "resultaat": "Nieuw resultaat",
    "subdoel": "Nieuw subdoel",
    "activiteit": "Nieuwe activiteit",
}
NAAM = {
    "beleidsplan": "beleidsplan",
    "thema": "thema",
    "doel": "doel",
    "resultaat": "resultaat",
    "subdoel": "subdoel",
    "activiteit": "activiteit",
    "indicatorkoppeling": "koppeling",
}


def _gemeente(request: HttpRequest) -> Gemeente:
    return access.gemeente_van(request, reden=GEEN_GEMEENTE)


def _get(request: HttpRequest, soort: str, pk: int) -> Any:
    obj = selectors.onderdeel_get(soort=soort, pk=pk, gemeente_id=_gemeente(request).pk)
    if obj is None:
        raise Http404("Dit onderdeel hoort niet bij een plan van uw gemeente.")
    return obj


def _terug(obj: models.Model) -> str:
    plan = structuur.plan_van(obj)
    if isinstance(obj, type(plan)) and obj.pk == plan.pk:
        return reverse("beleid:structuur", args=[plan.pk])
    return reverse("beleid:structuur", args=[plan.pk]) + f"#{type(obj).__name__.lower()}-{obj.pk}"


def _form(soort: str, data: Any = None, *, initial: Any = None, thema: Any = None) -> Form:
    klasse = ONDERDEEL_FORMS[soort]
    kwargs: dict[str, Any] = {"initial": initial}
    if soort == "activiteit":
        resultaten = thema.resultaten.all() if thema is not None else []
        kwargs["resultaten"] = [(r.pk, f"{r.nummer}. {r.tekst[:80]}") for r in resultaten]
    return klasse(data, **kwargs)


def _initial(soort: str, obj: Any) -> dict[str, Any]:
    waarden = {v: getattr(obj, v) for v in SOORTEN[soort].velden if v != "resultaten"}
    if soort == "activiteit":
        waarden["resultaten"] = list(obj.resultaten.order_by().values_list("pk", flat=True))
    return waarden


def _pagina(
    request: HttpRequest,
    soort: str,
    form: Form,
    *,
    obj: Any = None,
    ouder: Any = None,
    status: int = 200,
) -> HttpResponse:
    plan = structuur.plan_van(obj if obj is not None else ouder) if (obj or ouder) else None
    if soort == "beleidsplan" and obj is None:
        plan = None
    titel = NIEUW[soort] if obj is None else f"{NAAM[soort].capitalize()} bewerken"
    return render(
        request,
        "beleid/onderdeel.html",
        {
            "soort": soort,
            "kop": titel,
            "form": form,
            "obj": obj,
            "ouder": ouder,
            "plan": plan,
            "terug": _terug(obj or ouder) if (obj or ouder) and plan else reverse("beleid:plannen"),
        },
        status=status,
    )


def _opslaan(
    request: HttpRequest, soort: str, *, obj: Any = None, ouder: Any = None, thema: Any = None
) -> HttpResponse:
    form = _form(soort, request.POST, thema=thema)
    if form.is_valid():
        try:
            opgeslagen = structuur.onderdeel_save(
                actor=request.user,
                soort=soort,
                onderdeel=obj,
                ouder=ouder,
                velden=form.cleaned_data,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, f"{NAAM[soort].capitalize()} is opgeslagen.")
            return redirect(_terug(opgeslagen))
    return _pagina(request, soort, form, obj=obj, ouder=ouder, status=400)


@access.requires(Resource.BELEID, Action.WIJZIGEN)
@allowed_parameters()
def plan_nieuw(request: HttpRequest) -> HttpResponse:
    gemeente = _gemeente(request)
    if request.method == "POST":
        form = _form("beleidsplan", request.POST)
        if form.is_valid():
            try:
                plan = structuur.onderdeel_save(
                    actor=request.user,
                    soort="beleidsplan",
                    ouder=gemeente,
                    velden=form.cleaned_data,
                )
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, "Het beleidsplan is aangemaakt. Voeg de thema's toe.")
                return redirect(reverse("beleid:structuur", args=[plan.pk]))
        return _pagina(request, "beleidsplan", form, status=400)
    return _pagina(request, "beleidsplan", _form("beleidsplan"))


def _bewerk(request: HttpRequest, soort: str, pk: int) -> HttpResponse:
    obj = _get(request, soort, pk)
    thema = structuur.thema_van(obj)
    if request.method == "POST":
        return _opslaan(request, soort, obj=obj, thema=thema)
    return _pagina(request, soort, _form(soort, initial=_initial(soort, obj), thema=thema), obj=obj)


def _nieuw(request: HttpRequest, soort: str, ouder_pk: int) -> HttpResponse:
    ouder = _get(request, OUDER[soort], ouder_pk)
    thema = structuur.thema_van(ouder)
    if request.method == "POST":
        return _opslaan(request, soort, ouder=ouder, thema=thema)
    return _pagina(request, soort, _form(soort, thema=thema), ouder=ouder)


def _verwijder(request: HttpRequest, soort: str, pk: int) -> HttpResponse:
    obj = _get(request, soort, pk)
    plan = structuur.plan_van(obj)
    try:
        structuur.onderdeel_delete(actor=request.user, onderdeel=obj)
    except ValidationError as exc:
        for fout in exc.messages:
            messages.error(request, fout)
        if soort == "indicatorkoppeling":
            return redirect(reverse("beleid:koppeling", args=[pk]))
        return redirect(reverse(f"beleid:{soort}_bewerken", args=[pk]))
    messages.success(request, f"{NAAM[soort].capitalize()} is verwijderd.")
    if soort == "beleidsplan":
        return redirect(reverse("beleid:plannen"))
    return redirect(reverse("beleid:structuur", args=[plan.pk]))


def _maak(soort: str) -> tuple[Any, Any, Any]:
    """The edit, new and delete views of one kind, each guarded by the beleid write rule."""

    @access.requires(Resource.BELEID, Action.WIJZIGEN)
    @allowed_parameters()
    def bewerk(request: HttpRequest, pk: int) -> HttpResponse:
        return _bewerk(request, soort, pk)

    @access.requires(Resource.BELEID, Action.WIJZIGEN)
    @allowed_parameters()
    def nieuw(request: HttpRequest, pk: int) -> HttpResponse:
        return _nieuw(request, soort, pk)

    @require_POST
    @access.requires(Resource.BELEID, Action.WIJZIGEN)
    def verwijder(request: HttpRequest, pk: int) -> HttpResponse:
        return _verwijder(request, soort, pk)

    for view, wat in ((bewerk, "bewerk"), (nieuw, "nieuw"), (verwijder, "verwijder")):
        view.__name__ = view.__qualname__ = f"{soort}_{wat}"
    return bewerk, nieuw, verwijder


plan_bewerk, _plan_nieuw_onder, plan_verwijder = _maak("beleidsplan")
thema_bewerk, thema_nieuw, thema_verwijder = _maak("thema")
doel_bewerk, doel_nieuw, doel_verwijder = _maak("doel")
resultaat_bewerk, resultaat_nieuw, resultaat_verwijder = _maak("resultaat")
subdoel_bewerk, subdoel_nieuw, subdoel_verwijder = _maak("subdoel")
activiteit_bewerk, activiteit_nieuw, activiteit_verwijder = _maak("activiteit")
_koppeling_bewerk, _koppeling_nieuw, koppeling_verwijder = _maak("indicatorkoppeling")


# --- the survey's questionnaire -------------------------------------------------------------------


def _vragen_context(request: HttpRequest, gemeente: Gemeente, **extra: Any) -> dict[str, Any]:
    lijst = vragenlijst_standaard(gemeente)
    vandaag = timezone.localdate()
    return {
        "lijst": lijst,
        "vragen": selectors.vragen_met_antwoorden(lijst),
        "ronde": vragen.lopende_ronde(lijst, vandaag=vandaag),
        "niet_gedekt": vragen.niet_gedekt(lijst),
        "lijst_form": VragenlijstForm(initial={"naam": lijst.naam, "inleiding": lijst.inleiding}),
        "nieuw_form": VraagForm(
            initial={"nummer": (max((v.nummer for v in lijst.vragen.all()), default=0) + 1)}
        ),
        **extra,
    }


@access.requires(Resource.ENQUETE, Action.AANMAKEN)
@allowed_parameters()
def vragenlijst_beheer(request: HttpRequest) -> HttpResponse:
    """The questionnaire with its questions; POST with `wat=lijst` saves the name and
    introduction, `wat=nieuw` adds a question."""
    gemeente = _gemeente(request)
    if request.method != "POST":
        return render(request, "beleid/vragen.html", _vragen_context(request, gemeente))
    lijst = vragenlijst_standaard(gemeente)
    vandaag = timezone.localdate()
    wat = request.POST.get("wat", "")
    if wat == "lijst":
        form: Form = VragenlijstForm(request.POST)
        if form.is_valid():
            try:
                vragen.vragenlijst_change(
                    actor=request.user, vragenlijst=lijst, vandaag=vandaag, **form.cleaned_data
                )
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, "De vragenlijst is opgeslagen.")
                return redirect(reverse("beleid:vragen"))
        context = _vragen_context(request, gemeente, lijst_form=form)
    else:
        form = VraagForm(request.POST)
        if form.is_valid():
            try:
                vragen.vraag_save(
                    actor=request.user, vragenlijst=lijst, vandaag=vandaag, **form.cleaned_data
                )
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, "De vraag is toegevoegd.")
                return redirect(reverse("beleid:vragen"))
        context = _vragen_context(request, gemeente, nieuw_form=form)
    return render(request, "beleid/vragen.html", context, status=400)


def _vraag(request: HttpRequest, pk: int) -> Vraag:
    vraag = (
        Vraag.objects.select_related("vragenlijst")
        .filter(pk=pk, vragenlijst__gemeente=_gemeente(request))
        .first()
    )
    if vraag is None:
        raise Http404("Deze vraag hoort niet bij de vragenlijst van uw gemeente.")
    return vraag


@access.requires(Resource.ENQUETE, Action.AANMAKEN)
@allowed_parameters()
def vraag_bewerk(request: HttpRequest, pk: int) -> HttpResponse:
    """One question: change it (POST `wat=opslaan`), switch it on or off (`wat=aan`/`uit`) or
    delete it (`wat=verwijderen`)."""
    vraag = _vraag(request, pk)
    vandaag = timezone.localdate()
    form = VraagForm(
        initial={
            "nummer": vraag.nummer,
            "code": vraag.code,
            "tekst": vraag.tekst,
            "aspect": vraag.aspect,
        }
    )
    if request.method == "POST":
        wat = request.POST.get("wat", "opslaan")
        try:
            if wat in ("aan", "uit"):
                vragen.vraag_actief_set(
                    actor=request.user, vraag=vraag, actief=wat == "aan", vandaag=vandaag
                )
                messages.success(request, f"Vraag {vraag.nummer} staat {wat}.")
                return redirect(reverse("beleid:vragen"))
            if wat == "verwijderen":
                vragen.vraag_delete(actor=request.user, vraag=vraag, vandaag=vandaag)
                messages.success(request, f"Vraag {vraag.nummer} is verwijderd.")
                return redirect(reverse("beleid:vragen"))
            form = VraagForm(request.POST)
            if form.is_valid():
                vragen.vraag_save(
                    actor=request.user,
                    vragenlijst=vraag.vragenlijst,
                    vraag=vraag,
                    vandaag=vandaag,
                    **form.cleaned_data,
                )
                messages.success(request, f"Vraag {form.cleaned_data['nummer']} is opgeslagen.")
                return redirect(reverse("beleid:vragen"))
        except ValidationError as exc:
            add_service_errors(form, exc)
        vraag.refresh_from_db()
        return render(request, "beleid/vraag.html", {"vraag": vraag, "form": form}, status=400)
    return render(request, "beleid/vraag.html", {"vraag": vraag, "form": form})
