"""The 301s of many sent beschikkingen at once (`toewijzingen_voor_beschikkingen`, the demo's
year and a migration): the same toewijzingen and messages as the service for one, each on the
moment its beschikking was sent; and providers' files kept with the moment they arrived."""

from __future__ import annotations

import datetime as dt
from unittest import mock

import pytest
from django.db import transaction
from django.utils import timezone

from eenplan.berichten.constants import BerichtStatus, Kanaal, Richting
from eenplan.berichten.models import Bericht, Toewijzing
from eenplan.berichten.services import (
    berichten_ontvang,
    berichten_opgehaald,
    berichten_verwerk_batch,
    toewijzingen_voor_beschikking,
    toewijzingen_voor_beschikkingen,
)
from eenplan.beschikkingen.models import Beschikking
from eenplan.events.models import Gebeurtenis
from eenplan.istandaarden import bouw, lees
from eenplan.testing.berichten import Aanbiedersbericht
from eenplan.testing.factories import AanvraagFactory, BeschikkingFactory

pytestmark = pytest.mark.django_db

VELDEN = (
    "gemeente_id",
    "inwoner_id",
    "aanbieder_id",
    "beschikte_voorziening_id",
    "wet",
    "productcategorie",
    "productcode",
    "toewijzingsdatum",
    "ingangsdatum",
    "einddatum",
    "reden_wijziging",
    "volume",
    "eenheid",
    "frequentie",
    "uitvoeringsvariant",
    "te_melden",
)


def _moment(dag: dt.date, uur: int = 10) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(dag, dt.time(uur)))


def _verzonden(dagen_terug: int) -> Beschikking:
    """A decided ZIN beschikking marked sent `dagen_terug` ago, without publishing (no 301
    yet: what a migration or the demo's bulk history finds)."""
    dag = timezone.localdate() - dt.timedelta(days=dagen_terug)
    beschikking = BeschikkingFactory(
        besloten_op=dag, aanvraag=AanvraagFactory(ontvangen_op=dag - dt.timedelta(days=10))
    )
    Beschikking.objects.filter(pk=beschikking.pk).update(verzonden_op=dag)
    beschikking.refresh_from_db()
    return beschikking


def _wat_er_ligt(beschikking: Beschikking) -> tuple[list[tuple], list[tuple], list[str]]:
    """The toewijzingen, the 301s (their file read, identificatie and numbers left out) and
    the timeline entries of `beschikking`'s resident."""
    toewijzingen = list(
        Toewijzing.objects.filter(inwoner=beschikking.inwoner).order_by("id").values_list(*VELDEN)
    )
    nummers = {
        t.nummer: i
        for i, t in enumerate(Toewijzing.objects.filter(inwoner=beschikking.inwoner).order_by("id"))
    }
    berichten = []
    for rij in Bericht.objects.filter(inwoners=beschikking.inwoner).order_by("id"):
        bericht = lees(bytes(rij.inhoud))
        bericht.header.bericht_identificatie.identificatie = "-"
        for p in bericht.client.toegewezen_producten:
            p.toewijzing_nummer = nummers[p.toewijzing_nummer]
        berichten.append(
            (
                rij.richting,
                rij.kanaal,
                rij.status,
                rij.soort,
                rij.afzender,
                rij.ontvanger,
                rij.aanbieder_id,
                rij.beschikking_id,
                rij.dagtekening,
                rij.moment,
                bouw(bericht),
            )
        )
    tijdlijn = list(
        Gebeurtenis.objects.filter(inwoner=beschikking.inwoner, soort="bericht.verzonden")
        .order_by("id")
        .values_list("omschrijving", "moment")
    )
    return toewijzingen, berichten, tijdlijn


def test_in_bulk_the_same_toewijzingen_and_301_as_the_service_on_the_day_sent(aanbieder):
    beschikking = _verzonden(40)
    moment = _moment(beschikking.verzonden_op)
    punt = transaction.savepoint()
    with mock.patch.object(timezone, "now", lambda: moment):
        toewijzingen_voor_beschikking(beschikking)
    service = _wat_er_ligt(beschikking)
    transaction.savepoint_rollback(punt)
    assert not Toewijzing.objects.filter(inwoner=beschikking.inwoner).exists()

    [rij] = toewijzingen_voor_beschikkingen([(beschikking.pk, moment)])
    assert _wat_er_ligt(beschikking) == service
    toewijzing = Toewijzing.objects.get(inwoner=beschikking.inwoner)
    assert toewijzing.nummer == toewijzing.pk
    assert rij.status == BerichtStatus.KLAAR and rij.moment == moment
    assert rij.dagtekening == beschikking.verzonden_op
    # Idempotent, as the service: a provision that has its toewijzing is left alone.
    assert toewijzingen_voor_beschikkingen([(beschikking.pk, moment)]) == []
    assert Toewijzing.objects.filter(inwoner=beschikking.inwoner).count() == 1


