"""The resident search at scale (issue 16): results in the order of the search name, from
indexes that deliver that order; the count stops at a bound ("Meer dan 500 inwoners
gevonden"), on the page and in the API alike; a fixed number of queries."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from rest_framework.test import APIClient

from eenplan.conftest import login
from eenplan.inwoners.api.views import InwonerPagination
from eenplan.inwoners.models import Inwoner
from eenplan.inwoners.selectors import inwoner_search
from eenplan.privacy import access
from eenplan.testing.factories import InwonerFactory

pytestmark = pytest.mark.django_db
ZOEKEN = reverse("web:inwoner-zoeken")
_NAAM_IN_RIJ = re.compile(r'<a class="utrecht-link" href="/inwoners/\d+/[^"]*">([^<]+)</a>')


def _bewoners(wijk, *namen: tuple[str, str, str]) -> list[Inwoner]:
    return [
        InwonerFactory(
            gemeente=wijk.gemeente,
            wijk=wijk,
            voornamen=voornamen,
            voorvoegsel=voorvoegsel,
            achternaam=achternaam,
        )
        for voornamen, voorvoegsel, achternaam in namen
    ]


def _namen_op_pagina(body: str) -> list[str]:
    return _NAAM_IN_RIJ.findall(body)


@pytest.fixture
def jansen_en_co(wijken):
    """Residents whose surname or first name starts with 'jans', accents and prefixes
    included, and two with the same name (their order is their registration)."""
    noord = wijken["Noord"]
    return _bewoners(
        noord,
        ("Piet", "", "Jansen"),
        ("Ëva", "", "Jänssen"),
        ("Jansje", "de", "Boer"),
        ("Anna", "", "Jans"),
        ("Bram", "", "Janssen"),
        ("Piet", "", "Jansen"),
        ("Kees", "", "Bakker"),  # not found
    )


def test_results_are_in_alphabetical_order_of_the_name_as_typed(client, generalist, jansen_en_co):
    """Surname first ('jans anna' before 'jansen piet'), the first name first for a resident
    found by first name ('jansje de boer' between Jansen and Janssen), accents as the plain
    letter (Jänssen, Ëva after Janssen, Bram), the same name by registration."""
    piet_1, eva, jansje, anna, bram, piet_2, _kees = jansen_en_co
    body = login(client, generalist).get(ZOEKEN, {"q": "jans"}).content.decode()
    assert _namen_op_pagina(body) == [
        "Jans, Anna",
        "Jansen, Piet",
        "Jansen, Piet",
        "Boer, de, Jansje",
        "Janssen, Bram",
        "Jänssen, Ëva",
    ]
    assert body.index(f"/inwoners/{piet_1.pk}/") < body.index(f"/inwoners/{piet_2.pk}/")
    assert "6 inwoners gevonden" in body
    assert "naam zoals u die typte" in body

    api = APIClient()
    api.force_authenticate(generalist.user)
    rijen = api.get("/api/v1/inwoners/", {"q": "jans"}).json()["results"]
    assert [r["id"] for r in rijen] == [anna.pk, piet_1.pk, piet_2.pk, jansje.pk, bram.pk, eva.pk]


def test_a_prefix_typed_before_the_surname_finds_it_in_telephone_directory_order(
    client, generalist, wijken
):
    """'de vries' finds Jan de Vries (surname Vries, prefix 'de') under V, as well as a
    resident whose surname was recorded as 'De Vries'; each once."""
    _bewoners(
        wijken["Noord"],
        ("Jan", "de", "Vries"),
        ("Karin", "", "De Vries"),
        ("Anna", "", "Vries"),
        ("Derk", "", "Vos"),
    )
    body = login(client, generalist).get(ZOEKEN, {"q": "de vries"}).content.decode()
    assert _namen_op_pagina(body) == ["De Vries, Karin", "Vries, Anna", "Vries, de, Jan"]
    body = client.get(ZOEKEN, {"q": "Jan de V"}).content.decode()
    assert _namen_op_pagina(body) == ["Vries, de, Jan"]


def test_a_resident_found_both_ways_is_listed_once(client, generalist, wijken):
    (jan,) = _bewoners(wijken["Noord"], ("Jan", "", "Jansen"))  # 'jansen jan' and 'jan jansen'
    body = login(client, generalist).get(ZOEKEN, {"q": "jan"}).content.decode()
    assert _namen_op_pagina(body) == ["Jansen, Jan"]
    assert "1 inwoner gevonden" in body


def test_the_search_stays_within_the_need_to_know_in_every_branch(
    client, generalist, midoffice, wijken
):
    _bewoners(wijken["Zuid"], ("Piet", "", "Jansen"), ("Jansje", "", "Bakker"))
    _bewoners(wijken["Noord"], ("Anna", "", "Jansen"))
    body = login(client, generalist).get(ZOEKEN, {"q": "jans"}).content.decode()
    assert _namen_op_pagina(body) == ["Jansen, Anna"]
    body = login(client, midoffice).get(ZOEKEN, {"q": "jans"}).content.decode()
    assert _namen_op_pagina(body) == ["Jansen, Anna", "Jansen, Piet", "Bakker, Jansje"]


@pytest.fixture
def grens(monkeypatch):
    """A bound of 30 instead of 500 (the same for page and API), so 31 residents exceed it."""
    monkeypatch.setattr("eenplan.web.views.ZOEK_TELLEN_MAX", 30)
    monkeypatch.setattr(InwonerPagination, "max_aantal", 30)
    return 30


def test_more_than_the_bound_says_so_and_pages_within_it(client, midoffice, wijken, grens):
    for _ in range(grens + 2):
        _bewoners(wijken["Noord"], ("Piet", "", "Bakker"))
    c = login(client, midoffice)
    body = c.get(ZOEKEN, {"q": "bakker"}).content.decode()
    assert "Meer dan 30 inwoners gevonden" in body
    assert "Maak uw zoekvraag preciezer" in body
    assert "32 inwoners" not in body
    assert "Pagina 1 van 2." in body and len(_namen_op_pagina(body)) == 25
    body = c.get(ZOEKEN, {"q": "bakker", "pagina": 2}).content.decode()
    assert "Pagina 2 van 2." in body and len(_namen_op_pagina(body)) == 5
    assert 'rel="next"' not in body

    _bewoners(wijken["Noord"], ("Kees", "", "Smit"))
    body = c.get(ZOEKEN, {"q": "smit"}).content.decode()
    assert "1 inwoner gevonden" in body and "Meer dan" not in body


def test_the_api_counts_to_the_same_bound(midoffice, wijken, grens):
    for _ in range(grens + 2):
        _bewoners(wijken["Noord"], ("Piet", "", "Bakker"))
    api = APIClient()
    api.force_authenticate(midoffice.user)
    body = api.get("/api/v1/inwoners/", {"q": "bakker", "per_pagina": 25}).json()
    assert (body["count"], body["meer"], len(body["results"])) == (30, True, 25)
    body = api.get("/api/v1/inwoners/", {"q": "bakker", "per_pagina": 25, "pagina": 2}).json()
    assert (body["count"], body["meer"], len(body["results"]), body["next"]) == (
        30,
        True,
        5,
        None,
    )
    response = api.get("/api/v1/inwoners/", {"q": "bakker", "per_pagina": 25, "pagina": 3})
    assert response.status_code == 404
    body = api.get("/api/v1/inwoners/", {"q": "piet bak"}).json()
    assert (body["count"], body["meer"]) == (30, True)
    body = api.get("/api/v1/inwoners/", {"q": "smit"}).json()
    assert (body["count"], body["meer"], body["results"]) == (0, False, [])


def test_the_bounded_count_is_in_the_openapi_schema(client):
    schema = json.loads(client.get("/api/schema/", {"format": "json"}).content)
    antwoord = schema["paths"]["/api/v1/inwoners/"]["get"]["responses"]["200"]["content"]
    ref = antwoord["application/json"]["schema"]["$ref"].rsplit("/", 1)[-1]
    properties = schema["components"]["schemas"][ref]["properties"]
    assert properties["count"]["maximum"] == 500
    assert "500" in properties["count"]["description"]
    assert properties["meer"]["type"] == "boolean"


@pytest.mark.parametrize("q", ["jans", "de vries", "02-03-1948"])
def test_page_and_api_use_the_same_number_of_queries_for_3_and_60_results(
    client, midoffice, wijken, q, django_assert_num_queries
):
    def meet():
        c = login(client, midoffice)
        api = APIClient()
        api.force_authenticate(midoffice.user)
        c.get(ZOEKEN, {"q": q})  # warm-up: session, permissions
        api.get("/api/v1/inwoners/", {"q": q})
        with CaptureQueriesContext(connection) as pagina:
            c.get(ZOEKEN, {"q": q})
        with CaptureQueriesContext(connection) as lijst:
            api.get("/api/v1/inwoners/", {"q": q})
        return len(pagina.captured_queries), len(lijst.captured_queries)

    def bewoners(aantal):
        for _ in range(aantal):
            InwonerFactory(
                gemeente=wijken["Noord"].gemeente,
                wijk=wijken["Noord"],
                voornamen="Jansje",
                voorvoegsel="de",
                achternaam="Vries",
                geboortedatum=dt.date(1948, 3, 2),
            )

    bewoners(3)
    weinig = meet()
    bewoners(57)
    assert meet() == weinig
    assert weinig[0] <= 12, weinig  # count, ids, residents with wijk; the rest is the session


def _plan(sql: str, params: list) -> dict:
    with connection.cursor() as cursor:
        # Small test tables: the planner would rightly scan them whole. Without sequential
        # scans, bitmap scans and sorts, what remains shows which index delivers the order —
        # and a Sort node means no index does (then it is the only way, whatever it costs).
        for instelling in ("enable_seqscan", "enable_bitmapscan", "enable_sort"):
            cursor.execute(f"SET LOCAL {instelling} = off")
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
        return cursor.fetchone()[0][0]["Plan"]


def _knopen(plan: dict) -> list[dict]:
    return [plan, *(k for kind in plan.get("Plans", []) for k in _knopen(kind))]


@pytest.mark.parametrize("login_naam", ["midoffice", "generalist"])
def test_name_search_is_an_ordered_index_scan_per_branch_on_postgresql(
    request, wijken, login_naam
):
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only: the plan of the name search (SQLite plans otherwise)")
    medewerker = request.getfixturevalue(login_naam)
    _bewoners(wijken["Noord"], ("Jan", "de", "Vries"), ("Vries", "", "Bakker"))
    _vraag, gevonden = inwoner_search(
        scope=access.inwoners_in_scope(medewerker.user), q="de vries"
    )
    for query in (gevonden.sleutels(26), gevonden.sleutels(500)[475:]):
        sql, params = query.query.sql_with_params()
        knopen = _knopen(_plan(sql, list(params)))
        soorten = [k["Node Type"] for k in knopen]
        assert "Sort" not in soorten and "Incremental Sort" not in soorten, soorten
        assert "Merge Append" in soorten, soorten
        indexen = {k.get("Index Name") for k in knopen if "Index" in k["Node Type"]}
        assert {"inwoner_zoeksleutel_idx", "inwoner_zoekvoornaamsl_idx"} <= indexen, indexen
