"""A bezwaar of another municipality (issue 16): it is found by id within the login's
municipality — through its beschikking, a bezwaar has no municipality of its own — so another
municipality's bezwaar answers the 404 of one that does not exist, on the page and in the API,
for a read and a write, instead of a refusal that tells it exists. The refusal is logged in the
login's own municipality (`access.get_or_refuse`, ADR 0046) and nothing changes."""

from __future__ import annotations

import pytest
from django.test import Client

from eenplan.bezwaren.models import Bezwaar
from eenplan.conftest import login
from eenplan.gemeente.constants import Rol
from eenplan.privacy.access import NIET_BINNEN_GEMEENTE
from eenplan.privacy.models import Inzage
from eenplan.testing.factories import (
    BeschikkingFactory,
    BezwaarFactory,
    InwonerFactory,
    KlachtFactory,
    medewerker_voor,
)
from eenplan.testing.helpers import api_for, geweigerd_elders, van_elders, vandaag

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("kanaal", ["pagina", "api"])
def test_a_bezwaar_of_another_municipality_is_a_404_and_changes_nothing(kanaal):
    bezwaar = BezwaarFactory()
    voor = (bezwaar.versie, bezwaar.beslissen_uiterlijk)
    elders = van_elders(Rol.BACKOFFICE)
    if kanaal == "api":
        api = api_for(elders)
        pad = f"/api/v1/bezwaren/{bezwaar.pk}/"
        antwoorden = [api.get(pad), api.post(f"{pad}verdagen/", {}, format="json")]
    else:
        client = login(Client(), elders)
        pad = f"/beschikkingen/bezwaren/{bezwaar.pk}/"
        antwoorden = [client.get(pad), client.post(f"{pad}verdagen/", {})]
    assert [a.status_code for a in antwoorden] == [404, 404]
    assert [(r.reden, r.handeling, r.inwoner_id) for r in geweigerd_elders(elders)] == [
        (f"Bezwaar {bezwaar.pk}: {NIET_BINNEN_GEMEENTE}.", "lezen", None),
        (f"Bezwaar {bezwaar.pk}: {NIET_BINNEN_GEMEENTE}.", "behandelen", None),
    ]
    bezwaar.refresh_from_db()
    assert (bezwaar.versie, bezwaar.beslissen_uiterlijk) == voor
    assert not Inzage.objects.filter(user=elders.user, toegestaan=True).exists()


def _bezwaar_body(beschikking_id: int, inwoner_id: int) -> dict[str, object]:
    return {
        "beschikking": beschikking_id,
        "inwoner": inwoner_id,
        "ontvangen_op": vandaag().isoformat(),
        "gronden": "Te weinig uren.",
        "ingediend_door": "Anna Jansen",
    }


def test_a_bezwaar_against_a_beschikking_of_another_municipality_is_a_logged_400():
    """The beschikking named in the body: another municipality's answers like one that does
    not exist — a Dutch 400 on the field that does not tell it exists elsewhere — nothing is
    registered, and the refusal is in the login's own municipality's log."""
    beschikking = BeschikkingFactory(verzonden=True)
    elders = van_elders(Rol.BACKOFFICE)
    api = api_for(elders)
    voor = Bezwaar.objects.count()
    daar = api.post(
        "/api/v1/bezwaren/", _bezwaar_body(beschikking.pk, beschikking.inwoner_id), format="json"
    )
    nergens = api.post(
        "/api/v1/bezwaren/",
        _bezwaar_body(beschikking.pk + 1000, beschikking.inwoner_id),
        format="json",
    )
    assert (daar.status_code, nergens.status_code) == (400, 400)
    assert daar.json()["beschikking"] == [
        f"Beschikking {beschikking.pk} is onbekend in uw gemeente."
    ]
    assert nergens.json()["beschikking"] == [
        f"Beschikking {beschikking.pk + 1000} is onbekend in uw gemeente."
    ]
    assert Bezwaar.objects.count() == voor
    rijen = geweigerd_elders(elders)
    assert [(r.onderwerp, r.handeling, r.reden, r.inwoner_id) for r in rijen] == [
        ("bezwaar", "aanmaken", f"Beschikking {pk}: {NIET_BINNEN_GEMEENTE}.", None)
        for pk in (beschikking.pk, beschikking.pk + 1000)
    ]
    assert {(r.gemeente_id, r.pad) for r in rijen} == {(elders.gemeente_id, "/api/v1/bezwaren/")}


def test_deciding_a_bezwaar_with_a_new_beschikking_of_another_municipality_is_a_logged_400():
    """The new beschikking of a (partly) upheld bezwaar, named in the body: another
    municipality's is the same logged 400 as an unknown one, and the bezwaar stays open."""
    bezwaar = BezwaarFactory()
    backoffice = medewerker_voor(bezwaar.beschikking.inwoner, Rol.BACKOFFICE)
    elders = van_elders(Rol.BACKOFFICE)
    daar = InwonerFactory(gemeente=elders.gemeente, wijk=elders.teams.get().wijken.get())
    andere = BeschikkingFactory(aanvraag__inwoner=daar)
    assert andere.gemeente_id != bezwaar.beschikking.gemeente_id
    api = api_for(backoffice)
    antwoord = api.post(
        f"/api/v1/bezwaren/{bezwaar.pk}/beslissen/",
        {"uitkomst": "gegrond", "nieuwe_beschikking": andere.pk},
        format="json",
    )
    assert antwoord.status_code == 400
    assert antwoord.json()["nieuwe_beschikking"] == [
        f"Beschikking {andere.pk} is onbekend in uw gemeente."
    ]
    bezwaar.refresh_from_db()
    assert bezwaar.uitkomst == "lopend" and bezwaar.nieuwe_beschikking_id is None
    rijen = geweigerd_elders(backoffice)
    assert [(r.onderwerp, r.handeling, r.reden, r.gemeente_id) for r in rijen] == [
        (
            "bezwaar",
            "behandelen",
            f"Beschikking {andere.pk}: {NIET_BINNEN_GEMEENTE}.",
            backoffice.gemeente_id,
        )
    ]


def test_a_klacht_of_another_municipality_is_a_logged_404_and_changes_nothing():
    """Handling a klacht through the API: another municipality's answers the 404 of one that
    does not exist — it was an unlogged 404 — and the refusal is in the login's own
    municipality's log; the klacht stays as it was."""
    klacht = KlachtFactory()
    voor = (klacht.versie, klacht.afgehandeld_op)
    elders = van_elders(Rol.BACKOFFICE)
    api = api_for(elders)
    pad = f"/api/v1/klachten/{klacht.pk}/"
    antwoorden = [
        api.post(f"{pad}afhandelen/", {"afgehandeld_op": vandaag().isoformat()}, format="json"),
        api.post(f"{pad}verdagen/", {}, format="json"),
        api.post("/api/v1/klachten/987654/afhandelen/", {}, format="json"),
    ]
    assert [a.status_code for a in antwoorden] == [404] * 3
    assert {a.json()["detail"] for a in antwoorden} == {"Deze klacht bestaat niet."}
    rijen = geweigerd_elders(elders)
    assert [(r.onderwerp, r.handeling, r.reden, r.inwoner_id) for r in rijen] == [
        ("klacht", "behandelen", f"Klacht {pk}: {NIET_BINNEN_GEMEENTE}.", None)
        for pk in (klacht.pk, klacht.pk, 987654)
    ]
    assert {r.gemeente_id for r in rijen} == {elders.gemeente_id}
    klacht.refresh_from_db()
    assert (klacht.versie, klacht.afgehandeld_op) == voor
