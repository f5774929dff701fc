"""The staff side of representation (issue 13): a staff member whose role may
(`access.RULES[(machtiging, ...)]`, within need-to-know) records on behalf of a resident a
wettelijk vertegenwoordiger (mentor, curator: a court decision) or a machtiging the resident
signed on paper, and ends it. Every decision is taken and logged by `privacy.access`. Address:
`/inwoners/<id>/vertegenwoordiging/`, beside the resident's dossier."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from eenplan.inwoners.constants import NetwerkSoort
from eenplan.inwoners.models import Inwoner, Netwerkpersoon
from eenplan.portaal import selectors, services
from eenplan.portaal.forms import VertegenwoordigingForm
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource
from eenplan.privacy.models import Machtiging
from eenplan.web.forms import add_service_errors
from eenplan.web.prg import form_from_session, redirect_with_errors


def _inwoner(request: HttpRequest, inwoner_id: int, action: Action) -> Inwoner:
    access.gemeente_van(request)  # a login without a municipality: refused (403, logged)
    via = access.Via.request(request)
    inwoner = selectors.vertegenwoordigde(request.user, inwoner_id, action, via=via)
    access.require(request.user, Resource.MACHTIGING, action, via=via, inwoner=inwoner)
    return inwoner


def _terug(inwoner: Inwoner) -> str:
    return reverse("vertegenwoordiging", kwargs={"inwoner_id": inwoner.pk})


@access.requires(Resource.MACHTIGING, Action.LEZEN, per_record=True)
def vertegenwoordiging(request: HttpRequest, inwoner_id: int) -> HttpResponse:
    """Who may act for this resident: wettelijke vertegenwoordigers and machtigingen, with the
    form to record one and a button to end each."""
    inwoner = _inwoner(request, inwoner_id, Action.LEZEN)
    form = form_from_session(
        request, f"vertegenwoordiging-{inwoner_id}", VertegenwoordigingForm
    ) or VertegenwoordigingForm(initial={"van": timezone.localdate()})
    return render(
        request,
        "portaal/medewerker/vertegenwoordiging.html",
        {
            "inwoner": inwoner,
            "wettelijk": selectors.wettelijke_vertegenwoordigers(inwoner),
            "machtigingen": selectors.machtigingen_gegeven(inwoner),
            "form": form,
            "mag_wijzigen": access.allows(request.user, Resource.MACHTIGING, Action.WIJZIGEN),
            "vandaag": timezone.localdate(),
        },
    )


@access.requires(Resource.MACHTIGING, Action.WIJZIGEN, per_record=True)
@require_POST
def vastleggen(request: HttpRequest, inwoner_id: int) -> HttpResponse:
    inwoner = _inwoner(request, inwoner_id, Action.WIJZIGEN)
    form = VertegenwoordigingForm(request.POST)
    if form.is_valid():
        try:
            vastgelegd = services.vertegenwoordiging_vastleggen(
                actor=request.user,
                inwoner=inwoner,
                via=access.Via.request(request),
                **form.cleaned_data,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            naam = (
                vastgelegd.naam
                if isinstance(vastgelegd, Netwerkpersoon)
                else vastgelegd.gemachtigde.naam
            )
            messages.success(
                request, f"Vastgelegd: {naam} mag voor {inwoner.naam} handelen in Mijn zaak."
            )
            return redirect(_terug(inwoner))
    return redirect_with_errors(
        request, f"vertegenwoordiging-{inwoner_id}", form, _terug(inwoner)
    )


def _beeindigen(
    request: HttpRequest,
    inwoner: Inwoner,
    *,
    wettelijk: Netwerkpersoon | None = None,
    machtiging: Machtiging | None = None,
) -> HttpResponse:
    if wettelijk is None and machtiging is None:
        raise Http404("Deze vertegenwoordiging bestaat niet bij deze inwoner.")
    try:
        services.vertegenwoordiging_beeindigen(
            actor=request.user,
            inwoner=inwoner,
            wettelijk=wettelijk,
            machtiging=machtiging,
            op=timezone.localdate(),
            via=access.Via.request(request),
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, "Beëindigd. Deze persoon kan niet meer voor de inwoner handelen.")
    return redirect(_terug(inwoner))


@access.requires(Resource.MACHTIGING, Action.WIJZIGEN, per_record=True)
@require_POST
def wettelijk_beeindigen(request: HttpRequest, inwoner_id: int, pk: int) -> HttpResponse:
    """End a wettelijke vertegenwoordiging: today is its last day; the record stays."""
    inwoner = _inwoner(request, inwoner_id, Action.WIJZIGEN)
    gevonden = Netwerkpersoon.objects.filter(
        pk=pk, inwoner=inwoner, soort=NetwerkSoort.VERTEGENWOORDIGER
    ).first()
    return _beeindigen(request, inwoner, wettelijk=gevonden)


@access.requires(Resource.MACHTIGING, Action.WIJZIGEN, per_record=True)
@require_POST
def machtiging_intrekken(request: HttpRequest, inwoner_id: int, pk: int) -> HttpResponse:
    """Withdraw a machtiging of this resident from today; the record stays."""
    inwoner = _inwoner(request, inwoner_id, Action.WIJZIGEN)
    gevonden = Machtiging.objects.filter(pk=pk, inwoner=inwoner).first()
    return _beeindigen(request, inwoner, machtiging=gevonden)
