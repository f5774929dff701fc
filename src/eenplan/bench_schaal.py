"""`make bench-schaal`: the staff pages at two sizes side by side, each against its floor.

    BENCH_SCHAAL_DATABASES="100k=postgres://…/eenplan_100k 1M=postgres://…/eenplan_1m" \\
        python -m eenplan.bench_schaal

Each database holds a demo municipality (`eenplan demo --inwoners N`, or a larger copy of one).
Per size, in a process of its own, every page is requested through Django's test client
(server time, no network): p50 and p95 of the page, the number of queries, the time its SQL
took (p50), and the **floor**: one hand-written SQL query returning the same rows with the same
need-to-know condition (p50). The ratios: SQL / floor (target within 3×) and the page at the
larger size / the smaller (target within 1.5×). The table goes to docs/benchmarks.md under its
own heading, with the machine and its load average (the machine may be shared: label it).
`--alleen-lezen` measures without writing anything to the databases (`eenplan.bench_lezen`:
a read-only connection; the access-log rows a page would write are not sent).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

KOP = "## Two sizes side by side (make bench-schaal)"


def _pct(samples: list[float], p: float) -> float:
    samples = sorted(samples)
    return samples[min(len(samples) - 1, int(round(p * (len(samples) - 1))))]


def _vloeren(ctx: dict[str, Any]) -> dict[str, tuple[str, list[Any]]]:
    """The floor of each page: one hand-written query for the same rows, scope included."""
    open_ = ["geregistreerd", "toegewezen", "in_onderzoek"]
    scope_generalist = (
        "(i.wijk_id = ANY(%s) OR EXISTS (SELECT 1 FROM privacy_dossiertoegang d "
        "WHERE d.medewerker_id = %s AND d.inwoner_id = m.inwoner_id AND d.van <= CURRENT_DATE "
        "AND (d.tot IS NULL OR d.tot >= CURRENT_DATE)))"
    )
    lijst = (
        "SELECT m.id, m.onderzoek_uiterlijk, m.status, i.voornamen, i.achternaam, w.naam "
        "FROM meldingen_melding m LEFT JOIN inwoners_inwoner i ON i.id = m.inwoner_id "
        "LEFT JOIN gemeente_wijk w ON w.id = i.wijk_id "
        "WHERE m.gemeente_id = %s AND m.status = ANY(%s) AND {extra} "
        "ORDER BY m.onderzoek_uiterlijk NULLS LAST, m.id LIMIT 25"
    )
    g, gen, wijken = ctx["gemeente"], ctx["generalist"], ctx["generalist_wijken"]
    return {
        "werkvoorraad_mijn": (
            lijst.format(extra=f"m.medewerker_id = %s AND {scope_generalist}"),
            [g, open_, gen, wijken, gen],
        ),
        "werkvoorraad_team": (
            lijst.format(extra=f"m.team_id = %s AND {scope_generalist}"),
            [g, open_, ctx["team"], wijken, gen],
        ),
        "werkvoorraad_alle": (lijst.format(extra="TRUE"), [g, open_]),
        # The first 25 residents whose surname or first name starts with 'jans', in the order
        # of the name that matched (inwoners.selectors.inwoner_search), with their wijk.
        "zoeken": (
            "SELECT i.id, i.voornamen, i.achternaam, i.geboortedatum, w.naam FROM ("
            '(SELECT id, zoeknaam COLLATE "C" AS s FROM inwoners_inwoner WHERE gemeente_id = %s '
            """AND zoeknaam COLLATE "C" LIKE 'jans%%' ORDER BY 2, 1 LIMIT 25) UNION ALL """
            '(SELECT id, zoeknaam_voornaam COLLATE "C" FROM inwoners_inwoner '
            """WHERE gemeente_id = %s AND zoeknaam_voornaam COLLATE "C" LIKE 'jans%%' """
            """AND zoeknaam NOT LIKE 'jans%%' ORDER BY 2, 1 LIMIT 25) ORDER BY s, id LIMIT 25) t """
            "JOIN inwoners_inwoner i ON i.id = t.id JOIN gemeente_wijk w ON w.id = i.wijk_id "
            "ORDER BY t.s, t.id",
            [g, g],
        ),
        "dossier": (
            "SELECT i.*, (SELECT count(*) FROM meldingen_melding m WHERE m.inwoner_id = i.id), "
            "(SELECT count(*) FROM beschikkingen_beschikking b WHERE b.inwoner_id = i.id) "
            "FROM inwoners_inwoner i WHERE i.id = %s AND i.gemeente_id = %s",
            [ctx["inwoner"], g],
        ),
        "plan": (
            "SELECT p.*, d.* FROM plannen_plan p LEFT JOIN plannen_doel d ON d.plan_id = p.id "
            "WHERE p.id = %s AND EXISTS (SELECT 1 FROM inwoners_huishoudenlid l "
            "JOIN inwoners_inwoner i ON i.id = l.inwoner_id WHERE l.huishouden_id = "
            "p.huishouden_id AND l.lid_tot IS NULL AND i.wijk_id = ANY(%s))",
            [ctx["plan"], ctx["plan_wijken"]],
        ),
        "beschikking": (
            "SELECT b.*, v.* FROM beschikkingen_beschikking b "
            "LEFT JOIN beschikkingen_beschiktevoorziening v ON v.beschikking_id = b.id "
            "WHERE b.id = %s AND b.gemeente_id = %s",
            [ctx["beschikking"], g],
        ),
        "api_meldingen": (
            lijst.format(extra="TRUE").replace("LIMIT 25", "LIMIT 50"),
            [g, open_],
        ),
    }


def meet(label: str, repeat: int) -> dict[str, Any]:
    """Measure every page on the database of DATABASE_URL (in this process)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "eenplan.conf.dev")
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client

    from eenplan.beschikkingen.models import Beschikking
    from eenplan.gemeente.models import Medewerker
    from eenplan.inwoners.models import Inwoner
    from eenplan.plannen.models import Plan

    settings.ALLOWED_HOSTS = ["*"]
    settings.DEBUG = False
    gen = Medewerker.objects.filter(user__username="generalist").order_by("pk").first()
    assert gen is not None, "no demo municipality in this database"
    wijken = list(gen.teams.values_list("wijken", flat=True).distinct())
    iemand = Inwoner.objects.filter(wijk_id__in=wijken).order_by("id").first()
    plan = Plan.objects.filter(huishouden__leden__inwoner__wijk_id__in=wijken).order_by("-id")
    plan = plan.first()
    beschikking = Beschikking.objects.filter(inwoner__wijk_id__in=wijken).order_by("-id").first()
    assert iemand and plan and beschikking
    ctx = {
        "gemeente": gen.gemeente_id,
        "generalist": gen.pk,
        "generalist_wijken": wijken,
        "team": gen.teams.order_by("id").first().pk,
        "inwoner": iemand.pk,
        "plan": plan.pk,
        "plan_wijken": wijken,
        "beschikking": beschikking.pk,
    }
    paginas = {
        "werkvoorraad_mijn": ("generalist", "/meldingen/werkvoorraad/?weergave=mijn"),
        "werkvoorraad_team": ("generalist", "/meldingen/werkvoorraad/?weergave=team"),
        "werkvoorraad_alle": ("midoffice", "/meldingen/werkvoorraad/?weergave=alle"),
        "zoeken": ("midoffice", "/inwoners/?q=jans"),
        "dossier": ("generalist", f"/inwoners/{iemand.pk}/"),
        "plan": ("generalist", f"/plannen/{plan.pk}/"),
        "beschikking": ("backoffice", f"/beschikkingen/{beschikking.pk}/"),
        "api_meldingen": ("midoffice", "/api/v1/meldingen/"),
    }
    vloeren = _vloeren(ctx)
    client = Client()
    lezen = os.environ.get("BENCH_ALLEEN_LEZEN") == "1"
    stack = contextlib.ExitStack()
    if lezen:
        from eenplan.bench_lezen import alleen_lezen

        stack.enter_context(alleen_lezen())
    users = get_user_model().objects
    rijen = {}
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM inwoners_inwoner")
        inwoners = cursor.fetchone()[0]
    for naam, (login, url) in paginas.items():
        if lezen:
            from eenplan.bench_lezen import inloggen

            inloggen(client, users.get(username=login))
        else:
            client.force_login(users.get(username=login))
        assert client.get(url).status_code == 200, url
        pagina, sql, aantal = [], [], 0
        for _ in range(repeat):
            duur = [0.0]
            queries = [0]

            def klok(execute, s, p, many, context, duur=duur, queries=queries):  # type: ignore[no-untyped-def]
                begin = time.perf_counter()
                try:
                    return execute(s, p, many, context)
                finally:
                    duur[0] += time.perf_counter() - begin
                    queries[0] += 1

            begin = time.perf_counter()
            with connection.execute_wrapper(klok):
                client.get(url)
            pagina.append((time.perf_counter() - begin) * 1000)
            sql.append(duur[0] * 1000)
            aantal = queries[0]
        vloer_sql, params = vloeren[naam]
        vloer = []
        with connection.cursor() as cursor:
            for _ in range(repeat):
                begin = time.perf_counter()
                cursor.execute(vloer_sql, params)
                cursor.fetchall()
                vloer.append((time.perf_counter() - begin) * 1000)
        rijen[naam] = {
            "url": url,
            "p50": statistics.median(pagina),
            "p95": _pct(pagina, 0.95),
            "sql": statistics.median(sql),
            "queries": aantal,
            "vloer": statistics.median(vloer),
        }
    stack.close()
    return {"label": label, "inwoners": inwoners, "rijen": rijen, "load": os.getloadavg()[0]}


