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

# ruff: noqa: S608 - the floors are fixed SQL text written here; every value is a bound parameter

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


def _deel(naam: str, sql: str) -> str:
    """One part of a page as a JSON array column of the floor query (the rows of `sql`)."""
    return f"(SELECT json_agg(t) FROM ({sql}) t) AS {naam}"


def _vloeren(ctx: dict[str, Any]) -> dict[str, tuple[str, list[Any]]]:
    """The floor of each page: one hand-written query for the same rows the page shows, with
    the same need-to-know condition, page size and order — every part of the page that shows
    rows of the case (the lists of a dossier, the parts of a plan, the worklist's counts per
    deadline state next to its rows), each part as a JSON array of its rows. Not in the floor:
    the login, the session and the access log's row (the "fixed" part of a request, reported
    on its own), and reference data the page reads that is no row of the case (code lists,
    settings, the ZRM instrument)."""
    from django.utils import timezone

    from eenplan.gemeente.selectors import termijn_drempels
    from eenplan.meldingen.constants import OPEN_STATUSSEN
    from eenplan.plannen.constants import ACTIEVE_STATUSSEN
    from eenplan.web.selectors import TIJDLIJN_MAX

    open_ = [str(s) for s in OPEN_STATUSSEN]
    actief = [str(s) for s in ACTIEVE_STATUSSEN]
    scope_generalist = (
        "(i.wijk_id = ANY(%s) OR EXISTS (SELECT 1 FROM privacy_dossiertoegang d "
        "WHERE d.medewerker_id = %s AND d.inwoner_id = m.inwoner_id AND d.van <= CURRENT_DATE "
        "AND (d.tot IS NULL OR d.tot >= CURRENT_DATE)))"
    )
    # The deadline state (meldingen.selectors._stand) of each melding, for the counts per state
    # above the worklist (the page shows them next to its rows).
    # The thresholds are the app's (five working days with the declared holidays), as dates.
    drempels = termijn_drempels(timezone.localdate())
    stand = (
        "CASE WHEN m.onderzoek_afgerond_op IS NOT NULL THEN 'afgerond' "
        "WHEN m.onderzoek_uiterlijk IS NULL THEN 'opgeschort' "
        f"WHEN m.onderzoek_uiterlijk < '{drempels.vandaag.isoformat()}'::date THEN 'verlopen' "
        f"WHEN m.onderzoek_uiterlijk <= '{drempels.waarschuwing.isoformat()}'::date "
        "THEN 'bijna_verlopen' ELSE 'op_schema' END"
    )
    lijst = (
        "WITH s AS (SELECT m.id, m.onderzoek_uiterlijk, m.ontvangen_op, m.status, m.inwoner_id, "
        "m.medewerker_id, m.team_id, " + stand + " AS stand "
        "FROM meldingen_melding m LEFT JOIN inwoners_inwoner i ON i.id = m.inwoner_id "
        "WHERE m.gemeente_id = %s AND m.status = ANY(%s) AND {extra}) "
        "SELECT (SELECT json_object_agg(stand, n) FROM (SELECT stand, count(*) AS n FROM s "
        "GROUP BY stand) c) AS tellingen, "
        + _deel(
            "rijen",
            "SELECT s.*, i.voornamen, i.achternaam, w.naam AS wijk, u.first_name, u.last_name, "
            "tm.naam AS team FROM s LEFT JOIN inwoners_inwoner i ON i.id = s.inwoner_id "
            "LEFT JOIN gemeente_wijk w ON w.id = i.wijk_id "
            "LEFT JOIN gemeente_medewerker mw ON mw.id = s.medewerker_id "
            "LEFT JOIN auth_user u ON u.id = mw.user_id LEFT JOIN gemeente_team tm "
            "ON tm.id = s.team_id ORDER BY s.onderzoek_uiterlijk NULLS LAST, s.id LIMIT {n}",
        )
    )
    g, gen, wijken = ctx["gemeente"], ctx["generalist"], ctx["generalist_wijken"]
    # The household the resident belongs to today (inwoners.selectors.huidig_huishouden).
    huishouden = (
        "LEFT JOIN LATERAL (SELECT l.huishouden_id AS hid FROM inwoners_huishoudenlid l "
        "WHERE l.inwoner_id = i.id AND l.lid_van <= CURRENT_DATE AND (l.lid_tot IS NULL OR "
        "l.lid_tot > CURRENT_DATE) ORDER BY l.lid_van DESC LIMIT 1) h ON TRUE"
    )
    leden = _deel(
        "leden",
        "SELECT l.*, li.voornamen, li.voorvoegsel, li.achternaam, li.geboortedatum, li.wijk_id "
        "FROM inwoners_huishoudenlid l JOIN inwoners_inwoner li ON li.id = l.inwoner_id "
        "WHERE l.huishouden_id = h.hid ORDER BY l.lid_tot NULLS FIRST, l.lid_van, l.id",
    )
    beschikkingen = (
        "SELECT b.*, (SELECT json_agg(v) FROM (SELECT bv.*, vz.naam AS voorziening, "
        "ab.naam AS aanbieder FROM beschikkingen_beschiktevoorziening bv "
        "JOIN voorzieningen_voorziening vz ON vz.id = bv.voorziening_id "
        "LEFT JOIN aanbieders_aanbieder ab ON ab.id = bv.aanbieder_id "
        "WHERE bv.beschikking_id = b.id ORDER BY bv.id) v) AS voorzieningen "
        "FROM beschikkingen_beschikking b WHERE {waar} ORDER BY b.besloten_op DESC, b.id DESC"
    )
    return {
        "werkvoorraad_mijn": (
            lijst.format(extra=f"m.medewerker_id = %s AND {scope_generalist}", n=25),
            [g, open_, gen, wijken, gen],
        ),
        "werkvoorraad_team": (
            lijst.format(extra=f"m.team_id = %s AND {scope_generalist}", n=25),
            [g, open_, ctx["team"], wijken, gen],
        ),
        "werkvoorraad_alle": (lijst.format(extra="TRUE", n=25), [g, open_]),
        # The first 25 residents whose surname or first name starts with 'jans', in the order
        # of the name that matched (inwoners.selectors.inwoner_search), with their wijk, and
        # the number found, counted up to 501 (ZOEK_TELLEN_MAX) as the page does.
        "zoeken": (
            'WITH k AS ((SELECT id, zoeknaam COLLATE "C" AS s FROM inwoners_inwoner '
            """WHERE gemeente_id = %s AND zoeknaam COLLATE "C" LIKE 'jans%%' ORDER BY 2, 1 """
            'LIMIT 501) UNION ALL (SELECT id, zoeknaam_voornaam COLLATE "C" FROM '
            """inwoners_inwoner WHERE gemeente_id = %s AND zoeknaam_voornaam COLLATE "C" """
            """LIKE 'jans%%' AND zoeknaam NOT LIKE 'jans%%' ORDER BY 2, 1 LIMIT 501)) """
            "SELECT (SELECT count(*) FROM (SELECT 1 FROM k LIMIT 501) n) AS aantal, "
            + _deel(
                "rijen",
                "SELECT i.id, i.voornamen, i.voorvoegsel, i.achternaam, i.geboortedatum, "
                "i.bsn, w.naam FROM (SELECT * FROM k ORDER BY s, id LIMIT 25) t2 "
                "JOIN inwoners_inwoner i ON i.id = t2.id JOIN gemeente_wijk w "
                "ON w.id = i.wijk_id ORDER BY t2.s, t2.id",
            ),
            [g, g],
        ),
        # The resident with everything the generalist's dossier page lists (web.selectors.
        # dossier_get): household members, network, meldingen, onderzoeken, the active plan,
        # aanvragen, beschikkingen with their provisions, the timeline.
        "dossier": (
            "SELECT i.*, w.naam AS wijk, "
            + ", ".join(
                [
                    leden,
                    _deel(
                        "netwerk",
                        "SELECT n.* FROM inwoners_netwerkpersoon n WHERE n.inwoner_id = i.id "
                        "ORDER BY n.id",
                    ),
                    _deel(
                        "meldingen",
                        "SELECT m.*, u.first_name, u.last_name, tm.naam AS team "
                        "FROM meldingen_melding m LEFT JOIN gemeente_medewerker mw "
                        "ON mw.id = m.medewerker_id LEFT JOIN auth_user u ON u.id = mw.user_id "
                        "LEFT JOIN gemeente_team tm ON tm.id = m.team_id "
                        "WHERE m.inwoner_id = i.id ORDER BY m.ontvangen_op DESC, m.id DESC",
                    ),
                    _deel(
                        "onderzoeken",
                        "SELECT o.* FROM onderzoeken_onderzoek o WHERE o.inwoner_id = i.id "
                        "ORDER BY o.created_at DESC, o.id DESC",
                    ),
                    _deel(
                        "plan",
                        "SELECT p.* FROM plannen_plan p WHERE p.huishouden_id = h.hid "
                        "AND p.status = ANY(%s) ORDER BY p.created_at DESC, p.id DESC LIMIT 1",
                    ),
                    _deel(
                        "aanvragen",
                        "SELECT a.* FROM beschikkingen_aanvraag a WHERE a.inwoner_id = i.id "
                        "ORDER BY a.ontvangen_op DESC, a.id DESC",
                    ),
                    _deel("beschikkingen", beschikkingen.format(waar="b.inwoner_id = i.id")),
                    _deel(
                        "tijdlijn",
                        "SELECT e.*, u.username FROM events_gebeurtenis e LEFT JOIN auth_user u "
                        "ON u.id = e.user_id WHERE e.inwoner_id = i.id OR e.huishouden_id = "
                        f"h.hid ORDER BY e.moment DESC, e.id DESC LIMIT {TIJDLIJN_MAX}",
                    ),
                ]
            )
            + " FROM inwoners_inwoner i JOIN gemeente_wijk w ON w.id = i.wijk_id "
            + huishouden
            + " WHERE i.id = %s AND i.gemeente_id = %s AND i.wijk_id = ANY(%s)",
            [actief, ctx["inwoner"], g, wijken],
        ),
        # The plan with its parts (plannen.selectors.plan_get and the page): goals with their
        # actions and evaluations, regie, participants, proposals, versions, safety signals,
        # contributions, the household's members and their network, its other active plans
        # and those its members brought along, the candidates for regisseur (since 7 December
        # 2026: the page showed them, the floor did not), the aanvragen and beschikkingen of
        # the plan, the debt questions of the household; in scope when a current member lives
        # in the generalist's wijken.
        "plan": (
            "SELECT p.*, "
            + ", ".join(
                [
                    _deel(
                        "doelen",
                        "SELECT d.*, (SELECT json_agg(a) FROM (SELECT * FROM plannen_actie "
                        "WHERE doel_id = d.id ORDER BY uiterlijk, id) a) AS acties, "
                        "(SELECT json_agg(e) FROM (SELECT * FROM plannen_evaluatie "
                        "WHERE doel_id = d.id ORDER BY datum, id) e) AS evaluaties "
                        "FROM plannen_doel d WHERE d.plan_id = p.id ORDER BY d.id",
                    ),
                    *(
                        _deel(t, f"SELECT * FROM plannen_{t} WHERE plan_id = p.id ORDER BY id")
                        for t in (
                            "regisseur",
                            "deelnemer",
                            "voorstel",
                            "planversie",
                            "veiligheidssignaal",
                            "inbreng",
                        )
                    ),
                    _deel(
                        "leden",
                        "SELECT l.*, li.voornamen, li.voorvoegsel, li.achternaam, "
                        "li.geboortedatum, (SELECT json_agg(n) FROM (SELECT * FROM "
                        "inwoners_netwerkpersoon WHERE inwoner_id = li.id) n) AS netwerk "
                        "FROM inwoners_huishoudenlid l JOIN inwoners_inwoner li "
                        "ON li.id = l.inwoner_id WHERE l.huishouden_id = p.huishouden_id "
                        "AND (l.lid_tot IS NULL OR l.lid_tot > CURRENT_DATE) "
                        "ORDER BY l.lid_van, l.id",
                    ),
                    # The household's other active plans and those its current members
                    # brought from a household they lived in before (the page shows both).
                    _deel(
                        "andere_plannen",
                        "SELECT o.* FROM plannen_plan o WHERE o.id <> p.id AND o.status = "
                        "ANY(%s) AND o.huishouden_id IN (SELECT v.huishouden_id FROM "
                        "inwoners_huishoudenlid v WHERE v.inwoner_id IN (SELECT l.inwoner_id "
                        "FROM inwoners_huishoudenlid l WHERE l.huishouden_id = p.huishouden_id "
                        "AND l.lid_van <= CURRENT_DATE AND (l.lid_tot IS NULL OR l.lid_tot > "
                        "CURRENT_DATE)) UNION SELECT p.huishouden_id)",
                    ),
                    # Who may be its regisseur (the page's choice, for a login that may
                    # change plans): staff of the municipality with both plan permissions
                    # (through a role or their own) whose team serves a current member's wijk
                    # or who are assigned to a current member, by name.
                    _deel(
                        "kandidaten",
                        "SELECT m.*, u.first_name, u.last_name FROM (SELECT mt.medewerker_id "
                        "AS id FROM inwoners_huishoudenlid l JOIN inwoners_inwoner li ON "
                        "li.id = l.inwoner_id JOIN gemeente_team_wijken tw ON tw.wijk_id = "
                        "li.wijk_id JOIN gemeente_team t ON t.id = tw.team_id AND t.gemeente_id "
                        "= %s JOIN gemeente_medewerker_teams mt ON mt.team_id = t.id WHERE "
                        "l.huishouden_id = p.huishouden_id AND l.lid_van <= CURRENT_DATE AND "
                        "(l.lid_tot IS NULL OR l.lid_tot > CURRENT_DATE) UNION SELECT "
                        "dt.medewerker_id FROM privacy_dossiertoegang dt JOIN "
                        "inwoners_huishoudenlid l ON l.inwoner_id = dt.inwoner_id WHERE "
                        "l.huishouden_id = p.huishouden_id AND l.lid_van <= CURRENT_DATE AND "
                        "(l.lid_tot IS NULL OR l.lid_tot > CURRENT_DATE) AND dt.van <= "
                        "CURRENT_DATE AND (dt.tot IS NULL OR dt.tot >= CURRENT_DATE)) k "
                        "JOIN gemeente_medewerker m ON m.id = k.id JOIN auth_user u ON u.id = "
                        "m.user_id CROSS JOIN (SELECT array_agg(pe.id) AS ids FROM "
                        "auth_permission pe JOIN django_content_type ct ON ct.id = "
                        "pe.content_type_id WHERE ct.app_label = 'plannen' AND pe.codename = "
                        "ANY(%s)) r WHERE m.gemeente_id = %s AND (m.lid_tot IS NULL OR "
                        "m.lid_tot > CURRENT_DATE) AND u.is_active AND (u.is_superuser OR "
                        "(SELECT count(DISTINCT z.x) FROM (SELECT gp.permission_id AS x FROM "
                        "auth_user_groups ug JOIN auth_group_permissions gp ON gp.group_id = "
                        "ug.group_id WHERE ug.user_id = u.id AND gp.permission_id = ANY(r.ids) "
                        "UNION ALL SELECT up.permission_id FROM auth_user_user_permissions up "
                        "WHERE up.user_id = u.id AND up.permission_id = ANY(r.ids)) z) = 2) "
                        "ORDER BY u.last_name, u.first_name, m.id",
                    ),
                    _deel(
                        "aanvragen",
                        "SELECT a.* FROM beschikkingen_aanvraag a WHERE a.plan_id = p.id "
                        "ORDER BY a.id",
                    ),
                    _deel(
                        "beschikkingen",
                        beschikkingen.format(
                            waar="b.aanvraag_id IN (SELECT id FROM beschikkingen_aanvraag "
                            "WHERE plan_id = p.id)"
                        ),
                    ),
                    _deel(
                        "schuldvragen",
                        "SELECT s.* FROM schuldhulp_schuldvraag s WHERE s.huishouden_id = "
                        "p.huishouden_id ORDER BY s.id",
                    ),
                ]
            )
            + " FROM plannen_plan p WHERE p.id = %s AND EXISTS (SELECT 1 FROM "
            "inwoners_huishoudenlid l JOIN inwoners_inwoner i ON i.id = l.inwoner_id "
            "WHERE l.huishouden_id = p.huishouden_id AND (l.lid_tot IS NULL OR l.lid_tot > "
            "CURRENT_DATE) AND i.gemeente_id = %s AND i.wijk_id = ANY(%s))",
            [actief, g, ["view_plan", "change_plan"], g, ctx["plan"], g, ctx["plan_wijken"]],
        ),
        # The beschikking with its aanvraag, resident and wijk, its provisions, bezwaren,
        # the resident's household members and the letters sent (beschikkingen pages).
        "beschikking": (
            "SELECT b.*, a.omschrijving, a.wet, a.ontvangen_op, i.voornamen, i.voorvoegsel, "
            "i.achternaam, i.bsn, i.geboortedatum, w.naam AS wijk, "
            + ", ".join(
                [
                    _deel(
                        "voorzieningen",
                        "SELECT bv.*, vz.naam AS voorziening, ab.naam AS aanbieder "
                        "FROM beschikkingen_beschiktevoorziening bv JOIN "
                        "voorzieningen_voorziening vz ON vz.id = bv.voorziening_id "
                        "LEFT JOIN aanbieders_aanbieder ab ON ab.id = bv.aanbieder_id "
                        "WHERE bv.beschikking_id = b.id ORDER BY bv.id",
                    ),
                    _deel(
                        "bezwaren",
                        "SELECT z.* FROM bezwaren_bezwaar z WHERE z.beschikking_id = b.id "
                        "ORDER BY z.id",
                    ),
                    _deel(
                        "leden",
                        "SELECT l.*, li.voornamen, li.achternaam FROM inwoners_huishoudenlid l "
                        "JOIN inwoners_inwoner li ON li.id = l.inwoner_id WHERE "
                        "l.huishouden_id = (SELECT l2.huishouden_id FROM "
                        "inwoners_huishoudenlid l2 WHERE l2.inwoner_id = b.inwoner_id AND "
                        "(l2.lid_tot IS NULL OR l2.lid_tot > CURRENT_DATE) LIMIT 1) "
                        "AND (l.lid_tot IS NULL OR l.lid_tot > CURRENT_DATE) ORDER BY l.id",
                    ),
                    # What the eigen bijdrage it states is computed from (since 7 December
                    # 2026; the page showed the amount, the floor did not read its input): the
                    # granted Wmo provisions of the resident and the members on the decision's
                    # reference date (the letter's date, else the decision's).
                    _deel(
                        "bijdrage_regels",
                        "SELECT bv.*, vz.naam, vz.eigen_bijdrage, vz.kostprijs_per_maand, "
                        "vz.categorie, b2.inwoner_id AS client_id FROM "
                        "beschikkingen_beschiktevoorziening bv JOIN beschikkingen_beschikking "
                        "b2 ON b2.id = bv.beschikking_id JOIN beschikkingen_aanvraag a2 ON "
                        "a2.id = b2.aanvraag_id JOIN voorzieningen_voorziening vz ON vz.id = "
                        "bv.voorziening_id WHERE b2.gemeente_id = b.gemeente_id AND a2.wet = "
                        "'wmo' AND bv.uitkomst IN ('toegekend', 'deels') AND bv.begin <= "
                        "COALESCE(b.verzonden_op, b.besloten_op) AND (bv.einde IS NULL OR "
                        "bv.einde >= COALESCE(b.verzonden_op, b.besloten_op)) AND "
                        "b2.inwoner_id IN (SELECT l.inwoner_id FROM inwoners_huishoudenlid l "
                        "WHERE l.huishouden_id = (SELECT l2.huishouden_id FROM "
                        "inwoners_huishoudenlid l2 WHERE l2.inwoner_id = b.inwoner_id AND "
                        "(l2.lid_tot IS NULL OR l2.lid_tot > CURRENT_DATE) LIMIT 1) AND "
                        "(l.lid_tot IS NULL OR l.lid_tot > CURRENT_DATE) UNION SELECT "
                        "b.inwoner_id) ORDER BY bv.id",
                    ),
                    _deel(
                        "verzendingen",
                        "SELECT vz.* FROM beschikkingen_verzending vz WHERE vz.gemeente_id = "
                        "b.gemeente_id AND vz.inwoner_id = b.inwoner_id ORDER BY vz.id",
                    ),
                ]
            )
            + " FROM beschikkingen_beschikking b JOIN beschikkingen_aanvraag a "
            "ON a.id = b.aanvraag_id JOIN inwoners_inwoner i ON i.id = b.inwoner_id "
            "LEFT JOIN gemeente_wijk w ON w.id = i.wijk_id WHERE b.id = %s AND b.gemeente_id = %s",
            [ctx["beschikking"], g],
        ),
        # The first page of open meldingen (50, the API's page size) with the count of all
        # of them (the API answers `count`).
        # The steering figures' overview: every indicator's total in the latest snapshot.
        "dashboard": (
            "SELECT o.*, "
            + _deel(
                "waarden",
                "SELECT w.* FROM sturing_meetwaarde w WHERE w.momentopname_id = o.id "
                "AND w.dimensie = ''",
            )
            + " FROM sturing_momentopname o WHERE o.gemeente_id = %s ORDER BY o.tot DESC "
            "LIMIT 1",
            [g],
        ),
        "api_meldingen": (
            "SELECT (SELECT count(*) FROM meldingen_melding m WHERE m.gemeente_id = %s AND "
            "m.status = ANY(%s)) AS aantal, "
            + _deel(
                "rijen",
                "SELECT m.*, i.voornamen, i.voorvoegsel, i.achternaam, i.bsn, w.naam AS wijk "
                "FROM meldingen_melding m LEFT JOIN inwoners_inwoner i ON i.id = m.inwoner_id "
                "LEFT JOIN gemeente_wijk w ON w.id = i.wijk_id WHERE m.gemeente_id = %s "
                "AND m.status = ANY(%s) ORDER BY m.onderzoek_uiterlijk NULLS LAST, m.id "
                "LIMIT 50",
            ),
            [g, open_, g, open_],
        ),
        # The message log: the municipality's newest 25 messages with their provider and the
        # residents they name, and the count for the pager (berichten.selectors._lijst).
        "berichtenlog": (
            "SELECT (SELECT count(*) FROM berichten_bericht b WHERE b.gemeente_id = %s "
            "OR b.gemeente_id IS NULL) AS aantal, "
            + _deel(
                "rijen",
                "SELECT b.id, b.moment, b.soort, b.code, b.richting, b.status, b.retourcodes, "
                "ab.naam AS aanbieder, (SELECT json_agg(x) FROM (SELECT i.id, i.voornamen, "
                "i.voorvoegsel, i.achternaam FROM berichten_bericht_inwoners bi JOIN "
                "inwoners_inwoner i ON i.id = bi.inwoner_id WHERE bi.bericht_id = b.id) x) "
                "AS inwoners FROM berichten_bericht b LEFT JOIN aanbieders_aanbieder ab "
                "ON ab.id = b.aanbieder_id WHERE b.gemeente_id = %s OR b.gemeente_id IS NULL "
                "ORDER BY b.moment DESC, b.id DESC LIMIT 25",
            ),
            [g, g],
        ),
    }


