"""Business rules of iWmo/iJw 3.2 that need more than one message, as plain functions.

Each function is named after its rule id (TR technische regel, OP bedrijfsregel, IV
invulinstructie), cites the rule text in its docstring and returns the return codes it raises
(codelijst WJ001) as a list of :class:`Retourcode` — a ``str`` (``"9321"``) that also knows its
``regel`` and a Dutch ``melding``. An empty list means the rule is met. Rules that need state
(current toewijzingen, earlier messages, earlier claims) take it as plain data arguments: this
module keeps no state and imports nothing outside the package.

OP043 and OP087 are obligations of the gemeente before it sends a 301; WJ001 has no return code for
them, so they return the rule id itself (``"OP043"``) when violated.

The rule texts are those of the iWmo 3.2 / iJw 3.2 informatiemodel (istandaarden.nl); where the
text leaves room, the choice made is written in the docstring.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Iterable, Mapping
from typing import Literal

from .codelijsten import GEMEENTEN, productcategorieen, retourcode_uitleg
from .model import (
    Bericht,
    Declaratiebericht,
    GeslotenPeriode,
    Prestatie,
    StartProduct,
    StopProduct,
    ToegewezenProduct,
    Toewijzing,
    Verzoek,
)

Uitvoeringsvariant = Literal["inspanningsgericht", "outputgericht", "taakgericht"]

VERWIJDERD = "13"  # WMO002/JZ002: Verwijderd
VERVALLEN = "01"  # WMO002/JZ002: Administratieve correctie (vervallen)
EURO = "83"  # WJ756: Euro's
TIJDEENHEDEN = {"01": 1, "04": 60, "16": 240}  # WJ756 in minutes: minuut, uur, dagdeel (4 uur)
HUISHOUDELIJKE_HULP = "01"  # WMO020


class Retourcode(str):
    """A return code raised by a rule: compares equal to the code, knows its rule."""

    regel: str
    melding: str

    def __new__(cls, code: str, regel: str, melding: str = "") -> Retourcode:
        obj = super().__new__(cls, code)
        obj.regel = regel
        obj.melding = melding or retourcode_uitleg(code)
        return obj


def _code(code: str, regel: str, melding: str = "") -> list[Retourcode]:
    return [Retourcode(code, regel, melding)]


def is_actueel(toewijzing: ToegewezenProduct) -> bool:
    """OP087: a toewijzing with einddatum = ingangsdatum and RedenWijziging 13 (Verwijderd) or 01
    (Administratieve correctie (vervallen)) is not a current toewijzing."""
    return not (
        toewijzing.einddatum == toewijzing.ingangsdatum
        and toewijzing.reden_wijziging in (VERWIJDERD, VERVALLEN)
    )


# --- header -----------------------------------------------------------------------------------


def TR056(bericht: Bericht, eerder_gezien: Collection[str]) -> list[Retourcode]:
    """TR056: "Identificatie moet per berichtsoort uniek zijn voor de verzendende partij." (9056)

    ``eerder_gezien``: the ``Identificatie`` values already received from this sender
    (``header.afzender``) for this message kind; the caller keeps them. Processing the same message
    twice thus raises 9056 and changes nothing."""
    ident = bericht.header.bericht_identificatie.identificatie  # type: ignore[attr-defined]
    return _code("9056", "TR056") if ident in eerder_gezien else []


def TR135(bericht: Bericht, vandaag: dt.date) -> list[Retourcode]:
    """TR135: Dagtekening moet gelijk zijn aan of voor de systeemdatum liggen. (8848)"""
    dag = bericht.header.bericht_identificatie.dagtekening  # type: ignore[attr-defined]
    return _code("8848", "TR135") if dag > vandaag else []


def _gemeentecode(bericht: Bericht) -> str:
    """The gemeente of a message: the Afzender of what the gemeente sends (301, 319, 325), the
    Ontvanger of what the aanbieder sends; retour headers repeat the heenbericht's parties."""
    header = bericht.header  # type: ignore[attr-defined]
    van_gemeente = type(bericht).CODE in ("301", "302", "319", "320", "325")
    return header.afzender if van_gemeente else header.ontvanger


def TR378(bericht: Bericht, gemeenten: Collection[str] = GEMEENTEN.waarden) -> list[Retourcode]:
    """TR378: "Vullen met een bestaande gemeentecode uit het overzicht van CBS dat actueel is op
    Ingangsdatum of ToewijzingIngangsdatum." (S300)

    Checks the gemeente in the header (Afzender of the gemeente's messages, Ontvanger of the
    aanbieder's) against the CBS list in ``codelijsten`` (or ``gemeenten`` when the caller has the
    list that was current on the date)."""
    return [] if _gemeentecode(bericht) in gemeenten else _code("S300", "TR378")


S300 = TR378


