"""The working-day terms of received iWmo/iJw messages after a day declared equal to a holiday is
added or removed (ADR 0049): the retour of a message not yet read (no municipality yet) moves when
the day falls within its three working days; one already sent stays; the answer term (iJw
§2.5.3) moves likewise."""

from __future__ import annotations

import pytest
from django.utils import timezone

from eenplan.berichten.constants import Kanaal
from eenplan.berichten.services.inkomend import bericht_ontvang
from eenplan.events.models import Gebeurtenis
from eenplan.gemeente.constants import Rol
from eenplan.rules.termijnen import ANTWOORD_VERZOEK, RETOURBERICHT
from eenplan.testing.factories import GemeenteFactory, MedewerkerFactory
from eenplan.testing.termijnen import feestdag_eraf, feestdag_erbij, verschoven, volgende_werkdag

pytestmark = pytest.mark.django_db


@pytest.fixture
def beheerder(db):
    return MedewerkerFactory(gemeente=GemeenteFactory(), functie=Rol.FUNCTIONEEL_BEHEER)


def test_a_retour_term_moves_an_answered_one_stays_and_back(beheerder):
    open_, _ = bericht_ontvang(inhoud=b"<bericht>1</bericht>", kanaal=Kanaal.API)
    verstuurd, _ = bericht_ontvang(inhoud=b"<bericht>2</bericht>", kanaal=Kanaal.API)
    verstuurd.retour_verzonden_op = timezone.now()
    verstuurd.save(update_fields=["retour_verzonden_op"])
    dag = open_.retour_uiterlijk
    assert open_.gemeente_id is None and verstuurd.retour_uiterlijk == dag
    resultaat = feestdag_erbij(dag, door=beheerder.user)
    open_.refresh_from_db()
    verstuurd.refresh_from_db()
    assert open_.retour_uiterlijk == volgende_werkdag(dag)
    assert verstuurd.retour_uiterlijk == dag
    assert verschoven(resultaat, "bericht_retour") == 1
    assert Gebeurtenis.objects.filter(
        soort="bericht.termijn_verschoven",
        record_id=open_.pk,
        omschrijving__startswith=f"Termijn voor het retourbericht verschoven van {dag:%d-%m-%Y}",
    ).exists()
    feestdag_eraf(dag, door=beheerder.user)
    open_.refresh_from_db()
    assert open_.retour_uiterlijk == dag


def test_a_holiday_within_the_working_days_moves_the_answer_term(beheerder):
    bericht, _ = bericht_ontvang(inhoud=b"<bericht>315</bericht>", kanaal=Kanaal.API)
    ontvangen = timezone.localdate(bericht.moment)
    bericht.antwoord_uiterlijk = ANTWOORD_VERZOEK.einde(ontvangen)
    bericht.save(update_fields=["antwoord_uiterlijk"])
    binnen = RETOURBERICHT.einde(ontvangen)  # the third working day, before the fifth
    resultaat = feestdag_erbij(binnen, door=beheerder.user)
    bericht.refresh_from_db()
    assert bericht.antwoord_uiterlijk == volgende_werkdag(ANTWOORD_VERZOEK.einde(ontvangen))
    assert verschoven(resultaat, "bericht_antwoord") == 1
