"""The Wet gemeentelijke schuldhulpverlening as a law of the aanvraag and the letter of the
toelating to debt help as a kind of template (Wgs art. 4a, ADR 0041). Choices only: no data
changes."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("beschikkingen", "0018_besloten_idx"),
    ]

    operations = [
        migrations.AlterField(
            model_name="aanvraag",
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
        migrations.AlterField(
            model_name="briefsjabloon",
            name="soort",
            field=models.CharField(
                choices=[
                    ("beschikking", "Beschikking (besluit op een aanvraag)"),
                    (
                        "toelating_schuldhulp",
                        "Beschikking over de toelating tot schuldhulpverlening (Wgs art. 4a)",
                    ),
                    ("beslissing_op_bezwaar", "Beslissing op bezwaar"),
                    ("klacht_afhandeling", "Afhandeling van een klacht"),
                    ("klacht_verdaging", "Verdaging van een klacht (Awb 9:11 lid 2)"),
                    ("vertraging_414", "Mededeling dat een besluit later komt (Awb 4:14)"),
                ],
                max_length=30,
            ),
        ),
        migrations.AlterField(
            model_name="verzending",
            name="brief_soort",
            field=models.CharField(
                choices=[
                    ("beschikking", "Beschikking (besluit op een aanvraag)"),
                    (
                        "toelating_schuldhulp",
                        "Beschikking over de toelating tot schuldhulpverlening (Wgs art. 4a)",
                    ),
                    ("beslissing_op_bezwaar", "Beslissing op bezwaar"),
                    ("klacht_afhandeling", "Afhandeling van een klacht"),
                    ("klacht_verdaging", "Verdaging van een klacht (Awb 9:11 lid 2)"),
                    ("vertraging_414", "Mededeling dat een besluit later komt (Awb 4:14)"),
                ],
                max_length=30,
            ),
        ),
    ]
