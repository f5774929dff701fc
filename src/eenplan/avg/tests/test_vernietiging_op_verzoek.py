"""Destroying a resident's youth care and Wmo records at their request before the retention
period ends (Jeugdwet art. 7.3.9 and Wmo 2015 art. 5.3.5, with AVG art. 17 lid 1; ADR 0042): the
privacy officer grants or refuses (a refusal names its legal ground); a grant destroys exactly
those records through the owning apps, with a verklaring, and never while a bezwaar, beroep term
or hold lasts; the resident's other data (work and income, debts) stays; doing it again changes
nothing. Through the services, the pages, the API and the portal."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from eenplan.avg import op_verzoek, services
from eenplan.avg.constants import LijstStatus, VerzoekSoort, VerzoekStatus, Weigeringsgrond
from eenplan.avg.models import AvgVerzoek, Vernietigingslijst
from eenplan.beschikkingen.models import Aanvraag, Beschikking, BeschikteVoorziening
from eenplan.bezwaren.models import Klacht
from eenplan.events.models import Gebeurtenis
from eenplan.gemeente.constants import Rol
from eenplan.inwoners.models import Inwoner
from eenplan.meldingen.models import Melding
from eenplan.onderzoeken.models import Onderzoek
from eenplan.privacy.models import Inzage
from eenplan.testing import scenarios
from eenplan.testing.factories import (
    AanvraagFactory,
    BeschikkingFactory,
    BewaarplichtFactory,
    BezwaarFactory,
    InwoneraccountFactory,
    InwonerFactory,
    KlachtFactory,
    MedewerkerFactory,
    MeldingFactory,
    OnderzoekFactory,
    VoorzieningFactory,
)

pytestmark = pytest.mark.django_db


class Kind:
    """A child with youth care (a GP's referral with an onderzoek, an aanvraag jeugdhulp with a
    sent beschikking) and other data that is not youth care or Wmo only: a melding about youth
    care and the household's income (Participatiewet, no right to destruction), a complaint."""

    def __init__(self, s):
        self.s = s
        self.inwoner = InwonerFactory(gemeente=s.gemeente, wijk=s.wijken["Noord"], kind=True)
        self.melding = MeldingFactory(inwoner=self.inwoner, jeugd=True, toegewezen=True)
        self.onderzoek = OnderzoekFactory(melding=self.melding, definitief=True)
        voorziening = VoorzieningFactory(jeugd=True, gemeente=s.gemeente)
        self.aanvraag = AanvraagFactory(inwoner=self.inwoner, jeugd=True)
        self.beschikking = BeschikkingFactory(
            aanvraag=self.aanvraag, voorziening=voorziening, verzonden=True
        )
        self.gemengd = MeldingFactory(inwoner=self.inwoner, domeinen=["jeugd", "participatie"])
        self.klacht = KlachtFactory(inwoner=self.inwoner)

    def jeugd(self):
        return {
            "melding": Melding.objects.filter(pk=self.melding.pk).exists(),
            "onderzoek": Onderzoek.objects.filter(pk=self.onderzoek.pk).exists(),
            "aanvraag": Aanvraag.objects.filter(pk=self.aanvraag.pk).exists(),
            "beschikking": Beschikking.objects.filter(pk=self.beschikking.pk).exists(),
        }


@pytest.fixture
def s():
    return scenarios.beschikt(scenarios.gemeente())


@pytest.fixture
def kind(s):
    return Kind(s)


@pytest.fixture
def fg(s):
    return MedewerkerFactory(gemeente=s.gemeente, functie=Rol.PRIVACY).user


def _verzoek(inwoner, fg, **kwargs):
    return services.avg_verzoek_register(
        inwoner=inwoner, soort=VerzoekSoort.VERNIETIGING, actor=fg, **kwargs
    )


