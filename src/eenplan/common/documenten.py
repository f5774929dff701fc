"""Plain-text documents (the beschikking letter, the onderzoek verslag) rendered from templates.

A letter is text, not HTML: its template switches autoescaping off so that a resident called
`O'Brien & Zn` is written as such, not as `O&#x27;Brien &amp; Zn`. What comes out is therefore
*never* safe HTML. `render_text` returns a plain `str` (Django's `render_to_string` returns a
`SafeString`, which a page would insert unescaped): every HTML page escapes it like any other
value, and `common.pdf` escapes it for the PDF's paragraph markup, so the PDF shows the text
literally. Stored letters come back from the database as plain `str` anyway; this makes the
preview, rendered in the same request, behave the same.
"""

from __future__ import annotations

from typing import Any

from django.template.loader import render_to_string


def render_text(template_name: str, context: dict[str, Any]) -> str:
    """Render a plain-text template to an unmarked `str` (to be escaped wherever it is shown)."""
    return str.__str__(render_to_string(template_name, context))
