"""Staff pages from aanvraag to beschikking: the worklist of open aanvragen, the decision form
(per provision: ZIN with a provider or PGB with its three conditions), the beschikking with its
letter, eigen bijdrage and bezwaar clause (with the bezwaren against it, registered and handled
by the pages of `eenplan.bezwaren`), the lawfulness queue, the worklist of provisions ending or
due for heronderzoek, the transition rights.

Views parse, authorise, call a selector or service and render. Access is decided by the one
access module (`privacy.access`): `@access.requires` for the role (refusals logged), then, once
the resident is known, `access.require(..., inwoner=...)` on reading pages (need-to-know, logged
allowed and refused with doel 'beschikking', 'bezwaar' or 'controle'), and the services
for every write, before its input is read, and the services again (they receive the actor and
log only a refusal of their own). A record is loaded with the same selector
as the API (`beschikkingen.selectors.*_get`, 404 when it does not exist), so scope means the
same on both. A refusal of a service is shown in Dutch next to the form and changes nothing (the
services are atomic). Worklists show only residents in scope.
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from eenplan.beschikkingen import page_selectors, selectors, services
from eenplan.beschikkingen import paginahulp as hulp
from eenplan.beschikkingen.constants import AanvraagStatus, Rechtmatigheid, Uitkomst
from eenplan.beschikkingen.forms import (
    MAX_REGELS,
    BeschikkingZoekForm,
    BeslisForm,
    RegelForm,
    ToetsForm,
    VerzendForm,
)
from eenplan.beschikkingen.models import Aanvraag, Beschikking, BeschikteVoorziening
from eenplan.beschikkingen.selectors import opschorting_lopend, overgangsrecht_werklijst
from eenplan.common.constants import Wet
from eenplan.common.pdf import tekst_naar_pdf
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource
from eenplan.rules import voorziening as voorziening_rules
from eenplan.voorzieningen.constants import Leveringsvorm
from eenplan.voorzieningen.models import Voorziening
from eenplan.voorzieningen.selectors import codelijst_omschrijvingen
from eenplan.web.forms import add_service_errors


def _aanvraag(pk: int) -> Aanvraag:
    aanvraag = selectors.aanvraag_get(pk)
    if aanvraag is None:
        raise Http404("Deze aanvraag bestaat niet.")
    return aanvraag


def _beschikking(pk: int) -> Beschikking:
    beschikking = selectors.beschikking_get(pk)
    if beschikking is None:
        raise Http404("Deze beschikking bestaat niet.")
    return beschikking


# --- aanvragen --------------------------------------------------------------------------------


@access.requires(Resource.AANVRAAG, Action.LEZEN)
def aanvragen(request: HttpRequest) -> HttpResponse:
    """Open aanvragen of residents in scope with their decision deadline and its state."""
    filters = {
        "wet": hulp.keuze(request.GET.get("wet"), Wet.values),
        "sortering": hulp.keuze(request.GET.get("sortering"), page_selectors.AANVRAAG_SORTERINGEN)
        or "termijn",
    }
    lijst = page_selectors.aanvragen_open(
        request.user, wet=filters["wet"] or None, sortering=filters["sortering"]
    )
    page = Paginator(lijst, hulp.PAGE_SIZE).get_page(request.GET.get("pagina"))
    for aanvraag in page.object_list:
        aanvraag.stand = aanvraag.termijn_stand
        aanvraag.stand_label = hulp.stand_label(aanvraag.termijn_stand)

    def query(**changes: str) -> str:
        return urlencode({k: v for k, v in {**filters, **changes}.items() if v})

    context = {
        "page": page,
        "filters": filters,
        "wetten": Wet.choices,
        "kolommen": hulp.sorteerkolommen(
            filters["sortering"], {"termijn": "termijn", "ontvangen": "ontvangen"}, query
        ),
        "pagina_query": query(),
        "terug": list(page_selectors.terug_naar_beslisser(request.user)[:10])
        if access.allows(request.user, Resource.BESCHIKKING, Action.BESLISSEN)
        else [],
    }
    return render(request, "beschikkingen/aanvragen.html", context)


def _regel_initial(aanvraag: Aanvraag, voorzieningen: list[Voorziening]) -> dict[str, Any]:
    """The first row starts with the provision the plan proposed, when the names match."""
    naam = aanvraag.omschrijving.strip().lower()
    gekozen = next((v for v in voorzieningen if v.naam.strip().lower() == naam), None)
    return {
        "voorziening": str(gekozen.pk) if gekozen else "",
        "begin": timezone.localdate(),
    }


def _aantal(request: HttpRequest) -> int:
    try:
        return max(1, min(MAX_REGELS, int(request.POST.get("aantal", "1"))))
    except ValueError:
        return 1


def _pgb_berekening(form: RegelForm) -> None:
    """The PGB budget for a row, before saving: at most the cheapest ZIN tariff per unit
    (Wmo 2015 art. 2.3.6 lid 3), computed by the rules module."""
    form.berekening = None  # type: ignore[attr-defined]
    form.berekening_fout = ""  # type: ignore[attr-defined]
    if not form.is_valid() or form.cleaned_data.get("leveringsvorm") != Leveringsvorm.PGB:
        return
    voorziening = form.gekozen
    omvang, tarief = form.cleaned_data["omvang"], form.cleaned_data["pgb_tarief"]
    if voorziening is None or omvang is None or tarief is None:
        form.berekening_fout = (  # type: ignore[attr-defined]
            "Kies de voorziening en vul de omvang en het gevraagde tarief in."
        )
        return
    try:
        form.berekening = voorziening_rules.pgb_budget(  # type: ignore[attr-defined]
            omvang=omvang,
            zin_tarieven=page_selectors.zin_aanbieders(voorziening).values(),
            gevraagd_tarief=tarief,
        )
    except ValueError as exc:
        form.berekening_fout = str(exc)  # type: ignore[attr-defined]


def _plafonds(voorzieningen: list[Voorziening]) -> list[dict[str, Any]]:
    """Per provision its providers' ZIN tariffs and the PGB ceiling (the cheapest)."""
    result = []
    for v in voorzieningen:
        tarieven = page_selectors.zin_aanbieders(v)
        result.append(
            {
                "voorziening": v,
                "tarieven": sorted(tarieven.items(), key=lambda t: (t[1], t[0])),
                "plafond": min(tarieven.values()) if tarieven else None,
            }
        )
    return result


