"""The secrecy veto is final in the database too: a row whose status is "geweigerd" cannot
be changed by any statement, whoever sends it (the application's service refuses it first;
this catches a raw UPDATE, a shell, an admin). Deleting is left to the retention rules
(destruction after the retention period), not blocked here. See the ADR "Gegevensdeling met doelbinding" in docs/decisions."""

from django.db import migrations

MELDING = "Een geweigerde uitwisseling (beroepsgeheim) kan niet worden gewijzigd."

POSTGRES = f"""
CREATE OR REPLACE FUNCTION uitwisseling_veto_definitief() RETURNS trigger AS $$
BEGIN
    IF OLD.status = 'geweigerd' THEN
        RAISE EXCEPTION '{MELDING}';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER uitwisseling_veto_definitief
    BEFORE UPDATE ON uitwisseling_uitwisseling
    FOR EACH ROW EXECUTE FUNCTION uitwisseling_veto_definitief();
"""
POSTGRES_TERUG = """
DROP TRIGGER IF EXISTS uitwisseling_veto_definitief ON uitwisseling_uitwisseling;
DROP FUNCTION IF EXISTS uitwisseling_veto_definitief();
"""
SQLITE = [
    f"""CREATE TRIGGER uitwisseling_veto_definitief_update
    BEFORE UPDATE ON uitwisseling_uitwisseling
    FOR EACH ROW WHEN OLD.status = 'geweigerd'
    BEGIN SELECT RAISE(ABORT, '{MELDING}'); END;""",
]
SQLITE_TERUG = [
    "DROP TRIGGER IF EXISTS uitwisseling_veto_definitief_update;",
]


def _voer_uit(schema_editor, postgres, sqlite):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(postgres)
    elif vendor == "sqlite":
        for sql in sqlite:
            schema_editor.execute(sql)


def vooruit(apps, schema_editor):
    _voer_uit(schema_editor, POSTGRES, SQLITE)


def terug(apps, schema_editor):
    _voer_uit(schema_editor, POSTGRES_TERUG, SQLITE_TERUG)


class Migration(migrations.Migration):
    dependencies = [("uitwisseling", "0001_initial")]

    operations = [migrations.RunPython(vooruit, terug)]