def TR381(
    wet: str, categorie: str, code: str | None, productcodes: Mapping[str, str] | None = None
) -> list[Retourcode]:
    """TR381: "ProductCode vullen met een code die, volgens de gehanteerde productcodelijst, past
    bij de ProductCategorie." (S329)

    ``productcodes`` maps code -> category of the list the gemeente uses (standard WMO021/JZ21 or
    its own catalogue). Without it the standard structure is used: a code starts with its
    category (``02A05`` belongs to ``02``). A category outside WMO020/JZ020 fails too."""
    if categorie not in productcategorieen("wmo" if wet == "wmo" else "jw"):
        return _code("S329", "TR381", f"Productcategorie {categorie} bestaat niet")
    if code is None:
        return []
    hoort_bij = productcodes.get(code) if productcodes is not None else code[:2]
    ok = hoort_bij == categorie
    return [] if ok else _code("S329", "TR381")


S329 = TR381


# --- start and stop -----------------------------------------------------------------------------


def TR019(
    product: StartProduct | StopProduct,
    toewijzingen: Iterable[ToegewezenProduct],
    variant: Uitvoeringsvariant = "inspanningsgericht",
) -> list[Retourcode]:
    """TR019: "Bij een output- of inspanningsgerichte werkwijze moet de melding van de start of de
    stop van de ondersteuning gerelateerd zijn aan een toewijzing op basis van het
    ToewijzingNummer." (9019)

    ``toewijzingen``: the current toewijzingen of this client at this aanbieder. A deleted
    toewijzing (OP087) does not count. Taakgericht has no toewijzing: nothing to check."""
    if variant == "taakgericht":
        return []
    for t in toewijzingen:
        if t.toewijzing_nummer == product.toewijzing_nummer and is_actueel(t):
            return []
    return _code("9019", "TR019")


def _sleutel(product: StartProduct | StopProduct) -> tuple[object, ...]:
    """IV096: ToewijzingNummer + Begindatum; taakgericht (no number): Product + Begindatum."""
    if product.toewijzing_nummer is not None:
        return (product.toewijzing_nummer, product.begindatum)
    cat = product.product.categorie if product.product else None
    code = product.product.code if product.product else None
    return (cat, code, product.begindatum)


def TR069(stop: StopProduct, starts: Iterable[StartProduct]) -> list[Retourcode]:
    """TR069: "Er is geen actueel startbericht met dezelfde sleutel." (9069) A stop needs a current
    start (OP072/OP155) with the same key (IV096: ToewijzingNummer and Begindatum, or Product and
    Begindatum under taakgericht).

    ``starts``: the current StartProducten of this client from this aanbieder (the ones not
    deleted with StatusAanlevering 3)."""
    key = _sleutel(stop)
    for s in starts:
        if s.status_aanlevering != "3" and _sleutel(s) == key:
            return []
    return _code("9069", "TR069")


def _actueel(producten: Iterable[StartProduct | StopProduct]) -> list[StartProduct | StopProduct]:
    return [p for p in producten if p.status_aanlevering != "3"]


def TR063(
    product: StartProduct | StopProduct, eerdere: Iterable[StartProduct | StopProduct]
) -> list[Retourcode]:
    """TR063: "Indien StatusAanlevering de waarde 3 (aanlevering verwijderen) bevat, dan moet voor
    de betreffende Client een eerdere aanlevering met dezelfde logische sleutel verstuurd zijn."
    (9063) ``eerdere``: the earlier deliveries of the same kind for this client."""
    if product.status_aanlevering != "3":
        return []
    key = _sleutel(product)
    return [] if any(_sleutel(e) == key for e in _actueel(eerdere)) else _code("9063", "TR063")


def TR071(start: StartProduct, stops: Iterable[StopProduct]) -> list[Retourcode]:
    """TR071: "StatusAanlevering mag niet de waarde '3' bevatten als er voor de betreffende melding
    start zorg al een stop zorg is verstuurd." (9071)"""
    if start.status_aanlevering != "3":
        return []
    key = _sleutel(start)
    return _code("9071", "TR071") if any(_sleutel(s) == key for s in _actueel(stops)) else []


def TR074(
    product: StartProduct | StopProduct, eerdere: Iterable[StartProduct | StopProduct]
) -> list[Retourcode]:
    """TR074: "Indien StatusAanlevering de waarde '1' bevat, dan moet de sleutel van de betreffende
    aanlevering niet alleen uniek zijn binnen het bericht zelf, maar ook in combinatie met alle
    reeds ontvangen berichten." (9074) ``eerdere``: the current deliveries of the same kind
    received before, and the ones before this one in the same message."""
    if product.status_aanlevering != "1":
        return []
    key = _sleutel(product)
    return _code("9074", "TR074") if any(_sleutel(e) == key for e in _actueel(eerdere)) else []


def TR326(
    start: StartProduct, starts: Iterable[StartProduct], stops: Iterable[StopProduct]
) -> list[Retourcode]:
    """TR326: "Een Startbericht mag pas verstuurd worden als er géén actueel Startbericht bij
    ToegewezenProduct is." (9326) A start is current while no stop with its key was received."""
    if start.status_aanlevering != "1" or start.toewijzing_nummer is None:
        return []
    gestopt = {_sleutel(s) for s in _actueel(stops)}
    for s in _actueel(starts):
        zelfde = s.toewijzing_nummer == start.toewijzing_nummer and _sleutel(s) != _sleutel(start)
        if zelfde and _sleutel(s) not in gestopt:
            return _code("9326", "TR326")
    return []


