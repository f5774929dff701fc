"""The Selectielijst 2017 as dated data: records whose date falls in 2017-2019 are kept and
destroyed under it (vastgesteld 23-06-2017, Stcrt. 2017, 38013), records from 1 January 2020
under the Selectielijst 2020, records before 2017 under neither list eenplan holds (never due).
The boundary 31-12-2019 / 01-01-2020, and every day and kind (hypothesis)."""

import datetime as dt
import importlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eenplan.avg import bewaren
from eenplan.avg.models import Bewaartermijn
from eenplan.beschikkingen.models import BeschikteVoorziening
from eenplan.bezwaren.models import Klacht
from eenplan.gemeente.constants import Rol
from eenplan.testing import scenarios
from eenplan.testing.factories import (
    AanvraagFactory,
    BeschikkingFactory,
    InwonerFactory,
    KlachtFactory,
    MedewerkerFactory,
    VoorzieningFactory,
)

LIJST_2017 = importlib.import_module("eenplan.avg.migrations.0008_selectielijst_2017")
LIJST_2020 = importlib.import_module("eenplan.avg.migrations.0002_bewaartermijnen")
SOORTEN = sorted({r[0] for r in LIJST_2020.REGELS})


def _rijen(module) -> dict[str, Bewaartermijn]:
    """The rows a migration loads, unsaved (the rule `regel_voor` is pure over them)."""
    return {
        soort: Bewaartermijn(
            soort=soort,
            categorie=cat,
            omschrijving=omschrijving,
            waardering=waardering,
            jaren=jaren,
            maanden=maanden,
            dagen=dagen,
            ingang=ingang,
            bron=module.BRON.format(cat=cat),
            geldig_van=module.GELDIG_VAN,
        )
        for soort, cat, omschrijving, waardering, jaren, maanden, dagen, ingang in module.REGELS
    }


RIJEN_2017, RIJEN_2020 = _rijen(LIJST_2017), _rijen(LIJST_2020)


@given(
    soort=st.sampled_from(SOORTEN),
    dag=st.dates(min_value=dt.date(2010, 1, 1), max_value=dt.date(2060, 12, 31)),
)
def test_every_record_falls_under_the_list_of_its_own_date(soort, dag):
    regels = [RIJEN_2017[soort], RIJEN_2020[soort]]
    regel = bewaren.regel_voor(regels, dag)
    if dag < dt.date(2017, 1, 1):
        assert regel is None  # the Selectielijst 2012 applies, which eenplan does not hold
    elif dag <= dt.date(2019, 12, 31):
        assert regel is RIJEN_2017[soort]
        assert "Stcrt. 2017, 38013" in regel.bron
    else:
        assert regel is RIJEN_2020[soort]
        assert "Stcrt. 2020, 11143" in regel.bron


def test_every_kind_of_the_2020_list_has_its_2017_row_with_a_source():
    assert set(RIJEN_2017) == set(RIJEN_2020)
    for regel in RIJEN_2017.values():
        assert "23-06-2017" in regel.bron and regel.categorie in regel.bron


@pytest.fixture
def s():
    return scenarios.gemeente()


@pytest.mark.django_db
def test_the_loaded_2017_rows_answer_for_2017_to_2019(s):
    klacht = bewaren.bewaartermijn_op("klacht", dt.date(2019, 12, 31))
    assert (klacht.geldig_van, klacht.categorie, klacht.termijn_iso) == (
        dt.date(2017, 1, 1),
        "13.1",
        "P5Y",
    )
    # youth care: fifteen years under the 2017 list, twenty under the 2020 list
    assert bewaren.bewaartermijn_op("beschikking_jeugd", dt.date(2019, 12, 31)).jaren == 15
    assert bewaren.bewaartermijn_op("beschikking_jeugd", dt.date(2020, 1, 1)).jaren == 20
    assert bewaren.bewaartermijn_op("aanvraag_afgebroken", dt.date(2018, 5, 1)).categorie == "8.4"
    assert bewaren.bewaartermijn_op("klacht", dt.date(2016, 12, 31)) is None


