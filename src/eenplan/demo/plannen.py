"""Demo onderzoeken and plans, made through the services with realistic shares.

Venlo 2015 (seed 000 §7): about half of the plans aim to strengthen self-reliance, two fifths
to stabilise, one tenth to support decline; under one in ten has a professional regisseur.
"""

from __future__ import annotations

import datetime as dt
import random

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError

from eenplan.inwoners.constants import NetwerkSoort
from eenplan.meldingen.models import Melding
from eenplan.onderzoeken import services as onderzoeken
from eenplan.onderzoeken.models import Leefgebied
from eenplan.plannen import services as plannen
from eenplan.plannen.constants import Doeltype, PlanStatus, RegisseurSoort, Uitvoerder
from eenplan.rules.onderzoek import ONDERDELEN, LadderStap

DOELTYPES = [(Doeltype.VERSTERKEN, 50), (Doeltype.STABILISEREN, 40), (Doeltype.ACHTERUITGANG, 10)]
DOELEN = {
    "adl": ("Zelf weer douchen en aankleden", "Elke ochtend samen oefenen", "inwoner"),
    "huisvesting": ("Het huis blijft schoon en veilig", "Wekelijks samen opruimen", "netwerk"),
    "sociaal_netwerk": (
        "Twee keer per week onder de mensen",
        "Naar het wijkrestaurant",
        "algemene_voorziening",
    ),
    "financien": (
        "Rekeningen op tijd betalen",
        "Thuisadministratie met vrijwilliger",
        "vrijwilliger",
    ),
    "geestelijke_gezondheid": ("Rust in het hoofd", "Gesprekken met de POH-ggz", "professional"),
    "dagbesteding": ("Een zinvolle dag", "Dagbesteding in de wijk", "algemene_voorziening"),
}
MAATWERK = {
    "wmo": "Hulp bij het huishouden",
    "jeugd": "Ambulante jeugdhulp",
    "participatie": "Re-integratietraject",
}


def build_onderzoek_en_plan(
    melding: Melding, *, rng: random.Random, door: AbstractBaseUser, vandaag: dt.date, dagen: int
) -> None:
    """For an assigned melding: hold the onderzoek; for older ones make the verslag final and a
    signed household plan whose maatwerk becomes an aanvraag."""
    if melding.inwoner_id is None or melding.huishouden_id is None or rng.random() > 0.8:
        return
    onderzoek = onderzoeken.onderzoek_start(melding=melding, actor=door)
    gesprek_op = min(vandaag, melding.ontvangen_op + dt.timedelta(days=rng.randint(3, 14)))
    if dagen < 5:
        return
    deelnemers = ["inwoner"] + (["mantelzorger"] if rng.random() < 0.5 else [])
    onderzoeken.gesprek_add(
        actor=door,
        onderzoek=onderzoek,
        datum=gesprek_op,
        deelnemers=deelnemers,
        plaats="Bij de inwoner thuis",
        notities="Keukentafelgesprek.",
    )
    for onderdeel in ONDERDELEN:
        onderzoeken.onderdeel_set(
            actor=door,
            onderzoek=onderzoek,
            code=onderdeel.code,
            antwoord=f"Besproken: {onderdeel.titel.lower()}.",
        )
    heeft_mantelzorger = melding.inwoner.netwerk.filter(soort=NetwerkSoort.MANTELZORGER).exists()
    onderzoeken.onderzoek_set_checks(
        actor=door,
        onderzoek=onderzoek,
        clientondersteuning_gewezen=True,
        pgb_uitgelegd=True,
        mantelzorger_besproken=(rng.random() < 0.85) if heeft_mantelzorger else None,
    )
    leefgebieden = list(Leefgebied.objects.filter(code__in=DOELEN).order_by("volgorde"))
    gekozen = rng.sample(leefgebieden, k=2)
    for leefgebied in gekozen:
        onderzoeken.score_add(
            inwoner=melding.inwoner,
            leefgebied=leefgebied,
            score=rng.randint(1, 3),
            datum=gesprek_op,
            actor=door,
            onderzoek=onderzoek,
        )
    maatwerk = rng.random() < 0.45
    for stap in LadderStap:
        if stap == LadderStap.INDIVIDUEEL_MAATWERK:
            break
        volstaat = not maatwerk and stap == LadderStap.ALGEMENE_VOORZIENINGEN
        onderzoeken.afweging_set(
            actor=door,
            onderzoek=onderzoek,
            stap=stap,
            bevinding=f"{stap.label} besproken.",
            volstaat=volstaat,
            reden_niet_toereikend="" if volstaat else "Niet voldoende.",
        )
        if volstaat:
            break
    if dagen < 21:
        return
    try:
        onderzoeken.verslag_finalise(onderzoek=onderzoek, actor=door)
    except ValidationError:
        return  # e.g. the mantelzorger's own need was not discussed: still open
    onderzoeken.verslag_send(
        actor=door, onderzoek=onderzoek, op=min(vandaag, gesprek_op + dt.timedelta(days=3))
    )
    _plan(
        melding,
        rng=rng,
        door=door,
        vandaag=vandaag,
        gekozen=gekozen,
        maatwerk=maatwerk,
        dagen=dagen,
        gesprek_op=gesprek_op,
    )


