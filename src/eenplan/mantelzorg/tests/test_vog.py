"""A volunteer's VOG that is too old (issue 15: volunteers with their screening/VOG date). The law
gives a VOG no term (Wjsg art. 28); the municipality's choice does, dated with its source
(`VogTermijn`, kept by functioneel beheer on /mantelzorg/vrijwilligers/vog/ and
/api/v1/vog-termijnen/). A volunteer whose VOG no longer counts on the day of the klus is not
suggested, and a match is refused in Dutch on the page and in the API, changing nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from eenplan.conftest import login
from eenplan.gemeente.constants import Rol
from eenplan.mantelzorg.models import Match, VogTermijn
from eenplan.testing import factories as f
from eenplan.testing.helpers import api_for

pytestmark = pytest.mark.django_db


def vandaag() -> dt.date:
    return timezone.localdate()


def _dinsdag() -> dt.date:
    dag = vandaag() + dt.timedelta(days=1)
    while dag.weekday() != 1:
        dag += dt.timedelta(days=1)
    return dag


@pytest.fixture
def klus(inwoner_noord):
    return f.KlusFactory(hulpvrager=inwoner_noord, datum=_dinsdag(), dagdeel="ochtend")


@pytest.fixture
def oud(inwoner_noord, wijken):
    """A volunteer who fits the klus in every way but has a VOG of 13 months ago."""
    return f.VrijwilligerFactory(
        gemeente=inwoner_noord.gemeente,
        wijk=wijken["Noord"],
        naam="Oude VOG",
        vog_datum=vandaag() - dt.timedelta(days=400),
    )


@pytest.fixture
def vers(inwoner_noord, wijken):
    return f.VrijwilligerFactory(
        gemeente=inwoner_noord.gemeente, wijk=wijken["Noord"], naam="Verse VOG"
    )


def test_without_a_municipal_term_an_old_vog_still_counts(generalist, klus, oud):
    response = api_for(generalist).get(f"/api/v1/klussen/{klus.pk}/kandidaten/")
    assert [k["naam"] for k in response.json()] == ["Oude VOG"]
    assert response.json()[0]["vog_verlopen"] is False


def test_a_vog_too_old_on_the_day_of_the_klus_is_refused_on_the_page(
    client, generalist, klus, oud, vers, gemeente
):
    f.VogTermijnFactory(gemeente=gemeente, maanden=12)
    login(client, generalist)
    pagina = client.get(f"/mantelzorg/klussen/{klus.pk}/").content.decode()
    assert "Verse VOG" in pagina
    assert "Oude VOG" not in pagina
    response = client.post(f"/mantelzorg/klussen/{klus.pk}/koppelen/", {"vrijwilliger": oud.pk})
    assert response.status_code == 400
    assert "te oud" in response.content.decode()
    assert not Match.objects.exists()
    assert "VOG te oud" in client.get("/mantelzorg/vrijwilligers/").content.decode()


def test_a_vog_too_old_is_refused_in_the_api_and_a_fresh_one_matched(
    generalist, klus, oud, vers, gemeente
):
    f.VogTermijnFactory(gemeente=gemeente, maanden=12)
    api = api_for(generalist)
    kandidaten = api.get(f"/api/v1/klussen/{klus.pk}/kandidaten/").json()
    assert [k["naam"] for k in kandidaten] == ["Verse VOG"]
    fout = api.post(f"/api/v1/klussen/{klus.pk}/koppelen/", {"vrijwilliger": oud.pk}, format="json")
    assert fout.status_code == 400
    assert "te oud" in str(fout.json())
    assert not Match.objects.exists()
    assert api.get(f"/api/v1/vrijwilligers/{oud.pk}/").json()["vog_verlopen"] is True
    ok = api.post(f"/api/v1/klussen/{klus.pk}/koppelen/", {"vrijwilliger": vers.pk}, format="json")
    assert ok.status_code == 201


def test_a_volunteer_without_a_vog_is_refused_when_the_municipality_asks_one(
    generalist, klus, inwoner_noord, wijken, gemeente
):
    f.VogTermijnFactory(gemeente=gemeente)
    zonder = f.VrijwilligerFactory(
        gemeente=inwoner_noord.gemeente, wijk=wijken["Noord"], vog_datum=None
    )
    fout = api_for(generalist).post(
        f"/api/v1/klussen/{klus.pk}/koppelen/", {"vrijwilliger": zonder.pk}, format="json"
    )
    assert fout.status_code == 400
    assert "geen VOG" in str(fout.json())
    assert not Match.objects.exists()


def test_the_term_is_kept_by_functioneel_beheer_on_the_page(client, gemeente, generalist):
    beheer = f.MedewerkerFactory(gemeente=gemeente, functie=Rol.FUNCTIONEEL_BEHEER)
    login(client, generalist)
    assert client.post("/mantelzorg/vrijwilligers/vog/nieuw/", {}).status_code == 403
    login(client, beheer)
    leeg = client.get("/mantelzorg/vrijwilligers/vog/").content.decode()
    assert "geen termijn vastgelegd" in leeg
    fout = client.post(
        "/mantelzorg/vrijwilligers/vog/nieuw/",
        {"maanden": "0", "geldig_vanaf": "2026-01-01", "bron": "Vrijwilligersbeleid"},
    )
    assert fout.status_code == 400
    assert "1 tot en met 120 maanden" in fout.content.decode()
    assert not VogTermijn.objects.exists()
    ok = client.post(
        "/mantelzorg/vrijwilligers/vog/nieuw/",
        {"maanden": "36", "geldig_vanaf": "2026-01-01", "bron": "Vrijwilligersbeleid 2026, § 4"},
    )
    assert ok.status_code == 302
    pagina = client.get("/mantelzorg/vrijwilligers/vog/").content.decode()
    assert "Vrijwilligersbeleid 2026, § 4" in pagina


def test_the_term_over_the_api(gemeente, generalist):
    beheer = f.MedewerkerFactory(gemeente=gemeente, functie=Rol.FUNCTIONEEL_BEHEER)
    body = {"maanden": 24, "geldig_vanaf": "2026-01-01", "bron": "Besluit college 3 maart 2026"}
    geweigerd = api_for(generalist).post("/api/v1/vog-termijnen/", body, format="json")
    assert geweigerd.status_code == 403
    fout = api_for(beheer).post(
        "/api/v1/vog-termijnen/", {**body, "bron": " "}, format="json"
    )
    assert fout.status_code == 400
    ok = api_for(beheer).post("/api/v1/vog-termijnen/", body, format="json")
    assert ok.status_code == 201
    assert ok.json()["versie"] == 1
    tweede = api_for(beheer).post("/api/v1/vog-termijnen/", {**body, "maanden": 12}, format="json")
    assert tweede.json()["versie"] == 2
    lijst = api_for(beheer).get("/api/v1/vog-termijnen/").json()
    assert [r["maanden"] for r in lijst["results"]] == [12, 24]
