"""One lookup of each record functioneel beheer opens by id — a staff member, a team, a wijk, a
role-change request, a voorziening of the catalogue, a set of synonyms — for the pages and the
API alike: the record within the municipality the login works for now, else a logged refusal
and a 404 (`privacy.access.get_or_refuse`, ADR 0046) — the same answer whether the id belongs
to another municipality or to none; the id is never looked up across municipalities (issue
16). The declared national holidays have no municipality (ADR 0022): not looked up here."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from eenplan.beheer import selectors
from eenplan.gemeente.models import Medewerker, RolWijzigingVerzoek, Team, Wijk
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource
from eenplan.voorzieningen import selectors as voorzieningen_selectors
from eenplan.voorzieningen.models import Synoniem, Voorziening

MEDEWERKER_NIET_GEVONDEN = "Deze medewerker werkt niet bij uw gemeente."
TEAM_NIET_GEVONDEN = "Dit team hoort niet bij uw gemeente."
WIJK_NIET_GEVONDEN = "Deze wijk hoort niet bij uw gemeente."
VERZOEK_NIET_GEVONDEN = "Dit verzoek hoort niet bij uw gemeente."
VOORZIENING_NIET_GEVONDEN = "Deze voorziening hoort niet bij de catalogus van uw gemeente."
SYNONIEM_NIET_GEVONDEN = "Deze synoniemen horen niet bij uw gemeente."


@dataclass(frozen=True)
class _Soort:
    """One kind of record: its resource in the access matrix, its name in the refusal's
    reason ("Wijk 12: niet binnen uw gemeente of bestaat niet."), the Dutch 404 and the
    lookup of an id within one municipality (None: not there)."""

    resource: Resource
    wat: str
    niet_gevonden: str
    zoek: Callable[[int | None, int], Any]


def _vind(soort: _Soort, user: Any, pk: int, action: Action, via: access.Via) -> Any:
    return access.get_or_refuse(
        user,
        soort.resource,
        action,
        via=via,
        pk=pk,
        zoek=lambda gemeente_id: soort.zoek(gemeente_id, pk),
        wat=soort.wat,
        niet_gevonden=soort.niet_gevonden,
    )


_MEDEWERKER = _Soort(
    Resource.ACCOUNT,
    "Medewerker",
    MEDEWERKER_NIET_GEVONDEN,
    lambda g, pk: selectors.medewerker_get(gemeente=g, pk=pk),
)
_TEAM = _Soort(
    Resource.INRICHTING,
    "Team",
    TEAM_NIET_GEVONDEN,
    lambda g, pk: selectors.team_get(gemeente=g, pk=pk),
)
_WIJK = _Soort(
    Resource.INRICHTING,
    "Wijk",
    WIJK_NIET_GEVONDEN,
    lambda g, pk: selectors.wijk_get(gemeente=g, pk=pk),
)
_VERZOEK = _Soort(
    Resource.ACCOUNT,
    "Verzoek",
    VERZOEK_NIET_GEVONDEN,
    lambda g, pk: selectors.verzoek_get(gemeente=g, pk=pk),
)
_VOORZIENING = _Soort(
    Resource.CATALOGUS,
    "Voorziening",
    VOORZIENING_NIET_GEVONDEN,
    lambda g, pk: voorzieningen_selectors.catalogus_beheer(gemeente=g).filter(pk=pk).first(),
)
_SYNONIEM = _Soort(
    Resource.CATALOGUS,
    "Synoniemen",
    SYNONIEM_NIET_GEVONDEN,
    lambda g, pk: voorzieningen_selectors.synoniemen_list(gemeente=g).filter(pk=pk).first(),
)


def medewerker(user: Any, pk: int, action: Action, *, via: access.Via) -> Medewerker:
    return _vind(_MEDEWERKER, user, pk, action, via)


def team(user: Any, pk: int, action: Action, *, via: access.Via) -> Team:
    return _vind(_TEAM, user, pk, action, via)


def wijk(user: Any, pk: int, *, via: access.Via) -> Wijk:
    """A wijk to change (the only thing beheer does with one by id)."""
    return _vind(_WIJK, user, pk, Action.WIJZIGEN, via)


def verzoek(user: Any, pk: int, *, via: access.Via) -> RolWijzigingVerzoek:
    """A role-change request to approve or reject (four eyes)."""
    return _vind(_VERZOEK, user, pk, Action.BEHANDELEN, via)


def voorziening(user: Any, pk: int, action: Action, *, via: access.Via) -> Voorziening:
    return _vind(_VOORZIENING, user, pk, action, via)


def synoniem(user: Any, pk: int, *, via: access.Via) -> Synoniem:
    """A set of synonyms to change or remove."""
    return _vind(_SYNONIEM, user, pk, Action.WIJZIGEN, via)
