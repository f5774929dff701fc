"""Staff pages of purpose-bound sharing: a household's exchanges (ask, answer the five
questions, choose categories, approve, veto, end), what an exchange shares with its
recipient, the gezinscoach's own households and delivery notes, and the council's figures.
Every page asks `privacy.access`; writes go through `uitwisseling.services` and come back
to the page with the message (POST/redirect/GET)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from eenplan.common.concurrency import Conflict
from eenplan.gemeente import roles
from eenplan.gemeente.models import Medewerker
from eenplan.inwoners.models import Huishouden
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource
from eenplan.privacy.models import Toestemming
from eenplan.rules import uitwisseling as regels
from eenplan.uitwisseling import opzoeken, selectors, services
from eenplan.uitwisseling.constants import Categorie, Status
from eenplan.uitwisseling.forms import (
    NotitieForm,
    PeriodeForm,
    RedenForm,
    UitvoerderForm,
    UitwisselingForm,
)
from eenplan.uitwisseling.models import ANTWOORDEN, Uitvoering, Uitwisseling
from eenplan.web.forms import add_service_errors

R, A = Resource, Action


def _via(request: HttpRequest) -> access.Via:
    return access.Via.request(request)


def _huishouden(
    request: HttpRequest, huishouden_id: int, handeling: Action, resource: Resource = R.UITWISSELING
) -> Huishouden:
    gevonden = opzoeken.huishouden(
        request.user, huishouden_id, handeling, via=_via(request), resource=resource
    )
    access.require(request.user, resource, handeling, via=_via(request), huishouden=gevonden.pk)
    return gevonden


def _uitwisseling(request: HttpRequest, pk: int, handeling: Action) -> Uitwisseling:
    gevonden = opzoeken.uitwisseling(request.user, pk, handeling, via=_via(request))
    access.require(
        request.user,
        R.UITWISSELING,
        handeling,
        via=_via(request),
        huishouden=gevonden.huishouden_id,
    )
    return gevonden


def _ontvangers(huishouden: Huishouden) -> QuerySet[Medewerker]:
    """Logins that can receive shared data: active staff of the municipality whose role reads
    what an exchange shares (the service refuses one inside the holding team)."""
    codename = roles.GEDEELD_LEZEN.split(".")[1]
    return (
        Medewerker.objects.filter(
            gemeente_id=huishouden.gemeente_id,
            user__is_active=True,
            user__groups__permissions__codename=codename,
        )
        .select_related("user")
        .distinct()
        .order_by("user__last_name", "user__first_name")
    )


def _toestemmingen(huishouden: Huishouden) -> QuerySet[Toestemming]:
    leden = access.huidige_leden(huishouden.pk).values("inwoner_id")
    vandaag = timezone.localdate()
    return (
        Toestemming.objects.filter(inwoner_id__in=leden)
        .filter(Q(ingetrokken_op__isnull=True) | Q(ingetrokken_op__gt=vandaag))
        .select_related("inwoner")
    )


# --- a household's exchanges ----------------------------------------------------------------


@access.requires(R.UITWISSELING, A.LEZEN, per_record=True)
def huishouden(request: HttpRequest, huishouden_id: int) -> HttpResponse:
    """The household's exchanges (newest first) and who delivers youth care to it."""
    gevonden = _huishouden(request, huishouden_id, A.LEZEN)
    return render(
        request,
        "uitwisseling/huishouden.html",
        {
            "huishouden": gevonden,
            "uitwisselingen": selectors.uitwisselingen_van_huishouden(gevonden),
            "in_dossier": [
                Categorie(c).label
                for c in regels.CATEGORIEEN
                if c in selectors.categorieen_in_dossier(gevonden)
            ],
            "uitvoeringen": selectors.uitvoeringen_van_huishouden(gevonden),
            "mag_vragen": access.allows(request.user, R.UITWISSELING, A.AANMAKEN),
            "mag_toewijzen": access.allows(request.user, R.UITVOERING, A.TOEWIJZEN),
            "uitvoerder_form": UitvoerderForm(gemeente_id=gevonden.gemeente_id),
        },
    )


