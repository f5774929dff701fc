import json
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "data" / "codelijsten-3.2.json"


def load(apps, schema_editor):
    CodelijstWaarde = apps.get_model("voorzieningen", "CodelijstWaarde")
    for lijst in json.loads(DATA.read_text(encoding="utf-8")):
        CodelijstWaarde.objects.bulk_create(
            CodelijstWaarde(
                codelijst=lijst["codelijst"],
                versie=lijst["versie"],
                bron=lijst["bron"],
                code=w["code"],
                omschrijving=w["omschrijving"],
            )
            for w in lijst["waarden"]
        )


class Migration(migrations.Migration):
    dependencies = [("voorzieningen", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
