"""Explicit need-to-know is granted and ended by the privacy app's services only."""

from __future__ import annotations

import datetime as dt

import pytest

from eenplan.privacy.access import inwoners_in_scope
from eenplan.privacy.models import DossierToegang
from eenplan.privacy.services import dossiertoegang_end, dossiertoegang_grant

pytestmark = pytest.mark.django_db
VAN = dt.date(2026, 3, 2)
OP = dt.date(2026, 5, 20)


def test_ending_stops_only_that_grant_and_keeps_the_record(generalist, inwoner_zuid):
    melding = dossiertoegang_grant(
        medewerker=generalist, inwoner=inwoner_zuid, reden="Toegewezen melding 7", van=VAN
    )
    plan = dossiertoegang_grant(
        medewerker=generalist, inwoner=inwoner_zuid, reden="Regisseur plan 3", van=VAN
    )
    dossiertoegang_end(toegang=melding, op=OP)
    melding.refresh_from_db()
    plan.refresh_from_db()
    assert (melding.van, melding.tot) == (VAN, OP)  # the record of who had access when stays
    assert plan.tot is None
    # Ending later again does not extend it; ending before the start keeps the period valid.
    dossiertoegang_end(toegang=melding, op=OP + dt.timedelta(days=3))
    melding.refresh_from_db()
    assert melding.tot == OP
    dossiertoegang_end(toegang=plan, op=VAN - dt.timedelta(days=1))
    plan.refresh_from_db()
    assert plan.tot == VAN
    assert DossierToegang.objects.count() == 2


def test_access_ends_the_day_after(generalist, inwoner_zuid):
    toegang = dossiertoegang_grant(
        medewerker=generalist, inwoner=inwoner_zuid, reden="Toegewezen melding 7", van=VAN
    )
    dossiertoegang_end(toegang=toegang, op=OP)
    assert inwoner_zuid in inwoners_in_scope(generalist.user, vandaag=OP)
    assert inwoner_zuid not in inwoners_in_scope(generalist.user, vandaag=OP + dt.timedelta(days=1))
