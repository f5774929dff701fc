"""Writes of the meldingen app: registration, screening, assignment, suspension, linking.

Every function runs in one transaction and writes a MeldingGebeurtenis (who, when, what), so
the history of a melding is complete. Refusals raise ValidationError with a Dutch message and
change nothing.

Authorisation lives here too (issue 8): each service receives the `actor` and asks
`privacy.access` whether it may do this to this melding — role and need-to-know of the melding's
resident, or for a person not identified yet the screeners of the municipality — plus the rules of
its own (only the contact person or the mid-office closes a melding; youth meldingen only to a
professional with a valid registration). A refusal raises `access.Refused` (403) and is in the
access log; pages and API pass their `via` (and the API its `doel`) so the log says where.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from eenplan.common.concurrency import Conflict, schrijft
from eenplan.events import soorten
from eenplan.events.bus import publish
from eenplan.gemeente.constants import Rol, TeamSoort
from eenplan.gemeente.models import Gemeente, Medewerker, Team
from eenplan.gemeente.selectors import gelijkgestelde_dagen
from eenplan.inwoners.models import Inwoner
from eenplan.inwoners.selectors import huishouden_current
from eenplan.meldingen.constants import (
    OPEN_STATUSSEN,
    WETTELIJKE_VERWIJZERS,
    Domein,
    Doorzetting,
    MelderSoort,
    Status,
    Urgentie,
)
from eenplan.meldingen.models import (
    Melding,
    MeldingGebeurtenis,
    Notificatie,
    Opschorting,
    Toewijzing,
)
from eenplan.privacy import access
from eenplan.privacy.services import dossiertoegang_end, dossiertoegang_grant
from eenplan.rules import datums, termijnen

GENERALISTEN = (Rol.GENERALIST, Rol.JEUGDPROFESSIONAL)
Actor = access.Actor | AbstractBaseUser
MELDING, Handeling = access.Resource.MELDING, access.Action
# Closing is the one change of a melding besides screening, assigning and suspending.
AFSLUITEN = Handeling.WIJZIGEN
ALLEEN_CONTACTPERSOON = (
    "Alleen de toegewezen medewerker (de contactpersoon) of de midoffice kan deze melding "
    "afsluiten."
)


def melding_authorise(
    actor: Actor,
    melding: Melding,
    handeling: access.Action,
    *,
    via: access.Via = access.SERVICE,
    doel: str | None = None,
) -> access.Decision:
    """May `actor` do `handeling` to this melding? Role and need-to-know of its resident (or,
    without one, the screeners of its municipality), plus the services' own rule for closing.
    Logged either way; raises `access.Refused` when not. Each service asks this first; a page or
    the API asks it itself only when the input is refused before the service runs, so a refusal
    is logged even then."""
    if handeling == AFSLUITEN and not may_close(actor, melding):
        access.refuse(
            actor,
            MELDING,
            handeling,
            via=via,
            doel=doel,
            inwoner=melding.inwoner_id,
            reason=ALLEEN_CONTACTPERSOON,
        )
    return access.require_object(
        actor,
        MELDING,
        handeling,
        via=via,
        doel=doel,
        inwoner=melding.inwoner_id,
        gemeente=melding.gemeente_id,
    )


def may_close(actor: Actor, melding: Melding) -> bool:
    """Closing is for the assigned contact person or the mid-office (who screens); also for
    showing the button."""
    actor = access.Actor.of(actor)
    eigen = actor.medewerker is not None and melding.medewerker_id == actor.medewerker.pk
    return eigen or access.allows(actor, MELDING, Handeling.SCREENEN)


def _event(
    melding: Melding,
    *,
    door: Actor,
    soort: str,
    van: str = "",
    toelichting: str = "",
    medewerker: Medewerker | None = None,
    team: Team | None = None,
) -> MeldingGebeurtenis:
    return MeldingGebeurtenis.objects.create(
        melding=melding,
        door=access.Actor.of(door).user,
        soort=soort,
        van_status=van,
        naar_status=melding.status,
        medewerker=medewerker,
        team=team,
        toelichting=toelichting,
    )


def _publish(
    soort: str,
    melding: Melding,
    *,
    door: Actor | None,
    omschrijving: str,
    gegevens: dict | None = None,
) -> None:
    """Put a state change of the melding on the bus (ADR 0013): the resident's dossier timeline
    reads it, other apps react to it. Only the resident's own dossier: a melding is about one
    person, so it is not shown on the other members' dossiers."""
    publish(
        soort,
        record=melding,
        omschrijving=omschrijving,
        user=access.Actor.of(door).user if door is not None else None,
        inwoner=melding.inwoner,
        gegevens={"status": melding.status, **(gegevens or {})},
    )


