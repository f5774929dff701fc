"""Domain events: services publish what happened; other apps react through subscribers.

`publish` writes the event to the append-only history (`Gebeurtenis`) in the caller's
transaction, then hands it to the subscribers:

- `subscribe(soort, fase=IN_TRANSACTIE)`: runs at once, inside the publisher's transaction —
  for consequences that must hold together with the change (a signed plan makes its
  aanvragen: both happen or neither).
- `subscribe(soort, fase=NA_COMMIT)`: runs after the transaction committed (`on_commit`) —
  for side effects that must not happen when the change is rolled back (a message to a
  provider, a notification).

Apps never write each other's tables: the app that owns the table subscribes to the event.
Subscribers are registered in each app's `subscribers.py`, imported from its `AppConfig.ready`.
An event names its kind as '<aggregate>.<what happened>' (e.g. 'melding.gesloten').
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from django.db import models, transaction

from eenplan.common import bulk
from eenplan.events.models import Gebeurtenis


class Fase(Enum):
    IN_TRANSACTIE = "in_transactie"
    NA_COMMIT = "na_commit"


IN_TRANSACTIE = Fase.IN_TRANSACTIE
NA_COMMIT = Fase.NA_COMMIT


@dataclass(frozen=True)
class Event:
    """What subscribers receive: the history row and the live record it is about."""

    soort: str
    gebeurtenis: Gebeurtenis
    record: models.Model
    gegevens: dict[str, Any] = field(default_factory=dict)
    user: Any = None


Subscriber = Callable[[Event], None]
_subscribers: dict[tuple[str, Fase], list[Subscriber]] = defaultdict(list)


def subscribe(soort: str, *, fase: Fase = NA_COMMIT) -> Callable[[Subscriber], Subscriber]:
    """Register a subscriber for one kind of event (a decorator)."""

    def decorator(func: Subscriber) -> Subscriber:
        if func not in _subscribers[(soort, fase)]:
            _subscribers[(soort, fase)].append(func)
        return func

    return decorator


def subscribers(soort: str, fase: Fase) -> list[Subscriber]:
    return list(_subscribers[(soort, fase)])


def publish(
    soort: str,
    *,
    record: models.Model,
    omschrijving: str,
    user: Any = None,
    inwoner: Any = None,
    huishouden: Any = None,
    gegevens: dict[str, Any] | None = None,
) -> Gebeurtenis:
    """Write the event to the history and dispatch it. Call it inside the service's
    transaction, after the change is written."""
    if "." not in soort:
        raise ValueError("Een gebeurtenis heet '<onderwerp>.<wat er gebeurde>'.")
    echte_user = user if getattr(user, "is_authenticated", False) else None
    gebeurtenis = Gebeurtenis.objects.create(
        soort=soort,
        omschrijving=omschrijving[:300],
        user=echte_user,
        door_naam=echte_user.get_username() if echte_user else "",
        inwoner=inwoner,
        huishouden=huishouden,
        record_soort=record._meta.label_lower,
        record_id=record.pk,
        gegevens=gegevens or {},
    )
    _dispatch(soort, gebeurtenis, record, gegevens or {}, user)
    return gebeurtenis


def publish_ids(
    soort: str,
    *,
    record: models.Model,
    omschrijving: str,
    user: Any = None,
    inwoner_id: int | None,
    huishouden_id: int | None = None,
    **gegevens: Any,
) -> Gebeurtenis:
    """`publish` naming the resident and the household by id (a service that holds only the
    ids need not load or fake a record for them); keyword arguments beyond these are the
    event's `gegevens`. One function for the apps that publish this way (participatie,
    schuldhulp)."""
    if "." not in soort:
        raise ValueError("Een gebeurtenis heet '<onderwerp>.<wat er gebeurde>'.")
    echte_user = user if getattr(user, "is_authenticated", False) else None
    gebeurtenis = Gebeurtenis.objects.create(
        soort=soort,
        omschrijving=omschrijving[:300],
        user=echte_user,
        door_naam=echte_user.get_username() if echte_user else "",
        inwoner_id=inwoner_id,
        huishouden_id=huishouden_id,
        record_soort=record._meta.label_lower,
        record_id=record.pk,
        gegevens=gegevens,
    )
    _dispatch(soort, gebeurtenis, record, gegevens, user)
    return gebeurtenis


def _dispatch(
    soort: str, gebeurtenis: Gebeurtenis, record: models.Model, gegevens: dict[str, Any], user: Any
) -> None:
    event = Event(soort=soort, gebeurtenis=gebeurtenis, record=record, gegevens=gegevens, user=user)
    for subscriber in subscribers(soort, IN_TRANSACTIE):
        subscriber(event)
    for subscriber in subscribers(soort, NA_COMMIT):
        transaction.on_commit(lambda s=subscriber: s(event), robust=False)


@dataclass(frozen=True)
class Publicatie:
    """One event for `publish_many`: the same arguments as `publish` (the resident also by id
    alone, `inwoner_id`, to spare making a record for it). `moment`: when it happened, if not
    now (the demo replaying a year of history)."""

    soort: str
    record: models.Model
    omschrijving: str
    user: Any = None
    inwoner: Any = None
    huishouden: Any = None
    gegevens: dict[str, Any] | None = None
    inwoner_id: int | None = None
    moment: dt.datetime | None = None


class _Rij:
    """A history row to write, without a model instance (nobody reads it back)."""

    __slots__ = (
        "moment",
        "soort",
        "omschrijving",
        "user_id",
        "door_naam",
        "inwoner_id",
        "huishouden_id",
        "record_soort",
        "record_id",
        "gegevens",
        "pk",
    )


def publish_many(publicaties: Iterable[Publicatie], *, terug: bool = True) -> list[Gebeurtenis]:
    """`publish` for many events at once (a batch of processed messages): every event is
    written to the history — in one prepared INSERT for all instead of one each — and every
    subscriber still receives every event, in the order given. The only difference with
    calling `publish` in a loop: the IN_TRANSACTIE subscribers run after all rows of the call
    are written, not between them. Call it inside the service's transaction, after the changes
    are written; nothing is published if any kind is malformed.

    Returns the history rows in the order given. With `terug=False` the caller does not want
    them: when no subscriber listens to any kind of the call, no model instance is made and
    nothing is read back (the empty list is returned)."""
    lijst = list(publicaties)
    for p in lijst:
        if "." not in p.soort:
            raise ValueError("Een gebeurtenis heet '<onderwerp>.<wat er gebeurde>'.")
    nodig = terug or any(
        _subscribers.get((soort, fase)) for soort in {p.soort for p in lijst} for fase in Fase
    )
    rijen: list[Any] = []
    labels: dict[type, str] = {}
    for p in lijst:
        echte_user = p.user if getattr(p.user, "is_authenticated", False) else None
        rij: Any = Gebeurtenis() if nodig else _Rij()
        rij.moment = p.moment
        rij.soort = p.soort
        rij.omschrijving = p.omschrijving[:300]
        rij.user_id = echte_user.pk if echte_user else None
        rij.door_naam = echte_user.get_username() if echte_user else ""
        rij.inwoner_id = p.inwoner.pk if p.inwoner is not None else p.inwoner_id
        rij.huishouden_id = p.huishouden.pk if p.huishouden is not None else None
        soort = type(p.record)
        if soort not in labels:
            labels[soort] = p.record._meta.label_lower
        rij.record_soort, rij.record_id = labels[soort], p.record.pk
        rij.gegevens = p.gegevens or {}
        rijen.append(rij)
    bulk.voeg_in(Gebeurtenis, rijen, ids=nodig)
    if not nodig:
        return []
    for p, gebeurtenis in zip(lijst, rijen, strict=True):
        event = Event(
            soort=p.soort,
            gebeurtenis=gebeurtenis,
            record=p.record,
            gegevens=p.gegevens or {},
            user=p.user,
        )
        for subscriber in subscribers(p.soort, IN_TRANSACTIE):
            subscriber(event)
        for subscriber in subscribers(p.soort, NA_COMMIT):
            transaction.on_commit(lambda s=subscriber, e=event: s(e), robust=False)
    return rijen
