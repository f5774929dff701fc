"""The deadline state is computed once, in SQL (`common.termijnstand`), for meldingen,
aanvragen, bezwaren and klachten. This sweep compares that SQL annotation with the pure rule
`rules.termijnen.termijn_status` for every last day around every `vandaag` in a range that
crosses the Atw holidays (Christmas, New Year, Easter, King's Day, Ascension, Whitsun) and two
days the municipality declared equal to a holiday, on the klachten (the annotation is the same
function for every list)."""

from __future__ import annotations

import datetime as dt

import pytest

from eenplan.bezwaren.models import Klacht
from eenplan.bezwaren.selectors import klacht_termijn_stand
from eenplan.gemeente.models import GelijkgesteldeFeestdag
from eenplan.gemeente.selectors import gelijkgestelde_dagen, termijn_drempels
from eenplan.rules.termijnen import termijn_status

pytestmark = pytest.mark.django_db

BEGIN = dt.date(2026, 12, 1)
EINDE = dt.date(2027, 6, 30)
EXTRA = (dt.date(2027, 3, 1), dt.date(2027, 5, 7))  # a Monday; the Friday after Ascension


def _dagen(van: dt.date, tot: dt.date) -> list[dt.date]:
    return [van + dt.timedelta(days=i) for i in range((tot - van).days + 1)]


VANDAAG = (
    _dagen(dt.date(2026, 12, 18), dt.date(2027, 1, 8))  # Christmas and New Year
    + _dagen(dt.date(2027, 2, 20), dt.date(2027, 3, 5))  # the first extra day
    + _dagen(dt.date(2027, 3, 20), dt.date(2027, 4, 6))  # Easter (28-29 March 2027)
    + _dagen(dt.date(2027, 4, 20), dt.date(2027, 5, 20))  # King's Day, Ascension, Whitsun
)


@pytest.fixture
def klachten(gemeente, backoffice_user) -> None:
    for datum in EXTRA:
        GelijkgesteldeFeestdag.objects.create(
            datum=datum, omschrijving="Gelijkgesteld (test)", bron="Stb. 2027, 1"
        )
    Klacht.objects.bulk_create(
        Klacht(
            gemeente=gemeente,
            ingediend_door="Test",
            ontvangen_op=BEGIN,
            onderwerp="Termijn",
            afhandelen_uiterlijk=uiterlijk,
            vastgelegd_door=backoffice_user,
        )
        for uiterlijk in _dagen(BEGIN, EINDE)
    )


def test_the_sql_state_equals_the_rule_on_every_day(klachten):
    extra = gelijkgestelde_dagen()
    assert {d.datum for d in extra} == set(EXTRA)
    verschillen = []
    for vandaag in VANDAAG:
        rijen = Klacht.objects.annotate(
            stand=klacht_termijn_stand(termijn_drempels(vandaag))
        ).values_list("afhandelen_uiterlijk", "stand")
        for uiterlijk, stand in rijen:
            verwacht = termijn_status(uiterlijk, vandaag, extra=extra).value
            if stand != verwacht:
                verschillen.append((vandaag, uiterlijk, stand, verwacht))
    assert not verschillen, verschillen[:10]


def test_the_extra_days_change_the_state(klachten):
    """Without the municipality's extra day the same deadline would be 'on schedule': the
    annotation really counts it (5 working days from Friday 26 February 2027 end on Monday
    8 March when Monday 1 March is a holiday)."""
    vandaag = dt.date(2027, 2, 26)
    stand = dict(
        Klacht.objects.annotate(stand=klacht_termijn_stand(termijn_drempels(vandaag)))
        .filter(afhandelen_uiterlijk=dt.date(2027, 3, 8))
        .values_list("afhandelen_uiterlijk", "stand")
    )
    assert stand == {dt.date(2027, 3, 8): "bijna_verlopen"}
    assert termijn_status(dt.date(2027, 3, 8), vandaag).value == "op_schema"


def test_a_handled_klacht_has_no_state(klachten):
    Klacht.objects.filter(afhandelen_uiterlijk=dt.date(2027, 1, 4)).update(
        afgehandeld_op=dt.date(2027, 1, 2), uitkomst="Afgehandeld"
    )
    stand = dict(
        Klacht.objects.annotate(
            stand=klacht_termijn_stand(termijn_drempels(dt.date(2027, 1, 3)))
        ).values_list("afhandelen_uiterlijk", "stand")
    )
    assert stand[dt.date(2027, 1, 4)] is None
    assert stand[dt.date(2027, 1, 5)] == "bijna_verlopen"
    assert stand[dt.date(2027, 1, 1)] == "verlopen"
