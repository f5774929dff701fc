"""Adding or removing a day declared equal to a holiday starts the recomputation of the stored
deadlines as a background task (issue 16, ADR 0049): the page leads the beheerder to the task's
progress page, the API answers with the task; the task reports its progress and, per kind of
deadline, how many moved; a refused change starts nothing; the command does the same work."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.management import CommandError, call_command

from eenplan.conftest import login
from eenplan.gemeente.models import GelijkgesteldeFeestdag
from eenplan.taken.models import Taak
from eenplan.testing.factories import InwonerFactory, MeldingFactory
from eenplan.testing.helpers import api_for, vandaag, werkdag_over

pytestmark = pytest.mark.django_db

FEESTDAGEN = "/functioneel-beheer/instellingen/feestdagen/"


@pytest.fixture
def melding(wijken):
    return MeldingFactory(
        inwoner=InwonerFactory(gemeente=wijken["Noord"].gemeente, wijk=wijken["Noord"]),
        ontvangen_op=vandaag() - dt.timedelta(days=3),
    )


def test_the_page_leads_to_the_progress_of_the_recomputation(client, beheer, melding):
    dag = melding.onderzoek_uiterlijk
    login(client, beheer)
    response = client.post(
        FEESTDAGEN,
        {"datum": dag.isoformat(), "omschrijving": "Vrijdag na Hemelvaartsdag",
         "bron": "Stcrt. 2026, 4242"},
    )  # fmt: skip
    taak = Taak.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/taken/{taak.pk}/"
    assert (taak.soort, taak.status, taak.gestart_door) == (
        "termijnen_herberekenen",
        "klaar",
        beheer.user,
    )
    assert taak.params == {
        "datum": dag.isoformat(), "toegevoegd": True, "omschrijving": "Vrijdag na Hemelvaartsdag"
    }  # fmt: skip
    assert taak.totaal >= 1 and taak.gedaan == taak.totaal
    assert taak.resultaat["soorten"]["melding_onderzoek"]["verschoven"] == 1
    pagina = client.get(f"/taken/{taak.pk}/").content.decode()
    assert "Termijnen herberekenen na een nieuwe feestdag" in pagina
    assert "1 termijn(en) verschoven door feestdag" in pagina
    melding.refresh_from_db()
    assert melding.onderzoek_uiterlijk > dag

    # Removing the day (still to come) moves it back, through a task as well.
    response = client.post(f"{FEESTDAGEN}{GelijkgesteldeFeestdag.objects.get().pk}/verwijderen/")
    terug = Taak.objects.latest("pk")
    assert response["Location"] == f"/taken/{terug.pk}/" and terug.params["toegevoegd"] is False
    melding.refresh_from_db()
    assert melding.onderzoek_uiterlijk == dag


def test_a_refused_day_starts_nothing(client, beheer):
    login(client, beheer)
    client.post(FEESTDAGEN, {"datum": werkdag_over(30).isoformat(), "omschrijving": "Eigen dag",
                             "bron": "raadsbesluit"})  # fmt: skip
    assert not GelijkgesteldeFeestdag.objects.exists() and not Taak.objects.exists()


def test_the_api_answers_with_the_task(beheer, melding):
    api = api_for(beheer)
    dag = melding.onderzoek_uiterlijk
    response = api.post(
        "/api/v1/beheer/feestdagen/",
        {"datum": dag.isoformat(), "omschrijving": "Extra", "bron": "Stcrt. 2026, 7"},
        format="json",
    )
    assert response.status_code == 201
    taak = response.json()["taak"]
    assert response["Location"] == f"/api/v1/taken/{taak['id']}/"
    volg = api.get(f"/api/v1/taken/{taak['id']}/").json()
    assert volg["status"] == "klaar" and volg["gedaan"] == volg["totaal"]
    weg = api.delete(f"/api/v1/beheer/feestdagen/{response.json()['id']}/")
    assert weg.status_code == 202 and weg["Location"] == f"/api/v1/taken/{weg.json()['id']}/"
    melding.refresh_from_db()
    assert melding.onderzoek_uiterlijk == dag


def test_the_command_recomputes_with_the_holidays_of_now(melding):
    dag = melding.onderzoek_uiterlijk
    GelijkgesteldeFeestdag.objects.create(datum=dag, omschrijving="Besluit", bron="Stcrt. 1")
    out, err = io.StringIO(), io.StringIO()
    call_command("termijnen_herberekenen", stdout=out, stderr=err)
    assert "1 termijn(en) verschoven door een wijziging van de feestdagen" in out.getvalue()
    assert "Klaar" in err.getvalue()
    melding.refresh_from_db()
    assert melding.onderzoek_uiterlijk > dag
    out = io.StringIO()
    call_command("termijnen_herberekenen", datum=dag.isoformat(), stdout=out)
    assert "Geen lopende termijn verschoven" in out.getvalue()  # twice: nothing changes
    with pytest.raises(CommandError, match="staat nog in de lijst"):
        call_command("termijnen_herberekenen", datum=dag.isoformat(), vervallen=True)
