"""Small, valid messages of every kind: for tests, demo data, the benchmark and documentation.

Every message built here validates against the official 3.2 schema and passes the official
stylesheet (checked in ``tests/test_bouwen.py``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from .model import (
    AangevraagdProduct,
    Achternaam,
    Adres,
    Antwoord,
    Antwoordbericht,
    AntwoordRetour,
    BedragMetDC,
    Bericht,
    BerichtIdentificatie,
    Client301,
    Client305,
    Client307,
    Client315,
    Client317,
    Contact,
    Declaratie,
    DeclaratieAntwoord,
    DeclaratieAntwoordbericht,
    DeclaratieAntwoordHeader,
    Declaratiebericht,
    DeclaratieClient,
    Geboortedatum,
    GeslotenPeriode,
    Header,
    Huis,
    Omvang,
    OngewijzigdProduct,
    Prestatie,
    Product,
    Referentie,
    RetourHeader,
    Startbericht,
    StartProduct,
    StartRetour,
    Stopbericht,
    StopProduct,
    StopRetour,
    TeWijzigenProduct,
    ToegewezenProduct,
    Toewijzing,
    ToewijzingRetour,
    TotaalBedragMetDC,
    VerkorteNaam,
    Verwijzer,
    Verzoek,
    VerzoekOmToewijzing,
    VerzoekOmToewijzingRetour,
    VerzoekOmWijziging,
    VerzoekOmWijzigingRetour,
    VolledigeNaam,
    Wet,
    XsdVersie,
)

GEMEENTE = "0363"  # Amsterdam (CBS gemeentecode)
AANBIEDER = "42420001"
BSN = "999900006"
DAG = dt.date(2026, 1, 5)


def _cat(wet: Wet) -> tuple[str, str]:
    return ("02", "02A05") if wet == "wmo" else ("45", "45A53")


def header(afzender: str, ontvanger: str, identificatie: str = "1", dag: dt.date = DAG) -> Header:
    return Header(afzender, ontvanger, BerichtIdentificatie(identificatie, dag))


def retourheader(
    heen: Header, identificatie: str = "R1", codes: list[str] | None = None
) -> RetourHeader:
    return RetourHeader(
        afzender=heen.afzender,  # the retour header repeats the heenbericht's sender and receiver
        ontvanger=heen.ontvanger,
        bericht_identificatie=heen.bericht_identificatie,
        xsd_versie=heen.xsd_versie,
        identificatie_retour=identificatie,
        dagtekening_retour=heen.bericht_identificatie.dagtekening,
        retourcodes=codes or [],
    )


def toewijzing(wet: Wet = "wmo", *, identificatie: str = "1", nummer: int = 101) -> Toewijzing:
    cat, code = _cat(wet)
    return Toewijzing(
        wet=wet,
        header=header(GEMEENTE, AANBIEDER, identificatie),
        client=Client301(
            bsn=BSN,
            geboortedatum=Geboortedatum(dt.date(1950, 3, 1)),
            geslacht="2",
            naam=VolledigeNaam(Achternaam("Jansen", "de"), voorletters="A", naam_gebruik="1"),
            contactgegevens=[
                Contact(
                    soort="01",
                    adres=Adres(Huis(12), "1011AB", "Dorpsstraat", "Amsterdam", "NL"),
                )
            ],
            toegewezen_producten=[
                ToegewezenProduct(
                    toewijzing_nummer=nummer,
                    toewijzingsdatum=DAG,
                    toewijzingstijd=dt.time(9, 30),
                    ingangsdatum=dt.date(2026, 1, 1),
                    einddatum=dt.date(2026, 12, 31),
                    product=Product(cat, code),
                    omvang=Omvang(volume=3, eenheid="04", frequentie="2"),
                )
            ],
        ),
    )


def start(wet: Wet = "wmo", *, identificatie: str = "1", nummer: int = 101) -> Startbericht:
    cat, code = _cat(wet)
    return Startbericht(
        wet=wet,
        header=header(AANBIEDER, GEMEENTE, identificatie),
        client=Client305(
            bsn=BSN,
            geboortedatum=Geboortedatum(dt.date(1950, 3, 1)),
            geslacht="2",
            naam=VerkorteNaam(Achternaam("Jansen", "de"), voorletters="A"),
            start_producten=[
                StartProduct(
                    begindatum=dt.date(2026, 1, 5),
                    toewijzing_nummer=nummer,
                    product=Product(cat, code),
                    toewijzing_ingangsdatum=dt.date(2026, 1, 1),
                )
            ],
        ),
    )


def stop(wet: Wet = "wmo", *, identificatie: str = "1", nummer: int = 101) -> Stopbericht:
    cat, code = _cat(wet)
    return Stopbericht(
        wet=wet,
        header=header(AANBIEDER, GEMEENTE, identificatie, dt.date(2026, 7, 1)),
        client=Client307(
            bsn=BSN,
            geboortedatum=Geboortedatum(dt.date(1950, 3, 1)),
            geslacht="2",
            naam=VerkorteNaam(Achternaam("Jansen", "de"), voorletters="A"),
            stop_producten=[
                StopProduct(
                    begindatum=dt.date(2026, 1, 5),
                    reden_beeindiging="19" if wet == "wmo" else "31",  # volgens plan beëindigd
                    einddatum=dt.date(2026, 6, 30),
                    toewijzing_nummer=nummer,
                    product=Product(cat, code),
                    toewijzing_ingangsdatum=dt.date(2026, 1, 1),
                )
            ],
        ),
    )


def verzoek_om_toewijzing(wet: Wet = "wmo", *, identificatie: str = "1") -> VerzoekOmToewijzing:
    cat, code = _cat(wet)
    return VerzoekOmToewijzing(
        wet=wet,
        header=header(AANBIEDER, GEMEENTE, identificatie),
        client=Client315(
            bsn=BSN,
            geboortedatum=Geboortedatum(dt.date(2012, 3, 1)),
            geslacht="1",
            naam=VerkorteNaam(Achternaam("Jansen"), voorletters="B"),
            aangevraagde_producten=[
                AangevraagdProduct(
                    referentie_aanbieder="REF-1",
                    toewijzing_ingangsdatum=dt.date(2026, 2, 1),
                    toewijzing_einddatum=dt.date(2026, 7, 31),
                    product=Product(cat, code),
                    omvang=Omvang(volume=2, eenheid="04", frequentie="2"),
                    verwijzer=Verwijzer(type="02", zorgverlener_code="01234567"),
                )
            ],
        ),
    )


def verzoek_om_wijziging(wet: Wet = "wmo", *, identificatie: str = "1") -> VerzoekOmWijziging:
    return VerzoekOmWijziging(
        wet=wet,
        header=header(AANBIEDER, GEMEENTE, identificatie),
        client=Client317(
            bsn=BSN,
            verzoek=Verzoek(
                referentie_aanbieder="REF-2",
                reden_verzoek="1",
                ongewijzigde_producten=[OngewijzigdProduct(102)],
                te_wijzigen_producten=[
                    TeWijzigenProduct(
                        toewijzing_nummer=101,
                        gewenste_ingangsdatum=dt.date(2026, 3, 1),
                        einddatum=dt.date(2026, 12, 31),
                        omvang=Omvang(volume=5, eenheid="04", frequentie="2"),
                    )
                ],
            ),
        ),
    )


def antwoord(wet: Wet = "wmo", *, identificatie: str = "1") -> Antwoordbericht:
    return Antwoordbericht(
        wet=wet,
        header=header(GEMEENTE, AANBIEDER, identificatie),
        antwoord=Antwoord(referentie_aanbieder="REF-1", verzoek_antwoord="2"),
    )


def declaratie(
    wet: Wet = "wmo", *, identificatie: str = "1", nummer: int = 101
) -> Declaratiebericht:
    cat, code = _cat(wet)
    return Declaratiebericht(
        wet=wet,
        header=header(AANBIEDER, GEMEENTE, identificatie, dt.date(2026, 2, 3)),
        declaratie=Declaratie(
            declaratie_nummer=f"D{identificatie}",
            declaratie_periode=GeslotenPeriode(dt.date(2026, 1, 1), dt.date(2026, 1, 31)),
            declaratie_dagtekening=dt.date(2026, 2, 3),
            totaal_ingediend_bedrag=TotaalBedragMetDC(72000, "D"),
            clienten=[
                DeclaratieClient(
                    bsn=BSN,
                    prestaties=[
                        Prestatie(
                            product_referentie=Referentie(f"P{identificatie}-1"),
                            toewijzing_nummer=nummer,
                            product_categorie=cat,
                            product_code=code,
                            product_periode=GeslotenPeriode(
                                dt.date(2026, 1, 5), dt.date(2026, 1, 31)
                            ),
                            geleverd_volume=12,
                            eenheid="04",
                            product_tarief=6000,
                            ingediend_bedrag=BedragMetDC(72000, "D"),
                        )
                    ],
                )
            ],
        ),
    )


def declaratie_antwoord(
    wet: Wet = "wmo", *, identificatie: str = "A1"
) -> DeclaratieAntwoordbericht:
    heen = declaratie(wet)
    d = heen.declaratie
    return DeclaratieAntwoordbericht(
        wet=wet,
        header=DeclaratieAntwoordHeader(
            afzender=GEMEENTE,
            ontvanger=AANBIEDER,
            bericht_identificatie=BerichtIdentificatie(identificatie, dt.date(2026, 2, 10)),
            xsd_versie=XsdVersie(),
            declaratie_identificatie=heen.header.bericht_identificatie,
            retourcodes=["0200"],
        ),
        declaratie_antwoord=DeclaratieAntwoord(
            declaratie_nummer=d.declaratie_nummer,
            totaal_ingediend_bedrag=d.totaal_ingediend_bedrag,
            totaal_toegekend_bedrag=TotaalBedragMetDC(0, "D"),
            clienten=[
                DeclaratieClient(
                    bsn=c.bsn,
                    prestaties=[_met_codes(p, ["9321"]) for p in c.prestaties],
                    retourcodes=["0200"],
                )
                for c in d.clienten
            ],
            retourcodes=["0200"],
        ),
    )


def _met_codes(obj: Prestatie, codes: list[str]) -> Prestatie:
    return dataclasses.replace(obj, retourcodes=list(codes))


def retour(heen: Bericht, codes: list[str] | None = None, *, identificatie: str = "R1") -> Bericht:
    """A retour message (302/306/308/316/318/320) on ``heen``: accepted (header only) without
    codes; with codes, every record of the heenbericht carries them."""
    cls = RETOUR_OP[type(heen).CODE]
    head = retourheader(heen.header, identificatie)  # type: ignore[attr-defined]
    if not codes:
        return cls(wet=heen.wet, header=head)  # type: ignore[attr-defined,call-arg]
    body_attr = "antwoord" if type(heen).CODE == "319" else "client"
    body = _overal(getattr(heen, body_attr), codes)
    return cls(wet=heen.wet, header=head, **{body_attr: body})  # type: ignore[attr-defined,call-arg]


def _overal(obj: Any, codes: list[str]) -> Any:
    """A copy of ``obj`` with ``codes`` on every message-namespace record."""
    if isinstance(obj, list):
        return [_overal(o, codes) for o in obj]
    if not dataclasses.is_dataclass(obj) or getattr(type(obj), "BASIS", False):
        return obj
    velden = [f.name for f in dataclasses.fields(obj)]
    changes = {n: _overal(getattr(obj, n), codes) for n in velden if n != "retourcodes"}
    if "retourcodes" in velden:
        changes["retourcodes"] = list(codes)
    record: Any = obj
    return dataclasses.replace(record, **changes)


RETOUR_OP: dict[str, type[Bericht]] = {
    "301": ToewijzingRetour,
    "305": StartRetour,
    "307": StopRetour,
    "315": VerzoekOmToewijzingRetour,
    "317": VerzoekOmWijzigingRetour,
    "319": AntwoordRetour,
}

ALLE = {
    "301": toewijzing,
    "305": start,
    "307": stop,
    "315": verzoek_om_toewijzing,
    "317": verzoek_om_wijziging,
    "319": antwoord,
    "323": declaratie,
    "325": declaratie_antwoord,
}
