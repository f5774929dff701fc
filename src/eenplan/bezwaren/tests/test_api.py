"""The bezwaren and klachten API: register, extend once, decide; refusals for another resident's
decision and for roles without bezwaar; klachten registered and listed."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import pytest
import yaml
from django.core.management import call_command

from eenplan.beschikkingen.models import Aanvraag, Beschikking
from eenplan.bezwaren import services as bezwaren
from eenplan.bezwaren.models import Bezwaar, Klacht
from eenplan.gemeente.constants import Rol
from eenplan.gemeente.models import Gemeente, Medewerker
from eenplan.testing import helpers
from eenplan.testing.factories import InwonerFactory, MedewerkerFactory
from eenplan.testing.helpers import (
    BESCHIKKINGEN,
    BEZWAREN,
    KLACHTEN,
    aanvraag_voor,
    api_for,
    beschikking_voor,
    vandaag,
    zin,
)
from eenplan.voorzieningen.models import Voorziening

pytestmark = pytest.mark.django_db


@pytest.fixture
def backoffice(gemeente: Gemeente, team_noord: Any) -> Medewerker:
    """The back office, working for wijk Noord (the need-to-know scope of these tests)."""
    return MedewerkerFactory(
        gemeente=gemeente, functie=Rol.BACKOFFICE, teams=[team_noord], username="backoffice_noord"
    )


@pytest.fixture
def verzonden(backoffice: Medewerker, aanvraag: Aanvraag, hh: Voorziening) -> Beschikking:
    return helpers.verzonden(aanvraag, hh, backoffice)


def test_bezwaar_registered_postponed_and_decided(backoffice, verzonden, inwoner_noord):
    api = api_for(backoffice)
    response = api.post(
        BEZWAREN,
        {
            "beschikking": verzonden.pk,
            "inwoner": inwoner_noord.pk,
            "ontvangen_op": vandaag().isoformat(),
            "gronden": "Te weinig uren.",
            "ingediend_door": inwoner_noord.naam,
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["tijdigheid"] == "tijdig" and body["uitkomst"] == "lopend"
    eerst = dt.date.fromisoformat(body["beslissen_uiterlijk"])
    assert eerst >= verzonden.bezwaar_uiterlijk + dt.timedelta(weeks=6)
    url = f"{BEZWAREN}{body['id']}/"
    response = api.post(f"{url}verdagen/")
    assert response.status_code == 200 and response.json()["verdaagd"] is True
    assert dt.date.fromisoformat(response.json()["beslissen_uiterlijk"]) > eerst
    response = api.post(f"{url}verdagen/")
    assert response.status_code == 409 and "al eens verdaagd" in response.json()["detail"]
    response = api.post(f"{url}beslissen/", {"uitkomst": "ongegrond"}, format="json")
    assert response.status_code == 200 and response.json()["uitkomst"] == "ongegrond"
    detail = api.get(url).json()
    assert detail["gronden"] == "Te weinig uren."
    assert api.get(BEZWAREN, {"uitkomst": "ongegrond"}).json()["count"] == 1
    assert api.get(f"{BESCHIKKINGEN}{verzonden.pk}/").json()["bezwaren"][0]["id"] == body["id"]


def test_bezwaar_on_a_decision_of_another_resident_is_refused(
    backoffice, verzonden, wijken, inwoner_zuid
):
    buurman = InwonerFactory(gemeente=wijken["Noord"].gemeente, wijk=wijken["Noord"])
    api = api_for(backoffice)
    data = {
        "beschikking": verzonden.pk,
        "inwoner": buurman.pk,
        "ontvangen_op": vandaag().isoformat(),
        "gronden": "g",
        "ingediend_door": buurman.naam,
    }
    response = api.post(BEZWAREN, data, format="json")
    assert response.status_code == 400
    assert "andere inwoner" in response.json()["beschikking"][0]
    response = api.post(BEZWAREN, {**data, "inwoner": inwoner_zuid.pk}, format="json")
    assert response.status_code == 400 and "andere inwoner" in response.json()["beschikking"][0]
    response = api.post(BEZWAREN, {**data, "inwoner": 999999}, format="json")
    assert response.status_code == 400 and "onbekend" in response.json()["inwoner"][0]
    assert not Bezwaar.objects.exists()


def test_bezwaar_decided_with_a_new_decision_of_another_resident_is_refused(
    backoffice, verzonden, inwoner_noord, generalist, hh, wijken
):
    bezwaar = bezwaren.bezwaar_register(
        beschikking=verzonden,
        inwoner=inwoner_noord,
        ontvangen_op=vandaag(),
        gronden="g",
        ingediend_door="Anna",
        actor=backoffice.user,
    )
    buurman = InwonerFactory(gemeente=wijken["Noord"].gemeente, wijk=wijken["Noord"])
    ander = beschikking_voor(aanvraag_voor(buurman, generalist), backoffice, [zin(hh)])
    response = api_for(backoffice).post(
        f"{BEZWAREN}{bezwaar.pk}/beslissen/",
        {"uitkomst": "gegrond", "nieuwe_beschikking": ander.pk},
        format="json",
    )
    assert response.status_code == 400 and "andere inwoner" in str(response.json())
    bezwaar.refresh_from_db()
    assert bezwaar.uitkomst == "lopend"


def test_bezwaren_are_for_the_back_office(generalist, verzonden):
    api = api_for(generalist)
    assert api.get(BEZWAREN).status_code == 403
    assert api.post(BEZWAREN, {}, format="json").status_code == 403


def test_klachten_registered_and_listed(midoffice, generalist, inwoner_noord, gemeente):
    api = api_for(midoffice)
    response = api.post(
        KLACHTEN,
        {
            "ingediend_door": "Anna Jansen",
            "ontvangen_op": vandaag().isoformat(),
            "onderwerp": "Niet teruggebeld",
            "inwoner": inwoner_noord.pk,
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    uiterlijk = dt.date.fromisoformat(response.json()["afhandelen_uiterlijk"])
    assert uiterlijk >= vandaag() + dt.timedelta(weeks=6)
    response = api.post(
        KLACHTEN,
        {"ingediend_door": "X", "ontvangen_op": vandaag().isoformat(), "onderwerp": " "},
        format="json",
    )
    assert response.status_code == 400 and "onderwerp" in response.json()
    assert Klacht.objects.count() == 1
    rows = api.get(KLACHTEN).json()["results"]
    assert [r["inwoner"]["id"] for r in rows] == [inwoner_noord.pk]
    assert api_for(generalist).get(KLACHTEN).status_code == 403


def test_a_klacht_is_handled_through_the_api(backoffice, gemeente):
    klacht = bezwaren.klacht_register(
        gemeente=gemeente,
        ingediend_door="Anna",
        ontvangen_op=vandaag(),
        onderwerp="Niet teruggebeld",
        actor=backoffice.user,
    )
    r = api_for(backoffice).post(
        f"{KLACHTEN}{klacht.pk}/afhandelen/",
        {"op": str(vandaag()), "uitkomst": "Excuses"},
        format="json",
    )
    assert r.status_code == 200 and r.json()["afgehandeld_op"] == str(vandaag())


def test_schema_documents_the_bezwaren_routes_with_a_dutch_summary():
    out = io.StringIO()
    call_command("spectacular", "--fail-on-warn", stdout=out)
    paths = yaml.safe_load(out.getvalue())["paths"]
    for path in (
        "/api/v1/bezwaren/",
        "/api/v1/bezwaren/{id}/",
        "/api/v1/bezwaren/{id}/verdagen/",
        "/api/v1/bezwaren/{id}/beslissen/",
        "/api/v1/bezwaren/{id}/informeel/",
        "/api/v1/klachten/",
        "/api/v1/klachten/{id}/afhandelen/",
    ):
        assert path in paths, path
        assert all(op.get("summary") for op in paths[path].values()), path


def test_bezwaar_and_klacht_carry_the_deadline_state_of_their_pages(
    client, backoffice, verzonden, inwoner_noord, gemeente
):
    """`termijn_status` in the API is the annotation the register pages show."""
    from eenplan.conftest import login

    bezwaar = bezwaren.bezwaar_register(
        beschikking=verzonden,
        inwoner=inwoner_noord,
        ontvangen_op=vandaag(),
        gronden="Te weinig uren.",
        ingediend_door=inwoner_noord.naam,
        actor=backoffice.user,
    )
    klacht = bezwaren.klacht_register(
        gemeente=gemeente,
        ingediend_door="Anna",
        ontvangen_op=vandaag(),
        onderwerp="Niet teruggebeld",
        actor=backoffice.user,
    )
    api = api_for(backoffice)
    assert api.get(f"{BEZWAREN}{bezwaar.pk}/").json()["termijn_status"] == "op_schema"
    assert [r["termijn_status"] for r in api.get(BEZWAREN).json()["results"]] == ["op_schema"]
    assert [r["termijn_status"] for r in api.get(KLACHTEN).json()["results"]] == ["op_schema"]
    login(client, backoffice)
    assert "Op schema" in client.get(f"/beschikkingen/bezwaren/{bezwaar.pk}/").content.decode()
    assert "Op schema" in client.get("/beschikkingen/klachten/").content.decode()
    bezwaren.klacht_settle(
        klacht=klacht, op=vandaag(), uitkomst="Excuses", actor=backoffice.user
    )
    assert [r["termijn_status"] for r in api.get(KLACHTEN).json()["results"]] == [None]
