"""An onderzoek of another municipality (issue 16): it is found by id within the login's
municipality — through its resident, melding, household and staff member, an onderzoek has no
municipality of its own — so another municipality's onderzoek answers the 404 of one that does
not exist, on the page, the verslag and in the API, for a read and a write, instead of a
refusal that tells it exists. The refusal is logged in the login's own municipality
(`access.get_or_refuse`, ADR 0046) and nothing changes."""

from __future__ import annotations

import pytest
from django.test import Client

from eenplan.conftest import login
from eenplan.onderzoeken import services as onderzoeken
from eenplan.onderzoeken.models import Gesprek, Onderzoek
from eenplan.privacy.access import NIET_BINNEN_GEMEENTE
from eenplan.privacy.models import Inzage
from eenplan.testing.factories import ZrmScoreFactory
from eenplan.testing.helpers import api_for, geweigerd_elders, van_elders
from eenplan.testing.onderzoek import compleet, melding_voor

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("kanaal", ["pagina", "api"])
def test_an_onderzoek_of_another_municipality_is_a_404_and_changes_nothing(onderzoek, kanaal):
    versie = onderzoek.versie
    elders = van_elders()
    if kanaal == "api":
        api = api_for(elders)
        pad = f"/api/v1/onderzoeken/{onderzoek.pk}/"
        antwoorden = [api.get(pad), api.post(f"{pad}gesprekken/", {}, format="json")]
    else:
        client = login(Client(), elders)
        pad = f"/onderzoeken/{onderzoek.pk}/"
        antwoorden = [
            client.get(pad),
            client.get(f"{pad}verslag/"),
            client.post(f"{pad}gesprek/", {}),
        ]
    assert {a.status_code for a in antwoorden} == {404}
    rijen = geweigerd_elders(elders)
    assert len(rijen) == len(antwoorden)
    assert {r.reden for r in rijen} == {f"Onderzoek {onderzoek.pk}: {NIET_BINNEN_GEMEENTE}."}
    assert {r.inwoner_id for r in rijen} == {None}
    assert rijen[-1].handeling == "wijzigen"
    onderzoek.refresh_from_db()
    assert onderzoek.versie == versie
    assert not Gesprek.objects.exists()
    assert not Inzage.objects.filter(user=elders.user, toegestaan=True).exists()


def test_starting_an_onderzoek_for_a_melding_of_another_municipality_is_a_logged_400(
    inwoner_noord, midoffice, generalist
):
    """The melding named in the body is looked up within the login's municipality: another
    municipality's answers like one that does not exist — a Dutch 400 on the field — instead
    of a refusal on need-to-know that told it exists (and was logged in *that* municipality's
    log); nothing is started, and the refusal is in the login's own municipality's log."""
    melding = melding_voor(inwoner_noord, midoffice, generalist)
    elders = van_elders()
    api = api_for(elders)
    daar = api.post("/api/v1/onderzoeken/", {"melding": melding.pk}, format="json")
    nergens = api.post("/api/v1/onderzoeken/", {"melding": melding.pk + 1000}, format="json")
    assert (daar.status_code, nergens.status_code) == (400, 400)
    assert daar.json()["melding"] == [f"Melding {melding.pk} is onbekend in uw gemeente."]
    assert nergens.json()["melding"] == [f"Melding {melding.pk + 1000} is onbekend in uw gemeente."]
    assert not Onderzoek.objects.exists()
    rijen = geweigerd_elders(elders)
    assert [(r.onderwerp, r.handeling, r.reden, r.inwoner_id) for r in rijen] == [
        ("onderzoek", "aanmaken", f"Melding {pk}: {NIET_BINNEN_GEMEENTE}.", None)
        for pk in (melding.pk, melding.pk + 1000)
    ]
    assert {r.gemeente_id for r in rijen} == {elders.gemeente_id}
    assert not Inzage.objects.filter(inwoner=inwoner_noord, user=elders.user).exists()


def test_the_verslag_pdf_of_another_municipality_is_a_404_and_logged(onderzoek, generalist):
    compleet(onderzoek)
    onderzoeken.verslag_finalise(onderzoek=onderzoek, actor=generalist.user)
    elders = van_elders()
    antwoord = login(Client(), elders).get(f"/onderzoeken/{onderzoek.pk}/verslag.pdf")
    assert antwoord.status_code == 404
    assert not antwoord.content.startswith(b"%PDF")
    [rij] = geweigerd_elders(elders)
    assert rij.reden == f"Onderzoek {onderzoek.pk}: {NIET_BINNEN_GEMEENTE}."
    assert (rij.handeling, rij.kanaal, rij.inwoner_id, rij.gemeente_id) == (
        "lezen",
        "pagina",
        None,
        elders.gemeente_id,
    )


def test_within_the_own_municipality_the_onderzoek_shows_its_scores_and_logs_the_household(
    onderzoek, generalist, gezin
):
    """The page, the verslag and the API read the onderzoek with its scores (held to the
    municipality through the resident), and every row they log names a resident of the
    household in that resident's own municipality."""
    anna, henk = gezin["anna"], gezin["henk"]
    score = ZrmScoreFactory(inwoner=anna, onderzoek=onderzoek, score=2)
    client = login(Client(), generalist)
    pagina = client.get(f"/onderzoeken/{onderzoek.pk}/")
    assert pagina.status_code == 200
    assert henk.voornamen in pagina.content.decode()  # the household member, logged
    compleet(onderzoek)
    onderzoeken.verslag_finalise(onderzoek=onderzoek, actor=generalist.user)
    verslag = client.get(f"/onderzoeken/{onderzoek.pk}/verslag/").content.decode()
    assert score.leefgebied.naam in verslag
    assert client.get(f"/onderzoeken/{onderzoek.pk}/verslag.pdf").content.startswith(b"%PDF")
    antwoord = api_for(generalist).get(f"/api/v1/onderzoeken/{onderzoek.pk}/")
    assert antwoord.status_code == 200
    assert [(s["leefgebied"]["id"], s["score"]) for s in antwoord.json()["scores"]] == [
        (score.leefgebied_id, 2)
    ]
    rijen = Inzage.objects.filter(user=generalist.user, toegestaan=True)
    assert {(r.inwoner_id, r.gemeente_id) for r in rijen} == {
        (anna.pk, anna.gemeente_id),
        (henk.pk, henk.gemeente_id),
    }
    assert not geweigerd_elders(generalist)
