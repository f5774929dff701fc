"""The secrecy veto and the recipient's reads in the declared access matrix: no role —
the functioneel beheerder included — has any rule on exchanges beyond what the matrix
declares; pages opened by a relation (recipient, gezinscoach) allow no role by itself; and
there is no admin through which a superuser could change an exchange."""

from __future__ import annotations

import pytest

from eenplan.gemeente.constants import Rol
from eenplan.privacy import access, matrix
from eenplan.privacy.access import Action, Resource

R, A = Resource, Action


def test_the_functioneel_beheerder_has_no_cell_on_exchanges():
    for cell in matrix.matrix():
        if cell.rol == Rol.FUNCTIONEEL_BEHEER and cell.resource in (
            R.UITWISSELING, R.GEDEELD, R.UITVOERING
        ):
            assert not cell.allowed, cell


def test_deciding_and_refusing_are_scoped_to_the_holding_team():
    for actie in (A.BESLISSEN, A.WEIGEREN, A.AANMAKEN, A.WIJZIGEN):
        assert access.RULES[(R.UITWISSELING, actie)].scoped
        for rol in Rol.values:
            assert not matrix.allowed(rol, R.UITWISSELING, actie, in_scope=False)
    # Only the toegang's professionals refuse; the gezinscoach has no dossier scope.
    weigeren = {r for r in Rol.values if matrix.allowed(r, R.UITWISSELING, A.WEIGEREN,
                                                        in_scope=True)}
    assert weigeren == {
        Rol.GENERALIST, Rol.JEUGDPROFESSIONAL, Rol.WERKPLEIN, Rol.MIDOFFICE, Rol.BACKOFFICE
    }


@pytest.mark.django_db
def test_relation_pages_allow_no_role_by_themselves():
    relatie = [e for e in matrix.endpoints() if e.actor in (access.ONTVANGER, access.UITVOERDER)]
    routes = {e.route for e in relatie}
    assert "/uitwisselingen/<pk>/gedeeld/" in routes
    assert "/api/v1/uitwisselingen/<pk>/gedeeld/" in routes
    assert "/uitwisselingen/uitvoering/<pk>/" in routes
    for endpoint in relatie:
        for rol in Rol.values:
            assert not endpoint.allows(rol, in_scope=True), (endpoint.key, rol)
    # The toegang's data is closed to the gezinscoach in every cell.
    for resource in (R.DOSSIER, R.MELDING, R.ONDERZOEK, R.PLAN):
        assert not matrix.allowed(Rol.GEZINSCOACH, resource, A.LEZEN, in_scope=True)
    # Delivery notes are closed to the toegang's roles.
    for rol in (Rol.GENERALIST, Rol.JEUGDPROFESSIONAL, Rol.MIDOFFICE):
        assert not matrix.allowed(rol, R.UITVOERING, A.LEZEN, in_scope=True)


@pytest.mark.django_db
def test_no_admin_page_changes_an_exchange(client, django_user_model):
    root = django_user_model.objects.create_superuser(username="root", password="x-123456789")
    client.force_login(root)
    for pad in (
        "/beheer/uitwisseling/uitwisseling/",
        "/beheer/uitwisseling/uitwisseling/1/change/",
    ):
        assert client.get(pad).status_code == 404
