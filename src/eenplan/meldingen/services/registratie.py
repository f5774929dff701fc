"""Registration: a melding comes in at the front door, with its legal clock, the confirmation of
receipt and the offer of a personal plan."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from eenplan.events import soorten
from eenplan.gemeente.models import Gemeente
from eenplan.inwoners.models import Inwoner
from eenplan.inwoners.selectors import huishouden_current
from eenplan.meldingen.constants import WETTELIJKE_VERWIJZERS, Domein, MelderSoort, Urgentie
from eenplan.meldingen.models import Melding, Notificatie
from eenplan.meldingen.services._shared import (
    MELDING,
    Actor,
    Handeling,
    _deadlines,
    _history,
    _publish,
    _wijkteam_for,
)
from eenplan.privacy import access
from eenplan.rules import datums

VRAAG_MAX = 5000  # characters: a long telephone story fits, a pasted file does not


def melding_register_errors(
    *,
    gemeente: Gemeente,
    melder_soort: MelderSoort | str | None,
    ontvangen_op: dt.date | None,
    inwoner: Inwoner | None,
    onbekende_persoon: str,
    vraag: str,
    domeinen: Iterable[Domein | str],
    vandaag: dt.date,
) -> dict[str, str]:
    """Everything wrong with a registration, at once (field -> Dutch message). The service
    refuses with these; a page also shows them next to its own input errors. A value the page
    could not read is passed as None and not judged again."""
    domeinen = {str(d) for d in domeinen}
    errors: dict[str, str] = {}
    if not melder_soort:
        errors["melder_soort"] = (
            "Vul in wie de melding doet, bijvoorbeeld de inwoner zelf, "
            "een mantelzorger of de huisarts."
        )
    if ontvangen_op is None:
        pass
    elif ontvangen_op > vandaag:
        errors["ontvangen_op"] = "De ontvangstdatum ligt in de toekomst."
    elif fout := datums.GEBEURTENIS.fout(ontvangen_op, vandaag=vandaag):
        errors["ontvangen_op"] = fout
    if inwoner is None and not onbekende_persoon.strip():
        errors["inwoner"] = (
            "Kies de inwoner of beschrijf de persoon (naam, adres, "
            "geboortedatum) zodat de midoffice hem of haar kan vinden."
        )
    if inwoner is not None and inwoner.gemeente_id != gemeente.pk:
        errors["inwoner"] = (
            f"Deze inwoner woont niet in {gemeente.naam}. Verwijs de melder "
            "naar de eigen gemeente (woonplaatsbeginsel)."
        )
    if not vraag.strip():
        errors["vraag"] = "Schrijf de vraag op in de woorden van de melder."
    elif len(vraag.strip()) > VRAAG_MAX:
        errors["vraag"] = (
            f"De vraag is {len(vraag.strip()):,} tekens lang; er passen er ten hoogste "
            f"{VRAAG_MAX:,}. Vat de vraag samen; stukken horen bij het onderzoek."
        ).replace(",", ".")
    unknown = domeinen - set(Domein.values)
    if not domeinen or unknown:
        errors["domeinen"] = (
            "Kies ten minste één leefgebied: Wmo, Jeugd, Participatie, Schulden of Overig."
        )
    return errors


@transaction.atomic
def melding_register(
    *,
    gemeente: Gemeente,
    actor: Actor,
    melder_soort: MelderSoort | str,
    kanaal: str,
    vraag: str,
    ontvangen_op: dt.date,
    domeinen: Iterable[Domein | str],
    inwoner: Inwoner | None = None,
    onbekende_persoon: str = "",
    melder_naam: str = "",
    melder_contact: str = "",
    urgentie: Urgentie | str = Urgentie.NORMAAL,
    veiligheid: bool = False,
    vandaag: dt.date | None = None,
    via: access.Via = access.SERVICE,
    doel: str | None = None,
    persoonlijk_plan: str = "",
) -> Melding:
    """Register a melding; compute its deadlines; record the confirmation of receipt and the
    offer of a personal plan (Wmo 2015 art. 2.3.2 lid 1-2). A youth-care referral by a doctor,
    GI or judge is marked as such and the responsible wijkteam is notified.

    Registering is a role of its own (the vrijwilliger too), for the actor's own municipality;
    naming a resident means finding them: the search right and the resident within need-to-know
    (checked after the input, so a resident elsewhere gets the woonplaatsbeginsel message).

    From the inwonersportaal a resident's login registers for a case it represents (the
    resident rules of `privacy.access`), with an optional personal plan (art. 2.3.2 lid 2)."""
    vandaag = vandaag or timezone.localdate()
    eigen = access.Actor.of(actor)
    inwonersportaal = eigen.kind == access.ActorKind.INWONER
    if inwonersportaal:
        # A resident (or representative) reports for a case the login may act for: the
        # resident rules decide (issue 13); the municipality is the resident's own.
        if inwoner is None:
            raise ValidationError({"inwoner": "Kies voor wie u de melding doet."})
        access.require_inwoner(eigen, MELDING, Handeling.AANMAKEN, via=via, inwoner=inwoner)
        gemeente = inwoner.gemeente
    else:
        access.require(actor, MELDING, Handeling.AANMAKEN, via=via, doel=doel)
    beheerder = eigen.is_superuser and eigen.medewerker is None  # set-up, every municipality
    if not inwonersportaal and not beheerder and eigen.gemeente_id != gemeente.pk:
        access.refuse(
            eigen,
            MELDING,
            Handeling.AANMAKEN,
            via=via,
            doel=doel,
            reason=f"U registreert meldingen alleen voor uw eigen gemeente, niet voor {gemeente}.",
        )
    domeinen = {str(d) for d in domeinen}
    errors = melding_register_errors(
        gemeente=gemeente,
        melder_soort=melder_soort,
        ontvangen_op=ontvangen_op,
        inwoner=inwoner,
        onbekende_persoon=onbekende_persoon,
        vraag=vraag,
        domeinen=domeinen,
        vandaag=vandaag,
    )
    if errors:
        raise ValidationError(errors)
    if inwoner is not None and not inwonersportaal:
        access.require(
            actor, access.Resource.DOSSIER, Handeling.ZOEKEN, via=via, doel=doel, inwoner=inwoner
        )
    if len(persoonlijk_plan.strip()) > VRAAG_MAX:
        raise ValidationError(
            {"persoonlijk_plan": f"Het persoonlijk plan past in {VRAAG_MAX} tekens."}
        )

    melding = Melding(
        gemeente=gemeente,
        inwoner=inwoner,
        onbekende_persoon=onbekende_persoon.strip(),
        huishouden=huishouden_current(inwoner=inwoner, vandaag=vandaag) if inwoner else None,
        melder_soort=melder_soort,
        melder_naam=melder_naam,
        melder_contact=melder_contact,
        kanaal=kanaal,
        urgentie=urgentie,
        veiligheid=veiligheid or urgentie == Urgentie.ONVEILIG,
        vraag=vraag.strip(),
        persoonlijk_plan=persoonlijk_plan.strip(),
        ontvangen_op=ontvangen_op,
        geregistreerd_door=eigen.user,
        ontvangstbevestiging_op=vandaag,
        wettelijke_verwijzing=Domein.JEUGD in domeinen and melder_soort in WETTELIJKE_VERWIJZERS,
        **{d: d in domeinen for d in Domein.values},
    )
    _deadlines(melding)
    melding.full_clean()
    melding.save()
    _history(melding, door=actor, soort="geregistreerd")
    _history(
        melding,
        door=actor,
        soort="ontvangstbevestiging",
        toelichting=(
            f"Ontvangst bevestigd op {vandaag:%d-%m-%Y}; aangeboden om binnen 7 dagen (uiterlijk "
            f"{melding.persoonlijk_plan_uiterlijk:%d-%m-%Y}) een persoonlijk plan in te dienen "
            "(Wmo 2015 art. 2.3.2 lid 1-2)."
        ),
    )
    if melding.wettelijke_verwijzing:
        team = _wijkteam_for(melding)
        tekst = (
            f"Verwijzing jeugdhulp door {melding.get_melder_soort_display().lower()}: de "
            "gemeente volgt deze verwijzing (Jeugdwet art. 2.6 lid 1 onder g / art. 3.5)."
        )
        if team is not None:
            Notificatie.objects.create(team=team, melding=melding, tekst=tekst)
        _history(melding, door=actor, soort="wettelijke_verwijzing", toelichting=tekst, team=team)
    _publish(
        soorten.MELDING_GEREGISTREERD,
        melding,
        door=actor,
        omschrijving=f"Melding {melding.pk} geregistreerd "
        f"({str(melding.get_melder_soort_display()).lower()}, "
        f"{str(melding.get_kanaal_display()).lower()})",
    )
    return melding
