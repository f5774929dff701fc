"""The steering figures of work and income (issue 14): BBV 27 and 28 and the outflow to work, in
the indicator registry like every other figure — on /sturing/, in /api/v1/indicatoren/, the
exports and the monthly snapshots, computed with SQL aggregates, small cells suppressed.

Definitions (checked against municipal budgets that publish the BBV set with the source
waarstaatjegemeente.nl: beverwijk.begroting-2020.nl "Beleidsindicatoren" — 27 "Personen met een
bijstandsuitkering", the number of persons with a benefit under the Participatiewet; 28
"Lopende re-integratievoorzieningen", the number of re-integration provisions per inhabitants
15 t/m 64; amersfoort.begroting-2019.nl "Indicatoren"; buren.begroting-2021.nl):

- **BBV 27** personen met een bijstandsuitkering per 10.000 inwoners van 18 jaar en ouder. A
  person counts when a granted bijstand (Participatiewet) provision runs on the peildatum, the
  applicant and the partner on the aanvraag both (bijstand is given to the household; CBS counts
  both partners).
- **BBV 28** lopende re-integratievoorzieningen per 10.000 inwoners van 15 tot en met 64 jaar.
  Counted are the instruments of the route (re-integratietraject, loonkostensubsidie, beschut
  werk, jobcoach, werkervaringsplek) running on the peildatum; the inburgering (PIP) is not a
  re-integration provision of the Participatiewet and is left out.
- **Uitstroom naar werk**: persons whose trajectory ended with the result "werk" in the period.
- **Deelnemers aan re-integratietrajecten** (Midden-Limburg P1, seed 002 bijlage 3 L2457-2465):
  the residents taking part in a trajectory in the period, by its state at the end of the period
  (still running, or the result it ended with), its route and its phase. The debt-help half (P2)
  is `schuld_trajecten_lopend` in the schuldhulp app.

*Not verified:* the exact year the BBV set moved from "per 1.000" to "per 10.000" (the older
budgets above still show per 1.000; the assignment and the current set use per 10.000)."""

from __future__ import annotations

from django.db.models import Case, CharField, Count, F, Q, Value, When

from eenplan.inwoners.models import Inwoner
from eenplan.participatie.constants import (
    InstrumentSoort,
    Route,
    TrajectFase,
    TrajectResultaat,
)
from eenplan.participatie.models import Instrument, LevensonderhoudAanvraag, Traject
from eenplan.sturing.metingen import (
    Meting,
    Vraag,
    actief_op,
    huishoudtype,
    jaren_terug,
    leeftijd,
    perioden,
)
from eenplan.sturing.registry import Dimensie, Eenheid, Indicator, registreer, registreer_dimensie

BBV = "BBV verplichte beleidsindicatoren sociaal domein (waarstaatjegemeente.nl)"
THEMA_WERK = "Werk en inkomen"

registreer_dimensie(Dimensie("route", "Route naar werk"))
registreer_dimensie(Dimensie("trajectstand", "Stand van het traject"))
registreer_dimensie(Dimensie("trajectfase", "Fase van het traject"))
LOPEND = "lopend"

# Instruments that are re-integration provisions of the Participatiewet (BBV 28).
REINTEGRATIE = [s for s in InstrumentSoort.values if s != InstrumentSoort.INBURGERING]


def _met_bijstand(v: Vraag) -> Q:
    """The resident is the applicant or the partner of a bijstand granted and running on the
    peildatum: membership of one uncorrelated set of resident ids (as BBV 29–32)."""
    lopend = LevensonderhoudAanvraag.objects.filter(
        actief_op("aanvraag__beschikkingen__voorzieningen__", v.tot),
        gemeente_id=v.gemeente_id,
        aanvraag__beschikkingen__gemeente_id=v.gemeente_id,
    )
    return Q(pk__in=lopend.values("inwoner_id")) | Q(
        pk__in=lopend.filter(partner__isnull=False).values("partner_id")
    )


def _bijstand(v: Vraag) -> Meting:
    rijen = Inwoner.objects.filter(
        gemeente_id=v.gemeente_id, geboortedatum__lte=jaren_terug(v.tot, 18)
    )
    return Meting(
        rijen=rijen,
        dims={
            "wijk": "wijk__code",
            "leeftijd": leeftijd("", v.tot),
            "huishouden": huishoudtype("", v.tot),
        },
        eenheden=Count("pk"),
        teller=Count("pk", filter=_met_bijstand(v)),
    )


def _reintegratie(v: Vraag) -> Meting:
    """Residents 15–64 on the peildatum (the denominator) and the re-integration instruments
    running that day (the numerator: provisions, so one person with two counts twice)."""
    lopend = Instrument.objects.filter(
        Q(einde__isnull=True) | Q(einde__gte=v.tot),
        gemeente_id=v.gemeente_id,
        begin__lte=v.tot,
        soort__in=REINTEGRATIE,
    )
    rijen = Inwoner.objects.filter(
        gemeente_id=v.gemeente_id,
        geboortedatum__lte=jaren_terug(v.tot, 15),
        geboortedatum__gt=jaren_terug(v.tot, 65),
    )
    return Meting(
        rijen=rijen,
        dims={"wijk": "wijk__code", "huishouden": huishoudtype("", v.tot)},
        eenheden=Count("pk", distinct=True),
        teller=Count("instrumenten", filter=Q(instrumenten__in=lopend.values("pk"))),
    )


