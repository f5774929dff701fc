"""Letter templates per municipality (BriefSjabloon), versioned, in a restricted syntax.

A functioneel beheerder words the letter; the text holds `$name` (or `${name}`) placeholders
and nothing else: Python's `string.Template` substitutes plain strings, with no template tags,
filters, loops or attribute access, so a template typed in the browser cannot read anything
that is not offered here (ADR 0020). The parts with logic — the decided provisions with their
legal basis, the eigen bijdrage, the lawfulness-check line, the enclosures — are rendered by
the product's own templates (`beschikkingen/brief/*.txt`) and offered as one placeholder each.
"""

from __future__ import annotations

import datetime as dt
from string import Template

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max

from eenplan.beschikkingen.constants import BriefSoort
from eenplan.beschikkingen.models import BriefSjabloon
from eenplan.beschikkingen.services._gedeeld import ActorLike, vereis_toegang
from eenplan.common.concurrency import Conflict
from eenplan.gemeente.models import Gemeente
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource

# The placeholders of the decision letter, with what they hold (shown on the edit page).
PLAATSHOUDERS: dict[str, dict[str, str]] = {
    BriefSoort.BESCHIKKING: {
        "briefhoofd": "Naam, adressen, telefoon, e-mail en website van de gemeente",
        "gemeente": "Naam van de gemeente",
        "postadres": "Postadres van de gemeente",
        "inwoner_naam": "Naam van de inwoner",
        "inwoner_adres": "Adres van de inwoner (twee regels)",
        "kenmerk": "Kenmerk van het besluit",
        "datum": "Verzenddatum",
        "aanvraag_datum": "Datum van de aanvraag",
        "aanvraag_omschrijving": "Waar de aanvraag over gaat",
        "contactpersoon": "Naam van de contactpersoon",
        "contact_telefoon": "Telefoon van de contactpersoon",
        "contact_email": "E-mail van de contactpersoon",
        "besluit": "Het besluit per voorziening, met de wettelijke grondslag",
        "motivering": "De motivering",
        "ladder": "Wat samen is bekeken (leeg als er niets is vastgelegd), met kop",
        "eigen_bijdrage": "De eigen bijdrage en het CAK (leeg als die niet geldt), met kop",
        "toetsing": "De zin over de rechtmatigheidstoets (leeg als die niet geldt)",
        "bezwaar_uiterlijk": "De laatste dag voor bezwaar",
        "bezwaar_digitaal": "Waar de inwoner digitaal bezwaar maakt (leeg als onbekend)",
        "grondslag_bezwaar": "De artikelen over bezwaar",
        "bijlagen": "De lijst van bijlagen",
    },
}
# The toelating to debt help (Wgs art. 4a): the same fields as the decision letter (the ladder and
# the eigen bijdrage are empty for it).
PLAATSHOUDERS[BriefSoort.TOELATING_SCHULDHULP] = {
    naam: uitleg
    for naam, uitleg in PLAATSHOUDERS[BriefSoort.BESCHIKKING].items()
    if naam not in ("ladder", "eigen_bijdrage")
} | {"aanvraag_datum": "Datum van het eerste gesprek (de aanvraag, Wgs art. 4a)"}
# The letterhead and contact fields every letter offers.
_GEDEELD = {
    "briefhoofd": "Naam, adressen, telefoon, e-mail en website van de gemeente",
    "gemeente": "Naam van de gemeente",
    "kenmerk": "Kenmerk van deze brief",
    "datum": "Datum van de brief",
    "contactpersoon": "Naam van de contactpersoon",
    "contact_telefoon": "Telefoon van de contactpersoon",
    "contact_email": "E-mail van de contactpersoon",
}
PLAATSHOUDERS[BriefSoort.BESLISSING_OP_BEZWAAR] = {
    **_GEDEELD,
    "indiener": "Naam van wie bezwaar maakte",
    "inwoner_adres": "Adres van de inwoner (twee regels)",
    "kenmerk_besluit": "Kenmerk van het besluit waartegen het bezwaar ging",
    "besluit_datum": "Datum van dat besluit",
    "bezwaar_datum": "Datum waarop het bezwaar binnenkwam",
    "uitkomst": "De uitkomst (gegrond, deels gegrond, ongegrond, niet-ontvankelijk) in gewone "
    "woorden, met het nieuwe besluit als dat er is",
    "motivering": "Waarom: de heroverweging (Awb 7:11)",
    "informeel_gesprek": "De zin over het gesprek met de inwoner (leeg als er geen was)",
    "beroep_uiterlijk": "De laatste dag voor beroep",
    "grondslag_beroep": "De artikelen over beroep",
}
PLAATSHOUDERS[BriefSoort.KLACHT_AFHANDELING] = {
    **_GEDEELD,
    "indiener": "Naam van wie de klacht indiende",
    "inwoner_adres": "Adres van de inwoner (leeg als onbekend)",
    "klacht_datum": "Datum waarop de klacht binnenkwam",
    "onderwerp": "Waarover de klacht gaat",
    "bevindingen": "Wat wij hebben gevonden en besloten (Awb 9:12 lid 1)",
    "ombudsman": "Waar de indiener daarna heen kan: de Nationale ombudsman (Awb 9:12 lid 2)",
}
PLAATSHOUDERS[BriefSoort.VERTRAGING_414] = {
    **_GEDEELD,
    "inwoner_naam": "Naam van de inwoner",
    "inwoner_adres": "Adres van de inwoner (twee regels)",
    "aanvraag_datum": "Datum van de aanvraag",
    "aanvraag_omschrijving": "Waar de aanvraag over gaat",
    "termijn_einde": "De laatste dag van de beslistermijn",
    "reden": "Waarom het besluit later komt",
    "verwacht_op": "De dag waarop de inwoner het besluit uiterlijk krijgt",
    "grondslag": "Het artikel over deze mededeling",
}
# What a letter must say. A decision: the bezwaar or beroep clause with its last day (Awb art.
# 3:45) and the kenmerk to refer to. A complaint: the findings and the ombudsman (Awb 9:12).
VERPLICHT: dict[str, tuple[str, ...]] = {
    BriefSoort.BESCHIKKING: ("kenmerk", "besluit", "bezwaar_uiterlijk"),
    BriefSoort.TOELATING_SCHULDHULP: ("kenmerk", "besluit", "bezwaar_uiterlijk"),
    BriefSoort.BESLISSING_OP_BEZWAAR: ("kenmerk", "uitkomst", "beroep_uiterlijk"),
    BriefSoort.KLACHT_AFHANDELING: ("kenmerk", "bevindingen", "ombudsman"),
    # Awb 4:14: the notice names why and the (new) day by which the decision comes.
    BriefSoort.VERTRAGING_414: ("kenmerk", "reden", "verwacht_op"),
}

