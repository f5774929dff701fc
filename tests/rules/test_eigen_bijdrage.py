"""Eigen bijdrage per regime, year and household (with the legal source per case), AOW ages,
ouderbijdrage, PGB, OP043 and bezwaar tables."""

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eenplan.rules.eigen_bijdrage import (
    ABONNEMENTSTARIEVEN,
    NUL,
    REGIMES,
    Abonnementstarief,
    Categorie,
    GemeentelijkeRegels,
    Levering,
    Periode,
    Persoon,
    RegimeCode,
    Soort,
    Status,
    TariefOntbreekt,
    Uitzondering,
    abonnementstarief,
    aow_bereikt,
    aow_datum,
    eigen_bijdrage,
    kostprijsplafond,
    ouderbijdrage_verschuldigd,
    per_maand,
    regime_op,
)
from eenplan.rules.voorziening import Levering as Beschikt
from eenplan.rules.voorziening import (
    Leveringsvorm,
    Ontvankelijkheid,
    PgbToets,
    bezwaar_tijdigheid,
    op043_conflicten,
    periode_fouten,
    pgb_bezwaren,
    pgb_budget,
)

HH = Levering("Hulp bij het huishouden", Soort.ABONNEMENT, Decimal("180.00"))
RL = Levering("Rolstoel", Soort.ABONNEMENT, Decimal("12.00"), categorie=Categorie.ROLSTOEL)
SCOOT = Levering("Scootmobiel", Soort.ABONNEMENT, Decimal("12.00"))
OUDER = Persoon(dt.date(1940, 5, 1))
JONG = Persoon(dt.date(1970, 5, 1))


def _bijdrage(leveringen, op, **kwargs):
    kwargs.setdefault("clienten", [OUDER])
    kwargs.setdefault("gehuwd_of_partner", False)
    return eigen_bijdrage(leveringen, op=op, **kwargs)


@pytest.mark.parametrize(
    ("op", "bedrag"),
    [
        # Uitvoeringsbesluit Wmo 2015 art. 3.8 (2019): € 17,50 per 4 weeks = 13 x 17,50 / 12.
        (dt.date(2019, 6, 1), Decimal("18.96")),
        # Wmo 2015 art. 2.1.4 lid 3 and 2.1.4a lid 4 (Stb. 2019, 185): € 19 per month 2020-2023.
        (dt.date(2020, 1, 1), Decimal("19.00")),
        (dt.date(2023, 12, 31), Decimal("19.00")),
        # Same articles, indexed: 2024 € 20,60; 2025 € 21,00 (the amount Stcrt. 2025, 35082
        # replaces); 2026 € 21,80 (Stcrt. 2025, 35082).
        (dt.date(2024, 1, 1), Decimal("20.60")),
        (dt.date(2025, 7, 1), Decimal("21.00")),
        (dt.date(2026, 1, 1), Decimal("21.80")),
        (dt.date(2026, 12, 31), Decimal("21.80")),
    ],
)
def test_abonnementstarief_per_year(op, bedrag):
    uitkomst = _bijdrage([HH], op)
    assert uitkomst.bedrag_per_maand == bedrag
    assert uitkomst.status == Status.BEDRAG and uitkomst.via_cak


def test_every_tariff_year_from_2019_ships_with_its_source():
    jaren = sorted(t.jaar for t in ABONNEMENTSTARIEVEN)
    assert jaren == list(range(2019, 2027))
    assert all(t.bron.strip() for t in ABONNEMENTSTARIEVEN)
    assert "Stcrt. 2025, 35082" in abonnementstarief(dt.date(2026, 3, 1)).bron


