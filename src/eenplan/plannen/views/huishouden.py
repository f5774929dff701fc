"""The household view and opening its plan (one plan per household)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from eenplan.inwoners.models import Huishouden, HuishoudenLid
from eenplan.plannen import selectors, services
from eenplan.plannen.constants import ACTIEVE_STATUSSEN
from eenplan.plannen.views.gemeen import _actief_eerst, _via
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource
from eenplan.privacy.constants import Doel

# --- the household view ---------------------------------------------------------------------


def _huishouden(request: HttpRequest, huishouden_id: int, handeling: Action) -> Huishouden:
    """The household: 404 (logged) if not within the login's municipality, else 403 (logged)
    unless one of its current members is in the login's scope — the same rule as for its plans
    (selectors.plannen_in_scope)."""
    gevonden = access.get_or_refuse(
        request.user,
        Resource.PLAN,
        handeling,
        via=_via(request),
        pk=huishouden_id,
        zoek=lambda gemeente_id: Huishouden.objects.filter(
            pk=huishouden_id, gemeente_id=gemeente_id
        ).first(),
        wat="Huishouden",
        niet_gevonden="Dit huishouden bestaat niet.",
        doel=Doel.PLAN,
    )
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
