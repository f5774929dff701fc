"""`common.aggregaten.rijen_json`: the rows of a child table read as JSON next to their parent's
row (one query for a page's parts) must be the rows the ORM would have given — every value of
the same type and precision, the related rows joined, in the order asked — on SQLite and on
PostgreSQL alike."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.db.models import BinaryField, OuterRef

from eenplan.beschikkingen.models import Beschikking, BeschikteVoorziening
from eenplan.common.aggregaten import Rijen, als_prefetch, rijen_json, rijen_uit_json
from eenplan.events.models import Gebeurtenis
from eenplan.testing.factories import BeschikkingFactory, BeschikteVoorzieningFactory

pytestmark = pytest.mark.django_db


def _waarden(obj: Any) -> dict[str, str]:
    """Every column as its repr: a Decimal('2.5') is not a Decimal('2.50')."""
    if obj is None:
        return {}
    return {
        f.attname: repr(getattr(obj, f.attname))
        for f in obj._meta.concrete_fields
        if not isinstance(f, BinaryField)
    }


def test_rows_read_as_json_are_the_rows_the_orm_reads(django_assert_num_queries):
    beschikking = BeschikkingFactory(verzonden=True)
    BeschikteVoorzieningFactory(
        beschikking=beschikking,
        leveringsvorm="pgb",
        aanbieder=None,
        omvang=Decimal("2.25"),
        pgb_budget=Decimal("1234.50"),
        einde=None,
        pgb_toets={"voorwaarden": [True, False], "bedrag": 12.5, "naam": "plan"},
    )
    rijen = Rijen(
        BeschikteVoorziening,
        samen=("voorziening", "aanbieder", "beschikking", "beschikking__inwoner"),
        volgorde=("einde", "-id"),
    )
    with django_assert_num_queries(1):
        rij = (
            Beschikking.objects.filter(pk=beschikking.pk)
            .annotate(
                regels=rijen_json(
                    BeschikteVoorziening.objects.filter(beschikking_id=OuterRef("pk")), rijen
                )
            )
            .get()
        )
    orm = list(
        BeschikteVoorziening.objects.filter(beschikking=beschikking)
        .select_related("voorziening", "aanbieder", "beschikking__inwoner")
        .order_by("einde", "-id")
    )
    with django_assert_num_queries(0):
        gelezen = rijen_uit_json(rij.regels, rijen)
        assert len(gelezen) == 2
        assert [_waarden(r) for r in gelezen] == [_waarden(r) for r in orm]
        for pad in ("voorziening", "aanbieder", "beschikking"):
            assert [_waarden(getattr(r, pad)) for r in gelezen] == [
                _waarden(getattr(r, pad)) for r in orm
            ]
        assert [_waarden(r.beschikking.inwoner) for r in gelezen] == [
            _waarden(r.beschikking.inwoner) for r in orm
        ]
        assert [r.aanbieder for r in gelezen if r.aanbieder_id is None] == [None]  # no row
        als_prefetch(beschikking, "voorzieningen", gelezen)
        assert list(beschikking.voorzieningen.all()) == gelezen
        assert all(r.beschikking is beschikking for r in gelezen)


def test_datetimes_stay_aware_and_without_rows_the_list_is_empty():
    beschikking = BeschikkingFactory()
    rijen = Rijen(Gebeurtenis, samen=("user",), volgorde=("-moment", "-id"))
    stappen = Gebeurtenis.objects.filter(inwoner_id=OuterRef("inwoner_id"))
    rij = (
        Beschikking.objects.filter(pk=beschikking.pk)
        .annotate(
            stappen=rijen_json(stappen, rijen),
            geen=rijen_json(Gebeurtenis.objects.filter(inwoner_id=-1), rijen),
        )
        .get()
    )
    gelezen = rijen_uit_json(rij.stappen, rijen)
    orm = list(
        Gebeurtenis.objects.filter(inwoner_id=beschikking.inwoner_id)
        .select_related("user")
        .order_by("-moment", "-id")
    )
    assert gelezen and [_waarden(g) for g in gelezen] == [_waarden(g) for g in orm]
    assert all(g.moment.tzinfo is not None for g in gelezen)
    assert all(g.moment.utcoffset() == dt.timedelta(0) for g in gelezen)
    assert rijen_uit_json(rij.geen, rijen) == []


def test_a_logins_password_hash_never_travels_in_a_row(django_assert_num_queries):
    """The rows of a login (a regisseur's, a version's author, a candidate for regisseur) come
    with every column the pages use, and without the password hash: it is not in the SQL, and
    it stays deferred on the instance (read only if something asked for it, which nothing
    does)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    beschikking = BeschikkingFactory()
    rijen = Rijen(Gebeurtenis, samen=("user",), volgorde=("-moment", "-id"))
    stappen = Gebeurtenis.objects.filter(inwoner_id=OuterRef("inwoner_id"))
    with CaptureQueriesContext(connection) as queries:
        rij = (
            Beschikking.objects.filter(pk=beschikking.pk)
            .annotate(stappen=rijen_json(stappen, rijen))
            .get()
        )
    assert "password" not in queries.captured_queries[0]["sql"]
    with django_assert_num_queries(0):
        gelezen = [g for g in rijen_uit_json(rij.stappen, rijen) if g.user_id is not None]
        assert gelezen, "the scenario's steps name who took them"
        for stap in gelezen:
            assert stap.user.username and stap.user.get_full_name() is not None
            assert "password" in stap.user.get_deferred_fields()
