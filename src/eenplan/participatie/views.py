"""Staff pages of work and income (issue 14): the aanvragen levensonderhoud, one aanvraag with its
zoektermijn, norm, decision term and voorschotten and the decision (a beschikking), and a
resident's work page with the earning capacity, the route and its trajectory.

Access as on every page: the role by `@access.requires`, need-to-know on the resident with
`access.require` (logged), and the services again. A refused POST redirects back with its input
and messages (`web.prg`)."""

from __future__ import annotations

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
from eenplan.inwoners.selectors import huishouden_current
from eenplan.participatie import selectors, services
from eenplan.participatie.forms import (
    AanvraagForm,
    BeslisForm,
    InstrumentForm,
    MaatregelForm,
    StapForm,
    TegenprestatieForm,
    TrajectStartForm,
    UitsluitingForm,
    VerdiencapaciteitForm,
    VoorschotForm,
    WerkdoelForm,
    WerkgeverForm,
)
from eenplan.participatie.models import (
    Instrument,
    LevensonderhoudAanvraag,
    Traject,
    Verdiencapaciteit,
    Werkgever,
)
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource
from eenplan.web.forms import add_service_errors, inwoner_by_bsn
from eenplan.web.parameters import allowed_parameters
from eenplan.web.prg import form_from_session, redirect_with_errors

PAGINA = 25


def _open(request: HttpRequest, action: Action, inwoner: Inwoner | int) -> None:
    """Need-to-know on the resident (403 with the reason, logged). `inwoner`: as read within
    the municipality with the record (then logged without a lookup of its own), or its id."""
    access.require(
        request.user,
        Resource.PARTICIPATIE,
        action,
        via=access.Via.request(request),
        inwoner=inwoner,
        doel=access.RULES[(Resource.PARTICIPATIE, action)].doel,
    )


def _via(request: HttpRequest) -> access.Via:
    return access.Via.request(request)


def _lo(request: HttpRequest, pk: int, action: Action) -> LevensonderhoudAanvraag:
    """The aanvraag within the login's municipality: another municipality's is a 404 like one
    that does not exist, the refusal logged (`access.get_or_refuse`, ADR 0046)."""
    return access.get_or_refuse(
        request.user,
        Resource.PARTICIPATIE,
        action,
        via=_via(request),
        pk=pk,
        zoek=lambda gemeente_id: selectors.levensonderhoud_get(pk, gemeente_id=gemeente_id),
        wat="Aanvraag levensonderhoud",
        niet_gevonden="Deze aanvraag bestaat niet.",
    )


@access.requires(Resource.PARTICIPATIE, Action.LEZEN)
@allowed_parameters("pagina")
def overzicht(request: HttpRequest) -> HttpResponse:
    """The aanvragen levensonderhoud within the login's need-to-know, newest first."""
    page = Paginator(selectors.levensonderhoud_in_scope(request.user), PAGINA).get_page(
        request.GET.get("pagina")
    )
    return render(request, "participatie/overzicht.html", {"page": page})


@require_http_methods(["GET", "POST"])
@access.requires(Resource.PARTICIPATIE, Action.AANMAKEN)
def aanvraag_nieuw(request: HttpRequest) -> HttpResponse:
    """Register an aanvraag levensonderhoud of a member of a household (found by BSN)."""
    status = 200
    if request.method == "GET":
        form = AanvraagForm(prefix="aanvraag")
    else:
        form = AanvraagForm(request.POST, prefix="aanvraag")
        if form.is_valid():
            data = form.cleaned_data
            try:
                inwoner = inwoner_by_bsn(request.user, data["bsn"])
                _open(request, Action.AANMAKEN, inwoner.pk)
                huishouden = huishouden_current(inwoner=inwoner, vandaag=data["ontvangen_op"])
                if huishouden is None:
                    raise ValidationError(
                        {"bsn": f"{inwoner.naam} hoort op de aanvraagdatum bij geen huishouden."}
                    )
                lo = services.levensonderhoud_aanvragen(
                    actor=request.user,
                    huishouden=huishouden,
                    inwoner=inwoner,
                    gemeld_op=data["gemeld_op"],
                    ontvangen_op=data["ontvangen_op"],
                    afzien_zoektermijn=data["afzien_zoektermijn"],
                    afzien_reden=data["afzien_reden"],
                    via=_via(request),
                )
            except ValidationError as exc:
                if not hasattr(exc, "error_dict"):
                    exc = ValidationError({"bsn": exc.messages})
                add_service_errors(form, exc, {"inwoner": "bsn", "huishouden": "bsn"})
            else:
                messages.success(
                    request,
                    f"De aanvraag levensonderhoud van {lo.inwoner.naam} is geregistreerd. "
                    f"Beslissen uiterlijk {lo.aanvraag.beslissen_uiterlijk:%d-%m-%Y} (Awb 4:13).",
                )
                return redirect("participatie:aanvraag", pk=lo.pk)
        status = 400
    return render(request, "participatie/aanvraag_nieuw.html", {"form": form}, status=status)


