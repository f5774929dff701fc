"""A year of message traffic for the demo: every kind, through the services, on the days it
happened, with rejected messages carrying realistic return codes."""

from __future__ import annotations

import datetime as dt
import random
import time
from collections import Counter

import pytest
from django.utils import timezone

from eenplan.aanbieders.models import Aanbieder
from eenplan.berichten.models import Bericht, Prestatie, Toewijzing
from eenplan.demo.berichten import build_berichten
from eenplan.demo.builder import build_demo

pytestmark = pytest.mark.django_db


def test_a_year_of_messages_through_the_services():
    vandaag = timezone.localdate()
    begin = time.perf_counter()
    result = build_demo(inwoners=1500, seed=4)
    print(f"demo met {result.berichten} berichten in {time.perf_counter() - begin:.1f} s")
    if not Aanbieder.objects.exclude(agb_code="").exists():  # before the demo's contracts
        from eenplan.aanbieders.services import aanbieder_save
        from eenplan.demo.voorzieningen import AANBIEDERS

        namen = sorted({a for lijst in AANBIEDERS.values() for a, _ in lijst})
        for i, naam in enumerate(namen):
            aanbieder_save(naam=naam, agb_code=f"981{i:05d}")
        rng = random.Random(1)  # noqa: S311 - demo data
        build_berichten(gemeente=result.gemeente, rng=rng, vandaag=vandaag)
    soorten = Counter(Bericht.objects.values_list("code", flat=True))
    for code in ("301", "302", "305", "306", "307", "308", "323", "325"):
        assert soorten[code] > 0, (code, soorten)
    codes = Counter(c for cs in Bericht.objects.values_list("retourcodes", flat=True) for c in cs)
    codes += Counter(
        c for cs in Prestatie.objects.values_list("retourcodes", flat=True) for c in cs
    )
    for code in ("9321", "9346", "0001"):
        assert codes[code] > 0, (code, codes)
    # Each provider claims each month once, in order: TR318 never rejects the demo's claims.
    assert codes["8214"] == 0, codes
    assert Bericht.objects.filter(code="323", declaratieperiode__isnull=False).exists()
    # The traffic is spread over the year, not all stamped today.
    dagen = {timezone.localdate(m) for m in Bericht.objects.values_list("moment", flat=True)}
    assert len(dagen) > 30
    assert min(dagen) >= vandaag - dt.timedelta(days=366)
    # Approved claims exist, and every toewijzing came from a sent ZIN beschikking.
    assert Prestatie.objects.filter(goedgekeurd=True).exists()
    assert not Toewijzing.objects.filter(beschikte_voorziening__isnull=True).exists()
