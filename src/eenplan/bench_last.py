"""`make bench-last`: a bounded load test on loopback against the production server.

    BENCH_SCHAAL_DATABASES="100k=postgres://…/eenplan_100k 1M=postgres://…/eenplan_1m" \\
    LAST_CLIENTS=20 LAST_SECONDS=30 WORKERS=3 python -m eenplan.bench_last

Per database: gunicorn (WORKERS processes) on a free loopback port, LAST_CLIENTS logged-in
clients (threads, each its own session: generalist, midoffice or backoffice in turn) that
request the staff pages of `bench_schaal` one after the other, without pause, for
LAST_SECONDS. Reports throughput, errors and p50/p95 per page, and the throughput of the larger
size as a share of the smaller (target ≥ 80 %). The clients run on the same machine as the
server and the database: on a 2-core machine they take CPU from both (label the numbers).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

KOP = "## Load test on loopback (make bench-last)"
LOGINS = ("generalist", "midoffice", "backoffice")


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _voorbereiden() -> tuple[dict[str, str], dict[str, list[tuple[str, str]]]]:
    """Sessions for the demo logins (in the database the server reads) and each login's pages,
    as (name, URL): the names of `bench_schaal`, the same at every size, where the URL of the
    dossier, the plan and the beschikking is a record of that database."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "eenplan.conf.dev")
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client

    from eenplan.beschikkingen.models import Beschikking
    from eenplan.gemeente.models import Medewerker
    from eenplan.inwoners.models import Inwoner
    from eenplan.plannen.models import Plan

    settings.ALLOWED_HOSTS = ["*"]
    gen = Medewerker.objects.filter(user__username="generalist").order_by("pk").first()
    assert gen is not None, "no demo municipality in this database"
    wijken = list(gen.teams.values_list("wijken", flat=True).distinct())
    iemand = Inwoner.objects.filter(wijk_id__in=wijken).order_by("id").first()
    plan = Plan.objects.filter(huishouden__leden__inwoner__wijk_id__in=wijken).order_by("-id")
    beschikking = Beschikking.objects.filter(inwoner__wijk_id__in=wijken).order_by("-id").first()
    assert iemand is not None and beschikking is not None
    paginas = {
        "generalist": [
            ("werkvoorraad_mijn", "/meldingen/werkvoorraad/?weergave=mijn"),
            ("werkvoorraad_team", "/meldingen/werkvoorraad/?weergave=team"),
            ("dossier", f"/inwoners/{iemand.pk}/"),
            ("plan", f"/plannen/{plan.first().pk}/"),
        ],
        "midoffice": [
            ("werkvoorraad_alle", "/meldingen/werkvoorraad/?weergave=alle"),
            ("zoeken", "/inwoners/?q=jans"),
            ("api_meldingen", "/api/v1/meldingen/"),
        ],
        "backoffice": [("beschikking", f"/beschikkingen/{beschikking.pk}/")],
    }
    cookies = {}
    for login in LOGINS:
        client = Client()
        client.force_login(get_user_model().objects.get(username=login))
        cookies[login] = client.cookies[settings.SESSION_COOKIE_NAME].value
    return cookies, paginas


def meet(label: str, clients: int, seconden: float, workers: int) -> dict[str, Any]:
    cookies, paginas = _voorbereiden()
    from django.conf import settings

    poort = _vrije_poort()
    server = subprocess.Popen(  # noqa: S603 - gunicorn from this virtualenv, loopback only
        [
            str(Path(sys.executable).with_name("gunicorn")),
            "eenplan.conf.wsgi",
            "--bind",
            f"127.0.0.1:{poort}",
            "--workers",
            str(workers),
            "--log-level",
            "warning",
        ],
        env={**os.environ},
    )
    basis = f"http://127.0.0.1:{poort}"
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(basis + "/inloggen/", timeout=30)  # noqa: S310 - loopback
                break
            except OSError:  # not listening yet, or a worker still starting
                time.sleep(0.5)
        # Warm-up, not measured: every page once per login and worker (imports, caches).
        for login, urls in paginas.items():
            kop = {"Cookie": f"{settings.SESSION_COOKIE_NAME}={cookies[login]}"}
            for _naam, url in urls * workers:
                verzoek = urllib.request.Request(basis + url, headers=kop)  # noqa: S310
                with urllib.request.urlopen(verzoek, timeout=120) as antwoord:  # noqa: S310
                    antwoord.read()
        metingen: list[tuple[str, int, float]] = []  # (page name, status, ms)
        slot = threading.Lock()
        einde = time.monotonic() + seconden

        def client(nummer: int) -> None:
            login = LOGINS[nummer % len(LOGINS)]
            kop = {"Cookie": f"{settings.SESSION_COOKIE_NAME}={cookies[login]}"}
            urls = paginas[login]
            i = nummer
            while time.monotonic() < einde:
                naam, url = urls[i % len(urls)]
                i += 1
                begin = time.perf_counter()
                try:
                    verzoek = urllib.request.Request(basis + url, headers=kop)  # noqa: S310
                    with urllib.request.urlopen(verzoek, timeout=60) as antwoord:  # noqa: S310
                        antwoord.read()
                        status = antwoord.status
                except urllib.error.HTTPError as fout:
                    status = fout.code
                except (urllib.error.URLError, OSError):
                    status = 0
                with slot:
                    metingen.append((naam, status, (time.perf_counter() - begin) * 1000))

        draden = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
        start = time.monotonic()
        for d in draden:
            d.start()
        for d in draden:
            d.join()
        duur = time.monotonic() - start
    finally:
        server.terminate()
        server.wait(timeout=30)
    per_pagina: dict[str, list[float]] = {}
    fouten = 0
    for naam, status, ms in metingen:
        if status != 200:
            fouten += 1
        per_pagina.setdefault(naam, []).append(ms)
    adres = {naam: url for urls in paginas.values() for naam, url in urls}
    rijen = {
        naam: {
            "url": adres[naam],
            "n": len(ms),
            "p50": statistics.median(ms),
            "p95": sorted(ms)[min(len(ms) - 1, int(round(0.95 * (len(ms) - 1))))],
        }
        for naam, ms in per_pagina.items()
    }
    return {
        "label": label,
        "verzoeken": len(metingen),
        "per_seconde": len(metingen) / duur,
        "fouten": fouten,
        "rijen": rijen,
        "load": os.getloadavg()[0],
    }


