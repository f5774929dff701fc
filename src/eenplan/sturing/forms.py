"""The form of the steering pages: which months to take snapshots of (a task)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms

MAAND_FOUT = "Geef een maand als JJJJ-MM, bijvoorbeeld 2026-03."


class MaandField(forms.CharField):
    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("error_messages", {"required": "Kies een maand."})
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> Any:
        tekst = super().to_python(value)
        if not tekst:
            return None
        try:
            if len(tekst) > 7:
                raise ValueError(tekst)
            return dt.datetime.strptime(tekst.strip(), "%Y-%m").date()
        except ValueError as e:
            raise forms.ValidationError(MAAND_FOUT) from e


class MomentopnamenForm(forms.Form):
    van = MaandField(label="Eerste maand", help_text="JJJJ-MM, bijvoorbeeld 2026-01.")
    tot = MaandField(label="Laatste maand", help_text="JJJJ-MM; een maand die voorbij is.")
    opnieuw = forms.BooleanField(
        label="Bestaande momentopnamen herberekenen",
        required=False,
        help_text="Anders blijven maanden die al een momentopname hebben zoals ze zijn.",
    )

    @classmethod
    def standaard(cls) -> MomentopnamenForm:
        """The form with the last month that ended already filled in."""
        from django.utils import timezone

        vorige = timezone.localdate().replace(day=1) - dt.timedelta(days=1)
        return cls(initial={"van": f"{vorige:%Y-%m}", "tot": f"{vorige:%Y-%m}"})
