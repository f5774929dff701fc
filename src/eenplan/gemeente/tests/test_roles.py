"""Roles as groups: permissions follow gemeente/roles.py; the functional administrator manages
the set-up but reads no dossiers; a jeugdprofessional needs a registration."""

import datetime as dt

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError

from eenplan.conftest import login
from eenplan.gemeente.constants import Rol
from eenplan.gemeente.models import Medewerker
from eenplan.gemeente.roles import ROLE_PERMISSIONS
from eenplan.gemeente.services import medewerker_create, roles_sync
from eenplan.testing.factories import MedewerkerFactory

pytestmark = pytest.mark.django_db


def test_every_role_is_a_group_with_exactly_its_permissions(gemeente):
    roles_sync()
    for rol, codes in ROLE_PERMISSIONS.items():
        group = Group.objects.get(name=rol)
        have = {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}
        assert have == set(codes), rol


def test_functional_administrator_manages_teams_but_sees_no_dossier(
    client, gemeente, inwoner_noord
):
    beheer = MedewerkerFactory(gemeente=gemeente, functie=Rol.FUNCTIONEEL_BEHEER)
    c = login(client, beheer)
    assert c.get("/functioneel-beheer/teams/").status_code == 200
    assert c.get("/beheer/gemeente/team/").status_code == 302  # the stock admin: superusers only
    assert c.get("/beheer/privacy/inzage/").status_code == 302
    assert c.get(f"/inwoners/{inwoner_noord.pk}/").status_code == 403


def test_jeugdprofessional_without_registration_is_refused_and_nothing_written(gemeente):
    before = Medewerker.objects.count()
    with pytest.raises(ValidationError, match="registratienummer"):
        medewerker_create(
            gemeente=gemeente,
            username="jp",
            password=None,
            first_name="J",
            last_name="P",
            functie=Rol.JEUGDPROFESSIONAL,
        )
    assert Medewerker.objects.count() == before
    jp = medewerker_create(
        gemeente=gemeente,
        username="jp",
        password=None,
        first_name="J",
        last_name="P",
        functie=Rol.JEUGDPROFESSIONAL,
        registratienummer="SKJ1",
        registratie_geldig_tot=dt.date(2026, 6, 30),
    )
    assert jp.registratie_geldig_op(dt.date(2026, 6, 30))
    assert not jp.registratie_geldig_op(dt.date(2026, 7, 1))
