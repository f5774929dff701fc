"""Writes of the mantelzorg app (issue 15). Every service decides access in `privacy.access`
(logged), checks the rules of `rules.mantelzorg`, and refuses bad input with a Dutch
`ValidationError` before anything is written. Invariants that two people could break at the same
time (one appreciation per carer per year, one running match per klus, one running relation per
carer and resident) are database constraints; `common.concurrency.invarianten` turns a violated
one into a `Conflict` with the constraint's Dutch message."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from eenplan.common.concurrency import invarianten
from eenplan.common.datums import datums_check
from eenplan.events import bus, soorten
from eenplan.gemeente.models import Gemeente, Wijk
from eenplan.inwoners.models import Inwoner, Netwerkpersoon
from eenplan.mantelzorg import selectors
from eenplan.mantelzorg.constants import (
    AangevraagdDoor,
    KlusDagdeel,
    KlusStatus,
    MatchUitkomst,
    RespijtSoort,
    RespijtStatus,
    Vaardigheid,
)
from eenplan.mantelzorg.kring import toestemming_geldig
from eenplan.mantelzorg.models import (
    Belasting,
    Klus,
    KringToewijzing,
    Mantelzorger,
    Match,
    Ondersteuning,
    RespijtzorgVraag,
    VogTermijn,
    Vrijwilliger,
    Waardering,
    WaarderingRegeling,
    Zorgrelatie,
)
from eenplan.onderzoeken.constants import OnderzoekStatus
from eenplan.onderzoeken.models import Onderzoek
from eenplan.plannen.constants import ACTIEVE_STATUSSEN
from eenplan.plannen.models import Actie, Deelnemer
from eenplan.privacy import access
from eenplan.rules import datums
from eenplan.rules import mantelzorg as regels

R, A = access.Resource, access.Action
Actor = access.Actor | User


def _user(actor: Actor) -> User:
    return access.Actor.of(actor).user


def _check(fouten: Sequence[str], veld: str | None = None) -> None:
    if fouten:
        raise ValidationError({veld: list(fouten)} if veld else list(fouten))


def _taken(taken: Sequence[str]) -> list[str]:
    onbekend = [t for t in taken if t not in regels.Taak.__members__.values()]
    if onbekend:
        raise ValidationError({"taken": f"Onbekende taak: {', '.join(onbekend)}."})
    return list(dict.fromkeys(taken))


def mantelzorger_require(
    actor: Actor, mantelzorger: Mantelzorger, action: access.Action, *, via: access.Via
) -> access.Decision:
    """Access to a carer is access to a resident they care for (now or before): decided and
    logged on one such resident within the actor's scope, else on the first (a logged refusal).
    A carer without any relation is decided on the municipality's role alone. The residents
    are read within the carer's municipality (issue 16) with the relations, so the decision
    and its log row need no lookup of their own."""
    relaties = mantelzorger.zorgrelaties.filter(
        inwoner__gemeente_id=mantelzorger.gemeente_id
    ).select_related("inwoner")
    inwoners = {r.inwoner_id: r.inwoner for r in relaties.order_by("id")}
    if not inwoners:
        return access.require(actor, R.MANTELZORG, action, via=via)
    binnen = access.inwoners_in_scope(actor).filter(pk__in=inwoners).values_list("pk", flat=True)
    eerste = next(iter(binnen), next(iter(inwoners)))
    return access.require(actor, R.MANTELZORG, action, via=via, inwoner=inwoners[eerste])


# --- the register ----------------------------------------------------------------------------


def _relatie_check(
    *,
    mantelzorger: Mantelzorger | None,
    als_inwoner: Inwoner | None,
    inwoner: Inwoner,
    uren_per_week: Decimal,
    sinds: dt.date,
) -> None:
    zelf = als_inwoner if mantelzorger is None else mantelzorger.als_inwoner
    if zelf is not None and zelf.pk == inwoner.pk:
        raise ValidationError(
            {"inwoner": "Iemand kan niet zijn eigen mantelzorger zijn: kies een andere inwoner."}
        )
    _check(regels.uren_fouten(uren_per_week), "uren_per_week")
    datums_check(datums.LEVENSLOOP, sinds=sinds)
    if sinds > timezone.localdate():
        raise ValidationError({"sinds": "De zorg kan niet in de toekomst begonnen zijn."})


@transaction.atomic
def mantelzorger_register(
    *,
    verzorgde: Inwoner,
    naam: str,
    uren_per_week: Decimal,
    sinds: dt.date,
    taken: Sequence[str],
    actor: Actor,
    als_inwoner: Inwoner | None = None,
    geboortedatum: dt.date | None = None,
    woonplaats: str = "",
    telefoon: str = "",
    email: str = "",
    relatie: str = "",
    netwerkpersoon: Netwerkpersoon | None = None,
    via: access.Via = access.SERVICE,
) -> Zorgrelatie:
    """Register a carer of `verzorgde` with hours per week, start and tasks. A carer who is a
    resident (`als_inwoner`) and is already registered gets the new relation on the existing
    record. Refused: caring for oneself, hours outside 0-168, a start in the future, a carer of
    another municipality's resident outside scope."""
    access.require(actor, R.MANTELZORG, A.AANMAKEN, via=via, inwoner=verzorgde)
    naam = naam.strip()
    if not naam and als_inwoner is None:
        raise ValidationError({"naam": "Vul de naam van de mantelzorger in."})
    _relatie_check(
        mantelzorger=None,
        als_inwoner=als_inwoner,
        inwoner=verzorgde,
        uren_per_week=uren_per_week,
        sinds=sinds,
    )
    if geboortedatum is not None:
        datums_check(datums.GEBOORTEDATUM, geboortedatum=geboortedatum)
    if netwerkpersoon is not None and netwerkpersoon.inwoner_id != verzorgde.pk:
        raise ValidationError({"netwerkpersoon": "Kies iemand uit het netwerk van deze inwoner."})
    if als_inwoner is not None and als_inwoner.gemeente_id != verzorgde.gemeente_id:
        raise ValidationError({"als_inwoner": "Deze inwoner hoort bij een andere gemeente."})
    taken = _taken(taken)
    mantelzorger = None
    if als_inwoner is not None:
        mantelzorger = (
            Mantelzorger.objects.select_for_update()
            .filter(gemeente_id=verzorgde.gemeente_id, als_inwoner=als_inwoner)
            .first()
        )
    with invarianten():
        if mantelzorger is None:
            mantelzorger = Mantelzorger(
                gemeente_id=verzorgde.gemeente_id,
                als_inwoner=als_inwoner,
                naam=naam or (als_inwoner.naam if als_inwoner else ""),
                geboortedatum=geboortedatum or (als_inwoner.geboortedatum if als_inwoner else None),
                woonplaats=woonplaats.strip(),
                telefoon=telefoon.strip(),
                email=email.strip(),
                vastgelegd_door=_user(actor),
            )
            mantelzorger.full_clean()
            mantelzorger.save()
        relatie_obj = Zorgrelatie(
            mantelzorger=mantelzorger,
            inwoner=verzorgde,
            netwerkpersoon=netwerkpersoon,
            relatie=relatie.strip(),
            uren_per_week=uren_per_week,
            sinds=sinds,
            taken=taken,
        )
        relatie_obj.full_clean(validate_constraints=False)
        relatie_obj.save()
    bus.publish(
        soorten.MANTELZORGER_GEREGISTREERD,
        record=relatie_obj,
        omschrijving=f"Mantelzorger {mantelzorger.naam} geregistreerd ({uren_per_week} uur per "
        "week)",
        user=_user(actor),
        inwoner=verzorgde,
    )
    return relatie_obj