@access.requires(Resource.PARTICIPATIE, Action.LEZEN)
def aanvraag(request: HttpRequest, pk: int) -> HttpResponse:
    lo = _lo(request, pk, Action.LEZEN)
    _open(request, Action.LEZEN, lo.inwoner)
    vandaag = timezone.localdate()
    beschikking = next(iter(lo.aanvraag.beschikkingen.all()), None)
    keuzes, verordening_bron = _categorieen(lo)

    def form(key: str, cls: type[Form], **kwargs: object) -> Form:
        bewaard = form_from_session(request, f"{key}-{pk}", cls, prefix=key)
        return bewaard or cls(prefix=key, **kwargs)  # type: ignore[arg-type]

    context = {
        "lo": lo,
        "inwoner": lo.inwoner,
        "beschikking": beschikking,
        "stand": selectors.voorschot_stand(lo, vandaag),
        "mag_wijzigen": access.allows(request.user, Resource.PARTICIPATIE, Action.WIJZIGEN),
        "mag_beslissen": access.allows(request.user, Resource.PARTICIPATIE, Action.BESLISSEN),
        "voorschot_form": form("voorschot", VoorschotForm, initial={"bedrag": lo.norm_bedrag}),
        "uitsluiting_form": form(
            "uitsluiting",
            UitsluitingForm,
            initial={
                "grond": lo.voorschot_uitsluiting,
                "toelichting": lo.voorschot_uitsluiting_toelichting,
            },
        ),
        "beslis_form": form("beslis", BeslisForm, initial={"ingangsdatum": lo.gemeld_op}),
        "maatregelen": list(lo.maatregelen.filter(gemeente_id=lo.gemeente_id)),
        "maatregel_form": form_from_session(
            request, f"maatregel-{pk}", MaatregelForm, prefix="maatregel", categorieen=keuzes
        )
        or MaatregelForm(prefix="maatregel", categorieen=keuzes),
        "verordening_bron": verordening_bron,
        "toegekend": services.heeft_bijstand(lo.inwoner),
    }
    return render(request, "participatie/aanvraag.html", context)


def _post(
    request: HttpRequest,
    *,
    key: str,
    form: Form,
    terug: str,
    actie: object,
    gelukt: str,
) -> HttpResponse:
    """One POST of a page: validate the form, call the service, redirect back (also when
    refused, with the input and the messages kept)."""
    if form.is_valid():
        try:
            actie()  # type: ignore[operator]
        except (ValidationError, Conflict) as exc:
            add_service_errors(
                form, exc if isinstance(exc, ValidationError) else ValidationError(exc.messages)
            )
        else:
            messages.success(request, gelukt)
            return redirect(terug)
    return redirect_with_errors(request, key, form, terug)


@require_POST
@access.requires(Resource.PARTICIPATIE, Action.WIJZIGEN)
def voorschot(request: HttpRequest, pk: int) -> HttpResponse:
    lo = _lo(request, pk, Action.WIJZIGEN)
    _open(request, Action.WIJZIGEN, lo.inwoner)
    form = VoorschotForm(request.POST, prefix="voorschot")
    return _post(
        request,
        key=f"voorschot-{pk}",
        form=form,
        terug=reverse("participatie:aanvraag", args=[pk]),
        actie=lambda: services.voorschot_verlenen(
            actor=request.user, lo=lo, via=_via(request), **form.cleaned_data
        ),
        gelukt="Het voorschot is vastgelegd (Participatiewet art. 52).",
    )


