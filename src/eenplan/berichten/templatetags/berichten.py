"""Template filters of the message pages: return codes explained, amounts in euro."""

from __future__ import annotations

from typing import Any

from django import template

from eenplan.berichten.overzichten import inwoners_in_lijst, inwoners_niet_in_lijst
from eenplan.istandaarden import codelijsten
from eenplan.istandaarden.codelijsten import Uitleg

register = template.Library()


@register.filter
def uitgelegd(codes: list[str] | None) -> list[Uitleg]:
    """["9321"] -> the explanation of each code."""
    return [codelijsten.retourcode(c) for c in codes or []]


@register.filter
def listify(value: Any) -> list[Any]:
    return [value]


@register.filter
def euro(centen: int | None) -> str:
    """12345678 -> "€ 123.456,78" (Dutch notation)."""
    if centen is None:
        return "–"
    teken = "-" if centen < 0 else ""
    euros, cent = divmod(abs(int(centen)), 100)
    return f"{teken}€ {euros:,}".replace(",", ".") + f",{cent:02d}"


@register.filter
def in_lijst(bericht: Any) -> list[Any]:
    """The residents a list row names (`overzichten.INWONERS_IN_LIJST` at most)."""
    return inwoners_in_lijst(bericht)


@register.filter
def niet_in_lijst(bericht: Any) -> int:
    """How many more residents the message concerns than its list row names."""
    return inwoners_niet_in_lijst(bericht)
