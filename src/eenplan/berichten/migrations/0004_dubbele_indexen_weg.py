import django.db.models.deletion
from django.db import migrations, models


def _weg(tabel: str, kolom: str, naam: str) -> migrations.RunSQL:
    """Drop the index Django made for a foreign key (the same name on SQLite and PostgreSQL);
    without remaking the table on SQLite, as AlterField would."""
    return migrations.RunSQL(
        f'DROP INDEX IF EXISTS "{naam}"',
        reverse_sql=f'CREATE INDEX "{naam}" ON "{tabel}" ("{kolom}")',
    )


class Migration(migrations.Migration):
    """Indexes only (issue 11): the single-column indexes of `Bericht.aanbieder` and
    `Prestatie.toewijzing` repeat the first column of a composite index (`bericht_aanbieder_idx`
    and `bericht_kenmerk_idx`; `prestatie_toewijzing_idx`), which answers every query on that
    column alone as well (EXPLAIN on SQLite and PostgreSQL in docs/benchmarks.md). Each row a
    message batch writes updated them for nothing."""

    dependencies = [
        ("aanbieders", "0002_uit_vrije_tekst"),
        ("berichten", "0003_declaratieperiode"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="bericht",
                    name="aanbieder",
                    field=models.ForeignKey(
                        blank=True,
                        db_index=False,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="berichten",
                        to="aanbieders.aanbieder",
                    ),
                ),
                migrations.AlterField(
                    model_name="prestatie",
                    name="toewijzing",
                    field=models.ForeignKey(
                        blank=True,
                        db_index=False,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="prestaties",
                        to="berichten.toewijzing",
                    ),
                ),
            ],
            database_operations=[
                _weg(
                    "berichten_bericht", "aanbieder_id", "berichten_bericht_aanbieder_id_e74b9a0c"
                ),
                _weg(
                    "berichten_prestatie",
                    "toewijzing_id",
                    "berichten_prestatie_toewijzing_id_79fbe094",
                ),
            ],
        ),
    ]
