"""`eenplan demo --inwoners N`: build the fictitious demo municipality Maasdal."""

from __future__ import annotations

import contextlib
import datetime as dt
import time
from collections.abc import Iterator
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone
from tqdm import tqdm

from eenplan.demo.berichten import maanden_aantal
from eenplan.demo.builder import DEFAULT_PEILDATUM, build_demo
from eenplan.demo.data import GEMEENTE
from eenplan.demo.historie import aantallen
from eenplan.gemeente.models import Gemeente
from eenplan.sturing.metingen import jaren_terug
from eenplan.sturing.services import momentopnamen_take


@contextlib.contextmanager
def zonder_querylog() -> Iterator[None]:
    """The build without Django's record of every query (`connection.queries`, kept while
    DEBUG is on, as the development settings of `make run` have it). The build sends hundreds of
    thousands of queries; with server-side binding (ADR 0051) the debug cursor first composes
    each one's text through a client cursor to keep it: 30 % of the build's time (10,000
    residents: 106 s against 74 s without; docs/benchmarks.md). Nothing reads that record here."""
    vorig = settings.DEBUG
    settings.DEBUG = False
    try:
        yield
    finally:
        settings.DEBUG = vorig


class Command(BaseCommand):
    help = "Bouwt de fictieve demogemeente Maasdal met inwoners, huishoudens, netwerk en teams."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--inwoners", type=int, default=20_000, help="Aantal inwoners (standaard 20.000)."
        )
        parser.add_argument(
            "--seed",
            type=int,
            default=2015,
            help="Startwaarde van het toeval; dezelfde seed geeft dezelfde gemeente.",
        )
        parser.add_argument(
            "--peildatum",
            type=dt.date.fromisoformat,
            default=DEFAULT_PEILDATUM,
            help="Datum waarop leeftijden en lidmaatschappen kloppen (jjjj-mm-dd).",
        )
        parser.add_argument(
            "--if-empty", action="store_true", help="Niets doen als de demogemeente al bestaat."
        )
        parser.add_argument(
            "--hervat",
            action="store_true",
            help="Een afgebroken opbouw voortzetten na de laatste vastgelegde batch (zelfde "
            "--inwoners en --seed).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        with zonder_querylog():
            self._bouw(options)

    def _bouw(self, options: dict[str, Any]) -> None:
        n = options["inwoners"]
        if n < 1:
            raise CommandError("--inwoners moet minstens 1 zijn.")
        if Gemeente.objects.filter(cbs_code=GEMEENTE[0]).exists() and not options["hervat"]:
            if options["if_empty"]:
                self.stdout.write("De demogemeente bestaat al; niets gedaan.")
                return
            raise CommandError(
                "De demogemeente bestaat al. Begin met een lege database "
                "(zie DATABASE_URL), gebruik --if-empty, of --hervat om een afgebroken opbouw "
                "voort te zetten."
            )
        started = time.perf_counter()
        _, live_bulk, eerder = aantallen(n)
        uit = self.stderr._out  # noqa: SLF001
        with (
            tqdm(total=n, unit=" inwoners", desc="Inwoners", mininterval=2, file=uit) as bar,
            tqdm(
                total=live_bulk + eerder,
                unit=" meldingen",
                desc="Vijf jaar zaken",
                mininterval=2,
                file=uit,
            ) as historie_bar,
            tqdm(
                total=maanden_aantal(timezone.localdate()),
                unit=" maanden",
                desc="Berichtenverkeer",
                mininterval=2,
                file=uit,
            ) as berichten_bar,
        ):
            result = build_demo(
                inwoners=n,
                seed=options["seed"],
                peildatum=options["peildatum"],
                progress=bar.update,
                hervat=options["hervat"],
                progress_historie=historie_bar.update,
                progress_berichten=berichten_bar.update,
            )
        # A year of monthly snapshots of the indicators, so the trends have something to show.
        vorige = timezone.localdate().replace(day=1) - dt.timedelta(days=1)
        opnamen = momentopnamen_take(
            gemeente_id=result.gemeente.pk,
            van=jaren_terug(vorige, 1) + dt.timedelta(days=1),
            tot=vorige,
        )
        seconds = time.perf_counter() - started
        self.stdout.write(
            self.style.SUCCESS(
                f"Demogemeente {result.gemeente.naam} klaar in {seconds:.1f} s: {result.inwoners} "
                f"inwoners, {result.huishoudens} huishoudens, "
                f"{result.netwerkpersonen} netwerkpersonen, {result.meldingen} meldingen, "
                f"{result.beschikkingen} beschikkingen, {result.berichten} iWmo/iJw-berichten, "
                f"{len(opnamen)} momentopnamen van de "
                "indicatoren."
            )
        )
