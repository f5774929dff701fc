"""The OpenID Connect login (mozilla-django-oidc): the broker's BSN claim becomes the
resident's portal account; an unknown or invalid BSN, or a staff member, never logs in."""

from __future__ import annotations

import pytest
from django.test import override_settings

from eenplan.portaal.auth import BsnOIDCBackend, bsn_uit_claims
from eenplan.privacy import access
from eenplan.privacy.models import Inwoneraccount
from eenplan.testing.factories import InwonerFactory

pytestmark = pytest.mark.django_db

BROKER = {
    "OIDC_RP_CLIENT_ID": "eenplan",
    "OIDC_RP_CLIENT_SECRET": "geheim",
    "OIDC_OP_TOKEN_ENDPOINT": "https://broker.example/token",
    "OIDC_OP_USER_ENDPOINT": "https://broker.example/userinfo",
    "OIDC_OP_JWKS_ENDPOINT": "https://broker.example/jwks",
    "OIDC_RP_SIGN_ALGO": "RS256",
}


@pytest.fixture
def backend():
    with override_settings(**BROKER):
        yield BsnOIDCBackend()


def test_the_bsn_claim_maps_to_the_residents_account(backend, gemeente):
    inwoner = InwonerFactory(gemeente=gemeente)
    claims = {"sub": "abc", "bsn": inwoner.bsn}
    assert backend.verify_claims(claims)
    assert not backend.filter_users_by_claims(claims).exists()  # no account yet
    user = backend.create_user(claims)
    account = Inwoneraccount.objects.get(user=user)
    assert account.inwoner == inwoner and account.aangemaakt_via == "oidc"
    assert list(backend.filter_users_by_claims(claims)) == [user]
    assert access.Actor.of(user).kind == access.ActorKind.INWONER
    assert user.has_usable_password() is False  # logs in through the broker only


def test_unknown_or_invalid_bsns_do_not_log_in(backend, gemeente):
    InwonerFactory(gemeente=gemeente)
    for claims in ({"bsn": "123456782"}, {"bsn": "123456789"}, {"bsn": ""}, {}):
        assert not backend.verify_claims(claims)
        assert not backend.filter_users_by_claims(claims).exists()
        assert backend.create_user(claims) is None
    assert not Inwoneraccount.objects.exists()


def test_a_leading_zero_dropped_by_the_broker_is_restored():
    assert bsn_uit_claims({"bsn": "12345672"}) == "012345672"
    assert bsn_uit_claims({"bsn": " 999990019 "}) == "999990019"


def test_the_claim_name_and_the_municipality_are_settings(backend, gemeente):
    inwoner = InwonerFactory(gemeente=gemeente)
    with override_settings(EENPLAN_OIDC_BSN_CLAIM="urn:nl:bsn"):
        assert backend.verify_claims({"urn:nl:bsn": inwoner.bsn})
        assert not backend.verify_claims({"bsn": inwoner.bsn})
    with override_settings(EENPLAN_PORTAAL_GEMEENTE="GM9999"):
        assert not backend.verify_claims({"bsn": inwoner.bsn})
