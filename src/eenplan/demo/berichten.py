"""A year of iWmo/iJw message traffic for the demo's ZIN beschikkingen, produced through the
services of `eenplan.berichten` exactly as in production: the 301 toewijzing when the
beschikking was sent, the provider's 302 retour, its 305 start, a 307 stop when the
provision ended, and a 323 declaratie per provider and law every month, each received,
checked, applied and answered (306, 308, 325): kept by `bericht_ontvang` on the day it was
sent, then processed in the order sent by `berichten_verwerk_batch` in batches, as the worker
does, each as on the day it arrived.

Realistic faults are played too, and end with the codes the standard prescribes: a claim over
the assigned volume (9321), an amount that is not volume × tariff (9346), a product period
outside the toewijzing (9307/9308), a stop without a start (9069), the same message sent twice
(9056) and a truncated file (0001).

The demo clock (`_op`) lets the services stamp each message with the day it happened:
`django.utils.timezone.now` is replaced while one step runs (the demo command is single
threaded; nothing else runs meanwhile). Nothing here writes a message row itself.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from unittest import mock

from django.utils import timezone

from eenplan.aanbieders.models import Aanbieder, ContractProduct
from eenplan.berichten.models import Bericht, Toewijzing
from eenplan.berichten.services import (
    bericht_ontvang,
    bericht_opgehaald,
    berichten_verwerk_batch,
    toewijzingen_voor_beschikking,
)
from eenplan.beschikkingen.models import Beschikking
from eenplan.gemeente.models import Gemeente
from eenplan.inwoners.models import Inwoner
from eenplan.istandaarden import bouw, lees
from eenplan.istandaarden import model as m
from eenplan.istandaarden.antwoorden import retourbericht
from eenplan.istandaarden.regels import IV077

KANAAL = "api"


@contextmanager
def _op(moment: dt.datetime) -> Iterator[None]:
    """The demo clock: the services see `moment` as now."""
    with mock.patch.object(timezone, "now", lambda: moment):
        yield


def _moment(dag: dt.date, uur: int = 9) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(dag, dt.time(uur, 0)))


@dataclass
class Teller:
    berichten: int = 0
    afgekeurd: int = 0


def _naam(inwoner: Inwoner) -> m.VerkorteNaam:
    return m.VerkorteNaam(
        m.Achternaam(inwoner.achternaam[:25], inwoner.voorvoegsel or None),
        voorletters=(inwoner.voornamen[:1] or None),
    )


def _gemeentecode(gemeente: Gemeente) -> str:
    return gemeente.cbs_code.removeprefix("GM")


class Verkeer:
    """Plays the traffic of one demo municipality."""

    def __init__(self, gemeente: Gemeente, rng: random.Random, vandaag: dt.date) -> None:
        self.gemeente = gemeente
        self.rng = rng
        self.vandaag = vandaag
        self.teller = Teller()
        self.volgnummer = 0
        self.ontvangen: list[int] = []  # kept, not yet processed (`verwerk`)
        self.tarieven: dict[tuple[int, str, str], int] = {}
        for cp in ContractProduct.objects.filter(contract__gemeente=gemeente).select_related(
            "contract"
        ):
            sleutel = (cp.contract.aanbieder_id, cp.productcategorie, cp.productcode)
            self.tarieven.setdefault(sleutel, int(cp.tarief * 100))

    def _identificatie(self) -> str:
        self.volgnummer += 1
        return f"D{self.volgnummer:011d}"

    def _stuur(self, bericht: m.Bericht | bytes, aanbieder: Aanbieder, dag: dt.date) -> None:
        """The provider sends a file on `dag`; the municipality keeps it at once and processes
        it with the others in `verwerk`."""
        inhoud = bericht if isinstance(bericht, bytes) else bouw(bericht)
        with _op(_moment(dag, self.rng.randint(8, 16))):
            rij, _nieuw = bericht_ontvang(inhoud=inhoud, kanaal=KANAAL, aanbieder=aanbieder)
        self.ontvangen.append(rij.pk)

    def verwerk(self) -> None:
        """Process what the providers sent, in the order they sent it, in batches as the
        worker does (`berichten_verwerk_batch`), each message as on the day it arrived."""
        verwerkt = {
            rij.pk: rij for rij in berichten_verwerk_batch(self.ontvangen, op_ontvangst=True)
        }
        for pk in self.ontvangen:
            self.teller.berichten += 1
            if verwerkt[pk].status != "verwerkt":
                self.teller.afgekeurd += 1
        self.ontvangen.clear()

    def _header(self, aanbieder: Aanbieder, dag: dt.date) -> m.Header:
        return m.Header(
            aanbieder.agb_code,
            _gemeentecode(self.gemeente),
            m.BerichtIdentificatie(self._identificatie(), dag),
        )

    # --- the steps ------------------------------------------------------------------------------

    def toewijzen(self, beschikking: Beschikking) -> list[Bericht]:
        """The 301 on the day the beschikking was sent, fetched the next working day, and the
        provider's 302 on it."""
        dag = beschikking.verzonden_op
        assert dag is not None  # only sent beschikkingen are chosen
        with _op(_moment(dag, 10)):
            berichten = toewijzingen_voor_beschikking(beschikking)
        retour_dag = dag + dt.timedelta(days=1)
        for b in berichten:
            with _op(_moment(retour_dag, 8)):
                bericht_opgehaald(bericht=b)
            heen = lees(bytes(b.inhoud))
            retour = retourbericht(
                heen, identificatie=self._identificatie(), dagtekening=retour_dag
            )
            if b.aanbieder is not None:
                self._stuur(retour, b.aanbieder, retour_dag)
        self.teller.berichten += len(berichten)
        return berichten

    def start(self, t: Toewijzing, inwoner: Inwoner, dag: dt.date) -> None:
        bericht = m.Startbericht(
            wet=t.wet,  # type: ignore[arg-type]
            header=self._header(t.aanbieder, dag),
            client=m.Client305(
                bsn=inwoner.bsn,
                geboortedatum=m.Geboortedatum(inwoner.geboortedatum),
                geslacht="0",
                naam=_naam(inwoner),
                start_producten=[
                    m.StartProduct(
                        begindatum=t.ingangsdatum,
                        toewijzing_nummer=t.nummer,
                        product=m.Product(t.productcategorie, t.productcode or None),
                        toewijzing_ingangsdatum=t.ingangsdatum,
                    )
                ],
            ),
        )
        self._stuur(bericht, t.aanbieder, dag)
        if self.rng.random() < 0.02:
            # Sent twice by the provider's software: the same identificatie (TR056, 9056).
            bericht.header.bericht_identificatie.dagtekening = dag + dt.timedelta(days=1)
            self._stuur(bericht, t.aanbieder, dag + dt.timedelta(days=1))

    def stop(self, t: Toewijzing, inwoner: Inwoner, dag: dt.date, *, begin: dt.date) -> None:
        bericht = m.Stopbericht(
            wet=t.wet,  # type: ignore[arg-type]
            header=self._header(t.aanbieder, dag),
            client=m.Client307(
                bsn=inwoner.bsn,
                geboortedatum=m.Geboortedatum(inwoner.geboortedatum),
                geslacht="0",
                naam=_naam(inwoner),
                stop_producten=[
                    m.StopProduct(
                        begindatum=begin,
                        reden_beeindiging="19" if t.wet == "wmo" else "31",
                        einddatum=t.einddatum or dag,
                        toewijzing_nummer=t.nummer,
                        product=m.Product(t.productcategorie, t.productcode or None),
                        toewijzing_ingangsdatum=t.ingangsdatum,
                    )
                ],
            ),
        )
        self._stuur(bericht, t.aanbieder, dag)

    def declareer(
        self,
        aanbieder: Aanbieder,
        wet: str,
        maand: tuple[int, int],
        regels: list[tuple[Inwoner, Toewijzing]],
    ) -> None:
        """One 323 for `maand` with a line per toewijzing, sent on the 5th of the next month."""
        j, mnd = maand
        begin = dt.date(j, mnd, 1)
        eind = (dt.date(j + (mnd == 12), mnd % 12 + 1, 1)) - dt.timedelta(days=1)
        dag = eind + dt.timedelta(days=5)
        per_bsn: dict[str, list[m.Prestatie]] = defaultdict(list)
        totaal = 0
        for inwoner, t in regels:
            p_begin = max(begin, t.ingangsdatum)
            p_eind = min(eind, t.einddatum or eind)
            if p_begin > p_eind:
                continue
            product = als_product(t)
            maximum = IV077(product, p_begin, p_eind, t.uitvoeringsvariant, wet) or 1  # type: ignore[arg-type]
            volume = max(1, round(maximum * self.rng.uniform(0.7, 1.0)))
            tarief = self.tarieven.get(
                (t.aanbieder_id, t.productcategorie, t.productcode)
            ) or self.tarieven.get((t.aanbieder_id, t.productcategorie, ""), 2500)
            fout = self.rng.random()
            if fout < 0.03:
                volume = maximum + self.rng.randint(1, 4)  # over the assigned volume: 9321
            bedrag = volume * tarief
            if 0.03 <= fout < 0.05:
                bedrag += self.rng.choice([-100, 100, 250])  # not volume × tariff: 9346
            if 0.05 <= fout < 0.06:
                p_begin = t.ingangsdatum - dt.timedelta(days=3)  # before the toewijzing: 9307
                if p_begin < begin:
                    p_begin = begin
            per_bsn[inwoner.bsn].append(
                m.Prestatie(
                    product_referentie=m.Referentie(self._identificatie()[1:]),
                    toewijzing_nummer=t.nummer or t.pk,
                    product_categorie=t.productcategorie,
                    product_code=t.productcode,
                    product_periode=m.GeslotenPeriode(p_begin, p_eind),
                    geleverd_volume=volume,
                    eenheid=t.eenheid or "04",
                    product_tarief=tarief,
                    ingediend_bedrag=m.BedragMetDC(bedrag, "D"),
                )
            )
            totaal += bedrag
        if not per_bsn:
            return
        bericht = m.Declaratiebericht(
            wet=wet,  # type: ignore[arg-type]
            header=self._header(aanbieder, dag),
            declaratie=m.Declaratie(
                declaratie_nummer=self._identificatie(),
                declaratie_periode=m.GeslotenPeriode(begin, eind),
                declaratie_dagtekening=dag,
                totaal_ingediend_bedrag=m.TotaalBedragMetDC(totaal, "D"),
                clienten=[m.DeclaratieClient(bsn=b, prestaties=ps) for b, ps in per_bsn.items()],
            ),
        )
        self._stuur(bericht, aanbieder, dag)


