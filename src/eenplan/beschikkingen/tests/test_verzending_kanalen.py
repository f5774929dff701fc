"""Sending through the municipality's channels (ADR 0021): a sent beschikking, decision on
bezwaar or klacht letter goes to every configured channel after the sending has committed; a
channel that fails is recorded, stays visible and is tried again; the letter and its send date
(from which the bezwaar term counts, Awb 6:7 and 6:8) are never undone by a channel."""

import csv
import datetime as dt
import io
from pathlib import Path

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from eenplan.beschikkingen import services, verzending
from eenplan.beschikkingen.constants import BriefSoort, VerzendStatus
from eenplan.beschikkingen.models import Verzending
from eenplan.bezwaren import services as bezwaren
from eenplan.conftest import login
from eenplan.rules.termijnen import bezwaar_uiterlijk
from eenplan.testing.helpers import api_for, zin
from eenplan.testing.pdf import pdf_tekst

pytestmark = pytest.mark.django_db
VANDAAG = timezone.localdate()


def _kanalen(gemeente, *namen: str) -> None:
    gemeente.verzendkanalen = ",".join(namen)
    gemeente.save(update_fields=["verzendkanalen"])


MOTIVERING = "Uw dochter helpt twee uur per week."


def _besluit(aanvraag, hh, door, besloten_op=VANDAAG):
    return services.beschikking_issue(
        aanvraag=aanvraag, actor=door, besloten_op=besloten_op, motivering=MOTIVERING,
        regels=[zin(hh)],
    )  # fmt: skip


def _statussen(soort: str, bron_id: int) -> dict[str, str]:
    return dict(
        Verzending.objects.filter(brief_soort=soort, bron_id=bron_id).values_list(
            "kanaal", "status"
        )
    )


def _post(settings, gemeente) -> Path:
    return Path(settings.EENPLAN_POST_MAP) / gemeente.cbs_code


def test_sent_beschikking_goes_by_post_and_email_after_commit(
    settings, aanvraag, hh, backoffice_user, gemeente, django_capture_on_commit_callbacks
):
    _kanalen(gemeente, "post", "email")
    aanvraag.inwoner.email = "anna@example.org"
    aanvraag.inwoner.save(update_fields=["email"])
    b = _besluit(aanvraag, hh, backoffice_user)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        b = services.beschikking_send(beschikking=b, actor=backoffice_user, op=VANDAAG)
    # Recorded with the sending, nothing sent before the commit.
    assert _statussen(BriefSoort.BESCHIKKING, b.pk) == {"post": "wacht", "email": "wacht"}
    assert not _post(settings, gemeente).exists() and mail.outbox == []
    for callback in callbacks:
        callback()
    assert _statussen(BriefSoort.BESCHIKKING, b.pk) == {"post": "verzonden", "email": "verzonden"}
    pdf = (_post(settings, gemeente) / f"{b.kenmerk}.pdf").read_bytes()
    assert pdf == bytes(b.brief_pdf) and b.kenmerk in pdf_tekst(pdf)
    [bericht] = mail.outbox
    assert bericht.to == ["anna@example.org"] and b.kenmerk in bericht.body
    assert "per post" in bericht.body and MOTIVERING not in bericht.body


