"""The Wet gemeentelijke schuldhulpverlening as a law of a catalogue entry (the toelating to debt
help, Wgs art. 4a, ADR 0041). Choices only."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("voorzieningen", "0007_doelgroepen"),
    ]

    operations = [
        migrations.AlterField(
            model_name="voorziening",
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
