"""A round of the folder connection processes what it received as one task of the system
(eenplan.taken, issue 16): its progress and outcome are on the berichten page and the task's
page, for the staff of the municipality who handle messages."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from eenplan.berichten.constants import BerichtStatus
from eenplan.berichten.models import Bericht
from eenplan.gemeente.constants import Rol
from eenplan.istandaarden import bouw
from eenplan.taken.constants import TaakStatus
from eenplan.taken.models import Taak
from eenplan.testing.factories import GemeenteFactory, MedewerkerFactory

pytestmark = pytest.mark.django_db


def _ronde(inmap, uitmap, *extra: str) -> str:
    out = StringIO()
    call_command("berichten", "verwerk-map", "--in", str(inmap), "--uit", str(uitmap), *extra,
                 stdout=out, stderr=out)
    return out.getvalue()


def test_a_round_is_a_system_task_the_contract_manager_follows(
    tmp_path, client, gemeente, van_aanbieder
):
    inmap, uitmap = tmp_path / "in", tmp_path / "uit"
    inmap.mkdir()
    (inmap / "start.xml").write_bytes(bouw(van_aanbieder.start()))
    (inmap / "kapot.xml").write_bytes(b"<half")
    uit = _ronde(inmap, uitmap)
    taak = Taak.objects.get(soort="berichten_map")
    assert taak.gestart_door is None and taak.gemeente == gemeente
    assert taak.status == TaakStatus.KLAAR and (taak.gedaan, taak.totaal) == (2, 2)
    assert taak.resultaat["berichten"] == 2 and f"Taak {taak.pk} (klaar)" in uit
    assert not Bericht.objects.filter(status=BerichtStatus.ONTVANGEN).exists()
    # Only ids in the task's input, never a file name or a person.
    assert set(taak.params) == {"van", "tot"}
    contractmanager = MedewerkerFactory(gemeente=gemeente, functie=Rol.CONTRACTMANAGER)
    client.force_login(contractmanager.user)
    log = client.get("/berichten/").content.decode()
    assert "Verwerking uit de mapkoppeling" in log and f'href="/taken/{taak.pk}/"' in log
    pagina = client.get(f"/taken/{taak.pk}/")
    assert pagina.status_code == 200 and "2 berichten verwerkt" in pagina.content.decode()
    # A generalist handles no messages: neither the section nor the task.
    client.force_login(MedewerkerFactory(gemeente=gemeente, functie=Rol.GENERALIST).user)
    assert client.get(f"/taken/{taak.pk}/").status_code == 403


def test_queued_the_task_waits_for_the_worker(tmp_path, gemeente, van_aanbieder, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    inmap = tmp_path / "in"
    inmap.mkdir()
    (inmap / "start.xml").write_bytes(bouw(van_aanbieder.start()))
    _ronde(inmap, tmp_path / "uit", "--wachtrij")
    taak = Taak.objects.get(soort="berichten_map")
    assert taak.status == TaakStatus.WACHTEND and taak.wachtrij_id
    assert Bericht.objects.get(bestandsnaam="start.xml").status == BerichtStatus.ONTVANGEN


def test_a_region_names_the_municipality_of_the_folder(tmp_path, gemeente, van_aanbieder):
    GemeenteFactory(cbs_code="GM1507", naam="Horst aan de Maas")
    inmap = tmp_path / "in"
    inmap.mkdir()
    (inmap / "start.xml").write_bytes(bouw(van_aanbieder.start()))
    with pytest.raises(CommandError):
        _ronde(inmap, tmp_path / "uit")
    assert list(inmap.glob("*.xml"))  # nothing taken from the inbox
    _ronde(inmap, tmp_path / "uit", "--gemeente", gemeente.cbs_code)
    assert Taak.objects.get(soort="berichten_map").gemeente == gemeente
