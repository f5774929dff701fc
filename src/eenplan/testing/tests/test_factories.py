"""Every model has a factory; each factory makes a saved row the way the services would, and
each trait leaves the state its name promises."""

from __future__ import annotations

import datetime as dt

import factory
import pytest
from django.apps import apps
from django.utils import timezone

from eenplan.beschikkingen.constants import AanvraagStatus
from eenplan.meldingen.constants import Status
from eenplan.onderzoeken.constants import OnderzoekStatus
from eenplan.plannen.constants import PlanStatus
from eenplan.testing import factories as f

pytestmark = pytest.mark.django_db

FACTORIES = {
    cls._meta.model: cls
    for cls in vars(f).values()
    if isinstance(cls, type) and issubclass(cls, factory.base.BaseFactory) and cls._meta.model
}


def test_elk_model_heeft_een_factory():
    modellen = [m for m in apps.get_models() if m.__module__.startswith("eenplan.")]
    zonder = sorted(m._meta.label for m in modellen if m not in FACTORIES)
    assert zonder == []


@pytest.mark.parametrize(
    "cls", sorted(FACTORIES.values(), key=lambda c: c.__name__), ids=lambda c: c.__name__
)
def test_factory_maakt_een_opgeslagen_rij(cls):
    obj = cls()
    assert obj.pk is not None
    assert type(obj).objects.filter(pk=obj.pk).exists()


def test_melding_toegewezen():
    melding = f.MeldingFactory(toegewezen=True)
    assert melding.status == Status.TOEGEWEZEN
    assert melding.medewerker is not None
    assert melding.medewerker.teams.filter(wijken=melding.inwoner.wijk).exists()
    assert melding.onderzoek_uiterlijk is not None


def test_melding_jeugd_gaat_naar_een_geregistreerde_jeugdprofessional():
    melding = f.MeldingFactory(jeugd=True, toegewezen=True)
    assert melding.wettelijke_verwijzing
    assert melding.medewerker.registratie_geldig_op(timezone.localdate())


def test_melding_beantwoord_en_gesloten():
    assert f.MeldingFactory(beantwoord=True).status == Status.BEANTWOORD
    assert f.MeldingFactory(gesloten=True).status == Status.AFGESLOTEN


def test_jeugdprofessional_met_en_zonder_geldige_registratie():
    vandaag = timezone.localdate()
    assert f.MedewerkerFactory(jeugdprofessional=True).registratie_geldig_op(vandaag)
    verlopen = f.MedewerkerFactory(registratie_verlopen=True)
    assert not verlopen.registratie_geldig_op(vandaag)
    assert verlopen.registratie_geldig_op(vandaag - dt.timedelta(days=1))


def test_onderzoek_definitief_en_verzonden():
    definitief = f.OnderzoekFactory(definitief=True)
    assert definitief.status == OnderzoekStatus.DEFINITIEF
    assert definitief.verslag_tekst and definitief.verslag_verzonden_op is None
    assert f.OnderzoekFactory(verzonden=True).verslag_verzonden_op == timezone.localdate()


def test_plan_ondertekend():
    plan = f.PlanFactory(ondertekend=True)
    assert plan.status == PlanStatus.ONDERTEKEND
    assert plan.ondertekend_op == timezone.localdate()
    assert plan.doelen.count() == 1
    assert f.PlanFactory().status == PlanStatus.CONCEPT


def test_beschikking_verzonden():
    beschikking = f.BeschikkingFactory(verzonden=True)
    assert beschikking.verzonden_op == timezone.localdate()
    assert beschikking.bezwaar_uiterlijk > beschikking.verzonden_op
    assert beschikking.aanvraag.status == AanvraagStatus.BESLOTEN
    assert f.BeschikkingFactory().verzonden_op is None


def test_beschikking_door_generalist_wacht_op_toetsing():
    assert f.BeschikkingFactory(door_generalist=True).rechtmatigheid == "te_toetsen"


def test_bezwaar_tegen_verzonden_beschikking_is_tijdig():
    bezwaar = f.BezwaarFactory()
    assert bezwaar.beschikking.verzonden_op is not None
    assert bezwaar.tijdigheid == "tijdig"


def test_gezin_en_toestemming_ingetrokken():
    gezin = f.HuishoudenFactory(gezin=True)
    assert gezin.leden.count() == 3
    assert f.ToestemmingFactory(ingetrokken=True).ingetrokken_op is not None


def test_algemene_voorziening_en_jeugd():
    assert not f.VoorzieningFactory(algemeen=True).is_maatwerk
    assert f.VoorzieningFactory(jeugd=True).wet == "jeugd"


def test_briefsjabloon_numbers_its_versions_per_municipality():
    eerste = f.BriefSjabloonFactory()
    tweede = f.BriefSjabloonFactory(gemeente=eerste.gemeente, toelichting="Nieuw adres")
    assert (eerste.versie, tweede.versie) == (1, 2)
    assert "$kenmerk" in tweede.tekst
    assert tweede.gewijzigd_door.medewerkers.get().gemeente == eerste.gemeente
