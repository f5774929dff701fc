"""Small display helpers of the beleid pages: a number the Dutch way, a series as text."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import template

register = template.Library()


@register.filter
def getal(waarde: Any) -> str:
    """12.50 -> '12,5'; None -> '—'."""
    if waarde is None:
        return "—"
    tekst = f"{Decimal(waarde).quantize(Decimal('0.1')):f}"
    if tekst.endswith(".0"):
        tekst = tekst[:-2]
    return tekst.replace(".", ",")


@register.filter
def reeks_tekst(punten: Any) -> str:
    """The series as text: '2024: 62 · 2025: 66,3 · 2026: niet getoond'."""
    delen = []
    for p in punten:
        if p.onderdrukt:
            delen.append(f"{p.periode}: niet getoond (te klein)")
        else:
            delen.append(f"{p.periode}: {getal(p.waarde)}")
    return " · ".join(delen) or "nog geen metingen"
