"""Assignment: a generalist of the wijkteam (round-robin or chosen) becomes the resident's
contact person and gets need-to-know access to the dossier for as long as the assignment runs."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from eenplan.common.concurrency import Conflict, schrijft
from eenplan.events import soorten
from eenplan.gemeente.constants import Rol, TeamSoort
from eenplan.gemeente.models import Medewerker, Team
from eenplan.meldingen.constants import Status
from eenplan.meldingen.models import Melding, MeldingGebeurtenis, Toewijzing
from eenplan.meldingen.services._shared import (
    GENERALISTEN,
    Actor,
    Handeling,
    _check,
    _record,
    _wijkteam_for,
)
from eenplan.privacy import access
from eenplan.privacy.services import dossiertoegang_end, dossiertoegang_grant


def round_robin_candidate(
    *, team: Team, jeugd: bool, vandaag: dt.date, expertise: str = ""
) -> Medewerker | None:
    """The team's generalist whose last assignment is longest ago (never assigned first).

    For youth only professionals with a registration valid today (seed 000 L338-340).
    Two queries whatever the number of meldingen: candidates, then their last assignment."""
    qs = team.medewerkers.filter(functie__in=GENERALISTEN)
    if jeugd:
        qs = qs.filter(functie=Rol.JEUGDPROFESSIONAL, registratie_geldig_tot__gte=vandaag).exclude(
            registratienummer=""
        )
    if expertise:
        qs = qs.filter(expertises__icontains=expertise)
    candidates = list(qs.order_by("id"))
    last = dict(
        MeldingGebeurtenis.objects.filter(soort="toegewezen", medewerker__in=candidates)
        .values_list("medewerker")
        .annotate(laatst=Max("id"))
        .order_by()
    )
    return min(candidates, key=lambda m: (last.get(m.pk, 0), m.pk), default=None)


@transaction.atomic
@schrijft("melding")
def melding_assign(
    *,
    melding: Melding,
    actor: Actor,
    team: Team | None = None,
    medewerker: Medewerker | None = None,
    expertise: str = "",
    reden: str = "",
    vandaag: dt.date | None = None,
    via: access.Via = access.SERVICE,
    doel: str | None = None,
) -> Melding:
    """Assign to a generalist of the wijkteam serving the resident's wijk: round-robin by
    default, or a chosen colleague. Youth meldingen only go to a professional with a valid
    registration. Reassignment keeps the history; the resident keeps one contact person (the
    current assignee), who gets need-to-know access to the dossier."""
    _check(
        melding,
        actor=actor,
        handeling=Handeling.TOEWIJZEN,
        statussen=(Status.GEREGISTREERD, Status.TOEGEWEZEN),
        via=via,
        doel=doel,
    )
    vandaag = vandaag or timezone.localdate()
    team = (
        team
        or (medewerker.teams.filter(soort=TeamSoort.WIJKTEAM).first() if medewerker else None)
        or _wijkteam_for(melding)
    )
    if team is None:
        raise ValidationError(
            {
                "team": "Kies een wijkteam: de inwoner is (nog) onbekend of er "
                "is geen wijkteam voor deze wijk."
            }
        )
    if team.gemeente_id != melding.gemeente_id or team.soort != TeamSoort.WIJKTEAM:
        raise ValidationError({"team": "Kies een wijkteam van de eigen gemeente."})
    if medewerker is None:
        medewerker = round_robin_candidate(
            team=team, jeugd=melding.jeugd, vandaag=vandaag, expertise=expertise
        )
        if medewerker is None:
            raise ValidationError(
                {
                    "medewerker": (
                        "Er is in dit team geen jeugdprofessional met een geldige registratie."
                        if melding.jeugd
                        else "Er is in dit team geen generalist beschikbaar"
                        + (f" met expertise '{expertise}'." if expertise else ".")
                    )
                }
            )
    if not medewerker.teams.filter(pk=team.pk).exists():
        raise ValidationError({"medewerker": f"{medewerker} werkt niet in {team}."})
    if medewerker.functie not in GENERALISTEN:
        raise ValidationError(
            {"medewerker": f"{medewerker} is geen generalist of jeugdprofessional."}
        )
    if melding.jeugd and not (
        medewerker.functie == Rol.JEUGDPROFESSIONAL and medewerker.registratie_geldig_op(vandaag)
    ):
        raise ValidationError(
            {
                "medewerker": (
                    f"Een melding over jeugd mag alleen naar een jeugdprofessional met een geldige "
                    f"registratie (SKJ/BIG). {medewerker} heeft die op {vandaag:%d-%m-%Y} niet."
                )
            }
        )
    if melding.medewerker_id == medewerker.pk:
        raise Conflict({"medewerker": f"De melding is al toegewezen aan {medewerker}."})
    van, vorige = melding.status, melding.medewerker
    melding.status, melding.team, melding.medewerker = Status.TOEGEWEZEN, team, medewerker
    melding.save(update_fields=["status", "team", "medewerker", "updated_at"])
    toelichting = reden.strip()
    if vorige is not None:
        toelichting = f"Overgenomen van {vorige}. {toelichting}".strip()
    # One open assignment per melding (constraint een_open_toewijzing_per_melding): the
    # previous assignee's assignment and the dossier access it gave end today.
    _toewijzing_beeindigen(melding, vandaag)
    toegang = None
    inwoner = melding.inwoner if melding.inwoner_id is not None else None
    if inwoner is not None:
        toegang = dossiertoegang_grant(
            medewerker=medewerker,
            inwoner=inwoner,
            van=vandaag,
            reden=f"Toegewezen melding {melding.pk}",
            door=access.Actor.of(actor).user,
        )
    Toewijzing.objects.create(
        melding=melding, medewerker=medewerker, dossiertoegang=toegang, van=vandaag
    )
    _record(
        melding,
        door=actor,
        soort="toegewezen",
        van=van,
        medewerker=medewerker,
        team=team,
        toelichting=toelichting,
        event=soorten.MELDING_TOEGEWEZEN,
        omschrijving=f"Melding {melding.pk} toegewezen aan {medewerker} ({team.naam})"
        + (f", overgenomen van {vorige}" if vorige is not None else ""),
    )
    return melding


def _toewijzing_beeindigen(melding: Melding, op: dt.date, *, toegang_ook: bool = True) -> list[int]:
    """End the open assignment on `op`; returns the ids of the dossier access it gave (ended
    here too, unless `toegang_ook` is False: then the caller's event ends it)."""
    toegangen = []
    for toewijzing in melding.toewijzingen.filter(tot__isnull=True).select_related(
        "dossiertoegang"
    ):
        toewijzing.tot = max(toewijzing.van, op)
        toewijzing.save(update_fields=["tot", "updated_at"])
        if toewijzing.dossiertoegang is not None:
            toegangen.append(toewijzing.dossiertoegang.pk)
            if toegang_ook:
                dossiertoegang_end(toegang=toewijzing.dossiertoegang, op=op)
    return toegangen
