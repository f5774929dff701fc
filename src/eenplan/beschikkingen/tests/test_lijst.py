"""The beschikkingen list: page `/beschikkingen/` and API `/api/v1/beschikkingen/` search with
the same parameters through one selector, within need-to-know; unknown parameters are refused;
the number of queries does not grow with the rows."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from rest_framework.test import APIClient

from eenplan.beschikkingen import services
from eenplan.beschikkingen.services import Regel
from eenplan.conftest import login
from eenplan.privacy.models import Inzage
from eenplan.testing.factories import InwonerFactory, gecontracteerd
from eenplan.voorzieningen.services import voorziening_create

pytestmark = pytest.mark.django_db
VANDAAG = timezone.localdate()


def _voorziening(gemeente, naam: str, code: str):
    return voorziening_create(
        gemeente=gemeente,
        naam=naam,
        soort="individueel",
        wet="wmo",
        productcategorie="01",
        productcode=code,
        eenheid="04",
        frequentie="2",
        uitvoeringsvariant="inspanning",
        kostprijs_per_maand=Decimal("100.00"),
    )


def _beschikking(inwoner, door, voorziening, *, wet="wmo", dagen=1, verzenden=False):
    aanvraag = services.aanvraag_register(
        inwoner=inwoner,
        omschrijving=voorziening.naam,
        wet=wet,
        ontvangen_op=VANDAAG - dt.timedelta(days=dagen),
        ingediend_door=inwoner.naam,
        door=door,
    )
    b = services.beschikking_issue(
        aanvraag=aanvraag,
        actor=door,
        besloten_op=VANDAAG - dt.timedelta(days=dagen),
        motivering="m",
        regels=[
            Regel(
                voorziening=voorziening,
                uitkomst="toegekend",
                omvang=Decimal(2),
                begin=VANDAAG,
                einde=VANDAAG + dt.timedelta(days=200),
                leveringsvorm="zin",
                aanbieder=gecontracteerd(voorziening),
            )
        ],
    )
    if verzenden:
        b = services.beschikking_send(beschikking=b, actor=door, op=VANDAAG)
    return b


@pytest.fixture
def wereld(gemeente, wijken, inwoner_noord, inwoner_zuid, backoffice_user):
    hh = _voorziening(gemeente, "Hulp bij het huishouden", "01A01")
    bg = _voorziening(gemeente, "Begeleiding", "02A01")
    return {
        "anna_hh": _beschikking(inwoner_noord, backoffice_user, hh, dagen=20, verzenden=True),
        "anna_bg": _beschikking(inwoner_noord, backoffice_user, bg, dagen=2),
        "piet_hh": _beschikking(inwoner_zuid, backoffice_user, hh, dagen=5, verzenden=True),
        "hh": hh,
        "bg": bg,
    }


def _ids_page(body: str, wereld) -> set[str]:
    return {
        naam
        for naam, b in wereld.items()
        if hasattr(b, "besloten_op") and f'href="/beschikkingen/{b.pk}/"' in body
    }


def _api(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.mark.parametrize(
    ("params", "verwacht"),
    [
        ({}, {"anna_hh", "anna_bg", "piet_hh"}),
        ({"q": "Jansen"}, {"anna_hh", "anna_bg"}),
        ({"q": "anna jan"}, {"anna_hh", "anna_bg"}),
        ({"status": "verzonden"}, {"anna_hh", "piet_hh"}),
        ({"status": "concept"}, {"anna_bg"}),
        ({"wet": "jeugd"}, set()),
        ({"besloten_van": (VANDAAG - dt.timedelta(days=6)).isoformat()}, {"anna_bg", "piet_hh"}),
        (
            {
                "besloten_van": (VANDAAG - dt.timedelta(days=30)).isoformat(),
                "besloten_tot": (VANDAAG - dt.timedelta(days=10)).isoformat(),
            },
            {"anna_hh"},
        ),
    ],
)
def test_page_and_api_find_the_same_beschikkingen(
    client, wereld, backoffice_user, params, verwacht
):
    client.force_login(backoffice_user)
    page = client.get("/beschikkingen/", params)
    assert page.status_code == 200
    assert _ids_page(page.content.decode(), wereld) == verwacht
    api = _api(backoffice_user).get("/api/v1/beschikkingen/", params)
    assert api.status_code == 200, api.content
    namen = {n for n, b in wereld.items() if hasattr(b, "besloten_op")}
    ids = {r["id"] for r in api.json()["results"]}
    assert {n for n in namen if wereld[n].pk in ids} == verwacht


def test_search_by_bsn_number_and_voorziening(client, wereld, backoffice_user, inwoner_zuid):
    client.force_login(backoffice_user)
    for params, verwacht in [
        ({"q": inwoner_zuid.bsn}, {"piet_hh"}),
        ({"q": str(wereld["anna_bg"].pk)}, {"anna_bg"}),
        ({"voorziening": wereld["bg"].pk}, {"anna_bg"}),
    ]:
        body = client.get("/beschikkingen/", params).content.decode()
        assert _ids_page(body, wereld) == verwacht, params
        api = _api(backoffice_user).get("/api/v1/beschikkingen/", params).json()
        assert {r["id"] for r in api["results"]} == {wereld[n].pk for n in verwacht}


def test_the_list_keeps_to_the_need_to_know_and_logs_who_it_shows(
    client, wereld, generalist, inwoner_noord
):
    """The generalist of wijk Noord sees Anna's beschikkingen, not Piet's (Zuid)."""
    body = login(client, generalist).get("/beschikkingen/").content.decode()
    assert _ids_page(body, wereld) == {"anna_hh", "anna_bg"}
    assert "Vries" not in body
    assert Inzage.objects.filter(user=generalist.user, inwoner=inwoner_noord).exists()
    api = _api(generalist.user).get("/api/v1/beschikkingen/", {"q": "Vries"}).json()
    assert api["results"] == []


def test_unknown_or_wrong_parameters_are_refused_in_dutch(client, wereld, backoffice_user):
    client.force_login(backoffice_user)
    page = client.get("/beschikkingen/", {"stand": "verzonden"})
    assert page.status_code == 400
    body = page.content.decode()
    assert "Onbekende zoekparameter: stand" in body and "Geen beschikkingen gevonden" in body
    api = _api(backoffice_user).get("/api/v1/beschikkingen/", {"stand": "verzonden"})
    assert api.status_code == 400
    assert api.json()["onbekende_parameters"] == ["stand"]  # common.api.schema, every API list
    # All errors at once: a one-letter name and a period that ends before it starts.
    params = {"q": "a", "besloten_van": "2026-05-01", "besloten_tot": "2026-04-01"}
    body = client.get("/beschikkingen/", params).content.decode()
    assert "minstens twee letters" in body and "eindigt vóór zij begint" in body
    fouten = _api(backoffice_user).get("/api/v1/beschikkingen/", params).json()
    assert "minstens twee letters" in str(fouten) and "eindigt vóór zij begint" in str(fouten)


def test_the_list_is_reachable_from_the_beschikkingen_navigation(client, wereld, backoffice_user):
    client.force_login(backoffice_user)
    body = client.get("/beschikkingen/aanvragen/").content.decode()
    assert 'href="/beschikkingen/"' in body


def test_list_queries_stay_flat(client, wereld, backoffice_user, gemeente, wijken):
    client.force_login(backoffice_user)
    with CaptureQueriesContext(connection) as weinig:
        assert client.get("/beschikkingen/").status_code == 200
    api = _api(backoffice_user)
    with CaptureQueriesContext(connection) as weinig_api:
        assert api.get("/api/v1/beschikkingen/").status_code == 200
    for i in range(8):
        inwoner = InwonerFactory(gemeente=gemeente, wijk=wijken["Oost"], achternaam=f"Extra{i}")
        _beschikking(inwoner, backoffice_user, wereld["bg"], dagen=3, verzenden=i % 2 == 0)
    with CaptureQueriesContext(connection) as veel:
        body = client.get("/beschikkingen/").content.decode()
    assert "11 beschikkingen" in body
    with CaptureQueriesContext(connection) as veel_api:
        assert api.get("/api/v1/beschikkingen/").json()["count"] == 11
    assert len(veel.captured_queries) == len(weinig.captured_queries)
    assert len(veel_api.captured_queries) == len(weinig_api.captured_queries)


def test_the_page_number_is_pagina_on_the_page_and_in_the_api(
    client, wereld, backoffice_user, gemeente, wijken
):
    """One name for the page number, as in the werkvoorraad and the rest of the API: `pagina`
    (and `per_pagina` in the API). The English `page` is an unknown parameter on both."""
    for i in range(26):
        inwoner = InwonerFactory(gemeente=gemeente, wijk=wijken["Oost"], achternaam=f"Veel{i}")
        _beschikking(inwoner, backoffice_user, wereld["bg"], dagen=2)
    client.force_login(backoffice_user)
    eerste = client.get("/beschikkingen/").content.decode()
    assert 'rel="next" href="?pagina=2"' in eerste
    tweede = client.get("/beschikkingen/", {"pagina": 2})
    assert tweede.status_code == 200
    assert 'rel="prev" href="?pagina=1"' in tweede.content.decode()
    oud = client.get("/beschikkingen/", {"page": 2})
    assert oud.status_code == 400 and "Onbekende zoekparameter: page" in oud.content.decode()

    api = _api(backoffice_user)
    body = api.get("/api/v1/beschikkingen/", {"per_pagina": 10, "pagina": 2}).json()
    assert body["count"] == 29 and len(body["results"]) == 10
    assert "pagina=3" in body["next"] and "per_pagina=10" in body["next"]
    for oude_naam in ("page", "page_size"):
        antwoord = api.get("/api/v1/beschikkingen/", {oude_naam: 2})
        assert antwoord.status_code == 400
        assert antwoord.json()["onbekende_parameters"] == [oude_naam]
