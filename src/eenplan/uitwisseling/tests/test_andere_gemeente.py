"""An exchange or household of another municipality (issue 16): looked up within the login's
municipality, so it answers the 404 of one that does not exist — on the page and in the API,
for a read and a write — instead of a refusal on need-to-know that tells it exists. The refusal
is in the access log of the login's own municipality (`uitwisseling.opzoeken` through
`access.get_or_refuse`, ADR 0046) and nothing changes."""

from __future__ import annotations

import pytest
from django.test import Client

from eenplan.conftest import login
from eenplan.gemeente.constants import Rol
from eenplan.privacy.access import NIET_BINNEN_GEMEENTE
from eenplan.testing.helpers import api_for, geweigerd_elders, van_elders
from eenplan.testing.uitwisseling import vraag
from eenplan.uitwisseling.constants import Status
from eenplan.uitwisseling.models import Uitwisseling

pytestmark = pytest.mark.django_db


def test_an_exchange_of_another_municipality_is_a_logged_404_and_changes_nothing(
    huishouden, generalist, vrager
):
    uitwisseling = vrager(huishouden, generalist)
    elders = van_elders(Rol.GENERALIST)
    client, api = login(Client(), elders), api_for(elders)
    antwoorden = [
        client.get(f"/uitwisselingen/{uitwisseling.pk}/"),
        client.get(f"/uitwisselingen/huishouden/{huishouden.pk}/"),
        api.get(f"/api/v1/uitwisselingen/{uitwisseling.pk}/"),
        client.post(f"/uitwisselingen/{uitwisseling.pk}/weigeren/", {"reden": "Beroepsgeheim."}),
        api.post(f"/api/v1/uitwisselingen/{uitwisseling.pk}/goedkeuren/", {}, format="json"),
    ]
    assert [a.status_code for a in antwoorden] == [404] * 5
    nergens = api.get(f"/api/v1/uitwisselingen/{uitwisseling.pk + 1000}/")
    assert nergens.json()["detail"] == antwoorden[2].json()["detail"]
    rijen = geweigerd_elders(elders)
    assert [(r.reden, r.handeling, r.inwoner_id) for r in rijen] == [
        (f"Uitwisseling {uitwisseling.pk}: {NIET_BINNEN_GEMEENTE}.", "lezen", None),
        (f"Huishouden {huishouden.pk}: {NIET_BINNEN_GEMEENTE}.", "lezen", None),
        (f"Uitwisseling {uitwisseling.pk}: {NIET_BINNEN_GEMEENTE}.", "lezen", None),
        (f"Uitwisseling {uitwisseling.pk}: {NIET_BINNEN_GEMEENTE}.", "weigeren", None),
        (f"Uitwisseling {uitwisseling.pk}: {NIET_BINNEN_GEMEENTE}.", "beslissen", None),
        (f"Uitwisseling {uitwisseling.pk + 1000}: {NIET_BINNEN_GEMEENTE}.", "lezen", None),
    ]
    assert {r.gemeente_id for r in rijen} == {elders.gemeente_id}
    uitwisseling.refresh_from_db()
    assert uitwisseling.status == Status.AANGEVRAAGD


def test_the_own_municipality_still_reads_its_exchanges(huishouden, generalist, vrager):
    uitwisseling = vrager(huishouden, generalist)
    client, api = login(Client(), generalist), api_for(generalist)
    assert client.get(f"/uitwisselingen/{uitwisseling.pk}/").status_code == 200
    lijst = client.get(f"/uitwisselingen/huishouden/{huishouden.pk}/")
    assert lijst.status_code == 200 and f"/uitwisselingen/{uitwisseling.pk}/" in (
        lijst.content.decode()
    )
    assert api.get(f"/api/v1/uitwisselingen/{uitwisseling.pk}/").status_code == 200
    ids = [u["id"] for u in api.get("/api/v1/uitwisselingen/").json()["results"]]
    assert ids == [uitwisseling.pk]


