"""A melding of another municipality (issue 16): it is found by id within the login's
municipality — with the resident, wijk, household, team and staff member it joins held to it —
so another municipality's melding answers the 404 of one that does not exist, on the page and in
the API, for a read and a write, instead of a refusal that tells it exists. The refusal is
logged in the login's own municipality (`access.get_or_refuse`, ADR 0046) and nothing changes.
The worklist of the other municipality does not show it either."""

from __future__ import annotations

import pytest
from django.test import Client

from eenplan.conftest import login
from eenplan.gemeente.constants import Rol
from eenplan.meldingen.models import Melding, MeldingGebeurtenis, Opschorting
from eenplan.privacy.access import NIET_BINNEN_GEMEENTE, NIET_BINNEN_WERKGEBIED
from eenplan.privacy.models import Inzage
from eenplan.testing.factories import InwonerFactory, MeldingFactory, medewerker_voor
from eenplan.testing.helpers import api_for, geweigerd_elders, van_elders, vandaag

pytestmark = pytest.mark.django_db


def _staat(melding: Melding) -> tuple:
    return (
        Melding.objects.filter(pk=melding.pk).values().get(),
        MeldingGebeurtenis.objects.filter(melding=melding).count(),
        Opschorting.objects.filter(melding=melding).count(),
    )


@pytest.mark.parametrize("kanaal", ["pagina", "api"])
def test_a_melding_of_another_municipality_is_a_404_and_changes_nothing(kanaal):
    melding = MeldingFactory()
    voor = _staat(melding)
    elders = van_elders(Rol.MIDOFFICE)
    opschorten = {"van": "2024-06-03", "reden": "Wachten op stukken"}
    if kanaal == "api":
        api = api_for(elders)
        pad = f"/api/v1/meldingen/{melding.pk}/"
        antwoorden = [
            api.get(pad),
            api.post(f"{pad}opschorten/", opschorten, format="json"),
        ]
    else:
        client = login(Client(), elders)
        pad = f"/meldingen/{melding.pk}/"
        antwoorden = [
            client.get(pad),
            client.post(f"{pad}opschorten/", {f"opschorten-{k}": v for k, v in opschorten.items()}),
        ]
    assert [a.status_code for a in antwoorden] == [404, 404]
    assert [(r.reden, r.handeling, r.inwoner_id) for r in geweigerd_elders(elders)] == [
        (f"Melding {melding.pk}: {NIET_BINNEN_GEMEENTE}.", "lezen", None),
        (f"Melding {melding.pk}: {NIET_BINNEN_GEMEENTE}.", "opschorten", None),
    ]
    assert _staat(melding) == voor
    assert not Inzage.objects.filter(user=elders.user, toegestaan=True).exists()


@pytest.mark.parametrize("kanaal", ["pagina", "api"])
def test_the_worklist_of_another_municipality_does_not_show_it(kanaal):
    melding = MeldingFactory()
    elders = van_elders(Rol.MIDOFFICE)
    if kanaal == "api":
        response = api_for(elders).get("/api/v1/meldingen/", {"status": "geregistreerd"})
        assert response.status_code == 200
        assert response.json()["count"] == 0
    else:
        response = login(Client(), elders).get("/meldingen/werkvoorraad/?weergave=alle")
        assert response.status_code == 200
        assert f"/meldingen/{melding.pk}/" not in response.content.decode()
    # Its own municipality's screener does see it: the list is not empty for another reason.
    eigen = api_for(melding.geregistreerd_door.medewerkers.get())
    assert [m["id"] for m in eigen.get("/api/v1/meldingen/").json()["results"]] == [melding.pk]


def _melding_body(**kw: object) -> dict[str, object]:
    body: dict[str, object] = {
        "melder_soort": "zelf",
        "kanaal": "telefoon",
        "domeinen": ["wmo"],
        "vraag": "Ik kan de trap niet meer op.",
        "ontvangen_op": vandaag().isoformat(),
    }
    body.update(kw)
    return body


