"""Fixtures shared by the beschikkingen tests: the catalogue's hulp bij het huishouden with two
contract tariffs in kind, and an aanvraag of the resident in Noord received a week ago."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from eenplan.beschikkingen import services
from eenplan.voorzieningen.services import tarief_add, voorziening_create

VANDAAG = timezone.localdate()


@pytest.fixture
def hh(gemeente):
    v = voorziening_create(
        gemeente=gemeente,
        naam="Hulp bij het huishouden",
        soort="individueel",
        wet="wmo",
        productcategorie="01",
        productcode="01A01",
        eenheid="04",
        frequentie="2",
        uitvoeringsvariant="inspanning",
        pgb_mogelijk=True,
        kostprijs_per_maand=Decimal("250.00"),
    )
    tarief_add(
        voorziening=v,
        leveringsvorm="zin",
        bedrag=Decimal("29.90"),
        geldig_vanaf=dt.date(2024, 1, 1),
        bron="Contract 2024",
        aanbieder="Thuiszorg West",
    )
    tarief_add(
        voorziening=v,
        leveringsvorm="zin",
        bedrag=Decimal("32.50"),
        geldig_vanaf=dt.date(2024, 1, 1),
        bron="Contract 2024",
        aanbieder="Zorg Oost",
    )
    return v


@pytest.fixture
def aanvraag(inwoner_noord, generalist):
    return services.aanvraag_register(
        inwoner=inwoner_noord,
        omschrijving="Hulp bij het huishouden",
        wet="wmo",
        ontvangen_op=VANDAAG - dt.timedelta(days=7),
        ingediend_door="Anna Jansen",
        door=generalist.user,
    )
