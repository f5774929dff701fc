"""Forms of the functioneel-beheer pages: they parse input; the services of the owning apps
(`gemeente.services`, `voorzieningen.services`) decide and give the Dutch refusal."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError

from eenplan.gemeente.constants import Rol, TeamSoort
from eenplan.gemeente.models import Gemeente, Medewerker, Team, Wijk
from eenplan.gemeente.selectors import Toewijzing
from eenplan.voorzieningen.forms import VoorzieningForm, bedrag_veld
from eenplan.web.forms import KEUZE_FOUT, datum_veld

VERPLICHT = "Vul dit veld in."


def _tekst(label: str, *, max_length: int, required: bool = True, **kwargs: Any) -> Any:
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=required,
        error_messages={
            "required": VERPLICHT,
            "max_length": f"Gebruik hoogstens {max_length} tekens.",
        },
        **kwargs,
    )


class _Keuzes:
    """Choices of teams and wijken of the own municipality only."""

    def _teams(self, gemeente: Gemeente) -> None:
        self.team_objecten = {str(t.pk): t for t in Team.objects.filter(gemeente=gemeente)}
        self.fields["teams"].choices = [  # type: ignore[attr-defined]
            (k, t.naam) for k, t in self.team_objecten.items()
        ]

    def _wijken(self, gemeente: Gemeente) -> None:
        self.wijk_objecten = {str(w.pk): w for w in Wijk.objects.filter(gemeente=gemeente)}
        self.fields["wijken"].choices = [  # type: ignore[attr-defined]
            (k, w.naam) for k, w in self.wijk_objecten.items()
        ]


class RollenForm(_Keuzes, forms.Form):
    """Role(s), teams and registration of a medewerker."""

    functie = forms.ChoiceField(
        label="Hoofdrol",
        choices=[("", "Kies een rol"), *Rol.choices],
        help_text="Bepaalt de startpagina en het standaarddoel van inzage.",
        error_messages={"required": "Kies de hoofdrol.", "invalid_choice": KEUZE_FOUT},
    )
    extra_rollen = forms.MultipleChoiceField(
        label="Extra rollen",
        choices=Rol.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": KEUZE_FOUT},
    )
    teams = forms.MultipleChoiceField(
        label="Teams",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="De wijken van de teams bepalen welke inwoners de medewerker ziet.",
        error_messages={"invalid_choice": KEUZE_FOUT},
    )
    registratienummer = _tekst(
        "Registratienummer (SKJ of BIG)",
        max_length=20,
        required=False,
        help_text="Verplicht voor een jeugdprofessional.",
    )
    registratie_geldig_tot = datum_veld("Registratie geldig tot en met", required=False)

    def __init__(self, *args: Any, gemeente: Gemeente, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._teams(gemeente)

    def rollen_arguments(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "functie": data["functie"],
            "extra_rollen": list(data["extra_rollen"]),
            "teams": [self.team_objecten[k] for k in data["teams"]],
            "registratienummer": data["registratienummer"].strip(),
            "registratie_geldig_tot": data["registratie_geldig_tot"],
        }

    @classmethod
    def initial_for(cls, medewerker: Medewerker, toewijzing: Toewijzing) -> dict[str, Any]:
        return {
            "functie": toewijzing.functie,
            "extra_rollen": list(toewijzing.extra_rollen),
            "teams": [str(t) for t in toewijzing.teams],
            "registratienummer": toewijzing.registratienummer,
            "registratie_geldig_tot": toewijzing.registratie_geldig_tot,
        }


class AccountForm(RollenForm):
    """A new login: who, how to log in the first time, and the role(s) and teams."""

    field_order = [
        "first_name",
        "last_name",
        "email",
        "username",
        "wachtwoord",
        "functie",
        "extra_rollen",
        "teams",
        "registratienummer",
        "registratie_geldig_tot",
    ]

    first_name = _tekst("Voornaam", max_length=150)
    last_name = _tekst("Achternaam", max_length=150)
    email = forms.EmailField(
        label="E-mailadres",
        max_length=254,
        error_messages={
            "required": VERPLICHT,
            "invalid": "Vul een e-mailadres in, bijvoorbeeld s.peters@gemeente.nl.",
        },
    )
    username = forms.RegexField(
        label="Gebruikersnaam",
        max_length=150,
        regex=r"^[\w.@+-]+\Z",
        help_text="Letters, cijfers en . @ + - _ (geen spaties). Vaak het e-mailadres.",
        error_messages={
            "required": VERPLICHT,
            "invalid": "Gebruik alleen letters, cijfers en . @ + - _ (geen spaties).",
        },
    )
    wachtwoord = forms.CharField(
        label="Eerste wachtwoord",
        strip=False,
        widget=forms.PasswordInput(render_value=False),
        help_text="Geef het de medewerker persoonlijk door; bij de eerste inlog stelt die ook "
        "de tweede factor in.",
        error_messages={"required": VERPLICHT},
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        wachtwoord = data.get("wachtwoord")
        if wachtwoord:
            try:
                password_validation.validate_password(wachtwoord)
            except ValidationError as exc:
                self.add_error("wachtwoord", exc)
        return data

    def account_arguments(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            **self.rollen_arguments(),
            "username": data["username"],
            "password": data["wachtwoord"],
            "first_name": data["first_name"].strip(),
            "last_name": data["last_name"].strip(),
            "email": data["email"],
        }


class TeamForm(_Keuzes, forms.Form):
    naam = _tekst("Naam", max_length=100)
    soort = forms.ChoiceField(
        label="Soort team",
        choices=[("", "Kies de soort"), *TeamSoort.choices],
        error_messages={"required": "Kies de soort team.", "invalid_choice": KEUZE_FOUT},
    )
    wijken = forms.MultipleChoiceField(
        label="Wijken",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="De medewerkers van het team zien de inwoners van deze wijken.",
        error_messages={"invalid_choice": KEUZE_FOUT},
    )

    def __init__(self, *args: Any, gemeente: Gemeente, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._wijken(gemeente)

    def team_arguments(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "naam": data["naam"].strip(),
            "soort": data["soort"],
            "wijken": [self.wijk_objecten[k] for k in data["wijken"]],
        }


class WijkForm(forms.Form):
    code = forms.RegexField(
        label="CBS-wijkcode",
        regex=r"^WK\d{6}$",
        max_length=10,
        help_text="WK met zes cijfers, bijvoorbeeld WK098301.",
        error_messages={
            "required": VERPLICHT,
            "invalid": "Een CBS-wijkcode is 'WK' met zes cijfers, bijvoorbeeld WK098301.",
        },
    )
    naam = _tekst("Naam", max_length=100)


class VoorzieningBeheerForm(VoorzieningForm):
    """The catalogue form with the contact details of the sociale kaart and 'actief'."""

    telefoon = _tekst("Telefoonnummer", max_length=30, required=False)
    website = forms.URLField(
        label="Website",
        required=False,
        max_length=300,
        assume_scheme="https",
        error_messages={"invalid": "Vul een webadres in, bijvoorbeeld https://www.voorbeeld.nl."},
    )
    email = forms.EmailField(
        label="E-mailadres",
        required=False,
        error_messages={"invalid": "Vul een e-mailadres in, bijvoorbeeld info@voorbeeld.nl."},
    )
    actief = forms.BooleanField(
        label="In de catalogus en op de sociale kaart",
        required=False,
        initial=True,
    )

    def service_arguments(self) -> dict[str, Any]:
        data = super().service_arguments()
        data["telefoon"] = data["telefoon"].strip()
        data["openingstijden"] = data["openingstijden"].strip()
        return data


class SynoniemForm(forms.Form):
    woorden = _tekst(
        "Woorden met dezelfde betekenis",
        max_length=300,
        help_text="Gescheiden door komma's, bijvoorbeeld: schulden, geldzorgen, schuldhulp.",
    )


class FeestdagForm(forms.Form):
    datum = datum_veld("Datum")
    omschrijving = _tekst("Omschrijving", max_length=200)
    bron = _tekst(
        "Bron",
        max_length=300,
        help_text="Het besluit dat de dag gelijkstelt, bijvoorbeeld 'Stb. 2026, 12'.",
    )


class AbonnementstariefForm(forms.Form):
    jaar = forms.IntegerField(
        label="Jaar",
        min_value=2015,
        max_value=2100,
        error_messages={
            "required": VERPLICHT,
            "invalid": "Vul een jaar in, bijvoorbeeld 2027.",
            "min_value": "Vul een jaar in vanaf 2015.",
            "max_value": "Vul een jaar in tot en met 2100.",
        },
    )
    bedrag = bedrag_veld("Abonnementstarief", required=True)
    periode = forms.ChoiceField(
        label="Per",
        choices=[("maand", "maand"), ("4 weken", "4 weken")],
        initial="maand",
        widget=forms.RadioSelect,
        error_messages={"required": "Kies per maand of per 4 weken.", "invalid_choice": KEUZE_FOUT},
    )
    bron = _tekst(
        "Bron",
        max_length=300,
        help_text="De vindplaats van het bedrag, bijvoorbeeld 'Stcrt. 2026, 12345'.",
    )
