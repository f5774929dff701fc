"""Functioneel beheer inside eenplan (issue 10): Dutch pages in the NL Design System style for
the functioneel beheerder of a municipality — accounts (create, roles and teams with the
four-eyes rule, deactivate, reset the second factor, clear a lock-out), teams and wijken, the
catalogue with its tariffs and the sociale kaart with its synonyms, and the municipal settings.

Views parse, authorise (`privacy.access`: the rules account, inrichting, catalogus and
instellingen; refusals are logged), call a selector or a service of the owning app, and render.
Only the beheerder's own municipality: another municipality's record is a 404. The services
refuse a change to one's own account (no self-elevation). Every POST redirects
(POST/redirect/GET), also a refused one: its input and Dutch messages go back to the form
through the session (`web.prg`; never a password), and nothing changed.
Django's stock admin (/beheer/) stays for superusers.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from eenplan.beheer import feestdagen, opzoeken, selectors
from eenplan.beheer.forms import (
    INSTELLING_FORMS,
    AbonnementstariefForm,
    AccountForm,
    FeestdagForm,
    RollenForm,
    SynoniemForm,
    TeamForm,
    VoorzieningBeheerForm,
    WijkForm,
)
from eenplan.gemeente import services as gemeente_services
from eenplan.gemeente.models import GelijkgesteldeFeestdag, Gemeente, Medewerker
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource
from eenplan.rules.instellingen import Onderwerp
from eenplan.rules.onderzoek import STANDAARD_LADDER, WETTELIJKE_STAPPEN
from eenplan.voorzieningen import selectors as voorzieningen_selectors
from eenplan.voorzieningen import services as voorzieningen_services
from eenplan.voorzieningen.forms import TariefForm
from eenplan.voorzieningen.models import Synoniem, Voorziening
from eenplan.web.forms import add_service_errors
from eenplan.web.prg import SESSION_KEY, form_from_session, redirect_with_errors

PAGE_SIZE = 25
GEEN_GEMEENTE = (
    "Functioneel beheer is per gemeente; uw account hoort niet bij een gemeente. "
    "Een beheerder van de installatie gebruikt /beheer/."
)


def _gemeente(request: HttpRequest) -> Gemeente:
    return access.gemeente_van(request, reden=GEEN_GEMEENTE)


def _fouten(form: Form, exc: ValidationError | PermissionDenied) -> None:
    """A service's refusal next to the form: per field where the field is on the form."""
    if isinstance(exc, PermissionDenied):
        form.add_error(None, str(exc))
        return
    add_service_errors(form, exc)


def _formulier(
    request: HttpRequest, key: str, form_class: Any, *, initial: Any = None, **kwargs: Any
) -> Any:
    """The form of a page: the posted one; on a GET the one a refused POST left in the session
    (once, with its input and messages), else a fresh one."""
    if request.method == "POST":
        return form_class(request.POST, **kwargs)
    bewaard = form_from_session(request, key, form_class, **kwargs)
    return bewaard if bewaard is not None else form_class(initial=initial, **kwargs)


def _terug(
    request: HttpRequest, key: str, form: Form, url: str, *, geheim: tuple[str, ...] = ()
) -> HttpResponse:
    """POST/redirect/GET after a refusal: keep input and messages, nothing changed, and go back
    to the page. Secrets (a password) are never kept in the session."""
    response = redirect_with_errors(request, key, form, url)
    bewaard = request.session[f"{SESSION_KEY}:{key}"]
    for veld in geheim:
        bewaard["data"].pop(veld, None)
    request.session.modified = True
    return response


def _opslaan(
    request: HttpRequest,
    key: str,
    form: Form,
    opslaan: Callable[[], HttpResponse],
    *,
    weigeringen: tuple[type[Exception], ...] = (ValidationError, PermissionDenied),
    geheim: tuple[str, ...] = (),
) -> HttpResponse:
    """The POST of a beheer form: when the form is valid, `opslaan` calls the service and answers
    (message and redirect); a refusal by the form or by the service (`weigeringen`) goes back to
    the page with the input and the Dutch messages (POST/redirect/GET, nothing changed)."""
    if form.is_valid():
        try:
            return opslaan()
        except weigeringen as exc:
            _fouten(form, exc)  # type: ignore[arg-type]
    return _terug(request, key, form, request.path, geheim=geheim)