STANDAARD_BESCHIKKING = """$briefhoofd

Aan: $inwoner_naam
$inwoner_adres

Ons kenmerk: $kenmerk
Datum: $datum
Onderwerp: besluit op uw aanvraag van $aanvraag_datum
Contactpersoon: $contactpersoon, telefoon $contact_telefoon, e-mail $contact_email

Beste $inwoner_naam,

U heeft ons om hulp gevraagd: $aanvraag_omschrijving. In deze brief leest u wat wij
hebben besloten. Noem ons kenmerk $kenmerk als u ons belt of schrijft.

Ons besluit
===========

$besluit

Waarom
======

$motivering

$ladder

$eigen_bijdrage

$toetsing

Wilt u eerst met ons praten?
============================

Bent u het niet eens met dit besluit? Bel dan $contactpersoon op $contact_telefoon.
Vaak lossen we het samen op.

Bezwaar maken
=============

U kunt bezwaar maken tot en met $bezwaar_uiterlijk. Dat staat in $grondslag_bezwaar.
$bezwaar_digitaal
Per post: het college van burgemeester en wethouders van $gemeente, $postadres.
Noem ons kenmerk $kenmerk en stuur een kopie van deze brief mee.

Bijlagen
========

$bijlagen

Met vriendelijke groet,

Het college van burgemeester en wethouders van $gemeente
"""

