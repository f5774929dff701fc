"""Form helpers shared by the staff pages: Dutch date fields and messages."""

from __future__ import annotations

from typing import Any

from django import forms

DATUM_FOUTEN = {
    "required": "Vul een datum in.",
    "invalid": "Vul een bestaande datum in, bijvoorbeeld 24-03-2026.",
}
KEUZE_FOUT = "Kies een van de mogelijkheden."


class DatumInput(forms.DateInput):
    """A native date picker (the browser shows it in the user's locale; it posts jjjj-mm-dd)."""

    input_type = "date"

    def __init__(self) -> None:
        super().__init__(format="%Y-%m-%d")


def datum_veld(label: str, **kwargs: Any) -> forms.DateField:
    return forms.DateField(
        label=label,
        widget=DatumInput(),
        input_formats=["%Y-%m-%d", "%d-%m-%Y"],
        error_messages=DATUM_FOUTEN,
        **kwargs,
    )