@transaction.atomic
def zorgrelatie_add(
    *,
    mantelzorger: Mantelzorger,
    inwoner: Inwoner,
    uren_per_week: Decimal,
    sinds: dt.date,
    taken: Sequence[str],
    actor: Actor,
    relatie: str = "",
    via: access.Via = access.SERVICE,
) -> Zorgrelatie:
    """Link a registered carer to one more resident they care for."""
    access.require(actor, R.MANTELZORG, A.AANMAKEN, via=via, inwoner=inwoner)
    mantelzorger = Mantelzorger.objects.select_for_update().get(pk=mantelzorger.pk)
    if mantelzorger.gemeente_id != inwoner.gemeente_id:
        raise ValidationError({"inwoner": "Deze inwoner hoort bij een andere gemeente."})
    _relatie_check(
        mantelzorger=mantelzorger,
        als_inwoner=None,
        inwoner=inwoner,
        uren_per_week=uren_per_week,
        sinds=sinds,
    )
    if mantelzorger.zorgrelaties.filter(inwoner=inwoner, tot__isnull=True).exists():
        raise ValidationError({"inwoner": "Deze mantelzorger zorgt al voor deze inwoner."})
    with invarianten():
        obj = Zorgrelatie.objects.create(
            mantelzorger=mantelzorger,
            inwoner=inwoner,
            relatie=relatie.strip(),
            uren_per_week=uren_per_week,
            sinds=sinds,
            taken=_taken(taken),
        )
    bus.publish(
        soorten.MANTELZORGER_GEREGISTREERD,
        record=obj,
        omschrijving=f"Mantelzorger {mantelzorger.naam} zorgt ook voor deze inwoner",
        user=_user(actor),
        inwoner=inwoner,
    )
    return obj


