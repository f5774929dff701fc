"""Issue 14: the Werkplein reads the household's Participatiewet decisions only — on the page, in
the API, as PDF, in the lists, the dossier's links and its timeline, the search and the send
log — and each refused read is logged with the reason. The back office still reads every law."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from eenplan.beschikkingen import services as beschikkingen
from eenplan.gemeente.constants import Rol
from eenplan.inwoners.constants import Relatie
from eenplan.participatie import services
from eenplan.privacy.models import Inzage
from eenplan.testing.factories import (
    AanvraagFactory,
    BeschikkingFactory,
    HuishoudenFactory,
    InwonerFactory,
    medewerker_voor,
)
from eenplan.testing.helpers import api_for
from eenplan.testing.participatie import LevensonderhoudAanvraagFactory, werkplein_voor

pytestmark = pytest.mark.django_db


@pytest.fixture
def zaak(gemeente, wijken):
    """One resident with a sent Wmo decision and a sent bijstand decision."""
    inwoner = InwonerFactory(
        gemeente=gemeente, wijk=wijken["Noord"], geboortedatum=dt.date(1979, 2, 3)
    )
    hh = HuishoudenFactory(gemeente=gemeente, leden=[(inwoner, Relatie.REFERENTIE, None)])
    wmo = BeschikkingFactory(
        aanvraag=AanvraagFactory(inwoner=inwoner, omschrijving="Rolstoel", wet="wmo"),
        verzonden=True,
    )
    werkplein = werkplein_voor(inwoner)
    lo = LevensonderhoudAanvraagFactory(huishouden=hh, inwoner=inwoner)
    vandaag = timezone.localdate()
    bijstand = services.levensonderhoud_beslissen(
        actor=werkplein.user,
        lo=lo,
        besloten_op=vandaag,
        toekennen=True,
        ingangsdatum=lo.gemeld_op,
        motivering="Geen middelen.",
    )
    bijstand = beschikkingen.beschikking_send(
        beschikking=bijstand, actor=werkplein.user, op=vandaag
    )
    return {"inwoner": inwoner, "wmo": wmo, "bijstand": bijstand, "werkplein": werkplein}


def _geweigerd(werkplein) -> list[Inzage]:
    return list(Inzage.objects.filter(user=werkplein.user, toegestaan=False))


@pytest.mark.parametrize("pad", ["/beschikkingen/{pk}/", "/beschikkingen/{pk}/brief.pdf"])
def test_werkplein_page_and_pdf_of_a_wmo_decision_are_refused_and_logged(client, zaak, pad):
    werkplein = zaak["werkplein"]
    client.force_login(werkplein.user)
    antwoord = client.get(pad.format(pk=zaak["wmo"].pk))
    assert antwoord.status_code == 403
    assert "Participatiewet" in antwoord.content.decode()
    [rij] = _geweigerd(werkplein)
    assert rij.inwoner_id == zaak["inwoner"].pk and "Participatiewet" in rij.reden
    assert client.get(pad.format(pk=zaak["bijstand"].pk)).status_code == 200


def test_werkplein_api_reads_only_participatiewet_decisions(zaak):
    werkplein = zaak["werkplein"]
    api = api_for(werkplein)
    assert api.get(f"/api/v1/beschikkingen/{zaak['wmo'].pk}/").status_code == 403
    assert len(_geweigerd(werkplein)) == 1
    assert api.get(f"/api/v1/beschikkingen/{zaak['bijstand'].pk}/").status_code == 200
    lijst = api.get("/api/v1/beschikkingen/").json()
    ids = [b["id"] for b in lijst["results"]]
    assert ids == [zaak["bijstand"].pk]
    dossier = api.get(f"/api/v1/dossiers/{zaak['inwoner'].pk}/").json()
    assert [b["id"] for b in dossier["beschikkingen"]] == [zaak["bijstand"].pk]
    verzendingen = api.get("/api/v1/verzendingen/?alle=true").json()
    assert {v["bron_id"] for v in verzendingen["results"]} <= {zaak["bijstand"].pk}


def test_werkplein_lists_dossier_and_search_hide_the_wmo_decision(client, zaak):
    werkplein = zaak["werkplein"]
    client.force_login(werkplein.user)
    wmo, bijstand = zaak["wmo"], zaak["bijstand"]
    lijst = client.get("/beschikkingen/").content.decode()
    assert f"/beschikkingen/{bijstand.pk}/" in lijst and f"/beschikkingen/{wmo.pk}/" not in lijst
    dossier = client.get(f"/inwoners/{zaak['inwoner'].pk}/").content.decode()
    assert f"/beschikkingen/{bijstand.pk}/" in dossier
    assert f"/beschikkingen/{wmo.pk}/" not in dossier
    zoek = client.get("/zoeken/", {"q": str(wmo.pk)}).content.decode()
    assert f"/beschikkingen/{wmo.pk}/" not in zoek


def test_the_back_office_still_reads_every_law(client, zaak):
    backoffice = medewerker_voor(zaak["inwoner"], Rol.BACKOFFICE)
    api = api_for(backoffice)
    ids = {b["id"] for b in api.get("/api/v1/beschikkingen/").json()["results"]}
    assert ids == {zaak["wmo"].pk, zaak["bijstand"].pk}
    client.force_login(backoffice.user)
    assert client.get(f"/beschikkingen/{zaak['wmo'].pk}/").status_code == 200


def test_werkplein_never_sends_the_letter_of_a_wmo_decision(zaak):
    werkplein = zaak["werkplein"]
    wmo = BeschikkingFactory(
        aanvraag=AanvraagFactory(inwoner=zaak["inwoner"], omschrijving="Scootmobiel", wet="wmo")
    )
    with pytest.raises(PermissionDenied):
        beschikkingen.beschikking_send(
            beschikking=wmo, actor=werkplein.user, op=timezone.localdate()
        )
    wmo.refresh_from_db()
    assert wmo.verzonden_op is None


def test_werkplein_sees_no_transition_rights_of_old_wmo_indications(zaak):
    from eenplan.beschikkingen.models import Overgangsrecht

    Overgangsrecht.objects.create(
        inwoner=zaak["inwoner"],
        soort="wmo",
        omschrijving="Oude indicatie huishoudelijke hulp",
        einddatum=timezone.localdate() + dt.timedelta(days=100),
    )
    werkplein = api_for(zaak["werkplein"]).get("/api/v1/overgangsrecht/").json()
    assert werkplein["count"] == 0
    backoffice = medewerker_voor(zaak["inwoner"], Rol.BACKOFFICE)
    assert api_for(backoffice).get("/api/v1/overgangsrecht/").json()["count"] == 1


# --- aanvragen (issue 14, ADR 0041): the Werkplein reads no aanvraag of another law --------------


@pytest.fixture
def traplift(zaak):
    """An open Wmo aanvraag of the same resident, linked to the household's plan."""
    from eenplan.testing.factories import PlanFactory

    plan = PlanFactory(huishouden=zaak["inwoner"].lidmaatschappen.first().huishouden)
    return AanvraagFactory(
        inwoner=zaak["inwoner"],
        omschrijving="Traplift",
        wet="wmo",
        plan=plan,
        ontvangen_op=timezone.localdate() - dt.timedelta(days=20),
    )


