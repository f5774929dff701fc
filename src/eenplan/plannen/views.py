"""Staff pages of Eén plan: the household view, the plan with goals, actions, proposals,
regisseur, participants, safety, signing and versions, and a print view.

Views parse, call a service or selector and render; access is decided by `privacy.access`
only: the role by `access.requires` on each view, the household by `access.require(...,
huishouden=...)` (a current member in the login's scope; every current member shown is logged,
doel 'plan'), and each write once more by the service with the actor. Refusals are 403 pages
with the Dutch reason and a row in the access log; a refusal of a service's rules is shown in
Dutch next to the form. Neither changes anything.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.views.decorators.http import require_POST

from eenplan.common.constants import Wet
from eenplan.gemeente.models import Medewerker
from eenplan.inwoners.constants import NetwerkSoort
from eenplan.inwoners.models import Huishouden, HuishoudenLid, Inwoner, Netwerkpersoon
from eenplan.onderzoeken.models import Leefgebied
from eenplan.onderzoeken.selectors import leefgebieden_actief
from eenplan.plannen import selectors, services
from eenplan.plannen.constants import (
    ACTIEVE_STATUSSEN,
    Doeltype,
    PlanStatus,
    RegisseurSoort,
    Uitvoerder,
)
from eenplan.plannen.forms import (
    AanvraagForm,
    ActieForm,
    DeelnemerForm,
    DoelForm,
    EvaluatieForm,
    IntrekkenForm,
    OndertekenForm,
    RegisseurForm,
    SamenvoegenForm,
    VeiligheidForm,
    VoorstelForm,
)
from eenplan.plannen.models import Plan
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource
from eenplan.privacy.constants import Doel
from eenplan.privacy.services import toestemming_give
from eenplan.rules.onderzoek import LadderStap
from eenplan.web.forms import add_service_errors

GEWEIGERD_PLAN = (
    "U kunt dit plan niet inzien: geen lid van het huishouden valt binnen uw werkgebied of is "
    "aan u toegewezen (need-to-know)."
)
GEWEIGERD_HUISHOUDEN = (
    "U kunt dit huishouden niet inzien: geen lid valt binnen uw werkgebied of is aan u "
    "toegewezen (need-to-know)."
)
PLAN_STATUS = dict(PlanStatus.choices)
DOELTYPE = dict(Doeltype.choices)
UITVOERDER = dict(Uitvoerder.choices)
WET = dict(Wet.choices)
REGISSEUR_SOORT = dict(RegisseurSoort.choices)
# The regisseur form has one select for the person; the service names the kind of person.
REGISSEUR_ALIASES = {"inwoner": "wie", "netwerkpersoon": "wie", "medewerker": "wie", "soort": "wie"}


def _datum(dag: dt.date | None) -> str:
    return date_format(dag, "j F Y") if dag else ""


# --- access and logging ---------------------------------------------------------------------
# Every decision is taken by privacy.access: the role by `access.requires` on each view, the
# household (a *current* member in scope) by `access.require(..., huishouden=...)`, which logs
# every current member shown; a refusal is a 403 page with the reason and a row in the log.


def _via(request: HttpRequest) -> access.Via:
    return access.Via.request(request)


def _plan(request: HttpRequest, pk: int) -> Plan:
    """The plan with everything its page shows: 404 if unknown, else 403 (logged) unless the
    login may read this household's plan. `plan.gelogd` holds the residents already logged."""
    plan = selectors.plan_get(scope=Plan.objects.all(), pk=pk)
    if plan is None:
        raise Http404("Dit plan bestaat niet.")
    besluit = access.require(
        request.user,
        Resource.PLAN,
        Action.LEZEN,
        via=_via(request),
        huishouden=plan.huishouden_id,
        doel=Doel.PLAN,
    )
    plan.gelogd = set(besluit.inwoner_ids)
    return plan


def _log_getoond(request: HttpRequest, plan: Plan, inwoner_ids: list[int]) -> None:
    """Log the residents the page shows beyond the current members (goals of former ones)."""
    anderen = [i for i in dict.fromkeys(inwoner_ids) if i not in getattr(plan, "gelogd", set())]
    access.log_shown(
        request.user, anderen, resource=Resource.PLAN, via=_via(request), doel=Doel.PLAN
    )


