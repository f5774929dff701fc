"""Writes of the message traffic: `inkomend` (keep, read, check, apply and answer what a provider
sends), `uitgaand` (the 301 toewijzing and the 319 answer), `bulk` (the 301s of many sent
beschikkingen at once), and what they share."""

from eenplan.berichten.services.bulk import berichten_opgehaald, toewijzingen_voor_beschikkingen
from eenplan.berichten.services.inkomend import (
    BATCH,
    bericht_ontvang,
    bericht_verwerk,
    berichten_ontvang,
    berichten_verwerk_batch,
)
from eenplan.berichten.services.uitgaand import (
    aanbieder_van,
    bericht_opgehaald,
    toewijzing_stuur,
    toewijzing_wijzig,
    toewijzingen_herzien,
    toewijzingen_voor_beschikking,
    verzoek_beantwoord,
)

__all__ = [
    "BATCH",
    "aanbieder_van",
    "bericht_ontvang",
    "bericht_opgehaald",
    "bericht_verwerk",
    "berichten_ontvang",
    "berichten_opgehaald",
    "berichten_verwerk_batch",
    "toewijzing_stuur",
    "toewijzing_wijzig",
    "toewijzingen_herzien",
    "toewijzingen_voor_beschikkingen",
    "toewijzingen_voor_beschikking",
    "verzoek_beantwoord",
]
