"""Tegenprestatie candidates offered volunteer work (issue 15; Participatiewet art. 9 lid 1
onder c), on the page and in the API: the resident becomes a volunteer in their own wijk and
sees the open klussen that fit; bad input is refused in Dutch and writes nothing; the
resident's record is decided in privacy.access like every read of a dossier."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from eenplan.conftest import login
from eenplan.gemeente.constants import Rol
from eenplan.mantelzorg.models import Vrijwilliger
from eenplan.privacy.access import NIET_BINNEN_GEMEENTE
from eenplan.privacy.models import Inzage
from eenplan.testing import factories as f
from eenplan.testing.helpers import api_for, van_elders

pytestmark = pytest.mark.django_db
PAD = "/mantelzorg/vrijwilligers/tegenprestatie/"
API = "/api/v1/vrijwilligers/tegenprestatie/"


def _dinsdag() -> dt.date:
    dag = timezone.localdate() + dt.timedelta(days=1)
    while dag.weekday() != 1:
        dag += dt.timedelta(days=1)
    return dag


@pytest.fixture
def kandidaat(wijken):
    return f.InwonerFactory(gemeente=wijken["Noord"].gemeente, wijk=wijken["Noord"])


@pytest.fixture
def klus(inwoner_noord):
    return f.KlusFactory(
        hulpvrager=inwoner_noord,
        vaardigheid="boodschappen",
        omschrijving="Boodschappen bij de Jumbo",
        datum=_dinsdag(),
        dagdeel="ochtend",
    )


def test_the_page_offers_volunteer_work_and_shows_the_klussen_that_fit(
    generalist, kandidaat, klus, wijken
):
    client = login(Client(), generalist)
    assert "Vrijwilligerswerk aanbieden" in client.get(PAD).content.decode()
    response = client.post(
        PAD,
        {"bsn": kandidaat.bsn, "vaardigheden": ["boodschappen"], "beschikbaarheid": ["di_ochtend"]},
        follow=True,
    )
    assert response.status_code == 200
    pagina = response.content.decode()
    assert "aangeboden als tegenprestatie" in pagina
    assert "Boodschappen" in pagina and klus.datum.strftime("%d-%m-%Y") in pagina
    profiel = Vrijwilliger.objects.get(als_inwoner=kandidaat)
    assert (profiel.via_tegenprestatie, profiel.wijk) == (True, wijken["Noord"])
    assert Inzage.objects.filter(
        inwoner=kandidaat, user=generalist.user, onderwerp="dossier", toegestaan=True
    ).exists()


def test_the_page_refuses_an_offer_without_a_part_of_the_day_in_dutch(generalist, kandidaat):
    response = login(Client(), generalist).post(
        PAD, {"bsn": kandidaat.bsn, "vaardigheden": ["tuin"]}
    )
    assert response.status_code == 400
    assert "Kies minstens één dagdeel" in response.content.decode()
    assert not Vrijwilliger.objects.exists()


def test_the_api_offers_volunteer_work_and_names_the_klussen_that_fit(generalist, kandidaat, klus):
    response = api_for(generalist).post(
        API,
        {
            "inwoner": kandidaat.pk,
            "vaardigheden": ["boodschappen"],
            "beschikbaarheid": ["di_ochtend", "do_middag"],
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["vrijwilliger"]["via_tegenprestatie"] is True
    assert [k["id"] for k in body["passende_klussen"]] == [klus.pk]
    assert "hulpvrager" not in body["passende_klussen"][0]


def test_the_api_refuses_bad_input_in_dutch_and_writes_nothing(generalist, kandidaat):
    api = api_for(generalist)
    geen_dagdeel = api.post(
        API, {"inwoner": kandidaat.pk, "beschikbaarheid": []}, format="json"
    )
    assert geen_dagdeel.status_code == 400
    assert "minstens één dagdeel" in str(geen_dagdeel.json())
    elders = f.InwonerFactory(gemeente=van_elders().gemeente)
    andere = api.post(API, {"inwoner": elders.pk, "beschikbaarheid": ["ma_ochtend"]}, format="json")
    assert andere.status_code == 400
    assert andere.json()["inwoner"] == [f"Inwoner {elders.pk} is onbekend in uw gemeente."]
    assert not Vrijwilliger.objects.exists()
    # refused through the access module like every other resident outside the login's reach:
    # logged in the own municipality's log, nothing about the other municipality's resident
    [rij] = Inzage.objects.filter(user=generalist.user, toegestaan=False)
    assert rij.reden == f"Inwoner {elders.pk}: {NIET_BINNEN_GEMEENTE}."
    assert (rij.onderwerp, rij.handeling, rij.inwoner_id) == ("vrijwilliger", "aanmaken", None)
    assert rij.gemeente_id == generalist.gemeente_id


def test_a_role_without_volunteers_is_refused_and_logged(gemeente, kandidaat):
    beleid = f.MedewerkerFactory(gemeente=gemeente, functie=Rol.BELEID)
    response = api_for(beleid).post(
        API, {"inwoner": kandidaat.pk, "beschikbaarheid": ["ma_ochtend"]}, format="json"
    )
    assert response.status_code == 403
    assert login(Client(), beleid).get(PAD).status_code == 403
    assert Inzage.objects.filter(user=beleid.user, toegestaan=False).count() == 2
    assert not Vrijwilliger.objects.exists()
