"""Processing many received messages at once (`berichten_verwerk_batch`, used by the folder
connection, the worker and the benchmark): the same outcome as one by one, a failing message
rolled back alone, duplicates inside one batch caught (TR056), and a bounded number of queries."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from unittest import mock

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from eenplan.berichten.constants import BerichtStatus, Kanaal, Richting
from eenplan.berichten.models import Bericht, Levering, Prestatie
from eenplan.berichten.services import (
    bericht_ontvang,
    berichten_verwerk_batch,
    inkomend,
    toewijzing_stuur,
    toewijzing_wijzig,
)
from eenplan.berichten.services.uitgaand import als_toegewezen_product
from eenplan.events.models import Gebeurtenis
from eenplan.istandaarden import bouw, regels
from eenplan.testing.berichten import antwoord_op

pytestmark = pytest.mark.django_db


def _bewaar(*berichten) -> list[int]:
    return [
        bericht_ontvang(inhoud=bouw(b), kanaal=Kanaal.MAP, bestandsnaam=f"{i}.xml")[0].pk
        for i, b in enumerate(berichten)
    ]


def test_a_batch_gives_every_message_its_own_outcome(van_aanbieder, toewijzing):
    einde = toewijzing.ingangsdatum + dt.timedelta(days=20)
    ids = _bewaar(
        van_aanbieder.start(identificatie="S1"),
        van_aanbieder.stop(einddatum=einde, identificatie="S2"),
        van_aanbieder.declaratie(volume=3, ref="P1", nummer="D1"),
        van_aanbieder.declaratie(volume=500, ref="P2", nummer="D2"),
        van_aanbieder.start(nummer=999999, identificatie="S3"),
    )
    uit = berichten_verwerk_batch(ids)
    assert [b.pk for b in uit] == ids
    start, stop, goed, te_veel, onbekend = (Bericht.objects.get(pk=pk) for pk in ids)
    assert start.status == BerichtStatus.VERWERKT and antwoord_op(start).naam == "WMO306"
    assert stop.status == BerichtStatus.VERWERKT
    levering = Levering.objects.get(toewijzing=toewijzing)
    assert levering.einddatum == einde and levering.stopbericht == stop
    assert goed.status == BerichtStatus.VERWERKT and goed.retourcodes == ["8001"]
    assert "9321" in te_veel.retourcodes
    assert not Prestatie.objects.get(bericht=te_veel).goedgekeurd
    assert onbekend.retourcodes == ["9019"]
    # Every message answered once, and in the resident's timeline.
    assert Bericht.objects.filter(richting=Richting.UIT, antwoord_op__in=ids).count() == 5
    assert (
        Gebeurtenis.objects.filter(
            inwoner=toewijzing.inwoner, soort="bericht.ontvangen", record_id__in=ids
        ).count()
        == 5
    )
    # Running it again changes nothing.
    berichten_verwerk_batch(ids)
    assert Bericht.objects.filter(richting=Richting.UIT, antwoord_op__in=ids).count() == 5
    assert Levering.objects.count() == 1


def test_a_duplicate_inside_one_batch_changes_nothing(van_aanbieder, toewijzing):
    eerste = van_aanbieder.start(identificatie="S1")
    later = van_aanbieder.start(toewijzing.ingangsdatum + dt.timedelta(days=3), identificatie="S1")
    a, b = berichten_verwerk_batch(_bewaar(eerste, later))
    assert a.status == BerichtStatus.VERWERKT
    assert b.status == BerichtStatus.DUBBEL and b.retourcodes == ["9056"]
    assert Levering.objects.filter(toewijzing=toewijzing).count() == 1


def test_a_failing_message_is_rolled_back_alone(
    van_aanbieder_eerder, eerdere_toewijzing, monkeypatch
):
    ids = _bewaar(
        van_aanbieder_eerder.declaratie(volume=3, ref="P1", nummer="D1"),
        van_aanbieder_eerder.start(identificatie="S1"),
        van_aanbieder_eerder.declaratie(volume=2, ref="P2", nummer="D2", maand=1),
    )
    echte = inkomend._Verwerking._verwerk_305

    def stuk(self, heen):  # type: ignore[no-untyped-def]
        echte(self, heen)  # writes the delivery and the answer, then fails
        raise RuntimeError("stuk")

    monkeypatch.setattr(inkomend._Verwerking, "_verwerk_305", stuk)
    eerste, kapot, laatste = berichten_verwerk_batch(ids)
    assert kapot.status == BerichtStatus.FOUT and "RuntimeError" in kapot.melding
    # Nothing of the failed message is left: no delivery, no answer, no timeline entry.
    assert not Levering.objects.exists()
    assert not Bericht.objects.filter(antwoord_op=kapot.pk).exists()
    assert not Gebeurtenis.objects.filter(record_id=kapot.pk, soort="bericht.ontvangen").exists()
    # The others are processed and kept as usual.
    for b in (eerste, laatste):
        b.refresh_from_db()
        assert b.status == BerichtStatus.VERWERKT
        assert Prestatie.objects.filter(bericht=b, goedgekeurd=True).count() == 1
        assert antwoord_op(b).naam == "WMO325"


def test_a_batch_does_not_look_up_the_same_things_per_message(van_aanbieder, toewijzing):
    ids = _bewaar(
        *(
            van_aanbieder.declaratie(volume=1, ref=f"P{i}", nummer=f"D{i}", identificatie=f"B{i}")
            for i in range(20)
        )
    )
    with CaptureQueriesContext(connection) as vastgelegd:
        berichten_verwerk_batch(ids)
    eerste, *later = (Bericht.objects.get(pk=pk) for pk in ids)
    assert eerste.status == BerichtStatus.VERWERKT
    # The same month claimed again: TR318 (8214), seen within the batch.
    assert all(b.status == BerichtStatus.AFGEKEURD and "8214" in b.retourcodes for b in later)
    sqls = [q["sql"] for q in vastgelegd.captured_queries]
    # A few queries for the whole batch, however many messages: read once, write once.
    assert len(sqls) <= 25, len(sqls)
    # One statement for every timeline event (a prepared INSERT run for all: "N times …").
    assert sum('INSERT INTO "events_gebeurtenis"' in s for s in sqls) == 1
    # Municipality, provider and toewijzingen: once for the batch, not once per message.
    assert sum('FROM "gemeente_gemeente"' in s for s in sqls) == 1
    assert sum('FROM "aanbieders_aanbieder"' in s for s in sqls) <= 1
    assert sum('FROM "berichten_toewijzing"' in s for s in sqls) == 1


def test_overlapping_batches_of_two_workers_apply_each_message_once(
    van_aanbieder_eerder, eerdere_toewijzing
):
    """Worker A takes messages 1-3, worker B 2-4 (after A committed, as the row locks make it
    wait): B leaves 2 and 3 alone, applies only 4."""
    einde = eerdere_toewijzing.ingangsdatum + dt.timedelta(days=20)
    ids = _bewaar(
        van_aanbieder_eerder.start(identificatie="S1"),
        van_aanbieder_eerder.declaratie(volume=3, ref="P1", nummer="D1"),
        van_aanbieder_eerder.stop(einddatum=einde, identificatie="S2"),
        van_aanbieder_eerder.declaratie(volume=2, ref="P2", nummer="D2", maand=1),
    )
    berichten_verwerk_batch(ids[:3])
    berichten_verwerk_batch(ids[1:])
    assert Bericht.objects.filter(richting=Richting.UIT, antwoord_op__in=ids).count() == 4
    assert Levering.objects.count() == 1 and Prestatie.objects.count() == 2
    assert Gebeurtenis.objects.filter(soort="bericht.ontvangen", record_id__in=ids).count() == 4


def test_an_identificatie_stored_by_another_worker_meanwhile_makes_a_duplicate(
    van_aanbieder, toewijzing, monkeypatch
):
    """Another worker commits a message with the same identificatie after this batch looked
    (TR056): the unique constraint refuses the batch's write, the batch is rolled back and its
    messages processed again one by one — the late one is `dubbel`, the other applied once."""
    ids = _bewaar(
        van_aanbieder.declaratie(volume=3, ref="P1", nummer="D1", identificatie="B1"),
        van_aanbieder.start(identificatie="S1"),
    )
    echte = inkomend._Staat._laad_berichten
    pogingen = []

    def en_intussen(self, leesbaar, aanbieder_ids):  # type: ignore[no-untyped-def]
        echte(self, leesbaar, aanbieder_ids)
        pogingen.append(len(leesbaar))
        # The other worker's row: committed there, so it outlives this batch's rollback (in
        # this one test connection it is made again after the rollback).
        if not Bericht.objects.filter(kanaal=Kanaal.API, identificatie="S1").exists():
            Bericht.objects.create(
                richting=Richting.IN,
                kanaal=Kanaal.API,
                aanbieder=toewijzing.aanbieder,
                soort="WMO305",
                code="305",
                afzender=toewijzing.aanbieder.agb_code,
                identificatie="S1",
                inhoud=b"-",
                sha256="x",
                status=BerichtStatus.VERWERKT,
                moment=timezone.now(),
            )

    monkeypatch.setattr(inkomend._Staat, "_laad_berichten", en_intussen)
    declaratie, start = berichten_verwerk_batch(ids)
    assert pogingen == [2, 1, 1]  # the batch, then each message alone
    assert declaratie.status == BerichtStatus.VERWERKT
    assert start.status == BerichtStatus.DUBBEL and start.retourcodes == ["9056"]
    assert not Levering.objects.exists()
    assert Prestatie.objects.filter(bericht=declaratie).count() == 1
    assert Bericht.objects.filter(richting=Richting.UIT, antwoord_op__in=ids).count() == 2


def test_a_line_another_worker_approved_between_two_batches_counts_for_the_volume(
    van_aanbieder_eerder, eerdere_toewijzing, monkeypatch
):
    """The approved claim lines are read once per run and kept across its batches; a line
    another worker approved on the same toewijzing between two batches is seen (TR322: the
    sum of all claimed volume fits the toewijzing), and lines nobody touched are not read
    again."""
    ids = _bewaar(
        van_aanbieder_eerder.declaratie(volume=3, ref="P1", nummer="D1", identificatie="B1"),
        van_aanbieder_eerder.declaratie(
            volume=5, ref="P2", nummer="D2", maand=1, identificatie="B2"
        ),
        van_aanbieder_eerder.declaratie(
            volume=1, ref="P3", nummer="D3", maand=2, identificatie="B3"
        ),
    )
    echt = inkomend._verwerk_deel
    # The year's volume in hours (IV077 over the toewijzing's period, as TR322 sums it).
    ruimte = regels._totaal_max(
        als_toegewezen_product(eerdere_toewijzing), "inspanningsgericht", "wmo"
    )
    regels_gelezen: list[int] = []

    def met_een_andere_worker(deel, vandaag, voorraad):  # type: ignore[no-untyped-def]
        with CaptureQueriesContext(connection) as q:
            uit = echt(deel, vandaag, voorraad)
        regels_gelezen.append(
            sum('"berichten_prestatie"."vorige_referentie"' in s["sql"] for s in q.captured_queries)
        )
        if deel == [ids[0]]:
            # Meanwhile another worker approves a line on the same toewijzing that leaves
            # room for two more hours of the year's three hours a week.
            eerste = Bericht.objects.get(pk=ids[0])
            regel = Prestatie.objects.get(bericht=eerste)
            regel.pk, regel.referentie, regel.volume = None, "ANDER", ruimte - 3 - 2
            regel.save()
        return uit

    monkeypatch.setattr(inkomend, "_verwerk_deel", met_een_andere_worker)
    eerste, tweede, derde = berichten_verwerk_batch(ids, batch=1)
    assert eerste.status == BerichtStatus.VERWERKT
    # 5 hours no longer fit.
    assert tweede.status == BerichtStatus.AFGEKEURD and "9322" in tweede.retourcodes
    # 1 hour does.
    assert derde.status == BerichtStatus.VERWERKT
    # The lines were read in the first batch (none yet), again in the second (the other
    # worker's line changed the fingerprint), not in the third (nothing changed).
    assert regels_gelezen == [0, 1, 0]


def test_a_toewijzing_changed_between_two_batches_is_read_again(
    van_aanbieder_eerder, eerdere_toewijzing, monkeypatch
):
    """The toewijzingen are read whole once per run and kept across its batches while their
    `updated_at` stays the same; one changed between two batches (a lower volume: a new 301)
    is read again, and the next claim is judged on the new volume."""
    ids = _bewaar(
        van_aanbieder_eerder.declaratie(volume=10, ref="P1", nummer="D1", identificatie="B1"),
        van_aanbieder_eerder.declaratie(
            volume=10, ref="P2", nummer="D2", maand=1, identificatie="B2"
        ),
        van_aanbieder_eerder.declaratie(
            volume=1, ref="P3", nummer="D3", maand=2, identificatie="B3"
        ),
    )
    echt = inkomend._verwerk_deel
    gelezen: list[int] = []

    def met_een_wijziging(deel, vandaag, voorraad):  # type: ignore[no-untyped-def]
        with CaptureQueriesContext(connection) as q:
            uit = echt(deel, vandaag, voorraad)
        gelezen.append(
            sum('"berichten_toewijzing"."productcategorie"' in s["sql"] for s in q.captured_queries)
        )
        if deel == [ids[0]]:
            # Meanwhile the provision is cut to one hour a week (OP033: a new 301).
            toewijzing_wijzig(
                voorziening=eerdere_toewijzing.beschikte_voorziening,
                einde=eerdere_toewijzing.einddatum,
                omvang=Decimal(1),
                reden_wijziging="05",
            )
        return uit

    monkeypatch.setattr(inkomend, "_verwerk_deel", met_een_wijziging)
    eerste, tweede, derde = berichten_verwerk_batch(ids, batch=1)
    # Three hours a week: ten in a whole month fit.
    assert eerste.status == BerichtStatus.VERWERKT, eerste.retourcodes
    # One hour a week: ten in a month do not (IV077).
    assert tweede.status == BerichtStatus.AFGEKEURD and "9321" in tweede.retourcodes
    assert derde.status == BerichtStatus.VERWERKT, derde.retourcodes
    # Read whole in the first batch, again after the change, not in the third.
    assert gelezen == [1, 1, 0]


def test_the_next_call_reuses_what_a_committed_call_read_and_nothing_else(
    van_aanbieder_eerder, django_capture_on_commit_callbacks
):
    """The folder round and the worker process a batch per call: the toewijzingen and approved
    claim lines one call read are kept for the next (checked against their fingerprints) once
    its transaction committed — and thrown away when it never did (here: the test's own
    transaction, as an outer transaction rolled back)."""
    ids = [
        _bewaar(
            van_aanbieder_eerder.declaratie(
                volume=1, ref=f"P{i}", nummer=f"D{i}", maand=i, identificatie=f"B{i}"
            )
        )
        for i in range(4)
    ]

    def verwerk(deel):  # type: ignore[no-untyped-def]
        with CaptureQueriesContext(connection) as q:
            [b] = berichten_verwerk_batch(deel)
        assert b.status == BerichtStatus.VERWERKT, b.retourcodes
        sqls = [s["sql"] for s in q.captured_queries]
        # (toewijzingen read whole, approved lines read)
        return (
            sum('"berichten_toewijzing"."productcategorie"' in s for s in sqls),
            sum('"berichten_prestatie"."vorige_referentie"' in s for s in sqls),
        )

    with django_capture_on_commit_callbacks(execute=True):
        assert verwerk(ids[0]) == (1, 0)  # read whole; no approved line yet
    with django_capture_on_commit_callbacks(execute=True):
        assert verwerk(ids[1]) == (0, 0)  # committed: nothing read again
    assert verwerk(ids[2]) == (0, 0)  # (this call does not commit)
    assert verwerk(ids[3]) == (1, 1)  # so its store is thrown away: read again


def test_every_write_of_a_toewijzing_moves_its_updated_at(eerdere_toewijzing):
    """Incoming processing keeps the toewijzingen it read until their `updated_at` changes:
    every write sets it, also the bulk update after a 301 (te_melden)."""
    t = eerdere_toewijzing
    voor = t.updated_at
    toewijzing_stuur(inwoner=t.inwoner, aanbieder=t.aanbieder, wet=t.wet)
    t.refresh_from_db()
    assert t.updated_at > voor


def test_replaying_history_each_message_is_processed_on_the_day_it_arrived(
    van_aanbieder_eerder, eerdere_toewijzing
):
    """The demo keeps a year of traffic and processes it in batches afterwards
    (`op_ontvangst`): each message's answer, processing moment and timeline entry carry the
    moment it arrived, not the moment of the run."""
    vandaag = timezone.localdate()
    dagen = [vandaag - dt.timedelta(days=9), vandaag - dt.timedelta(days=4)]
    ids = []
    for i, dag in enumerate(dagen):
        moment = timezone.make_aware(dt.datetime.combine(dag, dt.time(10 + i, 15)))
        b = van_aanbieder_eerder.declaratie(volume=1, ref=f"P{i}", nummer=f"D{i}", maand=i, dag=dag)
        with mock.patch.object(timezone, "now", lambda moment=moment: moment):
            ids += _bewaar(b)
    berichten_verwerk_batch(ids, op_ontvangst=True)
    for pk, dag in zip(ids, dagen, strict=True):
        b = Bericht.objects.get(pk=pk)
        assert b.status == BerichtStatus.VERWERKT
        assert timezone.localdate(b.moment) == dag
        assert b.verwerkt_op == b.retour_verzonden_op == b.moment
        antwoord = b.antwoorden.get()
        assert antwoord.dagtekening == dag and antwoord.moment == b.moment
        assert antwoord_op(b).header.bericht_identificatie.dagtekening == dag
        tijdlijn = Gebeurtenis.objects.get(record_id=pk, soort="bericht.ontvangen")
        assert tijdlijn.moment == b.moment
