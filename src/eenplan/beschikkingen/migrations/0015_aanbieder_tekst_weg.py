"""Step 2 of 2: the free-text provider is gone (aanbieders 0002 moved every value into an
Aanbieder record); the reference takes the name `aanbieder`."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("aanbieders", "0002_uit_vrije_tekst"),
        ("beschikkingen", "0014_aanbieder_record"),
    ]

    operations = [
        migrations.RemoveField(model_name="beschiktevoorziening", name="aanbieder"),
        migrations.RenameField(
            model_name="beschiktevoorziening", old_name="aanbieder_record", new_name="aanbieder"
        ),
        migrations.AlterField(
            model_name="beschiktevoorziening",
            name="aanbieder",
            field=models.ForeignKey(
                blank=True,
                help_text="Bij zorg in natura: de gecontracteerde aanbieder.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="beschikte_voorzieningen",
                to="aanbieders.aanbieder",
            ),
        ),
    ]
