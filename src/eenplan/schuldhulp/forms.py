"""Forms of the debt-help pages. The form checks the shape of the input; the meaning (the Wgs
terms, the triage against a threat, the order of the route, the toelating) is checked by the
services."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.utils import timezone

from eenplan.schuldhulp.constants import (
    ContactWijze,
    Dreiging,
    Fase,
    SchuldeiserSoort,
    Toelating,
    Triage,
)
from eenplan.web.forms import KEUZE_FOUT, datum_veld


def _keuze(label: str, choices: list[tuple[str, str]], **kwargs: object) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=choices,
        error_messages={"required": KEUZE_FOUT, "invalid_choice": KEUZE_FOUT},
        **kwargs,  # type: ignore[arg-type]
    )


def _tekst(label: str, *, required: bool = False, rows: int = 3) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=required,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={"required": "Vul dit veld in.", "max_length": "Dit past in 5000 tekens."},
    )


DREIGINGEN = [("", "Geen dreiging"), *[c for c in Dreiging.choices if c[0]]]


class SignaalForm(forms.Form):
    bsn = forms.CharField(label="BSN van de inwoner", max_length=11)
    schuldeiser_soort = _keuze("Soort schuldeiser", SchuldeiserSoort.choices)
    schuldeiser = forms.CharField(label="Naam van de schuldeiser", max_length=200)
    bedrag = forms.DecimalField(
        label="Achterstand in euro",
        max_digits=9,
        decimal_places=2,
        min_value=Decimal("0.01"),
        localize=True,
        error_messages={
            "required": "Vul de achterstand in.",
            "invalid": "Vul een bedrag in, bijvoorbeeld 850,00.",
            "min_value": "Een achterstand is meer dan € 0.",
            "max_digits": "Vul een bedrag onder € 10.000.000 in.",
            "max_decimal_places": "Gebruik ten hoogste twee cijfers achter de komma.",
            "max_whole_digits": "Vul een bedrag onder € 10.000.000 in.",
        },
    )
    ontvangen_op = datum_veld("Signaal ontvangen op", initial=timezone.localdate)
    dreiging = _keuze("Dreiging (Wgs art. 4 lid 2)", DREIGINGEN, required=False)


class ContactForm(forms.Form):
    op = datum_veld("Datum", initial=timezone.localdate)
    wijze = _keuze("Hoe", ContactWijze.choices)
    bereikt = forms.BooleanField(label="De inwoner is bereikt", required=False)
    toelichting = _tekst("Toelichting", rows=2)


class AanmeldForm(forms.Form):
    verzoek_op = datum_veld("Verzoek om hulp op", initial=timezone.localdate)
    dreiging = _keuze("Dreiging (Wgs art. 4 lid 2)", DREIGINGEN, required=False)
    signaal = forms.TypedChoiceField(
        label="Naar aanleiding van vroegsignaal",
        coerce=int,
        required=False,
        empty_value=None,
        error_messages={"invalid_choice": KEUZE_FOUT},
    )

    def __init__(self, *args: object, signalen: list[tuple[int, str]] = (), **kwargs: object):
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["signaal"].choices = [("", "Geen"), *signalen]  # type: ignore[attr-defined]


class TriageForm(forms.Form):
    uitkomst = _keuze("Uitkomst van de triage", Triage.choices)
    op = datum_veld("Datum", initial=timezone.localdate)
    toelichting = _tekst("Toelichting")


class FaseForm(forms.Form):
    fase = _keuze("Volgende fase", Fase.choices)
    op = datum_veld("Vanaf", initial=timezone.localdate)
    uitkomst = _tekst("Uitkomst van de fase die nu eindigt")


class ToelatingForm(forms.Form):
    toelating = _keuze("Beschikking", Toelating.choices)
    besloten_op = datum_veld("Besloten op", initial=timezone.localdate)
    motivering = _tekst("Motivering", required=True)
    grond = _tekst("Grond voor de weigering (verplicht bij een weigering)")
