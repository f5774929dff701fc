"""Writes of debt help (issue 14). Every service takes the actor and asks `privacy.access`
itself. A signal enters the front door through the meldingen service (channel and reporter
'vroegsignalering'); a heavy triage adds a goal of the life domain finances to the household's
plan through the plannen service: this app never writes their tables. Every change publishes its
domain event with a Dutch sentence for the dossier's timeline."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from eenplan.beschikkingen import services as beschikkingen
from eenplan.beschikkingen.constants import Uitkomst
from eenplan.beschikkingen.models import Aanvraag
from eenplan.common.concurrency import Conflict, schrijft
from eenplan.common.constants import Wet
from eenplan.events import bus
from eenplan.gemeente.models import Gemeente
from eenplan.gemeente.selectors import gelijkgestelde_dagen
from eenplan.inwoners.models import Inwoner
from eenplan.inwoners.selectors import huishouden_current
from eenplan.meldingen.constants import Domein, Kanaal, MelderSoort, Urgentie
from eenplan.meldingen.services import melding_register
from eenplan.onderzoeken.models import Leefgebied
from eenplan.plannen.constants import ACTIEVE_STATUSSEN, Doeltype
from eenplan.plannen.models import Plan
from eenplan.plannen.services import doel_add
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource
from eenplan.rules import schuldhulp as regels
from eenplan.schuldhulp.constants import (
    ContactWijze,
    Dreiging,
    Fase,
    SchuldeiserSoort,
    Toelating,
    Triage,
)
from eenplan.schuldhulp.models import Contactpoging, RouteStap, Schuldvraag, Vroegsignaal
from eenplan.voorzieningen.constants import BijdrageSoort, VoorzieningSoort
from eenplan.voorzieningen.models import Voorziening
from eenplan.voorzieningen.services import voorziening_create

BEDRAG_MAX = Decimal("1000000")
# The catalogue entry the beschikking on the toelating names (one per municipality).
TOELATING = "Toelating tot de schuldhulpverlening"
ANDERE_GEMEENTE = (
    "Deze schuldvraag hoort bij een andere gemeente: u beslist alleen over schuldvragen van de "
    "gemeente waarvoor u nu werkt."
)


def _datum(d: dt.date) -> str:
    return f"{d:%d-%m-%Y}"


def _euro(bedrag: Decimal) -> str:
    """An amount as Dutch readers write it: € 1.234,56."""
    tekst = f"{bedrag:,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".")
    return f"€ {tekst}"


def _toegang(actor: Any, action: Action, inwoner_id: int, via: access.Via | None) -> access.Actor:
    """Role and need-to-know through the one access module: logged when called from code; a page
    or the API already decided (and logged) for the request, so only a refusal is logged."""
    actor = access.Actor.of(actor)
    doel = access.RULES[(Resource.SCHULDHULP, action)].doel
    if via is not None:
        besluit = access.decide(
            actor, Resource.SCHULDHULP, action, via=via, inwoner=inwoner_id, doel=doel, log=False
        )
        if besluit.allowed:
            return actor
    access.require(
        actor, Resource.SCHULDHULP, action, via=via or access.SERVICE, inwoner=inwoner_id, doel=doel
    )
    return actor


def _datum_fout(d: dt.date | None, veld: str, *, vanaf: dt.date | None = None) -> dict[str, str]:
    if d is None:
        return {veld: "Vul de datum in."}
    if d > timezone.localdate():
        return {veld: "De datum ligt in de toekomst."}
    if d < regels.WGS_IN_WERKING:
        return {veld: "De Wet gemeentelijke schuldhulpverlening geldt vanaf 1 juli 2012."}
    if vanaf is not None and d < vanaf:
        return {veld: f"De datum ligt vóór {_datum(vanaf)}."}
    return {}


# --- vroegsignalering (Wgs art. 3a/3b) ----------------------------------------------------------


@transaction.atomic
def signaal_registreren(
    *,
    actor: Any,
    inwoner: Inwoner,
    schuldeiser_soort: str,
    schuldeiser: str,
    bedrag: Decimal,
    ontvangen_op: dt.date,
    dreiging: str = "",
    via: access.Via | None = None,
) -> Vroegsignaal:
    """Record a fixed-cost partner's signal of payment arrears (Wgs art. 3a, from 1 January
    2021) and enter it at the front door as a melding (domain schulden, channel and reporter
    'vroegsignalering'), through the meldingen service. A threat of art. 4 lid 2 makes the
    melding urgent. Bad input is refused with a Dutch message and changes nothing."""
    actor = _toegang(actor, Action.AANMAKEN, inwoner.pk, via)
    fouten: dict[str, str] = {}
    if schuldeiser_soort not in SchuldeiserSoort.values:
        fouten["schuldeiser_soort"] = (
            "Kies de soort schuldeiser: verhuurder, energieleverancier, drinkwaterbedrijf of "
            "zorgverzekeraar (Wgs art. 3a)."
        )
    if not schuldeiser.strip():
        fouten["schuldeiser"] = "Vul de naam van de schuldeiser in."
    if bedrag is None or bedrag <= 0 or bedrag >= BEDRAG_MAX:
        fouten["bedrag"] = (
            "Vul de achterstand in euro's in: meer dan € 0 en minder dan € 1.000.000."
        )
    if dreiging not in Dreiging.values:
        fouten["dreiging"] = "Kies een dreiging uit de lijst, of geen."
    fouten |= _datum_fout(ontvangen_op, "ontvangen_op")
    if not fouten and not regels.vroegsignalering_geldt(ontvangen_op):
        fouten["ontvangen_op"] = "Vroegsignalering (Wgs art. 3a) bestaat vanaf 1 januari 2021."
    if fouten:
        raise ValidationError(fouten)
    soort = SchuldeiserSoort(schuldeiser_soort)
    vraag = (
        f"Signaal van betalingsachterstand: {soort.label}, {schuldeiser.strip()}, "
        f"{_euro(bedrag)}"
        + (f"; {Dreiging(dreiging).label.lower()}" if dreiging else "")
        + ". Bied schuldhulpverlening aan (Wgs art. 3b)."
    )
    melding = melding_register(
        gemeente=inwoner.gemeente,
        actor=actor,
        melder_soort=MelderSoort.VROEGSIGNALERING,
        melder_naam=schuldeiser.strip(),
        kanaal=Kanaal.VROEGSIGNALERING,
        vraag=vraag,
        ontvangen_op=ontvangen_op,
        domeinen=[Domein.SCHULDEN],
        inwoner=inwoner,
        urgentie=Urgentie.SPOED if dreiging else Urgentie.NORMAAL,
        via=via or access.SERVICE,
        doel=access.RULES[(Resource.SCHULDHULP, Action.AANMAKEN)].doel,
    )
    signaal = Vroegsignaal.objects.create(
        gemeente_id=inwoner.gemeente_id,
        inwoner=inwoner,
        schuldeiser_soort=soort,
        schuldeiser=schuldeiser.strip(),
        bedrag=bedrag,
        ontvangen_op=ontvangen_op,
        dreiging=dreiging,
        melding=melding,
        vastgelegd_door=actor.user,
    )
    bus.publish_ids(
        "schuldhulp.signaal_ontvangen",
        record=signaal,
        omschrijving=f"Vroegsignaal ontvangen: {soort.label.lower()}, {_euro(bedrag)}",
        user=actor.user,
        inwoner_id=inwoner.pk,
        schuldeiser_soort=soort.value,
    )
    return signaal


@transaction.atomic
def contact_vastleggen(
    *,
    actor: Any,
    signaal: Vroegsignaal,
    op: dt.date,
    wijze: str,
    bereikt: bool,
    toelichting: str = "",
    via: access.Via | None = None,
) -> Contactpoging:
    """Record an attempt to reach the resident after a signal: the offer of help (Wgs art. 3b).
    Refused before the signal or in the future."""
    actor = _toegang(actor, Action.WIJZIGEN, signaal.inwoner_id, via)
    fouten = _datum_fout(op, "op", vanaf=signaal.ontvangen_op)
    if wijze not in ContactWijze.values:
        fouten["wijze"] = "Kies hoe u contact zocht: telefoon, brief, huisbezoek of e-mail."
    if fouten:
        raise ValidationError(fouten)
    poging = Contactpoging.objects.create(
        signaal=signaal,
        op=op,
        wijze=wijze,
        bereikt=bereikt,
        toelichting=toelichting.strip(),
        vastgelegd_door=actor.user,
    )
    bus.publish_ids(
        "schuldhulp.contact_gezocht",
        record=signaal,
        omschrijving=f"Contact gezocht na vroegsignaal ({ContactWijze(wijze).label.lower()}): "
        + ("bereikt" if bereikt else "niet bereikt"),
        user=actor.user,
        inwoner_id=signaal.inwoner_id,
    )
    return poging


# --- the debt question: terms, triage, route, toelating ---------------------------------------


@transaction.atomic
def schuldvraag_aanmelden(
    *,
    actor: Any,
    inwoner: Inwoner,
    verzoek_op: dt.date,
    dreiging: str = "",
    signaal: Vroegsignaal | None = None,
    via: access.Via | None = None,
) -> Schuldvraag:
    """Register a resident's request for debt help (aanmelding) with the last day of the first
    conversation: four weeks, or three working days on a threat (Wgs art. 4 lid 1-2, dated),
    counting holidays declared by decree (Atw art. 3 lid 3). Linked to the household's active
    plan. One open question per resident."""
    actor = _toegang(actor, Action.AANMAKEN, inwoner.pk, via)
    fouten = _datum_fout(verzoek_op, "verzoek_op")
    if dreiging not in Dreiging.values:
        fouten["dreiging"] = "Kies een dreiging uit de lijst, of geen."
    if signaal is not None and signaal.inwoner_id != inwoner.pk:
        fouten["signaal"] = "Dit vroegsignaal gaat over een andere inwoner."
    if fouten:
        raise ValidationError(fouten)
    huishouden = huishouden_current(inwoner=inwoner, vandaag=verzoek_op)
    if huishouden is None:
        raise ValidationError(
            {"inwoner": f"{inwoner.naam} hoort op de datum van het verzoek bij geen huishouden."}
        )
    if Schuldvraag.objects.filter(inwoner=inwoner, afgerond_op__isnull=True).exists():
        raise Conflict({"inwoner": f"{inwoner.naam} heeft al een lopende schuldvraag."})
    regel = regels.termijnregel_op(verzoek_op)
    uiterlijk = regels.eerste_gesprek_uiterlijk(
        verzoek_op, dreiging=bool(dreiging), extra=gelijkgestelde_dagen()
    )
    plan = Plan.objects.filter(huishouden=huishouden, status__in=ACTIEVE_STATUSSEN).first()
    try:
        with transaction.atomic():
            vraag = Schuldvraag.objects.create(
                gemeente_id=inwoner.gemeente_id,
                huishouden=huishouden,
                inwoner=inwoner,
                signaal=signaal,
                plan=plan,
                verzoek_op=verzoek_op,
                dreiging=dreiging,
                eerste_gesprek_uiterlijk=uiterlijk,
                termijn_bron=regel.bron,
                fase=Fase.AANMELDING,
                vastgelegd_door=actor.user,
            )
    except IntegrityError as exc:  # two clerks at once: the database's one-open rule
        raise Conflict({"inwoner": f"{inwoner.naam} heeft al een lopende schuldvraag."}) from exc
    RouteStap.objects.create(
        schuldvraag=vraag, fase=Fase.AANMELDING, van=verzoek_op, vastgelegd_door=actor.user
    )
    bus.publish_ids(
        "schuldhulp.aangemeld",
        record=vraag,
        omschrijving=f"Schuldhulp aangevraagd; eerste gesprek uiterlijk {_datum(uiterlijk)} "
        f"(Wgs art. 4 lid {2 if dreiging else 1})",
        user=actor.user,
        inwoner_id=inwoner.pk,
        huishouden_id=huishouden.pk,
    )
    return vraag


@transaction.atomic
@schrijft("vraag")
def triage_vastleggen(
    *,
    actor: Any,
    vraag: Schuldvraag,
    uitkomst: str,
    op: dt.date,
    toelichting: str = "",
    via: access.Via | None = None,
) -> Schuldvraag:
    """Record the triage of the local intake (Peelregio, seed 004 L1360-1368) with its date and
    who: light (information, budget coaching) or heavy (the full route, crisis intervention). A
    heavy triage adds a goal of the life domain finances to the household's plan when the actor
    may change the plan (otherwise the route is shown on the plan without a goal)."""
    actor = _toegang(actor, Action.WIJZIGEN, vraag.inwoner_id, via)
    if vraag.afgerond_op is not None:
        raise Conflict("Deze schuldvraag is afgerond.")
    fouten = _datum_fout(op, "op", vanaf=vraag.verzoek_op)
    if uitkomst not in Triage.values:
        fouten["uitkomst"] = "Kies de uitkomst van de triage."
    elif fout := regels.triage_fout(uitkomst, dreiging=vraag.dreiging or None):
        fouten["uitkomst"] = fout
    if fouten:
        raise ValidationError(fouten)
    vraag.triage = uitkomst
    vraag.triage_op = op
    vraag.triage_toelichting = toelichting.strip()
    vraag.triage_door = actor.user
    vraag.save(
        update_fields=["triage", "triage_op", "triage_toelichting", "triage_door", "updated_at"]
    )
    zwaarte = regels.zwaarte(uitkomst)
    if zwaarte == regels.Zwaarte.ZWAAR and vraag.doel_id is None:
        _plandoel(actor, vraag)
    bus.publish_ids(
        "schuldhulp.getrieerd",
        record=vraag,
        omschrijving=f"Triage schuldhulp: {Triage(uitkomst).label.lower()} ({zwaarte.value})",
        user=actor.user,
        inwoner_id=vraag.inwoner_id,
        triage=uitkomst,
    )
    return vraag


def _plandoel(actor: access.Actor, vraag: Schuldvraag) -> None:
    """A goal of the life domain finances in the household's active plan, through plannen."""
    plan = (
        vraag.plan
        or Plan.objects.filter(
            huishouden_id=vraag.huishouden_id, status__in=ACTIEVE_STATUSSEN
        ).first()
    )
    leefgebied = Leefgebied.objects.filter(code="financien").order_by("id").first()
    if plan is None or leefgebied is None:
        return
    if not access.allows(actor, Resource.PLAN, Action.WIJZIGEN):
        return
    try:
        doel = doel_add(
            plan=plan,
            inwoner=vraag.inwoner,
            leefgebied=leefgebied,
            omschrijving="Schulden onder controle: de schuldhulproute doorlopen "
            "(stabilisatie, minnelijk traject).",
            doeltype=Doeltype.STABILISEREN,
            actor=actor,
        )
    except (PermissionDenied, ValidationError):
        return
    vraag.plan = plan
    vraag.doel = doel
    vraag.save(update_fields=["plan", "doel", "updated_at"])


