"""The kind of participant (issue 14): the Werkplein takes part in a plan as an explicit kind,
no longer recognised by "werkplein" in the organisation's name. Participants recorded before get
their kind: a network person is `netwerk`; an organisation whose name holds "werkplein" (the
rule until now) is `werkplein`; every other organisation `organisatie`. The law of a proposal
may now also be the Wgs (ADR 0041)."""

from django.db import migrations, models


def soort_invullen(apps, schema_editor):
    Deelnemer = apps.get_model("plannen", "Deelnemer")
    Deelnemer.objects.filter(netwerkpersoon__isnull=False).update(soort="netwerk")
    Deelnemer.objects.filter(
        netwerkpersoon__isnull=True, organisatie__icontains="werkplein"
    ).update(soort="werkplein")


class Migration(migrations.Migration):
    dependencies = [
        ("plannen", "0004_gedeeld_en_inbreng"),
    ]

    operations = [
        migrations.AddField(
            model_name="deelnemer",
            name="soort",
            field=models.CharField(
                choices=[
                    ("netwerk", "Iemand uit het netwerk"),
                    ("organisatie", "Organisatie"),
                    ("werkplein", "Werkplein (consulent werk en inkomen)"),
                ],
                default="organisatie",
                help_text="Netwerk, organisatie of het Werkplein (consulent werk en inkomen).",
                max_length=20,
            ),
        ),
        migrations.RunPython(soort_invullen, migrations.RunPython.noop, elidable=False),
        migrations.AlterField(
            model_name="voorstel",
            name="wet",
            field=models.CharField(
                choices=[
                    ("wmo", "Wmo 2015"),
                    ("jeugd", "Jeugdwet"),
                    ("participatie", "Participatiewet"),
                    ("schuldhulp", "Wet gemeentelijke schuldhulpverlening"),
                ],
                max_length=20,
            ),
        ),
    ]