def _service_fouten(exc: ValidationError, hoofd: BeslisForm, regels: list[RegelForm]) -> None:
    """A refusal of beschikking_issue on the form: the date and motivering at their fields,
    a message about one provision (it starts with its name or product code) on that row,
    the rest above the form."""
    if not hasattr(exc, "error_dict"):
        hoofd.add_error(None, exc.messages)
        return
    for key, fouten in exc.message_dict.items():
        if key in hoofd.fields:
            hoofd.add_error(key, fouten)
            continue
        for fout in fouten:
            regel = next(
                (
                    form
                    for form in regels
                    if form.gekozen is not None
                    and (
                        fout.startswith(f"{form.gekozen.naam}: ")
                        or fout.startswith(f"Product {form.gekozen.productcode}:")
                    )
                ),
                None,
            )
            (regel or hoofd).add_error(None, fout)


@access.requires(Resource.BESCHIKKING, Action.BESLISSEN)
def beslissen(request: HttpRequest, pk: int) -> HttpResponse:
    """Decide on an aanvraag, per requested provision. Buttons: add a row, compute the PGB
    budget (writes nothing), or record the decision (beschikking_issue)."""
    aanvraag = _aanvraag(pk)
    hulp.open_dossier(request, Resource.BESCHIKKING, Action.BESLISSEN, aanvraag.inwoner_id)
    if aanvraag.status != AanvraagStatus.ONTVANGEN:
        beschikking = aanvraag.beschikkingen.order_by("-id").first()
        messages.info(
            request,
            "Deze aanvraag is ingetrokken."
            if aanvraag.status == AanvraagStatus.INGETROKKEN
            else "Op deze aanvraag is al besloten.",
        )
        if beschikking is not None:
            return redirect("beschikkingen:detail", pk=beschikking.pk)
        return redirect("beschikkingen:aanvragen")
    door_generalist = services.is_generalist(request.user)
    post = request.POST if request.method == "POST" else None
    actie = request.POST.get("actie", "vastleggen") if post else ""
    hoofd = BeslisForm(post)
    op = hoofd.cleaned_data["besloten_op"] if post and hoofd.is_valid() else timezone.localdate()
    voorzieningen = page_selectors.maatwerk_keuzes(
        gemeente=aanvraag.gemeente, wet=aanvraag.wet, op=op
    )
    aantal = _aantal(request) if post else 1
    regels = [
        RegelForm(
            post,
            prefix=f"regel-{i}",
            voorzieningen=voorzieningen,
            wet=aanvraag.wet,
            initial=_regel_initial(aanvraag, voorzieningen) if i == 0 else {},
        )
        for i in range(aantal)
    ]
    status = 200
    if actie == "meer" and aantal < MAX_REGELS:
        regels.append(
            RegelForm(
                prefix=f"regel-{aantal}",
                voorzieningen=voorzieningen,
                wet=aanvraag.wet,
                initial={"begin": op},
            )
        )
    elif actie == "berekenen":
        for form in regels:
            _pgb_berekening(form)
    elif actie == "vastleggen":
        geldig = hoofd.is_valid() and all(form.is_valid() for form in regels)
        if geldig:
            try:
                beschikking = services.beschikking_issue(
                    aanvraag=aanvraag,
                    actor=request.user,
                    besloten_op=hoofd.cleaned_data["besloten_op"],
                    motivering=hoofd.cleaned_data["motivering"],
                    regels=[r for r in (form.regel() for form in regels) if r is not None],
                    via=hulp.via(request),
                )
            except ValidationError as exc:
                _service_fouten(exc, hoofd, regels)
            else:
                messages.success(
                    request,
                    f"Beschikking {beschikking.pk} is vastgelegd. Lees de brief na en verstuur "
                    "hem.",
                )
                return redirect("beschikkingen:detail", pk=beschikking.pk)
        status = 400
    context = {
        "aanvraag": aanvraag,
        "inwoner": aanvraag.inwoner,
        "hoofd": hoofd,
        "regels": regels,
        "aantal": len(regels),
        "max_regels": MAX_REGELS,
        "fouten": status == 400,
        "ladder": page_selectors.ladder_van(aanvraag.inwoner),
        "plafonds": _plafonds(voorzieningen),
        "door_generalist": door_generalist,
        "stand": aanvraag.termijn_stand,
        "stand_label": hulp.stand_label(aanvraag.termijn_stand),
        "jeugd": aanvraag.wet == Wet.JEUGD,
    }
    return render(request, "beschikkingen/beslissen.html", context, status=status)