# --- repeated stops (TR413-TR415) ---------------------------------------------------------------

TIJDELIJK_BEEINDIGD = "20"  # WMO588/JZ588: Levering is tijdelijk beeindigd


def _eerdere_stops(stop: StopProduct, eerdere: Iterable[StopProduct]) -> list[StopProduct]:
    """The current earlier stops with the key of ``stop``: ToewijzingNummer and Begindatum
    (IV096; Product and Begindatum under taakgericht). Deleted ones (StatusAanlevering 3) do not
    count. The caller passes the stops of the same client (Bsn) from the same aanbieder."""
    key = _sleutel(stop)
    return [e for e in eerdere if e.status_aanlevering != "3" and _sleutel(e) == key]


def TR413(stop: StopProduct, eerdere: Iterable[StopProduct]) -> list[Retourcode]:
    """TR413: "Als er al een StopProduct voor hetzelfde Bsn, ToewijzingNummer, Begindatum en met
    RedenBeeindiging waarde 20 is, dan moet RedenBeeindiging <> aan waarde 20 zijn, indien
    StatusAanlevering waarde 1 of 2 heeft." (9413)

    A delivery that was temporarily ended (reason 20, "Levering is tijdelijk beeindigd") may be
    ended for good, not temporarily once more. ``eerdere``: the stops received before for this
    client from this aanbieder (and the ones before this one in the same message)."""
    if stop.status_aanlevering not in ("1", "2") or stop.reden_beeindiging != TIJDELIJK_BEEINDIGD:
        return []
    dubbel = any(e.reden_beeindiging == TIJDELIJK_BEEINDIGD for e in _eerdere_stops(stop, eerdere))
    return _code("9413", "TR413") if dubbel else []


def TR414(stop: StopProduct, eerdere: Iterable[StopProduct]) -> list[Retourcode]:
    """TR414: "Als er al een StopProduct voor hetzelfde Bsn, ToewijzingNummer en Begindatum is,
    dan moet Einddatum >= zijn aan Einddatum uit actuele StopProduct." (9414)

    A later stop with the same key never ends the delivery earlier than the current stop did.
    Every current earlier stop with the key is compared (the latest einddatum counts)."""
    vorige = _eerdere_stops(stop, eerdere)
    if not vorige or stop.einddatum >= max(e.einddatum for e in vorige):
        return []
    return _code("9414", "TR414")


def TR415(stop: StopProduct, eerdere: Iterable[StopProduct]) -> list[Retourcode]:
    """TR415: "Er mag geen StopProduct zijn met gelijk Bsn, ToewijzingNummer, Begindatum en
    RedenBeeindiging <> waarde 20, indien StatusAanlevering waarde 1 of 2 heeft" (9415)

    After a stop for good (any reason but 20) no new or changed stop with the same key is
    accepted; only deleting it (StatusAanlevering 3) remains possible."""
    if stop.status_aanlevering not in ("1", "2"):
        return []
    definitief = any(
        e.reden_beeindiging != TIJDELIJK_BEEINDIGD for e in _eerdere_stops(stop, eerdere)
    )
    return _code("9415", "TR415") if definitief else []


# --- the gemeente's own 301 ---------------------------------------------------------------------


def OP087(
    bericht: Toewijzing,
    actueel: Iterable[ToegewezenProduct],
    gewijzigd_sinds_vorige: Collection[int] = (),
) -> list[Retourcode]:
    """OP087: "Een toewijzingsbericht bevat voor 1 client altijd alle toewijzingen voor 1
    aanbieder die op of na de aanmaakdatum van het bericht geldig zijn plus alle toewijzingen die
    gewijzigd zijn ten opzichte van het voorgaande toewijzingsbericht."

    ``actueel``: every toewijzing of this client at this aanbieder as the gemeente holds it;
    ``gewijzigd_sinds_vorige``: numbers changed since the previous 301. Deleted toewijzingen are
    not current (see :func:`is_actueel`). Returns ``["OP087"]`` when one is missing."""
    dag = bericht.header.bericht_identificatie.dagtekening
    in_bericht = {t.toewijzing_nummer for t in bericht.client.toegewezen_producten}
    nodig = {
        t.toewijzing_nummer
        for t in actueel
        if is_actueel(t) and (t.einddatum is None or t.einddatum >= dag)
    } | set(gewijzigd_sinds_vorige)
    ontbreekt = sorted(nodig - in_bericht)
    if not ontbreekt:
        return []
    return _code("OP087", "OP087", f"Toewijzingen ontbreken in het bericht: {ontbreekt}")


