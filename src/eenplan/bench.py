"""`make bench`: build the 100,000-resident demo and time the pages staff use.

Runs on a throw-away SQLite database (or BENCH_DATABASE_URL), prints a table and writes it
to docs/benchmarks.md. Numbers are medians of repeated requests through Django's test client
(server-side time, no network or browser).
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path


def _timed(fn, repeat: int) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.9) - 1]


HANDWERK = "<!-- Measured by hand; `make bench` keeps everything below this line. -->"


def _last() -> float:
    """The machine's load average over the last minute (0 where the OS does not tell)."""
    try:
        return os.getloadavg()[0]
    except (AttributeError, OSError):
        return 0.0


def _cpu() -> str:
    """The processor's model name (Linux), for the record of where the numbers came from."""
    try:
        for regel in Path("/proc/cpuinfo").read_text().splitlines():
            if regel.startswith("model name"):
                return regel.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "onbekende processor"


def _generalist_voor(inwoner) -> str:  # type: ignore[no-untyped-def]
    """A demo login that may see this resident's plan."""
    from eenplan.gemeente.models import Medewerker

    medewerker = Medewerker.objects.filter(
        functie="generalist", teams__wijken=inwoner.wijk, user__username__startswith="generalist"
    ).first()
    return medewerker.user.username if medewerker else "backoffice"


