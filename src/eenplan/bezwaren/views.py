"""Staff pages of bezwaar and klacht: registering a bezwaar against a sent beschikking, the
bezwaar register and one bezwaar (informal conversation, extending the term once, the decision),
and the klachten with their own handling term.

The pages keep their addresses under `/beschikkingen/` (`conf/urls.py` includes this app there)
and share the page plumbing of `beschikkingen.views.paginahulp`. Access as on every page: the
role by `@access.requires`, need-to-know on the resident with `access.require`, and the services
again.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from eenplan.beschikkingen import page_selectors
from eenplan.beschikkingen import selectors as beschikkingen_selectors
from eenplan.beschikkingen.constants import BriefSoort
from eenplan.beschikkingen.models import Beschikking
from eenplan.beschikkingen.views import paginahulp as hulp
from eenplan.bezwaren import selectors, services
from eenplan.bezwaren.constants import BezwaarUitkomst
from eenplan.bezwaren.forms import BezwaarBeslisForm, BezwaarForm, KlachtForm, VerdaagForm
from eenplan.bezwaren.models import Bezwaar, Klacht
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource
from eenplan.web.forms import add_service_errors, inwoner_by_bsn
from eenplan.web.prg import form_from_session, redirect_with_errors


def _bezwaar(request: HttpRequest, pk: int, action: Action) -> Bezwaar:
    """The bezwaar within the login's municipality: another municipality's is a 404 like one
    that does not exist, the refusal logged (`access.get_or_refuse`, ADR 0046)."""
    return access.get_or_refuse(
        request.user,
        Resource.BEZWAAR,
        action,
        via=access.Via.request(request),
        pk=pk,
        zoek=lambda gemeente_id: selectors.bezwaar_get(pk, gemeente_id=gemeente_id),
        wat="Bezwaar",
        niet_gevonden="Dit bezwaar bestaat niet.",
    )


def _beschikking(request: HttpRequest, pk: int) -> Beschikking:
    """The beschikking to register a bezwaar against, within the login's municipality: another
    municipality's is a 404 like one that does not exist, the refusal logged
    (`access.get_or_refuse`, ADR 0046)."""
    return access.get_or_refuse(
        request.user,
        Resource.BEZWAAR,
        Action.AANMAKEN,
        via=access.Via.request(request),
        pk=pk,
        zoek=lambda gemeente_id: beschikkingen_selectors.beschikking_get(
            pk, gemeente_id=gemeente_id
        ),
        wat="Beschikking",
        niet_gevonden="Deze beschikking bestaat niet.",
    )


@require_http_methods(["GET", "POST"])
@access.requires(Resource.BEZWAAR, Action.AANMAKEN)
def bezwaar_registreren(request: HttpRequest, pk: int) -> HttpResponse:
    """Register a bezwaar against a sent beschikking (linked from the beschikking's page):
    eenplan checks whether it is on time (Awb 6:7-6:9, 6:11) and computes the decision term
    (Awb 7:10). A refusal shows the form again with every message (400)."""
    beschikking = _beschikking(request, pk)
    hulp.open_dossier(request, Resource.BEZWAAR, Action.AANMAKEN, beschikking.inwoner)
    status = 200
    if request.method == "GET":
        form = BezwaarForm(prefix="bezwaar", initial={"ingediend_door": beschikking.inwoner.naam})
    else:
        form = BezwaarForm(request.POST, prefix="bezwaar")
        if form.is_valid():
            try:
                bezwaar = services.bezwaar_register(
                    beschikking=beschikking,
                    inwoner=beschikking.inwoner,
                    actor=request.user,
                    via=hulp.via(request),
                    **form.cleaned_data,
                )
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                tijdigheid = hulp.TIJDIGHEID_LABELS[bezwaar.tijdigheid].lower()
                messages.success(
                    request,
                    f"Het bezwaar is geregistreerd: {tijdigheid}. Beslissen uiterlijk "
                    f"{hulp.datum(bezwaar.beslissen_uiterlijk)} (Awb 7:10).",
                )
                return redirect("bezwaren:bezwaar", pk=bezwaar.pk)
        status = 400
    context = {"b": beschikking, "inwoner": beschikking.inwoner, "form": form}
    return render(request, "bezwaren/registreren.html", context, status=status)


@access.requires(Resource.BEZWAAR, Action.LEZEN)
def bezwaren(request: HttpRequest) -> HttpResponse:
    uitkomst = hulp.keuze(request.GET.get("uitkomst"), {"open", *BezwaarUitkomst.values})
    page = Paginator(
        selectors.bezwaren_register(request.user, uitkomst=uitkomst or None), hulp.PAGE_SIZE
    ).get_page(request.GET.get("pagina"))
    for bezwaar in page.object_list:
        bezwaar.tijdigheid_label = hulp.TIJDIGHEID_LABELS.get(
            bezwaar.tijdigheid, bezwaar.tijdigheid
        )
        bezwaar.stand = bezwaar.termijn_stand
        bezwaar.stand_label = hulp.stand_label(bezwaar.termijn_stand)
    context = {
        "page": page,
        "uitkomst": uitkomst,
        "uitkomsten": [("open", "In behandeling")]
        + [c for c in BezwaarUitkomst.choices if c[0] != BezwaarUitkomst.LOPEND],
        "pagina_query": urlencode({"uitkomst": uitkomst} if uitkomst else {}),
    }
    return render(request, "bezwaren/bezwaren.html", context)


def _bezwaar_pagina(
    request: HttpRequest,
    bezwaar: Bezwaar,
    *,
    bound: dict[str, Form] | None = None,
    verdagen: VerdaagForm | None = None,
    status: int = 200,
) -> HttpResponse:
    hulp.open_dossier(request, Resource.BEZWAAR, Action.LEZEN, bezwaar.beschikking.inwoner)
    lopend = bezwaar.uitkomst == BezwaarUitkomst.LOPEND
    behandelen = access.allows(request.user, Resource.BEZWAAR, Action.BEHANDELEN) and lopend
    andere = [
        b
        for b in page_selectors.beschikkingen_van(bezwaar.beschikking.inwoner)
        if b.pk != bezwaar.beschikking_id
    ]
    forms: dict[str, Form] = {}
    if behandelen:
        forms["beslissen"] = BezwaarBeslisForm(prefix="beslissen", beschikkingen=andere)
    forms.update(bound or {})
    context = {
        "bezwaar": bezwaar,
        "verzendingen": beschikkingen_selectors.verzendingen_van(
            BriefSoort.BESLISSING_OP_BEZWAAR,
            bezwaar.pk,
            gemeente_id=bezwaar.beschikking.gemeente_id,
        ),
        "b": bezwaar.beschikking,
        "inwoner": bezwaar.beschikking.inwoner,
        "tijdigheid_label": hulp.TIJDIGHEID_LABELS.get(bezwaar.tijdigheid, bezwaar.tijdigheid),
        "lopend": lopend,
        "stand": bezwaar.termijn_stand or "",
        "stand_label": hulp.stand_label(bezwaar.termijn_stand),
        "mag_verdagen": behandelen and not bezwaar.verdaagd,
        "verdaagd_uiterlijk": (
            services.bezwaar_verdaagd_uiterlijk(bezwaar)
            if behandelen and not bezwaar.verdaagd
            else None
        ),
        "forms": forms,
        "fout_actie": next(iter(bound), "") if bound else ("verdagen" if verdagen else ""),
        "verdaag_form": verdagen or VerdaagForm(prefix="verdagen"),
    }
    return render(request, "bezwaren/bezwaar.html", context, status=status)


@access.requires(Resource.BEZWAAR, Action.LEZEN)
def bezwaar_detail(request: HttpRequest, pk: int) -> HttpResponse:
    verdagen = form_from_session(request, f"verdagen-{pk}", VerdaagForm, prefix="verdagen")
    return _bezwaar_pagina(request, _bezwaar(request, pk, Action.LEZEN), verdagen=verdagen)


@require_http_methods(["GET", "POST"])
@access.requires(Resource.BEZWAAR, Action.BEHANDELEN)
def bezwaar_verdagen(request: HttpRequest, pk: int) -> HttpResponse:
    """Extend the decision term once by six weeks (Awb 7:10 lid 3), after the person confirmed
    it (irreversible). A GET goes to the bezwaar; a refusal comes back there (PRG)."""
    bezwaar = _bezwaar(request, pk, Action.BEHANDELEN)
    hulp.open_dossier(request, Resource.BEZWAAR, Action.BEHANDELEN, bezwaar.beschikking.inwoner)
    terug = reverse("bezwaren:bezwaar", args=[pk]) + "#verdagen"
    if request.method == "GET":
        return redirect(terug)
    form = VerdaagForm(request.POST, prefix="verdagen")
    if not form.is_valid():
        return redirect_with_errors(request, f"verdagen-{pk}", form, terug)
    try:
        bezwaar = services.bezwaar_postpone(
            bezwaar=bezwaar, actor=request.user, via=hulp.via(request)
        )
    except ValidationError as exc:
        add_service_errors(form, exc)
        return redirect_with_errors(request, f"verdagen-{pk}", form, terug)
    messages.success(
        request,
        "De beslistermijn is eenmaal verdaagd tot en met "
        f"{hulp.datum(bezwaar.beslissen_uiterlijk)}. Laat de indiener dit schriftelijk weten "
        "(Awb 7:10 lid 3).",
    )
    return redirect("bezwaren:bezwaar", pk=bezwaar.pk)


@require_POST
@access.requires(Resource.BEZWAAR, Action.BEHANDELEN)
def bezwaar_beslissen(request: HttpRequest, pk: int) -> HttpResponse:
    bezwaar = _bezwaar(request, pk, Action.BEHANDELEN)
    hulp.open_dossier(request, Resource.BEZWAAR, Action.BEHANDELEN, bezwaar.beschikking.inwoner)
    andere = [
        b
        for b in page_selectors.beschikkingen_van(bezwaar.beschikking.inwoner)
        if b.pk != bezwaar.beschikking_id
    ]
    form = BezwaarBeslisForm(request.POST, prefix="beslissen", beschikkingen=andere)
    if form.is_valid():
        try:
            bezwaar = services.bezwaar_decide(
                bezwaar=bezwaar,
                uitkomst=form.cleaned_data["uitkomst"],
                besloten_op=form.cleaned_data["besloten_op"],
                nieuwe_beschikking=form.gekozen_beschikking(),
                motivering=form.cleaned_data["motivering"],
                actor=request.user,
                via=hulp.via(request),
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request, f"Op het bezwaar is beslist: {bezwaar.get_uitkomst_display().lower()}."
            )
            return redirect("bezwaren:bezwaar", pk=bezwaar.pk)
    return _bezwaar_pagina(
        request, _bezwaar(request, pk, Action.BEHANDELEN), bound={"beslissen": form}, status=400
    )


@require_POST
@access.requires(Resource.BEZWAAR, Action.BEHANDELEN)
def bezwaar_informeel(request: HttpRequest, pk: int) -> HttpResponse:
    bezwaar = _bezwaar(request, pk, Action.BEHANDELEN)
    hulp.open_dossier(request, Resource.BEZWAAR, Action.BEHANDELEN, bezwaar.beschikking.inwoner)
    datum = hulp.datum_uit(request, "datum")
    if datum is not None:
        hulp.actie(
            request,
            lambda: services.bezwaar_informeel_gesprek(
                bezwaar=bezwaar, op=datum, actor=request.user, via=hulp.via(request)
            ),
            "Het informele gesprek is vastgelegd.",
        )
    return redirect("bezwaren:bezwaar", pk=pk)


@access.requires(Resource.KLACHT, Action.LEZEN)
def klachten(request: HttpRequest) -> HttpResponse:
    """Complaints, apart from bezwaren, with their own handling term (Awb 9:11); register one."""
    gemeente = hulp.gemeente_van(request)
    mag_registreren = access.allows(request.user, Resource.KLACHT, Action.AANMAKEN)
    form = KlachtForm(request.POST or None, prefix="klacht") if mag_registreren else None
    if not access.allows(request.user, Resource.DOSSIER, Action.ZOEKEN) and form is not None:
        del form.fields["bsn"]
    status = 200
    if request.method == "POST":
        if form is None:
            # The role check of the rule itself: refused and logged.
            access.require(request.user, Resource.KLACHT, Action.AANMAKEN, via=hulp.via(request))
        inwoner = None
        if form.is_valid() and form.cleaned_data.get("bsn", "").strip():
            try:
                inwoner = inwoner_by_bsn(request.user, form.cleaned_data["bsn"])
            except ValidationError as exc:
                form.add_error("bsn", exc.messages)
            else:
                hulp.open_dossier(request, Resource.KLACHT, Action.AANMAKEN, inwoner.pk)
        if form.is_valid():
            try:
                klacht = services.klacht_register(
                    gemeente=gemeente,
                    ingediend_door=form.cleaned_data["ingediend_door"].strip(),
                    ontvangen_op=form.cleaned_data["ontvangen_op"],
                    onderwerp=form.cleaned_data["onderwerp"],
                    commissie=form.cleaned_data["commissie"],
                    inwoner=inwoner,
                    actor=request.user,
                    via=hulp.via(request),
                )
            except ValidationError as exc:
                add_service_errors(form, exc, {"inwoner": "bsn"})
            else:
                messages.success(
                    request,
                    f"Klacht {klacht.pk} is geregistreerd. Afhandelen uiterlijk "
                    f"{hulp.datum(klacht.afhandelen_uiterlijk)} (Awb 9:11).",
                )
                return redirect("bezwaren:klachten")
        status = 400
    page = Paginator(
        selectors.klachten_register(request.user, gemeente_id=gemeente.pk), hulp.PAGE_SIZE
    ).get_page(request.GET.get("pagina"))
    for klacht in page.object_list:
        klacht.stand = klacht.termijn_stand
        klacht.stand_label = hulp.stand_label(klacht.termijn_stand)
    context = {"page": page, "form": form}
    return render(request, "bezwaren/klachten.html", context, status=status)


@require_POST
@access.requires(Resource.KLACHT, Action.BEHANDELEN)
def klacht_afhandelen(request: HttpRequest, pk: int) -> HttpResponse:
    klacht = selectors.klacht_get(pk, gemeente_id=hulp.gemeente_van(request).pk)
    if klacht is None:
        raise Http404("Deze klacht bestaat niet.")
    if klacht.inwoner_id is not None:
        hulp.open_dossier(request, Resource.KLACHT, Action.BEHANDELEN, klacht.inwoner_id)
    datum = hulp.datum_uit(request, "datum")
    if datum is not None:
        hulp.actie(
            request,
            lambda: services.klacht_settle(
                klacht=klacht,
                op=datum,
                uitkomst=request.POST.get("uitkomst", ""),
                actor=request.user,
                via=hulp.via(request),
            ),
            "De klacht is afgehandeld.",
        )
    return redirect("bezwaren:klachten")


def _klacht_behandelen(request: HttpRequest, pk: int) -> Klacht:
    klacht = selectors.klacht_get(pk, gemeente_id=hulp.gemeente_van(request).pk)
    if klacht is None:
        raise Http404("Deze klacht bestaat niet.")
    if klacht.inwoner_id is not None:
        hulp.open_dossier(request, Resource.KLACHT, Action.BEHANDELEN, klacht.inwoner_id)
    return klacht


@require_POST
@access.requires(Resource.KLACHT, Action.BEHANDELEN)
def klacht_verdagen(request: HttpRequest, pk: int) -> HttpResponse:
    """Postpone once by at most four weeks, with a letter to the complainant (Awb 9:11 lid 2)."""
    klacht = _klacht_behandelen(request, pk)
    datum = hulp.datum_uit(request, "datum")
    if datum is not None:
        hulp.actie(
            request,
            lambda: services.klacht_postpone(
                klacht=klacht,
                op=datum,
                reden=request.POST.get("reden", ""),
                actor=request.user,
                via=hulp.via(request),
            ),
            "De afhandeling is verdaagd; de klager krijgt een brief met de nieuwe datum.",
        )
    return redirect("bezwaren:klachten")


@require_POST
@access.requires(Resource.KLACHT, Action.BEHANDELEN)
def klacht_uitstellen(request: HttpRequest, pk: int) -> HttpResponse:
    """Further postponement with the complainant's written consent (Awb 9:11 lid 3)."""
    klacht = _klacht_behandelen(request, pk)
    tot = hulp.datum_uit(request, "tot")
    toestemming_op = hulp.datum_uit(request, "toestemming_op") if tot is not None else None
    if tot is not None and toestemming_op is not None:
        hulp.actie(
            request,
            lambda: services.klacht_uitstel_met_toestemming(
                klacht=klacht,
                tot=tot,
                toestemming=request.POST.get("toestemming", ""),
                toestemming_op=toestemming_op,
                actor=request.user,
                via=hulp.via(request),
            ),
            "Het uitstel met instemming van de klager is vastgelegd.",
        )
    return redirect("bezwaren:klachten")


@access.requires(Resource.KLACHT, Action.LEZEN)
def klacht_verdaging_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """The notice of postponement as sent (PDF/A)."""
    klacht = selectors.klacht_get(pk, gemeente_id=hulp.gemeente_van(request).pk)
    if klacht is None:
        raise Http404("Deze klacht bestaat niet.")
    if klacht.inwoner_id is not None:
        hulp.open_dossier(request, Resource.KLACHT, Action.LEZEN, klacht.inwoner)
    if not klacht.verdaging_brief_pdf:
        raise Http404("Deze klacht is niet verdaagd.")
    response = HttpResponse(bytes(klacht.verdaging_brief_pdf), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="verdaging-klacht-{klacht.pk}.pdf"'
    return response


@access.requires(Resource.BEZWAAR, Action.LEZEN)
def bezwaar_brief_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """The decision on bezwaar as sent (PDF/A, stored at the decision, never made again)."""
    bezwaar = _bezwaar(request, pk, Action.LEZEN)
    hulp.open_dossier(request, Resource.BEZWAAR, Action.LEZEN, bezwaar.beschikking.inwoner)
    if not bezwaar.brief_pdf:
        raise Http404("Op dit bezwaar is nog geen brief verzonden.")
    response = HttpResponse(bytes(bezwaar.brief_pdf), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="beslissing-op-bezwaar-{bezwaar.pk}.pdf"'
    return response


@access.requires(Resource.KLACHT, Action.LEZEN)
def klacht_brief_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """The letter on the handling of a complaint as sent (PDF/A, never made again)."""
    klacht = selectors.klacht_get(pk, gemeente_id=hulp.gemeente_van(request).pk)
    if klacht is None:
        raise Http404("Deze klacht bestaat niet.")
    if klacht.inwoner_id is not None:
        hulp.open_dossier(request, Resource.KLACHT, Action.LEZEN, klacht.inwoner)
    if not klacht.brief_pdf:
        raise Http404("Deze klacht is nog niet afgehandeld.")
    response = HttpResponse(bytes(klacht.brief_pdf), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="klacht-{klacht.pk}.pdf"'
    return response