@transaction.atomic
def zorgrelatie_beeindig(
    *, zorgrelatie: Zorgrelatie, tot: dt.date, actor: Actor, via: access.Via = access.SERVICE
) -> Zorgrelatie:
    access.require(actor, R.MANTELZORG, A.WIJZIGEN, via=via, inwoner=zorgrelatie.inwoner_id)
    zorgrelatie = Zorgrelatie.objects.select_for_update().get(pk=zorgrelatie.pk)
    if zorgrelatie.tot is not None:
        raise ValidationError(f"Deze zorg is al beëindigd op {zorgrelatie.tot:%d-%m-%Y}.")
    datums_check(datums.LEVENSLOOP, tot=tot)
    if tot < zorgrelatie.sinds:
        raise ValidationError({"tot": "Het einde ligt vóór het begin van de zorg."})
    zorgrelatie.tot = tot
    zorgrelatie.save(update_fields=["tot", "updated_at"])
    return zorgrelatie


@transaction.atomic
def belasting_vastleggen(
    *,
    onderzoek: Onderzoek,
    zorgrelatie: Zorgrelatie,
    overbelast: bool,
    vastgesteld_op: dt.date,
    actor: Actor,
    toelichting: str = "",
    via: access.Via = access.SERVICE,
) -> Belasting:
    """Record in the onderzoek (Wmo 2015 art. 2.3.2 lid 4 onder d) whether the carer is
    overburdened, with the date. Only while the onderzoek runs, for a carer of its resident."""
    access.require(actor, R.ONDERZOEK, A.WIJZIGEN, via=via, inwoner=onderzoek.inwoner_id)
    onderzoek = Onderzoek.objects.select_for_update().get(pk=onderzoek.pk)
    if onderzoek.status != OnderzoekStatus.LOPEND:
        raise ValidationError(
            "Het verslag van dit onderzoek is definitief: de belasting kan niet meer worden "
            "vastgelegd."
        )
    if zorgrelatie.inwoner_id != onderzoek.inwoner_id:
        raise ValidationError(
            {"zorgrelatie": "Deze mantelzorger zorgt niet voor de inwoner van dit onderzoek."}
        )
    datums_check(datums.GEBEURTENIS, vastgesteld_op=vastgesteld_op)
    if vastgesteld_op > timezone.localdate():
        raise ValidationError({"vastgesteld_op": "De datum ligt in de toekomst."})
    if Belasting.objects.filter(onderzoek=onderzoek, zorgrelatie=zorgrelatie).exists():
        raise ValidationError(
            "De belasting van deze mantelzorger is in dit onderzoek al vastgelegd."
        )
    with invarianten():
        belasting = Belasting.objects.create(
            onderzoek=onderzoek,
            zorgrelatie=zorgrelatie,
            overbelast=overbelast,
            vastgesteld_op=vastgesteld_op,
            toelichting=toelichting.strip(),
            vastgelegd_door=_user(actor),
        )
    bus.publish(
        soorten.MANTELZORGER_BELASTING,
        record=belasting,
        omschrijving="Mantelzorger overbelast" if overbelast else "Mantelzorger niet overbelast",
        user=_user(actor),
        inwoner=onderzoek.inwoner,
    )
    return belasting


# --- support along the eight basic functions, respite ----------------------------------------


