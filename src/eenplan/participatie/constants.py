"""Choices of work and income (issue 14). The rules' enums live in `rules.participatie`; these
are their database choices."""

from django.db import models


class VoorschotUitsluiting(models.TextChoices):
    """Participatiewet art. 52 lid 1: no voorschot on one of these grounds."""

    GEEN = "", "Geen uitzondering"
    GEGEVENS_OF_MEDEWERKING = (
        "gegevens_of_medewerking",
        (
            "Gevraagde gegevens niet (tijdig) gegeven of onvoldoende medewerking (art. 52 lid 1 "
            "onder a)"
        ),
    )
    GEEN_RECHT = (
        "geen_recht",
        ("Bij de aanvraag is al duidelijk dat er geen recht is (art. 52 lid 1 onder b)"),
    )


class Route(models.TextChoices):
    DIRECT = "direct", "Directe bemiddeling naar werk"
    WERKSPOOR = "werkspoor", "Werkspoor"
    PARTICIPATIESPOOR = "participatiespoor", "Participatiespoor"


class Methode(models.TextChoices):
    """How the earning capacity was measured (seed 003a L3434: "een geschikt instrument")."""

    LOONWAARDEMETING = "loonwaardemeting", "Loonwaardemeting op de werkplek"
    DIAGNOSE = "diagnose", "Diagnose door het Werkplein"
    UWV_BEOORDELING = "uwv_beoordeling", "Beoordeling arbeidsvermogen (UWV)"
    INSCHATTING = "inschatting", "Eerste inschatting in het gebiedsteam"


class TrajectFase(models.TextChoices):
    BEMIDDELING = "bemiddeling", "Bemiddeling"
    DIAGNOSE = "diagnose", "Diagnose"
    ONTWIKKELING = "ontwikkeling", "Ontwikkeling"
    MATCHING = "matching", "Matching"
    PARTICIPATIE = "participatie", "Participatie (periodieke gesprekken)"


class TrajectResultaat(models.TextChoices):
    WERK = "werk", "Uitgestroomd naar werk"
    OPLEIDING = "opleiding", "Naar opleiding"
    NAAR_WERKSPOOR = "naar_werkspoor", "Door naar het Werkspoor"
    NIET_HAALBAAR = "niet_haalbaar", "Werk niet haalbaar: terug naar de regisseur"
    GESTOPT = "gestopt", "Gestopt"


# The order of the Werkspoor's phases (seed 003a §3.9: diagnose → ontwikkeling → matching).
WERKSPOOR_FASEN = (TrajectFase.DIAGNOSE, TrajectFase.ONTWIKKELING, TrajectFase.MATCHING)


class InstrumentSoort(models.TextChoices):
    """The instruments of the route (seed 003a §3.9; seed 003b §4.7; issue 14)."""

    REINTEGRATIE = "reintegratie", "Re-integratietraject"
    LOONKOSTENSUBSIDIE = "loonkostensubsidie", "Loonkostensubsidie"
    BESCHUT_WERK = "beschut_werk", "Beschut werk"
    JOBCOACH = "jobcoach", "Jobcoach"
    WERKERVARINGSPLEK = "werkervaringsplek", "Werkervaringsplek"
    INBURGERING = "inburgering", "Inburgering (persoonlijk plan inburgering en participatie)"


# Instruments that place a person at an employer.
BIJ_WERKGEVER = (
    InstrumentSoort.LOONKOSTENSUBSIDIE,
    InstrumentSoort.BESCHUT_WERK,
    InstrumentSoort.WERKERVARINGSPLEK,
)


class InstrumentResultaat(models.TextChoices):
    WERK = "werk", "Betaald werk"
    AFGEROND = "afgerond", "Afgerond volgens plan"
    VOORTIJDIG = "voortijdig", "Voortijdig gestopt"


class Grootte(models.TextChoices):
    """Size classes of the werkgeversbenadering (seed 003a L3396-3420)."""

    ZZP = "zzp", "Zzp"
    KLEIN = "klein", "Minder dan 10 medewerkers"
    MIDDEN = "midden", "10 tot 50 medewerkers"
    GROOT = "groot", "50 medewerkers of meer"


class MaatregelSoort(models.TextChoices):
    WAARSCHUWING = "waarschuwing", "Schriftelijke waarschuwing"
    VERLAGING = "verlaging", "Verlaging van de bijstand"
