"""Writes of work and income (issue 14). Every service takes the actor and asks
`privacy.access` itself; the legal case is an `Aanvraag` of `beschikkingen` registered through
its service, and the decision is its `beschikking_issue`: this app never writes their tables.
Every change publishes its domain event with a Dutch sentence for the dossier's timeline."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from eenplan.beschikkingen import services as beschikkingen
from eenplan.beschikkingen.constants import AanvraagStatus, Uitkomst
from eenplan.beschikkingen.models import Beschikking
from eenplan.common.concurrency import Conflict, schrijft
from eenplan.common.constants import Wet
from eenplan.events import bus
from eenplan.gemeente.models import Gemeente
from eenplan.inwoners.constants import Relatie
from eenplan.inwoners.models import Huishouden, HuishoudenLid, Inwoner
from eenplan.participatie.constants import (
    BIJ_WERKGEVER,
    WERKSPOOR_FASEN,
    Grootte,
    InstrumentResultaat,
    InstrumentSoort,
    MaatregelSoort,
    Methode,
    Route,
    TrajectFase,
    TrajectResultaat,
    VoorschotUitsluiting,
)
from eenplan.participatie.models import (
    Instrument,
    LevensonderhoudAanvraag,
    Maatregel,
    Tegenprestatie,
    Traject,
    TrajectStap,
    Verdiencapaciteit,
    Voorschot,
    Werkdoel,
    Werkgever,
)
from eenplan.participatie.selectors import (
    WERK_LEEFGEBIEDEN,
    beschut_werk_plaatsen_op,
    drempels_op,
    maatregelen_op,
)
from eenplan.plannen.constants import ACTIEVE_STATUSSEN, DeelnemerSoort
from eenplan.plannen.models import Plan
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource
from eenplan.rules import participatie as regels
from eenplan.voorzieningen.constants import BijdrageSoort, VoorzieningSoort
from eenplan.voorzieningen.models import Voorziening
from eenplan.voorzieningen.services import voorziening_create

BIJSTAND = "Algemene bijstand (levensonderhoud)"
NIET_IN_HUISHOUDEN = (
    "{naam} hoort op de aanvraagdatum niet bij dit huishouden: een aanvraag levensonderhoud is "
    "voor een lid van het huishouden."
)


def _datum(d: dt.date) -> str:
    return f"{d:%d-%m-%Y}"


def _toegang(actor: Any, action: Action, inwoner_id: int, via: access.Via | None) -> access.Actor:
    """Role and need-to-know through the one access module: logged when called from code; a page
    or the API already decided (and logged) for the request, so only a refusal is logged."""
    actor = access.Actor.of(actor)
    doel = access.RULES[(Resource.PARTICIPATIE, action)].doel
    if via is not None:
        besluit = access.decide(
            actor, Resource.PARTICIPATIE, action, via=via, inwoner=inwoner_id, doel=doel, log=False
        )
        if besluit.allowed:
            return actor
    access.require(
        actor,
        Resource.PARTICIPATIE,
        action,
        via=via or access.SERVICE,
        inwoner=inwoner_id,
        doel=doel,
    )
    return actor


def _leden_op(huishouden: Huishouden, op: dt.date) -> list[HuishoudenLid]:
    return [lid for lid in huishouden.leden.select_related("inwoner") if lid.actief_op(op)]


# --- aanvraag levensonderhoud -----------------------------------------------------------------


@transaction.atomic
def levensonderhoud_aanvragen(
    *,
    actor: Any,
    huishouden: Huishouden,
    inwoner: Inwoner,
    gemeld_op: dt.date,
    ontvangen_op: dt.date,
    afzien_zoektermijn: bool = False,
    afzien_reden: str = "",
    via: access.Via | None = None,
) -> LevensonderhoudAanvraag:
    """Register an application for bijstand by a member of the household: checks the
    zoektermijn of an under-27 (Participatiewet art. 41 lid 4, dated), sets the norm category
    and norm of the household on the aanvraag date (art. 20-22, dated data with source) and
    registers the legal case with its decision term (Awb 4:13: eight weeks) through
    `beschikkingen.aanvraag_register`, linked to the household's plan. Bad input is refused
    with a Dutch message and changes nothing."""
    actor = _toegang(actor, Action.AANMAKEN, inwoner.pk, via)
    vandaag = timezone.localdate()
    fouten: dict[str, str] = {}
    if ontvangen_op > vandaag:
        fouten["ontvangen_op"] = "De aanvraagdatum ligt in de toekomst."
    if gemeld_op > vandaag:
        fouten["gemeld_op"] = "De meldingsdatum ligt in de toekomst."
    if gemeld_op < dt.date(2015, 1, 1):
        fouten["gemeld_op"] = "De Participatiewet geldt vanaf 1 januari 2015."
    if huishouden.gemeente_id != inwoner.gemeente_id:
        fouten["huishouden"] = "Kies een huishouden van de eigen gemeente."
    if afzien_zoektermijn and not afzien_reden.strip():
        fouten["afzien_reden"] = "Leg vast waarom het college afziet van de zoektermijn."
    if fouten:
        raise ValidationError(fouten)
    leden = _leden_op(huishouden, ontvangen_op)
    if not any(lid.inwoner_id == inwoner.pk for lid in leden):
        raise ValidationError({"inwoner": NIET_IN_HUISHOUDEN.format(naam=inwoner.naam)})
    if LevensonderhoudAanvraag.objects.filter(
        inwoner=inwoner, aanvraag__status=AanvraagStatus.ONTVANGEN
    ).exists():
        raise Conflict(
            {"inwoner": f"{inwoner.naam} heeft al een aanvraag levensonderhoud in behandeling."}
        )
    try:
        fout = regels.zoektermijn_fout(
            inwoner.geboortedatum, gemeld_op, ontvangen_op, afzien=afzien_zoektermijn
        )
        termijn = regels.zoektermijn(inwoner.geboortedatum, gemeld_op, afzien=afzien_zoektermijn)
    except ValueError as exc:
        raise ValidationError({"afzien_zoektermijn": str(exc)}) from exc
    if fout:
        raise ValidationError({"ontvangen_op": fout})
    partner = _partner(leden, inwoner)
    kinderen = any(
        lid.relatie == Relatie.KIND and lid.inwoner.leeftijd_op(ontvangen_op) < 18 for lid in leden
    )
    try:
        categorie = regels.normcategorie(
            op=ontvangen_op,
            geboren=inwoner.geboortedatum,
            partner_geboren=partner.geboortedatum if partner else None,
            kinderen=kinderen,
        )
        norm = regels.norm_op(categorie, ontvangen_op)
    except ValueError as exc:
        raise ValidationError({"inwoner": str(exc)}) from exc
    plan = Plan.objects.filter(huishouden=huishouden, status__in=ACTIEVE_STATUSSEN).first()
    aanvraag = beschikkingen.aanvraag_register(
        inwoner=inwoner,
        omschrijving=BIJSTAND,
        wet=Wet.PARTICIPATIE,
        ontvangen_op=ontvangen_op,
        ingediend_door=inwoner.naam,
        door=actor.user,
        plan=plan,
        toelichting=f"Normcategorie: {categorie.omschrijving} ({categorie.artikel}).",
    )
    lo = LevensonderhoudAanvraag.objects.create(
        gemeente_id=inwoner.gemeente_id,
        huishouden=huishouden,
        inwoner=inwoner,
        partner=partner,
        aanvraag=aanvraag,
        gemeld_op=gemeld_op,
        ontvangen_op=ontvangen_op,
        zoektermijn_van_toepassing=termijn.van_toepassing,
        zoektermijn_tot=termijn.aanvraag_vanaf,
        zoektermijn_afgezien=termijn.afgezien,
        afzien_reden=afzien_reden.strip(),
        zoektermijn_bron=termijn.bron,
        kinderen=kinderen,
        normcategorie=categorie.code,
        normartikel=categorie.artikel,
        norm_bedrag=norm.bedrag,
        norm_geldig_vanaf=norm.geldig_vanaf,
        norm_bron=norm.bron,
        vastgelegd_door=actor.user,
    )
    zoek = (
        "zoektermijn afgezien"
        if termijn.afgezien
        else f"zoektermijn tot {_datum(termijn.aanvraag_vanaf)}"
        if termijn.van_toepassing
        else "geen zoektermijn (27 jaar of ouder)"
    )
    bus.publish_ids(
        "participatie.levensonderhoud_aangevraagd",
        record=lo,
        omschrijving=f"Aanvraag levensonderhoud ontvangen ({zoek}); norm {categorie.omschrijving}: "
        f"€ {norm.bedrag} per maand; beslissen uiterlijk {_datum(aanvraag.beslissen_uiterlijk)}",
        user=actor.user,
        inwoner_id=inwoner.pk,
        huishouden_id=huishouden.pk,
        normcategorie=categorie.code,
    )
    return lo


def _partner(leden: list[HuishoudenLid], inwoner: Inwoner) -> Inwoner | None:
    """The partner in the household: the other of the reference person and their partner
    (Participatiewet art. 3: gehuwden, also a joint household)."""
    eigen = next(lid for lid in leden if lid.inwoner_id == inwoner.pk)
    paar = {Relatie.REFERENTIE, Relatie.PARTNER}
    if eigen.relatie not in paar:
        return None
    for lid in leden:
        if lid.inwoner_id != inwoner.pk and lid.relatie in paar and lid.relatie != eigen.relatie:
            return lid.inwoner
    return None


@transaction.atomic
@schrijft("lo")
def voorschot_uitsluiten(
    *,
    actor: Any,
    lo: LevensonderhoudAanvraag,
    grond: str,
    toelichting: str,
    via: access.Via | None = None,
) -> LevensonderhoudAanvraag:
    """Record a ground of Participatiewet art. 52 lid 1 (onder a or b) on which no voorschot is
    given, with its reason; `grond` "" lifts it again."""
    actor = _toegang(actor, Action.WIJZIGEN, lo.inwoner_id, via)
    if grond not in VoorschotUitsluiting.values:
        raise ValidationError({"grond": "Kies onder a of onder b van art. 52 lid 1, of geen."})
    if grond and not toelichting.strip():
        raise ValidationError({"toelichting": "Motiveer waarom er geen voorschot is."})
    lo.voorschot_uitsluiting = grond
    lo.voorschot_uitsluiting_toelichting = toelichting.strip() if grond else ""
    lo.save(
        update_fields=["voorschot_uitsluiting", "voorschot_uitsluiting_toelichting", "updated_at"]
    )
    bus.publish_ids(
        "participatie.voorschot_uitgesloten" if grond else "participatie.voorschot_hersteld",
        record=lo,
        omschrijving=(
            f"Geen voorschot: {VoorschotUitsluiting(grond).label}"
            if grond
            else "Voorschot weer mogelijk (geen grond van art. 52 lid 1 meer)"
        ),
        user=actor.user,
        inwoner_id=lo.inwoner_id,
    )
    return lo


@transaction.atomic
@schrijft("lo", verhogen=False)
def voorschot_verlenen(
    *,
    actor: Any,
    lo: LevensonderhoudAanvraag,
    verleend_op: dt.date,
    bedrag: Decimal,
    via: access.Via | None = None,
) -> Voorschot:
    """Record a voorschot granted while the right is not established (art. 52 lid 1). Refused
    after the decision, on a ground of art. 52 lid 1, before the aanvraag or in the future."""
    actor = _toegang(actor, Action.WIJZIGEN, lo.inwoner_id, via)
    if lo.aanvraag.status != AanvraagStatus.ONTVANGEN:
        raise Conflict("Op deze aanvraag is al besloten: een voorschot kan niet meer.")
    if lo.voorschot_uitsluiting:
        raise ValidationError(
            {"verleend_op": "Er geldt een grond van art. 52 lid 1: geen voorschot."}
        )
    if verleend_op < lo.ontvangen_op or verleend_op > timezone.localdate():
        raise ValidationError({"verleend_op": "De datum ligt vóór de aanvraag of in de toekomst."})
    if bedrag is None or bedrag <= 0:
        raise ValidationError({"bedrag": "Een voorschot is meer dan € 0."})
    if lo.voorschotten.filter(verleend_op=verleend_op).exists():
        raise Conflict({"verleend_op": "Op deze dag is al een voorschot verleend."})
    voorschot = Voorschot.objects.create(
        aanvraag=lo, verleend_op=verleend_op, bedrag=bedrag, vastgelegd_door=actor.user
    )
    bus.publish_ids(
        "participatie.voorschot_verleend",
        record=lo,
        omschrijving=f"Voorschot van € {bedrag} verleend op {_datum(verleend_op)} "
        "(Participatiewet art. 52)",
        user=actor.user,
        inwoner_id=lo.inwoner_id,
    )
    return voorschot


def bijstand_voorziening(gemeente_id: int) -> Voorziening:
    """The catalogue entry a bijstand decision names: one per municipality, added through the
    catalogue's service the first time (individual, Participatiewet, no eigen bijdrage)."""
    bestaand = Voorziening.objects.filter(
        gemeente_id=gemeente_id, wet=Wet.PARTICIPATIE, naam=BIJSTAND
    ).first()
    if bestaand is not None:
        return bestaand
    return voorziening_create(
        gemeente=Gemeente.objects.get(pk=gemeente_id),
        naam=BIJSTAND,
        soort=VoorzieningSoort.INDIVIDUEEL,
        wet=Wet.PARTICIPATIE,
        omschrijving="Bijstand in de kosten van levensonderhoud (Participatiewet art. 11).",
        eigen_bijdrage=BijdrageSoort.GEEN,
    )


