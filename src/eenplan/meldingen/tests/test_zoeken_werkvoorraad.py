"""The worklist's free-text search (`selectors.zoek_q`): a name or BSN finds the resident first,
within the login's municipality, on the search keys of the resident search
(`inwoners.selectors.inwoner_filter`), and then their meldingen; a description of a person not
identified yet and a melding number still match. On PostgreSQL the residents come from the
search keys' indexes (the older `varchar_pattern_ops` indexes are gone, inwoners 0005), never
from a scan of every resident."""

from __future__ import annotations

import pytest
from django.db import connection
from django.utils import timezone

from eenplan.inwoners.models import Inwoner
from eenplan.meldingen.models import Melding
from eenplan.meldingen.selectors import meldingen_in_scope, werkvoorraad
from eenplan.testing.factories import InwonerFactory, MeldingFactory

pytestmark = pytest.mark.django_db
VANDAAG = timezone.localdate()


@pytest.fixture
def meldingen(wijken, midoffice):
    noord = wijken["Noord"]
    jansen = InwonerFactory(
        gemeente=noord.gemeente, wijk=noord, voornamen="Piet", voorvoegsel="de", achternaam="Jansen"
    )
    bakker = InwonerFactory(gemeente=noord.gemeente, wijk=noord, achternaam="Bakker")
    return {
        "jansen": MeldingFactory(inwoner=jansen),
        "bakker": MeldingFactory(inwoner=bakker),
        "onbekend": MeldingFactory(
            inwoner=None,
            gemeente=noord.gemeente,
            door=midoffice,
            onbekende_persoon="Buurman Jansen, nr. 5",
        ),
    }


def _gevonden(midoffice, zoek: str) -> set[int]:
    rijen = werkvoorraad(
        scope=meldingen_in_scope(midoffice.user),
        vandaag=VANDAAG,
        zoek=zoek,
        gemeente_id=midoffice.gemeente_id,
    )
    return {m.pk for m in rijen}


def test_a_name_a_bsn_a_description_and_a_number_find_their_meldingen(meldingen, midoffice):
    jansen, bakker, onbekend = (meldingen[k].pk for k in ("jansen", "bakker", "onbekend"))
    assert _gevonden(midoffice, "jansen") == {jansen, onbekend}
    assert _gevonden(midoffice, "piet de jans") == {jansen}  # first name first
    assert _gevonden(midoffice, "de jansen") == {jansen}  # a prefix typed before the surname
    assert _gevonden(midoffice, meldingen["bakker"].inwoner.bsn) == {bakker}
    assert _gevonden(midoffice, f"#{bakker}") == {bakker}
    assert _gevonden(midoffice, "zwartjes") == set()


def test_a_resident_of_another_municipality_with_the_same_name_is_not_searched(
    meldingen, midoffice
):
    from eenplan.testing.helpers import van_elders

    elders = van_elders()
    InwonerFactory(gemeente=elders.gemeente, achternaam="Jansen")
    assert _gevonden(midoffice, "jansen") == {meldingen["jansen"].pk, meldingen["onbekend"].pk}


def _plan_knopen(sql: str, params: list) -> list[dict]:
    with connection.cursor() as cursor:
        # Small test tables: without sequential scans what remains shows which indexes the
        # planner can use for the name at all.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
        plan = cursor.fetchone()[0][0]["Plan"]

    def knopen(knoop: dict) -> list[dict]:
        return [knoop, *(k for kind in knoop.get("Plans", []) for k in knopen(kind))]

    return knopen(plan)


def test_the_name_is_looked_up_on_the_search_keys_indexes_on_postgresql(meldingen, midoffice):
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only: the plan of the search (SQLite plans otherwise)")
    namen = {i.name for i in Inwoner._meta.indexes}
    assert not {"inwoner_zoeknaam_idx", "inwoner_zoekvoornaam_idx"} & namen
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname FROM pg_indexes WHERE tablename = %s", [Inwoner._meta.db_table]
        )
        bestaand = {r[0] for r in cursor.fetchall()}
    assert "inwoner_zoeknaam_idx" not in bestaand and "inwoner_zoeksleutel_idx" in bestaand
    # A municipality has many residents: with three rows and no statistics the planner may as
    # well take the municipality's index (every resident) and filter the names, which proves
    # nothing either way. With a few hundred residents of other names, analysed, the choice is
    # the one a real municipality gets.
    noord = meldingen["jansen"].inwoner.wijk
    for i in range(300):
        InwonerFactory(gemeente=noord.gemeente, wijk=noord, achternaam=f"Anders{i:03d}")
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {Inwoner._meta.db_table}")
    qs = werkvoorraad(
        scope=Melding.objects.filter(gemeente_id=midoffice.gemeente_id),
        vandaag=VANDAAG,
        zoek="jansen pi",
        gemeente_id=midoffice.gemeente_id,
    )[:25]
    sql, params = qs.query.sql_with_params()
    knopen = _plan_knopen(sql, list(params))
    # The residents are found through a search key (on these few rows the planner may take one
    # key index for both conditions), never by a scan of the table: before, the name was only
    # a filter on the joined residents.
    indexen = {k.get("Index Name") for k in knopen}
    assert {"inwoner_zoeksleutel_idx", "inwoner_zoekvoornaamsl_idx"} & indexen, indexen
    scans = {k.get("Relation Name") for k in knopen if k["Node Type"] == "Seq Scan"}
    assert "inwoners_inwoner" not in scans
