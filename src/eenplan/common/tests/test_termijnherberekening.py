"""The registry of recomputed deadlines (ADR 0049): every stored deadline field is either
recomputed by its own app or left out on purpose with a reason; the apps are walked in the order
their rules need; an app registers only its own tables; the history text names the day."""

from __future__ import annotations

import datetime as dt

import pytest
from django.apps import apps
from django.db import models

from eenplan.common import termijnherberekening as th
from eenplan.meldingen.models import Melding

# Deadline fields not recomputed, with the reason (ADR 0049, "Not recomputed, on purpose").
NIET_HERBEREKEND = {
    ("participatie.levensonderhoudaanvraag", "zoektermijn_tot"): "first day, not a deadline",
    ("plannen.actie", "uiterlijk"): "a day people agreed in the plan",
}


def _deadline_fields() -> set[tuple[str, str]]:
    gevonden = set()
    for model in apps.get_models():
        if not model.__module__.startswith("eenplan."):
            continue
        for field in model._meta.concrete_fields:
            if isinstance(field, models.DateField) and not isinstance(
                field, models.DateTimeField
            ) and (field.name.endswith("uiterlijk") or field.name == "zoektermijn_tot"):
                gevonden.add((model._meta.label_lower, field.name))
    return gevonden


def test_every_stored_deadline_is_recomputed_or_left_out_with_a_reason():
    geregistreerd = {
        (tabel.model._meta.label_lower, veld.veld)
        for item in th.herberekenaars()
        for tabel in item.tabellen
        for veld in tabel.velden
    }
    assert geregistreerd == {
        ("meldingen.melding", "onderzoek_uiterlijk"),
        ("meldingen.melding", "persoonlijk_plan_uiterlijk"),
        ("beschikkingen.aanvraag", "beslissen_uiterlijk"),
        ("beschikkingen.beschikking", "bezwaar_uiterlijk"),
        ("bezwaren.bezwaar", "beslissen_uiterlijk"),
        ("bezwaren.bezwaar", "beroep_uiterlijk"),
        ("bezwaren.klacht", "afhandelen_uiterlijk"),
        ("berichten.bericht", "retour_uiterlijk"),
        ("berichten.bericht", "antwoord_uiterlijk"),
        ("schuldhulp.schuldvraag", "eerste_gesprek_uiterlijk"),
        ("schuldhulp.schuldvraag", "beslissen_uiterlijk"),
        ("avg.avgverzoek", "antwoord_uiterlijk"),
        ("avg.avgverzoek", "vernietigen_uiterlijk"),
    }
    assert _deadline_fields() == geregistreerd | set(NIET_HERBEREKEND)


def test_apps_whose_rules_read_another_apps_deadline_come_after_it():
    volgorde = [item.app_label for item in th.herberekenaars()]
    assert volgorde.index("beschikkingen") < volgorde.index("bezwaren")
    assert volgorde.index("beschikkingen") < volgorde.index("schuldhulp")
    assert len(volgorde) == len(set(volgorde))


def test_an_app_registers_only_its_own_tables():
    with pytest.raises(ValueError, match="herberekent geen termijnen van meldingen.Melding"):
        th.herberekenaar(
            "bezwaren",
            label="Fout",
            tabellen=[th.Tabel(model=Melding, gemeente="gemeente_id", velden=(), vastleggen=print)],
        )


def test_the_history_line_names_the_day_and_its_reason():
    dag = dt.date(2029, 5, 11)
    erbij = th.Wijziging(
        datum=dag, toegevoegd=True, omschrijving="vrijdag na Hemelvaartsdag",
        vandaag=dt.date(2029, 1, 2), extra=(),
    )  # fmt: skip
    assert erbij.tekst("Bezwaartermijn", dag, dag + dt.timedelta(days=3)) == (
        "Bezwaartermijn verschoven van 11-05-2029 naar 14-05-2029 door feestdag 11-05-2029 "
        "(vrijdag na Hemelvaartsdag)"
    )
    eraf = th.Wijziging(
        datum=dag, toegevoegd=False, omschrijving="", vandaag=dt.date(2029, 1, 2), extra=()
    )
    assert eraf.reden == "doordat 11-05-2029 geen feestdag meer is"
    assert erbij.ondergrens == dag  # a deadline before the day cannot contain it
    laat = th.Wijziging(
        datum=dt.date(2021, 5, 14), toegevoegd=True, omschrijving="", vandaag=dag, extra=()
    )
    assert laat.ondergrens == dt.date(2021, 5, 14)  # passed terms are read, to be counted
