"""The demo plan is seed 002's structure with its line references; what the seed does not say
is marked as such."""

from __future__ import annotations

import datetime as dt

import pytest

from eenplan.beleid import services
from eenplan.beleid.models import Activiteit, Indicatorkoppeling, Subdoel, Thema
from eenplan.demo.beleid import structuur
from eenplan.testing import beleid as tb

pytestmark = pytest.mark.django_db


def test_the_demo_plan_follows_seed_002_with_its_sources(gemeente):
    plan = services.beleidsplan_importeer(
        gemeente=gemeente, structuur=structuur(dt.date(2026, 1, 1))
    )
    assert [t.naam for t in Thema.objects.filter(plan=plan)] == [
        "Basis- en algemene voorzieningen versterken en ontwikkelen",
        "Versterken mantelzorg en vrijwilligers",
    ]
    # Theme 1: activities A1-A4 and B1-B3 (seed 002 L323-L415); theme 3: 1, 2, 4, 5 (no 3).
    codes = sorted(Activiteit.objects.values_list("code", flat=True))
    assert codes == ["1", "2", "4", "5", "A1", "A2", "A3", "A4", "B1", "B2", "B3"]
    assert all("seed 002 L" in a.bron for a in Activiteit.objects.all())
    assert all("[afgeleid]" in s.bron for s in Subdoel.objects.all())
    # The plan of 2020-2021 shifted to run now; the shift is in the source.
    assert (plan.van_jaar, plan.tot_jaar) == (2025, 2026) and "verschoven met 5" in plan.bron
    # Targets are the demo's, never presented as the seed's.
    assert all(
        "demowaarde" in k.bron
        for k in Indicatorkoppeling.objects.exclude(
            indicator__in=["bbv_32_wmo_maatwerk", "kosten_toegewezen"]
        )
    )
    # What it costs (the council's second question): the assigned costs, without a target.
    kosten = Indicatorkoppeling.objects.get(indicator="kosten_toegewezen")
    assert kosten.richting == "lager" and not kosten.streefwaarden.exists()
    assert set(Indicatorkoppeling.objects.values_list("indicator", flat=True)) >= {
        "kanteling",
        "mantelzorg_besproken",
        "cev_mantelzorg",
        "cev_wist_waar",
    }


def test_survey_results_page_has_a_fixed_query_budget(
    gemeente, wijken, contract_client, django_assert_max_num_queries
):
    ronde, uitn = tb.ronde(gemeente, {wijken["Noord"]: ["A"] * 6, wijken["Zuid"]: ["B"] * 6})
    for u in uitn:
        tb.beantwoord(u, 4)
    with django_assert_max_num_queries(14):
        assert contract_client.get(f"/beleid/clientervaring/{ronde.pk}/").status_code == 200
    meer, uitn = tb.ronde(gemeente, {w: ["A", "B", "C"] * 4 for w in wijken.values()}, jaar=2026)
    for u in uitn:
        tb.beantwoord(u, 5)
    with django_assert_max_num_queries(14):
        assert (
            contract_client.get(f"/beleid/clientervaring/{meer.pk}/?per=aanbieder").status_code
            == 200
        )
