"""Forms of the policy officer's pages. Parsing only; the services validate and decide."""

from __future__ import annotations

from django import forms

from eenplan.beleid.constants import ActiviteitStatus, Richting
from eenplan.web.forms import datum_veld

GETAL = forms.CharField(required=False, max_length=20)


class KoppelingForm(forms.Form):
    richting = forms.ChoiceField(label="Welke kant is beter?", choices=Richting.choices)
    basiswaarde = forms.CharField(label="Nulmeting (waarde)", required=False, max_length=20)
    basisjaar = forms.IntegerField(
        label="Jaar van de nulmeting", required=False, min_value=1990, max_value=2100
    )
    op_koers_marge = forms.CharField(
        label="Op koers tot en met (% achterstand)",
        required=False,
        max_length=20,
        help_text="Leeg: de marge van het plan.",
    )
    aandacht_marge = forms.CharField(
        label="Aandacht tot en met (% achterstand)",
        required=False,
        max_length=20,
        help_text="Leeg: de marge van het plan. Meer achterstand is 'uit koers'.",
    )

    def __init__(self, *args: object, jaren: list[int], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.jaren = jaren
        for jaar in jaren:
            self.fields[f"streef_{jaar}"] = forms.CharField(
                label=f"Streefwaarde {jaar}", required=False, max_length=20
            )

    def streefwaarden(self) -> dict[int, str]:
        return {j: self.cleaned_data.get(f"streef_{j}", "") for j in self.jaren}


class ActiviteitForm(forms.Form):
    status = forms.ChoiceField(label="Status", choices=ActiviteitStatus.choices)
    toelichting = forms.CharField(
        label="Toelichting",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class MargesForm(forms.Form):
    op_koers_marge = forms.CharField(label="Op koers tot en met (% achterstand)", max_length=20)
    aandacht_marge = forms.CharField(label="Aandacht tot en met (% achterstand)", max_length=20)


class UitvragingForm(forms.Form):
    jaar = forms.IntegerField(label="Jaar", min_value=2015, max_value=2100)
    peildatum = datum_veld(label="Peildatum (wie heeft dan een voorziening?)")
    sluit_op = datum_veld(label="Antwoorden kan tot en met")
    steekproefgrootte = forms.IntegerField(
        label="Aantal uit te nodigen inwoners",
        min_value=1,
        max_value=100_000,
        help_text="Meer dan de populatie: iedereen wordt uitgenodigd.",
    )