def test_a_year_without_a_tariff_never_reuses_an_earlier_year():
    # 2027 has no record: no amount, the missing year named, never € 21,80 again.
    uitkomst = _bijdrage([HH], dt.date(2027, 1, 1))
    assert uitkomst.bedrag_per_maand is None
    assert uitkomst.status == Status.GEGEVENS_ONTBREKEN
    assert uitkomst.ontbrekend_jaar == 2027
    assert "2027 ontbreekt" in uitkomst.toelichting[-1]
    with pytest.raises(TariefOntbreekt, match="2027"):
        abonnementstarief(dt.date(2027, 1, 1))
    # A tariff the municipality enters as data for 2027 is used.
    eigen = (
        *ABONNEMENTSTARIEVEN,
        Abonnementstarief(
            dt.date(2027, 1, 1), Decimal("22.40"), Periode.MAAND, "Stcrt. 2026, test"
        ),
    )
    assert _bijdrage([HH], dt.date(2027, 3, 1), tarieven=eigen).bedrag_per_maand == Decimal("22.40")


def test_before_2019_the_cak_sets_an_income_dependent_contribution():
    # Wmo 2015 art. 2.1.4 lid 6 (text of 2015): the CAK sets and collects the contribution.
    uitkomst = _bijdrage([HH], dt.date(2018, 6, 1))
    assert uitkomst.status == Status.CAK_STELT_VAST
    assert uitkomst.bedrag_per_maand is None and uitkomst.via_cak
    assert uitkomst.regime is not None and uitkomst.regime.code == RegimeCode.INKOMENSAFHANKELIJK
    assert "door het CAK vastgesteld" in uitkomst.toelichting[-1]


def test_the_announced_2027_regime_is_not_in_force_until_its_date_is_in_the_data():
    aangekondigd = next(
        r for r in REGIMES if r.code == RegimeCode.INKOMENS_EN_VERMOGENSAFHANKELIJK_2027
    )
    # Bill Kamerstukken II 36713: announced for 1 January 2027, not in the Staatsblad.
    assert aangekondigd.geldig_vanaf is None
    assert aangekondigd.aangekondigd_per == dt.date(2027, 1, 1)
    assert regime_op(dt.date(2027, 6, 1)).code == RegimeCode.ABONNEMENTSTARIEF
    # Once the law gives it a start date, it switches on by that date and the CAK computes.
    in_werking = dataclasses.replace(aangekondigd, geldig_vanaf=dt.date(2027, 1, 1))
    regimes = (*[r for r in REGIMES if r is not aangekondigd], in_werking)
    assert regime_op(dt.date(2026, 12, 31), regimes).code == RegimeCode.ABONNEMENTSTARIEF
    uitkomst = _bijdrage([HH], dt.date(2027, 1, 1), regimes=regimes)
    assert uitkomst.status == Status.CAK_STELT_VAST and uitkomst.bedrag_per_maand is None
    assert "door het CAK vastgesteld" in uitkomst.toelichting[-1]


def test_one_contribution_per_household_however_many_provisions():
    uitkomst = _bijdrage([HH, SCOOT], dt.date(2024, 3, 1))
    assert uitkomst.bedrag_per_maand == Decimal("20.60")
    assert any("één abonnementstarief" in t for t in uitkomst.toelichting)


def test_never_more_than_the_cost_price():
    assert _bijdrage([SCOOT], dt.date(2024, 3, 1)).bedrag_per_maand == Decimal("12.00")


