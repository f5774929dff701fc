"""Every state change of aanvraag, beschikking, bezwaar and klacht leaves an event in the
dossier's history (ADR 0013), written in the service's transaction, and the resident's dossier
page shows it in its timeline. A refused change leaves no event."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from eenplan.beschikkingen import services
from eenplan.beschikkingen.constants import AanvraagStatus
from eenplan.beschikkingen.models import Aanvraag
from eenplan.beschikkingen.services import Regel, datum_tekst
from eenplan.conftest import login
from eenplan.events.models import Gebeurtenis
from eenplan.events.selectors import record_geschiedenis
from eenplan.testing.factories import gecontracteerd
from eenplan.voorzieningen.services import voorziening_create

pytestmark = pytest.mark.django_db
VANDAAG = timezone.localdate()


@pytest.fixture
def hh(gemeente):
    return voorziening_create(
        gemeente=gemeente,
        naam="Hulp bij het huishouden",
        soort="individueel",
        wet="wmo",
        productcategorie="01",
        productcode="01A01",
        eenheid="04",
        frequentie="2",
        uitvoeringsvariant="inspanning",
        kostprijs_per_maand=Decimal("250.00"),
    )


def _regel(hh) -> Regel:
    return Regel(
        voorziening=hh,
        uitkomst="toegekend",
        omvang=Decimal(3),
        begin=VANDAAG,
        einde=VANDAAG + dt.timedelta(days=365),
        leveringsvorm="zin",
        aanbieder=gecontracteerd(hh),
    )


def _soorten(record) -> list[str]:
    return list(
        record_geschiedenis(record._meta.label_lower, record.pk).values_list("soort", flat=True)
    )


def test_the_whole_decision_leaves_its_history_and_the_dossier_shows_it(
    client, hh, inwoner_noord, generalist, backoffice_user
):
    aanvraag = services.aanvraag_register(
        inwoner=inwoner_noord,
        omschrijving="Hulp bij het huishouden",
        wet="wmo",
        ontvangen_op=VANDAAG - dt.timedelta(days=3),
        ingediend_door="Anna Jansen",
        door=generalist.user,
    )
    opschorting = services.aanvraag_suspend(
        aanvraag=aanvraag,
        van=VANDAAG - dt.timedelta(days=2),
        reden="Wacht op papieren",
        actor=generalist.user,
    )
    services.aanvraag_resume(opschorting=opschorting, tot=VANDAAG, actor=generalist.user)
    # A generalist decides; the back office finds it unlawful: the aanvraag opens again.
    eerste = services.beschikking_issue(
        aanvraag=aanvraag,
        actor=generalist.user,
        besloten_op=VANDAAG,
        motivering="m",
        regels=[_regel(hh)],
    )
    versie = Aanvraag.objects.get(pk=aanvraag.pk).versie
    services.rechtmatigheid_check(
        beschikking=eerste, actor=backoffice_user, rechtmatig=False, reden="Geen ladder"
    )
    aanvraag.refresh_from_db()
    assert aanvraag.status == AanvraagStatus.ONTVANGEN and aanvraag.versie == versie + 1
    tweede = services.beschikking_issue(
        aanvraag=aanvraag,
        actor=backoffice_user,
        besloten_op=VANDAAG,
        motivering="Beter",
        regels=[_regel(hh)],
    )
    tweede = services.beschikking_send(beschikking=tweede, actor=backoffice_user, op=VANDAAG)

    assert _soorten(aanvraag) == [
        "aanvraag.ontvangen",
        "aanvraag.opgeschort",
        "aanvraag.hervat",
        "aanvraag.besloten",
        "aanvraag.heropend",
        "aanvraag.besloten",
    ]
    assert _soorten(eerste) == ["beschikking.genomen", "beschikking.getoetst"]
    assert _soorten(tweede) == ["beschikking.genomen", "beschikking.verzonden"]
    # Who did it, and on whose dossier.
    verzonden = Gebeurtenis.objects.get(soort="beschikking.verzonden")
    assert verzonden.user == backoffice_user and verzonden.inwoner_id == inwoner_noord.pk
    assert Gebeurtenis.objects.get(soort="aanvraag.opgeschort").user == generalist.user
    zin = (
        f"Beschikking {tweede.pk} verzonden (bezwaar uiterlijk "
        f"{datum_tekst(tweede.bezwaar_uiterlijk)})"
    )
    assert verzonden.omschrijving == zin

    body = login(client, generalist).get(f"/inwoners/{inwoner_noord.pk}/").content.decode()
    tijdlijn = body.split('id="kop-tijdlijn"', 1)[1]
    assert zin in tijdlijn
    assert f"Aanvraag {aanvraag.pk} weer open: beschikking {eerste.pk} is onrechtmatig" in tijdlijn


def test_a_refused_change_leaves_no_event(hh, inwoner_noord, generalist, backoffice_user):
    aanvraag = services.aanvraag_register(
        inwoner=inwoner_noord,
        omschrijving="Hulp bij het huishouden",
        wet="wmo",
        ontvangen_op=VANDAAG,
        ingediend_door="Anna Jansen",
        door=generalist.user,
    )
    voor = Gebeurtenis.objects.count()
    with pytest.raises(ValidationError):
        services.beschikking_issue(
            aanvraag=aanvraag,
            actor=backoffice_user,
            besloten_op=VANDAAG,
            motivering=" ",
            regels=[_regel(hh)],
        )
    b = services.beschikking_issue(
        aanvraag=aanvraag,
        actor=backoffice_user,
        besloten_op=VANDAAG,
        motivering="m",
        regels=[_regel(hh)],
    )
    na_besluit = Gebeurtenis.objects.count()
    assert na_besluit == voor + 2
    with pytest.raises(ValidationError):
        services.beschikking_send(
            beschikking=b, actor=backoffice_user, op=VANDAAG + dt.timedelta(days=1)
        )
    assert Gebeurtenis.objects.count() == na_besluit
