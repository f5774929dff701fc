"""Demo catalogue, sociale kaart, beschikkingen (about 6% of residents), PGB, bezwaren and
transition rights.

The catalogue and tariffs go through the services. The beschikkingen are written in bulk for
speed (thousands), with every date computed by the same rules the services use
(rules.aanvraag, rules.termijnen); a few bezwaren go through the services.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from django.contrib.auth.models import AbstractBaseUser

from eenplan.aanbieders.models import Aanbieder
from eenplan.aanbieders.services import aanbieder_save, contract_product_save, contract_save
from eenplan.beschikkingen import services as beschikkingen
from eenplan.beschikkingen.constants import AanvraagStatus, Uitkomst
from eenplan.beschikkingen.models import Aanvraag, Beschikking, BeschikteVoorziening
from eenplan.bezwaren import services as bezwaren
from eenplan.demo.bulk import schrijf, statistieken
from eenplan.gemeente.models import Gemeente, Wijk
from eenplan.inwoners.models import Inwoner
from eenplan.onderzoeken.models import Leefgebied
from eenplan.rules.aanvraag import beslissen_uiterlijk
from eenplan.rules.termijnen import bezwaar_uiterlijk
from eenplan.rules.voorziening import pgb_budget
from eenplan.voorzieningen.models import Voorziening
from eenplan.voorzieningen.selectors import doelgroepen_uit_tekst
from eenplan.voorzieningen.services import (
    synoniemen_standaard_add,
    tarief_add,
    voorziening_create,
)

BESCHIKT_PER_INWONER = 0.06
BRON = "Raamovereenkomst Wmo en Jeugd Maasdal 2026 (demo)"

# naam, wet, categorie, productcode, eenheid, frequentie, variant, pgb, bijdrage, kostprijs,
# (aanbieder, tarief) ...
MAATWERK = [
    (
        "Hulp bij het huishouden",
        "wmo",
        "01",
        "01A01",
        "04",
        "2",
        "inspanning",
        True,
        "abonnement",
        "250.00",
        [("Thuiszorg Maasdal", "29.90"), ("Zorggroep Maasvallei", "31.20")],
    ),
    (
        "Individuele begeleiding",
        "wmo",
        "02",
        "02A02",
        "04",
        "2",
        "inspanning",
        True,
        "abonnement",
        "520.00",
        [("De Zorgcirkel", "62.50"), ("Vivantes Begeleiding", "64.00")],
    ),
    (
        "Dagbesteding",
        "wmo",
        "07",
        "07A07",
        "16",
        "2",
        "inspanning",
        True,
        "abonnement",
        "610.00",
        [("Dagcentrum De Maasoever", "38.00")],
    ),
    (
        "Kortdurend verblijf",
        "wmo",
        "04",
        "04A04",
        "14",
        "4",
        "inspanning",
        False,
        "abonnement",
        "500.00",
        [("Logeerhuis Het Anker", "125.00")],
    ),
    (
        "Rolstoel (bruikleen)",
        "wmo",
        "11",
        "11X01",
        "82",
        "",
        "output",
        False,
        "abonnement",
        "45.00",
        [("Hulpmiddelencentrum Zuid", "45.00")],
    ),
    (
        "Beschermd wonen",
        "wmo",
        "15",
        "15A15",
        "14",
        "4",
        "inspanning",
        False,
        "beschermd_wonen",
        "3200.00",
        [("Stichting Beschermd Wonen Maasdal", "105.00")],
    ),
    (
        "Jeugdhulp ambulant",
        "jeugd",
        "45",
        "45A48",
        "04",
        "2",
        "inspanning",
        True,
        "geen",
        "800.00",
        [("Jeugdzorg Maasdal", "86.00"), ("Kinder- en Jeugdteam Oost", "89.50")],
    ),
    (
        "Jeugd-ggz",
        "jeugd",
        "54",
        "54001",
        "04",
        "2",
        "inspanning",
        False,
        "geen",
        "1200.00",
        [("GGZ Jeugd Limburg", "112.00")],
    ),
]

AANBIEDERS = {row[0]: row[-1] for row in MAATWERK}

# The demo's providers (invented organisations in the invented municipality Maasdal): AGB code
# (8 digits, the iWmo LDT_AgbCode form; invented, not looked up in the AGB register), contact
# person, phone, address.
AANBIEDER_GEGEVENS = {
    "Thuiszorg Maasdal": ("98100011", "Ingrid Peeters", "077 300 11 00", "Kloosterstraat 3"),
    "Zorggroep Maasvallei": ("98100022", "Ruud Hendrix", "077 300 22 00", "Maasboulevard 40"),
    "De Zorgcirkel": ("98100033", "Fatima El Idrissi", "077 300 33 00", "Raadhuisplein 7"),
    "Vivantes Begeleiding": ("98100044", "Tom Janssen", "077 300 44 00", "Parkweg 12"),
    "Dagcentrum De Maasoever": ("98100055", "Els Vermeulen", "077 300 55 00", "Oeverstraat 2"),
    "Logeerhuis Het Anker": ("98100066", "Bas Willems", "077 300 66 00", "Ankerweg 9"),
    "Hulpmiddelencentrum Zuid": ("98100077", "Sanne Coenen", "077 300 77 00", "Industrieweg 21"),
    "Stichting Beschermd Wonen Maasdal": (
        "98100088",
        "Mirjam Smeets",
        "077 300 88 00",
        "Kerkstraat 15",
    ),
    "Jeugdzorg Maasdal": ("98100099", "Koen Driessen", "077 301 00 00", "Schoolstraat 4"),
    "Kinder- en Jeugdteam Oost": ("98100101", "Linda Gerrits", "077 301 11 00", "Oostsingel 8"),
    "GGZ Jeugd Limburg": ("98100112", "Yusuf Demir", "077 301 22 00", "Nieuwstraat 30"),
}
FINANCIERING = {"inspanning": "pxq", "output": "traject", "taak": "lumpsum"}


def build_contracten(*, gemeente: Gemeente, maatwerk: list[Voorziening]) -> dict[str, Aanbieder]:
    """The providers of the demo with a raamovereenkomst from 1 January 2024 holding their
    products and tariffs; Zorggroep Maasvallei also has a deelovereenkomst for 2026 with an
    indexed tariff. All through the aanbieders services."""
    per_naam = {v.naam: v for v in maatwerk}
    records: dict[str, Aanbieder] = {}
    contracten = {}
    for nummer, (naam, (agb, contact, telefoon, straat)) in enumerate(
        AANBIEDER_GEGEVENS.items(), start=1
    ):
        records[naam] = aanbieder_save(
            naam=naam,
            agb_code=agb,
            contactpersoon=contact,
            telefoon=telefoon,
            email=f"contracten@{naam.lower().replace(' ', '').replace('-', '')}.example",
            adres=f"{straat}, Maasdal",
        )
        producten = [
            (per_naam[v], tarief)
            for v, aanbieders in AANBIEDERS.items()
            for a, tarief in aanbieders
            if a == naam
        ]
        variant = producten[0][0].uitvoeringsvariant or "inspanning"
        contracten[naam] = contract = contract_save(
            aanbieder=records[naam],
            gemeente=gemeente,
            kenmerk=f"MD-2024-{nummer:03d}",
            omschrijving="Raamovereenkomst Wmo en Jeugd Maasdal 2024-2027",
            begin=dt.date(2024, 1, 1),
            einde=dt.date(2027, 12, 31),
            uitvoeringsvariant=variant,
            financieringsvorm=FINANCIERING[variant],
        )
        for v, tarief in producten:
            contract_product_save(
                contract=contract,
                voorziening=v,
                tarief=Decimal(tarief),
                eenheid=v.eenheid,
                geldig_vanaf=dt.date(2024, 1, 1),
                bron=f"{BRON}, tariefbijlage",
            )
    raam = contracten["Zorggroep Maasvallei"]
    deel = contract_save(
        aanbieder=raam.aanbieder,
        gemeente=gemeente,
        hoofdcontract=raam,
        kenmerk="MD-2026-002-D1",
        omschrijving="Deelovereenkomst hulp bij het huishouden 2026 (geïndexeerd tarief)",
        begin=dt.date(2026, 1, 1),
        einde=dt.date(2026, 12, 31),
        uitvoeringsvariant="inspanning",
        financieringsvorm="pxq",
    )
    hh = per_naam["Hulp bij het huishouden"]
    contract_product_save(
        contract=deel,
        voorziening=hh,
        tarief=Decimal("32.40"),
        eenheid=hh.eenheid,
        geldig_vanaf=dt.date(2026, 1, 1),
        geldig_tot=dt.date(2026, 12, 31),
        bron="Indexatie 2026 (OVA), deelovereenkomst MD-2026-002-D1 (demo)",
    )
    return records


# naam, organisatie, leefgebied codes, prijs, prijs_toelichting, doelgroep, openingstijden,
# per wijk?
ALGEMEEN = [
    (
        "Open Inloop dagcentrum",
        "Huis van de Wijk",
        ["sociaal_netwerk", "dagbesteding"],
        "7.50",
        "per dag, inclusief maaltijd",
        "Ouderen en inwoners die veel alleen zijn",
        "ma-vr 10.00-16.00",
        True,
    ),
    (
        "Buurtbus",
        "Vrijwilligers Buurtbus Maasdal",
        ["participatie"],
        "1.00",
        "per rit",
        "Iedereen zonder eigen vervoer",
        "ma-za 8.00-18.00",
        False,
    ),
    (
        "Wijkrestaurant",
        "Huis van de Wijk",
        ["sociaal_netwerk"],
        "6.00",
        "per maaltijd",
        "Iedereen",
        "di en do 12.00-13.30",
        True,
    ),
    (
        "Thuisadministratie",
        "Humanitas",
        ["financien"],
        None,
        "gratis",
        "Inwoners die hulp willen bij post en rekeningen",
        "op afspraak",
        False,
    ),
    (
        "Mantelzorgsteunpunt",
        "Steunpunt Mantelzorg Maasdal",
        ["huiselijke_relaties"],
        None,
        "gratis",
        "Mantelzorgers",
        "ma-vr 9.00-17.00",
        False,
    ),
    (
        "Schuldhulpmaatje",
        "SchuldHulpMaatje Maasdal",
        ["financien"],
        None,
        "gratis",
        "Inwoners met geldzorgen",
        "op afspraak",
        False,
    ),
    (
        "Beweegclub 65+",
        "Sportservice Maasdal",
        ["lichamelijke_gezondheid", "sociaal_netwerk"],
        "2.50",
        "per les",
        "Ouderen",
        "wo 10.00-11.00",
        True,
    ),
]


def build_catalogus(*, gemeente: Gemeente, wijken: list[Wijk]) -> list[Voorziening]:
    """The Wmo and Jeugd maatwerk products with tariffs, and algemene voorzieningen per wijk."""
    leefgebieden = {lg.code: lg for lg in Leefgebied.objects.all()}
    maatwerk = []
    for (
        naam,
        wet,
        cat,
        code,
        eenheid,
        freq,
        variant,
        pgb,
        bijdrage,
        kostprijs,
        aanbieders,
    ) in MAATWERK:
        v = voorziening_create(
            gemeente=gemeente,
            naam=naam,
            soort="individueel",
            wet=wet,
            productcategorie=cat,
            productcode=code,
            eenheid=eenheid,
            frequentie=freq,
            uitvoeringsvariant=variant,
            pgb_mogelijk=pgb,
            eigen_bijdrage=bijdrage,
            kostprijs_per_maand=Decimal(kostprijs),
        )
        if pgb:
            # The PGB tariff of the catalogue: the cheapest contracted tariff (the ceiling of
            # Wmo 2015 art. 2.3.6 lid 3), rounded down.
            tarief_add(
                voorziening=v,
                leveringsvorm="pgb",
                bedrag=min(Decimal(t) for _, t in aanbieders).quantize(Decimal("1")),
                geldig_vanaf=dt.date(2024, 1, 1),
                bron="Verordening maatschappelijke ondersteuning en jeugdhulp Maasdal (demo)",
            )
        maatwerk.append(v)
    build_contracten(gemeente=gemeente, maatwerk=maatwerk)
    for naam, org, codes, prijs, toelichting, doelgroep, open_, per_wijk in ALGEMEEN:
        for wijk in wijken if per_wijk else [None]:
            voorziening_create(
                gemeente=gemeente,
                soort="algemeen",
                wet="wmo",
                naam=f"{naam} {wijk.naam}" if wijk else naam,
                organisatie=org,
                adres=f"{wijk.naam}plein 1, Maasdal" if wijk else "Markt 1, Maasdal",
                prijs=Decimal(prijs) if prijs else None,
                prijs_toelichting=toelichting,
                doelgroep=doelgroep,
                openingstijden=open_,
                eigen_bijdrage="geen",
                wijken=[wijk] if wijk else [],
                leefgebieden=[leefgebieden[c] for c in codes if c in leefgebieden],
                doelgroepen=doelgroepen_uit_tekst(doelgroep),
            )
    # The starting list of sociale-kaart synonyms ("schulden" also finds the schuldhulp).
    synoniemen_standaard_add(gemeente=gemeente)
    return maatwerk


def build_beschikkingen(
    *,
    gemeente: Gemeente,
    maatwerk: list[Voorziening],
    rng: random.Random,
    vandaag: dt.date,
    door: AbstractBaseUser,
    inwoners: int,
) -> int:
    """Granted provisions for about 6% of residents over the past two years, 10% as PGB; some
    ending in the coming weeks; a few bezwaren."""
    wmo = [v for v in maatwerk if v.wet == "wmo"]
    jeugd = [v for v in maatwerk if v.wet == "jeugd"]
    aantal = round(inwoners * BESCHIKT_PER_INWONER)
    # Adults 65+ and children are the main users; pick from them (ids only, then in bulk).
    kandidaten = list(Inwoner.objects.filter(gemeente=gemeente).values_list("id", "geboortedatum"))
    rng.shuffle(kandidaten)
    gekozen = [
        k
        for k in kandidaten
        if (vandaag - k[1]).days > 65 * 365 or (vandaag - k[1]).days < 18 * 365
    ][:aantal]
    # A set for the membership test (a list made this quadratic: never ended at 1,000,000).
    al_gekozen = set(gekozen)
    gekozen += [k for k in kandidaten if k not in al_gekozen][: max(0, aantal - len(gekozen))]
    records = {a.naam: a for a in Aanbieder.objects.filter(naam__in=AANBIEDER_GEGEVENS)}
    aanvragen, beschikkingen_rows, regels = [], [], []
    for inwoner_id, geboren in gekozen:
        kind = (vandaag - geboren).days < 18 * 365
        v = rng.choice(jeugd if kind else wmo)
        ontvangen = vandaag - dt.timedelta(days=rng.randint(20, 700))
        besloten = ontvangen + dt.timedelta(days=rng.randint(3, 12))
        verzonden = besloten + dt.timedelta(days=1)
        aanvragen.append(
            Aanvraag(
                gemeente=gemeente,
                inwoner_id=inwoner_id,
                omschrijving=v.naam,
                wet=v.wet,
                ontvangen_op=ontvangen,
                beslissen_uiterlijk=beslissen_uiterlijk(v.wet, ontvangen),
                status=AanvraagStatus.BESLOTEN,
                ingediend_door="Inwoner",
                vastgelegd_door=door,
            )
        )
        beschikkingen_rows.append(
            Beschikking(
                gemeente=gemeente,
                inwoner_id=inwoner_id,
                besloten_op=besloten,
                besloten_door=door,
                motivering="Eigen kracht, netwerk en algemene voorzieningen zijn niet voldoende.",
                verzonden_op=verzonden,
                bezwaar_uiterlijk=bezwaar_uiterlijk(verzonden),
            )
        )
        pgb = v.pgb_mogelijk and rng.random() < 0.10
        begin = besloten + dt.timedelta(days=7)
        einde = begin + dt.timedelta(days=rng.choice([182, 365, 730]))
        aanbieders = AANBIEDERS[v.naam]
        tarieven = [Decimal(t) for _, t in aanbieders]
        omvang = Decimal(rng.choice([2, 3, 4, 6]))
        # The budget per period as the service computes it (rules.voorziening.pgb_budget): the
        # cheapest tariff in kind, asked for at that tariff.
        budget = (
            pgb_budget(omvang=omvang, zin_tarieven=tarieven, gevraagd_tarief=min(tarieven))
            if pgb
            else None
        )
        regels.append(
            BeschikteVoorziening(
                voorziening=v,
                uitkomst=Uitkomst.TOEGEKEND,
                omvang=omvang,
                eenheid=v.eenheid,
                frequentie=v.frequentie,
                begin=begin,
                einde=einde,
                heronderzoek_op=einde - dt.timedelta(days=42),
                leveringsvorm="pgb" if pgb else "zin",
                aanbieder=None if pgb else records[rng.choice([a for a, _ in aanbieders])],
                pgb_budget=budget.budget if budget else None,
                pgb_zelf_te_betalen=budget.zelf_te_betalen if budget else None,
                pgb_toets={
                    "kan_beheren": True,
                    "motivering": "Eigen regie",
                    "kwaliteit_geborgd": True,
                    "persoonlijk_plan": "Persoonlijk plan ontvangen",
                }
                if pgb
                else None,
                eigen_bijdrage_van_toepassing=v.eigen_bijdrage != "geen",
            )
        )
    # COPY on PostgreSQL, batched inserts on SQLite (demo.bulk).
    schrijf(Aanvraag, aanvragen)
    for aanvraag, beschikking in zip(aanvragen, beschikkingen_rows, strict=True):
        beschikking.aanvraag = aanvraag
    schrijf(Beschikking, beschikkingen_rows)
    for beschikking, regel in zip(beschikkingen_rows, regels, strict=True):
        regel.beschikking = beschikking
    schrijf(BeschikteVoorziening, regels)
    # What follows goes through the services, which query these tables.
    statistieken(Aanvraag, Beschikking, BeschikteVoorziening)
    # Some objections, through the service (deadlines per Awb 6:7-6:9 and 7:10).
    recent = [b for b in beschikkingen_rows if (vandaag - b.verzonden_op).days < 120]
    for beschikking in recent[: max(2, len(recent) // 50)]:
        bezwaren.bezwaar_register(
            beschikking=beschikking,
            inwoner=Inwoner.objects.get(pk=beschikking.inwoner_id),
            ontvangen_op=min(
                vandaag, beschikking.verzonden_op + dt.timedelta(days=rng.randint(5, 50))
            ),
            gronden="Ik heb meer uren hulp nodig dan toegekend.",
            ingediend_door="Inwoner",
            actor=door,
            adviescommissie=rng.random() < 0.3,
        )
    # A few clients with an old AWBZ or Wmo 2007 indication still to be re-assessed.
    ouderen = [pk for pk, geboren in kandidaten if (vandaag - geboren).days > 80 * 365][:5]
    for index, inwoner in enumerate(Inwoner.objects.filter(pk__in=ouderen).order_by("id")):
        beschikkingen.overgangsrecht_register(
            inwoner=inwoner,
            soort="awbz_extramuraal" if index % 2 else "huishoudelijke_hulp",
            omschrijving="AWBZ-indicatie begeleiding"
            if index % 2
            else "Hulp bij het huishouden (Wmo 2007)",
            oude_einddatum=dt.date(2016, 6, 30),
            aangekondigd_op=None if index % 2 else dt.date(2015, 4, 1),
        )
    return len(beschikkingen_rows)
