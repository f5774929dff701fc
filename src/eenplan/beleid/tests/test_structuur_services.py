"""Editing the policy plan's structure and the survey's questions (services): what the officer
may change, bad input refused in Dutch with nothing changed, two officers at once never losing
an update (the version), nothing lost by deleting, and the questionnaire's rules."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from eenplan.beleid.models import Activiteit, Beleidsplan, Doel, Resultaat, Subdoel, Thema, Vraag
from eenplan.beleid.services import structuur, vragen, vragenlijst_standaard
from eenplan.common.concurrency import Conflict, VersieVerouderd, verwachte_versie
from eenplan.gemeente.constants import Rol
from eenplan.testing import beleid as tb
from eenplan.testing.factories import GemeenteFactory, MedewerkerFactory

pytestmark = pytest.mark.django_db

VANDAAG = dt.date(2026, 3, 2)


@pytest.fixture
def plan(gemeente):
    return tb.plan(gemeente, indicatoren=[{"indicator": "bbv_32_wmo_maatwerk"}])


@pytest.fixture
def officer(beleidsmedewerker):
    return beleidsmedewerker.user


def test_the_officer_builds_a_plan_from_thema_to_activiteit(gemeente, officer):
    nieuw = structuur.onderdeel_save(
        actor=officer,
        soort="beleidsplan",
        ouder=gemeente,
        velden={"naam": "Uitvoeringsplan 2027", "van_jaar": 2027, "tot_jaar": 2030},
    )
    thema = structuur.onderdeel_save(
        actor=officer, soort="thema", ouder=nieuw, velden={"nummer": 1, "naam": "Preventie"}
    )
    doel = structuur.onderdeel_save(
        actor=officer, soort="doel", ouder=thema, velden={"code": "D1", "tekst": "Vroeg erbij."}
    )
    resultaat = structuur.onderdeel_save(
        actor=officer,
        soort="resultaat",
        ouder=thema,
        velden={"nummer": 1, "tekst": "Minder maatwerk."},
    )
    sub = structuur.onderdeel_save(
        actor=officer, soort="subdoel", ouder=doel, velden={"nummer": 1, "tekst": "Wijkpunten."}
    )
    activiteit = structuur.onderdeel_save(
        actor=officer,
        soort="activiteit",
        ouder=sub,
        velden={
            "code": "A1",
            "naam": "Wijkpunt openen",
            "eigenaar": "Team Noord",
            "start": dt.date(2027, 1, 1),
            "eind": dt.date(2027, 12, 31),
            "status": "gepland",
            "resultaten": [resultaat.pk],
        },
    )
    assert list(activiteit.resultaten.all()) == [resultaat]
    assert nieuw.gemeente == gemeente and nieuw.versie == 1
    # Changing raises the version by one.
    structuur.onderdeel_save(
        actor=officer, soort="thema", onderdeel=thema, velden={"naam": "Preventie en voorliggend"}
    )
    thema.refresh_from_db()
    assert (thema.naam, thema.versie) == ("Preventie en voorliggend", 2)


def test_bad_input_is_refused_in_dutch_and_nothing_changes(plan, officer):
    thema = Thema.objects.get(plan=plan)
    voor = (Thema.objects.count(), Activiteit.objects.count())
    with pytest.raises(ValidationError) as fout:
        structuur.onderdeel_save(
            actor=officer, soort="thema", ouder=plan, velden={"nummer": 1, "naam": " "}
        )
    assert fout.value.message_dict == {
        "naam": ["Vul de naam van het thema in."],
        "nummer": ["Dit plan heeft al een thema met dit nummer."],
    }
    sub = Subdoel.objects.get()
    with pytest.raises(ValidationError) as fout:
        structuur.onderdeel_save(
            actor=officer,
            soort="activiteit",
            ouder=sub,
            velden={
                "code": "A2",
                "naam": "Te laat",
                "eigenaar": "x",
                "start": dt.date(2026, 5, 1),
                "eind": dt.date(2026, 4, 1),
                "status": "bijna",
                "resultaten": [999_999],
            },
        )
    assert fout.value.message_dict == {
        "eind": ["Het einde ligt niet voor het begin."],
        "status": ["Kies een geldige status."],
        "resultaten": ["Kies resultaten van het thema waar deze activiteit onder valt."],
    }
    with pytest.raises(ValidationError) as fout:
        structuur.onderdeel_save(
            actor=officer, soort="beleidsplan", onderdeel=plan, velden={"tot_jaar": 1999}
        )
    assert "tot_jaar" in fout.value.message_dict
    assert (Thema.objects.count(), Activiteit.objects.count()) == voor
    plan.refresh_from_db()
    thema.refresh_from_db()
    assert (plan.tot_jaar, plan.versie, thema.versie) == (2026, 1, 1)


def test_two_officers_edit_the_same_thema_and_the_second_is_told_instead_of_overwriting(
    plan, officer
):
    thema = Thema.objects.get(plan=plan)
    # Both opened version 1; the first saves.
    with verwachte_versie(Thema, thema.pk, 1, ["naam"]):
        structuur.onderdeel_save(
            actor=officer,
            soort="thema",
            onderdeel=Thema.objects.get(pk=thema.pk),
            velden={"naam": "Eerste"},
        )
    with (
        pytest.raises(VersieVerouderd) as fout,
        verwachte_versie(Thema, thema.pk, 1, ["naam"]),
    ):
        structuur.onderdeel_save(
            actor=officer,
            soort="thema",
            onderdeel=Thema.objects.get(pk=thema.pk),
            velden={"naam": "Tweede"},
        )
    assert "Iemand anders heeft dit thema intussen gewijzigd" in str(fout.value)
    assert "'Eerste'" in str(fout.value)
    thema.refresh_from_db()
    assert (thema.naam, thema.versie) == ("Eerste", 2)


def test_deleting_refuses_what_still_holds_something(plan, officer):
    thema = Thema.objects.get(plan=plan)
    with pytest.raises(ValidationError, match="Verwijder eerst de doelen van dit thema"):
        structuur.onderdeel_delete(actor=officer, onderdeel=thema)
    resultaat = Resultaat.objects.get(nummer=1)
    with pytest.raises(ValidationError, match="Ontkoppel eerst de indicatoren"):
        structuur.onderdeel_delete(actor=officer, onderdeel=resultaat)
    assert Thema.objects.filter(pk=thema.pk).exists() and Resultaat.objects.count() == 2
    # From the leaves up it goes.
    structuur.onderdeel_delete(actor=officer, onderdeel=Activiteit.objects.get())
    structuur.onderdeel_delete(actor=officer, onderdeel=Subdoel.objects.get())
    structuur.onderdeel_delete(actor=officer, onderdeel=Doel.objects.get())
    structuur.onderdeel_delete(actor=officer, onderdeel=Resultaat.objects.get(nummer=4))
    assert Doel.objects.count() == 0 and Resultaat.objects.count() == 1


def test_only_the_officer_of_the_municipality_may_edit(plan, gemeente):
    raadslid = MedewerkerFactory(gemeente=gemeente, functie=Rol.RAADSLID).user
    thema = Thema.objects.get(plan=plan)
    with pytest.raises(PermissionDenied):
        structuur.onderdeel_save(
            actor=raadslid, soort="thema", onderdeel=thema, velden={"naam": "Raad"}
        )
    maasdal = GemeenteFactory(cbs_code="GM1999", naam="Maasdal")
    elders = MedewerkerFactory(gemeente=maasdal, functie=Rol.BELEID).user
    with pytest.raises(PermissionDenied):
        structuur.onderdeel_delete(actor=elders, onderdeel=Activiteit.objects.get())
    thema.refresh_from_db()
    assert thema.naam == "Basisvoorzieningen" and Activiteit.objects.count() == 1


# --- the survey's questions ---------------------------------------------------------------------


def test_the_officer_adds_a_question_and_switches_one_off(gemeente, officer):
    lijst = vragenlijst_standaard(gemeente)
    vraag = vragen.vraag_save(
        actor=officer,
        vragenlijst=lijst,
        vandaag=VANDAAG,
        nummer=11,
        code="bereikbaar",
        tekst="De gemeente was goed bereikbaar.",
        aspect="toegankelijkheid",
    )
    assert vraag.actief and lijst.vragen.count() == 11
    vragen.vraag_actief_set(actor=officer, vraag=vraag, actief=False, vandaag=VANDAAG)
    vraag.refresh_from_db()
    assert (vraag.actief, vraag.versie) == (False, 2)
    assert vragen.niet_gedekt(lijst) == []


def test_a_question_with_answers_keeps_its_words_and_the_last_one_stays_on(
    gemeente, wijken, officer
):
    ronde, uitn = tb.ronde(
        gemeente, {wijken["Noord"]: ["A"]}, jaar=2025, sluit_op=dt.date(2025, 12, 31)
    )
    tb.beantwoord(uitn[0], 4)
    lijst = ronde.vragenlijst
    beantwoord = lijst.vragen.get(code="wist_waar")
    with pytest.raises(ValidationError) as fout:
        vragen.vraag_save(
            actor=officer,
            vragenlijst=lijst,
            vraag=beantwoord,
            vandaag=VANDAAG,
            nummer=beantwoord.nummer,
            code="wist_waar",
            tekst="Iets anders.",
            aspect=beantwoord.aspect,
        )
    assert "Zet de vraag uit en voeg een nieuwe vraag toe" in fout.value.message_dict["tekst"][0]
    with pytest.raises(ValidationError, match="blijft bewaard"):
        vragen.vraag_delete(actor=officer, vraag=beantwoord, vandaag=VANDAAG)
    for v in lijst.vragen.exclude(pk=beantwoord.pk):
        vragen.vraag_actief_set(actor=officer, vraag=v, actief=False, vandaag=VANDAAG)
    with pytest.raises(ValidationError, match="minstens één"):
        vragen.vraag_actief_set(actor=officer, vraag=beantwoord, actief=False, vandaag=VANDAAG)
    beantwoord.refresh_from_db()
    assert beantwoord.tekst.startswith("Ik wist") and beantwoord.actief
    assert len(vragen.niet_gedekt(lijst)) == 3  # only toegankelijkheid is still asked


def test_the_questionnaire_stays_the_same_while_a_round_is_open(gemeente, wijken, officer):
    ronde, _uitn = tb.ronde(
        gemeente, {wijken["Noord"]: ["A"]}, jaar=2026, sluit_op=dt.date(2026, 6, 30)
    )
    assert ronde.sluit_op >= VANDAAG
    with pytest.raises(ValidationError, match=f"Het onderzoek {ronde.jaar} loopt nog"):
        vragen.vraag_save(
            actor=officer,
            vragenlijst=ronde.vragenlijst,
            vandaag=VANDAAG,
            nummer=20,
            code="nieuw",
            tekst="Een nieuwe stelling.",
            aspect="eigen",
        )
    assert not Vraag.objects.filter(code="nieuw").exists()
    # After the closing day it may change again.
    vragen.vraag_save(
        actor=officer,
        vragenlijst=ronde.vragenlijst,
        vandaag=ronde.sluit_op + dt.timedelta(days=1),
        nummer=20,
        code="nieuw",
        tekst="Een nieuwe stelling.",
        aspect="eigen",
    )


def test_bad_question_input_is_refused_in_dutch(gemeente, officer):
    lijst = vragenlijst_standaard(gemeente)
    with pytest.raises(ValidationError) as fout:
        vragen.vraag_save(
            actor=officer,
            vragenlijst=lijst,
            vandaag=VANDAAG,
            nummer=1,
            code="Wist Waar!",
            tekst="Ja",
            aspect="iets",
        )
    assert set(fout.value.message_dict) == {"nummer", "code", "tekst", "aspect"}
    assert fout.value.message_dict["nummer"] == [
        "Deze vragenlijst heeft al een vraag met dit nummer."
    ]
    assert lijst.vragen.count() == 10


def test_a_stale_question_edit_is_refused(gemeente, officer):
    lijst = vragenlijst_standaard(gemeente)
    vraag = lijst.vragen.get(code="meedoen")
    vragen.vraag_actief_set(actor=officer, vraag=vraag, actief=False, vandaag=VANDAAG)
    with pytest.raises(Conflict), verwachte_versie(Vraag, vraag.pk, 1):
        vragen.vraag_actief_set(
            actor=officer, vraag=Vraag.objects.get(pk=vraag.pk), actief=True, vandaag=VANDAAG
        )
    assert Vraag.objects.get(pk=vraag.pk).actief is False
    assert Beleidsplan.objects.count() == 0


def test_an_answer_to_a_question_switched_off_is_not_stored(gemeente, wijken, officer):
    """A page that still shows a question switched off (e.g. an older form) loses nothing:
    the answers to the asked questions are stored, the other one is ignored."""
    from eenplan.beleid.models import Antwoord
    from eenplan.beleid.services import antwoorden_opslaan, uitnodiging_token

    lijst = vragenlijst_standaard(gemeente)
    uit = lijst.vragen.get(code="meedoen")
    vragen.vraag_actief_set(actor=officer, vraag=uit, actief=False, vandaag=VANDAAG)
    ronde, [uitnodiging] = tb.ronde(gemeente, {wijken["Noord"]: ["A"]}, jaar=2026)
    antwoorden_opslaan(
        token=uitnodiging_token(uitnodiging),
        scores={"wist_waar": 4, "meedoen": 5},
        vandaag=ronde.peildatum,
    )
    assert sorted(
        Antwoord.objects.filter(score__isnull=False).values_list("vraag__code", "score")
    ) == [("wist_waar", 4)]
    assert not Antwoord.objects.filter(vraag=uit).exists()
