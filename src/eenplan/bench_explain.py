"""`python -m eenplan.bench_explain`: the query plans of the pages staff use, on PostgreSQL.

For an existing demo database (DATABASE_URL, e.g. built by `eenplan demo --inwoners 100000`)
this requests each page and API call of the benchmark through Django's test client, catches
every SELECT it sends and asks PostgreSQL for `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)`. It
prints per page the highest planner cost, the time the database spent, and every sequential
scan of a large table (residents, households and their members, meldingen, decisions, messages,
the access log, the events). Issue 16: "no sequential scan over residents, meldingen or
messages for any page"; the output is the evidence in docs/scaling.md and
docs/deploy-postgresql.md. Exits 1 when such a scan is found (`--strict`). `--alleen-lezen`
runs the pages without writing anything to the database (`eenplan.bench_lezen`).
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass, field
from typing import Any

# Tables that grow with the municipality: a sequential scan over one of these is a plan whose
# cost grows with every resident.
GROOT = {
    "inwoners_inwoner",
    "inwoners_huishouden",
    "inwoners_huishoudenlid",
    "inwoners_netwerkpersoon",
    "meldingen_melding",
    "meldingen_meldinggebeurtenis",
    "beschikkingen_aanvraag",
    "beschikkingen_beschikking",
    "beschikkingen_beschiktevoorziening",
    "berichten_bericht",
    "privacy_inzage",
    "events_gebeurtenis",
}


@dataclass
class Pagina:
    label: str
    queries: int = 0
    max_cost: float = 0.0
    db_ms: float = 0.0
    seq_scans: list[str] = field(default_factory=list)


def _walk(node: dict[str, Any], found: list[str]) -> None:
    if node.get("Node Type") == "Seq Scan" and node.get("Relation Name") in GROOT:
        found.append(f"{node['Relation Name']} ({node.get('Actual Rows', '?')} rows)")
    for child in node.get("Plans", []):
        _walk(child, found)


def explain_pages(
    pages: list[tuple[str, str, str]], *, alleen_lezen: bool = False
) -> list[Pagina]:
    """For each (label, username, url): the plans of the SELECTs the page sends. With
    `alleen_lezen` the pages run on a read-only connection and write nothing (`bench_lezen`):
    for a database that is not one's own."""
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client

    client = Client()
    results = []
    for label, username, url in pages:
        user = get_user_model().objects.get(username=username)
        if alleen_lezen:
            from eenplan.bench_lezen import inloggen

            inloggen(client, user)
        else:
            client.force_login(user)
        client.get(url)  # warm-up (caches, the session)
        captured: list[tuple[str, Any]] = []

        def vang(  # type: ignore[no-untyped-def]
            execute, sql, params, many, context, captured=captured
        ):
            if sql.lstrip().upper().startswith(("SELECT", "WITH")):
                captured.append((sql, params))
            return execute(sql, params, many, context)

        with connection.execute_wrapper(vang):
            response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        pagina = Pagina(label, queries=len(captured))
        with connection.cursor() as cursor:
            for sql, params in captured:
                cursor.execute("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + sql, params)
                raw = cursor.fetchone()[0]
                plan = (json.loads(raw) if isinstance(raw, str) else raw)[0]
                pagina.max_cost = max(pagina.max_cost, plan["Plan"]["Total Cost"])
                pagina.db_ms += plan.get("Planning Time", 0) + plan.get("Execution Time", 0)
                _walk(plan["Plan"], pagina.seq_scans)
        results.append(pagina)
    return results


def standaard_paginas() -> list[tuple[str, str, str]]:
    """The pages of `make bench` that read residents' data, on the demo's logins."""
    from eenplan.beschikkingen.models import Beschikking
    from eenplan.inwoners.models import Inwoner
    from eenplan.meldingen.models import Melding
    from eenplan.plannen.models import Plan

    iemand = Inwoner.objects.filter(wijk__teams__naam="Wijkteam Noord").order_by("id").first()
    assert iemand is not None, "no demo municipality in this database"
    melding = Melding.objects.filter(inwoner__wijk=iemand.wijk).order_by("-id").first()
    plan = (
        Plan.objects.filter(huishouden__leden__inwoner__wijk=iemand.wijk).order_by("-id").first()
    )
    beschikking = Beschikking.objects.filter(inwoner__wijk=iemand.wijk).order_by("-id").first()
    pages = [
        ("Werkvoorraad mijn (generalist)", "generalist", "/meldingen/werkvoorraad/?weergave=mijn"),
        ("Werkvoorraad team (generalist)", "generalist", "/meldingen/werkvoorraad/?weergave=team"),
        ("Werkvoorraad alle (midoffice)", "midoffice", "/meldingen/werkvoorraad/?weergave=alle"),
        ("Zoeken 'de vr' (generalist)", "generalist", "/inwoners/?q=de+vr"),
        ("Zoeken 'jans' (midoffice)", "midoffice", "/inwoners/?q=jans"),
        ("Dossier (generalist)", "generalist", f"/inwoners/{iemand.pk}/"),
        ("API meldingen (midoffice)", "midoffice", "/api/v1/meldingen/"),
        ("API meldingen (generalist)", "generalist", "/api/v1/meldingen/"),
    ]
    if melding is not None:
        pages.append(("Melding (generalist)", "generalist", f"/meldingen/{melding.pk}/"))
    if plan is not None:
        pages.append(("Plan (generalist)", "generalist", f"/plannen/{plan.pk}/"))
    if beschikking is not None:
        url = f"/beschikkingen/{beschikking.pk}/"
        pages.append(("Beschikking (backoffice)", "backoffice", url))
    return pages


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "eenplan.conf.dev")
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection

    if connection.vendor != "postgresql":
        sys.exit("bench_explain needs PostgreSQL (DATABASE_URL=postgres://...).")
    settings.ALLOWED_HOSTS = ["*"]
    settings.DEBUG = False
    if "--alleen-lezen" in sys.argv:
        from eenplan.bench_lezen import alleen_lezen

        with alleen_lezen():
            results = explain_pages(standaard_paginas(), alleen_lezen=True)
    else:
        results = explain_pages(standaard_paginas())
    print("| Page | queries | highest planner cost | database ms | sequential scans |")
    print("|---|---:|---:|---:|---|")
    for p in results:
        scans = ", ".join(p.seq_scans) or "none"
        print(f"| {p.label} | {p.queries} | {p.max_cost:,.0f} | {p.db_ms:.1f} | {scans} |")
    if "--strict" in sys.argv and any(p.seq_scans for p in results):
        sys.exit(1)


if __name__ == "__main__":
    main()
