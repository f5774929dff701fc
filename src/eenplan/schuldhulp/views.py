"""Staff pages of debt help (issue 14): the debt questions within the login's need-to-know, the
signals of payment arrears (vroegsignalering) with their contact attempts, and a resident's debt
page with the terms, the triage, the route and the toelating.

Access as on every page: the role by `@access.requires`, need-to-know on the resident with
`access.require` (logged), and the services again. A refused POST redirects back with its input
and messages (`web.prg`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from eenplan.common.concurrency import Conflict
from eenplan.inwoners.models import Inwoner
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource
from eenplan.schuldhulp import opzoeken, selectors, services
from eenplan.schuldhulp.forms import (
    AanmeldForm,
    ContactForm,
    FaseForm,
    SignaalForm,
    ToelatingForm,
    TriageForm,
)
from eenplan.schuldhulp.models import Schuldvraag, Vroegsignaal
from eenplan.web.forms import add_service_errors, inwoner_by_bsn
from eenplan.web.parameters import allowed_parameters
from eenplan.web.prg import form_from_session, redirect_with_errors

PAGINA = 25
R = Resource.SCHULDHULP


def _via(request: HttpRequest) -> access.Via:
    return access.Via.request(request)


def _open(request: HttpRequest, action: Action, inwoner: Inwoner) -> None:
    """Need-to-know on the resident as loaded with the record (its wijk and municipality then
    decide the scope and the log row without a query of their own)."""
    access.require(
        request.user,
        R,
        action,
        via=_via(request),
        inwoner=inwoner,
        doel=access.RULES[(R, action)].doel,
    )


@access.requires(R, Action.LEZEN)
@allowed_parameters("pagina")
def overzicht(request: HttpRequest) -> HttpResponse:
    """The debt questions within the login's need-to-know, newest first, with their terms."""
    page = Paginator(selectors.schuldvragen_in_scope(request.user), PAGINA).get_page(
        request.GET.get("pagina")
    )
    access.log_shown(
        request.user,
        [v.inwoner_id for v in page.object_list],
        gemeenten={v.inwoner_id: v.inwoner.gemeente_id for v in page.object_list},
        resource=R,
        doel=access.RULES[(R, Action.LEZEN)].doel,
        via=_via(request),
    )
    vandaag = timezone.localdate()
    rijen = [(v, selectors.termijnstand(v, vandaag)) for v in page.object_list]
    return render(request, "schuldhulp/overzicht.html", {"page": page, "rijen": rijen})


@access.requires(R, Action.LEZEN)
@allowed_parameters("pagina")
def signalen(request: HttpRequest) -> HttpResponse:
    """The signals of payment arrears within the login's need-to-know, with contact attempts."""
    page = Paginator(selectors.signalen_in_scope(request.user), PAGINA).get_page(
        request.GET.get("pagina")
    )
    access.log_shown(
        request.user,
        [s.inwoner_id for s in page.object_list],
        gemeenten={s.inwoner_id: s.inwoner.gemeente_id for s in page.object_list},
        resource=R,
        doel=access.RULES[(R, Action.LEZEN)].doel,
        via=_via(request),
    )
    return render(request, "schuldhulp/signalen.html", {"page": page})


@require_http_methods(["GET", "POST"])
@access.requires(R, Action.AANMAKEN)
def signaal_nieuw(request: HttpRequest) -> HttpResponse:
    """Register a signal of payment arrears of a resident (found by BSN): it becomes a melding
    at the front door."""
    status = 200
    if request.method == "GET":
        form = SignaalForm(prefix="signaal")
    else:
        form = SignaalForm(request.POST, prefix="signaal")
        if form.is_valid():
            data = dict(form.cleaned_data)
            try:
                inwoner = inwoner_by_bsn(request.user, data.pop("bsn"))
                _open(request, Action.AANMAKEN, inwoner)
                signaal = services.signaal_registreren(
                    actor=request.user, inwoner=inwoner, via=_via(request), **data
                )
            except ValidationError as exc:
                if not hasattr(exc, "error_dict"):
                    exc = ValidationError({"bsn": exc.messages})
                add_service_errors(form, exc, {"inwoner": "bsn"})
            else:
                messages.success(
                    request,
                    f"Het signaal is vastgelegd en staat als melding {signaal.melding_id} bij "
                    "de voordeur. Zoek contact met de inwoner om hulp aan te bieden "
                    "(Wgs art. 3b).",
                )
                return redirect("schuldhulp:inwoner", pk=signaal.inwoner_id)
        status = 400
    return render(request, "schuldhulp/signaal_nieuw.html", {"form": form}, status=status)


