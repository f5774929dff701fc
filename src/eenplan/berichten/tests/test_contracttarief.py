"""TR418: the tariff of a claim line is the contract's tariff for its product code (0611),
judged only where the provider's contract with the municipality sets one in the same unit.
The test world contracts the provider at 29.90 per unit (`factories.gecontracteerd`)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from eenplan.aanbieders.models import ContractProduct
from eenplan.berichten.constants import BerichtStatus
from eenplan.berichten.models import Prestatie
from eenplan.testing.berichten import antwoord_op, ontvang

pytestmark = pytest.mark.django_db


def _contractproducten(toewijzing):
    rijen = ContractProduct.objects.filter(
        contract__aanbieder=toewijzing.aanbieder, productcode=toewijzing.productcode
    )
    assert rijen.exists()
    return rijen


def test_a_claim_at_the_contract_tariff_is_approved(van_aanbieder, toewijzing):
    assert {r.tarief for r in _contractproducten(toewijzing)} == {Decimal("29.90")}
    bericht = ontvang(van_aanbieder.declaratie(volume=2, tarief=2990))
    assert bericht.status == BerichtStatus.VERWERKT, bericht.retourcodes
    assert Prestatie.objects.get(bericht=bericht).goedgekeurd


def test_a_claim_at_another_tariff_than_the_contract_gets_0611(van_aanbieder, toewijzing):
    bericht = ontvang(van_aanbieder.declaratie(volume=2, tarief=3000))
    assert bericht.status == BerichtStatus.AFGEKEURD
    assert "0611" in bericht.retourcodes
    [prestatie] = Prestatie.objects.filter(bericht=bericht)
    assert not prestatie.goedgekeurd and prestatie.retourcodes == ["0611"]
    [client] = antwoord_op(bericht).declaratie_antwoord.clienten
    assert client.prestaties[0].retourcodes == ["0611"]


def test_a_changed_contract_tariff_counts(van_aanbieder, toewijzing):
    _contractproducten(toewijzing).update(tarief=Decimal("30.00"))
    bericht = ontvang(van_aanbieder.declaratie(volume=2, tarief=3000))
    assert bericht.status == BerichtStatus.VERWERKT, bericht.retourcodes


def test_a_tariff_in_another_unit_is_not_compared(van_aanbieder, toewijzing):
    andere = "14" if toewijzing.eenheid != "14" else "04"
    _contractproducten(toewijzing).update(eenheid=andere)
    bericht = ontvang(van_aanbieder.declaratie(volume=2, tarief=3000))
    assert bericht.status == BerichtStatus.VERWERKT, bericht.retourcodes
