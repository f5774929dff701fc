"""Forms of the catalogue pages: they parse input; voorziening_create and tarief_add decide.

Fields the services check (codes, organisation, amount, source) are optional here, so the Dutch
message comes from one place: the service. Code lists come from CodelijstWaarde (iWmo/iJw 3.2).
"""

from __future__ import annotations

from typing import Any

from django import forms

from eenplan.common.constants import Wet
from eenplan.gemeente.models import Gemeente
from eenplan.gemeente.selectors import wijken_list
from eenplan.onderzoeken.selectors import leefgebieden_actief
from eenplan.voorzieningen.constants import (
    BijdrageCategorie,
    BijdrageSoort,
    Leveringsvorm,
    Uitvoeringsvariant,
    VoorzieningSoort,
)
from eenplan.voorzieningen.selectors import codelijst_waarden, doelgroepen_list
from eenplan.web.forms import KEUZE_FOUT, datum_veld

BEDRAG_FOUTEN = {
    "invalid": "Vul een bedrag in, bijvoorbeeld 7,50.",
    "required": "Vul het bedrag in, bijvoorbeeld 29,90.",
    "max_decimal_places": "Vul een bedrag in met hoogstens twee cijfers achter de komma.",
}


def bedrag_veld(label: str, *, required: bool = False, **kwargs: Any) -> forms.DecimalField:
    """An amount in euros as the Dutch write it (7,50)."""
    return forms.DecimalField(
        label=label,
        required=required,
        max_digits=10,
        decimal_places=2,
        localize=True,
        error_messages=BEDRAG_FOUTEN,
        **kwargs,
    )


def code_keuzes(*codelijsten: str, leeg: str = "Kies") -> list[tuple[str, str]]:
    """Choices from iWmo/iJw code lists: '01 Hulp bij het huishouden (WMO020)'."""
    keuzes = [("", leeg)]
    for codelijst in codelijsten:
        keuzes += [
            (w.code, f"{w.code} {w.omschrijving} ({codelijst})")
            for w in codelijst_waarden(codelijst)
        ]
    return keuzes


