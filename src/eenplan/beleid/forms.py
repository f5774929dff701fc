"""Forms of the policy officer's pages. Parsing only; the services validate and decide."""

from __future__ import annotations

from django import forms

from eenplan.beleid.constants import ActiviteitStatus, Aspect, Richting
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
    _FOUT = {
        "required": "Vul beide marges in.",
        "max_length": "Vul een getal in, bijvoorbeeld 12,5.",
    }
    op_koers_marge = forms.CharField(
        label="Op koers tot en met (% achterstand)", max_length=20, error_messages=_FOUT
    )
    aandacht_marge = forms.CharField(
        label="Aandacht tot en met (% achterstand)", max_length=20, error_messages=_FOUT
    )


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


# --- editing the plan's structure and the survey's questions (parsing only) -------------------

TEKST = {"rows": 3}


def _tekst(label: str, *, verplicht: bool = True, max_length: int = 2000) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=verplicht,
        max_length=max_length,
        widget=forms.Textarea(attrs=TEKST),
        error_messages={"required": f"Vul {label.lower()} in."},
    )


def _regel(label: str, *, verplicht: bool = True, max_length: int = 300) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=verplicht,
        max_length=max_length,
        error_messages={"required": f"Vul {label.lower()} in."},
    )


def _nummer(label: str = "Nummer", maximum: int = 999) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        min_value=1,
        max_value=maximum,
        error_messages={
            "required": "Vul het nummer in.",
            "invalid": "Vul een heel getal in.",
            "min_value": f"Vul een getal van 1 tot en met {maximum} in.",
            "max_value": f"Vul een getal van 1 tot en met {maximum} in.",
        },
    )


def _jaar(label: str) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        min_value=2000,
        max_value=2100,
        error_messages={
            "required": f"Vul {label.lower()} in.",
            "invalid": "Vul een jaartal in, bijvoorbeeld 2026.",
            "min_value": "Vul een jaartal van 2000 tot en met 2100 in.",
            "max_value": "Vul een jaartal van 2000 tot en met 2100 in.",
        },
    )


BRON = _regel("Bron (document en bladzijde)", verplicht=False)


class BeleidsplanForm(forms.Form):
    naam = _regel("Naam van het plan", max_length=200)
    van_jaar = _jaar("Eerste jaar")
    tot_jaar = _jaar("Laatste jaar")
    vastgesteld_op = datum_veld(label="Vastgesteld door de raad op", required=False)
    omschrijving = _tekst("Omschrijving", verplicht=False, max_length=5000)
    bron = BRON


class ThemaForm(forms.Form):
    nummer = _nummer(maximum=99)
    naam = _regel("Naam van het thema", max_length=200)
    omschrijving = _tekst("Omschrijving", verplicht=False, max_length=5000)
    bron = BRON


class DoelForm(forms.Form):
    code = _regel("Code (bijvoorbeeld D1)", max_length=10)
    tekst = _tekst("Het doel")
    bron = BRON


class SubdoelForm(forms.Form):
    nummer = _nummer()
    tekst = _tekst("Het subdoel")
    bron = BRON


class ResultaatForm(forms.Form):
    nummer = _nummer()
    tekst = _tekst("Het resultaat")
    bron = BRON


class ActiviteitBewerkForm(forms.Form):
    code = _regel("Code (bijvoorbeeld A1)", max_length=10)
    naam = _tekst("De activiteit")
    eigenaar = _regel("Wie voert het uit")
    start = datum_veld(label="Begin")
    eind = datum_veld(label="Einde")
    status = forms.ChoiceField(label="Status", choices=ActiviteitStatus.choices)
    toelichting = _tekst("Toelichting bij de status", verplicht=False)
    resultaten = forms.TypedMultipleChoiceField(
        label="Draagt bij aan resultaat",
        required=False,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
    )
    bron = BRON

    def __init__(self, *args: object, resultaten: list[tuple[int, str]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["resultaten"].choices = resultaten  # type: ignore[attr-defined]


ONDERDEEL_FORMS: dict[str, type[forms.Form]] = {
    "beleidsplan": BeleidsplanForm,
    "thema": ThemaForm,
    "doel": DoelForm,
    "subdoel": SubdoelForm,
    "resultaat": ResultaatForm,
    "activiteit": ActiviteitBewerkForm,
}


class VragenlijstForm(forms.Form):
    naam = _regel("Naam van de vragenlijst", max_length=200)
    inleiding = _tekst("Inleiding voor de inwoner", verplicht=False)


class VraagForm(forms.Form):
    nummer = _nummer()
    code = forms.SlugField(
        label="Code",
        max_length=40,
        help_text="Kleine letters, cijfers en _; blijft gelijk zodra er antwoorden zijn.",
        error_messages={
            "required": "Vul de code in.",
            "invalid": "Gebruik alleen kleine letters, cijfers en _.",
        },
    )
    tekst = _regel("De stelling", max_length=300)
    aspect = forms.ChoiceField(label="Waar gaat de vraag over", choices=Aspect.choices)
