"""Forms of the AVG pages: a new request, extending it, deciding it; the portal's request."""

from __future__ import annotations

from django import forms

from eenplan.avg.constants import (
    ARTIKEL,
    PORTAAL_KEUZES,
    RECTIFICEERBAAR,
    VerzoekSoort,
    Weigeringsgrond,
)
from eenplan.web.forms import KEUZE_FOUT, datum_veld

KEUZE = {"invalid_choice": KEUZE_FOUT, "required": KEUZE_FOUT}

# The kinds with their article as secondary text, for staff (the words first).
SOORT_KEUZES = [(code, f"{label} ({ARTIKEL[code]})") for code, label in VerzoekSoort.choices]


class VerzoekForm(forms.Form):
    bsn = forms.CharField(label="BSN van de inwoner", max_length=11)
    soort = forms.ChoiceField(
        label="Soort verzoek",
        choices=SOORT_KEUZES,
        error_messages=KEUZE,
    )
    ontvangen_op = datum_veld("Ontvangen op")
    omschrijving = forms.CharField(
        label="Wat vraagt de inwoner?", required=False, widget=forms.Textarea, max_length=2000
    )
    veld = forms.ChoiceField(
        label="Welk gegeven moet beter (alleen bij gegevens verbeteren)",
        choices=[("", "—"), *RECTIFICEERBAAR.items()],
        required=False,
        error_messages=KEUZE,
    )
    nieuwe_waarde = forms.CharField(
        label="Wat het gegeven moet zijn (alleen bij gegevens verbeteren)",
        required=False,
        max_length=300,
    )


class VerlengForm(forms.Form):
    reden = forms.CharField(
        label="Reden van de verlenging (de inwoner krijgt haar binnen een maand)",
        widget=forms.Textarea,
        max_length=2000,
    )


class AfhandelForm(forms.Form):
    besluit = forms.ChoiceField(
        label="Besluit",
        choices=[("toekennen", "Toekennen"), ("afwijzen", "Afwijzen")],
        error_messages=KEUZE,
    )
    uitkomst = forms.CharField(
        label="Antwoord aan de inwoner", widget=forms.Textarea, max_length=4000
    )
    weigeringsgrond = forms.ChoiceField(
        label="Grond van de afwijzing (alleen bij een verzoek om vernietiging)",
        choices=[("", "—"), *Weigeringsgrond.choices],
        required=False,
        error_messages=KEUZE,
    )


class AfwijsForm(forms.Form):
    reden = forms.CharField(label="Reden van de afwijzing", max_length=300)


class PortaalVerzoekForm(forms.Form):
    soort = forms.ChoiceField(
        label="Wat wilt u?",
        choices=PORTAAL_KEUZES,
        error_messages=KEUZE,
    )
    omschrijving = forms.CharField(
        label="Uitleg (niet verplicht)", required=False, widget=forms.Textarea, max_length=2000
    )