def test_a_failing_channel_is_recorded_and_retried_the_sending_stands(
    settings, aanvraag, hh, backoffice_user, gemeente, monkeypatch,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    """The send date counts for the bezwaar term whatever a channel does: six weeks (Awb 6:7)
    from the day after sending (6:8 lid 1), here sent two days ago."""
    verzonden_op = VANDAAG - dt.timedelta(days=2)
    b = _besluit(aanvraag, hh, backoffice_user, besloten_op=verzonden_op)

    def stuk(self, brief):
        raise OSError("schijf vol")

    monkeypatch.setattr(verzending.PostExport, "verstuur", stuk)
    with django_capture_on_commit_callbacks(execute=True):
        b = services.beschikking_send(beschikking=b, actor=backoffice_user, op=verzonden_op)
    rij = Verzending.objects.get(brief_soort=BriefSoort.BESCHIKKING, bron_id=b.pk)
    assert rij.status == VerzendStatus.MISLUKT and "schijf vol" in rij.fout and rij.pogingen == 1
    b.refresh_from_db()
    assert b.verzonden_op == verzonden_op and b.brief_pdf
    assert b.bezwaar_uiterlijk == bezwaar_uiterlijk(verzonden_op)
    # 42 days after sending, moved past a weekend or holiday at most (Atw art. 1).
    assert (
        verzonden_op + dt.timedelta(weeks=6)
        <= b.bezwaar_uiterlijk
        <= verzonden_op + dt.timedelta(weeks=6, days=4)
    )
    monkeypatch.undo()
    [opnieuw] = verzending.verzendingen_opnieuw(gemeente_id=gemeente.pk)
    assert opnieuw.status == VerzendStatus.VERZONDEN and opnieuw.pogingen == 2 and not opnieuw.fout
    assert (_post(settings, gemeente) / f"{b.kenmerk}.pdf").read_bytes() == bytes(b.brief_pdf)
    # A second retry finds nothing to do; the mailing list names the letter once.
    assert verzending.verzendingen_opnieuw(gemeente_id=gemeente.pk) == []
    lijst = (_post(settings, gemeente) / "verzendlijst.csv").open(encoding="utf-8")
    assert [r[0] for r in csv.reader(lijst, delimiter=";")] == ["kenmerk", b.kenmerk]


def test_berichtenbox_is_recorded_as_not_connected_and_not_retried(
    aanvraag, hh, backoffice_user, gemeente, django_capture_on_commit_callbacks
):
    _kanalen(gemeente, "berichtenbox", "post")
    b = _besluit(aanvraag, hh, backoffice_user)
    with django_capture_on_commit_callbacks(execute=True):
        services.beschikking_send(beschikking=b, actor=backoffice_user, op=VANDAAG)
    assert _statussen(BriefSoort.BESCHIKKING, b.pk) == {
        "berichtenbox": "niet_beschikbaar",
        "post": "verzonden",
    }
    rij = Verzending.objects.get(kanaal="berichtenbox")
    assert "Logius" in rij.fout
    assert verzending.verzendingen_opnieuw() == []


def test_a_refused_sending_sends_nothing(
    settings, aanvraag, hh, backoffice_user, gemeente, django_capture_on_commit_callbacks
):
    b = _besluit(aanvraag, hh, backoffice_user)
    with django_capture_on_commit_callbacks(execute=True):
        services.beschikking_send(beschikking=b, actor=backoffice_user, op=VANDAAG)
    with (
        pytest.raises(Exception, match="al verzonden"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        services.beschikking_send(beschikking=b, actor=backoffice_user, op=VANDAAG)
    assert Verzending.objects.count() == 1


def test_decision_on_bezwaar_and_klacht_letters_go_through_the_channels(
    settings, aanvraag, hh, backoffice_user, gemeente, inwoner_noord,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        b = services.beschikking_send(
            beschikking=_besluit(aanvraag, hh, backoffice_user), actor=backoffice_user, op=VANDAAG
        )
        bezwaar = bezwaren.bezwaar_register(
            beschikking=b, inwoner=inwoner_noord, ontvangen_op=VANDAAG, gronden="Te weinig.",
            ingediend_door="Anna Jansen", actor=backoffice_user,
        )  # fmt: skip
        bezwaar = bezwaren.bezwaar_decide(
            bezwaar=bezwaar, uitkomst="ongegrond", besloten_op=VANDAAG,
            motivering="Drie uur is genoeg.", actor=backoffice_user,
        )  # fmt: skip
        met = bezwaren.klacht_register(
            gemeente=gemeente, inwoner=inwoner_noord, ingediend_door="Anna Jansen",
            ontvangen_op=VANDAAG, onderwerp="Niet teruggebeld", actor=backoffice_user,
        )  # fmt: skip
        zonder = bezwaren.klacht_register(
            gemeente=gemeente, ingediend_door="Iemand", ontvangen_op=VANDAAG,
            onderwerp="Lang gewacht", actor=backoffice_user,
        )  # fmt: skip
        bezwaren.klacht_settle(klacht=met, op=VANDAAG, uitkomst="Excuses", actor=backoffice_user)
        bezwaren.klacht_settle(klacht=zonder, op=VANDAAG, uitkomst="Excuses", actor=backoffice_user)
    map_ = _post(settings, gemeente)
    assert (map_ / f"{bezwaar.kenmerk}.pdf").read_bytes() == bytes(bezwaar.brief_pdf)
    met.refresh_from_db()
    assert (map_ / f"{met.kenmerk}.pdf").read_bytes() == bytes(met.brief_pdf)
    # A complaint without a known address cannot go by post: visible, not lost.
    rij = Verzending.objects.get(brief_soort=BriefSoort.KLACHT_AFHANDELING, bron_id=zonder.pk)
    assert rij.status == VerzendStatus.MISLUKT and "geen postadres" in rij.fout


def _mislukt(aanvraag, hh, door, monkeypatch, capture):
    def stuk(self, brief):
        raise OSError("printstraat niet bereikbaar")

    monkeypatch.setattr(verzending.PostExport, "verstuur", stuk)
    with capture(execute=True):
        b = services.beschikking_send(
            beschikking=_besluit(aanvraag, hh, door), actor=door, op=VANDAAG
        )
    monkeypatch.undo()
    return b


def test_the_page_shows_what_failed_and_tries_it_again(
    client, aanvraag, hh, backoffice, monkeypatch, django_capture_on_commit_callbacks,
    django_assert_max_num_queries,
):  # fmt: skip
    b = _mislukt(aanvraag, hh, backoffice.user, monkeypatch, django_capture_on_commit_callbacks)
    login(client, backoffice)
    detail = client.get(f"/beschikkingen/{b.pk}/").content.decode()
    assert "Post: mislukt, wordt opnieuw geprobeerd" in detail
    with django_assert_max_num_queries(25):
        pagina = client.get("/beschikkingen/verzendingen/").content.decode()
    assert b.kenmerk in pagina and "printstraat niet bereikbaar" in pagina
    assert "Mislukte verzendingen opnieuw proberen" in pagina
    antwoord = client.post("/beschikkingen/verzendingen/opnieuw/", follow=True)
    assert "Opnieuw verzonden: 1." in antwoord.content.decode()
    assert "Alle brieven zijn verzonden." in antwoord.content.decode()
    assert b.kenmerk in client.get("/beschikkingen/verzendingen/?alle=1").content.decode()


def test_the_api_lists_and_retries_the_same_rows(
    aanvraag, hh, backoffice, monkeypatch, django_capture_on_commit_callbacks
):
    b = _mislukt(aanvraag, hh, backoffice.user, monkeypatch, django_capture_on_commit_callbacks)
    api = api_for(backoffice)
    [rij] = api.get("/api/v1/verzendingen/").json()["results"]
    assert rij["kenmerk"] == b.kenmerk and rij["status"] == "mislukt" and rij["pogingen"] == 1
    assert api.get("/api/v1/verzendingen/?soort=x").status_code == 400
    antwoord = api.post("/api/v1/verzendingen/opnieuw/").json()
    assert antwoord["geprobeerd"] == 1 and antwoord["verzonden"] == 1
    assert api.get("/api/v1/verzendingen/").json()["results"] == []
    assert len(api.get("/api/v1/verzendingen/?alle=true").json()["results"]) == 1


def test_residents_outside_need_to_know_are_not_listed(
    aanvraag, hh, backoffice, generalist_zuid, monkeypatch, django_capture_on_commit_callbacks
):
    _mislukt(aanvraag, hh, backoffice.user, monkeypatch, django_capture_on_commit_callbacks)
    assert api_for(generalist_zuid).get("/api/v1/verzendingen/").json()["results"] == []


def test_the_command_retries_failed_and_stuck_channels(
    settings, aanvraag, hh, backoffice, gemeente, monkeypatch, django_capture_on_commit_callbacks
):
    b = _mislukt(aanvraag, hh, backoffice.user, monkeypatch, django_capture_on_commit_callbacks)
    uit = io.StringIO()
    call_command("verzendingen_opnieuw", stdout=uit)
    assert "1 geprobeerd, 1 verzonden." in uit.getvalue()
    assert (_post(settings, gemeente) / f"{b.kenmerk}.pdf").exists()
