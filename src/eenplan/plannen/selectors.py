"""Reads of the plannen app, bounded in queries (the household view)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, Group, Permission
from django.core.exceptions import ValidationError
from django.db.models import (
    Case,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.utils import timezone

from eenplan.common.aggregaten import Rijen, als_prefetch, delen_van, rijen_json, rijen_uit_json
from eenplan.common.gecompileerd import Gecompileerd, cte
from eenplan.gemeente.models import Instelling, Medewerker
from eenplan.gemeente.selectors import (
    Instellingen,
    instelling_rijen,
    instellingen_uit,
    lopend_q,
)
from eenplan.inwoners.models import Huishouden, HuishoudenLid, Netwerkpersoon
from eenplan.onderzoeken.models import Leefgebied
from eenplan.onderzoeken.selectors import leefgebieden_deel, leefgebieden_uit
from eenplan.plannen.constants import ACTIEVE_STATUSSEN
from eenplan.plannen.models import (
    Actie,
    Deelnemer,
    Doel,
    Evaluatie,
    Inbreng,
    Plan,
    PlanVersie,
    Regisseur,
    Veiligheidssignaal,
    Voorstel,
)
from eenplan.privacy import access
from eenplan.privacy.models import DossierToegang

User = AbstractBaseUser | AnonymousUser


def plannen_in_scope(user: User | access.Actor) -> QuerySet[Plan]:
    """The plans this login may read: its role may read plans and at least one *current*
    member of the household is in its need-to-know scope (access.huishouden_scope_q). The one
    scope of the plan pages and the plan API alike."""
    if not access.allows(user, access.Resource.PLAN, access.Action.LEZEN):
        return Plan.objects.none()
    plannen = Plan.objects.filter(access.huishouden_scope_q(user))
    gemeente_id = access.Actor.of(user).gemeente_id
    if gemeente_id is not None:
        # The household joined for the list is the municipality's (issue 16: one shard).
        plannen = plannen.filter(huishouden__gemeente_id=gemeente_id)
    return plannen


def samen_te_voegen(
    user: User | access.Actor, *, plan: Plan, ids: list[int | str], via: access.Via
) -> list[Plan]:
    """The plans `ids` (a form's or a request body's values) to merge into `plan`, each within
    the login's scope (`plannen_in_scope`), with their household. An id that is not — another
    municipality's plan, one outside the work area, none, not a number — is one refused row in
    the access log (plan, wijzigen, "Plan <id>: niet binnen uw werkgebied of bestaat niet.")
    and a Dutch message on `plannen`; with any such id the answer is a ValidationError naming
    each, and nothing is merged (ADR 0046). Whether these plans may be merged (active plans of
    the members of one household) stays with `services.plan_merge`.

    `ids`: as the caller parsed them — an id as a whole number in the id range (the API's
    `IdField`, the page's `common.api.parse_id`), anything else as it was given (not an id: never
    put in a query, only refused and logged)."""
    nummers = {i: i if isinstance(i, int) else None for i in dict.fromkeys(ids)}
    gevonden = {
        p.pk: p
        for p in plannen_in_scope(user)
        .select_related("huishouden")
        .filter(pk__in={n for n in nummers.values() if n is not None} - {plan.pk})
    }
    fouten: list[str] = []
    for i, nummer in nummers.items():
        if nummer == plan.pk:
            continue
        try:
            access.uit_invoer(
                user,
                access.Resource.PLAN,
                access.Action.WIJZIGEN,
                via=via,
                pk=i,
                # One of the plans in scope read above (in the login's municipality), or none.
                zoek=lambda _gemeente_id, n=nummer: gevonden.get(n) if n is not None else None,
                wat="Plan",
                veld="plannen",
                reden=access.NIET_BINNEN_WERKGEBIED,
                fout=f"Plan {i} is onbekend of valt buiten uw werkgebied.",
            )
        except ValidationError as exc:
            fouten += exc.message_dict["plannen"]
    if fouten:
        raise ValidationError({"plannen": fouten})
    return list(gevonden.values())


def _met_rechten(perms: tuple[str, ...]) -> QuerySet[Medewerker]:
    """Active medewerkers who hold every permission in `perms` (through their role's group or
    directly), or are superusers."""
    medewerkers = Medewerker.objects.filter(user__is_active=True)
    for perm in perms:
        app_label, codename = perm.split(".", 1)
        # The one permission (app label and codename are unique together) as a scalar
        # subquery: its key is then an index condition. As `IN (…)` the planner joined every
        # role's permissions to it (227 rows, 0.1 ms per permission on each plan page).
        permission = Subquery(
            Permission.objects.filter(content_type__app_label=app_label, codename=codename).values(
                "pk"
            )[:1]
        )
        # From the permission to the logins that hold it (their roles' groups, their own), not
        # from every login through every permission of its roles (issue 16: 1.8 ms → 0.2).
        rollen = Group.permissions.through.objects.filter(permission_id=permission)
        via_rol = Group.user_set.through.objects.filter(group_id__in=rollen.values("group_id"))
        eigen = Permission.user_set.through.objects.filter(permission_id=permission)
        medewerkers = medewerkers.filter(
            Q(user__is_superuser=True)
            | Q(user_id__in=via_rol.values("user_id"))
            | Q(user_id__in=eigen.values("user_id"))
        )
    return medewerkers


def regisseur_kandidaten(
    *, huishouden: Huishouden, op: dt.date | None = None
) -> QuerySet[Medewerker]:
    """Who may be the professional regisseur of this household's plan — decided here, once,
    for the service (which refuses anyone else) and the form (which offers only these): a
    medewerker of the municipality whose role may hold plans (change them) and who works for
    this household: one of their teams serves the wijk of a current member, or they have
    dossier access to a current member (DossierToegang) on `op` (default today). One query
    (`_kandidaten`); the plan page reads the same query with the plan (`plan_pagina_get`)."""
    return (
        _kandidaten(huishouden.pk, huishouden.gemeente_id, op or timezone.localdate())
        .select_related("user")
        .order_by("user__last_name", "user__first_name", "pk")
    )


# The common table expression of the plan page's query: the plan's household, computed once
# (`common.gecompileerd.cte`) where as a scalar subquery it was evaluated at each of the
# places the page's parts name it.
_PLAN_HUISHOUDEN = "eenplan_plan_huishouden"


def _plan_huishouden_rij(plan: Any, gemeente: Any) -> QuerySet[Plan]:
    return Plan.objects.filter(pk=plan, huishouden__gemeente_id=gemeente).values("huishouden_id")


def plan_huishouden() -> Any:
    """The household of the plan the plan page's query reads (`plan_pagina_get`), for the
    parts it reads with it (its own, and those of apps above plannen): computed once in that
    query (a common table expression, ADR 0055), and no reference to the outer row, however
    deep a part nests."""
    return cte(_PLAN_HUISHOUDEN, "huishouden_id", IntegerField())


def _leden_op(huishouden: Any, gemeente_id: Any, op: Any) -> QuerySet[HuishoudenLid]:
    """The memberships of `huishouden` that hold on `op`, of residents of the municipality
    (values or expressions: `plan_huishouden`)."""
    return HuishoudenLid.objects.filter(
        Q(lid_tot__isnull=True) | Q(lid_tot__gt=op),
        huishouden_id=huishouden,
        lid_van__lte=op,
        inwoner__gemeente_id=gemeente_id,
    )


def _kandidaten(huishouden: Any, gemeente_id: Any, op: Any) -> QuerySet[Medewerker]:
    """The rule of `regisseur_kandidaten` as one queryset: `huishouden`, `gemeente_id` and `op`
    values, or expressions that need no outer row (the plan page's household,
    `plan_huishouden`)."""
    leden = _leden_op(huishouden, gemeente_id, op)
    toegang = DossierToegang.objects.filter(
        Q(tot__isnull=True) | Q(tot__gte=op),
        van__lte=op,
        inwoner_id__in=leden.values("inwoner_id"),
    ).values("medewerker_id")
    # The teams joined are the municipality's own (issue 16: every table of the query).
    # (Every resident has a wijk: `Inwoner.wijk` is required, so no member falls outside
    # every team's wijken.)
    werkt_hier = Q(
        teams__wijken__in=leden.values("inwoner__wijk_id"), teams__gemeente_id=gemeente_id
    ) | Q(pk__in=toegang)
    rule = access.RULES[(access.Resource.PLAN, access.Action.WIJZIGEN)]
    # Only who works here on that day: a regional login whose membership of this
    # municipality ended keeps a dossier assignment it held, but is no candidate.
    geschikt = _met_rechten(rule.perms).filter(lopend_q(op), gemeente_id=gemeente_id)
    return Medewerker.objects.filter(pk__in=geschikt.values("pk")).filter(
        pk__in=Medewerker.objects.filter(werkt_hier, gemeente_id=gemeente_id).values("pk")
    )


# The parts of a plan as they travel next to its row (`plan_get`), each in the order the
# page lists it (the models' own order, ties broken by id), with the rows it joins.
_ACTIES = Rijen(Actie, volgorde=("uiterlijk", "id"))
_EVALUATIES = Rijen(Evaluatie, samen=("score",), volgorde=("datum", "id"))
_DOEL_VOORSTELLEN = Rijen(Voorstel, volgorde=("id",))
_DELEN: dict[str, Rijen] = {
    "regisseurs": Rijen(
        Regisseur,
        samen=("inwoner", "netwerkpersoon", "medewerker", "medewerker__user"),
        volgorde=("van", "id"),
    ),
    "deelnemers": Rijen(Deelnemer, samen=("netwerkpersoon", "toestemming"), volgorde=("id",)),
    "voorstellen": Rijen(Voorstel, samen=("inwoner", "aanvraag"), volgorde=("id",)),
    "versies": Rijen(PlanVersie, samen=("door",), volgorde=("versie",)),
    "veiligheidssignalen": Rijen(
        Veiligheidssignaal, samen=("besloten_door",), volgorde=("-besloten_op", "-id")
    ),
    "inbreng": Rijen(Inbreng, samen=("inwoner",), volgorde=("-created_at", "-id")),
}


@cache
def _doelen(doel_voorstellen: bool) -> Rijen:
    """The goals with their actions, evaluations and (with `doel_voorstellen`) proposals as
    JSON; built once per process (the query and the reading of its rows share it)."""
    extra: dict[str, Any] = {
        "_volgorde": F("leefgebied__volgorde"),
        "_acties": rijen_json(Actie.objects.filter(doel_id=OuterRef("pk")), _ACTIES),
        "_evaluaties": rijen_json(Evaluatie.objects.filter(doel_id=OuterRef("pk")), _EVALUATIES),
    }
    if doel_voorstellen:
        extra["_voorstellen"] = rijen_json(
            Voorstel.objects.filter(doel_id=OuterRef("pk")), _DOEL_VOORSTELLEN
        )
    return Rijen(Doel, samen=("leefgebied", "inwoner"), extra=extra, volgorde=("_volgorde", "id"))


def _plan_met_delen(
    *,
    plan: int,
    gemeente: int,
    doel_voorstellen: bool,
    vandaag: dt.date | None = None,
    met_kandidaten: bool = False,
    delen_boven: tuple[tuple[str, DeelBoven], ...] = (),
) -> QuerySet[Plan]:
    """The plan `plan` of municipality `gemeente` with its household, and every part as a
    JSON column (`common.aggregaten.rijen_json`); with `vandaag` also its page's surroundings
    on that day (`_omgeving_delen`). The residents, staff members and aanvragen the parts join
    are held to that municipality (issue 16: every table carries the condition)."""
    van_hier = Q(inwoner__gemeente_id=gemeente)
    van_plan = Q(plan_id=OuterRef("pk"))
    delen: dict[str, QuerySet[Any]] = {
        "regisseurs": Regisseur.objects.filter(
            van_plan,
            Q(inwoner__isnull=True) | van_hier,
            Q(medewerker__isnull=True) | Q(medewerker__gemeente_id=gemeente),
        ),
        "deelnemers": Deelnemer.objects.filter(van_plan),
        "voorstellen": Voorstel.objects.filter(
            van_plan, van_hier, Q(aanvraag__isnull=True) | Q(aanvraag__gemeente_id=gemeente)
        ),
        "versies": PlanVersie.objects.filter(van_plan),
        "veiligheidssignalen": Veiligheidssignaal.objects.filter(van_plan),
        "inbreng": Inbreng.objects.filter(van_plan, van_hier),
    }
    kolommen = {f"_deel_{naam}": rijen_json(qs, _DELEN[naam]) for naam, qs in delen.items()} | {
        "_deel_doelen": rijen_json(
            Doel.objects.filter(van_plan, van_hier), _doelen(doel_voorstellen)
        )
    }
    if vandaag is not None:
        omgeving = _omgeving_delen(plan, gemeente, vandaag, met_kandidaten=met_kandidaten)
        kolommen |= {f"_omgeving_{naam}": deel for naam, deel in omgeving.items()}
        kolommen |= {f"_boven_{naam}": bouw(plan, gemeente) for naam, bouw in delen_boven}
    return (
        Plan.objects.filter(pk=plan, huishouden__gemeente_id=gemeente)
        .select_related("huishouden", "samengevoegd_in")
        .annotate(**kolommen)
    )


_PLAN_GELEZEN = {
    voorstellen: Gecompileerd(
        lambda voorstellen=voorstellen, **w: _plan_met_delen(**w, doel_voorstellen=voorstellen),
        plan=int,
        gemeente=int,
    )
    for voorstellen in (True, False)
}
# A part of the plan page from an app above plannen (which plannen's domain modules do not
# import): a module-level function (plan, gemeente) -> JSON column, given by the page.
DeelBoven = Callable[[Any, Any], Subquery]
# The plan page's read: the plan with every part and its surroundings on the day, per variant
# (with or without the candidates for regisseur, the parts from above), compiled once each.
_PLAN_PAGINA: dict[tuple[bool, tuple[tuple[str, DeelBoven], ...]], Gecompileerd] = {}


def _plan_pagina(kandidaten: bool, boven: tuple[tuple[str, DeelBoven], ...]) -> Gecompileerd:
    if (kandidaten, boven) not in _PLAN_PAGINA:
        _PLAN_PAGINA[kandidaten, boven] = Gecompileerd(
            lambda **w: _plan_met_delen(
                **w, doel_voorstellen=False, met_kandidaten=kandidaten, delen_boven=boven
            ),
            met=lambda **w: {_PLAN_HUISHOUDEN: _plan_huishouden_rij(w["plan"], w["gemeente"])},
            plan=int,
            gemeente=int,
            vandaag=dt.date,
        )
    return _PLAN_PAGINA[kandidaten, boven]


# The current members with their resident and network, and the active plans of the households
# they belong or belonged to, as they travel next to the plan's row (`_omgeving_delen`).
_NETWERK = Rijen(Netwerkpersoon, volgorde=("soort", "naam", "id"))


@cache
def _leden() -> Rijen:
    netwerk = rijen_json(Netwerkpersoon.objects.filter(inwoner_id=OuterRef("inwoner_id")), _NETWERK)
    return Rijen(
        HuishoudenLid, samen=("inwoner",), extra={"_netwerk": netwerk}, volgorde=("lid_van", "id")
    )


_PLANNEN = Rijen(Plan, volgorde=("id",))
# In the order of `regisseur_kandidaten`: by surname, first name.
_KANDIDATEN = Rijen(
    Medewerker,
    samen=("user",),
    extra={"_achternaam": F("user__last_name"), "_voornaam": F("user__first_name")},
    volgorde=("_achternaam", "_voornaam", "id"),
)
_INSTELLINGEN = Rijen(Instelling)


@dataclass(frozen=True)
class PlanOmgeving:
    """What the plan page shows and offers besides the plan itself, on one day."""

    leden: list[HuishoudenLid]  # current members, with `inwoner` and `inwoner.netwerk.all()`
    andere_plannen: list[Plan]  # the household's other active plans, newest first
    meegekomen: list[Plan]  # active plans current members brought from another household
    leefgebieden: list[Leefgebied]  # the active instrument's domains with their anchors
    instellingen: Instellingen  # the municipality's settings in force
    op: dt.date  # the day
    toegang: access.HuishoudenLeden  # the household as the access decision takes it
    # Who may be its professional regisseur (`regisseur_kandidaten`, with their login), read
    # for a login that may change plans; None when not read.
    kandidaten: list[Medewerker] | None = None
    # The parts from apps above plannen (`plan_pagina_get(delen=…)`) as read: JSON values for
    # their own selectors to make rows of.
    boven: dict[str, Any] = field(default_factory=dict)


def _omgeving_delen(
    plan: int, gemeente: int, vandaag: dt.date, *, met_kandidaten: bool
) -> dict[str, Subquery]:
    """The parts of `PlanOmgeving` as JSON columns. The plan's household is the query's
    common table expression (`plan_huishouden`: computed once, no reference to the outer
    row, however deep a part nests): the current
    members on `vandaag`, the active plans of every household a current member belongs or
    belonged to and of this household (as `_actieve_plannen_van_leden`, one subquery), the
    settings in force and the instrument's domains; `met_kandidaten`: the staff who may be
    its professional regisseur (`_kandidaten`, the rule of `regisseur_kandidaten`)."""
    huishouden = plan_huishouden()
    leden = _leden_op(huishouden, gemeente, vandaag)
    # The households as one set (a UNION), not `IN (…) OR = household`: PostgreSQL answers
    # that OR by testing every active plan (1.3 ms at 100k), the union from the indexes.
    huishoudens = (
        HuishoudenLid.objects.filter(inwoner_id__in=leden.values("inwoner_id"))
        .order_by()
        .values("huishouden_id")
        .union(Huishouden.objects.filter(pk=huishouden).order_by().values("pk"))
    )
    plannen = Plan.objects.filter(
        status__in=ACTIEVE_STATUSSEN,
        huishouden__gemeente_id=gemeente,
        huishouden_id__in=huishoudens,
    ).exclude(pk=plan)
    delen = {
        "leden": rijen_json(leden, _leden()),
        "plannen": rijen_json(plannen, _PLANNEN),
        "instellingen": rijen_json(instelling_rijen(gemeente, vandaag), _INSTELLINGEN),
        "leefgebieden": leefgebieden_deel(),
        # What the page's access decision on the household is taken on (`access.require(...,
        # leden=…)`): the decision and its log without a query of their own.
        "toegang": access.huishouden_leden_deel(huishouden, gemeente, vandaag),
    }
    if met_kandidaten:
        delen["kandidaten"] = rijen_json(_kandidaten(huishouden, gemeente, vandaag), _KANDIDATEN)
    return delen


def _omgeving_uit(plan: Plan, vandaag: dt.date, db: str) -> PlanOmgeving:
    delen = delen_van(plan, "_omgeving_")
    boven = delen_van(plan, "_boven_")
    leden = rijen_uit_json(delen["leden"], _leden(), db=db)
    for lid in leden:
        als_prefetch(
            lid.inwoner, "netwerk", rijen_uit_json(lid.__dict__.pop("_netwerk"), _NETWERK, db=db)
        )
    plannen = rijen_uit_json(delen["plannen"], _PLANNEN, db=db)
    anders = [p for p in plannen if p.huishouden_id == plan.huishouden_id]
    anders.sort(key=lambda p: p.created_at, reverse=True)  # newest first, as the overview
    return PlanOmgeving(
        leden=leden,
        andere_plannen=anders,
        meegekomen=[p for p in plannen if p.huishouden_id != plan.huishouden_id],
        leefgebieden=leefgebieden_uit(delen["leefgebieden"], db=db),
        instellingen=instellingen_uit(rijen_uit_json(delen["instellingen"], _INSTELLINGEN, db=db)),
        op=vandaag,
        toegang=access.huishouden_leden_uit(
            delen["toegang"],
            huishouden=plan.huishouden_id,
            gemeente=plan.huishouden.gemeente_id,
            db=db,
        ),
        kandidaten=None
        if "kandidaten" not in delen
        else rijen_uit_json(delen["kandidaten"], _KANDIDATEN, db=db),
        boven=boven,
    )


def plan_pagina_get(
    *,
    pk: int,
    gemeente_id: int | None,
    vandaag: dt.date,
    met_kandidaten: bool = False,
    delen: Mapping[str, DeelBoven] | None = None,
) -> Plan | None:
    """`plan_get` (without each goal's proposals apart) with what its page shows besides the
    plan on `vandaag` (`plan.omgeving`, a `PlanOmgeving`) in the same one query (issue 16:
    the members, their network, the other plans, the settings and the domains were a query
    each). `met_kandidaten`: also who may be its professional regisseur (for a login that
    may change plans). `delen`: parts of apps above plannen the page shows (per name a
    module-level function (plan, gemeente) → JSON column, such as
    `beschikkingen.plan_selectors.aanvragen_deel`), read in the same query into
    `plan.omgeving.boven[name]`; each variant of parts is compiled once."""
    gelezen = _plan_pagina(met_kandidaten, tuple(sorted((delen or {}).items())))
    plan: Plan | None = gelezen.eerste(plan=pk, gemeente=gemeente_id, vandaag=vandaag)
    if plan is None:
        return None
    db = plan._state.db or "default"
    plan.omgeving = _omgeving_uit(plan, vandaag, db)  # type: ignore[attr-defined]
    return _plan_uit(plan, doel_voorstellen=False)


def plan_get(*, pk: int, gemeente_id: int | None, doel_voorstellen: bool = True) -> Plan | None:
    """A plan of municipality `gemeente_id` with everything its page shows — its household,
    goals with their actions and evaluations, regie, participants, proposals, versions, safety
    signals and what the resident added in the portal (inbreng) — in one query, built and
    compiled once per process (`common.gecompileerd`, ADR 0055: a query per part cost a round
    trip and a compile each; issue 16). `plan.doelen.all()` and the other parts answer from
    memory, as after `prefetch_related`; each goal's actions and evaluations too. A part is
    read only of a plan of that municipality, and the residents, staff members and aanvragen
    it joins are that municipality's. `doel_voorstellen=False`: not each goal's proposals
    apart (the page takes them from the plan's proposals: `voorstellen_per_doel`)."""
    plan: Plan | None = _PLAN_GELEZEN[doel_voorstellen].eerste(plan=pk, gemeente=gemeente_id)
    return None if plan is None else _plan_uit(plan, doel_voorstellen=doel_voorstellen)


def _plan_uit(plan: Plan, *, doel_voorstellen: bool) -> Plan:
    """The plan of `_plan_met_delen`'s row with its parts in place of their JSON columns."""
    db = plan._state.db or "default"
    doelen = rijen_uit_json(plan._deel_doelen, _doelen(doel_voorstellen), db=db)
    for doel in doelen:
        als_prefetch(doel, "acties", rijen_uit_json(doel._acties, _ACTIES, db=db))
        als_prefetch(doel, "evaluaties", rijen_uit_json(doel._evaluaties, _EVALUATIES, db=db))
        if doel_voorstellen:
            voorstellen = rijen_uit_json(doel._voorstellen, _DOEL_VOORSTELLEN, db=db)
            als_prefetch(doel, "voorstellen", voorstellen)
    als_prefetch(plan, "doelen", doelen)
    for naam, rijen in _DELEN.items():
        als_prefetch(plan, naam, rijen_uit_json(getattr(plan, f"_deel_{naam}"), rijen, db=db))
    return plan


def voorstellen_per_doel(plan: Plan) -> dict[int, list[Voorstel]]:
    """The plan's proposals (as `plan_get` loaded them) by the goal they serve."""
    per_doel: dict[int, list[Voorstel]] = {}
    for voorstel in plan.voorstellen.all():
        if voorstel.doel_id is not None:
            per_doel.setdefault(voorstel.doel_id, []).append(voorstel)
    return per_doel


def huishouden_overzicht(*, huishouden: Huishouden, vandaag: dt.date) -> dict[str, object]:
    """The household view: current members, their network, and the plans (active first).
    Every resident, staff member and household read is of the household's municipality
    (issue 16: every table of each query carries the condition)."""
    gemeente_id = huishouden.gemeente_id
    leden = list(
        HuishoudenLid.objects.filter(
            huishouden=huishouden, lid_van__lte=vandaag, inwoner__gemeente_id=gemeente_id
        )
        .filter(Q(lid_tot__isnull=True) | Q(lid_tot__gt=vandaag))
        .select_related("inwoner")
        .prefetch_related("inwoner__netwerk")
        .order_by("lid_van", "id")
    )
    plannen = list(
        huishouden.plannen.prefetch_related(
            Prefetch(
                "regisseurs",
                queryset=Regisseur.objects.filter(
                    Q(inwoner__isnull=True) | Q(inwoner__gemeente_id=gemeente_id),
                    Q(medewerker__isnull=True) | Q(medewerker__gemeente_id=gemeente_id),
                    tot__isnull=True,
                ).select_related("inwoner", "netwerkpersoon", "medewerker__user"),
            ),
            Prefetch("doelen", queryset=Doel.objects.select_related("leefgebied")),
        ).order_by(
            # Active plans first, then the rest; newest first within each group.
            Case(When(status__in=ACTIEVE_STATUSSEN, then=Value(0)), default=Value(1)),
            "-created_at",
        )
    )
    # Active plans that current members brought from the household they lived in before:
    # one household has one active plan, so these are the ones to merge.
    meegekomen = list(_actieve_plannen_van_leden(huishouden, leden).order_by("id"))
    return {"leden": leden, "plannen": plannen, "meegekomen": meegekomen}


def _actieve_plannen_van_leden(
    huishouden: Huishouden, leden: list[HuishoudenLid]
) -> QuerySet[Plan]:
    """The active plans of every other household the current `leden` belong or belonged to
    (the plans they brought along). Read from the members' own membership rows to their
    households and from there to the plans by index (issue 16: a join through every
    household's members with an OR tested every active plan of the municipality, growing
    with it)."""
    huishoudens = HuishoudenLid.objects.filter(
        inwoner_id__in=[lid.inwoner_id for lid in leden]
    ).values("huishouden_id")
    return Plan.objects.filter(
        status__in=ACTIEVE_STATUSSEN,
        huishouden__gemeente_id=huishouden.gemeente_id,
        huishouden_id__in=huishoudens,
    ).exclude(huishouden=huishouden)
