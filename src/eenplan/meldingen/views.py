"""Staff pages of the front door (toegang): intake, the melding with its screening and
assignment actions, and the worklist. Views parse, call a selector or service and render; every
refusal of a service is shown in Dutch and changes nothing (services are atomic).

Access is decided by `privacy.access` only: `access.requires` for the role (before anything is
read), `access.require_object` with the melding's resident for a read, and the services
themselves (`services.melding_authorise`) for every write. Each refusal is in the access log.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.views.decorators.http import require_POST

from eenplan.gemeente.selectors import gelijkgestelde_dagen, wijken_list
from eenplan.inwoners.models import Inwoner
from eenplan.meldingen import selectors, services
from eenplan.meldingen.constants import (
    OPEN_STATUSSEN,
    Domein,
    Doorzetting,
    Status,
    TermijnStand,
)
from eenplan.meldingen.forms import (
    AfsluitenForm,
    AntwoordForm,
    DoorzettenForm,
    HervattenForm,
    IdentificerenForm,
    KoppelenForm,
    MeldingRegistrerenForm,
    OpschortenForm,
    ToewijzenForm,
)
from eenplan.meldingen.models import Melding, Opschorting
from eenplan.privacy import access
from eenplan.rules.termijnen import TermijnStatus, termijn_status
from eenplan.web.forms import add_service_errors, inwoner_by_bsn
from eenplan.web.prg import form_from_session, redirect_with_errors

PAGE_SIZE = 25
BEVESTIGING = "meldingen.bevestiging"
MELDING, Handeling = access.Resource.MELDING, access.Action

# How each kind of history event reads on the page.
GEBEURTENISSEN = {
    "geregistreerd": "Geregistreerd",
    "ontvangstbevestiging": "Ontvangst bevestigd",
    "wettelijke_verwijzing": "Wettelijke verwijzing jeugdhulp",
    "geïdentificeerd": "Inwoner gevonden",
    "beantwoord": "Direct beantwoord",
    "doorgezet": "Doorgezet",
    "toegewezen": "Toegewezen",
    "opgeschort": "Termijn opgeschort",
    "hervat": "Termijn hervat",
    "gekoppeld": "Gekoppeld",
    "aanvulling": "Aanvulling uit gekoppelde melding",
    "afgesloten": "Afgesloten",
}
WEERGAVEN = {
    "mijn": "Mijn meldingen",
    "team": "Mijn team",
    "alle": "Alle open meldingen",
}


def _datum(dag: dt.date | None) -> str:
    return date_format(dag, "j F Y") if dag else ""


# --- intake -----------------------------------------------------------------------------------


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


# --- one melding ------------------------------------------------------------------------------


def _melding_or_404(pk: int) -> Melding:
    """The melding, loaded without the scope filter (access is decided after): 404 if it does
    not exist."""
    melding = selectors.melding_get(scope=Melding.objects.all(), pk=pk)
    if melding is None:
        raise Http404("Deze melding bestaat niet.")
    return melding


def _melding_read(request: HttpRequest, pk: int) -> Melding:
    """The melding if this login may read it (role and the need-to-know of its resident, or a
    screener for a person not identified yet): the read is logged; else 403 with the reason,
    logged as refused."""
    melding = _melding_or_404(pk)
    access.require_object(
        request.user,
        MELDING,
        Handeling.LEZEN,
        via=access.Via.request(request),
        inwoner=melding.inwoner_id,
        gemeente=melding.gemeente_id,
    )
    return melding


def _open_opschorting(melding: Melding) -> Opschorting | None:
    return next((o for o in melding.opschortingen.all() if o.tot is None), None)


def _acties(request: HttpRequest, melding: Melding) -> dict[str, bool]:
    """Which action forms this login sees for this melding (role and status). Only what is
    shown: the services decide (and log) when an action is sent."""
    actor = access.Actor.of(request.user)
    mag_screenen = access.allows(actor, MELDING, Handeling.SCREENEN)
    screenen = mag_screenen and melding.status == Status.GEREGISTREERD
    opschorten = (
        access.allows(actor, MELDING, Handeling.OPSCHORTEN) and melding.status in OPEN_STATUSSEN
    )
    open_opschorting = _open_opschorting(melding) if opschorten else None
    return {
        "beantwoorden": screenen,
        "doorzetten": screenen,
        "koppelen": screenen,
        "identificeren": mag_screenen
        and access.allows(actor, access.Resource.DOSSIER, Handeling.ZOEKEN)
        and melding.inwoner_id is None
        and melding.status in OPEN_STATUSSEN,
        "toewijzen": access.allows(actor, MELDING, Handeling.TOEWIJZEN)
        and melding.status in (Status.GEREGISTREERD, Status.TOEGEWEZEN),
        "opschorten": opschorten and open_opschorting is None,
        "hervatten": open_opschorting is not None,
        "afsluiten": melding.status in (Status.TOEGEWEZEN, Status.IN_ONDERZOEK)
        and services.may_close(actor, melding),
    }


def _form_classes(
    request: HttpRequest, melding: Melding, vandaag: dt.date
) -> dict[str, tuple[type[Form], dict[str, Any]]]:
    """Each action's form with its arguments; each has its own prefix so ids stay unique."""
    return {
        "beantwoorden": (AntwoordForm, {}),
        "doorzetten": (DoorzettenForm, {}),
        "identificeren": (IdentificerenForm, {"user": request.user}),
        "toewijzen": (ToewijzenForm, {"melding": melding, "vandaag": vandaag}),
        "opschorten": (OpschortenForm, {}),
        "hervatten": (HervattenForm, {}),
        "afsluiten": (AfsluitenForm, {}),
        "koppelen": (KoppelenForm, {}),
    }