def test_werkplein_pages_hide_the_wmo_aanvraag(client, zaak, traplift):
    werkplein = zaak["werkplein"]
    client.force_login(werkplein.user)
    lijst = client.get("/beschikkingen/aanvragen/").content.decode()
    assert "Traplift" not in lijst
    assert "Traplift" not in client.get("/beschikkingen/vertraging/").content.decode()
    dossier = client.get(f"/inwoners/{zaak['inwoner'].pk}/").content.decode()
    assert "Traplift" not in dossier
    assert "Traplift" not in client.get(f"/plannen/{traplift.plan_id}/").content.decode()
    # suspending its term (part of deciding) is refused and logged; nothing changes
    antwoord = client.post(
        f"/beschikkingen/aanvragen/{traplift.pk}/termijn/",
        {"van": timezone.localdate().isoformat(), "reden": "Wacht op stukken"},
    )
    assert antwoord.status_code == 403
    assert not traplift.opschortingen.exists()
    geweigerd = [r for r in _geweigerd(werkplein) if "Participatiewet" in r.reden]
    assert [r.inwoner_id for r in geweigerd] == [zaak["inwoner"].pk]
    # the back office still sees it
    backoffice = medewerker_voor(zaak["inwoner"], Rol.BACKOFFICE)
    client.force_login(backoffice.user)
    assert "Traplift" in client.get("/beschikkingen/aanvragen/").content.decode()


def test_werkplein_api_refuses_the_wmo_aanvraag_and_logs_it(zaak, traplift):
    werkplein = zaak["werkplein"]
    api = api_for(werkplein)
    ids = {a["id"] for a in api.get("/api/v1/aanvragen/").json()["results"]}
    assert traplift.pk not in ids and zaak["bijstand"].aanvraag_id in ids
    vertraging = api.get("/api/v1/aanvragen/vertraging/").json()["results"]
    assert traplift.pk not in {a["id"] for a in vertraging}
    antwoord = api.get(f"/api/v1/aanvragen/{traplift.pk}/")
    assert antwoord.status_code == 403 and "Participatiewet" in antwoord.content.decode()
    antwoord = api.post(
        f"/api/v1/aanvragen/{traplift.pk}/opschorten/",
        {"van": timezone.localdate().isoformat(), "reden": "Wacht op stukken"},
        format="json",
    )
    assert antwoord.status_code == 403 and not traplift.opschortingen.exists()
    assert len([r for r in _geweigerd(werkplein) if "Participatiewet" in r.reden]) == 2
    dossier = api.get(f"/api/v1/dossiers/{zaak['inwoner'].pk}/").json()
    assert "Traplift" not in str(dossier)
    plan = api.get(f"/api/v1/plannen/{traplift.plan_id}/").json()
    assert traplift.pk not in {a["id"] for a in plan["aanvragen"]}


def test_werkplein_service_does_not_suspend_a_wmo_aanvraag(zaak, traplift):
    with pytest.raises(PermissionDenied):
        beschikkingen.aanvraag_suspend(
            aanvraag=traplift,
            van=timezone.localdate(),
            reden="Wacht op stukken",
            actor=zaak["werkplein"].user,
        )
    assert not traplift.opschortingen.exists()