class VoorzieningForm(forms.Form):
    naam = forms.CharField(label="Naam", max_length=200)
    soort = forms.ChoiceField(
        label="Soort voorziening",
        choices=VoorzieningSoort.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Kies de soort voorziening.", "invalid_choice": KEUZE_FOUT},
    )
    wet = forms.ChoiceField(
        label="Wet",
        choices=Wet.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Kies de wet.", "invalid_choice": KEUZE_FOUT},
    )
    omschrijving = forms.CharField(
        label="Omschrijving", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    # Maatwerk: the iWmo/iJw coding.
    productcategorie = forms.ChoiceField(
        label="Productcategorie",
        required=False,
        help_text="WMO020 voor de Wmo, JZ020 voor de Jeugdwet (release 3.2).",
    )
    productcode = forms.CharField(
        label="Productcode", required=False, max_length=5, help_text="Bijvoorbeeld 01A01."
    )
    eenheid = forms.ChoiceField(label="Eenheid (WJ756)", required=False)
    frequentie = forms.ChoiceField(label="Frequentie (WMO757)", required=False)
    uitvoeringsvariant = forms.ChoiceField(
        label="Uitvoeringsvariant",
        choices=Uitvoeringsvariant.choices,
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": KEUZE_FOUT},
    )
    pgb_mogelijk = forms.BooleanField(label="Een pgb is mogelijk", required=False)
    eigen_bijdrage = forms.ChoiceField(
        label="Eigen bijdrage",
        choices=BijdrageSoort.choices,
        initial=BijdrageSoort.ABONNEMENT,
        error_messages={"invalid_choice": KEUZE_FOUT},
    )
    kostprijs_per_maand = bedrag_veld(
        "Kostprijs per maand", help_text="De eigen bijdrage is nooit hoger dan de kostprijs."
    )
    categorie = forms.ChoiceField(
        label="Soort voor de eigen bijdrage",
        choices=BijdrageCategorie.choices,
        required=False,
        help_text="Een rolstoel heeft landelijk geen eigen bijdrage. Collectief vervoer, "
        "woningaanpassingen en hulpmiddelen kan uw gemeente vrijstellen (instellingen).",
        error_messages={"invalid_choice": KEUZE_FOUT},
    )
    # Sociale kaart.
    organisatie = forms.CharField(label="Organisatie", required=False, max_length=200)
    adres = forms.CharField(label="Adres", required=False, max_length=300)
    wijken = forms.MultipleChoiceField(
        label="Wijken",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Geen wijk gekozen: voor de hele gemeente.",
        error_messages={"invalid_choice": KEUZE_FOUT},
    )
    leefgebieden = forms.MultipleChoiceField(
        label="Leefgebieden",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": KEUZE_FOUT},
    )
    doelgroepen = forms.MultipleChoiceField(
        label="Doelgroepen",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Voor wie is het? Inwoners filteren hierop in de sociale kaart.",
        error_messages={"invalid_choice": KEUZE_FOUT},
    )
    doelgroep = forms.CharField(
        label="Voor wie, in eigen woorden",
        required=False,
        max_length=200,
        help_text="Bijvoorbeeld: ouderen en mensen met geheugenproblemen.",
    )
    prijs = bedrag_veld(
        "Prijs voor de inwoner",
        help_text="Vul 0 in als het gratis is; laat het leeg als er geen vaste prijs is.",
    )
    prijs_toelichting = forms.CharField(
        label="Toelichting bij de prijs",
        required=False,
        max_length=200,
        help_text="Bijvoorbeeld: per dag, inclusief maaltijd.",
    )
    openingstijden = forms.CharField(label="Openingstijden", required=False, max_length=300)

    def __init__(self, *args: Any, gemeente: Gemeente, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["productcategorie"].choices = code_keuzes("WMO020", "JZ020")
        self.fields["eenheid"].choices = code_keuzes("WJ756")
        self.fields["frequentie"].choices = code_keuzes("WMO757", leeg="Geen")
        self.wijk_objecten = {str(w.pk): w for w in wijken_list(gemeente=gemeente)}
        self.fields["wijken"].choices = [(k, w.naam) for k, w in self.wijk_objecten.items()]
        self.leefgebied_objecten = {str(lg.pk): lg for lg in leefgebieden_actief()}
        self.fields["leefgebieden"].choices = [
            (k, lg.naam) for k, lg in self.leefgebied_objecten.items()
        ]
        self.doelgroep_objecten = {str(d.pk): d for d in doelgroepen_list()}
        self.fields["doelgroepen"].choices = [
            (k, d.naam) for k, d in self.doelgroep_objecten.items()
        ]

    def service_arguments(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data["wijken"] = [self.wijk_objecten[k] for k in data["wijken"]]
        data["leefgebieden"] = [self.leefgebied_objecten[k] for k in data["leefgebieden"]]
        data["doelgroepen"] = [self.doelgroep_objecten[k] for k in data.get("doelgroepen", [])]
        for veld in ("naam", "productcode", "organisatie", "adres", "doelgroep"):
            data[veld] = data[veld].strip()
        return data


class TariefForm(forms.Form):
    leveringsvorm = forms.ChoiceField(
        label="Leveringsvorm",
        choices=[(Leveringsvorm.PGB.value, Leveringsvorm.PGB.label)],
        widget=forms.RadioSelect,
        initial=Leveringsvorm.PGB,
        help_text="Tarieven voor zorg in natura staan in de contracten met de aanbieders.",
        error_messages={
            "required": "Kies pgb.",
            "invalid_choice": "Een tarief voor zorg in natura hoort bij het contract met de "
            "aanbieder: leg het vast bij Aanbieders en contracten.",
        },
    )
    bedrag = bedrag_veld("Tarief per eenheid", required=True)
    geldig_vanaf = datum_veld("Geldig vanaf")
    bron = forms.CharField(
        label="Bron",
        required=False,
        max_length=300,
        help_text="Het contract of het besluit waar het tarief in staat.",
    )
