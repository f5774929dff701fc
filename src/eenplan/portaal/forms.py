"""The portal's forms: short, in plain Dutch (B1)."""

from __future__ import annotations

from django import forms

from eenplan.meldingen.constants import Domein
from eenplan.meldingen.services import VRAAG_MAX
from eenplan.plannen.models import Inbreng
from eenplan.plannen.services.inbreng import INBRENG_MAX
from eenplan.portaal.services import (
    AANVRAAG_WETTEN,
    OMSCHRIJVING_MAX,
    SOORTEN_VASTLEGGEN,
    TOELICHTING_MAX,
)
from eenplan.privacy.constants import MachtigingSoort
from eenplan.web.forms import datum_veld

ONDERWERPEN = [
    (Domein.WMO, "Hulp thuis, bij het huishouden of om mee te doen (Wmo)"),
    (Domein.JEUGD, "Hulp voor een kind of jongere (Jeugdwet)"),
    (Domein.PARTICIPATIE, "Werk of inkomen"),
    (Domein.SCHULDEN, "Geldzorgen of schulden"),
    (Domein.OVERIG, "Iets anders"),
]


class MeldingForm(forms.Form):
    vraag = forms.CharField(
        label="Waar hebt u hulp bij nodig?",
        help_text="Schrijf het in uw eigen woorden. Bijvoorbeeld: wat lukt niet meer, en sinds "
        "wanneer?",
        max_length=VRAAG_MAX,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Schrijf op waar u hulp bij nodig hebt."},
    )
    domeinen = forms.MultipleChoiceField(
        label="Waar gaat het over?",
        help_text="Kies wat past. Meer dan één mag.",
        choices=ONDERWERPEN,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Kies ten minste één onderwerp."},
    )
    persoonlijk_plan = forms.CharField(
        label="Persoonlijk plan (niet verplicht)",
        help_text="Wilt u zelf al opschrijven wat u nodig hebt en wat u zelf of met mensen om u "
        "heen kunt doen? Dat mag hier, of later binnen 7 dagen.",
        required=False,
        max_length=VRAAG_MAX,
        widget=forms.Textarea(attrs={"rows": 5}),
    )


class ReactieForm(forms.Form):
    tekst = forms.CharField(
        label="Uw opmerking bij het verslag",
        help_text="Klopt er iets niet, of mist er iets? Schrijf het hier. Uw opmerking komt bij "
        "het verslag.",
        max_length=VRAAG_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Schrijf uw opmerking op."},
    )


class InbrengForm(forms.Form):
    soort = forms.ChoiceField(
        label="Wat wilt u toevoegen?",
        choices=[
            (Inbreng.Soort.NOTITIE, "Een notitie"),
            (Inbreng.Soort.DOELVOORSTEL, "Een voorstel voor een nieuw doel"),
        ],
        initial=Inbreng.Soort.NOTITIE,
    )
    tekst = forms.CharField(
        label="Uw tekst",
        max_length=INBRENG_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Schrijf op wat u wilt toevoegen."},
    )


class ToestemmingForm(forms.Form):
    aan = forms.CharField(
        label="Wie mag meedoen aan uw plan?",
        help_text="Een persoon of organisatie, bijvoorbeeld: mijn buurvrouw Els, of Stichting "
        "Welzijn.",
        max_length=200,
        error_messages={"required": "Schrijf op wie mag meedoen."},
    )
    rol = forms.CharField(
        label="Wat doet deze persoon of organisatie?",
        max_length=200,
        error_messages={"required": "Schrijf op wat deze persoon of organisatie doet."},
    )


class MachtigingForm(forms.Form):
    """Authorise another resident: identified by BSN and birth date, as DigiD would give."""

    bsn = forms.CharField(
        label="BSN van de persoon die u machtigt",
        help_text="Het burgerservicenummer: 9 cijfers. U vindt het op het paspoort of de "
        "identiteitskaart.",
        max_length=9,
        min_length=9,
        error_messages={
            "required": "Vul het BSN in.",
            "min_length": "Een BSN heeft 9 cijfers.",
            "max_length": "Een BSN heeft 9 cijfers.",
        },
    )
    geboortedatum = datum_veld("Geboortedatum van deze persoon")
    soort = forms.ChoiceField(
        label="Wat mag deze persoon doen?",
        choices=MachtigingSoort.choices,
        error_messages={"required": "Kies wat deze persoon mag doen."},
    )
    tot = datum_veld(
        "Tot en met welke datum?",
        help_text="Daarna stopt de machtiging vanzelf. U kunt hem ook eerder intrekken.",
    )

    def clean_bsn(self) -> str:
        bsn = self.cleaned_data["bsn"].strip()
        if not bsn.isdigit():
            raise forms.ValidationError("Een BSN heeft 9 cijfers.")
        return bsn


BEZWAAR_MAX = 5000