@transaction.atomic
def ondersteuning_add(
    *,
    mantelzorger: Mantelzorger,
    basisfunctie: str,
    aanbieder: str,
    datum: dt.date,
    actor: Actor,
    omschrijving: str = "",
    via: access.Via = access.SERVICE,
) -> Ondersteuning:
    """Record support given to a carer: which of the eight basisfuncties, by whom, when."""
    mantelzorger_require(actor, mantelzorger, A.WIJZIGEN, via=via)
    if basisfunctie not in regels.Basisfunctie.__members__.values():
        raise ValidationError({"basisfunctie": "Kies een van de acht basisfuncties."})
    if not aanbieder.strip():
        raise ValidationError({"aanbieder": "Vul in wie de ondersteuning gaf."})
    datums_check(datums.GEBEURTENIS, datum=datum)
    return Ondersteuning.objects.create(
        mantelzorger=mantelzorger,
        basisfunctie=basisfunctie,
        aanbieder=aanbieder.strip(),
        datum=datum,
        omschrijving=omschrijving.strip(),
        vastgelegd_door=_user(actor),
    )


@transaction.atomic
def respijt_vraag_add(
    *,
    mantelzorger: Mantelzorger,
    inwoner: Inwoner,
    soort: str,
    gevraagd_op: dt.date,
    uren_gevraagd: Decimal,
    actor: Actor,
    toelichting: str = "",
    via: access.Via = access.SERVICE,
) -> RespijtzorgVraag:
    """A carer asks for respite care for the resident they care for (demand)."""
    access.require(actor, R.MANTELZORG, A.WIJZIGEN, via=via, inwoner=inwoner)
    if not mantelzorger.zorgrelaties.filter(inwoner=inwoner).exists():
        raise ValidationError({"inwoner": "Deze mantelzorger zorgt niet voor deze inwoner."})
    if soort not in RespijtSoort.values:
        raise ValidationError({"soort": "Kies de soort respijtzorg."})
    if uren_gevraagd <= 0:
        raise ValidationError({"uren_gevraagd": "Vul het aantal gevraagde uren in: meer dan 0."})
    datums_check(datums.GEBEURTENIS, gevraagd_op=gevraagd_op)
    return RespijtzorgVraag.objects.create(
        mantelzorger=mantelzorger,
        inwoner=inwoner,
        soort=soort,
        gevraagd_op=gevraagd_op,
        uren_gevraagd=uren_gevraagd,
        toelichting=toelichting.strip(),
        vastgelegd_door=_user(actor),
    )


@transaction.atomic
def respijt_vraag_afhandelen(
    *,
    vraag: RespijtzorgVraag,
    status: str,
    afgehandeld_op: dt.date,
    actor: Actor,
    uren_geleverd: Decimal | None = None,
    aanbieder: str = "",
    toelichting: str = "",
    via: access.Via = access.SERVICE,
) -> RespijtzorgVraag:
    """Record what came of a request (supply): delivered (hours, provider), not delivered
    (no offer: the gap the analysis looks for) or withdrawn. Only an open request."""
    access.require(actor, R.MANTELZORG, A.WIJZIGEN, via=via, inwoner=vraag.inwoner_id)
    vraag = RespijtzorgVraag.objects.select_for_update().get(pk=vraag.pk)
    if vraag.status != RespijtStatus.OPEN:
        raise ValidationError(
            f"Deze vraag is al afgehandeld ({vraag.get_status_display().lower()})."
        )
    if status not in (
        RespijtStatus.GELEVERD,
        RespijtStatus.NIET_GELEVERD,
        RespijtStatus.INGETROKKEN,
    ):
        raise ValidationError({"status": "Kies: geleverd, niet geleverd of ingetrokken."})
    datums_check(datums.GEBEURTENIS, afgehandeld_op=afgehandeld_op)
    if afgehandeld_op < vraag.gevraagd_op:
        raise ValidationError({"afgehandeld_op": "Deze datum ligt vóór de vraag."})
    if status == RespijtStatus.GELEVERD:
        if uren_geleverd is None or uren_geleverd <= 0:
            raise ValidationError({"uren_geleverd": "Vul het aantal geleverde uren in."})
        if not aanbieder.strip():
            raise ValidationError({"aanbieder": "Vul in wie de respijtzorg leverde."})
    else:
        uren_geleverd = None
    vraag.status = status
    vraag.afgehandeld_op = afgehandeld_op
    vraag.uren_geleverd = uren_geleverd
    vraag.aanbieder = aanbieder.strip()
    if toelichting.strip():
        vraag.toelichting = toelichting.strip()
    vraag.save()
    return vraag


# --- the yearly appreciation (Wmo 2015 art. 2.1.6) -------------------------------------------


