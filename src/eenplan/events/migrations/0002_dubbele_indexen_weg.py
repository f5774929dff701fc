import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def _weg(kolom: str, naam: str) -> migrations.RunSQL:
    """Drop the index Django made for a foreign key (the same name on SQLite and PostgreSQL);
    without remaking the table on SQLite, as AlterField would."""
    return migrations.RunSQL(
        f'DROP INDEX IF EXISTS "{naam}"',
        reverse_sql=f'CREATE INDEX "{naam}" ON "events_gebeurtenis" ("{kolom}")',
    )


class Migration(migrations.Migration):
    """Indexes only (issue 11): the single-column indexes of `Gebeurtenis.inwoner` and
    `.huishouden` repeat the first column of `gebeurtenis_inwoner_idx` and
    `gebeurtenis_huishouden_idx`, which answer the timeline's queries (EXPLAIN on SQLite and
    PostgreSQL in docs/benchmarks.md). The household's and the user's index keep only the rows
    that have one (most events concern no household and no user: a message, a task); a query
    on a household or a user implies it is set. Every event written updated them for
    nothing."""

    dependencies = [
        ("events", "0001_initial"),
        ("inwoners", "0005_oude_zoeknaam_indexen_weg"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="gebeurtenis",
                    name="huishouden",
                    field=models.ForeignKey(
                        blank=True,
                        db_index=False,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="gebeurtenissen",
                        to="inwoners.huishouden",
                    ),
                ),
                migrations.AlterField(
                    model_name="gebeurtenis",
                    name="inwoner",
                    field=models.ForeignKey(
                        blank=True,
                        db_index=False,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="gebeurtenissen",
                        to="inwoners.inwoner",
                    ),
                ),
            ],
            database_operations=[
                _weg("huishouden_id", "events_gebeurtenis_huishouden_id_42e8d064"),
                _weg("inwoner_id", "events_gebeurtenis_inwoner_id_1eb5df36"),
            ],
        ),
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="gebeurtenis",
                    name="user",
                    field=models.ForeignKey(
                        blank=True,
                        db_index=False,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="door",
                    ),
                ),
            ],
            database_operations=[_weg("user_id", "events_gebeurtenis_user_id_2c8d61bc")],
        ),
        migrations.RemoveIndex(
            model_name="gebeurtenis",
            name="gebeurtenis_huishouden_idx",
        ),
        migrations.AddIndex(
            model_name="gebeurtenis",
            index=models.Index(
                condition=models.Q(("huishouden__isnull", False)),
                fields=["huishouden", "-moment"],
                name="gebeurtenis_huishouden_idx",
            ),
        ),
        migrations.AddIndex(
            model_name="gebeurtenis",
            index=models.Index(
                condition=models.Q(("user__isnull", False)),
                fields=["user"],
                name="gebeurtenis_user_idx",
            ),
        ),
    ]