@transaction.atomic
@schrijft("vraag")
def fase_vastleggen(
    *,
    actor: Any,
    vraag: Schuldvraag,
    fase: str,
    op: dt.date,
    uitkomst: str = "",
    via: access.Via | None = None,
) -> Schuldvraag:
    """Move the route to its next phase on `op`, closing the current step with its outcome.
    The first conversation is checked against its term (Wgs art. 4) and sets the last day for
    the toelating (art. 4a with Awb 4:13). WSNP only after a minnelijk traject; the route ends
    at WSNP or afgerond. Skipping or reversing a phase is refused."""
    actor = _toegang(actor, Action.WIJZIGEN, vraag.inwoner_id, via)
    if fase not in Fase.values:
        raise ValidationError({"fase": "Kies de volgende fase van de route."})
    if fout := regels.fase_fout(vraag.fase, fase):
        raise ValidationError({"fase": fout})
    huidige = vraag.stappen.filter(tot__isnull=True).order_by("-van", "-id").first()
    vanaf = huidige.van if huidige else vraag.verzoek_op
    fouten = _datum_fout(op, "op", vanaf=vanaf)
    eindfase = fase in (Fase.WSNP, Fase.AFGEROND)
    if eindfase and not uitkomst.strip():
        fouten["uitkomst"] = "Schrijf de uitkomst van de route op."
    if fase in (Fase.STABILISATIE, Fase.MINNELIJK) and not vraag.triage:
        fouten["fase"] = "Leg eerst de triage vast: pas dan begint de schuldhulproute."
    if (
        fase in (Fase.STABILISATIE, Fase.MINNELIJK)
        and vraag.triage
        and (regels.zwaarte(vraag.triage) == regels.Zwaarte.LICHT)
    ):
        fouten["fase"] = (
            "Bij een lichte triage (advies of budgetcoaching) is er geen schuldhulproute; "
            "rond de vraag af of leg een nieuwe triage vast."
        )
    if fase == Fase.MINNELIJK and vraag.toelating != Toelating.TOEGELATEN:
        fouten["fase"] = (
            "Een minnelijk traject begint na de beschikking tot toelating (Wgs art. 4a)."
        )
    if fouten:
        raise ValidationError(fouten)
    if huidige is not None:
        huidige.tot = op
        huidige.uitkomst = uitkomst.strip()
        huidige.save(update_fields=["tot", "uitkomst", "updated_at"])
    velden = ["fase", "updated_at"]
    if fase == Fase.EERSTE_GESPREK:
        vraag.eerste_gesprek_op = op
        velden += ["eerste_gesprek_op", "beslissen_uiterlijk", "aanvraag"]
        if regels.termijnregel_op(op).beslissen_weken is not None and vraag.aanvraag_id is None:
            # Wgs art. 4a (from 2021): the aanvraag is made in this conversation; its decision
            # term is the aanvraag's (Awb 4:13 lid 2, with the Algemene termijnenwet).
            vraag.aanvraag = _aanvraag_registreren(actor, vraag, op)
            vraag.beslissen_uiterlijk = vraag.aanvraag.beslissen_uiterlijk
    if eindfase:
        vraag.afgerond_op = op
        vraag.uitkomst = uitkomst.strip()
        velden += ["afgerond_op", "uitkomst"]
    else:
        RouteStap.objects.create(schuldvraag=vraag, fase=fase, van=op, vastgelegd_door=actor.user)
    if eindfase:
        RouteStap.objects.create(
            schuldvraag=vraag,
            fase=fase,
            van=op,
            tot=op,
            uitkomst=uitkomst.strip(),
            vastgelegd_door=actor.user,
        )
    vraag.fase = fase
    vraag.save(update_fields=velden)
    tekst = f"Schuldhulproute: {Fase(fase).label.lower()} vanaf {_datum(op)}"
    if fase == Fase.EERSTE_GESPREK:
        tijdig = op <= vraag.eerste_gesprek_uiterlijk
        tekst += " (" + ("binnen" if tijdig else "buiten") + " de termijn van Wgs art. 4)"
    bus.publish_ids(
        "schuldhulp.fase",
        record=vraag,
        omschrijving=tekst,
        user=actor.user,
        inwoner_id=vraag.inwoner_id,
    )
    return vraag


