"""The retention periods of the Selectielijst gemeenten en intergemeentelijke organen 2020 for
the records eenplan keeps, as dated data with their category (source: the selectielijst as
published by VNG in the Referentielijsten API, fixture selectielijst_2020_resultaten.json).
A later selectielijst is added as new rows with a later `geldig_van`, never by editing these."""

import datetime as dt

from django.db import migrations

LIJST = "Selectielijst gemeenten en intergemeentelijke organen 2020"
# Vastgesteld 18 February 2020 by the algemene rijksarchivaris for the minister (Stcrt. 2020,
# 11143 of 26 February 2020), with retroactive effect: it applies to records made or received
# from 1 January 2020; the Selectielijst 2017 (Stcrt. 2017, 38013) keeps applying to records of
# 2017-2019 (VNG, "Selectielijst 2020 vastgesteld"; GEMMA Handreiking Selectielijst §2.1).
BRON = (
    LIJST + ", categorie {cat}; vastgesteld 18-02-2020, Stcrt. 2020, 11143 (26-02-2020), geldt "
    "voor stukken opgemaakt of ontvangen vanaf 01-01-2020 (VNG Referentielijsten, "
    "selectielijst_2020_resultaten.json)"
)
GELDIG_VAN = dt.date(2020, 1, 1)

# soort, categorie, omschrijving, waardering, jaren, maanden, dagen, ingang
REGELS = [
    (
        "klacht",
        "13.1",
        "Geschillen behandelen: afgehandeld (klacht)",
        "vernietigen",
        5,
        0,
        0,
        "de datum van afhandeling van de klacht",
    ),
    (
        "bezwaar",
        "13.1",
        "Geschillen behandelen: afgehandeld (bezwaarschrift)",
        "vernietigen",
        5,
        0,
        0,
        "de datum van de beslissing op bezwaar",
    ),
    (
        "melding_zonder_vervolg",
        "6.1",
        "Verzoeken behandelen: ingewilligd (melding zonder onderzoek: beantwoord of doorgezet)",
        "vernietigen",
        5,
        0,
        0,
        "de laatste wijziging van de afgesloten melding",
    ),
    (
        "avg_verzoek",
        "6.1",
        "Verzoeken behandelen: ingewilligd (verzoek van de betrokkene)",
        "vernietigen",
        5,
        0,
        0,
        "de datum van afhandeling",
    ),
    (
        "beschikking_wmo",
        "8.3.1",
        "Voorzieningen verstrekken: beëindigd, Wmo-voorziening",
        "vernietigen",
        15,
        0,
        0,
        "het einde van de voorziening",
    ),
    (
        "beschikking_jeugd",
        "8.3.2",
        "Voorzieningen verstrekken: beëindigd, individuele jeugdhulpvoorziening",
        "vernietigen",
        20,
        0,
        0,
        "het einde van de voorziening",
    ),
    (
        "aanvraag_geweigerd",
        "8.2",
        "Voorzieningen verstrekken: geweigerd",
        "vernietigen",
        5,
        0,
        0,
        "de datum van de beschikking",
    ),
    (
        "aanvraag_afgebroken",
        "8.4.1",
        "Voorzieningen verstrekken: afgebroken, voorziening in het sociaal domein",
        "vernietigen",
        0,
        0,
        42,
        "de datum van intrekking",
    ),
    (
        "plan_wmo",
        "3.1.5",
        "Plannen opstellen: plan van aanpak Wmo-cliënt",
        "vernietigen",
        15,
        0,
        0,
        "het einde van het plan",
    ),
    (
        "plan_jeugd",
        "3.1.4",
        "Plannen opstellen: plan van aanpak jeugdhulp cliënt",
        "vernietigen",
        20,
        0,
        0,
        "het einde van het plan",
    ),
    (
        "vernietigingslijst",
        "19.1.18",
        "Secretariaat voeren en gegevens verwerken: archiefvernietiging",
        "bewaren",
        0,
        0,
        0,
        "blijvend bewaren",
    ),
]


def laden(apps, schema_editor):
    Bewaartermijn = apps.get_model("avg", "Bewaartermijn")
    for soort, cat, omschrijving, waardering, jaren, maanden, dagen, ingang in REGELS:
        Bewaartermijn.objects.update_or_create(
            soort=soort,
            geldig_van=GELDIG_VAN,
            defaults={
                "categorie": cat,
                "omschrijving": omschrijving,
                "waardering": waardering,
                "jaren": jaren,
                "maanden": maanden,
                "dagen": dagen,
                "ingang": ingang,
                "bron": BRON.format(cat=cat),
            },
        )


def wissen(apps, schema_editor):
    apps.get_model("avg", "Bewaartermijn").objects.filter(geldig_van=GELDIG_VAN).delete()


class Migration(migrations.Migration):
    dependencies = [("avg", "0001_initial")]
    operations = [migrations.RunPython(laden, wissen)]