@transaction.atomic
def levensonderhoud_beslissen(
    *,
    actor: Any,
    lo: LevensonderhoudAanvraag,
    besloten_op: dt.date,
    toekennen: bool,
    ingangsdatum: dt.date | None,
    motivering: str,
    heronderzoek_op: dt.date | None = None,
    via: access.Via | None = None,
) -> Beschikking:
    """Decide on the aanvraag through the existing beschikking (`beschikking_issue`): granted
    at the household's norm from `ingangsdatum` with a heronderzoek date, or refused. The letter
    (grondslag art. 11 lid 1), sending and bezwaar are the beschikking's own."""
    actor = _toegang(actor, Action.BESLISSEN, lo.inwoner_id, via)
    if toekennen:
        if ingangsdatum is None:
            raise ValidationError({"ingangsdatum": "Vul de ingangsdatum van de bijstand in."})
        if ingangsdatum < lo.gemeld_op:
            raise ValidationError({"ingangsdatum": "De bijstand gaat niet in vóór de melding."})
        heronderzoek_op = heronderzoek_op or ingangsdatum + dt.timedelta(days=365)
    regel = beschikkingen.Regel(
        voorziening=bijstand_voorziening(lo.gemeente_id),
        uitkomst=Uitkomst.TOEGEKEND if toekennen else Uitkomst.AFGEWEZEN,
        omvang=lo.norm_bedrag if toekennen else None,
        begin=ingangsdatum if toekennen else None,
        heronderzoek_op=heronderzoek_op if toekennen else None,
    )
    beschikking = beschikkingen.beschikking_issue(
        aanvraag=lo.aanvraag,
        actor=actor,
        besloten_op=besloten_op,
        motivering=motivering,
        regels=[regel],
        via=via,
    )
    bus.publish_ids(
        "participatie.levensonderhoud_besloten",
        record=lo,
        omschrijving=(
            f"Bijstand toegekend vanaf {_datum(ingangsdatum)}: € {lo.norm_bedrag} per maand"
            if toekennen and ingangsdatum
            else "Bijstand afgewezen"
        ),
        user=actor.user,
        inwoner_id=lo.inwoner_id,
        beschikking=beschikking.pk,
    )
    return beschikking


