from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("sturing", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="meetwaarde",
            name="noemer",
            field=models.PositiveIntegerField(blank=True, null=True),
        ),
    ]