def OP043(
    toewijzing: ToegewezenProduct, pgb: Iterable[tuple[str, str | None, dt.date, dt.date | None]]
) -> list[Retourcode]:
    """OP043: "Indien aan een client een PGB is toegekend is, mag op hetzelfde moment voor
    hetzelfde product geen toewijzing zijn afgegeven." The toewijzing ends at the latest the day
    before the PGB starts.

    ``pgb``: the client's PGB grants as (categorie, productcode or None, begin, end or None). The
    same product is the same category and, when both name one, the same code. Returns
    ``["OP043"]`` when they overlap."""
    if toewijzing.product is None or not is_actueel(toewijzing):
        return []
    t_begin = toewijzing.ingangsdatum
    t_eind = toewijzing.einddatum or dt.date.max
    for cat, code, begin, eind in pgb:
        if cat != toewijzing.product.categorie:
            continue
        if code and toewijzing.product.code and code != toewijzing.product.code:
            continue
        if t_begin <= (eind or dt.date.max) and begin <= t_eind:
            return _code(
                "OP043", "OP043", "Zorg in natura en pgb voor hetzelfde product overlappen"
            )
    return []


# --- declaratie ---------------------------------------------------------------------------------


def _overlap(begin: dt.date, eind: dt.date, t: ToegewezenProduct) -> tuple[dt.date, dt.date] | None:
    b = max(begin, t.ingangsdatum)
    e = min(eind, t.einddatum or eind)
    return (b, e) if b <= e else None


def _iso_weken(begin: dt.date, eind: dt.date) -> int:
    """How many ISO calendar weeks (Monday to Sunday) the days ``begin``–``eind`` touch: the
    number of distinct (year, week) of ``date.isocalendar`` over those days, counted without
    walking them."""
    if eind < begin:
        return 0
    maandag_b = begin - dt.timedelta(days=begin.weekday())
    maandag_e = eind - dt.timedelta(days=eind.weekday())
    return (maandag_e - maandag_b).days // 7 + 1


def _maanden(begin: dt.date, eind: dt.date) -> int:
    """How many calendar months the days ``begin``–``eind`` touch."""
    if eind < begin:
        return 0
    return (eind.year * 12 + eind.month) - (begin.year * 12 + begin.month) + 1


def _zondagen(begin: dt.date, eind: dt.date) -> int:
    """How many Sundays lie in ``begin``–``eind``."""
    eerste = begin + dt.timedelta(days=(6 - begin.weekday()) % 7)
    return 0 if eerste > eind else (eind - eerste).days // 7 + 1


def IV077(
    toewijzing: ToegewezenProduct,
    begin: dt.date,
    eind: dt.date,
    variant: Uitvoeringsvariant = "inspanningsgericht",
    wet: str = "wmo",
) -> int | None:
    """IV077: the maximum volume that may be claimed for a ProductPeriode ``begin``–``eind``.

    A calculation, not a check: it raises no code itself; :func:`TR321` uses it. ``None`` when
    the toewijzing has no Omvang (nothing to limit). Per frequency (WMO757):

    - per week (2), inspanningsgericht: the number of (partial) calendar weeks (ISO week numbers)
      of the period within the toewijzing × the weekvolume; for Wmo category 01 (hulp bij het
      huishouden) always 6 × the weekvolume;
    - per week (2), outputgericht: the number of Sundays in the period within the toewijzing,
      plus 1 when the last Sunday of the toewijzing lies in the period and the toewijzing's
      einddatum is not a Sunday, × the weekvolume;
    - per dag (1): days × volume; per maand (4): calendar months × volume;
    - totaal binnen geldigheidsduur (6): the volume itself.
    """
    omvang = toewijzing.omvang
    if omvang is None:
        return None
    if omvang.frequentie == "6":
        return omvang.volume
    deel = _overlap(begin, eind, toewijzing)
    if deel is None:
        return 0
    b, e = deel
    if omvang.frequentie == "1":
        return ((e - b).days + 1) * omvang.volume
    if omvang.frequentie == "4":
        return _maanden(b, e) * omvang.volume
    # per week
    cat = toewijzing.product.categorie if toewijzing.product else None
    if variant == "outputgericht":
        zondagen = _zondagen(b, e)
        t_eind = toewijzing.einddatum
        if t_eind is not None and t_eind.weekday() != 6:
            laatste_zondag = t_eind - dt.timedelta(days=(t_eind.weekday() + 1) % 7)
            if b <= laatste_zondag <= e or (
                laatste_zondag < toewijzing.ingangsdatum and e == t_eind
            ):
                zondagen += 1
        return zondagen * omvang.volume
    if wet == "wmo" and cat == HUISHOUDELIJKE_HULP:
        return 6 * omvang.volume
    return _iso_weken(b, e) * omvang.volume


def _totaal_max(toewijzing: ToegewezenProduct, variant: Uitvoeringsvariant, wet: str) -> int | None:
    """The maximum over the whole toewijzingsperiode (IV077: "ook gecontroleerd worden tegen het
    maximale volume over de toewijzingsperiode"). Open-ended toewijzingen have none except
    frequency 6."""
    omvang = toewijzing.omvang
    if omvang is None:
        return None
    if omvang.frequentie == "6":
        return omvang.volume
    if toewijzing.einddatum is None:
        return None
    b, e = toewijzing.ingangsdatum, toewijzing.einddatum
    if omvang.frequentie == "2":
        if variant == "outputgericht":
            return IV077(toewijzing, b, e, variant, wet)
        return _iso_weken(b, e) * omvang.volume
    return IV077(toewijzing, b, e, variant, wet)


