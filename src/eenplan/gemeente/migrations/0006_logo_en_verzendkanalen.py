# The logo as data (an uploaded file path before; no municipality had one) and the send channels.

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("gemeente", "0005_gemeente_briefhoofd"),
    ]

    operations = [
        migrations.AddField(
            model_name="gemeente",
            name="verzendkanalen",
            field=models.CharField(
                default="post",
                help_text="Hoe een verzonden brief de inwoner bereikt.",
                max_length=100,
                verbose_name="verzendkanalen",
            ),
        ),
        # A path column cannot be cast to bytes: drop it and add the binary one.
        migrations.RemoveField(model_name="gemeente", name="logo"),
        migrations.AddField(
            model_name="gemeente",
            name="logo",
            field=models.BinaryField(blank=True, default=b"", verbose_name="logo"),
        ),
    ]
