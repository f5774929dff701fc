"""The inzage (AVG art. 15) holds every record of the person: walked here independently of
`avg.inzage.verzamel` — from the models' side, every foreign key of every eenplan model — over
everything the shared scenarios (src/eenplan/testing/) make for Anna, then compared row by row.
A new app with personal data is caught twice: its rows must be in the export, and a model with
a foreign key to the resident must either get rows from the scenarios or be named below with
the reason it has none."""

from __future__ import annotations

from collections import defaultdict

import pytest
from django.apps import apps
from django.db import models

from eenplan.avg import services
from eenplan.avg.inzage import inzage_export, inzage_pdf, inzage_tekst
from eenplan.gemeente.constants import Rol
from eenplan.inwoners.models import HuishoudenLid, Inwoner
from eenplan.testing import scenarios
from eenplan.testing.factories import (
    BewaarplichtFactory,
    HuishoudenFactory,
    InbrengFactory,
    InwoneraccountFactory,
    KlachtFactory,
    MachtigingFactory,
    MedewerkerFactory,
    OvergangsrechtFactory,
    ToestemmingFactory,
)
from eenplan.testing.pdf import pdf_gebreken, pdf_tekst

pytestmark = pytest.mark.django_db

# Models that refer to a resident but that the scenarios make no row of for Anna, with why.
GEEN_RIJ_IN_SCENARIO = {
    "beleid.uitnodiging": "the client-experience survey invites a sample, not Anna's case",
    "berichten.prestatie": "a provider's claim line: the scenario's provider sends none",
    "plannen.regisseur": "the scenario's regisseur is the generalist, not a resident",
    "mantelzorg.mantelzorger": "names the carer (Lotte), not Anna; Anna's care is a zorgrelatie",
    "mantelzorg.vrijwilliger": "names a volunteer; Anna is none",
    "mantelzorg.waardering": "the scenario's municipality has made no appreciation choice",
}


def _onafhankelijk(inwoner: Inwoner) -> dict[str, set]:
    """Every row that refers (through foreign keys, transitively) to the person or their
    households, leaving out rows that name only other residents."""
    gevonden: dict[str, set] = defaultdict(set)
    gevonden["inwoners.inwoner"].add(inwoner.pk)
    for lid in HuishoudenLid.objects.filter(inwoner=inwoner):
        gevonden["inwoners.huishouden"].add(lid.huishouden_id)
    modellen = [
        m
        for m in apps.get_models()
        if m.__module__.startswith("eenplan.") and m._meta.app_label != "beveiliging"
    ]
    veranderd = True
    while veranderd:
        veranderd = False
        for model in modellen:
            label = model._meta.label_lower
            fks = [f for f in model._meta.concrete_fields if isinstance(f, models.ForeignKey)]
            persoon = [f.attname for f in fks if f.related_model is Inwoner]
            for fk in fks:
                doel = gevonden.get(fk.related_model._meta.label_lower)
                if not doel:
                    continue
                for rij in model._base_manager.filter(**{f"{fk.attname}__in": list(doel)}):
                    if persoon and not any(getattr(rij, a) == inwoner.pk for a in persoon):
                        continue
                    if rij.pk not in gevonden[label]:
                        gevonden[label].add(rij.pk)
                        veranderd = True
    return gevonden


@pytest.fixture
def anna():
    s = scenarios.bezwaar(scenarios.gemeente())
    fg = MedewerkerFactory(gemeente=s.gemeente, functie=Rol.PRIVACY).user
    KlachtFactory(inwoner=s.inwoner)
    MachtigingFactory(inwoner=s.inwoner, gemachtigde=s.dochter)
    InwoneraccountFactory(inwoner=s.inwoner)
    OvergangsrechtFactory(inwoner=s.inwoner)
    BewaarplichtFactory(inwoner=s.inwoner)
    ToestemmingFactory(inwoner=s.inwoner)
    InbrengFactory(plan=s.plan, inwoner=s.inwoner)
    scenarios.schuldhulp(s)  # signal, contact attempt, debt question and its route (issue 14)
    services.avg_verzoek_register(inwoner=s.inwoner, soort="inzage", actor=fg)
    return s