def _in_minuten(volume: int, eenheid: str) -> int:
    return volume * TIJDEENHEDEN.get(eenheid, 1)


def TR307(prestatie: Prestatie, toewijzing: ToegewezenProduct) -> list[Retourcode]:
    """TR307: "Begindatum in ProductPeriode in Prestatie moet groter dan of gelijk zijn aan
    Ingangsdatum in ToegewezenProduct." (9307)"""
    ok = prestatie.product_periode.begindatum >= toewijzing.ingangsdatum
    return [] if ok else _code("9307", "TR307")


def TR308(prestatie: Prestatie, toewijzing: ToegewezenProduct) -> list[Retourcode]:
    """TR308: "Einddatum in ProductPeriode in Prestatie moet kleiner dan of gelijk zijn aan
    Einddatum in ToegewezenProduct, indien die gevuld is." (9308)"""
    if toewijzing.einddatum is None:
        return []
    ok = prestatie.product_periode.einddatum <= toewijzing.einddatum
    return [] if ok else _code("9308", "TR308")


TR137_MELDING = (
    "De periode eindigt na de dagtekening van het bericht: een maand wordt pas gedeclareerd als "
    "die voorbij is (TR137)."
)


def TR137(bericht: Declaratiebericht) -> list[Retourcode]:
    """TR137: "Vullen met een waarde die groter is dan, of gelijk is aan de Begindatum van de
    aangeduide periode én die niet groter is dan de Dagtekening van het bericht." (0001)

    The validation stylesheet of iWmo/iJw 3.2 applies it to the Einddatum of the
    DeclaratiePeriode and of every ProductPeriode of a 323, against the header's Dagtekening.

    So a month is declared only when it is over (at the earliest on its last day): a claim for
    a month that is still running or lies in the future, or a period that ends before it
    begins, is refused. One return code per period that breaks the rule."""
    dag = bericht.header.bericht_identificatie.dagtekening
    perioden = [bericht.declaratie.declaratie_periode] + [
        p.product_periode for c in bericht.declaratie.clienten for p in c.prestaties
    ]
    return [
        Retourcode("0001", "TR137", TR137_MELDING)
        for periode in perioden
        if not periode.begindatum <= periode.einddatum <= dag
    ]


def TR319(prestatie: Prestatie, declaratieperiode_eind: dt.date) -> list[Retourcode]:
    """TR319: "Een declaratiebericht bevat alleen prestaties waarvan de ProductPeriode valt binnen
    de huidige, of een voorgaande declaratieperiode." (9319)

    Declaratieperiodes are calendar months: the ProductPeriode must lie within one month that
    does not end after the current DeclaratiePeriode."""
    p = prestatie.product_periode
    een_maand = (p.begindatum.year, p.begindatum.month) == (p.einddatum.year, p.einddatum.month)
    ok = een_maand and p.begindatum <= p.einddatum <= declaratieperiode_eind
    return [] if ok else _code("9319", "TR319")


def TR321(
    prestatie: Prestatie,
    toewijzing: ToegewezenProduct,
    variant: Uitvoeringsvariant = "inspanningsgericht",
    wet: str = "wmo",
) -> list[Retourcode]:
    """TR321: "Indien in het ToegewezenProduct een Omvang is meegegeven, moet GeleverdVolume in de
    Prestatie passen binnen Volume in het ToegewezenProduct." (9321) The volume allowed for the
    ProductPeriode follows IV077 (including 6 × weekvolume for hulp bij het huishouden and the
    Sundays of outputgericht). Time units (minuut, uur, dagdeel) are compared in minutes."""
    p = prestatie.product_periode
    maximum = IV077(toewijzing, p.begindatum, p.einddatum, variant, wet)
    if maximum is None or toewijzing.omvang is None:
        return []
    geleverd = _in_minuten(prestatie.geleverd_volume, prestatie.eenheid)
    toegestaan = _in_minuten(maximum, toewijzing.omvang.eenheid)
    return [] if geleverd <= toegestaan else _code("9321", "TR321")


def TR322(
    prestaties: Iterable[Prestatie],
    toewijzing: ToegewezenProduct,
    variant: Uitvoeringsvariant = "inspanningsgericht",
    wet: str = "wmo",
) -> list[Retourcode]:
    """TR322: "Indien in het ToegewezenProduct een Omvang is meegegeven, moet de som van
    GeleverdVolume in alle ingediende Prestaties die betrekking hebben op dat ToegewezenProduct
    passen binnen de toegewezen Omvang." (9322)

    ``prestaties``: all prestaties on this toewijzing — the ones approved before and the new one(s)
    (credit lines subtract). The Omvang over the toewijzingsperiode follows IV077."""
    maximum = _totaal_max(toewijzing, variant, wet)
    if maximum is None or toewijzing.omvang is None:
        return []
    som = 0
    for p in prestaties:
        teken = -1 if p.ingediend_bedrag.debet_credit == "C" else 1
        som += teken * _in_minuten(p.geleverd_volume, p.eenheid)
    ok = som <= _in_minuten(maximum, toewijzing.omvang.eenheid)
    return [] if ok else _code("9322", "TR322")