def _melding(request: HttpRequest, exc: ValidationError | PermissionDenied) -> None:
    for tekst in getattr(exc, "messages", None) or [str(exc)]:
        messages.error(request, tekst)


def _rechten(request: HttpRequest) -> dict[str, bool]:
    """What the login may do here (for showing links and buttons; each page asks itself)."""

    def mag(resource: Resource, action: Action) -> bool:
        return access.allows(request.user, resource, action)

    return {
        "accounts": mag(Resource.ACCOUNT, Action.LEZEN),
        "account_aanmaken": mag(Resource.ACCOUNT, Action.AANMAKEN),
        "account_wijzigen": mag(Resource.ACCOUNT, Action.WIJZIGEN),
        "verzoeken": mag(Resource.ACCOUNT, Action.BEHANDELEN),
        "inrichting": mag(Resource.INRICHTING, Action.LEZEN),
        "inrichting_aanmaken": mag(Resource.INRICHTING, Action.AANMAKEN),
        "inrichting_wijzigen": mag(Resource.INRICHTING, Action.WIJZIGEN),
        "catalogus": mag(Resource.CATALOGUS, Action.LEZEN),
        "catalogus_wijzigen": mag(Resource.CATALOGUS, Action.WIJZIGEN),
        "instellingen": mag(Resource.INSTELLINGEN, Action.LEZEN),
        "instellingen_wijzigen": mag(Resource.INSTELLINGEN, Action.WIJZIGEN),
    }


def _render(request: HttpRequest, template: str, context: dict[str, Any]) -> HttpResponse:
    context.setdefault("rechten", _rechten(request))
    context.setdefault("vier_ogen", settings.EENPLAN_ROLWIJZIGING_VIER_OGEN)
    return render(request, f"beheer/{template}", context)


# --- start ------------------------------------------------------------------------------------


@access.requires(Resource.ACCOUNT, Action.LEZEN)
def start(request: HttpRequest) -> HttpResponse:
    gemeente = _gemeente(request)
    context = {
        "gemeente": gemeente,
        "tellingen": selectors.overzicht(gemeente=gemeente),
        "tarief_ontbreekt": voorzieningen_selectors.abonnementstarief_ontbreekt(
            vandaag=timezone.localdate()
        ),
    }
    return _render(request, "start.html", context)


# --- accounts ---------------------------------------------------------------------------------

STATUSSEN = {"actief": True, "inactief": False}


@access.requires(Resource.ACCOUNT, Action.LEZEN)
def medewerkers(request: HttpRequest) -> HttpResponse:
    gemeente = _gemeente(request)
    q = request.GET.get("q", "").strip()[:100]
    status = request.GET.get("status", "")
    status = status if status in STATUSSEN else ""
    qs = selectors.medewerkers_list(gemeente=gemeente, q=q, actief=STATUSSEN.get(status))
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("pagina"))
    rijen = list(page.object_list)
    standen = selectors.loginstanden(rijen)
    for m in rijen:
        m.stand = standen[m.pk]  # type: ignore[attr-defined]
        m.rollen = selectors.rollen_van(m)  # type: ignore[attr-defined]
    return _render(
        request,
        "medewerkers.html",
        {"page": page, "rijen": rijen, "q": q, "status": status, "gemeente": gemeente},
    )


@access.requires(Resource.ACCOUNT, Action.AANMAKEN)
def medewerker_nieuw(request: HttpRequest) -> HttpResponse:
    gemeente = _gemeente(request)
    form = _formulier(request, "account-nieuw", AccountForm, gemeente=gemeente)
    if request.method == "POST":

        def opslaan() -> HttpResponse:
            medewerker = gemeente_services.medewerker_create(
                gemeente=gemeente, door=request.user, **form.account_arguments()
            )
            naam = medewerker.user.get_full_name()
            if medewerker.user.is_active:
                messages.success(request, f"Het account van {naam} is aangemaakt.")
            else:
                messages.success(
                    request,
                    f"Het account van {naam} is aangemaakt en wacht op goedkeuring door een "
                    "andere functioneel beheerder; tot dan kan het niet inloggen.",
                )
            return redirect("beheer:medewerker", pk=medewerker.pk)

        return _opslaan(request, "account-nieuw", form, opslaan, geheim=("wachtwoord",))
    return _render(request, "medewerker_nieuw.html", {"form": form})


