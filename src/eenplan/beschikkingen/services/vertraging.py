"""Awb art. 4:14: telling the resident that the decision on their aanvraag will be late, with
the reason and the day by which it will come, as a letter through the same machinery as every
letter (the municipality's BriefSjabloon `vertraging_414` or the standard text, stored as sent,
PDF/A with the logo, sent through the municipality's channels; ADR 0020, 0021)."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from eenplan.beschikkingen.constants import AanvraagStatus, BriefSoort
from eenplan.beschikkingen.models import Aanvraag
from eenplan.beschikkingen.services._gedeeld import (
    ActorLike,
    datum_tekst,
    publiceer,
    vereis_toegang,
)
from eenplan.beschikkingen.services.brief import brief_naar_pdf, schoon
from eenplan.beschikkingen.services.sjablonen import (
    STANDAARD_VERTRAGING_414,
    actief_sjabloon,
    sjabloon_invullen,
)
from eenplan.beschikkingen.verzending import (
    Uitgaand,
    adres_regel,
    bron_registreren,
    verzending_plannen,
)
from eenplan.common.concurrency import Conflict, schrijft
from eenplan.common.constants import Wet
from eenplan.gemeente.selectors import gelijkgestelde_dagen
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource
from eenplan.rules.termijnen import mededeling_vertraging, mededeling_vertraging_fouten

GRONDSLAG_414 = "artikel 4:14 van de Algemene wet bestuursrecht"
STANDAARD_VERSIE = "standaardtekst vertraging_414 versie 1"


def _waarden(aanvraag: Aanvraag, door: object) -> dict[str, str]:
    from eenplan.common.documenten import render_text

    g, inwoner = aanvraag.gemeente, aanvraag.inwoner
    naam = door.get_full_name() or door.get_username()  # type: ignore[attr-defined]
    return {
        "briefhoofd": render_text("beschikkingen/brief/briefhoofd.txt", {"g": g}).strip(),
        "gemeente": g.naam,
        "kenmerk": aanvraag.kenmerk,
        "datum": datum_tekst(aanvraag.vertraging_gemeld_op),
        "contactpersoon": naam,
        "contact_telefoon": g.telefoon,
        "contact_email": getattr(door, "email", "") or g.email,
        "inwoner_naam": inwoner.naam,
        "inwoner_adres": f"{inwoner.straat} {inwoner.huisnummer}{inwoner.huisnummer_toevoeging}\n"
        f"{inwoner.postcode[:4]} {inwoner.postcode[4:]} {inwoner.woonplaats}",
        "aanvraag_datum": datum_tekst(aanvraag.ontvangen_op),
        "aanvraag_omschrijving": aanvraag.omschrijving,
        "termijn_einde": datum_tekst(aanvraag.beslissen_uiterlijk),
        "reden": aanvraag.vertraging_reden,
        "verwacht_op": datum_tekst(aanvraag.vertraging_verwacht_op),
        "grondslag": GRONDSLAG_414,
    }


def vertraging_brief(aanvraag: Aanvraag, door: object) -> tuple[str, str]:
    """The notice and its template: the municipality's version in force, else the standard."""
    op = aanvraag.vertraging_gemeld_op or timezone.localdate()
    sjabloon = actief_sjabloon(aanvraag.gemeente_id, BriefSoort.VERTRAGING_414, op)
    tekst = sjabloon.tekst if sjabloon is not None else STANDAARD_VERTRAGING_414
    versie = sjabloon.label if sjabloon is not None else STANDAARD_VERSIE
    return schoon(sjabloon_invullen(tekst, _waarden(aanvraag, door))), versie


