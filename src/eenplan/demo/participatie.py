"""Work and income in the demo (issue 14): about 3.5% of the adults of working age apply for
bijstand through the Werkplein; most are granted at their household's norm (some still wait,
a few with a voorschot), and many get their earning capacity measured with the route and a
trajectory in its phases. Everything goes through the participatie services, so the dossier
timeline, the household plan's aanvragen and the access log are as in real use."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Q

from eenplan.beschikkingen.services import beschikking_send
from eenplan.inwoners.models import Huishouden, HuishoudenLid
from eenplan.participatie import services
from eenplan.participatie.constants import (
    BIJ_WERKGEVER,
    Grootte,
    InstrumentSoort,
    MaatregelSoort,
    Methode,
    Route,
    TrajectResultaat,
)
from eenplan.rules.participatie import TEGENPRESTATIE_TOT, leeftijd, pensioengerechtigd

AANDEEL = 0.035  # of the adults of working age (issue 14: "about 3-5% of adults on a benefit")
MAXIMUM = 800  # keeps `make bench` (100,000 residents) within its time
WERKDOELEN_MAX = 60  # work goals in household plans (issue 14), through the services
WERKDOELEN_MIN = 5  # when fewer households with a trajectory have a plan, plans are opened


def build_participatie(*, gemeente: Any, rng: random.Random, vandaag: dt.date, door: Any) -> int:
    """Applications, decisions, voorschotten, earning capacities and trajectories; returns the
    number of applications."""
    # Ids and birth dates only (never a million model objects: the demo at scale stays within
    # its memory); the few chosen are fetched whole afterwards.
    volwassenen = [
        (pk, huishouden_id)
        for pk, huishouden_id, geboren in HuishoudenLid.objects.filter(
            huishouden__gemeente=gemeente, lid_van__lte=vandaag
        )
        .filter(Q(lid_tot__isnull=True) | Q(lid_tot__gt=vandaag))
        .order_by("id")
        .values_list("id", "huishouden_id", "inwoner__geboortedatum")
        .iterator(chunk_size=10_000)
        if leeftijd(geboren, vandaag) >= 18 and not pensioengerechtigd(geboren, vandaag)
    ]
    gekozen_ids: dict[int, int] = {}
    for pk, huishouden_id in rng.sample(
        volwassenen, min(len(volwassenen), round(len(volwassenen) * AANDEEL))
    ):
        gekozen_ids.setdefault(huishouden_id, pk)  # one applicant per household
    ids = list(gekozen_ids.values())[:MAXIMUM]
    per_id = HuishoudenLid.objects.select_related("inwoner", "huishouden").in_bulk(ids)
    gekozen = [per_id[pk] for pk in ids]
    werkgevers = [
        services.werkgever_toevoegen(actor=door, naam=naam, grootte=grootte, plaats="Maasdal")
        for naam, grootte in WERKGEVERS
    ]
    aantal = 0
    trajecten: list[Any] = []
    for lid in gekozen:
        dagen = rng.randint(1, 400)
        ontvangen = vandaag - dt.timedelta(days=dagen)
        gemeld = ontvangen - dt.timedelta(days=rng.randint(29, 40))
        if gemeld < dt.date(2021, 7, 1):
            continue
        try:
            lo = services.levensonderhoud_aanvragen(
                actor=door,
                huishouden=lid.huishouden,
                inwoner=lid.inwoner,
                gemeld_op=gemeld,
                ontvangen_op=ontvangen,
            )
        except Exception:  # noqa: BLE001,S112 - a demo household that does not fit is skipped
            continue
        aantal += 1
        if dagen > 30 and rng.random() < 0.4:
            services.voorschot_verlenen(
                actor=door,
                lo=lo,
                verleend_op=ontvangen + dt.timedelta(days=28),
                bedrag=(lo.norm_bedrag * Decimal("0.9")).quantize(Decimal("0.01")),
            )
        if dagen > 45:
            toekennen = rng.random() < 0.85
            besloten = min(vandaag, ontvangen + dt.timedelta(days=rng.randint(20, 55)))
            beschikking = services.levensonderhoud_beslissen(
                actor=door,
                lo=lo,
                besloten_op=besloten,
                toekennen=toekennen,
                ingangsdatum=gemeld if toekennen else None,
                motivering="Geen of onvoldoende middelen; recht op algemene bijstand."
                if toekennen
                else "Het inkomen van het huishouden ligt boven de norm.",
            )
            # Sent the next working day like the Wmo decisions: the letter as sent (text and
            # PDF), the bezwaar term, the send channels and the timeline's step.
            verzonden = min(vandaag, besloten + dt.timedelta(days=1))
            beschikking_send(beschikking=beschikking, actor=door, op=verzonden)
            if toekennen and rng.random() < 0.7:
                traject = _route(
                    lo.inwoner,
                    rng=rng,
                    vanaf=ontvangen,
                    vandaag=vandaag,
                    door=door,
                    werkgevers=werkgevers,
                )
                trajecten.append((lid.huishouden_id, traject))
            if toekennen and rng.random() < 0.08:
                _maatregel(lo, rng=rng, vandaag=vandaag, door=door)
    build_werkdoelen(trajecten, rng=rng, vandaag=vandaag, door=door)
    return aantal


def build_werkdoelen(
    trajecten: list[tuple[int, Any]], *, rng: random.Random, vandaag: dt.date, door: Any
) -> int:
    """Work goals in the one plan (issue 14): of the residents with a trajectory whose household
    already has an active plan (one query over the chosen households' ids, never all
    residents), at most `WERKDOELEN_MAX` get the Werkplein as a participant with the consent of
    the resident (recorded by the generalist who opened the plan), a goal of the life domain
    'werk en opleiding' and that goal linked to their trajectory. When fewer than
    `WERKDOELEN_MIN` have a plan, a generalist of the resident's wijk opens one for a few more.
    Returns the number linked."""
    from eenplan.gemeente.constants import Rol
    from eenplan.gemeente.models import Medewerker
    from eenplan.onderzoeken.models import Leefgebied
    from eenplan.plannen import services as plannen
    from eenplan.plannen.constants import ACTIEVE_STATUSSEN, DeelnemerSoort, Doeltype
    from eenplan.plannen.models import Plan
    from eenplan.privacy.services import toestemming_give

    leefgebied = Leefgebied.objects.filter(code="dagbesteding").order_by("id").first()
    if leefgebied is None or not trajecten:
        return 0
    plannen_per_huishouden = {
        plan.huishouden_id: plan
        for plan in Plan.objects.filter(
            huishouden_id__in=[h for h, _ in trajecten], status__in=ACTIEVE_STATUSSEN
        ).select_related("aangemaakt_door", "huishouden")
    }
    kandidaten = [
        (plannen_per_huishouden[h], t) for h, t in trajecten if h in plannen_per_huishouden
    ]
    zonder = [t for h, t in trajecten if h not in plannen_per_huishouden]
    for traject in rng.sample(zonder, min(len(zonder), WERKDOELEN_MIN - len(kandidaten))):
        generalist = (
            Medewerker.objects.filter(
                gemeente_id=traject.gemeente_id,
                functie=Rol.GENERALIST,
                teams__wijken=traject.inwoner.wijk_id,
            )
            .select_related("user")
            .order_by("id")
            .first()
        )
        huishouden = next((h for h, t in trajecten if t is traject), None)
        if generalist is None or huishouden is None:
            continue
        try:
            with transaction.atomic():
                plan = plannen.plan_open(
                    huishouden=Huishouden.objects.get(pk=huishouden), actor=generalist.user
                )
        except Exception:  # noqa: BLE001,S112 - a household this generalist does not serve
            continue
        kandidaten.append((plan, traject))
    gekoppeld = 0
    for plan, traject in rng.sample(kandidaten, min(len(kandidaten), WERKDOELEN_MAX)):
        generalist = plan.aangemaakt_door
        try:
            with transaction.atomic():
                if services.werkplein_deelname(plan, vandaag) is None:
                    toestemming = toestemming_give(
                        inwoner=traject.inwoner,
                        aan="Werkplein",
                        doel="Deelnemen aan het plan: werk en inkomen",
                        gegeven_op=vandaag - dt.timedelta(days=rng.randint(0, 20)),
                        door=generalist,
                    )
                    plannen.deelnemer_add(
                        plan=plan,
                        rol="Consulent werk en inkomen",
                        toestemming=toestemming,
                        actor=generalist,
                        soort=DeelnemerSoort.WERKPLEIN,
                    )
                doel = plannen.doel_add(
                    plan=plan,
                    inwoner=traject.inwoner,
                    leefgebied=leefgebied,
                    omschrijving=rng.choice(WERKDOELEN),
                    doeltype=Doeltype.VERSTERKEN,
                    actor=generalist,
                )
                services.werkdoel_koppelen(actor=door, doel=doel, traject=traject)
        except Exception:  # noqa: BLE001,S112 - a plan this generalist no longer serves is skipped
            continue
        gekoppeld += 1
    return gekoppeld


WERKDOELEN = [
    "Binnen een half jaar betaald werk, twintig uur per week",
    "Een werkervaringsplek vinden die past bij wat ik kan",
    "Elke week twee dagen vrijwilligerswerk als opstap naar werk",
    "Een vakdiploma halen in de logistiek",
]


def _route(
    inwoner: Any,
    *,
    rng: random.Random,
    vanaf: dt.date,
    vandaag: dt.date,
    door: Any,
    werkgevers: list[Any],
) -> Any:
    gemeten = min(vandaag, vanaf + dt.timedelta(days=rng.randint(14, 60)))
    percentage = Decimal(rng.choice([15, 25, 35, 45, 55, 65, 75, 85, 100, 110]))
    vc = services.verdiencapaciteit_vastleggen(
        actor=door,
        inwoner=inwoner,
        vastgesteld_op=gemeten,
        percentage=percentage,
        methode=rng.choice(Methode.values),
    )
    traject = services.traject_starten(actor=door, verdiencapaciteit=vc, begonnen_op=gemeten)
    dag = gemeten
    for _stap in range(rng.randint(0, 3)):
        dag = dag + dt.timedelta(days=rng.randint(30, 90))
        if dag > vandaag or traject.beeindigd_op:
            break
        resultaat = ""
        if vc.route == Route.DIRECT or traject.fase == "matching":
            resultaat = rng.choice([TrajectResultaat.WERK, TrajectResultaat.NIET_HAALBAAR])
        traject = services.traject_stap_afronden(
            actor=door,
            traject=traject,
            op=dag,
            uitkomst="Gesprek gevoerd; afspraken in het plan gezet.",
            resultaat=resultaat,
        )

    _instrument(traject, rng=rng, vandaag=vandaag, door=door, werkgevers=werkgevers)
    if traject.route == Route.PARTICIPATIESPOOR and rng.random() < 0.5:
        begin = min(vandaag, TEGENPRESTATIE_TOT - dt.timedelta(days=1))
        services.tegenprestatie_vastleggen(
            actor=door,
            inwoner=inwoner,
            omschrijving=rng.choice(TEGENPRESTATIES),
            uren_per_week=Decimal(rng.choice([2, 3, 4])),
            begin=begin,
            einde=begin + dt.timedelta(days=rng.choice([60, 90, 180])),
            naar_vermogen="Afgesproken in het gesprek; past bij interesse en belastbaarheid.",
            onbetaald=True,
            additioneel=True,
            gericht_op_arbeidsinschakeling=False,
            maatschappelijk_nuttig=True,
        )
    return traject


WERKGEVERS = [
    ("Bakkerij Verhoeven", Grootte.KLEIN),
    ("Groenvoorziening Maasdal", Grootte.MIDDEN),
    ("Zorgboerderij De Hoeve", Grootte.KLEIN),
    ("Logistiek Centrum Maasoever", Grootte.GROOT),
    ("SW-bedrijf Noord-Limburg", Grootte.GROOT),
]
TEGENPRESTATIES = [
    "Voorlezen aan kinderen in de bibliotheek",
    "Tuinonderhoud bij ouderen in de wijk",
    "Helpen bij de speeltuinvereniging",
    "Taalmaatje voor een inburgeraar",
]


def _instrument(
    traject: Any, *, rng: random.Random, vandaag: dt.date, door: Any, werkgevers: list[Any]
) -> None:
    begin = min(vandaag, traject.begonnen_op + dt.timedelta(days=rng.randint(7, 30)))
    if traject.route == Route.WERKSPOOR:
        soort = rng.choice(
            [
                InstrumentSoort.WERKERVARINGSPLEK,
                InstrumentSoort.JOBCOACH,
                InstrumentSoort.LOONKOSTENSUBSIDIE,
                InstrumentSoort.REINTEGRATIE,
            ]
        )
    elif traject.route == Route.PARTICIPATIESPOOR:
        soort = rng.choice([InstrumentSoort.BESCHUT_WERK, InstrumentSoort.INBURGERING])
    else:
        return
    services.instrument_starten(
        actor=door,
        inwoner=traject.inwoner,
        soort=soort,
        begin=begin,
        einde=begin + dt.timedelta(days=180),
        uitvoerder="" if soort in BIJ_WERKGEVER else "Werkbedrijf Maasdal",
        werkgever=(
            werkgevers[-1] if soort == InstrumentSoort.BESCHUT_WERK else rng.choice(werkgevers)
        )
        if soort in BIJ_WERKGEVER
        else None,
        loonwaarde=Decimal(rng.choice([45, 55, 65, 75]))
        if soort == InstrumentSoort.LOONKOSTENSUBSIDIE
        else None,
    )


def _maatregel(lo: Any, *, rng: random.Random, vandaag: dt.date, door: Any) -> None:
    services.maatregel_opleggen(
        actor=door,
        lo=lo,
        soort=MaatregelSoort.WAARSCHUWING,
        categorie="1",
        gedraging="Niet verschenen op het gesprek met de consulent.",
        besloten_op=vandaag - dt.timedelta(days=rng.randint(0, 20)),
    )