def _post(
    request: HttpRequest,
    *,
    key: str,
    form: Form,
    terug: str,
    actie: Callable[[], Any],
    gelukt: str,
) -> HttpResponse:
    """One POST of a page: validate the form, call the service, redirect back (also when
    refused, with the input and the messages kept)."""
    if form.is_valid():
        try:
            actie()
        except (ValidationError, Conflict) as exc:
            add_service_errors(
                form, exc if isinstance(exc, ValidationError) else ValidationError(exc.messages)
            )
        else:
            messages.success(request, gelukt)
            return redirect(terug)
    return redirect_with_errors(request, key, form, terug)


@require_POST
@access.requires(R, Action.WIJZIGEN)
def contact(request: HttpRequest, pk: int) -> HttpResponse:
    signaal = opzoeken.signaal(request.user, pk, Action.WIJZIGEN, via=_via(request))
    _open(request, Action.WIJZIGEN, signaal.inwoner)
    form = ContactForm(request.POST, prefix=f"contact-{pk}")
    return _post(
        request,
        key=f"contact-{pk}",
        form=form,
        terug=reverse("schuldhulp:inwoner", args=[signaal.inwoner_id]),
        actie=lambda: services.contact_vastleggen(
            actor=request.user, signaal=signaal, via=_via(request), **form.cleaned_data
        ),
        gelukt="De contactpoging is vastgelegd.",
    )


def _inwoner(request: HttpRequest, pk: int) -> Inwoner:
    return access.get_or_refuse(
        request.user,
        R,
        Action.LEZEN,
        via=_via(request),
        pk=pk,
        zoek=lambda gemeente_id: Inwoner.objects.filter(pk=pk, gemeente_id=gemeente_id).first(),
        wat="Inwoner",
        niet_gevonden="Deze inwoner bestaat niet.",
    )


def _signaal_keuzes(signalen: list[Vroegsignaal]) -> list[tuple[int, str]]:
    return [
        (s.pk, f"{s.get_schuldeiser_soort_display()} van {s.ontvangen_op:%d-%m-%Y}")
        for s in signalen
    ]


@access.requires(R, Action.LEZEN)
def inwoner(request: HttpRequest, pk: int) -> HttpResponse:
    """A resident's debt page: the signals with their contact attempts, and the debt questions
    with their terms, triage, route and toelating (and the forms for the next step)."""
    persoon = _inwoner(request, pk)
    _open(request, Action.LEZEN, persoon)
    vandaag = timezone.localdate()
    signalen_lijst = list(selectors.signalen_van(persoon.pk, persoon.gemeente_id))
    vragen = list(selectors.schuldvragen_van(persoon.pk, persoon.gemeente_id))
    lopend = next((v for v in vragen if v.afgerond_op is None), None)

    def form(key: str, cls: type[Form], **kwargs: Any) -> Form:
        return form_from_session(request, key, cls, prefix=key, **kwargs) or cls(
            prefix=key, **kwargs
        )

    context = {
        "inwoner": persoon,
        "signalen": [(s, form(f"contact-{s.pk}", ContactForm)) for s in signalen_lijst],
        "vragen": [(v, selectors.termijnstand(v, vandaag)) for v in vragen],
        "lopend": lopend,
        "mag_wijzigen": access.allows(request.user, R, Action.WIJZIGEN),
        "mag_beslissen": access.allows(request.user, R, Action.BESLISSEN),
        "aanmeld_form": form(
            f"aanmelden-{pk}", AanmeldForm, signalen=_signaal_keuzes(signalen_lijst)
        ),
        "triage_form": form(f"triage-{lopend.pk}", TriageForm) if lopend else None,
        "fase_form": form(f"fase-{lopend.pk}", FaseForm) if lopend else None,
        "toelating_form": form(f"toelating-{lopend.pk}", ToelatingForm) if lopend else None,
    }
    return render(request, "schuldhulp/inwoner.html", context)