def _klacht(inwoner, op):
    klacht = KlachtFactory(inwoner=inwoner, afgehandeld=True)
    Klacht.objects.filter(pk=klacht.pk).update(afgehandeld_op=op, ontvangen_op=op)
    return klacht


def _jeugdbeschikking(s, einde: dt.date):
    inwoner = InwonerFactory(gemeente=s.gemeente, wijk=s.wijken["Noord"], kind=True)
    beschikking = BeschikkingFactory(
        aanvraag=AanvraagFactory(inwoner=inwoner, jeugd=True),
        voorziening=VoorzieningFactory(jeugd=True, gemeente=s.gemeente),
    )
    BeschikteVoorziening.objects.filter(beschikking=beschikking).update(
        begin=einde - dt.timedelta(days=100), einde=einde
    )
    return beschikking


def _due(s, vandaag):
    return {
        (k.record._meta.label_lower, k.record.pk): k
        for k in bewaren.te_vernietigen(s.gemeente, vandaag=vandaag)
    }


@pytest.mark.django_db
def test_the_boundary_31_december_2019_and_1_january_2020(s):
    inwoner = InwonerFactory(gemeente=s.gemeente, wijk=s.wijken["Noord"])
    oud = _klacht(inwoner, dt.date(2019, 12, 31))
    voor_2017 = _klacht(inwoner, dt.date(2016, 12, 31))
    # a complaint handled on the last day of the 2017 list was never due; now five years on
    assert ("bezwaren.klacht", oud.pk) not in _due(s, dt.date(2024, 12, 30))
    kandidaat = _due(s, dt.date(2024, 12, 31))[("bezwaren.klacht", oud.pk)]
    assert kandidaat.regel.geldig_van == dt.date(2017, 1, 1)
    assert "Stcrt. 2017, 38013" in kandidaat.regel.bron
    # before 2017 no list of eenplan applies: never due
    assert ("bezwaren.klacht", voor_2017.pk) not in _due(s, dt.date(2060, 1, 1))

    # youth care ended 31-12-2019: fifteen years (2017, 8.3.2); a day later: twenty (2020)
    onder_2017 = _jeugdbeschikking(s, dt.date(2019, 12, 31))
    onder_2020 = _jeugdbeschikking(s, dt.date(2020, 1, 1))
    sleutel_2017 = ("beschikkingen.beschikking", onder_2017.pk)
    sleutel_2020 = ("beschikkingen.beschikking", onder_2020.pk)
    assert sleutel_2017 not in _due(s, dt.date(2034, 12, 30))
    due = _due(s, dt.date(2034, 12, 31))
    assert sleutel_2017 in due and sleutel_2020 not in due
    assert (due[sleutel_2017].regel.categorie, due[sleutel_2017].regel.jaren) == ("8.3.2", 15)
    assert sleutel_2020 not in _due(s, dt.date(2039, 12, 31))
    assert _due(s, dt.date(2040, 1, 1))[sleutel_2020].regel.jaren == 20


@pytest.mark.django_db
def test_a_2018_complaint_is_destroyed_with_the_2017_list_in_its_verklaring(s):
    fg = MedewerkerFactory(gemeente=s.gemeente, functie=Rol.PRIVACY).user
    fg2 = MedewerkerFactory(gemeente=s.gemeente, functie=Rol.PRIVACY).user
    klacht = _klacht(
        InwonerFactory(gemeente=s.gemeente, wijk=s.wijken["Noord"]), dt.date(2018, 3, 1)
    )
    vandaag = dt.date(2026, 12, 5)
    lijst = bewaren.vernietigingslijst_voorstellen(gemeente=s.gemeente, door=fg, vandaag=vandaag)
    bewaren.vernietigingslijst_goedkeuren(lijst=lijst, door=fg2, vandaag=vandaag)
    assert not Klacht.objects.filter(pk=klacht.pk).exists()
    (rij,) = [v for v in bewaren.verklaring(lijst) if v.ingang_van == dt.date(2018, 3, 1)]
    assert (
        rij.categorie == "13.1"
        and "Selectielijst gemeenten en intergemeentelijke organen 2017" in rij.bron
    )
