"""Writes of the plannen app: one plan per household, one regisseur, consent, signing.

Every change of goals, regisseur or participants writes a PlanVersie snapshot, so earlier
versions stay visible. Refusals raise ValidationError in Dutch and change nothing.

Each service receives the `actor` and first asks the one decision point (`privacy.access`)
whether it may change this household's plan — its role (PLAN wijzigen; opening a plan: PLAN
aanmaken) and need-to-know (a *current* member of the household in its scope). A refusal
raises `access.Refused` (403), is logged, and changes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from eenplan.common.concurrency import VersieVerouderd, schrijft, vergrendel, verhoogd
from eenplan.common.constants import Wet
from eenplan.common.datums import datum_fout, datums_check
from eenplan.events import soorten
from eenplan.events.bus import publish
from eenplan.gemeente.models import Medewerker
from eenplan.inwoners.constants import NetwerkSoort
from eenplan.inwoners.models import Huishouden, HuishoudenLid, Inwoner, Netwerkpersoon
from eenplan.onderzoeken.models import Afweging, Leefgebied
from eenplan.onderzoeken.services import ladderstap_parse, score_add
from eenplan.plannen.constants import (
    ACTIEVE_STATUSSEN,
    Doeltype,
    Escalatie,
    PlanStatus,
    RegisseurSoort,
    Uitkomst,
    Uitvoerder,
    VeiligheidSoort,
)
from eenplan.plannen.models import (
    Actie,
    Deelnemer,
    Doel,
    Evaluatie,
    Plan,
    PlanVersie,
    Regisseur,
    Veiligheidssignaal,
    Voorstel,
)
from eenplan.plannen.selectors import regisseur_kandidaten
from eenplan.privacy import access
from eenplan.privacy.models import Toestemming
from eenplan.privacy.services import toestemming_withdraw
from eenplan.rules import datums
from eenplan.rules.onderzoek import (
    LadderStap,
    StapUitkomst,
    aanvraag_zonder_afgerond_onderzoek_toegestaan,
    maatwerk_ontbrekende_stappen,
)

GEEN_PROFESSIONELE_REGISSEUR = (
    "{naam} kan geen professionele regisseur van dit plan zijn: dat kan alleen een medewerker "
    "die plannen mag maken en wijzigen en die werkt voor de wijk van een lid van dit "
    "huishouden of toegang heeft tot het dossier van een lid."
)


def _leden(huishouden: Huishouden, op: dt.date) -> list[Inwoner]:
    return [
        lid.inwoner
        for lid in huishouden.leden.select_related("inwoner").filter(
            Q(lid_tot__isnull=True) | Q(lid_tot__gt=op), lid_van__lte=op
        )
    ]


def plan_snapshot(plan: Plan) -> dict[str, Any]:
    """The plan as plain data (goals, actions, proposals, regisseur, participants)."""
    regisseur = plan.regisseurs.filter(tot__isnull=True).first()
    return {
        "status": plan.status,
        "doelen": [
            {
                "id": d.pk,
                "inwoner": d.inwoner_id,
                "leefgebied": d.leefgebied.naam,
                "omschrijving": d.omschrijving,
                "doeltype": d.doeltype,
                "evaluatie_op": d.evaluatie_op.isoformat() if d.evaluatie_op else None,
                "acties": [
                    {
                        "omschrijving": a.omschrijving,
                        "uitvoerder": a.uitvoerder,
                        "uitvoerder_soort": a.uitvoerder_soort,
                    }
                    for a in d.acties.all()
                ],
            }
            for d in plan.doelen.select_related("leefgebied").prefetch_related("acties")
        ],
        "voorstellen": [
            {"omschrijving": v.omschrijving, "wet": v.wet, "ladderstap": v.ladderstap}
            for v in plan.voorstellen.all()
        ],
        "regisseur": {"soort": regisseur.soort, "naam": regisseur.naam} if regisseur else None,
        "deelnemers": [
            {
                "naam": d.naam,
                "rol": d.rol,
                "toestemming_ingetrokken": d.toestemming.ingetrokken_op is not None,
            }
            for d in plan.deelnemers.select_related("netwerkpersoon", "toestemming")
        ],
    }


def _version(plan: Plan, *, door: AbstractBaseUser, reden: str) -> PlanVersie:
    """The next version, with a conditional UPDATE: if someone else raised it since this plan
    was read, nothing is saved (no lost update)."""
    gelezen = plan.versie
    nieuw = (
        max(gelezen, plan.versies.order_by("-versie").values_list("versie", flat=True).first() or 0)
        + 1
    )
    if not Plan.objects.filter(pk=plan.pk, versie=gelezen).update(
        versie=nieuw, updated_at=timezone.now()
    ):
        plan.refresh_from_db()
        raise VersieVerouderd(plan, verwacht=gelezen)
    plan.versie = nieuw
    verhoogd(plan, gelezen, nieuw)
    return PlanVersie.objects.create(
        plan=plan, versie=plan.versie, door=door, reden=reden, inhoud=plan_snapshot(plan)
    )


def _mag(
    actor: access.Actor | AbstractBaseUser,
    huishouden_id: int,
    handeling: access.Action = access.Action.WIJZIGEN,
) -> AbstractBaseUser:
    """Refuse (403, logged) unless the actor may do this to the household's plan; returns the
    login to record as the one who did it."""
    regel = access.RULES[(access.Resource.PLAN, handeling)]
    access.require(
        actor,
        access.Resource.PLAN,
        handeling,
        via=access.SERVICE,
        huishouden=huishouden_id,
        doel=regel.doel,
    )
    return access.Actor.of(actor).user


def _actief(plan: Plan) -> None:
    if plan.status not in ACTIEVE_STATUSSEN:
        raise ValidationError(
            f"Dit plan is {plan.get_status_display().lower()} en kan niet meer worden gewijzigd."
        )


@transaction.atomic
@schrijft("huishouden", verhogen=False)
def plan_open(*, huishouden: Huishouden, actor: access.Actor | AbstractBaseUser) -> Plan:
    """The household's active plan, made when there is none: one plan per household (a
    resident alone is a household of one). Returning the existing plan is reading it: the
    actor must be allowed to open a plan for this household either way."""
    door = _mag(actor, huishouden.pk, access.Action.AANMAKEN)
    plan = huishouden.plannen.filter(status__in=ACTIEVE_STATUSSEN).order_by("id").first()
    if plan is not None:
        return plan
    plan = Plan.objects.create(huishouden=huishouden, aangemaakt_door=door, versie=0)
    _version(plan, door=door, reden="Plan aangemaakt")
    return plan


@transaction.atomic
@schrijft("plan", verhogen=False)
def doel_add(
    *,
    plan: Plan,
    inwoner: Inwoner,
    leefgebied: Leefgebied | None,
    omschrijving: str,
    doeltype: Doeltype | str,
    actor: access.Actor | AbstractBaseUser,
    evaluatie_op: dt.date | None = None,
) -> Doel:
    door = _mag(actor, plan.huishouden_id)
    _actief(plan)
    errors = {}
    if leefgebied is None:
        errors["leefgebied"] = "Kies het leefgebied waar dit doel over gaat."
    if not omschrijving.strip():
        errors["omschrijving"] = "Beschrijf het doel in de woorden van de inwoner."
    if doeltype not in Doeltype.values:
        errors["doeltype"] = (
            "Kies het soort doel: versterken, stabiliseren of ondersteunen bij achteruitgang."
        )
    if evaluatie_op is not None and (fout := datum_fout(datums.PLANNING, evaluatie_op)):
        errors["evaluatie_op"] = fout
    if inwoner is None:
        errors["inwoner"] = "Kies voor wie dit doel is."
    elif inwoner not in _leden(plan.huishouden, timezone.localdate()):
        errors["inwoner"] = f"{inwoner.naam} hoort niet (meer) bij dit huishouden."
    if errors:
        raise ValidationError(errors)
    doel = Doel.objects.create(
        plan=plan,
        inwoner=inwoner,
        leefgebied=leefgebied,
        omschrijving=omschrijving.strip(),
        doeltype=doeltype,
        evaluatie_op=evaluatie_op,
    )
    _version(plan, door=door, reden=f"Doel toegevoegd: {leefgebied}")
    return doel


@transaction.atomic
@schrijft("doel", via=lambda doel: doel.plan, verhogen=False)
def actie_add(
    *,
    doel: Doel,
    omschrijving: str,
    uitvoerder_soort: Uitvoerder | str,
    uitvoerder: str,
    actor: access.Actor | AbstractBaseUser,
    uiterlijk: dt.date | None = None,
) -> Actie:
    door = _mag(actor, doel.plan.huishouden_id)
    _actief(doel.plan)
    if not omschrijving.strip() or not uitvoerder.strip():
        raise ValidationError("Vul in wat er gebeurt en wie het doet.")
    if uitvoerder_soort not in Uitvoerder.values:
        raise ValidationError({"uitvoerder_soort": "Kies wie de actie uitvoert."})
    datums_check(datums.PLANNING, uiterlijk=uiterlijk)
    actie = Actie.objects.create(
        doel=doel,
        omschrijving=omschrijving.strip(),
        uitvoerder_soort=uitvoerder_soort,
        uitvoerder=uitvoerder.strip(),
        uiterlijk=uiterlijk,
    )
    _version(doel.plan, door=door, reden=f"Actie toegevoegd: {actie.omschrijving[:80]}")
    return actie


def _ladder(inwoner: Inwoner, huishouden: Huishouden) -> dict[LadderStap, StapUitkomst]:
    """The ladder as recorded in the resident's latest onderzoek, or else in the latest
    onderzoek of the household (one conversation covers the whole household)."""
    onderzoek = inwoner.onderzoeken.order_by("-created_at").first() or (
        huishouden.onderzoeken.order_by("-created_at").first()
    )
    if onderzoek is None:
        return {}
    return {
        LadderStap(a.stap): StapUitkomst(a.bevinding, a.volstaat, a.reden_niet_toereikend)
        for a in Afweging.objects.filter(onderzoek=onderzoek)
    }


@transaction.atomic
@schrijft("plan", verhogen=False)
def voorstel_add(
    *,
    plan: Plan,
    inwoner: Inwoner,
    omschrijving: str,
    wet: str,
    ladderstap: LadderStap | int,
    actor: access.Actor | AbstractBaseUser,
    doel: Doel | None = None,
) -> Voorstel:
    """Propose a provision. Maatwerk is refused unless every lighter step of the ladder was
    recorded with a reason why it does not suffice (Wmo 2015 art. 2.3.5 lid 3)."""
    door = _mag(actor, plan.huishouden_id)
    _actief(plan)
    stap = ladderstap_parse(ladderstap)
    if wet not in Wet.values:
        raise ValidationError({"wet": "Kies de wet: Wmo, Jeugdwet of Participatiewet."})
    if doel is not None and (doel.plan_id != plan.pk or doel.inwoner_id != inwoner.pk):
        raise ValidationError({"doel": "Dit doel hoort niet bij dit plan en deze inwoner."})
    if stap < LadderStap.ALGEMENE_VOORZIENINGEN:
        raise ValidationError(
            {
                "ladderstap": "Een voorstel gaat over een voorziening: een "
                "algemene voorziening of maatwerk."
            }
        )
    missing = maatwerk_ontbrekende_stappen(_ladder(inwoner, plan.huishouden), stap)
    if missing:
        raise ValidationError(
            {
                "ladderstap": [
                    "Maatwerk kan pas als de lichtere stappen zijn "
                    "afgewogen (Wmo 2015 art. 2.3.5 lid 3).",
                    *missing,
                ]
            }
        )
    if not omschrijving.strip():
        raise ValidationError({"omschrijving": "Beschrijf de voorziening."})
    if inwoner not in _leden(plan.huishouden, timezone.localdate()):
        raise ValidationError({"inwoner": f"{inwoner.naam} hoort niet bij dit huishouden."})
    voorstel = Voorstel.objects.create(
        plan=plan, inwoner=inwoner, omschrijving=omschrijving, wet=wet, ladderstap=stap, doel=doel
    )
    _version(plan, door=door, reden=f"Voorstel: {omschrijving[:80]}")
    return voorstel


@transaction.atomic
@schrijft("plan", verhogen=False)
def regisseur_set(
    *,
    plan: Plan,
    soort: RegisseurSoort | str,
    actor: access.Actor | AbstractBaseUser,
    van: dt.date,
    inwoner: Inwoner | None = None,
    netwerkpersoon: Netwerkpersoon | None = None,
    medewerker: Medewerker | None = None,
    op_verzoek_van_inwoner: bool = False,
) -> Regisseur:
    """Exactly one regisseur: the resident, a mantelzorger, a network person or - only at the
    resident's recorded request - a professional (seed 002 L779-894). The previous one's
    period ends; the change is kept. A professional must be one of
    `selectors.regisseur_kandidaten`: a medewerker who may hold plans and works for this
    household."""
    door = _mag(actor, plan.huishouden_id)
    _actief(plan)
    datums_check(datums.GEBEURTENIS, van=van)
    if soort not in RegisseurSoort.values:
        raise ValidationError(
            {
                "soort": "Kies wie regisseur is: de inwoner, een mantelzorger, "
                "iemand uit het netwerk of een professional."
            }
        )
    leden = _leden(plan.huishouden, van)
    chosen = [x for x in (inwoner, netwerkpersoon, medewerker) if x is not None]
    if len(chosen) != 1:
        raise ValidationError("Een plan heeft precies één regisseur: kies één persoon.")
    if soort == RegisseurSoort.INWONER and (inwoner is None or inwoner not in leden):
        raise ValidationError({"inwoner": "Kies een lid van het huishouden als regisseur."})
    if soort in (RegisseurSoort.MANTELZORGER, RegisseurSoort.NETWERK):
        if netwerkpersoon is None or netwerkpersoon.inwoner not in leden:
            raise ValidationError(
                {"netwerkpersoon": "Kies iemand uit het netwerk van dit huishouden."}
            )
        if (
            soort == RegisseurSoort.MANTELZORGER
            and netwerkpersoon.soort != NetwerkSoort.MANTELZORGER
        ):
            raise ValidationError(
                {
                    "netwerkpersoon": f"{netwerkpersoon.naam} staat niet als "
                    "mantelzorger geregistreerd."
                }
            )
    if soort == RegisseurSoort.PROFESSIONAL:
        if medewerker is None:
            raise ValidationError({"medewerker": "Kies de professional."})
        if not regisseur_kandidaten(huishouden=plan.huishouden).filter(pk=medewerker.pk).exists():
            raise ValidationError(
                {"medewerker": GEEN_PROFESSIONELE_REGISSEUR.format(naam=medewerker)}
            )
        if not op_verzoek_van_inwoner:
            raise ValidationError(
                {
                    "op_verzoek_van_inwoner": (
                        "Een professionele regisseur alleen op verzoek van de inwoner; "
                        "leg dat verzoek vast."
                    )
                }
            )
    vorige = plan.regisseurs.filter(tot__isnull=True).first()
    if vorige is not None:
        if van < vorige.van:
            raise ValidationError({"van": "De nieuwe regisseur kan niet beginnen vóór de vorige."})
        vorige.tot = van
        vorige.save(update_fields=["tot", "updated_at"])
    regisseur = Regisseur.objects.create(
        plan=plan,
        soort=soort,
        inwoner=inwoner,
        netwerkpersoon=netwerkpersoon,
        medewerker=medewerker,
        op_verzoek_van_inwoner=op_verzoek_van_inwoner,
        van=van,
        vastgelegd_door=door,
    )
    _version(plan, door=door, reden=f"Regisseur: {regisseur.naam}")
    return regisseur


@transaction.atomic
@schrijft("plan", verhogen=False)
def deelnemer_add(
    *,
    plan: Plan,
    rol: str,
    toestemming: Toestemming | None,
    actor: access.Actor | AbstractBaseUser,
    netwerkpersoon: Netwerkpersoon | None = None,
    organisatie: str = "",
) -> Deelnemer:
    """A network person or organisation joins only with the resident's recorded consent."""
    door = _mag(actor, plan.huishouden_id)
    _actief(plan)
    if (netwerkpersoon is None) == (not organisatie.strip()):
        raise ValidationError("Kies een netwerkpersoon of vul een organisatie in.")
    if not rol.strip() or len(rol) > 200:
        raise ValidationError({"rol": "Beschrijf in maximaal 200 tekens wat deze deelnemer doet."})
    leden = _leden(plan.huishouden, timezone.localdate())
    if toestemming is None or toestemming.ingetrokken_op is not None:
        raise ValidationError(
            {"toestemming": "Zonder toestemming van de inwoner kan niemand aan het plan deelnemen."}
        )
    if toestemming.inwoner not in leden:
        raise ValidationError(
            {"toestemming": "De toestemming moet van een lid van dit huishouden zijn."}
        )
    if netwerkpersoon is not None and netwerkpersoon.inwoner not in leden:
        raise ValidationError(
            {"netwerkpersoon": "Deze persoon hoort bij het netwerk van een ander huishouden."}
        )
    deelnemer = Deelnemer.objects.create(
        plan=plan,
        netwerkpersoon=netwerkpersoon,
        organisatie=organisatie.strip(),
        rol=rol,
        toestemming=toestemming,
    )
    _version(plan, door=door, reden=f"Deelnemer: {deelnemer.naam}")
    return deelnemer


