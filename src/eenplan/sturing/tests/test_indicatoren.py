"""Every indicator of the registry on a small hand-made dataset: the expected number is worked
out in each test. Records are made through the factories (the services); where an indicator is
about dates in the past, the test sets those dates on the records it made."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from eenplan.beschikkingen.models import Aanvraag, Beschikking, BeschikteVoorziening
from eenplan.bezwaren.models import Bezwaar
from eenplan.meldingen.models import Melding
from eenplan.onderzoeken.models import Onderzoek
from eenplan.plannen.models import Voorstel
from eenplan.sturing import registry
from eenplan.sturing.selectors import indicator_get, indicator_tabel
from eenplan.testing.factories import (
    AanvraagFactory,
    BeschikkingFactory,
    BezwaarFactory,
    DoelFactory,
    HuishoudenFactory,
    InwonerFactory,
    MeldingFactory,
    OnderzoekFactory,
    PlanFactory,
    RegisseurFactory,
    VoorstelFactory,
    ZrmScoreFactory,
    leefgebied,
    medewerker_voor,
)

pytestmark = pytest.mark.django_db

VANDAAG = dt.date.today()


def totaal(gemeente, indicator_id, *, van=None, tot=None, **kwargs):
    return indicator_tabel(
        indicator_get(indicator_id),
        gemeente_id=gemeente.pk,
        van=van or VANDAAG - dt.timedelta(days=365),
        tot=tot or VANDAAG,
        **kwargs,
    ).totaal


# sturing's own: indicatoren.py and every indicatoren_<domein>.py beside it; other apps
# (beleid) register their own and test them there.
EIGEN = "eenplan.sturing.indicatoren"


def _eigen() -> list[registry.Indicator]:
    return [
        i
        for i in registry.alle()
        if i.meting.__module__ == EIGEN or i.meting.__module__.startswith(f"{EIGEN}_")
    ]


def test_every_indicator_is_complete_and_has_a_test_here():
    ids = {i.id for i in registry.alle()}
    from pathlib import Path

    bron = "".join(p.read_text(encoding="utf-8") for p in Path(__file__).parent.glob("test_*.py"))
    assert len(_eigen()) >= 25
    for indicator in _eigen():
        assert indicator.naam and indicator.definitie and indicator.bron and indicator.thema
        assert f'"{indicator.id}"' in bron, f"{indicator.id} has no hand-made test"
    assert len(ids) == len(registry.alle())


def test_docs_list_every_indicator():
    from pathlib import Path

    docs = (Path(__file__).resolve().parents[4] / "docs" / "sturing.md").read_text()
    for indicator in _eigen():
        assert f"`{indicator.id}`" in docs, f"{indicator.id} missing from docs/sturing.md"


def test_another_domain_adds_a_dimension_once():
    dimensie = registry.Dimensie("testdimensie_mantelzorg", "Soort mantelzorg")
    try:
        assert registry.registreer_dimensie(dimensie) is dimensie
        assert registry.DIMENSIES["testdimensie_mantelzorg"].naam == "Soort mantelzorg"
        with pytest.raises(ValueError, match="bestaat al"):
            registry.registreer_dimensie(registry.Dimensie("wijk", "Nog een wijk"))
    finally:
        registry.DIMENSIES.pop("testdimensie_mantelzorg", None)
    assert registry.DIMENSIES["wijk"].naam == "Wijk"


def test_registering_an_indicator_twice_or_with_an_unknown_dimension_fails():
    bestaand = registry.get("meldingen")
    assert bestaand is not None
    with pytest.raises(ValueError, match="bestaat al"):
        registry.registreer(bestaand)
    with pytest.raises(ValueError, match="Onbekende dimensie"):
        registry.registreer(
            registry.Indicator(
                id="nieuw",
                naam="n",
                definitie="d",
                bron="b",
                eenheid=registry.Eenheid.AANTAL,
                dimensies=("postcode",),
                meting=bestaand.meting,
                thema="t",
            )
        )


def test_a_filter_the_indicator_does_not_have_is_refused(gemeente):
    with pytest.raises(ValidationError) as e:
        totaal(gemeente, "plannen", filters={"kanaal": "web"})
    assert "kanaal" in e.value.message_dict


# --- lead times -------------------------------------------------------------------------------


def test_lead_time_melding_to_onderzoek_and_share_within_the_term(gemeente, wijk):
    # Seven onderzoeken finished today, 5, 10, 15, 20, 25, 50 and 60 days after the melding;
    # the term is six weeks (42 days) after the melding.
    for dagen in (5, 10, 15, 20, 25, 50, 60):
        melding = MeldingFactory(inwoner=InwonerFactory(gemeente=gemeente, wijk=wijk))
        ontvangen = VANDAAG - dt.timedelta(days=dagen)
        Melding.objects.filter(pk=melding.pk).update(
            ontvangen_op=ontvangen,
            onderzoek_uiterlijk=ontvangen + dt.timedelta(days=42),
            onderzoek_afgerond_op=VANDAAG,
        )
    # (5+10+15+20+25+50+60) / 7 = 185 / 7 = 26.43 days.
    assert totaal(gemeente, "doorlooptijd_melding_onderzoek").waarde == Decimal("26.4")
    # 5 of 7 within 42 days: 71.43%.
    assert totaal(gemeente, "onderzoek_binnen_termijn").waarde == Decimal("71.4")
    # Outside the period: nothing.
    leeg = totaal(
        gemeente,
        "doorlooptijd_melding_onderzoek",
        van=VANDAAG - dt.timedelta(days=90),
        tot=VANDAAG - dt.timedelta(days=1),
    )
    assert leeg.eenheden == 0 and leeg.waarde is None


def test_lead_time_aanvraag_to_beschikking_and_share_within_the_term(gemeente, wijk):
    # Six first decisions today on aanvragen of 2, 4, 6, 8, 10 and 30 days ago; the decision is
    # due 14 days after the aanvraag.
    for dagen in (2, 4, 6, 8, 10, 30):
        inwoner = InwonerFactory(gemeente=gemeente, wijk=wijk)
        ontvangen = VANDAAG - dt.timedelta(days=dagen)
        aanvraag = AanvraagFactory(inwoner=inwoner, ontvangen_op=ontvangen)
        Aanvraag.objects.filter(pk=aanvraag.pk).update(
            beslissen_uiterlijk=ontvangen + dt.timedelta(days=14)
        )
        aanvraag.refresh_from_db()
        BeschikkingFactory(aanvraag=aanvraag)
    # (2+4+6+8+10+30) / 6 = 10 days.
    assert totaal(gemeente, "doorlooptijd_aanvraag_beschikking").waarde == Decimal("10.0")
    # 5 of 6 within the term: 83.33%.
    assert totaal(gemeente, "beschikking_binnen_termijn").waarde == Decimal("83.3")
    per_wet = indicator_tabel(
        indicator_get("beschikking_binnen_termijn"),
        gemeente_id=gemeente.pk,
        van=VANDAAG - dt.timedelta(days=30),
        tot=VANDAAG,
        per="wet",
    )
    assert [(r.sleutel, r.waarde) for r in per_wet.rijen] == [("wmo", Decimal("83.3"))]


# --- plans ----------------------------------------------------------------------------------------


def test_plans_goal_types_and_professional_regisseur(gemeente, wijk):
    # Six households, each with a signed plan (one 'stabiliseren' goal for its adult); five of
    # them get a second goal 'versterken'; five get a professional regisseur, one the resident.
    for n in range(6):
        inwoner = InwonerFactory(gemeente=gemeente, wijk=wijk)
        plan = PlanFactory(
            huishouden=HuishoudenFactory(gemeente=gemeente, leden=[inwoner]), ondertekend=True
        )
        if n < 5:
            DoelFactory(plan=plan, doeltype="versterken", leefgebied=leefgebied("financien"))
            RegisseurFactory(
                plan=plan,
                soort="professional",
                inwoner=None,
                medewerker=medewerker_voor(inwoner),
                op_verzoek_van_inwoner=True,
            )
        else:
            RegisseurFactory(plan=plan)
    assert totaal(gemeente, "plannen").waarde == 6
    # 6 + 5 = 11 goals of 6 residents; by type 6 stabiliseren and 5 versterken.
    assert totaal(gemeente, "doelen_per_soort").waarde == 11
    per_soort = indicator_tabel(
        indicator_get("doelen_per_soort"),
        gemeente_id=gemeente.pk,
        van=VANDAAG,
        tot=VANDAAG,
        per="doeltype",
    )
    assert {r.sleutel: r.waarde for r in per_soort.rijen} == {"stabiliseren": 6, "versterken": 5}
    # 5 of 11 goals: 45.45%.
    assert totaal(gemeente, "doelen_versterken").waarde == Decimal("45.5")
    # 5 of 6 households: 83.33%.
    assert totaal(gemeente, "regie_professional").waarde == Decimal("83.3")


# --- life domains -------------------------------------------------------------------------------


def test_problem_life_domains_per_client(gemeente, wijk):
    eerder = VANDAAG - dt.timedelta(days=60)
    scores = [
        [("financien", 1, VANDAAG), ("huisvesting", 2, VANDAAG)],  # 2 problems
        [("financien", 2, eerder), ("financien", 4, VANDAAG)],  # improved: 0
        [("financien", 1, VANDAAG)],  # 1
        [("huisvesting", 3, VANDAAG)],  # 0
        [("financien", 2, VANDAAG), ("huisvesting", 1, VANDAAG), ("adl", 2, VANDAAG)],  # 3
    ]
    for rij in scores:
        inwoner = InwonerFactory(gemeente=gemeente, wijk=wijk)
        for code, score, datum in rij:
            ZrmScoreFactory(inwoner=inwoner, leefgebied=leefgebied(code), score=score, datum=datum)
    # (2 + 0 + 1 + 0 + 3) / 5 residents = 1.2
    assert totaal(gemeente, "leefgebieden_met_problemen").waarde == Decimal("1.2")
    # On a peildatum before the latest scores, resident 2 still had the 2: (1) / 1 -> too few.
    vroeg = totaal(gemeente, "leefgebieden_met_problemen", tot=eerder)
    assert vroeg.eenheden == 1 and vroeg.onderdrukt


def test_zrm_change_between_first_and_latest_score(gemeente, wijk):
    eerder = VANDAAG - dt.timedelta(days=90)
    midden = VANDAAG - dt.timedelta(days=30)
    # Five residents, financien: 2->4 (+2), 3->4 (+1), 3->3 (0), 4->3 (-1), 1->2->4 (+3; the
    # middle score does not count). One resident with one score only does not count.
    for reeks in ([2, 4], [3, 4], [3, 3], [4, 3], [1, 2, 4]):
        inwoner = InwonerFactory(gemeente=gemeente, wijk=wijk)
        datums = [eerder, VANDAAG] if len(reeks) == 2 else [eerder, midden, VANDAAG]
        for score, datum in zip(reeks, datums, strict=True):
            ZrmScoreFactory(
                inwoner=inwoner, leefgebied=leefgebied("financien"), score=score, datum=datum
            )
    ZrmScoreFactory(inwoner=InwonerFactory(gemeente=gemeente, wijk=wijk), score=1)
    # (2 + 1 + 0 - 1 + 3) / 5 = 1.0
    cel = totaal(gemeente, "zrm_verandering")
    assert (cel.eenheden, cel.waarde) == (5, Decimal("1.0"))


# --- provisions -------------------------------------------------------------------------------


def test_clients_and_provisions_per_type_and_law(gemeente, voorzieningen_wereld):
    # 6 adults + 10 youths with a running maatwerk provision.
    assert totaal(gemeente, "clienten_maatwerk").waarde == 16
    per_wet = indicator_tabel(
        indicator_get("clienten_maatwerk"),
        gemeente_id=gemeente.pk,
        van=VANDAAG,
        tot=VANDAAG,
        per="wet",
    )
    assert {r.sleutel: r.waarde for r in per_wet.rijen} == {"wmo": 6, "jeugd": 10}
    # 6 hulp + 5 begeleiding + 10 youth provisions.
    assert totaal(gemeente, "maatwerkvoorzieningen").waarde == 21
    per_categorie = indicator_tabel(
        indicator_get("maatwerkvoorzieningen"),
        gemeente_id=gemeente.pk,
        van=VANDAAG,
        tot=VANDAAG,
        per="productcategorie",
        filters={"wet": "wmo"},
    )
    assert {r.sleutel: r.waarde for r in per_categorie.rijen} == {"01": 6, "02": 5}
    per_aanbieder = indicator_tabel(
        indicator_get("clienten_maatwerk"),
        gemeente_id=gemeente.pk,
        van=VANDAAG,
        tot=VANDAAG,
        per="aanbieder",
        filters={"wet": "wmo"},
    )
    # By the provider's name; the hulp of the six is in kind from Thuiszorg West (the pgb
    # of five has no provider).
    assert "Thuiszorg West" in {r.sleutel for r in per_aanbieder.rijen}
    # A provision that ended yesterday no longer counts.
    BeschikteVoorziening.objects.filter(voorziening__productcategorie="02").update(
        einde=VANDAAG - dt.timedelta(days=1)
    )
    assert totaal(gemeente, "maatwerkvoorzieningen").waarde == 16


def test_pgb_share(gemeente, voorzieningen_wereld):
    # 5 of the 16 clients have a pgb: 31.25%.
    assert totaal(gemeente, "pgb_aandeel").waarde == Decimal("31.3")
    # Of the 6 Wmo clients: 5, 83.33%.
    assert totaal(gemeente, "pgb_aandeel", filters={"wet": "wmo"}).waarde == Decimal("83.3")


def test_stapeling_per_household(gemeente, voorzieningen_wereld):
    # Households of the six adults (the youths have none here): 5 of 6 with two provisions.
    assert totaal(gemeente, "stapeling").waarde == Decimal("83.3")


def test_bbv_youth_care_and_youth_protection(gemeente, voorzieningen_wereld):
    # 15 residents under 18: 5 with jeugdhulp (not counting protection), 5 with protection.
    jeugdhulp = totaal(gemeente, "bbv_29_jeugdhulp")
    assert (jeugdhulp.eenheden, jeugdhulp.teller, jeugdhulp.waarde) == (15, 5, Decimal("33.3"))
    assert totaal(gemeente, "bbv_30_jeugdbescherming").waarde == Decimal("33.3")


def test_bbv_wmo_maatwerk_per_10000(gemeente, voorzieningen_wereld):
    # 6 Wmo clients among 21 residents: 6 * 10000 / 21 = 2857.14.
    assert totaal(gemeente, "bbv_32_wmo_maatwerk").waarde == Decimal("2857.1")


def test_kanteling_share_of_general_provisions_in_plans(gemeente, wijk):
    # Seven proposals in plans: five algemene voorziening (step 4), two individual maatwerk
    # (step 6; set on the record, the ladder's weighing is not what is tested here); a
    # proposal for the network (step 2) does not count.
    for stap in (4, 4, 4, 4, 4, 6, 6, 2):
        inwoner = InwonerFactory(gemeente=gemeente, wijk=wijk)
        plan = PlanFactory(huishouden=HuishoudenFactory(gemeente=gemeente, leden=[inwoner]))
        voorstel = VoorstelFactory(plan=plan, inwoner=inwoner, ladderstap=4)
        Voorstel.objects.filter(pk=voorstel.pk).update(ladderstap=stap)
    # 5 of 7: 71.43%.
    assert totaal(gemeente, "kanteling").waarde == Decimal("71.4")


# --- onderzoek, bezwaar ---------------------------------------------------------------------------


def test_mantelzorg_discussed_in_the_onderzoek(gemeente, wijk):
    # Eight onderzoeken with a final verslag today: six residents have a mantelzorger (in five
    # it was discussed), two have none (left empty). M1 is about the mantelzorger, so the two
    # without one are not in the denominator: 5 of 6, not 5 of 8 (62.5%).
    for besproken in (True, True, True, True, True, False, None, None):
        onderzoek = OnderzoekFactory(
            melding=MeldingFactory(
                inwoner=InwonerFactory(gemeente=gemeente, wijk=wijk), toegewezen=True
            )
        )
        Onderzoek.objects.filter(pk=onderzoek.pk).update(
            verslag_definitief_op=dt.datetime.now(dt.UTC), mantelzorger_besproken=besproken
        )
    assert totaal(gemeente, "mantelzorg_besproken").waarde == Decimal("83.3")


def test_bezwaren_and_their_outcomes(gemeente, wijk):
    # Six bezwaren of six residents received today; five decided gegrond or deels gegrond
    # today, one ongegrond.
    for uitkomst in (
        "gegrond",
        "gegrond",
        "deels_gegrond",
        "gegrond",
        "deels_gegrond",
        "ongegrond",
    ):
        bezwaar = BezwaarFactory(
            beschikking=BeschikkingFactory(
                aanvraag=AanvraagFactory(inwoner=InwonerFactory(gemeente=gemeente, wijk=wijk)),
                verzonden=True,
            )
        )
        Bezwaar.objects.filter(pk=bezwaar.pk).update(uitkomst=uitkomst, besloten_op=VANDAAG)
    assert totaal(gemeente, "bezwaren").waarde == 6
    per_uitkomst = indicator_tabel(
        indicator_get("bezwaren"),
        gemeente_id=gemeente.pk,
        van=VANDAAG,
        tot=VANDAAG,
        per="uitkomst",
    )
    # 3 gegrond, 2 deels gegrond, 1 ongegrond: every row is under 5 people, all hidden.
    assert {r.sleutel for r in per_uitkomst.rijen} == {"gegrond", "deels_gegrond", "ongegrond"}
    assert all(r.onderdrukt for r in per_uitkomst.rijen)
    # 5 of 6 (deels) gegrond: 83.33%.
    assert totaal(gemeente, "bezwaren_gegrond").waarde == Decimal("83.3")
    assert Beschikking.objects.count() == 6


# --- costs ---------------------------------------------------------------------------------------


def test_costs_claimed_and_approved_per_law(gemeente, wijk):
    from eenplan.aanbieders.models import Aanbieder
    from eenplan.berichten.models import Prestatie
    from eenplan.testing.berichten import bericht

    aanbieder = Aanbieder.objects.create(naam="Thuiszorg West", agb_code="98000001")
    # Six residents, each one claim line this month: 100.00, 200.00, ... 600.00 euro; the
    # 600.00 line is credited back with 50.00 (a credit line); lines 1-5 approved.
    for n in range(1, 7):
        inwoner = InwonerFactory(gemeente=gemeente, wijk=wijk)
        b = bericht(gemeente, aanbieder, inwoner)
        regel = {
            "bericht": b,
            "inwoner": inwoner,
            "bsn": inwoner.bsn,
            "referentie": f"P{n}",
            "toewijzing_nummer": n,
            "productcategorie": "01",
            "productcode": "01A01",
            "begindatum": VANDAAG.replace(day=1),
            "einddatum": VANDAAG,
            "volume": n,
            "eenheid": "04",
            "tarief": 10000,
        }
        Prestatie.objects.create(**regel, bedrag=n * 10000, goedgekeurd=n < 6)
        if n == 6:
            Prestatie.objects.create(**{**regel, "referentie": "C6"}, bedrag=5000, debet_credit="C")
    van = VANDAAG.replace(day=1)
    # 100 + 200 + 300 + 400 + 500 + 600 - 50 = 2050.00
    assert totaal(gemeente, "kosten_gedeclareerd", van=van).waarde == Decimal("2050.00")
    # Approved: 100 + ... + 500 = 1500.00
    assert totaal(gemeente, "kosten_goedgekeurd", van=van).waarde == Decimal("1500.00")
    per_wet = indicator_tabel(
        indicator_get("kosten_gedeclareerd"),
        gemeente_id=gemeente.pk,
        van=van,
        tot=VANDAAG,
        per="wet",
    )
    assert [(r.sleutel, r.label, r.waarde) for r in per_wet.rijen] == [
        ("wmo", "Wmo 2015", Decimal("2050.00"))
    ]


def test_costs_assigned_per_law_and_wijk_from_the_toewijzingen(gemeente, wijk):
    """Six residents of Noord, each assigned three hours a week of hulp bij het huishouden in
    July 2026 at the contract tariff of 31.25 an hour; a seventh is assigned a product the
    contract prices per hour in stuks (it cannot be priced and adds nothing)."""
    from eenplan.berichten.models import Toewijzing
    from eenplan.testing.factories import (
        AanbiederFactory,
        ContractFactory,
        ContractProductFactory,
        VoorzieningFactory,
    )

    aanbieder = AanbiederFactory(naam="Thuiszorg Noord")
    contract = ContractFactory(gemeente=gemeente, aanbieder=aanbieder, begin=dt.date(2024, 1, 1))
    product = ContractProductFactory(
        contract=contract,
        voorziening=VoorzieningFactory(
            gemeente=gemeente, productcategorie="02", productcode="02A01"
        ),
        tarief=Decimal("31.25"),
        eenheid="04",
    )
    for n in range(1, 8):
        Toewijzing.objects.create(
            gemeente=gemeente,
            inwoner=InwonerFactory(gemeente=gemeente, wijk=wijk),
            aanbieder=aanbieder,
            wet="wmo",
            nummer=n,
            productcategorie=product.productcategorie,
            productcode=product.productcode,
            toewijzingsdatum=dt.datetime(2026, 6, 20, tzinfo=dt.UTC),
            ingangsdatum=dt.date(2026, 7, 1),
            einddatum=dt.date(2026, 12, 31),
            volume=3,
            eenheid="82" if n == 7 else "04",
            frequentie="2",
        )
    juli = {"van": dt.date(2026, 7, 1), "tot": dt.date(2026, 7, 31)}
    # July 2026 touches ISO weeks 27-31: 5 weeks × 3 hours × 31.25 = 468.75 per resident;
    # six residents: 2812.50.
    assert totaal(gemeente, "kosten_toegewezen", **juli).waarde == Decimal("2812.50")
    # The second half of the year: weeks 27-53 of 2026 = 27 weeks × 93.75 × 6 = 15,187.50.
    rest = {"van": dt.date(2026, 7, 1), "tot": dt.date(2026, 12, 31)}
    assert totaal(gemeente, "kosten_toegewezen", **rest).waarde == Decimal("15187.50")
    per_wijk = indicator_tabel(
        indicator_get("kosten_toegewezen"), gemeente_id=gemeente.pk, per="wijk", **juli
    )
    assert [(r.sleutel, r.label, r.waarde) for r in per_wijk.rijen] == [
        ("WK900101", "Noord", Decimal("2812.50"))
    ]
    per_wet = indicator_tabel(
        indicator_get("kosten_toegewezen"), gemeente_id=gemeente.pk, per="wet", **juli
    )
    assert [(r.sleutel, r.waarde) for r in per_wet.rijen] == [("wmo", Decimal("2812.50"))]
    # Nothing runs in June.
    juni = {"van": dt.date(2026, 6, 1), "tot": dt.date(2026, 6, 30)}
    assert totaal(gemeente, "kosten_toegewezen", **juni).waarde in (None, Decimal("0.00"))
