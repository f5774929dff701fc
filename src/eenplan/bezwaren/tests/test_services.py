"""The bezwaar and klacht services: who may object, the Awb terms, the informal track, the
decision with a revising beschikking, and the complaint's own term."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from eenplan.beschikkingen import services
from eenplan.bezwaren import services as bezwaren
from eenplan.bezwaren.models import Bezwaar
from eenplan.gemeente.selectors import gelijkgestelde_dagen
from eenplan.rules.voorziening import Ontvankelijkheid
from eenplan.testing.helpers import aanvraag_voor, verzonden, zin

pytestmark = pytest.mark.django_db
VANDAAG = timezone.localdate()


def test_bezwaar_only_by_the_resident_and_with_deadlines(
    aanvraag, hh, backoffice_user, inwoner_zuid, inwoner_noord
):
    b = verzonden(aanvraag, hh, backoffice_user)
    with pytest.raises(ValidationError, match="andere inwoner"):
        bezwaren.bezwaar_register(
            beschikking=b,
            inwoner=inwoner_zuid,
            ontvangen_op=VANDAAG,
            gronden="g",
            ingediend_door="Piet",
            actor=backoffice_user,
        )
    assert not Bezwaar.objects.exists()
    bezwaar = bezwaren.bezwaar_register(
        beschikking=b,
        inwoner=inwoner_noord,
        ontvangen_op=VANDAAG,
        gronden="Te weinig uren",
        ingediend_door="Anna Jansen",
        actor=backoffice_user,
    )
    assert bezwaar.tijdigheid == Ontvankelijkheid.TIJDIG
    assert bezwaar.beslissen_uiterlijk >= b.bezwaar_uiterlijk + dt.timedelta(weeks=6)
    eerder = bezwaar.beslissen_uiterlijk
    bezwaren.bezwaar_postpone(bezwaar=bezwaar, actor=backoffice_user)
    assert bezwaar.beslissen_uiterlijk > eerder
    with pytest.raises(ValidationError, match="al eens verdaagd"):
        bezwaren.bezwaar_postpone(bezwaar=bezwaar, actor=backoffice_user)


def test_klacht_has_its_own_term(gemeente, backoffice_user):
    klacht = bezwaren.klacht_register(
        gemeente=gemeente,
        ingediend_door="Anna",
        ontvangen_op=VANDAAG,
        onderwerp="Niet teruggebeld",
        actor=backoffice_user,
    )
    assert klacht.afhandelen_uiterlijk >= VANDAAG + dt.timedelta(weeks=6)


def test_informal_track_and_klacht_handling(aanvraag, hh, backoffice_user, inwoner_noord, gemeente):
    b = verzonden(aanvraag, hh, backoffice_user)
    bezwaar = bezwaren.bezwaar_register(
        beschikking=b,
        inwoner=inwoner_noord,
        ontvangen_op=VANDAAG,
        gronden="g",
        ingediend_door="Anna",
        actor=backoffice_user,
    )
    gesprek = bezwaren.bezwaar_informeel_gesprek(bezwaar=bezwaar, op=VANDAAG, actor=backoffice_user)
    assert gesprek.informeel_gesprek_op
    klacht = bezwaren.klacht_register(
        gemeente=gemeente,
        ingediend_door="Anna",
        ontvangen_op=VANDAAG,
        onderwerp="Lang gewacht",
        actor=backoffice_user,
    )
    with pytest.raises(ValidationError, match="Beschrijf"):
        bezwaren.klacht_settle(klacht=klacht, op=VANDAAG, uitkomst=" ", actor=backoffice_user)
    assert (
        bezwaren.klacht_settle(
            klacht=klacht, op=VANDAAG, uitkomst="Excuses gemaakt", actor=backoffice_user
        ).afgehandeld_op
        == VANDAAG
    )


def test_upheld_bezwaar_links_the_new_decision_as_revision(
    aanvraag, hh, backoffice_user, inwoner_noord, generalist
):
    b = verzonden(aanvraag, hh, backoffice_user)
    bezwaar = bezwaren.bezwaar_register(
        beschikking=b,
        inwoner=inwoner_noord,
        ontvangen_op=VANDAAG,
        gronden="Meer uren nodig",
        ingediend_door="Anna",
        actor=backoffice_user,
    )
    tweede = services.aanvraag_register(
        inwoner=inwoner_noord,
        omschrijving="Herziening",
        wet="wmo",
        ontvangen_op=VANDAAG,
        ingediend_door="Anna",
        door=generalist.user,
    )
    nieuw = services.beschikking_issue(
        aanvraag=tweede,
        actor=backoffice_user,
        besloten_op=VANDAAG,
        motivering="Na bezwaar: 5 uur.",
        regels=[
            zin(
                hh,
                omvang=Decimal(5),
                begin=VANDAAG + dt.timedelta(days=400),
                einde=VANDAAG + dt.timedelta(days=700),
            )
        ],
    )
    bezwaren.bezwaar_decide(
        bezwaar=bezwaar,
        uitkomst="gegrond",
        besloten_op=VANDAAG,
        nieuwe_beschikking=nieuw,
        actor=backoffice_user,
    )
    nieuw.refresh_from_db()
    assert nieuw.herziet == b


def test_the_beschikkingen_list_names_a_running_bezwaar_as_this_app_does():
    """`beschikkingen` filters "in bezwaar" without importing this app (it sits below)."""
    from eenplan.beschikkingen.constants import BEZWAAR_LOPEND
    from eenplan.bezwaren.constants import BezwaarUitkomst

    assert BEZWAAR_LOPEND == BezwaarUitkomst.LOPEND


def test_bezwaar_posted_in_time_and_received_later_is_decided_from_the_end_of_the_term(
    hh, backoffice_user, inwoner_noord, generalist
):
    # Awb 7:10 lid 1: the decision term counts from the day after the bezwaar term ended, also
    # for a bezwaar posted on the last day and received days later (Awb 6:9), not from receipt.
    from eenplan.rules.termijnen import beslissing_op_bezwaar_uiterlijk, bezwaar_uiterlijk

    aanvraag = aanvraag_voor(inwoner_noord, generalist, dagen=70)
    verzonden_op = VANDAAG - dt.timedelta(days=60)
    b = services.beschikking_issue(
        aanvraag=aanvraag,
        actor=backoffice_user,
        besloten_op=verzonden_op,
        motivering="m",
        regels=[zin(hh, begin=verzonden_op, einde=verzonden_op + dt.timedelta(days=365))],
    )
    b = services.beschikking_send(beschikking=b, actor=backoffice_user, op=verzonden_op)
    einde = b.bezwaar_uiterlijk
    assert einde == bezwaar_uiterlijk(verzonden_op, extra=gelijkgestelde_dagen())
    bezwaar = bezwaren.bezwaar_register(
        beschikking=b,
        inwoner=inwoner_noord,
        ontvangen_op=einde + dt.timedelta(days=5),
        ter_post_bezorgd_op=einde,
        gronden="Te weinig uren",
        ingediend_door="Anna Jansen",
        actor=backoffice_user,
    )
    assert bezwaar.tijdigheid == Ontvankelijkheid.TIJDIG
    extra = gelijkgestelde_dagen()
    assert bezwaar.beslissen_uiterlijk == beslissing_op_bezwaar_uiterlijk(
        einde, adviescommissie=False, extra=extra
    )
    assert bezwaren.bezwaar_verdaagd_uiterlijk(bezwaar) == beslissing_op_bezwaar_uiterlijk(
        einde, adviescommissie=False, verdaagd=True, extra=extra
    )
