"""The append-only trigger of the access log allows one change besides the destruction's
DELETE of history: inside a destruction (`eenplan.vernietiging` = 'aan', SET LOCAL), a row of
`privacy_inzage` may lose its resident and get a pseudonym in its place — nothing else of the
row may change (privacy/vernietiging.py; ADR 0038 amendment). Outside a destruction every
UPDATE and DELETE stays refused, as before."""

from django.db import migrations

FUNCTIE = """
CREATE OR REPLACE FUNCTION eenplan_alleen_toevoegen() RETURNS trigger AS $$
BEGIN
    IF current_setting('eenplan.vernietiging', true) = 'aan' THEN
        IF TG_OP = 'DELETE' THEN
            RETURN OLD;
        END IF;
        IF TG_OP = 'UPDATE' AND TG_TABLE_NAME = 'privacy_inzage' THEN
            IF (to_jsonb(NEW) ->> 'inwoner_id') IS NULL
                AND coalesce(to_jsonb(NEW) ->> 'inwoner_pseudoniem', '') <> ''
                AND (to_jsonb(NEW) - 'inwoner_id' - 'inwoner_pseudoniem')
                    = (to_jsonb(OLD) - 'inwoner_id' - 'inwoner_pseudoniem') THEN
                RETURN NEW;
            END IF;
        END IF;
    END IF;
    RAISE EXCEPTION 'eenplan: % op % is niet toegestaan; deze tabel is append-only',
        TG_OP, TG_TABLE_NAME USING ERRCODE = 'integrity_constraint_violation';
END;
$$ LANGUAGE plpgsql;
"""

OUD = """
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
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FUNCTIE, params=None)  # the % of RAISE are no placeholders


def uit(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(OUD, params=None)


class Migration(migrations.Migration):
    dependencies = [
        ("avg", "0004_selectielijst_2020_bron"),
        ("privacy", "0008_inzage_pseudoniem"),
    ]
    operations = [migrations.RunPython(aan, uit)]
