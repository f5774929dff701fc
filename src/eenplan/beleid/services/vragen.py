"""Writes of the client-experience survey's questionnaire: its name and introduction, and its
questions (statements on the five-point scale).

Uitvoeringsregeling Wmo 2015 art. 8 lid 2 asks a questionnaire that, where applicable, covers
how residents experience (a) the accessibility of provisions, (b) the quality of the support,
(c) its contribution to their self-reliance and participation; the municipality adds its own
questions (`Aspect.EIGEN`). The pages show which of a-c no active question covers; they do not
refuse it (the regulation says "indien toepasbaar").

Rules, each refused with a Dutch message and changing nothing:
- while a round is open for answers (status open, closing day not passed) the questionnaire
  does not change: every respondent of a round answers the same questions;
- a question that has answers keeps its code, text and subject (earlier years' results stay
  what was asked); switch it off and add a new one instead; it can only be deleted without
  answers;
- at least one question stays active.
Access: resource enquete, action aanmaken (whoever starts the survey: the beleidsmedewerker).
Versions as in `services.structuur`: a stale edit is refused (`VersieVerouderd`)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from eenplan.beleid.constants import Aspect, UitvragingStatus
from eenplan.beleid.models import Antwoord, Uitvraging, Vraag, Vragenlijst
from eenplan.beleid.services import _mag
from eenplan.common.concurrency import invarianten, schrijft
from eenplan.privacy.access import Action, Resource

CODE = re.compile(r"^[a-z][a-z0-9_]{1,39}$")
WETTELIJK = (Aspect.TOEGANG, Aspect.KWALITEIT, Aspect.ZELFREDZAAMHEID, Aspect.PARTICIPATIE)


def lopende_ronde(vragenlijst: Vragenlijst, *, vandaag: dt.date) -> Uitvraging | None:
    """The round of this questionnaire that residents can answer now, if any."""
    return (
        Uitvraging.objects.filter(
            vragenlijst=vragenlijst, status=UitvragingStatus.OPEN, sluit_op__gte=vandaag
        )
        .order_by("-jaar")
        .first()
    )


def _niet_tijdens_ronde(vragenlijst: Vragenlijst, vandaag: dt.date) -> None:
    ronde = lopende_ronde(vragenlijst, vandaag=vandaag)
    if ronde is not None:
        raise ValidationError(
            f"Het onderzoek {ronde.jaar} loopt nog (antwoorden kan tot en met "
            f"{ronde.sluit_op:%d-%m-%Y}). Wijzig de vragenlijst daarna: iedereen in één "
            "onderzoek beantwoordt dezelfde vragen."
        )


def niet_gedekt(vragenlijst: Vragenlijst) -> list[str]:
    """The subjects of art. 8 lid 2 a-c that no active question covers (labels)."""
    gedekt = set(vragenlijst.vragen.filter(actief=True).values_list("aspect", flat=True))
    return [str(a.label) for a in WETTELIJK if a.value not in gedekt]


@transaction.atomic
@schrijft("vragenlijst")
def vragenlijst_change(
    *, actor: Any, vragenlijst: Vragenlijst, naam: str, inleiding: str, vandaag: dt.date
) -> Vragenlijst:
    """The questionnaire's name and the introduction residents read above the questions."""
    _mag(actor, Resource.ENQUETE, Action.AANMAKEN, vragenlijst.gemeente_id)
    _niet_tijdens_ronde(vragenlijst, vandaag)
    fouten = {}
    naam, inleiding = (naam or "").strip(), (inleiding or "").strip()
    if not naam:
        fouten["naam"] = "Vul de naam van de vragenlijst in."
    elif len(naam) > 200:
        fouten["naam"] = "Gebruik ten hoogste 200 tekens."
    if len(inleiding) > 2000:
        fouten["inleiding"] = "Gebruik ten hoogste 2000 tekens."
    if fouten:
        raise ValidationError(fouten)
    vragenlijst.naam, vragenlijst.inleiding = naam, inleiding
    vragenlijst.save(update_fields=["naam", "inleiding", "updated_at"])
    return vragenlijst


