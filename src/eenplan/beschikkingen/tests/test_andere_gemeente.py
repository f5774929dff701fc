"""An aanvraag or beschikking of another municipality (issue 16): each is found by id within the
login's municipality — with the resident, wijk, aanvraag, plan and catalogue entries it joins
held to it — so another municipality's record answers the 404 of one that does not exist, on
the page, the letter and in the API, for a read and a write, instead of a refusal that tells it
exists. The refusal is logged in the login's own municipality (`access.get_or_refuse`, ADR
0046) and nothing changes. Its lists do not show it either."""

from __future__ import annotations

import pytest
from django.test import Client

from eenplan.beschikkingen.models import Aanvraag, AanvraagOpschorting, Beschikking
from eenplan.conftest import login
from eenplan.gemeente.constants import Rol
from eenplan.privacy.access import NIET_BINNEN_GEMEENTE
from eenplan.privacy.models import Inzage
from eenplan.testing.factories import AanvraagFactory, BeschikkingFactory
from eenplan.testing.helpers import api_for, geweigerd_elders, van_elders

pytestmark = pytest.mark.django_db


def _staat(model, pk: int) -> dict:
    return model.objects.filter(pk=pk).values().get()


@pytest.mark.parametrize("kanaal", ["pagina", "api"])
def test_a_beschikking_of_another_municipality_is_a_404_and_changes_nothing(kanaal):
    beschikking = BeschikkingFactory()
    voor = _staat(Beschikking, beschikking.pk)
    elders = van_elders(Rol.BACKOFFICE)
    if kanaal == "api":
        api = api_for(elders)
        pad = f"/api/v1/beschikkingen/{beschikking.pk}/"
        antwoorden = [api.get(pad), api.post(f"{pad}versturen/", {}, format="json")]
        handelingen = ["lezen", "beslissen"]
    else:
        client = login(Client(), elders)
        pad = f"/beschikkingen/{beschikking.pk}/"
        antwoorden = [
            client.get(pad),
            client.get(f"/beschikkingen/{beschikking.pk}/brief.pdf"),
            client.post(f"{pad}verzenden/", {"verzenden-bevestigd": "on"}),
        ]
        handelingen = ["lezen", "lezen", "beslissen"]
    assert {a.status_code for a in antwoorden} == {404}
    reden = f"Beschikking {beschikking.pk}: {NIET_BINNEN_GEMEENTE}."
    assert [(r.reden, r.handeling, r.inwoner_id) for r in geweigerd_elders(elders)] == [
        (reden, h, None) for h in handelingen
    ]
    assert _staat(Beschikking, beschikking.pk) == voor
    assert not Inzage.objects.filter(user=elders.user, toegestaan=True).exists()


@pytest.mark.parametrize("kanaal", ["pagina", "api"])
def test_an_aanvraag_of_another_municipality_is_a_404_and_changes_nothing(kanaal):
    aanvraag = AanvraagFactory()
    voor = _staat(Aanvraag, aanvraag.pk)
    elders = van_elders(Rol.BACKOFFICE)
    if kanaal == "api":
        api = api_for(elders)
        pad = f"/api/v1/aanvragen/{aanvraag.pk}/"
        antwoorden = [
            api.get(pad),
            api.post(f"{pad}opschorten/", {"van": "2024-06-03", "reden": "x"}, format="json"),
        ]
        handelingen = ["lezen", "opschorten"]
    else:
        client = login(Client(), elders)
        pad = f"/beschikkingen/aanvragen/{aanvraag.pk}/"
        antwoorden = [
            client.get(f"{pad}vertraging.pdf"),
            client.post(f"{pad}termijn/", {"datum": "2024-06-03", "reden": "x"}),
        ]
        handelingen = ["lezen", "opschorten"]
    assert [a.status_code for a in antwoorden] == [404, 404]
    reden = f"Aanvraag {aanvraag.pk}: {NIET_BINNEN_GEMEENTE}."
    assert [(r.reden, r.handeling, r.inwoner_id) for r in geweigerd_elders(elders)] == [
        (reden, h, None) for h in handelingen
    ]
    assert _staat(Aanvraag, aanvraag.pk) == voor
    assert not AanvraagOpschorting.objects.exists()
    assert not Inzage.objects.filter(user=elders.user, toegestaan=True).exists()


def test_the_lists_of_another_municipality_do_not_show_them():
    beschikking = BeschikkingFactory()
    elders = van_elders(Rol.BACKOFFICE)
    api = api_for(elders)
    assert api.get("/api/v1/beschikkingen/").json()["results"] == []
    assert api.get("/api/v1/aanvragen/").json()["results"] == []
    pagina = login(Client(), elders).get("/beschikkingen/").content.decode()
    assert f"/beschikkingen/{beschikking.pk}/" not in pagina
    # The municipality's own back office does see it: the lists are not empty for another reason.
    eigen = api_for(beschikking.besloten_door.medewerkers.get())
    assert [b["id"] for b in eigen.get("/api/v1/beschikkingen/").json()["results"]] == [
        beschikking.pk
    ]