def _deadlines(melding: Melding) -> None:
    """Onderzoek within 6 weeks of the melding (Wmo 2015 art. 2.3.2 lid 1), moved by
    suspensions (Awb art. 4:15 by analogy) and extended per Algemene termijnenwet art. 1;
    a personal plan may be handed in within 7 days (art. 2.3.2 lid 2)."""
    extra = gelijkgestelde_dagen()
    # Read from the database, not a (possibly stale) prefetch cache on the melding.
    opschortingen = (
        [
            termijnen.Opschorting(van=o.van, tot=o.tot, reden=o.reden)
            for o in Opschorting.objects.filter(melding_id=melding.pk)
        ]
        if melding.pk
        else []
    )
    melding.onderzoek_uiterlijk = termijnen.termijn_einde_met_opschorting(
        melding.ontvangen_op,
        weken=termijnen.WMO_ONDERZOEK.weken,
        opschortingen=opschortingen,
        extra=extra,
    )
    melding.persoonlijk_plan_uiterlijk = termijnen.WMO_PERSOONLIJK_PLAN.einde(
        melding.ontvangen_op, extra=extra
    )


def _require_status(melding: Melding, *allowed: Status) -> None:
    if melding.status not in allowed:
        labels = ", ".join(str(Status(s).label).lower() for s in allowed)
        raise ValidationError(
            f"Dit kan alleen bij een melding met status {labels}; deze melding is "
            f"{melding.get_status_display().lower()}."
        )


VRAAG_MAX = 5000  # characters: a long telephone story fits, a pasted file does not


def melding_register_fouten(
    *,
    gemeente: Gemeente,
    melder_soort: MelderSoort | str | None,
    ontvangen_op: dt.date | None,
    inwoner: Inwoner | None,
    onbekende_persoon: str,
    vraag: str,
    domeinen: Iterable[Domein | str],
    today: dt.date,
) -> dict[str, str]:
    """Everything wrong with a registration, at once (field -> Dutch message). The service
    refuses with these; a page also shows them next to its own input errors. A value the page
    could not read is passed as None and not judged again."""
    domeinen = {str(d) for d in domeinen}
    errors: dict[str, str] = {}
    if not melder_soort:
        errors["melder_soort"] = (
            "Vul in wie de melding doet, bijvoorbeeld de inwoner zelf, "
            "een mantelzorger of de huisarts."
        )
    if ontvangen_op is None:
        pass
    elif ontvangen_op > today:
        errors["ontvangen_op"] = "De ontvangstdatum ligt in de toekomst."
    elif fout := datums.GEBEURTENIS.fout(ontvangen_op, vandaag=today):
        errors["ontvangen_op"] = fout
    if inwoner is None and not onbekende_persoon.strip():
        errors["inwoner"] = (
            "Kies de inwoner of beschrijf de persoon (naam, adres, "
            "geboortedatum) zodat de midoffice hem of haar kan vinden."
        )
    if inwoner is not None and inwoner.gemeente_id != gemeente.pk:
        errors["inwoner"] = (
            f"Deze inwoner woont niet in {gemeente.naam}. Verwijs de melder "
            "naar de eigen gemeente (woonplaatsbeginsel)."
        )
    if not vraag.strip():
        errors["vraag"] = "Schrijf de vraag op in de woorden van de melder."
    elif len(vraag.strip()) > VRAAG_MAX:
        errors["vraag"] = (
            f"De vraag is {len(vraag.strip()):,} tekens lang; er passen er ten hoogste "
            f"{VRAAG_MAX:,}. Vat de vraag samen; stukken horen bij het onderzoek."
        ).replace(",", ".")
    unknown = domeinen - set(Domein.values)
    if not domeinen or unknown:
        errors["domeinen"] = (
            "Kies ten minste één leefgebied: Wmo, Jeugd, Participatie, Schulden of Overig."
        )
    return errors