@pytest.fixture
def bijstand(anna):
    """A working-age resident with an aanvraag levensonderhoud, an earning capacity, a
    trajectory, a jobcoach and a tegenprestatie (the Participatiewet part of the scenarios), in
    Anna's municipality."""
    from eenplan.testing.participatie import (
        LevensonderhoudAanvraagFactory,
        ParticipatieInstrumentFactory,
        TegenprestatieFactory,
        TrajectFactory,
        VerdiencapaciteitFactory,
    )

    aanvraag = LevensonderhoudAanvraagFactory(huishouden=HuishoudenFactory(gemeente=anna.gemeente))
    TrajectFactory(verdiencapaciteit=VerdiencapaciteitFactory(inwoner=aanvraag.inwoner))
    ParticipatieInstrumentFactory(inwoner=aanvraag.inwoner)
    TegenprestatieFactory(lo=aanvraag)
    return aanvraag.inwoner


def _vergelijk(persoon: Inwoner) -> set[str]:
    export = inzage_export(persoon)
    in_export: dict[str, set] = {
        o["model"]: {r["id"] for r in o["rijen"]} for o in export["onderdelen"]
    }
    verwacht = _onafhankelijk(persoon)
    ontbreekt = {
        model: sorted(pks - in_export.get(model, set()))
        for model, pks in verwacht.items()
        if pks - in_export.get(model, set())
    }
    assert ontbreekt == {}
    # nothing of anyone else either: every exported row is one the walk found
    extra = {
        m: sorted(p - verwacht.get(m, set()))
        for m, p in in_export.items()
        if p - verwacht.get(m, set())
    }
    assert extra == {}
    return set(in_export)


def test_inzage_contains_every_record_of_the_person(anna, bijstand):
    modellen_anna = _vergelijk(anna.inwoner)
    gedekt = modellen_anna | _vergelijk(bijstand)
    # every model that names a resident has rows from the scenarios (or a stated reason)
    met_persoon = {
        m._meta.label_lower
        for m in apps.get_models()
        if m.__module__.startswith("eenplan.")
        and any(
            isinstance(f, models.ForeignKey) and f.related_model is Inwoner
            for f in m._meta.concrete_fields
        )
    }
    zonder = sorted(met_persoon - gedekt - set(GEEN_RIJ_IN_SCENARIO))
    assert not set(GEEN_RIJ_IN_SCENARIO) & gedekt, "remove it from GEEN_RIJ_IN_SCENARIO"
    assert zonder == [], f"{zonder}: add rows to the scenarios or to GEEN_RIJ_IN_SCENARIO"
    assert {
        "meldingen.melding",
        "onderzoeken.gesprek",
        "plannen.plan",
        "plannen.doel",
        "beschikkingen.beschikking",
        "beschikkingen.beschiktevoorziening",
        "bezwaren.bezwaar",
        "bezwaren.klacht",
        "privacy.inzage",
        "events.gebeurtenis",
        "privacy.machtiging",
        "avg.avgverzoek",
        "schuldhulp.vroegsignaal",
        "schuldhulp.contactpoging",
        "schuldhulp.schuldvraag",
        "schuldhulp.routestap",
    } <= modellen_anna


def test_documents_are_in_the_export_byte_for_byte(anna):
    import base64

    export = inzage_export(anna.inwoner)
    brief = next(d for d in export["documenten"] if d["model"] == "beschikkingen.beschikking")
    opgeslagen = bytes(anna.beschikking.__class__.objects.get(pk=anna.beschikking.pk).brief_pdf)
    assert base64.b64decode(brief["inhoud_base64"]) == opgeslagen


def test_the_readable_pdf_is_tagged_and_names_who_looked(anna):
    export = inzage_export(anna.inwoner)
    tekst = inzage_tekst(export, gemeente=anna.gemeente.naam)
    assert "Wie heeft uw gegevens bekeken en waarom" in tekst
    pdf = inzage_pdf(export, gemeente=anna.gemeente.naam)
    assert pdf_gebreken(pdf) == []
    gelezen = pdf_tekst(pdf)
    assert anna.inwoner.achternaam in gelezen and "Meldingen" in gelezen
