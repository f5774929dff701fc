"""Server-rendered pages for staff. Views parse, authorise, call a selector or service, render."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from eenplan.common.paginering import BegrensdePaginator
from eenplan.gemeente.middleware import SESSIE_SLEUTEL
from eenplan.gemeente.selectors import gemeenten_van_login, medewerker_for_user
from eenplan.inwoners.selectors import ZOEK_TELLEN_MAX, inwoner_search
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource
from eenplan.privacy.constants import Doel
from eenplan.privacy.selectors import default_doel, inzage_inwoners_zoeken, inzage_list
from eenplan.web.parameters import allowed_parameters
from eenplan.web.selectors import dossier_get, dossier_inwoner
from eenplan.web.selectors import zoeken as zoeken_selector

PAGE_SIZE = 25


@login_required
def home(request: HttpRequest) -> HttpResponse:
    medewerker = medewerker_for_user(request.user)
    context = {
        "rol": medewerker.functie
        if medewerker
        else ("beheer" if request.user.is_superuser else ""),
        "teams": list(medewerker.teams.prefetch_related("wijken")) if medewerker else [],
        "doelen": Doel.choices,
        "standaard_doel": default_doel(request.user),
    }
    return render(request, "web/home.html", context)


@access.requires(Resource.DOSSIER, Action.ZOEKEN)
@allowed_parameters("q", "doel", "pagina")
def inwoner_zoeken(request: HttpRequest) -> HttpResponse:
    q = request.GET.get("q", "")
    doel = request.GET.get("doel") or default_doel(request.user)
    if doel not in Doel.values:
        doel = default_doel(request.user)
    vraag, results = inwoner_search(scope=access.inwoners_in_scope(request.user), q=q)
    paginator = BegrensdePaginator(results, PAGE_SIZE, max_aantal=ZOEK_TELLEN_MAX)
    page = paginator.get_page(request.GET.get("pagina"))
    context = {
        "q": q,
        "vraag": vraag,
        "page": page,
        "meer": paginator.meer,
        "max_aantal": ZOEK_TELLEN_MAX,
        "doel": doel,
        "doelen": Doel.choices,
    }
    template = "web/_zoekresultaten.html" if request.htmx else "web/inwoner_zoeken.html"
    return render(request, template, context)


@access.requires(Resource.DOSSIER, Action.LEZEN, per_record=True)
def inwoner_detail(request: HttpRequest, pk: int) -> HttpResponse:
    inwoner = dossier_inwoner(request.user, pk, via=access.Via.request(request))
    try:
        access.require(
            request.user,
            Resource.DOSSIER,
            Action.LEZEN,
            via=access.Via.request(request),
            inwoner=inwoner,
            doel=request.GET.get("doel"),
        )
    except ValidationError as exc:
        return render(
            request,
            "web/fout.html",
            {"titel": "Ongeldig verzoek", "reden": " ".join(exc.messages)},
            status=400,
        )
    vandaag = timezone.localdate()
    dossier = dossier_get(user=request.user, inwoner=inwoner, vandaag=vandaag)
    context = {
        "inwoner": inwoner,
        "leeftijd": inwoner.leeftijd_op(vandaag),
        "dossier": dossier,
        "huishouden": dossier.huishouden,
        "leden_nu": dossier.leden_nu,
        "leden_eerder": dossier.leden_eerder,
        "netwerk": dossier.netwerk,
    }
    return render(request, "web/inwoner_detail.html", context)


def _parse_date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


@access.requires(Resource.INZAGELOG, Action.LEZEN)
@allowed_parameters("gebruiker", "inwoner", "doel", "van", "tot", "uitkomst", "pagina")
def inzagelog(request: HttpRequest) -> HttpResponse:
    filters = {
        "gebruiker": request.GET.get("gebruiker", "").strip(),
        "inwoner": request.GET.get("inwoner", "").strip(),
        "doel": request.GET.get("doel", ""),
        "van": request.GET.get("van", ""),
        "tot": request.GET.get("tot", ""),
        "uitkomst": request.GET.get("uitkomst", ""),
    }
    errors = []
    inwoner_ids = None
    if filters["inwoner"]:
        inwoner_ids, reden = inzage_inwoners_zoeken(user=request.user, q=filters["inwoner"])
        if reden:
            errors.append(f"Inwoner: {reden}")
        elif not inwoner_ids:
            errors.append("Geen inwoner van uw gemeente gevonden met dit nummer, BSN of deze naam.")
    van, tot = _parse_date(filters["van"]), _parse_date(filters["tot"])
    if filters["van"] and van is None or filters["tot"] and tot is None:
        errors.append("Vul een datum in als jjjj-mm-dd.")
    from django.contrib.auth import get_user_model

    user_id = None
    if filters["gebruiker"]:
        user_id = (
            get_user_model()
            .objects.filter(username=filters["gebruiker"])
            .values_list("id", flat=True)
            .first()
        ) or -1
    uitkomst = {"ingezien": True, "geweigerd": False}.get(filters["uitkomst"])
    entries = inzage_list(
        user=request.user,
        inwoner_ids=inwoner_ids,
        toegestaan=uitkomst,
        user_id=user_id,
        doel=filters["doel"] if filters["doel"] in Doel.values else None,
        van=van,
        tot=tot,
    )
    page = Paginator(entries, 50).get_page(request.GET.get("pagina"))
    return render(
        request,
        "web/inzagelog.html",
        {
            "page": page,
            "filters": filters,
            "errors": errors,
            "doelen": Doel.choices,
            "inwoner_fout": bool(filters["inwoner"]) and not inwoner_ids,
        },
    )


@access.requires(Resource.DOSSIER, Action.ZOEKEN)
@allowed_parameters("q")
def zoeken(request: HttpRequest) -> HttpResponse:
    """The search box in the header: residents, meldingen and beschikkingen, grouped."""
    resultaat = zoeken_selector(user=request.user, q=request.GET.get("q", ""))
    return render(request, "web/zoeken.html", {"resultaat": resultaat})


@access.requires(Resource.GEMEENTE, Action.LEZEN)
@allowed_parameters()
def gemeente_kiezen(request: HttpRequest) -> HttpResponse:
    """A login of a regional team works for several municipalities (issue 16): it chooses one
    here and sees each only through that municipality's record (its teams, its wijken, its
    residents, its settings). The choice is kept in the session and logged; a municipality
    the login does not work for is refused (403, logged) and changes nothing."""
    lidmaatschappen = list(gemeenten_van_login(request.user))
    huidig = medewerker_for_user(request.user)
    if request.method == "POST":
        keuze = next(
            (m for m in lidmaatschappen if str(m.gemeente_id) == request.POST.get("gemeente")),
            None,
        )
        if keuze is None:
            access.log_refusal(request.user, via=access.Via.request(request), reason=NIET_LID)
            raise PermissionDenied(NIET_LID)
        request.session[SESSIE_SLEUTEL] = keuze.gemeente_id
        access.log_allowed(
            request.user,
            Resource.GEMEENTE,
            Action.LEZEN,
            via=access.Via.request(request),
            toelichting=f"Gewisseld naar de gemeente {keuze.gemeente} ({keuze.gemeente.cbs_code}).",
        )
        messages.success(request, f"U werkt nu voor de gemeente {keuze.gemeente.naam}.")
        return redirect("web:home")
    context = {"lidmaatschappen": lidmaatschappen, "huidig": huidig}
    return render(request, "web/gemeente_kiezen.html", context)


NIET_LID = "U werkt niet voor deze gemeente: kies een gemeente uit de lijst."
