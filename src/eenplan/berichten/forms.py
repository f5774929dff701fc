"""The filters of the message log and the budget: the same parameter names as the staff API
(`overzichten.LOG_PARAMETERS`), turned into the selectors' question."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms

from eenplan.aanbieders.models import Aanbieder
from eenplan.berichten import overzichten
from eenplan.berichten.constants import BerichtStatus, Richting
from eenplan.istandaarden import codelijsten
from eenplan.web.forms import KEUZE_FOUT, datum_veld

ALLE = [("", "Alle")]


def _codes() -> list[tuple[str, str]]:
    return [
        (code, f"{code} – {uitleg.betekenis}"[:90]) for code, uitleg in codelijsten.UITLEG.items()
    ]


class LogFilterForm(forms.Form):
    aanbieder = forms.ModelChoiceField(
        label="Aanbieder",
        required=False,
        queryset=Aanbieder.objects.order_by("naam", "id"),
        empty_label="Alle",
        error_messages={"invalid_choice": KEUZE_FOUT},
    )
    dag = datum_veld("Dag", required=False)
    soort = forms.ChoiceField(
        label="Bericht",
        required=False,
        choices=ALLE + [(s, s) for s in overzichten.SOORTEN],
        error_messages={"invalid_choice": KEUZE_FOUT},
    )
    richting = forms.ChoiceField(
        label="Richting",
        required=False,
        choices=ALLE + list(Richting.choices),
        error_messages={"invalid_choice": KEUZE_FOUT},
    )
    status = forms.ChoiceField(
        label="Status",
        required=False,
        choices=ALLE + list(BerichtStatus.choices),
        error_messages={"invalid_choice": KEUZE_FOUT},
    )
    retourcode = forms.ChoiceField(
        label="Retourcode",
        required=False,
        choices=ALLE + _codes(),
        error_messages={"invalid_choice": KEUZE_FOUT},
    )
    afgekeurd = forms.ChoiceField(
        label="Afgekeurd",
        required=False,
        choices=ALLE + [("ja", "Alleen afgekeurd"), ("nee", "Niet afgekeurd")],
        error_messages={"invalid_choice": KEUZE_FOUT},
    )
    inwoner = forms.IntegerField(
        required=False,
        min_value=1,
        widget=forms.HiddenInput,
        error_messages={"invalid": "Het nummer van de inwoner is geen getal."},
    )

    def aanbieders_tonen(self, aanbieders: list[tuple[int, str]]) -> None:
        """Offer these providers (id, name; as the page read them beside its rows) instead of
        reading the field's queryset again; a chosen one is still checked against it."""
        veld = self.fields["aanbieder"]
        veld.choices = [("", veld.empty_label), *aanbieders]  # type: ignore[attr-defined]

    def vraag(self) -> overzichten.LogVraag:
        d: dict[str, Any] = self.cleaned_data
        afgekeurd = {"ja": True, "nee": False}.get(d.get("afgekeurd") or "")
        return overzichten.LogVraag(
            inwoner=d.get("inwoner"),
            aanbieder=d["aanbieder"].pk if d.get("aanbieder") else None,
            dag=d.get("dag"),
            soort=d.get("soort") or "",
            richting=d.get("richting") or "",
            status=d.get("status") or "",
            retourcode=d.get("retourcode") or "",
            afgekeurd=afgekeurd,
        )


def jaren(vandaag: dt.date) -> list[int]:
    return list(range(vandaag.year + 1, vandaag.year - 6, -1))


class BudgetFilterForm(forms.Form):
    jaar = forms.TypedChoiceField(
        label="Jaar",
        required=False,
        coerce=int,
        choices=[],
        error_messages={"invalid_choice": "Kies een jaar uit de lijst."},
    )
    aanbieder = forms.ModelChoiceField(
        label="Aanbieder",
        required=False,
        queryset=Aanbieder.objects.order_by("naam", "id"),
        empty_label="Alle",
        error_messages={"invalid_choice": KEUZE_FOUT},
    )
    productcategorie = forms.ChoiceField(
        label="Productcategorie",
        required=False,
        choices=[],
        error_messages={"invalid_choice": KEUZE_FOUT},
    )

    def __init__(self, *args: Any, vandaag: dt.date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["jaar"].choices = [(j, str(j)) for j in jaren(vandaag)]  # type: ignore[attr-defined]
        self.fields["jaar"].initial = vandaag.year
        categorieen = {
            **codelijsten.productcategorieen("wmo").waarden,
            **codelijsten.productcategorieen("jw").waarden,
        }
        self.fields["productcategorie"].choices = ALLE + [  # type: ignore[attr-defined]
            (c, f"{c} {o}") for c, o in sorted(categorieen.items())
        ]
