"""`make fuzz`: schemathesis against a running demo on loopback; any server error fails.

Steps: a small demo database in its own folder (``FUZZ_VAR_DIR``, default ``var/fuzz``), the
development server on a free port of 127.0.0.1, a session for a fuzz login obtained through
Django itself, then ``st run`` over the OpenAPI schema at ``/api/schema/``, bounded by
``FUZZ_SECONDS``. Afterwards the server is stopped and the server errors are listed per
operation. Exit status 1 on any 5xx (the ``not_a_server_error`` check), else 0. The other
schemathesis checks are reported by ``FUZZ_CHECKS=all`` but only server errors fail the run.

Environment (all optional):

- ``FUZZ_SECONDS`` (600): wall-clock budget of the schemathesis run.
- ``FUZZ_MAX_EXAMPLES`` (100): test cases per operation and phase.
- ``FUZZ_INWONERS`` (300): residents in the demo municipality.
- ``FUZZ_WORKERS`` (1): concurrent schemathesis workers.
- ``FUZZ_SEED``: the schemathesis seed, to repeat a run.
- ``FUZZ_VAR_DIR`` (var/fuzz): the SQLite database, reports and the server log.
- ``FUZZ_KEEP_DB`` (false): reuse the database of the previous run instead of a fresh one.
- ``FUZZ_CHECKS`` (not_a_server_error): extra checks to run and report (``all``).

How the fuzzer logs in is one function, `credentials`: it returns the HTTP headers that
schemathesis sends with every request. It makes a session for the login ``fuzz`` (created in
the fuzz database only, with every role of the demo, in the team that serves every wijk, so that
few requests stop at a 403 before reaching the code under test).
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections import Counter, defaultdict
from pathlib import Path

FUZZ_USERNAME = "fuzz"


def _env_int(name: str, default: int) -> int:
    return int(os.environ.get(name) or default)


def credentials() -> dict[str, str]:
    """Headers that authenticate every request of the fuzzer (runs inside Django).

    A session (cookie) plus its CSRF token, made through Django's own login code, so the run
    does not depend on how API tokens are stored. Adapt here when login gains a step (for
    example a second factor: mark the session as verified).
    """
    import django
    from django.conf import settings

    django.setup()
    from django.contrib.auth import get_user_model
    from django.middleware.csrf import CSRF_SESSION_KEY, _get_new_csrf_string
    from django.test import Client

    from eenplan.gemeente.constants import Rol
    from eenplan.gemeente.models import Gemeente, Team
    from eenplan.gemeente.services import medewerker_create

    user = get_user_model().objects.filter(username=FUZZ_USERNAME).first()
    if user is None:
        gemeente = Gemeente.objects.order_by("pk").first()
        if gemeente is None:
            raise SystemExit("Geen gemeente in de fuzz-database; draai eerst `eenplan demo`.")
        # The team that serves every wijk, so the whole municipality is in scope.
        n_wijken = gemeente.wijken.count()
        teams = [
            t
            for t in Team.objects.filter(gemeente=gemeente).prefetch_related("wijken")
            if len(t.wijken.all()) == n_wijken
        ]
        medewerker_create(
            gemeente=gemeente,
            username=FUZZ_USERNAME,
            password=None,
            first_name="Fuzz",
            last_name="Tester",
            functie=Rol.MIDOFFICE,
            extra_rollen=[r for r in Rol if r != Rol.FUNCTIONEEL_BEHEER],
            teams=teams[:1],
            registratienummer="SKJ199999999",
            registratie_geldig_tot=dt.date.today() + dt.timedelta(days=3650),
        )
        user = get_user_model().objects.get(username=FUZZ_USERNAME)
    client = Client()
    client.force_login(user)
    session = client.session
    csrf_secret = _get_new_csrf_string()
    session[CSRF_SESSION_KEY] = csrf_secret  # for CSRF_USE_SESSIONS
    session.save()
    cookie = (
        f"{settings.SESSION_COOKIE_NAME}={session.session_key}; "
        f"{settings.CSRF_COOKIE_NAME}={csrf_secret}"
    )
    return {"Cookie": cookie, "X-CSRFToken": csrf_secret}


def _development_settings() -> str:
    """The settings module the server runs with: the caller's choice (`make` exports the
    development settings), else the development module when there is one."""
    if os.environ.get("DJANGO_SETTINGS_MODULE"):
        return os.environ["DJANGO_SETTINGS_MODULE"]
    if importlib.util.find_spec("eenplan.conf.dev") is not None:
        return "eenplan.conf.dev"
    return "eenplan.conf.settings"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(url: str, server: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"De server is gestopt (code {server.returncode}); zie de serverlog.")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - loopback
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.5)
    raise SystemExit(f"De server antwoordt niet op {url}.")


def _server_errors(ndjson: Path) -> tuple[dict[str, Counter[int]], Counter[str], int]:
    """Per operation the 5xx status codes seen, the test cases per operation, and all failures.

    Read from schemathesis' NDJSON event stream, so a run cut short still reports what it saw.
    """
    errors: dict[str, Counter[int]] = defaultdict(Counter)
    cases: Counter[str] = Counter()
    other_failures = 0
    if not ndjson.exists():
        return errors, cases, other_failures
    for line in ndjson.read_text(encoding="utf-8").splitlines():
        try:
            event = json.loads(line)
        except json.JSONDecodeError:
            continue
        finished = event.get("ScenarioFinished")
        if not finished:
            continue
        recorder = finished.get("recorder") or {}
        label = recorder.get("label") or finished.get("label") or "?"
        interactions = recorder.get("interactions") or {}
        for case_id, checks in (recorder.get("checks") or {}).items():
            for check in checks:
                if str(check.get("status")).lower() != "failure":
                    continue
                if check.get("name") == "not_a_server_error":
                    response = (interactions.get(case_id) or {}).get("response") or {}
                    errors[label][int(response.get("status_code") or 500)] += 1
                else:
                    other_failures += 1
        cases[label] += len(recorder.get("cases") or {})
    return errors, cases, other_failures


def run() -> int:
    root = Path.cwd()
    var_dir = Path(os.environ.get("FUZZ_VAR_DIR") or root / "var" / "fuzz").resolve()
    var_dir.mkdir(parents=True, exist_ok=True)
    seconds = _env_int("FUZZ_SECONDS", 600)
    max_examples = _env_int("FUZZ_MAX_EXAMPLES", 100)
    inwoners = _env_int("FUZZ_INWONERS", 300)
    workers = _env_int("FUZZ_WORKERS", 1)
    checks = os.environ.get("FUZZ_CHECKS") or "not_a_server_error"

    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    # Development settings, on a database of its own (never the one of `make run`).
    env.update(
        DJANGO_SETTINGS_MODULE=_development_settings(),
        EENPLAN_VAR_DIR=str(var_dir),
        PYTHONUNBUFFERED="1",
    )
    # The fuzzer sends hundreds of requests a minute as one user: lift the API rate limits
    # (429 is no server error, but it would hide the operations behind it).
    env.setdefault("EENPLAN_API_LIMIET_GEBRUIKER", "100000/minute")
    env.setdefault("EENPLAN_API_LIMIET_ANONIEM", "100000/minute")
    if env["DJANGO_SETTINGS_MODULE"] == "eenplan.conf.settings":
        env.setdefault("DEBUG", "true")
    # The fuzzer sends far more requests than a person: API throttling (429) would hide the
    # code under test behind "too many requests".
    env.setdefault("EENPLAN_API_LIMIET_GEBRUIKER", "1000000/minute")
    env.setdefault("EENPLAN_API_LIMIET_ANONIEM", "1000000/minute")
    database = var_dir / "eenplan.sqlite3"
    if os.environ.get("FUZZ_KEEP_DB", "").lower() not in {"1", "true", "ja", "yes"}:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{database}{suffix}").unlink(missing_ok=True)

    bin_dir = Path(sys.executable).parent
    eenplan = str(bin_dir / "eenplan")
    started = time.monotonic()
    subprocess.run([eenplan, "migrate", "--noinput", "-v", "0"], env=env, check=True)  # noqa: S603
    subprocess.run(  # noqa: S603
        [eenplan, "demo", "--inwoners", str(inwoners), "--if-empty"], env=env, check=True
    )
    out = subprocess.run(  # noqa: S603
        [sys.executable, "-m", "eenplan.fuzz", "--credentials"],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    headers: dict[str, str] = json.loads(out.stdout)
    print(f"Demodatabase klaar in {time.monotonic() - started:.0f} s ({var_dir}).")

    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    log_path = var_dir / "server.log"
    report_dir = var_dir / "report"
    shutil.rmtree(report_dir, ignore_errors=True)
    ndjson = report_dir / "events.ndjson"
    with log_path.open("w", encoding="utf-8") as log:
        server = subprocess.Popen(  # noqa: S603
            [eenplan, "runserver", "--noreload", "--skip-checks", f"127.0.0.1:{port}"],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            _wait_for(f"{base}/api/schema/", server)
            command = [
                str(bin_dir / "st"),
                "run",
                f"{base}/api/schema/",
                "--checks",
                checks,
                "--max-examples",
                str(max_examples),
                "--max-time",
                str(seconds),
                "--workers",
                str(workers),
                "--report",
                "ndjson,junit",
                "--report-dir",
                str(report_dir),
                "--report-ndjson-path",
                str(ndjson),
                "--request-timeout",
                "30",
                "--generation-database",
                "none",
                "--suppress-health-check",
                "all",
                "--no-color",
            ]
            if os.environ.get("FUZZ_SEED"):
                command += ["--seed", os.environ["FUZZ_SEED"]]
            for name, value in headers.items():
                command += ["--header", f"{name}: {value}"]
            fuzz_started = time.monotonic()
            print(f"schemathesis tegen {base} (hoogstens {seconds} s) …", flush=True)
            # Hard stop a minute after the budget, in case a request hangs.
            try:
                # In the fuzz folder: schemathesis keeps its crash cache in the working dir.
                st = subprocess.run(  # noqa: S603
                    command, env=env, cwd=var_dir, timeout=seconds + 120
                )
                st_code = st.returncode
            except subprocess.TimeoutExpired:
                print("schemathesis overschreed de tijd en is gestopt.")
                st_code = -1
            elapsed = time.monotonic() - fuzz_started
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait()

    errors, cases, other = _server_errors(ndjson)
    total_errors = sum(sum(c.values()) for c in errors.values())
    # "GET /api/v1/…" is one operation; "Stateful tests" are sequences of them.
    operations = [label for label in cases if label.split(" ", 1)[0].isupper()]
    print()
    print("== Vijandige invoer: samenvatting")
    print(
        f"Operaties: {len(operations)}, testgevallen: {sum(cases.values())}, "
        f"tijd: {elapsed:.0f} s, serverfouten: {total_errors}"
        + (f", andere bevindingen (niet fataal): {other}" if other else "")
    )
    for label in sorted(errors):
        codes = ", ".join(f"{n}x {code}" for code, n in sorted(errors[label].items()))
        print(f"  SERVERFOUT  {label}: {codes}")
    if total_errors:
        print(f"Zie {log_path} voor de tracebacks en {report_dir} voor de rapporten.")
        return 1
    if not cases:
        print(f"Geen enkele operatie getest (schemathesis: code {st_code}); zie {report_dir}.")
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args == ["--credentials"]:
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "eenplan.conf.settings")
        print(json.dumps(credentials()))
        return 0
    return run()


if __name__ == "__main__":
    raise SystemExit(main())