STANDAARD_TOELATING_SCHULDHULP = """$briefhoofd

Aan: $inwoner_naam
$inwoner_adres

Ons kenmerk: $kenmerk
Datum: $datum
Onderwerp: besluit over schuldhulpverlening, na ons gesprek van $aanvraag_datum
Contactpersoon: $contactpersoon, telefoon $contact_telefoon, e-mail $contact_email

Beste $inwoner_naam,

Op $aanvraag_datum hebben wij met u gesproken over uw geldzaken. In dat gesprek vroeg u ons om
hulp bij uw schulden. In deze brief leest u of wij u die hulp geven. Noem ons kenmerk $kenmerk
als u ons belt of schrijft.

Ons besluit
===========

$besluit

Waarom
======

$motivering

$toetsing

Wilt u eerst met ons praten?
============================

Bent u het niet eens met dit besluit? Bel dan $contactpersoon op $contact_telefoon.

Bezwaar maken
=============

U kunt bezwaar maken tot en met $bezwaar_uiterlijk. Dat staat in $grondslag_bezwaar.
$bezwaar_digitaal
Per post: het college van burgemeester en wethouders van $gemeente, $postadres.
Noem ons kenmerk $kenmerk en stuur een kopie van deze brief mee.

Bijlagen
========

$bijlagen

Met vriendelijke groet,

Het college van burgemeester en wethouders van $gemeente
"""


STANDAARD_BESLISSING_OP_BEZWAAR = """$briefhoofd

Aan: $indiener
$inwoner_adres

Ons kenmerk: $kenmerk
Uw bezwaar tegen ons besluit met kenmerk $kenmerk_besluit
Datum: $datum
Onderwerp: beslissing op uw bezwaar van $bezwaar_datum
Contactpersoon: $contactpersoon, telefoon $contact_telefoon, e-mail $contact_email

Beste $indiener,

U heeft bezwaar gemaakt tegen ons besluit van $besluit_datum. Wij hebben dat besluit opnieuw
bekeken. In deze brief leest u wat wij hebben besloten.

Onze beslissing
===============

$uitkomst

Waarom
======

$motivering
$informeel_gesprek

Bent u het niet eens met deze beslissing?
=========================================

Dan kunt u beroep instellen bij de rechtbank, sector bestuursrecht. Dat moet binnen zes weken,
dus uiterlijk op $beroep_uiterlijk. Dat staat in $grondslag_beroep.
Digitaal: via www.rechtspraak.nl (u logt in met DigiD). Stuur een kopie van deze brief mee.

Met vriendelijke groet,

Het college van burgemeester en wethouders van $gemeente
"""

STANDAARD_KLACHT_AFHANDELING = """$briefhoofd

Aan: $indiener
$inwoner_adres

Ons kenmerk: $kenmerk
Datum: $datum
Onderwerp: uw klacht van $klacht_datum
Contactpersoon: $contactpersoon, telefoon $contact_telefoon, e-mail $contact_email

Beste $indiener,

U heeft een klacht ingediend over: $onderwerp
Dank u wel dat u dit heeft laten weten. In deze brief leest u wat wij hebben gedaan.

Wat wij hebben gevonden
=======================

$bevindingen

Bent u niet tevreden?
=====================

$ombudsman

Met vriendelijke groet,

Het college van burgemeester en wethouders van $gemeente
"""

STANDAARD_VERTRAGING_414 = """$briefhoofd

Aan: $inwoner_naam
$inwoner_adres

Ons kenmerk: $kenmerk
Datum: $datum
Onderwerp: uw aanvraag van $aanvraag_datum: ons besluit komt later
Contactpersoon: $contactpersoon, telefoon $contact_telefoon, e-mail $contact_email

Beste $inwoner_naam,

U heeft ons om hulp gevraagd: $aanvraag_omschrijving. Wij moesten uiterlijk op $termijn_einde
een besluit nemen. Dat lukt niet. Daarom krijgt u deze brief.

Waarom het langer duurt
=======================

$reden

Wanneer u ons besluit krijgt
============================

U krijgt ons besluit uiterlijk op $verwacht_op. Dat wij u dit laten weten, staat in $grondslag.
Heeft u vragen? Bel dan $contactpersoon op $contact_telefoon en noem ons kenmerk $kenmerk.

Met vriendelijke groet,

Het college van burgemeester en wethouders van $gemeente
"""

# The text a new municipality starts editing from, per kind.
STANDAARDEN: dict[str, str] = {
    BriefSoort.BESCHIKKING: STANDAARD_BESCHIKKING,
    BriefSoort.TOELATING_SCHULDHULP: STANDAARD_TOELATING_SCHULDHULP,
    BriefSoort.BESLISSING_OP_BEZWAAR: STANDAARD_BESLISSING_OP_BEZWAAR,
    BriefSoort.KLACHT_AFHANDELING: STANDAARD_KLACHT_AFHANDELING,
    BriefSoort.VERTRAGING_414: STANDAARD_VERTRAGING_414,
}

