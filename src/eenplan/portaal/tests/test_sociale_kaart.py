"""The public sociale kaart (issues 13 and 15): searchable without a login by words, wijk, life
domain and target group; exported as open data (CSV, JSON); a public API; in the portal the
resident's own wijk. Never a resident or anything from a dossier."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from django.test import override_settings
from rest_framework.test import APIClient

from eenplan.onderzoeken.models import Leefgebied
from eenplan.portaal import kaart
from eenplan.testing import scenarios
from eenplan.testing.factories import GemeenteFactory, InwoneraccountFactory
from eenplan.voorzieningen.models import Doelgroep
from eenplan.voorzieningen.selectors import doelgroepen_uit_tekst
from eenplan.voorzieningen.services import voorziening_create

pytestmark = pytest.mark.django_db

ALGEMEEN = {
    "Dagcentrum De Schakel",
    "Wijkbus Venlo",
    "Wijkrestaurant Noord",
    "Mantelzorgsalon",
    "Koffieochtend Zuid",
}


def _tekst(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


def _namen(response) -> set[str]:
    kop = r'<h3 class="utrecht-heading-3" id="sk-\d+">([^<]+)</h3>'
    return set(re.findall(kop, _tekst(response)))


@pytest.fixture
def zaak():
    """Anna's case (a resident with a plan and a beschikking) beside the catalogue."""
    return scenarios.beschikt(scenarios.gemeente())


def test_anyone_finds_the_algemene_voorzieningen_without_logging_in(client, zaak):
    response = client.get("/sociale-kaart/")
    assert response.status_code == 200
    assert _namen(response) == ALGEMEEN  # not the maatwerk (hulp bij het huishouden)
    tekst = _tekst(response)
    assert "Hulp bij het huishouden" not in tekst
    # No resident, no staff member, nothing of the case on the page.
    for naam in (zaak.inwoner.naam, zaak.inwoner.achternaam, zaak.generalist.user.username):
        assert naam not in tekst


@pytest.mark.parametrize(
    ("filter_", "verwacht"),
    [
        ({"wijk": "Zuid"}, {"Koffieochtend Zuid", "Wijkbus Venlo", "Mantelzorgsalon"}),
        ({"doelgroep": "mantelzorgers"}, {"Mantelzorgsalon", "Wijkrestaurant Noord"}),
        ({"leefgebied": "participatie"}, {"Wijkbus Venlo"}),
        ({"q": "koffie"}, {"Koffieochtend Zuid"}),
        (
            {"wijk": "Noord", "doelgroep": "ouderen"},
            {"Dagcentrum De Schakel", "Wijkrestaurant Noord", "Wijkbus Venlo"},
        ),
    ],
)
def test_the_filters_wijk_life_domain_and_target_group(client, zaak, filter_, verwacht):
    params = {}
    if "wijk" in filter_:
        params["wijk"] = zaak.wijken[filter_["wijk"]].pk
    if "doelgroep" in filter_:
        params["doelgroep"] = Doelgroep.objects.get(code=filter_["doelgroep"]).pk
    if "leefgebied" in filter_:
        params["leefgebied"] = Leefgebied.objects.get(code=filter_["leefgebied"]).pk
    if "q" in filter_:
        params["q"] = filter_["q"]
    assert _namen(client.get("/sociale-kaart/", params)) == verwacht
    # The API gives the same rows.
    api = APIClient().get("/api/v1/sociale-kaart/", params).json()
    assert {r["naam"] for r in api["results"]} == verwacht


def test_a_filter_value_that_is_not_on_offer_is_ignored(client, zaak):
    response = client.get("/sociale-kaart/", {"wijk": "999999", "doelgroep": "x"})
    assert response.status_code == 200 and _namen(response) == ALGEMEEN