def TR339(prestatie: Prestatie, toewijzing: ToegewezenProduct) -> list[Retourcode]:
    """TR339: "ProductCategorie in Prestatie moet gelijk zijn aan ProductCategorie in het
    ToegewezenProduct indien deze opgenomen is." (9339)"""
    if toewijzing.product is None or toewijzing.product.categorie == prestatie.product_categorie:
        return []
    return _code("9339", "TR339")


def TR340(prestatie: Prestatie, toewijzing: ToegewezenProduct) -> list[Retourcode]:
    """TR340: "ProductCode in Prestatie moet gelijk zijn aan ProductCode in het ToegewezenProduct,
    indien deze opgenomen is." (9340)"""
    if toewijzing.product is None or toewijzing.product.code is None:
        return []
    return [] if toewijzing.product.code == prestatie.product_code else _code("9340", "TR340")


def TR341(prestatie: Prestatie, toewijzing: ToegewezenProduct) -> list[Retourcode]:
    """TR341: "Eenheid in Prestatie moet passen bij Eenheid in het ToegewezenProduct." (9341)

    "Passen bij": the same unit, or both units of time (minuut, uur, dagdeel), which convert.
    Without an Omvang in the toewijzing there is nothing to fit."""
    if toewijzing.omvang is None:
        return []
    a, b = prestatie.eenheid, toewijzing.omvang.eenheid
    if a == b or (a in TIJDEENHEDEN and b in TIJDEENHEDEN):
        return []
    return _code("9341", "TR341")


def TR346(prestatie: Prestatie) -> list[Retourcode]:
    """TR346: "Indien Eenheid ongelijk is aan waarde 83 (Euro's), moet IngediendBedrag gelijk zijn
    aan GeleverdVolume vermenigvuldigd met ProductTarief." (9346) Without a ProductTarief there
    is nothing to multiply."""
    if prestatie.eenheid == EURO or prestatie.product_tarief is None:
        return []
    ok = prestatie.ingediend_bedrag.bedrag == prestatie.geleverd_volume * prestatie.product_tarief
    return [] if ok else _code("9346", "TR346")


def TR369(prestaties: Iterable[Prestatie], toewijzing: ToegewezenProduct) -> list[Retourcode]:
    """TR369: "Indien in het ToegewezenProduct een Budget is meegegeven, moet de som van
    GeleverdVolume in alle ingediende Prestaties die betrekking hebben op dat ToegewezenProduct
    passen binnen het toegewezen Budget." (9369)

    Budget is an amount in cents; the claimed amount of a prestatie is its IngediendBedrag (which
    equals the volume for eenheid 83, euro's), so the sum of IngediendBedrag (credit subtracts) of
    all prestaties on the toewijzing, earlier and new, is compared."""
    if toewijzing.budget is None:
        return []
    som = sum(
        (-1 if p.ingediend_bedrag.debet_credit == "C" else 1) * p.ingediend_bedrag.bedrag
        for p in prestaties
    )
    return [] if som <= toewijzing.budget else _code("9369", "TR369")


def TR384(toewijzing: ToegewezenProduct) -> list[Retourcode]:
    """TR384: "Het is niet toegestaan te declareren op een toewijzing met RedenWijziging waarde
    "13" (Verwijderd)." (9384)"""
    return _code("9384", "TR384") if toewijzing.reden_wijziging == VERWIJDERD else []


def TR338(prestatie: Prestatie, toewijzingen: Mapping[int, ToegewezenProduct]) -> list[Retourcode]:
    """TR338: "Niet iedere prestatie in een declaratiebericht is gerelateerd aan een toegewezen
    product op basis van het toewijzingnummer." (9338)"""
    return [] if prestatie.toewijzing_nummer in toewijzingen else _code("9338", "TR338")


def TR304(prestatie_bsn: str, toewijzing_bsn: str) -> list[Retourcode]:
    """TR304: "Bsn moet overeenkomen met Bsn van een Client." (8187: the prestatie does not
    belong to this client) — the client of the prestatie is the client of its toewijzing."""
    return [] if prestatie_bsn == toewijzing_bsn else _code("8187", "TR304")


def TR314(prestatie: Prestatie, eerdere_referenties: Collection[str]) -> list[Retourcode]:
    """TR314: "ReferentieNummer van de Prestatie moet uniek zijn voor de aanbieder binnen het
    wettelijk domein waarop de Prestatie betrekking heeft, zowel binnen één bericht als
    berichtoverstijgend." (8021) ``eerdere_referenties``: the numbers this aanbieder used before
    in this law, and the ones earlier in the same message."""
    ref = prestatie.product_referentie.referentie_nummer
    return _code("8021", "TR314") if ref in eerdere_referenties else []


