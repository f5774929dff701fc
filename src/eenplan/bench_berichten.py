"""`make bench` (part) and `make bench-berichten`: read, validate, apply and answer 10,000
incoming iWmo/iJw messages with eenplan.berichten on SQLite, compared with parsing the same
files with lxml alone.

A world is made first (not timed): one municipality, 2,100 residents, 420 providers with five
clients each, a toewijzing for every resident. The messages are a realistic mix from those
providers: half declaraties (each provider once a month for all its clients, twelve months in
order as TR318 wants, some lines over the volume), the rest starts, stops (some without a start:
9069), requests for a toewijzing and for a change, and a few reused identificaties (TR056).
Every message goes the whole way the folder connection takes it: kept (`berichten_ontvang`, a
batch per transaction), then read, checked, applied and answered (`berichten_verwerk_batch`: a
batch per transaction, read together, applied in memory, written together).
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import tempfile
import time
from pathlib import Path

AANTAL = int(os.environ.get("BENCH_BERICHTEN", "10000"))
AANBIEDERS = 420  # each claims once a month, in order (TR318): 420 × 12 months ≈ 5,000 claims
INWONERS = 2100  # five clients per provider
MAANDEN = 12


def _wereld():  # type: ignore[no-untyped-def]
    from django.utils import timezone

    from eenplan.aanbieders.models import Aanbieder
    from eenplan.berichten.models import Toewijzing
    from eenplan.gemeente.models import Gemeente, Wijk
    from eenplan.inwoners.models import Inwoner
    from eenplan.rules.bsn import bsn_is_valid

    gemeente = Gemeente.objects.create(cbs_code="GM0983", naam="Venlo")
    wijk = Wijk.objects.create(gemeente=gemeente, naam="Centrum")
    bsns: list[str] = []
    n = 100_000_000
    while len(bsns) < INWONERS:
        n += 1
        if bsn_is_valid(str(n).zfill(9)):
            bsns.append(str(n).zfill(9))
    Inwoner.objects.bulk_create(
        Inwoner(
            gemeente=gemeente,
            bsn=bsn,
            voornamen="Anna",
            achternaam=f"Jansen{i}",
            geboortedatum=dt.date(1950, 1, 1),
            straat="Markt",
            huisnummer=i + 1,
            postcode="5911AA",
            woonplaats="Venlo",
            wijk=wijk,
        )
        for i, bsn in enumerate(bsns)
    )
    inwoners = list(Inwoner.objects.order_by("id"))
    Aanbieder.objects.bulk_create(
        Aanbieder(naam=f"Zorgaanbieder {i + 1}", agb_code=f"98{i + 1:06d}")
        for i in range(AANBIEDERS)
    )
    aanbieders = list(Aanbieder.objects.order_by("id"))
    nu = timezone.now()
    # The toewijzingen started before the first month claimed and run two years.
    begin = timezone.localdate().replace(day=1)
    for _ in range(MAANDEN + 1):
        begin = (begin - dt.timedelta(days=1)).replace(day=1)
    Toewijzing.objects.bulk_create(
        Toewijzing(
            gemeente=gemeente,
            inwoner=inwoner,
            aanbieder=aanbieders[i % len(aanbieders)],
            wet="wmo",
            nummer=i + 1,
            productcategorie="02",
            productcode="02A05",
            toewijzingsdatum=nu,
            ingangsdatum=begin,
            einddatum=begin + dt.timedelta(days=2 * 365),
            volume=3,
            eenheid="04",
            frequentie="2",
            te_melden=False,
        )
        for i, inwoner in enumerate(inwoners)
    )
    return list(Toewijzing.objects.select_related("inwoner", "aanbieder").order_by("nummer"))


def _maanden(vandaag: dt.date) -> list[tuple[dt.date, dt.date]]:
    """The last MAANDEN whole months before this one, oldest first."""
    uit = []
    eind = vandaag.replace(day=1) - dt.timedelta(days=1)
    for _ in range(MAANDEN):
        uit.append((eind.replace(day=1), eind))
        eind = eind.replace(day=1) - dt.timedelta(days=1)
    return list(reversed(uit))


def _berichten(toewijzingen, aantal: int) -> list[bytes]:  # type: ignore[no-untyped-def]
    """Half of the files are declaraties: each provider claims each month once, for all its
    clients, the months in order (TR318), one prestatie per client (now and then over the
    volume: 9321/9322). The other half: starts, stops, requests for a toewijzing and for a
    change, and now and then a second file with an identificatie the provider already used
    for that kind (TR056)."""
    from django.utils import timezone

    from eenplan.istandaarden import bouw
    from eenplan.istandaarden import model as m

    vandaag = timezone.localdate()
    maanden = _maanden(vandaag)
    per_aanbieder: dict[int, list] = {}  # type: ignore[type-arg]
    for t in toewijzingen:
        per_aanbieder.setdefault(t.aanbieder_id, []).append(t)
    # The claims in the order they are sent: month by month, each provider once.
    declaraties = [(maand, ts) for maand in maanden for ts in per_aanbieder.values()]
    overig = ["305", "307", "305", "315", "317"]
    out: list[bytes] = []
    laatste: dict[tuple[str, str], str] = {}

    def header(t, ident: str) -> m.Header:  # type: ignore[no-untyped-def]
        return m.Header(t.aanbieder.agb_code, "0983", m.BerichtIdentificatie(ident, vandaag))

    def client(t) -> dict:  # type: ignore[no-untyped-def,type-arg]
        return {
            "bsn": t.inwoner.bsn,
            "geboortedatum": m.Geboortedatum(t.inwoner.geboortedatum),
            "geslacht": "2",
            "naam": m.VerkorteNaam(m.Achternaam(t.inwoner.achternaam)),
        }

    n_declaratie = n_overig = 0
    for i in range(aantal):
        if i % 2 == 0 and n_declaratie < len(declaraties):
            code = "323"
        else:
            code = overig[n_overig % len(overig)]
            n_overig += 1
        t = toewijzingen[(i * 7) % len(toewijzingen)]
        ident = f"B{i}"
        sleutel = (t.aanbieder.agb_code, code)
        if code != "323" and i % 97 == 1 and sleutel in laatste:
            ident = laatste[sleutel]  # an identificatie used before: TR056 (9056)
        laatste[sleutel] = ident
        product = m.Product("02", "02A05")
        if code == "305":
            bericht: m.Bericht = m.Startbericht(
                "wmo",
                header(t, ident),
                m.Client305(
                    **client(t),
                    start_producten=[
                        m.StartProduct(
                            begindatum=t.ingangsdatum + dt.timedelta(days=i % 5),
                            toewijzing_nummer=t.nummer,
                            product=product,
                            toewijzing_ingangsdatum=t.ingangsdatum,
                        )
                    ],
                ),
            )
        elif code == "307":
            bericht = m.Stopbericht(
                "wmo",
                header(t, ident),
                m.Client307(
                    **client(t),
                    stop_producten=[
                        m.StopProduct(
                            begindatum=t.ingangsdatum,
                            reden_beeindiging="19",
                            einddatum=vandaag - dt.timedelta(days=1),
                            toewijzing_nummer=t.nummer,
                            product=product,
                            toewijzing_ingangsdatum=t.ingangsdatum,
                        )
                    ],
                ),
            )
        elif code == "315":
            bericht = m.VerzoekOmToewijzing(
                "wmo",
                header(t, ident),
                m.Client315(
                    **client(t),
                    aangevraagde_producten=[
                        m.AangevraagdProduct(
                            referentie_aanbieder=f"R{i}",
                            toewijzing_ingangsdatum=vandaag,
                            verwijzer=m.Verwijzer("01"),
                            product=product,
                            omvang=m.Omvang(2, "04", "2"),
                        )
                    ],
                ),
            )
        elif code == "317":
            bericht = m.VerzoekOmWijziging(
                "wmo",
                header(t, ident),
                m.Client317(
                    bsn=t.inwoner.bsn,
                    verzoek=m.Verzoek(
                        referentie_aanbieder=f"R{i}",
                        reden_verzoek="1",
                        te_wijzigen_producten=[
                            m.TeWijzigenProduct(
                                toewijzing_nummer=t.nummer,
                                gewenste_ingangsdatum=vandaag,
                                omvang=m.Omvang(4, "04", "2"),
                            )
                        ],
                    ),
                ),
            )
        else:
            (maand_begin, maand_eind), ts = declaraties[n_declaratie]
            n_declaratie += 1
            t = ts[0]
            clienten = []
            totaal = 0
            for k, tk in enumerate(ts):
                volume = 2 + (i + k) % 7 if (i + k) % 11 else 60  # now and then too much: 9321
                clienten.append(
                    m.DeclaratieClient(
                        bsn=tk.inwoner.bsn,
                        prestaties=[
                            m.Prestatie(
                                product_referentie=m.Referentie(f"P{i}-{k}"),
                                toewijzing_nummer=tk.nummer,
                                product_categorie="02",
                                product_code="02A05",
                                product_periode=m.GeslotenPeriode(maand_begin, maand_eind),
                                geleverd_volume=volume,
                                eenheid="04",
                                product_tarief=3000,
                                ingediend_bedrag=m.BedragMetDC(volume * 3000, "D"),
                            )
                        ],
                    )
                )
                totaal += volume * 3000
            bericht = m.Declaratiebericht(
                "wmo",
                header(t, ident),
                m.Declaratie(
                    declaratie_nummer=f"D{i}",
                    declaratie_periode=m.GeslotenPeriode(maand_begin, maand_eind),
                    declaratie_dagtekening=vandaag,
                    totaal_ingediend_bedrag=m.TotaalBedragMetDC(totaal, "D"),
                    clienten=clienten,
                ),
            )
        out.append(bouw(bericht))
    return out


def meting(aantal: int = AANTAL) -> list[str]:
    """Run the measurement in the current (empty, migrated) database; returns Markdown lines."""
    from django.db import connection
    from lxml import etree

    from eenplan.berichten.constants import BerichtStatus, Kanaal
    from eenplan.berichten.models import Bericht
    from eenplan.berichten.services import BATCH, berichten_ontvang, berichten_verwerk_batch

    toewijzingen = _wereld()
    data = _berichten(toewijzingen, aantal)
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    start, cpu_start = time.perf_counter(), time.process_time()
    for d in data:
        etree.fromstring(d, parser)
    lxml_s = time.perf_counter() - start
    lxml_cpu = time.process_time() - cpu_start

    sched_start = _planner()
    start, cpu_start = time.perf_counter(), time.process_time()
    for eerste in range(0, len(data), BATCH):
        # As the folder connection does: a batch kept in one transaction, then processed
        # (`berichten_verwerk_batch`: one transaction per batch, a savepoint per message).
        ids = [
            b.pk
            for b, _nieuw in berichten_ontvang(
                [(d, f"{eerste + i}.xml") for i, d in enumerate(data[eerste : eerste + BATCH])],
                kanaal=Kanaal.MAP,
            )
        ]
        berichten_verwerk_batch(ids)
    totaal_s = time.perf_counter() - start
    cpu_s = time.process_time() - cpu_start
    sched_eind = _planner()

    per_status = {
        BerichtStatus(s).label: Bericht.objects.filter(richting="in", status=s).count()
        for s in BerichtStatus.values
    }
    uit = Bericht.objects.filter(richting="uit").count()
    per_s = aantal / totaal_s
    rustig: list[str] = []
    rustig_per_s = None
    if sched_start is not None and sched_eind is not None:
        op_cpu = sched_eind[0] - sched_start[0]
        wachten = sched_eind[1] - sched_start[1]
        geblokkeerd = max(0.0, totaal_s - op_cpu - wachten)
        rustig_per_s = aantal / (op_cpu + geblokkeerd)
        rustig = [
            f"Of the {totaal_s:.1f} s of wall clock, by the kernel's scheduler statistics "
            f"(`/proc/thread-self/schedstat`): {op_cpu:.2f} s on a CPU, {wachten:.2f} s "
            f"waiting in the run queue for a CPU that other work held, {geblokkeerd:.2f} s "
            "blocked (disk, "
            f"locks). Without the wait, as on a quiet core: {op_cpu + geblokkeerd:.1f} s, "
            f"{rustig_per_s:,.0f} messages per second.",
            "",
        ]
    return [
        "## iWmo/iJw messages: read, validate, apply and answer 10,000 incoming messages "
        "(`eenplan.berichten`)",
        "",
        "Generated by `make bench` / `make bench-berichten` (src/eenplan/bench_berichten.py).",
        "",
        f"- Run on {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC; {_cpu()}, {os.cpu_count()} "
        f"CPUs, Python {platform.python_version()}, database {connection.vendor}; load "
        f"average {_last():.1f}",
        f"- {aantal:,} files from {AANBIEDERS} providers about {INWONERS:,} residents with a "
        f"toewijzing: half declaraties (each provider claims each of {MAANDEN} months once, in "
        "order, for all its clients — TR318; some lines over the volume: 9321/9322), starts "
        "(repeated ones: 9074), stops whose key matches no start (9069), requests 315/317 (a "
        "second one while one is open: 9374), and now and then an identificatie the provider "
        "already used (TR056: 9056). "
        "Each is kept, read with the hardened reader, checked with the rules of "
        f"`eenplan.istandaarden`, applied and answered (retour or 325), {BATCH} per "
        "transaction (read together, applied in memory, written together), with its events "
        "in the dossier timelines.",
        f"- Outcome: {', '.join(f'{v:,} {k.lower()}' for k, v in per_status.items() if v)}; "
        f"{uit:,} answers written",
        "",
        "| Step | seconds (wall) | messages per second | CPU seconds | messages per CPU "
        "second | CPU time relative to lxml alone |",
        "|---|---:|---:|---:|---:|---:|",
        f"| lxml alone (`etree.fromstring`) | {lxml_s:.2f} | {aantal / lxml_s:,.0f} | "
        f"{lxml_cpu:.2f} | {aantal / lxml_cpu:,.0f} | 1.0× |",
        f"| eenplan.berichten: keep, read, check, apply, answer | {totaal_s:.2f} | "
        f"{per_s:,.0f} | {cpu_s:.1f} | {aantal / cpu_s:,.0f} | {cpu_s / lxml_cpu:,.0f}× |",
        "",
        "On a shared machine the wall clock also counts the time other work held the CPUs; "
        "the CPU seconds of this process (SQLite runs inside it) are what the work itself "
        "costs.",
        "",
        *rustig,
        f"Target: at least 1,000 messages per second on SQLite — "
        f"{'met' if per_s >= 1000 else 'NOT met'} on this run's wall clock ({per_s:,.0f}/s"
        + (
            f"; {'met' if rustig_per_s >= 1000 else 'NOT met'} on a quiet core: "
            f"{rustig_per_s:,.0f}/s"
            if rustig_per_s is not None
            else ""
        )
        + f"; {aantal / cpu_s:,.0f}/s per CPU second).",
        "",
    ]


def _planner() -> tuple[float, float] | None:
    """(seconds this thread ran on a CPU, seconds it waited in the run queue) so far, from
    Linux's scheduler statistics; None where they are not available."""
    try:
        op_cpu, wachten, _ = Path("/proc/thread-self/schedstat").read_text().split()
    except (OSError, ValueError):
        return None
    return int(op_cpu) / 1e9, int(wachten) / 1e9