def _medewerker_or_404(
    request: HttpRequest, pk: int, action: Action = Action.WIJZIGEN
) -> Medewerker:
    """The medewerker within the login's municipality: another municipality's is a 404 like
    one that does not exist, the refusal logged (`beheer.opzoeken`, ADR 0046)."""
    _gemeente(request)
    return opzoeken.medewerker(request.user, pk, action, via=access.Via.request(request))


def _medewerker_pagina(
    request: HttpRequest, medewerker: Medewerker, *, form: RollenForm | None
) -> HttpResponse:
    gemeente = medewerker.gemeente
    toewijzing = selectors.toewijzing(medewerker)
    eigen = medewerker.user_id == request.user.pk
    mag_wijzigen = access.allows(request.user, Resource.ACCOUNT, Action.WIJZIGEN)
    if form is None and not eigen and mag_wijzigen:
        form = RollenForm(gemeente=gemeente, initial=RollenForm.initial_for(medewerker, toewijzing))
    context = {
        "m": medewerker,
        "rollen": selectors.rollen_van(medewerker),
        "stand": selectors.loginstanden([medewerker])[medewerker.pk],
        "eigen": eigen,
        # One's own account: no form, unless to show why a POST was refused.
        "form": form if form is not None and (not eigen or form.errors) else None,
        "verzoek": selectors.verzoeken_open(gemeente=gemeente)
        .filter(medewerker=medewerker)
        .first(),
        "wijzigingen": selectors.wijzigingen(gemeente=gemeente, medewerker=medewerker)[:50],
    }
    return _render(request, "medewerker.html", context)


@access.requires(Resource.ACCOUNT, Action.LEZEN)
def medewerker_detail(request: HttpRequest, pk: int) -> HttpResponse:
    medewerker = _medewerker_or_404(request, pk, Action.LEZEN)
    form = form_from_session(request, f"rollen-{pk}", RollenForm, gemeente=medewerker.gemeente)
    return _medewerker_pagina(request, medewerker, form=form)


def _wijziging_gemeld(request: HttpRequest, medewerker: Medewerker, verzoek: Any, wat: str) -> None:
    naam = medewerker.user.get_full_name() or medewerker.user.get_username()
    if verzoek is not None:
        messages.success(
            request,
            f"De wijziging van {naam} ({wat}) wacht op goedkeuring door een andere "
            "functioneel beheerder.",
        )
    else:
        werkwoord = "zijn" if wat.startswith("rollen") else "is"
        messages.success(request, f"{wat[:1].upper()}{wat[1:]} van {naam} {werkwoord} gewijzigd.")


@require_POST
@access.requires(Resource.ACCOUNT, Action.WIJZIGEN)
def medewerker_rollen(request: HttpRequest, pk: int) -> HttpResponse:
    medewerker = _medewerker_or_404(request, pk)
    form = RollenForm(request.POST, gemeente=medewerker.gemeente)
    if form.is_valid():
        try:
            verzoek = gemeente_services.medewerker_rollen_change(
                door=request.user, medewerker=medewerker, **form.rollen_arguments()
            )
        except (ValidationError, PermissionDenied) as exc:
            _fouten(form, exc)
        else:
            _wijziging_gemeld(request, medewerker, verzoek, "rollen en teams")
            return redirect("beheer:medewerker", pk=medewerker.pk)
    terug = reverse("beheer:medewerker", kwargs={"pk": medewerker.pk})
    return _terug(request, f"rollen-{medewerker.pk}", form, terug)


def _medewerker_actie(request: HttpRequest, pk: int, doe: Any) -> HttpResponse:
    """Run one action on a medewerker; a refusal is a message on the page, nothing changed."""
    medewerker = _medewerker_or_404(request, pk)
    try:
        doe(medewerker)
    except (ValidationError, PermissionDenied) as exc:
        _melding(request, exc)
    return redirect("beheer:medewerker", pk=medewerker.pk)


@require_POST
@access.requires(Resource.ACCOUNT, Action.WIJZIGEN)
def medewerker_actief(request: HttpRequest, pk: int) -> HttpResponse:
    """Deactivate (actief=nee) or reactivate (actief=ja) the login."""
    keuze = request.POST.get("actief")
    if keuze not in ("ja", "nee"):
        medewerker = _medewerker_or_404(request, pk)
        messages.error(request, "Kies of het account actief of inactief moet worden.")
        return redirect("beheer:medewerker", pk=medewerker.pk)

    def doe(medewerker: Medewerker) -> None:
        verzoek = gemeente_services.medewerker_rollen_change(
            door=request.user, medewerker=medewerker, actief=keuze == "ja"
        )
        _wijziging_gemeld(request, medewerker, verzoek, "het account")

    return _medewerker_actie(request, pk, doe)


