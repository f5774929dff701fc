"""Choices of the message traffic."""

from __future__ import annotations

from django.db import models

from eenplan.istandaarden.model import BERICHTEN


class Richting(models.TextChoices):
    IN = "in", "Ontvangen"
    UIT = "uit", "Verzonden"


class BerichtStatus(models.TextChoices):
    """Where a message is. Incoming: ontvangen (kept, not yet processed) → verwerkt,
    deels_afgekeurd, afgekeurd, onleesbaar (0001) or dubbel (TR056). Outgoing: klaar (in the
    outbox) → opgehaald (fetched by the provider or written to the folder) → retour_goedgekeurd
    or retour_afgekeurd once the provider's retour is in."""

    ONTVANGEN = "ontvangen", "Ontvangen, nog niet verwerkt"
    VERWERKT = "verwerkt", "Verwerkt"
    DEELS_AFGEKEURD = "deels_afgekeurd", "Deels afgekeurd"
    AFGEKEURD = "afgekeurd", "Afgekeurd"
    ONLEESBAAR = "onleesbaar", "Onleesbaar of onveilig (0001)"
    DUBBEL = "dubbel", "Dubbel ontvangen (TR056)"
    FOUT = "fout", "Verwerking mislukt"
    KLAAR = "klaar", "Klaar om te versturen"
    OPGEHAALD = "opgehaald", "Verstuurd"
    RETOUR_GOEDGEKEURD = "retour_goedgekeurd", "Retour ontvangen: goedgekeurd"
    RETOUR_AFGEKEURD = "retour_afgekeurd", "Retour ontvangen: afgekeurd"


class Kanaal(models.TextChoices):
    API = "api", "API voor aanbieders"
    MAP = "map", "Map (GGk-koppeling)"
    EENPLAN = "eenplan", "Gemaakt door eenplan"


def _soorten() -> list[tuple[str, str]]:
    keuzes = []
    for prefix in ("WMO", "JW"):
        for code, cls in sorted(BERICHTEN.items()):
            doc = (cls.__doc__ or "").strip().split(":")[0]
            keuzes.append((f"{prefix}{code}", f"{prefix}{code}" + (f" ({doc})" if doc else "")))
    return keuzes


BERICHTSOORTEN = _soorten()

# What the municipality receives; everything else an aanbieder sends is refused.
INKOMEND = frozenset({"302", "305", "307", "315", "317", "320", "323"})
# Incoming messages that get a retour (OP090: within 3 working days).
MET_RETOUR = frozenset({"305", "307", "315", "317"})


class LeveringStatus(models.TextChoices):
    GESTART = "gestart", "Gestart"
    GESTOPT = "gestopt", "Gestopt"


# iWmo/iJw 3.2 basisschema, LDT_RedenWijziging: why a toewijzing is changed or ended (OP033,
# OP257). 13 (verwijderd) and 01 (vervallen) with einddatum = ingangsdatum make a toewijzing
# no longer current (OP087).
REDEN_WIJZIGING: dict[str, str] = {
    "01": "Administratieve correctie (vervallen)",
    "02": "Cliënt overleden",
    "03": "Contractwijziging",
    "04": "Herbeoordeling: verlenging toewijzing",
    "05": "Herbeoordeling: verkorting toewijzing",
    "06": "Uitstroom naar ander domein",
    "07": "Verhuizing naar een andere gemeente",
    "08": "Wijziging leveringsvorm",
    "09": "Overstap naar andere aanbieder",
    "10": "Overgang naar nieuwe bekostigingssystematiek",
    "11": "Gemeentelijke herindeling",
    "12": "Geïnitieerd door de aanbieder",
    "13": "Verwijderd",
    "14": "Administratieve correctie",
}

# WJ760 VerzoekAntwoord of a 319, WJ759 RedenAfwijzingVerzoek.
VERZOEK_AFGEWEZEN = "1"
VERZOEK_IN_ONDERZOEK = "2"
