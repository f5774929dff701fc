"""Processing the message traffic: the 301 on a sent ZIN beschikking and on every change, the
provider's retour, and what the provider sends — validated, applied, answered, and kept also
when it is bad."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from eenplan.aanbieders.models import Aanbieder
from eenplan.berichten.constants import BerichtStatus, Richting
from eenplan.berichten.models import Bericht, Levering, Prestatie, Toewijzing
from eenplan.berichten.selectors import werklijst
from eenplan.berichten.services import verzoek_beantwoord
from eenplan.beschikkingen import services as beschikkingen
from eenplan.events.models import Gebeurtenis
from eenplan.gemeente.constants import Rol
from eenplan.istandaarden import bouw, lees
from eenplan.istandaarden import model as m
from eenplan.testing.berichten import AGB, Aanbiedersbericht, antwoord_op, ontvang
from eenplan.testing.factories import medewerker_voor
from eenplan.testing.scenarios import als

pytestmark = pytest.mark.django_db


def _uit(inwoner, soort="WMO301"):
    return Bericht.objects.filter(richting=Richting.UIT, inwoners=inwoner, soort=soort).order_by(
        "moment", "id"
    )


# --- outgoing: the 301 -----------------------------------------------------------------------


def test_sending_a_zin_beschikking_puts_a_301_for_the_provider_in_the_outbox(beschikking):
    inwoner = beschikking.inwoner
    [rij] = _uit(inwoner)
    assert rij.status == BerichtStatus.KLAAR
    assert rij.aanbieder.agb_code == AGB and rij.ontvanger == AGB and rij.afzender == "0983"
    assert rij.beschikking == beschikking
    bericht = lees(bytes(rij.inhoud))
    assert bericht.client.bsn == inwoner.bsn
    [product] = bericht.client.toegewezen_producten
    toewijzing = Toewijzing.objects.get(inwoner=inwoner)
    assert product.toewijzing_nummer == toewijzing.nummer
    assert product.omvang.volume == 3 and product.ingangsdatum == beschikking.besloten_op
    # In the resident's timeline.
    assert Gebeurtenis.objects.filter(
        inwoner=inwoner, soort="bericht.verzonden", record_id=rij.pk
    ).exists()


def test_a_beschikking_without_a_known_provider_sends_nothing(gemeente):
    """A provider taken over from the old free text has no AGB code yet: no 301 can go."""
    from eenplan.testing.factories import (
        BeschikkingFactory,
        ContractFactory,
        ContractProductFactory,
        VoorzieningFactory,
    )

    voorziening = VoorzieningFactory(gemeente=gemeente)
    zonder_agb = Aanbieder.objects.create(naam="Uit vrije tekst", agb_code="")
    contract = ContractFactory(aanbieder=zonder_agb, gemeente=gemeente)
    ContractProductFactory(contract=contract, voorziening=voorziening)
    beschikking = BeschikkingFactory(verzonden=True, voorziening=voorziening, aanbieder=zonder_agb)
    assert not Bericht.objects.filter(inwoners=beschikking.inwoner).exists()


def test_a_change_sends_a_new_301_with_every_current_toewijzing(beschikking, toewijzing):
    backoffice = medewerker_voor(beschikking.inwoner, Rol.BACKOFFICE)
    voorziening = beschikking.voorzieningen.get()
    als(
        beschikkingen.voorziening_wijzig,
        backoffice,
        voorziening=voorziening,
        omvang=Decimal(5),
        reden_wijziging="04",
    )
    eerste, tweede = _uit(beschikking.inwoner)
    [product] = lees(bytes(tweede.inhoud)).client.toegewezen_producten
    assert product.toewijzing_nummer == toewijzing.nummer
    assert product.omvang.volume == 5 and product.reden_wijziging == "04"
    assert eerste.identificatie != tweede.identificatie


def test_ending_a_provision_sends_the_end_date(beschikking, toewijzing):
    backoffice = medewerker_voor(beschikking.inwoner, Rol.BACKOFFICE)
    einde = beschikking.besloten_op + dt.timedelta(days=40)
    als(
        beschikkingen.voorziening_beeindig,
        backoffice,
        voorziening=beschikking.voorzieningen.get(),
        op=einde,
        reden_wijziging="07",
    )
    laatste = _uit(beschikking.inwoner).last()
    [product] = lees(bytes(laatste.inhoud)).client.toegewezen_producten
    assert product.einddatum == einde and product.reden_wijziging == "07"
    toewijzing.refresh_from_db()
    assert toewijzing.einddatum == einde
    assert Gebeurtenis.objects.filter(
        inwoner=beschikking.inwoner, soort="voorziening.beeindigd"
    ).exists()


def test_a_change_needs_a_reason_from_the_list(beschikking):
    from django.core.exceptions import ValidationError

    backoffice = medewerker_voor(beschikking.inwoner, Rol.BACKOFFICE)
    with pytest.raises(ValidationError):
        als(
            beschikkingen.voorziening_wijzig,
            backoffice,
            voorziening=beschikking.voorzieningen.get(),
            omvang=Decimal(5),
            reden_wijziging="99",
        )
    assert _uit(beschikking.inwoner).count() == 1


def test_the_providers_302_is_recorded_against_the_301(beschikking, van_aanbieder):
    [verzonden] = _uit(beschikking.inwoner)
    retour = ontvang(van_aanbieder.retour_op(verzonden))
    assert retour.status == BerichtStatus.VERWERKT and retour.antwoord_op == verzonden
    verzonden.refresh_from_db()
    assert verzonden.status == BerichtStatus.RETOUR_GOEDGEKEURD


def test_a_rejecting_302_marks_the_301_rejected_with_its_codes(beschikking, van_aanbieder):
    [verzonden] = _uit(beschikking.inwoner)
    ontvang(van_aanbieder.retour_op(verzonden, codes=["9332"]))
    verzonden.refresh_from_db()
    assert verzonden.status == BerichtStatus.RETOUR_AFGEKEURD
    assert verzonden.retourcodes == ["9332"]


# --- incoming: start and stop ----------------------------------------------------------------


def test_a_start_starts_the_delivery_and_gets_a_clean_306(van_aanbieder, toewijzing):
    bericht = ontvang(van_aanbieder.start())
    assert bericht.status == BerichtStatus.VERWERKT
    assert Levering.objects.filter(toewijzing=toewijzing, einddatum__isnull=True).count() == 1
    retour = antwoord_op(bericht)
    assert retour.naam == "WMO306" and retour.header.retourcodes == ["0200"]
    assert retour.client is None  # OP065: nothing rejected, the header only
    assert bericht.retour_verzonden_op is not None
    assert Gebeurtenis.objects.filter(
        inwoner=toewijzing.inwoner, soort="bericht.ontvangen", record_id=bericht.pk
    ).exists()


def test_a_stop_ends_the_delivery(van_aanbieder, toewijzing):
    ontvang(van_aanbieder.start())
    einde = toewijzing.ingangsdatum + dt.timedelta(days=20)
    bericht = ontvang(van_aanbieder.stop(einddatum=einde))
    assert bericht.status == BerichtStatus.VERWERKT
    levering = Levering.objects.get(toewijzing=toewijzing)
    assert levering.einddatum == einde and levering.stopbericht == bericht


def test_a_stop_without_a_start_gets_9069(van_aanbieder, toewijzing):
    bericht = ontvang(van_aanbieder.stop())
    assert bericht.status == BerichtStatus.AFGEKEURD
    assert bericht.retourcodes == ["9069"]
    retour = antwoord_op(bericht)
    assert retour.naam == "WMO308"
    assert retour.client.stop_producten[0].retourcodes == ["9069"]
    assert not Levering.objects.exists()


def test_a_start_for_an_unknown_toewijzing_gets_9019(van_aanbieder):
    bericht = ontvang(van_aanbieder.start(nummer=999999))
    assert bericht.retourcodes == ["9019"]
    assert not Levering.objects.exists()


def test_a_duplicate_message_changes_nothing(van_aanbieder, toewijzing):
    eerste = ontvang(van_aanbieder.start(identificatie="S1"))
    # The very same file again: stored once, nothing new.
    opnieuw = ontvang(bouw(lees(bytes(eerste.inhoud))))
    assert opnieuw.pk == eerste.pk
    # Another file with the same identificatie (TR056): kept, answered with 9056, not applied.
    later = van_aanbieder.start(
        eerste_dag := toewijzing.ingangsdatum + dt.timedelta(days=3), identificatie="S1"
    )
    dubbel = ontvang(later)
    assert eerste_dag
    assert dubbel.status == BerichtStatus.DUBBEL and dubbel.retourcodes == ["9056"]
    assert antwoord_op(dubbel).header.retourcodes == ["9056"]
    assert Levering.objects.filter(toewijzing=toewijzing).count() == 1
    assert Bericht.objects.filter(richting=Richting.IN).count() == 2


# --- incoming: the claim ------------------------------------------------------------------


def test_a_claim_within_the_volume_is_approved(van_aanbieder, toewijzing):
    bericht = ontvang(van_aanbieder.declaratie(volume=3))
    assert bericht.status == BerichtStatus.VERWERKT, bericht.retourcodes
    assert bericht.retourcodes == ["8001"]
    [prestatie] = Prestatie.objects.filter(bericht=bericht)
    assert prestatie.goedgekeurd and prestatie.toewijzing == toewijzing
    antwoord = antwoord_op(bericht)
    assert antwoord.naam == "WMO325"
    assert antwoord.declaratie_antwoord.totaal_toegekend_bedrag.totaal_bedrag == 3 * 2990


def test_a_claim_over_the_volume_gets_9321(van_aanbieder, toewijzing):
    bericht = ontvang(van_aanbieder.declaratie(volume=500))
    assert "9321" in bericht.retourcodes
    [prestatie] = Prestatie.objects.filter(bericht=bericht)
    assert not prestatie.goedgekeurd and "9321" in prestatie.retourcodes
    antwoord = antwoord_op(bericht)
    [client] = antwoord.declaratie_antwoord.clienten
    assert "9321" in client.prestaties[0].retourcodes
    assert antwoord.declaratie_antwoord.totaal_toegekend_bedrag.totaal_bedrag == 0


def test_a_claim_line_is_never_paid_twice(van_aanbieder):
    ontvang(van_aanbieder.declaratie(volume=1, ref="P1", nummer="D1"))
    tweede = ontvang(van_aanbieder.declaratie(volume=1, ref="P1", nummer="D2"))
    assert "8021" in tweede.retourcodes  # TR314: ReferentieNummer already delivered


def test_a_claim_for_days_after_its_dagtekening_is_refused_whole_with_0001(
    van_aanbieder, toewijzing
):
    """TR137: no period of a 323 ends after the message's Dagtekening — a month is claimed once
    it is over. A rule of the official stylesheet: the file is refused whole (0001 in the 325's
    header, IV087) and nothing of it is approved or kept as a claim line."""
    bericht = van_aanbieder.declaratie(volume=3)  # today, from the toewijzing's first day
    # The provider's software dated the file yesterday: the claimed day is after it.
    gisteren = timezone.localdate() - dt.timedelta(days=1)
    bericht.header.bericht_identificatie.dagtekening = gisteren
    bericht = ontvang(bericht)
    assert bericht.status == BerichtStatus.AFGEKEURD and bericht.retourcodes == ["0001"]
    assert "pas gedeclareerd als die voorbij is" in bericht.melding
    assert not Prestatie.objects.exists()
    antwoord = antwoord_op(bericht)
    assert antwoord.naam == "WMO325" and antwoord.header.retourcodes == ["0001"]
    assert antwoord.declaratie_antwoord is None
    # The same claim dated today is approved.
    goed = ontvang(van_aanbieder.declaratie(volume=3, ref="P2", nummer="D2"))
    assert goed.status == BerichtStatus.VERWERKT and goed.retourcodes == ["8001"]


def test_a_second_debet_line_for_the_same_period_and_product_refuses_the_claim_whole(
    van_aanbieder, toewijzing
):
    """TR416: a client's debet line may not repeat the period, product and toewijzing of an
    earlier debet line in the file. A rule of the official stylesheet, as TR137: the file is
    refused whole (0001 in the 325's header) and nothing of it is approved."""
    bericht = van_aanbieder.declaratie(volume=1, ref="P1", nummer="D1")
    [client] = bericht.declaratie.clienten
    [eerste] = client.prestaties
    client.prestaties.append(
        dataclasses.replace(eerste, product_referentie=m.Referentie("P2"), retourcodes=[])
    )
    bericht.declaratie.totaal_ingediend_bedrag = m.TotaalBedragMetDC(
        2 * eerste.ingediend_bedrag.bedrag, "D"
    )
    bericht = ontvang(bericht)
    assert bericht.status == BerichtStatus.AFGEKEURD and bericht.retourcodes == ["0001"]
    assert "Dubbele debetprestatie" in bericht.melding
    assert not Prestatie.objects.exists()
    antwoord = antwoord_op(bericht)
    assert antwoord.naam == "WMO325" and antwoord.header.retourcodes == ["0001"]
    # The same line once is approved.
    goed = ontvang(van_aanbieder.declaratie(volume=1, ref="P3", nummer="D2"))
    assert goed.status == BerichtStatus.VERWERKT and goed.retourcodes == ["8001"]


# --- incoming: requests and the worklist ----------------------------------------------------


def test_a_request_waits_on_the_worklist_until_answered_with_a_319(van_aanbieder, toewijzing):
    bericht = ontvang(van_aanbieder.verzoek())
    assert bericht.status == BerichtStatus.VERWERKT
    assert antwoord_op(bericht).naam == "WMO316"
    vandaag = timezone.localdate()
    assert bericht.antwoord_uiterlijk is not None and bericht.antwoord_uiterlijk > vandaag
    [rij] = werklijst(vandaag)
    assert rij.pk == bericht.pk and rij.uiterlijk == bericht.antwoord_uiterlijk
    contract = medewerker_voor(toewijzing.inwoner, Rol.BACKOFFICE)
    antwoord = verzoek_beantwoord(
        bericht=bericht, actor=contract.user, verzoek_antwoord="1", reden_afwijzing="3"
    )
    assert antwoord.soort == "WMO319"
    assert lees(bytes(antwoord.inhoud)).antwoord.referentie_aanbieder == "REF-1"
    assert not werklijst(vandaag).exists()


def test_the_worklist_shows_what_is_overdue_first(van_aanbieder):
    bericht = ontvang(van_aanbieder.verzoek())
    later = bericht.antwoord_uiterlijk + dt.timedelta(days=1)
    [rij] = werklijst(later)
    assert rij.stand == "verlopen"


# --- bad input never crashes ------------------------------------------------------------------


def test_unknown_bsn_is_kept_and_answered(van_aanbieder, toewijzing):
    van_aanbieder.t.inwoner.bsn = "111222333"  # not in this municipality
    bericht = ontvang(van_aanbieder.start())
    assert bericht.retourcodes == ["9019"]
    assert bericht.antwoorden.count() == 1


def test_unknown_agb_is_answered_with_0001(toewijzing):
    bericht = ontvang(Aanbiedersbericht(toewijzing, agb="98999999").start())
    assert bericht.status == BerichtStatus.AFGEKEURD and bericht.retourcodes == ["0001"]
    assert "AGB-code 98999999" in bericht.melding
    assert antwoord_op(bericht).header.retourcodes == ["0001"]


def test_a_claim_for_another_municipality_gets_s300(toewijzing):
    bericht = ontvang(Aanbiedersbericht(toewijzing, gemeente="0363").declaratie(volume=1))
    assert bericht.status == BerichtStatus.AFGEKEURD and bericht.retourcodes == ["S300"]
    assert not Prestatie.objects.exists()
    assert antwoord_op(bericht).header.retourcodes == ["S300"]


@pytest.mark.parametrize(
    "inhoud",
    [
        pytest.param(b"<?xml version='1.0'?><wmo305:Bericht xmlns:wmo305=", id="afgebroken"),
        pytest.param(
            b'<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY a "aaaaaaaaaa">'
            b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><Bericht>&b;</Bericht>',
            id="xml-bom",
        ),
        pytest.param(b"", id="leeg"),
        pytest.param(b"\xff\xfe niet eens utf-8", id="geen-utf8"),
    ],
)
def test_unreadable_files_are_kept_with_0001(db, inhoud):
    bericht = ontvang(inhoud)
    assert bericht.status == BerichtStatus.ONLEESBAAR
    assert bericht.retourcodes == ["0001"] and bericht.melding
    assert bytes(bericht.inhoud) == inhoud
    assert not bericht.antwoorden.exists()


def test_a_wrong_namespace_is_kept_with_0001(van_aanbieder):
    inhoud = bouw(van_aanbieder.start()).replace(
        b"http://www.istandaarden.nl/iwmo/3_2/wmo305/schema", b"urn:iets-anders"
    )
    bericht = ontvang(inhoud)
    assert bericht.status == BerichtStatus.ONLEESBAAR and bericht.retourcodes == ["0001"]


def test_the_messages_appear_in_the_residents_dossier_timeline(van_aanbieder, toewijzing):
    from eenplan.testing.helpers import api_for

    ontvang(van_aanbieder.stop())  # a stop without a start: rejected, still in the timeline
    backoffice = medewerker_voor(toewijzing.inwoner, Rol.BACKOFFICE)
    dossier = api_for(backoffice).get(f"/api/v1/dossiers/{toewijzing.inwoner_id}/").json()
    regels = [g["omschrijving"] for g in dossier["gebeurtenissen"]]
    assert any("Toewijzing (WMO301) klaargezet voor Thuiszorg West" in r for r in regels)
    assert any("afgekeurd: 9069" in r for r in regels)


def test_a_new_301_answers_the_providers_open_request(beschikking, van_aanbieder):
    verzoek = ontvang(van_aanbieder.verzoek())
    assert verzoek.beantwoord_op is None
    backoffice = medewerker_voor(beschikking.inwoner, Rol.BACKOFFICE)
    als(
        beschikkingen.voorziening_wijzig,
        backoffice,
        voorziening=beschikking.voorzieningen.get(),
        omvang=Decimal(4),
        reden_wijziging="04",
    )
    verzoek.refresh_from_db()
    assert verzoek.beantwoord_op is not None
    assert not werklijst(timezone.localdate()).filter(pk=verzoek.pk).exists()
