"""Bezwaar and Klacht move to their own app `bezwaren` (issue 9, item 7).

Only the migration state changes here: the tables and their rows stay. `bezwaren.0001_initial`
takes the two models over (state) and then renames their tables to `bezwaren_*`, and moves their
content types (so permissions and the groups holding them stay) and the history rows' record kind.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("beschikkingen", "0008_beschikking_verzonden_voor_toetsing"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="Bezwaar"),
                migrations.DeleteModel(name="Klacht"),
            ],
            database_operations=[],
        ),
    ]
