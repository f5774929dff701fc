"""Rule 4 and the trend (docs/sturing.md, "Onderdrukking"): what one table hides, the tables of
the other values of its filter, or the trends of the other wijken, do not give away."""

from __future__ import annotations

import datetime as dt

import pytest

from eenplan.sturing.selectors import indicator_get, indicator_tabel, trend
from eenplan.sturing.services import momentopname_take
from eenplan.testing.factories import GemeenteFactory, InwonerFactory, MeldingFactory, WijkFactory

pytestmark = pytest.mark.django_db

A, B, C = "WK900101", "WK900102", "WK900103"


@pytest.fixture
def wereld():
    """Wijk A: 10 by phone, 10 by web. B: 2 by phone, 8 by web. C: 10 by phone, 10 by web.
    One melding per resident: 50 people, 22 by phone."""
    gemeente = GemeenteFactory()
    wijken = {
        code: WijkFactory(gemeente=gemeente, code=code, naam=naam)
        for code, naam in ((A, "Alfa"), (B, "Beta"), (C, "Gamma"))
    }
    for code, telefoon, web in ((A, 10, 10), (B, 2, 8), (C, 10, 10)):
        for kanaal, aantal in (("telefoon", telefoon), ("web", web)):
            for _ in range(aantal):
                MeldingFactory(
                    inwoner=InwonerFactory(gemeente=gemeente, wijk=wijken[code]), kanaal=kanaal
                )
    return gemeente


def _tabel(gemeente, **kwargs):
    tot = dt.date.today()
    return indicator_tabel(
        indicator_get("meldingen"),
        gemeente_id=gemeente.pk,
        van=tot - dt.timedelta(days=30),
        tot=tot,
        **kwargs,
    )


def _telefoon(tabel):
    return next(r for r in tabel.rijen if r.sleutel == "telefoon")


def test_a_wijk_by_channel_is_not_all_by_channel_minus_the_other_wijken(wereld):
    # B by phone (2) is hidden; without rule 4, A by phone (10) and C by phone (10) next to all
    # by phone (22) would give it: 22 - 10 - 10 = 2.
    beta = _tabel(wereld, per="kanaal", filters={"wijk": B})
    assert _telefoon(beta).onderdrukt
    alle = _tabel(wereld, per="kanaal")
    assert not _telefoon(alle).onderdrukt and _telefoon(alle).waarde == 22
    alfa = _tabel(wereld, per="kanaal", filters={"wijk": A})
    gamma = _tabel(wereld, per="kanaal", filters={"wijk": C})
    assert _telefoon(alfa).onderdrukt or _telefoon(gamma).onderdrukt
    # And the table that lost its phone row does not keep web alone beside its total.
    for t in (alfa, gamma):
        assert sum(r.onderdrukt for r in t.rijen) != 1 or t.totaal.onderdrukt


def test_a_wijk_hidden_in_the_table_by_wijk_is_hidden_when_filtered_on(wereld):
    # By phone only: A 10, B 2, C 10. The table by wijk hides B and (complementary) A.
    per_wijk = _tabel(wereld, per="wijk", filters={"kanaal": "telefoon"})
    verborgen = {r.sleutel for r in per_wijk.rijen if r.onderdrukt}
    assert B in verborgen and len(verborgen) == 2
    for code in (A, B, C):
        filtered = _tabel(wereld, filters={"kanaal": "telefoon", "wijk": code})
        # Filtering on a wijk shows exactly what the table by wijk shows of it.
        assert filtered.totaal.onderdrukt == (code in verborgen), code


def test_the_trend_of_a_wijk_is_suppressed_with_its_month_table(wereld):
    momentopname_take(gemeente_id=wereld.pk, maand=dt.date.today() - dt.timedelta(days=3))
    ind = indicator_get("meldingen")
    punten = {
        code: trend(ind, gemeente_id=wereld.pk, dimensie="kanaal", waarde_van=code)
        for code in ("telefoon", "web")
    }
    # All meldingen in one month: 50 in total, 22 by phone, 28 by web: nothing hidden.
    assert [p.cel.waarde for p in punten["telefoon"]] == [22]
    totaal = trend(ind, gemeente_id=wereld.pk)
    assert [p.cel.waarde for p in totaal] == [50]


def test_the_trend_of_a_small_wijk_takes_a_second_one_with_it():
    gemeente = GemeenteFactory()
    wijken = [
        WijkFactory(gemeente=gemeente, code=code, naam=code)
        for code in ("WK900201", "WK900202", "WK900203")
    ]
    for wijk, aantal in zip(wijken, (2, 6, 9), strict=True):
        for _ in range(aantal):
            MeldingFactory(inwoner=InwonerFactory(gemeente=gemeente, wijk=wijk))
    momentopname_take(gemeente_id=gemeente.pk, maand=dt.date.today() - dt.timedelta(days=3))
    ind = indicator_get("meldingen")
    verborgen = {
        w.code: trend(ind, gemeente_id=gemeente.pk, dimensie="wijk", waarde_van=w.code)[0]
        .cel.onderdrukt
        for w in wijken
    }
    # The wijk of two is hidden, and the smallest other (6) with it: 17 - 9 is not 2.
    assert verborgen == {"WK900201": True, "WK900202": True, "WK900203": False}


def test_a_trend_by_an_unknown_dimension_is_a_dutch_400(wereld):
    from eenplan.gemeente.constants import Rol
    from eenplan.testing.factories import MedewerkerFactory
    from eenplan.testing.helpers import api_for

    api = api_for(MedewerkerFactory(gemeente=wereld, functie=Rol.RAADSLID))
    fout = api.get("/api/v1/indicatoren/meldingen/trend/?dimensie=postcode&waarde=6000")
    assert fout.status_code == 400 and "kies uit: kanaal" in str(fout.json())
    fout = api.get("/api/v1/indicatoren/meldingen/trend/?dimensie=wijk")
    assert fout.status_code == 400 and "allebei" in str(fout.json())
    goed = api.get(f"/api/v1/indicatoren/meldingen/trend/?dimensie=wijk&waarde={A}")
    assert goed.status_code == 200
