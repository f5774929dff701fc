"""One message at a time (`bericht_verwerk`, a batch of one) and many in one batch
(`berichten_verwerk_batch`, which reads what they share once, applies them in memory and writes
at the end) end the same way: the same stored state, return codes and answer messages, for a
set that exercises what later messages must see of earlier ones in the same batch — a delivery
started then stopped, a duplicate identificatie (TR056), a second request while one is open
(TR374), a claim number used twice (TR333), a claim line already claimed (TR314), volume used
up by an earlier line (TR322/IV077), the next month's claim and the same month again (TR318) —
and bad input (unknown BSN and AGB, another municipality, a wrong namespace, a truncated file,
an XML bomb, a retour on nothing)."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

import pytest
from django.db import transaction
from django.utils import timezone

from eenplan.berichten.constants import Kanaal, Richting
from eenplan.berichten.models import Bericht, Levering, Prestatie
from eenplan.berichten.services import (
    _gedeeld,
    bericht_verwerk,
    berichten_ontvang,
    berichten_verwerk_batch,
)
from eenplan.events.models import Gebeurtenis
from eenplan.istandaarden import antwoorden, bouw
from eenplan.istandaarden import model as m
from eenplan.istandaarden.xml import bouw_lxml
from eenplan.testing.berichten import Aanbiedersbericht

pytestmark = pytest.mark.django_db

BOM = (
    b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">'
    b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><l>&b;</l>'
)


def _wijziging(v: Aanbiedersbericht, ref: str, **kw: Any) -> m.Bericht:
    t = v.t
    return m.VerzoekOmWijziging(
        "wmo",
        v.header(**kw),
        m.Client317(
            bsn=t.inwoner.bsn,
            verzoek=m.Verzoek(
                referentie_aanbieder=ref,
                reden_verzoek="1",
                te_wijzigen_producten=[
                    m.TeWijzigenProduct(
                        toewijzing_nummer=t.nummer,
                        gewenste_ingangsdatum=timezone.localdate(),
                        omvang=m.Omvang(4, "04", "2"),
                    )
                ],
            ),
        ),
    )


def _bestanden(toewijzing) -> list[bytes]:
    v = Aanbiedersbericht(toewijzing)
    begin = toewijzing.ingangsdatum
    anders = Aanbiedersbericht(toewijzing)
    anders.t = toewijzing
    vreemd = Aanbiedersbericht(toewijzing, agb="12345678")
    elders = Aanbiedersbericht(toewijzing, gemeente="0363")
    verzonden = Bericht.objects.filter(richting=Richting.UIT, code="301").order_by("id").first()
    goed = bouw(v.start(identificatie="S1"))
    inhoud = [
        goed,
        bouw(v.start(identificatie="S1b")),  # the same delivery again: 9074
        bouw(v.stop(einddatum=begin + dt.timedelta(days=20), identificatie="S2")),
        bouw(v.start(begin + dt.timedelta(days=3), identificatie="S1")),  # TR056: dubbel
        bouw(v.declaratie(volume=3, ref="P1", nummer="D1")),
        bouw(v.declaratie(volume=2, ref="P1", nummer="D1", maand=1)),  # TR333 + TR314
        bouw(v.declaratie(volume=2, ref="P2", nummer="D2", maand=1)),
        bouw(v.declaratie(volume=2, ref="P3", nummer="D3", maand=1)),  # TR318: same month
        bouw(v.declaratie(volume=500, ref="P4", nummer="D4", maand=2)),  # over the volume
        bouw(v.verzoek(identificatie="V1")),
        bouw(_wijziging(v, "W1", identificatie="W1")),  # a request is open: TR374
        bouw(_wijziging(v, "W2", identificatie="W2")),
        bouw(vreemd.start(identificatie="X1")),  # unknown AGB: 0001
        bouw(elders.start(identificatie="X2")),  # another municipality: S300
        bouw(v.start(nummer=999999, identificatie="X3")),  # unknown toewijzing: 9019
        goed[: len(goed) // 2],  # truncated
        goed.replace(b"http://www.istandaarden.nl/iwmo/3_2/", b"http://example.org/"),
        BOM,
        bouw(anders.retour_op(verzonden)) if verzonden is not None else b"<leeg/>",
        bouw(v.stop(einddatum=begin + dt.timedelta(days=25), identificatie="S3")),  # 9413-ish
    ]
    # An unknown BSN.
    onbekend = v.start(identificatie="X4")
    onbekend.client.bsn = "111222333"
    inhoud.append(bouw(onbekend))
    # This month's claim dated yesterday: it ends after its Dagtekening (TR137, 0001).
    te_vroeg = v.declaratie(volume=1, ref="P9", nummer="D9", maand=3, identificatie="T1")
    te_vroeg.header.bericht_identificatie.dagtekening = timezone.localdate() - dt.timedelta(days=1)
    inhoud.append(bouw(te_vroeg))
    return inhoud


def _staat(ids: list[int]) -> dict[str, Any]:
    """Everything processing stored, by position in the set (ids differ between runs)."""
    plek = {pk: i for i, pk in enumerate(ids)}
    berichten = []
    for pk in ids:
        b = Bericht.objects.get(pk=pk)
        antwoorden = [
            (
                a.soort,
                a.status,
                a.retourcodes,
                bytes(a.inhoud).replace(a.identificatie.encode(), b"-"),
                sorted(a.inwoners.values_list("bsn", flat=True)),
            )
            for a in b.antwoorden.order_by("id")
        ]
        berichten.append(
            (
                b.status,
                b.retourcodes,
                b.melding,
                b.soort,
                b.afzender,
                b.identificatie,
                b.kenmerk,
                b.declaratieperiode,
                b.gemeente_id,
                b.aanbieder_id,
                b.retour_uiterlijk,
                b.antwoord_uiterlijk,
                b.retour_verzonden_op is not None,
                b.antwoord_op_id is not None,
                sorted(b.inwoners.values_list("bsn", flat=True)),
                antwoorden,
            )
        )
    leveringen = sorted(
        (
            lev.toewijzing.nummer,
            lev.begindatum,
            lev.einddatum,
            lev.status,
            lev.verwijderd,
            plek.get(lev.startbericht_id),
            plek.get(lev.stopbericht_id),
        )
        for lev in Levering.objects.select_related("toewijzing")
    )
    prestaties = sorted(
        (plek[p.bericht_id], p.referentie, p.goedgekeurd, tuple(p.retourcodes), p.toewijzing_id)
        for p in Prestatie.objects.all()
    )
    tijdlijn = sorted(
        (g.soort, plek[g.record_id], g.inwoner_id, g.omschrijving, g.gegevens["soort"])
        for g in Gebeurtenis.objects.filter(soort="bericht.ontvangen", record_id__in=ids)
    )
    verzonden = sorted(
        (b.status, tuple(b.retourcodes), b.beantwoord_op is not None)
        for b in Bericht.objects.filter(richting=Richting.UIT, code="301")
    )
    return {
        "berichten": berichten,
        "leveringen": leveringen,
        "prestaties": prestaties,
        "tijdlijn": tijdlijn,
        "301": verzonden,
    }


def _ontvang(inhoud: list[bytes]) -> list[int]:
    return [
        b.pk
        for b, _nieuw in berichten_ontvang(
            [(d, f"{i}.xml") for i, d in enumerate(inhoud)], kanaal=Kanaal.MAP
        )
    ]


def test_one_by_one_and_in_one_batch_end_the_same(eerdere_toewijzing, monkeypatch):
    """The reference: each message alone (its own batch, everything read fresh), its answer
    copied with `copy.deepcopy` and written by lxml (`bouw_lxml`). The fast path: batches
    (the toewijzingen and claim lines kept across them), the compiled writer and
    `antwoorden.kopie`. Everything stored is the same, the answers byte for byte (but their
    random identificatie)."""
    # A toewijzing from three months ago: the set claims it month after month (TR137).
    inhoud = _bestanden(eerdere_toewijzing)
    with transaction.atomic(), monkeypatch.context() as referentie:
        referentie.setattr(_gedeeld, "bouw", bouw_lxml)
        referentie.setattr(antwoorden, "kopie", copy.deepcopy)
        ids = _ontvang(inhoud)
        for pk in ids:
            bericht_verwerk(pk)
        een_voor_een = _staat(ids)
        transaction.set_rollback(True)
    for grootte in (500, 3):
        with transaction.atomic():
            ids = _ontvang(inhoud)
            berichten_verwerk_batch(ids, batch=grootte)
            assert _staat(ids) == een_voor_een, grootte
            transaction.set_rollback(True)
    # The set is not trivial: each kind of outcome is in it.
    statussen = {b[0] for b in een_voor_een["berichten"]}
    assert {"verwerkt", "afgekeurd", "dubbel", "onleesbaar"} <= statussen
    codes = {c for b in een_voor_een["berichten"] for c in b[1]}
    assert {"9056", "9074", "0001", "S300", "9019", "8214", "9374", "9321"} <= codes, codes
    te_vroeg = een_voor_een["berichten"][-1]
    assert te_vroeg[0] == "afgekeurd" and te_vroeg[1] == ["0001"] and "TR137" in te_vroeg[2]
    assert een_voor_een["leveringen"] and een_voor_een["prestaties"] and een_voor_een["tijdlijn"]


def test_receiving_the_same_bytes_twice_keeps_one(toewijzing):
    v = Aanbiedersbericht(toewijzing)
    een, twee = bouw(v.start(identificatie="S1")), bouw(v.stop(identificatie="S2"))
    eerste = berichten_ontvang([(een, "a.xml"), (twee, "b.xml"), (een, "c.xml")], kanaal="map")
    assert [nieuw for _b, nieuw in eerste] == [True, True, False]
    assert eerste[0][0].pk == eerste[2][0].pk
    opnieuw = berichten_ontvang([(twee, "d.xml")], kanaal="map")
    assert opnieuw == [(eerste[1][0], False)]
    assert Bericht.objects.filter(richting=Richting.IN).count() == 2
