"""The plan page and its print view; `_actie` runs one write from the page and
shows the page again with the Dutch refusal next to the form."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from eenplan.beschikkingen.plan_selectors import leesbaar_voor, standen_uit
from eenplan.gemeente.models import Medewerker
from eenplan.inwoners.constants import NetwerkSoort
from eenplan.inwoners.models import HuishoudenLid, Inwoner, Netwerkpersoon
from eenplan.onderzoeken.models import Leefgebied
from eenplan.plannen import selectors, services
from eenplan.plannen.constants import ACTIEVE_STATUSSEN
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
from eenplan.plannen.views.gemeen import (
    DOELTYPE,
    PLAN_STATUS,
    REGISSEUR_SOORT,
    UITVOERDER,
    WET,
    _log_getoond,
    _plan,
)
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource
from eenplan.rules.onderzoek import Ladder, LadderStap
from eenplan.web.forms import add_service_errors
from eenplan.web.prg import form_from_session, redirect_with_errors

# --- the plan page --------------------------------------------------------------------------


class _Mensen:
    """The people a plan page offers to choose from, built from the household's members."""

    def __init__(self, request: HttpRequest, plan: Plan) -> None:
        omgeving: selectors.PlanOmgeving = plan.omgeving  # type: ignore[attr-defined]
        vandaag = omgeving.op
        self.leden_rijen: list[HuishoudenLid] = omgeving.leden
        self.andere_plannen = list(omgeving.andere_plannen)
        meegekomen = [p.pk for p in omgeving.meegekomen]
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
        # refuses anyone else with the same rule), read with the plan for a login that may
        # change plans (`selectors.plan_pagina_get`).
        self.professionals: list[Medewerker] = list(omgeving.kandidaten or [])

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


def plan_ladder(plan: Plan) -> Ladder:
    """The municipality's ladder in force today (which kinds of provision may be proposed),
    read with the plan (`selectors.plan_pagina_get`)."""
    return plan.omgeving.instellingen.ladder  # type: ignore[attr-defined,no-any-return]


def _forms(
    plan: Plan, mensen: _Mensen, leefgebieden: list[Leefgebied], doelen: list[Any]
) -> dict[str, Form]:
    return {
        "doel": DoelForm(leden=mensen.leden, leefgebieden=leefgebieden),
        "voorstel": VoorstelForm(leden=mensen.leden, doelen=doelen, ladder=plan_ladder(plan)),
        "regisseur": RegisseurForm(groepen=mensen.regisseur_groepen()),
        "deelnemer": DeelnemerForm(
            netwerk=mensen.netwerk_groepen(), volwassenen=mensen.volwassenen
        ),
        "veiligheid": VeiligheidForm(prefix="veiligheid"),
        "onderteken": OndertekenForm(groepen=mensen.ondertekenaar_groepen()),
        "aanvraag": AanvraagForm(leden=mensen.leden),
        "samenvoegen": SamenvoegenForm(plannen=mensen.andere_plannen),
    }


FOUT_SESSIE = "plan_fout"
GENUMMERDE_FORMS = ("actie", "evaluatie", "intrekken")


def _form_voor(
    naam: str, data: Any, plan: Plan, mensen: _Mensen, leefgebieden: list[Leefgebied]
) -> Form | None:
    """The form `naam` of the plan page bound to `data`, built as its write view builds it
    (to show a refused POST again after the redirect)."""
    vast: dict[str, Callable[[], Form]] = {
        "doel": lambda: DoelForm(data, leden=mensen.leden, leefgebieden=leefgebieden),
        "voorstel": lambda: VoorstelForm(
            data, leden=mensen.leden, doelen=list(plan.doelen.all()), ladder=plan_ladder(plan)
        ),
        "regisseur": lambda: RegisseurForm(data, groepen=mensen.regisseur_groepen()),
        "deelnemer": lambda: DeelnemerForm(
            data, netwerk=mensen.netwerk_groepen(), volwassenen=mensen.volwassenen
        ),
        "veiligheid": lambda: VeiligheidForm(data, prefix="veiligheid"),
        "onderteken": lambda: OndertekenForm(data, groepen=mensen.ondertekenaar_groepen()),
        "aanvraag": lambda: AanvraagForm(data, leden=mensen.leden),
        "samenvoegen": lambda: SamenvoegenForm(data, plannen=mensen.andere_plannen),
    }
    if naam in vast:
        return vast[naam]()
    soort = next((p for p in GENUMMERDE_FORMS if naam.startswith(p)), None)
    if soort is None or not naam[len(soort) :].isdigit():
        return None
    if soort == "actie":
        return ActieForm(data, prefix=naam)
    if soort == "intrekken":
        return IntrekkenForm(data, prefix=naam)
    doel = next((d for d in plan.doelen.all() if d.pk == int(naam[len(soort) :])), None)
    if doel is None:
        return None
    ankers = _ankers(leefgebieden).get(doel.leefgebied_id, [])
    return EvaluatieForm(data, prefix=naam, ankers=ankers)


def _fout_terug(
    request: HttpRequest, pk: int, *, naam: str, sectie: str, form: Form
) -> HttpResponse:
    """POST/redirect/GET after a refusal (web.prg): the input and every message wait in the
    session; the plan page shows them once, next to the form. A reload never posts again."""
    request.session[f"{FOUT_SESSIE}:{pk}"] = {"naam": naam, "sectie": sectie}
    url = reverse("plannen:detail", args=[pk]) + f"#{sectie}"
    return redirect_with_errors(request, f"plan-{pk}-{naam}", form, url)