def _markdown(metingen: list[dict[str, Any]], load_voor: float) -> str:
    a, b = metingen[0], metingen[-1]
    regels = [
        KOP,
        "",
        f"Measured {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC on {_cpu()}, "
        f"{os.cpu_count()} CPUs, PostgreSQL; load average (1 min) {load_voor:.1f} before, "
        + ", ".join(f"{m['load']:.1f} after {m['label']}" for m in metingen)
        + ". **The machine was shared with other engineers' test runs while measuring: every "
        "number is inflated by that load and is only comparable within this table.**",
        "",
        "Page: p50/p95 of the request through Django's test client (server time). SQL: the time "
        "the page's queries took (p50). Floor: one hand-written query for the same rows with "
        "the same need-to-know condition (p50). SQL/floor: target ≤ 3. "
        f"{b['label']}/{a['label']}: the page p50 at the larger size over the smaller, target "
        "≤ 1.5.",
        "",
        "| Page | "
        + " | ".join(
            f"{m['label']} ({m['inwoners']:,} residents) p50 / p95 ms · queries · SQL ms · "
            "floor ms · SQL/floor"
            for m in metingen
        )
        + f" | {b['label']}/{a['label']} |",
        "|---|" + "---:|" * (len(metingen) + 1),
    ]
    for naam in a["rijen"]:
        cellen = []
        for m in metingen:
            r = m["rijen"][naam]
            cellen.append(
                f"{r['p50']:.1f} / {r['p95']:.1f} · {r['queries']} · {r['sql']:.1f} · "
                f"{r['vloer']:.2f} · {r['sql'] / max(r['vloer'], 0.01):.1f}×"
            )
        ratio = b["rijen"][naam]["p50"] / max(a["rijen"][naam]["p50"], 0.01)
        # The dossier, plan and beschikking are a record of each database: a URL per size.
        urls = list(dict.fromkeys(m["rijen"][naam]["url"] for m in metingen))
        adres = " / ".join(f"`{url}`" for url in urls)
        regels.append(f"| {naam} ({adres}) | " + " | ".join(cellen) + f" | {ratio:.2f}× |")
    return "\n".join(regels) + "\n"


