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

from django.db.models import Q

from eenplan.inwoners.models import HuishoudenLid
from eenplan.participatie import services
from eenplan.participatie.constants import Methode, Route, TrajectResultaat
from eenplan.rules.participatie import leeftijd, pensioengerechtigd

AANDEEL = 0.035  # of the adults of working age (issue 14: "about 3-5% of adults on a benefit")
MAXIMUM = 800  # keeps `make bench` (100,000 residents) within its time


def build_participatie(*, gemeente: Any, rng: random.Random, vandaag: dt.date, door: Any) -> int:
    """Applications, decisions, voorschotten, earning capacities and trajectories; returns the
    number of applications."""
    leden = list(
        HuishoudenLid.objects.filter(huishouden__gemeente=gemeente, lid_van__lte=vandaag)
        .filter(Q(lid_tot__isnull=True) | Q(lid_tot__gt=vandaag))
        .select_related("inwoner", "huishouden")
        .order_by("id")
    )
    volwassenen = [
        lid
        for lid in leden
        if leeftijd(lid.inwoner.geboortedatum, vandaag) >= 18
        and not pensioengerechtigd(lid.inwoner.geboortedatum, vandaag)
    ]
    gekozen: dict[int, HuishoudenLid] = {}
    for lid in rng.sample(volwassenen, min(len(volwassenen), round(len(volwassenen) * AANDEEL))):
        gekozen.setdefault(lid.huishouden_id, lid)  # one applicant per household
    aantal = 0
    for lid in list(gekozen.values())[:MAXIMUM]:
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
            services.levensonderhoud_beslissen(
                actor=door,
                lo=lo,
                besloten_op=min(vandaag, ontvangen + dt.timedelta(days=rng.randint(20, 55))),
                toekennen=toekennen,
                ingangsdatum=gemeld if toekennen else None,
                motivering="Geen of onvoldoende middelen; recht op algemene bijstand."
                if toekennen
                else "Het inkomen van het huishouden ligt boven de norm.",
            )
            if toekennen and rng.random() < 0.7:
                _route(lo.inwoner, rng=rng, vanaf=ontvangen, vandaag=vandaag, door=door)
    return aantal


def _route(
    inwoner: Any, *, rng: random.Random, vanaf: dt.date, vandaag: dt.date, door: Any
) -> None:
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