# --- route by earning capacity ------------------------------------------------------------------


@transaction.atomic
def verdiencapaciteit_vastleggen(
    *,
    actor: Any,
    inwoner: Inwoner,
    vastgesteld_op: dt.date,
    percentage: Decimal,
    methode: str,
    toelichting: str = "",
    via: access.Via | None = None,
) -> Verdiencapaciteit:
    """Record the earning capacity (loonwaarde) with its date and method; the route follows from
    the municipality's thresholds in force that day (seed 003a R-PW1, R-PW2)."""
    actor = _toegang(actor, Action.AANMAKEN, inwoner.pk, via)
    if methode not in Methode.values:
        raise ValidationError({"methode": "Kies hoe de verdiencapaciteit is vastgesteld."})
    if vastgesteld_op > timezone.localdate():
        raise ValidationError({"vastgesteld_op": "De datum ligt in de toekomst."})
    if percentage is None or percentage < 0 or percentage > 300:
        raise ValidationError({"percentage": "Vul een percentage tussen 0 en 300 in."})
    drempels = drempels_op(inwoner.gemeente_id, vastgesteld_op)
    route = Route(regels.route(Decimal(percentage), drempels).value)
    vc = Verdiencapaciteit.objects.create(
        gemeente_id=inwoner.gemeente_id,
        inwoner=inwoner,
        vastgesteld_op=vastgesteld_op,
        percentage=percentage,
        methode=methode,
        toelichting=toelichting.strip(),
        route=route,
        drempel_direct=drempels.direct,
        drempel_werkspoor=drempels.werkspoor,
        drempels_bron=drempels.bron,
        vastgelegd_door=actor.user,
    )
    bus.publish_ids(
        "participatie.verdiencapaciteit_vastgesteld",
        record=vc,
        omschrijving=f"Verdiencapaciteit {percentage}% ({Methode(methode).label}): {route.label}",
        user=actor.user,
        inwoner_id=inwoner.pk,
        route=route.value,
    )
    return vc


