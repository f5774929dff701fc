"""Tests for eenplan.rules.datums: one plausible range per kind of date.

Pure rules: no Django, no database. Examples at the edges of each range, and hypothesis for the
properties: a date is accepted exactly when it lies between the bounds, the message names both
bounds, and every plausible legal event can get its statutory deadline.
"""

from __future__ import annotations

import ast
import inspect
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eenplan.rules import datums
from eenplan.rules.datums import (
    BEREIKEN,
    GEBEURTENIS,
    GEBOORTEDATUM,
    LEVENSLOOP,
    PLANNING,
    Datumbereik,
)
from eenplan.rules.termijnen import bezwaar_uiterlijk, termijn_einde
from eenplan.rules.voorziening import klacht_afhandelen_uiterlijk

VANDAAG = date(2026, 12, 4)

vandagen = st.dates(min_value=date(2015, 1, 1), max_value=date(2100, 12, 31))
bereiken = st.sampled_from(BEREIKEN)


@pytest.mark.parametrize(
    ("bereik", "dag", "plausibel"),
    [
        # The cases schemathesis and a tester found accepted silently.
        (GEBOORTEDATUM, date(1, 1, 1), False),
        (PLANNING, date(9999, 12, 31), False),
        (GEBEURTENIS, date(149, 6, 1), False),
        (GEBEURTENIS, date(1989, 12, 31), False),
        # The edges.
        (GEBOORTEDATUM, date(1900, 1, 1), True),
        (GEBOORTEDATUM, date(1899, 12, 31), False),
        (GEBOORTEDATUM, VANDAAG, True),
        (GEBOORTEDATUM, VANDAAG + timedelta(days=1), False),
        (GEBEURTENIS, date(2014, 12, 31), False),
        (GEBEURTENIS, date(2015, 1, 1), True),
        (GEBEURTENIS, VANDAAG + timedelta(days=31), True),
        (GEBEURTENIS, VANDAAG + timedelta(days=32), False),
        (PLANNING, date(2036, 12, 4), True),
        (PLANNING, date(2036, 12, 5), False),
        (LEVENSLOOP, date(1972, 5, 1), True),
        (LEVENSLOOP, date(1899, 12, 31), False),
    ],
)
def test_edges_of_each_range(bereik, dag, plausibel):
    assert bereik.bevat(dag, vandaag=VANDAAG) is plausibel
    assert (bereik.fout(dag, vandaag=VANDAAG) is None) is plausibel


def test_the_message_is_dutch_and_names_the_date_and_both_bounds():
    fout = PLANNING.fout(date(9999, 12, 31), vandaag=VANDAAG)
    assert fout == (
        "31-12-9999 is geen mogelijke datum: kies een datum van 01-01-2015 tot en met "
        "04-12-2036 (niet van vóór de Wmo 2015, hoogstens tien jaar vooruit)."
    )
    assert "geen mogelijke geboortedatum" in GEBOORTEDATUM.fout(date(1, 1, 1), vandaag=VANDAAG)
    assert "0001" in GEBOORTEDATUM.fout(date(1, 1, 1), vandaag=VANDAAG)


@given(bereik=bereiken, vandaag=vandagen, dag=st.dates())
def test_a_date_is_plausible_exactly_between_the_bounds(bereik, vandaag, dag):
    tot = vandaag + timedelta(days=bereik.dagen_vooruit)
    assert bereik.bevat(dag, vandaag=vandaag) == (bereik.vanaf <= dag <= tot)
    fout = bereik.fout(dag, vandaag=vandaag)
    if bereik.bevat(dag, vandaag=vandaag):
        assert fout is None
    else:
        assert f"{bereik.vanaf:%d-%m-%Y}" in fout and f"{tot:%d-%m-%Y}" in fout


@given(bereik=bereiken, vandaag=vandagen)
def test_today_is_always_plausible(bereik, vandaag):
    assert bereik.bevat(vandaag, vandaag=vandaag)


@given(bereik=bereiken, vandaag=st.dates())
def test_the_upper_bound_never_overflows_the_calendar(bereik, vandaag):
    assert bereik.tot_en_met(vandaag) >= vandaag
    bereik.fout(date.max, vandaag=vandaag)  # no OverflowError


@given(vandaag=vandagen, data=st.data())
def test_every_plausible_legal_event_gets_its_statutory_deadline(vandaag, data):
    """The deadline rules count holidays from 1990; a plausible event never falls outside."""
    tot = GEBEURTENIS.tot_en_met(vandaag)
    dag = data.draw(st.dates(min_value=GEBEURTENIS.vanaf, max_value=tot))
    assert termijn_einde(dag, weken=6) > dag
    assert klacht_afhandelen_uiterlijk(dag, commissie=True) > dag
    assert bezwaar_uiterlijk(dag) > dag


def test_the_kinds_are_ordered_sensibly():
    """Life dates reach back furthest; planning reaches furthest ahead; events sit inside."""
    assert GEBOORTEDATUM.vanaf == LEVENSLOOP.vanaf < GEBEURTENIS.vanaf == PLANNING.vanaf
    assert (
        GEBOORTEDATUM.dagen_vooruit
        < GEBEURTENIS.dagen_vooruit
        < LEVENSLOOP.dagen_vooruit
        < PLANNING.dagen_vooruit
    )
    assert GEBEURTENIS.vanaf == date(2015, 1, 1)


def test_each_range_is_declared_once_with_a_docstring_explaining_why():
    tree = ast.parse(inspect.getsource(datums))
    body = tree.body
    uitgelegd = {}
    for i, node in enumerate(body):
        if (
            isinstance(node, ast.Assign)
            and isinstance(node.value, ast.Call)
            and getattr(node.value.func, "id", "") == Datumbereik.__name__
        ):
            volgende = body[i + 1] if i + 1 < len(body) else None
            doc = (
                volgende.value.value
                if isinstance(volgende, ast.Expr) and isinstance(volgende.value, ast.Constant)
                else ""
            )
            uitgelegd[node.targets[0].id] = doc
    assert set(uitgelegd) == {"GEBOORTEDATUM", "LEVENSLOOP", "GEBEURTENIS", "PLANNING"}
    assert all(len(doc) > 100 for doc in uitgelegd.values()), uitgelegd
    assert len(BEREIKEN) == len(uitgelegd)
