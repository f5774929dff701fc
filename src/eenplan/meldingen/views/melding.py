"""One melding: the page with its history and deadline, and its screening, assignment,
suspension and closing actions (POST/redirect/GET, also after a refusal)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from eenplan.meldingen import selectors, services
from eenplan.meldingen.constants import (
    OPEN_STATUSSEN,
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
    OpschortenForm,
    ToewijzenForm,
)
from eenplan.meldingen.models import Melding, Opschorting
from eenplan.meldingen.views._shared import MELDING, Handeling, _datum, _via
from eenplan.privacy import access
from eenplan.rules.termijnen import TermijnStatus
from eenplan.web.forms import add_service_errors
from eenplan.web.prg import form_from_session, redirect_with_errors

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


def _melding_or_404(request: HttpRequest, pk: int, handeling: access.Action) -> Melding:
    """The melding within the login's municipality, without the need-to-know scope (access is
    decided after): another municipality's is a 404 like one that does not exist, the refusal
    logged (`access.get_or_refuse`, ADR 0046)."""
    return access.get_or_refuse(
        request.user,
        MELDING,
        handeling,
        via=_via(request),
        pk=pk,
        zoek=lambda gemeente_id: selectors.melding_get(
            scope=selectors.binnen_gemeente(gemeente_id), pk=pk
        ),
        wat="Melding",
        niet_gevonden="Deze melding bestaat niet.",
    )


def _melding_read(request: HttpRequest, pk: int) -> Melding:
    """The melding if this login may read it (role and the need-to-know of its resident, or a
    screener for a person not identified yet): the read is logged; else 403 with the reason,
    logged as refused."""
    melding = _melding_or_404(request, pk, Handeling.LEZEN)
    access.require_object(
        request.user,
        MELDING,
        Handeling.LEZEN,
        via=access.Via.request(request),
        inwoner=melding.inwoner if melding.inwoner_id else None,
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


def _detail(request: HttpRequest, pk: int) -> HttpResponse:
    melding = _melding_read(request, pk)
    vandaag = timezone.localdate()
    acties = _acties(request, melding)
    forms, fout_actie = _forms(request, melding, vandaag, acties)
    gebeurtenissen = list(melding.gebeurtenissen.all())
    for gebeurtenis in gebeurtenissen:
        gebeurtenis.label = GEBEURTENISSEN.get(gebeurtenis.soort, gebeurtenis.soort.capitalize())
    stand = melding.stand  # the worklists' SQL expression, annotated by selectors.melding_get
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


def _actie(
    request: HttpRequest,
    pk: int,
    *,
    naam: str,
    handeling: access.Action,
    uitvoeren: Callable[[Melding, Form], str],
) -> HttpResponse:
    """Run one action on melding `pk` with its form `naam` (`_form_classes`): parse the form,
    call the service through `uitvoeren` (which decides access and logs it),
    report; on a refusal go back to the melding with the Dutch message next to the form
    (POST/redirect/GET; the service changed nothing). Input refused before the service runs is
    first checked for access too, so a login without need-to-know gets its (logged) 403, not a
    form error."""
    melding = _melding_or_404(request, pk, handeling)
    form_class, kwargs = _form_classes(request, melding, timezone.localdate())[naam]
    form = form_class(request.POST, prefix=naam, **kwargs)
    if not form.is_valid():
        services.melding_authorise(request.user, melding, handeling, via=_via(request))
    else:
        try:
            bericht = uitvoeren(melding, form)
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
    def uitvoeren(melding: Melding, form: Form) -> str:
        data = form.cleaned_data
        services.melding_answer(
            melding=melding, actor=request.user, via=_via(request), antwoord=data["antwoord"]
        )
        return f"Melding {melding.pk} is direct beantwoord."

    return _actie(
        request, pk, naam="beantwoorden", handeling=Handeling.SCREENEN, uitvoeren=uitvoeren
    )


@require_POST
@access.requires(MELDING, Handeling.SCREENEN)
def melding_doorzetten(request: HttpRequest, pk: int) -> HttpResponse:
    def uitvoeren(melding: Melding, form: Form) -> str:
        data = form.cleaned_data
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

    return _actie(request, pk, naam="doorzetten", handeling=Handeling.SCREENEN, uitvoeren=uitvoeren)


@require_POST
@access.requires(MELDING, Handeling.SCREENEN)
@access.requires(access.Resource.DOSSIER, Handeling.ZOEKEN)
def melding_identificeren(request: HttpRequest, pk: int) -> HttpResponse:
    def uitvoeren(melding: Melding, form: Form) -> str:
        services.melding_identify(
            melding=melding, inwoner=form.inwoner, actor=request.user, via=_via(request)
        )
        return f"Melding {melding.pk} hoort nu bij {form.inwoner.naam}."

    return _actie(
        request, pk, naam="identificeren", handeling=Handeling.SCREENEN, uitvoeren=uitvoeren
    )


@require_POST
@access.requires(MELDING, Handeling.TOEWIJZEN)
def melding_toewijzen(request: HttpRequest, pk: int) -> HttpResponse:
    def uitvoeren(melding: Melding, form: Form) -> str:
        data = form.cleaned_data
        melding = services.melding_assign(
            melding=melding,
            actor=request.user,
            via=_via(request),
            medewerker=data["medewerker"],
            expertise="" if data["medewerker"] else data["expertise"],
            reden=data["reden"],
        )
        return f"Melding {melding.pk} is toegewezen aan {melding.medewerker} ({melding.team})."

    return _actie(request, pk, naam="toewijzen", handeling=Handeling.TOEWIJZEN, uitvoeren=uitvoeren)


@require_POST
@access.requires(MELDING, Handeling.OPSCHORTEN)
def melding_opschorten(request: HttpRequest, pk: int) -> HttpResponse:
    def uitvoeren(melding: Melding, form: Form) -> str:
        data = form.cleaned_data
        services.melding_suspend(
            melding=melding,
            actor=request.user,
            via=_via(request),
            van=data["van"],
            reden=data["reden"],
        )
        return f"De termijn van melding {melding.pk} is opgeschort vanaf {_datum(data['van'])}."

    return _actie(
        request, pk, naam="opschorten", handeling=Handeling.OPSCHORTEN, uitvoeren=uitvoeren
    )


@require_POST
@access.requires(MELDING, Handeling.OPSCHORTEN)
def melding_hervatten(request: HttpRequest, pk: int) -> HttpResponse:
    def uitvoeren(melding: Melding, form: Form) -> str:
        data = form.cleaned_data
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

    return _actie(
        request, pk, naam="hervatten", handeling=Handeling.OPSCHORTEN, uitvoeren=uitvoeren
    )


@require_POST
@access.requires(MELDING, services.AFSLUITEN)
def melding_afsluiten(request: HttpRequest, pk: int) -> HttpResponse:
    def uitvoeren(melding: Melding, form: Form) -> str:
        data = form.cleaned_data
        services.melding_close(
            melding=melding,
            actor=request.user,
            via=_via(request),
            toelichting=data["toelichting"],
        )
        return f"Melding {melding.pk} is afgesloten."

    return _actie(request, pk, naam="afsluiten", handeling=services.AFSLUITEN, uitvoeren=uitvoeren)


@require_POST
@access.requires(MELDING, Handeling.SCREENEN)
def melding_koppelen(request: HttpRequest, pk: int) -> HttpResponse:
    def uitvoeren(melding: Melding, form: Form) -> str:
        data = form.cleaned_data
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

    return _actie(request, pk, naam="koppelen", handeling=Handeling.SCREENEN, uitvoeren=uitvoeren)
