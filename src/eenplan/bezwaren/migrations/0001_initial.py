"""Bezwaar and Klacht, taken over from `beschikkingen` without losing a row.

1. The state: the two models as they were in `beschikkingen` (0003-0007), on their old tables
   (`beschikkingen.0009` removed them from that app's state without touching the database).
2. The tables are renamed to `bezwaren_bezwaar` and `bezwaren_klacht` (data, ids, sequences
   and foreign keys stay).
3. The content types move to the new app label, so the permissions (and the groups and users
   that hold them) stay the same rows; the dossier history's `record_soort` follows the model's
   new label (`bezwaren.bezwaar`), so the timeline and a record's history still find old events.
   On a new database there is nothing to move yet (content types are made after migrating).
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

MODELLEN = ("bezwaar", "klacht")


def _verplaats(apps, schema_editor, van: str, naar: str) -> None:
    db = schema_editor.connection.alias
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MODELLEN:
        if not ContentType.objects.using(db).filter(app_label=naar, model=model).exists():
            ContentType.objects.using(db).filter(app_label=van, model=model).update(app_label=naar)
    Gebeurtenis = apps.get_model("events", "Gebeurtenis")
    for model in MODELLEN:
        Gebeurtenis.objects.using(db).filter(record_soort=f"{van}.{model}").update(
            record_soort=f"{naar}.{model}"
        )


def naar_bezwaren(apps, schema_editor) -> None:
    _verplaats(apps, schema_editor, "beschikkingen", "bezwaren")


def terug_naar_beschikkingen(apps, schema_editor) -> None:
    _verplaats(apps, schema_editor, "bezwaren", "beschikkingen")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("beschikkingen", "0009_bezwaar_klacht_naar_bezwaren"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("events", "0001_initial"),
        ("gemeente", "0003_rolwijziging"),
        ("inwoners", "0002_versie"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name="Bezwaar",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "created_at",
                            models.DateTimeField(auto_now_add=True, verbose_name="aangemaakt op"),
                        ),
                        (
                            "updated_at",
                            models.DateTimeField(auto_now=True, verbose_name="gewijzigd op"),
                        ),
                        (
                            "versie",
                            models.PositiveIntegerField(
                                default=1,
                                editable=False,
                                help_text="Gaat bij elke wijziging één omhoog; zo gaat geen wijziging verloren.",
                            ),
                        ),
                        ("ingediend_door", models.CharField(max_length=200)),
                        ("ontvangen_op", models.DateField()),
                        ("ter_post_bezorgd_op", models.DateField(blank=True, null=True)),
                        ("tijdigheid", models.CharField(max_length=30)),
                        ("verschoonbaar_reden", models.TextField(blank=True)),
                        ("gronden", models.TextField()),
                        ("informeel_gesprek_op", models.DateField(blank=True, null=True)),
                        ("adviescommissie", models.BooleanField(default=False)),
                        ("beslissen_uiterlijk", models.DateField()),
                        ("verdaagd", models.BooleanField(default=False)),
                        (
                            "uitkomst",
                            models.CharField(
                                choices=[
                                    ("lopend", "In behandeling"),
                                    ("gegrond", "Gegrond"),
                                    ("deels_gegrond", "Deels gegrond"),
                                    ("ongegrond", "Ongegrond"),
                                    ("niet_ontvankelijk", "Niet-ontvankelijk"),
                                    ("ingetrokken", "Ingetrokken"),
                                ],
                                default="lopend",
                                max_length=20,
                            ),
                        ),
                        ("besloten_op", models.DateField(blank=True, null=True)),
                        (
                            "beschikking",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="bezwaren",
                                to="beschikkingen.beschikking",
                            ),
                        ),
                        (
                            "nieuwe_beschikking",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to="beschikkingen.beschikking",
                            ),
                        ),
                        (
                            "vastgelegd_door",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "bezwaar",
                        "verbose_name_plural": "bezwaren",
                        "ordering": ["-ontvangen_op", "-id"],
                        "db_table": "beschikkingen_bezwaar",
                    },
                ),
                migrations.CreateModel(
                    name="Klacht",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "created_at",
                            models.DateTimeField(auto_now_add=True, verbose_name="aangemaakt op"),
                        ),
                        (
                            "updated_at",
                            models.DateTimeField(auto_now=True, verbose_name="gewijzigd op"),
                        ),
                        (
                            "versie",
                            models.PositiveIntegerField(
                                default=1,
                                editable=False,
                                help_text="Gaat bij elke wijziging één omhoog; zo gaat geen wijziging verloren.",
                            ),
                        ),
                        ("ingediend_door", models.CharField(max_length=200)),
                        ("ontvangen_op", models.DateField()),
                        ("onderwerp", models.TextField()),
                        ("afhandelen_uiterlijk", models.DateField()),
                        ("afgehandeld_op", models.DateField(blank=True, null=True)),
                        ("uitkomst", models.TextField(blank=True)),
                        (
                            "gemeente",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="klachten",
                                to="gemeente.gemeente",
                            ),
                        ),
                        (
                            "inwoner",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="klachten",
                                to="inwoners.inwoner",
                            ),
                        ),
                        (
                            "vastgelegd_door",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "klacht",
                        "verbose_name_plural": "klachten",
                        "ordering": ["-ontvangen_op", "-id"],
                        "db_table": "beschikkingen_klacht",
                    },
                ),
            ],
        ),
        migrations.AlterModelTable(name="bezwaar", table=None),
        migrations.AlterModelTable(name="klacht", table=None),
        migrations.RunPython(naar_bezwaren, terug_naar_beschikkingen),
    ]
