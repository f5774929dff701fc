"""Werkvoorraad: deadline states from the rules module, filters, counts, scope."""

import datetime as dt

import pytest

from eenplan.meldingen import services
from eenplan.meldingen.constants import Kanaal, MelderSoort, TermijnStand
from eenplan.meldingen.selectors import (
    meldingen_in_scope,
    werkvoorraad,
    werkvoorraad_met_tellingen,
    werkvoorraad_tellingen,
)
from eenplan.testing.factories import InwonerFactory

pytestmark = pytest.mark.django_db
VANDAAG = dt.date(2026, 6, 1)  # Monday


def register(midoffice, inwoner, ontvangen_op, domeinen=("wmo",)):
    return services.melding_register(
        gemeente=midoffice.gemeente,
        actor=midoffice.user,
        melder_soort=MelderSoort.ZELF,
        kanaal=Kanaal.EMAIL,
        vraag="Hulp gevraagd",
        ontvangen_op=ontvangen_op,
        domeinen=domeinen,
        inwoner=inwoner,
        vandaag=VANDAAG,
    )


def test_states_and_counts(midoffice, wijken):
    def nieuw(ontvangen_op, wijk="Noord", domeinen=("wmo",)):
        inwoner = InwonerFactory(gemeente=wijken[wijk].gemeente, wijk=wijken[wijk])
        return register(midoffice, inwoner, ontvangen_op, domeinen)

    verlopen = nieuw(dt.date(2026, 4, 1))  # deadline 13 May 2026
    bijna = nieuw(dt.date(2026, 4, 24))  # deadline Friday 5 June: within 5 working days
    op_schema = nieuw(dt.date(2026, 5, 25), wijk="Zuid", domeinen=("jeugd",))
    opgeschort = nieuw(dt.date(2026, 5, 20))
    services.melding_suspend(
        melding=opgeschort, actor=midoffice.user, van=dt.date(2026, 5, 21), reden="Wacht op stukken"
    )

    qs = werkvoorraad(scope=meldingen_in_scope(midoffice.user), vandaag=VANDAAG)
    stand = {m.pk: m.stand for m in qs}
    assert stand == {
        verlopen.pk: TermijnStand.VERLOPEN,
        bijna.pk: TermijnStand.BIJNA_VERLOPEN,
        op_schema.pk: TermijnStand.OP_SCHEMA,
        opgeschort.pk: TermijnStand.OPGESCHORT,
    }
    assert werkvoorraad_tellingen(qs) == {
        "op_schema": 1,
        "bijna_verlopen": 1,
        "verlopen": 1,
        "opgeschort": 1,
        "afgerond": 0,
    }
    assert [m.pk for m in qs][:2] == [verlopen.pk, bijna.pk]  # most urgent first
    scope = meldingen_in_scope(midoffice.user)
    assert [m.pk for m in werkvoorraad(scope=scope, vandaag=VANDAAG, domein="jeugd")] == [
        op_schema.pk
    ]
    assert [
        m.pk for m in werkvoorraad(scope=scope, vandaag=VANDAAG, wijk_id=wijken["Zuid"].pk)
    ] == [op_schema.pk]
    assert [m.pk for m in werkvoorraad(scope=scope, vandaag=VANDAAG, stand="verlopen")] == [
        verlopen.pk
    ]


def test_generalist_sees_own_wijk_and_assigned_only(
    midoffice, generalist, beleid, inwoner_noord, inwoner_zuid
):
    noord = register(midoffice, inwoner_noord, dt.date(2026, 5, 1))
    register(midoffice, inwoner_zuid, dt.date(2026, 5, 1))
    onbekend = services.melding_register(
        gemeente=midoffice.gemeente,
        actor=midoffice.user,
        melder_soort=MelderSoort.ANONIEM,
        kanaal=Kanaal.TELEFOON,
        vraag="Buurman vereenzaamt",
        ontvangen_op=dt.date(2026, 5, 2),
        domeinen=["wmo"],
        onbekende_persoon="Buurman op nummer 5",
        vandaag=VANDAAG,
    )
    assert list(meldingen_in_scope(generalist.user)) == [noord]
    assert onbekend in meldingen_in_scope(midoffice.user)  # screeners identify unknown persons
    assert not meldingen_in_scope(beleid.user).exists()


def test_a_page_of_the_worklist_carries_the_counts_of_the_whole_list(midoffice, wijken):
    """One query for the page and its counts per deadline state (issue 16): the same counts as
    counting them on their own, on every page that has rows; none for a page past the end."""
    for ontvangen in (dt.date(2026, 4, 1), dt.date(2026, 4, 24), dt.date(2026, 5, 25)):
        for _ in range(2):
            inwoner = InwonerFactory(gemeente=wijken["Noord"].gemeente, wijk=wijken["Noord"])
            register(midoffice, inwoner, ontvangen)
    qs = werkvoorraad(scope=meldingen_in_scope(midoffice.user), vandaag=VANDAAG)
    los = werkvoorraad_tellingen(qs)
    assert sum(los.values()) == 6
    gezien = []
    for vanaf in (0, 4):
        rijen, tellingen = werkvoorraad_met_tellingen(qs, vanaf=vanaf, aantal=4)
        assert tellingen == los
        gezien += [m.pk for m in rijen]
    assert gezien == [m.pk for m in qs]  # the same rows in the same order
    assert werkvoorraad_met_tellingen(qs, vanaf=8, aantal=4) == ([], None)


def test_the_worklist_page_shows_the_counts_with_one_query_less(client, midoffice, wijken):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for ontvangen in (dt.date(2026, 4, 1), dt.date(2026, 5, 25)):
        inwoner = InwonerFactory(gemeente=wijken["Noord"].gemeente, wijk=wijken["Noord"])
        register(midoffice, inwoner, ontvangen)
    client.force_login(midoffice.user)
    client.get("/meldingen/werkvoorraad/?weergave=alle")
    with CaptureQueriesContext(connection) as queries:
        eerste = client.get("/meldingen/werkvoorraad/?weergave=alle")
    verder = client.get("/meldingen/werkvoorraad/?weergave=alle&pagina=7")  # past the end
    for response in (eerste, verder):
        assert response.status_code == 200
        assert response.context["totaal"] == 2
        assert len(response.context["page"].object_list) == 2
    assert not any("COUNT(" in q["sql"].upper() for q in queries.captured_queries)
