"""Monthly snapshots: the trend keeps the figures as they were known, a late correction does
not change a stored month until the snapshot is recomputed, and then the trend shows it."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.management import call_command

from eenplan.meldingen.models import Melding
from eenplan.sturing.models import Momentopname
from eenplan.sturing.selectors import indicator_get, trend
from eenplan.sturing.services import momentopname_take
from eenplan.testing.factories import InwonerFactory, MeldingFactory

pytestmark = pytest.mark.django_db

MAART = dt.date(2026, 3, 15)


def _meldingen_in_maart(gemeente, wijk, n):
    for _ in range(n):
        melding = MeldingFactory(inwoner=InwonerFactory(gemeente=gemeente, wijk=wijk))
        Melding.objects.filter(pk=melding.pk).update(ontvangen_op=dt.date(2026, 3, 10))


def _maart(gemeente):
    punten = trend(indicator_get("meldingen"), gemeente_id=gemeente.pk)
    return [(p.tot, p.cel.waarde) for p in punten]


def test_a_stored_month_survives_a_late_correction_until_it_is_recomputed(gemeente, wijk):
    _meldingen_in_maart(gemeente, wijk, 6)
    momentopname_take(gemeente_id=gemeente.pk, maand=MAART)
    assert _maart(gemeente) == [(dt.date(2026, 3, 31), 6)]
    # A melding registered late with a date in March: the stored month keeps 6.
    _meldingen_in_maart(gemeente, wijk, 1)
    momentopname_take(gemeente_id=gemeente.pk, maand=MAART)
    assert _maart(gemeente) == [(dt.date(2026, 3, 31), 6)]
    assert Momentopname.objects.get().herberekend == 0
    # Recomputed on purpose: the trend shows the corrected 7 and says it was recomputed once.
    momentopname_take(gemeente_id=gemeente.pk, maand=MAART, opnieuw=True)
    assert _maart(gemeente) == [(dt.date(2026, 3, 31), 7)]
    assert Momentopname.objects.get().herberekend == 1


def test_the_command_takes_each_month_of_a_period_once(gemeente, wijk):
    _meldingen_in_maart(gemeente, wijk, 5)
    call_command(
        "sturing_momentopnamen", "--van", "2026-01", "--tot", "2026-03", stdout=io.StringIO()
    )
    assert sorted(Momentopname.objects.values_list("tot", flat=True)) == [
        dt.date(2026, 1, 31),
        dt.date(2026, 2, 28),
        dt.date(2026, 3, 31),
    ]
    assert _maart(gemeente)[-1] == (dt.date(2026, 3, 31), 5)


def test_a_snapshot_counts_each_indicator_once_and_each_dimension_once(gemeente, wijk):
    """Per indicator one query for the total and one per stored dimension (the rows only; the
    total is not counted again per dimension: at 1,000,000 residents each such query takes up
    to a second). What is stored per dimension is what the live page counts."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from eenplan.sturing import registry
    from eenplan.sturing.metingen import Vraag, ruwe_cellen
    from eenplan.sturing.services import NIET_OPGESLAGEN

    _meldingen_in_maart(gemeente, wijk, 4)
    dims = {i.id: [d for d in i.dimensies if d not in NIET_OPGESLAGEN] for i in registry.alle()}
    with CaptureQueriesContext(connection) as queries:
        opname = momentopname_take(gemeente_id=gemeente.pk, maand=MAART)
    tellingen = [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].lstrip().upper().startswith("SELECT") and "COUNT(" in q["sql"].upper()
    ]
    assert len(tellingen) == sum(1 + len(d) for d in dims.values())
    vraag = Vraag(gemeente_id=gemeente.pk, van=opname.van, tot=opname.tot)
    indicator = indicator_get("meldingen")
    assert "wijk" in dims["meldingen"]
    _, live = ruwe_cellen(indicator, vraag, per="wijk", filters={})
    opgeslagen = {
        w.waarde_van: w.aantal
        for w in opname.waarden.filter(indicator="meldingen", dimensie="wijk")
    }
    assert opgeslagen == {r.sleutel: r.eenheden for r in live}
    assert opgeslagen[wijk.code] == 4
