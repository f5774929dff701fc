"""Which eenplan models refer to which, through every foreign key (also those declared with
`related_name="+"`, which Django's reverse accessors and `_meta.related_objects` leave out):
the map the inzage (who is this person's data) and the destruction (what goes with a record)
walk."""

from __future__ import annotations

from functools import cache

from django.apps import apps
from django.db import models

# Apps whose tables hold no one's record (the login's own security settings).
BUITEN = {"beveiliging"}


@cache
def verwijzers() -> dict[type[models.Model], tuple[tuple[type[models.Model], str], ...]]:
    """Per model: the (model, foreign key attname) pairs of eenplan models that point to it."""
    kaart: dict[type[models.Model], list[tuple[type[models.Model], str]]] = {}
    for model in apps.get_models():
        if not model.__module__.startswith("eenplan.") or model._meta.app_label in BUITEN:
            continue
        for veld in model._meta.concrete_fields:
            if isinstance(veld, models.ForeignKey):
                kaart.setdefault(veld.related_model, []).append((model, veld.attname))
    return {doel: tuple(lijst) for doel, lijst in kaart.items()}


@cache
def verwijzers_met_koppelingen() -> dict[
    type[models.Model], tuple[tuple[type[models.Model], str], ...]
]:
    """`verwijzers` with the link tables of many-to-many fields (a message naming several
    residents): a destruction removes those links too; the inzage shows the fields instead."""
    kaart: dict[type[models.Model], list[tuple[type[models.Model], str]]] = {
        doel: list(lijst) for doel, lijst in verwijzers().items()
    }
    for model in apps.get_models(include_auto_created=True):
        if not model._meta.auto_created or not model.__module__.startswith("eenplan."):
            continue
        if model._meta.app_label in BUITEN:
            continue
        for veld in model._meta.concrete_fields:
            if isinstance(veld, models.ForeignKey):
                kaart.setdefault(veld.related_model, []).append((model, veld.attname))
    return {doel: tuple(lijst) for doel, lijst in kaart.items()}
