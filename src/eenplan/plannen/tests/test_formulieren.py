"""Forms people trust on the plan page: POST/redirect/GET after a refusal (a reload shows the
page, never posts again nor answers 405), every message kept, and the navigation right."""

from __future__ import annotations

import pytest
from django.urls import reverse

from eenplan.conftest import login
from eenplan.plannen.models import Doel
from eenplan.testing import scenarios
from eenplan.testing.helpers import terug_na_weigering

pytestmark = pytest.mark.django_db


def test_a_refused_goal_redirects_back_and_a_reload_is_a_plain_page(client):
    s = scenarios.plan()
    login(client, s.generalist)
    doelen = Doel.objects.count()
    post_url = reverse("plannen:doel", args=[s.plan.pk])
    response = client.post(
        post_url,
        {"doel-inwoner": s.inwoner.pk, "doel-leefgebied": "", "doel-omschrijving": ""},
    )
    assert response.status_code == 302 and response["Location"].endswith("#doelen")
    pagina = terug_na_weigering(client, response)
    body = pagina.content.decode()
    # Every message at once, next to the form, and the input kept.
    assert "Kies het leefgebied waar dit doel over gaat." in body
    assert "Beschrijf het doel in de woorden van de inwoner." in body
    assert body.startswith("<!DOCTYPE html>") and "<title>Fout: " in body
    assert Doel.objects.count() == doelen
    # A reload is the page again (the messages were shown once), never the POST.
    opnieuw = client.get(reverse("plannen:detail", args=[s.plan.pk]))
    assert opnieuw.status_code == 200
    assert "Kies het leefgebied waar dit doel over gaat." not in opnieuw.content.decode()


def test_plan_pages_highlight_inwoners_not_onderzoeken(client):
    s = scenarios.plan()
    login(client, s.generalist)
    for url in (
        reverse("plannen:detail", args=[s.plan.pk]),
        reverse("plannen:huishouden", args=[s.huishouden.pk]),
    ):
        body = client.get(url).content.decode()
        huidig = body.split('aria-current="page"')[1][:20]
        assert huidig.startswith(">Inwoners<"), huidig
        assert body.count('aria-current="page"') == 1


def test_plan_hints_name_no_other_municipality(client):
    s = scenarios.plan()
    body = login(client, s.generalist).get(reverse("plannen:detail", args=[s.plan.pk]))
    tekst = body.content.decode()
    assert "Drie soorten doelen" in tekst
    # The header names the login's own municipality; the hints name none.
    hints = " ".join(
        part.split("</")[0] for part in tekst.split('class="utrecht-form-field-description')[1:]
    )
    assert hints
    for naam in ("Venlo", "Hardenberg", "Peel", "Maasdal"):
        assert naam not in hints
