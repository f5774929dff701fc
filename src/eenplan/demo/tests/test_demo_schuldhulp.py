"""The demo shows debt help (issue 14): signals of payment arrears as meldingen with contact
attempts, debt questions triaged light and heavy, routes in several phases, and first
conversations mostly within the legal term — visible to the Werkplein login."""

import datetime as dt

import pytest

from eenplan.demo.builder import build_demo
from eenplan.gemeente.models import Medewerker
from eenplan.meldingen.models import Melding
from eenplan.schuldhulp.models import Contactpoging, Schuldvraag, Vroegsignaal
from eenplan.schuldhulp.selectors import schuldvragen_in_scope

pytestmark = pytest.mark.django_db


def test_demo_has_debt_help():
    build_demo(inwoners=2000, seed=14, peildatum=dt.date(2026, 1, 1))
    signalen = Vroegsignaal.objects.count()
    assert signalen >= 5
    assert Melding.objects.filter(kanaal="vroegsignalering").count() == signalen
    assert 0 < Contactpoging.objects.values("signaal").distinct().count() < signalen
    vragen = Schuldvraag.objects.all()
    assert vragen.exists()
    assert {v.fase for v in vragen} & {"afgerond", "stabilisatie", "minnelijk"}
    werkplein = Medewerker.objects.get(user__username="werkplein")
    assert schuldvragen_in_scope(werkplein.user).count() == vragen.count()
