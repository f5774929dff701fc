"""Fewer queries per decision, the same decisions (issue 16: under load every query costs as
much as a page's whole floor). The role's permissions come in one query; a resident whose wijk
is known from the row just read is in scope without a query of its own; a household's members
are read with whether one lives in the actor's wijken. Residents assigned to the actor
(DossierToegang) and refusals still go through the scope query, and every decision is logged
as before."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Permission

from eenplan.gemeente.selectors import rechten_laden
from eenplan.inwoners import services as inwoners
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource
from eenplan.privacy.models import DossierToegang, Inzage
from eenplan.testing.factories import InwonerFactory

pytestmark = pytest.mark.django_db
VIA = access.Via(pad="/test/")


def _vers(user):
    """The login as a new request loads it: no caches on the object."""
    return get_user_model().objects.get(pk=user.pk)


def test_a_logins_permissions_are_read_in_one_query_and_equal_djangos(
    generalist, django_assert_num_queries
):
    extra = Permission.objects.get(codename="view_bezwaar")
    generalist.user.user_permissions.add(extra)
    user = _vers(generalist.user)
    with django_assert_num_queries(1):
        rechten_laden(user)
        assert user.has_perm("bezwaren.view_bezwaar")  # answered from what was just read
    django = ModelBackend()
    vergelijk = _vers(generalist.user)
    assert user.get_all_permissions() == django.get_all_permissions(vergelijk)
    assert user._user_perm_cache == django.get_user_permissions(vergelijk) == {
        "bezwaren.view_bezwaar"
    }
    assert user._group_perm_cache == django.get_group_permissions(vergelijk)
    assert len(user._group_perm_cache) > 5  # the generalist's role


def test_reading_a_resident_of_the_own_wijk_costs_only_the_log_row(
    generalist, inwoner_noord, django_assert_num_queries
):
    user = _vers(generalist.user)
    access.Actor.of(user)
    access.inwoners_in_scope(user).exists()  # the login and its wijken, once per request
    with django_assert_num_queries(1):  # the INSERT of the log row, no scope query
        assert access.decide(
            user, Resource.DOSSIER, Action.LEZEN, via=VIA, inwoner=inwoner_noord
        ).allowed
    assert Inzage.objects.get().inwoner_id == inwoner_noord.pk


def test_an_assigned_resident_outside_the_wijken_is_still_allowed(generalist, inwoner_zuid):
    DossierToegang.objects.create(
        medewerker=generalist, inwoner=inwoner_zuid, reden="toegewezen", van=dt.date(2020, 1, 1)
    )
    user = _vers(generalist.user)
    assert access.decide(
        user, Resource.DOSSIER, Action.LEZEN, via=VIA, inwoner=inwoner_zuid
    ).allowed
    assert access.decide(
        user, Resource.DOSSIER, Action.LEZEN, via=VIA, inwoner=inwoner_zuid.pk
    ).allowed


def test_a_resident_of_another_wijk_or_municipality_is_refused_as_before(
    generalist, inwoner_zuid, wijken
):
    from eenplan.testing.factories import GemeenteFactory, WijkFactory

    user = _vers(generalist.user)
    assert not access.decide(
        user, Resource.DOSSIER, Action.LEZEN, via=VIA, inwoner=inwoner_zuid
    ).allowed
    # The same wijk id cannot belong to another municipality, but the row's municipality is
    # checked all the same: a resident of another municipality never passes on the wijk.
    weert = GemeenteFactory(cbs_code="GM0988", naam="Weert")
    elders = InwonerFactory(gemeente=weert, wijk=WijkFactory(gemeente=weert, naam="Centrum"))
    elders.wijk_id = wijken["Noord"].pk  # as if read wrongly: the municipality still decides
    assert not access.decide(user, Resource.DOSSIER, Action.LEZEN, via=VIA, inwoner=elders).allowed
    assert Inzage.objects.filter(toegestaan=False).count() == 2


def test_a_household_decision_reads_the_members_and_their_scope_in_one_query(
    generalist, wijken, inwoner_noord, django_assert_num_queries
):
    start = dt.date(2020, 1, 1)
    partner = InwonerFactory(gemeente=wijken["Noord"].gemeente, wijk=wijken["Noord"])
    samen = inwoners.huishouden_create(
        gemeente=partner.gemeente,
        leden=[(partner, "ouder", start), (inwoner_noord, "partner", start)],
    )
    user = _vers(generalist.user)
    access.inwoners_in_scope(user).exists()
    with django_assert_num_queries(2):  # the members (with their scope) and the log rows
        besluit = access.decide(
            user, Resource.HUISHOUDEN, Action.LEZEN, via=VIA, huishouden=samen.pk
        )
    assert besluit.allowed and set(besluit.inwoner_ids) == {partner.pk, inwoner_noord.pk}
    rijen = set(Inzage.objects.values_list("inwoner_id", "gemeente_id"))
    assert rijen == {(partner.pk, partner.gemeente_id), (inwoner_noord.pk, partner.gemeente_id)}
    # A member outside the wijken: allowed through the member inside, both logged.
    zuid = InwonerFactory(gemeente=wijken["Zuid"].gemeente, wijk=wijken["Zuid"])
    kind = InwonerFactory(gemeente=wijken["Noord"].gemeente, wijk=wijken["Noord"])
    huishouden = inwoners.huishouden_create(
        gemeente=zuid.gemeente, leden=[(zuid, "ouder", start), (kind, "kind", start)]
    )
    besluit = access.decide(
        _vers(generalist.user), Resource.HUISHOUDEN, Action.LEZEN, via=VIA,
        huishouden=huishouden.pk,
    )
    assert besluit.allowed and set(besluit.inwoner_ids) == {zuid.pk, kind.pk}
    assert Inzage.objects.get(inwoner=zuid).gemeente_id == zuid.gemeente_id
    # Without a member in the wijken the scope query decides (and refuses).
    lid = kind.lidmaatschappen.get()
    inwoners.huishouden_lid_end(lid=lid, lid_tot=dt.date(2021, 1, 1))
    besluit = access.decide(
        _vers(generalist.user), Resource.HUISHOUDEN, Action.LEZEN, via=VIA,
        huishouden=huishouden.pk,
    )
    assert not besluit.allowed and besluit.inwoner_ids == (zuid.pk,)
