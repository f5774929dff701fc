"""Bezwaar and klacht terms after a day declared equal to a holiday is added or removed (ADR
0049): the decision on a bezwaar under way (also when the beschikking's bezwaar term it counts
from moved first), the beroep term after the decision, and the handling of an open klacht move
to the next working day; a decided bezwaar's decision term and a handled klacht stay."""

from __future__ import annotations

import pytest

from eenplan.bezwaren.constants import BezwaarUitkomst
from eenplan.bezwaren.services import bezwaar_decide
from eenplan.events.models import Gebeurtenis
from eenplan.gemeente.constants import Rol
from eenplan.gemeente.selectors import gelijkgestelde_dagen
from eenplan.rules.termijnen import beslissing_op_bezwaar_uiterlijk
from eenplan.testing.factories import (
    BezwaarFactory,
    KlachtFactory,
    MedewerkerFactory,
    medewerker_voor,
)
from eenplan.testing.helpers import vandaag
from eenplan.testing.termijnen import feestdag_eraf, feestdag_erbij, verschoven, volgende_werkdag

pytestmark = pytest.mark.django_db


@pytest.fixture
def beheerder(gemeente):
    return MedewerkerFactory(gemeente=gemeente, functie=Rol.FUNCTIONEEL_BEHEER)


def test_the_decision_on_a_bezwaar_moves_a_decided_one_stays(gemeente, beheerder):
    lopend = BezwaarFactory()
    besloten = BezwaarFactory()
    dag = lopend.beslissen_uiterlijk
    assert besloten.beslissen_uiterlijk == dag
    bezwaar_decide(
        bezwaar=besloten,
        uitkomst=BezwaarUitkomst.ONGEGROND,
        besloten_op=vandaag(),
        actor=medewerker_voor(besloten.beschikking.inwoner, Rol.BACKOFFICE).user,
        motivering="Het besluit blijft staan.",
    )
    resultaat = feestdag_erbij(dag, door=beheerder.user)
    lopend.refresh_from_db()
    besloten.refresh_from_db()
    assert lopend.beslissen_uiterlijk == volgende_werkdag(dag)
    assert besloten.beslissen_uiterlijk == dag
    assert verschoven(resultaat, "bezwaar_beslissen") == 1
    assert Gebeurtenis.objects.filter(
        soort="bezwaar.termijn_verschoven",
        record_id=lopend.pk,
        inwoner_id=lopend.beschikking.inwoner_id,
        omschrijving__startswith=f"Beslistermijn op bezwaar verschoven van {dag:%d-%m-%Y}",
    ).exists()


def test_when_the_bezwaar_term_moves_the_decision_term_counted_from_it_moves_too(beheerder):
    bezwaar = BezwaarFactory()
    termijn = bezwaar.beschikking.bezwaar_uiterlijk
    resultaat = feestdag_erbij(termijn, door=beheerder.user)
    bezwaar.refresh_from_db()
    nieuw = bezwaar.beschikking.bezwaar_uiterlijk
    assert nieuw == volgende_werkdag(termijn)
    assert bezwaar.beslissen_uiterlijk == beslissing_op_bezwaar_uiterlijk(
        nieuw, adviescommissie=False, extra=gelijkgestelde_dagen()
    )
    assert verschoven(resultaat, "beschikking_bezwaar") == 1
    assert verschoven(resultaat, "bezwaar_beslissen") == 1


def test_the_beroep_term_after_the_decision_moves_and_back(beheerder):
    bezwaar = BezwaarFactory()
    bezwaar_decide(
        bezwaar=bezwaar,
        uitkomst=BezwaarUitkomst.ONGEGROND,
        besloten_op=vandaag(),
        actor=medewerker_voor(bezwaar.beschikking.inwoner, Rol.BACKOFFICE).user,
        motivering="Het besluit blijft staan.",
    )
    bezwaar.refresh_from_db()
    dag = bezwaar.beroep_uiterlijk
    resultaat = feestdag_erbij(dag, door=beheerder.user)
    bezwaar.refresh_from_db()
    assert bezwaar.beroep_uiterlijk == volgende_werkdag(dag)
    assert verschoven(resultaat, "bezwaar_beroep") == 1
    feestdag_eraf(dag, door=beheerder.user)
    bezwaar.refresh_from_db()
    assert bezwaar.beroep_uiterlijk == dag


def test_an_open_klacht_moves_a_handled_one_stays(gemeente, beheerder):
    open_ = KlachtFactory()
    afgehandeld = KlachtFactory(afgehandeld=True)
    dag = open_.afhandelen_uiterlijk
    assert afgehandeld.afhandelen_uiterlijk == dag
    resultaat = feestdag_erbij(dag, door=beheerder.user)
    open_.refresh_from_db()
    afgehandeld.refresh_from_db()
    assert open_.afhandelen_uiterlijk == volgende_werkdag(dag)
    assert afgehandeld.afhandelen_uiterlijk == dag
    assert verschoven(resultaat, "klacht_afhandelen") == 1