def test_a_grant_destroys_exactly_the_youth_records_and_keeps_the_rest(s, kind, fg):
    anna = {
        "beschikking": s.beschikking.pk,
        "melding": s.melding.pk,
        "inzage": Inzage.objects.filter(inwoner=s.inwoner).count(),
    }
    log_kind = Inzage.objects.filter(inwoner=kind.inwoner).count()
    verzoek = _verzoek(kind.inwoner, fg, omschrijving="Vernietig het jeugddossier van mijn zoon.")
    beoordeling = op_verzoek.beoordelen(verzoek)
    assert not beoordeling.blokkade
    assert {i.record.pk for i in beoordeling.items} == {kind.melding.pk, kind.aanvraag.pk}
    assert kind.gemengd.pk not in {i.record.pk for i in beoordeling.items}

    verzoek = services.avg_verzoek_afhandel(
        verzoek=verzoek,
        toekennen=True,
        uitkomst="De gegevens over jeugdhulp zijn vernietigd.",
        actor=fg,
    )

    assert verzoek.status == VerzoekStatus.TOEGEKEND
    assert kind.jeugd() == dict.fromkeys(kind.jeugd(), False)
    assert not BeschikteVoorziening.objects.filter(beschikking_id=kind.beschikking.pk).exists()
    # the history of the destroyed records went with them
    for label, pk in (
        ("beschikkingen.beschikking", kind.beschikking.pk),
        ("meldingen.melding", kind.melding.pk),
        ("onderzoeken.onderzoek", kind.onderzoek.pk),
    ):
        assert not Gebeurtenis.objects.filter(record_soort=label, record_id=pk).exists()
    # the resident and what is not youth care only stay; so does the request itself
    assert Inwoner.objects.filter(pk=kind.inwoner.pk).exists()
    assert Melding.objects.filter(pk=kind.gemengd.pk).exists()
    assert Klacht.objects.filter(pk=kind.klacht.pk).exists()
    assert AvgVerzoek.objects.filter(pk=verzoek.pk).exists()
    # the access log keeps its rows (the resident stays), and gained the officer's decisions
    assert Inzage.objects.filter(inwoner=kind.inwoner).count() > log_kind
    # another resident's data is untouched
    assert Beschikking.objects.filter(pk=anna["beschikking"]).exists()
    assert Melding.objects.filter(pk=anna["melding"]).exists()
    assert Inzage.objects.filter(inwoner=s.inwoner).count() == anna["inzage"]
    # the verklaring: on request, with the request's number, per category, no names
    lijst = op_verzoek.lijst_van_verzoek(verzoek)
    assert lijst.status == LijstStatus.VERNIETIGD and lijst.avg_verzoek_nummer == verzoek.pk
    assert verzoek.kenmerk in lijst.reden and "Jeugdwet art. 7.3.9 lid 1" in lijst.reden
    assert all(r.vernietigd for r in lijst.regels.all())
    regel = lijst.regels.get(record_soort="beschikkingen.aanvraag", record_id=kind.aanvraag.pk)
    assert regel.vernietigd["beschikkingen.beschikking"] == 1
    assert Gebeurtenis.objects.filter(
        soort=services.AVG_VERNIETIGD, record_id=verzoek.pk, inwoner=kind.inwoner
    ).exists()


def test_a_grant_is_refused_while_a_bezwaar_runs_and_nothing_changes(s, kind, fg):
    BezwaarFactory(beschikking=kind.beschikking)
    verzoek = _verzoek(kind.inwoner, fg)
    assert "bezwaar" in op_verzoek.beoordelen(verzoek).blokkade
    with pytest.raises(ValidationError, match="Er loopt een bezwaar"):
        services.avg_verzoek_afhandel(verzoek=verzoek, toekennen=True, uitkomst="Ja.", actor=fg)
    assert all(kind.jeugd().values())
    verzoek.refresh_from_db()
    assert verzoek.status == VerzoekStatus.OPEN
    assert not Vernietigingslijst.objects.filter(avg_verzoek_nummer=verzoek.pk).exists()
    # the officer refuses on the legal ground instead
    verzoek = services.avg_verzoek_afhandel(
        verzoek=verzoek,
        toekennen=False,
        uitkomst="Zolang uw bezwaar loopt, moeten wij het dossier bewaren.",
        weigeringsgrond=Weigeringsgrond.WETTELIJK_VOORSCHRIFT,
        actor=fg,
    )
    assert verzoek.status == VerzoekStatus.AFGEWEZEN
    assert all(kind.jeugd().values())


def test_a_legal_hold_blocks_the_grant(s, kind, fg):
    BewaarplichtFactory(inwoner=kind.inwoner, gemeente=s.gemeente)
    verzoek = _verzoek(kind.inwoner, fg)
    with pytest.raises(ValidationError, match="Beroep ingesteld"):
        services.avg_verzoek_afhandel(verzoek=verzoek, toekennen=True, uitkomst="Ja.", actor=fg)
    assert all(kind.jeugd().values())


