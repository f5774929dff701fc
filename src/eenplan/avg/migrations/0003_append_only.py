"""The access log (privacy_inzage) and the event history (events_gebeurtenis) are append-only in
the database itself on PostgreSQL: a row trigger refuses UPDATE and DELETE, whatever the client
(psql, a script, the application). The one exception is the destruction of records whose
retention period has run (avg.bewaren): its transaction sets `eenplan.vernietiging` with SET
LOCAL and may then delete history rows, never update them. TRUNCATE fires no row trigger, so the
test runner's flush still works (an operator revokes TRUNCATE from the application's role in
production, docs/privacy.md). On SQLite the application's guards (ADR 0004) remain the only
ones: a DELETE trigger there would break the test runner's flush, which deletes row by row."""

from django.db import migrations

TABELLEN = ("privacy_inzage", "events_gebeurtenis")

FUNCTIE = """
CREATE OR REPLACE FUNCTION eenplan_alleen_toevoegen() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('eenplan.vernietiging', true) = 'aan' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'eenplan: % op % is niet toegestaan; deze tabel is append-only',
        TG_OP, TG_TABLE_NAME USING ERRCODE = 'integrity_constraint_violation';
END;
$$ LANGUAGE plpgsql;
"""


def aan(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(FUNCTIE, params=None)  # the % of RAISE are no placeholders
    for tabel in TABELLEN:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {tabel}_append_only ON {tabel}")
        schema_editor.execute(
            f"CREATE TRIGGER {tabel}_append_only BEFORE UPDATE OR DELETE ON {tabel} "
            "FOR EACH ROW EXECUTE FUNCTION eenplan_alleen_toevoegen()"
        )


def uit(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for tabel in TABELLEN:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {tabel}_append_only ON {tabel}")
    schema_editor.execute("DROP FUNCTION IF EXISTS eenplan_alleen_toevoegen()")


class Migration(migrations.Migration):
    dependencies = [
        ("avg", "0002_bewaartermijnen"),
        ("privacy", "0007_doel_avg"),
        ("events", "0001_initial"),
    ]
    operations = [migrations.RunPython(aan, uit)]