# The fixed part of every staff request: the session with the login and its medewerker record,
# permissions and wijken scope (one query since issue 16, `gemeente.selectors.actor_laden`;
# before, the login, the record, the permissions and the scope each had their own), and the
# access log's row (in a read-only measurement the SELECT that stands in for it, `bench_lezen`).
VAST = (
    '"django_session"',
    '"gemeente_sessie"',  # the session, with the login since ADR 0054
    'AS "_rechten_eigen"',
    'AS "aantal_gemeenten"',
    'FROM "auth_user" WHERE "auth_user"."id" =',
    '"privacy_inzage"',
    "_niet_geschreven",
)


# Requests before measuring: as a server worker's connection is after its first requests. A
# query is prepared on its connection at its second execution (DATABASE_PREPARE_THRESHOLD=2,
# ADR 0051), and PostgreSQL plans a prepared statement for its values five times before it
# weighs the generic plan; from then on it is what every further request on that connection
# (DATABASE_CONN_MAX_AGE, 60 s) gets. With one warm-up request the median of 15 fell in the
# middle of that switch. The floor's query is warmed up the same way: until 6 December 2026 it
# was not, and the median of its 15 runs fell in that switch too (planned in 7 of them).
OPWARMEN = 8

# Seconds without a query before each measured request and each floor. A request reaches a
# connection that has been idle (the user reads the previous page); on these machines a query
# then costs more than the same query repeated back to back — server execution 0.20 → 0.31 ms
# and the round trip 0.38 → 0.93–1.1 ms for the login's query; saturated from 5 ms on
# (docs/benchmarks.md, "Floors measured as a request runs them"). The floor, one query, is
# measured after the same pause as the page, so both start from the same state.
PAUZE = 0.02


