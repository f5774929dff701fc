"""The portal's OpenID Connect login: the broker's BSN claim becomes the resident's account.

mozilla-django-oidc does the protocol (authorization code flow, state and nonce, the ID
token's signature against the broker's keys); this backend only maps the verified claims to
an Inwoner of the municipality and gives back that resident's Inwoneraccount user — never a
staff login (ADR 0021, docs/portaal.md)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from eenplan.inwoners.models import Inwoner
from eenplan.inwoners.validators import validate_bsn
from eenplan.privacy.models import Inwoneraccount
from eenplan.privacy.services import inwoneraccount_for


def bsn_uit_claims(claims: dict[str, Any]) -> str | None:
    """The BSN in the claims (`EENPLAN_OIDC_BSN_CLAIM`), nine digits passing the elfproef."""
    waarde = str(claims.get(settings.EENPLAN_OIDC_BSN_CLAIM) or "").strip()
    if len(waarde) == 8 and waarde.isdigit():
        waarde = "0" + waarde  # some brokers drop the leading zero
    try:
        validate_bsn(waarde)
    except ValidationError:
        return None
    return waarde


def inwoner_voor_bsn(bsn: str) -> Inwoner | None:
    """The one resident with this BSN (of `EENPLAN_PORTAAL_GEMEENTE` when set), or None."""
    qs = Inwoner.objects.filter(bsn=bsn)
    if settings.EENPLAN_PORTAAL_GEMEENTE:
        qs = qs.filter(gemeente__cbs_code=settings.EENPLAN_PORTAAL_GEMEENTE)
    found = list(qs[:2])
    return found[0] if len(found) == 1 else None


class BsnOIDCBackend(OIDCAuthenticationBackend):  # type: ignore[misc]
    """Logs a resident in by the BSN claim; unknown BSNs and staff are never logged in."""

    def verify_claims(self, claims: dict[str, Any]) -> bool:
        bsn = bsn_uit_claims(claims)
        return bsn is not None and inwoner_voor_bsn(bsn) is not None

    def filter_users_by_claims(self, claims: dict[str, Any]) -> QuerySet[Any]:
        user_model = self.UserModel
        bsn = bsn_uit_claims(claims)
        inwoner = inwoner_voor_bsn(bsn) if bsn else None
        if inwoner is None:
            return user_model.objects.none()
        return user_model.objects.filter(
            pk__in=Inwoneraccount.objects.filter(inwoner=inwoner).values("user_id")
        )

    def create_user(self, claims: dict[str, Any]) -> Any:
        bsn = bsn_uit_claims(claims)
        inwoner = inwoner_voor_bsn(bsn) if bsn else None
        if inwoner is None:  # verify_claims ran first; a race is refused, not guessed
            return None
        return inwoneraccount_for(inwoner=inwoner, via="oidc").user

    def update_user(self, user: Any, claims: dict[str, Any]) -> Any:
        return user  # nothing of the broker's claims is stored beyond the link to the Inwoner