def _actief_eerst(plannen: list[Plan]) -> list[Plan]:
    """Active plans first, each group in the selector's order (newest first)."""
    return sorted(plannen, key=lambda p: p.status not in ACTIEVE_STATUSSEN)


# --- the household view ---------------------------------------------------------------------


def _huishouden(request: HttpRequest, huishouden_id: int, handeling: Action) -> Huishouden:
    """The household: 404 if unknown, else 403 (logged) unless one of its current members is
    in the login's scope — the same rule as for its plans (selectors.plannen_in_scope)."""
    gevonden = Huishouden.objects.filter(pk=huishouden_id).first()
    if gevonden is None:
        raise Http404("Dit huishouden bestaat niet.")
    access.require(
        request.user,
        Resource.PLAN,
        handeling,
        via=_via(request),
        huishouden=gevonden.pk,
        doel=Doel.PLAN,
    )
    return gevonden


@access.requires(Resource.PLAN, Action.LEZEN)
def huishouden(request: HttpRequest, huishouden_id: int) -> HttpResponse:
    """Members, their network, and the plans (active first) with regisseur and goal count."""
    gevonden = _huishouden(request, huishouden_id, Action.LEZEN)
    vandaag = timezone.localdate()
    overzicht = selectors.huishouden_overzicht(huishouden=gevonden, vandaag=vandaag)
    leden: list[HuishoudenLid] = overzicht["leden"]  # type: ignore[assignment]
    plannen = _actief_eerst(overzicht["plannen"])  # type: ignore[arg-type]
    context = {
        "huishouden": gevonden,
        "vandaag": vandaag,
        "leden": [
            {
                "lid": lid,
                "leeftijd": lid.inwoner.leeftijd_op(vandaag),
                "netwerk": [p for p in lid.inwoner.netwerk.all() if p.tot is None],
            }
            for lid in leden
        ],
        "plannen": [
            {
                "plan": p,
                "actief": p.status in ACTIEVE_STATUSSEN,
                "regisseur": next(iter(p.regisseurs.all()), None),
                "doelen": len(p.doelen.all()),
                "leefgebieden": sorted({d.leefgebied.naam for d in p.doelen.all()}),
            }
            for p in plannen
        ],
        "actief_plan": next((p for p in plannen if p.status in ACTIEVE_STATUSSEN), None),
        "meerdere_actief": sum(p.status in ACTIEVE_STATUSSEN for p in plannen) > 1,
        "kan_wijzigen": access.allows(request.user, Resource.PLAN, Action.WIJZIGEN),
    }
    return render(request, "plannen/huishouden.html", context)


@require_POST
@access.requires(Resource.PLAN, Action.AANMAKEN)
def plan_openen(request: HttpRequest, huishouden_id: int) -> HttpResponse:
    """Open the household's active plan, or make it: one plan per household. Decided (and
    logged) for this request, then once more by the service."""
    gevonden = _huishouden(request, huishouden_id, Action.AANMAKEN)
    bestond = gevonden.plannen.filter(status__in=ACTIEVE_STATUSSEN).exists()
    plan = services.plan_open(huishouden=gevonden, actor=request.user)
    if not bestond:
        messages.success(request, f"Het plan voor {gevonden} is aangemaakt.")
    return redirect("plannen:detail", pk=plan.pk)


# --- the plan page --------------------------------------------------------------------------