@require_POST
@access.requires(Resource.ACCOUNT, Action.WIJZIGEN)
def medewerker_tweede_factor(request: HttpRequest, pk: int) -> HttpResponse:
    def doe(medewerker: Medewerker) -> None:
        gemeente_services.medewerker_tweede_factor_reset(door=request.user, medewerker=medewerker)
        messages.success(
            request,
            f"De tweede factor van {medewerker} is verwijderd. Bij de volgende inlog stelt "
            "de medewerker een nieuwe authenticator-app in.",
        )

    return _medewerker_actie(request, pk, doe)


@require_POST
@access.requires(Resource.ACCOUNT, Action.WIJZIGEN)
def medewerker_blokkade(request: HttpRequest, pk: int) -> HttpResponse:
    def doe(medewerker: Medewerker) -> None:
        gemeente_services.medewerker_blokkade_opheffen(door=request.user, medewerker=medewerker)
        messages.success(request, f"De blokkade van {medewerker} is opgeheven.")

    return _medewerker_actie(request, pk, doe)


@access.requires(Resource.ACCOUNT, Action.LEZEN)
def wijzigingslog(request: HttpRequest) -> HttpResponse:
    gemeente = _gemeente(request)
    page = Paginator(selectors.wijzigingen(gemeente=gemeente), 50).get_page(
        request.GET.get("pagina")
    )
    return _render(request, "wijzigingslog.html", {"page": page})


# --- four eyes --------------------------------------------------------------------------------


@access.requires(Resource.ACCOUNT, Action.BEHANDELEN)
def verzoeken(request: HttpRequest) -> HttpResponse:
    gemeente = _gemeente(request)
    return _render(
        request, "verzoeken.html", {"verzoeken": list(selectors.verzoeken_open(gemeente=gemeente))}
    )


def _verzoek_actie(request: HttpRequest, pk: int, *, goedkeuren: bool) -> HttpResponse:
    verzoek = opzoeken.verzoek(request.user, pk, via=access.Via.request(request))
    try:
        if goedkeuren:
            gemeente_services.rolwijziging_approve(door=request.user, verzoek=verzoek)
            messages.success(
                request, f"De wijziging van {verzoek.medewerker} is goedgekeurd en doorgevoerd."
            )
        else:
            gemeente_services.rolwijziging_reject(door=request.user, verzoek=verzoek)
            messages.success(
                request,
                f"De wijziging van {verzoek.medewerker} is afgewezen; er is niets veranderd.",
            )
    except (ValidationError, PermissionDenied) as exc:
        _melding(request, exc)
    return redirect("beheer:verzoeken")


@require_POST
@access.requires(Resource.ACCOUNT, Action.BEHANDELEN)
def verzoek_goedkeuren(request: HttpRequest, pk: int) -> HttpResponse:
    return _verzoek_actie(request, pk, goedkeuren=True)


@require_POST
@access.requires(Resource.ACCOUNT, Action.BEHANDELEN)
def verzoek_afwijzen(request: HttpRequest, pk: int) -> HttpResponse:
    return _verzoek_actie(request, pk, goedkeuren=False)


# --- teams and wijken -------------------------------------------------------------------------


@access.requires(Resource.INRICHTING, Action.LEZEN)
def teams(request: HttpRequest) -> HttpResponse:
    gemeente = _gemeente(request)
    return _render(
        request,
        "teams.html",
        {
            "teams": list(selectors.teams_list(gemeente=gemeente)),
            "wijken": list(selectors.wijken_list(gemeente=gemeente)),
        },
    )


@access.requires(Resource.INRICHTING, Action.AANMAKEN)
def team_nieuw(request: HttpRequest) -> HttpResponse:
    gemeente = _gemeente(request)
    form = _formulier(request, "team-nieuw", TeamForm, gemeente=gemeente)
    if request.method == "POST":

        def opslaan() -> HttpResponse:
            team = gemeente_services.team_create(
                gemeente=gemeente, door=request.user, **form.team_arguments()
            )
            messages.success(request, f"Team {team.naam} is aangemaakt.")
            return redirect("beheer:teams")

        return _opslaan(request, "team-nieuw", form, opslaan)
    return _render(request, "team.html", {"form": form, "team": None})