@transaction.atomic
def melding_register(
    *,
    gemeente: Gemeente,
    actor: Actor,
    melder_soort: MelderSoort | str,
    kanaal: str,
    vraag: str,
    ontvangen_op: dt.date,
    domeinen: Iterable[Domein | str],
    inwoner: Inwoner | None = None,
    onbekende_persoon: str = "",
    melder_naam: str = "",
    melder_contact: str = "",
    urgentie: Urgentie | str = Urgentie.NORMAAL,
    veiligheid: bool = False,
    today: dt.date | None = None,
    via: access.Via = access.SERVICE,
    doel: str | None = None,
) -> Melding:
    """Register a melding; compute its deadlines; record the confirmation of receipt and the
    offer of a personal plan (Wmo 2015 art. 2.3.2 lid 1-2). A youth-care referral by a doctor,
    GI or judge is marked as such and the responsible wijkteam is notified.

    Registering is a role of its own (the vrijwilliger too), for the actor's own municipality;
    naming a resident means finding them: the search right and the resident within need-to-know
    (checked after the input, so a resident elsewhere gets the woonplaatsbeginsel message)."""
    today = today or timezone.localdate()
    access.require(actor, MELDING, Handeling.AANMAKEN, via=via, doel=doel)
    eigen = access.Actor.of(actor)
    beheerder = eigen.is_superuser and eigen.medewerker is None  # set-up, every municipality
    if not beheerder and eigen.gemeente_id != gemeente.pk:
        access.refuse(
            eigen,
            MELDING,
            Handeling.AANMAKEN,
            via=via,
            doel=doel,
            reason=f"U registreert meldingen alleen voor uw eigen gemeente, niet voor {gemeente}.",
        )
    domeinen = {str(d) for d in domeinen}
    errors = melding_register_fouten(
        gemeente=gemeente,
        melder_soort=melder_soort,
        ontvangen_op=ontvangen_op,
        inwoner=inwoner,
        onbekende_persoon=onbekende_persoon,
        vraag=vraag,
        domeinen=domeinen,
        today=today,
    )
    if errors:
        raise ValidationError(errors)
    if inwoner is not None:
        access.require(
            actor, access.Resource.DOSSIER, Handeling.ZOEKEN, via=via, doel=doel, inwoner=inwoner
        )

    melding = Melding(
        gemeente=gemeente,
        inwoner=inwoner,
        onbekende_persoon=onbekende_persoon.strip(),
        huishouden=huishouden_current(inwoner=inwoner, today=today) if inwoner else None,
        melder_soort=melder_soort,
        melder_naam=melder_naam,
        melder_contact=melder_contact,
        kanaal=kanaal,
        urgentie=urgentie,
        veiligheid=veiligheid or urgentie == Urgentie.ONVEILIG,
        vraag=vraag.strip(),
        ontvangen_op=ontvangen_op,
        geregistreerd_door=eigen.user,
        ontvangstbevestiging_op=today,
        wettelijke_verwijzing=Domein.JEUGD in domeinen and melder_soort in WETTELIJKE_VERWIJZERS,
        **{d: d in domeinen for d in Domein.values},
    )
    _deadlines(melding)
    melding.full_clean()
    melding.save()
    _event(melding, door=actor, soort="geregistreerd")
    _event(
        melding,
        door=actor,
        soort="ontvangstbevestiging",
        toelichting=(
            f"Ontvangst bevestigd op {today:%d-%m-%Y}; aangeboden om binnen 7 dagen (uiterlijk "
            f"{melding.persoonlijk_plan_uiterlijk:%d-%m-%Y}) een persoonlijk plan in te dienen "
            "(Wmo 2015 art. 2.3.2 lid 1-2)."
        ),
    )
    if melding.wettelijke_verwijzing:
        team = _wijkteam_for(melding)
        tekst = (
            f"Verwijzing jeugdhulp door {melding.get_melder_soort_display().lower()}: de "
            "gemeente volgt deze verwijzing (Jeugdwet art. 2.6 lid 1 onder g / art. 3.5)."
        )
        if team is not None:
            Notificatie.objects.create(team=team, melding=melding, tekst=tekst)
        _event(melding, door=actor, soort="wettelijke_verwijzing", toelichting=tekst, team=team)
    _publish(
        soorten.MELDING_GEREGISTREERD,
        melding,
        door=actor,
        omschrijving=f"Melding {melding.pk} geregistreerd "
        f"({str(melding.get_melder_soort_display()).lower()}, "
        f"{str(melding.get_kanaal_display()).lower()})",
    )
    return melding


