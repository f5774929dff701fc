"""Postponing the handling of a klacht (Awb art. 9:11), worked by hand.

Lid 1: six weeks after receipt, ten when a person or committee advises (afdeling 9.1.3).
Lid 2: postponed once by at most four weeks, told to the complainant in writing.
Lid 3: further only with the complainant's written consent.
The Algemene termijnenwet moves a last day off a Saturday, Sunday or holiday (art. 1)."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from eenplan.beschikkingen.constants import BriefSoort
from eenplan.beschikkingen.models import Verzending
from eenplan.bezwaren import services as bezwaren
from eenplan.bezwaren.models import Klacht
from eenplan.common.concurrency import Conflict
from eenplan.conftest import login
from eenplan.testing.helpers import api_for
from eenplan.testing.pdf import pdf_gebreken, pdf_tekst

pytestmark = pytest.mark.django_db
# Received Monday 2 November 2026. Six weeks: Monday 14 December 2026; plus four weeks:
# Monday 11 January 2027. Ten weeks: Monday 11 January 2027; plus four: Monday 8 February 2027.
ONTVANGEN = dt.date(2026, 11, 2)


def _klacht(gemeente, door, inwoner=None, commissie=False):
    return bezwaren.klacht_register(
        gemeente=gemeente, inwoner=inwoner, ingediend_door="Anna Jansen", ontvangen_op=ONTVANGEN,
        onderwerp="Niet teruggebeld", actor=door, commissie=commissie,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("commissie", "eerst", "verdaagd"),
    [
        (False, dt.date(2026, 12, 14), dt.date(2027, 1, 11)),  # 9:11 lid 1 and 2
        (True, dt.date(2027, 1, 11), dt.date(2027, 2, 8)),  # lid 1 with 9.1.3, and lid 2
    ],
)
def test_postponed_once_by_four_weeks_with_a_letter(
    gemeente, backoffice_user, inwoner_noord, commissie, eerst, verdaagd,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    klacht = _klacht(gemeente, backoffice_user, inwoner_noord, commissie)
    assert klacht.afhandelen_uiterlijk == eerst and klacht.advies is commissie
    with django_capture_on_commit_callbacks(execute=True):
        klacht = bezwaren.klacht_postpone(
            klacht=klacht, op=dt.date(2026, 11, 30), reden="Wij wachten op het advies van de "
            "klachtencoördinator.", actor=backoffice_user,
        )  # fmt: skip
    assert klacht.afhandelen_uiterlijk == verdaagd
    brief = klacht.verdaging_brief
    assert "Wij wachten op het advies van de klachtencoördinator." in brief
    assert f"uiterlijk op {verdaagd.day} " in brief and "artikel 9:11, tweede lid" in brief
    pdf = bytes(klacht.verdaging_brief_pdf)
    assert pdf_gebreken(pdf) == [] and klacht.kenmerk in pdf_tekst(pdf)
    rij = Verzending.objects.get(brief_soort=BriefSoort.KLACHT_VERDAGING, bron_id=klacht.pk)
    assert rij.status == "verzonden" and rij.kenmerk == f"{klacht.kenmerk}-V"
    with pytest.raises(Conflict, match="lid 3"):
        bezwaren.klacht_postpone(
            klacht=klacht, op=dt.date(2026, 12, 1), reden="Nog later", actor=backoffice_user
        )


def test_postponing_needs_a_reason_and_the_term_still_running(gemeente, backoffice_user):
    klacht = _klacht(gemeente, backoffice_user)
    with pytest.raises(ValidationError, match="Schrijf waarom"):
        bezwaren.klacht_postpone(
            klacht=klacht, op=dt.date(2026, 11, 30), reden=" ", actor=backoffice_user
        )
    # Received Monday 7 September 2026: six weeks end Monday 19 October 2026; on the 20th it
    # is too late to postpone.
    oud = bezwaren.klacht_register(
        gemeente=gemeente, ingediend_door="Piet", ontvangen_op=dt.date(2026, 9, 7),
        onderwerp="Lang gewacht", actor=backoffice_user,
    )  # fmt: skip
    assert oud.afhandelen_uiterlijk == dt.date(2026, 10, 19)
    with pytest.raises(ValidationError, match="termijn is al voorbij"):
        bezwaren.klacht_postpone(
            klacht=oud, op=dt.date(2026, 10, 20), reden="Druk", actor=backoffice_user
        )
    assert Klacht.objects.get(pk=klacht.pk).verdaagd_op is None


def test_further_only_with_written_consent_recorded(gemeente, backoffice_user):
    """Lid 3: after the postponement to 11 January 2027 the complainant agrees by e-mail of
    4 January 2027 to 1 February 2027 — except that 4 January 2027 lies in the future of a
    test run in 2026, so the consent is dated 1 December 2026."""
    klacht = _klacht(gemeente, backoffice_user)
    klacht = bezwaren.klacht_postpone(
        klacht=klacht, op=dt.date(2026, 11, 30), reden="Druk", actor=backoffice_user
    )
    with pytest.raises(ValidationError) as fout:
        bezwaren.klacht_uitstel_met_toestemming(
            klacht=klacht, tot=dt.date(2027, 1, 4), toestemming="", actor=backoffice_user,
            toestemming_op=dt.date(2026, 12, 1),
        )  # fmt: skip
    assert "instemming van de klager" in str(fout.value) and "huidige termijn" in str(fout.value)
    klacht = bezwaren.klacht_uitstel_met_toestemming(
        klacht=klacht, tot=dt.date(2027, 2, 1), toestemming="e-mail van mevrouw Jansen",
        toestemming_op=dt.date(2026, 12, 1), actor=backoffice_user,
    )  # fmt: skip
    assert klacht.afhandelen_uiterlijk == dt.date(2027, 2, 1)
    assert (klacht.toestemming, klacht.toestemming_op) == (
        "e-mail van mevrouw Jansen",
        dt.date(2026, 12, 1),
    )


def test_page_and_api_postpone_and_record_consent(client, gemeente, backoffice):
    klacht = _klacht(gemeente, backoffice.user)
    login(client, backoffice)
    pagina = client.get("/beschikkingen/klachten/").content.decode()
    assert "Verdagen (ten hoogste 4 weken)" in pagina
    client.post(
        f"/beschikkingen/klachten/{klacht.pk}/verdagen/",
        {"datum": "2026-11-30", "reden": "Wij wachten op een gesprek.", "versie": klacht.versie},
    )
    pagina = client.get("/beschikkingen/klachten/").content.decode()
    assert "Verdaagd op 30-11-2026: Wij wachten op een gesprek." in pagina
    pdf = client.get(f"/beschikkingen/klachten/{klacht.pk}/verdaging.pdf")
    assert pdf["Content-Type"] == "application/pdf"
    api = api_for(backoffice)
    fout = api.post(f"/api/v1/klachten/{klacht.pk}/verdagen/", {"op": "2026-11-30", "reden": "x"})
    assert fout.status_code == 409
    antwoord = api.post(
        f"/api/v1/klachten/{klacht.pk}/uitstellen/",
        {
            "tot": "2027-02-01",
            "toestemming": "brief van 1 december",
            "toestemming_op": "2026-12-01",
        },
    )
    assert antwoord.status_code == 200, antwoord.json()
    data = antwoord.json()
    assert data["afhandelen_uiterlijk"] == "2027-02-01" and data["verdaagd_op"] == "2026-11-30"
    assert data["toestemming"] == "brief van 1 december"
