"""Issue 14: the aanvraag levensonderhoud (zoektermijn, norm, decision term, voorschot, the
decision as a beschikking and the bezwaar against it) and the route by earning capacity, through
the services as a Werkplein consultant uses them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from eenplan.beschikkingen import services as beschikkingen
from eenplan.beschikkingen.constants import AanvraagStatus, Uitkomst
from eenplan.bezwaren import services as bezwaren
from eenplan.common.concurrency import Conflict
from eenplan.events.models import Gebeurtenis
from eenplan.gemeente.constants import Rol
from eenplan.gemeente.models import Instelling
from eenplan.inwoners.constants import Relatie
from eenplan.participatie import selectors, services
from eenplan.participatie.constants import Methode, Route, TrajectFase, TrajectResultaat
from eenplan.participatie.models import LevensonderhoudAanvraag, Traject
from eenplan.testing.factories import HuishoudenFactory, InwonerFactory, MedewerkerFactory
from eenplan.testing.participatie import werkplein_voor

pytestmark = pytest.mark.django_db


def _jaren_geleden(jaren: int, dagen: int = 0) -> dt.date:
    v = timezone.localdate()
    try:
        d = v.replace(year=v.year - jaren)
    except ValueError:  # 29 February
        d = v.replace(year=v.year - jaren, day=28)
    return d - dt.timedelta(days=dagen)


@pytest.fixture
def huishouden(gemeente, wijken):
    ouder = InwonerFactory(
        gemeente=gemeente, wijk=wijken["Noord"], geboortedatum=dt.date(1985, 4, 1)
    )
    partner = InwonerFactory(
        gemeente=gemeente, wijk=wijken["Noord"], geboortedatum=dt.date(1987, 9, 9)
    )
    kind = InwonerFactory(gemeente=gemeente, wijk=wijken["Noord"], kind=True)
    return HuishoudenFactory(
        gemeente=gemeente,
        leden=[
            (ouder, Relatie.REFERENTIE, dt.date(2015, 1, 1)),
            (partner, Relatie.PARTNER, dt.date(2015, 1, 1)),
            (kind, Relatie.KIND, None),
        ],
    )


@pytest.fixture
def werkplein(huishouden):
    return werkplein_voor(huishouden.leden.first().inwoner)


def _aanvragen(werkplein, huishouden, inwoner=None, **extra):
    vandaag = timezone.localdate()
    velden = {
        "gemeld_op": vandaag - dt.timedelta(days=10),
        "ontvangen_op": vandaag - dt.timedelta(days=3),
    }
    velden.update(extra)
    return services.levensonderhoud_aanvragen(
        actor=werkplein.user,
        huishouden=huishouden,
        inwoner=inwoner or huishouden.leden.first().inwoner,
        **velden,
    )


def test_application_is_a_case_of_the_household_with_term_and_norm(werkplein, huishouden):
    lo = _aanvragen(werkplein, huishouden)
    ouder = huishouden.leden.first().inwoner
    assert lo.aanvraag.wet == "participatie" and lo.aanvraag.status == AanvraagStatus.ONTVANGEN
    # Awb 4:13: eight weeks (with the Algemene termijnenwet)
    assert (lo.aanvraag.beslissen_uiterlijk - lo.ontvangen_op).days >= 56
    assert lo.partner is not None and lo.partner != ouder and lo.kinderen
    assert lo.normcategorie == "gehuwden_21" and lo.normartikel.endswith("art. 21 onder b")
    assert lo.norm_bedrag > 0 and lo.norm_bron
    assert not lo.zoektermijn_van_toepassing
    soorten = set(Gebeurtenis.objects.filter(inwoner=ouder).values_list("soort", flat=True))
    assert {"aanvraag.ontvangen", "participatie.levensonderhoud_aangevraagd"} <= soorten


def test_application_for_someone_outside_the_household_is_refused(
    werkplein, huishouden, gemeente, wijken
):
    buur = InwonerFactory(gemeente=gemeente, wijk=wijken["Noord"])
    with pytest.raises(ValidationError, match="hoort op de aanvraagdatum niet bij dit huishouden"):
        _aanvragen(werkplein, huishouden, inwoner=buur)
    assert not LevensonderhoudAanvraag.objects.exists()


def test_under_27_must_wait_four_weeks_and_the_day_of_27_counts(gemeente, wijken):
    vandaag = timezone.localdate()
    gemeld = vandaag - dt.timedelta(days=10)
    jong = InwonerFactory(
        gemeente=gemeente, wijk=wijken["Noord"], geboortedatum=_jaren_geleden(27, -20)
    )
    hh = HuishoudenFactory(gemeente=gemeente, leden=[jong])
    wp = werkplein_voor(jong)
    with pytest.raises(ValidationError, match="art. 41 lid 4"):
        _aanvragen(wp, hh, gemeld_op=gemeld, ontvangen_op=vandaag)
    assert not LevensonderhoudAanvraag.objects.exists()
    # turns 27 on the day of the melding: no longer "jonger dan 27"
    precies = InwonerFactory(
        gemeente=gemeente, wijk=wijken["Noord"], geboortedatum=_jaren_geleden(27, 10)
    )
    hh2 = HuishoudenFactory(gemeente=gemeente, leden=[precies])
    lo = _aanvragen(wp, hh2, gemeld_op=gemeld, ontvangen_op=vandaag)
    assert not lo.zoektermijn_van_toepassing


def test_waiving_the_zoektermijn_needs_a_reason(gemeente, wijken):
    vandaag = timezone.localdate()
    jong = InwonerFactory(gemeente=gemeente, wijk=wijken["Noord"], geboortedatum=_jaren_geleden(20))
    hh = HuishoudenFactory(gemeente=gemeente, leden=[jong])
    wp = werkplein_voor(jong)
    kwargs = {"gemeld_op": vandaag - dt.timedelta(days=2), "ontvangen_op": vandaag}
    with pytest.raises(ValidationError, match="waarom"):
        _aanvragen(wp, hh, afzien_zoektermijn=True, **kwargs)
    if kwargs["gemeld_op"] >= dt.date(2026, 1, 1):
        lo = _aanvragen(
            wp, hh, afzien_zoektermijn=True, afzien_reden="Dakloos, kwetsbaar", **kwargs
        )
        assert lo.zoektermijn_afgezien and lo.normcategorie == "alleenstaande_18_20"


def test_roles_without_the_right_are_refused(huishouden, generalist):
    with pytest.raises(PermissionDenied):
        services.levensonderhoud_aanvragen(
            actor=generalist.user,
            huishouden=huishouden,
            inwoner=huishouden.leden.first().inwoner,
            gemeld_op=timezone.localdate(),
            ontvangen_op=timezone.localdate(),
        )
    assert not LevensonderhoudAanvraag.objects.exists()


def test_voorschot_due_after_four_weeks_and_refused_on_a_ground(werkplein, huishouden):
    vandaag = timezone.localdate()
    lo = _aanvragen(
        werkplein,
        huishouden,
        gemeld_op=vandaag - dt.timedelta(days=40),
        ontvangen_op=vandaag - dt.timedelta(days=30),
    )
    stand = selectors.voorschot_stand(lo, vandaag)
    assert stand["verschuldigd"] == [lo.ontvangen_op + dt.timedelta(days=28)]
    assert stand["open"] == stand["verschuldigd"]
    services.voorschot_verlenen(
        actor=werkplein.user,
        lo=lo,
        verleend_op=vandaag - dt.timedelta(days=1),
        bedrag=Decimal("1500.00"),
    )
    assert selectors.voorschot_stand(lo, vandaag)["open"] == []
    with pytest.raises(Conflict):
        services.voorschot_verlenen(
            actor=werkplein.user,
            lo=lo,
            verleend_op=vandaag - dt.timedelta(days=1),
            bedrag=Decimal("1.00"),
        )
    services.voorschot_uitsluiten(
        actor=werkplein.user,
        lo=lo,
        grond="gegevens_of_medewerking",
        toelichting="Bankafschriften ontbreken na herinnering.",
    )
    assert selectors.voorschot_stand(lo, vandaag)["verschuldigd"] == []
    with pytest.raises(ValidationError, match="art. 52"):
        services.voorschot_verlenen(
            actor=werkplein.user, lo=lo, verleend_op=vandaag, bedrag=Decimal("10.00")
        )


def test_decision_is_a_beschikking_with_letter_and_bezwaar(werkplein, huishouden, backoffice):
    vandaag = timezone.localdate()
    lo = _aanvragen(werkplein, huishouden)
    beschikking = services.levensonderhoud_beslissen(
        actor=werkplein.user,
        lo=lo,
        besloten_op=vandaag,
        toekennen=True,
        ingangsdatum=lo.gemeld_op,
        motivering="Geen middelen; recht op algemene bijstand.",
    )
    regel = beschikking.voorzieningen.get()
    assert regel.uitkomst == Uitkomst.TOEGEKEND and regel.omvang == lo.norm_bedrag
    assert regel.begin == lo.gemeld_op and regel.heronderzoek_op is not None
    lo.aanvraag.refresh_from_db()
    assert lo.aanvraag.status == AanvraagStatus.BESLOTEN
    beschikking = beschikkingen.beschikking_send(
        beschikking=beschikking, actor=werkplein.user, op=vandaag
    )
    assert "artikel 11, eerste lid, van de Participatiewet" in beschikking.brief
    bezwaar = bezwaren.bezwaar_register(
        beschikking=beschikking,
        inwoner=lo.inwoner,
        actor=backoffice.user,
        ontvangen_op=vandaag,
        gronden="De norm is te laag.",
        ingediend_door=lo.inwoner.naam,
    )
    assert bezwaar.beschikking == beschikking
    with pytest.raises(Conflict):
        services.voorschot_verlenen(
            actor=werkplein.user, lo=lo, verleend_op=vandaag, bedrag=Decimal("10")
        )


def test_refusal_needs_no_start_date(werkplein, huishouden):
    lo = _aanvragen(werkplein, huishouden)
    b = services.levensonderhoud_beslissen(
        actor=werkplein.user,
        lo=lo,
        besloten_op=timezone.localdate(),
        toekennen=False,
        ingangsdatum=None,
        motivering="Vermogen boven de grens.",
    )
    assert b.voorzieningen.get().uitkomst == Uitkomst.AFGEWEZEN


# --- route by earning capacity ----------------------------------------------------------------


def _meten(werkplein, inwoner, pct, dagen=20):
    return services.verdiencapaciteit_vastleggen(
        actor=werkplein.user,
        inwoner=inwoner,
        vastgesteld_op=timezone.localdate() - dt.timedelta(days=dagen),
        percentage=Decimal(pct),
        methode=Methode.LOONWAARDEMETING,
    )


def test_route_follows_the_municipal_thresholds_in_force(werkplein, huishouden, gemeente):
    inwoner = huishouden.leden.first().inwoner
    assert _meten(werkplein, inwoner, "100").route == Route.DIRECT
    assert _meten(werkplein, inwoner, "40").route == Route.WERKSPOOR
    assert _meten(werkplein, inwoner, "39.9").route == Route.PARTICIPATIESPOOR
    Instelling.objects.create(
        gemeente=gemeente,
        onderwerp="participatie",
        versie=1,
        geldig_vanaf=timezone.localdate() - dt.timedelta(days=30),
        waarde={"direct": "90", "werkspoor": "30"},
        bron="Beleidsregel Werkspoor 2026, art. 3",
        gewijzigd_door=werkplein.user,
    )
    vc = _meten(werkplein, inwoner, "35")
    assert vc.route == Route.WERKSPOOR and vc.drempels_bron.startswith("Beleidsregel")
    # a measurement from before the setting uses the thresholds of its own day
    assert _meten(werkplein, inwoner, "35", dagen=40).route == Route.PARTICIPATIESPOOR


def test_werkspoor_runs_diagnose_ontwikkeling_matching_and_failure_goes_back(werkplein, huishouden):
    inwoner = huishouden.leden.first().inwoner
    vc = _meten(werkplein, inwoner, "60")
    start = vc.vastgesteld_op
    traject = services.traject_starten(
        actor=werkplein.user, verdiencapaciteit=vc, begonnen_op=start
    )
    assert traject.fase == TrajectFase.DIAGNOSE
    with pytest.raises(Conflict):
        services.traject_starten(actor=werkplein.user, verdiencapaciteit=vc, begonnen_op=start)
    traject = services.traject_stap_afronden(
        actor=werkplein.user,
        traject=traject,
        op=start + dt.timedelta(days=5),
        uitkomst="Motivatie goed, taal B1.",
    )
    assert traject.fase == TrajectFase.ONTWIKKELING
    traject = services.traject_stap_afronden(
        actor=werkplein.user,
        traject=traject,
        op=start + dt.timedelta(days=10),
        uitkomst="Werknemersvaardigheden opgebouwd.",
    )
    assert traject.fase == TrajectFase.MATCHING
    with pytest.raises(ValidationError, match="resultaat"):
        services.traject_stap_afronden(
            actor=werkplein.user,
            traject=traject,
            op=start + dt.timedelta(days=12),
            uitkomst="Geen passende vacature.",
        )
    traject = services.traject_stap_afronden(
        actor=werkplein.user,
        traject=traject,
        op=start + dt.timedelta(days=15),
        uitkomst="Uitstroom naar werk niet realiseerbaar.",
        resultaat=TrajectResultaat.NIET_HAALBAAR,
    )
    assert traject.beeindigd_op and traject.terug_naar_regisseur
    assert [s.fase for s in traject.stappen.all()] == [
        TrajectFase.DIAGNOSE,
        TrajectFase.ONTWIKKELING,
        TrajectFase.MATCHING,
    ]
    assert Gebeurtenis.objects.filter(soort="participatie.traject_terug_naar_regisseur").exists()
    # now a new trajectory may start
    services.traject_starten(
        actor=werkplein.user,
        verdiencapaciteit=_meten(werkplein, inwoner, "20", 1),
        begonnen_op=timezone.localdate(),
    )
    assert Traject.objects.filter(inwoner=inwoner, beeindigd_op__isnull=True).count() == 1


def test_participatiespoor_has_periodic_reviews(werkplein, huishouden):
    inwoner = huishouden.leden.first().inwoner
    vc = _meten(werkplein, inwoner, "20")
    traject = services.traject_starten(
        actor=werkplein.user, verdiencapaciteit=vc, begonnen_op=vc.vastgesteld_op
    )
    assert traject.volgende_review_op == vc.vastgesteld_op + dt.timedelta(days=182)
    traject = services.traject_stap_afronden(
        actor=werkplein.user,
        traject=traject,
        op=timezone.localdate(),
        uitkomst="Vrijwilligerswerk bij de speeltuin gaat goed.",
    )
    assert traject.volgende_review_op == timezone.localdate() + dt.timedelta(days=182)
    traject = services.traject_stap_afronden(
        actor=werkplein.user,
        traject=traject,
        op=timezone.localdate(),
        uitkomst="Klaar voor het Werkspoor.",
        resultaat=TrajectResultaat.NAAR_WERKSPOOR,
    )
    assert traject.beeindigd_op and not traject.terug_naar_regisseur


def test_a_generalist_reads_but_does_not_record(huishouden, gemeente):
    inwoner = huishouden.leden.first().inwoner
    generalist = MedewerkerFactory(
        gemeente=gemeente,
        functie=Rol.GENERALIST,
        teams=[werkplein_voor(inwoner).teams.first()],
    )
    with pytest.raises(PermissionDenied):
        _meten(generalist, inwoner, "50")