@transaction.atomic
def regeling_save(
    *,
    gemeente: Gemeente,
    vorm: str,
    geldig_vanaf: dt.date,
    bron: str,
    actor: Actor,
    bedrag: Decimal | None = None,
    omschrijving: str = "",
    via: access.Via = access.SERVICE,
) -> WaarderingRegeling:
    """Store a new version of the municipality's choice for the appreciation (never
    overwrites: the next `versie`)."""
    access.require(actor, R.INSTELLINGEN, A.WIJZIGEN, via=via)
    eigen = access.Actor.of(actor)
    if eigen.gemeente_id is not None and eigen.gemeente_id != gemeente.pk:
        access.refuse(actor, R.INSTELLINGEN, A.WIJZIGEN, via=via, reason=access.ANDERE_GEMEENTE)
    _check(regels.regeling_fouten(vorm, bedrag, omschrijving, bron))
    datums_check(datums.PLANNING, geldig_vanaf=geldig_vanaf)
    laatste = (
        WaarderingRegeling.objects.filter(gemeente=gemeente)
        .order_by("-versie")
        .values_list("versie", flat=True)
        .first()
    )
    with invarianten():
        return WaarderingRegeling.objects.create(
            gemeente=gemeente,
            versie=(laatste or 0) + 1,
            geldig_vanaf=geldig_vanaf,
            vorm=vorm,
            bedrag=bedrag if vorm == regels.WaarderingVorm.BEDRAG else None,
            omschrijving=omschrijving.strip(),
            bron=bron.strip(),
            gewijzigd_door=_user(actor),
        )


def regeling_versies(gemeente_id: int) -> list[regels.RegelingVersie]:
    return [
        regels.RegelingVersie(
            versie=r.versie,
            geldig_vanaf=r.geldig_vanaf,
            vorm=regels.WaarderingVorm(r.vorm),
            bedrag=r.bedrag,
            omschrijving=r.omschrijving,
            bron=r.bron,
        )
        for r in WaarderingRegeling.objects.filter(gemeente_id=gemeente_id)
    ]


@transaction.atomic
def waardering_aanvragen(
    *,
    mantelzorger: Mantelzorger,
    namens: Inwoner,
    aangevraagd_door: str,
    aangevraagd_op: dt.date,
    actor: Actor,
    jaar: int | None = None,
    via: access.Via = access.SERVICE,
) -> Waardering:
    """Apply for the yearly appreciation, by the carer, the cared-for resident or staff on the
    carer's behalf. The municipality's choice in force on the application date decides the form
    and amount. One per carer per year: checked here with a clear message, and enforced by the
    database constraint `waardering_een_per_jaar` when two applications arrive at once."""
    access.require(actor, R.MANTELZORG, A.WIJZIGEN, via=via, inwoner=namens)
    mantelzorger = Mantelzorger.objects.select_for_update().get(pk=mantelzorger.pk)
    if aangevraagd_door not in AangevraagdDoor.values:
        raise ValidationError({"aangevraagd_door": "Kies wie de waardering aanvraagt."})
    datums_check(datums.GEBEURTENIS, aangevraagd_op=aangevraagd_op)
    jaar = aangevraagd_op.year if jaar is None else jaar
    _check(
        regels.waardering_fouten(
            jaar=jaar, aangevraagd_op=aangevraagd_op, vandaag=timezone.localdate()
        )
    )
    if not mantelzorger.zorgrelaties.filter(inwoner=namens).exists():
        raise ValidationError({"namens": "Deze mantelzorger zorgt niet voor deze inwoner."})
    gekozen = regels.regeling_op(regeling_versies(mantelzorger.gemeente_id), aangevraagd_op)
    if gekozen is None:
        raise ValidationError(
            "De gemeente heeft nog niet vastgelegd hoe zij mantelzorgers waardeert; vraag de "
            "functioneel beheerder de regeling in te vullen."
        )
    if Waardering.objects.filter(mantelzorger=mantelzorger, jaar=jaar).exists():
        raise ValidationError(
            f"{mantelzorger.naam} heeft voor {jaar} al een mantelzorgwaardering: één per jaar."
        )
    regeling = WaarderingRegeling.objects.get(
        gemeente_id=mantelzorger.gemeente_id, versie=gekozen.versie
    )
    with invarianten():
        waardering = Waardering.objects.create(
            mantelzorger=mantelzorger,
            jaar=jaar,
            regeling=regeling,
            vorm=gekozen.vorm.value,
            bedrag=gekozen.bedrag,
            aangevraagd_op=aangevraagd_op,
            aangevraagd_door=aangevraagd_door,
            namens=namens,
            vastgelegd_door=_user(actor),
        )
    bus.publish(
        soorten.MANTELZORGWAARDERING_TOEGEKEND,
        record=waardering,
        omschrijving=f"Mantelzorgwaardering {jaar} voor {mantelzorger.naam}",
        user=_user(actor),
        inwoner=namens,
    )
    return waardering


