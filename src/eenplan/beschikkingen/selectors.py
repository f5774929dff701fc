"""Reads of the beschikkingen app."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Prefetch, Q, QuerySet

from eenplan.beschikkingen.models import (
    Aanvraag,
    AanvraagOpschorting,
    Beschikking,
    BeschikteVoorziening,
    Bezwaar,
    Klacht,
    Overgangsrecht,
)
from eenplan.inwoners.models import Inwoner
from eenplan.privacy import access

User = AbstractBaseUser | AnonymousUser


def overgangsrecht_werklijst(
    *, inwoners: QuerySet[Inwoner], vandaag: dt.date
) -> QuerySet[Overgangsrecht]:
    """Old indications not yet re-assessed, earliest legal end first; one query. Those whose
    end passed without a heronderzoek are the most urgent."""
    return (
        Overgangsrecht.objects.filter(
            inwoner__in=inwoners.values("pk"), heronderzoek_op__isnull=True
        )
        .select_related("inwoner")
        .order_by("einddatum", "id")
    )


def opschorting_lopend(aanvraag: Aanvraag) -> AanvraagOpschorting | None:
    """The suspension of the aanvraag's decision term that is still running, if any."""
    return aanvraag.opschortingen.filter(tot__isnull=True).first()


# --- one resource: loaded without the scope, then decided on by privacy.access -----------------
#
# Pages and API load a record with the same function below (404 when it does not exist), then
# ask `access.require(..., inwoner=<its resident>)`: a record outside the need-to-know scope is a
# logged 403 on both paths. The lists use the `*_in_scope` querysets, the same filter
# (`access.scope_q`) that `require` applies to one resident.


def aanvraag_get(pk: int) -> Aanvraag | None:
    return (
        Aanvraag.objects.filter(pk=pk)
        .select_related("inwoner__wijk", "plan", "vastgelegd_door", "gemeente")
        .prefetch_related(
            Prefetch("beschikkingen", queryset=Beschikking.objects.order_by("besloten_op", "id"))
        )
        .first()
    )


def beschikking_get(pk: int) -> Beschikking | None:
    return (
        Beschikking.objects.filter(pk=pk)
        .select_related(
            "inwoner__wijk", "aanvraag", "gemeente", "besloten_door", "getoetst_door", "herziet"
        )
        .prefetch_related(
            Prefetch(
                "voorzieningen",
                queryset=BeschikteVoorziening.objects.select_related("voorziening").order_by("id"),
            ),
            Prefetch("bezwaren", queryset=Bezwaar.objects.order_by("-ontvangen_op", "-id")),
        )
        .first()
    )


def bezwaar_get(pk: int) -> Bezwaar | None:
    return (
        Bezwaar.objects.filter(pk=pk)
        .select_related("beschikking__inwoner", "nieuwe_beschikking", "vastgelegd_door")
        .first()
    )


def klacht_get(pk: int, *, gemeente_id: int | None) -> Klacht | None:
    """A complaint of the login's municipality (another municipality's does not exist here)."""
    return Klacht.objects.filter(pk=pk, gemeente_id=gemeente_id).select_related("inwoner").first()


def aanvragen_in_scope(actor: access.Actor | User) -> QuerySet[Aanvraag]:
    return Aanvraag.objects.filter(access.scope_q(actor))


def beschikkingen_in_scope(actor: access.Actor | User) -> QuerySet[Beschikking]:
    return Beschikking.objects.filter(access.scope_q(actor))


def bezwaren_in_scope(actor: access.Actor | User) -> QuerySet[Bezwaar]:
    return Bezwaar.objects.filter(access.scope_q(actor, veld="beschikking__inwoner"))


def klachten_in_scope(actor: access.Actor | User, *, gemeente_id: int | None) -> QuerySet[Klacht]:
    """Complaints of the municipality: about no resident in particular, or about one in scope."""
    return Klacht.objects.filter(gemeente_id=gemeente_id).filter(
        Q(inwoner__isnull=True) | access.scope_q(actor)
    )