def deelnemers_actief(plan: Plan, op: dt.date) -> list[Deelnemer]:
    """Participants whose consent holds on `op`; a withdrawal ends access from that day."""
    return [
        d
        for d in plan.deelnemers.select_related("netwerkpersoon", "toestemming")
        if d.toestemming.gegeven_op <= op
        and (d.toestemming.ingetrokken_op is None or d.toestemming.ingetrokken_op > op)
    ]


@transaction.atomic
def plan_merge(*, plannen: Sequence[Plan], actor: access.Actor | AbstractBaseUser) -> Plan:
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
    for plan in andere:
        _version(plan, door=door, reden=f"Samengevoegd in plan {doel_plan.pk}")
        plan.doelen.update(plan=doel_plan)
        plan.voorstellen.update(plan=doel_plan)
        plan.deelnemers.update(plan=doel_plan)
        plan.aanvragen.update(plan=doel_plan)
        plan.veiligheidssignalen.update(plan=doel_plan)
        plan.regisseurs.filter(tot__isnull=True).update(tot=timezone.localdate())
        plan.status, plan.samengevoegd_in = PlanStatus.SAMENGEVOEGD, doel_plan
        plan.save(update_fields=["status", "samengevoegd_in", "updated_at"])
    _version(
        doel_plan, door=door, reden="Samengevoegd met " + ", ".join(f"plan {p.pk}" for p in andere)
    )
    return doel_plan


