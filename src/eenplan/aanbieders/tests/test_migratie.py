"""Migration aanbieders 0002: every free-text provider becomes an Aanbieder (AGB missing, never
invented), its ZIN tariffs a contract with those tariffs, and the granted provisions point at
it; nothing is lost, and the way back writes the text again."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

VOOR = [
    ("aanbieders", "0001_initial"),
    ("beschikkingen", "0014_aanbieder_record"),
    ("voorzieningen", "0005_categorie"),
]
NA = [
    ("aanbieders", "0002_uit_vrije_tekst"),
    ("beschikkingen", "0015_aanbieder_tekst_weg"),
    ("voorzieningen", "0006_tarief_zonder_aanbieder"),
]


def _migreer(doel):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(doel)
    return executor.loader.project_state(doel).apps


@pytest.fixture(autouse=True)
def _weer_bij(transactional_db):
    """After the test the database is at the latest migrations again: the tests after it
    (the browser tests share this database) need every column added since. It runs before
    the test's flush, so rows the data migrations write on the way (the role groups) go too;
    `serialized_rollback` keeps the flush from re-running post_migrate, which would leave
    rows the next serialized test (test_gelijktijdig) then inserts again."""
    yield
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_free_text_providers_become_records_with_contracts():
    oud = _migreer(VOOR)
    Gemeente = oud.get_model("gemeente", "Gemeente")
    Voorziening = oud.get_model("voorzieningen", "Voorziening")
    Tarief = oud.get_model("voorzieningen", "Tarief")
    User = oud.get_model("auth", "User")
    Inwoner = oud.get_model("inwoners", "Inwoner")
    Aanvraag = oud.get_model("beschikkingen", "Aanvraag")
    Beschikking = oud.get_model("beschikkingen", "Beschikking")
    BV = oud.get_model("beschikkingen", "BeschikteVoorziening")

    # The gemeente app stays at its latest migration (its later columns, such as the theme, are
    # in the table): the municipality is made with today's model and read back as the old one.
    from eenplan.gemeente.models import Gemeente as HuidigeGemeente

    g = Gemeente.objects.get(
        pk=HuidigeGemeente.objects.create(cbs_code="GM9999", naam="Proefdorp").pk
    )
    hh = Voorziening.objects.create(
        gemeente=g,
        naam="Hulp bij het huishouden",
        soort="individueel",
        wet="wmo",
        productcategorie="01",
        productcode="01A01",
        eenheid="04",
        uitvoeringsvariant="inspanning",
    )
    for aanbieder, bedrag, vanaf in [
        ("Thuiszorg West", "28.00", dt.date(2023, 1, 1)),
        ("thuiszorg  west ", "29.90", dt.date(2024, 1, 1)),  # the same provider, typed again
        ("Zorg Oost", "32.50", dt.date(2024, 1, 1)),
    ]:
        Tarief.objects.create(
            voorziening=hh,
            leveringsvorm="zin",
            aanbieder=aanbieder,
            bedrag=Decimal(bedrag),
            geldig_vanaf=vanaf,
            bron=f"Contract {vanaf.year}",
        )
    Tarief.objects.create(
        voorziening=hh,
        leveringsvorm="pgb",
        aanbieder="",
        bedrag=Decimal("25"),
        geldig_vanaf=dt.date(2024, 1, 1),
        bron="Verordening",
    )
    user = User.objects.create(username="migratie")
    Wijk = oud.get_model("gemeente", "Wijk")
    wijk = Wijk.objects.create(gemeente=g, naam="Centrum")
    inwoner = Inwoner.objects.create(
        gemeente=g,
        bsn="111222333",
        voornamen="Anna",
        achternaam="Jansen",
        geboortedatum=dt.date(1950, 1, 1),
        straat="Markt",
        huisnummer=1,
        postcode="5911AA",
        woonplaats="Proefdorp",
        wijk=wijk,
    )
    aanvraag = Aanvraag.objects.create(
        gemeente=g,
        inwoner=inwoner,
        omschrijving="HH",
        wet="wmo",
        ontvangen_op=dt.date(2024, 3, 1),
        beslissen_uiterlijk=dt.date(2024, 3, 15),
        ingediend_door="Anna",
        vastgelegd_door=user,
    )
    b = Beschikking.objects.create(
        aanvraag=aanvraag,
        gemeente=g,
        inwoner=inwoner,
        besloten_op=dt.date(2024, 3, 5),
        besloten_door=user,
        motivering="m",
    )
    west_regel = BV.objects.create(
        beschikking=b,
        voorziening=hh,
        uitkomst="toegekend",
        leveringsvorm="zin",
        aanbieder="Thuiszorg West",
        begin=dt.date(2024, 3, 10),
    )
    alleen_hier = BV.objects.create(
        beschikking=b,
        voorziening=hh,
        uitkomst="toegekend",
        leveringsvorm="zin",
        aanbieder="Buurtzorg Noord",
        begin=dt.date(2024, 3, 10),
    )
    pgb_regel = BV.objects.create(
        beschikking=b,
        voorziening=hh,
        uitkomst="toegekend",
        leveringsvorm="pgb",
        aanbieder="",
    )

    nieuw = _migreer(NA)
    Aanbieder = nieuw.get_model("aanbieders", "Aanbieder")
    Contract = nieuw.get_model("aanbieders", "Contract")
    BVn = nieuw.get_model("beschikkingen", "BeschikteVoorziening")
    Tariefn = nieuw.get_model("voorzieningen", "Tarief")

    namen = sorted(Aanbieder.objects.values_list("naam", flat=True))
    assert namen == ["Buurtzorg Noord", "Thuiszorg West", "Zorg Oost"]
    assert set(Aanbieder.objects.values_list("agb_code", flat=True)) == {""}  # not invented
    west = Aanbieder.objects.get(naam="Thuiszorg West")
    assert "thuiszorg  west" in west.toelichting  # the other spelling is kept
    contract = Contract.objects.get(aanbieder=west)
    assert (contract.gemeente_id, contract.begin, contract.einde) == (
        g.pk,
        dt.date(2023, 1, 1),
        None,
    )
    producten = list(
        contract.producten.order_by("geldig_vanaf").values_list(
            "tarief", "geldig_vanaf", "geldig_tot", "eenheid", "productcode", "bron"
        )
    )
    assert producten == [
        (
            Decimal("28.00"),
            dt.date(2023, 1, 1),
            dt.date(2023, 12, 31),
            "04",
            "01A01",
            "Contract 2023",
        ),
        (Decimal("29.90"), dt.date(2024, 1, 1), None, "04", "01A01", "Contract 2024"),
    ]
    # A provider named only on a beschikking gets a record but no contract (it had no tariff).
    assert not Contract.objects.filter(aanbieder__naam="Buurtzorg Noord").exists()
    assert BVn.objects.get(pk=west_regel.pk).aanbieder_id == west.pk
    assert BVn.objects.get(pk=alleen_hier.pk).aanbieder.naam == "Buurtzorg Noord"
    assert BVn.objects.get(pk=pgb_regel.pk).aanbieder_id is None
    # The catalogue keeps the PGB tariff only.
    assert list(Tariefn.objects.values_list("leveringsvorm", flat=True)) == ["pgb"]

    # Back: the text and the catalogue's tariffs in kind return.
    terug = _migreer(VOOR)
    BVt = terug.get_model("beschikkingen", "BeschikteVoorziening")
    Tarieft = terug.get_model("voorzieningen", "Tarief")
    assert BVt.objects.get(pk=west_regel.pk).aanbieder == "Thuiszorg West"
    assert BVt.objects.get(pk=alleen_hier.pk).aanbieder == "Buurtzorg Noord"
    assert Tarieft.objects.filter(leveringsvorm="zin").count() == 3
    _migreer(NA)