@require_POST
@access.requires(Resource.PARTICIPATIE, Action.WIJZIGEN)
def uitsluiting(request: HttpRequest, pk: int) -> HttpResponse:
    lo = _lo(request, pk, Action.WIJZIGEN)
    _open(request, Action.WIJZIGEN, lo.inwoner)
    form = UitsluitingForm(request.POST, prefix="uitsluiting")
    return _post(
        request,
        key=f"uitsluiting-{pk}",
        form=form,
        terug=reverse("participatie:aanvraag", args=[pk]),
        actie=lambda: services.voorschot_uitsluiten(
            actor=request.user, lo=lo, via=_via(request), **form.cleaned_data
        ),
        gelukt="De grond voor het voorschot is vastgelegd.",
    )


@require_POST
@access.requires(Resource.PARTICIPATIE, Action.BESLISSEN)
def beslissen(request: HttpRequest, pk: int) -> HttpResponse:
    lo = _lo(request, pk, Action.BESLISSEN)
    _open(request, Action.BESLISSEN, lo.inwoner)
    form = BeslisForm(request.POST, prefix="beslis")
    terug = reverse("participatie:aanvraag", args=[pk])
    if not form.is_valid():
        return redirect_with_errors(request, f"beslis-{pk}", form, terug)
    data = form.cleaned_data
    try:
        beschikking = services.levensonderhoud_beslissen(
            actor=request.user,
            lo=lo,
            besloten_op=data["besloten_op"],
            toekennen=data["besluit"] == "toekennen",
            ingangsdatum=data["ingangsdatum"],
            motivering=data["motivering"],
            via=_via(request),
        )
    except (ValidationError, Conflict) as exc:
        add_service_errors(
            form,
            exc if isinstance(exc, ValidationError) else ValidationError(exc.messages),
            {"voorzieningen": "__all__"},
        )
        return redirect_with_errors(request, f"beslis-{pk}", form, terug)
    messages.success(
        request,
        "De beschikking is vastgelegd. Verstuur de brief op de pagina van de beschikking; "
        "daar registreert u ook een bezwaar.",
    )
    return redirect("beschikkingen:detail", pk=beschikking.pk)


# --- a resident's work page: earning capacity, route, trajectory ------------------------------


def _inwoner(request: HttpRequest, pk: int, action: Action) -> Inwoner:
    """The resident of a work page, within the login's municipality (else a logged refusal and
    a 404, the same for another municipality's resident and for none: `access.get_or_refuse`),
    then need-to-know on them (403 with the reason, logged)."""
    inwoner = access.get_or_refuse(
        request.user,
        Resource.PARTICIPATIE,
        action,
        via=_via(request),
        pk=pk,
        zoek=lambda gemeente_id: Inwoner.objects.filter(pk=pk, gemeente_id=gemeente_id).first(),
        wat="Inwoner",
        niet_gevonden="Deze inwoner bestaat niet.",
    )
    _open(request, action, inwoner)
    return inwoner


@access.requires(Resource.PARTICIPATIE, Action.LEZEN)
def werk(request: HttpRequest, pk: int) -> HttpResponse:
    inwoner = _inwoner(request, pk, Action.LEZEN)
    trajecten = list(selectors.trajecten_van(inwoner.pk, gemeente_id=inwoner.gemeente_id))
    lopend = next((t for t in trajecten if t.beeindigd_op is None), None)
    metingen = list(selectors.verdiencapaciteiten_van(inwoner.pk, gemeente_id=inwoner.gemeente_id))
    vc_form = form_from_session(
        request, f"vc-{pk}", VerdiencapaciteitForm, prefix="vc"
    ) or VerdiencapaciteitForm(prefix="vc")
    stap_form = None
    if lopend is not None:
        stap_form = form_from_session(
            request, f"stap-{lopend.pk}", StapForm, prefix="stap"
        ) or StapForm(prefix="stap")
    start_form = form_from_session(
        request, f"start-{pk}", TrajectStartForm, prefix="start"
    ) or TrajectStartForm(prefix="start")
    context = {
        "inwoner": inwoner,
        "metingen": metingen,
        "trajecten": trajecten,
        "lopend": lopend,
        "laatste": metingen[0] if metingen else None,
        "drempels": selectors.drempels_op(inwoner.gemeente_id, timezone.localdate()),
        "aanvragen": list(selectors.levensonderhoud_van(inwoner)),
        "mag_wijzigen": access.allows(request.user, Resource.PARTICIPATIE, Action.WIJZIGEN),
        "vc_form": vc_form,
        "stap_form": stap_form,
        "start_form": start_form,
        "instrumenten": list(selectors.instrumenten_van(inwoner.pk, inwoner.gemeente_id)),
        "tegenprestaties": list(selectors.tegenprestaties_van(inwoner.pk, inwoner.gemeente_id)),
        "instrument_form": form_from_session(
            request,
            f"instrument-{pk}",
            InstrumentForm,
            prefix="instrument",
            werkgevers=_werkgever_keuzes(inwoner.gemeente_id),
        )
        or InstrumentForm(prefix="instrument", werkgevers=_werkgever_keuzes(inwoner.gemeente_id)),
        "tp_form": form_from_session(request, f"tp-{pk}", TegenprestatieForm, prefix="tp")
        or TegenprestatieForm(prefix="tp"),
        **_werkdoelen(request, inwoner, trajecten, context_instrumenten=None),
    }
    return render(request, "participatie/werk.html", context)


