"""Need-to-know: who may see which dossier, on the pages and in the API, and what is logged."""

import datetime as dt

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from eenplan.beveiliging.services import api_sleutel_create
from eenplan.conftest import login
from eenplan.privacy.constants import Doel, Kanaal
from eenplan.privacy.models import AppendOnlyError, Inzage
from eenplan.privacy.selectors import inwoners_in_scope
from eenplan.privacy.services import dossiertoegang_grant

pytestmark = pytest.mark.django_db


def detail(inwoner, doel=None):
    url = reverse("web:inwoner-detail", args=[inwoner.pk])
    return f"{url}?doel={doel}" if doel else url


def api_detail(inwoner):
    return f"/api/v1/inwoners/{inwoner.pk}/"


class TestScope:
    def test_generalist_sees_own_team_wijk_only(self, generalist, inwoner_noord, inwoner_zuid):
        assert list(inwoners_in_scope(generalist.user)) == [inwoner_noord]

    def test_explicit_assignment_opens_one_dossier_for_its_period(self, generalist, inwoner_zuid):
        today = dt.date(2026, 3, 1)
        dossiertoegang_grant(
            medewerker=generalist,
            inwoner=inwoner_zuid,
            reden="Casusregie",
            van=today,
            tot=dt.date(2026, 3, 31),
        )
        assert inwoner_zuid in inwoners_in_scope(generalist.user, vandaag=today)
        assert inwoner_zuid not in inwoners_in_scope(generalist.user, vandaag=dt.date(2026, 4, 1))
        assert inwoner_zuid not in inwoners_in_scope(generalist.user, vandaag=dt.date(2026, 2, 28))

    def test_midoffice_team_serving_all_wijken_sees_all(
        self, midoffice, inwoner_noord, inwoner_zuid
    ):
        assert set(inwoners_in_scope(midoffice.user)) == {inwoner_noord, inwoner_zuid}

    def test_roles_without_dossier_rights_see_nobody(self, beleid, privacy_officer, inwoner_noord):
        assert not inwoners_in_scope(beleid.user).exists()
        assert not inwoners_in_scope(privacy_officer.user).exists()


class TestPages:
    def test_anonymous_user_is_sent_to_login(self, client, inwoner_noord):
        response = client.get(detail(inwoner_noord))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))

    def test_own_resident_page_shows_and_logs_with_purpose(self, client, generalist, inwoner_noord):
        response = login(client, generalist).get(detail(inwoner_noord, Doel.PLAN))
        assert response.status_code == 200
        assert "Anna Jansen" in response.content.decode()
        entry = Inzage.objects.get()
        assert (entry.user, entry.inwoner, entry.doel, entry.kanaal) == (
            generalist.user,
            inwoner_noord,
            Doel.PLAN,
            Kanaal.PAGINA,
        )

    def test_default_purpose_comes_from_role(self, client, generalist, inwoner_noord):
        login(client, generalist).get(detail(inwoner_noord))
        assert Inzage.objects.get().doel == Doel.ONDERZOEK

    def test_resident_outside_scope_is_refused_in_dutch_and_logged_as_refused(
        self, client, generalist, inwoner_zuid
    ):
        response = login(client, generalist).get(detail(inwoner_zuid))
        assert response.status_code == 403
        assert "buiten uw werkgebied" in response.content.decode()
        assert "Piet" not in response.content.decode()
        attempt = Inzage.objects.get()
        assert (attempt.user, attempt.inwoner, attempt.toegestaan) == (
            generalist.user,
            inwoner_zuid,
            False,
        )

    def test_role_without_dossier_rights_gets_403(self, client, beleid, inwoner_noord):
        c = login(client, beleid)
        assert c.get(detail(inwoner_noord)).status_code == 403
        assert Inzage.objects.get().toegestaan is False
        assert c.get(reverse("web:inwoner-zoeken") + "?q=jansen").status_code == 403

    def test_unknown_purpose_is_refused(self, client, generalist, inwoner_noord):
        response = login(client, generalist).get(detail(inwoner_noord, "nieuwsgierig"))
        assert response.status_code == 400
        assert not Inzage.objects.exists()

    def test_unknown_resident_is_404(self, client, generalist):
        assert login(client, generalist).get("/inwoners/999999/").status_code == 404

    def test_search_only_finds_residents_in_scope(
        self, client, generalist, inwoner_noord, inwoner_zuid
    ):
        c = login(client, generalist)
        assert "Jansen" in c.get(reverse("web:inwoner-zoeken") + "?q=jansen").content.decode()
        body = c.get(reverse("web:inwoner-zoeken") + "?q=vries").content.decode()
        assert "Geen inwoners gevonden" in body


