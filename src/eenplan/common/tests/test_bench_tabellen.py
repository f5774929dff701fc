"""The tables of `make bench-schaal` and `make bench-last` compare a page across database sizes
by its name: the dossier, plan and beschikking are a record of each database, with a URL per
size (issue 16)."""

from __future__ import annotations

from eenplan import bench_last, bench_schaal


def _last(label: str, plan: str, p50: float) -> dict:
    return {
        "label": label,
        "verzoeken": 100,
        "per_seconde": 10.0,
        "fouten": 0,
        "load": 1.0,
        "rijen": {
            "zoeken": {"url": "/inwoners/?q=jans", "n": 50, "p50": 20.0, "p95": 30.0},
            "plan": {"url": plan, "n": 50, "p50": p50, "p95": p50 * 2},
        },
    }


def test_load_table_compares_the_plan_page_across_sizes_with_each_sizes_url():
    tekst = bench_last._markdown(
        [_last("100k", "/plannen/128/", 40.0), _last("1M", "/plannen/9001/", 44.0)],
        10,
        30,
        3,
        load_voor=0.5,
        cpus=2,
    )
    regels = {r.split(" p50")[0]: r for r in tekst.splitlines() if " p50 / p95 ms |" in r}
    assert regels["| plan"] == (
        "| plan p50 / p95 ms | 40 / 80 (`/plannen/128/`) | 44 / 88 (`/plannen/9001/`) |"
    )
    assert regels["| zoeken (`/inwoners/?q=jans`)"].endswith("| 20 / 30 | 20 / 30 |")
    assert "—" not in tekst


def _schaal(label: str, plan: str) -> dict:
    rij = {"p50": 10.0, "p95": 12.0, "sql": 5.0, "queries": 9, "vloer": 1.0}
    return {
        "label": label,
        "inwoners": 1000,
        "load": 1.0,
        "rijen": {"plan": {**rij, "url": plan}, "zoeken": {**rij, "url": "/inwoners/?q=jans"}},
    }


def test_scale_table_names_the_url_of_each_size():
    tekst = bench_schaal._markdown(
        [_schaal("100k", "/plannen/128/"), _schaal("1M", "/plannen/9001/")], 1.0
    )
    assert "| plan (`/plannen/128/` / `/plannen/9001/`) |" in tekst
    assert "| zoeken (`/inwoners/?q=jans`) |" in tekst


def test_scale_table_divides_by_the_floor_a_request_pays_and_shows_the_hot_one_beside():
    meting = _schaal("100k", "/plannen/1/")
    meting["rijen"]["plan"].update(sql=6.0, vloer=2.0, vloer_warm=1.0)
    tekst = bench_schaal._markdown([meting, _schaal("1M", "/plannen/2/")], 1.0)
    plan = next(r for r in tekst.splitlines() if r.startswith("| plan"))
    assert "· 2.00 (1.00) · **3.0×**" in plan  # 6.0 over 2.0, not over the hot 1.0
    assert "· 1.00 · **5.0×**" in plan  # the older measurement has no back-to-back floor


def test_scale_table_says_whether_other_work_shared_the_machine():
    rustig = bench_schaal._markdown(
        [_schaal("100k", "/plannen/1/"), _schaal("1M", "/plannen/2/")], 1.0
    )
    assert "no other work competed" in rustig and "inflated" not in rustig
    druk = [_schaal("100k", "/plannen/1/"), {**_schaal("1M", "/plannen/2/"), "load": 64.0}]
    assert "inflated by that load" in bench_schaal._markdown(druk, 1.0)


def test_a_new_scale_measurement_replaces_the_table_and_keeps_the_history():
    oud = (
        "# Benchmarks\n\n## Earlier\n\ntext\n\n"
        f"{bench_schaal.KOP}\n\nMeasured old table\n\n"
        "### A kept measurement\n\nits reading\n\n## Next section\n\nmore\n"
    )
    nieuw = bench_schaal.vervang_meting(oud, f"{bench_schaal.KOP}\n\nMeasured new table\n")
    assert "Measured new table" in nieuw and "Measured old table" not in nieuw
    assert nieuw.index("Measured new table") < nieuw.index("### A kept measurement")
    assert "its reading" in nieuw and nieuw.endswith("## Next section\n\nmore\n")
    assert "## Earlier\n\ntext" in nieuw


def test_the_first_scale_measurement_is_appended():
    nieuw = bench_schaal.vervang_meting("# Benchmarks\n", f"{bench_schaal.KOP}\n\nMeasured\n")
    assert nieuw == f"# Benchmarks\n\n{bench_schaal.KOP}\n\nMeasured\n"


def test_the_load_table_tells_the_load_before_from_its_own():
    """The load test's own server and clients raise the load average: the table says what the
    machine carried before it started, and only then whether other work shared it."""
    metingen = [_last("100k", "/plannen/1/", 40.0), _last("1M", "/plannen/2/", 40.0)]
    rustig = bench_last._markdown(metingen, 10, 30, 3, load_voor=0.5, cpus=2)
    assert "before: 0.5" in rustig and "no other work competed" in rustig
    assert "shared" not in rustig
    druk = bench_last._markdown(metingen, 10, 30, 3, load_voor=6.0, cpus=2)
    assert "inflated by that load" in druk


def test_a_new_load_measurement_keeps_the_history_below_it():
    oud = (
        f"# Benchmarks\n\n{bench_last.KOP}\n\nold table\n\n### Kept by hand\n\nreading\n\n"
        "## AVG\n\nother\n"
    )
    nieuw = bench_schaal.vervang_meting(oud, f"{bench_last.KOP}\n\nnew table\n", kop=bench_last.KOP)
    assert "new table" in nieuw and "old table" not in nieuw
    assert nieuw.index("new table") < nieuw.index("### Kept by hand") < nieuw.index("## AVG")


def test_rounds_of_one_size_become_the_median_of_their_medians_with_the_spread_shown():
    """`make bench-schaal` measures each size in rounds, the sizes in turn: one slow round
    does not decide a cell (the median of three), and the table shows each round's SQL/floor
    so a ratio that only one round puts over 3× is visible as such."""
    ronden = []
    for sql, vloer, p50 in ((6.0, 2.0, 10.0), (9.0, 1.5, 30.0), (4.0, 2.0, 12.0)):
        meting = _schaal("100k", "/plannen/1/")
        meting["rijen"]["plan"].update(sql=sql, vloer=vloer, p50=p50)
        ronden.append(meting)
    ronden[1]["load"] = 2.5
    samen = bench_schaal.samenvoegen(ronden)
    plan = samen["rijen"]["plan"]
    assert (plan["p50"], plan["sql"], plan["vloer"]) == (12.0, 6.0, 2.0)
    assert plan["ratios"] == [3.0, 6.0, 2.0]
    assert samen["ronden"] == 3 and samen["load"] == 2.5
    tekst = bench_schaal._markdown([samen, bench_schaal.samenvoegen(ronden)], 1.0)
    regel = next(r for r in tekst.splitlines() if r.startswith("| plan"))
    assert "**3.0×** (" in regel and "; rounds 2.0–6.0)" in regel
    assert "in 3 round(s), the sizes in turn" in tekst