# --- volunteers, klussen, matches ---------------------------------------------------------------


@transaction.atomic
def vog_termijn_save(
    *,
    gemeente: Gemeente,
    maanden: int,
    geldig_vanaf: dt.date,
    bron: str,
    actor: Actor,
    via: access.Via = access.SERVICE,
) -> VogTermijn:
    """Store a new version of the municipality's choice for how old a volunteer's VOG may be on
    the day of a klus (never overwrites: the next `versie`). Wjsg art. 28 gives a VOG no term."""
    access.require(actor, R.INSTELLINGEN, A.WIJZIGEN, via=via)
    eigen = access.Actor.of(actor)
    if eigen.gemeente_id is not None and eigen.gemeente_id != gemeente.pk:
        access.refuse(actor, R.INSTELLINGEN, A.WIJZIGEN, via=via, reason=access.ANDERE_GEMEENTE)
    _check(regels.vog_termijn_fouten(maanden, bron))
    datums_check(datums.PLANNING, geldig_vanaf=geldig_vanaf)
    laatste = (
        VogTermijn.objects.filter(gemeente=gemeente)
        .order_by("-versie")
        .values_list("versie", flat=True)
        .first()
    )
    with invarianten():
        return VogTermijn.objects.create(
            gemeente=gemeente,
            versie=(laatste or 0) + 1,
            geldig_vanaf=geldig_vanaf,
            maanden=maanden,
            bron=bron.strip(),
            gewijzigd_door=_user(actor),
        )


def _vaardigheden(codes: Sequence[str]) -> list[str]:
    onbekend = [c for c in codes if c not in Vaardigheid.values]
    if onbekend:
        raise ValidationError({"vaardigheden": f"Onbekende vaardigheid: {', '.join(onbekend)}."})
    return list(dict.fromkeys(codes))


@transaction.atomic
def vrijwilliger_save(
    *,
    gemeente: Gemeente,
    naam: str,
    wijk: Wijk,
    vaardigheden: Sequence[str],
    beschikbaarheid: Sequence[str],
    actor: Actor,
    vrijwilliger: Vrijwilliger | None = None,
    vog_datum: dt.date | None = None,
    telefoon: str = "",
    email: str = "",
    actief: bool = True,
    als_inwoner: Inwoner | None = None,
    via_tegenprestatie: bool = False,
    via: access.Via = access.SERVICE,
) -> Vrijwilliger:
    """Create or change a volunteer's profile: availability per part of the week, skills,
    wijk and the date of the VOG."""
    action = A.AANMAKEN if vrijwilliger is None else A.WIJZIGEN
    access.require(actor, R.VRIJWILLIGER, action, via=via)
    eigen = access.Actor.of(actor)
    if eigen.gemeente_id is not None and eigen.gemeente_id != gemeente.pk:
        access.refuse(actor, R.VRIJWILLIGER, action, via=via, reason=access.ANDERE_GEMEENTE)
    if wijk.gemeente_id != gemeente.pk:
        raise ValidationError({"wijk": "Kies een wijk van de eigen gemeente."})
    if not naam.strip():
        raise ValidationError({"naam": "Vul de naam van de vrijwilliger in."})
    _check(regels.beschikbaarheid_fouten(beschikbaarheid), "beschikbaarheid")
    if not beschikbaarheid:
        raise ValidationError({"beschikbaarheid": "Kies minstens één dagdeel."})
    if vog_datum is not None:
        datums_check(datums.GEBEURTENIS, vog_datum=vog_datum)
        if vog_datum > timezone.localdate():
            raise ValidationError({"vog_datum": "De VOG kan niet in de toekomst zijn afgegeven."})
    if vrijwilliger is None:
        vrijwilliger = Vrijwilliger(gemeente=gemeente)
    else:
        vrijwilliger = Vrijwilliger.objects.select_for_update().get(pk=vrijwilliger.pk)
    vrijwilliger.naam = naam.strip()
    vrijwilliger.wijk = wijk
    vrijwilliger.vaardigheden = _vaardigheden(vaardigheden)
    vrijwilliger.beschikbaarheid = [d for d in regels.DAGDELEN if d in set(beschikbaarheid)]
    vrijwilliger.vog_datum = vog_datum
    vrijwilliger.telefoon = telefoon.strip()
    vrijwilliger.email = email.strip()
    vrijwilliger.actief = actief
    vrijwilliger.als_inwoner = als_inwoner
    vrijwilliger.via_tegenprestatie = via_tegenprestatie or vrijwilliger.via_tegenprestatie
    vrijwilliger.save()
    return vrijwilliger