@access.requires(R.UITWISSELING, A.AANMAKEN, per_record=True)
def nieuw(request: HttpRequest, huishouden_id: int) -> HttpResponse:
    """Ask for an exchange: the recipient, the categories, the five questions, the legal
    basis and the period. Refused input is shown again with every message; nothing saved."""
    gevonden = _huishouden(request, huishouden_id, A.AANMAKEN)
    vorige = None
    vorige_id = request.POST.get("vorige") or request.GET.get("vorige")
    if vorige_id and str(vorige_id).isdigit():
        vorige = Uitwisseling.objects.filter(
            pk=int(vorige_id), huishouden=gevonden, gemeente_id=gevonden.gemeente_id
        ).first()
    initial: dict[str, Any] = {}
    if vorige is not None:
        initial = {
            "vorige": vorige.pk,
            "ontvanger_soort": vorige.ontvanger_soort,
            "ontvanger_naam": vorige.ontvanger_naam,
            "ontvanger_medewerker": vorige.ontvanger_medewerker_id,
            "categorieen": vorige.categorieen,
            "doelsoort": vorige.doelsoort,
            "grondslag": vorige.grondslag,
        }
    form = UitwisselingForm(
        request.POST or None,
        initial=initial,
        medewerkers=_ontvangers(gevonden),
        toestemmingen=_toestemmingen(gevonden),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            uitwisseling = services.uitwisseling_vraag(
                door=request.user,
                huishouden=gevonden,
                ontvanger_soort=data["ontvanger_soort"],
                ontvanger_naam=data["ontvanger_naam"],
                ontvanger_medewerker=data["ontvanger_medewerker"],
                categorieen=data["categorieen"],
                doelsoort=data["doelsoort"],
                antwoorden={veld: data[veld] for veld in ANTWOORDEN},
                grondslag=data["grondslag"],
                toestemming=data["toestemming"],
                van=data["van"],
                tot=data["tot"],
                vorige=vorige,
                via=_via(request),
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request,
                "De uitwisseling is aangevraagd. Er wordt nog niets gedeeld: eerst beslist een "
                "professional (goedkeuren of weigeren).",
            )
            return redirect("uitwisseling:detail", uitwisseling.pk)
    return render(
        request,
        "uitwisseling/nieuw.html",
        {
            "huishouden": gevonden,
            "form": form,
            "vorige": vorige,
            "in_dossier": [
                Categorie(c).label
                for c in regels.CATEGORIEEN
                if c in selectors.categorieen_in_dossier(gevonden)
            ],
        },
    )


@access.requires(R.UITWISSELING, A.LEZEN, per_record=True)
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One exchange: its answers, categories, basis, period, state and who read it; the
    decision (approve or refuse) while it is asked; ending it while it runs."""
    uitwisseling = _uitwisseling(request, pk, A.LEZEN)
    open_ = uitwisseling.status == Status.AANGEVRAAGD
    return render(
        request,
        "uitwisseling/detail.html",
        {
            "u": uitwisseling,
            "huishouden": uitwisseling.huishouden,
            "antwoorden": [(vraag, getattr(uitwisseling, veld)) for veld, vraag in regels.VRAGEN],
            "categorieen": [Categorie(c).label for c in uitwisseling.categorieen],
            "inzages": selectors.inzages(uitwisseling),
            "opnieuw": uitwisseling.opnieuw.filter(gemeente_id=uitwisseling.gemeente_id),
            "mag_goedkeuren": open_ and access.allows(request.user, R.UITWISSELING, A.BESLISSEN),
            "mag_weigeren": open_ and access.allows(request.user, R.UITWISSELING, A.WEIGEREN),
            "mag_beeindigen": uitwisseling.status in (Status.AANGEVRAAGD, Status.GOEDGEKEURD)
            and access.allows(request.user, R.UITWISSELING, A.WIJZIGEN),
            "mag_opnieuw": uitwisseling.status in (Status.GEWEIGERD, Status.BEEINDIGD)
            and access.allows(request.user, R.UITWISSELING, A.AANMAKEN),
            "reden_form": RedenForm(),
        },
    )


def _besluit(request: HttpRequest, pk: int, handeling: Action, actie: Any, gelukt: str) -> Any:
    uitwisseling = _uitwisseling(request, pk, handeling)
    try:
        actie(uitwisseling)
    except (ValidationError, Conflict) as exc:
        for tekst in exc.messages:
            messages.error(request, tekst)
    else:
        messages.success(request, gelukt)
    return redirect("uitwisseling:detail", uitwisseling.pk)


@require_POST
@access.requires(R.UITWISSELING, A.BESLISSEN, per_record=True)
def goedkeuren(request: HttpRequest, pk: int) -> HttpResponse:
    return _besluit(
        request,
        pk,
        A.BESLISSEN,
        lambda u: services.uitwisseling_goedkeuren(
            door=request.user, uitwisseling=u, via=_via(request)
        ),
        "De uitwisseling is goedgekeurd: de ontvanger ziet nu alleen de gekozen gegevens, "
        "alleen in de periode.",
    )


@require_POST
@access.requires(R.UITWISSELING, A.WEIGEREN, per_record=True)
def weigeren(request: HttpRequest, pk: int) -> HttpResponse:
    """The secrecy veto: refused for good, with the reason."""
    return _besluit(
        request,
        pk,
        A.WEIGEREN,
        lambda u: services.uitwisseling_weigeren(
            door=request.user,
            uitwisseling=u,
            reden=request.POST.get("reden", ""),
            via=_via(request),
        ),
        "De uitwisseling is geweigerd. Er wordt niets gedeeld; niemand kan dit terugdraaien.",
    )


@require_POST
@access.requires(R.UITWISSELING, A.WIJZIGEN, per_record=True)
def beeindigen(request: HttpRequest, pk: int) -> HttpResponse:
    return _besluit(
        request,
        pk,
        A.WIJZIGEN,
        lambda u: services.uitwisseling_beeindigen(
            door=request.user,
            uitwisseling=u,
            reden=request.POST.get("reden", ""),
            via=_via(request),
        ),
        "De uitwisseling is beëindigd: de ontvanger ziet niets meer.",
    )


# --- what is shared with me -----------------------------------------------------------------


@access.requires(R.GEDEELD, A.LEZEN)
def ontvangen(request: HttpRequest) -> HttpResponse:
    """The exchanges that name this login as recipient, with their state and period."""
    lijst = list(selectors.ontvangen(request.user))
    vandaag = timezone.localdate()
    # The list names the households: logged as shown, for their current members.
    access.log_shown(
        request.user,
        selectors.leden_van({u.huishouden_id for u in lijst}),
        resource=R.GEDEELD,
        via=_via(request),
    )
    return render(
        request,
        "uitwisseling/ontvangen.html",
        {"uitwisselingen": lijst, "vandaag": vandaag},
    )


@access.requires_relatie(R.GEDEELD, A.LEZEN, access.ONTVANGER)
def gedeeld(request: HttpRequest, pk: int) -> HttpResponse:
    """What one exchange shares, for its recipient only: the chosen categories, while it is
    approved and within its period (`access.decide_gedeeld`); every read logged."""
    uitwisseling = opzoeken.uitwisseling(
        request.user, pk, A.LEZEN, via=_via(request), resource=R.GEDEELD
    )
    data = selectors.gedeelde_gegevens(
        actor=request.user, uitwisseling=uitwisseling, via=_via(request)
    )
    return render(request, "uitwisseling/gedeeld.html", {"gedeeld": data, "u": uitwisseling})


# --- youth delivery -------------------------------------------------------------------------


@require_POST
@access.requires(R.UITVOERING, A.TOEWIJZEN, per_record=True)
def uitvoerder(request: HttpRequest, huishouden_id: int) -> HttpResponse:
    gevonden = _huishouden(request, huishouden_id, A.TOEWIJZEN, R.UITVOERING)
    form = UitvoerderForm(request.POST, gemeente_id=gevonden.gemeente_id)
    if not form.is_valid():
        messages.error(request, "Kies een gezinscoach uit de lijst.")
    else:
        try:
            services.uitvoering_toewijzen(
                door=request.user,
                huishouden=gevonden,
                medewerker=form.cleaned_data["medewerker"],
                via=_via(request),
            )
        except ValidationError as exc:
            for tekst in exc.messages:
                messages.error(request, tekst)
        else:
            messages.success(request, "De gezinscoach voert nu uit voor dit huishouden.")
    return redirect("uitwisseling:huishouden", gevonden.pk)


@access.requires(R.UITVOERING, A.LEZEN)
def uitvoeringen(request: HttpRequest) -> HttpResponse:
    """The gezinscoach's own households (delivery), and what was shared with them."""
    return render(
        request,
        "uitwisseling/uitvoeringen.html",
        {
            "uitvoeringen": selectors.mijn_uitvoeringen(request.user),
            "ontvangen": selectors.ontvangen(request.user),
        },
    )


def _uitvoering(request: HttpRequest, pk: int, handeling: Action) -> Uitvoering:
    gevonden = Uitvoering.objects.select_related("huishouden").filter(pk=pk).first()
    if gevonden is None:
        raise Http404("Deze uitvoering bestaat niet.")
    decision = access.decide_uitvoering(
        request.user,
        handeling,
        huishouden=gevonden.huishouden_id,
        uitvoerders=selectors.uitvoerder_ids(gevonden.huishouden_id),
        via=_via(request),
    )
    if not decision.allowed:
        raise access.Refused(decision)
    return gevonden


@access.requires_relatie(R.UITVOERING, A.LEZEN, access.UITVOERDER)
def uitvoering(request: HttpRequest, pk: int) -> HttpResponse:
    """The delivery notes of a household, for the gezinscoach who delivers to it."""
    gevonden = _uitvoering(request, pk, A.LEZEN)
    return render(
        request,
        "uitwisseling/uitvoering.html",
        {
            "uitvoering": gevonden,
            "notities": selectors.notities(gevonden),
            "form": NotitieForm(),
        },
    )


@require_POST
@access.requires_relatie(R.UITVOERING, A.AANMAKEN, access.UITVOERDER)
def notitie(request: HttpRequest, pk: int) -> HttpResponse:
    gevonden = _uitvoering(request, pk, A.AANMAKEN)
    try:
        services.uitvoeringsnotitie_add(
            door=request.user,
            uitvoering=gevonden,
            tekst=request.POST.get("tekst", ""),
            via=_via(request),
        )
    except ValidationError as exc:
        for tekst in exc.messages:
            messages.error(request, tekst)
    else:
        messages.success(request, "De notitie is opgeslagen.")
    return redirect("uitwisseling:uitvoering", gevonden.pk)


# --- the council's figures ------------------------------------------------------------------


def periode(request: HttpRequest) -> tuple[dt.date, dt.date]:
    form = PeriodeForm(request.GET or None)
    vandaag = timezone.localdate()
    van, tot = dt.date(vandaag.year, 1, 1), vandaag
    if form.is_valid():
        van = form.cleaned_data["van"] or van
        tot = form.cleaned_data["tot"] or tot
    return van, tot


@access.requires(R.UITWISSELING_CIJFERS, A.LEZEN)
def cijfers(request: HttpRequest) -> HttpResponse:
    """Exchanges per purpose, recipient, basis and outcome (the vetoes), aggregates only."""
    gemeente = access.gemeente_van(request)
    van, tot = periode(request)
    return render(
        request,
        "uitwisseling/cijfers.html",
        {
            "tabellen": selectors.cijfers(gemeente_id=gemeente.pk, van=van, tot=tot),
            "van": van,
            "tot": tot,
            "form": PeriodeForm(initial={"van": van, "tot": tot}),
            "toelichting": selectors.DREMPEL_TOELICHTING,
        },
    )