def test_a_refusal_needs_a_legal_ground(s, kind, fg):
    verzoek = _verzoek(kind.inwoner, fg)
    with pytest.raises(ValidationError) as fout:
        services.avg_verzoek_afhandel(verzoek=verzoek, toekennen=False, uitkomst="Nee.", actor=fg)
    assert "wettelijke grond" in str(fout.value.message_dict["weigeringsgrond"])
    verzoek.refresh_from_db()
    assert verzoek.status == VerzoekStatus.OPEN
    # a grant has no ground, and another kind of request has none either
    with pytest.raises(ValidationError, match="geen grond"):
        services.avg_verzoek_afhandel(
            verzoek=verzoek,
            toekennen=True,
            uitkomst="Ja.",
            weigeringsgrond=Weigeringsgrond.BELANG_ANDER,
            actor=fg,
        )
    assert all(kind.jeugd().values())
    # the database refuses a refused destruction request without a ground as well
    with pytest.raises(IntegrityError), transaction.atomic():
        AvgVerzoek.objects.filter(pk=verzoek.pk).update(
            status=VerzoekStatus.AFGEWEZEN, afgehandeld_op=timezone.localdate()
        )
    verzoek = services.avg_verzoek_afhandel(
        verzoek=verzoek,
        toekennen=False,
        uitkomst="Bewaren is van groot belang voor uw zus.",
        weigeringsgrond=Weigeringsgrond.BELANG_ANDER,
        actor=fg,
    )
    assert verzoek.weigeringsgrond == Weigeringsgrond.BELANG_ANDER
    assert all(kind.jeugd().values())


def test_doing_it_twice_changes_nothing(s, kind, fg):
    verzoek = _verzoek(kind.inwoner, fg)
    services.avg_verzoek_afhandel(verzoek=verzoek, toekennen=True, uitkomst="Gedaan.", actor=fg)
    lijsten = Vernietigingslijst.objects.count()
    gebeurtenissen = Gebeurtenis.objects.exclude(soort__startswith="avg.").count()
    with pytest.raises(ValidationError, match="al afgehandeld"):
        services.avg_verzoek_afhandel(
            verzoek=verzoek, toekennen=True, uitkomst="Nog eens.", actor=fg
        )
    # a second request: nothing of youth care is left, so nothing goes and no list is made
    tweede = _verzoek(kind.inwoner, fg)
    assert op_verzoek.beoordelen(tweede).items == []
    tweede = services.avg_verzoek_afhandel(
        verzoek=tweede, toekennen=True, uitkomst="Er was niets meer.", actor=fg
    )
    assert tweede.status == VerzoekStatus.TOEGEKEND
    assert Vernietigingslijst.objects.count() == lijsten
    assert op_verzoek.lijst_van_verzoek(tweede) is None
    assert Gebeurtenis.objects.exclude(soort__startswith="avg.").count() == gebeurtenissen
    assert Melding.objects.filter(pk=kind.gemengd.pk).exists()


def test_the_deadline_follows_the_version_of_article_7_3_9(s, fg):
    inwoner = InwonerFactory(gemeente=s.gemeente, wijk=s.wijken["Noord"], kind=True)
    # until the change: three months after the request (Jeugdwet art. 7.3.9 lid 1, old text);
    # 28 February 2026 is a Saturday, so Monday 2 March (Algemene termijnenwet art. 1 lid 1)
    oud = _verzoek(inwoner, fg, ontvangen_op=dt.date(2025, 11, 30), vandaag=dt.date(2025, 12, 1))
    assert oud.vernietigen_uiterlijk == dt.date(2026, 3, 2)
    # the text of 1 January 2026 has no term of its own: the AVG's month, three when extended
    nieuw = _verzoek(inwoner, fg, ontvangen_op=dt.date(2026, 3, 10), vandaag=dt.date(2026, 3, 10))
    assert nieuw.vernietigen_uiterlijk == dt.date(2026, 4, 10)
    nieuw = services.avg_verzoek_verleng(
        verzoek=nieuw, reden="Veel stukken", actor=fg, vandaag=dt.date(2026, 3, 20)
    )
    assert nieuw.vernietigen_uiterlijk == dt.date(2026, 6, 10)
    # other kinds of request have no destruction deadline
    inzage = services.avg_verzoek_register(
        inwoner=inwoner, soort=VerzoekSoort.INZAGE, actor=fg, vandaag=dt.date(2026, 3, 10)
    )
    assert inzage.vernietigen_uiterlijk is None


