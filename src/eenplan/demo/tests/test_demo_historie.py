"""Five years of finished cases written in bulk (issue 16): what a worker sees of them is what
the services would have made — deadlines from the same rules, access that ended, decisions
with their objection term — and an interrupted history resumes without doubles."""

import datetime as dt

import pytest
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from eenplan.demo import historie
from eenplan.demo.builder import build_demo
from eenplan.gemeente.models import Medewerker
from eenplan.gemeente.selectors import gelijkgestelde_dagen
from eenplan.meldingen.constants import Status
from eenplan.meldingen.models import Melding, Opschorting, Toewijzing
from eenplan.privacy.models import DossierToegang
from eenplan.rules import termijnen

pytestmark = pytest.mark.django_db
PEIL = dt.date(2026, 1, 1)
# The services judge some steps by the real date: the demo is built for today, as make run does.
VANDAAG = timezone.localdate()


def _historie() -> list[Melding]:
    return list(
        Melding.objects.filter(
            ontvangstbevestiging_op=F("ontvangen_op"),
            ontvangen_op__lte=VANDAAG - dt.timedelta(days=historie.LIVE_JAAR_MINIMAAL),
        )
    )


def test_five_years_of_cases_with_the_deadlines_the_rules_compute():
    from eenplan.beschikkingen.models import Beschikking
    from eenplan.onderzoeken.models import Onderzoek
    from eenplan.plannen.models import Plan

    build_demo(inwoners=1500, seed=4, peildatum=PEIL, vandaag=VANDAAG)
    live, live_bulk, eerder = historie.aantallen(1500)
    oud = _historie()
    assert len(oud) == live_bulk + eerder == 4 * live
    # Five years: the oldest came in more than four years ago, every one is finished.
    assert min(m.ontvangen_op for m in oud) < VANDAAG - dt.timedelta(days=4 * 365)
    assert {m.status for m in oud} == {Status.AFGESLOTEN, Status.BEANTWOORD, Status.DOORGEZET}
    # The onderzoek term as the meldingen service computes it: six weeks, moved by the
    # suspension, extended over holidays (rules.termijnen).
    opgeschort = {o.melding_id: o for o in Opschorting.objects.filter(melding__in=oud)}
    extra = gelijkgestelde_dagen()
    assert opgeschort, "some histories had their term suspended"
    for m in oud:
        o = opgeschort.get(m.pk)
        assert m.onderzoek_uiterlijk == termijnen.termijn_einde_met_opschorting(
            m.ontvangen_op,
            weken=6,
            opschortingen=[termijnen.Opschorting(van=o.van, tot=o.tot, reden="")] if o else [],
            extra=extra,
        ), m.pk
    # The assignments and the dossier access they gave ended: the history widens nobody's
    # need-to-know today.
    toewijzingen = Toewijzing.objects.filter(melding__in=oud)
    assert toewijzingen.exists() and not toewijzingen.filter(tot__isnull=True).exists()
    toegang = DossierToegang.objects.filter(reden__startswith="Toegewezen melding", tot__lt=VANDAAG)
    assert toegang.count() >= toewijzingen.count()
    generalist = Medewerker.objects.get(user__username="generalist")
    assert not DossierToegang.objects.filter(
        medewerker=generalist,
        tot__isnull=True,
        reden__in=[f"Toegewezen melding {m.pk}" for m in oud],
    ).exists()
    # Onderzoeken with their report, ended plans, decisions with the Awb objection term.
    onderzoeken = Onderzoek.objects.filter(melding__in=oud)
    assert onderzoeken.exists() and not onderzoeken.exclude(status="definitief").exists()
    assert all(m.onderzoek_afgerond_op for m in oud if m.pk in {o.melding_id for o in onderzoeken})
    assert Plan.objects.filter(status="beeindigd").exists()
    besluiten = Beschikking.objects.filter(aanvraag__plan__status="beeindigd")
    assert besluiten.exists()
    for b in besluiten:
        assert b.bezwaar_uiterlijk == termijnen.bezwaar_uiterlijk(b.verzonden_op, extra=extra)


class Afgebroken(Exception):
    pass


def _vingerafdruk() -> list[tuple]:
    return sorted(
        Melding.objects.filter(pk__in=[m.pk for m in _historie()]).values_list(
            "inwoner__bsn", "ontvangen_op", "status", "onderzoek_uiterlijk"
        )
    )


def test_an_interrupted_history_resumes_without_doubles(monkeypatch):
    """The history commits per batch; a build that stops in it continues with --hervat after
    the last committed batch and ends as the uninterrupted build."""
    monkeypatch.setattr(historie, "PER_BATCH", 20)
    with transaction.atomic():
        build_demo(inwoners=600, seed=6, peildatum=PEIL, vandaag=VANDAAG)
        heel = _vingerafdruk()
        transaction.set_rollback(True)
    assert len(heel) == sum(historie.aantallen(600)[1:]) > 2 * 20

    echte_batch, gedaan = historie._batch, []

    def stopt_bij_de_derde(*args, **kwargs):
        if len(gedaan) == 2:
            raise Afgebroken("de stroom viel uit")
        gedaan.append(1)
        return echte_batch(*args, **kwargs)

    monkeypatch.setattr(historie, "_batch", stopt_bij_de_derde)
    with pytest.raises(Afgebroken):
        build_demo(inwoners=600, seed=6, peildatum=PEIL, vandaag=VANDAAG)
    assert len(_historie()) == 2 * 20  # two batches were committed, the rest not
    monkeypatch.setattr(historie, "_batch", echte_batch)
    build_demo(inwoners=600, seed=6, peildatum=PEIL, vandaag=VANDAAG, hervat=True)
    assert _vingerafdruk() == heel
