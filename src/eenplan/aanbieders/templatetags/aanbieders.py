from django import template

from eenplan.aanbieders.selectors import eenheid_omschrijving

register = template.Library()


@register.filter
def eenheid(code: str) -> str:
    """The WJ756 unit of a tariff in words: '04' → 'uur'."""
    return eenheid_omschrijving(code or "")
