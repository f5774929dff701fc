"""Forms of the mantelzorg pages: they parse input; the services decide and refuse."""

from __future__ import annotations

from typing import Any

from django import forms

from eenplan.mantelzorg.constants import (
    DAGDEEL_CHOICES,
    AangevraagdDoor,
    BasisfunctieChoices,
    KlusDagdeel,
    MatchUitkomst,
    RespijtSoort,
    RespijtStatus,
    TaakChoices,
    Vaardigheid,
    WaarderingVormChoices,
)
from eenplan.voorzieningen.forms import bedrag_veld
from eenplan.web.forms import KEUZE_FOUT, datum_veld


def _tekst(label: str, *, required: bool = False, max_length: int = 200, **kw: Any) -> Any:
    return forms.CharField(label=label, required=required, max_length=max_length, **kw)


def _uren(label: str, *, required: bool = True) -> forms.DecimalField:
    return forms.DecimalField(
        label=label,
        required=required,
        max_digits=6,
        decimal_places=1,
        localize=True,
        error_messages={
            "required": "Vul het aantal uren in.",
            "invalid": "Vul een getal in, bijvoorbeeld 8 of 2,5.",
            "max_decimal_places": "Vul hoogstens één cijfer achter de komma in.",
            "max_digits": "Dat zijn te veel cijfers.",
            "max_whole_digits": "Dat zijn te veel cijfers.",
        },
    )


def _keuze(label: str, choices: Any, **kw: Any) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label, choices=choices, error_messages={"invalid_choice": KEUZE_FOUT}, **kw
    )


def _meer(label: str, choices: Any, **kw: Any) -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        label=label,
        choices=choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": KEUZE_FOUT},
        **kw,
    )