class _Mensen:
    """The people a plan page offers to choose from, built from the household's members."""

    def __init__(self, request: HttpRequest, plan: Plan, vandaag: dt.date) -> None:
        overzicht = selectors.huishouden_overzicht(huishouden=plan.huishouden, vandaag=vandaag)
        self.leden_rijen: list[HuishoudenLid] = overzicht["leden"]  # type: ignore[assignment]
        self.andere_plannen = [
            p
            for p in overzicht["plannen"]  # type: ignore[attr-defined]
            if p.pk != plan.pk and p.status in ACTIEVE_STATUSSEN
        ]
        meegekomen = [p.pk for p in overzicht["meegekomen"]]  # type: ignore[attr-defined]
        if meegekomen:  # only plans the login may see
            self.andere_plannen += list(
                selectors.plannen_in_scope(request.user).filter(pk__in=meegekomen).order_by("id")
            )
        self.leden: list[Inwoner] = [lid.inwoner for lid in self.leden_rijen]
        self.volwassenen = [i for i in self.leden if i.leeftijd_op(vandaag) >= 18]
        self.netwerk: list[tuple[Inwoner, list[Netwerkpersoon]]] = [
            (i, [p for p in i.netwerk.all() if p.tot is None]) for i in self.leden
        ]
        # Only the staff who may be this household's professional regisseur (the service
        # refuses anyone else with the same rule).
        self.professionals: list[Medewerker] = (
            list(selectors.regisseur_kandidaten(huishouden=plan.huishouden, op=vandaag))
            if access.allows(request.user, Resource.PLAN, Action.WIJZIGEN)
            else []
        )

    def _per_id(self) -> dict[str, Any]:
        ids: dict[str, Any] = {f"inwoner:{i.pk}": i for i in self.leden}
        ids.update({f"netwerk:{p.pk}": p for _, ps in self.netwerk for p in ps})
        ids.update({f"medewerker:{m.pk}": m for m in self.professionals})
        return ids

    def zoek(self, waarde: str) -> Any:
        return self._per_id().get(waarde)

    def inwoner(self, waarde: str | int | None) -> Inwoner | None:
        return next((i for i in self.leden if str(i.pk) == str(waarde)), None)

    def netwerk_groepen(self, *, soorten: set[str] | None = None) -> list[tuple[str, list]]:
        return [
            (
                f"Netwerk van {i.naam}",
                [
                    (
                        f"netwerk:{p.pk}",
                        f"{p.naam} ({p.get_soort_display().lower()}"
                        + (f", {p.relatie})" if p.relatie else ")"),
                    )
                    for p in ps
                    if soorten is None or p.soort in soorten
                ],
            )
            for i, ps in self.netwerk
            if any(soorten is None or p.soort in soorten for p in ps)
        ]

    def regisseur_groepen(self) -> list[tuple[str, list]]:
        groepen: list[tuple[str, list]] = [
            ("Huishouden", [(f"inwoner:{i.pk}", i.naam) for i in self.leden])
        ]
        groepen += self.netwerk_groepen()
        if self.professionals:
            groepen.append(
                (
                    "Professional (alleen op verzoek van de inwoner)",
                    [(f"medewerker:{m.pk}", str(m)) for m in self.professionals],
                )
            )
        return groepen

    def ondertekenaar_groepen(self) -> list[tuple[str, list]]:
        return [
            (
                "Volwassen leden van het huishouden",
                [(f"inwoner:{i.pk}", i.naam) for i in self.volwassenen],
            ),
            *self.netwerk_groepen(soorten={NetwerkSoort.VERTEGENWOORDIGER}),
        ]


def _ankers(leefgebieden: list[Leefgebied]) -> dict[int, list[tuple[int, str]]]:
    return {lg.pk: [(a.score, a.tekst) for a in lg.ankers.all()] for lg in leefgebieden}


def _versies(plan: Plan, namen: dict[int, str]) -> list[dict[str, Any]]:
    """Each PlanVersie with its snapshot in readable Dutch labels, newest first."""
    result = []
    for versie in plan.versies.all():
        inhoud = versie.inhoud or {}
        regisseur = inhoud.get("regisseur")
        result.append(
            {
                "versie": versie,
                "status": PLAN_STATUS.get(inhoud.get("status", ""), inhoud.get("status", "")),
                "doelen": [
                    {
                        "leefgebied": d.get("leefgebied", ""),
                        "omschrijving": d.get("omschrijving", ""),
                        "voor": namen.get(d.get("inwoner"), f"inwoner {d.get('inwoner')}"),
                        "doeltype": DOELTYPE.get(d.get("doeltype", ""), d.get("doeltype", "")),
                        "evaluatie_op": _iso_datum(d.get("evaluatie_op")),
                        "acties": [
                            {
                                "omschrijving": a.get("omschrijving", ""),
                                "uitvoerder": a.get("uitvoerder", ""),
                                "soort": UITVOERDER.get(
                                    a.get("uitvoerder_soort", ""), a.get("uitvoerder_soort", "")
                                ),
                            }
                            for a in d.get("acties", [])
                        ],
                    }
                    for d in inhoud.get("doelen", [])
                ],
                "voorstellen": [
                    {
                        "omschrijving": v.get("omschrijving", ""),
                        "wet": WET.get(v.get("wet", ""), v.get("wet", "")),
                        "ladderstap": _stap_label(v.get("ladderstap")),
                    }
                    for v in inhoud.get("voorstellen", [])
                ],
                "regisseur": (
                    f"{regisseur.get('naam', '')} "
                    f"({REGISSEUR_SOORT.get(regisseur.get('soort', ''), '').lower()})"
                    if regisseur
                    else ""
                ),
                "deelnemers": inhoud.get("deelnemers", []),
            }
        )
    return list(reversed(result))


