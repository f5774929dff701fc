"""Reads of the gemeente app."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import QuerySet

from eenplan.gemeente.models import GelijkgesteldeFeestdag, Gemeente, Medewerker, Team, Wijk
from eenplan.rules.termijnen import GelijkgesteldeDag


def medewerker_for_user(user: AbstractBaseUser | AnonymousUser) -> Medewerker | None:
    """The medewerker record of a login, or None (superusers without one, anonymous users)."""
    if not user.is_authenticated:
        return None
    try:
        return user.medewerker  # type: ignore[union-attr]
    except Medewerker.DoesNotExist:
        return None


def wijken_list(*, gemeente: Gemeente) -> QuerySet[Wijk]:
    return Wijk.objects.filter(gemeente=gemeente).order_by("naam")


def wijk_ids_for_medewerker(medewerker: Medewerker) -> list[int]:
    """The wijken served by any of the medewerker's teams."""
    return list(
        Wijk.objects.filter(teams__medewerkers=medewerker).values_list("id", flat=True).distinct()
    )


def teams_list(*, gemeente: Gemeente) -> QuerySet[Team]:
    return Team.objects.filter(gemeente=gemeente).prefetch_related("wijken").order_by("naam")


def gelijkgestelde_dagen() -> tuple[GelijkgesteldeDag, ...]:
    """Holidays declared by decree that the municipality entered (added to the built-in ones)."""
    return tuple(
        GelijkgesteldeDag(datum=d.datum, bron=d.bron, omschrijving=d.omschrijving)
        for d in GelijkgesteldeFeestdag.objects.all()
    )