def _uitstroom_werk(v: Vraag) -> Meting:
    rijen = Traject.objects.filter(
        gemeente_id=v.gemeente_id,
        resultaat=TrajectResultaat.WERK,
        beeindigd_op__range=(v.van, v.tot),
    )
    return Meting(
        rijen=rijen,
        dims={
            "route": "route",
            "wijk": "inwoner__wijk__code",
            "leeftijd": leeftijd("inwoner", v.tot),
            **perioden("beeindigd_op"),
        },
        eenheden=Count("inwoner_id", distinct=True),
        labels={"route": dict(Route.choices)},
    )


def _trajecten(v: Vraag) -> Meting:
    """Residents with a trajectory that ran in the period (begun by its end, not ended before
    its start); its state is the result it ended with by the end of the period, else running."""
    rijen = Traject.objects.filter(gemeente_id=v.gemeente_id, begonnen_op__lte=v.tot).filter(
        Q(beeindigd_op__isnull=True) | Q(beeindigd_op__gte=v.van)
    )
    stand = Case(
        When(beeindigd_op__lte=v.tot, then=F("resultaat")),
        default=Value(LOPEND),
        output_field=CharField(),
    )
    return Meting(
        rijen=rijen,
        dims={
            "trajectstand": stand,
            "route": "route",
            "trajectfase": "fase",
            "wijk": "inwoner__wijk__code",
            "leeftijd": leeftijd("inwoner", v.tot),
        },
        eenheden=Count("inwoner_id", distinct=True),
        labels={
            "trajectstand": {LOPEND: "Loopt nog", **dict(TrajectResultaat.choices)},
            "route": dict(Route.choices),
            "trajectfase": dict(TrajectFase.choices),
        },
    )


registreer(
    Indicator(
        id="bbv_27_bijstand",
        naam="BBV 27 Personen met een bijstandsuitkering",
        definitie="Het aantal inwoners van 18 jaar en ouder met een lopende bijstandsuitkering "
        "(Participatiewet, de aanvrager en de partner) op de peildatum, per 10.000 inwoners van "
        "18 jaar en ouder.",
        bron=f"{BBV}, indicator 27 (per 10.000 inwoners van 18 jaar en ouder)",
        eenheid=Eenheid.PER_10000,
        dimensies=("wijk", "leeftijd", "huishouden"),
        meting=_bijstand,
        thema="BBV",
        stand=True,
    )
)
registreer(
    Indicator(
        id="bbv_28_reintegratie",
        naam="BBV 28 Lopende re-integratievoorzieningen",
        definitie="Het aantal lopende re-integratievoorzieningen (re-integratietraject, "
        "loonkostensubsidie, beschut werk, jobcoach, werkervaringsplek) van inwoners van 15 tot "
        "en met 64 jaar op de peildatum, per 10.000 inwoners van 15 tot en met 64 jaar.",
        bron=f"{BBV}, indicator 28 (per 10.000 inwoners van 15 tot en met 64 jaar)",
        eenheid=Eenheid.PER_10000,
        dimensies=("wijk", "huishouden"),
        meting=_reintegratie,
        thema="BBV",
        telt="voorzieningen",
        stand=True,
    )
)
registreer(
    Indicator(
        id="uitstroom_naar_werk",
        naam="Uitstroom naar werk",
        definitie="Het aantal inwoners van wie in de periode een traject (direct, Werkspoor of "
        "Participatiespoor) eindigde met uitstroom naar werk.",
        bron="Issue 14; seed 003a §3.9 (Hardenberg: routes naar werk)",
        eenheid=Eenheid.AANTAL,
        dimensies=("route", "wijk", "leeftijd", "maand", "kwartaal", "jaar"),
        meting=_uitstroom_werk,
        thema=THEMA_WERK,
    )
)
registreer(
    Indicator(
        id="trajecten_reintegratie",
        naam="Deelnemers aan re-integratietrajecten",
        definitie="Het aantal inwoners dat in de periode deelnam aan een traject naar werk "
        "(direct, Werkspoor of Participatiespoor), naar de stand aan het eind van de periode "
        "(loopt nog, of het resultaat waarmee het eindigde), de route en de fase.",
        bron="Seed 002 bijlage 3, P1 (Midden-Limburg: deelnemers aan trajecten (re-)integratie, "
        "status en resultaten), L2457-2465",
        eenheid=Eenheid.AANTAL,
        dimensies=("trajectstand", "route", "trajectfase", "wijk", "leeftijd"),
        meting=_trajecten,
        thema=THEMA_WERK,
    )
)