@transaction.atomic
def vrijwilligerswerk_aanbieden(
    *,
    inwoner: Inwoner,
    vaardigheden: Sequence[str],
    beschikbaarheid: Sequence[str],
    actor: Actor,
    via: access.Via = access.SERVICE,
) -> Vrijwilliger:
    """For the tegenprestatie (Participatiewet art. 9 lid 1 onder c; seed 003a L2083-2087): offer
    a candidate volunteer work — the resident gets (or keeps) a volunteer profile marked
    `via_tegenprestatie`, in their own wijk, so the klussen that fit appear for them
    (`selectors.klussen_voor`). The one entry point other apps (participatie) call."""
    access.require(actor, R.DOSSIER, A.LEZEN, via=via, inwoner=inwoner)
    if inwoner.wijk_id is None:
        raise ValidationError("Deze inwoner heeft geen wijk: vul eerst het adres aan.")
    bestaand = Vrijwilliger.objects.filter(
        gemeente_id=inwoner.gemeente_id, als_inwoner=inwoner
    ).first()
    return vrijwilliger_save(
        gemeente=inwoner.gemeente,
        naam=inwoner.naam,
        wijk=inwoner.wijk,
        vaardigheden=vaardigheden,
        beschikbaarheid=beschikbaarheid,
        actor=actor,
        vrijwilliger=bestaand,
        vog_datum=bestaand.vog_datum if bestaand else None,
        telefoon=bestaand.telefoon if bestaand else "",
        email=bestaand.email if bestaand else "",
        als_inwoner=inwoner,
        via_tegenprestatie=True,
        via=via,
    )


@transaction.atomic
def klus_add(
    *,
    hulpvrager: Inwoner,
    vaardigheid: str,
    omschrijving: str,
    datum: dt.date,
    dagdeel: str,
    actor: Actor,
    via: access.Via = access.SERVICE,
) -> Klus:
    """A request for help by or for a resident, in the resident's wijk."""
    access.require(actor, R.KLUS, A.AANMAKEN, via=via, inwoner=hulpvrager)
    if vaardigheid not in Vaardigheid.values:
        raise ValidationError({"vaardigheid": "Kies wat voor hulp er nodig is."})
    if dagdeel not in KlusDagdeel.values:
        raise ValidationError({"dagdeel": "Kies het dagdeel."})
    if not omschrijving.strip():
        raise ValidationError({"omschrijving": "Beschrijf de klus."})
    if hulpvrager.wijk_id is None:
        raise ValidationError({"hulpvrager": "Deze inwoner heeft geen wijk."})
    datums_check(datums.PLANNING, datum=datum)
    return Klus.objects.create(
        gemeente_id=hulpvrager.gemeente_id,
        hulpvrager=hulpvrager,
        wijk_id=hulpvrager.wijk_id,
        vaardigheid=vaardigheid,
        omschrijving=omschrijving.strip(),
        datum=datum,
        dagdeel=dagdeel,
        vastgelegd_door=_user(actor),
    )


