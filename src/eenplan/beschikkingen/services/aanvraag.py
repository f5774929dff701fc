"""Writes of the aanvraag: registering it with its decision deadline (Wmo 2015 art. 2.3.5 lid 2;
Awb 4:13), suspending and resuming that term (Awb 4:15)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from eenplan.beschikkingen.constants import AanvraagStatus
from eenplan.beschikkingen.models import (
    Aanvraag,
    AanvraagOpschorting,
)
from eenplan.beschikkingen.services._gedeeld import (
    ActorLike,
    datum_tekst,
    publiceer,
    vereis_toegang,
)
from eenplan.common.concurrency import Conflict, schrijft
from eenplan.common.constants import Wet
from eenplan.common.datums import datums_check
from eenplan.gemeente.selectors import gelijkgestelde_dagen
from eenplan.inwoners.models import Inwoner
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource
from eenplan.rules import datums
from eenplan.rules import termijnen as termijnen_rules
from eenplan.rules.aanvraag import beslissen_uiterlijk, beslistermijn
from eenplan.rules.termijnen import (
    termijn_einde_met_opschorting,
)


@transaction.atomic
def aanvraag_register(
    *,
    inwoner: Inwoner,
    omschrijving: str,
    wet: Wet | str,
    ontvangen_op: dt.date,
    ingediend_door: str,
    door: User,
    plan: Any = None,
    voorstel: Any = None,
    afwijkend_van_advies: bool = False,
    toelichting: str = "",
) -> Aanvraag:
    """Register an aanvraag with its decision deadline (Wmo 2015 art. 2.3.5 lid 2;
    Awb art. 4:13 for Jeugdwet, Participatiewet and the toelating of Wgs art. 4a)."""
    if wet not in Wet.values:
        raise ValidationError(
            {"wet": "Kies de wet: Wmo, Jeugdwet, Participatiewet of Wet gemeentelijke "
             "schuldhulpverlening."}
        )
    datums_check(datums.GEBEURTENIS, ontvangen_op=ontvangen_op)
    if ontvangen_op > timezone.localdate():
        raise ValidationError({"ontvangen_op": "De ontvangstdatum ligt in de toekomst."})
    if not omschrijving.strip():
        raise ValidationError({"omschrijving": "Beschrijf wat de inwoner aanvraagt."})
    aanvraag = Aanvraag.objects.create(
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
    publiceer(
        "aanvraag.ontvangen",
        record=aanvraag,
        omschrijving=f"Aanvraag {aanvraag.pk} ontvangen: {aanvraag.omschrijving} "
        f"({aanvraag.get_wet_display()}; beslissen uiterlijk "
        f"{datum_tekst(aanvraag.beslissen_uiterlijk)})",
        user=door,
        inwoner_id=inwoner.pk,
        wet=str(wet),
        beslissen_uiterlijk=aanvraag.beslissen_uiterlijk,
    )
    return aanvraag


def _herbereken(aanvraag: Aanvraag) -> dt.date | None:
    """The last day to decide with the suspensions so far; None while one is still open (the
    record keeps its last known day until then: the field is never empty)."""
    termijn = beslistermijn(aanvraag.wet)
    return termijn_einde_met_opschorting(
        aanvraag.ontvangen_op,
        weken=termijn.weken,
        dagen=termijn.dagen,
        opschortingen=[
            termijnen_rules.Opschorting(o.van, o.tot, o.reden)
            for o in AanvraagOpschorting.objects.filter(aanvraag=aanvraag)
        ],
        extra=gelijkgestelde_dagen(),
    )


@transaction.atomic
@schrijft("aanvraag")
def aanvraag_suspend(
    *,
    aanvraag: Aanvraag,
    van: dt.date,
    reden: str,
    actor: ActorLike,
    via: access.Via | None = None,
) -> AanvraagOpschorting:
    """Stop the decision clock, e.g. while waiting for the resident's papers (Awb art. 4:15);
    the deadline is unknown until the suspension ends."""
    door = vereis_toegang(
        actor, Resource.AANVRAAG, Action.OPSCHORTEN, via, aanvraag.inwoner_id
    ).user
    # The decision term belongs to deciding: only under a law the role decides.
    access.vereis_beslist_over(
        actor, aanvraag.wet, via=via or access.SERVICE, inwoner=aanvraag.inwoner_id
    )
    if aanvraag.status != AanvraagStatus.ONTVANGEN:
        raise Conflict("Op deze aanvraag is al besloten.")
    if not reden.strip():
        raise ValidationError({"reden": "Geef de reden van de opschorting."})
    if van < aanvraag.ontvangen_op or van > timezone.localdate():
        raise ValidationError({"van": "De opschorting begint vóór de aanvraag of in de toekomst."})
    if aanvraag.opschortingen.filter(tot__isnull=True).exists():
        raise Conflict({"van": "De termijn is al opgeschort; beëindig die eerst."})
    opschorting = AanvraagOpschorting.objects.create(
        aanvraag=aanvraag, van=van, reden=reden.strip(), door=door
    )
    # While suspended the last day is not known; keep the old one visible until it ends.
    uiterlijk = _herbereken(aanvraag)
    if uiterlijk is not None:
        aanvraag.beslissen_uiterlijk = uiterlijk
        aanvraag.save(update_fields=["beslissen_uiterlijk", "updated_at"])
    publiceer(
        "aanvraag.opgeschort",
        record=aanvraag,
        omschrijving=f"Beslistermijn van aanvraag {aanvraag.pk} opgeschort vanaf "
        f"{datum_tekst(van)}: {opschorting.reden}",
        user=door,
        inwoner_id=aanvraag.inwoner_id,
        van=van,
    )
    return opschorting


@transaction.atomic
@schrijft("opschorting", via=lambda opschorting: opschorting.aanvraag)
def aanvraag_resume(
    *,
    opschorting: AanvraagOpschorting,
    tot: dt.date,
    actor: ActorLike,
    via: access.Via | None = None,
) -> Aanvraag:
    """End a suspension; the decision deadline moves by the suspended days."""
    actor = vereis_toegang(
        actor, Resource.AANVRAAG, Action.OPSCHORTEN, via, opschorting.aanvraag.inwoner_id
    )
    access.vereis_beslist_over(
        actor,
        opschorting.aanvraag.wet,
        via=via or access.SERVICE,
        inwoner=opschorting.aanvraag.inwoner_id,
    )
    opschorting.refresh_from_db(fields=["tot"])  # read under the aanvraag's lock
    if opschorting.tot is not None:
        raise Conflict({"tot": "Deze opschorting is al beëindigd."})
    if tot < opschorting.van or tot > timezone.localdate():
        raise ValidationError({"tot": "Het einde ligt vóór het begin of in de toekomst."})
    opschorting.tot = tot
    opschorting.save(update_fields=["tot", "updated_at"])
    aanvraag = opschorting.aanvraag
    uiterlijk = _herbereken(aanvraag)
    if uiterlijk is not None:  # None only while another suspension is still open
        aanvraag.beslissen_uiterlijk = uiterlijk
        aanvraag.save(update_fields=["beslissen_uiterlijk", "updated_at"])
    publiceer(
        "aanvraag.hervat",
        record=aanvraag,
        omschrijving=f"Beslistermijn van aanvraag {aanvraag.pk} loopt weer vanaf "
        f"{datum_tekst(tot)} (beslissen uiterlijk {datum_tekst(aanvraag.beslissen_uiterlijk)})",
        user=actor.user,
        inwoner_id=aanvraag.inwoner_id,
        tot=tot,
    )
    return aanvraag
