"""Writes of the privacy app."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from eenplan.gemeente.models import Medewerker
from eenplan.inwoners.models import Inwoner
from eenplan.privacy import access
from eenplan.privacy.constants import Doel, Kanaal
from eenplan.privacy.models import (
    DossierToegang,
    Inwoneraccount,
    Inzage,
    Machtiging,
    Toestemming,
)


def inzage_log(
    *,
    user: User,
    inwoner: Inwoner | int,
    doel: Doel | str,
    kanaal: Kanaal | str,
    pad: str,
    toegestaan: bool = True,
) -> Inzage:
    """Write one access-log row. Called by every page and API read of a dossier."""
    if doel not in Doel.values:
        raise ValidationError({"doel": "Onbekend doel van inzage."})
    inwoner_id = inwoner if isinstance(inwoner, int) else inwoner.pk
    return Inzage.objects.create(
        user=user,
        gebruikersnaam=user.get_username(),
        inwoner_id=inwoner_id,
        doel=doel,
        kanaal=kanaal,
        pad=pad[:300],
        toegestaan=toegestaan,
    )


def inzage_log_many(
    *,
    user: User,
    inwoner_ids: list[int],
    doel: Doel | str,
    kanaal: Kanaal | str,
    pad: str,
) -> None:
    """Log the read of several dossiers at once (an API list with personal data): one INSERT."""
    if doel not in Doel.values:
        raise ValidationError({"doel": "Onbekend doel van inzage."})
    Inzage.objects.bulk_create(
        Inzage(
            user=user,
            gebruikersnaam=user.get_username(),
            inwoner_id=pk,
            doel=doel,
            kanaal=kanaal,
            pad=pad[:300],
        )
        for pk in inwoner_ids
    )


@transaction.atomic
def dossiertoegang_grant(
    *,
    medewerker: Medewerker,
    inwoner: Inwoner,
    reden: str,
    van: dt.date,
    tot: dt.date | None = None,
    door: User | None = None,
) -> DossierToegang:
    if medewerker.gemeente_id != inwoner.gemeente_id:
        raise ValidationError("Deze inwoner woont in een andere gemeente dan de medewerker werkt.")
    if not reden.strip():
        raise ValidationError({"reden": "Geef aan waarom deze medewerker toegang krijgt."})
    toegang = DossierToegang(
        medewerker=medewerker, inwoner=inwoner, reden=reden, van=van, tot=tot, toegekend_door=door
    )
    toegang.full_clean()
    toegang.save()
    return toegang


@transaction.atomic
def dossiertoegang_end(*, toegang: DossierToegang, op: dt.date) -> DossierToegang:
    """End one grant of explicit access on `op` (need-to-know ends with the work, e.g. when a
    melding is closed or reassigned). The grant stays as the record of who had access when; a
    grant that already ends on or before `op` is left as it is."""
    toegang = DossierToegang.objects.select_for_update().get(pk=toegang.pk)
    if toegang.tot is None or toegang.tot > op:
        toegang.tot = max(toegang.van, op)
        toegang.save(update_fields=["tot", "updated_at"])
    return toegang


@transaction.atomic
def toestemming_give(
    *, inwoner: Inwoner, aan: str, doel: str, gegeven_op: dt.date, door: User
) -> Toestemming:
    if gegeven_op > timezone.localdate():
        raise ValidationError({"gegeven_op": "De datum van de toestemming ligt in de toekomst."})
    toestemming = Toestemming(
        inwoner=inwoner, aan=aan, doel=doel, gegeven_op=gegeven_op, vastgelegd_door=door
    )
    toestemming.full_clean()
    toestemming.save()
    return toestemming


@transaction.atomic
def toestemming_withdraw(*, toestemming: Toestemming, op: dt.date) -> Toestemming:
    """Withdrawal works from that day on (AVG art. 7 lid 3); the record stays."""
    if toestemming.ingetrokken_op is not None:
        raise ValidationError("Deze toestemming is al ingetrokken.")
    if op > timezone.localdate():
        raise ValidationError("Intrekken kan niet in de toekomst worden vastgelegd.")
    if op < toestemming.gegeven_op:
        raise ValidationError("Intrekken kan niet vóór de datum waarop toestemming is gegeven.")
    toestemming.ingetrokken_op = op
    toestemming.save(update_fields=["ingetrokken_op", "updated_at"])
    return toestemming


def dossier_open(
    *, user: User, inwoner_id: int, doel: str | None, kanaal: Kanaal | str, pad: str
) -> Inwoner:
    """Read one resident's dossier through the one decision point (`privacy.access`): role and
    need-to-know checked, the decision logged either way. Raises `access.Refused` (403) with a
    Dutch reason; Inwoner.DoesNotExist for unknown ids."""
    inwoner = Inwoner.objects.select_related("wijk").filter(pk=inwoner_id).first()
    if inwoner is None:
        raise Inwoner.DoesNotExist(f"Inwoner {inwoner_id} bestaat niet.")
    access.require(
        user,
        access.Resource.DOSSIER,
        access.Action.LEZEN,
        via=access.Via(kanaal=kanaal, pad=pad),
        inwoner=inwoner,
        doel=doel,
    )
    return inwoner


# --- resident accounts and machtigingen (inwonersportaal, issue 13) -------------------------


@transaction.atomic
def inwoneraccount_for(*, inwoner: Inwoner, via: str) -> Inwoneraccount:
    """The resident's portal login, made on the first login (OpenID Connect or the
    development login). Its user has no password (it logs in through the broker only) and is
    never a medewerker: staff and residents are separate kinds of accounts."""
    account = Inwoneraccount.objects.select_related("user").filter(inwoner=inwoner).first()
    if account is not None:
        return account
    user_model = get_user_model()
    naam = " ".join(p for p in [inwoner.voorvoegsel, inwoner.achternaam] if p)
    user = user_model.objects.create_user(
        username=f"inwoner-{inwoner.pk}",
        password=None,
        first_name=inwoner.voornamen[:150],
        last_name=naam[:150],
    )
    return Inwoneraccount.objects.create(user=user, inwoner=inwoner, aangemaakt_via=via)


@transaction.atomic
def machtiging_give(
    *,
    inwoner: Inwoner,
    gemachtigde: Inwoner,
    soort: str,
    van: dt.date,
    tot: dt.date | None,
    door: User,
) -> Machtiging:
    """Record a dated machtiging (BW 7:400 e.v.): from `van`, until `tot` or withdrawn."""
    if inwoner.pk == gemachtigde.pk:
        raise ValidationError({"gemachtigde": "Een inwoner machtigt niet zichzelf."})
    if inwoner.gemeente_id != gemachtigde.gemeente_id:
        raise ValidationError({"gemachtigde": "De gemachtigde woont niet in deze gemeente."})
    machtiging = Machtiging(
        inwoner=inwoner, gemachtigde=gemachtigde, soort=soort, van=van, tot=tot,
        vastgelegd_door=door,
    )
    machtiging.full_clean()
    machtiging.save()
    return machtiging


@transaction.atomic
def machtiging_withdraw(*, machtiging: Machtiging, op: dt.date) -> Machtiging:
    """Withdrawal works from that day on; the record stays."""
    machtiging = Machtiging.objects.select_for_update().get(pk=machtiging.pk)
    if machtiging.ingetrokken_op is not None:
        raise ValidationError("Deze machtiging is al ingetrokken.")
    if op < machtiging.van:
        raise ValidationError("Intrekken kan niet vóór de datum waarop de machtiging begon.")
    machtiging.ingetrokken_op = op
    machtiging.save(update_fields=["ingetrokken_op", "updated_at"])
    return machtiging