@transaction.atomic
@schrijft("vraag")
def vraag_save(
    *,
    actor: Any,
    vragenlijst: Vragenlijst,
    vandaag: dt.date,
    nummer: int,
    code: str,
    tekst: str,
    aspect: str,
    vraag: Vraag | None = None,
) -> Vraag:
    """Add a question (`vraag=None`) or change one (see the module for what may change)."""
    _mag(actor, Resource.ENQUETE, Action.AANMAKEN, vragenlijst.gemeente_id)
    if vraag is not None and vraag.vragenlijst_id != vragenlijst.pk:
        raise ValidationError("Deze vraag hoort bij een andere vragenlijst.")
    _niet_tijdens_ronde(vragenlijst, vandaag)
    code, tekst = (code or "").strip(), (tekst or "").strip()
    fouten: dict[str, str] = {}
    if isinstance(nummer, bool) or not isinstance(nummer, int) or not 1 <= nummer <= 999:
        fouten["nummer"] = "Vul het nummer in als een heel getal van 1 tot en met 999."
    if not CODE.match(code):
        fouten["code"] = (
            "Gebruik voor de code 2 tot 40 kleine letters, cijfers of _, beginnend met een "
            "letter (bijvoorbeeld wist_waar)."
        )
    if len(tekst) < 5:
        fouten["tekst"] = "Schrijf de stelling uit (minstens 5 tekens)."
    elif len(tekst) > 300:
        fouten["tekst"] = f"Gebruik ten hoogste 300 tekens (nu {len(tekst)})."
    if aspect not in Aspect.values:
        fouten["aspect"] = "Kies waar de vraag over gaat."
    andere = vragenlijst.vragen.exclude(pk=vraag.pk) if vraag is not None else vragenlijst.vragen
    if "code" not in fouten and andere.filter(code=code).exists():
        fouten["code"] = "Deze vragenlijst heeft al een vraag met deze code."
    if "nummer" not in fouten and andere.filter(nummer=nummer).exists():
        fouten["nummer"] = "Deze vragenlijst heeft al een vraag met dit nummer."
    if vraag is not None and Antwoord.objects.filter(vraag=vraag).exists():
        for veld, nieuw in (("code", code), ("tekst", tekst), ("aspect", aspect)):
            if getattr(vraag, veld) != nieuw:
                fouten[veld] = (
                    "Deze vraag is al beantwoord: de code, de stelling en het onderwerp blijven "
                    "zoals ze gevraagd zijn. Zet de vraag uit en voeg een nieuwe vraag toe."
                )
    if fouten:
        raise ValidationError(fouten)
    obj = vraag or Vraag(vragenlijst=vragenlijst)
    obj.nummer, obj.code, obj.tekst, obj.aspect = nummer, code, tekst, aspect
    with invarianten():
        obj.save()
    return obj


@transaction.atomic
@schrijft("vraag")
def vraag_actief_set(*, actor: Any, vraag: Vraag, actief: bool, vandaag: dt.date) -> Vraag:
    """Switch a question on or off for the next rounds; the last active one stays on."""
    lijst = vraag.vragenlijst
    _mag(actor, Resource.ENQUETE, Action.AANMAKEN, lijst.gemeente_id)
    _niet_tijdens_ronde(lijst, vandaag)
    if not actief and not lijst.vragen.filter(actief=True).exclude(pk=vraag.pk).exists():
        raise ValidationError(
            {"actief": "Dit is de laatste vraag die gesteld wordt; er blijft minstens één."}
        )
    vraag.actief = bool(actief)
    vraag.save(update_fields=["actief", "updated_at"])
    return vraag


@transaction.atomic
@schrijft("vraag", verhogen=False)
def vraag_delete(*, actor: Any, vraag: Vraag, vandaag: dt.date) -> None:
    """Delete a question nobody answered (else: switch it off)."""
    lijst = vraag.vragenlijst
    _mag(actor, Resource.ENQUETE, Action.AANMAKEN, lijst.gemeente_id)
    _niet_tijdens_ronde(lijst, vandaag)
    if Antwoord.objects.filter(vraag=vraag).exists():
        raise ValidationError(
            "Deze vraag is al beantwoord en blijft bewaard voor de resultaten. Zet de vraag uit."
        )
    if vraag.actief and not lijst.vragen.filter(actief=True).exclude(pk=vraag.pk).exists():
        raise ValidationError("Dit is de laatste vraag die gesteld wordt; er blijft minstens één.")
    vraag.delete()