def test_a_later_301_carries_the_earlier_toewijzing_of_the_client_op087(aanbieder):
    eerste = _verzonden(60)
    dag = timezone.localdate() - dt.timedelta(days=20)
    tweede = BeschikkingFactory(
        besloten_op=dag,
        aanvraag=AanvraagFactory(
            inwoner=eerste.inwoner,
            ontvangen_op=dag - dt.timedelta(days=10),
        ),
    )
    Beschikking.objects.filter(pk=tweede.pk).update(verzonden_op=dag)
    rijen = toewijzingen_voor_beschikkingen(
        [
            (eerste.pk, _moment(timezone.localdate() - dt.timedelta(days=60))),
            (tweede.pk, _moment(timezone.localdate() - dt.timedelta(days=20))),
        ]
    )
    assert [r.beschikking_id for r in rijen] == [eerste.pk, tweede.pk]
    eerst, later = (lees(bytes(r.inhoud)) for r in rijen)
    assert len(eerst.client.toegewezen_producten) == 1
    assert {p.toewijzing_nummer for p in later.client.toegewezen_producten} == set(
        Toewijzing.objects.filter(inwoner=eerste.inwoner).values_list("nummer", flat=True)
    )
    assert len(later.client.toegewezen_producten) == 2


def test_fetched_in_bulk_then_the_retour_is_recorded(aanbieder):
    beschikking = _verzonden(10)
    [rij] = toewijzingen_voor_beschikkingen([(beschikking.pk, _moment(beschikking.verzonden_op))])
    opgehaald = _moment(beschikking.verzonden_op + dt.timedelta(days=1), 8)
    assert berichten_opgehaald([(rij.pk, opgehaald)]) == 1
    assert berichten_opgehaald([(rij.pk, opgehaald)]) == 0  # only from the outbox
    rij.refresh_from_db()
    assert rij.status == BerichtStatus.OPGEHAALD and rij.opgehaald_op == opgehaald
    van_aanbieder = Aanbiedersbericht(Toewijzing.objects.get(inwoner=beschikking.inwoner))
    retour = bouw(van_aanbieder.retour_op(rij))
    [(ontvangen, nieuw)] = berichten_ontvang(
        [(retour, "retour.xml")], kanaal=Kanaal.API, aanbieder=aanbieder, momenten=[opgehaald]
    )
    assert nieuw and ontvangen.moment == opgehaald
    berichten_verwerk_batch([ontvangen.pk], op_ontvangst=True)
    rij.refresh_from_db()
    assert rij.status == BerichtStatus.RETOUR_GOEDGEKEURD and rij.beantwoord_op == opgehaald


def test_files_kept_in_bulk_with_the_moment_each_arrived(aanbieder):
    beschikking = _verzonden(30)
    toewijzingen_voor_beschikkingen([(beschikking.pk, _moment(beschikking.verzonden_op))])
    toewijzing = Toewijzing.objects.get(inwoner=beschikking.inwoner)
    van_aanbieder = Aanbiedersbericht(toewijzing)
    dagen = [toewijzing.ingangsdatum + dt.timedelta(days=1), timezone.localdate()]
    momenten = [_moment(dagen[0], 11), timezone.now()]
    bestanden = [
        (bouw(van_aanbieder.start(dag=dagen[0])), "start.xml"),
        (bouw(van_aanbieder.stop(einddatum=dagen[1], dag=dagen[1])), "stop.xml"),
    ]
    rijen = berichten_ontvang(bestanden, kanaal=Kanaal.API, aanbieder=aanbieder, momenten=momenten)
    assert [r.moment for r, _ in rijen] == momenten
    # The retour term counts from the day it arrived (OP090: 3 working days).
    assert rijen[0][0].retour_uiterlijk < rijen[1][0].retour_uiterlijk
    with pytest.raises(ValueError, match="moment"):
        berichten_ontvang(bestanden, kanaal=Kanaal.API, aanbieder=aanbieder, momenten=momenten[:1])
    berichten_verwerk_batch([r.pk for r, _ in rijen], op_ontvangst=True)
    assert [b.status for b in Bericht.objects.filter(richting=Richting.IN).order_by("moment")] == [
        BerichtStatus.VERWERKT,
        BerichtStatus.VERWERKT,
    ]
