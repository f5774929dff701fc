"""Providers, contracts and contracted tariffs: what the contract manager records, and what is
refused (a Dutch message per field, nothing changes)."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from eenplan.aanbieders.models import Aanbieder, Contract, ContractDocument, ContractProduct
from eenplan.aanbieders.selectors import aanbieders_list, aanbieders_met_contract, contract_tarief
from eenplan.aanbieders.services import (
    aanbieder_save,
    contract_document_add,
    contract_product_save,
    contract_save,
)
from eenplan.common.concurrency import Conflict
from eenplan.testing.factories import (
    AanbiederFactory,
    ContractFactory,
    ContractProductFactory,
    GemeenteFactory,
    MedewerkerFactory,
    VoorzieningFactory,
)

pytestmark = pytest.mark.django_db

D = dt.date


def test_a_provider_needs_a_well_formed_agb_code() -> None:
    with pytest.raises(ValidationError) as exc:
        aanbieder_save(naam="Zorg Oost", agb_code="1234")
    assert "8 cijfers" in exc.value.message_dict["agb_code"][0]
    with pytest.raises(ValidationError) as exc:
        aanbieder_save(naam="Zorg Oost")
    assert "AGB-code" in exc.value.message_dict["agb_code"][0]
    assert not Aanbieder.objects.exists()
    a = aanbieder_save(naam="  Zorg Oost ", agb_code="98000123", contactpersoon="Kim de Wit")
    assert (a.naam, a.agb_code, a.versie) == ("Zorg Oost", "98000123", 1)


def test_two_providers_cannot_share_an_agb_code() -> None:
    AanbiederFactory(agb_code="98000123")
    with pytest.raises(Conflict, match="al een aanbieder met deze AGB-code"):
        aanbieder_save(naam="Ander", agb_code="98000123")
    assert Aanbieder.objects.count() == 1


def test_a_missing_agb_can_be_completed_but_a_known_one_not_emptied() -> None:
    oud = Aanbieder.objects.create(naam="Uit vrije tekst", agb_code="")
    assert oud.agb_ontbreekt
    # Changing the contact details of a taken-over provider is possible before the AGB is known.
    aanbieder_save(aanbieder=oud, telefoon="077 111 22 33")
    aanbieder_save(aanbieder=oud, agb_code="98000777")
    oud.refresh_from_db()
    assert (oud.agb_code, oud.versie) == ("98000777", 3)
    with pytest.raises(ValidationError):
        aanbieder_save(aanbieder=oud, agb_code="")
    oud.refresh_from_db()
    assert oud.agb_code == "98000777"


def test_a_deelovereenkomst_lies_within_its_raamovereenkomst() -> None:
    raam = ContractFactory(begin=D(2024, 1, 1), einde=D(2027, 12, 31))
    deel = contract_save(
        aanbieder=raam.aanbieder,
        gemeente=raam.gemeente,
        hoofdcontract=raam,
        kenmerk="D-1",
        begin=D(2025, 1, 1),
        einde=D(2025, 12, 31),
        uitvoeringsvariant="output",
        financieringsvorm="traject",
    )
    assert (deel.get_soort_display(), raam.get_soort_display()) == (
        "Deelovereenkomst",
        "Raamovereenkomst",
    )
    with pytest.raises(ValidationError, match="binnen de looptijd"):
        contract_save(
            aanbieder=raam.aanbieder,
            gemeente=raam.gemeente,
            hoofdcontract=raam,
            kenmerk="D-2",
            begin=D(2025, 1, 1),
            einde=D(2028, 6, 30),
            uitvoeringsvariant="output",
            financieringsvorm="traject",
        )
    ander = AanbiederFactory()
    with pytest.raises(ValidationError, match="andere aanbieder"):
        contract_save(
            aanbieder=ander,
            gemeente=raam.gemeente,
            hoofdcontract=raam,
            kenmerk="D-3",
            begin=D(2025, 1, 1),
            uitvoeringsvariant="output",
            financieringsvorm="traject",
        )
    with pytest.raises(ValidationError, match="niet onder een andere deelovereenkomst"):
        contract_save(
            aanbieder=raam.aanbieder,
            gemeente=raam.gemeente,
            hoofdcontract=deel,
            kenmerk="D-4",
            begin=D(2025, 1, 1),
            einde=D(2025, 6, 30),
            uitvoeringsvariant="output",
            financieringsvorm="traject",
        )
    assert Contract.objects.count() == 2


def test_contract_refuses_an_end_before_its_start_and_a_duplicate_number() -> None:
    c = ContractFactory(kenmerk="WMO-1")
    with pytest.raises(ValidationError) as exc:
        contract_save(contract=c, einde=D(2023, 1, 1))
    assert "einde" in exc.value.message_dict
    with pytest.raises(Conflict, match="al een contract met dit kenmerk"):
        ContractFactory(gemeente=c.gemeente, kenmerk="WMO-1")
    c.refresh_from_db()
    assert c.einde is None


def test_contract_product_takes_the_catalogue_code_and_refuses_overlap() -> None:
    hh = VoorzieningFactory(productcode="01A01")
    p = ContractProductFactory(voorziening=hh, tarief=Decimal("29.90"), geldig_tot=D(2024, 12, 31))
    assert (p.productcategorie, p.productcode, p.eenheid) == ("01", "01A01", "04")
    with pytest.raises(ValidationError, match="al een tarief"):
        contract_product_save(
            contract=p.contract,
            voorziening=hh,
            tarief=Decimal("31"),
            eenheid="04",
            geldig_vanaf=D(2024, 6, 1),
            bron="Indexatie 2024",
        )
    with pytest.raises(ValidationError) as exc:
        contract_product_save(
            contract=p.contract,
            voorziening=hh,
            tarief=Decimal("-1"),
            eenheid="99",
            geldig_vanaf=D(2023, 6, 1),
            bron="",
        )
    assert set(exc.value.message_dict) == {"tarief", "eenheid", "bron", "geldig_vanaf"}
    contract_product_save(
        contract=p.contract,
        voorziening=hh,
        tarief=Decimal("31.20"),
        eenheid="04",
        geldig_vanaf=D(2025, 1, 1),
        bron="Indexatie 2025",
    )
    assert ContractProduct.objects.count() == 2


def test_contract_product_refuses_another_municipalitys_or_a_general_provision() -> None:
    c = ContractFactory()
    vreemd = VoorzieningFactory(
        gemeente=GemeenteFactory(cbs_code="GM1507", naam="Horst aan de Maas")
    )
    algemeen = VoorzieningFactory(gemeente=c.gemeente, algemeen=True)
    for vz in (vreemd, algemeen):
        with pytest.raises(ValidationError) as exc:
            contract_product_save(
                contract=c,
                voorziening=vz,
                tarief=Decimal("10"),
                eenheid="04",
                geldig_vanaf=D(2024, 1, 1),
                bron="x",
            )
        assert "voorziening" in exc.value.message_dict
    assert not ContractProduct.objects.exists()


def test_providers_with_a_contract_on_a_date() -> None:
    hh = VoorzieningFactory()
    west = ContractProductFactory(
        voorziening=hh,
        contract=ContractFactory(gemeente=hh.gemeente, begin=D(2024, 1, 1), einde=D(2024, 12, 31)),
    ).contract.aanbieder
    oost = ContractProductFactory(
        voorziening=hh,
        contract=ContractFactory(gemeente=hh.gemeente, begin=D(2025, 1, 1)),
        tarief=Decimal("32.50"),
    ).contract.aanbieder
    # A provider contracted for another product only, and one contracted by another municipality.
    ContractProductFactory(voorziening=VoorzieningFactory(gemeente=hh.gemeente))
    ContractProductFactory(
        voorziening=VoorzieningFactory(gemeente=GemeenteFactory(cbs_code="GM1507", naam="Horst"))
    )

    assert list(aanbieders_met_contract(hh, D(2024, 6, 1))) == [west]
    assert list(aanbieders_met_contract(hh, D(2025, 6, 1))) == [oost]
    assert list(aanbieders_met_contract(hh, D(2023, 6, 1))) == []
    assert contract_tarief(oost, hh, D(2025, 6, 1)).tarief == Decimal("32.50")
    assert contract_tarief(oost, hh, D(2024, 6, 1)) is None
    aanbieder_save(aanbieder=oost, actief=False)
    assert list(aanbieders_met_contract(hh, D(2025, 6, 1))) == []


def test_a_deelovereenkomst_tariff_wins_over_the_raamovereenkomst() -> None:
    hh = VoorzieningFactory()
    raam = ContractFactory(gemeente=hh.gemeente)
    ContractProductFactory(contract=raam, voorziening=hh, tarief=Decimal("29.90"))
    deel = ContractFactory(
        gemeente=hh.gemeente,
        aanbieder=raam.aanbieder,
        hoofdcontract=raam,
        begin=D(2025, 1, 1),
        einde=D(2025, 12, 31),
    )
    ContractProductFactory(contract=deel, voorziening=hh, tarief=Decimal("27.50"))
    assert contract_tarief(raam.aanbieder, hh, D(2025, 3, 1)).tarief == Decimal("27.50")
    assert contract_tarief(raam.aanbieder, hh, D(2026, 3, 1)).tarief == Decimal("29.90")


def test_search_finds_by_name_agb_and_lists_missing_agb() -> None:
    AanbiederFactory(naam="Zorggroep Noorderbreedte", agb_code="98001111")
    AanbiederFactory(naam="Thuishulp Maas", agb_code="98002222")
    Aanbieder.objects.create(naam="Oud", agb_code="")
    assert [a.naam for a in aanbieders_list(zoek="noorder")] == ["Zorggroep Noorderbreedte"]
    assert [a.naam for a in aanbieders_list(zoek="98002222")] == ["Thuishulp Maas"]
    assert [a.naam for a in aanbieders_list(agb_ontbreekt=True)] == ["Oud"]


def test_contract_document_is_kept_with_its_checksum(gemeente) -> None:
    c = ContractFactory(gemeente=gemeente)
    door = MedewerkerFactory(gemeente=gemeente).user
    with pytest.raises(ValidationError, match="geen PDF"):
        contract_document_add(
            contract=c,
            titel="Overeenkomst",
            bestandsnaam="x.pdf",
            mime_type="application/pdf",
            inhoud=b"MZ\x90",
            door=door,
        )
    with pytest.raises(ValidationError, match="PDF, Word"):
        contract_document_add(
            contract=c,
            titel="Overeenkomst",
            bestandsnaam="x.exe",
            mime_type="application/x-msdownload",
            inhoud=b"MZ",
            door=door,
        )
    doc = contract_document_add(
        contract=c,
        titel="Overeenkomst",
        bestandsnaam="../../ovk.pdf",
        mime_type="application/pdf",
        inhoud=b"%PDF-1.7 ...",
        door=door,
    )
    assert doc.bestandsnaam == "ovk.pdf"
    assert bytes(ContractDocument.objects.get().inhoud) == b"%PDF-1.7 ..."
    assert len(doc.sha256) == 64