EERSTE_FASE = {
    Route.DIRECT: TrajectFase.BEMIDDELING,
    Route.WERKSPOOR: TrajectFase.DIAGNOSE,
    Route.PARTICIPATIESPOOR: TrajectFase.PARTICIPATIE,
}
REVIEW_DAGEN = 182  # the Participatiespoor's periodic talk (seed 003a L3604-3610: "periodiek")


@transaction.atomic
def traject_starten(
    *,
    actor: Any,
    verdiencapaciteit: Verdiencapaciteit,
    begonnen_op: dt.date,
    via: access.Via | None = None,
) -> Traject:
    """Start the trajectory of the route the earning capacity gave: its first phase, and for the
    Participatiespoor the date of the first periodic review. One open trajectory per resident
    (refused with a message; a constraint holds it when two people act at once)."""
    inwoner = verdiencapaciteit.inwoner
    actor = _toegang(actor, Action.AANMAKEN, inwoner.pk, via)
    if begonnen_op < verdiencapaciteit.vastgesteld_op or begonnen_op > timezone.localdate():
        raise ValidationError(
            {"begonnen_op": "Het traject begint niet vóór de meting en niet in de toekomst."}
        )
    Inwoner.objects.select_for_update().get(pk=inwoner.pk)
    if Traject.objects.filter(inwoner=inwoner, beeindigd_op__isnull=True).exists():
        raise Conflict(
            {"begonnen_op": "Deze inwoner heeft al een lopend traject; sluit dat eerst af."}
        )
    route = Route(verdiencapaciteit.route)
    fase = EERSTE_FASE[route]
    traject = Traject.objects.create(
        gemeente_id=inwoner.gemeente_id,
        inwoner=inwoner,
        verdiencapaciteit=verdiencapaciteit,
        route=route,
        fase=fase,
        begonnen_op=begonnen_op,
        volgende_review_op=(
            begonnen_op + dt.timedelta(days=REVIEW_DAGEN)
            if route == Route.PARTICIPATIESPOOR
            else None
        ),
        vastgelegd_door=actor.user,
    )
    TrajectStap.objects.create(
        traject=traject, fase=fase, van=begonnen_op, vastgelegd_door=actor.user
    )
    bus.publish_ids(
        "participatie.traject_gestart",
        record=traject,
        omschrijving=f"{route.label} gestart op {_datum(begonnen_op)}: {fase.label}",
        user=actor.user,
        inwoner_id=inwoner.pk,
    )
    return traject


