"""Safe output: a hostile text typed into a free-text field shows as text, never as markup."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from eenplan.beschikkingen import services as beschikkingen
from eenplan.beschikkingen.services import Regel
from eenplan.conftest import login
from eenplan.gemeente.constants import Rol, TeamSoort
from eenplan.gemeente.services import roles_sync
from eenplan.testing.factories import (
    GemeenteFactory,
    InwonerFactory,
    MedewerkerFactory,
    TeamFactory,
    WijkFactory,
)
from eenplan.voorzieningen.services import tarief_add, voorziening_create

pytestmark = pytest.mark.django_db
PAYLOAD = "<script>alert(1)</script>\"'&<img src=x onerror=alert(1)>"
RAUW = ("<script>alert(1)", "<img src=x")


@pytest.fixture
def gemeente(db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    roles_sync()
    return GemeenteFactory()


@pytest.fixture
def wijken(gemeente):
    return {naam: WijkFactory(gemeente=gemeente, naam=naam) for naam in ("Noord", "Zuid")}


def test_letter_preview_escapes_name_and_motivering(client, gemeente, wijken):
    team = TeamFactory(
        gemeente=gemeente,
        naam="Backoffice",
        soort=TeamSoort.BACKOFFICE,
        wijken=list(wijken.values()),
    )
    bo = MedewerkerFactory(gemeente=gemeente, functie=Rol.BACKOFFICE, teams=[team])
    inwoner = InwonerFactory(gemeente=gemeente, wijk=wijken["Noord"], achternaam=PAYLOAD)
    v = voorziening_create(
        gemeente=gemeente,
        naam="Hulp",
        soort="individueel",
        wet="wmo",
        productcategorie="01",
        productcode="01A01",
        eenheid="04",
        frequentie="2",
        uitvoeringsvariant="inspanning",
        kostprijs_per_maand=Decimal("250.00"),
    )
    tarief_add(
        voorziening=v,
        leveringsvorm="zin",
        bedrag=Decimal("30"),
        geldig_vanaf=dt.date(2024, 1, 1),
        bron="Contract",
        aanbieder="Thuiszorg",
    )
    vandaag = timezone.localdate()
    aanvraag = beschikkingen.aanvraag_register(
        inwoner=inwoner,
        omschrijving=PAYLOAD,
        wet="wmo",
        ontvangen_op=vandaag,
        ingediend_door=PAYLOAD,
        door=bo.user,
    )
    b = beschikkingen.beschikking_issue(
        aanvraag=aanvraag,
        actor=bo.user,
        besloten_op=vandaag,
        motivering=PAYLOAD,
        regels=[
            Regel(
                voorziening=v,
                uitkomst="toegekend",
                omvang=Decimal(3),
                begin=vandaag,
                einde=vandaag + dt.timedelta(days=30),
                leveringsvorm="zin",
                aanbieder="Thuiszorg",
            )
        ],
    )
    body = login(client, bo).get(reverse("beschikkingen:detail", args=[b.pk])).content.decode()
    assert not any(r in body for r in RAUW)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