def test_the_officer_assesses_and_grants_on_the_page(s, kind, fg):
    verzoek = _verzoek(kind.inwoner, fg)
    client = Client()
    client.force_login(fg)
    url = reverse("avg:verzoek", args=[verzoek.pk])
    pagina = client.get(url).content.decode()
    assert "Wat er wordt vernietigd als u toekent" in pagina
    assert f"M-{kind.melding.ontvangen_op:%Y}-{kind.melding.pk:06d}" in pagina
    assert "Gegevens laten vernietigen" in pagina and "Jeugdwet art. 7.3.9" in pagina
    # a refusal without its ground: the form says so, nothing changes
    fout = client.post(
        url,
        {
            "afhandel-besluit": "afwijzen",
            "afhandel-uitkomst": "Nee.",
            "afhandel-weigeringsgrond": "",
        },
    )
    assert fout.status_code == 400
    assert "Kies de wettelijke grond" in fout.content.decode()
    assert all(kind.jeugd().values())
    antwoord = client.post(
        url, {"afhandel-besluit": "toekennen", "afhandel-uitkomst": "Vernietigd."}, follow=True
    )
    assert antwoord.status_code == 200
    tekst = antwoord.content.decode()
    assert "Verklaring van vernietiging" in tekst
    assert "Vernietigd: 2 van 2 onderdelen." in tekst
    assert not any(kind.jeugd().values())
    lijst = op_verzoek.lijst_van_verzoek(verzoek)
    verklaring = client.get(reverse("avg:vernietiging", args=[lijst.pk])).content.decode()
    assert "op verzoek van de betrokkene" in verklaring and "8.3.2" in verklaring
    for persoonlijk in (kind.inwoner.achternaam, kind.inwoner.bsn):
        assert persoonlijk not in verklaring


def test_the_api_shows_what_would_go_and_refuses_without_a_ground(s, kind, fg):
    client = Client()
    client.force_login(fg)
    nieuw = client.post(
        "/api/v1/avg-verzoeken/",
        {"inwoner": kind.inwoner.pk, "soort": "vernietiging"},
        content_type="application/json",
    )
    assert nieuw.status_code == 201, nieuw.content
    pk = nieuw.json()["id"]
    assert nieuw.json()["vernietigen_uiterlijk"]
    preview = client.get(f"/api/v1/avg-verzoeken/{pk}/te-vernietigen/").json()
    assert preview["blokkade"] == ""
    assert {i["soort"] for i in preview["items"]} == {"jeugd_aanvraag", "jeugd_melding"}
    fout = client.post(
        f"/api/v1/avg-verzoeken/{pk}/afhandelen/",
        {"toekennen": False, "uitkomst": "Nee."},
        content_type="application/json",
    )
    assert fout.status_code == 400 and "weigeringsgrond" in fout.json()
    assert all(kind.jeugd().values())
    ja = client.post(
        f"/api/v1/avg-verzoeken/{pk}/afhandelen/",
        {"toekennen": True, "uitkomst": "Vernietigd."},
        content_type="application/json",
    )
    assert ja.status_code == 200 and ja.json()["status"] == "toegekend"
    assert not any(kind.jeugd().values())
    na = client.get(f"/api/v1/avg-verzoeken/{pk}/te-vernietigen/").json()
    assert na["items"] == [] and na["vernietigingslijst"]
    # a generalist may not see what a destruction would take
    generalist = Client()
    generalist.force_login(s.generalist.user)
    assert generalist.get(f"/api/v1/avg-verzoeken/{pk}/te-vernietigen/").status_code == 403


def test_the_resident_asks_in_the_portal_in_plain_words(s):
    # a young adult who had youth care as a child files the request themselves
    inwoner = InwonerFactory(gemeente=s.gemeente, wijk=s.wijken["Noord"])
    account = InwoneraccountFactory(inwoner=inwoner)
    client = Client()
    client.force_login(account.user)
    url = reverse("avg-portaal:verzoeken", kwargs={"inwoner_id": inwoner.pk})
    pagina = client.get(url).content.decode()
    keuze = "Ik wil dat de gemeente gegevens over jeugdhulp of Wmo-ondersteuning vernietigt"
    assert keuze in pagina
    assert "Ik wil zien welke gegevens de gemeente heeft" in pagina
    assert "(art. 15)" not in pagina
    client.post(
        reverse("avg-portaal:verzoek-doen", kwargs={"inwoner_id": inwoner.pk}),
        {"soort": "vernietiging", "omschrijving": "Mijn jeugddossier mag weg."},
    )
    verzoek = AvgVerzoek.objects.get(inwoner=inwoner)
    assert verzoek.soort == VerzoekSoort.VERNIETIGING and verzoek.ingediend_via == "portaal"
    assert verzoek.vernietigen_uiterlijk is not None
    assert "Gegevens laten vernietigen" in client.get(url).content.decode()