def is_vast(sql: str) -> bool:
    """Whether a query belongs to the fixed part of a request (session, login, audit) rather
    than to the rows of the page."""
    kop = sql[:6000]
    if 'AS "via_rol"' in kop or ('AS "bediend"' in kop and 'FROM "gemeente_wijk"' in kop):
        return True  # the permissions or the wijken scope on their own (before `actor_laden`)
    return any(teken in kop for teken in VAST)


def _vloer_ms(connection: Any, sql: str, params: list[Any]) -> float:
    """One run of a floor's query with its rows fetched, in milliseconds."""
    with connection.cursor() as cursor:
        begin = time.perf_counter()
        cursor.execute(sql, params)
        cursor.fetchall()
        return (time.perf_counter() - begin) * 1000


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
        "berichtenlog": ("contract", "/berichten/"),
        "dashboard": ("beleid", "/sturing/"),
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
        for _ in range(OPWARMEN):
            assert client.get(url).status_code == 200, url
        vloer_sql, params = vloeren[naam]
        for _ in range(OPWARMEN):  # prepared and planned as the page's queries are
            _vloer_ms(connection, vloer_sql, params)
        pagina, sql, vast, aantal, aantal_vast, vloer = [], [], [], 0, 0, []
        for _ in range(repeat):
            duur = {True: 0.0, False: 0.0}
            queries = {True: 0, False: 0}

            def klok(execute, s, p, many, context, duur=duur, queries=queries):  # type: ignore[no-untyped-def]
                begin = time.perf_counter()
                try:
                    return execute(s, p, many, context)
                finally:
                    soort = is_vast(s)
                    duur[soort] += time.perf_counter() - begin
                    queries[soort] += 1

            time.sleep(PAUZE)  # as a request arrives: the connection idle before it
            begin = time.perf_counter()
            with connection.execute_wrapper(klok):
                client.get(url)
            pagina.append((time.perf_counter() - begin) * 1000)
            sql.append((duur[True] + duur[False]) * 1000)
            vast.append(duur[True] * 1000)
            aantal = queries[True] + queries[False]
            aantal_vast = queries[True]
            # The floor as a request would run it: the one query, after the same pause.
            time.sleep(PAUZE)
            vloer.append(_vloer_ms(connection, vloer_sql, params))
        # And back to back, as the benchmark measured it until 6 December 2026 (shown beside).
        warm = [_vloer_ms(connection, vloer_sql, params) for _ in range(repeat)]
        rijen[naam] = {
            "url": url,
            "p50": statistics.median(pagina),
            "p95": _pct(pagina, 0.95),
            "sql": statistics.median(sql),
            "vast": statistics.median(vast),
            "queries": aantal,
            "queries_vast": aantal_vast,
            "vloer": statistics.median(vloer),
            "vloer_warm": statistics.median(warm),
        }
    stack.close()
    return {"label": label, "inwoners": inwoners, "rijen": rijen, "load": os.getloadavg()[0]}