@access.requires(Resource.INRICHTING, Action.WIJZIGEN)
def team_wijzigen(request: HttpRequest, pk: int) -> HttpResponse:
    gemeente = _gemeente(request)
    team = opzoeken.team(
        request.user,
        pk,
        Action.WIJZIGEN if request.method == "POST" else Action.LEZEN,
        via=access.Via.request(request),
    )
    initial = {
        "naam": team.naam,
        "soort": team.soort,
        "wijken": [str(w.pk) for w in team.wijken.all()],
    }
    form = _formulier(request, f"team-{pk}", TeamForm, gemeente=gemeente, initial=initial)
    if request.method == "POST":

        def opslaan() -> HttpResponse:
            gemeente_services.team_change(door=request.user, team=team, **form.team_arguments())
            messages.success(request, f"Team {form.cleaned_data['naam']} is gewijzigd.")
            return redirect("beheer:teams")

        return _opslaan(request, f"team-{pk}", form, opslaan)
    context = {
        "form": form,
        "team": team,
        "wijzigingen": selectors.wijzigingen(gemeente=gemeente, team=team)[:20],
    }
    return _render(request, "team.html", context)


@access.requires(Resource.INRICHTING, Action.AANMAKEN)
def wijk_nieuw(request: HttpRequest) -> HttpResponse:
    gemeente = _gemeente(request)
    form = _formulier(request, "wijk-nieuw", WijkForm)
    if request.method == "POST":

        def opslaan() -> HttpResponse:
            wijk = gemeente_services.wijk_create(
                gemeente=gemeente, door=request.user, **form.cleaned_data
            )
            messages.success(request, f"Wijk {wijk.naam} is toegevoegd.")
            return redirect("beheer:teams")

        return _opslaan(request, "wijk-nieuw", form, opslaan)
    return _render(request, "wijk.html", {"form": form, "wijk": None})


@access.requires(Resource.INRICHTING, Action.WIJZIGEN)
def wijk_wijzigen(request: HttpRequest, pk: int) -> HttpResponse:
    wijk = opzoeken.wijk(request.user, pk, via=access.Via.request(request))
    form = _formulier(
        request, f"wijk-{pk}", WijkForm, initial={"code": wijk.code, "naam": wijk.naam}
    )
    if request.method == "POST":

        def opslaan() -> HttpResponse:
            gemeente_services.wijk_change(door=request.user, wijk=wijk, **form.cleaned_data)
            messages.success(request, f"Wijk {form.cleaned_data['naam']} is gewijzigd.")
            return redirect("beheer:teams")

        return _opslaan(request, f"wijk-{pk}", form, opslaan)
    return _render(request, "wijk.html", {"form": form, "wijk": wijk})


# --- catalogue and sociale kaart ----------------------------------------------------------------


@access.requires(Resource.CATALOGUS, Action.LEZEN)
def catalogus(request: HttpRequest) -> HttpResponse:
    gemeente = _gemeente(request)
    q = request.GET.get("q", "").strip()[:100]
    page = Paginator(
        voorzieningen_selectors.catalogus_beheer(gemeente=gemeente, q=q), PAGE_SIZE
    ).get_page(request.GET.get("pagina"))
    return _render(request, "catalogus.html", {"page": page, "q": q})


@access.requires(Resource.CATALOGUS, Action.WIJZIGEN)
def voorziening_nieuw(request: HttpRequest) -> HttpResponse:
    gemeente = _gemeente(request)
    form = _formulier(
        request,
        "voorziening-nieuw",
        VoorzieningBeheerForm,
        gemeente=gemeente,
        initial={"actief": True},
    )
    if request.method == "POST":

        def opslaan() -> HttpResponse:
            voorziening = voorzieningen_services.voorziening_create(
                gemeente=gemeente, **form.service_arguments()
            )
            messages.success(request, f"{voorziening.naam} staat nu in de catalogus.")
            return redirect("beheer:voorziening", pk=voorziening.pk)

        return _opslaan(request, "voorziening-nieuw", form, opslaan, weigeringen=(ValidationError,))
    return _render(request, "voorziening.html", {"form": form, "v": None})