def TR323(prestatie: Prestatie, goedgekeurd_debet: Iterable[Prestatie]) -> list[Retourcode]:
    """TR323: "Een credit Prestatie moet gerelateerd zijn aan een eerder verzonden (goedgekeurde)
    debet Prestatie op basis van sleutelvelden." (8017) The credit line names the debet line in
    VorigReferentieNummer; ToewijzingNummer and ProductPeriode must match too."""
    if prestatie.ingediend_bedrag.debet_credit != "C":
        return []
    vorig = prestatie.product_referentie.vorig_referentie_nummer
    for d in goedgekeurd_debet:
        if (
            d.ingediend_bedrag.debet_credit == "D"
            and d.product_referentie.referentie_nummer == vorig
            and d.toewijzing_nummer == prestatie.toewijzing_nummer
            and d.product_periode == prestatie.product_periode
        ):
            return []
    return _code("8017", "TR323")


def TR333(bericht: Declaratiebericht, eerdere_nummers: Collection[str]) -> list[Retourcode]:
    """TR333: "DeclaratieNummer van de Declaratie moet uniek zijn voor de aanbieder binnen het
    wettelijk domein waarop de Declaratie betrekking heeft." (9333) ``eerdere_nummers``: this
    aanbieder's earlier DeclaratieNummers in this law."""
    nummer = bericht.declaratie.declaratie_nummer
    return _code("9333", "TR333") if nummer in eerdere_nummers else []


def TR332(toewijzing: ToegewezenProduct, bsn: str, bekende: Mapping[int, str]) -> list[Retourcode]:
    """TR332: "Ieder ToegewezenProduct binnen één gemeente heeft een uniek nummer per wettelijk
    domein." (9332) ``bekende``: ToewijzingNummer -> BSN of the numbers already issued in this
    law; a number may only come back for the same client (a change of the same toewijzing)."""
    eerder = bekende.get(toewijzing.toewijzing_nummer)
    return _code("9332", "TR332") if eerder is not None and eerder != bsn else []


def TR349(verzoek: Verzoek, actuele_nummers: Collection[int]) -> list[Retourcode]:
    """TR349: "Het verzoek om wijziging bericht bevat alle actuele ToegewezenProducten van de
    client." (9349) Every current ToewijzingNummer must be in OngewijzigdeProducten or
    TeWijzigenProducten."""
    genoemd = {p.toewijzing_nummer for p in verzoek.ongewijzigde_producten} | {
        p.toewijzing_nummer for p in verzoek.te_wijzigen_producten
    }
    return [] if set(actuele_nummers) <= genoemd else _code("9349", "TR349")


def TR374(onderhanden_verzoeken: Collection[str]) -> list[Retourcode]:
    """TR374: "Een verzoek mag alleen worden verstuurd als er geen onderhanden verzoek is voor de
    betreffende client van dezelfde aanbieder." (9374) ``onderhanden_verzoeken``: the
    ReferentieAanbieder of this client's 315/317 from this aanbieder not yet answered by a 301 or
    319."""
    return _code("9374", "TR374") if onderhanden_verzoeken else []


def TR385(
    toewijzing: ToegewezenProduct, goedgekeurde_prestaties: Iterable[Prestatie]
) -> list[Retourcode]:
    """TR385: "Indien de toewijzing goedgekeurde (niet gecrediteerde) prestatiesregels met gelijk
    ToewijzingNummer heeft, is het niet toegestaan deze toewijzing te verwijderen met
    RedenWijziging waarde 13 (verwijderd)." (9385) A rule on the gemeente's own 301."""
    if toewijzing.reden_wijziging != VERWIJDERD:
        return []
    saldo = 0
    for p in goedgekeurde_prestaties:
        if p.toewijzing_nummer == toewijzing.toewijzing_nummer:
            saldo += -1 if p.ingediend_bedrag.debet_credit == "C" else 1
    return _code("9385", "TR385") if saldo > 0 else []


def TR416(prestatie: Prestatie, eerdere: Iterable[Prestatie]) -> list[Retourcode]:
    """TR416: "Prestatie met DebetCredit in IngediendBedrag waarde Debet mag alleen ingezonden
    worden voor dezelfde ProductPeriode, ProductCategorie en ProductCode met gelijk
    ToewijzingNummer als er niet al een Prestatie met waarde Debet is." (0001)

    A rule of the validation stylesheet (controleniveau "bericht inhoud"), so its code is 0001:
    ``eerdere`` are the prestaties before this one of the same Client in the same message (the
    stylesheet compares preceding siblings). A second debet line for the same period and product
    is refused; a credit line is never refused by this rule."""
    if prestatie.ingediend_bedrag.debet_credit != "D":
        return []
    for e in eerdere:
        if (
            e.ingediend_bedrag.debet_credit == "D"
            and e.toewijzing_nummer == prestatie.toewijzing_nummer
            and e.product_categorie == prestatie.product_categorie
            and e.product_code == prestatie.product_code
            and e.product_periode == prestatie.product_periode
        ):
            return _code(
                "0001", "TR416", "Dubbele debetprestatie voor dezelfde periode en hetzelfde product"
            )
    return []