# --- one beschikking --------------------------------------------------------------------------


def _omvang_labels(regels: list[BeschikteVoorziening]) -> None:
    """'uur', 'per week': the code list descriptions of each row's unit and frequency."""
    omschrijvingen = codelijst_omschrijvingen()
    for regel in regels:
        regel.eenheid_label = omschrijvingen.get(  # type: ignore[attr-defined]
            ("WJ756", regel.eenheid), regel.eenheid
        ).lower()
        regel.frequentie_label = omschrijvingen.get(  # type: ignore[attr-defined]
            ("WMO757", regel.frequentie), ""
        ).lower()


def _eigen_bijdrage(beschikking: Beschikking, vandaag: dt.date) -> dict[str, Any]:
    """The household's contribution on the letter's date, or from the first start date when
    the granted provisions only start later."""
    op = beschikking.verzonden_op or vandaag
    uitkomst = services.eigen_bijdrage_voor(beschikking.inwoner, op)
    if uitkomst is None:
        later = sorted(
            r.begin
            for r in beschikking.voorzieningen.all()
            if r.uitkomst != Uitkomst.AFGEWEZEN and r.begin is not None and r.begin > op
        )
        if later and beschikking.aanvraag.wet == Wet.WMO:
            op = later[0]
            uitkomst = services.eigen_bijdrage_voor(beschikking.inwoner, op)
    return {"uitkomst": uitkomst, "op": op}


