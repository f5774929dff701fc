"""Staff pages of the AVG requests (worklist with deadlines, one request, the inzage as PDF
and JSON) and of retention (the worklist of what is due and what blocks it, the destruction
lists that are the destruction record). The privacy officer works for the whole municipality;
every page decides through `privacy.access` and logs the residents it shows."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from eenplan.avg import bewaren, inzage, op_verzoek, selectors, services
from eenplan.avg.constants import ARTIKEL, VerzoekSoort, VerzoekStatus
from eenplan.avg.forms import (
    AfhandelForm,
    AfwijsForm,
    PortaalVerzoekForm,
    VerlengForm,
    VerzoekForm,
)
from eenplan.avg.models import AvgVerzoek
from eenplan.inwoners.models import Inwoner
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource
from eenplan.privacy.constants import Doel
from eenplan.rules.bsn import OngeldigBsn, bsn_check
from eenplan.web.forms import add_service_errors
from eenplan.web.parameters import allowed_parameters
from eenplan.web.prg import form_from_session, redirect_with_errors

PAGE_SIZE = 50
STAND = {
    "verlopen": "Termijn verlopen",
    "bijna_verlopen": "Bijna verlopen",
    "op_schema": "Op schema",
}


def _verzoek_van_gemeente(
    request: HttpRequest, pk: int, resource: Resource, action: Action
) -> AvgVerzoek:
    """The request of the municipality the login works for; another municipality's is a 404
    like one that does not exist, the refusal logged (`services.verzoek_van_gemeente`)."""
    return services.verzoek_van_gemeente(
        request.user,
        pk,
        gemeente_id=access.gemeente_van(request).pk,
        resource=resource,
        action=action,
        via=access.Via.request(request),
    )


def _verzoek(request: HttpRequest, pk: int, action: Action) -> AvgVerzoek:
    verzoek = _verzoek_van_gemeente(request, pk, Resource.AVG_VERZOEK, action)
    services.verzoek_toegang(request.user, verzoek, action, via=access.Via.request(request))
    return verzoek


def _vernietigd(v: AvgVerzoek) -> str:
    """After a granted request to destroy: how many records went and how many stayed (their
    reason is on the verklaring's lines)."""
    if v.soort != VerzoekSoort.VERNIETIGING or v.status != VerzoekStatus.TOEGEKEND:
        return ""
    lijst = op_verzoek.lijst_van_verzoek(v)
    if lijst is None:
        return (
            " Er waren geen gegevens over jeugdhulp of Wmo-ondersteuning (meer) om te "
            "vernietigen."
        )
    regels = list(lijst.regels.all())
    weg = sum(1 for r in regels if r.vernietigd)
    tekst = f" Vernietigd: {weg} van {len(regels)} onderdelen."
    if weg < len(regels):
        tekst += " De rest bleef bewaard; de reden staat in de verklaring van vernietiging."
    return tekst


@access.requires(Resource.AVG_VERZOEK, Action.LEZEN)
@allowed_parameters("status", "soort", "pagina")
def verzoeken(request: HttpRequest) -> HttpResponse:
    """The AVG requests of the municipality, open ones first by their deadline."""
    gemeente = access.gemeente_van(request)
    status = request.GET.get("status", "open")
    status = status if status in {"open", "", *VerzoekStatus.values} else "open"
    soort = request.GET.get("soort", "")
    soort = soort if soort in VerzoekSoort.values else ""
    page = Paginator(
        selectors.avg_verzoeken(
            gemeente_id=gemeente.pk, status=status or None, soort=soort or None
        ),
        PAGE_SIZE,
    ).get_page(request.GET.get("pagina"))
    access.log_shown(
        request.user,
        [v.inwoner_id for v in page.object_list],
        resource=Resource.AVG_VERZOEK,
        via=access.Via.request(request),
        doel=Doel.AVG,
        gemeenten={v.inwoner_id: v.inwoner.gemeente_id for v in page.object_list},
    )
    for v in page.object_list:
        v.stand_label = STAND.get(v.termijn_stand or "", "")
        v.artikel = ARTIKEL[v.soort]
    return render(
        request,
        "avg/verzoeken.html",
        {
            "page": page,
            "status": status,
            "soort": soort,
            "statussen": [("open", "In behandeling"), *VerzoekStatus.choices[1:], ("", "Alle")],
            "soorten": VerzoekSoort.choices,
            "mag_registreren": access.allows(request.user, Resource.AVG_VERZOEK, Action.AANMAKEN),
        },
    )


@require_http_methods(["GET", "POST"])
@access.requires(Resource.AVG_VERZOEK, Action.AANMAKEN)
def verzoek_nieuw(request: HttpRequest) -> HttpResponse:
    """Record a request received by letter, e-mail or at the desk; the term is computed."""
    gemeente = access.gemeente_van(request)
    status = 200
    if request.method == "GET":
        form = VerzoekForm(initial={"ontvangen_op": timezone.localdate()})
    else:
        form = VerzoekForm(request.POST)
        if form.is_valid():
            inwoner = None
            try:
                bsn = bsn_check(form.cleaned_data["bsn"])
            except OngeldigBsn as exc:
                form.add_error("bsn", str(exc))
            else:
                inwoner = Inwoner.objects.filter(gemeente=gemeente, bsn=bsn).first()
                if inwoner is None:
                    form.add_error("bsn", f"Er is geen inwoner met BSN {bsn} in {gemeente.naam}.")
            if inwoner is not None:
                data = {k: v for k, v in form.cleaned_data.items() if k != "bsn"}
                try:
                    verzoek = services.avg_verzoek_register(
                        inwoner=inwoner, actor=request.user, via=access.Via.request(request), **data
                    )
                except ValidationError as exc:
                    add_service_errors(form, exc)
                else:
                    messages.success(
                        request,
                        f"Het verzoek is vastgelegd. Antwoorden uiterlijk "
                        f"{verzoek.antwoord_uiterlijk:%d-%m-%Y} (AVG art. 12 lid 3).",
                    )
                    return redirect("avg:verzoek", pk=verzoek.pk)
        status = 400
    return render(request, "avg/verzoek_nieuw.html", {"form": form}, status=status)


@require_http_methods(["GET", "POST"])
@access.requires(Resource.AVG_VERZOEK, Action.LEZEN, per_record=True)
def verzoek(request: HttpRequest, pk: int) -> HttpResponse:
    """One request: its term, extending it once, deciding it, the inzage as PDF and JSON."""
    v = _verzoek(request, pk, Action.LEZEN)
    verleng, afhandel = VerlengForm(prefix="verleng"), AfhandelForm(prefix="afhandel")
    status = 200
    if request.method == "POST":
        via = access.Via.request(request)
        try:
            if "verleng-reden" in request.POST:
                verleng = VerlengForm(request.POST, prefix="verleng")
                if verleng.is_valid():
                    services.avg_verzoek_verleng(
                        verzoek=v, reden=verleng.cleaned_data["reden"], actor=request.user, via=via
                    )
                    messages.success(request, "De termijn is met twee maanden verlengd.")
                    return redirect("avg:verzoek", pk=v.pk)
            else:
                afhandel = AfhandelForm(request.POST, prefix="afhandel")
                if afhandel.is_valid():
                    v = services.avg_verzoek_afhandel(
                        verzoek=v,
                        toekennen=afhandel.cleaned_data["besluit"] == "toekennen",
                        uitkomst=afhandel.cleaned_data["uitkomst"],
                        weigeringsgrond=afhandel.cleaned_data["weigeringsgrond"],
                        actor=request.user,
                        via=via,
                    )
                    messages.success(request, "Het verzoek is afgehandeld." + _vernietigd(v))
                    return redirect("avg:verzoek", pk=v.pk)
        except ValidationError as exc:
            add_service_errors(verleng if "verleng-reden" in request.POST else afhandel, exc)
        status = 400
    v.stand_label = STAND.get(v.termijn_stand or "", "")
    mag_behandelen = access.allows(request.user, Resource.AVG_VERZOEK, Action.BEHANDELEN)
    vernietiging = v.soort == VerzoekSoort.VERNIETIGING
    return render(
        request,
        "avg/verzoek.html",
        {
            "v": v,
            "artikel": ARTIKEL[v.soort],
            "open": v.status == VerzoekStatus.OPEN,
            "mag_behandelen": mag_behandelen,
            "verleng": verleng,
            "afhandel": afhandel,
            # the privacy officer's assessment: what a grant destroys now, what blocks it
            "beoordeling": (
                op_verzoek.beoordelen(v)
                if vernietiging and mag_behandelen and v.status == VerzoekStatus.OPEN
                else None
            ),
            "verklaring": op_verzoek.lijst_van_verzoek(v) if vernietiging else None,
        },
        status=status,
    )


def _export(request: HttpRequest, pk: int) -> tuple[AvgVerzoek, dict]:
    v = _verzoek_van_gemeente(request, pk, Resource.AVG_VERZOEK, Action.EXPORTEREN)
    try:
        data = services.inzage_maken(verzoek=v, actor=request.user, via=access.Via.request(request))
    except ValidationError as exc:
        raise Http404(" ".join(exc.messages)) from exc
    return v, data


@access.requires(Resource.AVG_VERZOEK, Action.EXPORTEREN, per_record=True)
def inzage_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    v, data = _export(request, pk)
    response = HttpResponse(
        inzage.inzage_pdf(data, gemeente=v.inwoner.gemeente.naam), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'attachment; filename="inzage-{v.kenmerk}.pdf"'
    return response


@access.requires(Resource.AVG_VERZOEK, Action.EXPORTEREN, per_record=True)
def inzage_json(request: HttpRequest, pk: int) -> HttpResponse:
    v, data = _export(request, pk)
    response = HttpResponse(inzage.inzage_json(data), content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="inzage-{v.kenmerk}.json"'
    return response


# --- retention ------------------------------------------------------------------------------


@access.requires(Resource.BEWAREN, Action.LEZEN)
def bewaren_werklijst(request: HttpRequest) -> HttpResponse:
    """What may be destroyed now (its period has run), what is blocked and why, and the
    retention periods in force with their source."""
    gemeente = access.gemeente_van(request)
    vandaag = timezone.localdate()
    kandidaten = bewaren.te_vernietigen(gemeente, vandaag=vandaag)
    return render(
        request,
        "avg/bewaren.html",
        {
            "vrij": [k for k in kandidaten if not k.blokkade],
            "geblokkeerd": [k for k in kandidaten if k.blokkade],
            "regels": bewaren.bewaartermijnen(vandaag),
            "uitvoerbaar": bewaren.uitvoerbare_regelsoorten(),
            "mag_voorstellen": access.allows(request.user, Resource.BEWAREN, Action.AANMAKEN),
            "vandaag": vandaag,
        },
    )


@require_POST
@access.requires(Resource.BEWAREN, Action.AANMAKEN)
def bewaren_voorstellen(request: HttpRequest) -> HttpResponse:
    gemeente = access.gemeente_van(request)
    try:
        lijst = bewaren.vernietigingslijst_voorstellen(gemeente=gemeente, door=request.user)
    except ValidationError as exc:
        for tekst in exc.messages:
            messages.error(request, tekst)
        return redirect("avg:bewaren")
    messages.success(request, "De vernietigingslijst is voorgesteld; een collega keurt haar goed.")
    return redirect("avg:vernietiging", pk=lijst.pk)


@access.requires(Resource.BEWAREN, Action.LEZEN)
@allowed_parameters("pagina")
def vernietigingen(request: HttpRequest) -> HttpResponse:
    gemeente = access.gemeente_van(request)
    page = Paginator(selectors.vernietigingslijsten(gemeente_id=gemeente.pk), PAGE_SIZE).get_page(
        request.GET.get("pagina")
    )
    return render(request, "avg/vernietigingen.html", {"page": page})


def _medewerker_tekst(user: object, gemeente_id: int) -> str:
    """Who proposed or approved a destruction, for the verklaring: name and role."""
    if user is None:
        return ""
    naam = user.get_full_name() or user.get_username()  # type: ignore[attr-defined]
    rol = inzage.wie_per_login({user.pk}, gemeente_id=gemeente_id)[user.pk]  # type: ignore[attr-defined]
    return f"{naam} ({rol})"


@require_http_methods(["GET", "POST"])
@access.requires(Resource.BEWAREN, Action.LEZEN)
def vernietiging(request: HttpRequest, pk: int) -> HttpResponse:
    """One destruction list: what is (or was) on it, by which rule, who proposed and who
    approved; approving destroys (a second person), rejecting keeps everything."""
    gemeente = access.gemeente_van(request)
    lijst = access.get_or_refuse(
        request.user,
        Resource.BEWAREN,
        Action.LEZEN,
        via=access.Via.request(request),
        pk=pk,
        zoek=lambda _: selectors.vernietigingslijst_get(pk, gemeente_id=gemeente.pk),
        wat="Vernietigingslijst",
        niet_gevonden="Deze vernietigingslijst bestaat niet.",
    )
    afwijzen = AfwijsForm()
    status = 200
    if request.method == "POST":
        access.require(
            request.user, Resource.BEWAREN, Action.BESLISSEN, via=access.Via.request(request)
        )
        try:
            if "reden" in request.POST:
                afwijzen = AfwijsForm(request.POST)
                if afwijzen.is_valid():
                    bewaren.vernietigingslijst_afwijzen(
                        lijst=lijst, door=request.user, reden=afwijzen.cleaned_data["reden"]
                    )
                    messages.success(request, "De lijst is afgewezen; er is niets vernietigd.")
                    return redirect("avg:vernietiging", pk=lijst.pk)
            else:
                bewaren.vernietigingslijst_goedkeuren(lijst=lijst, door=request.user)
                messages.success(request, "De lijst is goedgekeurd en de records zijn vernietigd.")
                return redirect("avg:vernietiging", pk=lijst.pk)
        except ValidationError as exc:
            for tekst in exc.messages:
                messages.error(request, tekst)
        status = 400
    return render(
        request,
        "avg/vernietiging.html",
        {
            "lijst": lijst,
            "regels": lijst.regels.select_related("bewaartermijn").order_by("id"),
            "verklaring": bewaren.verklaring(lijst) if lijst.vernietigd_op else [],
            "voorsteller": _medewerker_tekst(lijst.voorgesteld_door, lijst.gemeente_id),
            "goedkeurder": _medewerker_tekst(lijst.goedgekeurd_door, lijst.gemeente_id),
            "mag_beslissen": access.allows(request.user, Resource.BEWAREN, Action.BESLISSEN)
            and lijst.status == "voorgesteld",
            "afwijzen": afwijzen,
        },
        status=status,
    )


# --- the resident in the portal (/mijn/<inwoner_id>/avg/) ----------------------------------------


def _portaal_context(request: HttpRequest, inwoner: Inwoner, **extra: object) -> dict:
    from eenplan.portaal.views import _context

    return _context(request, inwoner, **extra)


@access.requires_inwoner(Resource.AVG_VERZOEK, Action.LEZEN)
def portaal_verzoeken(request: HttpRequest, inwoner_id: int) -> HttpResponse:
    """The resident's own AVG requests with their answer date, a form to ask for inzage (or
    correction, restriction, objection), and the overview once the municipality provided it."""
    from eenplan.portaal.views import zaak_of_404

    inwoner = zaak_of_404(request, inwoner_id, Resource.AVG_VERZOEK, Action.LEZEN)
    form = form_from_session(request, f"avg-portaal-{inwoner_id}", PortaalVerzoekForm)
    return render(
        request,
        "avg/portaal.html",
        _portaal_context(
            request,
            inwoner,
            verzoeken=selectors.verzoeken_van_inwoner(inwoner.pk),
            form=form or PortaalVerzoekForm(initial={"soort": VerzoekSoort.INZAGE}),
        ),
    )


@access.requires_inwoner(Resource.AVG_VERZOEK, Action.AANMAKEN)
@require_POST
def portaal_verzoek_doen(request: HttpRequest, inwoner_id: int) -> HttpResponse:
    from eenplan.portaal.views import zaak_of_404

    inwoner = zaak_of_404(request, inwoner_id, Resource.AVG_VERZOEK, Action.AANMAKEN)
    terug = reverse("avg-portaal:verzoeken", kwargs={"inwoner_id": inwoner.pk})
    form = PortaalVerzoekForm(request.POST)
    if form.is_valid():
        try:
            verzoek = services.avg_verzoek_register(
                inwoner=inwoner,
                soort=form.cleaned_data["soort"],
                omschrijving=form.cleaned_data["omschrijving"],
                actor=request.user,
                via=access.Via.request(request),
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request,
                f"Wij hebben uw verzoek ontvangen. U krijgt uiterlijk "
                f"{verzoek.antwoord_uiterlijk:%d-%m-%Y} antwoord.",
            )
            return redirect(terug)
    return redirect_with_errors(request, f"avg-portaal-{inwoner_id}", form, terug)


def _portaal_export(request: HttpRequest, inwoner_id: int, pk: int) -> tuple[AvgVerzoek, dict]:
    from eenplan.portaal.views import zaak_of_404

    inwoner = zaak_of_404(request, inwoner_id, Resource.AVG_VERZOEK, Action.LEZEN)
    v = (
        AvgVerzoek.objects.filter(pk=pk, inwoner=inwoner)
        .select_related("inwoner__gemeente")
        .first()
    )
    if v is None:
        raise Http404("Dit verzoek bestaat niet of is niet van u.")
    data = services.inzage_maken(verzoek=v, actor=request.user, via=access.Via.request(request))
    return v, data


@access.requires_inwoner(Resource.AVG_VERZOEK, Action.LEZEN)
def portaal_inzage_pdf(request: HttpRequest, inwoner_id: int, pk: int) -> HttpResponse:
    v, data = _portaal_export(request, inwoner_id, pk)
    response = HttpResponse(
        inzage.inzage_pdf(data, gemeente=v.inwoner.gemeente.naam), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'attachment; filename="mijn-gegevens-{v.kenmerk}.pdf"'
    return response


@access.requires_inwoner(Resource.AVG_VERZOEK, Action.LEZEN)
def portaal_inzage_json(request: HttpRequest, inwoner_id: int, pk: int) -> HttpResponse:
    v, data = _portaal_export(request, inwoner_id, pk)
    response = HttpResponse(inzage.inzage_json(data), content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="mijn-gegevens-{v.kenmerk}.json"'
    return response
