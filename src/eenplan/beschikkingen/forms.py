"""Forms of the beschikking pages: they parse input; the services decide and refuse.

Fields a service checks (volume, dates, PGB conditions, motivering, gronden ...) are optional
here, so the Dutch message comes from one place: the service (web.forms.add_service_errors
puts it next to the field or above the form).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils import timezone

from eenplan.aanbieders.models import Aanbieder, ContractProduct
from eenplan.aanbieders.selectors import eenheid_omschrijving
from eenplan.beschikkingen.constants import BeschikkingStatus, Uitkomst
from eenplan.beschikkingen.page_selectors import zin_aanbieders
from eenplan.beschikkingen.selectors import BeschikkingZoekvraag, zoekvraag_fout
from eenplan.beschikkingen.services import Regel
from eenplan.common.constants import Wet
from eenplan.rules.voorziening import PgbToets
from eenplan.voorzieningen.constants import Leveringsvorm
from eenplan.voorzieningen.forms import bedrag_veld, code_keuzes
from eenplan.voorzieningen.models import Voorziening
from eenplan.web.forms import KEUZE_FOUT, datum_veld

MAX_REGELS = 5


def _tekst(label: str, *, rows: int = 3, **kwargs: Any) -> forms.CharField:
    return forms.CharField(
        label=label, required=False, widget=forms.Textarea(attrs={"rows": rows}), **kwargs
    )


def aanbieder_waarde(voorziening: Voorziening, aanbieder: Aanbieder) -> str:
    """A provider choice names its provision too: '12:3' (voorziening 12, aanbieder 3)."""
    return f"{voorziening.pk}:{aanbieder.pk}"


def aanbieder_label(voorziening: Voorziening, product: ContractProduct, op: dt.date) -> str:
    """'Thuiszorg West: Hulp bij het huishouden, € 29,90 per uur' (and 'vanaf ...' when the
    contract or tariff starts later)."""
    bedrag = f"{product.tarief:.2f}".replace(".", ",")
    eenheid = eenheid_omschrijving(product.eenheid)
    label = f"{product.contract.aanbieder.naam}: {voorziening.naam}, € {bedrag}"
    label += f" per {eenheid}" if eenheid else ""
    vanaf = max(product.geldig_vanaf, product.contract.begin)
    if vanaf > op:
        label += f" (vanaf {vanaf:%d-%m-%Y})"
    return label


class RegelForm(forms.Form):
    """What is decided on one requested provision (beschikkingen.services.Regel)."""

    voorziening = forms.ChoiceField(
        label="Voorziening",
        required=False,
        error_messages={"invalid_choice": "Kies een voorziening uit de catalogus."},
    )
    uitkomst = forms.ChoiceField(
        label="Besluit",
        choices=Uitkomst.choices,
        initial=Uitkomst.TOEGEKEND,
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": KEUZE_FOUT},
    )
    omvang = forms.DecimalField(
        label="Omvang",
        required=False,
        max_digits=10,
        decimal_places=2,
        localize=True,
        error_messages={"invalid": "Vul een getal in, bijvoorbeeld 3 of 2,5."},
    )
    frequentie = forms.ChoiceField(label="Per", required=False)
    begin = datum_veld("Ingangsdatum", required=False)
    einde = datum_veld("Einddatum", required=False)
    heronderzoek_op = datum_veld("Heronderzoek op", required=False)
    leveringsvorm = forms.ChoiceField(
        label="Leveringsvorm",
        choices=Leveringsvorm.choices,
        initial=Leveringsvorm.ZIN,
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": KEUZE_FOUT},
    )
    aanbieder = forms.ChoiceField(
        label="Aanbieder (zorg in natura)",
        required=False,
        error_messages={
            "invalid_choice": "Kies een aanbieder met een contract voor deze voorziening."
        },
    )
    # PGB: the three conditions of Wmo 2015 art. 2.3.6 lid 2, the persoonlijk plan, the tariff.
    kan_beheren = forms.BooleanField(
        label="De inwoner (of een vertegenwoordiger) kan het budget beheren", required=False
    )
    # Onder b (and Jeugdwet art. 8.1.1 lid 2 onder b): the reasoned view that the help in kind
    # on offer does not suit.
    pgb_motivering = _tekst("Waarom past de aangeboden hulp in natura niet (keuze voor een pgb)?")
    kwaliteit_geborgd = forms.BooleanField(
        label="De kwaliteit van de ingekochte hulp is geborgd", required=False
    )
    # Not a legal condition (Jeugdwet art. 8.1.1 lid 2): an optional fact, e.g. a waiting list.
    geen_passende_zin = forms.BooleanField(
        label="Er is geen passende hulp in natura beschikbaar (optioneel)", required=False
    )
    reden_geen_zin = _tekst("Toelichting, bijvoorbeeld een wachtlijst (optioneel)", rows=2)
    persoonlijk_plan = _tekst("Persoonlijk plan van de inwoner", rows=4)
    pgb_tarief = bedrag_veld(
        "Gevraagd tarief per eenheid", help_text="Het tarief dat de inwoner wil betalen."
    )

    def __init__(
        self,
        *args: Any,
        voorzieningen: list[Voorziening],
        wet: str,
        op: dt.date | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.voorzieningen = {str(v.pk): v for v in voorzieningen}
        self.jeugd = wet == Wet.JEUGD
        self.fields["voorziening"].choices = [("", "Kies een voorziening")] + [
            (str(v.pk), f"{v.naam} ({v.productcode})" if v.productcode else v.naam)
            for v in voorzieningen
        ]
        self.fields["frequentie"].choices = code_keuzes("WMO757", leeg="Zoals in de catalogus")
        op = op or timezone.localdate()
        keuzes = [("", "Kies een aanbieder")]
        self.aanbieders: dict[str, Aanbieder] = {}
        for v in voorzieningen:
            for product in zin_aanbieders(v):
                waarde = aanbieder_waarde(v, product.contract.aanbieder)
                self.aanbieders[waarde] = product.contract.aanbieder
                keuzes.append((waarde, aanbieder_label(v, product, op)))
        self.fields["aanbieder"].choices = keuzes
        if not self.jeugd:
            del self.fields["geen_passende_zin"]
            del self.fields["reden_geen_zin"]

    @property
    def gekozen(self) -> Voorziening | None:
        data = getattr(self, "cleaned_data", {})
        return self.voorzieningen.get(data.get("voorziening") or "")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        voorziening = self.voorzieningen.get(data.get("voorziening") or "")
        aanbieder = data.get("aanbieder") or ""
        if (
            voorziening is not None
            and data.get("leveringsvorm") == Leveringsvorm.ZIN
            and aanbieder
            and not aanbieder.startswith(f"{voorziening.pk}:")
        ):
            self.add_error(
                "aanbieder",
                f"Deze aanbieder heeft geen contract voor {voorziening.naam}; kies een "
                "aanbieder van deze voorziening.",
            )
        return data

    def regel(self) -> Regel | None:
        """The Regel for the service; None when no provision was chosen (an empty row)."""
        data = self.cleaned_data
        voorziening = self.gekozen
        if voorziening is None:
            return None
        uitkomst = data["uitkomst"] or Uitkomst.TOEGEKEND
        if uitkomst == Uitkomst.AFGEWEZEN:
            return Regel(voorziening=voorziening, uitkomst=uitkomst)
        pgb = data["leveringsvorm"] == Leveringsvorm.PGB
        return Regel(
            voorziening=voorziening,
            uitkomst=uitkomst,
            omvang=data["omvang"],
            begin=data["begin"],
            einde=data["einde"],
            heronderzoek_op=data["heronderzoek_op"],
            leveringsvorm=data["leveringsvorm"],
            aanbieder=None if pgb else self.aanbieders.get(data["aanbieder"] or ""),
            frequentie=data["frequentie"],
            pgb_toets=PgbToets(
                kan_beheren=data["kan_beheren"],
                motivering=data["pgb_motivering"],
                kwaliteit_geborgd=data["kwaliteit_geborgd"],
                geen_passende_zin=data.get("geen_passende_zin") if self.jeugd else None,
                reden_geen_zin=data.get("reden_geen_zin", ""),
            )
            if pgb
            else None,
            pgb_tarief=data["pgb_tarief"] if pgb else None,
            persoonlijk_plan=data["persoonlijk_plan"] if pgb else "",
        )


class BeslisForm(forms.Form):
    besloten_op = datum_veld("Besluitdatum", initial=timezone.localdate)
    motivering = _tekst(
        "Motivering",
        rows=5,
        help_text="In gewone taal: waarom dit besluit. De uitkomst van de ladder komt er "
        "vanzelf bij.",
    )


class VerzendForm(forms.Form):
    """Sending is irreversible: the person confirms that they checked the letter."""

    op = datum_veld("Verzonden op", initial=timezone.localdate)
    bevestigd = forms.BooleanField(
        label="Ik heb de brief hierboven gecontroleerd en verstuur hem nu.",
        error_messages={
            "required": "Vink aan dat u de brief hebt gecontroleerd: een verzonden brief kan "
            "niet worden teruggehaald."
        },
    )


class ToetsForm(forms.Form):
    oordeel = forms.ChoiceField(
        label="Oordeel",
        choices=[("rechtmatig", "Rechtmatig"), ("onrechtmatig", "Onrechtmatig")],
        widget=forms.RadioSelect,
        error_messages={
            "required": "Kies rechtmatig of onrechtmatig.",
            "invalid_choice": KEUZE_FOUT,
        },
    )
    reden = _tekst("Reden", rows=2, help_text="Verplicht bij onrechtmatig; de beslisser ziet dit.")
    terug = forms.CharField(widget=forms.HiddenInput, required=False)


class BeschikkingZoekForm(forms.Form):
    """The search of the beschikkingen page: the same parameter names as the API
    (`selectors.BESCHIKKING_ZOEK_PARAMETERS`)."""

    q = forms.CharField(
        label="Inwoner of nummer",
        required=False,
        max_length=100,
        help_text="Naam, BSN, geboortedatum of postcode van de inwoner, of het nummer van de "
        "beschikking.",
    )
    status = forms.ChoiceField(
        label="Status",
        required=False,
        choices=[("", "Alle")] + list(BeschikkingStatus.choices),
        error_messages={"invalid_choice": KEUZE_FOUT},
    )
    voorziening = forms.ModelChoiceField(
        label="Voorziening",
        required=False,
        queryset=Voorziening.objects.none(),
        empty_label="Alle",
        error_messages={"invalid_choice": KEUZE_FOUT},
    )
    wet = forms.ChoiceField(
        label="Wet",
        required=False,
        choices=[("", "Alle")] + list(Wet.choices),
        error_messages={"invalid_choice": KEUZE_FOUT},
    )
    besloten_van = datum_veld("Besloten van", required=False)
    besloten_tot = datum_veld("Besloten tot en met", required=False)

    def __init__(self, *args: Any, gemeente_id: int | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["voorziening"].queryset = (
            Voorziening.objects.filter(  # type: ignore[attr-defined]
                gemeente_id=gemeente_id
            )
            .exclude(soort="algemeen")
            .order_by("naam")
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        fout = zoekvraag_fout(data.get("q") or "")
        if fout:
            self.add_error("q", fout)
        van, tot = data.get("besloten_van"), data.get("besloten_tot")
        if van and tot and van > tot:
            self.add_error("besloten_tot", "De periode eindigt vóór zij begint.")
        return data

    def zoekvraag(self) -> BeschikkingZoekvraag:
        data = self.cleaned_data
        voorziening = data.get("voorziening")
        return BeschikkingZoekvraag(
            q=data.get("q") or "",
            status=data.get("status") or "",
            voorziening=voorziening.pk if voorziening else None,
            wet=data.get("wet") or "",
            besloten_van=data.get("besloten_van"),
            besloten_tot=data.get("besloten_tot"),
        )


# --- the SVB and CAK exports as background tasks (issue 16, docs/exports.md) -------------------

FORMAAT_KEUZES = [("csv", "CSV (puntkomma, UTF-8)"), ("json", "JSON")]


def _formaat() -> forms.ChoiceField:
    return forms.ChoiceField(
        label="Formaat",
        choices=FORMAAT_KEUZES,
        initial="csv",
        widget=forms.RadioSelect,
        error_messages={"required": KEUZE_FOUT, "invalid_choice": KEUZE_FOUT},
    )


class SvbExportForm(forms.Form):
    op = datum_veld(
        "Peildatum", help_text="De pgb-budgetten die op deze dag lopen (dd-mm-jjjj)."
    )
    formaat = _formaat()

    def clean_op(self) -> dt.date:
        from eenplan.common.datums import datum_fout
        from eenplan.rules import datums

        op: dt.date = self.cleaned_data["op"]
        if fout := datum_fout(datums.PLANNING, op):
            raise forms.ValidationError(fout)
        return op


class CakExportForm(forms.Form):
    maand = forms.CharField(
        label="Maand",
        help_text="De maand als jjjj-mm, bijvoorbeeld 2026-05.",
        max_length=7,
        error_messages={"required": "Vul de maand in als jjjj-mm, bijvoorbeeld 2026-05."},
    )
    formaat = _formaat()

    def clean_maand(self) -> str:
        from eenplan.beschikkingen.exports import parse_maand
        from eenplan.common.datums import datum_fout
        from eenplan.rules import datums

        maand = self.cleaned_data["maand"].strip()
        try:
            begin, _ = parse_maand(maand)
        except ValueError as exc:
            raise forms.ValidationError(str(exc)) from exc
        if fout := datum_fout(datums.PLANNING, begin):
            raise forms.ValidationError(fout)
        return maand
