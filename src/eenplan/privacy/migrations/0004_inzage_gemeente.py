"""Each access-log row belongs to a municipality, so a privacy officer sees only their own.

Existing rows get the resident's municipality, or (for a row without a resident) that of the
login's medewerker record. The historical model has a plain manager, so the one-statement
UPDATE below is allowed here; the application itself cannot change log rows (ADR 0004).
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def fill_gemeente(apps, schema_editor):
    Inzage = apps.get_model("privacy", "Inzage")
    Inwoner = apps.get_model("inwoners", "Inwoner")
    Medewerker = apps.get_model("gemeente", "Medewerker")
    Inzage.objects.filter(gemeente__isnull=True).update(
        gemeente_id=Subquery(
            Inwoner.objects.filter(pk=OuterRef("inwoner_id")).values("gemeente_id")[:1]
        )
    )
    Inzage.objects.filter(gemeente__isnull=True).update(
        gemeente_id=Subquery(
            Medewerker.objects.filter(user_id=OuterRef("user_id")).values("gemeente_id")[:1]
        )
    )


class Migration(migrations.Migration):
    dependencies = [
        ("gemeente", "0002_gelijkgesteldefeestdag"),
        ("inwoners", "0001_initial"),
        ("privacy", "0003_inzage_besluit"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="inzage",
            name="gemeente",
            field=models.ForeignKey(
                blank=True,
                help_text="De gemeente van de inwoner (of anders van de medewerker).",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="gemeente.gemeente",
            ),
        ),
        migrations.RunPython(fill_gemeente, migrations.RunPython.noop, elidable=False),
        migrations.AddIndex(
            model_name="inzage",
            index=models.Index(fields=["gemeente", "-moment"], name="inzage_gemeente_idx"),
        ),
    ]