def _aanvraag_registreren(actor: access.Actor, vraag: Schuldvraag, op: dt.date) -> Aanvraag:
    """The aanvraag of Wgs art. 4a, made in the first conversation on `op`: registered through
    `beschikkingen.aanvraag_register` (law Wgs, decision term Awb 4:13 lid 2) and linked to the
    household's plan, so the plan, the aanvragen worklist and the 4:14 notice see it."""
    return beschikkingen.aanvraag_register(
        inwoner=vraag.inwoner,
        omschrijving="schuldhulpverlening (toelating na het eerste gesprek, Wgs art. 4a)",
        wet=Wet.SCHULDHULP,
        ontvangen_op=op,
        ingediend_door=vraag.inwoner.naam,
        door=actor.user,
        plan=vraag.plan
        or Plan.objects.filter(huishouden_id=vraag.huishouden_id, status__in=ACTIEVE_STATUSSEN)
        .order_by("id")
        .first(),
        toelichting="Aanvraag gedaan in het eerste gesprek (Wgs art. 4a).",
    )


def toelating_voorziening(gemeente_id: int) -> Voorziening:
    """The catalogue entry a beschikking on the toelating names: one per municipality, added
    through the catalogue's service the first time (individual, Wgs, no eigen bijdrage)."""
    bestaand = Voorziening.objects.filter(
        gemeente_id=gemeente_id, wet=Wet.SCHULDHULP, naam=TOELATING
    ).first()
    if bestaand is not None:
        return bestaand
    return voorziening_create(
        gemeente=Gemeente.objects.get(pk=gemeente_id),
        naam=TOELATING,
        soort=VoorzieningSoort.INDIVIDUEEL,
        wet=Wet.SCHULDHULP,
        omschrijving="Schuldhulpverlening na het eerste gesprek, met een plan van aanpak "
        "(Wet gemeentelijke schuldhulpverlening art. 4a).",
        eigen_bijdrage=BijdrageSoort.GEEN,
    )