def test_asking_an_exchange_for_a_household_of_another_municipality_is_a_logged_400(
    huishouden, generalist
):
    """The household named in the body: another municipality's is answered like one that does
    not exist — a Dutch 400 on the field that does not say it exists elsewhere — nothing is
    asked, and the refusal is in the asker's own municipality's log."""
    elders = van_elders(Rol.GENERALIST)
    api = api_for(elders)
    voor = Uitwisseling.objects.count()
    daar = api.post("/api/v1/uitwisselingen/", vraag(huishouden=huishouden.pk), format="json")
    nergens = api.post(
        "/api/v1/uitwisselingen/", vraag(huishouden=huishouden.pk + 1000), format="json"
    )
    assert (daar.status_code, nergens.status_code) == (400, 400)
    assert daar.json()["huishouden"] == [f"Huishouden {huishouden.pk} is onbekend in uw gemeente."]
    assert nergens.json()["huishouden"] == [
        f"Huishouden {huishouden.pk + 1000} is onbekend in uw gemeente."
    ]
    assert Uitwisseling.objects.count() == voor
    rijen = geweigerd_elders(elders)
    assert [(r.onderwerp, r.handeling, r.reden, r.inwoner_id) for r in rijen] == [
        ("uitwisseling", "aanmaken", f"Huishouden {pk}: {NIET_BINNEN_GEMEENTE}.", None)
        for pk in (huishouden.pk, huishouden.pk + 1000)
    ]
    assert {(r.gemeente_id, r.pad) for r in rijen} == {
        (elders.gemeente_id, "/api/v1/uitwisselingen/")
    }


def test_naming_a_recipient_consent_or_earlier_exchange_not_in_the_municipality_is_a_logged_400(
    huishouden, generalist
):
    """The recipient, consent and earlier exchange named in the body are looked up within the
    login's municipality: a staff member of another municipality answers like an unknown id
    (it said 'werkt voor een andere gemeente' before, unlogged), and nothing is asked."""
    andere = van_elders(Rol.GEZINSCOACH)
    api = api_for(generalist)
    for veld, wat, pk in (
        ("ontvanger_medewerker", "Medewerker", andere.pk),
        ("toestemming", "Toestemming", 987654),
        ("vorige", "Uitwisseling", 987655),
    ):
        r = api.post(
            "/api/v1/uitwisselingen/", vraag(huishouden=huishouden.pk, **{veld: pk}), format="json"
        )
        assert r.status_code == 400, r.content
        assert r.json()[veld] == [f"{wat} {pk} is onbekend in uw gemeente."]
    assert not Uitwisseling.objects.exists()
    rijen = geweigerd_elders(generalist)
    assert [(r.onderwerp, r.handeling, r.reden) for r in rijen] == [
        ("uitwisseling", "aanmaken", f"Medewerker {andere.pk}: {NIET_BINNEN_GEMEENTE}."),
        ("uitwisseling", "aanmaken", f"Toestemming 987654: {NIET_BINNEN_GEMEENTE}."),
        ("uitwisseling", "aanmaken", f"Uitwisseling 987655: {NIET_BINNEN_GEMEENTE}."),
    ]
    assert {r.gemeente_id for r in rijen} == {generalist.gemeente_id}
    # The own municipality's household still asks an exchange.
    eigen = api.post("/api/v1/uitwisselingen/", vraag(huishouden=huishouden.pk), format="json")
    assert eigen.status_code == 201


def test_a_delivery_of_another_municipality_is_a_logged_404_and_gets_no_note():
    """A gezinscoach's delivery notes through the API: another municipality's delivery answers
    the 404 of one that does not exist (it was a refusal on the relation, which told it
    exists), logged in the login's own municipality, and no note is added."""
    from eenplan.testing.uitwisseling import UitvoeringFactory
    from eenplan.uitwisseling.models import Uitvoeringsnotitie

    uitvoering = UitvoeringFactory()
    elders = van_elders(Rol.GEZINSCOACH)
    api = api_for(elders)
    pad = f"/api/v1/uitvoeringen/{uitvoering.pk}/notities/"
    antwoorden = [api.get(pad), api.post(pad, {"tekst": "Bezoek gehad."}, format="json")]
    assert [a.status_code for a in antwoorden] == [404, 404]
    assert {a.json()["detail"] for a in antwoorden} == {"Deze uitvoering bestaat niet."}
    assert not Uitvoeringsnotitie.objects.exists()
    rijen = geweigerd_elders(elders)
    assert [(r.onderwerp, r.handeling, r.reden, r.inwoner_id) for r in rijen] == [
        ("uitvoering", handeling, f"Uitvoering {uitvoering.pk}: {NIET_BINNEN_GEMEENTE}.", None)
        for handeling in ("lezen", "aanmaken")
    ]
    assert {r.gemeente_id for r in rijen} == {elders.gemeente_id}
