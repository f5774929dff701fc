import datetime as dt

import pytest

from eenplan.rules.overgangsrecht import OudRecht, overgangsrecht_einde


@pytest.mark.parametrize(
    ("soort", "oud", "aangekondigd", "einde"),
    [
        (OudRecht.AWBZ_EXTRAMURAAL, dt.date(2017, 6, 30), None, dt.date(2015, 12, 31)),
        (OudRecht.AWBZ_EXTRAMURAAL, dt.date(2015, 8, 31), None, dt.date(2015, 8, 31)),
        (OudRecht.GGZ_C_BESCHERMD_WONEN, dt.date(2024, 1, 1), None, dt.date(2019, 12, 31)),
        (
            OudRecht.HUISHOUDELIJKE_HULP,
            dt.date(2018, 1, 1),
            dt.date(2015, 8, 31),
            dt.date(2016, 2, 29),
        ),
        (OudRecht.HUISHOUDELIJKE_HULP, None, dt.date(2015, 3, 1), dt.date(2015, 9, 1)),
    ],
)
def test_transition_ends(soort, oud, aangekondigd, einde):
    assert overgangsrecht_einde(soort, oude_einddatum=oud, aangekondigd_op=aangekondigd) == einde


def test_household_help_needs_the_announcement():
    with pytest.raises(ValueError, match="aangekondigd"):
        overgangsrecht_einde(OudRecht.HUISHOUDELIJKE_HULP, oude_einddatum=dt.date(2016, 1, 1))
