"""The standard questionnaire covers what Uitvoeringsregeling Wmo 2015 art. 8 lid 2 asks, on a
five-point scale with "weet ik niet", and the answer page offers exactly that."""

from __future__ import annotations

import pytest
from django.test import Client

from eenplan.beleid import services
from eenplan.beleid.constants import Aspect
from eenplan.beleid.vragenlijst import SCHAAL, STANDAARD
from eenplan.testing import beleid as tb


def test_every_subject_of_article_8_lid_2_has_a_statement():
    gedekt = {v.aspect for v in STANDAARD}
    # a: accessibility, b: quality, c: self-reliance and participation.
    art8 = {Aspect.TOEGANG, Aspect.KWALITEIT, Aspect.ZELFREDZAAMHEID, Aspect.PARTICIPATIE}
    assert art8 <= gedekt
    assert all(
        v.bron.startswith("Uitvoeringsregeling Wmo 2015 art. 8") or v.aspect == Aspect.EIGEN
        for v in STANDAARD
    )
    assert [w for w, _t in SCHAAL] == [1, 2, 3, 4, 5]


@pytest.mark.django_db
def test_the_link_shows_five_answers_and_weet_ik_niet_per_statement(gemeente, wijken):
    _r, [uitnodiging] = tb.ronde(gemeente, {wijken["Noord"]: ["A"]})
    token = services.uitnodiging_token(uitnodiging)
    tekst = Client().get(f"/vragenlijst/{token}/").content.decode()
    for vraag in STANDAARD:
        for waarde, _t in SCHAAL:
            assert f'id="v-{vraag.code}-{waarde}"' in tekst
        assert f'id="v-{vraag.code}-0"' in tekst  # weet ik niet
