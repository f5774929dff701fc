"""An AVG request's terms after a day declared equal to a holiday is added or removed (ADR 0049):
the answer term of an open request ends on the next working day when its last day becomes a
holiday (Verordening 1182/71 art. 3 lid 4), and moves back when the day is removed; a request
already answered keeps its dates."""

from __future__ import annotations

import datetime as dt

import pytest

from eenplan.avg.models import AvgVerzoek
from eenplan.events.models import Gebeurtenis
from eenplan.gemeente.constants import Rol
from eenplan.rules.termijnen import is_werkdag
from eenplan.testing.factories import AvgVerzoekFactory, MedewerkerFactory
from eenplan.testing.helpers import vandaag
from eenplan.testing.termijnen import feestdag_eraf, feestdag_erbij, verschoven, volgende_werkdag

pytestmark = pytest.mark.django_db


def _ontvangen_met_werkdag_als_einde() -> dt.date:
    """A receipt day in the last days whose one-month term ends on a working day."""
    from eenplan.rules.avg import maanden_later

    dag = vandaag()
    while not is_werkdag(maanden_later(dag, 1)):
        dag -= dt.timedelta(days=1)
    return dag


def test_the_answer_term_of_an_open_request_moves_with_a_new_holiday_and_back():
    ontvangen = _ontvangen_met_werkdag_als_einde()
    open_verzoek = AvgVerzoekFactory(ontvangen_op=ontvangen)
    beantwoord = AvgVerzoekFactory(ontvangen_op=ontvangen, toegekend=True)
    dag = open_verzoek.antwoord_uiterlijk
    assert beantwoord.antwoord_uiterlijk == dag
    beheerder = MedewerkerFactory(
        gemeente=open_verzoek.gemeente, functie=Rol.FUNCTIONEEL_BEHEER
    )

    resultaat = feestdag_erbij(dag, door=beheerder.user)
    open_verzoek.refresh_from_db()
    beantwoord.refresh_from_db()
    assert open_verzoek.antwoord_uiterlijk == volgende_werkdag(dag)
    assert beantwoord.antwoord_uiterlijk == dag  # answered: stays as it was
    assert verschoven(resultaat, "avg_antwoord") == 1
    assert Gebeurtenis.objects.filter(
        soort="avg.termijn_verschoven",
        record_id=open_verzoek.pk,
        inwoner_id=open_verzoek.inwoner_id,
    ).exists()

    feestdag_eraf(dag, door=beheerder.user)
    open_verzoek.refresh_from_db()
    assert open_verzoek.antwoord_uiterlijk == dag
    assert AvgVerzoek.objects.filter(antwoord_uiterlijk=dag).count() == 2
