"""The send channels (issue 10): the stored letter goes to the post export as its PDF and a line
of the mailing list, the e-mail notice names only the kenmerk, the Berichtenbox plug refuses."""

import csv

import pytest
from django.core import mail
from django.utils import timezone

from eenplan.beschikkingen import services, verzending
from eenplan.testing.helpers import zin
from eenplan.testing.pdf import pdf_tekst

pytestmark = pytest.mark.django_db
VANDAAG = timezone.localdate()


def _verzonden(aanvraag, hh, door):
    b = services.beschikking_issue(
        aanvraag=aanvraag, actor=door, besloten_op=VANDAAG, motivering="m", regels=[zin(hh)]
    )
    return services.beschikking_send(beschikking=b, actor=door, op=VANDAAG)


def test_post_export_writes_the_stored_pdf_and_the_mailing_list(
    tmp_path, aanvraag, hh, backoffice_user
):
    b = _verzonden(aanvraag, hh, backoffice_user)
    [bewijs] = verzending.verstuur(verzending.uitgaand(b), [verzending.PostExport(tmp_path)])
    pdf = (tmp_path / f"{b.kenmerk}.pdf").read_bytes()
    assert pdf == bytes(b.brief_pdf) and b.kenmerk in pdf_tekst(pdf)
    rijen = list(csv.reader((tmp_path / "verzendlijst.csv").open(encoding="utf-8"), delimiter=";"))
    assert rijen[0] == ["kenmerk", "naam", "adres", "bestand"]
    assert rijen[1][0] == b.kenmerk and rijen[1][1] == b.inwoner.naam
    assert bewijs.kanaal == "post"


def test_email_notice_names_the_kenmerk_not_the_letter(aanvraag, hh, backoffice_user):
    b = _verzonden(aanvraag, hh, backoffice_user)
    b.inwoner.email = "anna@example.org"
    brief = verzending.uitgaand(b)
    kanalen = [verzending.EmailNotificatie("noreply@venlo.example.org"), verzending.Berichtenbox()]
    bewijzen = verzending.verstuur(brief, kanalen)
    [bericht] = mail.outbox
    assert bericht.to == ["anna@example.org"] and b.kenmerk in bericht.body
    assert "Thuiszorg West" not in bericht.body and "Eigen kracht" not in bericht.body
    assert [(x.kanaal, x.referentie) for x in bewijzen] == [
        ("e-mail", "anna@example.org"),
        ("berichtenbox", ""),
    ]


def test_berichtenbox_plug_says_why_it_cannot_send():
    brief = verzending.Uitgaand("K", "Venlo", "Anna", "Kerkstraat 1", "", "tekst", b"%PDF")
    with pytest.raises(verzending.KanaalNietBeschikbaar, match="Logius"):
        verzending.Berichtenbox().verstuur(brief)


def test_an_unsent_letter_is_not_sent_anywhere(aanvraag, hh, backoffice_user):
    b = services.beschikking_issue(
        aanvraag=aanvraag, actor=backoffice_user, besloten_op=VANDAAG, motivering="m",
        regels=[zin(hh)],
    )  # fmt: skip
    with pytest.raises(ValueError, match="nog niet verzonden"):
        verzending.uitgaand(b)
