"""Forms of the plan pages: they parse input; the services decide and refuse.

Choices of people (members, network, professionals) are built by the view from the household,
so a posted value can only name someone shown on the page. Select values name the kind of
person ('inwoner:12', 'netwerk:3', 'medewerker:5'); the view resolves them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import forms
from django.utils import timezone

from eenplan.common.constants import Wet
from eenplan.onderzoeken.forms import tekst_veld
from eenplan.onderzoeken.models import Leefgebied
from eenplan.plannen.constants import Doeltype, Escalatie, Uitkomst, Uitvoerder, VeiligheidSoort
from eenplan.rules.onderzoek import STANDAARD_LADDER, Ladder, LadderStap
from eenplan.web.forms import KEUZE_FOUT, datum_veld

Groepen = Sequence[tuple[str, Sequence[tuple[str, str]]]]


def _keuze(
    label: str, choices: Any, *, radio: bool = False, verplicht: str = "", **kwargs: Any
) -> forms.ChoiceField:
    """A choice; `verplicht` is the Dutch message when nothing is chosen (then required)."""
    return forms.ChoiceField(
        label=label,
        choices=choices,
        required=bool(verplicht),
        widget=forms.RadioSelect if radio else forms.Select,
        error_messages={"invalid_choice": KEUZE_FOUT, "required": verplicht or KEUZE_FOUT},
        **kwargs,
    )


def _groep_veld(label: str, groepen: Groepen, **kwargs: Any) -> forms.ChoiceField:
    """A select with option groups (rendered by onderzoeken/_select.html)."""
    veld = _keuze(label, [("", "")] + [c for _, opties in groepen for c in opties], **kwargs)
    veld.groepen = groepen  # type: ignore[attr-defined]
    return veld


def _leden_keuzes(leden: Sequence[Any]) -> list[tuple[str, str]]:
    return [(str(i.pk), i.naam) for i in leden]


INTERN_UITLEG = (
    "Aangevinkt: alleen medewerkers zien dit. Anders ziet de inwoner het in Mijn zaak (het "
    "plan is van de inwoner; markeer alleen wat echt intern moet blijven)."
)


def intern_veld(label: str) -> forms.BooleanField:
    """Shared with the resident unless ticked (issue 13: the safe default for plan content)."""
    return forms.BooleanField(label=label, required=False, help_text=INTERN_UITLEG)


class DoelForm(forms.Form):
    intern = intern_veld("Alleen intern (niet in Mijn zaak)")

    def __init__(
        self,
        *args: Any,
        leden: Sequence[Any] = (),
        leefgebieden: Sequence[Leefgebied] = (),
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("prefix", "doel")
        super().__init__(*args, **kwargs)
        self.fields["inwoner"] = _keuze(
            "Voor wie", _leden_keuzes(leden), verplicht="Kies voor wie dit is."
        )
        self.fields["leefgebied"] = _keuze(
            "Leefgebied",
            [("", "Kies een leefgebied")] + [(str(lg.pk), lg.naam) for lg in leefgebieden],
        )
        self.fields["doeltype"] = _keuze(
            "Soort doel",
            Doeltype.choices,
            radio=True,
            help_text="Drie soorten doelen: de zelfredzaamheid versterken, stabiliseren, of "
            "ondersteunen bij achteruitgang.",
        )
        self.fields["omschrijving"] = tekst_veld(
            "Het doel", rows=2, help_text="In de woorden van de inwoner."
        )
        self.fields["evaluatie_op"] = datum_veld("Evalueren op", required=False)


class ActieForm(forms.Form):
    omschrijving = tekst_veld("Wat gebeurt er?", max_length=300)
    uitvoerder_soort = _keuze("Wie doet het", [("", "Kies …"), *Uitvoerder.choices])
    uitvoerder = tekst_veld(
        "Wie precies", max_length=200, help_text="Bijvoorbeeld 'dochter Lotte' of 'thuiszorg'."
    )
    uiterlijk = datum_veld("Uiterlijk", required=False)
    intern = intern_veld("Alleen intern (niet in Mijn zaak)")


class EvaluatieForm(forms.Form):
    datum = datum_veld("Datum van de evaluatie")
    uitkomst = _keuze(
        "Uitkomst", Uitkomst.choices, radio=True, verplicht="Kies: bereikt, deels of niet."
    )
    toelichting = tekst_veld("Toelichting", rows=2)

    def __init__(self, *args: Any, ankers: Sequence[tuple[int, str]] = (), **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"datum": timezone.localdate()})
        super().__init__(*args, **kwargs)
        self.fields["score"] = forms.TypedChoiceField(
            label="Nieuwe score op dit leefgebied",
            choices=[("", "Geen nieuwe score")] + [(str(s), f"{s} – {t}") for s, t in ankers],
            coerce=int,
            empty_value=None,
            required=False,
            error_messages={"invalid_choice": KEUZE_FOUT},
        )


def ladder_voorstel(ladder: Ladder = STANDAARD_LADDER) -> list[tuple[str, str]]:
    """The kinds of provision a proposal can be: the municipality's steps from algemene
    voorzieningen on (collectief maatwerk only where its ladder has that step)."""
    return [
        (str(int(s)), s.label) for s in ladder.stappen if s >= LadderStap.ALGEMENE_VOORZIENINGEN
    ]


LADDER_VOORSTEL = ladder_voorstel()


class VoorstelForm(forms.Form):
    def __init__(
        self,
        *args: Any,
        leden: Sequence[Any] = (),
        doelen: Sequence[Any] = (),
        ladder: Ladder = STANDAARD_LADDER,
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("prefix", "voorstel")
        super().__init__(*args, **kwargs)
        self.fields["inwoner"] = _keuze(
            "Voor wie", _leden_keuzes(leden), verplicht="Kies voor wie dit is."
        )
        self.fields["omschrijving"] = tekst_veld(
            "Voorziening", max_length=300, help_text="Bijvoorbeeld 'hulp bij het huishouden'."
        )
        self.fields["wet"] = _keuze("Wet", [("", "Kies …"), *Wet.choices], verplicht="Kies de wet.")
        self.fields["ladderstap"] = _keuze(
            "Soort voorziening",
            ladder_voorstel(ladder),
            radio=True,
            verplicht="Kies het soort voorziening.",
            help_text="Maatwerk kan pas als de lichtere stappen van de afweging zijn "
            "vastgelegd en niet volstaan (Wmo 2015 art. 2.3.5 lid 3).",
        )
        self.fields["doel"] = _keuze(
            "Bij doel",
            [("", "Geen bepaald doel")]
            + [(str(d.pk), f"{d.leefgebied.naam}: {d.omschrijving[:60]}") for d in doelen],
        )


class RegisseurForm(forms.Form):
    def __init__(self, *args: Any, groepen: Groepen = (), **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "regisseur")
        kwargs.setdefault("initial", {"van": timezone.localdate()})
        super().__init__(*args, **kwargs)
        self.fields["wie"] = _groep_veld(
            "Wie wordt de regisseur?",
            groepen,
            help_text="Eén regisseur per plan: de inwoner zelf, een mantelzorger, iemand uit "
            "het netwerk of, alleen als de inwoner erom vraagt, een professional.",
        )
        self.fields["op_verzoek_van_inwoner"] = forms.BooleanField(
            label="De inwoner heeft hierom gevraagd", required=False
        )
        self.fields["van"] = datum_veld("Regisseur vanaf")


class DeelnemerForm(forms.Form):
    def __init__(
        self,
        *args: Any,
        netwerk: Groepen = (),
        volwassenen: Sequence[Any] = (),
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("prefix", "deelnemer")
        kwargs.setdefault("initial", {"gegeven_op": timezone.localdate()})
        super().__init__(*args, **kwargs)
        self.fields["netwerkpersoon"] = _groep_veld("Iemand uit het netwerk", netwerk)
        self.fields["organisatie"] = tekst_veld(
            "Of een organisatie",
            max_length=200,
            help_text="Bijvoorbeeld de thuiszorg of het buurthuis.",
        )
        self.fields["werkplein"] = forms.BooleanField(
            label="Dit is het Werkplein (consulent werk en inkomen)",
            required=False,
            help_text="Dan kan het Werkplein doelen over werk en inkomen aan een traject "
            "koppelen. Laat de organisatie leeg voor de naam 'Werkplein'.",
        )
        self.fields["rol"] = forms.CharField(
            label="Wat doet deze deelnemer in het plan?",
            max_length=200,
            error_messages={
                "required": "Vul in wat deze deelnemer doet, bijvoorbeeld 'boodschappen'."
            },
        )
        self.fields["toestemming_van"] = _keuze(
            "Toestemming van",
            _leden_keuzes(volwassenen),
            verplicht="Kies wie in het huishouden toestemming geeft.",
        )
        self.fields["toestemming"] = forms.BooleanField(
            label="De inwoner geeft toestemming dat deze deelnemer meedoet aan het plan en de "
            "gegevens die daarvoor nodig zijn, ziet",
            required=False,
        )
        self.fields["gegeven_op"] = datum_veld("Toestemming gegeven op")


class IntrekkenForm(forms.Form):
    op = datum_veld("Ingetrokken op")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"op": timezone.localdate()})
        super().__init__(*args, **kwargs)


class VeiligheidForm(forms.Form):
    soort = _keuze(
        "Wat is er aan de hand?", VeiligheidSoort.choices, radio=True, verplicht=KEUZE_FOUT
    )
    escalatie = _keuze(
        "Wat is besloten?",
        Escalatie.choices,
        radio=True,
        verplicht=KEUZE_FOUT,
        help_text="Bij acute onveiligheid: Veilig Thuis of het Zorg- en Veiligheidshuis "
        "(meldcode).",
    )
    omschrijving = tekst_veld("Beschrijving", rows=3)


class OndertekenForm(forms.Form):
    def __init__(self, *args: Any, groepen: Groepen = (), **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "onderteken")
        kwargs.setdefault("initial", {"op": timezone.localdate()})
        super().__init__(*args, **kwargs)
        self.fields["ondertekenaar"] = _groep_veld(
            "Wie ondertekent?",
            groepen,
            verplicht="Kies wie het plan ondertekent.",
            help_text="Een volwassen lid van het huishouden of een wettelijk vertegenwoordiger.",
        )
        self.fields["op"] = datum_veld("Ondertekend op")


class AanvraagForm(forms.Form):
    def __init__(self, *args: Any, leden: Sequence[Any] = (), **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "aanvraag")
        kwargs.setdefault("initial", {"ontvangen_op": timezone.localdate()})
        super().__init__(*args, **kwargs)
        self.fields["inwoner"] = _keuze(
            "Voor wie", _leden_keuzes(leden), verplicht="Kies voor wie dit is."
        )
        self.fields["omschrijving"] = tekst_veld("Wat vraagt de inwoner aan?", max_length=300)
        self.fields["wet"] = _keuze("Wet", [("", "Kies …"), *Wet.choices], verplicht="Kies de wet.")
        self.fields["ontvangen_op"] = datum_veld("Ontvangen op")
        self.fields["ingediend_door"] = forms.CharField(
            label="Ingediend door",
            max_length=200,
            error_messages={"required": "Vul in wie de aanvraag indient."},
        )
        self.fields["toelichting"] = tekst_veld("Toelichting", rows=2)


class SamenvoegenForm(forms.Form):
    def __init__(self, *args: Any, plannen: Sequence[Any] = (), **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "samenvoegen")
        super().__init__(*args, **kwargs)
        self.fields["plannen"] = forms.MultipleChoiceField(
            label="Samenvoegen met",
            choices=[
                (str(p.pk), f"Plan {p.pk} ({p.get_status_display().lower()})") for p in plannen
            ],
            widget=forms.CheckboxSelectMultiple,
            required=False,
            error_messages={"invalid_choice": KEUZE_FOUT},
        )
