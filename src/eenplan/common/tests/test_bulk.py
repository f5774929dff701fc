"""`common.bulk` writes rows without the ORM's per-value compiler (the message batches, the
history): what it stores must read back exactly as the ORM would have stored it."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import FieldError
from django.test.utils import register_lookup
from django.utils import timezone

from eenplan.berichten.constants import BerichtStatus, Kanaal, Richting
from eenplan.berichten.models import Bericht
from eenplan.common import bulk
from eenplan.common.lookups import InLijst
from eenplan.inwoners.models import Inwoner

pytestmark = pytest.mark.django_db


def _bericht(i: int, moment: dt.datetime) -> Bericht:
    return Bericht(
        richting=Richting.IN,
        kanaal=Kanaal.MAP,
        soort="WMO305",
        code="305",
        identificatie=f"ID{i}",
        dagtekening=dt.date(2026, 3, i + 1),
        inhoud=b"<?xml version='1.0'?>\r\n<a>\xc3\xa9</a>",
        sha256=f"{i:064d}",
        status=BerichtStatus.ONTVANGEN,
        retourcodes=["9019", "0233"] if i else [],
        melding="Eén 'quote' en een %s",
        moment=moment,
    )


def test_inserted_rows_read_back_as_the_orm_stores_them_with_their_keys_in_order():
    amsterdam = dt.datetime(2026, 3, 28, 14, 30, tzinfo=ZoneInfo("Europe/Amsterdam"))
    nu = timezone.now()
    rijen = [_bericht(i, amsterdam + dt.timedelta(hours=i)) for i in range(3)]
    orm = _bericht(9, amsterdam)
    orm.save()
    bulk.voeg_in(Bericht, rijen, nu=nu, ids=True)
    assert [r.pk for r in rijen] == sorted(r.pk for r in rijen) and rijen[0].pk > orm.pk
    for i, r in enumerate(rijen):
        opgeslagen = Bericht.objects.get(pk=r.pk)
        assert opgeslagen.identificatie == f"ID{i}"
        assert opgeslagen.dagtekening == dt.date(2026, 3, i + 1)
        assert opgeslagen.moment == amsterdam + dt.timedelta(hours=i)
        assert bytes(opgeslagen.inhoud) == bytes(Bericht.objects.get(pk=orm.pk).inhoud)
        assert opgeslagen.retourcodes == r.retourcodes
        assert opgeslagen.melding == "Eén 'quote' en een %s"
        assert opgeslagen.status == BerichtStatus.ONTVANGEN
        assert opgeslagen.created_at == opgeslagen.updated_at == nu
        assert not r._state.adding  # saved: a later save() updates, not inserts


def test_updated_rows_get_each_their_own_values():
    rijen = [_bericht(i, timezone.now()) for i in range(3)]
    bulk.voeg_in(Bericht, rijen, ids=True)
    later = timezone.now() + dt.timedelta(days=1)
    for i, r in enumerate(rijen):
        r.status = BerichtStatus.AFGEKEURD if i == 1 else BerichtStatus.VERWERKT
        r.retourcodes = [f"90{i}0"]
        r.verwerkt_op = later if i else None
        r.declaratieperiode = dt.date(2026, i + 1, 1)
    bulk.werk_bij(Bericht, rijen[1:], ["status", "retourcodes", "verwerkt_op", "declaratieperiode"])
    eerste, tweede, derde = (Bericht.objects.get(pk=r.pk) for r in rijen)
    assert (eerste.status, eerste.retourcodes, eerste.declaratieperiode) == ("ontvangen", [], None)
    assert (tweede.status, tweede.retourcodes, tweede.verwerkt_op) == ("afgekeurd", ["9010"], later)
    assert (derde.status, derde.declaratieperiode) == ("verwerkt", dt.date(2026, 3, 1))


def test_the_written_out_conversions_give_the_values_of_each_fields_own_converter():
    """`_Tabel.waarden` (one generated function per table) and calling each field's
    `_omzetter` give the same parameters, for plain values and for values a field converts
    (a str subclass in a text field, a bool and a Decimal in a number field, None)."""
    from decimal import Decimal

    from django.db.models import TextChoices

    class Status(TextChoices):
        VERWERKT = "verwerkt"

    t = bulk._Tabel(Bericht)
    for rij in (
        _bericht(1, timezone.now()),
        _bericht(2, dt.datetime(2026, 3, 28, 14, 30, tzinfo=ZoneInfo("Europe/Amsterdam"))),
    ):
        rij.status = Status.VERWERKT  # a str subclass: through the field's converter
        rij.aanbieder_id = Decimal(7)  # not a plain int: through the field's converter
        rij.dagtekening = None
        verwacht = [zet(getattr(rij, a)) for a, zet in zip(t.attnames, t.omzetters, strict=True)]
        assert [_waarde(w) for w in t.waarden(rij)] == [_waarde(w) for w in verwacht]


def _waarde(w: object) -> object:
    """What a parameter holds: on PostgreSQL bytes and JSON come wrapped in psycopg's Binary
    and Jsonb, which compare by identity, so two wrappers are compared by kind and content."""
    if type(w).__module__.startswith("psycopg") and hasattr(w, "obj"):
        return (type(w).__name__, w.obj)
    return w


def test_in_lijst_finds_the_same_rows_as_in():
    rijen = [_bericht(i, timezone.now()) for i in range(4)]
    bulk.voeg_in(Bericht, rijen, ids=True)
    ids = [rijen[0].pk, rijen[2].pk, rijen[2].pk, None, 10**9]
    # registered here for the test only: message processing reads Bericht by other columns
    with register_lookup(Bericht._meta.get_field("id"), InLijst):
        gevonden = set(Bericht.objects.filter(id__in_lijst=ids))
        assert gevonden == set(Bericht.objects.filter(id__in=ids))
        assert not Bericht.objects.filter(id__in_lijst=[]).exists()
    namen = {"ID1", "ID3", "ONBEKEND"}
    assert set(Bericht.objects.filter(identificatie__in_lijst=namen)) == {rijen[1], rijen[3]}
    with pytest.raises(TypeError):
        list(Bericht.objects.filter(identificatie__in_lijst=[dt.date(2026, 3, 1)]))


def test_in_lijst_is_only_on_the_columns_that_use_it():
    """Registered per field (`common.lookups.in_lijst_op`, from `berichten.apps`), not on every
    field of every model: elsewhere it is an unknown lookup and `in` is the one to use."""
    assert not Bericht.objects.filter(sha256__in_lijst=["0" * 64]).exists()
    assert not Inwoner.objects.filter(bsn__in_lijst=["123456782"]).exists()
    with pytest.raises(FieldError, match="in_lijst"):
        Inwoner.objects.filter(achternaam__in_lijst=["Jansen"]).exists()
    with pytest.raises(FieldError, match="in_lijst"):
        Bericht.objects.filter(dagtekening__in_lijst=["2026-03-01"]).exists()


def test_paren_in_finds_the_rows_of_the_pairs_asked_and_no_other_combination():
    from django.db.models import Q

    from eenplan.common.lookups import ParenIn

    rijen = [_bericht(i, timezone.now()) for i in range(4)]
    for r, afzender in zip(rijen, ["A", "A", "B", "B"], strict=True):
        r.afzender = afzender
    bulk.voeg_in(Bericht, rijen, ids=True)
    # ID0/A and ID3/B exist; ID3/A and ID0/B are combinations of the same values that do not.
    paren = [("A", "ID0"), ("B", "ID3"), ("A", "ID3"), ("B", "ID0"), ("B", "ID3"), ("A", None)]
    gevonden = Bericht.objects.filter(ParenIn(("afzender", "identificatie"), paren))
    assert set(gevonden) == {rijen[0], rijen[3]}
    een_voor_een = Q(afzender="A", identificatie="ID0") | Q(afzender="B", identificatie="ID3")
    assert set(gevonden) == set(Bericht.objects.filter(een_voor_een))
    # Many pairs in one query (a balanced OR on SQLite: no expression too deep).
    veel = [("A", f"X{i}") for i in range(3000)] + [("B", "ID2")]
    assert set(Bericht.objects.filter(ParenIn(("afzender", "identificatie"), veel))) == {rijen[2]}
    # Three columns; none asked matches nothing; other kinds of values are refused.
    drie = ParenIn(("afzender", "code", "identificatie"), [("A", "305", "ID1")])
    assert list(Bericht.objects.filter(drie)) == [rijen[1]]
    assert not Bericht.objects.filter(ParenIn(("afzender", "identificatie"), [])).exists()
    with pytest.raises(TypeError):
        ParenIn(("dagtekening", "identificatie"), [(dt.date(2026, 3, 1), "ID0")])
    with pytest.raises(ValueError):
        ParenIn(("afzender", "identificatie"), [("A",)])


def test_nieuwe_rij_makes_the_instance_the_constructor_makes():
    from eenplan.testing.factories import AanbiederFactory, GemeenteFactory

    aanbieder, gemeente = AanbiederFactory(), GemeenteFactory()
    antwoord_op = _bericht(5, timezone.now())
    antwoord_op.save()
    for waarden in (
        {"richting": Richting.IN, "kanaal": Kanaal.MAP, "aanbieder": None, "inhoud": b"x"},
        {
            "richting": Richting.UIT,
            "gemeente": gemeente,
            "aanbieder": aanbieder,
            "antwoord_op": antwoord_op,
            "beschikking_id": None,
            "retourcodes": ["9019"],
            "moment": timezone.now(),
        },
    ):
        snel, gewoon = bulk.nieuwe_rij(Bericht, **waarden), Bericht(**waarden)
        velden = {f.attname for f in Bericht._meta.concrete_fields}
        assert {a: getattr(snel, a) for a in velden} == {a: getattr(gewoon, a) for a in velden}
        # The plain row of `bulk.rij`: the same columns and values, and written the same.
        kaal = bulk.rij(Bericht, **waarden)
        assert kaal.__dict__ == {a: getattr(gewoon, a) for a in velden}
        assert kaal.retourcodes is not bulk.rij(Bericht).retourcodes
        if "moment" not in waarden:
            continue  # a received message without its moment is not stored
        bulk.voeg_in(Bericht, [kaal, gewoon], ids=True)
        assert kaal.pk == kaal.id < gewoon.pk  # the key set on its attname
        terug = Bericht.objects.in_bulk([kaal.id, gewoon.pk])
        assert {a: getattr(terug[kaal.id], a) for a in velden - {"id"}} == {
            a: getattr(terug[gewoon.pk], a) for a in velden - {"id"}
        }
        assert snel._state.fields_cache == gewoon._state.fields_cache
        assert snel._state.adding and snel.pk is None
        assert snel.retourcodes is not Bericht().retourcodes  # a default of its own
    with pytest.raises(TypeError):
        bulk.nieuwe_rij(Bericht, bestaat_niet=1)
    with pytest.raises(TypeError):
        bulk.rij(Bericht, bestaat_niet=1)
    with pytest.raises(ValueError):
        bulk.nieuwe_rij(Bericht, aanbieder=gemeente)