def test_cost_price_cap_counts_the_whole_life_of_a_one_off_provision():
    # Wmo 2015 art. 2.1.4a (2015 text art. 2.1.4 lid 3): the TOTAL of the contributions does
    # not exceed the cost price. A stairlift adaptation of € 500 at € 21,80 a month (2026):
    # 22 x 21,80 = 479,60, then 20,40 in the 23rd month, then nothing.
    plafond = kostprijsplafond(
        kostprijs=Decimal("500"), al_in_rekening=NUL, bedrag_per_periode=Decimal("21.80")
    )
    assert (plafond.resterend, plafond.perioden, plafond.laatste_bedrag) == (
        Decimal("500.00"),
        23,
        Decimal("20.40"),
    )
    aanpassing = Levering(
        "Traplift",
        Soort.ABONNEMENT,
        NUL,
        kostprijs_eenmalig=Decimal("500"),
        categorie=Categorie.WONINGAANPASSING,
    )
    op = dt.date(2026, 5, 1)
    assert _bijdrage([aanpassing], op).bedrag_per_maand == Decimal("21.80")
    bijna = _bijdrage([aanpassing], op, al_in_rekening=Decimal("479.60"))
    assert bijna.bedrag_per_maand == Decimal("20.40")
    assert _bijdrage([aanpassing], op, al_in_rekening=Decimal("500")).bedrag_per_maand == 0
    # A recurring provision: cheap months before leave room (the cap is over the total).
    assert _bijdrage(
        [SCOOT], op, kostprijs_eerder=Decimal("120"), al_in_rekening=Decimal("100")
    ).bedrag_per_maand == Decimal("21.80")


def test_wheelchair_and_minor_clients_pay_nothing_for_their_provision():
    # Uitvoeringsbesluit Wmo 2015 art. 3.8 (lid 4 onder d: rolstoel).
    rolstoel = _bijdrage([RL], dt.date(2026, 3, 1))
    assert rolstoel.bedrag_per_maand == 0 and rolstoel.status == Status.GEEN_BIJDRAGE
    assert "rolstoel" in rolstoel.toelichting[0]
    kind = Persoon(dt.date(2010, 6, 1))
    voor_kind = Levering("Begeleiding", Soort.ABONNEMENT, Decimal("300"), voor=kind)
    assert _bijdrage([voor_kind], dt.date(2026, 3, 1)).bedrag_per_maand == 0
    # From the 18th birthday (1 June 2028) on the contribution applies; 2028 has no tariff yet,
    # so the outcome names the missing year instead of an amount.
    assert _bijdrage([voor_kind], dt.date(2028, 5, 31)).bedrag_per_maand == 0
    assert _bijdrage([voor_kind], dt.date(2028, 6, 1)).ontbrekend_jaar == 2028


def test_a_household_paying_a_wlz_contribution_pays_no_wmo_contribution():
    uitkomst = _bijdrage([HH], dt.date(2026, 3, 1), wlz_bijdrage=True)
    assert uitkomst.bedrag_per_maand == 0 and "Wlz" in uitkomst.toelichting[-1]


def test_partner_below_aow_age_pays_nothing_even_without_a_provision_of_their_own():
    # Uitvoeringsbesluit Wmo 2015 art. 3.8: married or partnered, at least one of the two
    # below the AOW age. The partner is passed even when only the client has a provision.
    op = dt.date(2024, 3, 1)
    assert _bijdrage([HH], op, gehuwd_of_partner=True, partner=JONG).bedrag_per_maand == 0
    assert _bijdrage([HH], op, clienten=[OUDER, JONG], gehuwd_of_partner=True).bedrag_per_maand == 0
    oud_partner = Persoon(dt.date(1945, 1, 1))
    assert _bijdrage([HH], op, gehuwd_of_partner=True, partner=oud_partner).bedrag_per_maand > 0
    # Not married: a young housemate changes nothing.
    assert _bijdrage([HH], op, partner=JONG).bedrag_per_maand == Decimal("20.60")


def test_municipal_exemptions_are_data():
    regels = GemeentelijkeRegels(
        vrijgestelde_categorieen=frozenset({Categorie.COLLECTIEF_VERVOER}),
        minimabeleid_percentage=Decimal("120"),
        bron="Verordening Wmo Voorbeeldstad 2026 art. 12",
    )
    vervoer = Levering(
        "Regiotaxi", Soort.ABONNEMENT, Decimal("40"), categorie=Categorie.COLLECTIEF_VERVOER
    )
    op = dt.date(2026, 3, 1)
    assert _bijdrage([vervoer], op, gemeente=regels).bedrag_per_maand == 0
    assert _bijdrage([vervoer], op).bedrag_per_maand == Decimal("21.80")
    assert (
        _bijdrage(
            [HH], op, gemeente=regels, inkomen_procent_sociaal_minimum=Decimal("115")
        ).bedrag_per_maand
        == 0
    )
    assert _bijdrage(
        [HH], op, gemeente=regels, inkomen_procent_sociaal_minimum=Decimal("125")
    ).bedrag_per_maand == Decimal("21.80")
    lager = GemeentelijkeRegels(lager_bedrag=Decimal("10.00"))
    assert _bijdrage([HH], op, gemeente=lager).bedrag_per_maand == Decimal("10.00")


