"""Forms of the onderzoek pages: they parse input; the services decide and refuse.

Fields a service validates (a date in the future, an empty place, a missing reason) are
optional here, so each Dutch message comes from one place: the service.
`eenplan.web.forms.add_service_errors` puts a service's ValidationError next to the right field.
The plannen pages use the same helpers.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from eenplan.inwoners.models import Inwoner
from eenplan.onderzoeken.constants import Deelnemer
from eenplan.onderzoeken.models import Leefgebied, OnderzoekOnderdeel
from eenplan.rules.onderzoek import ONDERDELEN, LadderStap
from eenplan.web.forms import KEUZE_FOUT, datum_veld


def tekst_veld(
    label: str, *, rows: int = 0, max_length: int | None = None, **kwargs: Any
) -> forms.CharField:
    widget = forms.Textarea(attrs={"rows": rows}) if rows else forms.TextInput()
    return forms.CharField(
        label=label, required=False, widget=widget, max_length=max_length, **kwargs
    )


def keuze_id(soort: str, pk: int) -> str:
    """A choice value that names the kind of object: 'inwoner:12', 'netwerk:3'."""
    return f"{soort}:{pk}"


# --- onderzoek ----------------------------------------------------------------------------------


class GesprekForm(forms.Form):
    datum = datum_veld("Datum van het gesprek")
    plaats = tekst_veld("Plaats", max_length=200, help_text="Bijvoorbeeld 'bij de inwoner thuis'.")
    deelnemers = forms.MultipleChoiceField(
        label="Wie waren erbij?",
        choices=Deelnemer.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": KEUZE_FOUT},
    )
    notities = tekst_veld("Notities", rows=3)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"datum": timezone.localdate()})
        super().__init__(*args, **kwargs)


class OnderdelenForm(forms.Form):
    """The seven subjects a-g (Wmo 2015 art. 2.3.2 lid 4), each an answer or a reason why it
    does not apply. Field names `antwoord_<code>` and `reden_<code>`; the autosave endpoint
    reads the same names for one subject."""

    def __init__(
        self, *args: Any, onderdelen: Iterable[OnderzoekOnderdeel] = (), **kwargs: Any
    ) -> None:
        bestaand = {o.code: o for o in onderdelen}
        initial = {}
        for code, o in bestaand.items():
            initial[f"antwoord_{code}"] = o.antwoord
            initial[f"reden_{code}"] = o.reden_niet_van_toepassing
        kwargs.setdefault("initial", initial)
        super().__init__(*args, **kwargs)
        for onderdeel in ONDERDELEN:
            self.fields[f"antwoord_{onderdeel.code}"] = tekst_veld("Wat is besproken", rows=4)
            self.fields[f"reden_{onderdeel.code}"] = tekst_veld(
                "Niet van toepassing, omdat", max_length=300
            )

    def rijen(self) -> list[tuple[Any, forms.BoundField, forms.BoundField]]:
        return [(o, self[f"antwoord_{o.code}"], self[f"reden_{o.code}"]) for o in ONDERDELEN]


MANTELZORGER_KEUZES = [
    ("ja", "Ja, de ondersteuningsbehoefte van de mantelzorger is besproken"),
    ("nee", "Nee, nog niet besproken"),
    ("geen", "Er is geen mantelzorger"),
]
MANTELZORGER_WAARDEN: dict[str, bool | None] = {"ja": True, "nee": False, "geen": None}


class ChecksForm(forms.Form):
    clientondersteuning_gewezen = forms.BooleanField(
        label="De inwoner is gewezen op gratis onafhankelijke cliëntondersteuning",
        required=False,
    )
    pgb_uitgelegd = forms.BooleanField(
        label="De mogelijkheid van een persoonsgebonden budget (pgb) is uitgelegd",
        required=False,
    )
    mantelzorger = forms.ChoiceField(
        label="Mantelzorger",
        choices=MANTELZORGER_KEUZES,
        widget=forms.RadioSelect,
        error_messages={"required": KEUZE_FOUT, "invalid_choice": KEUZE_FOUT},
    )

    @staticmethod
    def initial_voor(
        *, clientondersteuning_gewezen: bool, pgb_uitgelegd: bool, besproken: bool | None
    ) -> dict[str, Any]:
        keuze = {True: "ja", False: "nee", None: "geen"}[besproken]
        return {
            "clientondersteuning_gewezen": clientondersteuning_gewezen,
            "pgb_uitgelegd": pgb_uitgelegd,
            "mantelzorger": keuze,
        }


class ScoresForm(forms.Form):
    """A score 1-5 (the instrument's scale) per life domain for one household member on one
    date; domains left on 'niet scoren' are skipped."""

    inwoner = forms.TypedChoiceField(
        label="Voor wie", coerce=int, error_messages={"invalid_choice": KEUZE_FOUT}
    )
    datum = datum_veld("Datum")

    def __init__(
        self,
        *args: Any,
        leden: Sequence[Inwoner] = (),
        leefgebieden: Sequence[Leefgebied] = (),
        **kwargs: Any,
    ) -> None:
        initial = kwargs.setdefault("initial", {})
        initial.setdefault("datum", timezone.localdate())
        super().__init__(*args, **kwargs)
        self.fields["inwoner"].choices = [(i.pk, i.naam) for i in leden]
        self.leefgebieden = list(leefgebieden)
        for leefgebied in self.leefgebieden:
            ankers = [(str(a.score), a.tekst) for a in leefgebied.ankers.all()]
            self.fields[f"lg_{leefgebied.pk}"] = forms.ChoiceField(
                label=leefgebied.naam,
                required=False,
                choices=[("", "Niet scoren"), *ankers],
                widget=forms.RadioSelect,
                error_messages={"invalid_choice": KEUZE_FOUT},
            )
            self.initial.setdefault(f"lg_{leefgebied.pk}", "")

    def rijen(self) -> list[tuple[Leefgebied, forms.BoundField]]:
        return [(lg, self[f"lg_{lg.pk}"]) for lg in self.leefgebieden]

    def gekozen(self) -> list[tuple[Leefgebied, int]]:
        return [
            (lg, int(self.cleaned_data[f"lg_{lg.pk}"]))
            for lg in self.leefgebieden
            if self.cleaned_data.get(f"lg_{lg.pk}")
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not self.errors and not self.gekozen():
            raise ValidationError("Kies bij ten minste één leefgebied een score.")
        return data


VOLSTAAT_KEUZES = [("ja", "Ja, dit volstaat"), ("nee", "Nee, dit volstaat niet")]


class AfwegingForm(forms.Form):
    """One step of the ladder (Wmo 2015 art. 2.3.5 lid 3)."""

    bevinding = tekst_veld("Wat is er gevonden?", rows=3)
    volstaat = forms.ChoiceField(
        label="Volstaat deze stap?",
        choices=VOLSTAAT_KEUZES,
        widget=forms.RadioSelect,
        error_messages={"required": KEUZE_FOUT, "invalid_choice": KEUZE_FOUT},
    )
    reden_niet_toereikend = tekst_veld(
        "Waarom volstaat deze stap niet?",
        rows=2,
        help_text="Alleen invullen als deze stap niet volstaat.",
    )

    def __init__(self, *args: Any, stap: LadderStap, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", f"stap{int(stap)}")
        super().__init__(*args, **kwargs)
        self.stap = stap


class VerzondenForm(forms.Form):
    op = datum_veld("Verzonden op")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"op": timezone.localdate()})
        super().__init__(*args, **kwargs)


class ReactieForm(forms.Form):
    tekst = tekst_veld("Opmerkingen van de inwoner", rows=4)
    ontvangen_op = datum_veld("Ontvangen op")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"ontvangen_op": timezone.localdate()})
        super().__init__(*args, **kwargs)


class DefinitiefForm(forms.Form):
    """Making the verslag definitief cannot be undone: the person confirms it (checked by the
    server, not only by the browser)."""

    bevestigd = forms.BooleanField(
        label="Ik heb het verslag gecontroleerd en maak het nu definitief: daarna kan het "
        "onderzoek niet meer worden gewijzigd.",
        error_messages={
            "required": "Vink aan dat u het verslag hebt gecontroleerd: een definitief verslag "
            "kan niet meer worden gewijzigd."
        },
    )