def _sessie_sleutel(melding_pk: int, naam: str) -> str:
    return f"melding-{melding_pk}-{naam}"


def _forms(
    request: HttpRequest, melding: Melding, vandaag: dt.date, acties: dict[str, bool]
) -> tuple[dict[str, Form], str]:
    """The forms of the actions shown (unbound), and the one a refused POST left in the
    session (bound, with its input and messages; POST/redirect/GET) with its name."""
    forms: dict[str, Form] = {}
    fout_actie = ""
    for naam, (form_class, kwargs) in _form_classes(request, melding, vandaag).items():
        bound = form_from_session(
            request, _sessie_sleutel(melding.pk, naam), form_class, prefix=naam, **kwargs
        )
        if bound is not None:
            forms[naam], fout_actie = bound, naam
        elif acties.get(naam) and naam != "koppelen":
            forms[naam] = form_class(prefix=naam, **kwargs)
    return forms, fout_actie


def _termijn(melding: Melding, vandaag: dt.date) -> str:
    if melding.onderzoek_afgerond_op is not None:
        return TermijnStand.AFGEROND
    if melding.onderzoek_uiterlijk is None:
        return TermijnStand.OPGESCHORT
    return termijn_status(melding.onderzoek_uiterlijk, vandaag, extra=gelijkgestelde_dagen())