def _voorziening_or_404(request: HttpRequest, pk: int) -> Voorziening:
    """Both pages that open one change it (CATALOGUS, WIJZIGEN)."""
    return opzoeken.voorziening(request.user, pk, Action.WIJZIGEN, via=access.Via.request(request))


def _voorziening_initial(v: Voorziening) -> dict[str, Any]:
    velden = [
        "naam",
        "soort",
        "wet",
        "omschrijving",
        "productcategorie",
        "productcode",
        "eenheid",
        "frequentie",
        "uitvoeringsvariant",
        "pgb_mogelijk",
        "eigen_bijdrage",
        "kostprijs_per_maand",
        "categorie",
        "organisatie",
        "adres",
        "doelgroep",
        "prijs",
        "prijs_toelichting",
        "openingstijden",
        "telefoon",
        "website",
        "email",
        "actief",
    ]
    initial = {veld: getattr(v, veld) for veld in velden}
    initial["wijken"] = [str(w.pk) for w in v.wijken.all()]
    initial["leefgebieden"] = [str(lg.pk) for lg in v.leefgebieden.all()]
    initial["doelgroepen"] = [str(d.pk) for d in v.doelgroepen.all()]
    return initial


def _voorziening_pagina(
    request: HttpRequest,
    v: Voorziening,
    *,
    form: VoorzieningBeheerForm | None = None,
    tarief_form: TariefForm | None = None,
) -> HttpResponse:
    from eenplan.aanbieders.selectors import contract_tarieven_van
    from eenplan.voorzieningen.selectors import codelijst_omschrijvingen

    form = form or VoorzieningBeheerForm(gemeente=v.gemeente, initial=_voorziening_initial(v))
    tarief_form = tarief_form or TariefForm(
        prefix="tarief", initial={"geldig_vanaf": timezone.localdate()}
    )
    omschrijvingen = codelijst_omschrijvingen()
    context = {
        "form": form,
        "tarief_form": tarief_form,
        "v": v,
        "perioden": voorzieningen_selectors.tarief_perioden(v, op=timezone.localdate()),
        "contract_tarieven": contract_tarieven_van(v, op=timezone.localdate()),
        "eenheid": omschrijvingen.get(("WJ756", v.eenheid), ""),
    }
    return _render(request, "voorziening.html", context)


@access.requires(Resource.CATALOGUS, Action.WIJZIGEN)
def voorziening_wijzigen(request: HttpRequest, pk: int) -> HttpResponse:
    voorziening = _voorziening_or_404(request, pk)
    if request.method != "POST":
        form = form_from_session(
            request, f"voorziening-{pk}", VoorzieningBeheerForm, gemeente=voorziening.gemeente
        )
        tarief = form_from_session(request, f"tarief-{pk}", TariefForm, prefix="tarief")
        return _voorziening_pagina(request, voorziening, form=form, tarief_form=tarief)
    form = VoorzieningBeheerForm(request.POST, gemeente=voorziening.gemeente)
    if form.is_valid():
        try:
            voorzieningen_services.voorziening_change(
                voorziening=voorziening, **form.service_arguments()
            )
        except ValidationError as exc:
            _fouten(form, exc)
        else:
            messages.success(request, f"{form.cleaned_data['naam']} is gewijzigd.")
            return redirect("beheer:voorziening", pk=voorziening.pk)
    return _terug(request, f"voorziening-{pk}", form, request.path)


@require_POST
@access.requires(Resource.CATALOGUS, Action.WIJZIGEN)
def tarief_toevoegen(request: HttpRequest, pk: int) -> HttpResponse:
    voorziening = _voorziening_or_404(request, pk)
    form = TariefForm(request.POST, prefix="tarief")
    if form.is_valid():
        try:
            voorzieningen_services.tarief_add(voorziening=voorziening, **form.cleaned_data)
        except ValidationError as exc:
            _fouten(form, exc)
        else:
            messages.success(request, f"Het tarief van {voorziening.naam} is vastgelegd.")
            return redirect("beheer:voorziening", pk=voorziening.pk)
    terug = reverse("beheer:voorziening", kwargs={"pk": voorziening.pk}) + "#kop-tarieven"
    return _terug(request, f"tarief-{voorziening.pk}", form, terug)