@transaction.atomic
@schrijft("aanvraag")
def aanvraag_vertraging_melden(
    *,
    aanvraag: Aanvraag,
    op: dt.date,
    reden: str,
    verwacht_op: dt.date | None,
    actor: ActorLike,
    via: access.Via | None = None,
) -> Aanvraag:
    """Send the notice of Awb art. 4:14: before the decision term ends (lid 1, Wmo: the
    statutory two weeks of art. 2.3.5 lid 2; lid 3, Jeugdwet/Participatiewet: within the eight
    weeks of art. 4:13), with the reason and a day after the term by which the decision will
    come. Refused in Dutch, nothing changed: decided already, notice already sent, after the
    term, no reason, no day or one not after the term."""
    door = vereis_toegang(
        actor, Resource.AANVRAAG, Action.OPSCHORTEN, via, aanvraag.inwoner_id
    ).user
    access.vereis_beslist_over(
        actor, aanvraag.wet, via=via or access.SERVICE, inwoner=aanvraag.inwoner_id
    )
    if aanvraag.status != AanvraagStatus.ONTVANGEN:
        raise Conflict("Op deze aanvraag is al beslist; een mededeling is niet meer nodig.")
    if aanvraag.vertraging_gemeld_op is not None:
        raise Conflict(
            f"De inwoner kreeg op {datum_tekst(aanvraag.vertraging_gemeld_op)} al bericht dat "
            "het besluit later komt."
        )
    if op > timezone.localdate() or op < aanvraag.ontvangen_op:
        raise ValidationError({"op": "De datum ligt vóór de aanvraag of in de toekomst."})
    mededeling = mededeling_vertraging(
        aanvraag.beslissen_uiterlijk,
        wettelijke_termijn=aanvraag.wet == Wet.WMO,
        extra=gelijkgestelde_dagen(),
    )
    fouten = mededeling_vertraging_fouten(mededeling, verzonden_op=op, nieuwe_datum=verwacht_op)
    if not reden.strip():
        fouten.append("Schrijf waarom het besluit later komt.")
    if fouten:
        raise ValidationError(fouten)
    aanvraag.vertraging_gemeld_op, aanvraag.vertraging_reden = op, reden.strip()
    aanvraag.vertraging_verwacht_op = verwacht_op
    aanvraag.vertraging_brief, aanvraag.vertraging_sjabloon = vertraging_brief(aanvraag, door)
    aanvraag.vertraging_brief_pdf = brief_naar_pdf(
        aanvraag.gemeente,
        titel=f"Ons besluit komt later - {aanvraag.kenmerk}",
        tekst=aanvraag.vertraging_brief,
    )
    aanvraag.save(
        update_fields=[
            "vertraging_gemeld_op", "vertraging_reden", "vertraging_verwacht_op",
            "vertraging_brief", "vertraging_brief_pdf", "vertraging_sjabloon", "updated_at",
        ]
    )  # fmt: skip
    verzending_plannen(
        gemeente=aanvraag.gemeente,
        soort=BriefSoort.VERTRAGING_414,
        bron_id=aanvraag.pk,
        kenmerk=aanvraag.kenmerk,
        inwoner_id=aanvraag.inwoner_id,
    )
    publiceer(
        "aanvraag.vertraging_gemeld",
        record=aanvraag,
        omschrijving=f"Bericht aan de inwoner: het besluit komt later, uiterlijk "
        f"{datum_tekst(verwacht_op)} (Awb 4:14)",
        user=door,
        inwoner_id=aanvraag.inwoner_id,
        verwacht_op=verwacht_op,
    )
    return aanvraag


def _aanvraag_uitgaand(pk: int) -> Uitgaand:
    aanvraag = Aanvraag.objects.select_related("inwoner", "gemeente").get(pk=pk)
    return Uitgaand(
        kenmerk=aanvraag.kenmerk,
        gemeente=aanvraag.gemeente.naam,
        naam=aanvraag.inwoner.naam,
        adres=adres_regel(aanvraag.inwoner),
        email=aanvraag.inwoner.email,
        tekst=aanvraag.vertraging_brief,
        pdf=bytes(aanvraag.vertraging_brief_pdf),
    )


bron_registreren(BriefSoort.VERTRAGING_414, _aanvraag_uitgaand)