def _cpu() -> str:
    try:
        for regel in Path("/proc/cpuinfo").read_text().splitlines():
            if regel.startswith("model name"):
                return regel.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "onbekende processor"


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--meet":
        print(json.dumps(meet(sys.argv[2], int(os.environ.get("BENCH_REPEAT", "15")))))
        return
    databases = os.environ.get("BENCH_SCHAAL_DATABASES", "").split()
    if not databases:
        sys.exit("Set BENCH_SCHAAL_DATABASES='100k=postgres://… 1M=postgres://…'.")
    load_voor = os.getloadavg()[0]
    metingen = []
    for item in databases:
        label, url = item.split("=", 1)
        env = {**os.environ, "DATABASE_URL": url}
        if "--alleen-lezen" in sys.argv:
            env["BENCH_ALLEEN_LEZEN"] = "1"
        uit = subprocess.run(  # noqa: S603 - this module, with a URL from the environment
            [sys.executable, "-m", "eenplan.bench_schaal", "--meet", label],
            env=env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        metingen.append(json.loads(uit.strip().splitlines()[-1]))
    tekst = _markdown(metingen, load_voor)
    print(tekst)
    doel = Path(__file__).resolve().parents[2] / "docs" / "benchmarks.md"
    if doel.exists() and "--schrijf" in sys.argv:
        oud = doel.read_text()
        if KOP in oud:
            begin = oud.index(KOP)
            rest = oud[begin + len(KOP) :]
            einde = rest.find("\n## ")
            oud = oud[:begin] + (rest[einde + 1 :] if einde >= 0 else "")
        doel.write_text(oud.rstrip() + "\n\n" + tekst)


if __name__ == "__main__":
    main()
