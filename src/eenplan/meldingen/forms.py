"""Forms of the meldingen pages: they parse input; the services decide and refuse.

Fields that a service validates (melder, vraag, leefgebieden, dates in the future, ...) are
optional here, so the Dutch message comes from one place: the service. `add_service_errors`
(`eenplan.web.forms`) puts a service's ValidationError next to the right field.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.formats import date_format

from eenplan.gemeente.constants import Rol, TeamSoort
from eenplan.gemeente.models import Medewerker
from eenplan.gemeente.selectors import medewerker_for_user
from eenplan.inwoners.models import Inwoner
from eenplan.meldingen.constants import Domein, Doorzetting, Kanaal, MelderSoort, Urgentie
from eenplan.meldingen.models import Melding
from eenplan.meldingen.services import GENERALISTEN, melding_register_errors
from eenplan.privacy import access
from eenplan.web.forms import KEUZE_FOUT, datum_veld, inwoner_by_bsn

User = AbstractBaseUser | AnonymousUser


class MeldingRegistrerenForm(forms.Form):
    """The intake form. Who the melding is about: a resident by BSN (only for logins that may
    search residents) or a description of a person still to be identified."""

    bsn = forms.CharField(label="BSN van de inwoner", required=False, max_length=20)
    onbekende_persoon = forms.CharField(
        label="Onbekende persoon",
        required=False,
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    melder_soort = forms.ChoiceField(
        label="Wie doet de melding?",
        choices=MelderSoort.choices,
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": KEUZE_FOUT},
    )
    melder_naam = forms.CharField(label="Naam van de melder", required=False, max_length=200)
    melder_contact = forms.CharField(
        label="Telefoon of e-mail van de melder", required=False, max_length=200
    )
    kanaal = forms.ChoiceField(
        label="Hoe kwam de melding binnen?",
        choices=Kanaal.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Kies hoe de melding binnenkwam.",
            "invalid_choice": KEUZE_FOUT,
        },
    )
    domeinen = forms.MultipleChoiceField(
        label="Leefgebieden en wetten",
        choices=Domein.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": KEUZE_FOUT},
    )
    urgentie = forms.ChoiceField(
        label="Urgentie",
        choices=Urgentie.choices,
        initial=Urgentie.NORMAAL,
        widget=forms.RadioSelect,
        error_messages={"required": "Kies de urgentie.", "invalid_choice": KEUZE_FOUT},
    )
    veiligheid = forms.BooleanField(label="Er zijn zorgen over de veiligheid", required=False)
    vraag = forms.CharField(
        label="De vraag in de woorden van de melder",
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    ontvangen_op = datum_veld("Ontvangen op", initial=timezone.localdate)

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.inwoner: Inwoner | None = None
        # Only who may search residents names one; the service decides again.
        self.kan_zoeken = access.allows(user, access.Resource.DOSSIER, access.Action.ZOEKEN)
        if not self.kan_zoeken:
            del self.fields["bsn"]
        # Most meldingen reach the mid-office by phone, a volunteer at the information point.
        medewerker = medewerker_for_user(user)
        vrijwilliger = medewerker is not None and medewerker.functie == Rol.VRIJWILLIGER
        self.fields["kanaal"].initial = Kanaal.INLOOP if vrijwilliger else Kanaal.TELEFOON

    def clean_bsn(self) -> str:
        value = self.cleaned_data["bsn"].strip()
        if value:
            self.inwoner = inwoner_by_bsn(self.user, value)
        return value

    def service_arguments(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "inwoner": self.inwoner,
            "onbekende_persoon": data["onbekende_persoon"],
            "melder_soort": data["melder_soort"],
            "melder_naam": data["melder_naam"].strip(),
            "melder_contact": data["melder_contact"].strip(),
            "kanaal": data["kanaal"],
            "domeinen": data["domeinen"],
            "urgentie": data["urgentie"],
            "veiligheid": data["veiligheid"],
            "vraag": data["vraag"],
            "ontvangen_op": data["ontvangen_op"],
        }

    def service_aliases(self) -> dict[str, str]:
        """The service names the resident 'inwoner'; here that is the BSN or the description."""
        return {"inwoner": "bsn" if self.kan_zoeken else "onbekende_persoon"}

    def add_service_errors(self, *, gemeente: Any) -> None:
        """With input errors, also show what the service would refuse (all errors at once):
        each field the form could read is judged by the service's own rules."""
        data = self.cleaned_data
        aliases = self.service_aliases()
        fouten = melding_register_errors(
            gemeente=gemeente,
            melder_soort=data.get("melder_soort"),
            ontvangen_op=data.get("ontvangen_op"),
            inwoner=self.inwoner,
            onbekende_persoon=data.get("onbekende_persoon", ""),
            vraag=data.get("vraag", ""),
            domeinen=data.get("domeinen", []),
            vandaag=timezone.localdate(),
        )
        for key, message in fouten.items():
            field = aliases.get(key, key)
            if field in self.errors or key not in data and field not in data:
                continue  # the form already says what is wrong with it
            self.add_error(field if field in self.fields else None, message)


