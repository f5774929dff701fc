"""Aanvraag → beschikking: per provision, ZIN/PGB, OP043, lawfulness check, letter, bezwaar,
klacht, eigen bijdrage. Every refusal changes nothing."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from eenplan.beschikkingen import services
from eenplan.beschikkingen.constants import AanvraagStatus, Rechtmatigheid
from eenplan.beschikkingen.models import Beschikking
from eenplan.privacy import access
from eenplan.rules.voorziening import PgbToets
from eenplan.testing.helpers import verzonden, zin
from eenplan.voorzieningen.services import voorziening_create

pytestmark = pytest.mark.django_db
VANDAAG = timezone.localdate()


def test_catalogue_refuses_codes_outside_the_code_lists(gemeente):
    with pytest.raises(ValidationError) as exc:
        voorziening_create(
            gemeente=gemeente,
            naam="X",
            soort="individueel",
            wet="wmo",
            productcategorie="99",
            productcode="X",
            eenheid="99",
            uitvoeringsvariant="inspanning",
        )
    assert {"productcategorie", "eenheid"} <= set(exc.value.message_dict)


def test_issue_send_letter_with_bezwaar_clause(aanvraag, hh, backoffice_user):
    b = services.beschikking_issue(
        aanvraag=aanvraag,
        actor=backoffice_user,
        besloten_op=VANDAAG,
        motivering="Eigen kracht en netwerk schieten tekort.",
        regels=[zin(hh)],
    )
    aanvraag.refresh_from_db()
    assert aanvraag.status == AanvraagStatus.BESLOTEN
    b = services.beschikking_send(beschikking=b, actor=b.besloten_door, op=VANDAAG)
    assert b.bezwaar_uiterlijk >= VANDAAG + dt.timedelta(weeks=6)
    assert "Dat moet uiterlijk op" in b.brief and "Thuiszorg West levert" in b.brief
    assert "3 uur per week" in b.brief


@pytest.mark.parametrize(
    ("kw", "fragment"),
    [
        ({"einde": VANDAAG - dt.timedelta(days=1)}, "einddatum ligt vóór"),
        ({"omvang": Decimal(0)}, "groter zijn dan nul"),
        ({"einde": None}, "tijdelijk"),
        ({"aanbieder": None}, "aanbieder"),
    ],
)
def test_bad_provisions_are_refused_and_nothing_written(
    aanvraag, hh, backoffice_user, kw, fragment
):
    with pytest.raises(ValidationError) as exc:
        services.beschikking_issue(
            aanvraag=aanvraag,
            actor=backoffice_user,
            besloten_op=VANDAAG,
            motivering="m",
            regels=[zin(hh, **kw)],
        )
    assert fragment in " ".join(exc.value.messages)
    assert not Beschikking.objects.exists()


def test_pgb_budget_capped_at_cheapest_zin_and_conditions_required(aanvraag, hh, backoffice_user):
    regel = zin(
        hh,
        leveringsvorm="pgb",
        aanbieder=None,
        pgb_tarief=Decimal("35.00"),
        pgb_toets=PgbToets(True, "Eigen regie", True),
        persoonlijk_plan="Mijn plan",
    )
    b = services.beschikking_issue(
        aanvraag=aanvraag,
        actor=backoffice_user,
        besloten_op=VANDAAG,
        motivering="m",
        regels=[regel],
    )
    r = b.voorzieningen.get()
    assert (r.pgb_budget, r.pgb_zelf_te_betalen) == (Decimal("89.70"), Decimal("15.30"))


def test_pgb_without_conditions_is_refused(aanvraag, hh, backoffice_user):
    regel = zin(
        hh,
        leveringsvorm="pgb",
        aanbieder=None,
        pgb_tarief=Decimal("35.00"),
        pgb_toets=PgbToets(False, "", True),
        persoonlijk_plan="",
    )
    with pytest.raises(ValidationError) as exc:
        services.beschikking_issue(
            aanvraag=aanvraag,
            actor=backoffice_user,
            besloten_op=VANDAAG,
            motivering="m",
            regels=[regel],
        )
    assert "beheren" in " ".join(exc.value.messages)


def test_op043_zin_and_pgb_overlap_is_refused(
    aanvraag, hh, backoffice_user, inwoner_noord, generalist
):
    services.beschikking_issue(
        aanvraag=aanvraag,
        actor=backoffice_user,
        besloten_op=VANDAAG,
        motivering="m",
        regels=[zin(hh)],
    )
    tweede = services.aanvraag_register(
        inwoner=inwoner_noord,
        omschrijving="Pgb huishouden",
        wet="wmo",
        ontvangen_op=VANDAAG,
        ingediend_door="Anna",
        door=generalist.user,
    )
    regel = zin(
        hh,
        leveringsvorm="pgb",
        aanbieder=None,
        pgb_tarief=Decimal("30"),
        pgb_toets=PgbToets(True, "Eigen regie", True),
        persoonlijk_plan="plan",
        begin=VANDAAG + dt.timedelta(days=30),
    )
    with pytest.raises(ValidationError, match="OP043"):
        services.beschikking_issue(
            aanvraag=tweede,
            actor=backoffice_user,
            besloten_op=VANDAAG,
            motivering="m",
            regels=[regel],
        )
    assert Beschikking.objects.count() == 1


def test_generalist_decision_goes_to_lawfulness_queue(aanvraag, hh, generalist, backoffice_user):
    b = services.beschikking_issue(
        aanvraag=aanvraag,
        actor=generalist.user,
        besloten_op=VANDAAG,
        motivering="m",
        regels=[zin(hh)],
    )
    assert b.rechtmatigheid == Rechtmatigheid.TE_TOETSEN
    with pytest.raises(access.Refused, match="rol"):  # a generalist does not check at all
        services.rechtmatigheid_check(beschikking=b, actor=generalist.user, rechtmatig=True)
    with pytest.raises(ValidationError, match="waarom"):
        services.rechtmatigheid_check(beschikking=b, actor=backoffice_user, rechtmatig=False)
    services.rechtmatigheid_check(
        beschikking=b, actor=backoffice_user, rechtmatig=False, reden="Ladder niet afgewogen"
    )
    with pytest.raises(ValidationError, match="onrechtmatig"):
        services.beschikking_send(beschikking=b, actor=b.besloten_door, op=VANDAAG)


def test_eigen_bijdrage_in_letter(aanvraag, hh, backoffice_user):
    b = verzonden(aanvraag, hh, backoffice_user)
    uitkomst = services.eigen_bijdrage_voor(aanvraag.inwoner, VANDAAG)
    assert uitkomst is not None and uitkomst.bedrag_per_maand > 0
    bedrag = f"{uitkomst.bedrag_per_maand:.2f}".replace(".", ",")  # Dutch notation
    assert f"€ {bedrag} per maand" in b.brief


def test_overgangsrecht_gets_its_legal_end_and_is_on_the_worklist(inwoner_noord, generalist):
    from eenplan.beschikkingen.selectors import overgangsrecht_werklijst
    from eenplan.privacy.selectors import inwoners_in_scope

    recht = services.overgangsrecht_register(
        inwoner=inwoner_noord,
        soort="awbz_extramuraal",
        omschrijving="AWBZ begeleiding",
        oude_einddatum=dt.date(2017, 1, 1),
    )
    assert recht.einddatum == dt.date(2015, 12, 31)
    werklijst = overgangsrecht_werklijst(
        inwoners=inwoners_in_scope(generalist.user), vandaag=VANDAAG
    )
    assert list(werklijst) == [recht]
    with pytest.raises(ValidationError, match="aangekondigd"):
        services.overgangsrecht_register(
            inwoner=inwoner_noord,
            soort="huishoudelijke_hulp",
            omschrijving="HH",
            oude_einddatum=None,
        )


def test_partner_below_aow_age_without_own_provision_still_exempts(
    aanvraag, hh, backoffice_user, inwoner_noord, wijken
):
    from eenplan.inwoners.constants import Relatie
    from eenplan.inwoners.services import huishouden_create
    from eenplan.testing.factories import InwonerFactory

    jonge_partner = InwonerFactory(
        gemeente=inwoner_noord.gemeente, wijk=wijken["Noord"], geboortedatum=dt.date(1975, 1, 1)
    )
    huishouden_create(
        gemeente=inwoner_noord.gemeente,
        leden=[
            (inwoner_noord, Relatie.REFERENTIE, dt.date(2000, 1, 1)),
            (jonge_partner, Relatie.PARTNER, dt.date(2000, 1, 1)),
        ],
    )
    services.beschikking_issue(
        aanvraag=aanvraag,
        actor=backoffice_user,
        besloten_op=VANDAAG,
        motivering="m",
        regels=[zin(hh)],
    )
    uitkomst = services.eigen_bijdrage_voor(inwoner_noord, VANDAAG)
    assert uitkomst.bedrag_per_maand == 0
    assert any("partnervrijstelling" in t for t in uitkomst.toelichting)


def test_aanvraag_suspension_moves_the_decision_deadline(aanvraag, backoffice_user):
    eerst = aanvraag.beslissen_uiterlijk
    opschorting = services.aanvraag_suspend(
        aanvraag=aanvraag,
        van=aanvraag.ontvangen_op,
        reden="Wacht op medische gegevens",
        actor=backoffice_user,
    )
    with pytest.raises(ValidationError, match="al opgeschort"):
        services.aanvraag_suspend(
            aanvraag=aanvraag, van=aanvraag.ontvangen_op, reden="nogmaals", actor=backoffice_user
        )
    aanvraag = services.aanvraag_resume(
        opschorting=opschorting,
        tot=aanvraag.ontvangen_op + dt.timedelta(days=6),
        actor=backoffice_user,
    )
    assert aanvraag.beslissen_uiterlijk > eerst  # five suspended days added (then Atw)


def test_entered_abonnementstarief_for_a_later_year_is_used(aanvraag, hh, backoffice_user):
    from eenplan.voorzieningen.models import AbonnementstariefGegeven

    # Wmo 2015 art. 2.1.4a lid 4: one tariff per year. 2030 ships without one; once beheer
    # enters it as data, that year (and only that year) uses it.
    begin = dt.date(2030, 1, 1)
    services.beschikking_issue(
        aanvraag=aanvraag,
        actor=backoffice_user,
        besloten_op=VANDAAG,
        motivering="m",
        regels=[zin(hh, begin=begin, einde=dt.date(2030, 12, 31))],
    )
    assert services.eigen_bijdrage_voor(aanvraag.inwoner, begin).ontbrekend_jaar == 2030
    AbonnementstariefGegeven.objects.create(
        geldig_vanaf=begin,
        bedrag=Decimal("23.10"),
        periode="maand",
        bron="Wmo 2015 art. 2.1.4a lid 4 (2030, test)",
    )
    assert services.eigen_bijdrage_voor(aanvraag.inwoner, begin).bedrag_per_maand == Decimal(
        "23.10"
    )


def test_a_client_under_18_pays_no_eigen_bijdrage_for_their_provision(
    hh, backoffice_user, generalist, wijken
):
    # Uitvoeringsbesluit Wmo 2015 art. 3.8: no contribution for a provision for a minor.
    from eenplan.testing.factories import InwonerFactory
    from eenplan.testing.helpers import aanvraag_voor

    kind = InwonerFactory(
        gemeente=wijken["Noord"].gemeente,
        wijk=wijken["Noord"],
        geboortedatum=VANDAAG.replace(year=VANDAAG.year - 12, day=1),
    )
    services.beschikking_issue(
        aanvraag=aanvraag_voor(kind, generalist),
        actor=backoffice_user,
        besloten_op=VANDAAG,
        motivering="m",
        regels=[zin(hh)],
    )
    uitkomst = services.eigen_bijdrage_voor(kind, VANDAAG)
    assert uitkomst.bedrag_per_maand == 0
    assert any("jonger dan 18 jaar" in t for t in uitkomst.toelichting)
