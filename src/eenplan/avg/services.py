"""Writes of the AVG requests: register, extend once, handle (with the rectification itself),
and the inzage export. Every service decides through `privacy.access` (staff by the staff
rules, a resident's login by the resident rules) and writes its event in the same transaction.

AVG art. 12 lid 3 (terms), art. 15 (inzage), art. 16 (rectificatie), art. 17 with Jeugdwet art.
7.3.9 and Wmo 2015 art. 5.3.5 (vernietiging, `avg.op_verzoek`), art. 18 (beperking), art. 21
(bezwaar). The terms are computed by `eenplan.rules.avg`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from eenplan.avg import inzage, op_verzoek, selectors
from eenplan.avg.constants import (
    RECTIFICEERBAAR,
    BewaarplichtSoort,
    IngediendVia,
    VerzoekSoort,
    VerzoekStatus,
    Weigeringsgrond,
)
from eenplan.avg.models import AvgVerzoek, Bewaarplicht
from eenplan.common.datums import datums_check
from eenplan.events import bus
from eenplan.gemeente.selectors import gelijkgestelde_dagen
from eenplan.inwoners.models import Inwoner
from eenplan.inwoners.services import inwoner_update
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource
from eenplan.rules.avg import (
    antwoord_uiterlijk,
    verlengd_uiterlijk,
    verlenging_toegestaan,
    vernietigen_uiterlijk_voor,
)
from eenplan.rules.datums import GEBEURTENIS

AVG_GEREGISTREERD = "avg.verzoek_geregistreerd"
AVG_VERLENGD = "avg.verzoek_verlengd"
AVG_AFGEHANDELD = "avg.verzoek_afgehandeld"
AVG_GERECTIFICEERD = "avg.gerectificeerd"
AVG_INZAGE_VERSTREKT = "avg.inzage_verstrekt"
AVG_VERNIETIGD = "avg.vernietigd_op_verzoek"

ANDERE_GEMEENTE = "Deze inwoner hoort bij een andere gemeente dan waarvoor u werkt."
AL_AFGEHANDELD = "Dit verzoek is al afgehandeld ({status}); het kan niet nog eens."


def _check_gemeente(
    actor: Any, inwoner: Inwoner, resource: Resource, action: Action, via: access.Via
) -> None:
    eigen = access.Actor.of(actor)
    if (
        eigen.kind == access.ActorKind.MEDEWERKER
        and not (eigen.is_superuser and eigen.medewerker is None)
        and eigen.gemeente_id != inwoner.gemeente_id
    ):
        access.refuse(eigen, resource, action, via=via, reason=ANDERE_GEMEENTE, inwoner=inwoner)


def verzoek_van_gemeente(
    actor: Any, pk: int, *, gemeente_id: int, resource: Resource, action: Action, via: access.Via
) -> AvgVerzoek:
    """The request of the municipality the login works for. Another municipality's is not
    found, like one that exists nowhere: a 404 (Http404, DRF answers it the same) with the
    refusal logged in the login's own municipality (`access.get_or_refuse`, ADR 0046) — the id
    is not looked up across municipalities (issue 16), so the answer does not tell it exists.
    The page and the API alike."""
    return access.get_or_refuse(
        actor,
        resource,
        action,
        via=via,
        pk=pk,
        zoek=lambda _: selectors.avg_verzoek_get(pk, gemeente_id=gemeente_id),
        wat="AVG-verzoek",
        niet_gevonden="Dit verzoek bestaat niet.",
    )


def verzoek_toegang(actor: Any, verzoek: AvgVerzoek, action: Action, *, via: access.Via) -> None:
    """Decide (and log) one action on a request: the role, the municipality, the resident."""
    access.require_actor(actor, Resource.AVG_VERZOEK, action, via=via, inwoner=verzoek.inwoner)
    _check_gemeente(actor, verzoek.inwoner, Resource.AVG_VERZOEK, action, via)


@transaction.atomic
def avg_verzoek_register(
    *,
    inwoner: Inwoner,
    soort: str,
    actor: Any,
    ontvangen_op: dt.date | None = None,
    omschrijving: str = "",
    veld: str = "",
    nieuwe_waarde: str = "",
    via: access.Via = access.SERVICE,
    vandaag: dt.date | None = None,
) -> AvgVerzoek:
    """Record a request with its answer term (one month, AVG art. 12 lid 3). A rectification
    names the datum and the value asked for; the current value is kept with the request.
    Raises ValidationError (nothing written) on a wrong kind, datum or date."""
    vandaag = vandaag or timezone.localdate()
    access.require_actor(actor, Resource.AVG_VERZOEK, Action.AANMAKEN, via=via, inwoner=inwoner)
    _check_gemeente(actor, inwoner, Resource.AVG_VERZOEK, Action.AANMAKEN, via)
    ontvangen_op = ontvangen_op or vandaag
    datums_check(GEBEURTENIS, ontvangen_op=ontvangen_op)
    fouten: dict[str, str] = {}
    if soort not in VerzoekSoort.values:
        fouten["soort"] = "Kies het soort verzoek."
    if ontvangen_op > vandaag:
        fouten["ontvangen_op"] = "Een verzoek kan niet in de toekomst ontvangen zijn."
    oude_waarde = ""
    if soort == VerzoekSoort.RECTIFICATIE:
        if veld not in RECTIFICEERBAAR:
            fouten["veld"] = "Kies welk gegeven de inwoner verbeterd wil zien."
        elif not nieuwe_waarde.strip():
            fouten["nieuwe_waarde"] = "Vul in wat het gegeven moet zijn."
        else:
            oude_waarde = str(getattr(inwoner, veld) or "")
    elif veld or nieuwe_waarde:
        fouten["veld"] = (
            "Alleen een verzoek om gegevens te verbeteren noemt een gegeven en een waarde."
        )
    if fouten:
        raise ValidationError(fouten)
    eigen = access.Actor.of(actor)
    extra = gelijkgestelde_dagen()
    verzoek = AvgVerzoek(
        gemeente_id=inwoner.gemeente_id,
        inwoner=inwoner,
        soort=soort,
        omschrijving=omschrijving.strip(),
        ontvangen_op=ontvangen_op,
        antwoord_uiterlijk=antwoord_uiterlijk(ontvangen_op, extra=extra),
        vernietigen_uiterlijk=(
            vernietigen_uiterlijk_voor(ontvangen_op, extra=extra)
            if soort == VerzoekSoort.VERNIETIGING
            else None
        ),
        veld=veld,
        oude_waarde=oude_waarde[:300],
        nieuwe_waarde=nieuwe_waarde.strip()[:300],
        ingediend_via=(
            IngediendVia.PORTAAL
            if eigen.kind == access.ActorKind.INWONER
            else IngediendVia.MEDEWERKER
        ),
        vastgelegd_door=actor,
    )
    verzoek.full_clean()
    verzoek.save()
    bus.publish(
        AVG_GEREGISTREERD,
        record=verzoek,
        omschrijving=f"Verzoek ontvangen: {verzoek.get_soort_display()}",
        user=actor,
        inwoner=inwoner,
        gegevens={"soort": soort, "antwoord_uiterlijk": verzoek.antwoord_uiterlijk},
    )
    return verzoek


def _lock(verzoek: AvgVerzoek) -> AvgVerzoek:
    return AvgVerzoek.objects.select_for_update().select_related("inwoner").get(pk=verzoek.pk)


@transaction.atomic
def avg_verzoek_verleng(
    *,
    verzoek: AvgVerzoek,
    reden: str,
    actor: Any,
    via: access.Via = access.SERVICE,
    vandaag: dt.date | None = None,
) -> AvgVerzoek:
    """Extend the term once by two months, within the first month, with the reason told to
    the resident (AVG art. 12 lid 3). Raises ValidationError otherwise, nothing changed."""
    vandaag = vandaag or timezone.localdate()
    verzoek_toegang(actor, verzoek, Action.BEHANDELEN, via=via)
    verzoek = _lock(verzoek)
    if verzoek.status != VerzoekStatus.OPEN:
        raise ValidationError(AL_AFGEHANDELD.format(status=verzoek.get_status_display().lower()))
    extra = gelijkgestelde_dagen()
    mag = verlenging_toegestaan(
        ontvangen_op=verzoek.ontvangen_op, vandaag=vandaag, al_verlengd=bool(verzoek.verlengd_op),
        extra=extra,
    )
    if not mag.mag:
        raise ValidationError(mag.reden)
    if not reden.strip():
        raise ValidationError({"reden": "Geef de reden van de verlenging; de inwoner krijgt haar."})
    verzoek.verlengd_op = vandaag
    verzoek.verlenging_reden = reden.strip()
    verzoek.antwoord_uiterlijk = verlengd_uiterlijk(verzoek.ontvangen_op, extra=extra)
    if verzoek.soort == VerzoekSoort.VERNIETIGING:
        verzoek.vernietigen_uiterlijk = vernietigen_uiterlijk_voor(
            verzoek.ontvangen_op, verlengd=True, extra=extra
        )
    verzoek.save()
    bus.publish(
        AVG_VERLENGD,
        record=verzoek,
        omschrijving="Termijn van het AVG-verzoek met twee maanden verlengd",
        user=actor,
        inwoner=verzoek.inwoner,
        gegevens={"antwoord_uiterlijk": verzoek.antwoord_uiterlijk},
    )
    return verzoek


@transaction.atomic
def avg_verzoek_afhandel(
    *,
    verzoek: AvgVerzoek,
    toekennen: bool,
    uitkomst: str,
    actor: Any,
    weigeringsgrond: str = "",
    via: access.Via = access.SERVICE,
    vandaag: dt.date | None = None,
) -> AvgVerzoek:
    """Grant or refuse a request, with the answer to the resident. Granting a rectification
    changes the datum (through `inwoners.services.inwoner_update`) and keeps the old value on
    the request and in the history; granting a restriction puts a hold on the resident's
    records (AVG art. 18: kept, not destroyed); granting a destruction destroys the youth care
    and Wmo records the law lets go (`avg.op_verzoek`, Jeugdwet art. 7.3.9, Wmo 2015 art.
    5.3.5) with a verklaring, and is refused (nothing changed) while a bezwaar, beroep term or
    hold blocks it. Refusing a destruction names its legal ground (`weigeringsgrond`). A second
    decision is refused."""
    vandaag = vandaag or timezone.localdate()
    verzoek_toegang(actor, verzoek, Action.BEHANDELEN, via=via)
    verzoek = _lock(verzoek)
    if verzoek.status != VerzoekStatus.OPEN:
        raise ValidationError(AL_AFGEHANDELD.format(status=verzoek.get_status_display().lower()))
    fouten: dict[str, str] = {}
    if not uitkomst.strip():
        fouten["uitkomst"] = "Schrijf het antwoord aan de inwoner."
    if verzoek.soort != VerzoekSoort.VERNIETIGING and weigeringsgrond:
        fouten["weigeringsgrond"] = (
            "Alleen een verzoek om vernietiging heeft een grond van afwijzing."
        )
    elif toekennen and weigeringsgrond:
        fouten["weigeringsgrond"] = "Een toekenning heeft geen grond van afwijzing."
    elif verzoek.soort == VerzoekSoort.VERNIETIGING and not toekennen:
        if not weigeringsgrond:
            fouten["weigeringsgrond"] = "Kies de wettelijke grond waarop u het verzoek afwijst."
        elif weigeringsgrond not in Weigeringsgrond.values:
            fouten["weigeringsgrond"] = "Kies een van de wettelijke gronden."
    if fouten:
        raise ValidationError(fouten)
    lijst = None
    if toekennen and verzoek.soort == VerzoekSoort.VERNIETIGING:
        # Destroying is a decision about retention too: the privacy officer's BEWAREN right,
        # decided and logged against the resident like the request itself.
        access.require_actor(
            actor, Resource.BEWAREN, Action.BESLISSEN, via=via, inwoner=verzoek.inwoner
        )
        lijst = op_verzoek.vernietigen(verzoek, door=actor, vandaag=vandaag)
    if toekennen and verzoek.soort == VerzoekSoort.RECTIFICATIE:
        inwoner = Inwoner.objects.select_for_update().get(pk=verzoek.inwoner_id)
        oud = str(getattr(inwoner, verzoek.veld) or "")
        inwoner_update(inwoner=inwoner, vandaag=vandaag, **{verzoek.veld: verzoek.nieuwe_waarde})
        verzoek.oude_waarde = oud[:300]
        bus.publish(
            AVG_GERECTIFICEERD,
            record=verzoek,
            omschrijving=f"Gegeven verbeterd op verzoek (AVG art. 16): "
            f"{RECTIFICEERBAAR[verzoek.veld].lower()}",
            user=actor,
            inwoner=inwoner,
            gegevens={"veld": verzoek.veld, "oud": oud, "nieuw": verzoek.nieuwe_waarde},
        )
    if toekennen and verzoek.soort == VerzoekSoort.BEPERKING:
        Bewaarplicht.objects.create(
            gemeente_id=verzoek.gemeente_id,
            inwoner_id=verzoek.inwoner_id,
            soort=BewaarplichtSoort.BEPERKING,
            reden=f"Beperking van de verwerking toegekend ({verzoek.kenmerk})",
            van=vandaag,
            verzoek=verzoek,
            vastgelegd_door=actor,
        )
    verzoek.status = VerzoekStatus.TOEGEKEND if toekennen else VerzoekStatus.AFGEWEZEN
    verzoek.weigeringsgrond = weigeringsgrond
    verzoek.uitkomst = uitkomst.strip()
    verzoek.afgehandeld_op = vandaag
    verzoek.afgehandeld_door = actor
    verzoek.save()
    bus.publish(
        AVG_AFGEHANDELD,
        record=verzoek,
        omschrijving=f"AVG-verzoek {verzoek.get_status_display().lower()}: "
        f"{verzoek.get_soort_display()}",
        user=actor,
        inwoner=verzoek.inwoner,
        gegevens={"status": verzoek.status, "tijdig": vandaag <= verzoek.antwoord_uiterlijk},
    )
    if lijst is not None:
        regels = list(lijst.regels.all())
        bus.publish(
            AVG_VERNIETIGD,
            record=verzoek,
            omschrijving=f"Op verzoek vernietigd: {sum(1 for r in regels if r.vernietigd)} "
            f"van {len(regels)} onderdelen over jeugdhulp en Wmo-ondersteuning "
            f"(verklaring {lijst.pk})",
            user=actor,
            inwoner=verzoek.inwoner,
            gegevens={
                "vernietigingslijst": lijst.pk,
                "vernietigd": [r.kenmerk for r in regels if r.vernietigd],
                "bewaard": [r.kenmerk for r in regels if not r.vernietigd],
            },
        )
    return verzoek


ALLEEN_INZAGE = "Alleen bij een verzoek om inzage hoort een overzicht van de gegevens."
NOG_NIET_VERSTREKT = "De gemeente heeft dit overzicht nog niet verstrekt."


def inzage_maken(
    *, verzoek: AvgVerzoek, actor: Any, via: access.Via = access.SERVICE
) -> dict[str, Any]:
    """The export of the resident's whole record for an inzage request (JSON-ready data).
    Staff: the privacy officer, logged as an export with the purpose AVG. A resident: only the
    answer to their own granted request. Refused (ValidationError) for another kind."""
    eigen = access.Actor.of(actor)
    if verzoek.soort != VerzoekSoort.INZAGE:
        raise ValidationError(ALLEEN_INZAGE)
    if eigen.kind == access.ActorKind.INWONER:
        access.require_inwoner(
            eigen, Resource.AVG_VERZOEK, Action.LEZEN, via=via, inwoner=verzoek.inwoner
        )
        if verzoek.status != VerzoekStatus.TOEGEKEND:
            access.refuse(
                eigen,
                Resource.AVG_VERZOEK,
                Action.LEZEN,
                via=via,
                reason=NOG_NIET_VERSTREKT,
                inwoner=verzoek.inwoner,
            )
    else:
        verzoek_toegang(actor, verzoek, Action.EXPORTEREN, via=via)
    return inzage.inzage_export(verzoek.inwoner)
