"""Providers were free text: on the ZIN tariffs of the catalogue (voorzieningen.Tarief.aanbieder)
and on the granted provisions (beschikkingen.BeschikteVoorziening.aanbieder). This migration
turns every distinct text (compared without case and surrounding or double spaces) into one
Aanbieder record, and per provider and municipality with ZIN tariffs into a contract holding
those tariffs as contract products (one product row per tariff period). Granted provisions get a
reference to their provider. Nothing is invented: the AGB code stays empty, so the provider is
listed as "AGB-code ontbreekt" until the contract manager fills it in; the contract is marked as
taken over, with its period from the first tariff or decision to open-ended.

Nothing is lost: the exact old spellings are kept in the provider's toelichting; a tariff that
shared its start date with another of the same provider and provision (which the old model
allowed, the new one not) is written into the contract's toelichting. The reverse writes the
text back (and the ZIN tariffs into the catalogue).
"""

import datetime as dt
import re
from collections import defaultdict

from django.db import migrations

VARIANT_FINANCIERING = {"inspanning": "pxq", "output": "traject", "taak": "lumpsum"}


def sleutel(tekst):
    return re.sub(r"\s+", " ", tekst).strip().casefold()


def _datum(d):
    return f"{d.day:02d}-{d.month:02d}-{d.year:04d}"


def vooruit(apps, schema_editor):
    Tarief = apps.get_model("voorzieningen", "Tarief")
    BeschikteVoorziening = apps.get_model("beschikkingen", "BeschikteVoorziening")
    Aanbieder = apps.get_model("aanbieders", "Aanbieder")
    Contract = apps.get_model("aanbieders", "Contract")
    ContractProduct = apps.get_model("aanbieders", "ContractProduct")

    spellingen = defaultdict(set)  # sleutel -> the texts as written
    tarieven = defaultdict(list)  # (sleutel, gemeente_id) -> [Tarief]
    vroegst = {}  # (sleutel, gemeente_id) -> earliest date
    for t in (
        Tarief.objects.filter(leveringsvorm="zin")
        .exclude(aanbieder="")
        .select_related("voorziening")
        .order_by("id")
    ):
        if not t.aanbieder.strip():
            continue
        k = sleutel(t.aanbieder)
        spellingen[k].add(t.aanbieder.strip())
        g = t.voorziening.gemeente_id
        tarieven[(k, g)].append(t)
        vroegst[(k, g)] = min(vroegst.get((k, g), t.geldig_vanaf), t.geldig_vanaf)
    regels = list(BeschikteVoorziening.objects.exclude(aanbieder="").select_related("beschikking"))
    for b in regels:
        if not b.aanbieder.strip():
            continue
        k = sleutel(b.aanbieder)
        spellingen[k].add(b.aanbieder.strip())
        g = b.beschikking.gemeente_id
        dag = b.begin or b.beschikking.besloten_op
        if (k, g) in tarieven:
            vroegst[(k, g)] = min(vroegst[(k, g)], dag)

    records = {}
    for k, namen in sorted(spellingen.items()):
        naam = sorted(namen)[0]
        toelichting = (
            "Overgenomen uit de vrije tekst van de catalogus en de beschikkingen (migratie "
            "aanbieders 0002). AGB-code ontbreekt: vul hem in."
        )
        if len(namen) > 1:
            toelichting += " Geschreven als: " + "; ".join(sorted(namen)) + "."
        records[k] = Aanbieder.objects.create(
            naam=naam[:200], agb_code="", toelichting=toelichting, zoektekst=k
        )

    for (k, gemeente_id), rijen in sorted(tarieven.items(), key=lambda x: (x[0][0], x[0][1])):
        aanbieder = records[k]
        eerste = rijen[0].voorziening
        variant = eerste.uitvoeringsvariant or "inspanning"
        contract = Contract.objects.create(
            aanbieder=aanbieder,
            gemeente_id=gemeente_id,
            kenmerk=f"OVERGENOMEN-{aanbieder.pk:05d}",
            omschrijving="Overgenomen uit de tarieven in de catalogus",
            begin=vroegst[(k, gemeente_id)],
            einde=None,
            uitvoeringsvariant=variant,
            financieringsvorm=VARIANT_FINANCIERING.get(variant, "pxq"),
            toelichting="Aangemaakt bij de overgang van vrije tekst naar aanbieders (migratie "
            "aanbieders 0002). Controleer looptijd, uitvoeringsvariant en financieringsvorm.",
        )
        per_product = defaultdict(dict)  # voorziening_id -> geldig_vanaf -> Tarief (last wins)
        vervangen = []
        for t in rijen:
            oud = per_product[t.voorziening_id].get(t.geldig_vanaf)
            if oud is not None:
                vervangen.append(oud)
            per_product[t.voorziening_id][t.geldig_vanaf] = t
        for perioden in per_product.values():
            dagen = sorted(perioden)
            for i, dag in enumerate(dagen):
                t = perioden[dag]
                tot = dagen[i + 1] - dt.timedelta(days=1) if i + 1 < len(dagen) else None
                ContractProduct.objects.create(
                    contract=contract,
                    voorziening=t.voorziening,
                    productcategorie=t.voorziening.productcategorie or "",
                    productcode=t.voorziening.productcode or "",
                    tarief=t.bedrag,
                    eenheid=t.voorziening.eenheid or "04",
                    geldig_vanaf=dag,
                    geldig_tot=tot,
                    bron=(t.bron or "catalogus")[:300],
                )
        if vervangen:
            contract.toelichting += " Vervangen tarieven met dezelfde begindatum: " + "; ".join(
                f"{t.voorziening.naam} € {t.bedrag} vanaf {_datum(t.geldig_vanaf)} ({t.bron})"
                for t in vervangen
            )
            contract.save(update_fields=["toelichting"])

    for b in regels:
        if b.aanbieder.strip():
            b.aanbieder_record = records[sleutel(b.aanbieder)]
            b.save(update_fields=["aanbieder_record"])


def terug(apps, schema_editor):
    Tarief = apps.get_model("voorzieningen", "Tarief")
    BeschikteVoorziening = apps.get_model("beschikkingen", "BeschikteVoorziening")
    ContractProduct = apps.get_model("aanbieders", "ContractProduct")
    for b in BeschikteVoorziening.objects.filter(aanbieder_record__isnull=False).select_related(
        "aanbieder_record"
    ):
        b.aanbieder = b.aanbieder_record.naam
        b.save(update_fields=["aanbieder"])
    for p in ContractProduct.objects.select_related("contract__aanbieder"):
        Tarief.objects.get_or_create(
            voorziening_id=p.voorziening_id,
            leveringsvorm="zin",
            aanbieder=p.contract.aanbieder.naam,
            geldig_vanaf=p.geldig_vanaf,
            defaults={"bedrag": p.tarief, "bron": p.bron},
        )


class Migration(migrations.Migration):
    dependencies = [
        ("aanbieders", "0001_initial"),
        ("beschikkingen", "0014_aanbieder_record"),
        ("voorzieningen", "0004_beheer"),
    ]

    operations = [migrations.RunPython(vooruit, terug)]
