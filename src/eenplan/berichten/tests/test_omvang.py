"""The Omvang of a 301 always has a Frequentie: a provision counted without a period (a
wheelchair, 1 stuk) is a total within the toewijzing's validity (WMO757 code 6). Before, its
301 had an empty Frequentie and no provider could read it (found by the demo traffic)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

from eenplan.berichten.services.uitgaand import _omvang
from eenplan.beschikkingen.models import BeschikteVoorziening
from eenplan.istandaarden import bouw, lees, voorbeelden
from eenplan.istandaarden import model as m
from eenplan.voorzieningen.models import Voorziening


def test_a_provision_without_a_period_is_a_total_within_the_validity():
    rolstoel = Voorziening(naam="Rolstoel", eenheid="82", frequentie="")
    bv = BeschikteVoorziening(voorziening=rolstoel, omvang=Decimal(1), eenheid="", frequentie="")
    volume, eenheid, frequentie = _omvang(bv)
    assert (volume, eenheid, frequentie) == (1, "82", "6")
    bericht = voorbeelden.toewijzing("wmo")
    product = bericht.client.toegewezen_producten[0]
    bericht.client.toegewezen_producten[0] = dataclasses.replace(
        product,
        einddatum=dt.date(2027, 12, 31),
        product=m.Product("11", "11X01"),
        omvang=m.Omvang(volume, eenheid, frequentie),
    )
    assert lees(bouw(bericht)) == bericht  # readable, where an empty Frequentie was not


def test_a_weekly_provision_keeps_its_frequency():
    hh = Voorziening(naam="Hulp bij het huishouden", eenheid="04", frequentie="2")
    bv = BeschikteVoorziening(voorziening=hh, omvang=Decimal("2.5"), eenheid="", frequentie="")
    assert _omvang(bv) == (150, "01", "2")
