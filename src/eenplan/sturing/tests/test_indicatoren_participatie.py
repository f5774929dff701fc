"""Issue 14: BBV 27, BBV 28 and the outflow to work in sturing's registry, each on a small
hand-made dataset with the expected numbers worked out here (raw cells: the SQL aggregates
before suppression), and shown on the steering API with small cells suppressed."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from eenplan.inwoners.constants import Relatie
from eenplan.participatie import services
from eenplan.participatie.constants import InstrumentResultaat, InstrumentSoort, TrajectResultaat
from eenplan.sturing import registry
from eenplan.sturing.metingen import Vraag, jaren_terug, ruwe_cellen, waarde
from eenplan.testing.factories import HuishoudenFactory, InwonerFactory, MedewerkerFactory
from eenplan.testing.helpers import api_for
from eenplan.testing.participatie import (
    LevensonderhoudAanvraagFactory,
    ParticipatieInstrumentFactory,
    TrajectFactory,
    VerdiencapaciteitFactory,
    werkplein_voor,
)

pytestmark = pytest.mark.django_db
VANDAAG = timezone.localdate()


def _ruw(gemeente, indicator_id, per=None):
    indicator = registry.get(indicator_id)
    vraag = Vraag(gemeente_id=gemeente.pk, van=VANDAAG - dt.timedelta(days=365), tot=VANDAAG)
    return indicator, *ruwe_cellen(indicator, vraag, per=per, filters={})


def _inwoner(gemeente, wijken, jaren: int, *, dagen: int = 0):
    return InwonerFactory(
        gemeente=gemeente,
        wijk=wijken["Noord"],
        geboortedatum=jaren_terug(VANDAAG, jaren) - dt.timedelta(days=dagen),
    )


def _bijstand(lo, *, toekennen: bool = True):
    return services.levensonderhoud_beslissen(
        actor=werkplein_voor(lo.inwoner).user,
        lo=lo,
        besloten_op=VANDAAG,
        toekennen=toekennen,
        ingangsdatum=lo.gemeld_op if toekennen else None,
        motivering="Geen middelen." if toekennen else "Inkomen boven de norm.",
    )


def test_the_indicators_are_registered_with_their_definitions():
    for indicator_id in ("bbv_27_bijstand", "bbv_28_reintegratie", "uitstroom_naar_werk"):
        indicator = registry.get(indicator_id)
        assert indicator is not None and indicator.bron and indicator.definitie
    assert "18 jaar en ouder" in registry.get("bbv_27_bijstand").bron
    assert "15 tot en met 64" in registry.get("bbv_28_reintegratie").bron


def test_bbv_27_counts_applicant_and_partner_per_10000_adults(gemeente, wijken):
    aanvrager = _inwoner(gemeente, wijken, 40)
    partner = _inwoner(gemeente, wijken, 38)
    kind = _inwoner(gemeente, wijken, 10)
    hh = HuishoudenFactory(
        gemeente=gemeente,
        leden=[
            (aanvrager, Relatie.REFERENTIE, None),
            (partner, Relatie.PARTNER, None),
            (kind, Relatie.KIND, None),
        ],
    )
    _bijstand(LevensonderhoudAanvraagFactory(huishouden=hh, inwoner=aanvrager))
    afgewezen = _inwoner(gemeente, wijken, 30)
    hh2 = HuishoudenFactory(gemeente=gemeente, leden=[(afgewezen, Relatie.REFERENTIE, None)])
    _bijstand(LevensonderhoudAanvraagFactory(huishouden=hh2, inwoner=afgewezen), toekennen=False)
    _inwoner(gemeente, wijken, 18)  # 18 today: an adult, in the denominator
    _inwoner(gemeente, wijken, 18, dagen=-1)  # 18 tomorrow: not yet
    indicator, totaal, _ = _ruw(gemeente, "bbv_27_bijstand")
    # Adults: applicant, partner, the refused applicant, the one who turned 18 today = 4.
    assert totaal.eenheden == 4 and totaal.teller == 2
    assert waarde(indicator, totaal) == Decimal("5000.0")


def test_bbv_28_counts_running_reintegration_provisions_of_15_to_64(gemeente, wijken):
    a = _inwoner(gemeente, wijken, 30)
    b = _inwoner(gemeente, wijken, 15)  # 15 today: in the age group
    oud = _inwoner(gemeente, wijken, 65)  # 65 today: no longer 15-64
    _inwoner(gemeente, wijken, 14)
    ParticipatieInstrumentFactory(inwoner=a, soort=InstrumentSoort.JOBCOACH)
    ParticipatieInstrumentFactory(inwoner=a, soort=InstrumentSoort.REINTEGRATIE)
    ParticipatieInstrumentFactory(inwoner=b, soort=InstrumentSoort.INBURGERING)  # not counted
    klaar = ParticipatieInstrumentFactory(inwoner=b, soort=InstrumentSoort.REINTEGRATIE)
    services.instrument_afronden(
        actor=werkplein_voor(b).user,
        instrument=klaar,
        einde=VANDAAG - dt.timedelta(days=1),
        resultaat=InstrumentResultaat.AFGEROND,
    )
    ParticipatieInstrumentFactory(inwoner=oud, soort=InstrumentSoort.JOBCOACH)
    indicator, totaal, _ = _ruw(gemeente, "bbv_28_reintegratie")
    assert totaal.eenheden == 2  # a and b
    assert totaal.teller == 2  # a's jobcoach and re-integratietraject
    assert waarde(indicator, totaal) == Decimal("10000.0")


def _traject_naar_werk(gemeente, wijken, route_pct: str, resultaat: str):
    inwoner = _inwoner(gemeente, wijken, 35)
    traject = TrajectFactory(
        verdiencapaciteit=VerdiencapaciteitFactory(inwoner=inwoner, percentage=Decimal(route_pct))
    )
    return services.traject_stap_afronden(
        actor=werkplein_voor(inwoner).user,
        traject=traject,
        op=VANDAAG,
        uitkomst="Aan het werk bij de bakkerij.",
        resultaat=resultaat,
    )


def test_outflow_to_work_counts_persons_per_route_and_the_api_suppresses_small_cells(
    gemeente, wijken
):
    for _ in range(5):
        _traject_naar_werk(gemeente, wijken, "60", TrajectResultaat.WERK)
    _traject_naar_werk(gemeente, wijken, "120", TrajectResultaat.WERK)
    _traject_naar_werk(gemeente, wijken, "60", TrajectResultaat.GESTOPT)  # not to work
    indicator, totaal, rijen = _ruw(gemeente, "uitstroom_naar_werk", per="route")
    assert totaal.eenheden == 6
    assert {r.sleutel: r.eenheden for r in rijen} == {"werkspoor": 5, "direct": 1}
    beleid = MedewerkerFactory(gemeente=gemeente, functie="beleid")
    antwoord = api_for(beleid).get(
        "/api/v1/indicatoren/uitstroom_naar_werk/",
        {"van": (VANDAAG - dt.timedelta(days=30)).isoformat(), "tot": VANDAAG.isoformat(),
         "per": "route"},
    )
    assert antwoord.status_code == 200, antwoord.content
    body = antwoord.json()
    assert Decimal(str(body["totaal"]["waarde"])) == 6
    rij = {r["sleutel"]: r for r in body["rijen"]}
    assert rij["direct"]["waarde"] is None and rij["direct"]["onderdrukt"]  # one person
    # The only other row would give the hidden one away (6 - 5): suppressed as well.
    assert rij["werkspoor"]["onderdrukt"]


def test_trajectories_p1_count_participants_by_state_route_and_phase(gemeente, wijken):
    """Midden-Limburg P1: who took part in a trajectory, and where it stands or how it ended."""
    for _ in range(2):
        _traject_naar_werk(gemeente, wijken, "60", TrajectResultaat.WERK)
    _traject_naar_werk(gemeente, wijken, "60", TrajectResultaat.GESTOPT)
    lopend = TrajectFactory(
        verdiencapaciteit=VerdiencapaciteitFactory(
            inwoner=_inwoner(gemeente, wijken, 40), percentage=Decimal("30")
        )
    )
    indicator, totaal, rijen = _ruw(gemeente, "trajecten_reintegratie", per="trajectstand")
    assert totaal.eenheden == 4
    assert {r.sleutel: r.eenheden for r in rijen} == {"werk": 2, "gestopt": 1, "lopend": 1}
    _, _, per_route = _ruw(gemeente, "trajecten_reintegratie", per="route")
    assert {r.sleutel: r.eenheden for r in per_route} == {"werkspoor": 3, lopend.route: 1}
    # A trajectory that ended before the period is not counted in it.
    vorige = Vraag(
        gemeente_id=gemeente.pk,
        van=VANDAAG + dt.timedelta(days=1),
        tot=VANDAAG + dt.timedelta(days=30),
    )
    later, _ = ruwe_cellen(indicator, vorige, per=None, filters={})
    assert later.eenheden == 1  # only the one still running