@require_POST
@access.requires(R, Action.AANMAKEN)
def aanmelden(request: HttpRequest, pk: int) -> HttpResponse:
    persoon = _inwoner(request, pk)
    _open(request, Action.AANMAKEN, persoon)
    signalen_lijst = list(selectors.signalen_van(persoon.pk, persoon.gemeente_id))
    form = AanmeldForm(
        request.POST, prefix=f"aanmelden-{pk}", signalen=_signaal_keuzes(signalen_lijst)
    )

    def actie() -> Schuldvraag:
        data = dict(form.cleaned_data)
        signaal_id = data.pop("signaal")
        signaal = next((s for s in signalen_lijst if s.pk == signaal_id), None)
        return services.schuldvraag_aanmelden(
            actor=request.user, inwoner=persoon, signaal=signaal, via=_via(request), **data
        )

    return _post(
        request,
        key=f"aanmelden-{pk}",
        form=form,
        terug=reverse("schuldhulp:inwoner", args=[pk]),
        actie=actie,
        gelukt="Het verzoek om schuldhulp is geregistreerd; plan het eerste gesprek binnen de "
        "termijn (Wgs art. 4).",
    )


def _vraag(request: HttpRequest, pk: int, action: Action) -> Schuldvraag:
    vraag = opzoeken.schuldvraag(request.user, pk, action, via=_via(request))
    _open(request, action, vraag.inwoner)
    return vraag


@require_POST
@access.requires(R, Action.WIJZIGEN)
def triage(request: HttpRequest, pk: int) -> HttpResponse:
    vraag = _vraag(request, pk, Action.WIJZIGEN)
    form = TriageForm(request.POST, prefix=f"triage-{pk}")
    return _post(
        request,
        key=f"triage-{pk}",
        form=form,
        terug=reverse("schuldhulp:inwoner", args=[vraag.inwoner_id]),
        actie=lambda: services.triage_vastleggen(
            actor=request.user, vraag=vraag, via=_via(request), **form.cleaned_data
        ),
        gelukt="De triage is vastgelegd.",
    )


@require_POST
@access.requires(R, Action.WIJZIGEN)
def fase(request: HttpRequest, pk: int) -> HttpResponse:
    vraag = _vraag(request, pk, Action.WIJZIGEN)
    form = FaseForm(request.POST, prefix=f"fase-{pk}")
    return _post(
        request,
        key=f"fase-{pk}",
        form=form,
        terug=reverse("schuldhulp:inwoner", args=[vraag.inwoner_id]),
        actie=lambda: services.fase_vastleggen(
            actor=request.user, vraag=vraag, via=_via(request), **form.cleaned_data
        ),
        gelukt="De route is bijgewerkt.",
    )


@require_POST
@access.requires(R, Action.BESLISSEN)
def toelating(request: HttpRequest, pk: int) -> HttpResponse:
    vraag = _vraag(request, pk, Action.BESLISSEN)
    form = ToelatingForm(request.POST, prefix=f"toelating-{pk}")
    return _post(
        request,
        key=f"toelating-{pk}",
        form=form,
        terug=reverse("schuldhulp:inwoner", args=[vraag.inwoner_id]),
        actie=lambda: services.toelating_beslissen(
            actor=request.user, vraag=vraag, via=_via(request), **form.cleaned_data
        ),
        gelukt="De beschikking over de toelating is vastgelegd (Wgs art. 4a).",
    )
