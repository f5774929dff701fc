"""A year of iWmo/iJw message traffic for the demo's ZIN beschikkingen (issue 11), in bulk
(issue 16): the 301 toewijzing on the day a beschikking was sent, fetched by the provider the
next working day and answered with its 302 retour, the 305 start when delivery began (and its
306), a 307 stop when the provision ended (308), a 323 declaratie per provider and law every
month with its 325 answer — and at the end a few requests (315, 317) waiting for an answer, so
the worklist has something due.

Every message is real: made with the product's message library (`eenplan.istandaarden`) and
stored by the `berichten` app's own services — the 301s by its bulk path
(`toewijzingen_voor_beschikkingen`, the rows and messages of `toewijzingen_voor_beschikking`),
the provider's files kept as received (`berichten_ontvang` with the moment each arrived) and
processed as the worker does (`berichten_verwerk_batch(…, op_ontvangst=True)`: read, checked
against the library's rules, applied and answered, each as on the day it arrived). Nothing here
writes a message row itself, and no return code is written here: the faults below are played
into the files (a claim over the assigned volume, an amount that is not volume × tariff, a
product period outside the toewijzing, the tariff of before an indexation, a mistyped
toewijzing number, a stop without a start, the same file sent twice, a truncated upload) and
the rule checks give them their codes (9321, 9346, 9307/9308, 0611, 9019, 9069, 9056, 0001).

Scale: at most `BERICHTEN_MAX` beschikkingen get their traffic — all of the last year's up to
about 120,000 residents; beyond that a sample spread over the year (docs/benchmarks.md). The
year is played per calendar month, each month one transaction: a build that stops continues
with the first month not committed (`--hervat`). Every month draws from its own random stream
(seed, month) and the plan of the year (which beschikkingen, when each delivery started) from
one of its own, so a resumed build plays the same traffic. Memory stays flat: the plan holds
ids and dates of at most `BERICHTEN_MAX` beschikkingen, a month at most their messages.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from django.apps import apps
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from eenplan.aanbieders.models import Aanbieder
from eenplan.aanbieders.selectors import contract_tarief
from eenplan.berichten.constants import BerichtStatus, Kanaal, Richting
from eenplan.berichten.models import Bericht, Toewijzing
from eenplan.berichten.services import (
    berichten_ontvang,
    berichten_opgehaald,
    berichten_verwerk_batch,
    toewijzingen_voor_beschikkingen,
)
from eenplan.beschikkingen.constants import Uitkomst
from eenplan.beschikkingen.models import BeschikteVoorziening
from eenplan.demo.bulk import statistieken
from eenplan.gemeente.models import Gemeente
from eenplan.inwoners.models import Inwoner
from eenplan.istandaarden import bouw, lees
from eenplan.istandaarden import model as m
from eenplan.istandaarden.antwoorden import retourbericht
from eenplan.istandaarden.regels import IV077
from eenplan.voorzieningen.models import Voorziening

# At most this many ZIN beschikkingen of the last year get their traffic: at 20,000 residents
# (`make run`) all of them (about 620), at 100,000 all (about 3,350), at 1,000,000 a sample of
# this many out of about 30,000, spread over the year (issue 16: the whole build under 15
# minutes; docs/benchmarks.md).
BERICHTEN_MAX = 4000
BRON_RANDOM = 11  # seed offset of the traffic's own random streams (issue 11)
# The provider's files arrive through the provider API (`Kanaal.API`).
KANAAL = Kanaal.API
# What share of the files and claim lines carries a fault the rules catch.
DUBBEL = 0.02  # a 305 sent twice with the same identificatie (TR056, 9056)
ZONDER_START = 0.015  # a 307 for a delivery never reported started (TR069, 9069)
VERKEERD_NUMMER = 0.01  # a 305 with a mistyped ToewijzingNummer (TR019, 9019), then corrected
OVER_VOLUME = 0.03  # more than the assigned volume (TR321, 9321)
BEDRAG = 0.02  # an amount that is not volume × tariff (TR346, 9346)
PERIODE = 0.01  # a product period outside the toewijzing (TR307/TR308, 9307/9308)
ANDER_TARIEF = 0.005  # not the contract's tariff (TR418, 0611)
OUD_TARIEF = 0.5  # in the first month after an indexation: still the old tariff (0611)


@dataclass
class Teller:
    berichten: int = 0
    afgekeurd: int = 0


@dataclass(frozen=True)
class _Zaak:
    """One granted ZIN provision of a beschikking sent in the last year, and its plan."""

    beschikking_id: int
    bv_id: int
    inwoner_id: int
    verzonden: dt.date
    begin: dt.date
    einde: dt.date | None
    aanbieder_id: int
    voorziening_id: int
    start: dt.date  # the day the provider reports the start (305)
    fout: str = ""  # "zonder_start", "dubbel", "verkeerd_nummer" or ""


@dataclass
class _T:
    """A toewijzing as the traffic needs it (read with values_list, not as a model)."""

    id: int
    nummer: int
    wet: str
    productcategorie: str
    productcode: str
    ingangsdatum: dt.date
    einddatum: dt.date | None
    volume: int | None
    eenheid: str
    frequentie: str
    uitvoeringsvariant: str

    def als_product(self) -> m.ToegewezenProduct:
        return m.ToegewezenProduct(
            toewijzing_nummer=self.nummer,
            toewijzingsdatum=self.ingangsdatum,
            toewijzingstijd=dt.time(9),
            ingangsdatum=self.ingangsdatum,
            einddatum=self.einddatum,
            product=m.Product(self.productcategorie, self.productcode or None),
            omvang=(
                m.Omvang(self.volume, self.eenheid, self.frequentie)
                if self.volume is not None
                else None
            ),
        )


def _werkdag_na(dag: dt.date) -> dt.date:
    dag += dt.timedelta(days=1)
    while dag.weekday() >= 5:
        dag += dt.timedelta(days=1)
    return dag


def _moment(dag: dt.date, uur: int = 9, minuut: int = 0) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(dag, dt.time(uur, minuut)))


def _maand_eind(begin: dt.date) -> dt.date:
    return (begin + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)


def _maanden(van: dt.date, tot: dt.date) -> list[tuple[dt.date, dt.date]]:
    """The calendar months from `van` up to `tot`, each as [begin, end) clipped to them."""
    uit = []
    begin = van
    while begin < tot:
        volgende = (begin.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
        uit.append((begin, min(volgende, tot)))
        begin = volgende
    return uit


def maanden_aantal(vandaag: dt.date) -> int:
    """How many months the traffic plays (for a progress bar)."""
    return len(_maanden(vandaag - dt.timedelta(days=365), vandaag))


def _plan(gemeente: Gemeente, seed: int, vandaag: dt.date, maximaal: int) -> list[_Zaak]:
    """The ZIN provisions of the beschikkingen sent in the last year (ids and dates only), at
    most `maximaal` beschikkingen (a sample spread over the year), with the day each delivery
    starts and the fault its start or stop carries."""
    rng = random.Random(seed * 1000 + BRON_RANDOM * 10)  # noqa: S311 - demo data
    jaar_terug = vandaag - dt.timedelta(days=365)
    rijen = list(
        BeschikteVoorziening.objects.filter(
            beschikking__gemeente=gemeente,
            beschikking__verzonden_op__gte=jaar_terug,
            beschikking__verzonden_op__lt=vandaag,
            leveringsvorm="zin",
            aanbieder__isnull=False,
            begin__isnull=False,
            voorziening__wet__in=["wmo", "jeugd"],
        )
        .exclude(uitkomst=Uitkomst.AFGEWEZEN)
        .exclude(aanbieder__agb_code="")
        .order_by("beschikking_id", "id")
        .values_list(
            "beschikking_id",
            "id",
            "beschikking__inwoner_id",
            "beschikking__verzonden_op",
            "begin",
            "einde",
            "aanbieder_id",
            "voorziening_id",
        )
    )
    # The whole cases' beschikkingen were sent through the services, their 301s made then (the
    # build's day): they keep that story. This step's toewijzingen carry the sending moment.
    eigen_verhaal = {
        bv_id
        for bv_id, moment, verzonden in Toewijzing.objects.filter(
            gemeente=gemeente,
            beschikte_voorziening__beschikking__verzonden_op__gte=jaar_terug,
        ).values_list(
            "beschikte_voorziening_id",
            "toewijzingsdatum",
            "beschikte_voorziening__beschikking__verzonden_op",
        )
        if timezone.localdate(moment) != verzonden
    }
    rijen = [r for r in rijen if r[1] not in eigen_verhaal]
    ids = sorted({r[0] for r in rijen})
    if len(ids) > maximaal:
        gekozen = set(rng.sample(ids, maximaal))
        rijen = [r for r in rijen if r[0] in gekozen]
    zaken = []
    for b_id, bv_id, inwoner_id, verzonden, begin, einde, aanbieder_id, voorziening_id in rijen:
        start = max(begin, verzonden) + dt.timedelta(days=rng.randint(0, 4))
        kans = rng.random()
        fout = (
            "zonder_start"
            if kans < ZONDER_START
            else "dubbel"
            if kans < ZONDER_START + DUBBEL
            else "verkeerd_nummer"
            if kans < ZONDER_START + DUBBEL + VERKEERD_NUMMER
            else ""
        )
        zaken.append(
            _Zaak(
                b_id,
                bv_id,
                inwoner_id,
                verzonden,
                begin,
                einde,
                aanbieder_id,
                voorziening_id,
                start,
                fout,
            )
        )
    zaken.sort(key=lambda z: (z.verzonden, z.beschikking_id, z.bv_id))
    return zaken


def build_berichten(
    *,
    gemeente: Gemeente,
    seed: int,
    vandaag: dt.date,
    maximaal: int | None = None,
    progress: Callable[[int], None] = lambda n: None,
) -> Teller:
    """Play the last year's traffic month by month, each month committed on its own; skip the
    months a previous (interrupted) build committed. `progress` gets 1 per month. Returns the
    messages of the municipality's traffic (all of it, also what the services made) and how
    many of them were not (wholly) accepted. `maximaal`: the cap (default `BERICHTEN_MAX`)."""
    zaken = _plan(gemeente, seed, vandaag, BERICHTEN_MAX if maximaal is None else maximaal)
    jaar_terug = vandaag - dt.timedelta(days=365)
    maanden = _maanden(jaar_terug, vandaag)
    verkeer = _Verkeer(gemeente, zaken, vandaag)
    for index, (van, tot) in enumerate(maanden):
        if verkeer.klaar(index):
            progress(1)
            continue
        rng = random.Random(seed * 1000 + BRON_RANDOM * 10 + 1 + index)  # noqa: S311 - demo data
        with transaction.atomic():
            verkeer.maand(index, van, tot, rng, laatste=index == len(maanden) - 1)
        # Fresh statistics of what the month wrote: PostgreSQL plans a foreign-key check once
        # per connection and plans it again when the table's statistics change; planned on
        # the nearly empty tables of the first month, the checks at each commit scanned every
        # message (20 s per month at 100,000 residents, growing; demo.bulk.statistieken).
        statistieken(*apps.get_app_config("berichten").get_models())
        progress(1)
    alle = Bericht.objects.filter(Q(gemeente=gemeente) | Q(gemeente__isnull=True))
    return Teller(
        berichten=alle.count(),
        afgekeurd=alle.filter(
            status__in=[
                BerichtStatus.AFGEKEURD,
                BerichtStatus.DEELS_AFGEKEURD,
                BerichtStatus.ONLEESBAAR,
                BerichtStatus.DUBBEL,
                BerichtStatus.RETOUR_AFGEKEURD,
            ]
        ).count(),
    )


@dataclass
class _Post:
    """The files the providers send in one month: (moment, provider, bytes)."""

    bestanden: list[tuple[dt.datetime, int, bytes]] = field(default_factory=list)


class _Verkeer:
    """Plays the traffic of one demo municipality, a month at a time."""

    def __init__(self, gemeente: Gemeente, zaken: list[_Zaak], vandaag: dt.date) -> None:
        self.gemeente = gemeente
        self.zaken = zaken
        self.vandaag = vandaag
        self.code = gemeente.cbs_code.removeprefix("GM")
        self.aanbieders = {
            a.pk: a for a in Aanbieder.objects.filter(pk__in={z.aanbieder_id for z in zaken})
        }
        self.voorzieningen = {
            v.pk: v for v in Voorziening.objects.filter(pk__in={z.voorziening_id for z in zaken})
        }
        self._tarieven: dict[tuple[int, int, dt.date], int | None] = {}
        self.volgnummer = 0
        self.index = 0
        self._inwoners_cache: dict[int, tuple[str, dt.date, m.VerkorteNaam]] | None = None

    # --- resuming --------------------------------------------------------------------------

    @staticmethod
    def _voorvoegsel(index: int) -> str:
        return f"DV{index:02d}"

    def klaar(self, index: int) -> bool:
        """A month is committed as a whole: one of its files there means all of it is."""
        return Bericht.objects.filter(
            richting=Richting.IN,
            kanaal=KANAAL,
            aanbieder_id__in=list(self.aanbieders),
            identificatie__startswith=self._voorvoegsel(index),
        ).exists()

    def _identificatie(self) -> str:
        """A provider's message identificatie (12 characters), unique per month and file."""
        self.volgnummer += 1
        return f"{self._voorvoegsel(self.index)}{self.volgnummer:08d}"

    # --- one month -------------------------------------------------------------------------

    def maand(
        self, index: int, van: dt.date, tot: dt.date, rng: random.Random, *, laatste: bool
    ) -> None:
        """Everything that happened from `van` up to `tot`: the beschikkingen sent (their 301s),
        the providers' files, and their processing in the order they arrived."""
        self.index, self.volgnummer = index, 0
        post = _Post()
        verzonden = [z for z in self.zaken if van <= z.verzonden < tot]
        toewijzingen_voor_beschikkingen(
            list(dict.fromkeys((z.beschikking_id, _moment(z.verzonden, 10)) for z in verzonden))
        )
        toewijzingen = self._toewijzingen()
        inwoners = self._inwoners()
        self._retouren(van, tot, post)
        for z in self.zaken:
            t = toewijzingen.get(z.bv_id)
            if t is None:
                continue
            self._start_en_stop(z, t, inwoners[z.inwoner_id], van, tot, rng, post)
        # The claims of every month whose 323 is sent (on the 5th of the next) in this one.
        for begin, _ in _maanden(self.vandaag - dt.timedelta(days=365), self.vandaag):
            maand_eind = _maand_eind(begin.replace(day=1))
            dag = maand_eind + dt.timedelta(days=5)
            if van <= dag < tot:
                self._declaraties(
                    begin.replace(day=1), maand_eind, dag, toewijzingen, inwoners, rng, post
                )
        if laatste:
            self._verzoeken(toewijzingen, inwoners, rng, post)
            # A truncated file from a provider's broken upload: kept, answered with 0001.
            if self.aanbieders:
                eerste = min(self.aanbieders)
                post.bestanden.append(
                    (
                        _moment(self.vandaag - dt.timedelta(days=1), 11),
                        eerste,
                        b"<?xml version='1.0' encoding='UTF-8'?><wmo323:Bericht",
                    )
                )
        self._verwerk(post)

    def _toewijzingen(self) -> dict[int, _T]:
        """The toewijzingen the plan's provisions got (by provision), as values."""
        uit: dict[int, _T] = {}
        bv_ids = [z.bv_id for z in self.zaken]
        for start in range(0, len(bv_ids), 5000):
            for bv_id, *waarden in Toewijzing.objects.filter(
                beschikte_voorziening_id__in=bv_ids[start : start + 5000]
            ).values_list(
                "beschikte_voorziening_id",
                "id",
                "nummer",
                "wet",
                "productcategorie",
                "productcode",
                "ingangsdatum",
                "einddatum",
                "volume",
                "eenheid",
                "frequentie",
                "uitvoeringsvariant",
            ):
                uit[bv_id] = _T(*waarden)
        return uit

    def _inwoners(self) -> dict[int, tuple[str, dt.date, m.VerkorteNaam]]:
        """The residents of the plan: BSN, date of birth and name (read once)."""
        if self._inwoners_cache is not None:
            return self._inwoners_cache
        uit: dict[int, tuple[str, dt.date, m.VerkorteNaam]] = {}
        self._inwoners_cache = uit
        ids = list({z.inwoner_id for z in self.zaken})
        for start in range(0, len(ids), 5000):
            for pk, bsn, geboren, voornamen, voorvoegsel, achternaam in Inwoner.objects.filter(
                id__in=ids[start : start + 5000]
            ).values_list("id", "bsn", "geboortedatum", "voornamen", "voorvoegsel", "achternaam"):
                uit[pk] = (
                    bsn,
                    geboren,
                    m.VerkorteNaam(
                        m.Achternaam(achternaam[:25], voorvoegsel or None),
                        voorletters=(voornamen[:1] or None),
                    ),
                )
        return uit

    def _header(self, aanbieder_id: int, dag: dt.date) -> m.Header:
        return m.Header(
            self.aanbieders[aanbieder_id].agb_code,
            self.code,
            m.BerichtIdentificatie(self._identificatie(), dag),
        )

    def _stuur(
        self, post: _Post, aanbieder_id: int, dag: dt.date, bericht: m.Bericht, rng: random.Random
    ) -> None:
        post.bestanden.append(
            (_moment(dag, rng.randint(8, 16), rng.randint(0, 59)), aanbieder_id, bouw(bericht))
        )

    def _retouren(self, van: dt.date, tot: dt.date, post: _Post) -> None:
        """The 301s the providers fetch in this month (the next working day after sending)
        and their 302 on each."""
        beschikkingen = {
            z.beschikking_id
            for z in self.zaken
            if van <= _werkdag_na(z.verzonden) < tot and _werkdag_na(z.verzonden) < self.vandaag
        }
        if not beschikkingen:
            return
        opgehaald = []
        for pk, aanbieder_id, moment, inhoud in (
            Bericht.objects.filter(
                richting=Richting.UIT, code="301", beschikking_id__in=beschikkingen
            )
            .order_by("moment", "id")
            .values_list("id", "aanbieder_id", "moment", "inhoud")
        ):
            dag = _werkdag_na(timezone.localdate(moment))
            if dag >= self.vandaag:
                continue  # still in the outbox
            opgehaald.append((pk, _moment(dag, 7, 30)))
            heen = lees(bytes(inhoud))
            retour = retourbericht(heen, identificatie=self._identificatie(), dagtekening=dag)
            post.bestanden.append((_moment(dag, 8, 15), aanbieder_id, bouw(retour)))
        berichten_opgehaald(opgehaald)

    def _start_en_stop(
        self,
        z: _Zaak,
        t: _T,
        inwoner: tuple[str, dt.date, m.VerkorteNaam],
        van: dt.date,
        tot: dt.date,
        rng: random.Random,
        post: _Post,
    ) -> None:
        bsn, geboren, naam = inwoner
        if z.start >= self.vandaag:
            return
        if z.fout == "zonder_start":
            # A stop for a delivery the provider never reported started: 9069.
            if van <= z.start < tot:
                self._stop(z, t, inwoner, z.start, z.start, rng, post)
            return
        if van <= z.start < tot:
            dag = z.start
            if z.fout == "verkeerd_nummer":
                # A ToewijzingNummer with a digit typed too many: no current toewijzing has
                # it (9019); sent again correctly three days later.
                self._start(z, t, bsn, geboren, naam, z.start, dag, rng, post, t.nummer * 10 + 7)
                dag += dt.timedelta(days=3)
            if dag < self.vandaag:
                self._start(z, t, bsn, geboren, naam, z.start, dag, rng, post)
        # The stop, two days after the delivery ended (the key is the start's begindatum): the
        # provision's end, or for a total within the validity (a wheelchair, frequentie 6) the
        # end of the month it was handed over — claimed once, nothing delivered after it.
        einde = t.einddatum
        if t.frequentie == "6":
            einde = min(einde or dt.date.max, _maand_eind(z.start.replace(day=1)))
        if einde is not None and einde < self.vandaag - dt.timedelta(days=3):
            dag = einde + dt.timedelta(days=2)
            if van <= dag < tot and z.start <= einde:
                self._stop(z, t, inwoner, z.start, dag, rng, post, einde)

    def _start(
        self,
        z: _Zaak,
        t: _T,
        bsn: str,
        geboren: dt.date,
        naam: m.VerkorteNaam,
        begin: dt.date,
        dag: dt.date,
        rng: random.Random,
        post: _Post,
        nummer: int | None = None,
    ) -> None:
        bericht = m.Startbericht(
            wet=t.wet,  # type: ignore[arg-type]
            header=self._header(z.aanbieder_id, dag),
            client=m.Client305(
                bsn=bsn,
                geboortedatum=m.Geboortedatum(geboren),
                geslacht="0",
                naam=naam,
                start_producten=[
                    m.StartProduct(
                        begindatum=begin,
                        toewijzing_nummer=nummer or t.nummer,
                        product=m.Product(t.productcategorie, t.productcode or None),
                        toewijzing_ingangsdatum=t.ingangsdatum,
                    )
                ],
            ),
        )
        self._stuur(post, z.aanbieder_id, dag, bericht, rng)
        if z.fout == "dubbel" and dag + dt.timedelta(days=1) < self.vandaag:
            # Sent again by the provider's software the next day, the same identificatie
            # (TR056, 9056).
            bericht.header.bericht_identificatie.dagtekening = dag + dt.timedelta(days=1)
            self._stuur(post, z.aanbieder_id, dag + dt.timedelta(days=1), bericht, rng)

    def _stop(
        self,
        z: _Zaak,
        t: _T,
        inwoner: tuple[str, dt.date, m.VerkorteNaam],
        begin: dt.date,
        dag: dt.date,
        rng: random.Random,
        post: _Post,
        einde: dt.date | None = None,
    ) -> None:
        bsn, geboren, naam = inwoner
        bericht = m.Stopbericht(
            wet=t.wet,  # type: ignore[arg-type]
            header=self._header(z.aanbieder_id, dag),
            client=m.Client307(
                bsn=bsn,
                geboortedatum=m.Geboortedatum(geboren),
                geslacht="0",
                naam=naam,
                stop_producten=[
                    m.StopProduct(
                        begindatum=begin,
                        # WJ588/JZ588: 19 "levering is beëindigd" (Wmo), 31 "volgens plan" (Jw)
                        reden_beeindiging="19" if t.wet == "wmo" else "31",
                        einddatum=einde or t.einddatum or dag,
                        toewijzing_nummer=t.nummer,
                        product=m.Product(t.productcategorie, t.productcode or None),
                        toewijzing_ingangsdatum=t.ingangsdatum,
                    )
                ],
            ),
        )
        self._stuur(post, z.aanbieder_id, dag, bericht, rng)

    # --- claims ----------------------------------------------------------------------------

    def _tarief(self, aanbieder_id: int, voorziening_id: int, dag: dt.date) -> int | None:
        """The contract tariff in cents in the month of `dag`
        (`aanbieders.selectors.contract_tarief` on its first day: the demo's contracts and
        tariffs change on the first of a month)."""
        dag = dag.replace(day=1)
        sleutel = (aanbieder_id, voorziening_id, dag)
        if sleutel not in self._tarieven:
            rij = contract_tarief(
                self.aanbieders[aanbieder_id], self.voorzieningen[voorziening_id], dag
            )
            self._tarieven[sleutel] = (
                int((rij.tarief * Decimal(100)).to_integral_value()) if rij is not None else None
            )
        return self._tarieven[sleutel]

    def _declaraties(
        self,
        begin: dt.date,
        eind: dt.date,
        dag: dt.date,
        toewijzingen: dict[int, _T],
        inwoners: dict[int, tuple[str, dt.date, m.VerkorteNaam]],
        rng: random.Random,
        post: _Post,
    ) -> None:
        """One 323 per provider and law for the month `begin`–`eind`, sent on `dag`, with a
        line per toewijzing whose delivery had started."""
        if dag >= self.vandaag:
            return
        per_aanbieder: dict[tuple[int, str], list[tuple[_Zaak, _T]]] = defaultdict(list)
        for z in self.zaken:
            t = toewijzingen.get(z.bv_id)
            if t is None or z.fout == "zonder_start" or z.start > eind or z.start >= self.vandaag:
                continue
            if t.ingangsdatum > eind or (t.einddatum is not None and t.einddatum < begin):
                continue
            per_aanbieder[(z.aanbieder_id, t.wet)].append((z, t))
        for (aanbieder_id, wet), regels in sorted(per_aanbieder.items()):
            per_bsn: dict[str, list[m.Prestatie]] = defaultdict(list)
            totaal = 0
            for z, t in regels:
                prestatie = self._prestatie(z, t, begin, eind, rng)
                if prestatie is None:
                    continue
                per_bsn[inwoners[z.inwoner_id][0]].append(prestatie)
                totaal += prestatie.ingediend_bedrag.bedrag
            if not per_bsn:
                continue
            bericht = m.Declaratiebericht(
                wet=wet,  # type: ignore[arg-type]
                header=self._header(aanbieder_id, dag),
                declaratie=m.Declaratie(
                    declaratie_nummer=self._identificatie(),
                    declaratie_periode=m.GeslotenPeriode(begin, eind),
                    declaratie_dagtekening=dag,
                    totaal_ingediend_bedrag=m.TotaalBedragMetDC(totaal, "D"),
                    clienten=[
                        m.DeclaratieClient(bsn=b, prestaties=ps) for b, ps in per_bsn.items()
                    ],
                ),
            )
            self._stuur(post, aanbieder_id, dag, bericht, rng)

    def _prestatie(
        self, z: _Zaak, t: _T, begin: dt.date, eind: dt.date, rng: random.Random
    ) -> m.Prestatie | None:
        p_begin = max(begin, t.ingangsdatum)
        p_eind = min(eind, t.einddatum or eind)
        if p_begin > p_eind:
            return None
        maximum = IV077(t.als_product(), p_begin, p_eind, t.uitvoeringsvariant, t.wet) or 1  # type: ignore[arg-type]
        volume = _geleverd(t, z, p_begin, p_eind, maximum, rng)
        if volume == 0:
            return None
        tarief = self._tarief(z.aanbieder_id, z.voorziening_id, p_begin) or 2500
        fout = _fout(rng)
        if fout == "volume":
            volume = maximum + rng.randint(1, 4)  # over the assigned volume: 9321
        elif fout == "periode":
            if p_begin == t.ingangsdatum and p_begin - dt.timedelta(days=3) >= begin:
                p_begin -= dt.timedelta(days=3)  # before the toewijzing: 9307
            elif t.einddatum is not None and p_eind == t.einddatum and p_eind < eind:
                p_eind = eind  # after the toewijzing ended: 9308
        elif fout == "tarief":
            tarief += rng.choice([50, 100, 150])  # not the contract's tariff: 0611
        else:
            # The first claim after an indexation: often still the old tariff (0611).
            vorige = self._tarief(z.aanbieder_id, z.voorziening_id, begin - dt.timedelta(days=1))
            if vorige is not None and vorige != tarief and rng.random() < OUD_TARIEF:
                tarief = vorige
        bedrag = volume * tarief
        if fout == "bedrag":
            bedrag += rng.choice([-100, 100, 250])  # not volume × tariff: 9346
        return m.Prestatie(
            product_referentie=m.Referentie(self._identificatie()[1:]),
            toewijzing_nummer=t.nummer,
            product_categorie=t.productcategorie,
            product_code=t.productcode,
            product_periode=m.GeslotenPeriode(p_begin, p_eind),
            geleverd_volume=volume,
            eenheid=t.eenheid or "04",
            product_tarief=tarief,
            ingediend_bedrag=m.BedragMetDC(bedrag, "D"),
        )

    # --- requests at the end of the year ---------------------------------------------------

    def _verzoeken(
        self,
        toewijzingen: dict[int, _T],
        inwoners: dict[int, tuple[str, dt.date, m.VerkorteNaam]],
        rng: random.Random,
        post: _Post,
    ) -> None:
        """In the last working days: a few providers ask for a toewijzing (315, a youth
        referred by the GP, its earlier care ended) or for more hours (317, a running Wmo
        toewijzing); they wait for the municipality's answer (worklist), one already late."""
        aantal = max(1, len(self.zaken) // 200)
        dagen = []
        dag = self.vandaag
        while len(dagen) < 8:
            dag -= dt.timedelta(days=1)
            if dag.weekday() < 5:
                dagen.append(dag)
        per_client: dict[tuple[int, int, str], list[_T]] = defaultdict(list)
        for z in self.zaken:
            t = toewijzingen.get(z.bv_id)
            if t is not None:
                per_client[(z.inwoner_id, z.aanbieder_id, t.wet)].append(t)
        geweest = [
            (z, t)
            for z in self.zaken
            if (t := toewijzingen.get(z.bv_id)) is not None
            and t.wet == "jw"
            and t.einddatum is not None
            and t.einddatum < self.vandaag - dt.timedelta(days=14)
            and len(per_client[(z.inwoner_id, z.aanbieder_id, t.wet)]) == 1
        ]
        lopend = [
            (z, t)
            for z in self.zaken
            if (t := toewijzingen.get(z.bv_id)) is not None
            and t.wet == "wmo"
            and t.volume is not None
            and t.frequentie == "2"
            and (t.einddatum is None or t.einddatum > self.vandaag + dt.timedelta(days=60))
            and z.start < self.vandaag - dt.timedelta(days=30)
            and z.fout == ""
            and len(per_client[(z.inwoner_id, z.aanbieder_id, t.wet)]) == 1
        ]
        for i, (z, t) in enumerate(rng.sample(geweest, min(aantal, len(geweest)))):
            dag = dagen[-1] if i == 0 else rng.choice(dagen[:4])  # the first one is late
            bsn, geboren, naam = inwoners[z.inwoner_id]
            ingang = _werkdag_na(self.vandaag + dt.timedelta(days=7))
            bericht = m.VerzoekOmToewijzing(
                wet="jw",
                header=self._header(z.aanbieder_id, dag),
                client=m.Client315(
                    bsn=bsn,
                    geboortedatum=m.Geboortedatum(geboren),
                    geslacht="0",
                    naam=naam,
                    aangevraagde_producten=[
                        m.AangevraagdProduct(
                            referentie_aanbieder=f"VZ{self._identificatie()[2:]}",
                            toewijzing_ingangsdatum=ingang,
                            toewijzing_einddatum=ingang + dt.timedelta(days=181),
                            product=m.Product(t.productcategorie, t.productcode or None),
                            omvang=m.Omvang(volume=t.volume or 2, eenheid="04", frequentie="2"),
                            # Referred by the GP (COD327 02), AGB code of the practice.
                            verwijzer=m.Verwijzer(type="02", zorgverlener_code="01234567"),
                        )
                    ],
                ),
            )
            self._stuur(post, z.aanbieder_id, dag, bericht, rng)
        for z, t in rng.sample(lopend, min(aantal, len(lopend))):
            dag = rng.choice(dagen[:4])
            bericht = m.VerzoekOmWijziging(
                wet="wmo",
                header=self._header(z.aanbieder_id, dag),
                client=m.Client317(
                    bsn=inwoners[z.inwoner_id][0],
                    verzoek=m.Verzoek(
                        referentie_aanbieder=f"VW{self._identificatie()[2:]}",
                        reden_verzoek="1",
                        te_wijzigen_producten=[
                            m.TeWijzigenProduct(
                                toewijzing_nummer=t.nummer,
                                gewenste_ingangsdatum=_werkdag_na(
                                    self.vandaag + dt.timedelta(days=7)
                                ),
                                einddatum=t.einddatum,
                                omvang=m.Omvang(
                                    volume=(t.volume or 2) + 1,
                                    eenheid=t.eenheid,
                                    frequentie=t.frequentie,
                                ),
                            )
                        ],
                    ),
                ),
            )
            self._stuur(post, z.aanbieder_id, dag, bericht, rng)

    # --- keeping and processing ------------------------------------------------------------

    def _verwerk(self, post: _Post) -> None:
        """Keep every file as it arrived (per provider, through its channel) and process them
        all in the order they arrived, as the worker does, each as on its own day."""
        if not post.bestanden:
            return
        post.bestanden.sort(key=lambda b: b[0])
        per_aanbieder: dict[int, list[tuple[dt.datetime, bytes]]] = defaultdict(list)
        for moment, aanbieder_id, inhoud in post.bestanden:
            per_aanbieder[aanbieder_id].append((moment, inhoud))
        ontvangen: list[tuple[dt.datetime, int]] = []
        for aanbieder_id, bestanden in sorted(per_aanbieder.items()):
            rijen = berichten_ontvang(
                [(inhoud, "") for _moment_, inhoud in bestanden],
                kanaal=KANAAL,
                aanbieder=self.aanbieders[aanbieder_id],
                momenten=[moment for moment, _inhoud in bestanden],
            )
            ontvangen.extend((rij.moment, rij.pk) for rij, nieuw in rijen if nieuw)
        ontvangen.sort()
        ids = [pk for _moment_, pk in ontvangen]
        berichten_verwerk_batch(ids, op_ontvangst=True)
        # The providers fetch the answers (306, 308, 316, 318, 325) the next working day
        # through their API; what was answered on the last working day still waits.
        opgehaald = []
        for start in range(0, len(ids), 5000):
            for pk, moment in Bericht.objects.filter(
                antwoord_op_id__in=ids[start : start + 5000], richting=Richting.UIT
            ).values_list("id", "moment"):
                dag = _werkdag_na(timezone.localdate(moment))
                if dag < self.vandaag:
                    opgehaald.append((pk, _moment(dag, 7, 45)))
        berichten_opgehaald(opgehaald)


def _fout(rng: random.Random) -> str:
    """The fault a claim line carries, if any: one draw per line."""
    kans = rng.random()
    for soort, aandeel in (
        ("volume", OVER_VOLUME),
        ("periode", PERIODE),
        ("tarief", ANDER_TARIEF),
        ("bedrag", BEDRAG),
    ):
        if kans < aandeel:
            return soort
        kans -= aandeel
    return ""


def _geleverd(
    t: _T, z: _Zaak, begin: dt.date, eind: dt.date, maximum: int, rng: random.Random
) -> int:
    """What the provider delivered from `begin` to `eind` (inclusive): 70-100 % of the assigned
    volume for those days, in whole units, never above the period's maximum (IV077). Counted
    by days, so the months of a toewijzing add up to at most its whole volume (TR322; the
    monthly maximum counts a week that spans two months in both). A total within the
    toewijzing's validity (frequentie 6: a wheelchair) is claimed once, in the month it was
    handed over (the delivery stops at its end, so TR318 sees no care in the months after)."""
    benut = rng.uniform(0.7, 1.0)
    dagen = (eind - begin).days + 1
    if t.volume is None:
        return max(1, int(maximum * benut))
    if t.frequentie == "6":
        return t.volume if z.start.replace(day=1) == begin.replace(day=1) else 0
    per_dag = {
        "1": t.volume,
        "2": t.volume / 7,
        "4": t.volume / _maand_eind(begin.replace(day=1)).day,
    }.get(t.frequentie)
    if per_dag is None:
        return max(1, int(maximum * benut))
    return min(maximum, max(1, int(dagen * per_dag * benut)))