def _markdown(
    metingen: list[dict[str, Any]],
    clients: int,
    seconden: float,
    workers: int,
    *,
    load_voor: float,
    cpus: int,
) -> str:
    from eenplan.bench_schaal import _belasting

    a, b = metingen[0], metingen[-1]
    regels = [
        KOP,
        "",
        f"Measured {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC: gunicorn with {workers} "
        f"workers on loopback, {clients} logged-in clients without pause for {seconden:.0f} s "
        "each, on the same machine as the server and PostgreSQL. Load average (1 min) before: "
        f"{load_voor:.1f}; after "
        + ", ".join(f"{m['label']}: {m['load']:.1f}" for m in metingen)
        + " (the test's own server, clients and PostgreSQL). Before it: "
        + _belasting([load_voor], cpus),
        "",
        "| | " + " | ".join(m["label"] for m in metingen) + " |",
        "|---|" + "---:|" * len(metingen),
        "| requests | " + " | ".join(str(m["verzoeken"]) for m in metingen) + " |",
        "| requests per second | " + " | ".join(f"{m['per_seconde']:.1f}" for m in metingen) + " |",
        "| errors (not 200) | " + " | ".join(str(m["fouten"]) for m in metingen) + " |",
    ]
    for naam in a["rijen"]:
        # Rows by page name: the dossier, plan and beschikking are a record of each database,
        # so their URL differs per size; it is then given in each size's cell.
        urls = {m["rijen"][naam]["url"] for m in metingen if naam in m["rijen"]}
        zelfde = len(urls) == 1
        kop = f"{naam} (`{urls.pop()}`)" if zelfde else naam
        cellen = []
        for m in metingen:
            r = m["rijen"].get(naam)
            if r is None:
                cellen.append("—")
                continue
            cel = f"{r['p50']:.0f} / {r['p95']:.0f}"
            cellen.append(cel if zelfde else f"{cel} (`{r['url']}`)")
        regels.append(f"| {kop} p50 / p95 ms | " + " | ".join(cellen) + " |")
    regels += [
        "",
        f"Throughput at {b['label']} is {100 * b['per_seconde'] / a['per_seconde']:.0f} % of "
        f"{a['label']} (target ≥ 80 %).",
        "",
    ]
    return "\n".join(regels)


def main() -> None:
    clients = int(os.environ.get("LAST_CLIENTS", "20"))
    seconden = float(os.environ.get("LAST_SECONDS", "30"))
    workers = int(os.environ.get("WORKERS", "3"))
    if len(sys.argv) > 2 and sys.argv[1] == "--meet":
        print(json.dumps(meet(sys.argv[2], clients, seconden, workers)))
        return
    databases = os.environ.get("BENCH_SCHAAL_DATABASES", "").split()
    if not databases:
        sys.exit("Set BENCH_SCHAAL_DATABASES='100k=postgres://… 1M=postgres://…'.")
    load_voor = os.getloadavg()[0]
    metingen = []
    for item in databases:
        label, url = item.split("=", 1)
        uit = subprocess.run(  # noqa: S603 - this module, with a URL from the environment
            [sys.executable, "-m", "eenplan.bench_last", "--meet", label],
            env={**os.environ, "DATABASE_URL": url},
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        metingen.append(json.loads(uit.strip().splitlines()[-1]))
    tekst = _markdown(
        metingen, clients, seconden, workers, load_voor=load_voor, cpus=os.cpu_count() or 1
    )
    print(tekst)
    doel = Path(__file__).resolve().parents[2] / "docs" / "benchmarks.md"
    if doel.exists() and "--schrijf" in sys.argv:
        from eenplan.bench_schaal import vervang_meting

        doel.write_text(vervang_meting(doel.read_text(), tekst, kop=KOP))


if __name__ == "__main__":
    main()
