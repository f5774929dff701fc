"""The complete decision letter (issue 10): kenmerk, letterhead, contact person, the legal basis
per provision, the eigen bijdrage and the CAK, how and where to file a bezwaar with the last
day, the informal conversation, the enclosures; stored as sent (text, PDF and template version)
and never made again; the PDF read back with pypdf."""

import pytest
from django.utils import timezone

from eenplan.beschikkingen import services
from eenplan.conftest import login
from eenplan.rules import grondslagen
from eenplan.testing.helpers import api_for, zin
from eenplan.testing.pdf import pdf_gebreken, pdf_rollen, pdf_tekst

pytestmark = pytest.mark.django_db
VANDAAG = timezone.localdate()


def _verzonden(aanvraag, hh, backoffice_user):
    b = services.beschikking_issue(
        aanvraag=aanvraag,
        actor=backoffice_user,
        besloten_op=VANDAAG,
        motivering="Eigen kracht en netwerk schieten tekort.",
        regels=[zin(hh)],
    )
    return services.beschikking_send(beschikking=b, actor=backoffice_user, op=VANDAAG)


def test_sent_letter_is_complete(aanvraag, hh, backoffice_user):
    backoffice_user.first_name, backoffice_user.last_name = "Karin", "de Vries"
    backoffice_user.email = "k.devries@venlo.example.org"
    backoffice_user.save()
    b = _verzonden(aanvraag, hh, backoffice_user)
    brief = b.brief
    laatste = services.datum_tekst(b.bezwaar_uiterlijk)
    # Letterhead and kenmerk.
    assert brief.startswith("Gemeente Venlo\nBezoekadres: Hanzeplein 1, 5911 AM Venlo")
    assert "Postadres: Postbus 3434, 5902 RK Venlo" in brief and "Telefoon: 14 077" in brief
    assert f"Ons kenmerk: GM0983-BS-{VANDAAG:%Y}-{b.pk:06d}" in brief
    # The contact person with phone and e-mail.
    assert (
        "Contactpersoon: Karin de Vries, telefoon 14 077, e-mail k.devries@venlo.example.org"
        in brief
    )
    # The legal basis of the decision on the provision.
    assert "op grond van artikel 2.3.5, derde lid, van de Wet maatschappelijke" in brief
    # The eigen bijdrage, what the service computed, and who collects it.
    bijdrage = services.eigen_bijdrage_voor(b.inwoner, VANDAAG)
    bedrag = f"{bijdrage.bedrag_per_maand:.2f}".replace(".", ",")  # Dutch notation
    assert f"€ {bedrag} per maand" in brief
    assert "Het CAK int de eigen bijdrage" in brief and "artikel 2.1.4a" in brief
    # Bezwaar: the last day, digital and by post, and the informal conversation.
    assert f"Dat moet uiterlijk op {laatste}." in brief
    assert "Digitaal: via https://www.venlo.example.org/bezwaar" in brief
    assert "van Venlo, Postbus 3434, 5902 RK Venlo." in brief
    assert "Wilt u eerst met ons praten?" in brief and "Bel dan Karin de Vries op 14 077" in brief
    # Enclosures.
    assert "Bijlagen\n========" in brief and "- Folder van het CAK over de eigen bijdrage" in brief
    assert b.brief_sjabloon == services.SJABLOON_VERSIE


def test_letter_without_contact_data_leaves_the_lines_out(aanvraag, hh, backoffice_user):
    gemeente = aanvraag.gemeente
    gemeente.bezoekadres = gemeente.telefoon = gemeente.bezwaar_url = ""
    gemeente.save()
    b = _verzonden(aanvraag, hh, backoffice_user)
    assert "Bezoekadres" not in b.brief and "Digitaal:" not in b.brief
    assert "Telefoon:" not in b.brief and "uiterlijk op" in b.brief


