"""AVG requests through the services: the term (art. 12 lid 3), extension once, rectification
that keeps the old value in the history (art. 16), restriction that holds the records (art.
18), the inzage export (art. 15), and refusals that change nothing."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from eenplan.avg import inzage, services
from eenplan.avg.constants import VerzoekSoort, VerzoekStatus
from eenplan.avg.models import AvgVerzoek, Bewaarplicht
from eenplan.events.models import Gebeurtenis
from eenplan.gemeente.constants import Rol
from eenplan.privacy import access
from eenplan.privacy.constants import Doel
from eenplan.privacy.models import Inzage
from eenplan.testing import scenarios
from eenplan.testing.factories import GemeenteFactory, InwonerFactory, MedewerkerFactory

pytestmark = pytest.mark.django_db
VANDAAG = dt.date(2026, 3, 10)


@pytest.fixture
def s():
    return scenarios.inwoner(scenarios.gemeente())


@pytest.fixture
def fg(s):
    return MedewerkerFactory(gemeente=s.gemeente, functie=Rol.PRIVACY).user


def test_inzage_request_gets_one_month_and_is_logged(s, fg):
    verzoek = services.avg_verzoek_register(
        inwoner=s.inwoner,
        soort=VerzoekSoort.INZAGE,
        ontvangen_op=VANDAAG,
        actor=fg,
        vandaag=VANDAAG,
    )
    assert verzoek.antwoord_uiterlijk == dt.date(2026, 4, 10)
    assert verzoek.status == VerzoekStatus.OPEN
    rij = Inzage.objects.filter(inwoner=s.inwoner, user=fg).latest("id")
    assert rij.doel == Doel.AVG and rij.toegestaan
    assert Gebeurtenis.objects.filter(soort="avg.verzoek_geregistreerd", inwoner=s.inwoner).exists()


def test_extension_once_within_the_first_month(s, fg):
    verzoek = services.avg_verzoek_register(
        inwoner=s.inwoner,
        soort=VerzoekSoort.INZAGE,
        ontvangen_op=VANDAAG,
        actor=fg,
        vandaag=VANDAAG,
    )
    verzoek = services.avg_verzoek_verleng(
        verzoek=verzoek, reden="Veel stukken", actor=fg, vandaag=dt.date(2026, 4, 1)
    )
    assert verzoek.antwoord_uiterlijk == dt.date(2026, 6, 10)
    with pytest.raises(ValidationError, match="al een keer verlengd"):
        services.avg_verzoek_verleng(
            verzoek=verzoek, reden="Nog meer", actor=fg, vandaag=dt.date(2026, 4, 2)
        )
    verzoek.refresh_from_db()
    assert verzoek.antwoord_uiterlijk == dt.date(2026, 6, 10)


def test_rectification_changes_the_datum_and_keeps_the_old_value(s, fg):
    oud = s.inwoner.telefoon
    verzoek = services.avg_verzoek_register(
        inwoner=s.inwoner,
        soort=VerzoekSoort.RECTIFICATIE,
        veld="telefoon",
        nieuwe_waarde="0612345678",
        ontvangen_op=VANDAAG,
        actor=fg,
        vandaag=VANDAAG,
    )
    services.avg_verzoek_afhandel(
        verzoek=verzoek, toekennen=True, uitkomst="Verbeterd.", actor=fg, vandaag=VANDAAG
    )
    s.inwoner.refresh_from_db()
    assert s.inwoner.telefoon == "0612345678"
    verzoek.refresh_from_db()
    assert verzoek.oude_waarde == oud and verzoek.status == VerzoekStatus.TOEGEKEND
    event = Gebeurtenis.objects.get(soort="avg.gerectificeerd", inwoner=s.inwoner)
    assert event.gegevens == {"veld": "telefoon", "oud": oud, "nieuw": "0612345678"}
    with pytest.raises(ValidationError, match="al afgehandeld"):
        services.avg_verzoek_afhandel(
            verzoek=verzoek, toekennen=False, uitkomst="x", actor=fg, vandaag=VANDAAG
        )


def test_restriction_granted_puts_a_hold_on_the_records(s, fg):
    verzoek = services.avg_verzoek_register(
        inwoner=s.inwoner,
        soort=VerzoekSoort.BEPERKING,
        ontvangen_op=VANDAAG,
        actor=fg,
        omschrijving="Niet vernietigen, ik heb een claim",
        vandaag=VANDAAG,
    )
    services.avg_verzoek_afhandel(
        verzoek=verzoek, toekennen=True, uitkomst="Toegekend.", actor=fg, vandaag=VANDAAG
    )
    plicht = Bewaarplicht.objects.get(inwoner=s.inwoner)
    assert plicht.soort == "beperking" and plicht.verzoek == verzoek


def test_bad_input_is_refused_and_writes_nothing(s, fg):
    with pytest.raises(ValidationError) as fout:
        services.avg_verzoek_register(
            inwoner=s.inwoner,
            soort=VerzoekSoort.RECTIFICATIE,
            veld="bsn",
            nieuwe_waarde="123",
            ontvangen_op=VANDAAG,
            actor=fg,
            vandaag=VANDAAG,
        )
    assert "veld" in fout.value.message_dict
    with pytest.raises(ValidationError):
        services.avg_verzoek_register(
            inwoner=s.inwoner,
            soort=VerzoekSoort.INZAGE,
            ontvangen_op=VANDAAG + dt.timedelta(days=1),
            actor=fg,
            vandaag=VANDAAG,
        )
    assert not AvgVerzoek.objects.exists()


def test_other_roles_and_other_municipalities_are_refused(s, fg):
    with pytest.raises(access.Refused):
        services.avg_verzoek_register(
            inwoner=s.inwoner,
            soort=VerzoekSoort.INZAGE,
            actor=s.generalist.user,
            vandaag=VANDAAG,
        )
    andere = InwonerFactory(gemeente=GemeenteFactory(cbs_code="GM0999", naam="Anderdal"))
    with pytest.raises(access.Refused, match="andere gemeente"):
        services.avg_verzoek_register(
            inwoner=andere, soort=VerzoekSoort.INZAGE, actor=fg, vandaag=VANDAAG
        )
    assert not AvgVerzoek.objects.exists()


def test_inzage_export_contains_data_documents_and_access_log(fg):
    s = scenarios.bezwaar(scenarios.gemeente())
    verzoek = services.avg_verzoek_register(inwoner=s.inwoner, soort=VerzoekSoort.INZAGE, actor=fg)
    export = services.inzage_maken(verzoek=verzoek, actor=fg)
    modellen = {o["model"] for o in export["onderdelen"]}
    assert {
        "inwoners.inwoner",
        "meldingen.melding",
        "onderzoeken.onderzoek",
        "plannen.plan",
        "beschikkingen.beschikking",
        "bezwaren.bezwaar",
        "privacy.inzage",
        "events.gebeurtenis",
        "avg.avgverzoek",
    } <= modellen
    assert any(d["model"] == "beschikkingen.beschikking" for d in export["documenten"])
    # a household member's own records are not in Anna's inzage (AVG art. 15 lid 4)
    inwoner_rijen = next(o for o in export["onderdelen"] if o["model"] == "inwoners.inwoner")
    assert [r["id"] for r in inwoner_rijen["rijen"]] == [s.inwoner.pk]
    # the export itself is logged against Anna with the purpose AVG
    assert Inzage.objects.filter(
        inwoner=s.inwoner, user=fg, onderwerp="avg_verzoek", handeling="exporteren", doel=Doel.AVG
    ).exists()


def test_the_inzage_names_staff_by_role_and_municipality_never_by_login(fg):
    # AVG art. 15 lid 1 (c): recipients or categories of recipients, not the staff's logins.
    s = scenarios.bezwaar(scenarios.gemeente())
    verzoek = services.avg_verzoek_register(inwoner=s.inwoner, soort=VerzoekSoort.INZAGE, actor=fg)
    export = services.inzage_maken(verzoek=verzoek, actor=fg)
    tekst = inzage.inzage_tekst(export, gemeente=s.gemeente.naam)
    data = inzage.inzage_json(export).decode()
    for login in (fg.username, s.generalist.user.username):
        assert login not in tekst and f'"{login}"' not in data
    assert f"Privacy officer (FG), gemeente {s.gemeente.naam}" in tekst
    log = next(o for o in export["onderdelen"] if o["model"] == "privacy.inzage")
    assert all("gebruikersnaam" not in r and "user_id" not in r for r in log["rijen"])
    assert {r["wie"] for r in log["rijen"]} >= {f"Privacy officer (FG), gemeente {s.gemeente.naam}"}
