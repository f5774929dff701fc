"""The plan's content: goals, actions, proposals (with the ladder) and evaluations."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from eenplan.common.concurrency import schrijft
from eenplan.common.constants import Wet
from eenplan.common.datums import datum_fout, datums_check
from eenplan.gemeente.selectors import instellingen_op
from eenplan.inwoners.models import Huishouden, Inwoner
from eenplan.onderzoeken.models import Afweging, Leefgebied
from eenplan.onderzoeken.selectors import onderzoek_ladder
from eenplan.onderzoeken.services import ladderstap_parse, score_add
from eenplan.plannen.constants import Doeltype, Uitkomst, Uitvoerder
from eenplan.plannen.models import Actie, Doel, Evaluatie, Plan, Voorstel
from eenplan.plannen.services.gemeen import _actief, _leden, _mag, _version
from eenplan.privacy import access
from eenplan.rules import datums
from eenplan.rules.onderzoek import (
    Ladder,
    LadderStap,
    StapUitkomst,
    maatwerk_ontbrekende_stappen,
)


@transaction.atomic
@schrijft("plan", verhogen=False)
def doel_add(
    *,
    plan: Plan,
    inwoner: Inwoner,
    leefgebied: Leefgebied | None,
    omschrijving: str,
    doeltype: Doeltype | str,
    actor: access.Actor | User,
    evaluatie_op: dt.date | None = None,
    gedeeld: bool = True,
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
    if errors or leefgebied is None:  # leefgebied None is among the errors
        raise ValidationError(errors)
    doel = Doel.objects.create(
        plan=plan,
        inwoner=inwoner,
        leefgebied=leefgebied,
        omschrijving=omschrijving.strip(),
        doeltype=doeltype,
        evaluatie_op=evaluatie_op,
        gedeeld=gedeeld,
    )
    _version(plan, door=door, reden=f"Doel toegevoegd: {leefgebied}", inhoudelijk=True)
    return doel


@transaction.atomic
@schrijft("doel", via=lambda doel: doel.plan, verhogen=False)
def actie_add(
    *,
    doel: Doel,
    omschrijving: str,
    uitvoerder_soort: Uitvoerder | str,
    uitvoerder: str,
    actor: access.Actor | User,
    uiterlijk: dt.date | None = None,
    gedeeld: bool = True,
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
        gedeeld=gedeeld,
    )
    _version(
        doel.plan, door=door, reden=f"Actie toegevoegd: {actie.omschrijving[:80]}", inhoudelijk=True
    )
    return actie


def _ladder(
    inwoner: Inwoner, huishouden: Huishouden
) -> tuple[dict[LadderStap, StapUitkomst], Ladder]:
    """The ladder as recorded in the resident's latest onderzoek, or else in the latest
    onderzoek of the household (one conversation covers the whole household), with the
    municipality's steps for that onderzoek (those in force today when there is none)."""
    onderzoek = inwoner.onderzoeken.order_by("-created_at").first() or (
        huishouden.onderzoeken.order_by("-created_at").first()
    )
    if onderzoek is None:
        return {}, instellingen_op(inwoner.gemeente_id, timezone.localdate()).ladder
    return {
        LadderStap(a.stap): StapUitkomst(a.bevinding, a.volstaat, a.reden_niet_toereikend)
        for a in Afweging.objects.filter(onderzoek=onderzoek)
    }, onderzoek_ladder(onderzoek)


@transaction.atomic
@schrijft("plan", verhogen=False)
def voorstel_add(
    *,
    plan: Plan,
    inwoner: Inwoner,
    omschrijving: str,
    wet: str,
    ladderstap: LadderStap | int,
    actor: access.Actor | User,
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
    stappen, ladder = _ladder(inwoner, plan.huishouden)
    missing = maatwerk_ontbrekende_stappen(stappen, stap, ladder=ladder)
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
    _version(plan, door=door, reden=f"Voorstel: {omschrijving[:80]}", inhoudelijk=True)
    return voorstel


@transaction.atomic
@schrijft("doel", via=lambda doel: doel.plan, verhogen=False)
def evaluatie_add(
    *,
    doel: Doel,
    datum: dt.date,
    uitkomst: Uitkomst | str,
    actor: access.Actor | User,
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
