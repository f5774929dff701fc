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

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from django.db import models, transaction

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
    event = Event(
        soort=soort, gebeurtenis=gebeurtenis, record=record, gegevens=gegevens or {}, user=user
    )
    for subscriber in subscribers(soort, IN_TRANSACTIE):
        subscriber(event)
    for subscriber in subscribers(soort, NA_COMMIT):
        transaction.on_commit(lambda s=subscriber: s(event), robust=False)
    return gebeurtenis


@dataclass(frozen=True)
class Publicatie:
    """One event for `publish_many`: the same arguments as `publish` (the resident also by id
    alone, `inwoner_id`, to spare making a record for it)."""

    soort: str
    record: models.Model
    omschrijving: str
    user: Any = None
    inwoner: Any = None
    huishouden: Any = None
    gegevens: dict[str, Any] | None = None
    inwoner_id: int | None = None


def publish_many(publicaties: Iterable[Publicatie]) -> list[Gebeurtenis]:
    """`publish` for many events at once (a batch of processed messages): every event is
    written to the history — in one INSERT per few hundred rows instead of one each — and every
    subscriber still receives every event, in the order given. The only difference with
    calling `publish` in a loop: the IN_TRANSACTIE subscribers run after all rows of the call
    are written, not between them. Call it inside the service's transaction, after the changes
    are written; nothing is published if any kind is malformed."""
    lijst = list(publicaties)
    for p in lijst:
        if "." not in p.soort:
            raise ValueError("Een gebeurtenis heet '<onderwerp>.<wat er gebeurde>'.")
    rijen = []
    for p in lijst:
        echte_user = p.user if getattr(p.user, "is_authenticated", False) else None
        rijen.append(
            Gebeurtenis(
                soort=p.soort,
                omschrijving=p.omschrijving[:300],
                user=echte_user,
                door_naam=echte_user.get_username() if echte_user else "",
                inwoner_id=p.inwoner.pk if p.inwoner is not None else p.inwoner_id,
                huishouden=p.huishouden,
                record_soort=p.record._meta.label_lower,
                record_id=p.record.pk,
                gegevens=p.gegevens or {},
            )
        )
    Gebeurtenis.objects.bulk_create(rijen)
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