@transaction.atomic
@schrijft("vraag")
def toelating_beslissen(
    *,
    actor: Any,
    vraag: Schuldvraag,
    toelating: str,
    besloten_op: dt.date,
    motivering: str,
    grond: str = "",
    via: access.Via | None = None,
) -> Schuldvraag:
    """The beschikking on admission to debt help after the first conversation (Wgs art. 4a,
    from 1 January 2021), decided through the existing beschikking
    (`beschikkingen.beschikking_issue`) on the aanvraag made in that conversation: admitted from
    `besloten_op`, or refused on a ground that is named. The letter (its own template, kind
    `toelating_schuldhulp`), sending with the bezwaar term from the send date (Awb 6:7, 6:8)
    and the bezwaar are the beschikking's own. Refused, changing nothing: a question of another
    municipality, deciding twice, before the first conversation or on one before 2021, a
    refusal without its ground. Only the Werkplein decides (`Resource.SCHULDHULP` ×
    `BESLISSEN`, `roles.BESLIST_OVER_WETTEN`)."""
    gemeente_id = access.Actor.of(actor).gemeente_id
    if gemeente_id is not None and vraag.gemeente_id != gemeente_id:
        raise ValidationError({"toelating": ANDERE_GEMEENTE})
    actor = _toegang(actor, Action.BESLISSEN, vraag.inwoner_id, via)
    if vraag.toelating:
        raise Conflict(
            "Over de toelating is al beslist"
            + (f" (beschikking {vraag.beschikking.kenmerk})." if vraag.beschikking else ".")
        )
    if vraag.eerste_gesprek_op is None:
        raise ValidationError(
            {"toelating": "Beslis over de toelating na het eerste gesprek (Wgs art. 4a)."}
        )
    if regels.termijnregel_op(vraag.eerste_gesprek_op).beslissen_weken is None:
        raise ValidationError(
            {
                "toelating": "Het eerste gesprek was vóór 1 januari 2021: toen kende de Wgs "
                "geen beschikking over de toelating (art. 4a)."
            }
        )
    fouten = _datum_fout(besloten_op, "besloten_op", vanaf=vraag.eerste_gesprek_op)
    if toelating not in Toelating.values:
        fouten["toelating"] = "Kies: toegelaten of geweigerd."
    if not motivering.strip():
        fouten["motivering"] = "Motiveer de beschikking."
    if toelating == Toelating.GEWEIGERD and not grond.strip():
        fouten["grond"] = (
            "Noem de grond waarop u de toelating weigert, bijvoorbeeld uit de beleidsregels "
            "van de gemeente."
        )
    if fouten:
        raise ValidationError(fouten)
    toegelaten = toelating == Toelating.TOEGELATEN
    # A question whose first conversation was recorded before the toelating became a beschikking
    # has no aanvraag yet: it is registered now, on the day of that conversation.
    aanvraag = vraag.aanvraag or _aanvraag_registreren(actor, vraag, vraag.eerste_gesprek_op)
    tekst = motivering.strip()
    if not toegelaten:
        tekst += f"\n\nGrond voor de weigering: {grond.strip()}"
    beschikking = beschikkingen.beschikking_issue(
        aanvraag=aanvraag,
        actor=actor,
        besloten_op=besloten_op,
        motivering=tekst,
        regels=[
            beschikkingen.Regel(
                voorziening=toelating_voorziening(vraag.gemeente_id),
                uitkomst=Uitkomst.TOEGEKEND if toegelaten else Uitkomst.AFGEWEZEN,
                begin=besloten_op if toegelaten else None,
            )
        ],
        via=via,
    )
    vraag.aanvraag = aanvraag
    vraag.beschikking = beschikking
    vraag.toelating = toelating
    vraag.toelating_op = besloten_op
    vraag.toelating_motivering = motivering.strip()
    vraag.toelating_grond = "" if toegelaten else grond.strip()
    vraag.save(
        update_fields=[
            "aanvraag",
            "beschikking",
            "toelating",
            "toelating_op",
            "toelating_motivering",
            "toelating_grond",
            "updated_at",
        ]
    )
    te_laat = aanvraag.beslissen_uiterlijk and besloten_op > aanvraag.beslissen_uiterlijk
    bus.publish_ids(
        "schuldhulp.toelating",
        record=vraag,
        omschrijving=f"Beschikking schuldhulpverlening: {Toelating(toelating).label.lower()}"
        + (" (na de beslistermijn)" if te_laat else "")
        + f"; beschikking {beschikking.kenmerk}",
        user=actor.user,
        inwoner_id=vraag.inwoner_id,
        beschikking=beschikking.pk,
    )
    return vraag
