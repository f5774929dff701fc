"""Data classes for the iWmo / iJw 3.2 messages of the 30x family.

One class per record of the standard, fields in the order of the XSD sequence. The XML element
name is the field name in CamelCase (``toewijzing_nummer`` -> ``ToewijzingNummer``) unless the
field's metadata names it. Records from the basisschema (the ``CDT_`` types) live in the
basisschema namespace (``BASIS = True``); the others in the message's own namespace.

Optional elements have a default (``None`` or an empty list); required ones have none. Lists of
records are wrapped in a container element (``ToegewezenProducten/ToegewezenProduct``). Records in
the message namespace carry ``retourcodes``: they are written and read only in retour and answer
messages (302, 306, 308, 316, 318, 320, 325), where the standard puts ``RetourCodes`` at the end
of every such record. The classes are shared by Wmo and Jeugd: the two laws differ only in the
namespaces, the BerichtCode and two Jeugd-only elements (``GezagsdragerBekend`` in 315,
``Woonplaatsbeginsel`` in 319), marked ``wet="jw"``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal

Wet = Literal["wmo", "jw"]


def lijst(container: str, item: str, *, verplicht: bool = True) -> Any:
    """A list of records or codes wrapped in ``container`` with ``item`` elements."""
    return field(
        default_factory=list,
        metadata={"container": container, "item": item, "verplicht": verplicht},
    )


def retourcodes() -> Any:
    """The ``RetourCodes`` of a record: only present in retour and answer messages."""
    return field(
        default_factory=list,
        metadata={
            "container": "RetourCodes",
            "item": "RetourCode",
            "verplicht": True,
            "retour": True,
        },
        compare=True,
    )


def alleen_jw(default: Any = None) -> Any:
    return field(default=default, metadata={"wet": "jw"})


# --- basisschema records (CDT_*) -------------------------------------------------------------


@dataclass
class BerichtIdentificatie:
    BASIS: ClassVar[bool] = True
    identificatie: str
    dagtekening: dt.date


@dataclass
class XsdVersie:
    BASIS: ClassVar[bool] = True
    basisschema_xsd_versie: str = "1.0.0"
    bericht_xsd_versie: str = "1.0.0"


@dataclass
class Geboortedatum:
    BASIS: ClassVar[bool] = True
    datum: dt.date
    datum_gebruik: str | None = None


@dataclass
class Achternaam:
    BASIS: ClassVar[bool] = True
    achternaam: str
    voorvoegsel: str | None = None


@dataclass
class VolledigeNaam:
    BASIS: ClassVar[bool] = True
    geslachtsnaam: Achternaam
    partnernaam: Achternaam | None = None
    voornamen: str | None = None
    voorletters: str | None = None
    naam_gebruik: str = "1"


@dataclass
class VerkorteNaam:
    BASIS: ClassVar[bool] = True
    geslachtsnaam: Achternaam
    voornamen: str | None = None
    voorletters: str | None = None


@dataclass
class Communicatie:
    BASIS: ClassVar[bool] = True
    vorm: str
    taal: str | None = None


@dataclass
class Huis:
    BASIS: ClassVar[bool] = True
    huisnummer: int
    huisletter: str | None = None
    huisnummer_toevoeging: str | None = None
    aanduiding_woonadres: str | None = None


@dataclass
class Adres:
    BASIS: ClassVar[bool] = True
    huis: Huis | None = None
    postcode: str | None = None
    straatnaam: str | None = None
    plaatsnaam: str | None = None
    land_code: str | None = None


@dataclass
class Telefoon:
    BASIS: ClassVar[bool] = True
    telefoonnummer: str
    landnummer: str = "0031"


@dataclass
class Telefoonnummers:
    BASIS: ClassVar[bool] = True
    telefoon01: Telefoon
    telefoon02: Telefoon | None = None


@dataclass
class OpenPeriode:
    BASIS: ClassVar[bool] = True
    begindatum: dt.date | None = None
    einddatum: dt.date | None = None


@dataclass
class GeslotenPeriode:
    BASIS: ClassVar[bool] = True
    begindatum: dt.date
    einddatum: dt.date


@dataclass
class Product:
    BASIS: ClassVar[bool] = True
    categorie: str
    code: str | None = None


@dataclass
class Omvang:
    BASIS: ClassVar[bool] = True
    volume: int
    eenheid: str
    frequentie: str


@dataclass
class Verwijzer:
    BASIS: ClassVar[bool] = True
    type: str
    naam: str | None = None
    zorgverlener_code: str | None = None


@dataclass
class TotaalBedragMetDC:
    BASIS: ClassVar[bool] = True
    totaal_bedrag: int
    debet_credit: str = "D"


@dataclass
class BedragMetDC:
    BASIS: ClassVar[bool] = True
    bedrag: int
    debet_credit: str = "D"


@dataclass
class Referentie:
    BASIS: ClassVar[bool] = True
    referentie_nummer: str
    vorig_referentie_nummer: str | None = None


# --- headers ----------------------------------------------------------------------------------
# BerichtCode, BerichtVersie (3) and BerichtSubversie (2) follow from the message and the law:
# the writer puts them in front of the header, the reader checks them.


@dataclass
class Header:
    BASIS: ClassVar[bool] = False
    afzender: str
    ontvanger: str
    bericht_identificatie: BerichtIdentificatie
    xsd_versie: XsdVersie = field(default_factory=XsdVersie)


@dataclass
class RetourHeader:
    """Header of a retour message (302, 306, 308, 316, 318, 320): names the heenbericht."""

    BASIS: ClassVar[bool] = False
    afzender: str
    ontvanger: str
    bericht_identificatie: BerichtIdentificatie
    xsd_versie: XsdVersie
    identificatie_retour: str
    dagtekening_retour: dt.date
    xsd_versie_retour: XsdVersie = field(default_factory=XsdVersie)
    xslt_versie: str | None = None
    retourcodes: list[str] = lijst("RetourCodes", "RetourCode", verplicht=False)
    VOLGORDE: ClassVar[tuple[str, ...]] = (
        "afzender",
        "ontvanger",
        "bericht_identificatie",
        "xsd_versie",
        "identificatie_retour",
        "dagtekening_retour",
        "xslt_versie",
        "xsd_versie_retour",
        "retourcodes",
    )


@dataclass
class DeclaratieAntwoordHeader:
    """Header of the declaratie-antwoord (325): names the declaratie (323) it answers."""

    BASIS: ClassVar[bool] = False
    afzender: str
    ontvanger: str
    bericht_identificatie: BerichtIdentificatie
    xsd_versie: XsdVersie
    declaratie_identificatie: BerichtIdentificatie
    xsd_versie_declaratie: XsdVersie = field(default_factory=XsdVersie)
    xslt_versie: str | None = None
    retourcodes: list[str] = lijst("RetourCodes", "RetourCode")
    VOLGORDE: ClassVar[tuple[str, ...]] = (
        "afzender",
        "ontvanger",
        "bericht_identificatie",
        "xsd_versie",
        "declaratie_identificatie",
        "xslt_versie",
        "xsd_versie_declaratie",
        "retourcodes",
    )


# --- 301 / 302 toewijzing -----------------------------------------------------------------------


@dataclass
class Contact:
    BASIS: ClassVar[bool] = False
    soort: str
    adres: Adres | None = None
    organisatie: str | None = None
    telefoon: Telefoonnummers | None = None
    emailadres: str | None = None
    periode: OpenPeriode | None = None
    retourcodes: list[str] = retourcodes()


@dataclass
class Relatie:
    BASIS: ClassVar[bool] = False
    nummer: str
    soort: str
    naam: VolledigeNaam
    contact: Contact
    volgorde: int | None = None
    geboortedatum: Geboortedatum | None = None
    geslacht: str | None = None
    retourcodes: list[str] = retourcodes()
    # XSD order: Nummer, Volgorde, Soort, Geboortedatum, Geslacht, Naam, Contact
    VOLGORDE: ClassVar[tuple[str, ...]] = (
        "nummer",
        "volgorde",
        "soort",
        "geboortedatum",
        "geslacht",
        "naam",
        "contact",
        "retourcodes",
    )


@dataclass
class ToegewezenProduct:
    BASIS: ClassVar[bool] = False
    toewijzing_nummer: int
    toewijzingsdatum: dt.date
    toewijzingstijd: dt.time
    ingangsdatum: dt.date
    referentie_aanbieder: str | None = None
    product: Product | None = None
    einddatum: dt.date | None = None
    reden_wijziging: str | None = None
    omvang: Omvang | None = None
    budget: int | None = None
    commentaar: str | None = None
    retourcodes: list[str] = retourcodes()
    VOLGORDE: ClassVar[tuple[str, ...]] = (
        "toewijzing_nummer",
        "referentie_aanbieder",
        "product",
        "toewijzingsdatum",
        "toewijzingstijd",
        "ingangsdatum",
        "einddatum",
        "reden_wijziging",
        "omvang",
        "budget",
        "commentaar",
        "retourcodes",
    )


@dataclass
class Client301:
    BASIS: ClassVar[bool] = False
    bsn: str
    geboortedatum: Geboortedatum
    geslacht: str
    naam: VolledigeNaam
    contactgegevens: list[Contact] = lijst("Contactgegevens", "Contact")
    toegewezen_producten: list[ToegewezenProduct] = lijst(
        "ToegewezenProducten", "ToegewezenProduct"
    )
    communicatie: Communicatie | None = None
    juridische_status: str | None = None
    wettelijke_vertegenwoordiging: str | None = None
    commentaar: str | None = None
    relaties: list[Relatie] = lijst("Relaties", "Relatie", verplicht=False)
    retourcodes: list[str] = retourcodes()
    VOLGORDE: ClassVar[tuple[str, ...]] = (
        "bsn",
        "geboortedatum",
        "geslacht",
        "naam",
        "communicatie",
        "juridische_status",
        "wettelijke_vertegenwoordiging",
        "commentaar",
        "relaties",
        "contactgegevens",
        "toegewezen_producten",
        "retourcodes",
    )


# --- 305 / 306 start, 307 / 308 stop --------------------------------------------------------------


@dataclass
class StartProduct:
    BASIS: ClassVar[bool] = False
    begindatum: dt.date
    status_aanlevering: str = "1"
    toewijzing_nummer: int | None = None
    product: Product | None = None
    toewijzing_ingangsdatum: dt.date | None = None
    retourcodes: list[str] = retourcodes()
    VOLGORDE: ClassVar[tuple[str, ...]] = (
        "toewijzing_nummer",
        "product",
        "toewijzing_ingangsdatum",
        "begindatum",
        "status_aanlevering",
        "retourcodes",
    )


@dataclass
class StopProduct:
    BASIS: ClassVar[bool] = False
    begindatum: dt.date
    reden_beeindiging: str
    einddatum: dt.date
    status_aanlevering: str = "1"
    toewijzing_nummer: int | None = None
    product: Product | None = None
    toewijzing_ingangsdatum: dt.date | None = None
    retourcodes: list[str] = retourcodes()
    VOLGORDE: ClassVar[tuple[str, ...]] = (
        "toewijzing_nummer",
        "product",
        "toewijzing_ingangsdatum",
        "begindatum",
        "reden_beeindiging",
        "einddatum",
        "status_aanlevering",
        "retourcodes",
    )


@dataclass
class Client305:
    BASIS: ClassVar[bool] = False
    bsn: str
    geboortedatum: Geboortedatum
    geslacht: str
    naam: VerkorteNaam
    start_producten: list[StartProduct] = lijst("StartProducten", "StartProduct")
    retourcodes: list[str] = retourcodes()


@dataclass
class Client307:
    BASIS: ClassVar[bool] = False
    bsn: str
    geboortedatum: Geboortedatum
    geslacht: str
    naam: VerkorteNaam
    stop_producten: list[StopProduct] = lijst("StopProducten", "StopProduct")
    retourcodes: list[str] = retourcodes()


# --- 315 / 316 verzoek om toewijzing ------------------------------------------------------------


@dataclass
class AangevraagdProduct:
    BASIS: ClassVar[bool] = False
    referentie_aanbieder: str
    toewijzing_ingangsdatum: dt.date
    verwijzer: Verwijzer
    beschikking_nummer: int | None = None
    product: Product | None = None
    beschikking_ingangsdatum: dt.date | None = None
    toewijzing_einddatum: dt.date | None = None
    omvang: Omvang | None = None
    budget: int | None = None
    raamcontract: str | None = None
    commentaar: str | None = None
    retourcodes: list[str] = retourcodes()
    VOLGORDE: ClassVar[tuple[str, ...]] = (
        "referentie_aanbieder",
        "beschikking_nummer",
        "product",
        "beschikking_ingangsdatum",
        "toewijzing_ingangsdatum",
        "toewijzing_einddatum",
        "omvang",
        "budget",
        "verwijzer",
        "raamcontract",
        "commentaar",
        "retourcodes",
    )


@dataclass
class Client315:
    BASIS: ClassVar[bool] = False
    bsn: str
    geboortedatum: Geboortedatum
    geslacht: str
    naam: VerkorteNaam
    gezagsdrager_bekend: str | None = alleen_jw()
    commentaar: str | None = None
    aangevraagde_producten: list[AangevraagdProduct] = lijst(
        "AangevraagdeProducten", "AangevraagdProduct"
    )
    retourcodes: list[str] = retourcodes()


# --- 317 / 318 verzoek om wijziging ---------------------------------------------------------------


@dataclass
class OngewijzigdProduct:
    BASIS: ClassVar[bool] = False
    toewijzing_nummer: int
    retourcodes: list[str] = retourcodes()


@dataclass
class TeWijzigenProduct:
    BASIS: ClassVar[bool] = False
    toewijzing_nummer: int
    gewenste_ingangsdatum: dt.date
    einddatum: dt.date | None = None
    omvang: Omvang | None = None
    budget: int | None = None
    retourcodes: list[str] = retourcodes()


@dataclass
class NieuwProduct:
    BASIS: ClassVar[bool] = False
    gewenste_ingangsdatum: dt.date
    product: Product | None = None
    einddatum: dt.date | None = None
    omvang: Omvang | None = None
    budget: int | None = None
    retourcodes: list[str] = retourcodes()
    VOLGORDE: ClassVar[tuple[str, ...]] = (
        "product",
        "gewenste_ingangsdatum",
        "einddatum",
        "omvang",
        "budget",
        "retourcodes",
    )


@dataclass
class Verzoek:
    BASIS: ClassVar[bool] = False
    referentie_aanbieder: str
    reden_verzoek: str
    ongewijzigde_producten: list[OngewijzigdProduct] = lijst(
        "OngewijzigdeProducten", "OngewijzigdProduct", verplicht=False
    )
    te_wijzigen_producten: list[TeWijzigenProduct] = lijst(
        "TeWijzigenProducten", "TeWijzigenProduct", verplicht=False
    )
    nieuwe_producten: list[NieuwProduct] = lijst("NieuweProducten", "NieuwProduct", verplicht=False)
    retourcodes: list[str] = retourcodes()


@dataclass
class Client317:
    BASIS: ClassVar[bool] = False
    bsn: str
    verzoek: Verzoek
    retourcodes: list[str] = retourcodes()


# --- 319 / 320 antwoord ---------------------------------------------------------------------------


@dataclass
class Woonplaatsbeginsel:
    BASIS: ClassVar[bool] = False
    gemeente: str
    retourcodes: list[str] = retourcodes()


@dataclass
class Antwoord:
    BASIS: ClassVar[bool] = False
    referentie_aanbieder: str
    verzoek_antwoord: str
    reden_afwijzing_verzoek: str | None = None
    woonplaatsbeginsel: Woonplaatsbeginsel | None = alleen_jw()
    retourcodes: list[str] = retourcodes()


# --- 323 declaratie / 325 declaratie-antwoord ---------------------------------------------------


@dataclass
class Prestatie:
    BASIS: ClassVar[bool] = False
    product_referentie: Referentie
    toewijzing_nummer: int
    product_categorie: str
    product_code: str
    product_periode: GeslotenPeriode
    geleverd_volume: int
    eenheid: str
    ingediend_bedrag: BedragMetDC
    product_tarief: int | None = None
    retourcodes: list[str] = retourcodes()
    VOLGORDE: ClassVar[tuple[str, ...]] = (
        "product_referentie",
        "toewijzing_nummer",
        "product_categorie",
        "product_code",
        "product_periode",
        "geleverd_volume",
        "eenheid",
        "product_tarief",
        "ingediend_bedrag",
        "retourcodes",
    )


@dataclass
class DeclaratieClient:
    BASIS: ClassVar[bool] = False
    bsn: str
    prestaties: list[Prestatie] = lijst("Prestaties", "Prestatie")
    retourcodes: list[str] = retourcodes()


@dataclass
class Declaratie:
    BASIS: ClassVar[bool] = False
    declaratie_nummer: str
    declaratie_periode: GeslotenPeriode
    declaratie_dagtekening: dt.date
    totaal_ingediend_bedrag: TotaalBedragMetDC
    clienten: list[DeclaratieClient] = lijst("Clienten", "Client")


@dataclass
class DeclaratieAntwoord:
    BASIS: ClassVar[bool] = False
    declaratie_nummer: str
    totaal_ingediend_bedrag: TotaalBedragMetDC
    totaal_toegekend_bedrag: TotaalBedragMetDC
    clienten: list[DeclaratieClient] = lijst("Clienten", "Client", verplicht=False)
    retourcodes: list[str] = retourcodes()


# --- the messages -------------------------------------------------------------------------
# ``CODE`` is the message number; retour and answer messages name the heenbericht they answer in
# ``HEEN`` and are written with the retour codes of every record (``RETOUR``).


@dataclass
class Bericht:
    CODE: ClassVar[str] = ""
    HEEN: ClassVar[str | None] = None
    RETOUR: ClassVar[bool] = False

    @property
    def naam(self) -> str:
        """The message name as the standard writes it: ``WMO301``, ``JW323``."""
        wet = self.wet  # type: ignore[attr-defined]
        return ("WMO" if wet == "wmo" else "JW") + self.CODE


@dataclass
class Toewijzing(Bericht):
    """WMO301 / JW301: the gemeente assigns products for one client to one aanbieder."""

    CODE: ClassVar[str] = "301"
    wet: Wet
    header: Header
    client: Client301


@dataclass
class ToewijzingRetour(Bericht):
    """WMO302 / JW302: retour on a toewijzing."""

    CODE: ClassVar[str] = "302"
    HEEN: ClassVar[str | None] = "301"
    RETOUR: ClassVar[bool] = True
    wet: Wet
    header: RetourHeader
    client: Client301 | None = None


@dataclass
class Startbericht(Bericht):
    """WMO305 / JW305: the aanbieder reports the start of delivery."""

    CODE: ClassVar[str] = "305"
    wet: Wet
    header: Header
    client: Client305


@dataclass
class StartRetour(Bericht):
    CODE: ClassVar[str] = "306"
    HEEN: ClassVar[str | None] = "305"
    RETOUR: ClassVar[bool] = True
    wet: Wet
    header: RetourHeader
    client: Client305 | None = None


@dataclass
class Stopbericht(Bericht):
    """WMO307 / JW307: the aanbieder reports the end of delivery."""

    CODE: ClassVar[str] = "307"
    wet: Wet
    header: Header
    client: Client307


@dataclass
class StopRetour(Bericht):
    CODE: ClassVar[str] = "308"
    HEEN: ClassVar[str | None] = "307"
    RETOUR: ClassVar[bool] = True
    wet: Wet
    header: RetourHeader
    client: Client307 | None = None


@dataclass
class VerzoekOmToewijzing(Bericht):
    """WMO315 / JW315: the aanbieder asks for a toewijzing (e.g. after a GP referral)."""

    CODE: ClassVar[str] = "315"
    wet: Wet
    header: Header
    client: Client315


@dataclass
class VerzoekOmToewijzingRetour(Bericht):
    CODE: ClassVar[str] = "316"
    HEEN: ClassVar[str | None] = "315"
    RETOUR: ClassVar[bool] = True
    wet: Wet
    header: RetourHeader
    client: Client315 | None = None


@dataclass
class VerzoekOmWijziging(Bericht):
    """WMO317 / JW317: the aanbieder asks to change current toewijzingen."""

    CODE: ClassVar[str] = "317"
    wet: Wet
    header: Header
    client: Client317


@dataclass
class VerzoekOmWijzigingRetour(Bericht):
    CODE: ClassVar[str] = "318"
    HEEN: ClassVar[str | None] = "317"
    RETOUR: ClassVar[bool] = True
    wet: Wet
    header: RetourHeader
    client: Client317 | None = None


@dataclass
class Antwoordbericht(Bericht):
    """WMO319 / JW319: the gemeente answers a 315/317 (afgewezen or in onderzoek)."""

    CODE: ClassVar[str] = "319"
    wet: Wet
    header: Header
    antwoord: Antwoord


@dataclass
class AntwoordRetour(Bericht):
    CODE: ClassVar[str] = "320"
    HEEN: ClassVar[str | None] = "319"
    RETOUR: ClassVar[bool] = True
    wet: Wet
    header: RetourHeader
    antwoord: Antwoord | None = None


@dataclass
class Declaratiebericht(Bericht):
    """WMO323 / JW323: the aanbieder's claim, per client and prestatie."""

    CODE: ClassVar[str] = "323"
    wet: Wet
    header: Header
    declaratie: Declaratie