# The Nationale ombudsman clause of the complaint letter (Awb art. 9:12 lid 2, 9:18).
OMBUDSMAN = (
    "Bent u niet tevreden over hoe wij uw klacht hebben behandeld? Dan kunt u de Nationale "
    "ombudsman vragen om ernaar te kijken: www.nationaleombudsman.nl, telefoon 0800 335 55 55. "
    "Dat staat in artikel 9:12 van de Algemene wet bestuursrecht. Tegen deze brief kunt u geen "
    "bezwaar maken: het is geen besluit."
)


def sjabloon_fouten(tekst: str, soort: str) -> list[str]:
    """What is wrong with a template text, in Dutch: a `$` that is no placeholder, an unknown
    placeholder, a required one missing. Empty: the text can be used."""
    if soort not in PLAATSHOUDERS:
        return [f"Voor dit soort brief ({soort}) zijn nog geen sjablonen mogelijk."]
    if not tekst.strip():
        return ["Het sjabloon is leeg."]
    sjabloon = Template(tekst)
    if not sjabloon.is_valid():
        return [
            "Een $-teken staat niet voor een bekend veld. Schrijf $$ voor een los $-teken, "
            "bijvoorbeeld: € $$ 10."
        ]
    namen = set(sjabloon.get_identifiers())
    fouten = [
        f"Onbekend veld ${naam}. Kies uit de lijst van velden."
        for naam in sorted(namen - set(PLAATSHOUDERS[soort]))
    ]
    fouten += [
        f"Het veld ${naam} moet in de brief staan."
        for naam in VERPLICHT[soort]
        if naam not in namen
    ]
    return fouten


def sjabloon_invullen(tekst: str, waarden: dict[str, str]) -> str:
    """Substitute the placeholders with plain strings; nothing else is evaluated."""
    return Template(tekst).safe_substitute(waarden)


def actief_sjabloon(gemeente_id: int, soort: str, op: dt.date) -> BriefSjabloon | None:
    """The version in force on `op`: the newest valid from that day or earlier."""
    return (
        BriefSjabloon.objects.filter(gemeente_id=gemeente_id, soort=soort, geldig_vanaf__lte=op)
        .select_related("gemeente")
        .order_by("-geldig_vanaf", "-versie")
        .first()
    )


@transaction.atomic
def sjabloon_save(
    *,
    gemeente: Gemeente,
    soort: str,
    tekst: str,
    geldig_vanaf: dt.date,
    actor: ActorLike,
    toelichting: str = "",
    via: access.Via | None = None,
) -> BriefSjabloon:
    """Save a new version of a municipality's letter template (the old ones stay, unchanged).
    Refused: another municipality's template, a text with an unknown or missing placeholder."""
    actor = vereis_toegang(actor, Resource.INSTELLINGEN, Action.WIJZIGEN, via, None)
    medewerker = actor.medewerker
    if medewerker is None or medewerker.gemeente_id != gemeente.pk:
        raise ValidationError("U beheert alleen de sjablonen van uw eigen gemeente.")
    tekst = tekst.replace("\r\n", "\n")
    fouten = sjabloon_fouten(tekst, soort)
    if fouten:
        raise ValidationError({"tekst": fouten})
    Gemeente.objects.select_for_update().filter(pk=gemeente.pk).first()  # one version at a time
    laatste = BriefSjabloon.objects.filter(gemeente=gemeente, soort=soort).aggregate(
        m=Max("versie")
    )["m"]
    try:
        with transaction.atomic():
            return BriefSjabloon.objects.create(
                gemeente=gemeente,
                soort=soort,
                versie=(laatste or 0) + 1,
                tekst=tekst,
                geldig_vanaf=geldig_vanaf,
                gewijzigd_door=actor.user,
                toelichting=toelichting.strip(),
            )
    except IntegrityError as exc:  # pragma: no cover - the lock above prevents it
        raise Conflict("Iemand anders sloeg tegelijk een versie op. Probeer het opnieuw.") from exc