def test_the_open_data_export_in_csv_and_json(client, zaak):
    response = client.get("/sociale-kaart/export.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    rijen = list(csv.DictReader(io.StringIO(response.content.decode("utf-8"))))
    assert list(rijen[0]) == list(kaart.KOLOMMEN)
    assert {r["naam"] for r in rijen} == ALGEMEEN
    salon = next(r for r in rijen if r["naam"] == "Mantelzorgsalon")
    assert (salon["doelgroepen"], salon["wijken"], salon["prijs"]) == ("Mantelzorgers", "", "0.00")
    dagcentrum = next(r for r in rijen if r["naam"] == "Dagcentrum De Schakel")
    assert dagcentrum["doelgroepen"] == "Ouderen; Mensen met een beperking of chronische ziekte"

    data = json.loads(client.get("/sociale-kaart/export.json").content)
    assert (data["licentie"], data["gemeentecode"], data["aantal"]) == (
        "CC0-1.0",
        zaak.gemeente.cbs_code,
        5,
    )
    assert data["bron"].endswith("/sociale-kaart/")
    assert {r["naam"] for r in data["voorzieningen"]} == ALGEMEEN
    assert set(data["voorzieningen"][0]) == set(kaart.KOLOMMEN)
    # The export follows the filters of the page.
    zuid = client.get("/sociale-kaart/export.json", {"wijk": zaak.wijken["Zuid"].pk})
    assert json.loads(zuid.content)["aantal"] == 3
    assert zaak.inwoner.naam not in response.content.decode() + zuid.content.decode()


def test_the_lists_take_a_bounded_number_of_queries(client, zaak, django_assert_max_num_queries):
    for i in range(30):
        voorziening_create(
            gemeente=zaak.gemeente,
            naam=f"Inloop {i}",
            soort="algemeen",
            wet="wmo",
            organisatie="Buurthuis",
            wijken=[zaak.wijken["Oost"]],
            doelgroepen=doelgroepen_uit_tekst("ouderen en mantelzorgers"),
            eigen_bijdrage="geen",
        )
    with django_assert_max_num_queries(14):
        assert client.get("/sociale-kaart/").status_code == 200
    with django_assert_max_num_queries(14):
        assert client.get("/sociale-kaart/export.csv").status_code == 200
    with django_assert_max_num_queries(14):
        assert APIClient().get("/api/v1/sociale-kaart/").status_code == 200


def test_with_several_municipalities_the_visitor_chooses(client, zaak):
    andere = GemeenteFactory(cbs_code="GM0889", naam="Beesel")
    keuze = client.get("/sociale-kaart/")
    assert keuze.status_code == 200 and "Kies uw gemeente" in _tekst(keuze)
    assert andere.naam in _tekst(keuze)
    gekozen = client.get("/sociale-kaart/", {"gemeente": zaak.gemeente.cbs_code})
    assert _namen(gekozen) == ALGEMEEN
    assert _namen(client.get("/sociale-kaart/", {"gemeente": andere.cbs_code})) == set()
    onbekend = client.get("/sociale-kaart/", {"gemeente": "GM0000"})
    assert onbekend.status_code == 404 and "Deze gemeente kennen wij niet" in _tekst(onbekend)
    assert APIClient().get("/api/v1/sociale-kaart/", {"gemeente": "GM0000"}).status_code == 404
    with override_settings(EENPLAN_PORTAAL_GEMEENTE=zaak.gemeente.cbs_code):
        assert _namen(client.get("/sociale-kaart/")) == ALGEMEEN


def test_in_the_portal_the_resident_sees_the_kaart_of_their_own_wijk(client, zaak):
    account = InwoneraccountFactory(inwoner=zaak.inwoner)  # Anna lives in Noord
    client.force_login(account.user)
    response = client.get(f"/mijn/{zaak.inwoner.pk}/sociale-kaart/")
    assert response.status_code == 200
    assert "Sociale kaart van Noord" in _tekst(response)
    assert _namen(response) == ALGEMEEN - {"Koffieochtend Zuid"}
    # A wijk in the URL does not widen it; the other filters work.
    zuid = client.get(
        f"/mijn/{zaak.inwoner.pk}/sociale-kaart/",
        {"wijk": zaak.wijken["Zuid"].pk, "q": "koffie"},
    )
    assert _namen(zuid) == set()
    # A logged-in resident reaches the public page too (it is not a staff page).
    assert client.get("/sociale-kaart/").status_code == 200


def test_free_text_target_groups_map_onto_the_national_list(zaak):
    codes = [d.code for d in doelgroepen_uit_tekst("Ouderen en mantelzorgers uit de wijk")]
    assert codes == ["ouderen", "mantelzorgers"]
    assert doelgroepen_uit_tekst("Voor de hele buurt") == []