class BezwaarForm(forms.Form):
    """A bezwaarschrift (Awb 6:5): the decision is in the URL, the name and date come from the
    login and today; the resident writes the grounds."""

    gronden = forms.CharField(
        label="Waarom bent u het niet eens met het besluit?",
        help_text="Schrijf in uw eigen woorden wat er volgens u niet klopt, en wat u wel nodig "
        "hebt.",
        max_length=BEZWAAR_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": "Schrijf op waarom u het niet eens bent met het besluit.",
            "max_length": "Schrijf het korter: ten hoogste %(limit_value)d tekens.",
        },
    )
    reden_te_laat = forms.CharField(
        label="Bent u te laat? Schrijf dan op waarom",
        help_text="Bijvoorbeeld: u lag in het ziekenhuis, of u kreeg de brief later. De "
        "gemeente kijkt of uw bezwaar toch in behandeling kan (Algemene wet bestuursrecht, "
        "artikel 6:11).",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": "Schrijf het korter: ten hoogste %(limit_value)d tekens."},
    )
    akkoord = forms.BooleanField(
        label="Ik dien dit bezwaar in. Wat ik schreef klopt.",
        error_messages={"required": "Zet een vinkje om uw bezwaar in te dienen."},
    )

    def clean_gronden(self) -> str:
        gronden = self.cleaned_data["gronden"].strip()
        if len(gronden) < 10:
            raise forms.ValidationError(
                "Schrijf iets meer op: waarom bent u het niet eens met het besluit?"
            )
        return gronden


class KlachtForm(forms.Form):
    """A complaint about how the municipality treated you (Awb 9:1)."""

    onderwerp = forms.CharField(
        label="Waarover gaat uw klacht?",
        help_text="Schrijf op wat er gebeurde, wanneer, en wie erbij was (als u dat weet). "
        "Een klacht gaat over hoe de gemeente u behandelde. Bent u het niet eens met een "
        "besluit? Maak dan bezwaar.",
        max_length=BEZWAAR_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": "Schrijf op waarover uw klacht gaat.",
            "max_length": "Schrijf het korter: ten hoogste %(limit_value)d tekens.",
        },
    )

    def clean_onderwerp(self) -> str:
        onderwerp = self.cleaned_data["onderwerp"].strip()
        if len(onderwerp) < 10:
            raise forms.ValidationError("Schrijf iets meer op: wat is er gebeurd?")
        return onderwerp


class VertegenwoordigingForm(forms.Form):
    """Staff record who may act for a resident (the representative identified by BSN and
    birth date, as on the portal)."""

    bsn = forms.CharField(
        label="BSN van de vertegenwoordiger",
        max_length=9,
        min_length=9,
        error_messages={
            "required": "Vul het BSN in.",
            "min_length": "Een BSN heeft 9 cijfers.",
            "max_length": "Een BSN heeft 9 cijfers.",
        },
    )
    geboortedatum = datum_veld("Geboortedatum van de vertegenwoordiger")
    soort = forms.ChoiceField(
        label="Soort vertegenwoordiging",
        choices=[("", "Kies"), *SOORTEN_VASTLEGGEN.items()],
        error_messages={"required": "Kies wat deze persoon mag doen."},
    )
    van = datum_veld("Vanaf")
    tot = datum_veld(
        "Tot en met",
        required=False,
        help_text="Verplicht bij een machtiging. Bij een mentor of curator meestal leeg.",
    )
    bewijs = forms.CharField(
        label="Uitspraak of document",
        required=False,
        max_length=80,
        help_text="Bij mentor of curator: de beschikking van de rechtbank met de datum.",
    )

    def clean_bsn(self) -> str:
        bsn = self.cleaned_data["bsn"].strip()
        if not bsn.isdigit():
            raise forms.ValidationError("Een BSN heeft 9 cijfers.")
        return bsn


class AanvraagForm(forms.Form):
    """An aanvraag filed directly, without signing the plan (Wmo 2015 art. 2.3.2 lid 9): the law,
    what the resident asks for, and why (optional); the name and date come from the login."""

    wet = forms.ChoiceField(
        label="Waarvoor vraagt u hulp?",
        choices=list(AANVRAAG_WETTEN.items()),
        widget=forms.RadioSelect,
        error_messages={"required": "Kies waarvoor u hulp vraagt: Wmo of Jeugdwet."},
    )
    omschrijving = forms.CharField(
        label="Wat vraagt u aan?",
        help_text="Kort, bijvoorbeeld: een traplift, of hulp bij het huishouden.",
        max_length=OMSCHRIJVING_MAX,
        error_messages={
            "required": "Schrijf op wat u aanvraagt.",
            "max_length": "Schrijf het korter: ten hoogste %(limit_value)d tekens. De uitleg kan "
            "in het vak hieronder.",
        },
    )
    toelichting = forms.CharField(
        label="Waarom hebt u dit nodig?",
        help_text="Bijvoorbeeld: wat lukt niet meer, of waarom het plan niet genoeg is.",
        required=False,
        max_length=TOELICHTING_MAX,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"max_length": "Schrijf het korter: ten hoogste %(limit_value)d tekens."},
    )
    akkoord = forms.BooleanField(
        label="Ik doe deze aanvraag. Wat ik schreef klopt.",
        error_messages={"required": "Zet een vinkje om uw aanvraag te versturen."},
    )