def _detail(request: HttpRequest, pk: int) -> HttpResponse:
    melding = _melding_read(request, pk)
    vandaag = timezone.localdate()
    acties = _acties(request, melding)
    forms, fout_actie = _forms(request, melding, vandaag, acties)
    gebeurtenissen = list(melding.gebeurtenissen.all())
    for gebeurtenis in gebeurtenissen:
        gebeurtenis.label = GEBEURTENISSEN.get(gebeurtenis.soort, gebeurtenis.soort.capitalize())
    stand = _termijn(melding, vandaag)
    # A refusal for an action whose form is no longer shown (e.g. the status changed
    # meanwhile) goes above the page.
    losse_fouten = (
        [m for messages_ in forms[fout_actie].errors.values() for m in messages_]
        if fout_actie and not acties.get(fout_actie)
        else []
    )
    context = {
        "melding": melding,
        "vandaag": vandaag,
        "stand": stand,
        "stand_label": TermijnStand(stand).label,
        "verlopen": stand == TermijnStatus.VERLOPEN and melding.status in OPEN_STATUSSEN,
        "open": melding.status in OPEN_STATUSSEN,
        "open_opschorting": _open_opschorting(melding),
        "gebeurtenissen": gebeurtenissen,
        "acties": acties,
        "forms": forms,
        "fout_actie": fout_actie,
        "losse_fouten": losse_fouten,
        "intake": (
            selectors.intake_context(
                melding=melding, scope=selectors.meldingen_in_scope(request.user), vandaag=vandaag
            )
            if access.allows(request.user, MELDING, Handeling.SCREENEN)
            else None
        ),
    }
    return render(request, "meldingen/melding_detail.html", context)


@access.requires(MELDING, Handeling.LEZEN)
def melding_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, pk)


def _via(request: HttpRequest) -> access.Via:
    return access.Via.request(request)


def _actie(
    request: HttpRequest,
    melding: Melding,
    *,
    naam: str,
    handeling: access.Action,
    form: Form,
    uitvoeren: Callable[[Melding, dict[str, Any]], str],
) -> HttpResponse:
    """Run one action: parse the form, call the service (which decides access and logs it),
    report; on a refusal go back to the melding with the Dutch message next to the form
    (POST/redirect/GET; the service changed nothing). Input refused before the service runs is
    first checked for access too, so a login without need-to-know gets its (logged) 403, not a
    form error."""
    if not form.is_valid():
        services.melding_authorise(request.user, melding, handeling, via=_via(request))
    else:
        try:
            bericht = uitvoeren(melding, form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, bericht)
            return redirect("meldingen:detail", pk=melding.pk)
    terug = reverse("meldingen:detail", kwargs={"pk": melding.pk})
    return redirect_with_errors(request, _sessie_sleutel(melding.pk, naam), form, terug)


@require_POST
@access.requires(MELDING, Handeling.SCREENEN)
def melding_beantwoorden(request: HttpRequest, pk: int) -> HttpResponse:
    def uitvoeren(melding: Melding, data: dict[str, Any]) -> str:
        services.melding_answer(
            melding=melding, actor=request.user, via=_via(request), antwoord=data["antwoord"]
        )
        return f"Melding {melding.pk} is direct beantwoord."

    melding = _melding_or_404(pk)
    form = AntwoordForm(request.POST, prefix="beantwoorden")
    return _actie(
        request,
        melding,
        naam="beantwoorden",
        handeling=Handeling.SCREENEN,
        form=form,
        uitvoeren=uitvoeren,
    )


@require_POST
@access.requires(MELDING, Handeling.SCREENEN)
def melding_doorzetten(request: HttpRequest, pk: int) -> HttpResponse:
    def uitvoeren(melding: Melding, data: dict[str, Any]) -> str:
        services.melding_forward(
            melding=melding,
            actor=request.user,
            via=_via(request),
            naar=data["naar"],
            organisatie=data["organisatie"],
            toelichting=data["toelichting"].strip(),
        )
        naar = f"{Doorzetting(data['naar']).label} {data['organisatie']}".strip()
        return f"Melding {melding.pk} is doorgezet naar {naar}."

    melding = _melding_or_404(pk)
    form = DoorzettenForm(request.POST, prefix="doorzetten")
    return _actie(
        request,
        melding,
        naam="doorzetten",
        handeling=Handeling.SCREENEN,
        form=form,
        uitvoeren=uitvoeren,
    )


