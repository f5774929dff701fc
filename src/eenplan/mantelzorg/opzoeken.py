"""One lookup per record of this app for the pages and the API alike: the record within the
municipality the login works for now, else a logged refusal and a 404
(`privacy.access.get_or_refuse`, ADR 0046). Role and need-to-know on the record found stay with
the caller's `require`."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser

from eenplan.gemeente.models import Gemeente
from eenplan.mantelzorg import selectors
from eenplan.mantelzorg.models import Klus, Mantelzorger, Vrijwilliger
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource


def mantelzorger(
    user: AbstractBaseUser, pk: int, action: Action, *, via: access.Via
) -> Mantelzorger:
    return access.get_or_refuse(
        user,
        Resource.MANTELZORG,
        action,
        via=via,
        pk=pk,
        zoek=lambda gemeente_id: selectors.mantelzorger_get(pk, gemeente_id=gemeente_id),
        wat="Mantelzorger",
        niet_gevonden="Deze mantelzorger bestaat niet.",
    )


def klus(user: AbstractBaseUser, pk: int, action: Action, *, via: access.Via) -> Klus:
    return access.get_or_refuse(
        user,
        Resource.KLUS,
        action,
        via=via,
        pk=pk,
        zoek=lambda gemeente_id: selectors.klus_get(pk, gemeente_id=gemeente_id),
        wat="Klus",
        niet_gevonden="Deze klus bestaat niet.",
    )


def vrijwilliger(
    user: AbstractBaseUser, pk: int, action: Action, *, via: access.Via, gemeente: Gemeente
) -> Vrijwilliger:
    return access.get_or_refuse(
        user,
        Resource.VRIJWILLIGER,
        action,
        via=via,
        pk=pk,
        zoek=lambda _gemeente_id: selectors.vrijwilliger_get(gemeente=gemeente, pk=pk),
        wat="Vrijwilliger",
        niet_gevonden="Deze vrijwilliger bestaat niet.",
    )
