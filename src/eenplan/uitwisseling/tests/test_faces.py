"""Purpose-bound sharing through its faces: the pages and /api/v1/uitwisselingen/. Bad input
is refused in Dutch and changes nothing; the veto cannot be overruled through a page or the
API, by any role (a superuser included); the recipient reads only what was shared; a
gezinscoach reads the toegang's data only through an exchange; the council sees aggregates."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from rest_framework.test import APIClient

from eenplan.testing.helpers import api_for
from eenplan.testing.uitwisseling import vraag
from eenplan.uitwisseling import services
from eenplan.uitwisseling.constants import Status
from eenplan.uitwisseling.models import GedeeldeInzage, Uitwisseling

pytestmark = pytest.mark.django_db


def _client(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


# --- pages ----------------------------------------------------------------------------------


def test_page_ask_an_exchange_refuses_missing_answers_in_dutch_and_saves_nothing(
    huishouden, generalist
):
    client = _client(generalist.user)
    pagina = client.get(f"/uitwisselingen/huishouden/{huishouden.pk}/")
    assert pagina.status_code == 200
    assert "Uitwisseling aanvragen" in pagina.content.decode()
    url = f"/uitwisselingen/huishouden/{huishouden.pk}/nieuw/"
    assert client.get(url).status_code == 200
    antwoord = client.post(url, vraag(vraag_noodzaak="", categorieen=["veiligheid"]))
    tekst = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert "De uitwisseling is niet aangevraagd" in tekst
    assert "Beantwoord de vraag: Waarom is de uitwisseling noodzakelijk?" in tekst
    assert "geen gegevens van de soort" in tekst
    assert not Uitwisseling.objects.exists()
    goed = client.post(url, vraag(categorieen=["personalia", "onderzoek"]))
    uitwisseling = Uitwisseling.objects.get()
    assert goed.status_code == 302 and goed["Location"] == f"/uitwisselingen/{uitwisseling.pk}/"
    assert uitwisseling.categorieen == ["personalia", "onderzoek"]
    detail = client.get(goed["Location"]).content.decode()
    assert "Wat is het doel van die uitwisseling?" in detail and "Weigeren" in detail


def test_the_veto_cannot_be_overruled_through_the_pages(
    huishouden, generalist, beheerder, superuser, vrager
):
    uitwisseling = vrager(huishouden, generalist)
    client = _client(generalist.user)
    leeg = client.post(f"/uitwisselingen/{uitwisseling.pk}/weigeren/", {"reden": " "})
    assert leeg.status_code == 302
    uitwisseling.refresh_from_db()
    assert uitwisseling.status == Status.AANGEVRAAGD
    assert "Geef de reden" in client.get(leeg["Location"]).content.decode()
    client.post(f"/uitwisselingen/{uitwisseling.pk}/weigeren/", {"reden": "Beroepsgeheim."})
    uitwisseling.refresh_from_db()
    assert uitwisseling.status == Status.GEWEIGERD
    for user in (generalist.user, superuser):
        c = _client(user)
        for actie in ("goedkeuren", "beeindigen"):
            r = c.post(f"/uitwisselingen/{uitwisseling.pk}/{actie}/", {"reden": "Toch doen."})
            assert r.status_code == 302
            assert "Niemand kan dat terugdraaien" in c.get(r["Location"]).content.decode()
    assert (
        _client(beheerder.user).post(f"/uitwisselingen/{uitwisseling.pk}/goedkeuren/").status_code
        == 403
    )
    uitwisseling.refresh_from_db()
    assert uitwisseling.status == Status.GEWEIGERD
    pagina = client.get(f"/uitwisselingen/{uitwisseling.pk}/").content.decode()
    assert "Geweigerd op grond van beroepsgeheim" in pagina
    assert "Opnieuw aanvragen" in pagina and "Goedkeuren</button>" not in pagina


def test_a_gezinscoach_reads_the_onderzoek_only_through_the_shared_page(
    huishouden, generalist, gezinscoach, onderzoek, vrager
):
    coach = _client(gezinscoach.user)
    assert coach.get(f"/onderzoeken/{onderzoek.pk}/").status_code == 403
    assert coach.get(f"/inwoners/{onderzoek.inwoner_id}/").status_code == 403
    uitwisseling = vrager(
        huishouden, generalist, ontvanger_medewerker=gezinscoach, categorieen=["onderzoek"]
    )
    assert coach.get(f"/uitwisselingen/{uitwisseling.pk}/gedeeld/").status_code == 403
    services.uitwisseling_goedkeuren(door=generalist.user, uitwisseling=uitwisseling)
    gedeeld = coach.get(f"/uitwisselingen/{uitwisseling.pk}/gedeeld/")
    tekst = gedeeld.content.decode()
    assert gedeeld.status_code == 200
    assert "Anna vertelde over zorgen thuis." in tekst
    assert "Naam, adres en geboortedatum" not in tekst  # not chosen, not shown
    assert GedeeldeInzage.objects.filter(uitwisseling=uitwisseling).count() == 1
    # The holding team does not read through the recipient's page; nor does anyone else.
    assert (
        _client(generalist.user).get(f"/uitwisselingen/{uitwisseling.pk}/gedeeld/").status_code
        == 403
    )
    assert coach.get(f"/onderzoeken/{onderzoek.pk}/").status_code == 403
    lijst = coach.get("/uitwisselingen/uitvoering/").content.decode()
    assert f"/uitwisselingen/{uitwisseling.pk}/gedeeld/" in lijst


def test_delivery_notes_page_for_the_assigned_gezinscoach_only(huishouden, generalist, gezinscoach):
    team = _client(generalist.user)
    r = team.post(
        f"/uitwisselingen/huishouden/{huishouden.pk}/uitvoerder/", {"medewerker": gezinscoach.pk}
    )
    assert r.status_code == 302
    uitvoering = huishouden.uitvoeringen.get()
    coach = _client(gezinscoach.user)
    leeg = coach.post(f"/uitwisselingen/uitvoering/{uitvoering.pk}/notities/", {"tekst": ""})
    assert "Schrijf de notitie" in coach.get(leeg["Location"]).content.decode()
    coach.post(f"/uitwisselingen/uitvoering/{uitvoering.pk}/notities/", {"tekst": "Bezoek 1."})
    assert "Bezoek 1." in coach.get(f"/uitwisselingen/uitvoering/{uitvoering.pk}/").content.decode()
    assert team.get(f"/uitwisselingen/uitvoering/{uitvoering.pk}/").status_code == 403


def test_council_figures_are_aggregates_with_small_cells_suppressed(
    huishouden, generalist, privacy_officer, vrager
):
    for _ in range(6):
        vrager(huishouden, generalist)
    eerste = Uitwisseling.objects.first()
    services.uitwisseling_weigeren(door=generalist.user, uitwisseling=eerste, reden="Geheim.")
    pagina = _client(privacy_officer.user).get("/uitwisselingen/cijfers/")
    tekst = pagina.content.decode()
    assert pagina.status_code == 200
    assert "niet getoond" in tekst  # one refusal: too few to show
    assert "Huishouden Jansen" not in tekst and "Anna" not in tekst
    api = api_for(privacy_officer).get("/api/v1/uitwisselingen/cijfers/").json()
    per_doel = next(t for t in api if t["titel"] == "Uitwisselingen per doel")
    assert per_doel["totaal"]["aantal"] == 6
    uitkomst = next(t for t in api if t["titel"].startswith("Uitwisselingen per uitkomst"))
    geweigerd = next(r for r in uitkomst["rijen"] if r["sleutel"] == "geweigerd")
    assert geweigerd["aantal"] is None and geweigerd["onderdrukt"] is True
    assert _client(generalist.user).get("/uitwisselingen/cijfers/").status_code == 403


# --- the API --------------------------------------------------------------------------------


def _body(huishouden: Any, **kw: Any) -> dict[str, Any]:
    body = vraag(huishouden=huishouden.pk)
    body.update(kw)
    return body


def test_api_refuses_bad_input_in_dutch_and_changes_nothing(huishouden, generalist):
    api = api_for(generalist)
    for body, veld, woord in (
        (_body(huishouden, vraag_doel=""), "vraag_doel", "Beantwoord de vraag"),
        (_body(huishouden, categorieen=["dossier"]), "categorieen", "hele dossier"),
        (_body(huishouden, categorieen=["plan"]), "categorieen", "geen gegevens"),
        (_body(huishouden, tot=None), "tot", "van wanneer tot wanneer"),
    ):
        r = api.post("/api/v1/uitwisselingen/", body, format="json")
        assert r.status_code == 400, r.content
        assert woord in " ".join(r.json()[veld])
    assert not Uitwisseling.objects.exists()
    r = api.post("/api/v1/uitwisselingen/", _body(huishouden), format="json")
    assert r.status_code == 201 and r.json()["status"] == "aangevraagd"


def test_the_veto_cannot_be_overruled_through_the_api(
    huishouden, generalist, gezinscoach, beheerder, superuser
):
    api = api_for(generalist)
    body = _body(huishouden, ontvanger_medewerker=gezinscoach.pk)
    pk = api.post("/api/v1/uitwisselingen/", body, format="json").json()["id"]
    r = api.post(f"/api/v1/uitwisselingen/{pk}/weigeren/", {"reden": ""}, format="json")
    assert r.status_code == 400
    r = api.post(
        f"/api/v1/uitwisselingen/{pk}/weigeren/", {"reden": "Beroepsgeheim."}, format="json"
    )
    assert r.status_code == 200 and r.json()["status"] == "geweigerd"
    root = APIClient()
    root.force_authenticate(superuser)
    for client in (api, root):
        for actie in ("goedkeuren", "beeindigen"):
            r = client.post(f"/api/v1/uitwisselingen/{pk}/{actie}/", {"reden": "x"}, format="json")
            assert r.status_code == 409, (actie, r.content)
            assert "Niemand kan dat terugdraaien" in r.json()["detail"]
    assert api_for(beheerder).post(f"/api/v1/uitwisselingen/{pk}/goedkeuren/").status_code == 403
    assert api.get(f"/api/v1/uitwisselingen/{pk}/").json()["status"] == "geweigerd"
    # Nothing is shared with the recipient.
    r = api_for(gezinscoach).get(f"/api/v1/uitwisselingen/{pk}/gedeeld/")
    assert r.status_code == 403 and "beroepsgeheim" in r.json()["detail"]
    # Asked anew: a new exchange, decided anew.
    r = api.post("/api/v1/uitwisselingen/", {**body, "vorige": pk}, format="json")
    assert r.status_code == 201 and r.json()["vorige"] == pk and r.json()["id"] != pk


def test_api_recipient_reads_only_the_chosen_categories(
    huishouden, generalist, gezinscoach, generalist_zuid, vrager
):
    uitwisseling = vrager(
        huishouden, generalist, ontvanger_medewerker=gezinscoach, categorieen=["huishouden"]
    )
    services.uitwisseling_goedkeuren(door=generalist.user, uitwisseling=uitwisseling)
    r = api_for(gezinscoach).get(f"/api/v1/uitwisselingen/{uitwisseling.pk}/gedeeld/")
    assert r.status_code == 200
    assert list(r.json()["categorieen"]) == ["huishouden"]
    assert (
        api_for(generalist_zuid).get(f"/api/v1/uitwisselingen/{uitwisseling.pk}/").status_code
        == 403
    )
    ontvangen = api_for(gezinscoach).get("/api/v1/uitwisselingen/ontvangen/").json()
    assert [u["id"] for u in ontvangen["results"]] == [uitwisseling.pk]


def test_api_list_costs_the_same_queries_for_few_and_many(
    huishouden, generalist, vrager, django_assert_num_queries
):
    api = api_for(generalist)
    vrager(huishouden, generalist)
    api.get("/api/v1/uitwisselingen/")  # warm the caches of the login
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as weinig:
        assert api.get("/api/v1/uitwisselingen/").status_code == 200
    for _ in range(12):
        vrager(huishouden, generalist)
    with django_assert_num_queries(len(weinig.captured_queries)):
        r = api.get("/api/v1/uitwisselingen/")
    assert r.json()["count"] == 13


def test_household_page_costs_the_same_queries_for_few_and_many_exchanges(
    huishouden, generalist, gezinscoach, vrager, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = _client(generalist.user)
    url = f"/uitwisselingen/huishouden/{huishouden.pk}/"
    vrager(huishouden, generalist)
    client.get(url)
    with CaptureQueriesContext(connection) as weinig:
        assert client.get(url).status_code == 200
    for _ in range(10):
        u = vrager(huishouden, generalist, ontvanger_medewerker=gezinscoach)
        services.uitwisseling_goedkeuren(door=generalist.user, uitwisseling=u)
    with django_assert_num_queries(len(weinig.captured_queries)):
        pagina = client.get(url)
    assert pagina.content.decode().count("/uitwisselingen/") >= 11
