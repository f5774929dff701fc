"""Retention and destruction: what is due by the selectielijst's dated periods, destruction
only after a second person's approval with a record of what, why, by whom and under which
rule, and never while a bezwaar runs, the beroep term is open or a legal hold lasts."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from eenplan.avg import bewaren
from eenplan.avg.constants import LijstStatus
from eenplan.avg.models import Vernietigingslijst
from eenplan.bezwaren.models import Bezwaar, Klacht
from eenplan.events.models import Gebeurtenis
from eenplan.gemeente.constants import Rol
from eenplan.meldingen.models import Melding
from eenplan.testing import scenarios
from eenplan.testing.factories import (
    BewaarplichtFactory,
    BewaartermijnFactory,
    KlachtFactory,
    MedewerkerFactory,
    MeldingFactory,
)

pytestmark = pytest.mark.django_db
VANDAAG = dt.date(2026, 12, 5)
LANG_GELEDEN = dt.date(2020, 6, 1)  # more than five years before VANDAAG


@pytest.fixture
def s():
    return scenarios.bezwaar(scenarios.gemeente())


@pytest.fixture
def fg(s):
    return MedewerkerFactory(gemeente=s.gemeente, functie=Rol.PRIVACY).user


@pytest.fixture
def fg2(s):
    return MedewerkerFactory(gemeente=s.gemeente, functie=Rol.PRIVACY).user


def _oude_klacht(inwoner, op=LANG_GELEDEN):
    klacht = KlachtFactory(inwoner=inwoner, afgehandeld=True)
    Klacht.objects.filter(pk=klacht.pk).update(afgehandeld_op=op, ontvangen_op=op)
    return klacht


def test_the_2020_selectielijst_periods_are_dated_data_with_their_source():
    regel = bewaren.bewaartermijn_op("klacht", VANDAAG)
    assert (regel.categorie, regel.termijn_iso) == ("13.1", "P5Y")
    assert "Selectielijst gemeenten en intergemeentelijke organen 2020" in regel.bron
    assert bewaren.bewaartermijn_op("beschikking_wmo", VANDAAG).categorie == "8.3.1"
    # a later list is a new dated row; the old one still answers for earlier days
    BewaartermijnFactory(soort="klacht", categorie="13.1", jaren=7, geldig_van=dt.date(2030, 1, 1))
    assert bewaren.bewaartermijn_op("klacht", dt.date(2030, 1, 1)).jaren == 7
    assert bewaren.bewaartermijn_op("klacht", VANDAAG).jaren == 5


def test_a_handled_complaint_past_its_period_is_destroyed_after_approval(s, fg, fg2):
    klacht = _oude_klacht(s.partner)
    recent = _oude_klacht(s.partner, op=VANDAAG - dt.timedelta(days=30))
    due = {
        k.record.pk
        for k in bewaren.te_vernietigen(s.gemeente, vandaag=VANDAAG)
        if k.soort.code == "klacht"
    }
    assert due == {klacht.pk}
    lijst = bewaren.vernietigingslijst_voorstellen(gemeente=s.gemeente, door=fg, vandaag=VANDAAG)
    with pytest.raises(ValidationError, match="vier ogen"):
        bewaren.vernietigingslijst_goedkeuren(lijst=lijst, door=fg, vandaag=VANDAAG)
    assert Klacht.objects.filter(pk=klacht.pk).exists()
    bewaren.vernietigingslijst_goedkeuren(lijst=lijst, door=fg2, vandaag=VANDAAG)
    assert not Klacht.objects.filter(pk=klacht.pk).exists()
    assert Klacht.objects.filter(pk=recent.pk).exists()
    assert not Gebeurtenis.objects.filter(record_soort="bezwaren.klacht", record_id=klacht.pk)
    lijst.refresh_from_db()
    assert lijst.status == LijstStatus.VERNIETIGD and lijst.goedgekeurd_door == fg2
    regel = lijst.regels.get(record_id=klacht.pk)
    assert regel.bewaartermijn.categorie == "13.1"
    assert regel.vernietigd["bezwaren.klacht"] == 1
    assert regel.kenmerk == f"{s.gemeente.cbs_code}-KL-{LANG_GELEDEN:%Y}-{klacht.pk:06d}"


def test_destruction_under_bezwaar_is_refused_and_changes_nothing(s, fg, fg2):
    # Anna's bezwaar (scenario) is running: her old complaint may not go.
    klacht = _oude_klacht(s.inwoner)
    kandidaat = next(
        k for k in bewaren.te_vernietigen(s.gemeente, vandaag=VANDAAG) if k.record.pk == klacht.pk
    )
    assert "Er loopt een bezwaar" in kandidaat.blokkade
    with pytest.raises(ValidationError, match="niets waarvan de bewaartermijn"):
        bewaren.vernietigingslijst_voorstellen(gemeente=s.gemeente, door=fg, vandaag=VANDAAG)
    assert not Vernietigingslijst.objects.exists()
    # proposed before the bezwaar: approval after it is refused as a whole, nothing destroyed
    Bezwaar.objects.filter(pk=s.bezwaar.pk).update(uitkomst="gegrond", besloten_op=VANDAAG)
    lijst = bewaren.vernietigingslijst_voorstellen(gemeente=s.gemeente, door=fg, vandaag=VANDAAG)
    assert lijst.regels.filter(record_id=klacht.pk).exists()
    Bezwaar.objects.filter(pk=s.bezwaar.pk).update(uitkomst="lopend", besloten_op=None)
    with pytest.raises(ValidationError) as fout:
        bewaren.vernietigingslijst_goedkeuren(lijst=lijst, door=fg2, vandaag=VANDAAG)
    assert "er is niets vernietigd" in " ".join(fout.value.messages)
    assert "Er loopt een bezwaar" in " ".join(fout.value.messages)
    assert Klacht.objects.filter(pk=klacht.pk).exists()
    lijst.refresh_from_db()
    assert lijst.status == LijstStatus.VOORGESTELD


def test_an_open_beroep_term_or_a_legal_hold_blocks_too(s, fg):
    klacht = _oude_klacht(s.partner)
    # On the fixed day of this module: a hold from the real today would start after it.
    BewaarplichtFactory(
        inwoner=s.partner, soort="beroep", reden="Beroep bij de rechtbank", van=VANDAAG
    )
    kandidaat = next(
        k for k in bewaren.te_vernietigen(s.gemeente, vandaag=VANDAAG) if k.record.pk == klacht.pk
    )
    assert "Beroep bij de rechtbank" in kandidaat.blokkade
    Bezwaar.objects.filter(pk=s.bezwaar.pk).update(
        uitkomst="ongegrond", besloten_op=VANDAAG, beroep_uiterlijk=VANDAAG + dt.timedelta(42)
    )
    assert "beroepstermijn" in bewaren.blokkades([s.inwoner.pk], vandaag=VANDAAG)[s.inwoner.pk]


def test_the_command_lists_proposes_and_approves(s, fg, fg2, capsys):
    klacht = _oude_klacht(s.partner)
    call_command("vernietigen", gemeente=s.gemeente.cbs_code, datum=VANDAAG.isoformat())
    uit = capsys.readouterr().out
    assert "13.1" in uit and "KL-2020" in uit
    call_command(
        "vernietigen",
        gemeente=s.gemeente.cbs_code,
        datum=VANDAAG.isoformat(),
        voorstellen=True,
        door=fg.username,
    )
    lijst = Vernietigingslijst.objects.get()
    call_command(
        "vernietigen",
        gemeente=s.gemeente.cbs_code,
        datum=VANDAAG.isoformat(),
        goedkeuren=lijst.pk,
        door=fg2.username,
    )
    assert not Klacht.objects.filter(pk=klacht.pk).exists()


def test_the_2020_list_applies_to_records_from_1_january_2020_with_its_decision_as_source(s):
    # Vastgesteld 18-02-2020 (Stcrt. 2020, 11143), retroactive to records made or received from
    # 1 January 2020; records of 2017-2019 fall under the Selectielijst 2017 (Stcrt. 2017,
    # 38013; test_selectielijst_2017.py).
    regel = bewaren.bewaartermijn_op("klacht", dt.date(2020, 1, 1))
    assert regel is not None and regel.geldig_van == dt.date(2020, 1, 1)
    assert "Stcrt. 2020, 11143" in regel.bron and "18-02-2020" in regel.bron
    assert bewaren.bewaartermijn_op("klacht", dt.date(2019, 12, 31)).geldig_van == dt.date(
        2017, 1, 1
    )
    onder_2017 = _oude_klacht(s.partner, op=dt.date(2019, 12, 31))
    onder_2020 = _oude_klacht(s.partner, op=dt.date(2020, 1, 2))
    due = {
        (k.record_soort, k.record.pk): k
        for k in bewaren.te_vernietigen(s.gemeente, vandaag=VANDAAG)
    }
    assert due[("bezwaren.klacht", onder_2020.pk)].regel.geldig_van == dt.date(2020, 1, 1)
    assert due[("bezwaren.klacht", onder_2017.pk)].regel.geldig_van == dt.date(2017, 1, 1)


def test_the_first_cut_by_a_moment_keeps_the_whole_local_day(s):
    # The worklist compares a moment as a range on the column (an index serves it): on or
    # before 1 June means before local midnight of 2 June, whatever the moment's UTC date.
    amsterdam = ZoneInfo("Europe/Amsterdam")
    laat = MeldingFactory(inwoner=s.partner, beantwoord=True)
    na_middernacht = MeldingFactory(inwoner=s.partner, beantwoord=True)
    Melding.objects.filter(pk=laat.pk).update(
        updated_at=dt.datetime(2020, 6, 1, 23, 59, tzinfo=amsterdam)
    )
    # 00:30 on 2 June in Amsterdam is still 1 June in UTC
    Melding.objects.filter(pk=na_middernacht.pk).update(
        updated_at=dt.datetime(2020, 6, 2, 0, 30, tzinfo=amsterdam)
    )
    binnen = Melding.objects.filter(
        bewaren._tot_en_met("updated_at__date", dt.date(2020, 6, 1)), inwoner=s.partner
    )
    assert list(binnen.values_list("pk", flat=True)) == [laat.pk]
