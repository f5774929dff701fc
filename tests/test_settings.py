"""Settings: production-safe unless the development settings are chosen; production refuses a
weak SECRET_KEY and a wildcard host at start-up; `check --deploy` finds nothing."""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys

import pytest

STRONG_KEY = secrets.token_urlsafe(50)
HOST = "eenplan.gemeente.example"


def run(args: list[str], **env: str) -> subprocess.CompletedProcess:
    """Run a command as an operator would: no DJANGO_SETTINGS_MODULE (pytest sets the dev one)."""
    # Also without what the browser tests set for themselves (DJANGO_ALLOW_ASYNC_UNSAFE).
    drop = {
        "DEBUG",
        "SECRET_KEY",
        "ALLOWED_HOSTS",
        "DJANGO_SETTINGS_MODULE",
        "DJANGO_ALLOW_ASYNC_UNSAFE",
    }
    environment = {k: v for k, v in os.environ.items() if k not in drop}
    environment.update(env)
    return subprocess.run(  # noqa: S603 - our own interpreter and fixed arguments
        [sys.executable, *args],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def run_check(*extra: str, **env: str) -> subprocess.CompletedProcess:
    return run(["-m", "eenplan", "check", *extra], **env)


def production_values(**env: str) -> dict:
    """Some settings as the plain `eenplan` command / WSGI application would see them."""
    code = (
        "import json, django; django.setup(); from django.conf import settings as s; "
        "print(json.dumps({k: getattr(s, k) for k in ('DEBUG', 'SECURE_SSL_REDIRECT', "
        "'SECURE_HSTS_SECONDS', 'SECURE_HSTS_INCLUDE_SUBDOMAINS', 'SECURE_HSTS_PRELOAD', "
        "'SESSION_COOKIE_SECURE', 'CSRF_COOKIE_SECURE', 'EENPLAN_2FA_VERPLICHT', "
        "'SESSION_COOKIE_AGE', 'EENPLAN_SESSIE_INACTIEF_MINUTEN')}))"
    )
    result = run(["-c", "import eenplan.conf.wsgi; " + code], **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_plain_command_refuses_the_development_secret():
    result = run_check()
    assert result.returncode != 0
    assert "weigert te starten" in result.stderr and "SECRET_KEY is de ontwikkelwaarde" in (
        result.stderr
    )
    assert "DJANGO_SETTINGS_MODULE=eenplan.conf.dev" in result.stderr


def test_wsgi_refuses_the_development_secret():
    result = run(["-c", "import eenplan.conf.wsgi"])
    assert result.returncode != 0 and "weigert te starten" in result.stderr


@pytest.mark.parametrize(
    ("key", "reden"),
    [
        ("k" * 3 + "x", "te kort"),
        ("abc" * 20, "te weinig verschillende tekens"),
    ],
)
def test_production_refuses_a_weak_secret(key: str, reden: str):
    result = run_check(SECRET_KEY=key, ALLOWED_HOSTS=HOST)
    assert result.returncode != 0
    assert reden in result.stderr


def test_production_refuses_a_wildcard_host():
    result = run_check(SECRET_KEY=STRONG_KEY, ALLOWED_HOSTS=f"{HOST},*")
    assert result.returncode != 0
    assert "ALLOWED_HOSTS bevat '*'" in result.stderr


def test_production_defaults_are_safe():
    values = production_values(SECRET_KEY=STRONG_KEY, ALLOWED_HOSTS=HOST)
    assert values["DEBUG"] is False
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SECURE_HSTS_SECONDS"] >= 31536000
    assert values["SECURE_HSTS_INCLUDE_SUBDOMAINS"] and values["SECURE_HSTS_PRELOAD"]
    assert values["SESSION_COOKIE_SECURE"] and values["CSRF_COOKIE_SECURE"]
    assert values["EENPLAN_2FA_VERPLICHT"] is True
    assert values["EENPLAN_SESSIE_INACTIEF_MINUTEN"] == 30
    assert values["SESSION_COOKIE_AGE"] == 10 * 3600


def test_check_deploy_reports_nothing_on_the_production_configuration():
    result = run_check(
        "--deploy", "--fail-level", "DEBUG", SECRET_KEY=STRONG_KEY, ALLOWED_HOSTS=HOST
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
    assert "WARNING" not in result.stderr and "W0" not in result.stderr, result.stderr


def test_development_settings_are_chosen_explicitly():
    result = run_check(DJANGO_SETTINGS_MODULE="eenplan.conf.dev")
    assert result.returncode == 0, result.stderr
    # ...and check --deploy tells the development settings are not for production.
    deploy = run_check("--deploy", DJANGO_SETTINGS_MODULE="eenplan.conf.dev")
    assert "DEBUG" in deploy.stderr and "SECURE_SSL_REDIRECT" in deploy.stderr


def database_options(**env: str) -> dict:
    """The database OPTIONS the settings build for a DATABASE_URL (nothing connects)."""
    code = (
        "import json, django; django.setup(); from django.conf import settings as s; "
        "print(json.dumps(s.DATABASES['default'].get('OPTIONS', {})))"
    )
    result = run(["-c", code], DJANGO_SETTINGS_MODULE="eenplan.conf.dev", **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


POSTGRES = "postgres://eenplan@db.example:5432/eenplan"


def test_postgresql_prepares_repeated_queries_when_a_threshold_is_set():
    # ADR 0051: server-side binding, a query prepared once it ran twice on a connection.
    options = database_options(DATABASE_URL=POSTGRES, DATABASE_PREPARE_THRESHOLD="2")
    assert options["server_side_binding"] is True
    assert options["prepare_threshold"] == 2
    assert options["options"] == "-c jit=off -c random_page_cost=1.1"


def test_prepared_statements_are_on_by_default():
    # On since the whole suite passed on PostgreSQL with them (ADR 0051).
    options = database_options(DATABASE_URL=POSTGRES)
    assert options["server_side_binding"] is True
    assert options["prepare_threshold"] == 2


def test_prepared_statements_switch_off_with_off():
    # "off" is what a transaction-mode PgBouncer older than 1.21 needs: Django's client-side
    # binding, nothing prepared.
    options = database_options(DATABASE_URL=POSTGRES, DATABASE_PREPARE_THRESHOLD="off")
    assert "server_side_binding" not in options
    assert "prepare_threshold" not in options
    assert options["options"] == "-c jit=off -c random_page_cost=1.1"


def test_sqlite_options_keep_journals_in_memory_with_a_larger_cache():
    # ADR 0052: statement journals in memory (72 % of what a message batch wrote went to a
    # temporary file), a 64 MB page cache and reads through a memory map.
    options = database_options(DATABASE_URL="sqlite:///:memory:")
    assert options == {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
        "PRAGMA cache_size=-65536; PRAGMA mmap_size=268435456; PRAGMA temp_store=MEMORY;",
        "transaction_mode": "IMMEDIATE",
    }


@pytest.mark.django_db
def test_a_repeated_query_runs_as_a_prepared_statement_when_switched_on():
    from django.db import connection

    from eenplan.gemeente.models import Gemeente

    if not connection.settings_dict.get("OPTIONS", {}).get("server_side_binding"):
        pytest.skip("prepared statements: PostgreSQL with DATABASE_PREPARE_THRESHOLD (ADR 0051)")
    for _ in range(3):
        list(Gemeente.objects.filter(pk=-1))
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        prepared = [row[0] for row in cursor.fetchall()]
    assert any('FROM "gemeente_gemeente"' in statement for statement in prepared), prepared
