"""Who runs and joins the plan: the regisseur, participants with consent, safety signals."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from eenplan.common.concurrency import schrijft
from eenplan.common.datums import datums_check
from eenplan.gemeente.models import Medewerker
from eenplan.inwoners.constants import NetwerkSoort
from eenplan.inwoners.models import Inwoner, Netwerkpersoon
from eenplan.plannen.constants import DeelnemerSoort, Escalatie, RegisseurSoort, VeiligheidSoort
from eenplan.plannen.models import Deelnemer, Plan, Regisseur, Veiligheidssignaal
from eenplan.plannen.selectors import regisseur_kandidaten
from eenplan.plannen.services.gemeen import (
    GEEN_PROFESSIONELE_REGISSEUR,
    _actief,
    _leden,
    _mag,
    _version,
)
from eenplan.privacy import access
from eenplan.privacy.models import Toestemming
from eenplan.privacy.services import toestemming_withdraw
from eenplan.rules import datums


@transaction.atomic
@schrijft("plan", verhogen=False)
def regisseur_set(
    *,
    plan: Plan,
    soort: RegisseurSoort | str,
    actor: access.Actor | User,
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
    actor: access.Actor | User,
    netwerkpersoon: Netwerkpersoon | None = None,
    organisatie: str = "",
    soort: str = "",
) -> Deelnemer:
    """A network person or organisation joins only with the resident's recorded consent. The
    kind of participant is explicit (`DeelnemerSoort`): someone of the network, an
    organisation, or the Werkplein (the consultant of work and income, named "Werkplein" when
    no name is given) — never read from the organisation's name."""
    door = _mag(actor, plan.huishouden_id)
    _actief(plan)
    if soort and soort not in DeelnemerSoort.values:
        raise ValidationError({"soort": "Kies: netwerk, organisatie of het Werkplein."})
    if soort == DeelnemerSoort.WERKPLEIN:
        if netwerkpersoon is not None:
            raise ValidationError(
                {"soort": "Het Werkplein is een organisatie, niet iemand uit het netwerk."}
            )
        organisatie = organisatie.strip() or "Werkplein"
    if (netwerkpersoon is None) == (not organisatie.strip()):
        raise ValidationError("Kies een netwerkpersoon of vul een organisatie in.")
    if soort == DeelnemerSoort.NETWERK and netwerkpersoon is None:
        raise ValidationError({"soort": "Kies de persoon uit het netwerk."})
    if soort == DeelnemerSoort.ORGANISATIE and netwerkpersoon is not None:
        raise ValidationError({"soort": "Vul de naam van de organisatie in."})
    soort = soort or (
        DeelnemerSoort.NETWERK if netwerkpersoon is not None else DeelnemerSoort.ORGANISATIE
    )
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
        soort=soort,
        rol=rol,
        toestemming=toestemming,
    )
    _version(plan, door=door, reden=f"Deelnemer: {deelnemer.naam}")
    return deelnemer


def deelnemers_actief(
    plan: Plan, op: dt.date, *, deelnemers: Iterable[Deelnemer] | None = None
) -> list[Deelnemer]:
    """Participants whose consent holds on `op`; a withdrawal ends access from that day.
    `deelnemers`: the plan's participants as the caller already loaded them with their consent
    (the plan page, `plannen.selectors.plan_get`), so they are not read again."""
    if deelnemers is None:
        deelnemers = plan.deelnemers.select_related("netwerkpersoon", "toestemming")
    return [
        d
        for d in deelnemers
        if d.toestemming.gegeven_op <= op
        and (d.toestemming.ingetrokken_op is None or d.toestemming.ingetrokken_op > op)
    ]


@transaction.atomic
@schrijft("plan", verhogen=False)
def veiligheid_signaleer(
    *,
    plan: Plan,
    soort: VeiligheidSoort | str,
    omschrijving: str,
    escalatie: Escalatie | str,
    actor: access.Actor | User,
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
@schrijft("deelnemer", via=lambda deelnemer: deelnemer.plan, verhogen=False)
def deelnemer_toestemming_intrekken(
    *, deelnemer: Deelnemer, op: dt.date, actor: access.Actor | User
) -> Deelnemer:
    """The resident withdraws consent: the participant loses access from `op` (AVG art. 7
    lid 3); the plan keeps a version showing it."""
    door = _mag(actor, deelnemer.plan.huishouden_id)
    datums_check(datums.GEBEURTENIS, op=op)
    toestemming_withdraw(toestemming=deelnemer.toestemming, op=op)
    _version(deelnemer.plan, door=door, reden=f"Toestemming ingetrokken: {deelnemer.naam}")
    return deelnemer