@require_POST
@access.requires(MELDING, Handeling.SCREENEN)
@access.requires(access.Resource.DOSSIER, Handeling.ZOEKEN)
def melding_identificeren(request: HttpRequest, pk: int) -> HttpResponse:
    melding = _melding_or_404(pk)
    form = IdentificerenForm(request.POST, prefix="identificeren", user=request.user)

    def uitvoeren(melding: Melding, data: dict[str, Any]) -> str:
        services.melding_identify(
            melding=melding, inwoner=form.inwoner, actor=request.user, via=_via(request)
        )
        return f"Melding {melding.pk} hoort nu bij {form.inwoner.naam}."

    return _actie(
        request,
        melding,
        naam="identificeren",
        handeling=Handeling.SCREENEN,
        form=form,
        uitvoeren=uitvoeren,
    )


@require_POST
@access.requires(MELDING, Handeling.TOEWIJZEN)
def melding_toewijzen(request: HttpRequest, pk: int) -> HttpResponse:
    melding = _melding_or_404(pk)
    form = ToewijzenForm(
        request.POST, prefix="toewijzen", melding=melding, vandaag=timezone.localdate()
    )

    def uitvoeren(melding: Melding, data: dict[str, Any]) -> str:
        melding = services.melding_assign(
            melding=melding,
            actor=request.user,
            via=_via(request),
            medewerker=data["medewerker"],
            expertise="" if data["medewerker"] else data["expertise"],
            reden=data["reden"],
        )
        return f"Melding {melding.pk} is toegewezen aan {melding.medewerker} ({melding.team})."

    return _actie(
        request,
        melding,
        naam="toewijzen",
        handeling=Handeling.TOEWIJZEN,
        form=form,
        uitvoeren=uitvoeren,
    )


@require_POST
@access.requires(MELDING, Handeling.OPSCHORTEN)
def melding_opschorten(request: HttpRequest, pk: int) -> HttpResponse:
    def uitvoeren(melding: Melding, data: dict[str, Any]) -> str:
        services.melding_suspend(
            melding=melding,
            actor=request.user,
            via=_via(request),
            van=data["van"],
            reden=data["reden"],
        )
        return f"De termijn van melding {melding.pk} is opgeschort vanaf {_datum(data['van'])}."

    melding = _melding_or_404(pk)
    form = OpschortenForm(request.POST, prefix="opschorten")
    return _actie(
        request,
        melding,
        naam="opschorten",
        handeling=Handeling.OPSCHORTEN,
        form=form,
        uitvoeren=uitvoeren,
    )


@require_POST
@access.requires(MELDING, Handeling.OPSCHORTEN)
def melding_hervatten(request: HttpRequest, pk: int) -> HttpResponse:
    def uitvoeren(melding: Melding, data: dict[str, Any]) -> str:
        opschorting = _open_opschorting(melding)
        if opschorting is None:
            raise ValidationError("De termijn van deze melding is niet opgeschort.")
        melding = services.melding_resume(
            opschorting=opschorting, actor=request.user, via=_via(request), tot=data["tot"]
        )
        return (
            "De opschorting is beëindigd. Het onderzoek moet uiterlijk "
            f"{_datum(melding.onderzoek_uiterlijk)} klaar zijn."
        )

    melding = _melding_or_404(pk)
    form = HervattenForm(request.POST, prefix="hervatten")
    return _actie(
        request,
        melding,
        naam="hervatten",
        handeling=Handeling.OPSCHORTEN,
        form=form,
        uitvoeren=uitvoeren,
    )


@require_POST
@access.requires(MELDING, services.AFSLUITEN)
def melding_afsluiten(request: HttpRequest, pk: int) -> HttpResponse:
    def uitvoeren(melding: Melding, data: dict[str, Any]) -> str:
        services.melding_close(
            melding=melding,
            actor=request.user,
            via=_via(request),
            toelichting=data["toelichting"],
        )
        return f"Melding {melding.pk} is afgesloten."

    melding = _melding_or_404(pk)
    form = AfsluitenForm(request.POST, prefix="afsluiten")
    return _actie(
        request,
        melding,
        naam="afsluiten",
        handeling=services.AFSLUITEN,
        form=form,
        uitvoeren=uitvoeren,
    )