def main() -> None:
    n = int(os.environ.get("BENCH_INWONERS", "100000"))
    repeat = int(os.environ.get("BENCH_REPEAT", "30"))
    workdir = Path(tempfile.mkdtemp(prefix="eenplan-bench-"))
    os.environ["EENPLAN_VAR_DIR"] = str(workdir)
    os.environ["DATABASE_URL"] = os.environ.get(
        "BENCH_DATABASE_URL", f"sqlite:///{workdir / 'bench.sqlite3'}"
    )
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "eenplan.conf.dev")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from eenplan.demo.builder import build_demo
    from eenplan.inwoners.models import Inwoner

    settings.ALLOWED_HOSTS = ["*"]
    settings.DEBUG = False  # as in production; also keeps the query log per request
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    result = build_demo(inwoners=n, seed=2015)
    demo_seconds = time.perf_counter() - started

    last_voor = _last()
    client = Client()
    rows: list[tuple[str, float, float, int]] = []

    def measure(label: str, username: str, url: str, **headers: str) -> None:
        client.force_login(result.gemeente.medewerkers.get(user__username=username).user)
        client.get(url, **headers)  # warm-up
        executed: list[str] = []

        def count(execute, sql, params, many, context):  # type: ignore[no-untyped-def]
            executed.append(sql)
            return execute(sql, params, many, context)

        with connection.execute_wrapper(count):
            response = client.get(url, **headers)
        assert response.status_code == 200, (url, response.status_code)
        median, p90 = _timed(lambda: client.get(url, **headers), repeat)
        rows.append((label, median, p90, len(executed)))

    someone = Inwoner.objects.filter(wijk__teams__naam="Wijkteam Noord").order_by("id").first()
    assert someone is not None
    measure("Startpagina (generalist)", "generalist", "/")
    measure("Zoeken op naam 'jans' (midoffice, hele gemeente)", "midoffice", "/inwoners/?q=jans")
    measure("Zoeken op naam 'de vr' (generalist, eigen wijken)", "generalist", "/inwoners/?q=de+vr")
    measure("Zoeken op BSN", "midoffice", f"/inwoners/?q={someone.bsn}")
    measure(
        "Zoeken op geboortedatum", "midoffice", f"/inwoners/?q={someone.geboortedatum:%d-%m-%Y}"
    )
    measure(
        "Zoeken op postcode + huisnummer",
        "midoffice",
        f"/inwoners/?q={someone.postcode}+{someone.huisnummer}",
    )
    measure(
        "Inwonerpagina/dossier (willekeurige inwoner, generalist)",
        "generalist",
        f"/inwoners/{someone.pk}/",
    )
    # The dossier of the resident with the longest history in the demo (most events), as the
    # back office (who sees every part) and as a generalist of the resident's wijk; its API.
    from django.db.models import Count

    from eenplan.events.models import Gebeurtenis

    rijkste = (
        Gebeurtenis.objects.filter(inwoner__isnull=False)
        .values("inwoner")
        .annotate(n=Count("id"))
        .order_by("-n", "inwoner")
        .first()
    )
    dossier = Inwoner.objects.get(pk=rijkste["inwoner"]) if rijkste else someone
    aantal = rijkste["n"] if rijkste else 0
    measure(
        f"Dossier met de langste geschiedenis ({aantal} gebeurtenissen; backoffice)",
        "backoffice",
        f"/inwoners/{dossier.pk}/",
    )
    measure(
        "Dossier met de langste geschiedenis (generalist van de wijk)",
        _generalist_voor(dossier),
        f"/inwoners/{dossier.pk}/",
    )
    measure(
        "API /api/v1/dossiers/{id}/ (langste geschiedenis; backoffice)",
        "backoffice",
        f"/api/v1/dossiers/{dossier.pk}/",
    )
    measure("Zoeken in de kopbalk: naam 'jans' (midoffice)", "midoffice", "/zoeken/?q=jans")
    measure(
        "Zoeken in de kopbalk: naam 'de vr' (generalist, eigen wijken)",
        "generalist",
        "/zoeken/?q=de+vr",
    )
    measure("Zoeken in de kopbalk: BSN (backoffice)", "backoffice", f"/zoeken/?q={someone.bsn}")
    measure("API /api/v1/inwoners/?q=jans", "midoffice", "/api/v1/inwoners/?q=jans")
    measure("API /api/v1/inwoners/{id}/", "generalist", f"/api/v1/inwoners/{someone.pk}/")
    measure("API /api/v1/huishoudens/ (eerste pagina)", "generalist", "/api/v1/huishoudens/")
    measure("Inzagelog (privacy officer)", "privacy", "/privacy/inzagelog/")
    measure(
        "Werkvoorraad: alle open meldingen (midoffice)",
        "midoffice",
        "/meldingen/werkvoorraad/?weergave=alle",
    )
    measure("Werkvoorraad: mijn meldingen (generalist)", "generalist", "/meldingen/werkvoorraad/")
    from eenplan.meldingen.models import Melding
    from eenplan.onderzoeken.models import Onderzoek
    from eenplan.plannen.models import Plan

    melding = Melding.objects.filter(inwoner__isnull=False).order_by("-id").first()
    measure("Meldingpagina (midoffice)", "midoffice", f"/meldingen/{melding.pk}/")
    measure(
        "Zoeken in de kopbalk: meldingnummer (midoffice)", "midoffice", f"/zoeken/?q={melding.pk}"
    )
    onderzoek = Onderzoek.objects.select_related("medewerker__user").order_by("-id").first()
    if onderzoek is not None:
        measure(
            "Onderzoekspagina (eigen generalist)",
            onderzoek.medewerker.user.username,
            f"/onderzoeken/{onderzoek.pk}/",
        )
    plan = Plan.objects.filter(doelen__isnull=False).order_by("-id").first()
    if plan is not None:
        lid = plan.huishouden.leden.select_related("inwoner").first()
        gebruiker = "midoffice" if lid is None else _generalist_voor(lid.inwoner)
        measure("Planpagina", gebruiker, f"/plannen/{plan.pk}/")
    measure("API /api/v1/meldingen/ (midoffice)", "midoffice", "/api/v1/meldingen/")

    vendor = connection.vendor
    lines = [
        "# Benchmarks",
        "",
        "Generated by `make bench` (src/eenplan/bench.py); do not edit by hand.",
        "",
        f"- Run on {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC; load average of the machine "
        f"(1 min) {last_voor:.1f} before the pages, {_last():.1f} after (other work on a "
        "shared machine slows every row)",
        f"- Machine: {_cpu()} ({platform.machine()}), {os.cpu_count()} CPUs, Python "
        f"{platform.python_version()}, database {vendor}",
        f"- Demo municipality: {result.inwoners:,} residents, {result.huishoudens:,} households, "
        f"{result.netwerkpersonen:,} network persons, built in **{demo_seconds:.1f} s** "
        "(requirement: 100,000 in under 120 s on SQLite)",
        f"- Each page: median and 90th percentile of {repeat} requests through Django's test "
        "client (server time, no network); target under 100 ms",
        "",
        "| Page | median ms | p90 ms | SQL queries |",
        "|---|---:|---:|---:|",
        *[f"| {label} | {median:.1f} | {p90:.1f} | {q} |" for label, median, p90, q in rows],
        "",
    ]
    text = "\n".join(lines)
    print(text)
    target = Path(__file__).resolve().parents[2] / "docs" / "benchmarks.md"
    if target.parent.is_dir() and n >= 100_000 and "BENCH_DATABASE_URL" not in os.environ:
        # Measurements made by hand (below the marker) survive a new run.
        oud = target.read_text() if target.exists() else ""
        target.write_text(text + ("\n" + oud[oud.index(HANDWERK) :] if HANDWERK in oud else ""))
        print(f"Written to {target}")
    slow = [label for label, median, *_ in rows if median > 100]
    if slow or demo_seconds > 120:
        print("TOO SLOW:", slow or f"demo {demo_seconds:.0f} s", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
