"""Awb art. 4:14: the notice that a decision will be late, and the worklist of aanvragen whose
term is about to pass or has passed without one.

Hand-worked (received Monday 23 November 2026, Wmo): the statutory term is two weeks (Wmo 2015
art. 2.3.5 lid 2), ending Monday 7 December 2026. The notice must go out before the end of that
term (Awb 4:14 lid 1) and name a day after it; sent on 8 December it is too late, a day of
7 December is no new term. A Jeugdwet aanvraag has no statutory term: eight weeks (Awb 4:13
lid 2), and the notice within those eight weeks (4:14 lid 3)."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from eenplan.beschikkingen import services
from eenplan.beschikkingen.constants import BriefSoort
from eenplan.beschikkingen.models import Verzending
from eenplan.common.concurrency import Conflict
from eenplan.conftest import login
from eenplan.gemeente.constants import Rol
from eenplan.testing.factories import MedewerkerFactory
from eenplan.testing.helpers import api_for, zin
from eenplan.testing.pdf import pdf_gebreken, pdf_tekst

pytestmark = pytest.mark.django_db
VANDAAG = timezone.localdate()
ONTVANGEN = dt.date(2026, 11, 23)


def _aanvraag(inwoner, generalist, *, ontvangen_op=ONTVANGEN, wet="wmo"):
    return services.aanvraag_register(
        inwoner=inwoner, omschrijving="Hulp bij het huishouden", wet=wet,
        ontvangen_op=ontvangen_op, ingediend_door="Anna Jansen", door=generalist.user,
    )  # fmt: skip


def test_the_wmo_term_and_the_notice_worked_by_hand(
    inwoner_noord, generalist, backoffice_user, django_capture_on_commit_callbacks
):
    aanvraag = _aanvraag(inwoner_noord, generalist)
    assert aanvraag.beslissen_uiterlijk == dt.date(2026, 12, 7)
    with pytest.raises(ValidationError) as fout:
        services.aanvraag_vertraging_melden(
            aanvraag=aanvraag, op=dt.date(2026, 12, 4), reden="Wij wachten op het advies.",
            verwacht_op=dt.date(2026, 12, 7), actor=backoffice_user,
        )  # fmt: skip
    assert "na het einde van de huidige beslistermijn liggen (07-12-2026)" in str(fout.value)
    with pytest.raises(ValidationError, match="Schrijf waarom"):
        services.aanvraag_vertraging_melden(
            aanvraag=aanvraag, op=dt.date(2026, 12, 4), reden="",
            verwacht_op=dt.date(2026, 12, 21), actor=backoffice_user,
        )  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        aanvraag = services.aanvraag_vertraging_melden(
            aanvraag=aanvraag, op=dt.date(2026, 12, 4), reden="Wij wachten op het advies van "
            "de ergotherapeut.", verwacht_op=dt.date(2026, 12, 21), actor=backoffice_user,
        )  # fmt: skip
    brief = aanvraag.vertraging_brief
    assert "Wij moesten uiterlijk op 7 december 2026" in brief
    assert "U krijgt ons besluit uiterlijk op 21 december 2026" in brief
    assert "artikel 4:14 van de Algemene wet bestuursrecht" in brief
    assert "advies van de ergotherapeut" in brief and f"Ons kenmerk: {aanvraag.kenmerk}" in brief
    pdf = bytes(aanvraag.vertraging_brief_pdf)
    assert pdf_gebreken(pdf) == [] and "21 december 2026" in pdf_tekst(pdf)
    rij = Verzending.objects.get(brief_soort=BriefSoort.VERTRAGING_414, bron_id=aanvraag.pk)
    assert rij.status == "verzonden"
    with pytest.raises(Conflict, match="al bericht"):
        services.aanvraag_vertraging_melden(
            aanvraag=aanvraag, op=dt.date(2026, 12, 4), reden="x",
            verwacht_op=dt.date(2026, 12, 28), actor=backoffice_user,
        )  # fmt: skip


def test_after_the_term_the_notice_is_too_late(inwoner_noord, generalist, backoffice_user):
    """Received Monday 9 November 2026: the term ended Monday 23 November 2026."""
    aanvraag = _aanvraag(inwoner_noord, generalist, ontvangen_op=dt.date(2026, 11, 9))
    assert aanvraag.beslissen_uiterlijk == dt.date(2026, 11, 23)
    with pytest.raises(ValidationError, match="vóór het einde van de beslistermijn"):
        services.aanvraag_vertraging_melden(
            aanvraag=aanvraag, op=dt.date(2026, 11, 24), reden="Druk",
            verwacht_op=dt.date(2026, 12, 7), actor=backoffice_user,
        )  # fmt: skip


def test_the_worklist_lists_what_is_about_to_pass_or_passed(
    client, inwoner_noord, generalist, backoffice, hh, django_assert_max_num_queries
):
    bijna = _aanvraag(inwoner_noord, generalist, ontvangen_op=VANDAAG - dt.timedelta(days=12))
    voorbij = _aanvraag(inwoner_noord, generalist, ontvangen_op=VANDAAG - dt.timedelta(days=30))
    ruim = _aanvraag(inwoner_noord, generalist, ontvangen_op=VANDAAG - dt.timedelta(days=1))
    jeugd = _aanvraag(
        inwoner_noord, generalist, ontvangen_op=VANDAAG - dt.timedelta(days=12), wet="jeugd"
    )
    besloten = _aanvraag(inwoner_noord, generalist, ontvangen_op=VANDAAG - dt.timedelta(days=12))
    services.beschikking_issue(
        aanvraag=besloten, actor=backoffice.user, besloten_op=VANDAAG, motivering="m",
        regels=[zin(hh)],
    )  # fmt: skip
    rijen = list(services_lijst(backoffice))
    assert [a.pk for a in rijen] == [voorbij.pk, bijna.pk]
    assert [a.termijn_stand for a in rijen] == ["verlopen", "bijna_verlopen"]
    assert ruim.pk not in [a.pk for a in rijen] and jeugd.pk not in [a.pk for a in rijen]
    login(client, backoffice)
    with django_assert_max_num_queries(20):
        pagina = client.get("/beschikkingen/vertraging/").content.decode()
    assert "Brief: besluit komt later" in pagina and "Te laat voor een bericht" in pagina
    # The page sends the notice; the row leaves the list.
    client.post(
        f"/beschikkingen/aanvragen/{bijna.pk}/vertraging/",
        {"datum": VANDAAG.isoformat(), "reden": "Wij wachten op een advies.",
         "verwacht_op": (VANDAAG + dt.timedelta(days=30)).isoformat(), "versie": bijna.versie},
    )  # fmt: skip
    assert [a.pk for a in services_lijst(backoffice)] == [voorbij.pk]
    pdf = client.get(f"/beschikkingen/aanvragen/{bijna.pk}/vertraging.pdf")
    assert pdf["Content-Type"] == "application/pdf"
    api = api_for(backoffice)
    data = api.get("/api/v1/aanvragen/vertraging/").json()["results"]
    assert [(r["id"], r["termijn_status"]) for r in data] == [(voorbij.pk, "verlopen")]
    detail = api.get(f"/api/v1/aanvragen/{bijna.pk}/").json()
    assert detail["vertraging_reden"] == "Wij wachten op een advies."


def services_lijst(medewerker):
    from eenplan.beschikkingen import selectors

    return selectors.vertraging_werklijst(medewerker.user, vandaag=VANDAAG)


def test_residents_outside_need_to_know_are_not_on_the_list(
    inwoner_noord, generalist, generalist_zuid
):
    _aanvraag(inwoner_noord, generalist, ontvangen_op=VANDAAG - dt.timedelta(days=12))
    assert api_for(generalist_zuid).get("/api/v1/aanvragen/vertraging/").json()["results"] == []


def test_the_municipality_words_the_notice_itself(
    gemeente, inwoner_noord, generalist, backoffice_user
):
    beheer = MedewerkerFactory(gemeente=gemeente, functie=Rol.FUNCTIONEEL_BEHEER, username="fb")
    tekst = services.STANDAARDEN["vertraging_414"].replace("Met vriendelijke groet,", "Sorry!")
    versie = services.sjabloon_save(
        gemeente=gemeente, soort="vertraging_414", tekst=tekst, geldig_vanaf=dt.date(2026, 1, 1),
        actor=beheer.user,
    )  # fmt: skip
    aanvraag = services.aanvraag_vertraging_melden(
        aanvraag=_aanvraag(inwoner_noord, generalist), op=dt.date(2026, 12, 4), reden="Druk",
        verwacht_op=dt.date(2026, 12, 21), actor=backoffice_user,
    )  # fmt: skip
    assert "Sorry!" in aanvraag.vertraging_brief and aanvraag.vertraging_sjabloon == versie.label
