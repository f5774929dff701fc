"""A contract of another municipality (issue 16): looked up within the login's municipality, so
it answers the 404 of one that does not exist — on the page and in the API, for a read and a
write — and the refusal is in the access log of the login's own municipality
(`aanbieders.opzoeken` through `access.get_or_refuse`, ADR 0046). Nothing changes. The
provider itself serves several municipalities: its list counts only the login's contracts."""

from __future__ import annotations

import pytest
from django.test import Client

from eenplan.aanbieders.models import ContractDocument
from eenplan.conftest import login
from eenplan.gemeente.constants import Rol
from eenplan.privacy.access import NIET_BINNEN_GEMEENTE
from eenplan.testing.factories import (
    ContractDocumentFactory,
    ContractFactory,
    ContractProductFactory,
    MedewerkerFactory,
)
from eenplan.testing.helpers import api_for, geweigerd_elders, van_elders

pytestmark = pytest.mark.django_db


def test_a_contract_of_another_municipality_is_a_logged_404_and_changes_nothing(gemeente):
    product = ContractProductFactory(voorziening__gemeente=gemeente)
    contract = product.contract
    document = ContractDocumentFactory(contract=contract)
    elders = van_elders(Rol.CONTRACTMANAGER)
    client, api = login(Client(), elders), api_for(elders)
    pad = f"/aanbieders/contracten/{contract.pk}/"
    antwoorden = [
        client.get(pad),
        client.get(f"{pad}documenten/{document.pk}/"),
        api.get(f"/api/v1/contracten/{contract.pk}/"),
        client.post(f"{pad}document/", {"document-titel": "Bijlage"}),
        api.patch(f"/api/v1/contracten/{contract.pk}/", {"omschrijving": "X"}, format="json"),
    ]
    assert [a.status_code for a in antwoorden] == [404] * 5
    assert api.get("/api/v1/contracten/987654/").status_code == 404
    rijen = geweigerd_elders(elders)
    assert [(r.reden, r.handeling) for r in rijen] == [
        (f"Contract {contract.pk}: {NIET_BINNEN_GEMEENTE}.", "lezen"),
        (f"Contract {contract.pk}: {NIET_BINNEN_GEMEENTE}.", "lezen"),
        (f"Contract {contract.pk}: {NIET_BINNEN_GEMEENTE}.", "lezen"),
        (f"Contract {contract.pk}: {NIET_BINNEN_GEMEENTE}.", "wijzigen"),
        (f"Contract {contract.pk}: {NIET_BINNEN_GEMEENTE}.", "wijzigen"),
        (f"Contract 987654: {NIET_BINNEN_GEMEENTE}.", "lezen"),
    ]
    assert {r.gemeente_id for r in rijen} == {elders.gemeente_id}
    contract.refresh_from_db()
    assert contract.omschrijving == "Raamovereenkomst Wmo maatwerk"
    assert list(ContractDocument.objects.values_list("pk", flat=True)) == [document.pk]


def test_the_own_municipality_reads_its_contract_and_counts_only_its_own(gemeente):
    product = ContractProductFactory(voorziening__gemeente=gemeente)
    contract = product.contract
    ContractDocumentFactory(contract=contract)
    elders = van_elders(Rol.CONTRACTMANAGER)
    ContractFactory(aanbieder=contract.aanbieder, gemeente=elders.gemeente)
    manager = MedewerkerFactory(gemeente=gemeente, functie=Rol.CONTRACTMANAGER)
    eigen = login(Client(), manager)
    pagina = eigen.get(f"/aanbieders/contracten/{contract.pk}/")
    assert pagina.status_code == 200
    assert product.voorziening.naam in pagina.content.decode()
    assert "Getekende raamovereenkomst" in pagina.content.decode()
    detail = eigen.get(f"/api/v1/contracten/{contract.pk}/").json()
    assert [p["id"] for p in detail["producten"]] == [product.pk]
    assert len(detail["documenten"]) == 1
    # The provider has a contract with each municipality; each counts its own.
    for medewerker in (manager, elders):
        rij = api_for(medewerker).get(f"/api/v1/aanbieders/{contract.aanbieder_id}/").json()
        assert rij["aantal_contracten"] == 1