def TR418(prestatie: Prestatie, contracttarief: int | None) -> list[Retourcode]:
    """TR418: "ProductTarief in Prestatie dient overeen te komen met het contractuele tarief van
    ProductCode." (0611)

    ``contracttarief``: the tariff in cents that the gemeente's contract with this aanbieder sets
    for the ProductCode on the prestatie's Begindatum. ``None`` (no contractual tariff known, e.g.
    a price agreed per client) or a prestatie without ProductTarief (eenheid 83, euro's): nothing
    to compare."""
    if contracttarief is None or prestatie.product_tarief is None:
        return []
    return [] if prestatie.product_tarief == contracttarief else _code("0611", "TR418")


Maand = tuple[int, int]  # (year, month)


def _maand(d: dt.date) -> Maand:
    return (d.year, d.month)


def _volgende(m: Maand) -> Maand:
    return (m[0] + 1, 1) if m[1] == 12 else (m[0], m[1] + 1)


def TR318(
    bericht: Declaratiebericht,
    vorige_periode: GeslotenPeriode | None,
    maanden_met_zorg: Collection[Maand] = (),
) -> list[Retourcode]:
    """TR318: "Indien iedere DeclaratiePeriode zorg is geleverd, moet DeclaratiePeriode de
    kalendermaand volgend op voorgaande DeclaratiePeriode zijn." (8214)

    ``vorige_periode``: the DeclaratiePeriode of this aanbieder's previous declaratie in this law
    (``None`` for the first: nothing to compare). The toelichting allows a gap only for months in
    which no care was delivered: the declaratie then starts on day 1 of the month in which care
    resumed. So the period must be the month after the previous one, or a later month when no
    month in between had care. Care in a month in between is known from ``maanden_met_zorg``
    (the (year, month) pairs in which the gemeente knows the aanbieder delivered, e.g. from its
    start and stop messages) and from the prestaties of this message itself (a ProductPeriode in
    a skipped month is care in that month). A period at or before the previous one fails."""
    if vorige_periode is None:
        return []
    huidig = _maand(bericht.declaratie.declaratie_periode.begindatum)
    verwacht = _volgende(_maand(vorige_periode.begindatum))
    if huidig == verwacht:
        return []
    if huidig < verwacht:
        return _code("8214", "TR318")
    met_zorg = set(maanden_met_zorg) | {
        _maand(d)
        for c in bericht.declaratie.clienten
        for p in c.prestaties
        for d in (p.product_periode.begindatum, p.product_periode.einddatum)
    }
    m = verwacht
    while m < huidig:
        if m in met_zorg:
            return _code("8214", "TR318")
        m = _volgende(m)
    return []


def declaratie_prestatie(
    bericht: Declaratiebericht,
    bsn: str,
    prestatie: Prestatie,
    toewijzingen: Mapping[int, ToegewezenProduct],
    eerdere_prestaties: Mapping[int, list[Prestatie]] | None = None,
    varianten: Mapping[int, Uitvoeringsvariant] | None = None,
    contracttarief: Callable[[str, dt.date], int | None] | None = None,
) -> list[Retourcode]:
    """All claim checks for one prestatie of a 323 against the client's toewijzingen
    (``toewijzingen``: ToewijzingNummer -> ToegewezenProduct of this client at this aanbieder;
    ``eerdere_prestaties``: approved earlier prestaties per ToewijzingNummer). Returns the codes
    for the prestatie in the 325; an empty list means it may be approved.

    ``contracttarief(productcode, datum)``: the contractual tariff in cents on that date (TR418),
    or ``None``; without it TR418 is not judged."""
    codes = TR338(prestatie, toewijzingen)
    if contracttarief is not None:
        codes += TR418(
            prestatie,
            contracttarief(prestatie.product_code, prestatie.product_periode.begindatum),
        )
    codes += TR319(prestatie, bericht.declaratie.declaratie_periode.einddatum)
    codes += TR346(prestatie)
    codes += TR381(bericht.wet, prestatie.product_categorie, prestatie.product_code)
    t = toewijzingen.get(prestatie.toewijzing_nummer)
    if t is None:
        return codes
    variant = (varianten or {}).get(prestatie.toewijzing_nummer, "inspanningsgericht")
    nieuw = [
        p
        for c in bericht.declaratie.clienten
        if c.bsn == bsn
        for p in c.prestaties
        if p.toewijzing_nummer == prestatie.toewijzing_nummer
    ]
    alle = list((eerdere_prestaties or {}).get(prestatie.toewijzing_nummer, [])) + nieuw
    codes += TR384(t)
    codes += TR307(prestatie, t)
    codes += TR308(prestatie, t)
    codes += TR339(prestatie, t)
    codes += TR340(prestatie, t)
    codes += TR341(prestatie, t)
    codes += TR321(prestatie, t, variant, bericht.wet)
    codes += TR322(alle, t, variant, bericht.wet)
    codes += TR369(alle, t)
    return codes
