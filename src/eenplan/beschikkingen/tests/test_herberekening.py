"""The decision term of an aanvraag and the bezwaar term of a sent beschikking after a day
declared equal to a holiday is added or removed (ADR 0049): on the new day they move to the next
working day (the history says so); a term not on it, a decided aanvraag, a decision not sent and
a passed term stay; removing the day moves it back; twice changes nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from eenplan.beschikkingen.constants import AanvraagStatus
from eenplan.events.models import Gebeurtenis
from eenplan.gemeente.constants import Rol
from eenplan.testing.factories import (
    AanvraagFactory,
    AanvraagOpschortingFactory,
    BeschikkingFactory,
    InwonerFactory,
    MedewerkerFactory,
)
from eenplan.testing.helpers import vandaag
from eenplan.testing.termijnen import (
    feestdag_eraf,
    feestdag_erbij,
    herbereken,
    verschoven,
    volgende_werkdag,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def beheerder(gemeente):
    return MedewerkerFactory(gemeente=gemeente, functie=Rol.FUNCTIONEEL_BEHEER)


def aanvraag(wijk, dagen_geleden: int = 3, **kw):
    return AanvraagFactory(
        inwoner=InwonerFactory(gemeente=wijk.gemeente, wijk=wijk),
        ontvangen_op=vandaag() - dt.timedelta(days=dagen_geleden),
        **kw,
    )


def test_the_decision_term_on_the_new_day_moves_others_stay(wijken, beheerder):
    open_ = aanvraag(wijken["Noord"])
    dag = open_.beslissen_uiterlijk
    eerder = aanvraag(wijken["Noord"], dagen_geleden=10)
    eerder_dag = eerder.beslissen_uiterlijk
    besloten = BeschikkingFactory(aanvraag=aanvraag(wijken["Noord"])).aanvraag
    besloten.refresh_from_db()
    assert besloten.status == AanvraagStatus.BESLOTEN and besloten.beslissen_uiterlijk == dag
    assert eerder.beslissen_uiterlijk < dag
    resultaat = feestdag_erbij(dag, door=beheerder.user)
    for a in (open_, eerder, besloten):
        a.refresh_from_db()
    assert open_.beslissen_uiterlijk == volgende_werkdag(dag)
    assert (eerder.beslissen_uiterlijk, besloten.beslissen_uiterlijk) == (eerder_dag, dag)
    assert verschoven(resultaat, "aanvraag_beslissen") == 1
    event = Gebeurtenis.objects.get(soort="aanvraag.termijn_verschoven")
    assert (event.record_id, event.inwoner_id, event.user_id) == (
        open_.pk,
        open_.inwoner_id,
        beheerder.user.pk,
    )
    assert event.omschrijving.startswith(
        f"Beslistermijn verschoven van {dag:%d-%m-%Y} naar {volgende_werkdag(dag):%d-%m-%Y} "
        f"door feestdag {dag:%d-%m-%Y}"
    )


def test_a_suspended_aanvraag_keeps_its_day_until_the_suspension_ends(wijken, beheerder):
    opgeschort = AanvraagOpschortingFactory(aanvraag=aanvraag(wijken["Noord"])).aanvraag
    opgeschort.refresh_from_db()
    dag = opgeschort.beslissen_uiterlijk
    feestdag_erbij(dag, door=beheerder.user)
    opgeschort.refresh_from_db()
    assert opgeschort.beslissen_uiterlijk == dag  # unknown while suspended: the day is kept


def test_the_bezwaar_term_of_a_sent_decision_moves_and_back(wijken, beheerder):
    verzonden = BeschikkingFactory(aanvraag=aanvraag(wijken["Noord"]), verzonden=True)
    niet_verzonden = BeschikkingFactory(aanvraag=aanvraag(wijken["Noord"]))
    dag = verzonden.bezwaar_uiterlijk
    resultaat = feestdag_erbij(dag, door=beheerder.user)
    verzonden.refresh_from_db()
    niet_verzonden.refresh_from_db()
    assert verzonden.bezwaar_uiterlijk == volgende_werkdag(dag)
    assert niet_verzonden.bezwaar_uiterlijk is None
    assert verschoven(resultaat, "beschikking_bezwaar") == 1
    assert Gebeurtenis.objects.filter(
        soort="beschikking.termijn_verschoven",
        record_id=verzonden.pk,
        inwoner_id=verzonden.inwoner_id,
        omschrijving__startswith=f"Bezwaartermijn verschoven van {dag:%d-%m-%Y}",
    ).exists()
    assert herbereken(dag)["verschoven"] == 0
    feestdag_eraf(dag, door=beheerder.user)
    verzonden.refresh_from_db()
    assert verzonden.bezwaar_uiterlijk == dag


def test_a_passed_decision_term_stays(wijken, beheerder):
    laat = aanvraag(wijken["Noord"], dagen_geleden=30)
    dag = laat.beslissen_uiterlijk
    assert dag < vandaag()
    resultaat = feestdag_erbij(dag, door=beheerder.user)
    laat.refresh_from_db()
    assert laat.beslissen_uiterlijk == dag
    assert resultaat["soorten"]["aanvraag_beslissen"]["verlopen"] == 1