def _beschikking_pagina(
    request: HttpRequest,
    beschikking: Beschikking,
    *,
    bound: dict[str, Form] | None = None,
    status: int = 200,
) -> HttpResponse:
    hulp.open_dossier(request, Resource.BESCHIKKING, Action.LEZEN, beschikking.inwoner_id)
    user = request.user
    vandaag = timezone.localdate()
    _omvang_labels(list(beschikking.voorzieningen.all()))
    verzonden = beschikking.verzonden_op is not None
    acties = {
        "verzenden": access.allows(user, Resource.BESCHIKKING, Action.BESLISSEN)
        and not verzonden
        and beschikking.rechtmatigheid != Rechtmatigheid.ONRECHTMATIG
        and (
            beschikking.rechtmatigheid != Rechtmatigheid.TE_TOETSEN
            or settings.EENPLAN_VERZENDEN_VOOR_TOETSING
        ),
        "toetsen": access.allows(user, Resource.BESCHIKKING, Action.TOETSEN)
        and beschikking.rechtmatigheid == Rechtmatigheid.TE_TOETSEN
        and beschikking.besloten_door_id != user.pk,
        "bezwaar": access.allows(user, Resource.BEZWAAR, Action.AANMAKEN) and verzonden,
    }
    forms: dict[str, Form] = {}
    if acties["verzenden"]:
        forms["verzenden"] = VerzendForm(prefix="verzenden")
    if acties["toetsen"]:
        forms["toetsen"] = ToetsForm(
            prefix=f"toets-{beschikking.pk}", initial={"terug": "beschikking"}
        )
    forms.update(bound or {})
    fout_actie = next(iter(bound), "") if bound else ""
    # The bezwaren against this decision (app `bezwaren`, above this one), through the reverse
    # relation; registering one is a page of that app (`bezwaren:bezwaar-registreren`).
    bezwaren = list(beschikking.bezwaren.all())
    for bezwaar in bezwaren:
        bezwaar.tijdigheid_label = hulp.TIJDIGHEID_LABELS.get(  # type: ignore[attr-defined]
            bezwaar.tijdigheid, bezwaar.tijdigheid
        )
    context = {
        "b": beschikking,
        "inwoner": beschikking.inwoner,
        "regels": list(beschikking.voorzieningen.all()),
        "verzonden": verzonden,
        "brief": services.brief_tekst(beschikking, vandaag),
        "bijdrage": _eigen_bijdrage(beschikking, vandaag),
        "acties": acties,
        "forms": forms,
        "fout_actie": fout_actie,
        # A refusal for an action whose form is no longer shown (sent meanwhile, found
        # unlawful) goes above the page.
        "losse_fouten": [m for fouten in bound[fout_actie].errors.values() for m in fouten]
        if fout_actie and not acties.get(fout_actie)
        else [],
        "bezwaren": bezwaren,
        "eigen_besluit": beschikking.besloten_door_id == user.pk,
        "vandaag": vandaag,
    }
    return render(request, "beschikkingen/beschikking.html", context, status=status)


@access.requires(Resource.BESCHIKKING, Action.LEZEN)
def beschikking_detail(request: HttpRequest, pk: int) -> HttpResponse:
    verzenden = hulp.form_uit_sessie(request, f"verzenden-{pk}", VerzendForm, prefix="verzenden")
    return _beschikking_pagina(
        request, _beschikking(pk), bound={"verzenden": verzenden} if verzenden else None
    )


@require_http_methods(["GET", "POST"])
@access.requires(Resource.BESCHIKKING, Action.BESLISSEN)
def beschikking_verzenden(request: HttpRequest, pk: int) -> HttpResponse:
    """Send the letter, after the person confirmed they checked it (irreversible). A GET (a
    reload, the back button) goes to the beschikking; a refusal comes back there with every
    message (POST/redirect/GET)."""
    beschikking = _beschikking(pk)
    hulp.open_dossier(request, Resource.BESCHIKKING, Action.BESLISSEN, beschikking.inwoner_id)
    terug = reverse("beschikkingen:detail", args=[pk]) + "#verzenden"
    if request.method == "GET":
        return redirect(terug)
    form = VerzendForm(request.POST, prefix="verzenden")
    if form.is_valid():
        try:
            beschikking = services.beschikking_send(
                beschikking=beschikking,
                actor=request.user,
                op=form.cleaned_data["op"],
                via=hulp.via(request),
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request,
                f"De brief is verzonden op {hulp.datum(beschikking.verzonden_op)}. Bezwaar maken "
                f"kan tot en met {hulp.datum(beschikking.bezwaar_uiterlijk)}.",
            )
            return redirect("beschikkingen:detail", pk=beschikking.pk)
    return hulp.terug_met_fouten(request, f"verzenden-{pk}", form, terug)