@require_POST
@access.requires(MELDING, Handeling.SCREENEN)
def melding_koppelen(request: HttpRequest, pk: int) -> HttpResponse:
    def uitvoeren(melding: Melding, data: dict[str, Any]) -> str:
        scope = selectors.meldingen_in_scope(request.user)
        bestaande = selectors.melding_get(scope=scope, pk=data["bestaande"])
        if bestaande is None:
            raise ValidationError("Deze melding bestaat niet of valt buiten uw werkgebied.")
        services.melding_link(
            melding=melding, bestaande=bestaande, actor=request.user, via=_via(request)
        )
        return (
            f"Melding {melding.pk} is gekoppeld aan melding {bestaande.pk}: de inwoner vertelt "
            "het verhaal één keer."
        )

    melding = _melding_or_404(pk)
    form = KoppelenForm(request.POST, prefix="koppelen")
    return _actie(
        request,
        melding,
        naam="koppelen",
        handeling=Handeling.SCREENEN,
        form=form,
        uitvoeren=uitvoeren,
    )


# --- worklist ---------------------------------------------------------------------------------


def _keuze(value: str | None, allowed: Any) -> str:
    return value if value and value in allowed else ""


@access.requires(MELDING, Handeling.LEZEN)
def werkvoorraad(request: HttpRequest) -> HttpResponse:
    user = request.user
    medewerker = access.Actor.of(user).medewerker
    vandaag = timezone.localdate()
    teams = list(medewerker.teams.all()) if medewerker else []
    weergaven = {
        "mijn": medewerker is not None,
        "team": bool(teams),
        "alle": access.allows(user, MELDING, Handeling.SCREENEN) or user.is_superuser,
    }
    weergave = request.GET.get("weergave", "")
    # The mid-office's default view is what waits for it — the meldingen to screen — the same
    # list and number as the start page's tile (werkvoorraad_samenvatting); others see their own.
    screener_standaard = (
        not weergave
        and weergaven["alle"]
        and (medewerker is None or access.allows(user, MELDING, Handeling.SCREENEN))
    )
    if screener_standaard:
        weergave = "alle"
    if not weergaven.get(weergave):
        weergave = "mijn" if medewerker is not None else "alle"
    team = None
    if weergave == "team":
        team = next((t for t in teams if str(t.pk) == request.GET.get("team")), teams[0])
    wijken = list(wijken_list(gemeente=medewerker.gemeente)) if medewerker else []
    wijk = _keuze(request.GET.get("wijk"), {str(w.pk) for w in wijken})
    filters = {
        "weergave": weergave,
        "team": str(team.pk) if team else "",
        "wijk": wijk,
        "domein": _keuze(request.GET.get("domein"), Domein.values),
        "status": (
            Status.GEREGISTREERD
            if screener_standaard and "status" not in request.GET
            else _keuze(request.GET.get("status"), Status.values)
        ),
        "stand": _keuze(request.GET.get("stand"), TermijnStand.values),
        "q": request.GET.get("q", "").strip()[:100],
        "sortering": _keuze(request.GET.get("sortering"), selectors.SORTERINGEN) or "termijn",
    }
    arguments = {
        "scope": selectors.meldingen_in_scope(user),
        "vandaag": vandaag,
        "medewerker": medewerker if weergave == "mijn" else None,
        "team": team,
        "wijk_id": int(wijk) if wijk else None,
        "domein": filters["domein"] or None,
        "status": filters["status"] or None,
        "zoek": filters["q"],
        "sortering": filters["sortering"],
    }
    alle_standen = selectors.werkvoorraad(**arguments)
    tellingen = selectors.werkvoorraad_tellingen(alle_standen)
    lijst = (
        selectors.werkvoorraad(**arguments, stand=filters["stand"])
        if filters["stand"]
        else alle_standen
    )
    page = Paginator(lijst, PAGE_SIZE).get_page(request.GET.get("pagina"))
    for melding in page.object_list:
        melding.stand_label = TermijnStand(melding.stand).label
    # The rows show who each melding is about: logged as read, in one INSERT.
    access.log_shown(
        user,
        [m.inwoner_id for m in page.object_list if m.inwoner_id],
        resource=MELDING,
        via=_via(request),
    )

    def query(**changes: str) -> str:
        return urlencode({k: v for k, v in {**filters, **changes}.items() if v})

    context = {
        "page": page,
        "filters": filters,
        "weergaven": [
            (key, label, f"?{urlencode({'weergave': key})}")
            for key, label in WEERGAVEN.items()
            if weergaven[key]
        ],
        "weergave_label": (
            "Te screenen"
            if weergave == "alle" and filters["status"] == Status.GEREGISTREERD
            else WEERGAVEN[weergave]
        ),
        "teams": teams,
        "team": team,
        "wijken": wijken,
        "domeinen": Domein.choices,
        "statussen": Status.choices,
        "standen": [
            (stand.value, stand.label, tellingen[stand.value], f"?{query(stand=stand.value)}")
            for stand in TermijnStand
        ],
        "totaal": sum(tellingen.values()),
        "sorteringen": [
            ("termijn", "Termijn, kortste eerst"),
            ("-termijn", "Termijn, langste eerst"),
            ("ontvangen", "Ontvangen, oudste eerst"),
            ("-ontvangen", "Ontvangen, nieuwste eerst"),
            ("wijk", "Wijk"),
        ],
        "kolommen": _sorteerkolommen(filters["sortering"], query),
        "zonder_stand": f"?{query(stand='')}",
        "pagina_query": query(),
        "notificaties": (
            list(selectors.notificaties_open(medewerker=medewerker)[:10]) if medewerker else []
        ),
    }
    template = (
        "meldingen/_werkvoorraad_lijst.html"
        if request.htmx and request.htmx.target == "lijst"
        else "meldingen/werkvoorraad.html"
    )
    return render(request, template, context)


