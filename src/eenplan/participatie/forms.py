"""Forms of the work and income pages. The form checks the shape of the input; the meaning (the
zoektermijn, the household, the voorschot, the route) is checked by the services."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.utils import timezone

from eenplan.participatie.constants import (
    Grootte,
    InstrumentSoort,
    MaatregelSoort,
    Methode,
    TrajectResultaat,
    VoorschotUitsluiting,
)
from eenplan.web.forms import KEUZE_FOUT, datum_veld


def _tekst(label: str, *, rows: int = 3, required: bool = False, **kwargs: object) -> forms.Field:
    return forms.CharField(
        label=label,
        required=required,
        widget=forms.Textarea(attrs={"rows": rows}),
        **kwargs,  # type: ignore[arg-type]
    )


class AanvraagForm(forms.Form):
    bsn = forms.CharField(label="BSN van de aanvrager", max_length=11)
    gemeld_op = datum_veld(
        "Gemeld op",
        help_text="De dag van de melding voor bijstand: hier begint de zoektermijn van "
        "vier weken voor wie jonger is dan 27 (Participatiewet art. 41 lid 4).",
    )
    ontvangen_op = datum_veld("Aanvraag ontvangen op", initial=timezone.localdate)
    afzien_zoektermijn = forms.BooleanField(
        label="Het college ziet af van de zoektermijn (kan vanaf 1 januari 2026)",
        required=False,
    )
    afzien_reden = _tekst("Waarom ziet het college af van de zoektermijn?", rows=2)


class VoorschotForm(forms.Form):
    verleend_op = datum_veld("Verleend op", initial=timezone.localdate)
    bedrag = forms.DecimalField(
        label="Bedrag in euro",
        max_digits=8,
        decimal_places=2,
        min_value=Decimal("0.01"),
        error_messages={
            "required": "Vul het bedrag in.",
            "invalid": "Vul een bedrag in, bijvoorbeeld 1200,00.",
            "min_value": "Een voorschot is meer dan € 0.",
        },
        localize=True,
    )


class UitsluitingForm(forms.Form):
    grond = forms.ChoiceField(
        label="Grond om geen voorschot te geven",
        choices=VoorschotUitsluiting.choices,
        required=False,
        error_messages={"invalid_choice": KEUZE_FOUT},
    )
    toelichting = _tekst("Toelichting", rows=2)


class BeslisForm(forms.Form):
    besluit = forms.ChoiceField(
        label="Besluit",
        choices=[("toekennen", "Bijstand toekennen"), ("afwijzen", "Afwijzen")],
        widget=forms.RadioSelect,
        error_messages={"required": "Kies toekennen of afwijzen.", "invalid_choice": KEUZE_FOUT},
    )
    besloten_op = datum_veld("Besloten op", initial=timezone.localdate)
    ingangsdatum = datum_veld("Ingangsdatum van de bijstand", required=False)
    motivering = _tekst(
        "Motivering", rows=4, required=True, error_messages={"required": "Motiveer het besluit."}
    )


class VerdiencapaciteitForm(forms.Form):
    vastgesteld_op = datum_veld("Vastgesteld op", initial=timezone.localdate)
    percentage = forms.DecimalField(
        label="Verdiencapaciteit in % van het wettelijk minimumloon",
        max_digits=5,
        decimal_places=1,
        min_value=Decimal(0),
        max_value=Decimal(300),
        localize=True,
        error_messages={
            "required": "Vul het percentage in.",
            "invalid": "Vul een getal in, bijvoorbeeld 65.",
            "min_value": "Vul een percentage tussen 0 en 300 in.",
            "max_value": "Vul een percentage tussen 0 en 300 in.",
        },
    )
    methode = forms.ChoiceField(
        label="Methode",
        choices=[("", "Kies…"), *Methode.choices],
        error_messages={"required": "Kies de methode.", "invalid_choice": KEUZE_FOUT},
    )
    toelichting = _tekst("Toelichting", rows=2)


class TrajectStartForm(forms.Form):
    begonnen_op = datum_veld("Begonnen op", initial=timezone.localdate)


class StapForm(forms.Form):
    op = datum_veld("Afgerond op", initial=timezone.localdate)
    uitkomst = _tekst(
        "Uitkomst van deze stap",
        rows=3,
        required=True,
        error_messages={"required": "Beschrijf de uitkomst van deze stap."},
    )
    resultaat = forms.ChoiceField(
        label="Resultaat van het traject (alleen bij afsluiten)",
        choices=[("", "Nog niet: door naar de volgende stap"), *TrajectResultaat.choices],
        required=False,
        error_messages={"invalid_choice": KEUZE_FOUT},
    )


class InstrumentForm(forms.Form):
    soort = forms.ChoiceField(
        label="Instrument",
        choices=[("", "Kies…"), *InstrumentSoort.choices],
        error_messages={"required": "Kies het instrument.", "invalid_choice": KEUZE_FOUT},
    )
    begin = datum_veld("Begin", initial=timezone.localdate)
    einde = datum_veld("Einde", required=False)
    uitvoerder = forms.CharField(label="Uitvoerder (bedrijf, jobcoach, school)", required=False)
    werkgever = forms.TypedChoiceField(
        label="Werkgever (bij een plaatsing)", required=False, coerce=int, empty_value=None
    )
    loonwaarde = forms.DecimalField(
        label="Loonwaarde in % (bij loonkostensubsidie)",
        required=False,
        max_digits=5,
        decimal_places=1,
        localize=True,
        error_messages={"invalid": "Vul een getal in, bijvoorbeeld 65."},
    )

    def __init__(self, *args: object, werkgevers: list[tuple[int, str]] = (), **kwargs: object):
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["werkgever"].choices = [("", "Geen"), *werkgevers]  # type: ignore[attr-defined]


class TegenprestatieForm(forms.Form):
    omschrijving = _tekst(
        "Wat doet de inwoner precies?",
        rows=2,
        required=True,
        error_messages={"required": "Omschrijf de werkzaamheden precies."},
    )
    uren_per_week = forms.DecimalField(
        label="Uren per week",
        max_digits=4,
        decimal_places=1,
        localize=True,
        error_messages={"required": "Vul het aantal uren in.", "invalid": "Vul een getal in."},
    )
    begin = datum_veld("Begin", initial=timezone.localdate)
    einde = datum_veld("Einde", required=False)
    naar_vermogen = _tekst("Waarom past dit bij wat de inwoner kan (naar vermogen)?", rows=2)
    onbetaald = forms.BooleanField(label="Het werk is onbetaald", required=False)
    additioneel = forms.BooleanField(
        label="Het werk komt bovenop regulier werk en verdringt het niet", required=False
    )
    maatschappelijk_nuttig = forms.BooleanField(
        label="Het werk is maatschappelijk nuttig", required=False
    )
    gericht_op_arbeidsinschakeling = forms.BooleanField(
        label="Het doel is werk vinden (dan is het geen tegenprestatie)", required=False
    )
    belemmert_arbeidsinschakeling = forms.BooleanField(
        label="Het belemmert het vinden van werk", required=False
    )


class MaatregelForm(forms.Form):
    soort = forms.ChoiceField(
        label="Maatregel",
        choices=MaatregelSoort.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Kies waarschuwing of verlaging.",
            "invalid_choice": KEUZE_FOUT,
        },
    )
    categorie = forms.ChoiceField(
        label="Categorie uit de verordening", error_messages={"invalid_choice": KEUZE_FOUT}
    )
    gedraging = _tekst(
        "Wat liet de inwoner na, en wanneer?",
        rows=2,
        required=True,
        error_messages={"required": "Beschrijf wat de inwoner naliet."},
    )
    besloten_op = datum_veld("Besloten op", initial=timezone.localdate)
    ingangsdatum = datum_veld("Ingangsdatum van de verlaging", required=False)
    impact_toelichting = _tekst("Gevolgen voor het huishouden (huur, kinderen)", rows=2)

    def __init__(self, *args: object, categorieen: list[tuple[str, str]] = (), **kwargs: object):
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["categorie"].choices = list(categorieen)  # type: ignore[attr-defined]


class WerkgeverForm(forms.Form):
    naam = forms.CharField(label="Naam", max_length=200)
    grootte = forms.ChoiceField(
        label="Grootte",
        choices=[("", "Kies…"), *Grootte.choices],
        error_messages={"required": "Kies de grootte."},
    )
    kvk_nummer = forms.CharField(label="KvK-nummer", max_length=8, required=False)
    plaats = forms.CharField(label="Plaats", max_length=100, required=False)


class WerkdoelForm(forms.Form):
    """Link a plan goal (werk en opleiding, financiën) to a trajectory or instrument. The
    choices are the resident's own; the service checks the life domain and the consent."""

    doel = forms.TypedChoiceField(
        label="Doel in het plan",
        coerce=int,
        error_messages={"required": "Kies het doel.", "invalid_choice": KEUZE_FOUT},
    )
    werk = forms.ChoiceField(
        label="Traject of instrument",
        error_messages={
            "required": "Kies het traject of instrument.",
            "invalid_choice": KEUZE_FOUT,
        },
    )

    def __init__(
        self,
        *args: object,
        doelen: list[tuple[int, str]] = (),  # type: ignore[assignment]
        werk: list[tuple[str, str]] = (),  # type: ignore[assignment]
        **kwargs: object,
    ) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["doel"].choices = [("", "Kies…"), *doelen]  # type: ignore[attr-defined]
        self.fields["werk"].choices = [("", "Kies…"), *werk]  # type: ignore[attr-defined]
