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