def test_beschermd_wonen_and_opvang_are_income_dependent_via_the_cak():
    uitkomst = _bijdrage(
        [
            Levering("Beschermd wonen", Soort.BESCHERMD_WONEN, Decimal(3000)),
            Levering("Opvang", Soort.OPVANG, Decimal(900)),
        ],
        dt.date(2024, 3, 1),
    )
    assert uitkomst.bedrag_per_maand == 0
    assert uitkomst.cak_stelt_vast == ("Beschermd wonen", "Opvang")
    assert all("het CAK vastgesteld" in t for t in uitkomst.toelichting)


@pytest.mark.parametrize(
    ("geboren", "aow"),
    [
        # Algemene Ouderdomswet art. 7a lid 1: the age of the calendar year it is reached in.
        (dt.date(1930, 6, 15), dt.date(1995, 6, 15)),  # before 2013: 65 (onder a)
        (dt.date(1947, 12, 31), dt.date(2012, 12, 31)),  # 65 in 2012
        (dt.date(1948, 1, 1), dt.date(2013, 2, 1)),  # 2013: 65 + 1 month (onder b)
        (dt.date(1948, 11, 30), dt.date(2013, 12, 30)),
        (dt.date(1948, 12, 1), dt.date(2014, 2, 1)),  # 2014: 65 + 2 months (onder c)
        (dt.date(1949, 11, 1), dt.date(2015, 2, 1)),  # 2015: 65 + 3 months (onder d)
        (dt.date(1950, 10, 1), dt.date(2016, 4, 1)),  # 2016: 65 + 6 months (onder e)
        (dt.date(1951, 7, 1), dt.date(2017, 4, 1)),  # 2017: 65 + 9 months (onder f)
        (dt.date(1952, 4, 1), dt.date(2018, 4, 1)),  # 2018: 66 (onder g)
        (dt.date(1953, 1, 1), dt.date(2019, 5, 1)),  # 2019-2021: 66 + 4 months
        (dt.date(1955, 8, 31), dt.date(2021, 12, 31)),
        (dt.date(1955, 9, 1), dt.date(2022, 4, 1)),  # 2022: 66 + 7 months
        (dt.date(1956, 6, 1), dt.date(2023, 4, 1)),  # 2023: 66 + 10 months
        (dt.date(1957, 3, 1), dt.date(2024, 3, 1)),  # 2024-2027: 67
        (dt.date(1960, 12, 31), dt.date(2027, 12, 31)),
        (dt.date(1961, 1, 1), dt.date(2028, 4, 1)),  # 2028-2031: 67 + 3 months
        (dt.date(1964, 9, 30), dt.date(2031, 12, 30)),
        (dt.date(1964, 10, 1), None),  # 2032 not yet set (art. 7a lid 2)
    ],
)
def test_aow_date_for_every_birth_date(geboren, aow):
    assert aow_datum(Persoon(geboren)) == aow