def _belasting(loads: list[float], cpus: int) -> str:
    """How to read the numbers, by the load average while measuring: above the number of CPUs
    other work competed for them (this benchmark itself is one process plus PostgreSQL)."""
    if max(loads) > cpus:
        return (
            "**Other work shared the machine while measuring (load average above its "
            f"{cpus} CPUs): every number is inflated by that load and is only comparable "
            "within this table.**"
        )
    return (
        f"The load average stayed at or below the {cpus} CPUs: no other work competed for "
        "them (the benchmark and PostgreSQL count in it)."
    )


def _markdown(metingen: list[dict[str, Any]], load_voor: float) -> str:
    a, b = metingen[0], metingen[-1]
    regels = [
        KOP,
        "",
        f"Measured {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC on {_cpu()}, "
        f"{os.cpu_count()} CPUs, PostgreSQL; load average (1 min) {load_voor:.1f} before, "
        + ", ".join(f"{m['load']:.1f} after {m['label']}" for m in metingen)
        + ". "
        + _belasting([load_voor, *(m["load"] for m in metingen)], os.cpu_count() or 1),
        "",
        f"Each size measured in {a.get('ronden', 1)} round(s), the sizes in turn; every "
        "number is the median of the rounds' medians, the SQL/floor of each round shown as "
        "its spread. "
        "Page: p50/p95 of the request through Django's test client (server time). SQL: the time "
        "the page's queries took (p50), and of it the fixed part of the request (session, "
        "login with its record, permissions and scope, the access log's row) and the rest (the "
        "page's rows), with their query counts. Floor: one hand-written query for the same rows "
        "the page shows, with the same need-to-know condition, page size and order (p50), "
        "measured as a request runs it: after 20 ms without a query, like each measured page "
        "request (in brackets: repeated back to back, which keeps PostgreSQL's backend hot; "
        "see 'Floors measured as a request runs them'). "
        "SQL/floor: target ≤ 3 (the total; the fixed part and the rows are each shown over the "
        "floor too). "
        f"{b['label']}/{a['label']}: the page p50 at the larger size over the smaller, target "
        "≤ 1.5.",
        "",
        "| Page | "
        + " | ".join(
            f"{m['label']} ({m['inwoners']:,} residents) p50 / p95 ms · queries (fixed + rows) "
            "· SQL ms (fixed + rows) · floor ms (back to back) · SQL/floor (fixed + rows)"
            for m in metingen
        )
        + f" | {b['label']}/{a['label']} |",
        "|---|" + "---:|" * (len(metingen) + 1),
    ]
    for naam in a["rijen"]:
        cellen = []
        for m in metingen:
            r = m["rijen"][naam]
            vloer = max(r["vloer"], 0.01)
            vast, rest = r.get("vast", 0.0), r["sql"] - r.get("vast", 0.0)
            qv = r.get("queries_vast", 0)
            warm = f" ({r['vloer_warm']:.2f})" if "vloer_warm" in r else ""
            ratios = r.get("ratios", [])
            spreiding = f"; rounds {min(ratios):.1f}–{max(ratios):.1f}" if len(ratios) > 1 else ""
            cellen.append(
                f"{r['p50']:.1f} / {r['p95']:.1f} · {r['queries']} ({qv} + {r['queries'] - qv}) "
                f"· {r['sql']:.1f} ({vast:.1f} + {rest:.1f}) · {r['vloer']:.2f}{warm} · "
                f"**{r['sql'] / vloer:.1f}×** ({vast / vloer:.1f} + {rest / vloer:.1f}{spreiding})"
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


def samenvoegen(ronden: list[dict[str, Any]]) -> dict[str, Any]:
    """The measurements of one size over several rounds as one: per page the median of each
    round's medians (p50, p95, SQL, fixed part, floors), the query counts of the last round,
    and each round's SQL/floor (`ratios`, shown as their spread); the highest load average."""
    laatste = ronden[-1]
    rijen = {}
    for naam, rij in laatste["rijen"].items():
        alle = [r["rijen"][naam] for r in ronden]
        samen = dict(rij)
        for veld in ("p50", "p95", "sql", "vast", "vloer", "vloer_warm"):
            if all(veld in a for a in alle):
                samen[veld] = statistics.median(a[veld] for a in alle)
        samen["ratios"] = [a["sql"] / max(a["vloer"], 0.01) for a in alle]
        rijen[naam] = samen
    return {
        "label": laatste["label"],
        "inwoners": laatste["inwoners"],
        "rijen": rijen,
        "load": max(r["load"] for r in ronden),
        "ronden": len(ronden),
    }


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--meet":
        print(json.dumps(meet(sys.argv[2], int(os.environ.get("BENCH_REPEAT", "21")))))
        return
    databases = os.environ.get("BENCH_SCHAAL_DATABASES", "").split()
    if not databases:
        sys.exit("Set BENCH_SCHAAL_DATABASES='100k=postgres://… 1M=postgres://…'.")
    load_voor = os.getloadavg()[0]
    # Rounds with the sizes in turn (100k, 1M, 100k, 1M, …): a slower minute of a shared
    # machine then falls on both sizes, not on the one measured in it (7 December 2026: one
    # round alone put the same page at 1.7× between the sizes, and 1.1× in the next).
    per_maat: dict[str, list[dict[str, Any]]] = {}
    for _ in range(max(1, int(os.environ.get("BENCH_RONDEN", "3")))):
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
            per_maat.setdefault(label, []).append(json.loads(uit.strip().splitlines()[-1]))
    metingen = [samenvoegen(ronden) for ronden in per_maat.values()]
    tekst = _markdown(metingen, load_voor)
    print(tekst)
    doel = Path(__file__).resolve().parents[2] / "docs" / "benchmarks.md"
    if doel.exists() and "--schrijf" in sys.argv:
        doel.write_text(vervang_meting(doel.read_text(), tekst))


def vervang_meting(oud: str, tekst: str, kop: str = KOP) -> str:
    """docs/benchmarks.md with `tekst` (which starts with `kop`) as the newest measurement: it
    replaces the previous generated table, the text between `kop` and the section's first
    `###` subsection (or the next `##` section). The subsections below it are the measurements
    kept by hand with their reading, and stay. Without `kop` the section is appended. Used by
    `make bench-schaal` for both its tables (this module's and `bench_last`'s)."""
    if kop not in oud:
        return oud.rstrip() + "\n\n" + tekst.rstrip() + "\n"
    begin = oud.index(kop)
    rest = oud[begin + len(kop) :]
    grenzen = [i for i in (rest.find("\n### "), rest.find("\n## ")) if i >= 0]
    einde = min(grenzen) if grenzen else len(rest)
    return oud[:begin] + tekst.rstrip() + "\n" + rest[einde:]


if __name__ == "__main__":
    main()
