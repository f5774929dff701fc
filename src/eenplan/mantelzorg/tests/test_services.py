"""The mantelzorg services: the register, the burden in the onderzoek, support and respite, the
yearly appreciation, volunteers and klussen. Every refusal is in Dutch and writes nothing."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from eenplan.events.models import Gebeurtenis
from eenplan.mantelzorg import selectors, services
from eenplan.mantelzorg.models import (
    Belasting,
    Klus,
    Mantelzorger,
    Match,
    RespijtzorgVraag,
    Waardering,
    Zorgrelatie,
)
from eenplan.privacy.models import Inzage
from eenplan.testing import factories as f

pytestmark = pytest.mark.django_db


def vandaag() -> dt.date:
    return timezone.localdate()


def registreer(generalist, verzorgde, **kw):
    args = {
        "verzorgde": verzorgde,
        "naam": "Lotte Jansen",
        "uren_per_week": Decimal(12),
        "sinds": vandaag() - dt.timedelta(days=500),
        "taken": ["huishouden", "administratie"],
        "relatie": "dochter",
        "woonplaats": "Roermond",
        "actor": generalist.user,
    }
    args.update(kw)
    return services.mantelzorger_register(**args)


# --- 1. the register ----------------------------------------------------------------------------


def test_a_carer_living_elsewhere_is_registered_for_a_resident_with_hours_duration_and_tasks(
    generalist, inwoner_noord
):
    relatie = registreer(generalist, inwoner_noord)
    assert relatie.mantelzorger.naam == "Lotte Jansen"
    assert relatie.mantelzorger.als_inwoner is None
    assert relatie.mantelzorger.woonplaats == "Roermond"
    assert relatie.uren_per_week == Decimal(12)
    assert relatie.taken == ["huishouden", "administratie"]
    # The dossier's timeline tells it, and the read was logged for Anna.
    assert Gebeurtenis.objects.filter(
        soort="mantelzorger.geregistreerd", inwoner=inwoner_noord
    ).exists()
    assert Inzage.objects.filter(inwoner=inwoner_noord, onderwerp="mantelzorg").exists()


def test_a_resident_carer_cares_for_two_residents_on_one_record(generalist, inwoner_noord, wijken):
    buur = f.InwonerFactory(gemeente=inwoner_noord.gemeente, wijk=wijken["Noord"])
    tweede = f.InwonerFactory(gemeente=inwoner_noord.gemeente, wijk=wijken["Noord"])
    eerste = registreer(generalist, inwoner_noord, naam="", als_inwoner=buur)
    nog_een = registreer(generalist, tweede, naam="", als_inwoner=buur)
    assert eerste.mantelzorger == nog_een.mantelzorger
    assert eerste.mantelzorger.naam == buur.naam
    assert Mantelzorger.objects.count() == 1
    assert Zorgrelatie.objects.filter(mantelzorger=eerste.mantelzorger).count() == 2


def test_a_young_carer_under_18_is_recognised(generalist, inwoner_noord):
    zestien = vandaag().replace(year=vandaag().year - 16)
    relatie = registreer(generalist, inwoner_noord, geboortedatum=zestien)
    rijen = selectors.mantelzorgers_in_scope(generalist.user, jong=True)
    assert list(rijen) == [relatie.mantelzorger]
    registreer(generalist, inwoner_noord, naam="Kees", geboortedatum=dt.date(1960, 1, 1))
    assert selectors.mantelzorgers_in_scope(generalist.user).count() == 2
    assert selectors.mantelzorgers_in_scope(generalist.user, jong=True).count() == 1


def test_a_carer_linked_to_themselves_is_refused_in_dutch_and_nothing_is_written(
    generalist, inwoner_noord
):
    with pytest.raises(ValidationError) as exc:
        registreer(generalist, inwoner_noord, naam="", als_inwoner=inwoner_noord)
    assert "eigen mantelzorger" in str(exc.value)
    assert not Mantelzorger.objects.exists()
    assert not Zorgrelatie.objects.exists()


def test_a_registered_carer_linked_to_themselves_later_is_refused(
    generalist, inwoner_noord, wijken
):
    buur = f.InwonerFactory(gemeente=inwoner_noord.gemeente, wijk=wijken["Noord"])
    relatie = registreer(generalist, inwoner_noord, naam="", als_inwoner=buur)
    with pytest.raises(ValidationError, match="eigen mantelzorger"):
        services.zorgrelatie_add(
            mantelzorger=relatie.mantelzorger,
            inwoner=buur,
            uren_per_week=Decimal(2),
            sinds=vandaag(),
            taken=[],
            actor=generalist.user,
        )
    assert Zorgrelatie.objects.count() == 1


@pytest.mark.parametrize(
    ("veld", "waarde", "melding"),
    [
        ("uren_per_week", Decimal(0), "meer dan 0"),
        ("uren_per_week", Decimal(200), "168"),
        ("sinds", dt.date(2999, 1, 1), "datum"),
        ("taken", ["toveren"], "Onbekende taak"),
    ],
)
def test_bad_carer_input_is_refused_in_dutch(generalist, inwoner_noord, veld, waarde, melding):
    with pytest.raises(ValidationError, match=melding):
        registreer(generalist, inwoner_noord, **{veld: waarde})
    assert not Mantelzorger.objects.exists()


def test_a_generalist_outside_the_wijk_cannot_register_a_carer(generalist_zuid, inwoner_noord):
    with pytest.raises(PermissionDenied):
        registreer(generalist_zuid, inwoner_noord)
    assert not Mantelzorger.objects.exists()


def test_the_burden_is_recorded_in_the_onderzoek_with_its_date(generalist, onderzoek, gezin):
    relatie = registreer(generalist, gezin["anna"], netwerkpersoon=gezin["lotte"])
    belasting = services.belasting_vastleggen(
        onderzoek=onderzoek,
        zorgrelatie=relatie,
        overbelast=True,
        vastgesteld_op=vandaag(),
        toelichting="Slaapt slecht, werkt daarnaast 32 uur.",
        actor=generalist.user,
    )
    assert belasting.overbelast is True
    assert belasting.vastgesteld_op == vandaag()
    relaties = list(selectors.zorgrelaties_van(gezin["anna"]))
    assert selectors.overbelast(relaties[0]) == belasting
    # Twice in one onderzoek: refused, one row stays.
    with pytest.raises(ValidationError, match="al vastgelegd"):
        services.belasting_vastleggen(
            onderzoek=onderzoek,
            zorgrelatie=relatie,
            overbelast=False,
            vastgesteld_op=vandaag(),
            actor=generalist.user,
        )
    assert Belasting.objects.count() == 1


def test_the_burden_of_someone_elses_carer_is_refused(generalist, onderzoek, inwoner_noord, wijken):
    ander = f.InwonerFactory(gemeente=inwoner_noord.gemeente, wijk=wijken["Noord"])
    relatie = registreer(generalist, ander)
    with pytest.raises(ValidationError, match="zorgt niet voor de inwoner van dit onderzoek"):
        services.belasting_vastleggen(
            onderzoek=onderzoek,
            zorgrelatie=relatie,
            overbelast=True,
            vastgesteld_op=vandaag(),
            actor=generalist.user,
        )
    assert not Belasting.objects.exists()


# --- 2. support and respite --------------------------------------------------------------------


def test_support_is_recorded_per_basic_function_with_provider_and_date(generalist, inwoner_noord):
    mz = registreer(generalist, inwoner_noord).mantelzorger
    steun = services.ondersteuning_add(
        mantelzorger=mz,
        basisfunctie="educatie",
        aanbieder="Steunpunt Mantelzorg",
        datum=vandaag(),
        actor=generalist.user,
    )
    assert steun.get_basisfunctie_display() == "Educatie"
    with pytest.raises(ValidationError, match="acht basisfuncties"):
        services.ondersteuning_add(
            mantelzorger=mz,
            basisfunctie="geld",
            aanbieder="X",
            datum=vandaag(),
            actor=generalist.user,
        )
    assert mz.ondersteuningen.count() == 1


def test_respite_demand_and_supply_are_compared_per_kind(generalist, inwoner_noord):
    mz = registreer(generalist, inwoner_noord).mantelzorger
    van = vandaag() - dt.timedelta(days=30)

    def vraag(soort, uren):
        return services.respijt_vraag_add(
            mantelzorger=mz,
            inwoner=inwoner_noord,
            soort=soort,
            gevraagd_op=vandaag() - dt.timedelta(days=20),
            uren_gevraagd=Decimal(uren),
            actor=generalist.user,
        )

    geleverd = vraag("dag", 16)
    services.respijt_vraag_afhandelen(
        vraag=geleverd,
        status="geleverd",
        afgehandeld_op=vandaag() - dt.timedelta(days=10),
        uren_geleverd=Decimal(12),
        aanbieder="Dagbesteding De Linde",
        actor=generalist.user,
    )
    geen = vraag("logeren", 48)
    services.respijt_vraag_afhandelen(
        vraag=geen,
        status="niet_geleverd",
        afgehandeld_op=vandaag() - dt.timedelta(days=5),
        toelichting="Logeerhuis vol",
        actor=generalist.user,
    )
    vraag("dag", 8)
    regels = {
        r.soort: r
        for r in selectors.respijt_vraag_aanbod(gemeente=mz.gemeente, van=van, tot=vandaag())
    }
    assert regels["dag"].gevraagd == 2
    assert regels["dag"].uren_gevraagd == Decimal(24)
    assert regels["dag"].uren_geleverd == Decimal(12)
    assert regels["dag"].dekking == Decimal("50.0")
    assert regels["dag"].open == 1
    assert regels["dag"].gemiddelde_wachtdagen == Decimal("10.0")
    assert regels["logeren"].niet_geleverd == 1
    assert regels["logeren"].dekking == Decimal("0.0")
    assert regels["thuis"].gevraagd == 0
    # A request is handled once.
    with pytest.raises(ValidationError, match="al afgehandeld"):
        services.respijt_vraag_afhandelen(
            vraag=geen, status="geleverd", afgehandeld_op=vandaag(), actor=generalist.user
        )
    assert RespijtzorgVraag.objects.get(pk=geen.pk).status == "niet_geleverd"


# --- 3. the yearly appreciation -------------------------------------------------------------------


def test_the_appreciation_follows_the_choice_in_force_and_one_per_year_is_enforced(
    generalist, inwoner_noord
):
    mz = registreer(generalist, inwoner_noord).mantelzorger
    jan = vandaag().replace(month=1, day=1)
    f.WaarderingRegelingFactory(gemeente=mz.gemeente, bedrag=Decimal("50.00"), geldig_vanaf=jan)
    waardering = services.waardering_aanvragen(
        mantelzorger=mz,
        namens=inwoner_noord,
        aangevraagd_door="verzorgde",
        aangevraagd_op=vandaag(),
        actor=generalist.user,
    )
    assert (waardering.jaar, waardering.vorm, waardering.bedrag) == (
        vandaag().year,
        "bedrag",
        Decimal("50.00"),
    )
    with pytest.raises(ValidationError) as exc:
        services.waardering_aanvragen(
            mantelzorger=mz,
            namens=inwoner_noord,
            aangevraagd_door="zelf",
            aangevraagd_op=vandaag(),
            actor=generalist.user,
        )
    assert "één per jaar" in str(exc.value)
    assert Waardering.objects.count() == 1


def test_a_later_municipal_choice_changes_the_form_from_its_date(generalist, inwoner_noord):
    from eenplan.rules.mantelzorg import regeling_op

    mz = registreer(generalist, inwoner_noord).mantelzorger
    f.WaarderingRegelingFactory(gemeente=mz.gemeente, geldig_vanaf=dt.date(2020, 1, 1))
    f.WaarderingRegelingFactory(
        gemeente=mz.gemeente,
        vorm="bijeenkomst",
        bedrag=None,
        omschrijving="Dag van de Mantelzorg, 10 november, theater",
        geldig_vanaf=dt.date(2024, 1, 1),
    )
    versies = services.regeling_versies(mz.gemeente_id)
    assert regeling_op(versies, dt.date(2023, 6, 1)).vorm == "bedrag"
    assert regeling_op(versies, dt.date(2024, 6, 1)).vorm == "bijeenkomst"
    waardering = services.waardering_aanvragen(
        mantelzorger=mz,
        namens=inwoner_noord,
        aangevraagd_door="zelf",
        aangevraagd_op=vandaag(),
        actor=generalist.user,
    )
    assert waardering.vorm == "bijeenkomst"
    assert waardering.bedrag is None


def test_without_a_municipal_choice_no_appreciation_is_written(generalist, inwoner_noord):
    mz = registreer(generalist, inwoner_noord).mantelzorger
    with pytest.raises(ValidationError, match="nog niet vastgelegd"):
        services.waardering_aanvragen(
            mantelzorger=mz,
            namens=inwoner_noord,
            aangevraagd_door="zelf",
            aangevraagd_op=vandaag(),
            actor=generalist.user,
        )
    assert not Waardering.objects.exists()


def test_a_choice_without_source_or_amount_is_refused(gemeente):
    with pytest.raises(ValidationError) as exc:
        f.WaarderingRegelingFactory(gemeente=gemeente, bedrag=None, bron="")
    assert "bedrag" in str(exc.value)
    assert "bron" in str(exc.value)


def test_the_database_refuses_a_second_appreciation_in_one_year_too(generalist, inwoner_noord):
    from django.db import IntegrityError, transaction

    waardering = f.WaarderingFactory(
        mantelzorger=registreer(generalist, inwoner_noord).mantelzorger
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        Waardering.objects.create(
            mantelzorger=waardering.mantelzorger,
            jaar=waardering.jaar,
            regeling=waardering.regeling,
            vorm="bedrag",
            aangevraagd_op=vandaag(),
            aangevraagd_door="zelf",
            namens=inwoner_noord,
            vastgelegd_door=generalist.user,
        )


# --- 4. volunteers and klussen -------------------------------------------------------------------


def _dinsdag() -> dt.date:
    dag = vandaag() + dt.timedelta(days=1)
    while dag.weekday() != 1:
        dag += dt.timedelta(days=1)
    return dag


def test_a_volunteer_is_matched_to_a_klus_by_wijk_and_skill_and_the_outcome_recorded(
    generalist, inwoner_noord, wijken
):
    gemeente = inwoner_noord.gemeente
    hier = f.VrijwilligerFactory(gemeente=gemeente, wijk=wijken["Noord"], naam="Aad")
    daar = f.VrijwilligerFactory(gemeente=gemeente, wijk=wijken["Zuid"], naam="Bep")
    f.VrijwilligerFactory(gemeente=gemeente, wijk=wijken["Noord"], vaardigheden=["administratie"])
    f.VrijwilligerFactory(gemeente=gemeente, wijk=wijken["Noord"], beschikbaarheid=["za_avond"])
    klus = services.klus_add(
        hulpvrager=inwoner_noord,
        vaardigheid="boodschappen",
        omschrijving="Boodschappen voor de week",
        datum=_dinsdag(),
        dagdeel="ochtend",
        actor=generalist.user,
    )
    assert selectors.kandidaten(klus) == [hier, daar]
    match = services.match_maken(klus=klus, vrijwilliger=hier, actor=generalist.user)
    assert Klus.objects.get(pk=klus.pk).status == "gekoppeld"
    services.match_uitkomst(match=match, uitkomst="uitgevoerd", op=vandaag(), actor=generalist.user)
    assert Klus.objects.get(pk=klus.pk).status == "afgerond"
    assert Match.objects.get(pk=match.pk).uitkomst == "uitgevoerd"


def test_a_match_outside_the_volunteers_availability_is_refused_in_dutch(
    generalist, inwoner_noord, wijken
):
    alleen_zaterdag = f.VrijwilligerFactory(
        gemeente=inwoner_noord.gemeente, wijk=wijken["Noord"], beschikbaarheid=["za_ochtend"]
    )
    klus = f.KlusFactory(hulpvrager=inwoner_noord, datum=_dinsdag(), dagdeel="ochtend")
    with pytest.raises(ValidationError) as exc:
        services.match_maken(klus=klus, vrijwilliger=alleen_zaterdag, actor=generalist.user)
    assert "niet beschikbaar op dinsdag ochtend" in str(exc.value)
    assert not Match.objects.exists()
    assert Klus.objects.get(pk=klus.pk).status == "open"


def test_a_klus_that_fell_through_is_open_again_for_another_volunteer(generalist, inwoner_noord):
    match = f.MatchFactory(klus=f.KlusFactory(hulpvrager=inwoner_noord))
    with pytest.raises(ValidationError, match="niet meer open"):
        services.match_maken(
            klus=match.klus,
            vrijwilliger=f.VrijwilligerFactory(
                gemeente=inwoner_noord.gemeente, wijk=inwoner_noord.wijk
            ),
            actor=generalist.user,
        )
    services.match_uitkomst(match=match, uitkomst="afgezegd", op=vandaag(), actor=generalist.user)
    assert Klus.objects.get(pk=match.klus_id).status == "open"
    tweede = f.VrijwilligerFactory(gemeente=inwoner_noord.gemeente, wijk=inwoner_noord.wijk)
    services.match_maken(klus=match.klus, vrijwilliger=tweede, actor=generalist.user)
    assert Match.objects.filter(klus=match.klus).count() == 2


def test_a_tegenprestatie_candidate_is_offered_volunteer_work_that_fits(
    generalist, inwoner_noord, wijken
):
    kandidaat = f.InwonerFactory(gemeente=inwoner_noord.gemeente, wijk=wijken["Noord"])
    klus = f.KlusFactory(hulpvrager=inwoner_noord, datum=_dinsdag(), dagdeel="ochtend")
    f.KlusFactory(hulpvrager=inwoner_noord, vaardigheid="tuin", datum=_dinsdag())
    profiel = services.vrijwilligerswerk_aanbieden(
        inwoner=kandidaat,
        vaardigheden=["boodschappen"],
        beschikbaarheid=["di_ochtend", "do_middag"],
        actor=generalist.user,
    )
    assert profiel.via_tegenprestatie
    assert profiel.wijk == wijken["Noord"]
    assert selectors.klussen_voor(profiel) == [klus]
    # Offering it again keeps one profile.
    services.vrijwilligerswerk_aanbieden(
        inwoner=kandidaat,
        vaardigheden=["tuin"],
        beschikbaarheid=["di_ochtend"],
        actor=generalist.user,
    )
    from eenplan.mantelzorg.models import Vrijwilliger

    assert Vrijwilliger.objects.filter(als_inwoner=kandidaat).count() == 1