class MantelzorgerForm(forms.Form):
    """Register a carer of this resident."""

    bsn = _tekst(
        "BSN van de mantelzorger",
        max_length=20,
        help_text="Alleen als de mantelzorger zelf in de gemeente woont. Anders leeg laten.",
    )
    naam = _tekst("Naam", help_text="Niet nodig als u een BSN invult.")
    geboortedatum = datum_veld(
        "Geboortedatum", required=False, help_text="Zo ziet u of het een jonge mantelzorger is."
    )
    woonplaats = _tekst("Woonplaats", max_length=100, help_text="Als die buiten de gemeente ligt.")
    telefoon = _tekst("Telefoon", max_length=20)
    relatie = _tekst("Relatie tot de inwoner", max_length=100, help_text="Bijvoorbeeld dochter.")
    uren_per_week = _uren("Uren zorg per week")
    sinds = datum_veld("Zorgt sinds", required=True)
    taken = _meer("Taken", TaakChoices.choices)
    netwerkpersoon = forms.TypedChoiceField(
        label="Staat in het netwerk als",
        required=False,
        coerce=int,
        empty_value=None,
        choices=[],
        error_messages={"invalid_choice": KEUZE_FOUT},
    )

    def __init__(self, *args: Any, netwerk: Any = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["netwerkpersoon"].choices = [("", "Niet in het netwerk"), *netwerk]


class ZorgrelatieForm(forms.Form):
    """Link a registered carer to one more resident."""

    bsn = _tekst("BSN van de inwoner voor wie gezorgd wordt", required=True, max_length=20)
    relatie = _tekst("Relatie tot de inwoner", max_length=100)
    uren_per_week = _uren("Uren zorg per week")
    sinds = datum_veld("Zorgt sinds", required=True)
    taken = _meer("Taken", TaakChoices.choices)


class BelastingForm(forms.Form):
    onderzoek = forms.TypedChoiceField(
        label="Onderzoek", coerce=int, choices=[], error_messages={"invalid_choice": KEUZE_FOUT}
    )
    zorgrelatie = forms.TypedChoiceField(
        label="Mantelzorger", coerce=int, choices=[], error_messages={"invalid_choice": KEUZE_FOUT}
    )
    overbelast = _keuze(
        "Is de mantelzorger overbelast?",
        [("ja", "Ja, overbelast"), ("nee", "Nee, niet overbelast")],
        widget=forms.RadioSelect,
    )
    vastgesteld_op = datum_veld("Vastgesteld op", required=True)
    toelichting = forms.CharField(
        label="Toelichting", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: Any, onderzoeken: Any = (), relaties: Any = (), **kw: Any) -> None:
        super().__init__(*args, **kw)
        self.fields["onderzoek"].choices = list(onderzoeken)
        self.fields["zorgrelatie"].choices = list(relaties)


class OndersteuningForm(forms.Form):
    basisfunctie = _keuze("Basisfunctie", BasisfunctieChoices.choices)
    aanbieder = _tekst(
        "Gegeven door", required=True, help_text="Bijvoorbeeld Steunpunt Mantelzorg."
    )
    datum = datum_veld("Datum", required=True)
    omschrijving = _tekst("Omschrijving", max_length=300)


class RespijtForm(forms.Form):
    inwoner = forms.TypedChoiceField(
        label="Voor de zorg aan",
        coerce=int,
        choices=[],
        error_messages={"invalid_choice": KEUZE_FOUT},
    )
    soort = _keuze("Soort respijtzorg", RespijtSoort.choices)
    gevraagd_op = datum_veld("Gevraagd op", required=True)
    uren_gevraagd = _uren("Gevraagde uren")
    toelichting = _tekst("Toelichting", max_length=300)

    def __init__(self, *args: Any, verzorgden: Any = (), **kw: Any) -> None:
        super().__init__(*args, **kw)
        self.fields["inwoner"].choices = list(verzorgden)


class RespijtAfhandelForm(forms.Form):
    status = _keuze(
        "Uitkomst",
        [(k, v) for k, v in RespijtStatus.choices if k != RespijtStatus.OPEN],
        widget=forms.RadioSelect,
    )
    afgehandeld_op = datum_veld("Datum", required=True)
    uren_geleverd = _uren("Geleverde uren", required=False)
    aanbieder = _tekst("Geleverd door")
    toelichting = _tekst("Toelichting", max_length=300)


class WaarderingForm(forms.Form):
    namens = forms.TypedChoiceField(
        label="Mantelzorger van",
        coerce=int,
        choices=[],
        error_messages={"invalid_choice": KEUZE_FOUT},
    )
    aangevraagd_door = _keuze("Aangevraagd door", AangevraagdDoor.choices, widget=forms.RadioSelect)
    aangevraagd_op = datum_veld("Aangevraagd op", required=True)

    def __init__(self, *args: Any, verzorgden: Any = (), **kw: Any) -> None:
        super().__init__(*args, **kw)
        self.fields["namens"].choices = list(verzorgden)


class RegelingForm(forms.Form):
    vorm = _keuze("Vorm van de waardering", WaarderingVormChoices.choices, widget=forms.RadioSelect)
    bedrag = bedrag_veld("Bedrag per mantelzorger", help_text="Alleen bij een bedrag.")
    omschrijving = _tekst(
        "Bijeenkomst of activiteit", max_length=300, help_text="Alleen bij een bijeenkomst."
    )
    geldig_vanaf = datum_veld("Geldig vanaf", required=True)
    bron = _tekst(
        "Bron",
        required=True,
        max_length=300,
        help_text="Bijvoorbeeld: Verordening maatschappelijke ondersteuning 2026, art. 14.",
    )


class VogTermijnForm(forms.Form):
    maanden = forms.IntegerField(
        label="Hoe lang telt een VOG (maanden na de datum)?",
        error_messages={
            "required": "Vul het aantal maanden in.",
            "invalid": "Vul een heel aantal maanden in, bijvoorbeeld 36.",
        },
    )
    geldig_vanaf = datum_veld("Geldig vanaf", required=True)
    bron = _tekst(
        "Bron",
        required=True,
        max_length=300,
        help_text="Bijvoorbeeld: Vrijwilligersbeleid 2026, paragraaf 4, of een collegebesluit.",
    )


class VrijwilligerForm(forms.Form):
    naam = _tekst("Naam", required=True)
    wijk = forms.TypedChoiceField(
        label="Wijk", coerce=int, choices=[], error_messages={"invalid_choice": KEUZE_FOUT}
    )
    telefoon = _tekst("Telefoon", max_length=20)
    email = _tekst("E-mail", max_length=254)
    vaardigheden = _meer("Vaardigheden", Vaardigheid.choices)
    beschikbaarheid = _meer("Beschikbaar op", DAGDEEL_CHOICES)
    vog_datum = datum_veld("Datum VOG", required=False, help_text="Verklaring omtrent het gedrag.")
    actief = forms.BooleanField(label="Actief", required=False, initial=True)

    def __init__(self, *args: Any, wijken: Any = (), **kw: Any) -> None:
        super().__init__(*args, **kw)
        self.fields["wijk"].choices = list(wijken)


class TegenprestatieForm(forms.Form):
    """Volunteer work offered to a tegenprestatie candidate: the resident by BSN, what they can
    do and when; the wijk is the resident's own."""

    bsn = _tekst("BSN van de inwoner", required=True, max_length=20)
    vaardigheden = _meer("Wat kan de inwoner doen?", Vaardigheid.choices)
    beschikbaarheid = _meer("Beschikbaar op", DAGDEEL_CHOICES)


class VrijwilligerZoekForm(forms.Form):
    zoek = _tekst("Naam", max_length=100)
    vaardigheid = _keuze("Vaardigheid", [("", "Alle"), *Vaardigheid.choices], required=False)


class KlusForm(forms.Form):
    vaardigheid = _keuze("Soort hulp", Vaardigheid.choices)
    omschrijving = _tekst("Omschrijving", required=True, max_length=300)
    datum = datum_veld("Datum", required=True)
    dagdeel = _keuze("Dagdeel", KlusDagdeel.choices)


class MatchForm(forms.Form):
    vrijwilliger = forms.IntegerField(
        label="Vrijwilliger", error_messages={"required": "Kies een vrijwilliger."}
    )


class UitkomstForm(forms.Form):
    uitkomst = _keuze(
        "Uitkomst", [(k, v) for k, v in MatchUitkomst.choices if k], widget=forms.RadioSelect
    )
    op = datum_veld("Datum", required=True)
    toelichting = _tekst("Toelichting", max_length=300)


class KringForm(forms.Form):
    actie = forms.TypedChoiceField(
        label="Actie", coerce=int, choices=[], error_messages={"invalid_choice": KEUZE_FOUT}
    )
    netwerkpersoon = forms.TypedChoiceField(
        label="Voor", coerce=int, choices=[], error_messages={"invalid_choice": KEUZE_FOUT}
    )

    def __init__(self, *args: Any, acties: Any = (), personen: Any = (), **kw: Any) -> None:
        super().__init__(*args, **kw)
        self.fields["actie"].choices = list(acties)
        self.fields["netwerkpersoon"].choices = list(personen)


class GedaanForm(forms.Form):
    op = datum_veld("Gedaan op", required=True)