@transaction.atomic
@schrijft("traject")
def traject_stap_afronden(
    *,
    actor: Any,
    traject: Traject,
    op: dt.date,
    uitkomst: str,
    resultaat: str = "",
    via: access.Via | None = None,
) -> Traject:
    """Close the current step with its date and outcome. In the Werkspoor the next phase follows
    (diagnose → ontwikkeling → matching); after matching, or with a `resultaat`, the trajectory
    ends. `niet_haalbaar` ends the Werkspoor and hands the resident back to the regisseur (seed
    003a R-PW4). In the Participatiespoor a step is a periodic review: the next review date is
    set, or `naar_werkspoor` ends it to move up."""
    actor = _toegang(actor, Action.WIJZIGEN, traject.inwoner_id, via)
    if traject.beeindigd_op is not None:
        raise Conflict("Dit traject is al afgesloten.")
    if resultaat and resultaat not in TrajectResultaat.values:
        raise ValidationError({"resultaat": "Kies een resultaat uit de lijst."})
    if not uitkomst.strip():
        raise ValidationError({"uitkomst": "Beschrijf de uitkomst van deze stap."})
    stap = traject.stappen.filter(tot__isnull=True).order_by("-van", "-id").first()
    if stap is None:  # pragma: no cover - every open trajectory has an open step
        raise Conflict("Dit traject heeft geen open stap.")
    if op < stap.van or op > timezone.localdate():
        raise ValidationError({"op": "De datum ligt vóór het begin van de stap of in de toekomst."})
    stap.tot, stap.uitkomst = op, uitkomst.strip()
    stap.save(update_fields=["tot", "uitkomst", "updated_at"])
    route = Route(traject.route)
    volgende: TrajectFase | None = None
    if not resultaat:
        if route == Route.WERKSPOOR:
            index = WERKSPOOR_FASEN.index(TrajectFase(traject.fase))
            if index + 1 < len(WERKSPOOR_FASEN):
                volgende = WERKSPOOR_FASEN[index + 1]
            else:
                raise ValidationError(
                    {"resultaat": "Matching is de laatste fase: kies het resultaat."}
                )
        elif route == Route.PARTICIPATIESPOOR:
            volgende = TrajectFase.PARTICIPATIE
        else:
            raise ValidationError({"resultaat": "Kies het resultaat van de bemiddeling."})
    if volgende is not None:
        traject.fase = volgende
        if route == Route.PARTICIPATIESPOOR:
            traject.volgende_review_op = op + dt.timedelta(days=REVIEW_DAGEN)
        TrajectStap.objects.create(
            traject=traject, fase=volgende, van=op, vastgelegd_door=actor.user
        )
        tekst = f"{TrajectFase(stap.fase).label} afgerond; volgende: {volgende.label}"
    else:
        traject.beeindigd_op = op
        traject.resultaat = resultaat
        traject.volgende_review_op = None
        traject.terug_naar_regisseur = resultaat == TrajectResultaat.NIET_HAALBAAR
        tekst = f"{route.label} beëindigd: {TrajectResultaat(resultaat).label}"
    traject.save()
    bus.publish_ids(
        "participatie.traject_terug_naar_regisseur"
        if traject.terug_naar_regisseur
        else "participatie.traject_stap",
        record=traject,
        omschrijving=tekst,
        user=actor.user,
        inwoner_id=traject.inwoner_id,
    )
    return traject


# --- instruments and employers --------------------------------------------------------------------


def _overlapt(
    a_begin: dt.date, a_einde: dt.date | None, b_begin: dt.date, b_einde: dt.date | None
) -> bool:
    return (a_einde is None or b_begin <= a_einde) and (b_einde is None or a_begin <= b_einde)


@transaction.atomic
def werkgever_toevoegen(
    *,
    actor: Any,
    naam: str,
    grootte: str,
    kvk_nummer: str = "",
    plaats: str = "",
    via: access.Via | None = None,
) -> Werkgever:
    """Add an employer of the werkgeversbenadering (no personal data: decided on the role)."""
    actor = access.Actor.of(actor)
    access.require(
        actor,
        Resource.PARTICIPATIE,
        Action.AANMAKEN,
        via=via or access.SERVICE,
        doel=access.RULES[(Resource.PARTICIPATIE, Action.AANMAKEN)].doel,
    )
    if not naam.strip():
        raise ValidationError({"naam": "Vul de naam van de werkgever in."})
    if grootte not in Grootte.values:
        raise ValidationError({"grootte": "Kies de grootte van de werkgever."})
    if kvk_nummer and not (len(kvk_nummer) == 8 and kvk_nummer.isdigit()):
        raise ValidationError({"kvk_nummer": "Een KvK-nummer heeft 8 cijfers."})
    if Werkgever.objects.filter(gemeente_id=actor.gemeente_id, naam=naam.strip()).exists():
        raise Conflict({"naam": "Deze werkgever bestaat al."})
    return Werkgever.objects.create(
        gemeente_id=actor.gemeente_id,
        naam=naam.strip(),
        grootte=grootte,
        kvk_nummer=kvk_nummer,
        plaats=plaats.strip(),
    )


