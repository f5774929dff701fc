"""The session and the staff login it names are read in one query (ADR 0054); the session
row's login and municipality columns are hints that never decide who is logged in."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from eenplan.gemeente.models import Sessie
from eenplan.testing import regio as regio_bouw
from eenplan.testing.factories import SessieFactory

pytestmark = pytest.mark.django_db


def _sessie(client) -> Sessie:
    return Sessie.objects.get(session_key=client.cookies["sessionid"].value)


def _queries(client, pad: str) -> tuple[int, list[str]]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(pad)
    return response.status_code, [q["sql"] for q in queries]


def test_a_staff_request_reads_its_session_and_its_login_in_one_query(
    client, generalist, inwoner_noord
):
    client.force_login(generalist.user)
    status, sql = _queries(client, f"/inwoners/{inwoner_noord.pk}/")
    assert status == 200
    # The first query reads the session and the login; no other reads either of them.
    assert '"gemeente_sessie"' in sql[0] and '"gemeente_medewerker"' in sql[0]
    assert not [s for s in sql[1:] if '"gemeente_sessie"' in s or '"auth_user"."id" =' in s]
    assert _sessie(client).gebruiker_id == generalist.user.pk


def test_a_forged_login_column_does_not_change_who_is_logged_in(
    client, generalist, backoffice, inwoner_noord
):
    """The column names the backoffice member; the session's data (and its hash) the
    generalist: the request is the generalist's, and reads the generalist itself."""
    client.force_login(generalist.user)
    Sessie.objects.filter(pk=_sessie(client).pk).update(gebruiker_id=backoffice.user.pk)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/inwoners/{inwoner_noord.pk}/")
    assert response.status_code == 200
    assert response.wsgi_request.user == generalist.user
    assert response.wsgi_request.user._eenplan_medewerker == generalist
    # The backoffice member read with the session is put aside; the generalist read again.
    assert sum('AS "aantal_gemeenten"' in q["sql"] for q in queries) == 2


def test_a_forged_municipality_column_does_not_choose_the_municipality(client):
    regio = regio_bouw.bouw()
    client.force_login(regio.login)
    assert client.post("/gemeente-kiezen/", {"gemeente": regio.b.gemeente.pk}).status_code == 302
    assert _sessie(client).gemeente_keuze == regio.b.gemeente.pk
    Sessie.objects.filter(pk=_sessie(client).pk).update(gemeente_keuze=regio.a.gemeente.pk)
    # The data says Weert (b): Weert's resident opens, Peel en Maas' stays out.
    assert client.get(f"/inwoners/{regio.b.inwoner.pk}/").status_code == 200
    assert client.get(f"/inwoners/{regio.a.inwoner.pk}/").status_code == 404


def test_an_expired_session_is_no_login(client, generalist, inwoner_noord):
    client.force_login(generalist.user)
    Sessie.objects.filter(pk=_sessie(client).pk).update(
        expire_date=timezone.now() - dt.timedelta(seconds=1)
    )
    response = client.get(f"/inwoners/{inwoner_noord.pk}/")
    assert response.status_code == 302 and response["Location"].startswith("/inloggen/")


def test_logging_out_removes_the_session(client, generalist):
    client.force_login(generalist.user)
    sleutel = client.cookies["sessionid"].value
    client.post("/uitloggen/")
    assert not Sessie.objects.filter(session_key=sleutel).exists()


def test_a_login_without_a_membership_is_not_looked_up_twice(client, db):
    """A login without a running membership (a resident, a provider, a superuser for set-up):
    the session's query finds no staff record, so the login is read as Django does, without
    looking for its record a second time."""
    login = get_user_model().objects.create_user("beheerder", is_superuser=True)
    client.force_login(login)
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/")
    assert response.wsgi_request.user == login
    assert sum('AS "aantal_gemeenten"' in q["sql"] for q in queries) == 1


def test_clearsessions_removes_expired_sessions_and_keeps_running_ones(
    client, generalist, backoffice
):
    client.force_login(generalist.user)
    verlopen = _sessie(client).pk
    Sessie.objects.filter(pk=verlopen).update(expire_date=timezone.now() - dt.timedelta(hours=1))
    ander = Client()
    ander.force_login(backoffice.user)
    lopend = _sessie(ander).pk
    assert Sessie.objects.count() == 2
    call_command("clearsessions")
    assert list(Sessie.objects.values_list("pk", flat=True)) == [lopend]


def test_a_session_stored_as_the_login_stores_it_is_that_login(client, generalist, inwoner_noord):
    sessie = SessieFactory(medewerker=generalist)
    assert sessie.gebruiker_id == generalist.user.pk and sessie.gemeente_keuze is None
    client.cookies["sessionid"] = sessie.session_key
    response = client.get(f"/inwoners/{inwoner_noord.pk}/")
    assert response.status_code == 200 and response.wsgi_request.user == generalist.user
