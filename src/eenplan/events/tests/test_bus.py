"""Domain events: history written with the change, subscribers in or after the transaction."""

import pytest
from django.db import transaction

from eenplan.events import bus
from eenplan.events.models import AppendOnlyError, Gebeurtenis
from eenplan.events.selectors import record_geschiedenis, tijdlijn

pytestmark = pytest.mark.django_db


@pytest.fixture
def recorder():
    calls: list[tuple[str, str]] = []
    soort = "proef.gebeurd"

    @bus.subscribe(soort, fase=bus.IN_TRANSACTIE)
    def direct(event):
        calls.append(("direct", event.soort))

    @bus.subscribe(soort, fase=bus.NA_COMMIT)
    def later(event):
        calls.append(("later", event.soort))

    yield soort, calls
    bus._subscribers.pop((soort, bus.IN_TRANSACTIE), None)
    bus._subscribers.pop((soort, bus.NA_COMMIT), None)


def test_history_row_and_both_kinds_of_subscriber(
    recorder, inwoner_noord, generalist, django_capture_on_commit_callbacks
):
    soort, calls = recorder
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        bus.publish(
            soort,
            record=inwoner_noord,
            omschrijving="Proef",
            user=generalist.user,
            inwoner=inwoner_noord,
            gegevens={"a": 1},
        )
        assert calls == [("direct", soort)]  # the after-commit one waits
    assert calls == [("direct", soort), ("later", soort)]
    row = Gebeurtenis.objects.get()
    assert (row.door_naam, row.record_soort, row.gegevens) == (
        "generalist",
        "inwoners.inwoner",
        {"a": 1},
    )
    assert list(tijdlijn(inwoner_id=inwoner_noord.pk)) == [row]
    assert list(record_geschiedenis("inwoners.inwoner", inwoner_noord.pk)) == [row]


def test_a_rolled_back_change_leaves_no_event_and_no_side_effect(
    recorder, inwoner_noord, django_capture_on_commit_callbacks
):
    soort, calls = recorder
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        bus.publish(soort, record=inwoner_noord, omschrijving="Proef")
        raise RuntimeError("de wijziging mislukt")
    assert not Gebeurtenis.objects.exists()
    assert ("later", soort) not in calls


def test_history_is_append_only(inwoner_noord):
    row = bus.publish("proef.gebeurd", record=inwoner_noord, omschrijving="Proef")
    with pytest.raises(AppendOnlyError):
        row.save()
    with pytest.raises(AppendOnlyError):
        Gebeurtenis.objects.all().delete()
    with pytest.raises(AppendOnlyError):
        Gebeurtenis.objects.update(omschrijving="anders")


def test_event_names_have_a_subject_and_a_verb(inwoner_noord):
    with pytest.raises(ValueError, match="onderwerp"):
        bus.publish("gebeurd", record=inwoner_noord, omschrijving="Proef")


@pytest.fixture
def ontvangen():
    gezien: list[tuple[str, int, str, int | None]] = []
    soort = "proef.veel"

    @bus.subscribe(soort, fase=bus.IN_TRANSACTIE)
    def direct(event):
        gezien.append(
            (
                "direct",
                event.gebeurtenis.pk,
                event.gebeurtenis.omschrijving,
                event.gebeurtenis.inwoner_id,
            )
        )

    @bus.subscribe(soort, fase=bus.NA_COMMIT)
    def later(event):
        gezien.append(
            (
                "later",
                event.gebeurtenis.pk,
                event.gebeurtenis.omschrijving,
                event.gebeurtenis.inwoner_id,
            )
        )

    yield soort, gezien
    bus._subscribers.pop((soort, bus.IN_TRANSACTIE), None)
    bus._subscribers.pop((soort, bus.NA_COMMIT), None)


def test_publish_many_writes_every_event_and_every_subscriber_sees_each_in_order(
    ontvangen, inwoner_noord, django_capture_on_commit_callbacks
):
    soort, gezien = ontvangen
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        rijen = bus.publish_many(
            [
                bus.Publicatie(
                    soort,
                    record=inwoner_noord,
                    omschrijving=f"Proef {i}",
                    inwoner_id=inwoner_noord.pk if i % 2 else None,
                )
                for i in range(5)
            ]
        )
        assert [g[0] for g in gezien] == ["direct"] * 5  # the after-commit ones wait
    assert [r.pk for r in rijen] == sorted(r.pk for r in rijen) and all(r.pk for r in rijen)
    verwacht = [(r.pk, r.omschrijving, r.inwoner_id) for r in rijen]
    assert [g[1:] for g in gezien if g[0] == "direct"] == verwacht
    assert [g[1:] for g in gezien if g[0] == "later"] == verwacht
    assert [r.inwoner_id for r in rijen] == [None, inwoner_noord.pk] * 2 + [None]
    # In the history like any event: the resident's timeline has the two about them.
    assert Gebeurtenis.objects.filter(soort=soort, inwoner=inwoner_noord).count() == 2


def test_publish_many_refuses_a_malformed_kind_and_writes_nothing(inwoner_noord):
    with pytest.raises(ValueError):
        bus.publish_many(
            [
                bus.Publicatie("proef.goed", record=inwoner_noord, omschrijving="a"),
                bus.Publicatie("fout", record=inwoner_noord, omschrijving="b"),
            ]
        )
    assert not Gebeurtenis.objects.filter(soort="proef.goed").exists()


def test_publish_by_ids_writes_the_same_history_and_reaches_subscribers(
    recorder, inwoner_noord, generalist, django_capture_on_commit_callbacks
):
    """`publish_ids` (participatie and schuldhulp publish through it): the resident and the
    household by id, extra keywords as the event's data."""
    soort, calls = recorder
    from eenplan.testing.factories import HuishoudenFactory

    huishouden = HuishoudenFactory(gemeente=inwoner_noord.gemeente, leden=[inwoner_noord])
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        g = bus.publish_ids(
            soort,
            record=inwoner_noord,
            omschrijving="Proef per id",
            user=generalist.user,
            inwoner_id=inwoner_noord.pk,
            huishouden_id=huishouden.pk,
            route="werkspoor",
        )
    assert calls == [("direct", soort), ("later", soort)]
    g = Gebeurtenis.objects.get(pk=g.pk)
    assert (g.inwoner_id, g.huishouden_id, g.gegevens) == (
        inwoner_noord.pk,
        huishouden.pk,
        {"route": "werkspoor"},
    )
    assert g.door_naam == generalist.user.get_username()
    with pytest.raises(ValueError, match="onderwerp"):
        bus.publish_ids("zonderpunt", record=inwoner_noord, omschrijving="x", inwoner_id=None)
