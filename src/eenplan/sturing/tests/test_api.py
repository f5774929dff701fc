"""/api/v1/indicatoren/: the registry, values by dimension and period, the trend, who may ask."""

from __future__ import annotations

import datetime as dt

import pytest

from eenplan.gemeente.constants import Rol
from eenplan.privacy.models import Inzage
from eenplan.sturing.services import momentopname_take
from eenplan.testing.factories import InwonerFactory, MedewerkerFactory, MeldingFactory, WijkFactory
from eenplan.testing.helpers import api_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def gemeente_met_meldingen():
    inwoner = InwonerFactory()
    gemeente = inwoner.gemeente
    wijk = WijkFactory(gemeente=gemeente, code="WK900199", naam="Oost")
    MeldingFactory(inwoner=inwoner)
    for _ in range(6):
        MeldingFactory(inwoner=InwonerFactory(gemeente=gemeente, wijk=wijk), kanaal="web")
    return gemeente


def _client(gemeente, rol):
    return api_for(MedewerkerFactory(gemeente=gemeente, functie=rol))


def test_list_names_every_indicator_with_its_source_and_dimensions(gemeente_met_meldingen):
    api = _client(gemeente_met_meldingen, Rol.BELEID)
    data = api.get("/api/v1/indicatoren/", {"per_pagina": 100}).json()["results"]
    ids = {i["id"] for i in data}
    assert {
        "meldingen",
        "bbv_29_jeugdhulp",
        "bbv_30_jeugdbescherming",
        "bbv_32_wmo_maatwerk",
        "stapeling",
        "mantelzorg_besproken",
    } <= ids
    meldingen = next(i for i in data if i["id"] == "meldingen")
    assert "seed 000" in meldingen["bron"]
    assert {"id": "kanaal", "naam": "Kanaal", "periode": False} in meldingen["dimensies"]


def test_values_by_wijk_suppress_the_single_resident(gemeente_met_meldingen):
    client = _client(gemeente_met_meldingen, Rol.RAADSLID)
    data = client.get("/api/v1/indicatoren/meldingen/?per=wijk").json()
    assert float(data["totaal"]["waarde"]) == 7
    assert len(data["rijen"]) == 2
    # The one resident of the other wijk is suppressed, and so is Oost (7 - 6 would show it).
    assert all(
        r["onderdrukt"] and r["waarde"] is None and r["aantal"] is None for r in data["rijen"]
    )


def test_values_by_month(gemeente_met_meldingen):
    data = (
        _client(gemeente_met_meldingen, Rol.CONTRACTMANAGER)
        .get("/api/v1/indicatoren/meldingen/?per=maand")
        .json()
    )
    # All seven were received three days ago (the factory's date): one month, seven meldingen.
    maand = dt.date.today() - dt.timedelta(days=3)
    assert [(r["sleutel"], float(r["waarde"])) for r in data["rijen"]] == [(f"{maand:%Y-%m}", 7)]


def test_unknown_dimension_and_bad_date_are_dutch_400s(gemeente_met_meldingen):
    client = _client(gemeente_met_meldingen, Rol.BELEID)
    response = client.get("/api/v1/indicatoren/meldingen/?per=aanbieder")
    assert response.status_code == 400
    assert "geen splitsing" in str(response.json())
    assert client.get("/api/v1/indicatoren/meldingen/?van=gisteren").status_code == 400
    assert client.get("/api/v1/indicatoren/meldingen/?aanbieder=X").status_code == 400
    assert client.get("/api/v1/indicatoren/bestaat_niet/").status_code == 404


def test_trend_from_snapshots(gemeente_met_meldingen):
    vandaag = dt.date.today()
    momentopname_take(gemeente_id=gemeente_met_meldingen.pk, maand=vandaag)
    data = (
        _client(gemeente_met_meldingen, Rol.BELEID)
        .get("/api/v1/indicatoren/meldingen/trend/")
        .json()
    )
    assert len(data) == 1
    # The month's meldingen: those of the last three days, unless the month just began.
    assert data[0]["tot"].startswith(f"{vandaag:%Y-%m}")


@pytest.mark.parametrize("rol", [Rol.GENERALIST, Rol.BACKOFFICE, Rol.PRIVACY, Rol.VRIJWILLIGER])
def test_dossier_roles_without_the_aggregate_permission_are_refused_and_logged(
    gemeente_met_meldingen, rol
):
    client = _client(gemeente_met_meldingen, rol)
    assert client.get("/api/v1/indicatoren/").status_code == 403
    assert Inzage.objects.filter(toegestaan=False, pad__startswith="/api/v1/indicatoren/").exists()
