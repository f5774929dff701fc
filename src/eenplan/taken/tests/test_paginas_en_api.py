"""The faces of the tasks: "Mijn taken" and one task's page (progress bar, polling while it
runs, the result file), and /api/v1/taken/. Only whoever started a task sees it and its file;
a colleague is refused (403), another municipality does not find it (404), each logged."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from eenplan.conftest import login
from eenplan.gemeente.constants import Rol
from eenplan.privacy.models import Inzage
from eenplan.taken.constants import TaakStatus
from eenplan.taken.models import Taak
from eenplan.taken.services import taak_start
from eenplan.testing.factories import MedewerkerFactory

pytestmark = pytest.mark.django_db


def _api(medewerker) -> APIClient:
    api = APIClient(raise_request_exception=False)
    api.force_authenticate(medewerker.user)
    return api


def _export(beleid) -> Taak:
    return taak_start(soort="test_export", door=beleid.user, gemeente=beleid.gemeente, params={})


def test_the_starter_sees_the_task_its_progress_and_its_file(client, beleid):
    taak = _export(beleid)
    login(client, beleid)
    lijst = client.get("/taken/")
    assert lijst.status_code == 200
    html = lijst.content.decode()
    assert "Export (test)" in html and f'href="/taken/{taak.pk}/"' in html
    detail = client.get(f"/taken/{taak.pk}/").content.decode()
    assert '<progress id="taak-balk-' in detail and 'value="100"' in detail
    assert 'aria-live="polite"' in detail and "Export gemaakt." in detail
    assert "hx-trigger" not in detail  # done: the page does not poll
    assert f'href="/taken/{taak.pk}/bestand/"' in detail
    bestand = client.get(f"/taken/{taak.pk}/bestand/")
    assert bestand.status_code == 200 and bestand.content == b"id;waarde\n1;2\n"
    assert bestand["Content-Disposition"] == 'attachment; filename="export _1_.csv"'
    # The download is in the access log (an export may hold personal data).
    assert Inzage.objects.filter(
        user=beleid.user, toegestaan=True, onderwerp="taak", reden__contains="gedownload"
    ).exists()


def test_a_running_task_polls_and_the_poll_stops_when_it_is_done(client, beleid):
    taak = Taak.objects.create(
        soort="test_tellen", gemeente=beleid.gemeente, gestart_door=beleid.user,
        status=TaakStatus.BEZIG, gedaan=3, totaal=12, stap="Stap 3 van 12",
    )
    login(client, beleid)
    html = client.get(f"/taken/{taak.pk}/").content.decode()
    assert f'hx-get="/taken/{taak.pk}/voortgang/"' in html and 'hx-trigger="every 2s"' in html
    assert 'value="25"' in html and "3 van 12" in html and "Stap 3 van 12" in html
    fragment = client.get(f"/taken/{taak.pk}/voortgang/", HTTP_HX_REQUEST="true")
    assert fragment.status_code == 200 and "<html" not in fragment.content.decode()
    Taak.objects.filter(pk=taak.pk).update(status=TaakStatus.KLAAR, gedaan=12)
    klaar = client.get(f"/taken/{taak.pk}/voortgang/", HTTP_HX_REQUEST="true")
    assert klaar.status_code == 286  # htmx stops polling
    assert "Klaar" in klaar.content.decode()


def test_a_failed_task_says_why_without_a_traceback(client, generalist):
    taak = taak_start(soort="test_tellen", door=generalist.user, gemeente=generalist.gemeente,
                      params={"tot": 4, "fout_bij": 3})
    login(client, generalist)
    html = client.get(f"/taken/{taak.pk}/").content.decode()
    assert "Mislukt" in html and "onverwachte fout" in html and "(2 van 4)" in html
    assert "Traceback" not in html and "RuntimeError" not in html


def test_a_colleague_is_refused_and_logged(client, beleid, gemeente):
    taak = _export(beleid)
    collega = MedewerkerFactory(gemeente=gemeente, functie=Rol.BELEID, username="collega")
    login(client, collega)
    assert f"/taken/{taak.pk}/" not in client.get("/taken/").content.decode()
    for pad in ("", "voortgang/", "bestand/"):
        assert client.get(f"/taken/{taak.pk}/{pad}").status_code == 403, pad
    assert "alleen wie hem startte" in client.get(f"/taken/{taak.pk}/").content.decode()
    api = _api(collega)
    assert api.get(f"/api/v1/taken/{taak.pk}/").status_code == 403
    assert api.get(f"/api/v1/taken/{taak.pk}/bestand/").status_code == 403
    assert api.get("/api/v1/taken/").json()["results"] == []
    assert Inzage.objects.filter(user=collega.user, toegestaan=False, onderwerp="taak").count() == 6


def test_another_municipality_does_not_find_it_and_it_is_logged(client, beleid, collega_elders):
    taak = _export(beleid)
    login(client, collega_elders)
    assert client.get(f"/taken/{taak.pk}/").status_code == 404
    assert _api(collega_elders).get(f"/api/v1/taken/{taak.pk}/").status_code == 404
    geweigerd = Inzage.objects.filter(user=collega_elders.user, toegestaan=False)
    assert geweigerd.count() == 2
    assert all("niet binnen uw gemeente" in r.reden for r in geweigerd)


def test_a_role_taken_away_takes_the_file_away(client, beleid):
    taak = _export(beleid)
    beleid.user.groups.clear()  # the role is taken away (roles are groups, ADR 0002)
    login(client, beleid)
    antwoord = client.get(f"/taken/{taak.pk}/bestand/")
    assert antwoord.status_code == 403
    assert "niet meer" in antwoord.content.decode()


def test_the_api_gives_the_same_as_the_pages(beleid):
    taak = _export(beleid)
    api = _api(beleid)
    lijst = api.get("/api/v1/taken/").json()
    assert [t["id"] for t in lijst["results"]] == [taak.pk]
    rij = lijst["results"][0]
    assert rij["status"] == "klaar" and rij["percentage"] == 100 and rij["label"] == "Export (test)"
    assert rij["bestand"]["url"] == f"/api/v1/taken/{taak.pk}/bestand/"
    detail = api.get(f"/api/v1/taken/{taak.pk}/").json()
    assert detail["resultaat"] == {"samenvatting": "Export gemaakt.", "rijen": 1}
    assert detail["fout"] == "" and detail["pagina"] == f"/taken/{taak.pk}/"
    bestand = api.get(f"/api/v1/taken/{taak.pk}/bestand/")
    assert bestand.status_code == 200 and bestand.content == b"id;waarde\n1;2\n"
    assert api.get("/api/v1/taken/999999/").status_code == 404


def test_a_system_task_is_seen_by_who_may_start_its_kind(client, gemeente, contractmanager,
                                                         generalist):
    taak = taak_start(soort="test_systeem", door=None, gemeente=gemeente, params={})
    login(client, contractmanager)
    assert client.get(f"/taken/{taak.pk}/").status_code == 200
    assert "het systeem" in client.get(f"/taken/{taak.pk}/").content.decode()
    login(client, generalist)
    assert client.get(f"/taken/{taak.pk}/").status_code == 403


def test_the_list_pages_and_keeps_a_fixed_number_of_queries(client, generalist):
    def maak(aantal: int) -> None:
        Taak.objects.bulk_create(
            Taak(soort="test_tellen", gemeente=generalist.gemeente, gestart_door=generalist.user,
                 status=TaakStatus.BEZIG, gedaan=1, totaal=3, stap="Bezig")
            for _ in range(aantal)
        )

    login(client, generalist)
    api = _api(generalist)
    maak(1)
    client.get("/taken/"), api.get("/api/v1/taken/")  # warm (caches filled once per process)
    with CaptureQueriesContext(connection) as pagina_een:
        assert client.get("/taken/").status_code == 200
    with CaptureQueriesContext(connection) as api_een:
        assert api.get("/api/v1/taken/").status_code == 200
    for erbij in (9, 40):
        maak(erbij)
        with CaptureQueriesContext(connection) as pagina:
            html = client.get("/taken/").content.decode()
        with CaptureQueriesContext(connection) as api_lijst:
            api.get("/api/v1/taken/")
        assert len(pagina) == len(pagina_een), [q["sql"] for q in pagina.captured_queries]
        assert len(api_lijst) == len(api_een)
    assert len(re.findall(r'href="/taken/\d+/"', html)) == 25  # one page of 25
    assert "Pagina 1 van 2" in html
    assert client.get("/taken/?pagina=2").status_code == 200
    assert client.get("/taken/?onbekend=1").status_code == 400


def test_mijn_taken_is_in_the_staff_navigation(client, generalist):
    login(client, generalist)
    html = client.get("/").content.decode()
    assert re.search(r'href="/taken/"[^>]*>Mijn taken</a>', html)


def test_every_query_of_the_task_pages_names_the_municipality(client, beleid):
    """A region in one installation (issue 16): the tasks' pages and API read the task table
    only with its municipality (`testing.gemeentesql`, as the access sweep checks)."""
    from eenplan.testing import gemeentesql

    taak = _export(beleid)
    login(client, beleid)
    api = _api(beleid)
    for vraag in (
        lambda: client.get("/taken/"),
        lambda: client.get(f"/taken/{taak.pk}/"),
        lambda: client.get(f"/taken/{taak.pk}/voortgang/"),
        lambda: client.get(f"/taken/{taak.pk}/bestand/"),
        lambda: api.get("/api/v1/taken/"),
        lambda: api.get(f"/api/v1/taken/{taak.pk}/"),
    ):
        with CaptureQueriesContext(connection) as sql:
            assert vraag().status_code == 200
        zonder = [
            (t, q["sql"]) for q in sql.captured_queries
            for t in gemeentesql.zonder_gemeente(q["sql"])
        ]
        assert not zonder, zonder
