"""`{% versie_veld obj %}`: the hidden field with the version a form shows (see
common.concurrency.VersieMiddleware)."""

from __future__ import annotations

from django import template
from django.db import models
from django.utils.html import format_html
from django.utils.safestring import SafeString

from eenplan.common.concurrency import VERSIE_VELD, versie_waarde

register = template.Library()


@register.simple_tag
def versie_veld(obj: models.Model) -> SafeString:
    return format_html(
        '<input type="hidden" name="{}" value="{}">', VERSIE_VELD, versie_waarde(obj)
    )
