"""The folder connection with the GGk: `eenplan berichten verwerk-map --in DIR --uit DIR`."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from eenplan.berichten.constants import BerichtStatus, Richting
from eenplan.berichten.models import Bericht, Levering
from eenplan.istandaarden import bouw, lees

pytestmark = pytest.mark.django_db


def test_a_round_keeps_processes_and_answers_the_inbox_and_fills_the_outbox(
    tmp_path, beschikking, van_aanbieder, toewijzing
):
    inmap, uitmap = tmp_path / "in", tmp_path / "uit"
    inmap.mkdir()
    (inmap / "start.xml").write_bytes(bouw(van_aanbieder.start()))
    (inmap / "kapot.xml").write_bytes(b"<half")
    out = StringIO()
    call_command("berichten", "verwerk-map", "--in", str(inmap), "--uit", str(uitmap), stdout=out)
    assert "2 ontvangen" in out.getvalue()
    # The inbox files are kept beside it, never deleted.
    assert sorted(p.name for p in (inmap / "verwerkt").iterdir()) == ["kapot.xml", "start.xml"]
    assert not list(inmap.glob("*.xml"))
    assert Levering.objects.filter(toewijzing=toewijzing).exists()
    kapot = Bericht.objects.get(bestandsnaam="kapot.xml")
    assert kapot.status == BerichtStatus.ONLEESBAAR and kapot.retourcodes == ["0001"]
    # The outbox: the 301 of the beschikking and the 306 on the start, as sent.
    geschreven = {p.name: lees(p.read_bytes()).naam for p in uitmap.iterdir()}
    assert sorted(geschreven.values()) == ["WMO301", "WMO306"]
    assert not Bericht.objects.filter(richting=Richting.UIT, status=BerichtStatus.KLAAR).exists()
    # A second round: the same file dropped again changes nothing, nothing is sent twice.
    (inmap / "start.xml").write_bytes(bouw(lees((inmap / "verwerkt" / "start.xml").read_bytes())))
    out = StringIO()
    call_command("berichten", "verwerk-map", "--in", str(inmap), "--uit", str(uitmap), stdout=out)
    assert "0 ontvangen, 1 al eerder ontvangen, 0 verzonden" in out.getvalue()
    assert len(list(uitmap.iterdir())) == 2


def test_queued_processing_waits_for_the_worker(tmp_path, van_aanbieder, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    inmap = tmp_path / "in"
    inmap.mkdir()
    (inmap / "start.xml").write_bytes(bouw(van_aanbieder.start()))
    call_command(
        "berichten",
        "verwerk-map",
        "--in",
        str(inmap),
        "--uit",
        str(tmp_path / "uit"),
        "--wachtrij",
        stdout=StringIO(),
    )
    bericht = Bericht.objects.get(bestandsnaam="start.xml")
    assert bericht.status == BerichtStatus.ONTVANGEN  # kept; the worker processes it later


def test_controleer_still_works(tmp_path, van_aanbieder):
    pad = tmp_path / "start.xml"
    pad.write_bytes(bouw(van_aanbieder.start()))
    out = StringIO()
    call_command("berichten", "controleer", str(pad), "--json", stdout=out)
    assert '"bericht": "WMO305"' in out.getvalue()
    assert not Bericht.objects.filter(richting=Richting.IN).exists()
