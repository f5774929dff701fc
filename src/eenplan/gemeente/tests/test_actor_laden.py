"""A staff request reads its login, medewerker record, permissions, wijken scope and teams in
one query (issue 16: they were four, on every page), and nothing of it is kept between
requests: a changed role, team or wijk counts from the next request on."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Permission

from eenplan.gemeente.backends import MedewerkerBackend
from eenplan.gemeente.constants import Rol
from eenplan.gemeente.models import Medewerker
from eenplan.gemeente.selectors import medewerker_for_user, wijken_scope
from eenplan.privacy import access
from eenplan.testing.factories import TeamFactory

pytestmark = pytest.mark.django_db


def test_the_login_and_everything_a_request_asks_of_it_is_one_query(
    generalist, wijken, inwoner_noord, django_assert_num_queries
):
    extra = Permission.objects.get(codename="view_bezwaar")
    generalist.user.user_permissions.add(extra)
    with django_assert_num_queries(1):
        user = MedewerkerBackend().get_user(str(generalist.user.pk))
        medewerker = medewerker_for_user(user)
        assert user.has_perm("bezwaren.view_bezwaar") and user.has_perm("meldingen.view_melding")
        assert [t.naam for t in medewerker.teams.all()] == ["Wijkteam Noord"]
        assert [w.naam for w in access.gemeente_wijken(user)] == ["Noord", "Oost", "Zuid"]
        assert access.Actor.of(user).medewerker == generalist
        assert access.scope_q(user) is not None  # the scope from what was read
    # The same as Django and the separate queries would have read.
    vergelijk = get_user_model().objects.get(pk=generalist.user.pk)
    django = ModelBackend()
    assert user.get_all_permissions() == django.get_all_permissions(vergelijk)
    assert user._user_perm_cache == django.get_user_permissions(vergelijk)
    assert user._group_perm_cache == django.get_group_permissions(vergelijk)
    los = wijken_scope(Medewerker.objects.get(pk=generalist.pk))
    assert medewerker._wijk_scope == los
    assert los.mijn == [wijken["Noord"].pk]


def test_a_login_without_a_running_membership_is_read_as_django_does(
    django_assert_num_queries,
):
    user = get_user_model().objects.create_user("beheerder", is_superuser=True)
    with django_assert_num_queries(2):  # no record found, then the login itself
        gelezen = MedewerkerBackend().get_user(str(user.pk))
        assert gelezen == user
        assert medewerker_for_user(gelezen) is None  # known: no second look


def test_an_inactive_login_is_no_user(generalist):
    generalist.user.is_active = False
    generalist.user.save()
    assert MedewerkerBackend().get_user(str(generalist.user.pk)) is None


def test_a_role_taken_away_counts_from_the_next_request(client, generalist, inwoner_noord):
    client.force_login(generalist.user)
    pad = f"/inwoners/{inwoner_noord.pk}/"
    assert client.get(pad).status_code == 200
    generalist.user.groups.clear()  # as medewerker_rollen_change does, in another process
    assert client.get(pad).status_code == 403


def test_a_team_change_moves_the_scope_from_the_next_request(
    client, generalist, inwoner_noord, inwoner_zuid, wijken
):
    client.force_login(generalist.user)
    assert client.get(f"/inwoners/{inwoner_noord.pk}/").status_code == 200
    assert client.get(f"/inwoners/{inwoner_zuid.pk}/").status_code == 403
    zuid = TeamFactory(gemeente=generalist.gemeente, naam="Wijkteam Zuid", wijken=[wijken["Zuid"]])
    generalist.teams.set([zuid])
    assert client.get(f"/inwoners/{inwoner_zuid.pk}/").status_code == 200
    assert client.get(f"/inwoners/{inwoner_noord.pk}/").status_code == 403


def test_a_new_role_counts_from_the_next_request(client, generalist, inwoner_noord):
    from django.contrib.auth.models import Group

    client.force_login(generalist.user)
    assert client.get("/privacy/inzagelog/").status_code == 403
    generalist.user.groups.add(Group.objects.get(name=Rol.PRIVACY))
    assert client.get("/privacy/inzagelog/").status_code == 200


def test_a_request_that_only_reads_has_the_declared_holidays_from_the_logins_query(
    generalist, django_assert_num_queries
):
    import datetime as dt

    from eenplan.gemeente.models import GelijkgesteldeFeestdag
    from eenplan.gemeente.selectors import VERZOEK, gelijkgestelde_dagen

    GelijkgesteldeFeestdag.objects.create(
        datum=dt.date(2026, 5, 5), omschrijving="Bevrijdingsdag", bron="KB 2026/1"
    )
    token = VERZOEK.set({})  # as the middleware does for a GET
    try:
        with django_assert_num_queries(1):
            MedewerkerBackend().get_user(str(generalist.user.pk))
            dagen = gelijkgestelde_dagen()
    finally:
        VERZOEK.reset(token)
    assert [(d.datum, d.bron, d.omschrijving) for d in dagen] == [
        (dt.date(2026, 5, 5), "KB 2026/1", "Bevrijdingsdag")
    ]
    # Outside such a request (a write, a service, a task) they are read as they are now.
    GelijkgesteldeFeestdag.objects.create(
        datum=dt.date(2026, 12, 24), omschrijving="Kerstavond", bron="KB 2026/2"
    )
    with django_assert_num_queries(1):
        assert len(gelijkgestelde_dagen()) == 2
