"""The task framework (issue 16, ADR 0048): a task of a registered kind runs once, reports
its progress (throttled, the last always), keeps what was done when it fails and tells the
user why in Dutch (never a traceback), and only whoever may start a kind starts it."""

from __future__ import annotations

import logging

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from eenplan.gemeente.constants import Rol
from eenplan.gemeente.models import Wijk
from eenplan.privacy.models import Inzage
from eenplan.taken import registry
from eenplan.taken.constants import TaakStatus
from eenplan.taken.models import Taak, TaakBestand
from eenplan.taken.services import taak_start, taak_uitvoeren
from eenplan.testing.factories import MedewerkerFactory

pytestmark = pytest.mark.django_db


def test_a_task_runs_at_once_with_the_immediate_backend_and_keeps_its_outcome(generalist):
    taak = taak_start(
        soort="test_tellen", door=generalist.user, gemeente=generalist.gemeente,
        params={"tot": 5},
    )
    assert taak.status == TaakStatus.KLAAR
    assert (taak.gedaan, taak.totaal) == (5, 5)
    assert taak.resultaat == {"samenvatting": "Tot 5 geteld.", "geteld": 5}
    assert taak.begonnen and taak.klaar and taak.begonnen <= taak.klaar
    assert taak.wachtrij_id  # the django-tasks result it ran as
    assert taak.fout == "" and taak.percentage == 100


def test_an_unknown_kind_or_personal_params_are_refused_and_nothing_is_made(generalist):
    with pytest.raises(ValidationError, match="Onbekende soort taak"):
        taak_start(soort="bestaat_niet", door=None, gemeente=generalist.gemeente, params={})
    with pytest.raises(ValidationError, match="geen persoonsgegevens"):
        taak_start(
            soort="test_tellen", door=None, gemeente=generalist.gemeente,
            params={"tot": 1, "bsn": "123456782"},
        )
    with pytest.raises(ValidationError, match="te groot"):
        taak_start(
            soort="test_tellen", door=None, gemeente=generalist.gemeente,
            params={"tot": 1, "ids": list(range(5000))},
        )
    assert not Taak.objects.exists()


def test_registering_a_second_function_under_one_code_is_refused():
    with pytest.raises(ValueError, match="al geregistreerd"):
        registry.taaksoort("test_tellen", label="Iets anders")(lambda ctx: {})
    with pytest.raises(ValueError, match="Ongeldige code"):
        registry.taaksoort("Met Spatie", label="x")


def test_a_role_without_the_kinds_right_is_refused_and_logged(vrijwilliger, gemeente):
    """The kind "test_export" needs the steering permission; a volunteer lacks it."""
    with pytest.raises(PermissionDenied):
        taak_start(soort="test_export", door=vrijwilliger.user, gemeente=gemeente, params={})
    assert not Taak.objects.exists()
    geweigerd = Inzage.objects.get(user=vrijwilliger.user, toegestaan=False)
    assert geweigerd.onderwerp == "taak" and "deze taak starten" in geweigerd.reden


def test_nobody_starts_a_task_for_another_municipality(generalist, andere_gemeente):
    with pytest.raises(PermissionDenied, match="andere gemeente"):
        taak_start(soort="test_tellen", door=generalist.user, gemeente=andere_gemeente,
                   params={"tot": 1})
    assert not Taak.objects.exists()


def test_a_failure_keeps_what_was_done_and_tells_why_in_dutch(generalist, caplog):
    with caplog.at_level(logging.ERROR, logger="eenplan.taken.services"):
        taak = taak_start(
            soort="test_tellen", door=generalist.user, gemeente=generalist.gemeente,
            params={"tot": 10, "fout_bij": 4},
        )
    assert taak.status == TaakStatus.MISLUKT
    assert (taak.gedaan, taak.totaal) == (3, 10)  # the progress as it was
    assert Wijk.objects.filter(naam__startswith="Telwijk").count() == 3  # what was done stays
    assert "onverwachte fout" in taak.fout and f"taak {taak.pk}" in taak.fout
    assert "RuntimeError" not in taak.fout and "geheime" not in taak.fout
    assert "Traceback" not in taak.fout
    # The traceback is in the log, for the beheerder.
    assert any(
        r.exc_info and "geheime interne details" in str(r.exc_info[1]) for r in caplog.records
    )


def test_an_expected_failure_shows_the_kinds_own_message(generalist):
    taak = taak_start(
        soort="test_tellen", door=generalist.user, gemeente=generalist.gemeente,
        params={"tot": 5, "fout_bij": 2, "verwacht": True},
    )
    assert taak.status == TaakStatus.MISLUKT
    assert taak.fout == "Stap 2 kon niet: de teller is kwijt."