@transaction.atomic
def instrument_starten(
    *,
    actor: Any,
    inwoner: Inwoner,
    soort: str,
    begin: dt.date,
    einde: dt.date | None = None,
    uitvoerder: str = "",
    werkgever: Werkgever | None = None,
    loonwaarde: Decimal | None = None,
    via: access.Via | None = None,
) -> Instrument:
    """Start an instrument of the route (re-integratie, loonkostensubsidie, beschut werk,
    jobcoach, werkervaringsplek, inburgering) with its provider or employer. Refused: two of the
    same kind for the resident in overlapping periods; a placement without an employer;
    loonkostensubsidie without a loonwaarde under 100%; beschut werk beyond the region's
    places in the municipal setting."""
    actor = _toegang(actor, Action.AANMAKEN, inwoner.pk, via)
    if soort not in InstrumentSoort.values:
        raise ValidationError({"soort": "Kies het soort instrument."})
    if einde is not None and einde < begin:
        raise ValidationError({"einde": "Het einde ligt vóór het begin."})
    if soort in BIJ_WERKGEVER and werkgever is None:
        raise ValidationError(
            {"werkgever": f"{InstrumentSoort(soort).label} is bij een werkgever: kies die."}
        )
    if werkgever is not None and werkgever.gemeente_id != inwoner.gemeente_id:
        raise ValidationError({"werkgever": "Kies een werkgever van de eigen gemeente."})
    if soort not in BIJ_WERKGEVER and not uitvoerder.strip():
        raise ValidationError({"uitvoerder": "Vul in wie het instrument uitvoert."})
    if soort == InstrumentSoort.LOONKOSTENSUBSIDIE and (
        loonwaarde is None or not Decimal(0) < loonwaarde < Decimal(100)
    ):
        raise ValidationError(
            {"loonwaarde": "Loonkostensubsidie vraagt een loonwaarde tussen 0 en 100%."}
        )
    Inwoner.objects.select_for_update().get(pk=inwoner.pk)
    for ander in Instrument.objects.filter(inwoner=inwoner, soort=soort):
        if _overlapt(ander.begin, ander.einde, begin, einde):
            raise Conflict(
                {
                    "begin": f"{inwoner.naam} heeft in deze periode al een "
                    f"{InstrumentSoort(soort).label.lower()} (vanaf {_datum(ander.begin)}); "
                    "trajecten van dezelfde soort overlappen niet."
                }
            )
    if soort == InstrumentSoort.BESCHUT_WERK:
        plaatsen, bron = beschut_werk_plaatsen_op(inwoner.gemeente_id, begin)
        if plaatsen is not None:
            Gemeente.objects.select_for_update().get(pk=inwoner.gemeente_id)
            bezet = (
                Instrument.objects.filter(
                    gemeente_id=inwoner.gemeente_id,
                    soort=InstrumentSoort.BESCHUT_WERK,
                    begin__lte=begin,
                )
                .filter(Q(einde__isnull=True) | Q(einde__gte=begin))
                .count()
            )
            if bezet >= plaatsen:
                raise ValidationError(
                    {"soort": f"Alle {plaatsen} plaatsen beschut werk zijn bezet ({bron})."}
                )
    traject = Traject.objects.filter(inwoner=inwoner, beeindigd_op__isnull=True).first()
    instrument = Instrument.objects.create(
        gemeente_id=inwoner.gemeente_id,
        inwoner=inwoner,
        traject=traject,
        soort=soort,
        begin=begin,
        einde=einde,
        uitvoerder=uitvoerder.strip(),
        werkgever=werkgever,
        loonwaarde=loonwaarde,
        vastgelegd_door=actor.user,
    )
    bij = f" bij {werkgever.naam}" if werkgever else f" ({uitvoerder.strip()})"
    bus.publish_ids(
        "participatie.instrument_gestart",
        record=instrument,
        omschrijving=f"{InstrumentSoort(soort).label}{bij} vanaf {_datum(begin)}",
        user=actor.user,
        inwoner_id=inwoner.pk,
    )
    return instrument


@transaction.atomic
def instrument_afronden(
    *,
    actor: Any,
    instrument: Instrument,
    einde: dt.date,
    resultaat: str,
    via: access.Via | None = None,
) -> Instrument:
    """End an instrument with its result."""
    actor = _toegang(actor, Action.WIJZIGEN, instrument.inwoner_id, via)
    instrument = Instrument.objects.select_for_update().get(pk=instrument.pk)
    if instrument.resultaat:
        raise Conflict("Dit instrument is al afgerond.")
    if resultaat not in InstrumentResultaat.values:
        raise ValidationError({"resultaat": "Kies het resultaat."})
    if einde < instrument.begin or einde > timezone.localdate():
        raise ValidationError({"einde": "Het einde ligt vóór het begin of in de toekomst."})
    instrument.einde, instrument.resultaat = einde, resultaat
    instrument.save(update_fields=["einde", "resultaat", "updated_at"])
    bus.publish_ids(
        "participatie.instrument_afgerond",
        record=instrument,
        omschrijving=f"{instrument.get_soort_display()} afgerond op {_datum(einde)}: "
        f"{InstrumentResultaat(resultaat).label.lower()}",
        user=actor.user,
        inwoner_id=instrument.inwoner_id,
    )
    return instrument


# --- tegenprestatie ----------------------------------------------------------------------------


def heeft_bijstand(inwoner: Inwoner) -> bool:
    """Whether the resident (or their partner on the application) receives bijstand: a granted
    beschikking on an aanvraag levensonderhoud."""
    # Every table of the query is held to the resident's municipality (issue 16), in the one
    # filter() so the aanvraag and beschikking joins are the same ones the outcome uses.
    return LevensonderhoudAanvraag.objects.filter(
        Q(inwoner=inwoner) | Q(partner=inwoner),
        gemeente_id=inwoner.gemeente_id,
        aanvraag__gemeente_id=inwoner.gemeente_id,
        aanvraag__beschikkingen__gemeente_id=inwoner.gemeente_id,
        aanvraag__beschikkingen__voorzieningen__uitkomst__in=[Uitkomst.TOEGEKEND, Uitkomst.DEELS],
    ).exists()


