from django.db import migrations


def load_zrm(apps, schema_editor):
    from eenplan.onderzoeken import zrm

    Instrument = apps.get_model("onderzoeken", "Instrument")
    Leefgebied = apps.get_model("onderzoeken", "Leefgebied")
    Anker = apps.get_model("onderzoeken", "Anker")
    instrument = Instrument.objects.create(
        naam=zrm.NAAM, versie=zrm.VERSIE, bron=zrm.BRON, schaal_min=1, schaal_max=5
    )
    for volgorde, (code, naam) in enumerate(zrm.LEEFGEBIEDEN, start=1):
        leefgebied = Leefgebied.objects.create(
            instrument=instrument, code=code, naam=naam, volgorde=volgorde
        )
        Anker.objects.bulk_create(
            Anker(leefgebied=leefgebied, score=score, tekst=tekst)
            for score, tekst in zrm.ANKERS.items()
        )


class Migration(migrations.Migration):
    dependencies = [("onderzoeken", "0001_initial")]

    operations = [migrations.RunPython(load_zrm, migrations.RunPython.noop)]