def test_a_task_is_never_run_twice(generalist):
    """Two workers that got the same task: only the first claims it (wachtend -> bezig is one
    conditional UPDATE); a second worker while it runs, or after, does nothing."""
    tweede: list[dict] = []

    @registry.taaksoort("test_dubbel", label="Dubbel (test)")
    def dubbel(ctx: registry.TaakContext) -> dict:
        tweede.append(taak_uitvoeren(ctx.taak.pk))  # another worker, during the run
        ctx.voortgang(1, 1)
        return {"runs": 1}

    taak = Taak.objects.create(soort="test_dubbel", gemeente=generalist.gemeente)
    eerste = taak_uitvoeren(taak.pk)
    daarna = taak_uitvoeren(taak.pk)
    assert eerste["uitgevoerd"] is True
    assert tweede == [{"taak": taak.pk, "uitgevoerd": False}]
    assert daarna == {"taak": taak.pk, "uitgevoerd": False}
    taak.refresh_from_db()
    assert taak.status == TaakStatus.KLAAR and taak.resultaat == {"runs": 1}


def test_progress_writes_are_throttled_and_the_last_is_always_written(generalist, monkeypatch):
    monkeypatch.setattr(registry.time, "monotonic", lambda: 1000.0)  # no second ever passes
    taak = Taak.objects.create(
        soort="test_tellen", gemeente=generalist.gemeente, status=TaakStatus.BEZIG
    )
    ctx = registry.TaakContext(taak)
    for i in range(1, 10_001):
        ctx.voortgang(i, 10_000, "tellen")
    # One write per percent (and the first), never one per call; the last always.
    assert 100 <= ctx.schrijfbeurten <= 102
    taak.refresh_from_db()
    assert (taak.gedaan, taak.totaal) == (10_000, 10_000)
    # Small steps within a second are held back, and written when the task ends.
    ctx2 = registry.TaakContext(Taak.objects.create(
        soort="test_tellen", gemeente=generalist.gemeente, status=TaakStatus.BEZIG
    ))
    for i in range(1, 6):
        ctx2.voortgang(i, 100_000, f"stap {i}")
    assert ctx2.schrijfbeurten == 1
    ctx2.afronden()
    ctx2.taak.refresh_from_db()
    assert (ctx2.taak.gedaan, ctx2.taak.stap) == (5, "stap 5")


def test_progress_is_written_again_after_a_second(generalist, monkeypatch):
    klok = iter([0.0, 0.5, 1.6, 1.7])
    monkeypatch.setattr(registry.time, "monotonic", lambda: next(klok))
    taak = Taak.objects.create(
        soort="test_tellen", gemeente=generalist.gemeente, status=TaakStatus.BEZIG
    )
    ctx = registry.TaakContext(taak)
    for i in range(1, 5):
        ctx.voortgang(i, 1_000_000)
    assert ctx.schrijfbeurten == 2  # at 0.0 and at 1.6 s


def test_the_result_file_is_kept_with_a_safe_name(beleid):
    taak = taak_start(soort="test_export", door=beleid.user, gemeente=beleid.gemeente, params={})
    assert taak.status == TaakStatus.KLAAR
    assert taak.bestand_naam == "export _1_.csv"
    assert taak.bestand_type == "text/csv; charset=utf-8" and taak.bestand_grootte == 14
    assert bytes(TaakBestand.objects.get(taak=taak).inhoud) == b"id;waarde\n1;2\n"


def test_with_the_database_backend_the_task_waits_for_the_worker(generalist, settings):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    taak = taak_start(
        soort="test_tellen", door=generalist.user, gemeente=generalist.gemeente,
        params={"tot": 2},
    )
    assert taak.status == TaakStatus.WACHTEND
    # Queued in the same transaction as the task: the worker's row names it.
    rij = DBTaskResult.objects.get(id=taak.wachtrij_id)
    assert rij.args_kwargs["args"] == [taak.pk]
    taak_uitvoeren(taak.pk)  # what the worker does (`eenplan db_worker`)
    taak.refresh_from_db()
    assert taak.status == TaakStatus.KLAAR
    # A command that waits for it runs it here and now, without the queue.
    nu = taak_start(soort="test_tellen", door=None, gemeente=generalist.gemeente,
                    params={"tot": 1}, nu=True)
    assert nu.status == TaakStatus.KLAAR and nu.wachtrij_id == ""


def test_a_database_error_of_the_kind_still_ends_the_task_mislukt(generalist):
    """Run at once inside the caller's transaction (the immediate backend): the kind's failed
    statement is undone, the task is marked mislukt, and the caller's transaction goes on."""
    from eenplan.testing.factories import WijkFactory

    taak = Taak.objects.create(soort="test_tellen", gemeente=generalist.gemeente,
                               params={"tot": 2})
    code = f"WK{taak.pk % 10_000:04d}0001"
    WijkFactory(gemeente=generalist.gemeente, code=code)  # in the way of step 1
    taak_uitvoeren(taak.pk)
    taak.refresh_from_db()
    assert taak.status == TaakStatus.MISLUKT and "onverwachte fout" in taak.fout
    assert Wijk.objects.filter(code=code).count() == 1