@transaction.atomic
@schrijft("plan", verhogen=False)
def plan_sign(
    *,
    plan: Plan,
    ondertekenaar: Inwoner | Netwerkpersoon,
    op: dt.date,
    actor: access.Actor | AbstractBaseUser,
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
            f"Dit plan is al ondertekend op {plan.ondertekend_op:%d-%m-%Y} en er is sindsdien "
            "geen nieuw voorstel voor maatwerk."
        )
    plan.status, plan.ondertekend_op, plan.ondertekend_door = PlanStatus.ONDERTEKEND, op, naam
    plan.save(update_fields=["status", "ondertekend_op", "ondertekend_door", "updated_at"])
    _version(plan, door=door, reden=f"Ondertekend door {naam}")
    # The aanvragen are beschikkingen' own: its subscriber files one per new maatwerk proposal
    # in this transaction (ADR 0013), so signing and the aanvragen hold together or not at all.
    publish(
        soorten.PLAN_ONDERTEKEND,
        record=plan,
        omschrijving=f"Plan {plan.pk} ondertekend door {naam}",
        user=door,
        huishouden=plan.huishouden,
        gegevens={"voorstellen": [v.pk for v in nieuw], "op": op, "ondertekend_door": naam},
    )
    gemaakt = {v.pk for v in nieuw}
    return [a for a in plan.aanvragen.order_by("id") if a.voorstel_id in gemaakt]


