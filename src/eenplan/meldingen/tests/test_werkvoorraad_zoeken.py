"""The worklist: free-text search (number, BSN, name) with the same parameter names on the page
and in the API, and the mid-office's default view agreeing with the start page."""

from __future__ import annotations

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from eenplan.conftest import login
from eenplan.meldingen import services
from eenplan.meldingen.constants import Status
from eenplan.testing.factories import InwonerFactory
from eenplan.testing.helpers import melding_voor

pytestmark = pytest.mark.django_db
WERKVOORRAAD = reverse("meldingen:werkvoorraad")
API = "/api/v1/meldingen/"


@pytest.fixture
def drie(midoffice, inwoner_noord, wijken):
    ander = InwonerFactory(
        gemeente=inwoner_noord.gemeente,
        wijk=wijken["Noord"],
        voornamen="Piet",
        achternaam="Verstappen",
    )
    return {
        "anna": melding_voor(midoffice, inwoner_noord),
        "piet": melding_voor(midoffice, ander),
        "onbekend": melding_voor(midoffice, onbekende_persoon="Oudere man, Parade 7"),
    }


def _page_ids(client, **params):
    page = client.get(WERKVOORRAAD, {"weergave": "alle", **params}).context["page"]
    return sorted(m.pk for m in page.object_list)


def _api_ids(api, **params):
    return sorted(r["id"] for r in api.get(API, params).json()["results"])


@pytest.mark.parametrize(
    ("zoek", "wie"),
    [
        ("anna", ["anna"]),
        ("Jansen", ["anna"]),
        ("verst", ["piet"]),
        ("Parade", ["onbekend"]),
        ("nummer", None),  # replaced by the melding number of Piet's melding
        ("bsn", None),  # replaced by Anna's BSN
        ("xyzzy", []),
    ],
)
def test_search_by_name_number_or_bsn_on_page_and_api_alike(
    client, midoffice, drie, inwoner_noord, zoek, wie
):
    if zoek == "nummer":
        zoek, wie = str(drie["piet"].pk), ["piet"]
    elif zoek == "bsn":
        zoek, wie = inwoner_noord.bsn, ["anna"]
    verwacht = sorted(drie[w].pk for w in wie)
    login(client, midoffice)
    api = APIClient()
    api.force_authenticate(midoffice.user)
    assert _page_ids(client, q=zoek) == verwacht
    assert _api_ids(api, q=zoek) == verwacht


def test_page_and_api_share_the_names_stand_and_pagina(client, midoffice, drie):
    login(client, midoffice)
    api = APIClient()
    api.force_authenticate(midoffice.user)
    assert (
        _page_ids(client, stand="op_schema")
        == _api_ids(api, stand="op_schema")
        == sorted(m.pk for m in drie.values())
    )
    assert _api_ids(api, stand="verlopen") == [] == _page_ids(client, stand="verlopen")
    eerste = api.get(API, {"page_size": 2}).json()
    assert "pagina=2" in eerste["next"]
    body = api.get(API, {"page_size": 2, "pagina": 2}).json()
    assert len(body["results"]) == 1
    assert {r["id"] for r in body["results"]}.isdisjoint({r["id"] for r in eerste["results"]})
    assert api.get(API, {"page_size": 2, "page": 2}).json()["results"] == body["results"]


def test_the_mid_office_sees_first_what_waits_for_it_as_the_start_page_counts(
    client, midoffice, generalist, drie
):
    services.melding_assign(melding=drie["anna"], actor=midoffice.user, medewerker=generalist)
    login(client, midoffice)
    response = client.get(WERKVOORRAAD)
    ids = sorted(m.pk for m in response.context["page"].object_list)
    assert ids == sorted([drie["piet"].pk, drie["onbekend"].pk])
    assert response.context["filters"]["status"] == Status.GEREGISTREERD
    assert "Te screenen" in response.content.decode()
    tegel = client.get(reverse("meldingen:samenvatting")).content.decode()
    assert "2 meldingen te screenen" in tegel
    # The tile links to the same list.
    assert 'href="/meldingen/werkvoorraad/?weergave=alle&amp;status=geregistreerd"' in tegel
    # Choosing "open" (no status) shows all open meldingen, the assigned one too.
    alle = client.get(WERKVOORRAAD, {"weergave": "alle", "status": ""}).context["page"]
    assert len(alle.object_list) == 3


def test_a_generalist_still_starts_with_their_own_meldingen(client, midoffice, generalist, drie):
    services.melding_assign(melding=drie["anna"], actor=midoffice.user, medewerker=generalist)
    login(client, generalist)
    response = client.get(WERKVOORRAAD)
    assert response.context["filters"]["weergave"] == "mijn"
    assert [m.pk for m in response.context["page"].object_list] == [drie["anna"].pk]
