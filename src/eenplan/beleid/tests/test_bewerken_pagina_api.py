"""The edit pages and endpoints of the plan's structure and the survey's questions: the officer
edits, everyone else is refused; bad input gets a Dutch message and changes nothing; a save
based on an older version is refused on the page and with 412 in the API; deleting refuses what
still holds something; query budgets of the structure page and the question list."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from eenplan.beleid.models import Activiteit, Doel, Resultaat, Subdoel, Thema, Vraag
from eenplan.beleid.services import structuur, vragenlijst_standaard
from eenplan.common.concurrency import versie_waarde
from eenplan.gemeente.constants import Rol
from eenplan.testing import beleid as tb
from eenplan.testing.factories import MedewerkerFactory

pytestmark = pytest.mark.django_db

JSON = "application/json"


@pytest.fixture
def plan(gemeente):
    return tb.plan(gemeente, indicatoren=[{"indicator": "bbv_32_wmo_maatwerk"}])


@pytest.fixture
def raad_client(gemeente) -> Client:
    client = Client()
    client.force_login(MedewerkerFactory(gemeente=gemeente, functie=Rol.RAADSLID).user)
    return client


# --- pages ----------------------------------------------------------------------------------------


def test_the_officer_adds_a_thema_on_the_page_and_sees_it_in_the_structure(beleid_client, plan):
    structuurpagina = beleid_client.get(f"/beleid/{plan.pk}/plan/").content.decode()
    assert "Thema toevoegen" in structuurpagina and "Activiteit toevoegen" in structuurpagina
    assert beleid_client.get(f"/beleid/{plan.pk}/themas/nieuw/").status_code == 200
    antwoord = beleid_client.post(
        f"/beleid/{plan.pk}/themas/nieuw/",
        {"nummer": "2", "naam": "Zorg voor jeugd", "omschrijving": "", "bron": "seed 002"},
    )
    assert antwoord.status_code == 302
    thema = Thema.objects.get(plan=plan, nummer=2)
    assert antwoord["Location"] == f"/beleid/{plan.pk}/plan/#thema-{thema.pk}"
    assert "2. Zorg voor jeugd" in beleid_client.get(antwoord["Location"]).content.decode()


def test_bad_input_on_the_page_gets_dutch_messages_and_nothing_is_saved(beleid_client, plan):
    sub = Subdoel.objects.get()
    antwoord = beleid_client.post(
        f"/beleid/subdoelen/{sub.pk}/activiteiten/nieuw/",
        {
            "code": "A2",
            "naam": "Buurtkamer",
            "eigenaar": "",
            "start": "01-06-2026",
            "eind": "01-05-2026",
            "status": "gepland",
        },
    )
    assert antwoord.status_code == 400
    tekst = antwoord.content.decode()
    assert "Vul wie voert het uit in." in tekst
    assert Activiteit.objects.count() == 1
    antwoord = beleid_client.post(
        f"/beleid/subdoelen/{sub.pk}/activiteiten/nieuw/",
        {
            "code": "A2",
            "naam": "Buurtkamer",
            "eigenaar": "Welzijn",
            "start": "01-06-2026",
            "eind": "01-05-2026",
            "status": "gepland",
        },
    )
    assert antwoord.status_code == 400
    assert "Het einde ligt niet voor het begin." in antwoord.content.decode()
    assert Activiteit.objects.count() == 1


def test_a_save_on_an_older_version_is_refused_on_the_page(beleid_client, plan, beleidsmedewerker):
    doel = Doel.objects.get()
    formulier_versie = versie_waarde(doel)  # what the page showed: version 1
    structuur.onderdeel_save(
        actor=beleidsmedewerker.user,
        soort="doel",
        onderdeel=doel,
        velden={"tekst": "Langer thuis wonen."},
    )
    antwoord = beleid_client.post(
        f"/beleid/doelen/{doel.pk}/",
        {"_versie": formulier_versie, "code": "D1", "tekst": "Mijn tekst.", "bron": ""},
    )
    assert antwoord.status_code == 400
    tekst = antwoord.content.decode()
    assert "Iemand anders heeft dit doel intussen gewijzigd" in tekst
    doel.refresh_from_db()
    assert (doel.tekst, doel.versie) == ("Langer thuis wonen.", 2)


def test_deleting_on_the_page_refuses_a_thema_with_doelen(beleid_client, plan):
    thema = Thema.objects.get()
    antwoord = beleid_client.post(f"/beleid/themas/{thema.pk}/verwijderen/", follow=True)
    assert "Verwijder eerst de doelen van dit thema." in antwoord.content.decode()
    assert Thema.objects.filter(pk=thema.pk).exists()
    activiteit = Activiteit.objects.get()
    antwoord = beleid_client.post(f"/beleid/activiteiten/{activiteit.pk}/verwijderen/")
    assert antwoord.status_code == 302 and not Activiteit.objects.exists()


def test_only_the_officer_opens_the_edit_pages(raad_client, contract_client, plan):
    thema = Thema.objects.get()
    for client in (raad_client, contract_client):
        assert client.get(f"/beleid/themas/{thema.pk}/").status_code == 403
        assert client.post(f"/beleid/themas/{thema.pk}/", {"naam": "x"}).status_code == 403
        assert client.get("/beleid/clientervaring/vragen/").status_code == 403
    # The council still reads the structure, without edit links.
    pagina = raad_client.get(f"/beleid/{plan.pk}/plan/").content.decode()
    assert "Basisvoorzieningen" in pagina and "Thema toevoegen" not in pagina
    thema.refresh_from_db()
    assert thema.naam == "Basisvoorzieningen"


def test_structure_page_queries_stay_the_same_as_the_plan_grows(
    beleid_client, plan, beleidsmedewerker, django_assert_max_num_queries
):
    url = f"/beleid/{plan.pk}/plan/"
    beleid_client.get(url)
    with django_assert_max_num_queries(20) as een:
        beleid_client.get(url)
    sub = Subdoel.objects.get()
    thema = Thema.objects.get()
    for n in range(2, 12):
        nieuw = structuur.onderdeel_save(
            actor=beleidsmedewerker.user,
            soort="thema",
            ouder=plan,
            velden={"nummer": n, "naam": f"Thema {n}"},
        )
        structuur.onderdeel_save(
            actor=beleidsmedewerker.user,
            soort="doel",
            ouder=nieuw,
            velden={"code": f"D{n}", "tekst": "Doel"},
        )
        structuur.onderdeel_save(
            actor=beleidsmedewerker.user,
            soort="activiteit",
            ouder=sub,
            velden={
                "code": f"A{n}",
                "naam": "Activiteit",
                "eigenaar": "Team",
                "start": dt.date(2026, 1, 1),
                "eind": dt.date(2026, 2, 1),
                "status": "gepland",
                "resultaten": [r.pk for r in thema.resultaten.all()],
            },
        )
    with django_assert_max_num_queries(len(een.captured_queries)):
        antwoord = beleid_client.get(url)
    assert "Thema 11" in antwoord.content.decode()


# --- API ----------------------------------------------------------------------------------


def test_api_creates_changes_and_deletes_a_thema_with_versions(beleid_client, plan):
    antwoord = beleid_client.post(
        "/api/v1/beleidsthemas/",
        {"plan": plan.pk, "nummer": 3, "naam": "Wonen"},
        content_type=JSON,
    )
    assert antwoord.status_code == 201, antwoord.json()
    assert antwoord["ETag"] == '"1"'
    pk = antwoord.json()["id"]
    gewijzigd = beleid_client.patch(
        f"/api/v1/beleidsthemas/{pk}/",
        {"naam": "Wonen en zorg"},
        content_type=JSON,
        HTTP_IF_MATCH='"1"',
    )
    assert gewijzigd.status_code == 200 and gewijzigd["ETag"] == '"2"'
    oud = beleid_client.patch(
        f"/api/v1/beleidsthemas/{pk}/",
        {"naam": "Wonen (oud)"},
        content_type=JSON,
        HTTP_IF_MATCH='"1"',
    )
    assert oud.status_code == 412
    assert "Iemand anders heeft dit thema intussen gewijzigd" in oud.json()["detail"]
    assert Thema.objects.get(pk=pk).naam == "Wonen en zorg"
    assert beleid_client.delete(f"/api/v1/beleidsthemas/{pk}/").status_code == 204
    assert not Thema.objects.filter(pk=pk).exists()


def test_api_refuses_bad_input_in_dutch_and_changes_nothing(beleid_client, plan):
    thema = Thema.objects.get()
    antwoord = beleid_client.post(
        "/api/v1/beleidsresultaten/", {"thema": thema.pk, "nummer": 1}, content_type=JSON
    )
    assert antwoord.status_code == 400
    assert antwoord.json() == {
        "tekst": ["Beschrijf het resultaat."],
        "nummer": ["Dit thema heeft al een resultaat met dit nummer."],
    }
    antwoord = beleid_client.post("/api/v1/beleidsdoelen/", {"code": "D9"}, content_type=JSON)
    assert antwoord.status_code == 400 and "thema" in antwoord.json()
    antwoord = beleid_client.delete(f"/api/v1/beleidsthemas/{thema.pk}/")
    assert antwoord.status_code == 400
    assert antwoord.json() == {"detail": ["Verwijder eerst de doelen van dit thema."]}
    assert Resultaat.objects.count() == 2 and Doel.objects.count() == 1


def test_api_activity_with_its_resultaten_and_the_status_action(beleid_client, plan):
    sub = Subdoel.objects.get()
    resultaat = Resultaat.objects.get(nummer=4)
    antwoord = beleid_client.post(
        "/api/v1/beleidsactiviteiten/",
        {
            "subdoel": sub.pk,
            "code": "A7",
            "naam": "Ontmoetingsplek",
            "eigenaar": "Welzijn Noord",
            "start": "2026-01-01",
            "eind": "2026-12-31",
            "status": "lopend",
            "resultaten": [resultaat.pk],
        },
        content_type=JSON,
    )
    assert antwoord.status_code == 201, antwoord.json()
    data = antwoord.json()
    assert data["resultaten"] == [resultaat.pk] and data["versie"] == 1
    status = beleid_client.post(
        f"/api/v1/beleidsactiviteiten/{data['id']}/status/",
        {"status": "gereed"},
        content_type=JSON,
    )
    assert status.status_code == 200 and status.json()["status"] == "gereed"
    assert beleid_client.get(f"/api/v1/beleidsactiviteiten/{data['id']}/").json()["versie"] == 2


def test_api_plan_create_and_the_council_is_refused(beleid_client, raad_client, plan):
    antwoord = beleid_client.post(
        "/api/v1/beleidsplannen/",
        {"naam": "Koers 2030", "van_jaar": 2027, "tot_jaar": 2030},
        content_type=JSON,
    )
    assert antwoord.status_code == 201 and antwoord.json()["versie"] == 1
    slecht = beleid_client.post(
        "/api/v1/beleidsplannen/",
        {"naam": "Achterstevoren", "van_jaar": 2030, "tot_jaar": 2027},
        content_type=JSON,
    )
    assert slecht.json() == {"tot_jaar": ["Het laatste jaar ligt niet voor het eerste jaar."]}
    thema = Thema.objects.get(plan=plan)
    assert raad_client.get(f"/api/v1/beleidsthemas/{thema.pk}/").status_code == 200
    for methode, url, body in (
        ("post", "/api/v1/beleidsthemas/", {"plan": plan.pk, "nummer": 5, "naam": "x"}),
        ("patch", f"/api/v1/beleidsthemas/{thema.pk}/", {"naam": "x"}),
        ("delete", f"/api/v1/beleidsplannen/{plan.pk}/", {}),
        ("post", "/api/v1/enquetevragen/", {"code": "x"}),
    ):
        assert getattr(raad_client, methode)(url, body, content_type=JSON).status_code == 403
    assert Thema.objects.filter(plan=plan).count() == 1


# --- the survey's questions -------------------------------------------------------------------


def test_the_officer_edits_the_questionnaire_on_its_page(beleid_client, gemeente):
    pagina = beleid_client.get("/beleid/clientervaring/vragen/")
    assert pagina.status_code == 200
    assert "Ik wist waar ik met mijn vraag terecht kon." in pagina.content.decode()
    antwoord = beleid_client.post(
        "/beleid/clientervaring/vragen/",
        {
            "wat": "nieuw",
            "nummer": "11",
            "code": "bereikbaar",
            "tekst": "De gemeente was goed bereikbaar.",
            "aspect": "toegankelijkheid",
        },
    )
    assert antwoord.status_code == 302
    vraag = Vraag.objects.get(code="bereikbaar")
    uit = beleid_client.post(
        f"/beleid/clientervaring/vragen/{vraag.pk}/",
        {"wat": "uit", "_versie": versie_waarde(vraag)},
    )
    assert uit.status_code == 302
    vraag.refresh_from_db()
    assert vraag.actief is False
    dubbel = beleid_client.post(
        "/beleid/clientervaring/vragen/",
        {
            "wat": "nieuw",
            "nummer": "12",
            "code": "bereikbaar",
            "tekst": "Nog eens.",
            "aspect": "eigen",
        },
    )
    assert dubbel.status_code == 400
    assert "Deze vragenlijst heeft al een vraag met deze code." in dubbel.content.decode()


def test_api_lists_and_changes_questions_with_versions(
    beleid_client, raad_client, gemeente, django_assert_max_num_queries
):
    lijst = vragenlijst_standaard(gemeente)
    with django_assert_max_num_queries(12):
        data = raad_client.get("/api/v1/enquetevragen/").json()
    assert data["count"] == 10 and all(v["actief"] for v in data["results"])
    vraag = lijst.vragen.get(code="veilig_thuis")
    antwoord = beleid_client.patch(
        f"/api/v1/enquetevragen/{vraag.pk}/",
        {"actief": False, "tekst": "Door de hulp voel ik mij thuis veiliger."},
        content_type=JSON,
        HTTP_IF_MATCH='"1"',
    )
    assert antwoord.status_code == 200, antwoord.json()
    assert antwoord.json()["actief"] is False and antwoord["ETag"] == '"3"'
    oud = beleid_client.patch(
        f"/api/v1/enquetevragen/{vraag.pk}/",
        {"actief": True},
        content_type=JSON,
        HTTP_IF_MATCH='"1"',
    )
    assert oud.status_code == 412
    assert Vraag.objects.get(pk=vraag.pk).actief is False
    fout = beleid_client.post("/api/v1/enquetevragen/", {"code": "X!"}, content_type=JSON)
    assert fout.status_code == 400 and set(fout.json()) >= {"code", "tekst", "aspect", "nummer"}


def test_a_stale_status_on_the_structure_page_is_refused_and_said(
    beleid_client, plan, beleidsmedewerker
):
    activiteit = Activiteit.objects.get()
    getoond = versie_waarde(activiteit)
    structuur.onderdeel_save(
        actor=beleidsmedewerker.user,
        soort="activiteit",
        onderdeel=activiteit,
        velden={"status": "lopend"},
    )
    antwoord = beleid_client.post(
        f"/beleid/activiteiten/{activiteit.pk}/status/",
        {"_versie": getoond, "status": "gestopt", "toelichting": ""},
        follow=True,
    )
    assert "Iemand anders heeft deze activiteit intussen gewijzigd" in antwoord.content.decode()
    activiteit.refresh_from_db()
    assert (activiteit.status, activiteit.versie) == ("lopend", 2)
