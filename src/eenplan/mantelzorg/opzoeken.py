"""One lookup per record of this app for the pages and the API alike: the record within the
municipality the login works for now, else a logged refusal and a 404
(`privacy.access.get_or_refuse`, ADR 0046). Role and need-to-know on the record found stay with
the caller's `require`. And the carers of a resident as another app's page shows them
(`zorg_van`: the onderzoek), read through the access module."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import AbstractBaseUser

from eenplan.gemeente.models import Gemeente
from eenplan.inwoners.models import Inwoner
from eenplan.mantelzorg import selectors
from eenplan.mantelzorg.models import Belasting, Klus, Mantelzorger, Vrijwilliger, Zorgrelatie
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


@dataclass(frozen=True)
class Zorg:
    """A current carer of a resident with the burden last recorded for this care (None: none
    recorded yet)."""

    relatie: Zorgrelatie
    laatste_belasting: Belasting | None

    @property
    def mantelzorger(self) -> Mantelzorger:
        return self.relatie.mantelzorger


def zorg_van(
    user: Any, inwoner: Inwoner, *, via: access.Via, vandaag: dt.date, doel: str | None = None
) -> list[Zorg] | None:
    """The resident's current carers with their last recorded burden (Wmo 2015 art. 2.3.2 lid 4
    onder d), for a page or answer about the resident that is not the carer page itself (the
    onderzoek). None when the login's role does not read mantelzorg (nothing asked, nothing
    logged); else decided on the resident through `privacy.access` (MANTELZORG × LEZEN,
    need-to-know): refused is None and logged, allowed is logged as a read of the resident's
    carers when there are any to show. Two queries for any number of carers."""
    if not access.allows(user, Resource.MANTELZORG, Action.LEZEN):
        return None
    doel = doel or access.RULES[(Resource.MANTELZORG, Action.LEZEN)].doel
    vraag = {"via": via, "inwoner": inwoner, "doel": doel}
    if not access.decide(user, Resource.MANTELZORG, Action.LEZEN, log=False, **vraag).allowed:
        access.decide(user, Resource.MANTELZORG, Action.LEZEN, **vraag)  # the refusal, logged
        return None
    zorg = [
        Zorg(relatie, selectors.overbelast(relatie))
        for relatie in selectors.zorgrelaties_van(inwoner)
        if relatie.tot is None or relatie.tot >= vandaag
    ]
    if zorg:
        access.log_shown(
            user,
            [inwoner.pk],
            resource=Resource.MANTELZORG,
            via=via,
            doel=doel,
            gemeenten={inwoner.pk: inwoner.gemeente_id},
        )
    return zorg
