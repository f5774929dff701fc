"""Destroying beschikkingen with their letters, plans and whole dossiers when their period under
the Selectielijst 2020 has run: through each owning app (common.vernietiging), approved by a
second officer, one transaction per item, never what is under bezwaar, beroep or a legal hold;
the list is the verklaring van vernietiging (no personal data); the access log keeps its rows
with the resident pseudonymised; the steering snapshots stay as they were. Runs on SQLite and
PostgreSQL (the append-only triggers there)."""

import datetime as dt
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from eenplan.avg import bewaren
from eenplan.avg.constants import LijstStatus
from eenplan.beschikkingen.models import Aanvraag, Beschikking, BeschikteVoorziening, Verzending
from eenplan.bezwaren.models import Klacht
from eenplan.common import vernietiging
from eenplan.events.models import Gebeurtenis
from eenplan.gemeente.constants import Rol
from eenplan.inwoners.models import Inwoner
from eenplan.meldingen.models import Melding
from eenplan.plannen.models import Plan
from eenplan.privacy.models import Inzage
from eenplan.sturing.models import Meetwaarde
from eenplan.sturing.services import momentopname_take
from eenplan.testing import scenarios
from eenplan.testing.factories import (
    BewaarplichtFactory,
    GebeurtenisFactory,
    InwonerFactory,
    InzageFactory,
    KlachtFactory,
    MedewerkerFactory,
    MeldingFactory,
    NetwerkpersoonFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def s():
    return scenarios.beschikt(scenarios.gemeente())


@pytest.fixture
def fg(s):
    return MedewerkerFactory(gemeente=s.gemeente, functie=Rol.PRIVACY).user


@pytest.fixture
def fg2(s):
    return MedewerkerFactory(gemeente=s.gemeente, functie=Rol.PRIVACY).user


def _oud(model, pk, op: dt.date, veld: str = "updated_at") -> None:
    waarde = dt.datetime.combine(op, dt.time(12)).astimezone(dt.UTC) if veld == "updated_at" else op
    model._base_manager.filter(pk=pk).update(**{veld: waarde})


def _snapshot(s):
    opname = momentopname_take(gemeente_id=s.gemeente.pk, maand=s.vandaag.replace(day=1))
    rijen = Meetwaarde.objects.filter(momentopname=opname)
    return sorted(rijen.values_list("indicator", "dimensie", "waarde_van", "aantal", "waarde"))


def test_a_beschikking_fifteen_years_after_its_provision_ended_goes_with_letters_and_aanvraag(
    s, fg, fg2, django_capture_on_commit_callbacks
):
    beschikking = s.beschikking
    einde = BeschikteVoorziening.objects.get(beschikking=beschikking).einde
    assert Verzending.objects.filter(brief_soort="beschikking", bron_id=beschikking.pk).exists()
    post = [Path(v.referentie) for v in Verzending.objects.filter(kanaal="post") if v.referentie]
    cijfers = _snapshot(s)
    log_voor = Inzage.objects.filter(inwoner=s.inwoner).count()
    # Not due the day before its fifteen years (8.3.1) have run.
    vandaag = einde.replace(year=einde.year + 15)
    codes = {
        k.kenmerk for k in bewaren.te_vernietigen(s.gemeente, vandaag=vandaag - dt.timedelta(1))
    }
    assert beschikking.kenmerk not in codes
    kandidaat = next(
        k for k in bewaren.te_vernietigen(s.gemeente, vandaag=vandaag) if k.record == beschikking
    )
    assert (kandidaat.regel.categorie, kandidaat.regel.termijn_iso) == ("8.3.1", "P15Y")
    lijst = bewaren.vernietigingslijst_voorstellen(gemeente=s.gemeente, door=fg, vandaag=vandaag)
    with pytest.raises(ValidationError, match="vier ogen"):
        bewaren.vernietigingslijst_goedkeuren(lijst=lijst, door=fg, vandaag=vandaag)
    assert Beschikking.objects.filter(pk=beschikking.pk).exists()
    with django_capture_on_commit_callbacks(execute=True):
        bewaren.vernietigingslijst_goedkeuren(lijst=lijst, door=fg2, vandaag=vandaag)
    assert not Beschikking.objects.filter(pk=beschikking.pk).exists()
    assert not Aanvraag.objects.filter(pk=s.aanvraag.pk).exists()  # its last beschikking went
    assert not Verzending.objects.filter(bron_id=beschikking.pk, brief_soort="beschikking")
    assert not Gebeurtenis.objects.filter(
        record_soort="beschikkingen.beschikking", record_id=beschikking.pk
    )
    for bestand in post:  # the letter exported for the post, and its line with the address
        assert not bestand.exists()
        lijst_csv = bestand.parent / "verzendlijst.csv"
        assert beschikking.kenmerk not in lijst_csv.read_text(encoding="utf-8")
    # the rest of Anna's dossier is kept; the access log lost nothing; the figures stand
    assert Inwoner.objects.filter(pk=s.inwoner.pk).exists()
    assert Inzage.objects.filter(inwoner=s.inwoner).count() >= log_voor
    assert _snapshot(s) == cijfers
    lijst.refresh_from_db()
    assert lijst.status == LijstStatus.VERNIETIGD and lijst.goedgekeurd_door == fg2
    regel = lijst.regels.get(record_id=beschikking.pk)
    assert regel.vernietigd["beschikkingen.beschikking"] == 1
    assert regel.vernietigd["beschikkingen.aanvraag"] == 1
    # the verklaring: category, number, the list's decision, dates; never the resident
    (rij,) = [v for v in bewaren.verklaring(lijst) if v.categorie == "8.3.1"]
    assert rij.aantal == 1 and "Stcrt. 2020, 11143" in rij.bron and rij.ingang_van == einde
    client = Client()
    client.force_login(fg2)
    pagina = client.get(reverse("avg:vernietiging", args=[lijst.pk])).content.decode()
    assert "Verklaring van vernietiging" in pagina and "8.3.1" in pagina
    for persoonlijk in (s.inwoner.achternaam, s.inwoner.bsn, s.inwoner.straat):
        assert persoonlijk not in pagina


def test_a_plan_waits_for_its_aanvragen_and_goes_with_them_on_one_list(s, fg, fg2):
    Plan.objects.filter(pk=s.plan.pk).update(status="beeindigd")
    einde = BeschikteVoorziening.objects.get(beschikking=s.beschikking).einde
    _oud(Plan, s.plan.pk, einde)
    vandaag = einde.replace(year=einde.year + 15) + dt.timedelta(days=1)
    lijst = bewaren.vernietigingslijst_voorstellen(gemeente=s.gemeente, door=fg, vandaag=vandaag)
    soorten = list(lijst.regels.order_by("id").values_list("soort", flat=True))
    assert soorten.index("beschikking_wmo") < soorten.index("plan_wmo")
    bewaren.vernietigingslijst_goedkeuren(lijst=lijst, door=fg2, vandaag=vandaag)
    assert not Plan.objects.filter(pk=s.plan.pk).exists()
    regel = lijst.regels.get(soort="plan_wmo")
    assert regel.bewaartermijn.categorie == "3.1.5" and regel.vernietigd["plannen.plan"] == 1


def test_a_plan_whose_aanvraag_must_stay_is_refused_on_its_line_and_the_rest_goes(s, fg, fg2):
    # The plan is due (ended long ago), its aanvraag's beschikking is not: the plan stays.
    Plan.objects.filter(pk=s.plan.pk).update(status="beeindigd")
    _oud(Plan, s.plan.pk, dt.date(2020, 3, 1))
    klacht = KlachtFactory(inwoner=s.partner, afgehandeld=True)
    Klacht.objects.filter(pk=klacht.pk).update(afgehandeld_op=dt.date(2020, 3, 1))
    vandaag = dt.date(2036, 1, 1)  # 15 years for the plan (3.1.5) from the Wmo part
    BeschikteVoorziening.objects.filter(beschikking=s.beschikking).update(einde=dt.date(2035, 1, 1))
    lijst = bewaren.vernietigingslijst_voorstellen(gemeente=s.gemeente, door=fg, vandaag=vandaag)
    assert set(lijst.regels.values_list("soort", flat=True)) == {"plan_wmo", "klacht"}
    bewaren.vernietigingslijst_goedkeuren(lijst=lijst, door=fg2, vandaag=vandaag)
    assert Plan.objects.filter(pk=s.plan.pk).exists()
    assert not Klacht.objects.filter(pk=klacht.pk).exists()
    plan = lijst.regels.get(soort="plan_wmo")
    assert plan.vernietigd == {} and "aanvraag" in plan.niet_vernietigd
    assert [v.soort for v in bewaren.verklaring(lijst)] == ["Klacht, afgehandeld"]


@pytest.fixture
def dossier(s):
    """A resident of 2020 with a melding answered at the front door, a handled complaint, an
    event in the history and reads in the access log; nothing changed since March 2020."""
    persoon = InwonerFactory(gemeente=s.gemeente, wijk=s.inwoner.wijk)
    MeldingFactory(inwoner=persoon, beantwoord=True)
    klacht = KlachtFactory(inwoner=persoon, afgehandeld=True)
    GebeurtenisFactory(inwoner=persoon)
    InzageFactory(inwoner=persoon)
    InzageFactory(inwoner=persoon)
    maart = dt.date(2020, 3, 1)
    for model, pks in bewaren._afhankelijk([(Inwoner, [persoon.pk])]):
        if "updated_at" in {f.name for f in model._meta.concrete_fields}:
            for pk in pks:
                _oud(model, pk, maart)
    Klacht.objects.filter(pk=klacht.pk).update(afgehandeld_op=maart, ontvangen_op=maart)
    return persoon


def test_a_whole_dossier_goes_when_fifteen_years_have_run_the_access_log_is_pseudonymised(
    s, fg, fg2, dossier
):
    log = set(Inzage.objects.filter(inwoner=dossier).values_list("pk", flat=True))
    assert len(log) >= 2
    cijfers = _snapshot(s)
    vroeg = bewaren.te_vernietigen(s.gemeente, vandaag=dt.date(2035, 2, 28))
    assert f"DOSSIER-{dossier.pk:06d}" not in {k.kenmerk for k in vroeg}
    vandaag = dt.date(2035, 3, 1)
    kandidaat = next(
        k for k in bewaren.te_vernietigen(s.gemeente, vandaag=vandaag) if k.soort.code == "dossier"
    )
    assert kandidaat.record.pk == dossier.pk and kandidaat.regel.categorie == "8.3.1"
    lijst = bewaren.vernietigingslijst_voorstellen(gemeente=s.gemeente, door=fg, vandaag=vandaag)
    bewaren.vernietigingslijst_goedkeuren(lijst=lijst, door=fg2, vandaag=vandaag)
    assert not Inwoner.objects.filter(pk=dossier.pk).exists()
    assert not Melding.objects.filter(inwoner_id=dossier.pk).exists()
    assert not Klacht.objects.filter(inwoner_id=dossier.pk).exists()
    assert not Gebeurtenis.objects.filter(inwoner_id=dossier.pk).exists()
    # the access log keeps every row: who read, when and why; the resident is a pseudonym now,
    # one and the same for all their rows
    rijen = Inzage.objects.filter(pk__in=log)
    assert rijen.count() == len(log) and not rijen.filter(inwoner__isnull=False).exists()
    (pseudoniem,) = set(rijen.values_list("inwoner_pseudoniem", flat=True))
    assert pseudoniem.startswith("vernietigd-") and len(pseudoniem) == len("vernietigd-") + 16
    regel = lijst.regels.get(soort="dossier")
    assert regel.kenmerk == f"DOSSIER-{dossier.pk:06d}"
    assert regel.vernietigd["inwoners.inwoner"] == 1
    assert regel.vernietigd["privacy.inzage (gepseudonimiseerd)"] == len(log)
    verklaring = bewaren.verklaring(lijst)
    assert any(v.categorie == "8.3.1" and v.aantal == 1 for v in verklaring)
    assert dossier.achternaam not in repr(verklaring)
    # Anna's dossier (a running provision) was never on the list; the figures stand
    assert Inwoner.objects.filter(pk=s.inwoner.pk).exists()
    assert _snapshot(s) == cijfers


def test_a_dossier_under_a_legal_hold_is_refused_and_nothing_changes(s, fg, fg2, dossier):
    vandaag = dt.date(2035, 3, 1)
    lijst = bewaren.vernietigingslijst_voorstellen(gemeente=s.gemeente, door=fg, vandaag=vandaag)
    BewaarplichtFactory(inwoner=dossier, soort="beperking", reden="Beperking, AVG art. 18")
    with pytest.raises(ValidationError) as fout:
        bewaren.vernietigingslijst_goedkeuren(lijst=lijst, door=fg2, vandaag=vandaag)
    assert "Beperking, AVG art. 18" in " ".join(fout.value.messages)
    assert Inwoner.objects.filter(pk=dossier.pk).exists()
    assert Inzage.objects.filter(inwoner=dossier).count() >= 2
    lijst.refresh_from_db()
    assert lijst.status == LijstStatus.VOORGESTELD


def test_a_dossier_another_resident_refers_to_stays_with_the_reason_on_its_line(
    s, fg, fg2, dossier
):
    # Anna named this person in her network: that row is Anna's record too.
    netwerk = NetwerkpersoonFactory(inwoner=s.inwoner, als_inwoner=dossier)
    _oud(type(netwerk), netwerk.pk, dt.date(2020, 3, 1))
    vandaag = dt.date(2035, 3, 1)
    lijst = bewaren.vernietigingslijst_voorstellen(gemeente=s.gemeente, door=fg, vandaag=vandaag)
    bewaren.vernietigingslijst_goedkeuren(lijst=lijst, door=fg2, vandaag=vandaag)
    regel = lijst.regels.get(soort="dossier")
    assert regel.vernietigd == {} and "andere inwoner" in regel.niet_vernietigd
    # one transaction per item: nothing of this dossier went (its complaint, an item of its
    # own, did); the access log still names the resident
    assert Inwoner.objects.filter(pk=dossier.pk).exists()
    assert Inzage.objects.filter(inwoner=dossier).count() >= 2
    assert not Inzage.objects.exclude(inwoner_pseudoniem="").exists()
    assert lijst.regels.get(soort="klacht").vernietigd["bezwaren.klacht"] == 1


def test_an_app_without_its_own_destruction_keeps_its_rows_and_the_item_stays(
    s, fg, fg2, dossier, monkeypatch
):
    # Destruction goes through the owning app only: an app that wrote no vernietiging.py
    # (here: meldingen taken out) refuses, and the whole item is rolled back.
    vernietiging.heeft_eigenaar(Melding)  # discover the owners first
    monkeypatch.delitem(vernietiging._eigenaars, "meldingen")
    vandaag = dt.date(2035, 3, 1)
    lijst = bewaren.vernietigingslijst_voorstellen(gemeente=s.gemeente, door=fg, vandaag=vandaag)
    bewaren.vernietigingslijst_goedkeuren(lijst=lijst, door=fg2, vandaag=vandaag)
    regel = lijst.regels.get(soort="dossier")
    assert "geen vernietiging" in regel.niet_vernietigd
    assert Inwoner.objects.filter(pk=dossier.pk).exists()
    assert Melding.objects.filter(inwoner=dossier).exists()
    # the complaint was an item of its own (five years, 13.1): it went in its own transaction
    assert lijst.regels.get(soort="klacht").vernietigd["bezwaren.klacht"] == 1


def test_every_app_with_someones_records_destroys_its_own_rows():
    """Every model a dossier can reach has an owner that destroys it (a new app that holds a
    resident's rows fails here until it writes its vernietiging.py)."""
    from django.apps import apps

    from eenplan.avg.relaties import verwijzers_met_koppelingen as verwijzers

    start = [apps.get_model("inwoners.Inwoner"), apps.get_model("inwoners.Huishouden")]
    gezien, rand = set(), list(start)
    while rand:
        model = rand.pop()
        if model in gezien:
            continue
        gezien.add(model)
        rand.extend(kind for kind, _veld in verwijzers().get(model, ()))
    zonder = sorted(m._meta.label for m in gezien if not vernietiging.heeft_eigenaar(m))
    assert zonder == []


def test_an_interrupted_approval_keeps_what_went_and_the_approver_resumes(s, fg, fg2, monkeypatch):
    klachten = []
    for _ in range(2):
        klacht = KlachtFactory(inwoner=s.partner, afgehandeld=True)
        Klacht.objects.filter(pk=klacht.pk).update(afgehandeld_op=dt.date(2020, 3, 1))
        klachten.append(klacht)
    vandaag = dt.date(2026, 1, 1)
    lijst = bewaren.vernietigingslijst_voorstellen(gemeente=s.gemeente, door=fg, vandaag=vandaag)
    echt = bewaren._regel_vernietigen
    gedaan = []

    def valt_uit(regel, **kwargs):
        if gedaan:
            raise RuntimeError("stroom weg")
        gedaan.append(regel.pk)
        echt(regel, **kwargs)

    monkeypatch.setattr(bewaren, "_regel_vernietigen", valt_uit)
    with pytest.raises(RuntimeError):
        bewaren.vernietigingslijst_goedkeuren(lijst=lijst, door=fg2, vandaag=vandaag)
    lijst.refresh_from_db()
    assert lijst.status == LijstStatus.IN_UITVOERING
    assert Klacht.objects.filter(pk__in=[k.pk for k in klachten]).count() == 1  # one went
    monkeypatch.setattr(bewaren, "_regel_vernietigen", echt)
    with pytest.raises(ValidationError):  # nobody else takes over a running destruction
        bewaren.vernietigingslijst_goedkeuren(lijst=lijst, door=fg, vandaag=vandaag)
    bewaren.vernietigingslijst_goedkeuren(lijst=lijst, door=fg2, vandaag=vandaag)
    lijst.refresh_from_db()
    assert lijst.status == LijstStatus.VERNIETIGD
    assert not Klacht.objects.filter(pk__in=[k.pk for k in klachten]).exists()
    assert sum(r.vernietigd.get("bezwaren.klacht", 0) for r in lijst.regels.all()) == 2