@transaction.atomic
def tegenprestatie_vastleggen(
    *,
    actor: Any,
    inwoner: Inwoner,
    omschrijving: str,
    uren_per_week: Decimal,
    begin: dt.date,
    einde: dt.date | None,
    naar_vermogen: str,
    onbetaald: bool,
    additioneel: bool,
    gericht_op_arbeidsinschakeling: bool,
    maatschappelijk_nuttig: bool,
    belemmert_arbeidsinschakeling: bool = False,
    via: access.Via | None = None,
) -> Tegenprestatie:
    """Record a tegenprestatie against the conditions (Participatiewet art. 9 lid 1 onder c;
    seed 003b §4.3): refused, with what it is instead, when one fails; never from 1 January
    2027 (maatschappelijke participatie)."""
    actor = _toegang(actor, Action.AANMAKEN, inwoner.pk, via)
    werkspoor = Traject.objects.filter(
        inwoner=inwoner, beeindigd_op__isnull=True, route=Route.WERKSPOOR
    ).exists()
    toets = regels.Tegenprestatie(
        omschrijving=omschrijving,
        uren_per_week=uren_per_week,
        begin=begin,
        einde=einde,
        onbetaald=onbetaald,
        additioneel=additioneel,
        gericht_op_arbeidsinschakeling=gericht_op_arbeidsinschakeling,
        maatschappelijk_nuttig=maatschappelijk_nuttig,
        naar_vermogen=naar_vermogen,
        heeft_bijstand=heeft_bijstand(inwoner),
        werkspoor=werkspoor,
        belemmert_arbeidsinschakeling=belemmert_arbeidsinschakeling,
    )
    fouten = regels.tegenprestatie_fouten(toets)
    if fouten:
        raise ValidationError({"omschrijving": fouten})
    assert einde is not None  # tegenprestatie_fouten refuses an open end
    tp = Tegenprestatie.objects.create(
        gemeente_id=inwoner.gemeente_id,
        inwoner=inwoner,
        omschrijving=omschrijving.strip(),
        uren_per_week=uren_per_week,
        begin=begin,
        einde=einde,
        naar_vermogen=naar_vermogen.strip(),
        voorwaarden={
            "onbetaald": onbetaald,
            "additioneel": additioneel,
            "gericht_op_arbeidsinschakeling": gericht_op_arbeidsinschakeling,
            "maatschappelijk_nuttig": maatschappelijk_nuttig,
            "werkspoor": werkspoor,
            "belemmert_arbeidsinschakeling": belemmert_arbeidsinschakeling,
        },
        vastgelegd_door=actor.user,
    )
    bus.publish_ids(
        "participatie.tegenprestatie_vastgelegd",
        record=tp,
        omschrijving=f"Tegenprestatie: {tp.omschrijving[:120]} ({uren_per_week} uur per week, "
        f"{_datum(begin)} tot {_datum(einde)})",
        user=actor.user,
        inwoner_id=inwoner.pk,
    )
    return tp


# --- maatregelen ------------------------------------------------------------------------------

WAARSCHUWING_GELDIG_DAGEN = 365  # a warning counts for a year (the example verordening)


def _impact(lo: LevensonderhoudAanvraag, op: dt.date, verlaging: Decimal | None, extra: str) -> str:
    kinderen = [
        lid.inwoner
        for lid in _leden_op(lo.huishouden, op)
        if lid.relatie == Relatie.KIND and lid.inwoner.leeftijd_op(op) < 18
    ]
    delen = []
    if verlaging is not None:
        delen.append(
            f"De bijstand van het huishouden gaat € {verlaging} per maand omlaag (norm "
            f"€ {lo.norm_bedrag}); huur en vaste lasten lopen door."
        )
    if kinderen:
        delen.append(
            f"In het huishouden wonen {len(kinderen)} minderjarige kinderen: weeg hun belang mee "
            "(art. 18 lid 2: afstemmen op de omstandigheden)."
            if len(kinderen) > 1
            else "In het huishouden woont een minderjarig kind: weeg zijn of haar belang mee "
            "(art. 18 lid 2: afstemmen op de omstandigheden)."
        )
    if extra.strip():
        delen.append(extra.strip())
    return " ".join(delen) or "Geen bijzondere gevolgen voor het huishouden vastgelegd."


@transaction.atomic
def maatregel_opleggen(
    *,
    actor: Any,
    lo: LevensonderhoudAanvraag,
    soort: str,
    categorie: str,
    gedraging: str,
    besloten_op: dt.date,
    ingangsdatum: dt.date | None = None,
    impact_toelichting: str = "",
    via: access.Via | None = None,
) -> Maatregel:
    """A warning or a lowering of granted bijstand by the verordening's category (percentage and
    duration as data, Participatiewet art. 18 lid 2), with an impact note on the household.
    Refused: no granted bijstand; an unknown category; a lowering without a prior warning where
    the verordening demands one."""
    actor = _toegang(actor, Action.BESLISSEN, lo.inwoner_id, via)
    LevensonderhoudAanvraag.objects.select_for_update().get(pk=lo.pk)
    if soort not in MaatregelSoort.values:
        raise ValidationError({"soort": "Kies waarschuwing of verlaging."})
    if not gedraging.strip():
        raise ValidationError({"gedraging": "Beschrijf wat de inwoner naliet, met de datum."})
    if besloten_op > timezone.localdate():
        raise ValidationError({"besloten_op": "De besluitdatum ligt in de toekomst."})
    if not heeft_bijstand(lo.inwoner):
        raise ValidationError(
            {"soort": "Een maatregel verlaagt toegekende bijstand; die is er niet."}
        )
    verordening, bron = maatregelen_op(lo.gemeente_id, besloten_op)
    regel = verordening.get(categorie)
    if regel is None:
        raise ValidationError({"categorie": "Kies een categorie uit de verordening."})
    verlaging = None
    if soort == MaatregelSoort.VERLAGING:
        if ingangsdatum is None:
            raise ValidationError({"ingangsdatum": "Vul de ingangsdatum van de verlaging in."})
        if (
            regel.waarschuwing_eerst
            and not lo.maatregelen.filter(
                soort=MaatregelSoort.WAARSCHUWING,
                categorie=categorie,
                besloten_op__gte=besloten_op - dt.timedelta(days=WAARSCHUWING_GELDIG_DAGEN),
                besloten_op__lte=besloten_op,
            ).exists()
        ):
            raise ValidationError(
                {
                    "soort": "De verordening vraagt bij deze categorie eerst een schriftelijke "
                    "waarschuwing (in de twaalf maanden ervoor); die is er niet."
                }
            )
        verlaging = regels.verlaging(lo.norm_bedrag, regel)
    maatregel = Maatregel.objects.create(
        gemeente_id=lo.gemeente_id,
        aanvraag=lo,
        soort=soort,
        categorie=categorie,
        categorie_omschrijving=regel.omschrijving,
        gedraging=gedraging.strip(),
        besloten_op=besloten_op,
        percentage=regel.percentage if verlaging is not None else None,
        maanden=regel.maanden if verlaging is not None else None,
        verlaging_per_maand=verlaging,
        ingangsdatum=ingangsdatum if verlaging is not None else None,
        verordening_bron=bron[:400],
        impact=_impact(lo, besloten_op, verlaging, impact_toelichting),
        vastgelegd_door=actor.user,
    )
    bus.publish_ids(
        "participatie.maatregel",
        record=lo,
        omschrijving=(
            f"Verlaging van de bijstand: {regel.percentage}% gedurende {regel.maanden} maand(en), "
            f"€ {verlaging} per maand"
            if verlaging is not None
            else f"Schriftelijke waarschuwing ({regel.omschrijving})"
        ),
        user=actor.user,
        inwoner_id=lo.inwoner_id,
        huishouden_id=lo.huishouden_id,
    )
    return maatregel