class Volwassene:
    """An adult with Wmo support (a melding about the household with its onderzoek, an aanvraag
    with a sent beschikking for a Wmo provision) and a melding about work and income too."""

    def __init__(self, s):
        self.inwoner = InwonerFactory(gemeente=s.gemeente, wijk=s.wijken["Noord"])
        self.melding = MeldingFactory(inwoner=self.inwoner, domeinen=["wmo"], toegewezen=True)
        self.onderzoek = OnderzoekFactory(melding=self.melding, definitief=True)
        self.aanvraag = AanvraagFactory(inwoner=self.inwoner)
        self.beschikking = BeschikkingFactory(
            aanvraag=self.aanvraag,
            voorziening=VoorzieningFactory(gemeente=s.gemeente),
            verzonden=True,
        )
        self.werk = MeldingFactory(inwoner=self.inwoner, domeinen=["wmo", "participatie"])

    def wmo(self):
        return {
            "melding": Melding.objects.filter(pk=self.melding.pk).exists(),
            "onderzoek": Onderzoek.objects.filter(pk=self.onderzoek.pk).exists(),
            "aanvraag": Aanvraag.objects.filter(pk=self.aanvraag.pk).exists(),
            "beschikking": Beschikking.objects.filter(pk=self.beschikking.pk).exists(),
        }


def test_a_grant_destroys_the_wmo_records_within_three_months_of_the_request(s, fg):
    """Wmo 2015 art. 5.3.5 lid 1: the college destroys within three months of the written
    request; what is also about work and income stays."""
    volwassene = Volwassene(s)
    assert volwassene.aanvraag.wet == "wmo"
    verzoek = _verzoek(
        volwassene.inwoner, fg, ontvangen_op=dt.date(2025, 11, 3), vandaag=dt.date(2025, 11, 4)
    )
    assert verzoek.vernietigen_uiterlijk == dt.date(2026, 2, 3)
    beoordeling = op_verzoek.beoordelen(verzoek)
    assert {(i.soort.code, i.record.pk) for i in beoordeling.items} == {
        ("wmo_aanvraag", volwassene.aanvraag.pk),
        ("wmo_melding", volwassene.melding.pk),
    }
    verzoek = services.avg_verzoek_afhandel(
        verzoek=verzoek, toekennen=True, uitkomst="Vernietigd.", actor=fg
    )
    assert volwassene.wmo() == dict.fromkeys(volwassene.wmo(), False)
    assert Melding.objects.filter(pk=volwassene.werk.pk).exists()
    lijst = op_verzoek.lijst_van_verzoek(verzoek)
    assert "Wmo 2015 art. 5.3.5 lid 1" in lijst.reden
    regel = lijst.regels.get(record_soort="beschikkingen.aanvraag")
    assert regel.bewaartermijn.soort == "beschikking_wmo"
    client = Client()
    client.force_login(fg)
    verklaring = client.get(reverse("avg:vernietiging", args=[lijst.pk])).content.decode()
    assert "Wmo 2015 art. 5.3.5 lid 1" in verklaring


def test_a_request_of_a_child_under_twelve_is_refused_on_its_own_ground(s, fg):
    """Wmo 2015 art. 5.3.5 lid 3 and 4: the legal representative asks instead."""
    kind = InwonerFactory(gemeente=s.gemeente, wijk=s.wijken["Noord"], kind=True)
    verzoek = services.avg_verzoek_afhandel(
        verzoek=_verzoek(kind, fg),
        toekennen=False,
        uitkomst="Uw ouder of voogd kan dit voor u vragen.",
        weigeringsgrond=Weigeringsgrond.TE_JONG,
        actor=fg,
    )
    assert verzoek.status == VerzoekStatus.AFGEWEZEN
    assert "Wmo 2015 art. 5.3.5 lid 3 en 4" in verzoek.get_weigeringsgrond_display()
