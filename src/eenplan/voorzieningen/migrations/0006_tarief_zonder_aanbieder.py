"""The catalogue keeps the PGB tariffs; a tariff in kind belongs to a contract with a provider
(aanbieders app). aanbieders 0002 copied every ZIN tariff with its provider text into a contract
product; here those rows leave the catalogue and the text column goes."""

from django.db import migrations


def zin_tarieven_weg(apps, schema_editor):
    Tarief = apps.get_model("voorzieningen", "Tarief")
    Tarief.objects.filter(leveringsvorm="zin").exclude(aanbieder="").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("aanbieders", "0002_uit_vrije_tekst"),
        ("voorzieningen", "0005_categorie"),
    ]

    operations = [
        # Backwards: aanbieders 0002's reverse writes the rows back from the contracts.
        migrations.RunPython(zin_tarieven_weg, migrations.RunPython.noop),
        migrations.RemoveField(model_name="tarief", name="aanbieder"),
    ]
