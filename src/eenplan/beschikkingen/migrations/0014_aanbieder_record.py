"""Step 1 of 2: the granted provision gets a reference to the provider record (aanbieders app);
aanbieders 0002 fills it from the free text, step 2 (0015) drops the text."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("aanbieders", "0001_initial"),
        ("beschikkingen", "0013_verzendkanaal_volgorde"),
    ]

    operations = [
        migrations.AddField(
            model_name="beschiktevoorziening",
            name="aanbieder_record",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="aanbieders.aanbieder",
            ),
        ),
    ]
