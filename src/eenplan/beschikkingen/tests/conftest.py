"""Fixtures shared by the beschikkingen tests: the catalogue's hulp bij het huishouden with two
contracted providers in kind (Thuiszorg West 29.90 and Zorg Oost 32.50 per hour), and an
aanvraag of the resident in Noord received a week ago."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from eenplan.beschikkingen import services
from eenplan.testing.factories import gecontracteerd
from eenplan.voorzieningen.services import voorziening_create

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
    gecontracteerd(v, "Thuiszorg West", tarief="29.90")
    gecontracteerd(v, "Zorg Oost", tarief="32.50")
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