@pytest.mark.parametrize(
    ("geboren", "op", "bereikt"),
    [
        (dt.date(1957, 9, 1), dt.date(2024, 8, 31), False),
        (dt.date(1957, 9, 1), dt.date(2024, 9, 1), True),  # 67 in 2024
        (dt.date(1955, 3, 15), dt.date(2021, 7, 14), False),  # 66 and 4 months in 2021
        (dt.date(1955, 3, 15), dt.date(2021, 7, 15), True),
        (dt.date(1956, 1, 31), dt.date(2022, 8, 30), False),  # 66 and 7 months in 2022
        (dt.date(1956, 1, 31), dt.date(2022, 8, 31), True),
        (dt.date(1952, 10, 15), dt.date(2018, 10, 15), True),  # 66 in 2018 (was wrong before)
        (dt.date(1990, 1, 1), dt.date(2040, 1, 1), False),  # 50: below any AOW age
        (dt.date(1966, 1, 1), dt.date(2034, 6, 1), None),  # 68 in 2034: not yet set
    ],
)
def test_aow_age(geboren, op, bereikt):
    assert aow_bereikt(Persoon(geboren), op) is bereikt


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(1964, 9, 30)))
def test_property_aow_date_is_the_first_day_the_years_age_is_reached(geboren):
    datum = aow_datum(Persoon(geboren))
    assert datum is not None
    assert aow_bereikt(Persoon(geboren), datum) is True
    assert aow_bereikt(Persoon(geboren), datum - dt.timedelta(days=1)) is False


@given(
    st.lists(st.decimals(min_value=0, max_value=5000, places=2), min_size=1, max_size=5),
    st.dates(min_value=dt.date(2019, 1, 1), max_value=dt.date(2030, 12, 31)),
)
def test_property_contribution_bounded_by_tariff_and_cost(kostprijzen, op):
    leveringen = [Levering(f"v{i}", Soort.ABONNEMENT, k) for i, k in enumerate(kostprijzen)]
    uitkomst = _bijdrage(leveringen, op)
    if op.year > 2026:
        assert uitkomst.bedrag_per_maand is None and uitkomst.ontbrekend_jaar == op.year
        return
    assert uitkomst.bedrag_per_maand is not None
    assert 0 <= uitkomst.bedrag_per_maand <= sum(kostprijzen)
    assert uitkomst.bedrag_per_maand <= per_maand(abonnementstarief(op))


@given(
    st.decimals(min_value=0, max_value=5000, places=2),
    st.decimals(min_value=0, max_value=5000, places=2),
    st.decimals(min_value=Decimal("0.01"), max_value=100, places=2),
)
def test_property_cap_periods_charge_exactly_the_rest(kostprijs, al, bedrag):
    plafond = kostprijsplafond(kostprijs=kostprijs, al_in_rekening=al, bedrag_per_periode=bedrag)
    assert plafond.resterend == max(NUL, kostprijs - al)
    if plafond.perioden:
        assert plafond.laatste_bedrag is not None and 0 < plafond.laatste_bedrag <= bedrag
        totaal = bedrag * (plafond.perioden - 1) + plafond.laatste_bedrag
        assert totaal == plafond.resterend
    else:
        assert plafond.resterend == 0


def test_ouderbijdrage_abolished_from_2016():
    assert ouderbijdrage_verschuldigd(verblijf_buiten_gezin=True, periode_begin=dt.date(2015, 6, 1))
    assert not ouderbijdrage_verschuldigd(
        verblijf_buiten_gezin=True,
        periode_begin=dt.date(2015, 6, 1),
        uitzonderingen=[Uitzondering.SPOEDPLAATSING],
    )
    assert not ouderbijdrage_verschuldigd(
        verblijf_buiten_gezin=False, periode_begin=dt.date(2015, 6, 1)
    )
    assert not ouderbijdrage_verschuldigd(
        verblijf_buiten_gezin=True, periode_begin=dt.date(2016, 1, 1)
    )


def test_pgb_conditions():
    # Wmo 2015 art. 2.3.6 lid 2 onder a-c.
    assert pgb_bezwaren(PgbToets(True, "Eigen regie", True), wet="wmo") == []
    bezwaren = pgb_bezwaren(PgbToets(False, " ", False), wet="wmo")
    assert [b[-9:] for b in bezwaren] == ["onder a).", "onder b).", "onder c)."]