def test_a_system_task_needs_no_login_and_its_kind_decides_who_sees_it(gemeente):
    taak = taak_start(soort="test_systeem", door=None, gemeente=gemeente, params={})
    assert taak.status == TaakStatus.KLAAR and taak.gestart_door is None
    # The volunteer's role may not start this kind: refused, logged.
    vrijwilliger = MedewerkerFactory(gemeente=gemeente, functie=Rol.VRIJWILLIGER)
    with pytest.raises(PermissionDenied):
        taak_start(soort="test_systeem", door=vrijwilliger.user, gemeente=gemeente, params={})


def test_result_files_are_deleted_after_their_term_the_task_stays(beleid, client):
    import datetime as dt
    import io

    from django.core.management import call_command
    from django.utils import timezone

    oud = taak_start(soort="test_export", door=beleid.user, gemeente=beleid.gemeente, params={})
    nieuw = taak_start(soort="test_export", door=beleid.user, gemeente=beleid.gemeente, params={})
    Taak.objects.filter(pk=oud.pk).update(klaar=timezone.now() - dt.timedelta(days=31))
    uit = io.StringIO()
    call_command("taken_opruimen", "--dagen", "30", stdout=uit)
    assert "1 resultaatbestand(en) verwijderd" in uit.getvalue()
    oud.refresh_from_db()
    assert oud.status == TaakStatus.KLAAR and oud.bestand_naam == "" and oud.resultaat
    assert not TaakBestand.objects.filter(taak=oud).exists()
    assert TaakBestand.objects.filter(taak=nieuw).exists()
    client.force_login(beleid.user)
    assert client.get(f"/taken/{oud.pk}/bestand/").status_code == 404
    assert "Download" not in client.get(f"/taken/{oud.pk}/").content.decode()


def test_a_task_whose_worker_stopped_is_ended_as_interrupted_not_left_running(beleid, client):
    """A worker killed mid-run (out of memory, a deploy) leaves its task "bezig" for ever: the
    page says so after five quiet minutes, and `taken_opruimen` ends it after an hour without
    progress, keeping what was done. A task with recent progress is left alone, and a worker
    that reports after all changes nothing any more."""
    import datetime as dt
    import io

    from django.core.management import CommandError, call_command
    from django.utils import timezone

    from eenplan.taken.services import _afsluiten

    nu = timezone.now()
    gestopt = Taak.objects.create(
        soort="test_tellen", gemeente=beleid.gemeente, gestart_door=beleid.user,
        status=TaakStatus.BEZIG, gedaan=40, totaal=100, begonnen=nu - dt.timedelta(hours=2),
    )
    stil = Taak.objects.create(
        soort="test_tellen", gemeente=beleid.gemeente, gestart_door=beleid.user,
        status=TaakStatus.BEZIG, gedaan=10, totaal=100, begonnen=nu - dt.timedelta(minutes=20),
    )
    loopt = Taak.objects.create(
        soort="test_tellen", gemeente=beleid.gemeente, gestart_door=beleid.user,
        status=TaakStatus.BEZIG, gedaan=5, totaal=100, begonnen=nu,
    )
    Taak.objects.filter(pk=gestopt.pk).update(updated_at=nu - dt.timedelta(minutes=61))
    Taak.objects.filter(pk=stil.pk).update(updated_at=nu - dt.timedelta(minutes=10))

    client.force_login(beleid.user)
    pagina = client.get(f"/taken/{stil.pk}/").content.decode()
    assert "geen voortgang gemeld" in pagina and "Bezig" in pagina
    assert "geen voortgang gemeld" not in client.get(f"/taken/{loopt.pk}/").content.decode()

    with pytest.raises(CommandError, match="ten minste één minuut"):
        call_command("taken_opruimen", "--minuten", "0", stdout=io.StringIO())
    uit = io.StringIO()
    call_command("taken_opruimen", stdout=uit)
    assert "1 onderbroken taak/taken afgesloten" in uit.getvalue()

    gestopt.refresh_from_db()
    assert gestopt.status == TaakStatus.MISLUKT and "onderbroken" in gestopt.fout
    assert gestopt.gedaan == 40 and gestopt.klaar is not None
    for taak in (stil, loopt):
        taak.refresh_from_db()
        assert taak.status == TaakStatus.BEZIG
    pagina = client.get(f"/taken/{gestopt.pk}/").content.decode()
    assert "De verwerking is onderbroken" in pagina and "(40 van 100), blijft bewaard" in pagina

    # The old worker comes back after all: its last writes need "bezig" and change nothing.
    ctx = registry.TaakContext(gestopt)
    ctx.voortgang(100, 100)
    _afsluiten(ctx, TaakStatus.KLAAR, resultaat={"samenvatting": "te laat"})
    gestopt.refresh_from_db()
    assert gestopt.status == TaakStatus.MISLUKT and gestopt.gedaan == 40