def voorbeeld_waarden(gemeente: Gemeente, soort: str = BriefSoort.BESCHIKKING) -> dict[str, str]:
    """Made-up values for the live preview on the edit page: the municipality's own letterhead,
    a fictitious resident and decision (no resident data is read)."""
    waarden = _voorbeeld_beschikking(gemeente)
    if soort == BriefSoort.TOELATING_SCHULDHULP:
        waarden.update(
            aanvraag_omschrijving="schuldhulpverlening",
            besluit="- Toelating tot de schuldhulpverlening: toegekend.\n  Van 1 maart 2026.\n"
            "  Wij besluiten dit op grond van artikel 4a van de Wet gemeentelijke "
            "schuldhulpverlening.",
        )
    elif soort == BriefSoort.BESLISSING_OP_BEZWAAR:
        waarden.update(
            kenmerk=f"{gemeente.cbs_code}-BZ-2026-000045",
            datum="20 april 2026",
            indiener="J. Voorbeeld",
            kenmerk_besluit=f"{gemeente.cbs_code}-BS-2026-000123",
            besluit_datum="1 maart 2026",
            bezwaar_datum="2 april 2026",
            uitkomst="Uw bezwaar is ongegrond. Ons besluit blijft zoals het was.",
            motivering="(de heroverweging van het besluit)",
            informeel_gesprek="Wij hebben op 9 april 2026 met u gesproken over uw bezwaar.",
            beroep_uiterlijk="1 juni 2026",
            grondslag_beroep="de artikelen 6:7 en 8:1 van de Algemene wet bestuursrecht",
        )
    elif soort == BriefSoort.VERTRAGING_414:
        waarden.update(
            kenmerk=f"{gemeente.cbs_code}-AV-2026-000123",
            datum="27 februari 2026",
            termijn_einde="1 maart 2026",
            reden="(waarom het besluit later komt)",
            verwacht_op="15 maart 2026",
            grondslag="artikel 4:14 van de Algemene wet bestuursrecht",
        )
    elif soort == BriefSoort.KLACHT_AFHANDELING:
        waarden.update(
            kenmerk=f"{gemeente.cbs_code}-KL-2026-000007",
            datum="20 april 2026",
            indiener="J. Voorbeeld",
            klacht_datum="2 april 2026",
            onderwerp="ik ben niet teruggebeld",
            bevindingen="(wat de gemeente heeft gevonden en besloten)",
            ombudsman=OMBUDSMAN,
        )
    return {naam: waarden.get(naam, "") for naam in PLAATSHOUDERS.get(soort, {})}


def _voorbeeld_beschikking(gemeente: Gemeente) -> dict[str, str]:
    kop = "\n".join(
        regel
        for regel in (
            f"Gemeente {gemeente.naam}",
            gemeente.bezoekadres and f"Bezoekadres: {gemeente.bezoekadres}",
            gemeente.postadres and f"Postadres: {gemeente.postadres}",
            gemeente.telefoon and f"Telefoon: {gemeente.telefoon}",
            gemeente.email and f"E-mail: {gemeente.email}",
            gemeente.website and f"Website: {gemeente.website}",
        )
        if regel
    )
    return {
        "briefhoofd": kop,
        "gemeente": gemeente.naam,
        "postadres": gemeente.postadres,
        "inwoner_naam": "J. Voorbeeld",
        "inwoner_adres": "Voorbeeldstraat 1\n1234 AB Voorbeeld",
        "kenmerk": f"{gemeente.cbs_code}-BS-2026-000123",
        "datum": "1 maart 2026",
        "aanvraag_datum": "15 februari 2026",
        "aanvraag_omschrijving": "hulp bij het huishouden",
        "contactpersoon": "A. Medewerker",
        "contact_telefoon": gemeente.telefoon or "(telefoon)",
        "contact_email": gemeente.email or "(e-mail)",
        "besluit": "- Hulp bij het huishouden: toegekend.\n  Hoeveel: 3 uur per week.\n"
        "  Wij besluiten dit op grond van artikel 2.3.5, derde lid, van de Wet "
        "maatschappelijke ondersteuning 2015.",
        "motivering": "(de motivering van het besluit)",
        "ladder": "",
        "eigen_bijdrage": "Eigen bijdrage\n==============\n\n(de eigen bijdrage en het CAK)",
        "toetsing": "",
        "bezwaar_uiterlijk": "13 april 2026",
        "bezwaar_digitaal": f"Digitaal: via {gemeente.bezwaar_url} (u logt in met DigiD)."
        if gemeente.bezwaar_url
        else "",
        "grondslag_bezwaar": "de artikelen 6:7, 6:8 en 7:1 van de Algemene wet bestuursrecht",
        "bijlagen": "- Folder 'Bezwaar maken tegen een besluit van de gemeente'",
    }
