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
# What a decision letter must say (Awb art. 3:45: the bezwaar clause; the kenmerk to refer to).
VERPLICHT: dict[str, tuple[str, ...]] = {
    BriefSoort.BESCHIKKING: ("kenmerk", "besluit", "bezwaar_uiterlijk"),
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


def voorbeeld_waarden(gemeente: Gemeente) -> dict[str, str]:
    """Made-up values for the live preview on the edit page: the municipality's own letterhead,
    a fictitious resident and decision (no resident data is read)."""
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
