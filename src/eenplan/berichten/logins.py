"""Providers' logins for the provider API (/api/v1/berichten/): the contract manager or
functioneel beheer creates one for a provider (an account of its own, no password, with an API
key issued by `beveiliging` and shown once) and deactivates it. Who may is decided by the
caller through `privacy.access` (Resource.AANBIEDERS, WIJZIGEN); these functions only write.
A deactivated login keeps its record (nothing is lost): its account is switched off and its
keys are revoked, so the API refuses it (401)."""

from __future__ import annotations

import re
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet

from eenplan.aanbieders.models import Aanbieder
from eenplan.berichten.models import AanbiederLogin
from eenplan.beveiliging.services import api_sleutel_create, api_sleutels_revoke

GEBRUIKERSNAAM = re.compile(r"^[a-z0-9][a-z0-9._-]{2,59}$")
ONGELDIGE_NAAM = (
    "Kies een gebruikersnaam van 3 tot 60 tekens: kleine letters, cijfers, punt, streepje of "
    "liggend streepje, beginnend met een letter of cijfer."
)
NAAM_BESTAAT = "Deze gebruikersnaam bestaat al. Kies een andere."
AANBIEDER_NIET_ACTIEF = "Deze aanbieder is niet actief: maak hem eerst actief."
AL_GEDEACTIVEERD = "Deze login is al gedeactiveerd."


def logins_van(aanbieder: Aanbieder) -> QuerySet[AanbiederLogin]:
    """The provider's logins, active ones first, with their account (one query)."""
    return (
        AanbiederLogin.objects.filter(aanbieder=aanbieder)
        .select_related("user")
        .order_by("-user__is_active", "user__username")
    )


def login_van(aanbieder: Aanbieder, pk: int) -> AanbiederLogin | None:
    return logins_van(aanbieder).filter(pk=pk).first()


def aanbieder_login_create(
    *, aanbieder: Aanbieder, gebruikersnaam: str
) -> tuple[AanbiederLogin, str]:
    """Create a login for `aanbieder`: an account without a password (it cannot log in on the
    pages) and an API key. Returns the login and the key, which is shown once and never
    stored. Bad input raises ValidationError and changes nothing."""
    naam = gebruikersnaam.strip().lower()
    if not GEBRUIKERSNAAM.match(naam):
        raise ValidationError({"gebruikersnaam": ONGELDIGE_NAAM})
    if not aanbieder.actief:
        raise ValidationError(AANBIEDER_NIET_ACTIEF)
    user_model = get_user_model()
    with transaction.atomic():
        if user_model.objects.filter(username__iexact=naam).exists():
            raise ValidationError({"gebruikersnaam": NAAM_BESTAAT})
        user = user_model.objects.create_user(username=naam, password=None)
        login = AanbiederLogin.objects.create(user=user, aanbieder=aanbieder)
        _record, sleutel = api_sleutel_create(user=user, naam=f"API-toegang {aanbieder.naam}"[:100])
    return login, sleutel


def aanbieder_login_deactivate(*, login: AanbiederLogin, door: Any) -> AanbiederLogin:
    """Switch the login off: its account is deactivated and every key revoked."""
    user_model = get_user_model()
    with transaction.atomic():
        user = user_model.objects.select_for_update().get(pk=login.user_id)
        if not user.is_active:
            raise ValidationError(AL_GEDEACTIVEERD)
        user.is_active = False
        user.save(update_fields=["is_active"])
        api_sleutels_revoke(user=user, reden=f"Login gedeactiveerd door {door}"[:200])
    login.user = user
    return login