def _sorteerkolommen(sortering: str, query: Callable[..., str]) -> dict[str, dict[str, str]]:
    """Column header links: a click sorts on that column; a second click reverses it."""
    kolommen = {}
    for kolom, sleutel in (("ontvangen", "ontvangen"), ("termijn", "termijn"), ("wijk", "wijk")):
        actief = sortering.lstrip("-") == sleutel
        aflopend = sortering.startswith("-")
        volgende = (
            f"-{sleutel}"
            if actief and not aflopend and f"-{sleutel}" in (selectors.SORTERINGEN)
            else sleutel
        )
        kolommen[kolom] = {
            "href": f"?{query(sortering=volgende, pagina='')}",
            "aria_sort": ("descending" if aflopend else "ascending") if actief else "",
        }
    return kolommen


@access.requires(MELDING, Handeling.LEZEN)
def werkvoorraad_samenvatting(request: HttpRequest) -> HttpResponse:
    """htmx fragment for the home page tile: how many open meldingen per deadline state."""
    medewerker = access.Actor.of(request.user).medewerker
    screener = access.allows(request.user, MELDING, Handeling.SCREENEN) or medewerker is None
    qs = selectors.werkvoorraad(
        scope=selectors.meldingen_in_scope(request.user),
        vandaag=timezone.localdate(),
        medewerker=None if screener else medewerker,
        status=Status.GEREGISTREERD if screener else None,
    )
    tellingen = selectors.werkvoorraad_tellingen(qs)
    query = {"weergave": "alle", "status": Status.GEREGISTREERD} if screener else {}
    context = {
        "screener": screener,
        "totaal": sum(tellingen.values()),
        "verlopen": tellingen[TermijnStand.VERLOPEN],
        "bijna": tellingen[TermijnStand.BIJNA_VERLOPEN],
        "href": reverse("meldingen:werkvoorraad") + (f"?{urlencode(query)}" if query else ""),
    }
    return render(request, "meldingen/_samenvatting.html", context)
