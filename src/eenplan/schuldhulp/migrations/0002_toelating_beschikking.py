"""The toelating to debt help as a beschikking (Wgs art. 4a, ADR 0041): the aanvraag made in the
first conversation and the beschikking on it, and the ground of a refusal. Existing debt
questions keep what was recorded (their toelating, its date and reasons): the new columns are
empty for them, and a question whose first conversation was recorded without an aanvraag gets
one when the toelating is decided. Nothing is removed or rewritten."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("beschikkingen", "0019_wgs_toelating"),
        ("schuldhulp", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="schuldvraag",
            name="toelating_grond",
            field=models.TextField(
                blank=True,
                help_text="Bij een weigering: de grond waarop de toelating is geweigerd.",
            ),
        ),
        migrations.AddField(
            model_name="schuldvraag",
            name="aanvraag",
            field=models.OneToOneField(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="schuldvraag",
                to="beschikkingen.aanvraag",
            ),
        ),
        migrations.AddField(
            model_name="schuldvraag",
            name="beschikking",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="beschikkingen.beschikking",
            ),
        ),
        migrations.AlterField(
            model_name="schuldvraag",
            name="toelating",
            field=models.CharField(
                blank=True,
                choices=[
                    ("toegelaten", "Toegelaten tot schuldhulpverlening"),
                    ("geweigerd", "Geweigerd (afgewezen)"),
                ],
                default="",
                max_length=20,
            ),
        ),
    ]
