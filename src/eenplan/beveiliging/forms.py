from __future__ import annotations

from django import forms


class CodeForm(forms.Form):
    code = forms.RegexField(
        label="Code uit de app",
        regex=r"^\s*\d{6}\s*$",
        error_messages={
            "required": "Vul de code van 6 cijfers in.",
            "invalid": "Vul de code van 6 cijfers in.",
        },
    )

    def clean_code(self) -> str:
        return self.cleaned_data["code"].strip()


class ApiSleutelForm(forms.Form):
    naam = forms.CharField(
        label="Waarvoor is de sleutel?",
        max_length=100,
        error_messages={"required": "Geef de sleutel een naam, bijvoorbeeld de koppeling."},
    )
