"""The source of the Selectielijst 2020 rows names its decision: vastgesteld 18-02-2020, Stcrt.
2020, 11143 (26-02-2020), applying with retroactive effect to records made or received from
1 January 2020 — the `geldig_van` of the rows, now verified instead of assumed."""

from django.db import migrations

OUD = (
    "Selectielijst gemeenten en intergemeentelijke organen 2020, categorie {cat} "
    "(VNG Referentielijsten, selectielijst_2020_resultaten.json)"
)


def _bron():
    module = __import__(
        "eenplan.avg.migrations.0002_bewaartermijnen", fromlist=["BRON", "GELDIG_VAN"]
    )
    return module.BRON, module.GELDIG_VAN


def bijwerken(apps, schema_editor):
    bron, geldig_van = _bron()
    Bewaartermijn = apps.get_model("avg", "Bewaartermijn")
    for regel in Bewaartermijn.objects.filter(geldig_van=geldig_van):
        if regel.bron == OUD.format(cat=regel.categorie):
            regel.bron = bron.format(cat=regel.categorie)
            regel.save(update_fields=["bron"])


def terug(apps, schema_editor):
    bron, geldig_van = _bron()
    Bewaartermijn = apps.get_model("avg", "Bewaartermijn")
    for regel in Bewaartermijn.objects.filter(geldig_van=geldig_van):
        if regel.bron == bron.format(cat=regel.categorie):
            regel.bron = OUD.format(cat=regel.categorie)
            regel.save(update_fields=["bron"])


class Migration(migrations.Migration):
    dependencies = [("avg", "0003_append_only")]
    operations = [migrations.RunPython(bijwerken, terug)]