class TestApi:
    def test_token_authentication_and_logging(self, generalist, inwoner_noord):
        _, sleutel = api_sleutel_create(user=generalist.user, naam="test")
        api = APIClient()
        api.credentials(HTTP_AUTHORIZATION=f"Token {sleutel}", HTTP_X_EENPLAN_DOEL="plan")
        response = api.get(api_detail(inwoner_noord))
        assert response.status_code == 200
        assert response.json()["bsn"] == inwoner_noord.bsn
        entry = Inzage.objects.get()
        assert (entry.kanaal, entry.doel, entry.inwoner_id) == (
            Kanaal.API,
            Doel.PLAN,
            inwoner_noord.pk,
        )

    def test_unauthenticated_api_is_refused(self, inwoner_noord):
        assert APIClient().get(api_detail(inwoner_noord)).status_code in (401, 403)

    def test_outside_scope_is_403_in_api_too(self, generalist, inwoner_zuid):
        api = APIClient()
        api.force_authenticate(generalist.user)
        response = api.get(api_detail(inwoner_zuid))
        assert response.status_code == 403
        assert "buiten uw werkgebied" in response.json()["detail"]
        assert Inzage.objects.get().toegestaan is False

    def test_role_without_rights_gets_403_from_api(self, beleid, inwoner_noord):
        api = APIClient()
        api.force_authenticate(beleid.user)
        assert api.get("/api/v1/inwoners/").status_code == 403
        assert api.get(api_detail(inwoner_noord)).status_code == 403
        assert api.get("/api/v1/huishoudens/").status_code == 403

    def test_list_shows_only_scope_and_no_bsn(self, generalist, inwoner_noord, inwoner_zuid):
        api = APIClient()
        api.force_authenticate(generalist.user)
        results = api.get("/api/v1/inwoners/").json()["results"]
        assert [r["id"] for r in results] == [inwoner_noord.pk]
        assert "bsn" not in results[0]


class TestAccessLog:
    def test_log_rows_cannot_be_changed_or_deleted(self, generalist, inwoner_noord, client):
        login(client, generalist).get(detail(inwoner_noord))
        entry = Inzage.objects.get()
        entry.doel = Doel.CONTROLE
        with pytest.raises(AppendOnlyError):
            entry.save()
        with pytest.raises(AppendOnlyError):
            entry.delete()
        with pytest.raises(AppendOnlyError):
            Inzage.objects.all().update(doel=Doel.CONTROLE)
        with pytest.raises(AppendOnlyError):
            Inzage.objects.all().delete()
        assert Inzage.objects.get().doel == Doel.ONDERZOEK

    def test_privacy_officer_lists_and_filters(
        self, client, generalist, midoffice, privacy_officer, inwoner_noord, inwoner_zuid
    ):
        login(client, generalist).get(detail(inwoner_noord))
        login(client, midoffice).get(detail(inwoner_zuid, Doel.TOEGANG))
        c = login(client, privacy_officer)
        url = reverse("web:inzagelog")
        body = c.get(url).content.decode()
        assert "generalist" in body and "midoffice" in body
        body = c.get(url + "?gebruiker=midoffice").content.decode()
        assert "midoffice" in body and ">generalist<" not in body
        body = c.get(url + f"?inwoner={inwoner_noord.pk}").content.decode()
        assert "Jansen" in body and "Vries" not in body
        body = c.get(url + "?doel=toegang").content.decode()
        assert "Vries" in body and "Jansen" not in body
        # By BSN and by name too: the privacy officer rarely knows an internal number.
        body = c.get(url, {"inwoner": inwoner_noord.bsn}).content.decode()
        assert "Jansen" in body and "Vries" not in body
        body = c.get(url, {"inwoner": "de Vries"}).content.decode()
        assert "Vries" in body and "Jansen" not in body
        body = c.get(url, {"inwoner": "x"}).content.decode()
        assert "Typ minstens twee letters" in body and "Jansen" not in body
        body = c.get(url, {"inwoner": "Onbekend"}).content.decode()
        assert "Geen inwoner van uw gemeente gevonden" in body and "Jansen" not in body

    def test_privacy_officer_filters_refusals_and_sees_their_reason(
        self, client, generalist, privacy_officer, inwoner_noord, inwoner_zuid
    ):
        login(client, generalist).get(detail(inwoner_noord))
        login(client, generalist).get(detail(inwoner_zuid))
        c = login(client, privacy_officer)
        body = c.get(reverse("web:inzagelog"), {"uitkomst": "geweigerd"}).content.decode()
        assert "Vries" in body and "Jansen" not in body and "need-to-know" in body

    def test_only_privacy_officer_sees_the_log(self, client, generalist):
        assert login(client, generalist).get(reverse("web:inzagelog")).status_code == 403

    def test_admin_offers_no_change_or_delete(
        self, admin_client, generalist, inwoner_noord, client
    ):
        login(client, generalist).get(detail(inwoner_noord))
        entry = Inzage.objects.get()
        response = admin_client.post(f"/beheer/privacy/inzage/{entry.pk}/delete/", {"post": "yes"})
        assert response.status_code == 403
        assert Inzage.objects.filter(pk=entry.pk).exists()
