"""A year of message traffic for the demo's ZIN beschikkingen: every kind, made with the message
library and kept, checked and answered by the berichten services, on the days it happened, with
rejected messages carrying the return codes the rules give; per month committed and resumable;
capped at a large municipality."""

from __future__ import annotations

import datetime as dt
import time
from collections import Counter

import pytest
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from eenplan.berichten.constants import BerichtStatus, Richting
from eenplan.berichten.models import Bericht, Levering, Prestatie, Toewijzing
from eenplan.berichten.overzichten import budget_overzicht
from eenplan.berichten.selectors import werklijst
from eenplan.beschikkingen.models import BeschikteVoorziening
from eenplan.demo import berichten
from eenplan.demo.builder import build_demo
from eenplan.demo.tests.planner import bekende_rijen
from eenplan.events.models import Gebeurtenis
from eenplan.istandaarden import lees

pytestmark = pytest.mark.django_db
VANDAAG = timezone.localdate()


def _codes() -> Counter:
    codes = Counter(c for cs in Bericht.objects.values_list("retourcodes", flat=True) for c in cs)
    codes += Counter(
        c for cs in Prestatie.objects.values_list("retourcodes", flat=True) for c in cs
    )
    return codes


def test_a_year_of_messages_in_bulk_through_the_services():
    begin = time.perf_counter()
    result = build_demo(inwoners=3000, seed=4)
    print(f"demo met {result.berichten} berichten in {time.perf_counter() - begin:.1f} s")
    assert result.berichten > 500
    soorten = Counter(Bericht.objects.values_list("code", flat=True))
    for code in ("301", "302", "305", "306", "307", "308", "315", "317", "323", "325"):
        assert soorten[code] > 0, (code, soorten)
    # Every file is real: each reads back with the library (the unreadable upload aside).
    for inhoud in Bericht.objects.exclude(status=BerichtStatus.ONLEESBAAR).values_list(
        "inhoud", flat=True
    ):
        lees(bytes(inhoud))
    # Faults played into the files get the codes the rules give; the demo's own order of
    # claims never trips TR318 (8214).
    codes = _codes()
    for code in ("9321", "9346", "0001", "9056"):
        assert codes[code] > 0, (code, codes)
    assert codes["8214"] == 0, codes
    afgekeurd = Bericht.objects.filter(
        richting=Richting.IN,
        status__in=[BerichtStatus.AFGEKEURD, BerichtStatus.DEELS_AFGEKEURD, BerichtStatus.DUBBEL],
    ).count()
    assert 0 < afgekeurd < Bericht.objects.filter(richting=Richting.IN).count() / 4
    # Every toewijzing from a sent ZIN beschikking; those this step delivered on, on the day it
    # was sent. The provider fetched each 301 the next working day and approved it with a
    # 302 (the whole cases' 301s, made through the services today, wait in the outbox).
    toewijzingen = Toewijzing.objects.select_related("beschikte_voorziening__beschikking")
    assert not toewijzingen.filter(beschikte_voorziening__isnull=True).exists()
    for t in toewijzingen.filter(leveringen__isnull=False):
        beschikking = t.beschikte_voorziening.beschikking
        assert timezone.localdate(t.toewijzingsdatum) == beschikking.verzonden_op
    uit = Bericht.objects.filter(code="301", moment__date__lt=VANDAAG - dt.timedelta(days=3))
    assert uit.count() > 50
    assert set(uit.values_list("status", flat=True)) == {BerichtStatus.RETOUR_GOEDGEKEURD}
    # Starts became deliveries, stops ended them; claims were approved line by line.
    assert Levering.objects.filter(status="gestart").exists()
    assert Levering.objects.filter(status="gestopt").exists()
    assert Prestatie.objects.filter(goedgekeurd=True).count() > 10 * max(
        1, Prestatie.objects.filter(goedgekeurd=False).count() // 10
    )
    # Spread over the year, every message on its own day, nothing in the future.
    dagen = {timezone.localdate(m) for m in Bericht.objects.values_list("moment", flat=True)}
    assert len(dagen) > 100
    assert min(dagen) >= VANDAAG - dt.timedelta(days=366) and max(dagen) <= VANDAAG
    # The worklist: the providers' requests wait for an answer, one of them already late.
    due = list(werklijst(VANDAAG))
    assert {b.code for b in due} == {"315", "317"}
    assert any(b.stand == "verlopen" for b in due)
    # The dossier timeline of a client shows the 301 and the provider's files on their days.
    t = Toewijzing.objects.filter(leveringen__isnull=False).first()
    tijdlijn = Gebeurtenis.objects.filter(inwoner_id=t.inwoner_id, soort__startswith="bericht.")
    assert {"bericht.verzonden", "bericht.ontvangen"} <= set(
        tijdlijn.values_list("soort", flat=True)
    )
    assert all(g.moment.date() < VANDAAG for g in tijdlijn)
    # The budget of this year: assigned, claimed and approved per provider.
    budget = budget_overzicht(result.gemeente, VANDAAG.year, VANDAAG)
    assert budget.totaal.toegewezen > 0 and budget.totaal.goedgekeurd > 0
    assert budget.totaal.goedgekeurd <= budget.totaal.gedeclareerd


