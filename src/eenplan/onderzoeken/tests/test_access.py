"""Access to onderzoeken through the one decision point (privacy.access): every refusal — for
lack of a role permission or outside the need-to-know scope, on pages, the htmx autosave, the
verslag PDF and the API, reading and writing — leaves a row in the access log and changes
nothing; the services refuse an actor that may not change the onderzoek."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from eenplan.conftest import login
from eenplan.onderzoeken import services as onderzoeken
from eenplan.onderzoeken.models import Gesprek, Onderzoek
from eenplan.privacy import access
from eenplan.privacy.models import Inzage
from eenplan.testing.helpers import api_for
from eenplan.testing.onderzoek import compleet, melding_voor

pytestmark = pytest.mark.django_db
VANDAAG = timezone.localdate()



def url(naam: str, *args) -> str:
    return reverse(f"onderzoeken:{naam}", args=args)


@pytest.fixture
def definitief(onderzoek):
    compleet(onderzoek)
    return onderzoeken.verslag_finalise(onderzoek=onderzoek, actor=onderzoek.medewerker.user)


def test_role_refusals_on_every_page_fragment_and_pdf_are_logged(client, definitief, beleid):
    login(client, beleid)
    pk = definitief.pk
    gets = [url("detail", pk), url("verslag", pk), url("verslag-pdf", pk), url("lijst")]
    for pad in gets:
        response = client.get(pad)
        assert response.status_code == 403, pad
        assert "rol" in response.content.decode()
    response = client.post(url("onderdeel", pk, "a"), {"antwoord_a": "x"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 403
    rows = list(Inzage.objects.filter(user=beleid.user).order_by("id"))
    assert [r.pad for r in rows] == [*gets, url("onderdeel", pk, "a")]
    assert all(not r.toegestaan and r.reden for r in rows)


def test_scope_refusal_of_the_pdf_and_the_verslag_is_logged(client, definitief, generalist_zuid):
    login(client, generalist_zuid)
    for pad in (url("verslag-pdf", definitief.pk), url("verslag", definitief.pk)):
        response = client.get(pad)
        assert response.status_code == 403 and "need-to-know" in response.content.decode()
        assert response["Content-Type"].startswith("text/html")
    refused = Inzage.objects.filter(user=generalist_zuid.user)
    assert [(r.inwoner_id, r.toegestaan) for r in refused] == [(definitief.inwoner_id, False)] * 2


def test_pdf_read_in_scope_is_logged(client, definitief, generalist):
    response = login(client, generalist).get(url("verslag-pdf", definitief.pk))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    row = Inzage.objects.get(pad=url("verslag-pdf", definitief.pk))
    assert (row.inwoner_id, row.toegestaan, row.doel) == (definitief.inwoner_id, True, "onderzoek")


def test_api_role_and_scope_refusals_read_and_write_are_logged(onderzoek, beleid, generalist_zuid):
    base = f"/api/v1/onderzoeken/{onderzoek.pk}/"
    gesprek = {"datum": VANDAAG, "plaats": "Thuis", "deelnemers": ["inwoner"]}
    for medewerker in (beleid, generalist_zuid):
        api = api_for(medewerker)
        assert api.get(base).status_code == 403
        assert api.post(base + "gesprekken/", gesprek, format="json").status_code == 403
        rows = Inzage.objects.filter(user=medewerker.user, kanaal="api")
        assert rows.count() == 2 and not rows.filter(toegestaan=True).exists()
    zuid = Inzage.objects.filter(user=generalist_zuid.user).order_by("id")
    assert [r.handeling for r in zuid] == ["lezen", "wijzigen"]
    assert {r.inwoner_id for r in zuid} == {onderzoek.inwoner_id}
    assert not Gesprek.objects.exists()


def test_starting_an_onderzoek_outside_the_scope_is_refused_and_logged(
    client, gezin, midoffice, generalist, generalist_zuid
):
    melding = melding_voor(gezin["anna"], midoffice, generalist)
    login(client, generalist_zuid)
    assert client.get(url("start", melding.pk)).status_code == 403
    assert client.post(url("start", melding.pk)).status_code == 403
    response = api_for(generalist_zuid).post(
        "/api/v1/onderzoeken/", {"melding": melding.pk}, format="json"
    )
    assert response.status_code == 403
    refused = Inzage.objects.filter(user=generalist_zuid.user)
    assert refused.count() == 3 and {r.handeling for r in refused} == {"aanmaken"}
    assert not Onderzoek.objects.exists()


def test_services_refuse_an_actor_that_may_not_change_the_onderzoek(
    onderzoek, generalist_zuid, beleid
):
    with access.collecting() as pending:
        for actor in (generalist_zuid.user, beleid.user):
            with pytest.raises(access.Refused):
                onderzoeken.gesprek_add(
                    onderzoek=onderzoek,
                    datum=VANDAAG,
                    plaats="Thuis",
                    deelnemers=["inwoner"],
                    actor=actor,
                )
            with pytest.raises(access.Refused):
                onderzoeken.verslag_finalise(onderzoek=onderzoek, actor=actor)
        access.rescue(pending)
    assert not Gesprek.objects.exists()
    refused = Inzage.objects.filter(toegestaan=False)
    assert refused.count() == 4 and {r.doel for r in refused} == {"onderzoek"}
