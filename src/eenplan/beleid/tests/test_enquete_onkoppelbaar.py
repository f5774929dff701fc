"""The survey promises anonymity: an answer cannot be joined to a person by the order of its
key, by the order of the table, by a time on the answer or the invitation, or by a row in the
access log written when the resident answered. One answer per invitation still holds."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from rest_framework.test import APIClient

from eenplan.beleid.models import Antwoord, Respons, Uitnodiging
from eenplan.privacy.models import Inzage
from eenplan.testing import beleid as tb
from eenplan.testing import scenarios
from eenplan.testing.factories import (
    InwoneraccountFactory,
    MachtigingFactory,
    UitnodigingFactory,
    UitvragingFactory,
)

pytestmark = pytest.mark.django_db

AANTAL = 12


def test_the_order_of_answers_is_not_in_their_keys_nor_in_the_table(gemeente, wijken):
    _ronde, uitnodigingen = tb.ronde(gemeente, {wijken["Noord"]: ["Thuiszorg West"] * AANTAL})
    # Twelve residents answer one after the other; remember which answer came in when.
    volgorde: list[int] = []
    antwoorden_per_respons: list[list[int]] = []
    for uitnodiging in uitnodigingen:
        voor = set(Respons.objects.values_list("id", flat=True))
        tb.beantwoord(uitnodiging, 4)
        [nieuw] = set(Respons.objects.values_list("id", flat=True)) - voor
        volgorde.append(nieuw)
        antwoorden_per_respons.append(
            list(Antwoord.objects.filter(respons_id=nieuw).values_list("id", flat=True))
        )
    # With sequence numbers the keys would rise with the moment of answering, so the log's time
    # of the n-th answer would point to the n-th key. Random keys: the order of answering is
    # neither the order of the keys nor the order in which the table lists them (the chance
    # that 12 random keys come out in answering order is 1 in 12!, about 2 in a billion).
    assert volgorde != sorted(volgorde) and volgorde != sorted(volgorde, reverse=True)
    assert list(Respons.objects.values_list("id", flat=True)) != volgorde
    eerste_per_respons = [min(ids) for ids in antwoorden_per_respons]
    assert eerste_per_respons != sorted(eerste_per_respons)
    # The keys are large random numbers, not 1, 2, 3, ...
    assert max(volgorde) > 10**9
    # The answers are all there, one per invitation.
    assert Respons.objects.count() == AANTAL
    assert Uitnodiging.objects.filter(beantwoord=True).count() == AANTAL


def test_neither_the_answer_nor_the_invitation_keeps_the_moment_of_answering(gemeente, wijken):
    _ronde, [uitnodiging] = tb.ronde(gemeente, {wijken["Zuid"]: ["Zorg Oost"]})
    # Invited a while ago: the invitation's own times lie before the answer.
    eerder = dt.datetime(2025, 10, 1, 9, 0, tzinfo=dt.UTC)
    Uitnodiging.objects.filter(pk=uitnodiging.pk).update(created_at=eerder, updated_at=eerder)
    tb.beantwoord(uitnodiging, 3)
    uitnodiging.refresh_from_db()
    assert uitnodiging.beantwoord
    # The invitation says only that it was used, not when.
    assert uitnodiging.updated_at == eerder
    # No date or time on an answer at all (so none finer than the month either).
    tijdvelden = [
        f"{model.__name__}.{veld.name}"
        for model in (Respons, Antwoord)
        for veld in model._meta.get_fields()
        if isinstance(veld, models.DateField | models.DateTimeField | models.TimeField)
    ]
    assert tijdvelden == []
    # One answer per invitation: a second one is refused and stores nothing.
    with pytest.raises(ValidationError, match="al ingevuld"):
        tb.beantwoord(uitnodiging, 1)
    assert Respons.objects.count() == 1


@pytest.fixture
def zaak():
    return scenarios.beschikt(scenarios.gemeente())


@pytest.fixture
def uitnodiging(zaak):
    uitvraging = UitvragingFactory(gemeente=zaak.gemeente)
    return UitnodigingFactory(inwoner=zaak.inwoner, uitvraging=uitvraging, aanbieder="Thuiszorg")


def _enquete_rijen(inwoner_id: int) -> list[tuple[str, bool]]:
    return list(
        Inzage.objects.filter(inwoner_id=inwoner_id, onderwerp="enquete").values_list(
            "handeling", "toegestaan"
        )
    )


def test_answering_in_the_portal_leaves_no_row_in_the_access_log(client, zaak, uitnodiging):
    client.force_login(InwoneraccountFactory(inwoner=zaak.inwoner).user)
    codes = list(uitnodiging.uitvraging.vragenlijst.vragen.values_list("code", flat=True))
    pagina = reverse("portaal:vragenlijst", args=[zaak.inwoner.pk])
    assert client.get(pagina).status_code == 200
    post = reverse("portaal:vragenlijst-antwoorden", args=[zaak.inwoner.pk])
    response = client.post(post, dict.fromkeys(codes, "4"), follow=True)
    assert response.status_code == 200 and "Dank u wel" in response.content.decode()
    assert Respons.objects.count() == 1
    # Reading the page, answering and the page after it: no row with this resident and a
    # moment that could be laid next to the answers. The invitation says it was answered.
    assert _enquete_rijen(zaak.inwoner.pk) == []
    uitnodiging.refresh_from_db()
    assert uitnodiging.beantwoord
    # A second answer is refused.
    client.post(post, dict.fromkeys(codes, "1"))
    assert Respons.objects.count() == 1


def test_answering_through_the_api_leaves_no_row_in_the_access_log(zaak, uitnodiging):
    api = APIClient()
    api.force_authenticate(InwoneraccountFactory(inwoner=zaak.inwoner).user)
    pad = f"/api/v1/mijn/{zaak.inwoner.pk}/vragenlijst/"
    codes = [v["code"] for v in api.get(pad).json()["vragen"]]
    assert api.post(pad, {"antwoorden": {codes[0]: 5}}, format="json").status_code == 201
    assert Respons.objects.count() == 1
    assert _enquete_rijen(zaak.inwoner.pk) == []


def test_a_refused_answer_is_still_logged(client, zaak, uitnodiging):
    # A mantelzorger may not answer for the resident: refused (403), and that is logged.
    MachtigingFactory(inwoner=zaak.inwoner, gemachtigde=zaak.dochter, mantelzorger=True)
    client.force_login(InwoneraccountFactory(inwoner=zaak.dochter).user)
    code = uitnodiging.uitvraging.vragenlijst.vragen.values_list("code", flat=True).first()
    post = reverse("portaal:vragenlijst-antwoorden", args=[zaak.inwoner.pk])
    assert client.post(post, {code: "5"}).status_code == 403
    assert _enquete_rijen(zaak.inwoner.pk) == [("aanmaken", False)]
    assert not Respons.objects.exists()
