"""The read selector of assigned and claimed costs for the steering figures (`berichten.kosten`):
its SQL gives, for a calendar year, exactly what the yearly budget's plain-Python arithmetic
(`budget.toegewezen_bedrag`) gives for the same toewijzing and contract tariff."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

import pytest
from django.db.models import Sum

from eenplan.aanbieders.models import ContractProduct
from eenplan.berichten import budget
from eenplan.berichten.kosten import prestaties_met_bedrag, toewijzingen_met_bedrag
from eenplan.berichten.models import Prestatie, Toewijzing
from eenplan.testing.factories import (
    AanbiederFactory,
    ContractFactory,
    ContractProductFactory,
    GemeenteFactory,
    InwonerFactory,
    VoorzieningFactory,
    WijkFactory,
)

pytestmark = pytest.mark.django_db

D = dt.date
JAAR = 2026


@pytest.fixture
def wereld():
    gemeente = GemeenteFactory()
    wijk = WijkFactory(gemeente=gemeente)
    aanbieder = AanbiederFactory()
    contract = ContractFactory(gemeente=gemeente, aanbieder=aanbieder, begin=D(2024, 1, 1))
    # Hulp bij het huishouden (02A01) at 31.25 per hour; category 02 as a whole at 2.00 per
    # minute (for codes the contract does not name); 03A01 per stuk (82).
    for code, tarief, eenheid in (("02A01", "31.25", "04"), ("02A99", "2.00", "01")):
        ContractProductFactory(
            contract=contract,
            voorziening=VoorzieningFactory(
                gemeente=gemeente, productcategorie="02", productcode=code
            ),
            tarief=Decimal(tarief),
            eenheid=eenheid,
        )
    # The second as a tariff for the whole category (as taken over from an old contract).
    ContractProduct.objects.filter(productcode="02A99").update(productcode="")
    return gemeente, wijk, aanbieder


def _toewijzing(gemeente, wijk, aanbieder, n, **velden) -> Toewijzing:
    inwoner = InwonerFactory(gemeente=gemeente, wijk=wijk)
    basis = {
        "gemeente": gemeente,
        "inwoner": inwoner,
        "aanbieder": aanbieder,
        "wet": "wmo",
        "nummer": n,
        "productcategorie": "02",
        "productcode": "02A01",
        "toewijzingsdatum": dt.datetime(2025, 1, 1, tzinfo=dt.UTC),
        "ingangsdatum": D(2026, 1, 1),
        "einddatum": None,
        "volume": 3,
        "eenheid": "04",
        "frequentie": "2",
    }
    return Toewijzing.objects.create(**{**basis, **velden})


def _python(t: Toewijzing, tarief: Decimal | None, eenheid: str) -> int | None:
    return budget.toegewezen_bedrag(
        budget.Toegewezen(
            t.ingangsdatum,
            t.einddatum,
            t.volume,
            t.eenheid,
            t.frequentie,
            t.budget,
            t.uitvoeringsvariant,
        ),
        JAAR,
        tarief,
        eenheid,
    )


def test_three_hours_a_week_in_july_is_five_iso_weeks_at_the_contract_tariff(wereld):
    gemeente, wijk, aanbieder = wereld
    _toewijzing(gemeente, wijk, aanbieder, 1, ingangsdatum=D(2026, 7, 1), einddatum=D(2026, 7, 31))
    rij = toewijzingen_met_bedrag(gemeente_id=gemeente.pk, van=D(2026, 1, 1), tot=D(2026, 12, 31))
    # ISO weeks 27-31: 5 weeks × 3 hours × 31.25 = 468.75 euro.
    assert [Decimal(str(r.toegewezen_centen)) for r in rij] == [Decimal(46875)]
    # Only July: the same; only August: nothing runs.
    juli = toewijzingen_met_bedrag(gemeente_id=gemeente.pk, van=D(2026, 7, 1), tot=D(2026, 7, 31))
    assert juli.aggregate(s=Sum("toegewezen_centen"))["s"] == 46875
    augustus = toewijzingen_met_bedrag(
        gemeente_id=gemeente.pk, van=D(2026, 8, 1), tot=D(2026, 8, 31)
    )
    assert not augustus.exists()


def test_no_amount_when_units_do_not_convert_and_a_void_toewijzing_does_not_count(wereld):
    gemeente, wijk, aanbieder = wereld
    _toewijzing(gemeente, wijk, aanbieder, 1, eenheid="82")  # stuks against a tariff per hour
    _toewijzing(
        gemeente,
        wijk,
        aanbieder,
        2,
        ingangsdatum=D(2026, 3, 1),
        einddatum=D(2026, 3, 1),
        reden_wijziging="13",  # deleted on its own first day (OP087)
    )
    rijen = list(
        toewijzingen_met_bedrag(gemeente_id=gemeente.pk, van=D(2026, 1, 1), tot=D(2026, 12, 31))
    )
    assert [(r.nummer, r.toegewezen_centen) for r in rijen] == [(1, None)]


def test_sql_agrees_with_the_yearly_budget_for_sixty_toewijzingen(wereld):
    """Frequencies per day, week, month and total; in- and outputgericht; hours, minutes and
    dagdelen; the product's own tariff and the category's; with a volume or a budget: for
    the calendar year the SQL amount is the budget's to the cent."""
    gemeente, wijk, aanbieder = wereld
    kans = random.Random(12)  # noqa: S311 - test data, reproducible
    verwacht: dict[int, int | None] = {}
    for n in range(1, 61):
        ingang = D(2025, 6, 1) + dt.timedelta(days=kans.randrange(0, 700))
        eind = None if kans.random() < 0.3 else ingang + dt.timedelta(days=kans.randrange(0, 500))
        code = kans.choice(["02A01", "02A07"])  # 02A07: only the category's tariff per minute
        met_budget = kans.random() < 0.15
        t = _toewijzing(
            gemeente,
            wijk,
            aanbieder,
            n,
            productcode=code,
            ingangsdatum=ingang,
            einddatum=eind,
            frequentie=kans.choice(["1", "2", "4", "6"]),
            eenheid=kans.choice(["01", "04", "16"]),
            volume=None if met_budget else kans.randrange(1, 40),
            budget=kans.randrange(10_000, 900_000) if met_budget else None,
            uitvoeringsvariant=kans.choice(["inspanningsgericht", "outputgericht"]),
        )
        tarief, eenheid = (Decimal("31.25"), "04") if code == "02A01" else (Decimal("2.00"), "01")
        loopt = t.einddatum is None or t.einddatum >= D(JAAR, 1, 1)
        if loopt and t.ingangsdatum <= D(JAAR, 12, 31):
            verwacht[n] = _python(t, tarief, eenheid)
    rijen = toewijzingen_met_bedrag(
        gemeente_id=gemeente.pk, van=D(JAAR, 1, 1), tot=D(JAAR, 12, 31)
    ).values_list("nummer", "toegewezen_centen")
    gekregen = {n: None if c is None else int(round(Decimal(str(c)))) for n, c in rijen}
    assert set(gekregen) == set(verwacht)
    assert sum(1 for v in verwacht.values() if v) > 25  # most are priced, to a real amount
    for n, bedrag in verwacht.items():
        assert gekregen[n] == bedrag, f"toewijzing {n}"


