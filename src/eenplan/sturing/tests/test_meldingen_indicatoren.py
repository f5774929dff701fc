"""Front-door indicators on a hand-made dataset, with suppression worked out by hand."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from eenplan.sturing.selectors import indicator_get, indicator_tabel
from eenplan.testing.factories import GemeenteFactory, InwonerFactory, MeldingFactory, WijkFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def wereld():
    """Noord: 5 residents reported themselves by phone, 2 were reported by their network via the
    web form. Zuid: 3 by phone themselves, 3 by their network by phone. 13 meldingen, 13 people."""
    gemeente = GemeenteFactory()
    noord = WijkFactory(gemeente=gemeente, code="WK900101", naam="Noord")
    zuid = WijkFactory(gemeente=gemeente, code="WK900102", naam="Zuid")
    for wijk, melder, kanaal, aantal in [
        (noord, "zelf", "telefoon", 5),
        (noord, "netwerk", "web", 2),
        (zuid, "zelf", "telefoon", 3),
        (zuid, "netwerk", "telefoon", 3),
    ]:
        for _ in range(aantal):
            MeldingFactory(
                inwoner=InwonerFactory(gemeente=gemeente, wijk=wijk),
                melder_soort=melder,
                melder_naam="Buurvrouw" if melder == "netwerk" else "",
                kanaal=kanaal,
            )
    return gemeente


def _tabel(gemeente, indicator_id, **kwargs):
    tot = dt.date.today()
    return indicator_tabel(
        indicator_get(indicator_id),
        gemeente_id=gemeente.pk,
        van=tot - dt.timedelta(days=30),
        tot=tot,
        **kwargs,
    )


def test_meldingen_total_and_by_channel_with_complementary_suppression(wereld):
    tabel = _tabel(wereld, "meldingen", per="kanaal")
    assert tabel.totaal.waarde == 13
    rijen = {r.sleutel: r for r in tabel.rijen}
    # web: 2 people -> suppressed (rule 1); telefoon (11) would then give web away as 13 - 11,
    # so it is suppressed too (rule 2).
    assert rijen["web"].onderdrukt and rijen["web"].waarde is None
    assert rijen["telefoon"].onderdrukt and rijen["telefoon"].waarde is None


def test_meldingen_by_wijk_are_shown(wereld):
    tabel = _tabel(wereld, "meldingen", per="wijk")
    assert {r.label: r.waarde for r in tabel.rijen} == {"Noord": 7, "Zuid": 6}


def test_share_through_the_network(wereld):
    tabel = _tabel(wereld, "meldingen_via_netwerk", per="wijk")
    # 5 of 13 people were reported by their network: 38.46% -> 38.5.
    assert tabel.totaal.waarde == Decimal("38.5")
    # Noord 2 of 7 and Zuid 3 of 6: numerators under 5, both suppressed.
    assert all(r.onderdrukt for r in tabel.rijen)


def test_filtering_by_two_dimensions_cannot_difference_a_small_group(wereld):
    # Noord by phone: 5 people, enough on its own ...
    tabel = _tabel(wereld, "meldingen", filters={"wijk": "WK900101", "kanaal": "telefoon"})
    # ... but all of Noord is 7, so "Noord" minus "Noord by phone" would show the 2 web reports.
    assert tabel.totaal.eenheden == 5
    assert tabel.totaal.onderdrukt
    # Noord alone (7) against the whole municipality (13): a difference of 6, shown.
    assert _tabel(wereld, "meldingen", filters={"wijk": "WK900101"}).totaal.waarde == 7