@transaction.atomic
@schrijft("doel", via=lambda doel: doel.plan, verhogen=False)
def evaluatie_add(
    *,
    doel: Doel,
    datum: dt.date,
    uitkomst: Uitkomst | str,
    actor: access.Actor | AbstractBaseUser,
    toelichting: str = "",
    score: int | None = None,
) -> Evaluatie:
    """Evaluate a goal on its date; a new score on the goal's life domain is kept over time."""
    door = _mag(actor, doel.plan.huishouden_id)
    _actief(doel.plan)
    if uitkomst not in Uitkomst.values:
        raise ValidationError({"uitkomst": "Kies: bereikt, deels bereikt of niet bereikt."})
    datums_check(datums.GEBEURTENIS, datum=datum)
    if datum > timezone.localdate():
        raise ValidationError({"datum": "De datum van de evaluatie ligt in de toekomst."})
    zrm = (
        score_add(
            inwoner=doel.inwoner,
            leefgebied=doel.leefgebied,
            score=score,
            datum=datum,
            actor=actor,
        )
        if score is not None
        else None
    )
    evaluatie = Evaluatie.objects.create(
        doel=doel, datum=datum, uitkomst=uitkomst, toelichting=toelichting, score=zrm
    )
    _version(doel.plan, door=door, reden=f"Evaluatie: {evaluatie.get_uitkomst_display()}")
    return evaluatie