def _werk_keuzes(trajecten: list[Traject], instrumenten: list[Instrument]) -> list[tuple[str, str]]:
    return [
        *(
            (f"traject-{t.pk}", f"Traject {t.get_route_display()} sinds {t.begonnen_op:%d-%m-%Y}")
            for t in trajecten
        ),
        *(
            (f"instrument-{i.pk}", f"{i.get_soort_display()} sinds {i.begin:%d-%m-%Y}")
            for i in instrumenten
        ),
    ]


def _werkdoelen(
    request: HttpRequest,
    inwoner: Inwoner,
    trajecten: list[Traject],
    *,
    context_instrumenten: list[Instrument] | None,
) -> dict[str, object]:
    """The resident's work goals in the household plan: reading them is reading the plan, so
    the plan rule decides (and logs) for each household they belong to; a goal whose consent
    was withdrawn is not shown."""
    vandaag = timezone.localdate()
    werkdoelen = selectors.werkdoelen_van(inwoner.pk, inwoner.gemeente_id, vandaag)
    keuzes = selectors.werkdoel_keuzes(inwoner.pk, inwoner.gemeente_id)
    huishoudens = {w.doel.plan.huishouden_id for w in werkdoelen} | {
        d.plan.huishouden_id for d in keuzes
    }
    mag_plan = all(
        access.decide(
            request.user,
            Resource.PLAN,
            Action.LEZEN,
            via=_via(request),
            huishouden=huishouden_id,
        ).allowed
        for huishouden_id in sorted(huishoudens)
    )
    if not mag_plan:
        return {"werkdoelen": [], "werkdoel_form": None, "plan_verborgen": True}
    instrumenten = context_instrumenten or list(
        selectors.instrumenten_van(inwoner.pk, inwoner.gemeente_id)
    )
    form = None
    if keuzes and access.allows(request.user, Resource.PARTICIPATIE, Action.WIJZIGEN):
        opties = {
            "doelen": [(d.pk, f"{d.leefgebied.naam}: {d.omschrijving[:80]}") for d in keuzes],
            "werk": _werk_keuzes(trajecten, instrumenten),
        }
        form = form_from_session(
            request, f"werkdoel-{inwoner.pk}", WerkdoelForm, prefix="werkdoel", **opties
        ) or WerkdoelForm(prefix="werkdoel", **opties)
    return {"werkdoelen": werkdoelen, "werkdoel_form": form, "plan_verborgen": False}