def test_jeugdwet_pgb_condition_is_the_parents_reasoned_view():
    # Jeugdwet art. 8.1.1 lid 2 onder b: the parents' reasoned view that the help in kind on
    # offer does not suit; not a finding that no suitable help in kind exists.
    assert pgb_bezwaren(PgbToets(True, "Onze zoon kent de begeleider al", True), wet="jeugd") == []
    bezwaren = pgb_bezwaren(PgbToets(True, "", True), wet="jeugd")
    assert bezwaren == [
        "Jeugdwet: de ouders (of de jeugdige) hebben niet gemotiveerd waarom de aangeboden hulp "
        "in natura niet passend is (Jeugdwet art. 8.1.1 lid 2 onder b)."
    ]
    # A recorded waiting list is not needed, and without a reasoned view it does not help.
    assert pgb_bezwaren(PgbToets(True, "", True, True, "Wachtlijst 6 maanden"), wet="jeugd") == (
        bezwaren
    )


def test_pgb_ceiling_is_the_cheapest_adequate_zin_tariff():
    budget = pgb_budget(
        omvang=Decimal(10),
        zin_tarieven=[Decimal("32.50"), Decimal("29.90")],
        gevraagd_tarief=Decimal("35.00"),
    )
    assert (budget.budget, budget.gevraagd, budget.zelf_te_betalen) == (
        Decimal("299.00"),
        Decimal("350.00"),
        Decimal("51.00"),
    )
    cheaper = pgb_budget(
        omvang=Decimal(10), zin_tarieven=[Decimal("29.90")], gevraagd_tarief=Decimal("25.00")
    )
    assert cheaper.budget == Decimal("250.00") and cheaper.zelf_te_betalen == 0


def test_op043_zin_and_pgb_for_the_same_product_may_not_overlap():
    zin = Beschikt("02A01", Leveringsvorm.ZIN, dt.date(2026, 1, 1), dt.date(2026, 6, 30))
    assert op043_conflicten(
        Beschikt("02A01", Leveringsvorm.PGB, dt.date(2026, 6, 30), None), [zin]
    ) == [zin]
    assert (
        op043_conflicten(Beschikt("02A01", Leveringsvorm.PGB, dt.date(2026, 7, 1), None), [zin])
        == []
    )
    assert (
        op043_conflicten(Beschikt("01A01", Leveringsvorm.PGB, dt.date(2026, 3, 1), None), [zin])
        == []
    )


def test_period_and_volume_checks():
    assert periode_fouten(
        begin=dt.date(2026, 2, 1), einde=dt.date(2026, 1, 1), omvang=Decimal(0)
    ) == ["De einddatum ligt vóór de begindatum.", "De omvang moet groter zijn dan nul."]


@pytest.mark.parametrize(
    ("ontvangen", "post", "verschoonbaar", "uitkomst"),
    [
        (dt.date(2026, 5, 26), None, False, Ontvankelijkheid.TIJDIG),  # last day (6 weeks)
        (dt.date(2026, 5, 27), None, False, Ontvankelijkheid.TE_LAAT),
        (
            dt.date(2026, 6, 1),
            dt.date(2026, 5, 26),
            False,
            Ontvankelijkheid.TIJDIG,
        ),  # Awb 6:9 lid 2
        (dt.date(2026, 6, 3), dt.date(2026, 5, 26), False, Ontvankelijkheid.TE_LAAT),
        (dt.date(2026, 6, 10), None, True, Ontvankelijkheid.TE_LAAT_VERSCHOONBAAR),
    ],
)
def test_bezwaar_on_time(ontvangen, post, verschoonbaar, uitkomst):
    # Decision sent Tuesday 14 April 2026: six weeks end Tuesday 26 May 2026.
    assert (
        bezwaar_tijdigheid(
            beschikking_verzonden=dt.date(2026, 4, 14),
            ontvangen_op=ontvangen,
            ter_post_bezorgd_op=post,
            verschoonbaar=verschoonbaar,
        )
        == uitkomst
    )