# --- work goals in the household plan (issue 14) ----------------------------------------------

GEEN_WERKDOMEIN = (
    "Dit doel hoort niet bij werk en inkomen: alleen een doel van het leefgebied werk en "
    "opleiding of financiën wordt aan een traject of instrument gekoppeld."
)
GEEN_DEELNAME = (
    "Het Werkplein neemt nog niet met toestemming van de inwoner aan dit plan deel: de regisseur "
    "voegt het Werkplein als deelnemer toe, met de toestemming van de inwoner."
)


def werkplein_deelname(plan: Plan, op: dt.date) -> Any:
    """The Werkplein's participation in `plan` that holds on `op` (a participant of kind
    Werkplein with the resident's unwithdrawn consent, `plannen.Deelnemer.soort`), or None."""
    for deelnemer in plan.deelnemers.select_related("toestemming").filter(
        soort=DeelnemerSoort.WERKPLEIN
    ):
        t = deelnemer.toestemming
        if t.gegeven_op <= op and (t.ingetrokken_op is None or t.ingetrokken_op > op):
            return deelnemer
    return None


@transaction.atomic
def werkdoel_koppelen(
    *,
    actor: Any,
    doel: Any,
    traject: Traject | None = None,
    instrument: Instrument | None = None,
    via: access.Via | None = None,
) -> Any:
    """Link a goal of the household plan in a work-and-income life domain to the resident's
    trajectory or instrument. Refused (Dutch, nothing stored): another life domain, a plan no
    longer active, a trajectory or instrument of someone else, a goal already linked, and a
    plan the Werkplein does not take part in with the resident's consent."""
    actor = _toegang(actor, Action.WIJZIGEN, doel.inwoner_id, via)
    access.require(
        actor,
        Resource.PLAN,
        Action.LEZEN,
        via=via or access.SERVICE,
        huishouden=doel.plan.huishouden_id,
    )
    vandaag = timezone.localdate()
    if (traject is None) == (instrument is None):
        raise ValidationError("Kies een traject of een instrument om het doel aan te koppelen.")
    if doel.leefgebied.code not in WERK_LEEFGEBIEDEN:  # ZRM: werk en opleiding, financiën
        raise ValidationError({"doel": GEEN_WERKDOMEIN})
    if doel.plan.status not in ACTIEVE_STATUSSEN:
        raise ValidationError(
            {"doel": "Dit plan loopt niet meer: koppel een doel van het plan dat nu geldt."}
        )
    werk: Traject | Instrument = traject or instrument  # type: ignore[assignment]
    if werk.inwoner_id != doel.inwoner_id:
        raise ValidationError(
            "Het traject of instrument is van een ander dan de inwoner van dit doel."
        )
    deelnemer = werkplein_deelname(doel.plan, vandaag)
    if deelnemer is None:
        raise ValidationError(GEEN_DEELNAME)
    if Werkdoel.objects.filter(doel=doel).exists():
        raise Conflict("Dit doel is al aan een traject of instrument gekoppeld.")
    werkdoel = Werkdoel.objects.create(
        gemeente_id=doel.plan.huishouden.gemeente_id,
        doel=doel,
        deelnemer=deelnemer,
        traject=traject,
        instrument=instrument,
        gekoppeld_op=vandaag,
        vastgelegd_door=actor.user,
    )
    wat = (
        f"traject {traject.get_route_display()}"
        if traject is not None
        else f"instrument {instrument.get_soort_display()}"  # type: ignore[union-attr]
    )
    bus.publish_ids(
        "participatie.werkdoel_gekoppeld",
        record=werkdoel,
        omschrijving=f"Doel '{doel.omschrijving[:60]}' van het plan gekoppeld aan {wat}",
        user=actor.user,
        inwoner_id=doel.inwoner_id,
        huishouden_id=doel.plan.huishouden_id,
    )
    return werkdoel
