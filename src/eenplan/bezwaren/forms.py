"""Forms of the bezwaar and klacht pages. Bad input is refused with a Dutch message at its field;
the meaning (on time, the Awb terms, the right resident) is checked by the services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone

from eenplan.beschikkingen.models import Beschikking
from eenplan.bezwaren.constants import BezwaarUitkomst
from eenplan.web.forms import KEUZE_FOUT, datum_veld


def _tekst(label: str, *, rows: int = 3, **kwargs: Any) -> forms.CharField:
    return forms.CharField(
        label=label, required=False, widget=forms.Textarea(attrs={"rows": rows}), **kwargs
    )


class VerdaagForm(forms.Form):
    """Extending the bezwaar term happens once and cannot be undone (Awb 7:10 lid 3)."""

    bevestigd = forms.BooleanField(
        label="Ik verdaag de beslistermijn en laat de indiener dit schriftelijk weten.",
        error_messages={
            "required": "Vink aan dat u wilt verdagen: dat kan maar één keer en niet worden "
            "teruggedraaid."
        },
    )


class BezwaarForm(forms.Form):
    ingediend_door = forms.CharField(label="Ingediend door", max_length=200)
    ontvangen_op = datum_veld("Ontvangen op", initial=timezone.localdate)
    ter_post_bezorgd_op = datum_veld(
        "Op de post gedaan op",
        required=False,
        help_text="Postmerk, als het bezwaar per post kwam (Awb 6:9 lid 2).",
    )
    gronden = _tekst("Gronden van het bezwaar", rows=4)
    adviescommissie = forms.BooleanField(
        label="Een adviescommissie hoort het bezwaar (beslistermijn 12 weken)", required=False
    )
    verschoonbaar_reden = _tekst(
        "Waarom is te laat indienen verschoonbaar?",
        rows=2,
        help_text="Alleen bij een te laat bezwaar, bijvoorbeeld ziekenhuisopname (Awb 6:11).",
    )


class BezwaarBeslisForm(forms.Form):
    uitkomst = forms.ChoiceField(
        label="Uitkomst",
        choices=[c for c in BezwaarUitkomst.choices if c[0] != BezwaarUitkomst.LOPEND],
        widget=forms.RadioSelect,
        error_messages={
            "required": "Kies de uitkomst van het bezwaar.",
            "invalid_choice": KEUZE_FOUT,
        },
    )
    besloten_op = datum_veld("Besloten op", initial=timezone.localdate)
    nieuwe_beschikking = forms.ChoiceField(
        label="Nieuwe beschikking",
        required=False,
        help_text="Bij een (deels) gegrond bezwaar: het nieuwe besluit.",
        error_messages={"invalid_choice": "Kies een beschikking van deze inwoner."},
    )
    motivering = forms.CharField(
        label="Motivering",
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="Waarom het bezwaar (niet) slaagt. Dit komt in de brief aan de indiener.",
    )

    def __init__(self, *args: Any, beschikkingen: list[Beschikking], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.beschikkingen = {str(b.pk): b for b in beschikkingen}
        self.fields["nieuwe_beschikking"].choices = [("", "Geen")] + [
            (str(b.pk), f"Beschikking {b.pk} van {b.besloten_op:%d-%m-%Y}") for b in beschikkingen
        ]

    def gekozen_beschikking(self) -> Beschikking | None:
        return self.beschikkingen.get(self.cleaned_data.get("nieuwe_beschikking") or "")


class KlachtForm(forms.Form):
    ingediend_door = forms.CharField(label="Ingediend door", max_length=200)
    bsn = forms.CharField(
        label="BSN van de inwoner",
        required=False,
        max_length=20,
        help_text="Als de klacht over een inwoner gaat; anders leeg laten.",
    )
    ontvangen_op = datum_veld("Ontvangen op", initial=timezone.localdate)
    onderwerp = _tekst("Waarover gaat de klacht?", rows=4)
    commissie = forms.BooleanField(
        label="Een klachtadviescommissie behandelt de klacht (10 weken)", required=False
    )