# --- actions on one melding ------------------------------------------------------------------


class AntwoordForm(forms.Form):
    antwoord = forms.CharField(
        label="Wat heeft de melder als antwoord gekregen?",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class DoorzettenForm(forms.Form):
    naar = forms.ChoiceField(
        label="Doorzetten naar",
        choices=Doorzetting.choices,
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": KEUZE_FOUT},
    )
    organisatie = forms.CharField(
        label="Organisatie (bij een externe organisatie)", required=False, max_length=200
    )
    toelichting = forms.CharField(
        label="Toelichting", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class IdentificerenForm(forms.Form):
    bsn = forms.CharField(
        label="BSN van de inwoner",
        max_length=20,
        error_messages={"required": "Vul het BSN in van de inwoner die u heeft gevonden."},
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.inwoner: Inwoner | None = None

    def clean_bsn(self) -> str:
        value = self.cleaned_data["bsn"].strip()
        self.inwoner = inwoner_by_bsn(self.user, value)
        return value


def toewijzing_kandidaten(melding: Melding) -> QuerySet[Medewerker]:
    """Generalists and youth professionals of the wijkteam(s) serving the resident's wijk; for a
    person not yet identified, those of every wijkteam of the municipality.

    (A read that belongs in selectors.py; kept here until meldingen.selectors has one.)"""
    gemeente_id = melding.gemeente_id
    qs = melding.gemeente.medewerkers.filter(
        functie__in=GENERALISTEN, teams__soort=TeamSoort.WIJKTEAM, teams__gemeente_id=gemeente_id
    )
    if melding.inwoner_id is not None:
        qs = qs.filter(teams__wijken=melding.inwoner.wijk_id, teams__gemeente_id=gemeente_id)
    return qs.select_related("user").distinct().order_by("user__last_name", "user__first_name")


class MedewerkerKeuze(forms.ModelChoiceField):
    """Shows the expertise, and for youth professionals whether the registration is valid."""

    def __init__(self, *args: Any, vandaag: dt.date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.vandaag = vandaag

    def label_from_instance(self, obj: Medewerker) -> str:
        delen = [obj.get_functie_display()]
        if obj.expertises:
            delen.append("expertise: " + ", ".join(_expertises(obj)))
        if obj.functie == Rol.JEUGDPROFESSIONAL:
            if obj.registratie_geldig_op(self.vandaag):
                tot = date_format(obj.registratie_geldig_tot, "j-n-Y")
                delen.append(f"registratie geldig tot {tot}")
            else:
                delen.append("geen geldige registratie")
        return f"{obj} ({'; '.join(delen)})"


def _expertises(medewerker: Medewerker) -> list[str]:
    return [e.strip() for e in medewerker.expertises.split(",") if e.strip()]


class ToewijzenForm(forms.Form):
    medewerker = MedewerkerKeuze(
        queryset=Medewerker.objects.none(),
        label="Medewerker",
        required=False,
        empty_label="Automatisch: wie in het wijkteam het langst geen melding kreeg",
        vandaag=dt.date.min,
        error_messages={"invalid_choice": "Kies een medewerker uit de lijst."},
    )
    expertise = forms.ChoiceField(label="Met expertise (bij automatisch)", required=False)
    reden = forms.CharField(label="Reden of toelichting", required=False, max_length=300)

    def __init__(self, *args: Any, melding: Melding, vandaag: dt.date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        kandidaten = toewijzing_kandidaten(melding)
        field = self.fields["medewerker"]
        field.queryset = kandidaten
        field.vandaag = vandaag
        expertises = sorted({e for m in kandidaten for e in _expertises(m)})
        self.fields["expertise"].choices = [("", "Geen voorkeur")] + [(e, e) for e in expertises]


class OpschortenForm(forms.Form):
    van = datum_veld("Opgeschort vanaf", initial=timezone.localdate)
    reden = forms.CharField(
        label="Reden",
        required=False,
        max_length=300,
        help_text="Bijvoorbeeld: wachten op de stukken van de inwoner.",
    )


class HervattenForm(forms.Form):
    tot = datum_veld("Opschorting eindigt op", initial=timezone.localdate)


class AfsluitenForm(forms.Form):
    toelichting = forms.CharField(
        label="Waarom wordt de melding afgesloten?",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class KoppelenForm(forms.Form):
    bestaande = forms.IntegerField(
        widget=forms.HiddenInput,
        error_messages={"required": "Kies de melding om aan te koppelen."},
    )