@dataclass
class DeclaratieAntwoordbericht(Bericht):
    """WMO325 / JW325: the gemeente's answer to a declaratie, with return codes per prestatie."""

    CODE: ClassVar[str] = "325"
    HEEN: ClassVar[str | None] = "323"
    RETOUR: ClassVar[bool] = True
    wet: Wet
    header: DeclaratieAntwoordHeader
    declaratie_antwoord: DeclaratieAntwoord | None = None


BERICHTEN: dict[str, type[Bericht]] = {
    cls.CODE: cls
    for cls in (
        Toewijzing,
        ToewijzingRetour,
        Startbericht,
        StartRetour,
        Stopbericht,
        StopRetour,
        VerzoekOmToewijzing,
        VerzoekOmToewijzingRetour,
        VerzoekOmWijziging,
        VerzoekOmWijzigingRetour,
        Antwoordbericht,
        AntwoordRetour,
        Declaratiebericht,
        DeclaratieAntwoordbericht,
    )
}

# BerichtCode (codelijst COD002-VEKT) per law and message.
BERICHTCODES: dict[Wet, dict[str, str]] = {
    "wmo": {
        "301": "414",
        "302": "415",
        "305": "418",
        "306": "419",
        "307": "420",
        "308": "421",
        "315": "444",
        "316": "445",
        "317": "480",
        "318": "481",
        "319": "482",
        "320": "483",
        "323": "484",
        "325": "485",
    },
    "jw": {
        "301": "436",
        "302": "437",
        "305": "438",
        "306": "439",
        "307": "440",
        "308": "441",
        "315": "446",
        "316": "447",
        "317": "486",
        "318": "487",
        "319": "488",
        "320": "489",
        "323": "490",
        "325": "491",
    },
}