def _iso_datum(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _stap_label(value: Any) -> str:
    try:
        return LadderStap(int(value)).label
    except (TypeError, ValueError):
        return str(value)


def _forms(
    plan: Plan, mensen: _Mensen, leefgebieden: list[Leefgebied], doelen: list[Any]
) -> dict[str, Form]:
    return {
        "doel": DoelForm(leden=mensen.leden, leefgebieden=leefgebieden),
        "voorstel": VoorstelForm(leden=mensen.leden, doelen=doelen),
        "regisseur": RegisseurForm(groepen=mensen.regisseur_groepen()),
        "deelnemer": DeelnemerForm(
            netwerk=mensen.netwerk_groepen(), volwassenen=mensen.volwassenen
        ),
        "veiligheid": VeiligheidForm(prefix="veiligheid"),
        "onderteken": OndertekenForm(groepen=mensen.ondertekenaar_groepen()),
        "aanvraag": AanvraagForm(leden=mensen.leden),
        "samenvoegen": SamenvoegenForm(plannen=mensen.andere_plannen),
    }


def _context(
    request: HttpRequest,
    plan: Plan,
    *,
    bound: dict[str, Form] | None = None,
    fout_sectie: str = "",
) -> dict[str, Any]:
    vandaag = timezone.localdate()
    mensen = _Mensen(request, plan, vandaag)
    doelen = list(plan.doelen.all())
    _log_getoond(request, plan, [i.pk for i in mensen.leden] + [d.inwoner_id for d in doelen])
    leefgebieden = list(leefgebieden_actief())
    ankers = _ankers(leefgebieden)
    bound = bound or {}
    forms = {**_forms(plan, mensen, leefgebieden, doelen), **bound}
    for doel in doelen:
        doel.actie_form = bound.get(f"actie{doel.pk}") or ActieForm(prefix=f"actie{doel.pk}")
        doel.evaluatie_form = bound.get(f"evaluatie{doel.pk}") or EvaluatieForm(
            prefix=f"evaluatie{doel.pk}", ankers=ankers.get(doel.leefgebied_id, [])
        )
        doel.open_formulier = fout_sectie == f"doel-{doel.pk}"
    actief = {d.pk for d in services.deelnemers_actief(plan, vandaag)}
    deelnemers = []
    for d in plan.deelnemers.all():
        d.actief = d.pk in actief
        d.intrek_form = bound.get(f"intrekken{d.pk}") or IntrekkenForm(prefix=f"intrekken{d.pk}")
        deelnemers.append(d)
    regisseurs = list(plan.regisseurs.all())
    aanvragen = list(plan.aanvragen.all())
    aanvraag_per_voorstel = {a.voorstel_id: a for a in aanvragen if a.voorstel_id}
    voorstellen = list(plan.voorstellen.all())
    for v in voorstellen:
        v.gekoppelde_aanvraag = aanvraag_per_voorstel.get(v.pk)
    namen = {i.pk: i.naam for i in mensen.leden} | {d.inwoner_id: d.inwoner.naam for d in doelen}
    kan_wijzigen = (
        access.allows(request.user, Resource.PLAN, Action.WIJZIGEN)
        and plan.status in ACTIEVE_STATUSSEN
    )
    return {
        "plan": plan,
        "vandaag": vandaag,
        "kan_wijzigen": kan_wijzigen,
        "actief": plan.status in ACTIEVE_STATUSSEN,
        "forms": forms,
        "fout_sectie": fout_sectie,
        "leden": mensen.leden_rijen,
        "doelen": doelen,
        "voorstellen": voorstellen,
        "maatwerk_open": [
            v for v in voorstellen if v.is_maatwerk and v.gekoppelde_aanvraag is None
        ],
        "regisseur": next((r for r in regisseurs if r.tot is None), None),
        "regisseurs": regisseurs,
        "deelnemers": deelnemers,
        "signalen": list(plan.veiligheidssignalen.all()),
        "aanvragen": aanvragen,
        "andere_plannen": mensen.andere_plannen,
        "versies": _versies(plan, namen),
    }


def _pagina(
    request: HttpRequest,
    pk: int,
    *,
    bound: dict[str, Form] | None = None,
    fout_sectie: str = "",
    status: int = 200,
) -> HttpResponse:
    plan = _plan(request, pk)
    context = _context(request, plan, bound=bound, fout_sectie=fout_sectie)
    return render(request, "plannen/plan.html", context, status=status)


@access.requires(Resource.PLAN, Action.LEZEN)
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _pagina(request, pk)


@access.requires(Resource.PLAN, Action.LEZEN)
def plan_afdrukken(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _plan(request, pk)
    context = _context(request, plan)
    return render(request, "plannen/plan_afdrukken.html", context)


# --- writes ---------------------------------------------------------------------------------


def _actie(
    request: HttpRequest,
    pk: int,
    *,
    naam: str,
    sectie: str,
    maak_form: Callable[[Plan, _Mensen], Form],
    uitvoeren: Callable[[Plan, _Mensen, dict[str, Any]], str],
    aliases: dict[str, str] | None = None,
) -> HttpResponse:
    """Run one write: parse the form, call the service, report; on a refusal show the page
    again with the Dutch message next to the form (nothing was written). The service decides
    (and logs) whether this login may change this household's plan."""
    plan = _plan(request, pk)
    mensen = _Mensen(request, plan, timezone.localdate())
    form = maak_form(plan, mensen)
    if form.is_valid():
        try:
            bericht = uitvoeren(plan, mensen, form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc, aliases)
        else:
            messages.success(request, bericht)
            return redirect(reverse("plannen:detail", args=[pk]) + f"#{sectie}")
    return _pagina(request, pk, bound={naam: form}, fout_sectie=sectie, status=400)


def _doel(plan: Plan, doel_id: int) -> Any:
    doel = next((d for d in plan.doelen.all() if d.pk == doel_id), None)
    if doel is None:
        raise Http404("Dit doel hoort niet bij dit plan.")
    return doel


@require_POST
@access.requires(Resource.PLAN, Action.WIJZIGEN)
def doel_toevoegen(request: HttpRequest, pk: int) -> HttpResponse:
    leefgebieden = list(leefgebieden_actief())

    def uitvoeren(plan: Plan, mensen: _Mensen, data: dict[str, Any]) -> str:
        leefgebied = next((lg for lg in leefgebieden if str(lg.pk) == data["leefgebied"]), None)
        doel = services.doel_add(
            plan=plan,
            inwoner=mensen.inwoner(data["inwoner"]),
            leefgebied=leefgebied,
            omschrijving=data["omschrijving"],
            doeltype=data["doeltype"],
            actor=request.user,
            evaluatie_op=data["evaluatie_op"],
        )
        return f"Het doel op {doel.leefgebied.naam} is toegevoegd."

    return _actie(
        request,
        pk,
        naam="doel",
        sectie="doelen",
        maak_form=lambda plan, mensen: DoelForm(
            request.POST, leden=mensen.leden, leefgebieden=leefgebieden
        ),
        uitvoeren=uitvoeren,
    )


@require_POST
@access.requires(Resource.PLAN, Action.WIJZIGEN)
def actie_toevoegen(request: HttpRequest, pk: int, doel_id: int) -> HttpResponse:
    def uitvoeren(plan: Plan, mensen: _Mensen, data: dict[str, Any]) -> str:
        actie = services.actie_add(
            doel=_doel(plan, doel_id),
            omschrijving=data["omschrijving"],
            uitvoerder_soort=data["uitvoerder_soort"],
            uitvoerder=data["uitvoerder"],
            actor=request.user,
            uiterlijk=data["uiterlijk"],
        )
        return f"De actie '{actie.omschrijving}' is toegevoegd."

    return _actie(
        request,
        pk,
        naam=f"actie{doel_id}",
        sectie=f"doel-{doel_id}",
        maak_form=lambda plan, mensen: ActieForm(request.POST, prefix=f"actie{doel_id}"),
        uitvoeren=uitvoeren,
    )


@require_POST
@access.requires(Resource.PLAN, Action.WIJZIGEN)
def evaluatie_toevoegen(request: HttpRequest, pk: int, doel_id: int) -> HttpResponse:
    ankers = _ankers(list(leefgebieden_actief()))

    def maak(plan: Plan, mensen: _Mensen) -> Form:
        doel = _doel(plan, doel_id)
        return EvaluatieForm(
            request.POST, prefix=f"evaluatie{doel_id}", ankers=ankers.get(doel.leefgebied_id, [])
        )

    def uitvoeren(plan: Plan, mensen: _Mensen, data: dict[str, Any]) -> str:
        evaluatie = services.evaluatie_add(
            doel=_doel(plan, doel_id),
            datum=data["datum"],
            uitkomst=data["uitkomst"],
            actor=request.user,
            toelichting=data["toelichting"].strip(),
            score=data["score"],
        )
        return f"De evaluatie van {_datum(evaluatie.datum)} is vastgelegd."

    return _actie(
        request,
        pk,
        naam=f"evaluatie{doel_id}",
        sectie=f"doel-{doel_id}",
        maak_form=maak,
        uitvoeren=uitvoeren,
    )


@require_POST
@access.requires(Resource.PLAN, Action.WIJZIGEN)
def voorstel_toevoegen(request: HttpRequest, pk: int) -> HttpResponse:
    def maak(plan: Plan, mensen: _Mensen) -> Form:
        return VoorstelForm(request.POST, leden=mensen.leden, doelen=list(plan.doelen.all()))

    def uitvoeren(plan: Plan, mensen: _Mensen, data: dict[str, Any]) -> str:
        doel = _doel(plan, int(data["doel"])) if data["doel"] else None
        voorstel = services.voorstel_add(
            plan=plan,
            inwoner=mensen.inwoner(data["inwoner"]),
            omschrijving=data["omschrijving"],
            wet=data["wet"],
            ladderstap=int(data["ladderstap"]),
            actor=request.user,
            doel=doel,
        )
        extra = (
            " Als de inwoner het plan ondertekent, wordt dit een aanvraag."
            if voorstel.is_maatwerk
            else ""
        )
        return f"Het voorstel '{voorstel.omschrijving}' is toegevoegd.{extra}"

    return _actie(
        request, pk, naam="voorstel", sectie="voorzieningen", maak_form=maak, uitvoeren=uitvoeren
    )


@require_POST
@access.requires(Resource.PLAN, Action.WIJZIGEN)
def regisseur_kiezen(request: HttpRequest, pk: int) -> HttpResponse:
    def maak(plan: Plan, mensen: _Mensen) -> Form:
        return RegisseurForm(request.POST, groepen=mensen.regisseur_groepen())

    def uitvoeren(plan: Plan, mensen: _Mensen, data: dict[str, Any]) -> str:
        gekozen = mensen.zoek(data["wie"])
        kwargs: dict[str, Any] = {}
        if isinstance(gekozen, Inwoner):
            kwargs = {"soort": RegisseurSoort.INWONER, "inwoner": gekozen}
        elif isinstance(gekozen, Netwerkpersoon):
            soort = (
                RegisseurSoort.MANTELZORGER
                if gekozen.soort == NetwerkSoort.MANTELZORGER
                else RegisseurSoort.NETWERK
            )
            kwargs = {"soort": soort, "netwerkpersoon": gekozen}
        elif isinstance(gekozen, Medewerker):
            kwargs = {"soort": RegisseurSoort.PROFESSIONAL, "medewerker": gekozen}
        else:
            raise ValidationError({"wie": "Kies één persoon als regisseur."})
        regisseur = services.regisseur_set(
            plan=plan,
            actor=request.user,
            van=data["van"],
            op_verzoek_van_inwoner=data["op_verzoek_van_inwoner"],
            **kwargs,
        )
        return f"{regisseur.naam} is vanaf {_datum(regisseur.van)} de regisseur van het plan."

    return _actie(
        request,
        pk,
        naam="regisseur",
        sectie="regie",
        maak_form=maak,
        uitvoeren=uitvoeren,
        aliases=REGISSEUR_ALIASES,
    )


@require_POST
@access.requires(Resource.PLAN, Action.WIJZIGEN)
def deelnemer_toevoegen(request: HttpRequest, pk: int) -> HttpResponse:
    """Record the resident's consent (toestemming_give) and add the participant: both, or
    neither when the service refuses."""

    def maak(plan: Plan, mensen: _Mensen) -> Form:
        return DeelnemerForm(
            request.POST, netwerk=mensen.netwerk_groepen(), volwassenen=mensen.volwassenen
        )

    def uitvoeren(plan: Plan, mensen: _Mensen, data: dict[str, Any]) -> str:
        netwerkpersoon = mensen.zoek(data["netwerkpersoon"]) if data["netwerkpersoon"] else None
        organisatie = data["organisatie"].strip()
        naam = netwerkpersoon.naam if netwerkpersoon else organisatie
        with transaction.atomic():
            toestemming = None
            if data["toestemming"] and naam:
                toestemming = toestemming_give(
                    inwoner=mensen.inwoner(data["toestemming_van"]),
                    aan=naam[:200],
                    doel=f"Deelnemen aan het plan van {plan.huishouden}: {data['rol']}"[:300],
                    gegeven_op=data["gegeven_op"],
                    door=request.user,
                )
            deelnemer = services.deelnemer_add(
                plan=plan,
                rol=data["rol"].strip(),
                toestemming=toestemming,
                actor=request.user,
                netwerkpersoon=netwerkpersoon,
                organisatie=organisatie,
            )
        return f"{deelnemer.naam} doet mee aan het plan, met toestemming van de inwoner."

    return _actie(
        request, pk, naam="deelnemer", sectie="regie", maak_form=maak, uitvoeren=uitvoeren
    )


@require_POST
@access.requires(Resource.PLAN, Action.WIJZIGEN)
def toestemming_intrekken(request: HttpRequest, pk: int, deelnemer_id: int) -> HttpResponse:
    def deelnemer(plan: Plan) -> Any:
        gevonden = next((d for d in plan.deelnemers.all() if d.pk == deelnemer_id), None)
        if gevonden is None:
            raise Http404("Deze deelnemer hoort niet bij dit plan.")
        return gevonden

    def uitvoeren(plan: Plan, mensen: _Mensen, data: dict[str, Any]) -> str:
        d = deelnemer(plan)
        services.deelnemer_toestemming_intrekken(deelnemer=d, op=data["op"], actor=request.user)
        return (
            f"De toestemming voor {d.naam} is ingetrokken vanaf {_datum(data['op'])}; "
            f"{d.naam} doet vanaf dan niet meer mee."
        )

    return _actie(
        request,
        pk,
        naam=f"intrekken{deelnemer_id}",
        sectie="regie",
        maak_form=lambda plan, mensen: IntrekkenForm(
            request.POST, prefix=f"intrekken{deelnemer_id}"
        ),
        uitvoeren=uitvoeren,
    )


@require_POST
@access.requires(Resource.PLAN, Action.WIJZIGEN)
def veiligheid_vastleggen(request: HttpRequest, pk: int) -> HttpResponse:
    def uitvoeren(plan: Plan, mensen: _Mensen, data: dict[str, Any]) -> str:
        signaal = services.veiligheid_signaleer(
            plan=plan,
            soort=data["soort"],
            omschrijving=data["omschrijving"],
            escalatie=data["escalatie"],
            actor=request.user,
        )
        return (
            f"Het signaal is vastgelegd: {signaal.get_soort_display().lower()}, "
            f"{signaal.get_escalatie_display()}."
        )

    return _actie(
        request,
        pk,
        naam="veiligheid",
        sectie="veiligheid",
        maak_form=lambda plan, mensen: VeiligheidForm(request.POST, prefix="veiligheid"),
        uitvoeren=uitvoeren,
    )


@require_POST
@access.requires(Resource.PLAN, Action.WIJZIGEN)
def ondertekenen(request: HttpRequest, pk: int) -> HttpResponse:
    def maak(plan: Plan, mensen: _Mensen) -> Form:
        return OndertekenForm(request.POST, groepen=mensen.ondertekenaar_groepen())

    def uitvoeren(plan: Plan, mensen: _Mensen, data: dict[str, Any]) -> str:
        ondertekenaar = mensen.zoek(data["ondertekenaar"])
        if not isinstance(ondertekenaar, Inwoner | Netwerkpersoon):
            raise ValidationError({"ondertekenaar": "Kies wie het plan ondertekent."})
        aanvragen = services.plan_sign(
            plan=plan, ondertekenaar=ondertekenaar, op=data["op"], actor=request.user
        )
        if not aanvragen:
            return "Het plan is ondertekend. Er is geen maatwerk voorgesteld, dus geen aanvraag."
        lijst = "; ".join(
            f"{a.omschrijving} (beslissen uiterlijk {_datum(a.beslissen_uiterlijk)})"
            for a in aanvragen
        )
        return f"Het plan is ondertekend. Dit is nu aangevraagd: {lijst}."

    return _actie(
        request, pk, naam="onderteken", sectie="ondertekenen", maak_form=maak, uitvoeren=uitvoeren
    )


@require_POST
@access.requires(Resource.PLAN, Action.WIJZIGEN)
def aanvraag_indienen(request: HttpRequest, pk: int) -> HttpResponse:
    def uitvoeren(plan: Plan, mensen: _Mensen, data: dict[str, Any]) -> str:
        aanvraag = services.aanvraag_file(
            plan=plan,
            inwoner=mensen.inwoner(data["inwoner"]),
            omschrijving=data["omschrijving"],
            wet=data["wet"],
            ontvangen_op=data["ontvangen_op"],
            ingediend_door=data["ingediend_door"].strip(),
            actor=request.user,
            toelichting=data["toelichting"].strip(),
        )
        afwijkend = (
            " Dit wijkt af van het advies in het plan." if aanvraag.afwijkend_van_advies else ""
        )
        return (
            f"De aanvraag '{aanvraag.omschrijving}' is vastgelegd; beslissen uiterlijk "
            f"{_datum(aanvraag.beslissen_uiterlijk)}.{afwijkend}"
        )

    return _actie(
        request,
        pk,
        naam="aanvraag",
        sectie="ondertekenen",
        maak_form=lambda plan, mensen: AanvraagForm(request.POST, leden=mensen.leden),
        uitvoeren=uitvoeren,
    )


@require_POST
@access.requires(Resource.PLAN, Action.WIJZIGEN)
def samenvoegen(request: HttpRequest, pk: int) -> HttpResponse:
    gekozen: dict[str, Plan] = {}

    def maak(plan: Plan, mensen: _Mensen) -> Form:
        return SamenvoegenForm(request.POST, plannen=mensen.andere_plannen)

    def uitvoeren(plan: Plan, mensen: _Mensen, data: dict[str, Any]) -> str:
        andere = [p for p in mensen.andere_plannen if str(p.pk) in data["plannen"]]
        if not andere:
            raise ValidationError({"plannen": "Kies de plannen die u wilt samenvoegen."})
        gekozen["resultaat"] = services.plan_merge(plannen=[plan, *andere], actor=request.user)
        return (
            "De plannen zijn samengevoegd in plan "
            f"{gekozen['resultaat'].pk}; de geschiedenis van elk plan blijft bewaard."
        )

    response = _actie(
        request, pk, naam="samenvoegen", sectie="samenvoegen", maak_form=maak, uitvoeren=uitvoeren
    )
    if "resultaat" in gekozen and gekozen["resultaat"].pk != pk:
        return redirect("plannen:detail", pk=gekozen["resultaat"].pk)
    return response
