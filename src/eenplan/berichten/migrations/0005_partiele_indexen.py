import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def _weg(kolom: str, naam: str, tabel: str = "berichten_bericht") -> migrations.RunSQL:
    """Drop the index Django made for a foreign key (the same name on SQLite and PostgreSQL);
    without remaking the table on SQLite, as AlterField would."""
    return migrations.RunSQL(
        f'DROP INDEX IF EXISTS "{naam}"',
        reverse_sql=f'CREATE INDEX "{naam}" ON "{tabel}" ("{kolom}")',
    )


def _fk(to: str, related_name: str, **extra: object) -> models.ForeignKey:
    return models.ForeignKey(
        blank=True,
        db_index=False,
        null=True,
        on_delete=django.db.models.deletion.PROTECT,
        related_name=related_name,
        to=to,
        **extra,
    )


class Migration(migrations.Migration):
    """Indexes only (issue 11, ADR 0052): the keys `beschikking` (only a 301 has one),
    `antwoord_op` (only an answer) and `ontvangen_door` (only a file uploaded on a page), and
    the terms `retour_uiterlijk` (only incoming messages) and `antwoord_uiterlijk` (only
    315/317), are empty on most rows. Each had an index of every row, NULLs included, that
    every message written or processed updated; each now has a partial index of the rows that
    have a value. Every query on them compares with a value or asks IS NOT NULL, which both
    SQLite and PostgreSQL answer from a partial index.

    The links of a message to its residents (`Bericht.inwoners`, Django's own table) had an
    index on `bericht_id` next to the unique index on (`bericht_id`, `inwoner_id`), which
    answers every query on `bericht_id` alone as well; it is dropped in the database only
    (the table is Django's, its state keeps the field as it is)."""

    dependencies = [
        ("beschikkingen", "0019_wgs_toelating"),
        ("berichten", "0004_dubbele_indexen_weg"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="bericht",
                    name="antwoord_op",
                    field=_fk(
                        "berichten.bericht",
                        "antwoorden",
                        help_text="Het bericht waarop dit een retour of antwoord is "
                        "(302 → 301, 325 → 323, …).",
                    ),
                ),
                migrations.AlterField(
                    model_name="bericht",
                    name="beschikking",
                    field=_fk("beschikkingen.beschikking", "berichten"),
                ),
                migrations.AlterField(
                    model_name="bericht",
                    name="ontvangen_door",
                    field=_fk(settings.AUTH_USER_MODEL, "+"),
                ),
            ],
            database_operations=[
                _weg("antwoord_op_id", "berichten_bericht_antwoord_op_id_f3a80ab2"),
                _weg("beschikking_id", "berichten_bericht_beschikking_id_0260affc"),
                _weg("ontvangen_door_id", "berichten_bericht_ontvangen_door_id_9da5e197"),
            ],
        ),
        _weg(
            "bericht_id",
            "berichten_bericht_inwoners_bericht_id_f9c30288",
            "berichten_bericht_inwoners",
        ),
        migrations.RemoveIndex(model_name="bericht", name="bericht_retour_idx"),
        migrations.RemoveIndex(model_name="bericht", name="bericht_antwoord_idx"),
        migrations.AddIndex(
            model_name="bericht",
            index=models.Index(
                condition=models.Q(("retour_uiterlijk__isnull", False)),
                fields=["retour_uiterlijk"],
                name="bericht_retour_idx",
            ),
        ),
        migrations.AddIndex(
            model_name="bericht",
            index=models.Index(
                condition=models.Q(("antwoord_uiterlijk__isnull", False)),
                fields=["antwoord_uiterlijk"],
                name="bericht_antwoord_idx",
            ),
        ),
        migrations.AddIndex(
            model_name="bericht",
            index=models.Index(
                condition=models.Q(("beschikking__isnull", False)),
                fields=["beschikking"],
                name="bericht_beschikking_idx",
            ),
        ),
        migrations.AddIndex(
            model_name="bericht",
            index=models.Index(
                condition=models.Q(("antwoord_op__isnull", False)),
                fields=["antwoord_op"],
                name="bericht_antwoord_op_idx",
            ),
        ),
        migrations.AddIndex(
            model_name="bericht",
            index=models.Index(
                condition=models.Q(("ontvangen_door__isnull", False)),
                fields=["ontvangen_door"],
                name="bericht_ontvangen_door_idx",
            ),
        ),
    ]