def test_claim_lines_count_debet_minus_credit_and_name_the_law(wereld):
    from eenplan.testing.berichten import bericht

    gemeente, wijk, aanbieder = wereld
    inwoner = InwonerFactory(gemeente=gemeente, wijk=wijk)
    b = bericht(gemeente, aanbieder, inwoner)
    regel = {
        "bericht": b,
        "inwoner": inwoner,
        "bsn": inwoner.bsn,
        "toewijzing_nummer": 1,
        "productcategorie": "02",
        "productcode": "02A01",
        "begindatum": D(2026, 3, 1),
        "einddatum": D(2026, 3, 31),
        "volume": 4,
        "eenheid": "04",
        "tarief": 3125,
    }
    Prestatie.objects.create(**regel, referentie="P1", bedrag=12500, goedgekeurd=True)
    Prestatie.objects.create(**regel, referentie="C1", bedrag=3125, debet_credit="C")
    maart = {"gemeente_id": gemeente.pk, "van": D(2026, 3, 1), "tot": D(2026, 3, 31)}
    assert prestaties_met_bedrag(**maart).aggregate(s=Sum("bedrag_centen"))["s"] == 9375
    goed = prestaties_met_bedrag(**maart, alleen_goedgekeurd=True)
    assert list(goed.values_list("bedrag_centen", "wet_code")) == [(12500, "wmo")]
    april = {**maart, "van": D(2026, 4, 1), "tot": D(2026, 4, 30)}
    assert not prestaties_met_bedrag(**april).exists()