@require_POST
@access.requires(Resource.PARTICIPATIE, Action.WIJZIGEN)
def werkdoel(request: HttpRequest, pk: int) -> HttpResponse:
    """Link a goal of the household plan to one of the resident's trajectories or
    instruments."""
    inwoner = _inwoner(request, pk, Action.WIJZIGEN)
    keuzes = selectors.werkdoel_keuzes(inwoner.pk, inwoner.gemeente_id)
    trajecten = list(selectors.trajecten_van(inwoner.pk, gemeente_id=inwoner.gemeente_id))
    instrumenten = list(selectors.instrumenten_van(inwoner.pk, inwoner.gemeente_id))
    form = WerkdoelForm(
        request.POST,
        prefix="werkdoel",
        doelen=[(d.pk, d.omschrijving[:80]) for d in keuzes],
        werk=_werk_keuzes(trajecten, instrumenten),
    )

    def actie() -> object:
        doel = next(d for d in keuzes if d.pk == form.cleaned_data["doel"])
        soort, _, werk_id = form.cleaned_data["werk"].partition("-")
        return services.werkdoel_koppelen(
            actor=request.user,
            doel=doel,
            traject=next((t for t in trajecten if str(t.pk) == werk_id), None)
            if soort == "traject"
            else None,
            instrument=next((i for i in instrumenten if str(i.pk) == werk_id), None)
            if soort == "instrument"
            else None,
            via=_via(request),
        )

    return _post(
        request,
        key=f"werkdoel-{pk}",
        form=form,
        terug=reverse("participatie:werk", args=[pk]) + "#kop-werkdoelen",
        actie=actie,
        gelukt="Het doel is gekoppeld; het Werkplein ziet het doel en de acties in het plan.",
    )


@require_POST
@access.requires(Resource.PARTICIPATIE, Action.AANMAKEN)
def verdiencapaciteit(request: HttpRequest, pk: int) -> HttpResponse:
    inwoner = _inwoner(request, pk, Action.AANMAKEN)
    form = VerdiencapaciteitForm(request.POST, prefix="vc")
    return _post(
        request,
        key=f"vc-{pk}",
        form=form,
        terug=reverse("participatie:werk", args=[pk]),
        actie=lambda: services.verdiencapaciteit_vastleggen(
            actor=request.user, inwoner=inwoner, via=_via(request), **form.cleaned_data
        ),
        gelukt="De verdiencapaciteit en de route zijn vastgelegd.",
    )


@require_POST
@access.requires(Resource.PARTICIPATIE, Action.AANMAKEN)
def traject_starten(request: HttpRequest, pk: int) -> HttpResponse:
    vc = access.get_or_refuse(
        request.user,
        Resource.PARTICIPATIE,
        Action.AANMAKEN,
        via=_via(request),
        pk=pk,
        zoek=lambda gemeente_id: (
            Verdiencapaciteit.objects.select_related("inwoner")
            .filter(pk=pk, gemeente_id=gemeente_id, inwoner__gemeente_id=gemeente_id)
            .first()
        ),
        wat="Verdiencapaciteit",
        niet_gevonden="Deze meting bestaat niet.",
    )
    _open(request, Action.AANMAKEN, vc.inwoner_id)
    form = TrajectStartForm(request.POST, prefix="start")
    return _post(
        request,
        key=f"start-{vc.inwoner_id}",
        form=form,
        terug=reverse("participatie:werk", args=[vc.inwoner_id]),
        actie=lambda: services.traject_starten(
            actor=request.user, verdiencapaciteit=vc, via=_via(request), **form.cleaned_data
        ),
        gelukt="Het traject is gestart.",
    )


@require_POST
@access.requires(Resource.PARTICIPATIE, Action.WIJZIGEN)
def traject_stap(request: HttpRequest, pk: int) -> HttpResponse:
    traject = access.get_or_refuse(
        request.user,
        Resource.PARTICIPATIE,
        Action.WIJZIGEN,
        via=_via(request),
        pk=pk,
        zoek=lambda gemeente_id: selectors.traject_get(pk, gemeente_id=gemeente_id),
        wat="Traject",
        niet_gevonden="Dit traject bestaat niet.",
    )
    _open(request, Action.WIJZIGEN, traject.inwoner)
    form = StapForm(request.POST, prefix="stap")
    return _post(
        request,
        key=f"stap-{pk}",
        form=form,
        terug=reverse("participatie:werk", args=[traject.inwoner_id]),
        actie=lambda: services.traject_stap_afronden(
            actor=request.user, traject=traject, via=_via(request), **form.cleaned_data
        ),
        gelukt="De stap is afgerond.",
    )


# --- instruments, employers, tegenprestatie, maatregelen ------------------------------------


def _werkgever_keuzes(gemeente_id: int) -> list[tuple[int, str]]:
    return selectors.werkgever_keuzes(gemeente_id)


