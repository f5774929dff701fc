"""Municipal settings in functioneel beheer: the abonnementstarief per year. A missing year is
never filled from an earlier one; beheer is told and enters it with its source."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from eenplan.conftest import login
from eenplan.rules.eigen_bijdrage import TariefOntbreekt, abonnementstarief
from eenplan.testing.helpers import api_for
from eenplan.voorzieningen import selectors
from eenplan.voorzieningen.models import AbonnementstariefGegeven

pytestmark = pytest.mark.django_db


def test_a_missing_year_is_reported_until_it_is_entered(client, beheer):
    # The built-in data knows 2025 and 2026 (Stcrt. 2025, 35082); 2027 is not known yet.
    assert selectors.abonnementstarief_ontbreekt(vandaag=dt.date(2026, 6, 1)) == [2027]
    with pytest.raises(TariefOntbreekt):
        abonnementstarief(dt.date(2027, 3, 1), selectors.abonnementstarieven())
    login(client, beheer)
    response = client.get("/functioneel-beheer/")
    if dt.date.today().year == 2026:
        assert "Het abonnementstarief ontbreekt voor 2027" in response.content.decode()
    response = client.post(
        "/functioneel-beheer/instellingen/abonnementstarieven/",
        {"jaar": "2027", "bedrag": "22,40", "periode": "maand", "bron": "Stcrt. 2026, 4711"},
    )
    assert response.status_code == 302
    assert selectors.abonnementstarief_ontbreekt(vandaag=dt.date(2026, 6, 1)) == []
    tarief = abonnementstarief(dt.date(2027, 3, 1), selectors.abonnementstarieven())
    assert tarief.bedrag == Decimal("22.40") and tarief.bron == "Stcrt. 2026, 4711"
    page = client.get("/functioneel-beheer/instellingen/").content.decode()
    assert "Stcrt. 2026, 4711" in page and "Stcrt. 2025, 35082" in page


def test_bad_tariff_input_changes_nothing(client, beheer):
    login(client, beheer)
    for data, fout in [
        ({"jaar": "2027", "bedrag": "-1", "periode": "maand", "bron": "X"}, "groter dan nul"),
        ({"jaar": "2027", "bedrag": "22,40", "periode": "maand", "bron": ""}, "Vul dit veld in"),
        ({"jaar": "1999", "bedrag": "22,40", "periode": "maand", "bron": "X"}, "vanaf 2015"),
        ({"jaar": "2027", "bedrag": "22,40", "periode": "week", "bron": "X"}, "Kies een van"),
    ]:
        response = client.post(
            "/functioneel-beheer/instellingen/abonnementstarieven/", data, follow=True
        )
        html = response.content.decode()
        assert "Het tarief is niet ingevoerd" in html, data
        assert fout in html, (data, fout)
    assert not AbonnementstariefGegeven.objects.exists()
    goed = {"jaar": "2027", "bedrag": "22,40", "periode": "maand", "bron": "Stcrt. 2026, 1"}
    client.post("/functioneel-beheer/instellingen/abonnementstarieven/", goed)
    response = client.post(
        "/functioneel-beheer/instellingen/abonnementstarieven/", goed, follow=True
    )
    assert "Voor 2027 is al een abonnementstarief ingevoerd." in response.content.decode()
    assert AbonnementstariefGegeven.objects.count() == 1


def test_tariffs_api(beheer, generalist):
    client = api_for(beheer)
    response = client.get("/api/v1/beheer/abonnementstarieven/")
    assert response.status_code == 200
    assert {"jaar": 2026, "bedrag": "21.80", "periode": "maand"}.items() <= next(
        r for r in response.json()["results"] if r["jaar"] == 2026
    ).items()
    response = client.post(
        "/api/v1/beheer/abonnementstarieven/",
        {"jaar": 2027, "bedrag": "22.40", "periode": "maand", "bron": "Stcrt. 2026, 4711"},
        format="json",
    )
    assert response.status_code == 201 and response.json()["jaar"] == 2027
    assert (
        api_for(generalist)
        .post("/api/v1/beheer/abonnementstarieven/", {}, format="json")
        .status_code
        == 403
    )
