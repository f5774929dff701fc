"""Demo debt help (issue 14), through the schuldhulp services, as the Werkplein consultant.

About 1% of the adults get a signal of payment arrears in the last three months (rent most
often, then energy, health insurance and water; one in ten with a threat), most are contacted,
and about two thirds of those ask for help. Their debt questions are triaged (about half light)
and follow the route: the light ones close, the heavy ones reach stabilisation, some are
admitted and start a minnelijk traject, one in a while goes to the WSNP. A first conversation is
usually in time, sometimes late, so the indicators have something to show. The shares are the
demo's own: no seed gives them."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q

from eenplan.beschikkingen.services import beschikking_send
from eenplan.common.concurrency import Conflict
from eenplan.gemeente.models import Gemeente, Medewerker
from eenplan.inwoners.models import HuishoudenLid
from eenplan.schuldhulp import services

MAXIMUM = 500  # signals through the services: one in a hundred adults, at most this many
SOORTEN = [("huur", 5), ("energie", 3), ("zorgverzekering", 2), ("drinkwater", 1)]
SCHULDEISERS = {
    "huur": ["Woonstichting Maasdal", "Wonen Limburg", "Particuliere verhuurder"],
    "energie": ["Energie Zuid", "Groene Stroom"],
    "zorgverzekering": ["Zorgverzekeraar Limburg", "CZ-achtige verzekeraar"],
    "drinkwater": ["Waterbedrijf Limburg"],
}
DREIGING = {
    "huur": "ontruiming",
    "energie": "afsluiting_energie",
    "drinkwater": "afsluiting_water",
    "zorgverzekering": "opzegging_zorgverzekering",
}


def build_schuldhulp(*, gemeente: Gemeente, rng: random.Random, vandaag: dt.date) -> int:
    """Signals, contact attempts and debt questions with their route; returns the number of
    debt questions."""
    werkplein = Medewerker.objects.filter(gemeente=gemeente, user__username="werkplein").first()
    if werkplein is None:
        return 0
    door = werkplein.user
    achttien = dt.date(vandaag.year - 18, vandaag.month, min(vandaag.day, 28))
    # Ids only (never a million model objects: the demo at scale stays within its memory), and
    # at most MAXIMUM through the services; the chosen are fetched whole afterwards.
    leden = list(
        HuishoudenLid.objects.filter(
            huishouden__gemeente=gemeente,
            lid_van__lte=vandaag,
            inwoner__geboortedatum__lte=achttien,
        )
        .filter(Q(lid_tot__isnull=True) | Q(lid_tot__gt=vandaag))
        .order_by("id")
        .values_list("id", flat=True)
    )
    if not leden:
        return 0
    ids = rng.sample(leden, k=min(len(leden), MAXIMUM, max(5, len(leden) // 100)))
    per_id = HuishoudenLid.objects.select_related("inwoner", "inwoner__gemeente").in_bulk(ids)
    gekozen = [per_id[pk] for pk in ids]
    vragen = 0
    for lid in gekozen:
        inwoner = lid.inwoner
        soort = rng.choices([s for s, _ in SOORTEN], weights=[w for _, w in SOORTEN])[0]
        dreiging = DREIGING[soort] if rng.random() < 0.1 else ""
        ontvangen = vandaag - dt.timedelta(days=rng.randint(10, 90))
        try:
            signaal = services.signaal_registreren(
                actor=door,
                inwoner=inwoner,
                schuldeiser_soort=soort,
                schuldeiser=rng.choice(SCHULDEISERS[soort]),
                bedrag=Decimal(rng.randint(150, 2500)),
                ontvangen_op=ontvangen,
                dreiging=dreiging,
            )
        except (ValidationError, PermissionDenied):
            continue
        if rng.random() < 0.15:
            continue  # not contacted yet
        contact = ontvangen + dt.timedelta(days=rng.randint(1, 5))
        bereikt = rng.random() < 0.75
        services.contact_vastleggen(
            actor=door,
            signaal=signaal,
            op=contact,
            wijze=rng.choice(["telefoon", "brief", "huisbezoek"]),
            bereikt=bereikt,
        )
        if not bereikt or rng.random() < 0.35:
            continue
        if _route(signaal, dreiging=dreiging, verzoek=contact, rng=rng, door=door, vandaag=vandaag):
            vragen += 1
    return vragen


def _route(signaal, *, dreiging, verzoek, rng, door, vandaag) -> bool:  # type: ignore[no-untyped-def]
    try:
        vraag = services.schuldvraag_aanmelden(
            actor=door,
            inwoner=signaal.inwoner,
            verzoek_op=verzoek,
            dreiging=dreiging,
            signaal=signaal,
        )
    except (ValidationError, Conflict, PermissionDenied):
        return False
    termijn = (vraag.eerste_gesprek_uiterlijk - verzoek).days
    gesprek = verzoek + dt.timedelta(
        days=rng.randint(1, termijn) if rng.random() < 0.85 else termijn + rng.randint(1, 10)
    )
    if gesprek > vandaag:
        return True  # the first conversation is still to come
    services.fase_vastleggen(actor=door, vraag=vraag, fase="eerste_gesprek", op=gesprek)
    if dreiging:
        uitkomst = "crisisinterventie"
    else:
        uitkomst = rng.choices(
            ["info_advies", "budgetcoaching", "schuldhulproute"], weights=[3, 3, 4]
        )[0]
    services.triage_vastleggen(actor=door, vraag=vraag, uitkomst=uitkomst, op=gesprek)
    if uitkomst in ("info_advies", "budgetcoaching"):
        services.fase_vastleggen(
            actor=door,
            vraag=vraag,
            fase="afgerond",
            op=gesprek,
            uitkomst="Advies gegeven; budgetcoaching via het lokale netwerk."
            if uitkomst == "budgetcoaching"
            else "Informatie en advies gegeven.",
        )
        return True
    besluit = min(vandaag, gesprek + dt.timedelta(days=rng.randint(5, 40)))
    geweigerd = rng.random() < 0.1
    vraag = services.toelating_beslissen(
        actor=door,
        vraag=vraag,
        toelating="geweigerd" if geweigerd else "toegelaten",
        besloten_op=besluit,
        motivering="De inwoner kwam niet op de afspraken en leverde de stukken niet aan."
        if geweigerd
        else "Problematische schulden; de inwoner werkt mee.",
        grond="Geen medewerking: de gevraagde gegevens ontbreken (beleidsregels "
        "schuldhulpverlening)."
        if geweigerd
        else "",
    )
    # The letter goes out the next day (ADR 0041): its text and PDF, the bezwaar term from the
    # send date, the send channels and the timeline's step, as every beschikking.
    beschikking_send(
        beschikking=vraag.beschikking,
        actor=door,
        op=min(vandaag, besluit + dt.timedelta(days=1)),
    )
    if geweigerd:
        services.fase_vastleggen(
            actor=door,
            vraag=vraag,
            fase="afgerond",
            op=min(vandaag, besluit + dt.timedelta(days=1)),
            uitkomst="Toelating geweigerd; verwezen naar het informatiepunt geldzaken.",
        )
        return True
    services.fase_vastleggen(
        actor=door,
        vraag=vraag,
        fase="stabilisatie",
        op=besluit,
        uitkomst="Intake en plan van aanpak klaar.",
    )
    minnelijk = besluit + dt.timedelta(days=rng.randint(20, 60))
    if minnelijk > vandaag or rng.random() < 0.5:
        return True
    services.fase_vastleggen(
        actor=door,
        vraag=vraag,
        fase="minnelijk",
        op=minnelijk,
        uitkomst="Inkomen en vaste lasten stabiel; schulden in beeld.",
    )
    if rng.random() < 0.2:
        services.fase_vastleggen(
            actor=door,
            vraag=vraag,
            fase="wsnp",
            op=min(vandaag, minnelijk + dt.timedelta(days=30)),
            uitkomst="Niet alle schuldeisers stemmen in; verwezen naar de WSNP.",
        )
    return True
