"""Reads of the plannen app, bounded in queries (the household view)."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, Permission
from django.db.models import Case, Count, Exists, OuterRef, Prefetch, Q, QuerySet, Value, When
from django.utils import timezone

from eenplan.common.jsondelen import Deel, delen_vullen, met_delen
from eenplan.gemeente.models import Medewerker, Wijk
from eenplan.gemeente.selectors import instelling_rijen
from eenplan.inwoners.models import Huishouden, HuishoudenLid, Netwerkpersoon
from eenplan.onderzoeken.models import Anker
from eenplan.onderzoeken.selectors import leefgebieden_actief
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
    return Plan.objects.filter(access.huishouden_scope_q(user))


def _met_rechten(perms: tuple[str, ...]) -> QuerySet[Medewerker]:
    """Active medewerkers who hold every permission in `perms` (through their role's group or
    directly), or are superusers."""
    medewerkers = Medewerker.objects.filter(user__is_active=True)
    for perm in perms:
        app_label, codename = perm.split(".", 1)
        permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename)
        medewerkers = medewerkers.filter(
            Q(user__is_superuser=True)
            | Q(user__groups__permissions__in=permission)
            | Q(user__user_permissions__in=permission)
        )
    return medewerkers


def regisseur_kandidaten(
    *,
    huishouden: Huishouden,
    op: dt.date | None = None,
    leden_wijken: set[int | None] | None = None,
) -> QuerySet[Medewerker]:
    """Who may be the professional regisseur of this household's plan — decided here, once,
    for the service (which refuses anyone else) and the form (which offers only these): a
    medewerker of the municipality whose role may hold plans (change them) and who works for
    this household: one of their teams serves the wijk of a current member, or they have
    dossier access to a current member (DossierToegang) on `op` (default today).
    `leden_wijken`: the wijk of each of those members (None: a member without one) as the
    caller read them on `op` (the plan page, `plan.leden_binnen`); else read here."""
    op = op or timezone.localdate()
    leden = HuishoudenLid.objects.filter(
        Q(lid_tot__isnull=True) | Q(lid_tot__gt=op), huishouden=huishouden
    )
    if leden_wijken is None:
        # The members' wijken in one read; None among them: a member without a wijk.
        leden_wijken = set(leden.values_list("inwoner__wijk_id", flat=True))
    wijk_ids = leden_wijken - {None}
    toegang = DossierToegang.objects.filter(
        Q(tot__isnull=True) | Q(tot__gte=op),
        van__lte=op,
        inwoner_id__in=leden.values("inwoner_id"),
    ).values("medewerker_id")
    werkt_hier = Q(teams__wijken__in=wijk_ids) | Q(pk__in=toegang)
    if None in leden_wijken:
        # A member without a wijk is in the scope of teams that serve the whole municipality.
        alle = Wijk.objects.filter(gemeente_id=huishouden.gemeente_id).count()
        if alle:
            hele_gemeente = (
                Medewerker.objects.filter(gemeente_id=huishouden.gemeente_id)
                .annotate(n=Count("teams__wijken", distinct=True))
                .filter(n__gte=alle)
                .values("pk")
            )
            werkt_hier |= Q(pk__in=hele_gemeente)
    rule = access.RULES[(access.Resource.PLAN, access.Action.WIJZIGEN)]
    geschikt = _met_rechten(rule.perms).filter(gemeente_id=huishouden.gemeente_id)
    return (
        Medewerker.objects.filter(pk__in=geschikt.values("pk"))
        .filter(pk__in=Medewerker.objects.filter(werkt_hier).values("pk"))
        .select_related("user")
        .order_by("user__last_name", "user__first_name", "pk")
    )


def _plan_delen(*, doel_voorstellen: bool) -> tuple[Deel, ...]:
    """The parts of a plan its page and API show, each with its own references."""
    van_doel = Q(doel_id=OuterRef("pk"))
    van_plan = Q(plan_id=OuterRef("pk"))
    per_doel = [
        Deel("acties", Actie.objects.filter(van_doel), volgorde=("uiterlijk", "id")),
        Deel(
            "evaluaties",
            Evaluatie.objects.filter(van_doel),
            mee=("score",),
            volgorde=("datum", "id"),
        ),
    ]
    if doel_voorstellen:
        per_doel.append(Deel("voorstellen", Voorstel.objects.filter(van_doel), volgorde=("id",)))
    return (
        Deel(
            "doelen",
            Doel.objects.filter(van_plan),
            mee=("leefgebied", "inwoner"),
            volgorde=("leefgebied__volgorde", "id"),
            delen=tuple(per_doel),
        ),
        Deel(
            "regisseurs",
            Regisseur.objects.filter(van_plan),
            mee=("inwoner", "netwerkpersoon", "medewerker__user"),
            volgorde=("van", "id"),
        ),
        Deel(
            "deelnemers",
            Deelnemer.objects.filter(van_plan),
            mee=("netwerkpersoon", "toestemming"),
            volgorde=("id",),
        ),
        Deel(
            "voorstellen",
            Voorstel.objects.filter(van_plan),
            mee=("inwoner", "aanvraag"),
            volgorde=("id",),
        ),
        Deel("versies", PlanVersie.objects.filter(van_plan), mee=("door",), volgorde=("versie",)),
        Deel(
            "veiligheidssignalen",
            Veiligheidssignaal.objects.filter(van_plan),
            mee=("besloten_door",),
            volgorde=("-besloten_op",),
        ),
        Deel(
            "inbreng",
            Inbreng.objects.filter(van_plan),
            mee=("inwoner",),
            volgorde=("-created_at", "-id"),
        ),
    )


def _pagina_delen(user: User | access.Actor, vandaag: dt.date) -> tuple[Deel, ...]:
    """What a plan page reads besides the plan itself, as parts of the plan's row: the
    household's members of today with their network, as the access decision on the
    household reads them (`plan.leden_binnen`, `access.huishouden_leden_binnen`), its other
    active plans (`plan.andere_plannen`, newest first), the active plans current members
    brought from a household they lived in before (`plan.meegekomen_plannen`, as
    `huishouden_overzicht`'s "meegekomen"), only those the login may see (`plannen_in_scope`);
    the life domains of the active instrument with their anchors (`plan.leefgebieden`, as
    `onderzoeken.selectors.leefgebieden_actief`) and the municipality's settings rows in force
    (`plan.instellingen`, for `gemeente.selectors.instellingen_uit`)."""
    huidig = Q(lid_van__lte=vandaag) & (Q(lid_tot__isnull=True) | Q(lid_tot__gt=vandaag))
    leden = Deel(
        "leden_binnen",
        access.huishouden_leden_binnen(user, OuterRef("huishouden_id")),
        mee=("inwoner",),
        extra=("binnen",),
        volgorde=("lid_van", "id"),
        delen=(
            Deel(
                "netwerk",
                Netwerkpersoon.objects.filter(inwoner_id=OuterRef("inwoner_id")),
                aan="inwoner",
            ),
        ),
        als_lijst=True,
    )
    eigen = Plan.objects.filter(
        status__in=ACTIEVE_STATUSSEN, huishouden_id=OuterRef("huishouden_id")
    ).exclude(pk=OuterRef("pk"))
    # Another household with (ever) a member who is a current member of the plan's household.
    mijn_leden = HuishoudenLid.objects.filter(
        huidig, huishouden_id=OuterRef(OuterRef(OuterRef("huishouden_id")))
    ).values("inwoner_id")
    gedeeld = HuishoudenLid.objects.filter(
        huishouden_id=OuterRef("huishouden_id"), inwoner_id__in=mijn_leden
    )
    meegekomen = (
        plannen_in_scope(user)
        .filter(Exists(gedeeld), status__in=ACTIEVE_STATUSSEN)
        .exclude(huishouden_id=OuterRef("huishouden_id"))
    )
    return (
        leden,
        Deel("andere_plannen", eigen, volgorde=("-created_at", "id"), als_lijst=True),
        Deel("meegekomen_plannen", meegekomen, volgorde=("id",), als_lijst=True),
        Deel(
            "leefgebieden",
            leefgebieden_actief(),
            volgorde=("volgorde",),
            delen=(Deel("ankers", Anker.objects.filter(leefgebied_id=OuterRef("pk"))),),
            als_lijst=True,
        ),
        Deel(
            "instellingen",
            instelling_rijen(OuterRef("huishouden__gemeente_id"), vandaag),
            volgorde=("id",),
            als_lijst=True,
        ),
    )


def plan_get(
    *,
    scope: QuerySet[Plan],
    pk: int,
    doel_voorstellen: bool = True,
    pagina: tuple[User | access.Actor, dt.date] | None = None,
    delen: tuple[Deel, ...] = (),
) -> Plan | None:
    """A plan with everything its page shows, in one query: its household joined in, each
    kind of part a JSON column of the plan's row (`common.jsondelen`; issue 16: a query less
    is a page faster; these were nine). `doel_voorstellen=False`: not each goal's proposals
    apart (the page takes them from the plan's proposals: `voorstellen_per_doel`).
    `pagina=(login, today)`: also what the page offers besides the plan (`_pagina_delen`);
    `delen`: the caller's own parts of the plan (a higher app's, such as the aanvragen)."""
    delen = _plan_delen(doel_voorstellen=doel_voorstellen) + delen
    if pagina is not None:
        delen += _pagina_delen(*pagina)
    plan = (
        met_delen(scope.select_related("huishouden", "samengevoegd_in"), *delen)
        .filter(pk=pk)
        .first()
    )
    if plan is not None:
        delen_vullen(plan, *delen)
        if pagina is not None:
            # The current members: those of `leden_binnen` who are members already today.
            plan.huidige_leden = [lid for lid in plan.leden_binnen if lid.lid_van <= pagina[1]]
    return plan


def voorstellen_per_doel(plan: Plan) -> dict[int, list[Voorstel]]:
    """The plan's proposals (as `plan_get` loaded them) by the goal they serve."""
    per_doel: dict[int, list[Voorstel]] = {}
    for voorstel in plan.voorstellen.all():
        if voorstel.doel_id is not None:
            per_doel.setdefault(voorstel.doel_id, []).append(voorstel)
    return per_doel


def huishouden_overzicht(*, huishouden: Huishouden, vandaag: dt.date) -> dict[str, object]:
    """The household view: current members, their network, and the plans (active first)."""
    leden = list(
        HuishoudenLid.objects.filter(huishouden=huishouden, lid_van__lte=vandaag)
        .filter(Q(lid_tot__isnull=True) | Q(lid_tot__gt=vandaag))
        .select_related("inwoner")
        .prefetch_related("inwoner__netwerk")
        .order_by("lid_van", "id")
    )
    plannen = list(
        huishouden.plannen.prefetch_related(
            Prefetch(
                "regisseurs",
                queryset=Regisseur.objects.filter(tot__isnull=True).select_related(
                    "inwoner", "netwerkpersoon", "medewerker__user"
                ),
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
    meegekomen = list(
        Plan.objects.filter(status__in=ACTIEVE_STATUSSEN)
        .exclude(huishouden=huishouden)
        .filter(huishouden__leden__inwoner_id__in=[lid.inwoner_id for lid in leden])
        .distinct()
        .order_by("id")
    )
    return {"leden": leden, "plannen": plannen, "meegekomen": meegekomen}