def als_product(t: Toewijzing) -> m.ToegewezenProduct:
    return m.ToegewezenProduct(
        toewijzing_nummer=t.nummer or t.pk,
        toewijzingsdatum=t.ingangsdatum,
        toewijzingstijd=dt.time(9),
        ingangsdatum=t.ingangsdatum,
        einddatum=t.einddatum,
        product=m.Product(t.productcategorie, t.productcode or None),
        omvang=m.Omvang(t.volume, t.eenheid, t.frequentie) if t.volume is not None else None,
    )


def _maanden(van: dt.date, tot: dt.date) -> list[tuple[int, int]]:
    """The calendar months from `van` up to the last whole month before `tot`."""
    maanden = []
    j, mnd = van.year, van.month
    while (j, mnd) < (tot.year, tot.month):
        maanden.append((j, mnd))
        j, mnd = (j + 1, 1) if mnd == 12 else (j, mnd + 1)
    return maanden


def build_berichten(
    *,
    gemeente: Gemeente,
    rng: random.Random,
    vandaag: dt.date,
    maximaal: int | None = None,
) -> Teller:
    """The traffic of the last year for the ZIN beschikkingen sent in it (at most `maximaal`,
    the most recent), in the order it happened: per beschikking its 301/302, 305 and 307; then
    every month's 323 per provider and law."""
    verkeer = Verkeer(gemeente, rng, vandaag)
    jaar_terug = vandaag - dt.timedelta(days=365)
    beschikkingen = list(
        Beschikking.objects.filter(
            gemeente=gemeente,
            verzonden_op__gte=jaar_terug,
            verzonden_op__lt=vandaag,
            voorzieningen__leveringsvorm="zin",
        )
        .distinct()
        .select_related("inwoner", "gemeente")
        .order_by("-verzonden_op", "-id")[:maximaal]
    )[::-1]
    gestart: list[tuple[Inwoner, Toewijzing]] = []
    for beschikking in beschikkingen:
        verkeer.toewijzen(beschikking)
    toewijzingen = list(
        Toewijzing.objects.filter(beschikte_voorziening__beschikking__in=beschikkingen)
        .select_related("aanbieder", "inwoner")
        .order_by("ingangsdatum", "id")
    )
    for t in toewijzingen:
        inwoner = t.inwoner
        start_dag = t.ingangsdatum + dt.timedelta(days=rng.randint(0, 4))
        if start_dag >= vandaag:
            continue
        if rng.random() < 0.015:
            # A stop for a delivery the provider never reported as started: 9069.
            verkeer.stop(t, inwoner, start_dag, begin=start_dag)
            continue
        verkeer.start(t, inwoner, start_dag)
        gestart.append((inwoner, t))
        if t.einddatum and t.einddatum < vandaag - dt.timedelta(days=3):
            verkeer.stop(t, inwoner, t.einddatum + dt.timedelta(days=2), begin=t.ingangsdatum)
    per_aanbieder: dict[tuple[int, str], list[tuple[Inwoner, Toewijzing]]] = defaultdict(list)
    for inwoner, t in gestart:
        per_aanbieder[(t.aanbieder_id, t.wet)].append((inwoner, t))
    aanbieders = {a.pk: a for a in Aanbieder.objects.filter(pk__in={k[0] for k in per_aanbieder})}
    for maand in _maanden(jaar_terug, vandaag):
        for (aanbieder_id, wet), regels in per_aanbieder.items():
            verkeer.declareer(aanbieders[aanbieder_id], wet, maand, regels)
    # A truncated file from a provider's broken upload: kept and answered with 0001.
    if aanbieders:
        eerste = next(iter(aanbieders.values()))
        verkeer._stuur(b"<?xml version='1.0' encoding='UTF-8'?><wmo323:Bericht", eerste, vandaag)
    verkeer.verwerk()
    return verkeer.teller