def test_registering_a_melding_for_a_resident_of_another_municipality_is_a_logged_400():
    """The resident named in the body (by id or BSN) is looked up within the login's work area:
    another municipality's resident answers like one that does not exist — the Dutch 400 that
    sends the melder to the resident's own municipality — nothing is registered, and the
    refusal is in the login's own municipality's log (without the BSN)."""
    hier = InwonerFactory()
    elders = van_elders(Rol.MIDOFFICE)
    api = api_for(elders)
    voor = Melding.objects.count()
    antwoorden = [
        api.post("/api/v1/meldingen/", _melding_body(inwoner=hier.pk), format="json"),
        api.post("/api/v1/meldingen/", _melding_body(inwoner=hier.pk + 1000), format="json"),
        api.post("/api/v1/meldingen/", _melding_body(bsn=hier.bsn), format="json"),
    ]
    assert [a.status_code for a in antwoorden] == [400] * 3
    for antwoord, veld in zip(antwoorden, ("inwoner", "inwoner", "bsn"), strict=True):
        [tekst] = antwoord.json()[veld]
        assert tekst.startswith("Deze inwoner is niet gevonden binnen uw werkgebied in Peel en")
        assert "woonplaatsbeginsel" in tekst
    assert Melding.objects.count() == voor
    rijen = geweigerd_elders(elders)
    assert [(r.onderwerp, r.handeling, r.reden, r.inwoner_id) for r in rijen] == [
        ("melding", "aanmaken", f"Inwoner {wat}: {NIET_BINNEN_WERKGEBIED}.", None)
        for wat in (hier.pk, hier.pk + 1000, "op BSN")
    ]
    assert {r.gemeente_id for r in rijen} == {elders.gemeente_id}
    assert not any(hier.bsn in r.reden for r in rijen)


def test_assigning_to_a_team_or_staff_member_of_another_municipality_is_a_logged_400():
    """The team and staff member named in the assignment body are looked up within the
    municipality: another municipality's answer like unknown ids, logged, and the melding
    stays unassigned."""
    melding = MeldingFactory()
    midoffice = medewerker_voor(melding.inwoner, Rol.MIDOFFICE)
    andere = van_elders(Rol.GENERALIST)
    team = andere.teams.get()
    voor = _staat(melding)
    api = api_for(midoffice)
    pad = f"/api/v1/meldingen/{melding.pk}/toewijzen/"
    met_team = api.post(pad, {"team": team.pk}, format="json")
    met_medewerker = api.post(pad, {"medewerker": andere.pk}, format="json")
    assert (met_team.status_code, met_medewerker.status_code) == (400, 400)
    assert met_team.json()["team"] == [f"Team {team.pk} is onbekend in uw gemeente."]
    assert met_medewerker.json()["medewerker"] == [
        f"Medewerker {andere.pk} is onbekend in uw gemeente."
    ]
    assert _staat(melding) == voor
    rijen = geweigerd_elders(midoffice)
    assert [(r.onderwerp, r.handeling, r.reden) for r in rijen] == [
        ("melding", "toewijzen", f"Team {team.pk}: {NIET_BINNEN_GEMEENTE}."),
        ("melding", "toewijzen", f"Medewerker {andere.pk}: {NIET_BINNEN_GEMEENTE}."),
    ]
    assert {r.gemeente_id for r in rijen} == {midoffice.gemeente_id}


def test_linking_to_a_melding_of_another_municipality_is_a_logged_400():
    """'Tell your story once': the existing melding named in the body is looked up within the
    login's work area; another municipality's answers like an unknown one, logged, and the
    new melding stays as it was."""
    nieuwe = MeldingFactory()
    midoffice = medewerker_voor(nieuwe.inwoner, Rol.MIDOFFICE)
    elders = van_elders(Rol.MIDOFFICE)
    daar = MeldingFactory(
        inwoner=InwonerFactory(gemeente=elders.gemeente, wijk=elders.teams.get().wijken.get())
    )
    assert daar.gemeente_id != nieuwe.gemeente_id
    voor = (_staat(nieuwe), _staat(daar))
    antwoord = api_for(midoffice).post(
        f"/api/v1/meldingen/{nieuwe.pk}/koppelen/", {"bestaande": daar.pk}, format="json"
    )
    assert antwoord.status_code == 400
    assert antwoord.json()["bestaande"] == [
        f"Melding {daar.pk} is onbekend of valt buiten uw werkgebied."
    ]
    assert (_staat(nieuwe), _staat(daar)) == voor
    [rij] = geweigerd_elders(midoffice)
    assert (rij.onderwerp, rij.handeling, rij.reden, rij.gemeente_id) == (
        "melding",
        "screenen",
        f"Melding {daar.pk}: {NIET_BINNEN_WERKGEBIED}.",
        midoffice.gemeente_id,
    )