def _wijkteam_for(melding: Melding) -> Team | None:
    """The wijkteam that serves the resident's wijk (None for an unknown person)."""
    if melding.inwoner_id is None:
        return None
    return (
        Team.objects.filter(
            gemeente_id=melding.gemeente_id,
            soort=TeamSoort.WIJKTEAM,
            wijken=melding.inwoner.wijk_id,
        )
        .order_by("id")
        .first()
    )


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
    melding_authorise(actor, melding, Handeling.SCREENEN, via=via, doel=doel)
    _require_status(melding, *OPEN_STATUSSEN)
    if inwoner.gemeente_id != melding.gemeente_id:
        raise ValidationError({"inwoner": "Deze inwoner woont in een andere gemeente."})
    if melding.inwoner_id is not None:
        raise ValidationError({"inwoner": "Deze melding hoort al bij een inwoner."})
    access.require(
        actor, access.Resource.DOSSIER, Handeling.ZOEKEN, via=via, doel=doel, inwoner=inwoner
    )
    melding.inwoner = inwoner
    melding.huishouden = huishouden_current(inwoner=inwoner, today=timezone.localdate())
    melding.save(update_fields=["inwoner", "huishouden", "updated_at"])
    _event(melding, door=actor, soort="geïdentificeerd", toelichting=inwoner.naam)
    _publish(
        soorten.MELDING_GEIDENTIFICEERD,
        melding,
        door=actor,
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
    melding_authorise(actor, melding, Handeling.SCREENEN, via=via, doel=doel)
    _require_status(melding, Status.GEREGISTREERD)
    if not antwoord.strip():
        raise ValidationError({"antwoord": "Schrijf op wat de melder als antwoord kreeg."})
    van = melding.status
    melding.status, melding.antwoord = Status.BEANTWOORD, antwoord.strip()
    melding.save(update_fields=["status", "antwoord", "updated_at"])
    _event(melding, door=actor, soort="beantwoord", van=van, toelichting=melding.antwoord)
    _publish(
        soorten.MELDING_GESCREEND,
        melding,
        door=actor,
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
    melding_authorise(actor, melding, Handeling.SCREENEN, via=via, doel=doel)
    _require_status(melding, Status.GEREGISTREERD)
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
    _event(
        melding,
        door=actor,
        soort="doorgezet",
        van=van,
        team=team,
        toelichting=f"{Doorzetting(naar).label} {organisatie}".strip()
        + (f": {toelichting}" if toelichting else ""),
    )
    _publish(
        soorten.MELDING_GESCREEND,
        melding,
        door=actor,
        omschrijving=f"Melding {melding.pk} doorgezet naar "
        + (melding.doorgezet_organisatie or str(Doorzetting(naar).label)),
    )
    return melding


def round_robin_candidate(
    *, team: Team, jeugd: bool, today: dt.date, expertise: str = ""
) -> Medewerker | None:
    """The team's generalist whose last assignment is longest ago (never assigned first).

    For youth only professionals with a registration valid today (seed 000 L338-340).
    Two queries whatever the number of meldingen: candidates, then their last assignment."""
    candidates = team.medewerkers.filter(functie__in=GENERALISTEN)
    if jeugd:
        candidates = candidates.filter(
            functie=Rol.JEUGDPROFESSIONAL, registratie_geldig_tot__gte=today
        ).exclude(registratienummer="")
    if expertise:
        candidates = candidates.filter(expertises__icontains=expertise)
    candidates = list(candidates.order_by("id"))
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
    today: dt.date | None = None,
    via: access.Via = access.SERVICE,
    doel: str | None = None,
) -> Melding:
    """Assign to a generalist of the wijkteam serving the resident's wijk: round-robin by
    default, or a chosen colleague. Youth meldingen only go to a professional with a valid
    registration. Reassignment keeps the history; the resident keeps one contact person (the
    current assignee), who gets need-to-know access to the dossier."""
    melding_authorise(actor, melding, Handeling.TOEWIJZEN, via=via, doel=doel)
    today = today or timezone.localdate()
    _require_status(melding, Status.GEREGISTREERD, Status.TOEGEWEZEN)
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
            team=team, jeugd=melding.jeugd, today=today, expertise=expertise
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
        medewerker.functie == Rol.JEUGDPROFESSIONAL and medewerker.registratie_geldig_op(today)
    ):
        raise ValidationError(
            {
                "medewerker": (
                    f"Een melding over jeugd mag alleen naar een jeugdprofessional met een geldige "
                    f"registratie (SKJ/BIG). {medewerker} heeft die op {today:%d-%m-%Y} niet."
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
    _event(
        melding,
        door=actor,
        soort="toegewezen",
        van=van,
        medewerker=medewerker,
        team=team,
        toelichting=toelichting,
    )
    # One open assignment per melding (constraint een_open_toewijzing_per_melding): the
    # previous assignee's assignment and the dossier access it gave end today.
    _toewijzing_beeindigen(melding, today)
    toegang = None
    if melding.inwoner_id is not None:
        toegang = dossiertoegang_grant(
            medewerker=medewerker,
            inwoner=melding.inwoner,
            van=today,
            reden=f"Toegewezen melding {melding.pk}",
            door=access.Actor.of(actor).user,
        )
    Toewijzing.objects.create(
        melding=melding, medewerker=medewerker, dossiertoegang=toegang, van=today
    )
    _publish(
        soorten.MELDING_TOEGEWEZEN,
        melding,
        door=actor,
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
            toegangen.append(toewijzing.dossiertoegang_id)
            if toegang_ook:
                dossiertoegang_end(toegang=toewijzing.dossiertoegang, op=op)
    return toegangen


@transaction.atomic
@schrijft("melding")
def melding_suspend(
    *,
    melding: Melding,
    actor: Actor,
    van: dt.date,
    reden: str,
    via: access.Via = access.SERVICE,
    doel: str | None = None,
) -> Opschorting:
    """Stop the clock, e.g. while waiting for the resident's papers; recorded with reason."""
    melding_authorise(actor, melding, Handeling.OPSCHORTEN, via=via, doel=doel)
    _require_status(melding, *OPEN_STATUSSEN)
    if not reden.strip():
        raise ValidationError({"reden": "Geef de reden van de opschorting."})
    if van < melding.ontvangen_op:
        raise ValidationError({"van": "Een opschorting kan niet beginnen vóór de melding."})
    if van > timezone.localdate():
        raise ValidationError({"van": "Een opschorting kan niet in de toekomst beginnen."})
    if melding.opschortingen.filter(tot__isnull=True).exists():
        raise Conflict({"van": "De termijn is al opgeschort; beëindig die eerst."})
    opschorting = Opschorting(
        melding=melding, van=van, reden=reden.strip(), door=access.Actor.of(actor).user
    )
    opschorting.full_clean()
    opschorting.save()
    _deadlines(melding)
    melding.save(update_fields=["onderzoek_uiterlijk", "persoonlijk_plan_uiterlijk", "updated_at"])
    _event(
        melding,
        door=actor,
        soort="opgeschort",
        toelichting=f"Vanaf {van:%d-%m-%Y}: {opschorting.reden}",
    )
    _publish(
        soorten.MELDING_OPGESCHORT,
        melding,
        door=actor,
        omschrijving=f"Termijn van melding {melding.pk} opgeschort vanaf {van:%d-%m-%Y}: "
        f"{opschorting.reden}",
    )
    return opschorting


@transaction.atomic
@schrijft("opschorting", via=lambda opschorting: opschorting.melding)
def melding_resume(
    *,
    opschorting: Opschorting,
    actor: Actor,
    tot: dt.date,
    via: access.Via = access.SERVICE,
    doel: str | None = None,
) -> Melding:
    """End a suspension; the deadline moves by the suspended days."""
    melding_authorise(actor, opschorting.melding, Handeling.OPSCHORTEN, via=via, doel=doel)
    opschorting.refresh_from_db(fields=["tot"])  # read under the melding's lock
    _require_status(opschorting.melding, *OPEN_STATUSSEN)
    if opschorting.tot is not None:
        raise Conflict({"tot": "Deze opschorting is al beëindigd."})
    if tot < opschorting.van:
        raise ValidationError({"tot": "Het einde ligt vóór het begin van de opschorting."})
    if tot > timezone.localdate():
        raise ValidationError({"tot": "Het einde van de opschorting ligt in de toekomst."})
    opschorting.tot = tot
    opschorting.save(update_fields=["tot", "updated_at"])
    melding = opschorting.melding
    _deadlines(melding)
    melding.save(update_fields=["onderzoek_uiterlijk", "persoonlijk_plan_uiterlijk", "updated_at"])
    _event(
        melding,
        door=actor,
        soort="hervat",
        toelichting=(
            f"Opschorting beëindigd op {tot:%d-%m-%Y}; onderzoek uiterlijk "
            f"{melding.onderzoek_uiterlijk:%d-%m-%Y}."
        ),
    )
    _publish(
        soorten.MELDING_HERVAT,
        melding,
        door=actor,
        omschrijving=f"Termijn van melding {melding.pk} loopt weer vanaf {tot:%d-%m-%Y}; "
        f"onderzoek uiterlijk {melding.onderzoek_uiterlijk:%d-%m-%Y}",
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
    melding_authorise(actor, melding, Handeling.SCREENEN, via=via, doel=doel)
    melding_authorise(actor, bestaande, Handeling.SCREENEN, via=via, doel=doel)
    _require_status(melding, Status.GEREGISTREERD)
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
    _event(
        melding,
        door=actor,
        soort="gekoppeld",
        van=van,
        toelichting=f"Gekoppeld aan melding {bestaande.pk}.",
    )
    _event(
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


@transaction.atomic
@schrijft("melding")
def melding_close(
    *,
    melding: Melding,
    actor: Actor,
    toelichting: str,
    via: access.Via = access.SERVICE,
    doel: str | None = None,
) -> Melding:
    """The work on a melding is done: by its contact person or the mid-office. The access the
    assignment gave to the resident's dossier ends today (the privacy app's subscriber to
    MELDING_GESLOTEN ends it)."""
    melding_authorise(actor, melding, AFSLUITEN, via=via, doel=doel)
    _require_status(melding, Status.TOEGEWEZEN, Status.IN_ONDERZOEK)
    if not toelichting.strip():
        raise ValidationError({"toelichting": "Geef aan waarom de melding wordt afgesloten."})
    return _sluiten(melding, door=actor, toelichting=toelichting.strip())


def _sluiten(melding: Melding, *, door: Actor | None, toelichting: str) -> Melding:
    """Close: status, the melding's own history, the end of its assignment, and the event that
    ends the dossier access the assignment gave (privacy.subscribers)."""
    van = melding.status
    melding.status = Status.AFGESLOTEN
    melding.save(update_fields=["status", "updated_at"])
    MeldingGebeurtenis.objects.create(
        melding=melding,
        door=access.Actor.of(door).user if door is not None else None,
        soort="afgesloten",
        van_status=van,
        naar_status=melding.status,
        toelichting=toelichting,
    )
    # Need-to-know ends with the work: the assignment stops today, and with it (through the
    # event) the access it gave.
    op = timezone.localdate()
    toegangen = _toewijzing_beeindigen(melding, op, toegang_ook=False)
    _publish(
        soorten.MELDING_GESLOTEN,
        melding,
        door=door,
        omschrijving=f"Melding {melding.pk} afgesloten: {toelichting}",
        gegevens={"dossiertoegangen": toegangen, "op": op.isoformat()},
    )
    return melding
