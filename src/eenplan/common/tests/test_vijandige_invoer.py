"""Hostile input on the API is a 4xx with a Dutch message, never a server error (issue 8, item 9).

Each test reproduces what schemathesis found against the demo: `.json` format suffixes on every
route, deeply nested JSON, ids that are not numbers or too large for the database, a month that
is not in the calendar on the CAK export, and dates before 1990 that the deadline rules cannot
count with. `make fuzz` runs the fuzzer itself (see docs/security.md).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.urls import URLPattern, reverse
from django.utils import timezone
from rest_framework.test import APIClient

from eenplan.bezwaren.models import Klacht
from eenplan.conf.api_urls import router
from eenplan.gemeente.constants import Rol
from eenplan.gemeente.models import Medewerker
from eenplan.inwoners.constants import Relatie
from eenplan.inwoners.models import Huishouden, Inwoner
from eenplan.inwoners.services import huishouden_create
from eenplan.meldingen.models import Melding
from eenplan.onderzoeken.models import Leefgebied
from eenplan.plannen.models import Doel
from eenplan.plannen.services import plan_open
from eenplan.testing.factories import MedewerkerFactory, next_bsn

pytestmark = pytest.mark.django_db

TE_GROOT = 10**20  # beyond a bigint id column


@pytest.fixture
def alle_rollen(midoffice_team: Any) -> Medewerker:
    """A login with every role (functioneel beheer too), serving every wijk: nothing stops at
    403."""
    return MedewerkerFactory(
        gemeente=midoffice_team.gemeente,
        functie=Rol.MIDOFFICE,
        extra_rollen=list(Rol),
        teams=[midoffice_team],
        registratienummer="SKJ100000009",
        registratie_geldig_tot=timezone.localdate() + dt.timedelta(days=365),
        username="alle.rollen",
    )


@pytest.fixture
def api(alle_rollen: Medewerker) -> APIClient:
    client = APIClient(raise_request_exception=False)
    client.force_authenticate(alle_rollen.user)
    return client


@pytest.fixture
def huishouden(inwoner_noord: Inwoner) -> Huishouden:
    return huishouden_create(
        gemeente=inwoner_noord.gemeente,
        naam="Huishouden Jansen",
        leden=[(inwoner_noord, Relatie.REFERENTIE, dt.date(1975, 5, 1))],
    )


def _routes() -> list[tuple[str, str]]:
    """(name, path) of every API route, with 1 for each id in the path."""
    routes = []
    for pattern in router.urls:
        assert isinstance(pattern, URLPattern)
        if not pattern.name or pattern.name == "api-root":
            continue
        kwargs = {name: "1" for name in pattern.pattern.regex.groupindex if name != "format"}
        if "format" in pattern.pattern.regex.groupindex:
            continue  # a suffix route (there should be none; the test below catches them)
        routes.append((pattern.name, reverse(pattern.name, kwargs=kwargs)))
    return routes


def test_every_route_is_covered():
    names = {name for name, _ in _routes()}
    assert {"melding-toewijzen", "huishouden-detail", "beschikking-export-cak"} <= names
    assert len(names) > 50


def test_a_format_suffix_is_a_4xx_on_every_route(api, huishouden):
    """`/api/v1/meldingen.json`, `/api/v1/meldingen/1/toewijzen.json`: were 500s."""
    server_errors = []
    for _, path in _routes():
        suffixed = path.rstrip("/") + ".json"
        for method in ("get", "post", "patch"):
            response = getattr(api, method)(suffixed, {}, format="json")
            if not 400 <= response.status_code < 500:
                server_errors.append((method, suffixed, response.status_code))
    assert server_errors == []


def test_the_response_format_still_follows_accept_or_the_format_parameter(api):
    assert api.get("/api/v1/wijken/?format=json").status_code == 200
    response = api.get("/api/v1/wijken/", HTTP_ACCEPT="application/json")
    assert response.status_code == 200 and response["Content-Type"] == "application/json"


@pytest.mark.parametrize("pk", ["null,null", "true", "R", "-1", "1.5", "\u0663", "9" * 25])
def test_a_path_id_that_is_not_an_id_is_a_404_on_every_route(api, huishouden, pk):
    """`/api/v1/huishoudens/null,null/` and `/huishoudens/R/leden/` were 500s."""
    wrong = []
    for name, path in _routes():
        if not name.endswith("-detail") and "/1/" not in path:
            continue
        bad = path.replace("/1/", f"/{pk}/", 1)
        for method in ("get", "post", "patch"):
            status = getattr(api, method)(bad, {}, format="json").status_code
            if status != 404:
                wrong.append((method, bad, status))
    assert wrong == []


def test_deeply_nested_json_is_a_400_in_dutch_and_changes_nothing(api):
    for depth in (21, 50_000):
        body = "[" * depth + "]" * depth
        response = api.generic(
            "POST", "/api/v1/meldingen/", body, content_type="application/json"
        )
        assert response.status_code == 400, depth
        assert "te diep genest" in response.json()["detail"]
    assert Melding.objects.count() == 0


def test_json_within_the_depth_limit_reaches_the_validation(api):
    body = {"vraag": [[[[["diep"]]]]]}
    response = api.post("/api/v1/meldingen/", body, format="json")
    assert response.status_code == 400
    assert "vraag" in response.json()  # the serializer answered, not the parser


def test_invalid_json_is_a_400_in_dutch(api):
    response = api.generic("POST", "/api/v1/meldingen/", "{nee", content_type="application/json")
    assert response.status_code == 400
    assert response.json()["detail"].startswith("De JSON in het verzoek is ongeldig")


@pytest.mark.parametrize(
    ("path", "field"),
    [
        (f"/api/v1/inwoners/?wijk={TE_GROOT}", "wijk"),
        (f"/api/v1/aanvragen/?inwoner={TE_GROOT}", "inwoner"),
        (f"/api/v1/plannen/?huishouden={TE_GROOT}", "huishouden"),
        (f"/api/v1/onderzoeken/?inwoner={TE_GROOT}", "inwoner"),
        (f"/api/v1/onderzoeken/?medewerker={TE_GROOT}", "medewerker"),
        (f"/api/v1/meldingen/?medewerker={TE_GROOT}", "medewerker"),
        (f"/api/v1/meldingen/?wijk={TE_GROOT}", "wijk"),
        (f"/api/v1/inzagelog/?inwoner={TE_GROOT}", "inwoner"),
    ],
)
def test_an_id_too_large_for_the_database_is_a_400_in_dutch(api, path, field):
    response = api.get(path)
    assert response.status_code == 400, response.content
    assert field in response.json()


def test_too_large_ids_in_a_body_are_a_400(api, huishouden, generalist):
    plan = plan_open(huishouden=huishouden, actor=generalist.user)
    response = api.post(
        f"/api/v1/plannen/{plan.pk}/samenvoegen/", {"plannen": [TE_GROOT]}, format="json"
    )
    assert response.status_code == 400
    assert "te groot" in str(response.json()["plannen"])


@pytest.mark.parametrize("maand", ["0000-01", "9999-12", "1900-01"])
def test_cak_export_of_a_month_outside_the_calendar_or_plausibility_is_a_400(api, maand):
    response = api.post(
        "/api/v1/beschikkingen/export/cak/", {"maand": maand, "format": "json"}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["maand"]


def test_svb_export_on_an_implausible_day_is_a_400(api):
    response = api.post(
        "/api/v1/beschikkingen/export/svb/", {"op": "0001-01-01", "format": "json"}, format="json"
    )
    assert response.status_code == 400
    assert "geen mogelijke datum" in response.json()["op"][0]


@pytest.mark.parametrize("ontvangen_op", ["0149-06-01", "1989-12-31", "2014-12-31"])
def test_a_klacht_received_before_the_wmo_2015_is_a_400(api, ontvangen_op):
    response = api.post(
        "/api/v1/klachten/",
        {"ingediend_door": "Kees", "ontvangen_op": ontvangen_op, "onderwerp": "Wachttijd"},
        format="json",
    )
    assert response.status_code == 400
    assert "geen mogelijke datum" in response.json()["ontvangen_op"][0]
    assert Klacht.objects.count() == 0


def test_a_melding_received_before_the_wmo_2015_is_a_400(api, inwoner_noord):
    response = api.post(
        "/api/v1/meldingen/",
        {
            "melder_soort": "netwerk",
            "melder_naam": "Kees Jansen (zoon)",
            "kanaal": "telefoon",
            "domeinen": ["wmo"],
            "urgentie": "normaal",
            "vraag": "Moeder valt vaak.",
            "ontvangen_op": "1989-06-01",
            "inwoner": inwoner_noord.pk,
        },
        format="json",
    )
    assert response.status_code == 400
    assert "01-01-2015" in response.json()["ontvangen_op"][0]
    assert Melding.objects.count() == 0


def test_a_birth_date_of_year_one_is_a_400(api, wijken):
    response = api.post(
        "/api/v1/inwoners/",
        {
            "bsn": next_bsn(),
            "voornamen": "Sjef",
            "achternaam": "Hendrix",
            "geboortedatum": "0001-01-01",
            "straat": "Kerkstraat",
            "huisnummer": 12,
            "postcode": "5911 AB",
            "woonplaats": "Venlo",
            "wijk": wijken["Noord"].pk,
        },
        format="json",
    )
    assert response.status_code == 400
    assert "geen mogelijke geboortedatum" in response.json()["geboortedatum"][0]
    assert not Inwoner.objects.filter(achternaam="Hendrix").exists()


def test_a_house_number_too_large_for_the_database_is_a_400(api, wijken):
    response = api.post(
        "/api/v1/inwoners/",
        {
            "bsn": next_bsn(),
            "voornamen": "Sjef",
            "achternaam": "Hendrix",
            "geboortedatum": "1961-04-12",
            "straat": "Kerkstraat",
            "huisnummer": TE_GROOT,
            "postcode": "5911 AB",
            "woonplaats": "Venlo",
            "wijk": wijken["Noord"].pk,
        },
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["huisnummer"]


def test_an_evaluation_in_the_year_9999_is_a_400(api, huishouden, inwoner_noord, generalist):
    plan = plan_open(huishouden=huishouden, actor=generalist.user)
    response = api.post(
        f"/api/v1/plannen/{plan.pk}/doelen/",
        {
            "inwoner": inwoner_noord.pk,
            "leefgebied": Leefgebied.objects.first().pk,
            "omschrijving": "Zelf boodschappen doen",
            "doeltype": "versterken",
            "evaluatie_op": "9999-12-31",
        },
        format="json",
    )
    assert response.status_code == 400, response.json()
    assert "tien jaar vooruit" in response.json()["evaluatie_op"][0]
    assert Doel.objects.count() == 0


@pytest.mark.parametrize("waarde", ["\u00b2", "\u00b2\u00b3", "12\u00b3"])
def test_the_access_log_page_filters_on_a_superscript_digit_without_a_server_error(
    client, privacy_officer, waarde
):
    """'²'.isdigit() is True but int('²') fails: the filter must not take it for a number."""
    client.force_login(privacy_officer.user)
    client.raise_request_exception = False
    response = client.get("/privacy/inzagelog/", {"inwoner": waarde})
    assert response.status_code in (200, 400)
    assert "Inwoner" in response.content.decode()


def _waarde(schema: dict[str, Any]) -> Any:
    """A plausible value for a query parameter's schema: the first choice, 1, true or today."""
    if schema.get("enum"):
        return schema["enum"][0]
    soort = schema.get("type")
    if soort == "integer":
        return 1
    if soort == "number":
        return 1.5
    if soort == "boolean":
        return "true"
    if schema.get("format") == "date":
        return timezone.localdate().isoformat()
    if schema.get("format") == "date-time":
        return timezone.now().isoformat()
    if soort == "array":
        return _waarde(schema.get("items", {}))
    return "a"


def test_every_documented_query_parameter_with_a_plausible_value_is_never_a_server_error(
    api, huishouden
):
    """`/api/v1/avg-verzoeken/?inwoner=1` was a 500: a filter named in the schema that the list
    passed on under the wrong name. Every GET with all its documented parameters set at once,
    and each parameter on its own, answers below 500."""
    schema = api.get("/api/schema/", {"format": "json"}).json()
    server_errors = []
    for pad, operaties in schema["paths"].items():
        get = operaties.get("get")
        if not get:
            continue
        params = [p for p in get.get("parameters", []) if p["in"] == "query"]
        if not params:
            continue
        url = pad
        for naam in [p["name"] for p in get.get("parameters", []) if p["in"] == "path"]:
            url = url.replace("{" + naam + "}", "1")
        waarden = {p["name"]: _waarde(p.get("schema", {})) for p in params}
        for query in [waarden, *({k: v} for k, v in waarden.items())]:
            response = api.get(url, query)
            if response.status_code >= 500:
                server_errors.append((url, query, response.status_code))
    assert server_errors == []
