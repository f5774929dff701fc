"""Forms of the provider and contract pages: they parse input; the services decide and refuse."""

from __future__ import annotations

from typing import Any

from django import forms

from eenplan.aanbieders.constants import Financieringsvorm, Uitvoeringsvariant
from eenplan.aanbieders.models import Aanbieder, Contract
from eenplan.voorzieningen.forms import bedrag_veld, code_keuzes
from eenplan.voorzieningen.models import Voorziening
from eenplan.web.forms import KEUZE_FOUT, datum_veld


def _tekst(label: str, *, required: bool = False, max_length: int = 200, **kw: Any) -> Any:
    return forms.CharField(label=label, required=required, max_length=max_length, **kw)


class AanbiederZoekForm(forms.Form):
    """The search of the provider list: the same parameter names as the API."""

    zoek = _tekst(
        "Zoek een aanbieder", max_length=100, help_text="Naam, AGB-code of contactpersoon."
    )
    agb_ontbreekt = forms.BooleanField(label="Alleen aanbieders zonder AGB-code", required=False)


class AanbiederForm(forms.Form):
    naam = _tekst("Naam", required=False)
    agb_code = _tekst(
        "AGB-code",
        max_length=20,
        help_text="8 cijfers, bijvoorbeeld 98012345. De gemeente stuurt hiermee de berichten.",
    )
    contactpersoon = _tekst("Contactpersoon")
    telefoon = _tekst("Telefoon", max_length=30)
    email = _tekst("E-mail", max_length=254)
    adres = _tekst("Adres", max_length=300)
    actief = forms.BooleanField(
        label="Actief (kan nog worden gekozen in een beschikking)", required=False, initial=True
    )
    toelichting = forms.CharField(
        label="Toelichting", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    @staticmethod
    def initial_van(a: Aanbieder) -> dict[str, Any]:
        return {veld: getattr(a, veld) for veld in AanbiederForm.base_fields}


class ContractForm(forms.Form):
    kenmerk = _tekst("Kenmerk (contractnummer)", max_length=50)
    omschrijving = _tekst("Omschrijving", max_length=300)
    hoofdcontract = forms.ChoiceField(
        label="Raamovereenkomst",
        required=False,
        help_text="Leeg voor een raamovereenkomst; kies de raamovereenkomst voor een "
        "deelovereenkomst.",
        error_messages={"invalid_choice": KEUZE_FOUT},
    )
    begin = datum_veld("Begindatum", required=False)
    einde = datum_veld("Einddatum", required=False, help_text="Leeg: voor onbepaalde tijd.")
    uitvoeringsvariant = forms.ChoiceField(
        label="Uitvoeringsvariant",
        choices=[("", "Kies"), *Uitvoeringsvariant.choices],
        required=False,
        error_messages={"invalid_choice": KEUZE_FOUT},
    )
    financieringsvorm = forms.ChoiceField(
        label="Financieringsvorm",
        choices=[("", "Kies"), *Financieringsvorm.choices],
        required=False,
        error_messages={"invalid_choice": KEUZE_FOUT},
    )
    toelichting = forms.CharField(
        label="Toelichting", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, raamovereenkomsten: list[Contract], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.raam = {str(c.pk): c for c in raamovereenkomsten}
        self.fields["hoofdcontract"].choices = [("", "Geen: dit is een raamovereenkomst")] + [
            (str(c.pk), f"{c.kenmerk} ({c.begin:%d-%m-%Y})") for c in raamovereenkomsten
        ]

    def service_arguments(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data["hoofdcontract"] = self.raam.get(data.get("hoofdcontract") or "")
        return data

    @staticmethod
    def initial_van(c: Contract) -> dict[str, Any]:
        velden = {veld: getattr(c, veld) for veld in ContractForm.base_fields}
        velden["hoofdcontract"] = str(c.hoofdcontract_id or "")
        return velden


class ContractProductForm(forms.Form):
    voorziening = forms.ChoiceField(
        label="Voorziening (product)", error_messages={"required": "Kies een voorziening."}
    )
    tarief = bedrag_veld("Tarief per eenheid", required=True)
    eenheid = forms.ChoiceField(label="Eenheid (WJ756)", error_messages={"required": KEUZE_FOUT})
    geldig_vanaf = datum_veld("Geldig vanaf")
    geldig_tot = datum_veld("Geldig tot en met", required=False, help_text="Leeg: geen einde.")
    bron = _tekst("Bron", max_length=300, help_text="Bijvoorbeeld de tariefbijlage.")

    def __init__(self, *args: Any, voorzieningen: list[Voorziening], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.voorzieningen = {str(v.pk): v for v in voorzieningen}
        self.fields["voorziening"].choices = [("", "Kies een voorziening")] + [
            (str(v.pk), f"{v.naam} ({v.productcategorie} {v.productcode})") for v in voorzieningen
        ]
        self.fields["eenheid"].choices = code_keuzes("WJ756", leeg="Kies een eenheid")

    def service_arguments(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data["voorziening"] = self.voorzieningen[data["voorziening"]]
        return data


class DocumentForm(forms.Form):
    titel = _tekst("Titel", required=True, error_messages={"required": "Geef een titel."})
    bestand = forms.FileField(
        label="Bestand (PDF, Word, OpenDocument of Excel, hoogstens 10 MB)",
        error_messages={"required": "Kies een bestand.", "empty": "Het bestand is leeg."},
    )


class AanbiederLoginForm(forms.Form):
    """A provider's login for the provider API: only its user name; the key is issued."""

    gebruikersnaam = _tekst(
        "Gebruikersnaam",
        required=True,
        max_length=60,
        help_text="Bijvoorbeeld de naam van de aanbieder, zoals thuiszorg-west.",
    )
