"""A plan's life: opening it, merging plans, signing (which makes the aanvragen, through
the event), and an aanvraag made with the plan."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from eenplan.common.concurrency import schrijft, vergrendel
from eenplan.common.datums import datums_check
from eenplan.events import soorten
from eenplan.events.bus import publish
from eenplan.inwoners.constants import NetwerkSoort
from eenplan.inwoners.models import Huishouden, HuishoudenLid, Inwoner, Netwerkpersoon
from eenplan.plannen.constants import ACTIEVE_STATUSSEN, PlanStatus
from eenplan.plannen.models import Plan
from eenplan.plannen.services.gemeen import _actief, _leden, _mag, _version
from eenplan.privacy import access
from eenplan.rules import datums
from eenplan.rules.onderzoek import LadderStap, aanvraag_zonder_afgerond_onderzoek_toegestaan


@transaction.atomic
@schrijft("huishouden", verhogen=False)
def plan_open(*, huishouden: Huishouden, actor: access.Actor | User) -> Plan:
    """The household's active plan, made when there is none: one plan per household (a
    resident alone is a household of one). Returning the existing plan is reading it: the
    actor must be allowed to open a plan for this household either way."""
    door = _mag(actor, huishouden.pk, access.Action.AANMAKEN)
    plan = huishouden.plannen.filter(status__in=ACTIEVE_STATUSSEN).order_by("id").first()
    if plan is not None:
        return plan
    plan = Plan.objects.create(huishouden=huishouden, aangemaakt_door=door, versie=0)
    _version(plan, door=door, reden="Plan aangemaakt")
    publish(
        soorten.PLAN_GEOPEND,
        record=plan,
        omschrijving=f"Plan {plan.pk} geopend voor {huishouden}",
        user=door,
        huishouden=huishouden,
    )
    return plan


@transaction.atomic
def plan_merge(*, plannen: Sequence[Plan], actor: access.Actor | User) -> Plan:
    """Merge into the first plan the active plans that members of its household brought
    along from the household they lived in before (a household has one active plan, so
    several plans meet when people move in together). The history of each is kept: the
    others become 'samengevoegd' and point to the result. The actor must be allowed to
    change each of the plans (a current member of each household in scope)."""
    doel_plan, *andere = plannen
    door = _mag(actor, doel_plan.huishouden_id)
    for huishouden_id in dict.fromkeys(p.huishouden_id for p in andere):
        if huishouden_id != doel_plan.huishouden_id:
            _mag(actor, huishouden_id)
    for plan in sorted(plannen, key=lambda p: p.pk):  # in id order: no deadlock
        vergrendel(plan)
    andere = [p for p in andere if p.pk != doel_plan.pk]
    if not andere:
        raise ValidationError("Kies ten minste twee plannen om samen te voegen.")
    leden = {i.pk for i in _leden(doel_plan.huishouden, timezone.localdate())}
    for plan in andere:
        if not HuishoudenLid.objects.filter(
            huishouden_id=plan.huishouden_id, inwoner_id__in=leden
        ).exists():
            raise ValidationError(
                f"Plan {plan.pk} hoort niet bij een huishouden waaruit leden van dit huishouden "
                "komen; alleen die plannen kunnen samen."
            )
    for plan in plannen:
        _actief(plan)
    # Goals or proposals that join a signed plan change what was signed.
    inhoudelijk = any(p.doelen.exists() or p.voorstellen.exists() for p in andere)
    for plan in andere:
        _version(
            plan, door=door, reden=f"Samengevoegd in plan {doel_plan.pk}", eigen_gebeurtenis=True
        )
        plan.doelen.update(plan=doel_plan)
        plan.voorstellen.update(plan=doel_plan)
        plan.deelnemers.update(plan=doel_plan)
        plan.aanvragen.update(plan=doel_plan)
        plan.veiligheidssignalen.update(plan=doel_plan)
        plan.regisseurs.filter(tot__isnull=True).update(tot=timezone.localdate())
        plan.status, plan.samengevoegd_in = PlanStatus.SAMENGEVOEGD, doel_plan
        plan.save(update_fields=["status", "samengevoegd_in", "updated_at"])
        publish(
            soorten.PLAN_SAMENGEVOEGD,
            record=plan,
            omschrijving=f"Plan {plan.pk} samengevoegd in plan {doel_plan.pk}",
            user=door,
            huishouden=plan.huishouden,
            gegevens={"in": doel_plan.pk},
        )
    _version(
        doel_plan,
        door=door,
        reden="Samengevoegd met " + ", ".join(f"plan {p.pk}" for p in andere),
        inhoudelijk=inhoudelijk,
    )
    return doel_plan


@transaction.atomic
@schrijft("plan", verhogen=False)
def plan_sign(
    *,
    plan: Plan,
    ondertekenaar: Inwoner | Netwerkpersoon,
    op: dt.date,
    actor: access.Actor | User,
) -> list[Any]:  # beschikkingen.Aanvraag rows (that app sits above plannen)
    """The resident (or their wettelijk vertegenwoordiger) signs; each proposed maatwerk
    becomes an aanvraag received that day (signing the plan is the application, seed 000
    L1973-1976). Publishes `plan.ondertekend`; beschikkingen files the aanvragen (its
    subscriber, in this transaction). Returns those aanvragen."""
    door = _mag(actor, plan.huishouden_id)
    _actief(plan)
    datums_check(datums.GEBEURTENIS, op=op)
    leden = _leden(plan.huishouden, op)
    if ondertekenaar is None:
        raise ValidationError("Kies wie het plan ondertekent.")
    if isinstance(ondertekenaar, Inwoner):
        if ondertekenaar not in leden:
            raise ValidationError(
                "Alleen een lid van het huishouden of een wettelijk "
                "vertegenwoordiger kan het plan ondertekenen."
            )
        if ondertekenaar.leeftijd_op(op) < 18:
            raise ValidationError(
                f"{ondertekenaar.naam} is minderjarig; een ouder of wettelijk "
                "vertegenwoordiger ondertekent."
            )
        naam = ondertekenaar.naam
    else:
        if (
            ondertekenaar.soort != NetwerkSoort.VERTEGENWOORDIGER
            or ondertekenaar.inwoner not in leden
        ):
            raise ValidationError(
                "Alleen een lid van het huishouden of een wettelijk "
                "vertegenwoordiger kan het plan ondertekenen."
            )
        naam = f"{ondertekenaar.naam} (wettelijk vertegenwoordiger)"
    if op > timezone.localdate():
        raise ValidationError("De datum van ondertekening ligt in de toekomst.")
    if not plan.doelen.exists():
        raise ValidationError("Een plan zonder doelen kan niet worden ondertekend.")
    nieuw = list(
        plan.voorstellen.filter(
            ladderstap__gte=LadderStap.COLLECTIEF_MAATWERK, aanvraag__isnull=True
        ).select_related("inwoner")
    )
    if plan.status == PlanStatus.ONDERTEKEND and not nieuw:
        raise ValidationError(
            f"Dit plan is al ondertekend op {plan.ondertekend_op:%d-%m-%Y} en is sindsdien "
            "niet inhoudelijk gewijzigd."
        )
    if plan.ondertekend_op and op < plan.ondertekend_op:
        raise ValidationError(
            {"op": f"De nieuwe ondertekening ligt vóór de vorige ({plan.ondertekend_op:%d-%m-%Y})."}
        )
    opnieuw = plan.ondertekend_op is not None
    plan.status, plan.ondertekend_op, plan.ondertekend_door = PlanStatus.ONDERTEKEND, op, naam
    plan.save(update_fields=["status", "ondertekend_op", "ondertekend_door", "updated_at"])
    _version(
        plan,
        door=door,
        reden=f"{'Opnieuw o' if opnieuw else 'O'}ndertekend door {naam}",
        eigen_gebeurtenis=True,
    )
    # The aanvragen are beschikkingen' own: its subscriber files one per new maatwerk proposal
    # in this transaction (ADR 0013), so signing and the aanvragen hold together or not at all.
    publish(
        soorten.PLAN_ONDERTEKEND,
        record=plan,
        omschrijving=f"Plan {plan.pk} {'opnieuw ' if opnieuw else ''}ondertekend door {naam}",
        user=door,
        huishouden=plan.huishouden,
        gegevens={
            "voorstellen": [v.pk for v in nieuw],
            "op": op,
            "ondertekend_door": naam,
            "opnieuw": opnieuw,
            "versie": plan.versie,
        },
    )
    gemaakt = {v.pk for v in nieuw}
    return [a for a in plan.aanvragen.order_by("id") if a.voorstel_id in gemaakt]


@transaction.atomic
@schrijft("plan", verhogen=False)
def aanvraag_file(
    *,
    plan: Plan,
    inwoner: Inwoner,
    omschrijving: str,
    wet: str,
    ontvangen_op: dt.date,
    ingediend_door: str,
    actor: access.Actor | User,
    toelichting: str = "",
) -> Any:  # a beschikkingen.Aanvraag (not imported: it sits above plannen)
    """The resident applies for something other than the plan advises: recorded as deviating
    from the advice. Publishes `plan.aanvraag_ingediend`; beschikkingen files the aanvraag
    (its subscriber, in this transaction) and it is returned. An aanvraag follows the
    onderzoek, unless that took longer than six weeks (Wmo 2015 art. 2.3.2 lid 9)."""
    door = _mag(actor, plan.huishouden_id)
    _actief(plan)
    datums_check(datums.GEBEURTENIS, ontvangen_op=ontvangen_op)
    if inwoner not in _leden(plan.huishouden, ontvangen_op):
        raise ValidationError({"inwoner": f"{inwoner.naam} hoort niet bij dit huishouden."})
    onderzoek = inwoner.onderzoeken.select_related("melding").order_by("-created_at").first()
    melding = (
        onderzoek.melding if onderzoek else inwoner.meldingen.order_by("-ontvangen_op").first()
    )
    if not aanvraag_zonder_afgerond_onderzoek_toegestaan(
        melding.onderzoek_uiterlijk if melding else None,
        ontvangen_op,
        verslag_definitief=bool(onderzoek and onderzoek.verslag_definitief_op),
    ):
        raise ValidationError(
            "Een aanvraag volgt op het onderzoek; dat is nog niet afgerond en "
            "de termijn van zes weken is nog niet voorbij (Wmo 2015 art. "
            "2.3.2 lid 9)."
        )
    afwijkend = not plan.voorstellen.filter(
        inwoner=inwoner, omschrijving__iexact=omschrijving.strip()
    ).exists()
    publish(
        soorten.PLAN_AANVRAAG_INGEDIEND,
        record=plan,
        omschrijving=f"Aanvraag bij plan {plan.pk} ingediend door {ingediend_door}: "
        f"{omschrijving.strip()[:120]}" + (" (wijkt af van het advies)" if afwijkend else ""),
        user=door,
        inwoner=inwoner,
        huishouden=plan.huishouden,
        gegevens={
            "inwoner": inwoner.pk,
            "omschrijving": omschrijving,
            "wet": str(wet),
            "ontvangen_op": ontvangen_op,
            "ingediend_door": ingediend_door,
            "afwijkend_van_advies": afwijkend,
            "toelichting": toelichting,
        },
    )
    # Filed by beschikkingen' subscriber in this transaction (ADR 0013): the newest of the plan.
    return plan.aanvragen.order_by("-id").first()
