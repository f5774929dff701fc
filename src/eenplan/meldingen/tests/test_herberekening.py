"""A melding's deadlines after a day declared equal to a holiday is added or removed (ADR 0049):
the onderzoek and the personal-plan term on the new day move to the next working day, with a
line in the melding's history and on the dossier's timeline; a term not on it, a closed melding
and a term that already passed stay; removing the day moves it back; running twice changes
nothing; the queries do not grow with the number of meldingen."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from eenplan.conftest import login
from eenplan.events.models import Gebeurtenis
from eenplan.gemeente.constants import Rol
from eenplan.meldingen.models import Melding
from eenplan.testing.factories import (
    InwonerFactory,
    MedewerkerFactory,
    MeldingFactory,
    OpschortingFactory,
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


def melding(wijk, dagen_geleden: int, **kw) -> Melding:
    return MeldingFactory(
        inwoner=InwonerFactory(gemeente=wijk.gemeente, wijk=wijk),
        ontvangen_op=vandaag() - dt.timedelta(days=dagen_geleden),
        **kw,
    )


@pytest.fixture
def beheerder(gemeente):
    return MedewerkerFactory(gemeente=gemeente, functie=Rol.FUNCTIONEEL_BEHEER)


def test_the_onderzoek_on_the_new_holiday_moves_and_history_and_dossier_say_so(
    client, wijken, beheerder, midoffice
):
    m = melding(wijken["Noord"], 3)
    oud = m.onderzoek_uiterlijk
    resultaat = feestdag_erbij(oud, door=beheerder.user)
    m.refresh_from_db()
    nieuw = volgende_werkdag(oud)
    assert m.onderzoek_uiterlijk == nieuw > oud
    assert verschoven(resultaat, "melding_onderzoek") == 1
    tekst = (
        f"Termijn van het onderzoek verschoven van {oud:%d-%m-%Y} naar {nieuw:%d-%m-%Y} "
        f"door feestdag {oud:%d-%m-%Y}"
    )
    regel = m.gebeurtenissen.get(soort="termijn_verschoven")
    assert regel.toelichting.startswith(tekst) and regel.door == beheerder.user
    event = Gebeurtenis.objects.get(soort="melding.termijn_verschoven", record_id=m.pk)
    assert event.inwoner_id == m.inwoner_id and event.omschrijving.startswith(tekst)
    assert event.gegevens["van"] == oud.isoformat() and event.gegevens["naar"] == nieuw.isoformat()
    pagina = login(client, midoffice).get(reverse("web:inwoner-detail", args=[m.inwoner_id]))
    assert tekst in pagina.content.decode()
    assert "vrijdag na Hemelvaartsdag" in resultaat["samenvatting"]


def test_a_term_not_on_the_day_and_a_closed_melding_stay(wijken, beheerder):
    op_de_dag = melding(wijken["Noord"], 3)
    eerder = melding(wijken["Noord"], 10)  # its onderzoek ends a week before the new day
    gesloten = melding(wijken["Noord"], 3, gesloten=True)
    dag = op_de_dag.onderzoek_uiterlijk
    assert eerder.onderzoek_uiterlijk < dag == gesloten.onderzoek_uiterlijk
    resultaat = feestdag_erbij(dag, door=beheerder.user)
    for m, verwacht in [(eerder, eerder.onderzoek_uiterlijk), (gesloten, dag)]:
        m.refresh_from_db()
        assert m.onderzoek_uiterlijk == verwacht
        assert not m.gebeurtenissen.filter(soort="termijn_verschoven").exists()
    assert resultaat["soorten"]["melding_onderzoek"]["verschoven"] == 1


def test_the_personal_plan_term_on_the_new_day_moves(wijken, beheerder):
    m = melding(wijken["Noord"], 3)
    oud = m.persoonlijk_plan_uiterlijk
    resultaat = feestdag_erbij(oud, door=beheerder.user)
    m.refresh_from_db()
    assert m.persoonlijk_plan_uiterlijk == volgende_werkdag(oud)
    assert verschoven(resultaat, "melding_persoonlijk_plan") == 1


def test_a_term_that_already_passed_stays_and_is_counted(wijken, beheerder):
    m = melding(wijken["Noord"], 50)
    verstreken = m.onderzoek_uiterlijk
    assert verstreken < vandaag()
    resultaat = feestdag_erbij(verstreken, door=beheerder.user)  # a decree entered late
    m.refresh_from_db()
    assert m.onderzoek_uiterlijk == verstreken
    assert resultaat["soorten"]["melding_onderzoek"] == {
        "label": "Termijn van het onderzoek",
        "bekeken": 1,
        "verschoven": 0,
        "verlopen": 1,
    }
    assert "niet aangepast" in resultaat["samenvatting"]


def test_removing_the_day_moves_it_back_and_running_twice_changes_nothing(wijken, beheerder):
    m = melding(wijken["Noord"], 3)
    oud = m.onderzoek_uiterlijk
    feestdag_erbij(oud, door=beheerder.user)
    nog_eens = herbereken(oud, door=beheerder.user)
    assert nog_eens["verschoven"] == 0
    assert m.gebeurtenissen.filter(soort="termijn_verschoven").count() == 1
    terug = feestdag_eraf(oud, door=beheerder.user)
    m.refresh_from_db()
    assert m.onderzoek_uiterlijk == oud
    assert verschoven(terug, "melding_onderzoek") == 1
    laatste = m.gebeurtenissen.filter(soort="termijn_verschoven").last()
    assert f"naar {oud:%d-%m-%Y} doordat {oud:%d-%m-%Y}" in laatste.toelichting
    assert "geen feestdag meer is" in laatste.toelichting


def test_a_suspended_term_is_recomputed_with_its_suspension_and_an_open_one_is_left(
    wijken, beheerder
):
    hervat = OpschortingFactory(
        melding=melding(wijken["Noord"], 3, toegewezen=True),
        van=vandaag() - dt.timedelta(days=2),
        hervat=True,
    ).melding
    hervat.refresh_from_db()
    open_ = OpschortingFactory(melding=melding(wijken["Noord"], 3, toegewezen=True)).melding
    open_.refresh_from_db()
    assert open_.onderzoek_uiterlijk is None
    oud = hervat.onderzoek_uiterlijk
    feestdag_erbij(oud, door=beheerder.user)
    hervat.refresh_from_db()
    open_.refresh_from_db()
    assert hervat.onderzoek_uiterlijk == volgende_werkdag(oud)
    assert open_.onderzoek_uiterlijk is None


def test_the_queries_do_not_grow_with_the_number_of_meldingen(wijken, beheerder):
    from eenplan.gemeente.models import GelijkgesteldeFeestdag

    meldingen = [melding(wijken["Noord"], 3) for _ in range(2)]
    dag = meldingen[0].onderzoek_uiterlijk
    GelijkgesteldeFeestdag.objects.create(datum=dag, omschrijving="test", bron="Stcrt. 2026, 1")
    with CaptureQueriesContext(connection) as weinig:
        assert herbereken(dag, door=beheerder.user)["verschoven"] == 2
    GelijkgesteldeFeestdag.objects.filter(datum=dag).delete()
    herbereken(dag, toegevoegd=False, door=beheerder.user)
    meldingen += [melding(wijken["Noord"], 3) for _ in range(8)]
    GelijkgesteldeFeestdag.objects.create(datum=dag, omschrijving="test", bron="Stcrt. 2026, 1")
    with CaptureQueriesContext(connection) as veel:
        assert herbereken(dag, door=beheerder.user)["verschoven"] == 10
    assert len(veel.captured_queries) == len(weinig.captured_queries)


def test_in_batches_the_queries_grow_per_batch_not_per_melding(wijken, beheerder):
    from eenplan.gemeente.models import GelijkgesteldeFeestdag

    meldingen = [melding(wijken["Noord"], 3) for _ in range(5)]
    dag = meldingen[0].onderzoek_uiterlijk
    GelijkgesteldeFeestdag.objects.create(datum=dag, omschrijving="test", bron="Stcrt. 2026, 1")
    stappen: list[tuple[int, int, str]] = []
    resultaat = herbereken(
        dag, door=beheerder.user, batch=2, voortgang=lambda *s: stappen.append(s)
    )
    assert resultaat["soorten"]["melding_onderzoek"]["verschoven"] == 5
    assert Melding.objects.filter(onderzoek_uiterlijk=volgende_werkdag(dag)).count() == 5
    gedaan = [s[0] for s in stappen]
    assert gedaan == sorted(gedaan) and stappen[-1] == (stappen[-1][1], stappen[-1][1], "Klaar")
    assert any(s[2].endswith("Meldingen") for s in stappen)
