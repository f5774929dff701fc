"""Writes of the aanbieders app: providers, contracts, contract products and documents.

Every service validates first and changes nothing on a refusal (a Dutch ValidationError per
field); versioned records are written under `schrijft` (lock, version check, constraint →
Conflict), like the other apps.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from eenplan.aanbieders.constants import Financieringsvorm, Uitvoeringsvariant
from eenplan.aanbieders.models import Aanbieder, Contract, ContractDocument, ContractProduct
from eenplan.common.concurrency import invarianten, schrijft
from eenplan.common.datums import datums_check
from eenplan.common.text import normalise
from eenplan.istandaarden.agb import agb_fout
from eenplan.istandaarden.codelijsten import CODELIJSTEN
from eenplan.rules import datums
from eenplan.voorzieningen.models import Voorziening

DOCUMENT_MAX_BYTES = 10 * 1024 * 1024
DOCUMENT_SOORTEN = {
    "application/pdf": ".pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "application/vnd.oasis.opendocument.text": ".odt",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ".xlsx",
    "application/vnd.oasis.opendocument.spreadsheet": ".ods",
}

AANBIEDER_VELDEN = (
    "naam",
    "agb_code",
    "contactpersoon",
    "telefoon",
    "email",
    "adres",
    "actief",
    "toelichting",
)


def _zoektekst(a: Aanbieder) -> str:
    return normalise(" ".join([a.naam, a.agb_code, a.contactpersoon, a.adres, a.email]))


@transaction.atomic
@schrijft("aanbieder")
def aanbieder_save(*, aanbieder: Aanbieder | None = None, **velden: Any) -> Aanbieder:
    """Create (``aanbieder=None``) or change a provider.

    A new provider needs a well-formed AGB code (iWmo/iJw LDT_AgbCode, `istandaarden.agb`). Only
    a provider taken over from the old free text may still lack one; once filled in, it cannot
    be emptied again (the messages to the provider need it)."""
    onbekend = set(velden) - set(AANBIEDER_VELDEN)
    if onbekend:
        raise TypeError(f"onbekende velden: {sorted(onbekend)}")
    nieuw = aanbieder is None
    oude_agb = "" if aanbieder is None else aanbieder.agb_code
    obj = Aanbieder() if aanbieder is None else aanbieder
    for naam, waarde in velden.items():
        if isinstance(waarde, str):
            waarde = waarde.strip()
        setattr(obj, naam, waarde)
    fouten: dict[str, str] = {}
    if not obj.naam:
        fouten["naam"] = "Vul de naam van de aanbieder in."
    if obj.agb_code:
        if fout := agb_fout(obj.agb_code):
            fouten["agb_code"] = fout
    elif nieuw or oude_agb:
        fouten["agb_code"] = "Vul de AGB-code van de aanbieder in (8 cijfers)."
    if fouten:
        raise ValidationError(fouten)
    obj.zoektekst = _zoektekst(obj)
    obj.full_clean(validate_constraints=False)
    with invarianten():
        obj.save()
    return obj


CONTRACT_VELDEN = (
    "aanbieder",
    "gemeente",
    "hoofdcontract",
    "kenmerk",
    "omschrijving",
    "begin",
    "einde",
    "uitvoeringsvariant",
    "financieringsvorm",
    "toelichting",
)


def _check_contract(c: Contract) -> None:
    fouten: dict[str, str] = {}
    if not c.kenmerk:
        fouten["kenmerk"] = "Vul het kenmerk (contractnummer) in."
    if c.uitvoeringsvariant not in Uitvoeringsvariant.values:
        fouten["uitvoeringsvariant"] = "Kies inspanningsgericht, outputgericht of taakgericht."
    if c.financieringsvorm not in Financieringsvorm.values:
        fouten["financieringsvorm"] = "Kies een financieringsvorm."
    if c.einde is not None and c.begin is not None and c.einde < c.begin:
        fouten["einde"] = "Het einde ligt niet voor het begin."
    hoofd = c.hoofdcontract
    if hoofd is not None:
        if hoofd.hoofdcontract_id is not None:
            fouten["hoofdcontract"] = (
                "Een deelovereenkomst hangt onder een raamovereenkomst, niet onder een andere "
                "deelovereenkomst."
            )
        elif c.pk is not None and hoofd.pk == c.pk:
            fouten["hoofdcontract"] = "Een contract kan niet onder zichzelf hangen."
        elif hoofd.aanbieder_id != c.aanbieder_id:
            fouten["hoofdcontract"] = "De raamovereenkomst is met een andere aanbieder gesloten."
        elif hoofd.gemeente_id != c.gemeente_id:
            fouten["hoofdcontract"] = "De raamovereenkomst hoort bij een andere gemeente."
        elif c.begin < hoofd.begin or (
            hoofd.einde is not None and (c.einde is None or c.einde > hoofd.einde)
        ):
            fouten["begin"] = (
                "Een deelovereenkomst valt binnen de looptijd van haar raamovereenkomst."
            )
    if c.pk is not None and hoofd is not None and c.deelovereenkomsten.exists():
        fouten["hoofdcontract"] = "Dit contract heeft zelf deelovereenkomsten."
    if fouten:
        raise ValidationError(fouten)


@transaction.atomic
@schrijft("contract")
def contract_save(*, contract: Contract | None = None, **velden: Any) -> Contract:
    """Create (``contract=None``) or change a raamovereenkomst or deelovereenkomst.

    A deelovereenkomst hangs under a raamovereenkomst of the same provider and municipality and
    lies within its period; the products already in the contract must stay within the period."""
    onbekend = set(velden) - set(CONTRACT_VELDEN)
    if onbekend:
        raise TypeError(f"onbekende velden: {sorted(onbekend)}")
    datums_check(datums.PLANNING, begin=velden.get("begin"), einde=velden.get("einde"))
    obj = Contract() if contract is None else contract
    for naam, waarde in velden.items():
        if isinstance(waarde, str):
            waarde = waarde.strip()
        setattr(obj, naam, waarde)
    if obj.begin is None:
        raise ValidationError({"begin": "Vul de begindatum in."})
    _check_contract(obj)
    if obj.pk is not None:
        buiten = obj.producten.filter(geldig_vanaf__lt=obj.begin)
        if obj.einde is not None:
            buiten = buiten | obj.producten.filter(geldig_vanaf__gt=obj.einde)
        if buiten.exists():
            raise ValidationError(
                {"begin": "Er zijn tarieven buiten deze looptijd; pas die eerst aan."}
            )
    obj.full_clean(validate_constraints=False)
    with invarianten():
        obj.save()
    return obj


def _overlapt(a_van: dt.date, a_tot: dt.date | None, b_van: dt.date, b_tot: dt.date | None) -> bool:
    return (a_tot is None or b_van <= a_tot) and (b_tot is None or a_van <= b_tot)


@transaction.atomic
def contract_product_save(
    *,
    contract: Contract,
    voorziening: Voorziening,
    tarief: Decimal,
    eenheid: str,
    geldig_vanaf: dt.date,
    geldig_tot: dt.date | None = None,
    bron: str,
    product: ContractProduct | None = None,
) -> ContractProduct:
    """Add (or change) a product the provider may deliver, with its tariff per unit for a
    period. The product code comes from the catalogue; the unit is one of WJ756; the period lies
    within the contract; two periods of one product in one contract do not overlap."""
    datums_check(datums.PLANNING, geldig_vanaf=geldig_vanaf, geldig_tot=geldig_tot)
    contract = Contract.objects.select_for_update().get(pk=contract.pk)
    fouten: dict[str, str] = {}
    if voorziening.gemeente_id != contract.gemeente_id:
        fouten["voorziening"] = "Kies een voorziening uit de catalogus van de eigen gemeente."
    elif not voorziening.is_maatwerk or not voorziening.productcategorie:
        fouten["voorziening"] = (
            "Alleen een maatwerkvoorziening met een productcode kan in een contract."
        )
    if eenheid not in CODELIJSTEN["WJ756"]:
        fouten["eenheid"] = "Kies een eenheid uit WJ756, bijvoorbeeld 04 (uur)."
    if tarief is None or tarief < 0:
        fouten["tarief"] = "Vul een tarief van 0 of meer in."
    if not (bron or "").strip():
        fouten["bron"] = "Vul de bron van het tarief in (bijvoorbeeld de tariefbijlage)."
    if geldig_tot is not None and geldig_tot < geldig_vanaf:
        fouten["geldig_tot"] = "Het einde van het tarief ligt niet voor het begin."
    if geldig_vanaf < contract.begin or (
        contract.einde is not None and (geldig_vanaf > contract.einde)
    ):
        fouten["geldig_vanaf"] = "Het tarief begint binnen de looptijd van het contract."
    if not fouten:
        andere = contract.producten.filter(voorziening=voorziening)
        if product is not None:
            andere = andere.exclude(pk=product.pk)
        if any(_overlapt(geldig_vanaf, geldig_tot, p.geldig_vanaf, p.geldig_tot) for p in andere):
            fouten["geldig_vanaf"] = (
                "Dit product heeft in dit contract al een tarief in (een deel van) deze periode; "
                "zet eerst een einddatum op het oude tarief."
            )
    if fouten:
        raise ValidationError(fouten)
    obj = product or ContractProduct(contract=contract)
    obj.voorziening = voorziening
    obj.productcategorie = voorziening.productcategorie
    obj.productcode = voorziening.productcode
    obj.tarief = tarief
    obj.eenheid = eenheid
    obj.geldig_vanaf = geldig_vanaf
    obj.geldig_tot = geldig_tot
    obj.bron = bron.strip()
    with invarianten():
        obj.save()
    return obj


@transaction.atomic
def contract_document_add(
    *,
    contract: Contract,
    titel: str,
    bestandsnaam: str,
    mime_type: str,
    inhoud: bytes,
    door: Any,
) -> ContractDocument:
    """Attach a document (PDF, Word/ODF text or spreadsheet, at most 10 MB) to a contract."""
    fouten: dict[str, str] = {}
    if not titel.strip():
        fouten["titel"] = "Geef het document een titel."
    if mime_type not in DOCUMENT_SOORTEN:
        fouten["bestand"] = "Voeg een PDF, Word-, OpenDocument- of Excel-bestand toe."
    elif not inhoud:
        fouten["bestand"] = "Het bestand is leeg."
    elif len(inhoud) > DOCUMENT_MAX_BYTES:
        fouten["bestand"] = "Het bestand is groter dan 10 MB."
    elif mime_type == "application/pdf" and not inhoud.startswith(b"%PDF-"):
        fouten["bestand"] = "Dit bestand is geen PDF."
    if fouten:
        raise ValidationError(fouten)
    return ContractDocument.objects.create(
        contract=contract,
        titel=titel.strip(),
        bestandsnaam=bestandsnaam.rsplit("/", 1)[-1][:255] or "document",
        mime_type=mime_type,
        grootte=len(inhoud),
        sha256=hashlib.sha256(inhoud).hexdigest(),
        inhoud=inhoud,
        toegevoegd_door=door,
    )
