"""Screening by the mid-office: identify the person, answer at once, forward, or link the
melding to an open case of the same household."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from eenplan.common.concurrency import schrijft
from eenplan.events import soorten
from eenplan.gemeente.constants import TeamSoort
from eenplan.gemeente.models import Team
from eenplan.inwoners.models import Inwoner
from eenplan.inwoners.selectors import huishouden_current
from eenplan.meldingen.constants import OPEN_STATUSSEN, Doorzetting, Status
from eenplan.meldingen.models import Melding
from eenplan.meldingen.services._shared import (
    Actor,
    Handeling,
    _check,
    _history,
    _publish,
    _record,
    melding_authorise,
)
from eenplan.privacy import access

SCREENEN = Handeling.SCREENEN
NIEUW = (Status.GEREGISTREERD,)


@transaction.atomic
@schrijft("melding")
def melding_identify(
    *,
    melding: Melding,
    inwoner: Inwoner,
    actor: Actor,
    via: access.Via = access.SERVICE,
    doel: str | None = None,
) -> Melding:
    """The mid-office links a melding about an unknown person to the resident it found (a
    resident it may search, within its need-to-know)."""
    _check(melding, actor=actor, handeling=SCREENEN, statussen=OPEN_STATUSSEN, via=via, doel=doel)
    if inwoner.gemeente_id != melding.gemeente_id:
        raise ValidationError({"inwoner": "Deze inwoner woont in een andere gemeente."})
    if melding.inwoner_id is not None:
        raise ValidationError({"inwoner": "Deze melding hoort al bij een inwoner."})
    access.require(
        actor, access.Resource.DOSSIER, Handeling.ZOEKEN, via=via, doel=doel, inwoner=inwoner
    )
    melding.inwoner = inwoner
    melding.huishouden = huishouden_current(inwoner=inwoner, vandaag=timezone.localdate())
    melding.save(update_fields=["inwoner", "huishouden", "updated_at"])
    _record(
        melding,
        door=actor,
        soort="geïdentificeerd",
        toelichting=inwoner.naam,
        event=soorten.MELDING_GEIDENTIFICEERD,
        omschrijving=f"Melding {melding.pk} (ontvangen {melding.ontvangen_op:%d-%m-%Y}) hoort bij "
        "deze inwoner",
    )
    return melding


@transaction.atomic
@schrijft("melding")
def melding_answer(
    *,
    melding: Melding,
    actor: Actor,
    antwoord: str,
    via: access.Via = access.SERVICE,
    doel: str | None = None,
) -> Melding:
    """Screening: the question was answered at once (e.g. from the sociale kaart)."""
    _check(melding, actor=actor, handeling=SCREENEN, statussen=NIEUW, via=via, doel=doel)
    if not antwoord.strip():
        raise ValidationError({"antwoord": "Schrijf op wat de melder als antwoord kreeg."})
    van = melding.status
    melding.status, melding.antwoord = Status.BEANTWOORD, antwoord.strip()
    melding.save(update_fields=["status", "antwoord", "updated_at"])
    _record(
        melding,
        door=actor,
        soort="beantwoord",
        van=van,
        toelichting=melding.antwoord,
        event=soorten.MELDING_GESCREEND,
        omschrijving=f"Melding {melding.pk} direct beantwoord",
    )
    return melding


_DOORZET_TEAMS = {
    Doorzetting.BACKOFFICE: TeamSoort.BACKOFFICE,
    Doorzetting.WERKPLEIN: TeamSoort.WERKPLEIN,
    Doorzetting.VEILIG_THUIS: TeamSoort.REGIONAAL,
    Doorzetting.ZORG_EN_VEILIGHEIDSHUIS: TeamSoort.REGIONAAL,
}


@transaction.atomic
@schrijft("melding")
def melding_forward(
    *,
    melding: Melding,
    actor: Actor,
    naar: Doorzetting | str,
    organisatie: str = "",
    toelichting: str = "",
    via: access.Via = access.SERVICE,
    doel: str | None = None,
) -> Melding:
    """Screening: forward to the back office, Werkplein, a regional team (with a safety flag)
    or an outside organisation (which one is required)."""
    _check(melding, actor=actor, handeling=SCREENEN, statussen=NIEUW, via=via, doel=doel)
    if naar not in Doorzetting.values:
        raise ValidationError({"naar": "Kies waar de melding heen gaat."})
    if naar == Doorzetting.EXTERN and not organisatie.strip():
        raise ValidationError({"organisatie": "Vul in naar welke organisatie u doorverwijst."})
    team = None
    if naar in _DOORZET_TEAMS:
        team = (
            Team.objects.filter(
                gemeente_id=melding.gemeente_id, soort=_DOORZET_TEAMS[Doorzetting(naar)]
            )
            .order_by("id")
            .first()
        )
    van = melding.status
    melding.status, melding.doorgezet_naar = Status.DOORGEZET, naar
    melding.doorgezet_organisatie, melding.team = organisatie.strip(), team
    if naar in (Doorzetting.VEILIG_THUIS, Doorzetting.ZORG_EN_VEILIGHEIDSHUIS):
        melding.veiligheid = True
    melding.save()
    _record(
        melding,
        door=actor,
        soort="doorgezet",
        van=van,
        team=team,
        toelichting=f"{Doorzetting(naar).label} {organisatie}".strip()
        + (f": {toelichting}" if toelichting else ""),
        event=soorten.MELDING_GESCREEND,
        omschrijving=f"Melding {melding.pk} doorgezet naar "
        + (melding.doorgezet_organisatie or str(Doorzetting(naar).label)),
    )
    return melding


@transaction.atomic
@schrijft("melding", "bestaande")
def melding_link(
    *,
    melding: Melding,
    bestaande: Melding,
    actor: Actor,
    via: access.Via = access.SERVICE,
    doel: str | None = None,
) -> Melding:
    """Tell your story once: a new melding joins an open case of the same household instead of
    opening a new one. The screener must have both meldingen within need-to-know."""
    _check(melding, actor=actor, handeling=SCREENEN, statussen=NIEUW, via=via, doel=doel)
    melding_authorise(actor, bestaande, SCREENEN, via=via, doel=doel)
    if bestaande.gemeente_id != melding.gemeente_id:
        raise ValidationError({"bestaande": "Die melding hoort bij een andere gemeente."})
    if bestaande.pk == melding.pk:
        raise ValidationError({"bestaande": "Een melding kan niet aan zichzelf gekoppeld worden."})
    if bestaande.status not in OPEN_STATUSSEN:
        raise ValidationError({"bestaande": "Koppel alleen aan een lopende melding."})
    same_person = melding.inwoner_id is not None and melding.inwoner_id == bestaande.inwoner_id
    same_household = (
        melding.huishouden_id is not None and melding.huishouden_id == bestaande.huishouden_id
    )
    if not (same_person or same_household):
        raise ValidationError(
            {
                "bestaande": "Koppel alleen aan een melding van dezelfde inwoner "
                "of hetzelfde huishouden."
            }
        )
    van = melding.status
    melding.status, melding.gekoppeld_aan = Status.GEKOPPELD, bestaande
    melding.team, melding.medewerker = bestaande.team, bestaande.medewerker
    melding.save(update_fields=["status", "gekoppeld_aan", "team", "medewerker", "updated_at"])
    _history(
        melding,
        door=actor,
        soort="gekoppeld",
        van=van,
        toelichting=f"Gekoppeld aan melding {bestaande.pk}.",
    )
    _history(
        bestaande,
        door=actor,
        soort="aanvulling",
        toelichting=f"Melding {melding.pk} is hieraan gekoppeld: {melding.vraag[:200]}",
    )
    _publish(
        soorten.MELDING_GESCREEND,
        melding,
        door=actor,
        omschrijving=f"Melding {melding.pk} gekoppeld aan lopende melding {bestaande.pk}",
    )
    return melding