def test_sent_letter_is_never_rendered_again(client, aanvraag, hh, backoffice_user):
    b = _verzonden(aanvraag, hh, backoffice_user)
    tekst, pdf = b.brief, bytes(b.brief_pdf)
    gemeente = aanvraag.gemeente
    gemeente.postadres = "Postbus 1, 5900 AA Venlo"
    gemeente.save()
    b.refresh_from_db()
    assert services.brief_tekst(b, VANDAAG) == tekst
    response = client.get(f"/beschikkingen/{b.pk}/brief.pdf")  # not logged in
    assert response.status_code in (302, 403)
    client.force_login(backoffice_user)
    response = client.get(f"/beschikkingen/{b.pk}/brief.pdf")
    assert response.status_code == 200 and response.content == pdf
    assert "Postbus 1, 5900" not in pdf_tekst(response.content)


def test_letter_pdf_reads_back_kenmerk_last_day_and_address(client, aanvraag, hh, backoffice_user):
    b = _verzonden(aanvraag, hh, backoffice_user)
    client.force_login(backoffice_user)
    response = client.get(f"/beschikkingen/{b.pk}/brief.pdf")
    tekst = pdf_tekst(response.content)
    assert b.kenmerk in tekst
    assert f"uiterlijk op {services.datum_tekst(b.bezwaar_uiterlijk)}" in tekst
    assert "Postbus 3434, 5902 RK Venlo" in tekst and "Hanzeplein 1, 5911 AM Venlo" in tekst
    # The headings are tagged as headings, in the order of the letter.
    koppen = [rol for rol, _ in pdf_rollen(response.content) if rol == "H1"]
    assert len(koppen) >= 6
    assert pdf_gebreken(response.content) == []


def test_preview_on_the_page_shows_kenmerk_and_bezwaar_route(client, aanvraag, hh, backoffice_user):
    b = services.beschikking_issue(
        aanvraag=aanvraag,
        actor=backoffice_user,
        besloten_op=VANDAAG,
        motivering="m",
        regels=[zin(hh)],
    )
    c = login(client, backoffice_user.medewerkers.get())
    body = c.get(f"/beschikkingen/{b.pk}/").content.decode()
    assert b.kenmerk in body and "Wilt u eerst met ons praten?" in body
    b.refresh_from_db()
    assert b.brief == "" and b.brief_sjabloon == "" and not b.brief_pdf


def test_api_gives_kenmerk_and_template_version(aanvraag, hh, backoffice_user):
    b = services.beschikking_issue(
        aanvraag=aanvraag,
        actor=backoffice_user,
        besloten_op=VANDAAG,
        motivering="m",
        regels=[zin(hh)],
    )
    api = api_for(backoffice_user.medewerkers.get())
    body = api.get(f"/api/v1/beschikkingen/{b.pk}/").json()
    assert body["kenmerk"] == b.kenmerk and body["brief_sjabloon"] == ""
    body = api.post(f"/api/v1/beschikkingen/{b.pk}/versturen/", {}, format="json").json()
    assert body["brief_sjabloon"] == services.SJABLOON_VERSIE
    assert f"Ons kenmerk: {b.kenmerk}" in body["brief"]


@pytest.mark.parametrize(
    ("wet", "vorm", "verwacht"),
    [
        ("wmo", "zin", "artikel 2.3.5, derde lid, van de Wet maatschappelijke ondersteuning 2015"),
        ("wmo", "pgb", "en artikel 2.3.6 van de Wet maatschappelijke ondersteuning 2015"),
        ("jeugd", "zin", "artikel 2.3, eerste lid, van de Jeugdwet"),
        ("jeugd", "pgb", "en artikel 8.1.1 van de Jeugdwet"),
        ("participatie", "zin", "artikel 10, eerste lid, van de Participatiewet"),
        ("participatie", "", "artikel 11, eerste lid, van de Participatiewet"),
    ],
)
def test_legal_basis_per_law_and_form(wet, vorm, verwacht):
    assert verwacht in grondslagen.grondslag(wet, leveringsvorm=vorm)


def test_unknown_law_has_no_legal_basis():
    with pytest.raises(ValueError, match="Onbekende wet"):
        grondslagen.grondslag("onbekend")
