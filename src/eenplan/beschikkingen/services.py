"""Writes of the beschikkingen app (aanvragen for now)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from eenplan.beschikkingen.constants import Wet
from eenplan.beschikkingen.models import Aanvraag
from eenplan.gemeente.selectors import gelijkgestelde_dagen
from eenplan.inwoners.models import Inwoner
from eenplan.rules.aanvraag import beslissen_uiterlijk


@transaction.atomic
def aanvraag_register(
    *,
    inwoner: Inwoner,
    omschrijving: str,
    wet: Wet | str,
    ontvangen_op: dt.date,
    ingediend_door: str,
    door: AbstractBaseUser,
    plan: Any = None,
    voorstel: Any = None,
    afwijkend_van_advies: bool = False,
    toelichting: str = "",
) -> Aanvraag:
    """Register an aanvraag with its decision deadline (Wmo 2015 art. 2.3.5 lid 2;
    Awb art. 4:13 for Jeugdwet and Participatiewet)."""
    if wet not in Wet.values:
        raise ValidationError({"wet": "Kies de wet: Wmo, Jeugdwet of Participatiewet."})
    if ontvangen_op > timezone.localdate():
        raise ValidationError({"ontvangen_op": "De ontvangstdatum ligt in de toekomst."})
    if not omschrijving.strip():
        raise ValidationError({"omschrijving": "Beschrijf wat de inwoner aanvraagt."})
    return Aanvraag.objects.create(
        gemeente_id=inwoner.gemeente_id,
        inwoner=inwoner,
        plan=plan,
        voorstel=voorstel,
        omschrijving=omschrijving.strip(),
        wet=wet,
        ontvangen_op=ontvangen_op,
        beslissen_uiterlijk=beslissen_uiterlijk(wet, ontvangen_op, extra=gelijkgestelde_dagen()),
        afwijkend_van_advies=afwijkend_van_advies,
        toelichting=toelichting,
        ingediend_door=ingediend_door,
        vastgelegd_door=door,
    )