@access.requires(Resource.CATALOGUS, Action.WIJZIGEN)
def synoniemen(request: HttpRequest) -> HttpResponse:
    gemeente = _gemeente(request)
    form = _formulier(request, "synoniem-nieuw", SynoniemForm)
    if request.method == "POST":

        def opslaan() -> HttpResponse:
            voorzieningen_services.synoniem_add(gemeente=gemeente, **form.cleaned_data)
            messages.success(request, "De synoniemen zijn toegevoegd.")
            return redirect("beheer:synoniemen")

        return _opslaan(request, "synoniem-nieuw", form, opslaan, weigeringen=(ValidationError,))
    context = {
        "form": form,
        "synoniemen": list(voorzieningen_selectors.synoniemen_list(gemeente=gemeente)),
    }
    return _render(request, "synoniemen.html", context)


def _synoniem_or_404(request: HttpRequest, pk: int) -> Synoniem:
    return opzoeken.synoniem(request.user, pk, via=access.Via.request(request))


@access.requires(Resource.CATALOGUS, Action.WIJZIGEN)
def synoniem_wijzigen(request: HttpRequest, pk: int) -> HttpResponse:
    synoniem = _synoniem_or_404(request, pk)
    form = _formulier(
        request, f"synoniem-{pk}", SynoniemForm, initial={"woorden": synoniem.woorden}
    )
    if request.method == "POST":

        def opslaan() -> HttpResponse:
            voorzieningen_services.synoniem_change(synoniem=synoniem, **form.cleaned_data)
            messages.success(request, "De synoniemen zijn gewijzigd.")
            return redirect("beheer:synoniemen")

        return _opslaan(request, f"synoniem-{pk}", form, opslaan, weigeringen=(ValidationError,))
    return _render(request, "synoniem.html", {"form": form, "s": synoniem})


@require_POST
@access.requires(Resource.CATALOGUS, Action.WIJZIGEN)
def synoniem_verwijderen(request: HttpRequest, pk: int) -> HttpResponse:
    synoniem = _synoniem_or_404(request, pk)
    voorzieningen_services.synoniem_remove(synoniem=synoniem)
    messages.success(request, f"De synoniemen '{synoniem.woorden}' zijn verwijderd.")
    return redirect("beheer:synoniemen")


@require_POST
@access.requires(Resource.CATALOGUS, Action.WIJZIGEN)
def synoniemen_standaard(request: HttpRequest) -> HttpResponse:
    aantal = voorzieningen_services.synoniemen_standaard_add(gemeente=_gemeente(request))
    messages.success(
        request,
        f"{aantal} groepen uit de startlijst toegevoegd."
        if aantal
        else "De startlijst staat er al helemaal in.",
    )
    return redirect("beheer:synoniemen")


# --- municipal settings -----------------------------------------------------------------------


def _instelling_forms(request: HttpRequest, overzicht: list[Any]) -> dict[str, Any]:
    """Per subject its form: a refused POST's (from the session, with input and messages), or
    one filled with the value in force today and the last version as its base."""
    forms = {}
    for deel in overzicht:
        form_class = INSTELLING_FORMS[deel.onderwerp]
        bewaard = form_from_session(request, f"instelling-{deel.onderwerp}", form_class)
        forms[deel.onderwerp] = bewaard or form_class(
            initial={
                **form_class.initial_voor(deel.waarde_nu, deel.laatste_versie),
                "geldig_vanaf": timezone.localdate(),
                "bron": deel.nu.bron if deel.nu else "",
            }
        )
    return forms


@access.requires(Resource.INSTELLINGEN, Action.LEZEN)
def instellingen(request: HttpRequest) -> HttpResponse:
    gemeente = _gemeente(request)
    vandaag = timezone.localdate()
    overzicht = selectors.instellingen_overzicht(gemeente=gemeente, vandaag=vandaag)
    context = {
        "instelling_forms": _instelling_forms(request, overzicht),
        "gemeente": gemeente,
        "instellingen": {deel.onderwerp: deel for deel in overzicht},
        "wettelijke_stappen": [
            s.label for s in STANDAARD_LADDER.stappen if s in WETTELIJKE_STAPPEN
        ],
        "form": form_from_session(request, "feestdag", FeestdagForm) or FeestdagForm(),
        "feestdagen": list(GelijkgesteldeFeestdag.objects.order_by("datum")),
        "vandaag": vandaag,
        "tarief_form": form_from_session(request, "abonnementstarief", AbonnementstariefForm)
        or AbonnementstariefForm(initial={"jaar": vandaag.year + 1}),
        "abonnementstarieven": list(reversed(voorzieningen_selectors.abonnementstarieven())),
        "tarief_ontbreekt": voorzieningen_selectors.abonnementstarief_ontbreekt(vandaag=vandaag),
    }
    return _render(request, "instellingen.html", context)


