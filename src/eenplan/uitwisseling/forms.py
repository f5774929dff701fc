"""Forms of purpose-bound sharing: asking for an exchange (recipient, categories, the five
questions, legal basis, period), the veto and ending with a reason, assigning a gezinscoach
and a delivery note. They parse input only; the services decide."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone

from eenplan.gemeente import roles
from eenplan.gemeente.models import Medewerker
from eenplan.privacy.models import Toestemming
from eenplan.rules import uitwisseling as regels
from eenplan.uitwisseling.constants import Categorie, Doelsoort, Grondslag, OntvangerSoort

DATUM = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class MedewerkerKeuze(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj} ({obj.get_functie_display()})"


class ToestemmingKeuze(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.inwoner}: aan {obj.aan} — {obj.doel} ({obj.gegeven_op:%d-%m-%Y})"


class UitwisselingForm(forms.Form):
    # Every field the service checks is optional here, so one submit shows every message of
    # the service at once (the five questions, the categories, the basis, the period).
    ontvanger_soort = forms.ChoiceField(
        label="Wie ontvangt de gegevens?", choices=OntvangerSoort.choices,
        widget=forms.RadioSelect, required=False,
    )
    ontvanger_naam = forms.CharField(
        label="Organisatie en persoon", max_length=200, required=False,
        help_text="Bijvoorbeeld: Huisartsenpraktijk De Maas, dokter Peters.",
    )
    ontvanger_medewerker = MedewerkerKeuze(
        label="Werkt de ontvanger in eenplan? Kies de medewerker (optioneel)",
        queryset=Medewerker.objects.none(),
        required=False,
        help_text="Die leest dan alleen de gekozen gegevens, alleen in de periode.",
    )
    categorieen = forms.MultipleChoiceField(
        label="Welke soorten gegevens deelt u?",
        choices=Categorie.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Kies alleen wat nodig is. Het hele dossier delen kan niet.",
    )
    doelsoort = forms.ChoiceField(label="Soort doel", choices=Doelsoort.choices, required=False)
    vraag_gegevens = forms.CharField(
        label=regels.VRAGEN[0][1], widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    vraag_doel = forms.CharField(
        label=regels.VRAGEN[1][1], widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    vraag_noodzaak = forms.CharField(
        label=regels.VRAGEN[2][1], widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    vraag_grondrechten = forms.CharField(
        label=regels.VRAGEN[3][1], widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    vraag_rechten = forms.CharField(
        label=regels.VRAGEN[4][1], widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    grondslag = forms.ChoiceField(
        label="Grondslag", choices=Grondslag.choices, widget=forms.RadioSelect, required=False
    )
    toestemming = ToestemmingKeuze(
        label="Vastgelegde toestemming (bij toestemming als grondslag)",
        queryset=Toestemming.objects.none(),
        required=False,
    )
    van = forms.DateField(label="Delen vanaf", widget=DATUM, required=False)
    tot = forms.DateField(label="Delen tot en met", widget=DATUM, required=False)
    vorige = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(
        self,
        *args: Any,
        medewerkers: QuerySet[Medewerker],
        toestemmingen: QuerySet[Toestemming],
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("initial", {})
        kwargs["initial"].setdefault("van", timezone.localdate())
        kwargs["initial"].setdefault("tot", timezone.localdate() + dt.timedelta(days=90))
        super().__init__(*args, **kwargs)
        self.fields["ontvanger_medewerker"].queryset = medewerkers  # type: ignore[attr-defined]
        self.fields["toestemming"].queryset = toestemmingen  # type: ignore[attr-defined]


class RedenForm(forms.Form):
    reden = forms.CharField(
        label="Reden", widget=forms.Textarea(attrs={"rows": 3}), required=False, max_length=2000
    )


class UitvoerderForm(forms.Form):
    medewerker = MedewerkerKeuze(label="Gezinscoach", queryset=Medewerker.objects.none())

    def __init__(self, *args: Any, gemeente_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["medewerker"].queryset = (  # type: ignore[attr-defined]
            Medewerker.objects.filter(
                gemeente_id=gemeente_id,
                user__is_active=True,
                user__groups__permissions__codename=roles.UITVOERING_SCHRIJVEN.split(".")[1],
            )
            .select_related("user")
            .distinct()
            .order_by("user__last_name")
        )


class NotitieForm(forms.Form):
    tekst = forms.CharField(
        label="Notitie", widget=forms.Textarea(attrs={"rows": 4}), required=False, max_length=5000
    )


class PeriodeForm(forms.Form):
    van = forms.DateField(label="Van", widget=DATUM, required=False)
    tot = forms.DateField(label="Tot en met", widget=DATUM, required=False)