@require_POST
@access.requires(Resource.PARTICIPATIE, Action.AANMAKEN)
def instrument(request: HttpRequest, pk: int) -> HttpResponse:
    inwoner = _inwoner(request, pk, Action.AANMAKEN)
    form = InstrumentForm(
        request.POST, prefix="instrument", werkgevers=_werkgever_keuzes(inwoner.gemeente_id)
    )

    def actie() -> object:
        velden = dict(form.cleaned_data)
        werkgever_id = velden.pop("werkgever")
        werkgever = (
            Werkgever.objects.filter(pk=werkgever_id, gemeente_id=inwoner.gemeente_id).first()
            if werkgever_id
            else None
        )
        return services.instrument_starten(
            actor=request.user, inwoner=inwoner, werkgever=werkgever, via=_via(request), **velden
        )

    return _post(
        request,
        key=f"instrument-{pk}",
        form=form,
        terug=reverse("participatie:werk", args=[pk]),
        actie=actie,
        gelukt="Het instrument is gestart.",
    )


@require_POST
@access.requires(Resource.PARTICIPATIE, Action.AANMAKEN)
def tegenprestatie(request: HttpRequest, pk: int) -> HttpResponse:
    inwoner = _inwoner(request, pk, Action.AANMAKEN)
    form = TegenprestatieForm(request.POST, prefix="tp")
    return _post(
        request,
        key=f"tp-{pk}",
        form=form,
        terug=reverse("participatie:werk", args=[pk]),
        actie=lambda: services.tegenprestatie_vastleggen(
            actor=request.user, inwoner=inwoner, via=_via(request), **form.cleaned_data
        ),
        gelukt="De tegenprestatie is vastgelegd.",
    )


def _categorieen(lo: LevensonderhoudAanvraag) -> tuple[list[tuple[str, str]], str]:
    verordening, bron = selectors.maatregelen_op(lo.gemeente_id, timezone.localdate())
    keuzes = []
    for code, r in verordening.items():
        duur = f"{r.maanden} maand{'en' if r.maanden > 1 else ''}"
        eerst = "; eerst een waarschuwing" if r.waarschuwing_eerst else ""
        keuzes.append((code, f"{code}: {r.omschrijving} ({r.percentage}% gedurende {duur}{eerst})"))
    return keuzes, bron


@require_POST
@access.requires(Resource.PARTICIPATIE, Action.BESLISSEN)
def maatregel(request: HttpRequest, pk: int) -> HttpResponse:
    lo = _lo(request, pk, Action.BESLISSEN)
    _open(request, Action.BESLISSEN, lo.inwoner)
    form = MaatregelForm(request.POST, prefix="maatregel", categorieen=_categorieen(lo)[0])
    return _post(
        request,
        key=f"maatregel-{pk}",
        form=form,
        terug=reverse("participatie:aanvraag", args=[pk]),
        actie=lambda: services.maatregel_opleggen(
            actor=request.user, lo=lo, via=_via(request), **form.cleaned_data
        ),
        gelukt="De maatregel is vastgelegd.",
    )


@access.requires(Resource.PARTICIPATIE, Action.LEZEN)
@allowed_parameters("pagina")
def werkgevers(request: HttpRequest) -> HttpResponse:
    """The employers of the werkgeversbenadering with their placements."""
    gemeente_id = access.Actor.of(request.user).gemeente_id
    page = Paginator(
        selectors.werkgevers(gemeente_id).prefetch_related("plaatsingen__inwoner"), PAGINA
    ).get_page(request.GET.get("pagina"))
    form = form_from_session(request, "werkgever", WerkgeverForm, prefix="werkgever")
    context = {
        "page": page,
        "form": form or WerkgeverForm(prefix="werkgever"),
        "mag": access.allows(request.user, Resource.PARTICIPATIE, Action.AANMAKEN),
    }
    return render(request, "participatie/werkgevers.html", context)


@require_POST
@access.requires(Resource.PARTICIPATIE, Action.AANMAKEN)
def werkgever_toevoegen(request: HttpRequest) -> HttpResponse:
    form = WerkgeverForm(request.POST, prefix="werkgever")
    return _post(
        request,
        key="werkgever",
        form=form,
        terug=reverse("participatie:werkgevers"),
        actie=lambda: services.werkgever_toevoegen(
            actor=request.user, via=_via(request), **form.cleaned_data
        ),
        gelukt="De werkgever is toegevoegd.",
    )
