"""Residents as actors of the one access path (issue 13): a resident's login sees the own case
and the cases it represents (gezag over a minor, wettelijk vertegenwoordiger, machtiging), is
refused staff rules, and every decision is logged with its ground."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from eenplan.inwoners.constants import Relatie
from eenplan.privacy import access
from eenplan.privacy.access import Action, ActorKind, Resource
from eenplan.privacy.models import Inzage
from eenplan.testing.factories import (
    HuishoudenFactory,
    InwoneraccountFactory,
    InwonerFactory,
    MachtigingFactory,
    NetwerkpersoonFactory,
    vandaag,
)

pytestmark = pytest.mark.django_db
VIA = access.Via(pad="/mijn/test/")


def _fresh(user):
    """A new request: the actor and its scope are cached on the user object per request."""
    for attr in ("_eenplan_actor", "_eenplan_scope"):
        if hasattr(user, attr):
            delattr(user, attr)
    return user


def _gronden(user) -> dict[int, str]:
    return {v.inwoner_id: v.grond for v in access.vertegenwoordigden(_fresh(user))}


def test_a_resident_login_is_an_inwoner_actor_and_staff_stay_staff(generalist):
    account = InwoneraccountFactory()
    actor = access.Actor.of(account.user)
    assert actor.kind == ActorKind.INWONER and actor.inwoner_id == account.inwoner_id
    assert actor.medewerker is None and not actor.has_perms([])
    assert access.Actor.of(generalist.user).kind == ActorKind.MEDEWERKER


def test_a_resident_sees_the_own_case_and_nobody_elses(gemeente):
    account = InwoneraccountFactory(inwoner=InwonerFactory(gemeente=gemeente))
    ander = InwonerFactory(gemeente=gemeente)
    assert _gronden(account.user) == {account.inwoner_id: "zelf"}
    assert access.decide_inwoner(
        account.user, Resource.PLAN, Action.LEZEN, via=VIA, inwoner=account.inwoner
    ).allowed
    refused = access.decide_inwoner(
        _fresh(account.user), Resource.DOSSIER, Action.LEZEN, via=VIA, inwoner=ander
    )
    assert not refused.allowed and "vertegenwoordigt" in refused.reason
    rows = list(Inzage.objects.order_by("id").values_list("inwoner_id", "toegestaan", "grond"))
    assert rows == [(account.inwoner_id, True, "zelf"), (ander.pk, False, "")]
    assert {r.doel for r in Inzage.objects.all()} == {"eigen_zaak"}


def test_a_parent_represents_a_minor_child_of_the_household_not_an_adult_one(gemeente):
    huishouden = HuishoudenFactory(gemeente=gemeente, gezin=True)
    leden = {lid.relatie: lid.inwoner for lid in huishouden.leden.all()}
    ouder, partner, kind = leden[Relatie.REFERENTIE], leden[Relatie.PARTNER], leden[Relatie.KIND]
    account = InwoneraccountFactory(inwoner=ouder)
    assert _gronden(account.user) == {ouder.pk: "zelf", kind.pk: "gezag"}
    # The partner is not represented; the child, once eighteen, is no longer.
    kind.geboortedatum = vandaag().replace(year=vandaag().year - 18)
    kind.save(update_fields=["geboortedatum"])
    assert _gronden(account.user) == {ouder.pk: "zelf"}
    assert partner.pk not in _gronden(account.user)
    # A child's own login does not represent the parents.
    kind_account = InwoneraccountFactory(inwoner=kind)
    assert _gronden(kind_account.user) == {kind.pk: "zelf"}


def test_a_wettelijk_vertegenwoordiger_in_the_network_represents_the_resident(gemeente):
    curator = InwonerFactory(gemeente=gemeente)
    client = InwonerFactory(gemeente=gemeente)
    NetwerkpersoonFactory(inwoner=client, vertegenwoordiger=True, naam="C", als_inwoner=curator)
    NetwerkpersoonFactory(
        inwoner=InwonerFactory(gemeente=gemeente), mantelzorger=True, naam="M", als_inwoner=curator
    )  # a mantelzorger alone: no access
    account = InwoneraccountFactory(inwoner=curator)
    assert _gronden(account.user) == {curator.pk: "zelf", client.pk: "wettelijk"}


def test_a_machtiging_holds_from_its_date_until_withdrawn_or_ended(gemeente):
    gever = InwonerFactory(gemeente=gemeente)
    gemachtigde = InwonerFactory(gemeente=gemeente)
    account = InwoneraccountFactory(inwoner=gemachtigde)
    machtiging = MachtigingFactory(inwoner=gever, gemachtigde=gemachtigde)
    assert _gronden(account.user)[gever.pk] == "machtiging"
    from eenplan.privacy.services import machtiging_withdraw

    machtiging_withdraw(machtiging=machtiging, op=vandaag())
    assert gever.pk not in _gronden(account.user)
    with pytest.raises(ValidationError):
        machtiging_withdraw(machtiging=machtiging, op=vandaag())
    MachtigingFactory(
        inwoner=gever, gemachtigde=gemachtigde, van=vandaag() + dt.timedelta(days=1)
    )  # not yet
    MachtigingFactory(
        inwoner=gever,
        gemachtigde=gemachtigde,
        van=dt.date(2020, 1, 1),
        tot=vandaag() - dt.timedelta(days=1),
    )  # ended
    assert gever.pk not in _gronden(account.user)
    with pytest.raises(ValidationError):
        MachtigingFactory(inwoner=gever, gemachtigde=gever)


def test_a_mantelzorger_works_on_the_plan_but_does_not_sign_or_file(gemeente):
    gever = InwonerFactory(gemeente=gemeente)
    account = InwoneraccountFactory(inwoner=InwonerFactory(gemeente=gemeente))
    MachtigingFactory(inwoner=gever, gemachtigde=account.inwoner, mantelzorger=True)
    user = _fresh(account.user)
    for resource, action in [
        (Resource.PLAN, Action.LEZEN),
        (Resource.PLAN, Action.WIJZIGEN),
        (Resource.BESCHIKKING, Action.LEZEN),
    ]:
        assert access.decide_inwoner(user, resource, action, via=VIA, inwoner=gever).allowed
    for resource, action in [
        (Resource.PLAN, Action.BESLISSEN),
        (Resource.MELDING, Action.AANMAKEN),
        (Resource.INZAGELOG, Action.LEZEN),
    ]:
        decision = access.decide_inwoner(user, resource, action, via=VIA, inwoner=gever)
        assert not decision.allowed and "mantelzorger" in decision.reason
    assert set(Inzage.objects.values_list("grond", flat=True)) == {"mantelzorger"}


def test_staff_rules_refuse_a_resident_even_for_the_own_case(gemeente):
    account = InwoneraccountFactory(inwoner=InwonerFactory(gemeente=gemeente))
    for resource, action in access.RULES:
        decision = access.decide(
            _fresh(account.user), resource, action, via=VIA, inwoner=account.inwoner
        )
        assert not decision.allowed, (resource, action)
        assert decision.reason == access.ALLEEN_MEDEWERKERS
    assert access.inwoners_in_scope(account.user).count() == 0
    assert not access.allows(account.user, Resource.DOSSIER, Action.LEZEN)


def test_the_portal_decision_refuses_staff(generalist, inwoner_noord):
    decision = access.decide_inwoner(
        generalist.user, Resource.PLAN, Action.LEZEN, via=VIA, inwoner=inwoner_noord
    )
    assert not decision.allowed and decision.reason == access.ALLEEN_INWONERS
    assert Inzage.objects.get().toegestaan is False


def test_a_resident_login_is_refused_on_staff_pages_and_sent_home_from_the_start(client, gemeente):
    account = InwoneraccountFactory(inwoner=InwonerFactory(gemeente=gemeente))
    client.force_login(account.user)
    assert client.get("/").headers["Location"] == "/mijn/"
    response = client.get(f"/inwoners/{account.inwoner_id}/")
    assert response.status_code == 403
    assert "alleen voor medewerkers" in response.content.decode()
    row = Inzage.objects.get()
    assert (row.toegestaan, row.pad, row.reden) == (
        False,
        f"/inwoners/{account.inwoner_id}/",
        access.ALLEEN_MEDEWERKERS,
    )
    api = client.get(f"/api/v1/inwoners/{account.inwoner_id}/")
    assert api.status_code == 403