@transaction.atomic
def match_maken(
    *,
    klus: Klus,
    vrijwilliger: Vrijwilliger,
    actor: Actor,
    op: dt.date | None = None,
    via: access.Via = access.SERVICE,
) -> Match:
    """Match a volunteer to an open klus. Refused when the volunteer is not available on that
    part of that day, lacks the skill or is inactive (`rules.mantelzorg.match_fouten`), when
    their VOG is older on the day of the klus than the municipality's choice allows (or missing
    while it asks one: `rules.mantelzorg.vog_fouten`), or when the klus already has a volunteer
    (also a database constraint)."""
    access.require(actor, R.KLUS, A.WIJZIGEN, via=via, inwoner=klus.hulpvrager_id)
    klus = Klus.objects.select_for_update().get(pk=klus.pk)
    if klus.status != KlusStatus.OPEN:
        raise ValidationError(f"Deze klus is niet meer open ({klus.get_status_display().lower()}).")
    if vrijwilliger.gemeente_id != klus.gemeente_id:
        raise ValidationError({"vrijwilliger": "Kies een vrijwilliger van de eigen gemeente."})
    _check(
        regels.match_fouten(
            beschikbaar=vrijwilliger.beschikbaarheid,
            vaardigheden=vrijwilliger.vaardigheden,
            actief=vrijwilliger.actief,
            klus_datum=klus.datum,
            klus_dagdeel=klus.dagdeel,
            klus_vaardigheid=klus.vaardigheid,
        )
        + selectors.vog_te_oud(
            vrijwilliger, klus.datum, selectors.vog_termijn_versies(klus.gemeente_id)
        ),
        "vrijwilliger",
    )
    with invarianten():
        match = Match.objects.create(
            klus=klus,
            vrijwilliger=vrijwilliger,
            gekoppeld_op=op or timezone.localdate(),
            vastgelegd_door=_user(actor),
        )
    klus.status = KlusStatus.GEKOPPELD
    klus.save(update_fields=["status", "updated_at"])
    return match


@transaction.atomic
def match_uitkomst(
    *,
    match: Match,
    uitkomst: str,
    op: dt.date,
    actor: Actor,
    toelichting: str = "",
    via: access.Via = access.SERVICE,
) -> Match:
    """Record the outcome: done (the klus is finished), or not done / cancelled by the volunteer
    (the klus is open again for another volunteer)."""
    access.require(actor, R.KLUS, A.WIJZIGEN, via=via, inwoner=match.klus.hulpvrager_id)
    match = Match.objects.select_for_update().select_related("klus").get(pk=match.pk)
    if match.uitkomst:
        raise ValidationError(f"De uitkomst is al vastgelegd: {match.get_uitkomst_display()}.")
    if uitkomst not in MatchUitkomst.values or not uitkomst:
        raise ValidationError({"uitkomst": "Kies de uitkomst."})
    datums_check(datums.GEBEURTENIS, op=op)
    if op < match.gekoppeld_op:
        raise ValidationError({"op": "Deze datum ligt vóór de koppeling."})
    match.uitkomst = uitkomst
    match.uitkomst_op = op
    match.toelichting = toelichting.strip()
    match.save()
    klus = Klus.objects.select_for_update().get(pk=match.klus_id)
    klus.status = KlusStatus.AFGEROND if uitkomst == MatchUitkomst.UITGEVOERD else KlusStatus.OPEN
    klus.save(update_fields=["status", "updated_at"])
    return match


# --- the care circle ------------------------------------------------------------------------------


@transaction.atomic
def kring_toewijzen(
    *,
    actie: Actie,
    netwerkpersoon: Netwerkpersoon,
    actor: Actor,
    via: access.Via = access.SERVICE,
) -> KringToewijzing:
    """Assign a plan's action to a network person of the care circle. Only a person who takes
    part in the plan with the resident's consent today (`plannen.Deelnemer` with its
    `Toestemming`) and who has their own login (a resident of the municipality)."""
    actie = Actie.objects.select_related("doel__plan").get(pk=actie.pk)
    plan = actie.doel.plan
    access.require(actor, R.PLAN, A.WIJZIGEN, via=via, huishouden=plan.huishouden_id)
    if plan.status not in ACTIEVE_STATUSSEN:
        raise ValidationError("Dit plan is niet meer actief.")
    vandaag = timezone.localdate()
    if not Deelnemer.objects.filter(
        toestemming_geldig(vandaag), plan=plan, netwerkpersoon=netwerkpersoon
    ).exists():
        raise ValidationError(
            {
                "netwerkpersoon": "Deze persoon doet niet mee aan het plan, of de inwoner heeft "
                "daarvoor geen toestemming gegeven: voeg de persoon eerst als deelnemer toe."
            }
        )
    if netwerkpersoon.als_inwoner_id is None:
        raise ValidationError(
            {
                "netwerkpersoon": "Deze persoon kan niet inloggen op Mijn zaak (geen inwoner van "
                "de gemeente); spreek de actie buiten eenplan af."
            }
        )
    if KringToewijzing.objects.filter(actie=actie).exists():
        raise ValidationError("Deze actie is al aan iemand uit de zorgkring toegewezen.")
    with invarianten():
        return KringToewijzing.objects.create(
            actie=actie, netwerkpersoon=netwerkpersoon, toegewezen_door=_user(actor)
        )