@transaction.atomic
@schrijft("plan", verhogen=False)
def veiligheid_signaleer(
    *,
    plan: Plan,
    soort: VeiligheidSoort | str,
    omschrijving: str,
    escalatie: Escalatie | str,
    actor: access.Actor | AbstractBaseUser,
) -> Veiligheidssignaal:
    """Record a safety concern and the escalation decided on, with who and when (meldcode)."""
    door = _mag(actor, plan.huishouden_id)
    _actief(plan)
    if soort not in VeiligheidSoort.values or escalatie not in Escalatie.values:
        raise ValidationError("Kies het soort zorg en de escalatie.")
    if not omschrijving.strip():
        raise ValidationError({"omschrijving": "Beschrijf wat er aan de hand is."})
    if soort == VeiligheidSoort.ACUUT and escalatie == Escalatie.GEEN:
        raise ValidationError(
            {
                "escalatie": "Bij acute onveiligheid is een melding bij Veilig "
                "Thuis of het Zorg- en Veiligheidshuis nodig."
            }
        )
    return Veiligheidssignaal.objects.create(
        plan=plan, soort=soort, omschrijving=omschrijving, escalatie=escalatie, besloten_door=door
    )


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
    actor: access.Actor | AbstractBaseUser,
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


@transaction.atomic
@schrijft("deelnemer", via=lambda deelnemer: deelnemer.plan, verhogen=False)
def deelnemer_toestemming_intrekken(
    *, deelnemer: Deelnemer, op: dt.date, actor: access.Actor | AbstractBaseUser
) -> Deelnemer:
    """The resident withdraws consent: the participant loses access from `op` (AVG art. 7
    lid 3); the plan keeps a version showing it."""
    door = _mag(actor, deelnemer.plan.huishouden_id)
    datums_check(datums.GEBEURTENIS, op=op)
    toestemming_withdraw(toestemming=deelnemer.toestemming, op=op)
    _version(deelnemer.plan, door=door, reden=f"Toestemming ingetrokken: {deelnemer.naam}")
    return deelnemer
