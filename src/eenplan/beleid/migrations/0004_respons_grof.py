# Written by hand: the wijk of a survey answer may be empty, and answers stored before carry
# only the attributes a group of at least five invited residents shares.

import django.db.models.deletion
from django.db import migrations, models

DREMPEL = 5  # sturing.onderdrukking.DREMPEL at the time of writing


def grof_maken(apps, schema_editor):
    """Per round: the wijken and providers with fewer than DREMPEL invitations are taken off
    its answers (wijk empty, provider empty), as `beleid.services.antwoorden_opslaan` now
    stores them."""
    Uitvraging = apps.get_model("beleid", "Uitvraging")
    Uitnodiging = apps.get_model("beleid", "Uitnodiging")
    Respons = apps.get_model("beleid", "Respons")
    for ronde_id in Uitvraging.objects.values_list("id", flat=True):
        uitn = Uitnodiging.objects.filter(uitvraging_id=ronde_id)
        wijken = {
            r["wijk_id"]
            for r in uitn.values("wijk_id").annotate(n=models.Count("id"))
            if r["n"] >= DREMPEL
        }
        aanbieders = {
            r["aanbieder"]
            for r in uitn.values("aanbieder").annotate(n=models.Count("id"))
            if r["n"] >= DREMPEL
        }
        antwoorden = Respons.objects.filter(uitvraging_id=ronde_id)
        antwoorden.exclude(wijk_id__in=wijken).update(wijk=None)
        antwoorden.exclude(aanbieder__in=aanbieders).update(aanbieder="")


class Migration(migrations.Migration):

    dependencies = [
        ("beleid", "0003_antwoorden_onkoppelbaar"),
    ]

    operations = [
        migrations.AlterField(
            model_name="respons",
            name="wijk",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="gemeente.wijk",
            ),
        ),
        migrations.RunPython(grof_maken, migrations.RunPython.noop),
    ]
