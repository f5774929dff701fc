"""The staff API of the message traffic: the same data as the pages, through the same
selectors; filters refused when unknown or wrong; only for roles that handle messages."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from eenplan.gemeente.constants import Rol
from eenplan.privacy.models import Inzage
from eenplan.testing.berichten import bericht
from eenplan.testing.factories import (
    AanbiederFactory,
    GemeenteFactory,
    InwonerFactory,
    MedewerkerFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(gemeente):
    medewerker = MedewerkerFactory(gemeente=gemeente, functie=Rol.CONTRACTMANAGER, username="cm")
    client = APIClient()
    client.force_authenticate(medewerker.user)
    return client


def test_log_lists_messages_with_explained_codes_and_filters(api, gemeente, inwoner_noord):
    aanbieder = AanbiederFactory()
    a = bericht(gemeente, aanbieder, inwoner_noord, codes=["9321"], status="deels_afgekeurd")
    bericht(gemeente, aanbieder, code="305", codes=["0200"])
    data = api.get("/api/v1/berichten/log/").json()
    assert data["count"] == 2
    rij = next(r for r in data["results"] if r["id"] == a.pk)
    assert rij["soort"] == "WMO323" and rij["status"] == "deels_afgekeurd"
    assert rij["aanbieder"]["naam"] == aanbieder.naam
    assert rij["inwoners"] == [{"id": inwoner_noord.pk, "naam": inwoner_noord.naam}]
    assert rij["retourcodes"][0]["code"] == "9321"
    assert "meer gedeclareerd dan toegewezen" in rij["retourcodes"][0]["uitleg"]
    gefilterd = api.get(f"/api/v1/berichten/log/?inwoner={inwoner_noord.pk}&retourcode=9321")
    assert [r["id"] for r in gefilterd.json()["results"]] == [a.pk]
    assert Inzage.objects.filter(inwoner=inwoner_noord, onderwerp="bericht", kanaal="api").exists()


def test_a_declaratie_about_many_residents_names_three_in_the_log_and_all_in_its_detail(
    api, gemeente
):
    """As the page: a list row names three residents (by name) and how many more, and only
    those are logged as shown; the message itself names them all."""
    inwoners = [
        InwonerFactory(gemeente=gemeente, achternaam=naam)
        for naam in ("Visser", "Bakker", "Smit", "Jansen", "de Vries")
    ]
    b = bericht(gemeente, AanbiederFactory(), inwoners[0])
    b.inwoners.add(*inwoners[1:])
    rij = api.get("/api/v1/berichten/log/").json()["results"][0]
    genoemd = sorted(inwoners, key=lambda i: (i.achternaam, i.voornamen, i.pk))[:3]
    assert rij["inwoners"] == [{"id": i.pk, "naam": i.naam} for i in genoemd]
    assert rij["inwoners_meer"] == 2
    assert set(Inzage.objects.values_list("inwoner_id", flat=True)) == {i.pk for i in genoemd}
    detail = api.get(f"/api/v1/berichten/log/{b.pk}/").json()["bericht"]
    assert {r["id"] for r in detail["inwoners"]} == {i.pk for i in inwoners}
    assert detail["inwoners_meer"] == 0
    assert set(Inzage.objects.values_list("inwoner_id", flat=True)) == {i.pk for i in inwoners}


def test_the_log_of_another_municipalitys_resident_is_refused_and_logged(api, gemeente):
    """`inwoner` names a resident of the login's municipality: another's (or none) is a Dutch
    400 on that field and a refused row, the same answer for both."""
    elders = InwonerFactory(gemeente=GemeenteFactory(cbs_code="GM0889", naam="Beesel"))
    for pk in (elders.pk, 999999):
        response = api.get(f"/api/v1/berichten/log/?inwoner={pk}")
        assert response.status_code == 400
        assert response.json()["inwoner"] == [f"Inwoner {pk} is onbekend in uw gemeente."]
    geweigerd = Inzage.objects.filter(toegestaan=False, onderwerp="bericht", kanaal="api")
    assert [r.reden for r in geweigerd.order_by("id")] == [
        f"Inwoner {pk}: niet binnen uw gemeente of bestaat niet." for pk in (elders.pk, 999999)
    ]


def test_log_refuses_unknown_and_bad_parameters(api):
    assert api.get("/api/v1/berichten/log/?stauts=verwerkt").status_code == 400
    response = api.get("/api/v1/berichten/log/?dag=gisteren")
    assert response.status_code == 400
    assert "dag" in response.json()


def test_detail_has_the_file_and_explained_codes(api, gemeente, inwoner_noord):
    b = bericht(gemeente, AanbiederFactory(), inwoner_noord, codes=["9069"], code="307")
    data = api.get(f"/api/v1/berichten/log/{b.pk}/").json()
    assert data["bericht"]["id"] == b.pk
    assert data["ingesprongen"] is True
    assert data["xml"].startswith("<wmo323:Bericht")
    assert data["bericht"]["retourcodes"][0]["regel"] == "TR069"
    assert api.get("/api/v1/berichten/log/999999/").status_code == 404


def test_worklist_budget_and_codes(api, gemeente, inwoner_noord):
    vandaag = timezone.localdate()
    b = bericht(
        gemeente,
        AanbiederFactory(),
        inwoner_noord,
        code="305",
        retour_uiterlijk=vandaag - dt.timedelta(days=1),
    )
    rijen = api.get("/api/v1/berichten/werklijst/").json()["results"]
    assert [(r["id"], r["wat"], r["termijn_stand"]) for r in rijen] == [
        (b.pk, "retour", "verlopen")
    ]
    budget = api.get(f"/api/v1/berichten/budget/?jaar={vandaag.year}").json()
    assert budget["jaar"] == vandaag.year and "totaal" in budget
    assert api.get("/api/v1/berichten/budget/?jaar=1900").status_code == 400
    codes = api.get("/api/v1/berichten/retourcodes/", {"per_pagina": 100}).json()["results"]
    assert {c["code"] for c in codes} >= {"0001", "9413", "0611", "8214"}


@pytest.mark.parametrize(
    "pad", ["/api/v1/berichten/log/", "/api/v1/berichten/werklijst/", "/api/v1/berichten/budget/"]
)
def test_roles_without_the_message_log_are_refused(generalist, pad):
    client = APIClient()
    client.force_authenticate(generalist.user)
    assert client.get(pad).status_code == 403
