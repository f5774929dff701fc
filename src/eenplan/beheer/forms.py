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
        help_text="Het koninklijk besluit in de Staatscourant, bijvoorbeeld 'Stcrt. 2028, 12345'.",
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


# --- municipal settings (issue 10) --------------------------------------------------------------


class _InstellingForm(forms.Form):
    """The fields every setting has: from when, the source, a note, and the version the form
    was based on (a version stored by someone else in between is a conflict, not lost)."""

    onderwerp: str = ""

    geldig_vanaf = datum_veld(
        "Geldig vanaf", help_text="Vandaag of later; wat eerder gold blijft bewaard."
    )
    bron = _tekst(
        "Bron",
        max_length=300,
        help_text="Waar de keuze staat, bijvoorbeeld 'Verordening maatschappelijke "
        "ondersteuning 2026, art. 12'.",
    )
    toelichting = _tekst(
        "Toelichting", max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    basis_versie = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", self.onderwerp)
        super().__init__(*args, **kwargs)

    def waarde(self) -> dict[str, Any]:
        raise NotImplementedError

    def service_arguments(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "onderwerp": self.onderwerp,
            "waarde": self.waarde(),
            "geldig_vanaf": data["geldig_vanaf"],
            "bron": data["bron"],
            "toelichting": data.get("toelichting") or "",
            "basis_versie": data.get("basis_versie"),
        }

    @classmethod
    def initial_voor(cls, waarde: dict[str, Any], versie: int) -> dict[str, Any]:
        return {**waarde, "basis_versie": versie}


class LadderForm(_InstellingForm):
    onderwerp = "ladder"
    extra = forms.MultipleChoiceField(
        label="Stappen die de gemeente toevoegt",
        choices=[
            ("vrijwilligers", "Vrijwilligers (na netwerk en mantelzorg)"),
            ("collectief_maatwerk", "Collectief maatwerk (vóór individueel maatwerk)"),
        ],
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": KEUZE_FOUT},
    )

    def waarde(self) -> dict[str, Any]:
        return {"extra": list(self.cleaned_data["extra"])}


class RechtmatigheidForm(_InstellingForm):
    onderwerp = "rechtmatigheid"
    toetsing = forms.ChoiceField(
        label="Welke besluiten toetst de backoffice?",
        choices=[
            ("generalist", "Besluiten van een generalist"),
            ("alle", "Alle besluiten (door een ander dan wie besliste)"),
            ("geen", "Geen toets per besluit"),
        ],
        widget=forms.RadioSelect,
        error_messages={
            "required": "Kies welke besluiten worden getoetst.",
            "invalid_choice": KEUZE_FOUT,
        },
    )
    verzenden_voor_toetsing = forms.ChoiceField(
        label="Mag zo'n besluit vóór de toets worden verzonden?",
        choices=[("ja", "Ja, de toets is achteraf"), ("nee", "Nee, eerst toetsen")],
        widget=forms.RadioSelect,
        error_messages={"required": "Kies ja of nee.", "invalid_choice": KEUZE_FOUT},
    )

    def waarde(self) -> dict[str, Any]:
        return {
            "toetsing": self.cleaned_data["toetsing"],
            "verzenden_voor_toetsing": self.cleaned_data["verzenden_voor_toetsing"] == "ja",
        }

    @classmethod
    def initial_voor(cls, waarde: dict[str, Any], versie: int) -> dict[str, Any]:
        return {
            "toetsing": waarde.get("toetsing"),
            "verzenden_voor_toetsing": "ja" if waarde.get("verzenden_voor_toetsing") else "nee",
            "basis_versie": versie,
        }


class BijdrageVrijstellingForm(_InstellingForm):
    onderwerp = "eigen_bijdrage"
    vrijgestelde_categorieen = forms.MultipleChoiceField(
        label="Geen eigen bijdrage voor",
        choices=[
            ("collectief_vervoer", "Collectief vervoer"),
            ("woningaanpassing", "Woningaanpassingen"),
            ("hulpmiddel", "Hulpmiddelen (een rolstoel is landelijk al vrijgesteld)"),
        ],
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": KEUZE_FOUT},
    )
    minimabeleid_percentage = forms.DecimalField(
        label="Minimabeleid: geen bijdrage bij een inkomen tot (% van het sociaal minimum)",
        required=False,
        max_digits=5,
        decimal_places=1,
        localize=True,
        help_text="Leeg: geen minimabeleid. Bijvoorbeeld 120.",
        error_messages={"invalid": "Vul een percentage in, bijvoorbeeld 120."},
    )
    lager_bedrag = bedrag_veld(
        "Lager bedrag per maand", help_text="Leeg: het wettelijke abonnementstarief."
    )

    def waarde(self) -> dict[str, Any]:
        data = self.cleaned_data
        procent, lager = data.get("minimabeleid_percentage"), data.get("lager_bedrag")
        return {
            "vrijgestelde_categorieen": list(data["vrijgestelde_categorieen"]),
            "minimabeleid_percentage": None if procent is None else str(procent),
            "lager_bedrag": None if lager is None else str(lager),
        }


class TekstenForm(_InstellingForm):
    onderwerp = "teksten"
    teamnaam = _tekst(
        "Naam van het team",
        max_length=60,
        help_text="Zoals het in een zin staat: 'uw wijkteam', 'het sociaal team'. Schrijf "
        "alleen de naam, bijvoorbeeld 'wijkteam'.",
    )

    def waarde(self) -> dict[str, Any]:
        return {"teamnaam": self.cleaned_data["teamnaam"]}


MAATREGEL_RIJEN = 3  # the verordening's categories on the form (an empty row is no category)


def _drempel(label: str, help_text: str) -> forms.DecimalField:
    return forms.DecimalField(
        label=label,
        max_digits=5,
        decimal_places=1,
        localize=True,
        help_text=help_text,
        error_messages={
            "required": "Vul de drempel in, in % van het wettelijk minimumloon.",
            "invalid": "Vul een percentage in, bijvoorbeeld 40.",
            "max_digits": "Vul een percentage in van ten hoogste 200.",
            "max_decimal_places": "Gebruik ten hoogste één cijfer achter de komma.",
            "max_whole_digits": "Vul een percentage in van ten hoogste 200.",
        },
    )


class ParticipatieForm(_InstellingForm):
    """Work and income (issue 14): the route thresholds, the region's beschut werk places and
    the verordening's maatregel categories; `rules.instellingen.participatie_uit` checks them."""

    onderwerp = "participatie"
    direct = _drempel(
        "Directe bemiddeling vanaf (% van het minimumloon)",
        "Wie deze verdiencapaciteit of meer heeft, gaat direct naar werk. Hardenberg: 100.",
    )
    werkspoor = _drempel(
        "Werkspoor vanaf (% van het minimumloon)",
        "Daaronder: het Participatiespoor. Hardenberg: 40.",
    )
    beschut_werk_plaatsen = forms.IntegerField(
        label="Plaatsen beschut werk voor uw gemeente",
        required=False,
        min_value=0,
        max_value=100_000,
        help_text="Het aantal dat de regio uw gemeente geeft (Venlo: 5). Leeg: geen grens.",
        error_messages={
            "invalid": "Vul een heel getal in, bijvoorbeeld 5.",
            "min_value": "Het aantal plaatsen is 0 of meer.",
            "max_value": "Vul een realistisch aantal plaatsen in.",
        },
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for i in range(1, MAATREGEL_RIJEN + 1):
            self.fields[f"maatregel_{i}_code"] = _tekst(
                f"Categorie {i}: code", max_length=20, required=False,
                help_text="Zoals in de verordening, bijvoorbeeld 1. Leeg: geen categorie.",
            )
            self.fields[f"maatregel_{i}_omschrijving"] = _tekst(
                f"Categorie {i}: gedraging", max_length=300, required=False
            )
            self.fields[f"maatregel_{i}_percentage"] = forms.DecimalField(
                label=f"Categorie {i}: verlaging (% van de norm)",
                required=False, max_digits=5, decimal_places=1, localize=True,
                error_messages={"invalid": "Vul een percentage in, bijvoorbeeld 20."},
            )
            self.fields[f"maatregel_{i}_maanden"] = forms.IntegerField(
                label=f"Categorie {i}: duur (maanden)", required=False,
                error_messages={"invalid": "Vul een heel aantal maanden in (1 tot en met 3)."},
            )
            self.fields[f"maatregel_{i}_waarschuwing"] = forms.BooleanField(
                label=f"Categorie {i}: eerst een schriftelijke waarschuwing", required=False
            )

    def maatregel_rijen(self) -> list[dict[str, Any]]:
        """The fields of each category row, for the template."""
        return [
            {
                deel: self[f"maatregel_{i}_{deel}"]
                for deel in ("code", "omschrijving", "percentage", "maanden", "waarschuwing")
            }
            | {"nummer": i}
            for i in range(1, MAATREGEL_RIJEN + 1)
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        for i in range(1, MAATREGEL_RIJEN + 1):
            code = data.get(f"maatregel_{i}_code")
            rest = [
                data.get(f"maatregel_{i}_{d}") for d in ("omschrijving", "percentage", "maanden")
            ]
            if not code and any(v not in (None, "") for v in rest):
                self.add_error(
                    f"maatregel_{i}_code", "Geef de categorie een code, of maak de rij leeg."
                )
            if code and (data.get(f"maatregel_{i}_percentage") is None
                         or data.get(f"maatregel_{i}_maanden") is None):
                self.add_error(
                    f"maatregel_{i}_percentage",
                    f"Categorie {code}: vul het percentage en de duur in.",
                )
        return data

    def waarde(self) -> dict[str, Any]:
        data = self.cleaned_data
        waarde: dict[str, Any] = {
            "direct": str(data["direct"]),
            "werkspoor": str(data["werkspoor"]),
            "beschut_werk_plaatsen": data.get("beschut_werk_plaatsen"),
        }
        maatregelen = {
            data[f"maatregel_{i}_code"]: {
                "omschrijving": data.get(f"maatregel_{i}_omschrijving") or "",
                "percentage": str(data[f"maatregel_{i}_percentage"]),
                "maanden": data[f"maatregel_{i}_maanden"],
                "waarschuwing_eerst": bool(data.get(f"maatregel_{i}_waarschuwing")),
            }
            for i in range(1, MAATREGEL_RIJEN + 1)
            if data.get(f"maatregel_{i}_code")
        }
        if maatregelen:
            waarde["maatregelen"] = maatregelen
        return waarde

    @classmethod
    def initial_voor(cls, waarde: dict[str, Any], versie: int) -> dict[str, Any]:
        initial: dict[str, Any] = {
            "direct": waarde.get("direct"),
            "werkspoor": waarde.get("werkspoor"),
            "beschut_werk_plaatsen": waarde.get("beschut_werk_plaatsen"),
            "basis_versie": versie,
        }
        for i, (code, r) in enumerate((waarde.get("maatregelen") or {}).items(), start=1):
            if i > MAATREGEL_RIJEN:
                break
            initial |= {
                f"maatregel_{i}_code": code,
                f"maatregel_{i}_omschrijving": r.get("omschrijving", ""),
                f"maatregel_{i}_percentage": r.get("percentage"),
                f"maatregel_{i}_maanden": r.get("maanden"),
                f"maatregel_{i}_waarschuwing": r.get("waarschuwing_eerst", False),
            }
        return initial


INSTELLING_FORMS: dict[str, type[_InstellingForm]] = {
    f.onderwerp: f
    for f in (
        LadderForm,
        RechtmatigheidForm,
        BijdrageVrijstellingForm,
        TekstenForm,
        ParticipatieForm,
    )
}