def _last() -> float:
    try:
        return os.getloadavg()[0]
    except (AttributeError, OSError):
        return 0.0


def _cpu() -> str:
    try:
        for regel in Path("/proc/cpuinfo").read_text().splitlines():
            if regel.startswith("model name"):
                return regel.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "onbekende processor"


BEGIN = "<!-- berichten:begin -->"
EINDE = "<!-- berichten:einde -->"


def main() -> None:
    workdir = Path(tempfile.mkdtemp(prefix="eenplan-bench-berichten-"))
    os.environ["EENPLAN_VAR_DIR"] = str(workdir)
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "eenplan.conf.dev")
    import logging

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    # As in production (and as `make bench` does for the pages): no query log of every
    # statement, which with DEBUG formats each bulk INSERT's parameters into its text.
    settings.DEBUG = False
    logging.getLogger("eenplan.berichten").setLevel(logging.ERROR)
    call_command("migrate", verbosity=0)
    text = "\n".join(meting())
    print(text)
    target = Path(__file__).resolve().parents[2] / "docs" / "benchmarks.md"
    if target.exists() and AANTAL >= 10_000:
        oud = target.read_text()
        blok = f"{BEGIN}\n{text}{EINDE}\n"
        if BEGIN in oud and EINDE in oud:
            nieuw = oud[: oud.index(BEGIN)] + blok + oud[oud.index(EINDE) + len(EINDE) + 1 :]
        else:
            nieuw = oud.rstrip("\n") + "\n\n" + blok
        target.write_text(nieuw)
        print(f"Written to {target}")


if __name__ == "__main__":
    main()