@require_POST
@access.requires(Resource.BESCHIKKING, Action.TOETSEN)
def beschikking_toetsen(request: HttpRequest, pk: int) -> HttpResponse:
    beschikking = _beschikking(pk)
    hulp.open_dossier(request, Resource.BESCHIKKING, Action.TOETSEN, beschikking.inwoner_id)
    form = ToetsForm(request.POST, prefix=f"toets-{pk}")
    naar_rij = request.POST.get(f"{form.prefix}-terug") == "toetsing"
    if form.is_valid():
        try:
            services.rechtmatigheid_toets(
                beschikking=beschikking,
                actor=request.user,
                rechtmatig=form.cleaned_data["oordeel"] == "rechtmatig",
                reden=form.cleaned_data["reden"],
                via=hulp.via(request),
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            oordeel = (
                "rechtmatig"
                if form.cleaned_data["oordeel"] == "rechtmatig"
                else "onrechtmatig; het gaat terug naar de beslisser"
            )
            messages.success(request, f"Beschikking {beschikking.pk} is {oordeel}.")
            return redirect(
                "beschikkingen:toetsing" if naar_rij else "beschikkingen:detail",
                **({} if naar_rij else {"pk": beschikking.pk}),
            )
    if naar_rij:
        return _toetsing_pagina(request, bound={beschikking.pk: form}, status=400)
    return _beschikking_pagina(request, _beschikking(pk), bound={"toetsen": form}, status=400)


# --- lawfulness queue -------------------------------------------------------------------------


def _toetsing_pagina(
    request: HttpRequest, *, bound: dict[int, ToetsForm] | None = None, status: int = 200
) -> HttpResponse:
    page = Paginator(page_selectors.toetsing_rij(request.user), hulp.PAGE_SIZE).get_page(
        request.GET.get("pagina")
    )
    _omvang_labels([r for b in page.object_list for r in b.voorzieningen.all()])
    for beschikking in page.object_list:
        beschikking.eigen = beschikking.besloten_door_id == request.user.pk
        beschikking.form = (bound or {}).get(beschikking.pk) or ToetsForm(
            prefix=f"toets-{beschikking.pk}", initial={"terug": "toetsing"}
        )
    context = {"page": page, "fout": next(iter(bound), None) if bound else None}
    return render(request, "beschikkingen/toetsing.html", context, status=status)


@access.requires(Resource.BESCHIKKING, Action.TOETSEN)
def toetsing(request: HttpRequest) -> HttpResponse:
    """Decisions by generalists, to be checked afterwards by the back office (Hardenberg)."""
    return _toetsing_pagina(request)


# --- ending and heronderzoek ------------------------------------------------------------------


@access.requires(Resource.BESCHIKKING, Action.LEZEN)
def einde(request: HttpRequest) -> HttpResponse:
    """Granted provisions ending or due for heronderzoek within eight weeks."""
    vandaag = timezone.localdate()
    sortering = (
        hulp.keuze(request.GET.get("sortering"), page_selectors.EINDE_SORTERINGEN) or "datum"
    )
    lijst = page_selectors.einde_en_heronderzoek(request.user, vandaag=vandaag, sortering=sortering)
    page = Paginator(lijst, hulp.PAGE_SIZE).get_page(request.GET.get("pagina"))
    tot = vandaag + page_selectors.EINDE_VENSTER
    for regel in page.object_list:
        regel.eindigt = regel.einde is not None and vandaag <= regel.einde <= tot
        regel.heronderzoek = (
            regel.heronderzoek_op is not None and vandaag <= regel.heronderzoek_op <= tot
        )

    def query(**changes: str) -> str:
        return urlencode({k: v for k, v in {"sortering": sortering, **changes}.items() if v})

    context = {
        "page": page,
        "vandaag": vandaag,
        "tot": tot,
        "sortering": sortering,
        "kolommen": hulp.sorteerkolommen(sortering, {"datum": "datum"}, query),
        "inwoner_href": f"?{query(sortering='inwoner')}",
        "pagina_query": query(),
    }
    return render(request, "beschikkingen/einde.html", context)


# --- the beschikkingen list --------------------------------------------------------------------


@access.requires(Resource.BESCHIKKING, Action.LEZEN)
def beschikkingen(request: HttpRequest) -> HttpResponse:
    """All beschikkingen within the need-to-know, searched and filtered with the parameters of
    the API (`/api/v1/beschikkingen/`) through the same selector; every resident shown is
    logged. An unknown parameter is reported, not silently ignored."""
    form = BeschikkingZoekForm(request.GET or None, gemeente_id=hulp.gemeente_van(request).pk)
    onbekend = selectors.onbekende_parameters(
        request.GET.keys(), selectors.BESCHIKKING_ZOEK_PARAMETERS
    )
    geldig = form.is_valid() if request.GET else True
    if geldig and not onbekend:
        vraag = form.zoekvraag() if request.GET else selectors.BeschikkingZoekvraag()
        rijen = selectors.beschikkingen_zoeken(
            scope=selectors.beschikkingen_in_scope(request.user), vraag=vraag
        )
    else:
        rijen = Beschikking.objects.none()
    page = Paginator(rijen, hulp.PAGE_SIZE).get_page(request.GET.get("pagina"))
    access.log_shown(
        request.user,
        [b.inwoner_id for b in page.object_list],
        resource=Resource.BESCHIKKING,
        via=hulp.via(request),
    )
    filters = {
        k: v for k, v in request.GET.items() if k in selectors.BESCHIKKING_ZOEK_PARAMETERS and v
    }
    filters.pop("pagina", None)
    context = {
        "form": form,
        "page": page,
        "onbekend": onbekend,
        "gefilterd": bool(filters),
        "pagina_query": urlencode(filters),
    }
    return render(
        request,
        "beschikkingen/beschikkingen.html",
        context,
        status=400 if onbekend or not geldig else 200,
    )


@access.requires(Resource.BESCHIKKING, Action.LEZEN)
def beschikking_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """The letter as PDF: the stored letter once sent, else the preview (marked as such)."""
    beschikking = _beschikking(pk)
    hulp.open_dossier(request, Resource.BESCHIKKING, Action.LEZEN, beschikking.inwoner_id)
    titel = f"Besluit op uw aanvraag - {beschikking.inwoner.naam}"
    if beschikking.verzonden_op is None:
        titel = f"VOORBEELD, niet verzonden - {titel}"
    pdf = tekst_naar_pdf(
        titel=titel,
        tekst=services.brief_tekst(beschikking, timezone.localdate()),
        auteur=f"Gemeente {beschikking.gemeente.naam}",
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="beschikking-{beschikking.pk}.pdf"'
    return response


@require_POST
@access.requires(Resource.AANVRAAG, Action.OPSCHORTEN)
def aanvraag_opschorten(request: HttpRequest, pk: int) -> HttpResponse:
    """Suspend or resume the decision term of an aanvraag (Awb art. 4:15)."""
    aanvraag = _aanvraag(pk)
    hulp.open_dossier(request, Resource.AANVRAAG, Action.OPSCHORTEN, aanvraag.inwoner_id)
    datum = hulp.datum_uit(request, "datum")
    if datum is not None:
        open_ = opschorting_lopend(aanvraag)
        if open_ is None:
            hulp.actie(
                request,
                lambda: services.aanvraag_opschorten(
                    aanvraag=aanvraag,
                    van=datum,
                    reden=request.POST.get("reden", ""),
                    actor=request.user,
                    via=hulp.via(request),
                ),
                "De beslistermijn is opgeschort.",
            )
        else:
            hulp.actie(
                request,
                lambda: services.aanvraag_hervatten(
                    opschorting=open_, tot=datum, actor=request.user, via=hulp.via(request)
                ),
                "De opschorting is beëindigd; de beslistermijn is opnieuw berekend.",
            )
    return redirect("beschikkingen:beslissen", pk=pk)


@access.requires(Resource.BESCHIKKING, Action.LEZEN)
def overgangsrecht(request: HttpRequest) -> HttpResponse:
    """Old indications to re-assess before their legal end (transition rights)."""
    rijen = overgangsrecht_werklijst(
        inwoners=access.inwoners_in_scope(request.user), vandaag=timezone.localdate()
    )
    page = Paginator(rijen, hulp.PAGE_SIZE).get_page(request.GET.get("pagina"))
    return render(
        request,
        "beschikkingen/overgangsrecht.html",
        {"page": page, "vandaag": timezone.localdate()},
    )