def _plan(
    melding: Melding,
    *,
    rng: random.Random,
    door: AbstractBaseUser,
    vandaag: dt.date,
    gekozen: list[Leefgebied],
    maatwerk: bool,
    dagen: int,
    gesprek_op: dt.date,
) -> None:
    plan = plannen.plan_open(huishouden=melding.huishouden, actor=door)
    if plan.status != PlanStatus.CONCEPT:
        return
    values, weights = zip(*DOELTYPES, strict=True)
    for leefgebied in gekozen:
        omschrijving, actie, uitvoerder = DOELEN[leefgebied.code]
        doel = plannen.doel_add(
            plan=plan,
            inwoner=melding.inwoner,
            leefgebied=leefgebied,
            omschrijving=omschrijving,
            actor=door,
            doeltype=rng.choices(values, weights=weights)[0],
            evaluatie_op=gesprek_op + dt.timedelta(days=180),
        )
        plannen.actie_add(
            doel=doel,
            omschrijving=actie,
            uitvoerder_soort=Uitvoerder(uitvoerder),
            uitvoerder="Zie plan",
            actor=door,
            uiterlijk=gesprek_op + dt.timedelta(days=60),
        )
    wet = "jeugd" if melding.jeugd else "wmo"
    if maatwerk:
        plannen.voorstel_add(
            plan=plan,
            inwoner=melding.inwoner,
            omschrijving=MAATWERK[wet],
            wet=wet,
            ladderstap=LadderStap.INDIVIDUEEL_MAATWERK,
            actor=door,
        )
    else:
        plannen.voorstel_add(
            plan=plan,
            inwoner=melding.inwoner,
            omschrijving="Wijkrestaurant",
            wet=wet,
            ladderstap=LadderStap.ALGEMENE_VOORZIENINGEN,
            actor=door,
        )
    _regisseur(plan, melding, rng=rng, door=door, van=gesprek_op)
    op = min(vandaag, gesprek_op + dt.timedelta(days=14))
    volwassenen = [
        lid.inwoner
        for lid in melding.huishouden.leden.select_related("inwoner")
        if lid.lid_tot is None and lid.inwoner.leeftijd_op(op) >= 18
    ]
    if dagen >= 28 and volwassenen:
        ondertekenaar = melding.inwoner if melding.inwoner in volwassenen else volwassenen[0]
        plannen.plan_sign(plan=plan, ondertekenaar=ondertekenaar, actor=door, op=op)


def _regisseur(
    plan, melding: Melding, *, rng: random.Random, door: AbstractBaseUser, van: dt.date
) -> None:  # type: ignore[no-untyped-def]
    roll = rng.random()
    mantelzorger = melding.inwoner.netwerk.filter(soort=NetwerkSoort.MANTELZORGER).first()
    if roll < 0.07 and melding.medewerker is not None:
        plannen.regisseur_set(
            plan=plan,
            soort=RegisseurSoort.PROFESSIONAL,
            van=van,
            actor=door,
            medewerker=melding.medewerker,
            op_verzoek_van_inwoner=True,
        )
    elif roll < 0.25 and mantelzorger is not None:
        plannen.regisseur_set(
            plan=plan,
            soort=RegisseurSoort.MANTELZORGER,
            van=van,
            actor=door,
            netwerkpersoon=mantelzorger,
        )
    else:
        # The resident, or for a child a parent in the household.
        volwassenen = [
            lid.inwoner
            for lid in melding.huishouden.leden.select_related("inwoner")
            if lid.lid_tot is None and lid.inwoner.leeftijd_op(van) >= 18
        ]
        regisseur = (
            melding.inwoner
            if melding.inwoner in volwassenen
            else (volwassenen[0] if volwassenen else None)
        )
        if regisseur is not None:
            plannen.regisseur_set(
                plan=plan, soort=RegisseurSoort.INWONER, van=van, actor=door, inwoner=regisseur
            )