@require_POST
@access.requires(Resource.INSTELLINGEN, Action.WIJZIGEN)
def feestdag_toevoegen(request: HttpRequest) -> HttpResponse:
    """Add the day; the deadlines it moves are recomputed by a task whose progress page the
    beheerder is led to (ADR 0049)."""
    gemeente = _gemeente(request)
    form = FeestdagForm(request.POST)
    if form.is_valid():
        try:
            dag, taak = feestdagen.feestdag_toevoegen(
                door=request.user,
                gemeente=gemeente,
                via=access.Via.request(request),
                herkomst=reverse("beheer:instellingen"),
                **form.cleaned_data,
            )
        except (ValidationError, PermissionDenied) as exc:
            _fouten(form, exc)
        else:
            messages.success(
                request,
                f"{dag.datum:%d-%m-%Y} telt nu als feestdag in de termijnen. De lopende termijnen "
                "worden opnieuw berekend; hieronder ziet u hoe ver dat is.",
            )
            return redirect("taken:detail", taak.pk)
    return _terug(request, "feestdag", form, reverse("beheer:instellingen") + "#kop-feestdag-nieuw")


@require_POST
@access.requires(Resource.INSTELLINGEN, Action.WIJZIGEN)
def feestdag_verwijderen(request: HttpRequest, pk: int) -> HttpResponse:
    gemeente = _gemeente(request)
    dag = GelijkgesteldeFeestdag.objects.filter(pk=pk).first()
    if dag is None:
        raise Http404("Deze dag staat niet in de lijst.")
    try:
        taak = feestdagen.feestdag_verwijderen(
            door=request.user,
            dag=dag,
            gemeente=gemeente,
            via=access.Via.request(request),
            herkomst=reverse("beheer:instellingen"),
        )
    except (ValidationError, PermissionDenied) as exc:
        _melding(request, exc)
        return redirect("beheer:instellingen")
    messages.success(
        request,
        f"{dag.datum:%d-%m-%Y} is uit de lijst gehaald. De termijnen die ervoor waren verschoven, "
        "worden opnieuw berekend.",
    )
    return redirect("taken:detail", taak.pk)


@require_POST
@access.requires(Resource.INSTELLINGEN, Action.WIJZIGEN)
def abonnementstarief_toevoegen(request: HttpRequest) -> HttpResponse:
    _gemeente(request)
    form = AbonnementstariefForm(request.POST)
    if form.is_valid():
        try:
            rij = voorzieningen_services.abonnementstarief_add(**form.cleaned_data)
        except ValidationError as exc:
            _fouten(form, exc)
        else:
            messages.success(
                request, f"Het abonnementstarief van {rij.geldig_vanaf.year} is ingevoerd."
            )
            return redirect(reverse("beheer:instellingen") + "#kop-bijdrage")
    terug = reverse("beheer:instellingen") + "#kop-bijdrage"
    return _terug(request, "abonnementstarief", form, terug)


@require_POST
@access.requires(Resource.INSTELLINGEN, Action.WIJZIGEN)
def instelling_opslaan(request: HttpRequest, onderwerp: str) -> HttpResponse:
    """A new version of one municipal setting (dated, with its source; the old ones stay)."""
    gemeente = _gemeente(request)
    form_class = INSTELLING_FORMS.get(onderwerp)
    if form_class is None:
        raise Http404("Deze instelling bestaat niet.")
    form = form_class(request.POST)
    if form.is_valid():
        try:
            rij = gemeente_services.instelling_save(
                door=request.user, gemeente=gemeente, **form.service_arguments()
            )
        except (ValidationError, PermissionDenied) as exc:
            _fouten(form, exc)  # a wrong value ("waarde") shows above the form
        else:
            messages.success(
                request,
                f"{Onderwerp(rij.onderwerp).label}: versie {rij.versie} geldt vanaf "
                f"{rij.geldig_vanaf:%d-%m-%Y}.",
            )
            return redirect(reverse("beheer:instellingen") + f"#kop-{onderwerp}")
    terug = reverse("beheer:instellingen") + f"#kop-{onderwerp}"
    return _terug(request, f"instelling-{onderwerp}", form, terug)
