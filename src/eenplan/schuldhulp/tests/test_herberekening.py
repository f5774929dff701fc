"""A debt question's terms after a day declared equal to a holiday is added or removed (ADR 0049):
the three working days of the first conversation under a threat (Wgs art. 4 lid 2) move, the four
weeks without one count no holidays and stay, and the toelating's term follows its aanvraag."""

from __future__ import annotations

import datetime as dt

import pytest

from eenplan.events.models import Gebeurtenis
from eenplan.gemeente.constants import Rol
from eenplan.schuldhulp.constants import Dreiging
from eenplan.testing.factories import GemeenteFactory, MedewerkerFactory
from eenplan.testing.helpers import vandaag
from eenplan.testing.schuldhulp import RouteStapFactory, SchuldvraagFactory
from eenplan.testing.termijnen import feestdag_eraf, feestdag_erbij, verschoven, volgende_werkdag

pytestmark = pytest.mark.django_db


@pytest.fixture
def beheerder(db):
    return MedewerkerFactory(gemeente=GemeenteFactory(), functie=Rol.FUNCTIONEEL_BEHEER)


def test_the_first_conversation_under_a_threat_moves_without_one_it_stays(beheerder):
    dreiging = SchuldvraagFactory(
        verzoek_op=vandaag() - dt.timedelta(days=1), dreiging=Dreiging.ONTRUIMING
    )
    dag = dreiging.eerste_gesprek_uiterlijk
    resultaat = feestdag_erbij(dag, door=beheerder.user)
    dreiging.refresh_from_db()
    assert dreiging.eerste_gesprek_uiterlijk == volgende_werkdag(dag)
    assert verschoven(resultaat, "schuldvraag_eerste_gesprek") == 1
    assert Gebeurtenis.objects.filter(
        soort="schuldvraag.termijn_verschoven",
        record_id=dreiging.pk,
        inwoner_id=dreiging.inwoner_id,
    ).exists()
    feestdag_eraf(dag, door=beheerder.user)
    dreiging.refresh_from_db()
    assert dreiging.eerste_gesprek_uiterlijk == dag

    vier_weken = SchuldvraagFactory(verzoek_op=vandaag() - dt.timedelta(days=1))
    gewoon = vier_weken.eerste_gesprek_uiterlijk
    if gewoon.weekday() < 5:  # a decree names a working day
        feestdag_erbij(gewoon, door=beheerder.user)
        vier_weken.refresh_from_db()
        assert vier_weken.eerste_gesprek_uiterlijk == gewoon  # Wgs art. 4 lid 1: plain weeks


def test_the_toelating_term_follows_its_aanvraag(beheerder):
    vraag = RouteStapFactory().schuldvraag
    vraag.refresh_from_db()
    dag = vraag.beslissen_uiterlijk
    assert dag == vraag.aanvraag.beslissen_uiterlijk
    resultaat = feestdag_erbij(dag, door=beheerder.user)
    vraag.refresh_from_db()
    assert vraag.beslissen_uiterlijk == vraag.aanvraag.beslissen_uiterlijk == volgende_werkdag(dag)
    assert verschoven(resultaat, "aanvraag_beslissen") == 1
    assert verschoven(resultaat, "schuldvraag_toelating") == 1
