"""The retention periods of the Selectielijst gemeenten en intergemeentelijke organen 2017 for
the records eenplan keeps, as dated data with their category, for records whose date falls in
2017, 2018 or 2019: before, no list of eenplan covered them, so they were never due.

Source of the decision: vastgesteld 23 June 2017 by the algemene rijksarchivaris for the minister
of OCW, nr. NA/2017/1217430, Stcrt. 2017, 38013 (published 6 July 2017), with retroactive effect:
it applies to records made or received from 1 January 2017; closed on 31 December 2019 by the
decision on the Selectielijst 2020, it keeps applying to records of 1 January 2017 to 31 December
2019 (VNG, "Selectielijst 2020 vastgesteld" and "Selectielijst gemeenten en intergemeentelijke
organen 2017"; VHIC, "Selectielijst ... 2017 is officieel vastgesteld").

Source of the categories and periods: the list's spreadsheet as published by VNG/VHIC (sheet
"Selectielijst na reacties", the version after the zienswijzen that was adopted), as loaded by
the Open Zaak selectielijst API for the 2017 list. Differences with the 2020 list that matter
here: youth care 15 years (8.3.2, 3.1.4; Jeugdwet art. 7.3.8 lid 3 then said fifteen years), no
category 8.4.1 (an aanvraag afgebroken falls under 8.4, one year).

New rows with `geldig_van` 1 January 2017; the 2020 rows stay as they are.
"""

import datetime as dt

from django.db import migrations

LIJST = "Selectielijst gemeenten en intergemeentelijke organen 2017"
BRON = (
    LIJST + ", categorie {cat}; vastgesteld 23-06-2017 (nr. NA/2017/1217430), Stcrt. 2017, "
    "38013, geldt voor stukken opgemaakt of ontvangen van 01-01-2017 tot en met 31-12-2019 "
    "(VNG/VHIC, spreadsheet van de selectielijst 2017)"
)
GELDIG_VAN = dt.date(2017, 1, 1)

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
        "Voorzieningen verstrekken: beëindigd, WMO voorziening",
        "vernietigen",
        15,
        0,
        0,
        "het einde van de voorziening",
    ),
    (
        "beschikking_jeugd",
        "8.3.2",
        "Voorzieningen verstrekken: beëindigd, individuele jeugdhulp voorziening",
        "vernietigen",
        15,
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
        "8.4",
        "Voorzieningen verstrekken: afgebroken",
        "vernietigen",
        1,
        0,
        0,
        "de datum van intrekking",
    ),
    (
        "plan_wmo",
        "3.1.5",
        "Plannen opstellen: plan van aanpak WMO cliënt",
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
        15,
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
    dependencies = [("avg", "0007_vernietiging_op_verzoek")]
    operations = [migrations.RunPython(laden, wissen)]