def _context(
    request: HttpRequest,
    plan: Plan,
    *,
    bound: dict[str, Form] | None = None,
    fout_sectie: str = "",
) -> dict[str, Any]:
    mensen = _Mensen(request, plan)
    vandaag = plan.omgeving.op  # type: ignore[attr-defined]
    doelen = list(plan.doelen.all())
    _log_getoond(request, plan, [i.pk for i in mensen.leden] + [d.inwoner_id for d in doelen])
    leefgebieden = plan.omgeving.leefgebieden  # type: ignore[attr-defined]
    ankers = _ankers(leefgebieden)
    if bound is None and (fout := request.session.pop(f"{FOUT_SESSIE}:{plan.pk}", None)):
        naam, fout_sectie = fout["naam"], fout["sectie"]
        form = form_from_session(
            request,
            f"plan-{plan.pk}-{naam}",
            lambda data: _form_voor(naam, data, plan, mensen, leefgebieden),
        )
        bound = {naam: form} if form is not None else {}
    bound = bound or {}
    forms = {**_forms(plan, mensen, leefgebieden, doelen), **bound}
    per_doel = selectors.voorstellen_per_doel(plan)
    for doel in doelen:
        doel.voorstellen_lijst = per_doel.get(doel.pk, [])
        doel.actie_form = bound.get(f"actie{doel.pk}") or ActieForm(prefix=f"actie{doel.pk}")
        doel.evaluatie_form = bound.get(f"evaluatie{doel.pk}") or EvaluatieForm(
            prefix=f"evaluatie{doel.pk}", ankers=ankers.get(doel.leefgebied_id, [])
        )
        doel.open_formulier = fout_sectie == f"doel-{doel.pk}"
    alle_deelnemers = list(plan.deelnemers.all())  # loaded with the plan (plan_get)
    actief = {d.pk for d in services.deelnemers_actief(plan, vandaag, deelnemers=alle_deelnemers)}
    deelnemers = []
    for d in alle_deelnemers:
        d.actief = d.pk in actief
        d.intrek_form = bound.get(f"intrekken{d.pk}") or IntrekkenForm(prefix=f"intrekken{d.pk}")
        deelnemers.append(d)
    regisseurs = list(plan.regisseurs.all())
    # The live state of the aanvragen and their beschikkingen: the same read as the API.
    standen = leesbaar_voor(
        request.user,
        standen_uit(plan.omgeving.boven["aanvragen"], db=plan._state.db or "default"),  # type: ignore[attr-defined]
    )
    stand_per_voorstel = {st.voorstel_id: st for st in standen if st.voorstel_id}
    voorstellen = list(plan.voorstellen.all())
    for v in voorstellen:
        v.stand = stand_per_voorstel.get(v.pk)
        v.gekoppelde_aanvraag = v.stand.aanvraag if v.stand else None
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
        "aanvragen": standen,
        "mag_beslissen": access.allows(request.user, Resource.BESCHIKKING, Action.BESLISSEN),
        "mag_beschikking": access.allows(request.user, Resource.BESCHIKKING, Action.LEZEN),
        "andere_plannen": mensen.andere_plannen,
        "versies": _versies(plan, namen),
        # What the resident added in the inwonersportaal (notes, proposed goals), read with
        # the plan (`plan_get`).
        "inbreng": list(plan.inbreng.all()),
        # The debt route of the household (issue 14), for those who may read debt data.
        "schuldroutes": _schuldroutes(request, plan),
    }


def _schuldroutes(request: HttpRequest, plan: Plan) -> list[Any]:
    """The household's debt questions with their route (the schuldhulp app's part, read with
    the plan), only for a role that may read debt data; the residents shown are logged under
    that resource."""
    boven = plan.omgeving.boven  # type: ignore[attr-defined]
    if not access.allows(request.user, Resource.SCHULDHULP, Action.LEZEN) or (
        "schuldvragen" not in boven
    ):
        return []
    from eenplan.schuldhulp.selectors import schuldvragen_uit

    # Read with the plan (`gemeen._delen_boven`).
    vragen = schuldvragen_uit(boven["schuldvragen"], db=plan._state.db or "default")
    getoond = {v.inwoner_id: v.inwoner.gemeente_id for v in vragen}
    access.log_shown(
        request.user,
        list(getoond),
        gemeenten=getoond,  # as read: the log need not look them up again
        resource=Resource.SCHULDHULP,
        doel=access.RULES[(Resource.SCHULDHULP, Action.LEZEN)].doel,
        via=access.Via.request(request),
    )
    return vragen


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
    """Run one write: parse the form, call the service, report; on a refusal redirect back to
    the page, which shows the Dutch message next to the form (nothing was written). The
    service decides (and logs) whether this login may change this household's plan."""
    plan = _plan(request, pk)
    mensen = _Mensen(request, plan)
    form = maak_form(plan, mensen)
    if form.is_valid():
        try:
            bericht = uitvoeren(plan, mensen, form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc, aliases)
        else:
            messages.success(request, bericht)
            return redirect(reverse("plannen:detail", args=[pk]) + f"#{sectie}")
    return _fout_terug(request, pk, naam=naam, sectie=sectie, form=form)


def _doel(plan: Plan, doel_id: int) -> Any:
    doel = next((d for d in plan.doelen.all() if d.pk == doel_id), None)
    if doel is None:
        raise Http404("Dit doel hoort niet bij dit plan.")
    return doel
