"""Taking the monthly snapshots is a task (eenplan.taken, issue 16): the policy officer starts
it with the button on /sturing/ or POST /api/v1/momentopnamen/ and follows its progress on
the task's page; other roles are refused; the command goes through the same service."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.utils import timezone
from rest_framework.test import APIClient

from eenplan.gemeente.constants import Rol
from eenplan.gemeente.services import roles_sync
from eenplan.privacy.models import Inzage
from eenplan.sturing.models import Momentopname
from eenplan.taken.constants import TaakStatus
from eenplan.taken.models import Taak
from eenplan.testing.factories import MedewerkerFactory

pytestmark = pytest.mark.django_db


def _medewerker(gemeente, rol):
    roles_sync()
    return MedewerkerFactory(gemeente=gemeente, functie=rol)


def _maand(terug: int) -> str:
    dag = timezone.localdate().replace(day=1)
    for _ in range(terug):
        dag = (dag - dt.timedelta(days=1)).replace(day=1)
    return f"{dag:%Y-%m}"


def test_the_policy_officer_starts_the_snapshots_and_follows_the_task(client, gemeente):
    beleid = _medewerker(gemeente, Rol.BELEID)
    client.force_login(beleid.user)
    overzicht = client.get("/sturing/").content.decode()
    assert "Momentopnamen maken" in overzicht and 'action="/sturing/momentopnamen/"' in overzicht
    antwoord = client.post(
        "/sturing/momentopnamen/", {"van": _maand(3), "tot": _maand(1), "opnieuw": ""}
    )
    taak = Taak.objects.get()
    assert antwoord.status_code == 302 and antwoord["Location"] == f"/taken/{taak.pk}/"
    assert taak.status == TaakStatus.KLAAR and taak.gestart_door == beleid.user
    assert (taak.gedaan, taak.totaal) == (3, 3)
    assert Momentopname.objects.filter(gemeente=gemeente).count() == 3
    pagina = client.get(f"/taken/{taak.pk}/").content.decode()
    assert "3 maanden" in pagina and "3 nieuw" in pagina
    assert 'href="/sturing/"' in pagina  # back to where it was started
    # Again with "herberekenen": the same three months recomputed.
    client.post("/sturing/momentopnamen/", {"van": _maand(3), "tot": _maand(1), "opnieuw": "on"})
    assert Taak.objects.order_by("-pk").first().resultaat["herberekend"] == 3


def test_bad_months_are_a_dutch_400_and_nothing_starts(client, gemeente):
    client.force_login(_medewerker(gemeente, Rol.BELEID).user)
    for data, tekst in [
        ({"van": "2026-13", "tot": _maand(1)}, "JJJJ-MM"),
        ({"van": _maand(1), "tot": _maand(3)}, "ligt na de laatste"),
        ({"van": _maand(1), "tot": _maand(0)}, "een hele maand"),
    ]:
        antwoord = client.post("/sturing/momentopnamen/", data)
        assert antwoord.status_code == 400, data
        assert tekst in antwoord.content.decode()
    assert not Taak.objects.exists()


def test_other_roles_may_not_start_it_and_see_no_button(client, gemeente):
    raadslid = _medewerker(gemeente, Rol.RAADSLID)
    client.force_login(raadslid.user)
    assert "Momentopnamen maken" not in client.get("/sturing/").content.decode()
    antwoord = client.post("/sturing/momentopnamen/", {"van": _maand(1), "tot": _maand(1)})
    assert antwoord.status_code == 403
    api = APIClient()
    api.force_authenticate(raadslid.user)
    data = {"van": _maand(1), "tot": _maand(1)}
    assert api.post("/api/v1/momentopnamen/", data).status_code == 403
    assert not Taak.objects.exists()
    assert Inzage.objects.filter(user=raadslid.user, toegestaan=False).count() == 2


def test_the_api_starts_it_and_answers_with_the_task(gemeente):
    api = APIClient()
    api.force_authenticate(_medewerker(gemeente, Rol.BELEID).user)
    antwoord = api.post(
        "/api/v1/momentopnamen/", {"van": _maand(2), "tot": _maand(1)}, format="json"
    )
    assert antwoord.status_code == 202, antwoord.content
    taak = antwoord.json()
    assert taak["soort"] == "momentopnamen" and taak["status"] == "klaar"
    assert api.get(f"/api/v1/taken/{taak['id']}/").json()["resultaat"]["nieuw"] == 2
    fout = api.post("/api/v1/momentopnamen/", {"van": "maart", "tot": _maand(1)}, format="json")
    assert fout.status_code == 400 and "JJJJ-MM" in str(fout.json()["van"])


def test_the_command_is_a_system_task_through_the_same_service(gemeente):
    uit = io.StringIO()
    call_command("sturing_momentopnamen", "--van", _maand(2), "--tot", _maand(1), stdout=uit)
    taak = Taak.objects.get()
    assert taak.gestart_door is None and taak.status == TaakStatus.KLAAR
    assert "2 maanden" in uit.getvalue()
