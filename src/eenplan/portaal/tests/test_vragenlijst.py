"""The client-experience survey answered in the portal (issue 13; Wmo 2015 art. 2.5.1): a
resident drawn in the sample answers through beleid's service, the answers are stored without
the person; not invited, twice, or a score out of range is refused in Dutch and stores nothing."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from eenplan.beleid.models import Antwoord, Respons
from eenplan.privacy.models import Inzage
from eenplan.testing import scenarios
from eenplan.testing.factories import (
    InwoneraccountFactory,
    MachtigingFactory,
    UitnodigingFactory,
    UitvragingFactory,
)

pytestmark = pytest.mark.django_db


def _tekst(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


@pytest.fixture
def zaak():
    return scenarios.beschikt(scenarios.gemeente())


@pytest.fixture
def uitnodiging(zaak):
    uitvraging = UitvragingFactory(gemeente=zaak.gemeente)
    return UitnodigingFactory(inwoner=zaak.inwoner, uitvraging=uitvraging, aanbieder="Thuiszorg")


def _vragen(uitnodiging) -> list[str]:
    return [v.code for v in uitnodiging.uitvraging.vragenlijst.vragen.all()]


def _login(client, inwoner):
    client.force_login(InwoneraccountFactory(inwoner=inwoner).user)
    return client


def test_an_invited_resident_answers_and_the_answers_carry_no_person(client, zaak, uitnodiging):
    _login(client, zaak.inwoner)
    overzicht = _tekst(client.get(reverse("portaal:overzicht", args=[zaak.inwoner.pk])))
    assert "U bent uitgenodigd voor een korte vragenlijst" in overzicht
    pagina = reverse("portaal:vragenlijst", args=[zaak.inwoner.pk])
    tekst = _tekst(client.get(pagina))
    vragen = _vragen(uitnodiging)
    assert "Uw antwoorden zijn anoniem" in tekst and len(vragen) > 3
    data = dict.fromkeys(vragen, "4")
    data[vragen[0]] = ""  # weet ik niet
    response = client.post(reverse("portaal:vragenlijst-antwoorden", args=[zaak.inwoner.pk]), data)
    assert response.status_code == 302
    respons = Respons.objects.get()
    # The only one invited in the wijk and of the provider: stored without either (a group of
    # fewer than five, beleid.selectors.grove_indeling).
    assert (respons.wijk, respons.aanbieder) == (None, "")
    scores = dict(Antwoord.objects.values_list("vraag__code", "score"))
    assert scores[vragen[0]] is None and scores[vragen[1]] == 4
    # No field of the answer leads to the person.
    velden = {f.name for f in Respons._meta.concrete_fields}
    assert velden == {"id", "uitvraging", "wijk", "aanbieder"}
    uitnodiging.refresh_from_db()
    assert uitnodiging.beantwoord
    tekst = _tekst(client.get(response.headers["Location"]))
    assert "Dank u wel! Wij hebben uw antwoorden ontvangen." in tekst
    assert "U heeft deze vragenlijst al ingevuld" in tekst
    assert "U bent uitgenodigd" not in _tekst(
        client.get(reverse("portaal:overzicht", args=[zaak.inwoner.pk]))
    )


def test_twice_out_of_range_or_nothing_is_refused_and_stores_nothing(client, zaak, uitnodiging):
    _login(client, zaak.inwoner)
    post = reverse("portaal:vragenlijst-antwoorden", args=[zaak.inwoner.pk])
    vragen = _vragen(uitnodiging)
    leeg = client.post(post, dict.fromkeys(vragen, ""))
    assert leeg.status_code == 400 and "Beantwoord minstens één vraag" in _tekst(leeg)
    fout = client.post(post, {vragen[0]: "9"})
    assert fout.status_code == 400 and "Kies een antwoord van 1 tot en met 5" in _tekst(fout)
    assert not Respons.objects.exists()
    assert client.post(post, {vragen[0]: "5"}).status_code == 302
    nogmaals = client.post(post, {vragen[0]: "1"})
    assert nogmaals.status_code == 400 and "al ingevuld" in _tekst(nogmaals)
    assert Respons.objects.count() == 1


def test_a_resident_who_was_not_invited_is_told_so(client, zaak):
    _login(client, zaak.inwoner)
    tekst = _tekst(client.get(reverse("portaal:vragenlijst", args=[zaak.inwoner.pk])))
    assert "U bent dit jaar niet uitgenodigd" in tekst
    response = client.post(
        reverse("portaal:vragenlijst-antwoorden", args=[zaak.inwoner.pk]), {"x": "3"}
    )
    assert response.status_code == 400 and not Respons.objects.exists()


def test_a_mantelzorger_does_not_answer_for_the_resident(client, zaak, uitnodiging):
    MachtigingFactory(inwoner=zaak.inwoner, gemachtigde=zaak.dochter, mantelzorger=True)
    _login(client, zaak.dochter)
    post = reverse("portaal:vragenlijst-antwoorden", args=[zaak.inwoner.pk])
    assert client.post(post, {_vragen(uitnodiging)[0]: "5"}).status_code == 403
    assert not Respons.objects.exists()
    assert Inzage.objects.filter(grond="mantelzorger", toegestaan=False).exists()


def test_the_api_reads_and_answers_the_survey(zaak, uitnodiging):
    api = APIClient()
    api.force_authenticate(InwoneraccountFactory(inwoner=zaak.inwoner).user)
    pad = f"/api/v1/portaal/{zaak.inwoner.pk}/vragenlijst/"
    lijst = api.get(pad).json()
    assert lijst["uitgenodigd"] and lijst["kan_antwoorden"] and lijst["schaal"]["5"]
    codes = [v["code"] for v in lijst["vragen"]]
    assert codes == _vragen(uitnodiging)
    fout = api.post(pad, {"antwoorden": {codes[0]: 7}}, format="json")
    assert fout.status_code == 400 and not Respons.objects.exists()
    goed = api.post(pad, {"antwoorden": {codes[0]: 5, codes[1]: None}}, format="json")
    assert goed.status_code == 201
    assert goed.json()["kan_antwoorden"] is False
    assert Respons.objects.count() == 1


def test_a_question_switched_off_is_not_asked_in_the_portal(client, zaak, uitnodiging):
    """A question the beleidsmedewerker switched off for later rounds is not shown, on the page
    nor in the API (issue 12's question editing)."""
    uit = uitnodiging.uitvraging.vragenlijst.vragen.order_by("id").last()
    uit.actief = False
    uit.save(update_fields=["actief"])
    _login(client, zaak.inwoner)
    tekst = _tekst(client.get(reverse("portaal:vragenlijst", args=[zaak.inwoner.pk])))
    aan = uitnodiging.uitvraging.vragenlijst.vragen.filter(actief=True).first()
    assert aan.tekst in tekst and uit.tekst not in tekst
    api = APIClient()
    api.force_login(InwoneraccountFactory(inwoner=zaak.inwoner).user)
    body = api.get(f"/api/v1/portaal/{zaak.inwoner.pk}/vragenlijst/").json()
    assert uit.code not in {v["code"] for v in body["vragen"]}
    assert aan.code in {v["code"] for v in body["vragen"]}


# --- anonymity: answering leaves no timed row in the access log ---


def _enquete_rijen(inwoner_id: int) -> list[tuple[str, bool]]:
    return list(
        Inzage.objects.filter(inwoner_id=inwoner_id, onderwerp="enquete").values_list(
            "handeling", "toegestaan"
        )
    )


def test_answering_in_the_portal_leaves_no_row_in_the_access_log(client, zaak, uitnodiging):
    _login(client, zaak.inwoner)
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
    pad = f"/api/v1/portaal/{zaak.inwoner.pk}/vragenlijst/"
    codes = [v["code"] for v in api.get(pad).json()["vragen"]]
    assert api.post(pad, {"antwoorden": {codes[0]: 5}}, format="json").status_code == 201
    assert Respons.objects.count() == 1
    assert _enquete_rijen(zaak.inwoner.pk) == []