def test_at_a_large_municipality_a_sample_spread_over_the_year(monkeypatch):
    monkeypatch.setattr(berichten, "BERICHTEN_MAX", 12)
    build_demo(inwoners=3000, seed=4)
    # (The whole cases' toewijzingen, made through the services today, come on top.)
    beschikkingen = set(
        Toewijzing.objects.exclude(toewijzingsdatum__date=VANDAAG).values_list(
            "beschikte_voorziening__beschikking_id", flat=True
        )
    )
    zin = (
        BeschikteVoorziening.objects.filter(
            leveringsvorm="zin",
            beschikking__verzonden_op__gte=VANDAAG - dt.timedelta(days=365),
            beschikking__verzonden_op__lt=VANDAAG,
        )
        .values_list("beschikking_id", flat=True)
        .distinct()
        .count()
    )
    assert len(beschikkingen) == 12 < zin
    maanden = set(
        Toewijzing.objects.exclude(toewijzingsdatum__date=VANDAAG).values_list(
            "toewijzingsdatum__year", "toewijzingsdatum__month"
        )
    )
    assert len(maanden) >= 4


class Afgebroken(Exception):
    pass


def _vingerafdruk() -> list[tuple]:
    """The traffic, without what differs between two builds (ids, the municipality's random
    identificaties of its own messages)."""
    return sorted(
        (
            b.richting,
            b.soort,
            b.status,
            tuple(b.retourcodes),
            b.identificatie if b.richting == Richting.IN else "",
            b.moment,
            b.aanbieder_id is not None,
        )
        for b in Bericht.objects.filter(Q(moment__date__lt=VANDAAG))
    )


def test_an_interrupted_traffic_resumes_after_the_last_committed_month(monkeypatch):
    with transaction.atomic():
        build_demo(inwoners=1200, seed=6)
        heel = _vingerafdruk()
        transaction.set_rollback(True)
    assert len(heel) > 100

    echte_maand, gedaan = berichten._Verkeer.maand, []

    def stopt_bij_de_vijfde(self, *args, **kwargs):
        if len(gedaan) == 4:
            raise Afgebroken("de stroom viel uit")
        gedaan.append(1)
        return echte_maand(self, *args, **kwargs)

    monkeypatch.setattr(berichten._Verkeer, "maand", stopt_bij_de_vijfde)
    with pytest.raises(Afgebroken):
        build_demo(inwoners=1200, seed=6)
    half = Bericht.objects.filter(identificatie__startswith="DV").count()
    assert half > 0
    # Each committed month left the planner knowing its rows: the foreign-key checks of the
    # next month are planned on them (on the statistics of before the traffic they scanned
    # every message: 20 s per month's commit at 100,000 residents; 7 December 2026).
    assert bekende_rijen(Bericht) == Bericht.objects.count()
    assert bekende_rijen(Prestatie) == Prestatie.objects.count()
    monkeypatch.setattr(berichten._Verkeer, "maand", echte_maand)
    build_demo(inwoners=1200, seed=6, hervat=True)
    assert _vingerafdruk() == heel
