"""Meldingen services: the legal clock, screening, assignment rules, suspension, linking.
Every refusal leaves the database as it was."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from eenplan.gemeente.constants import Rol, TeamSoort
from eenplan.gemeente.models import GelijkgesteldeFeestdag
from eenplan.inwoners.constants import Relatie
from eenplan.inwoners.services import huishouden_create
from eenplan.meldingen import services
from eenplan.meldingen.constants import Doorzetting, Kanaal, MelderSoort, Status
from eenplan.meldingen.models import Melding, MeldingGebeurtenis, Notificatie
from eenplan.privacy.access import inwoners_in_scope
from eenplan.testing.factories import (
    GemeenteFactory,
    InwonerFactory,
    MedewerkerFactory,
    TeamFactory,
    WijkFactory,
)

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 5, 20)


@pytest.fixture
def register(midoffice):
    def _register(**overrides):
        data = {
            "gemeente": midoffice.gemeente,
            "actor": midoffice.user,
            "melder_soort": MelderSoort.ZELF,
            "kanaal": Kanaal.TELEFOON,
            "vraag": "Ik kan de trap niet meer op.",
            "ontvangen_op": dt.date(2026, 3, 24),
            "domeinen": ["wmo"],
            "vandaag": TODAY,
        }
        data.update(overrides)
        return services.melding_register(**data)

    return _register


@pytest.fixture
def jeugdprofessional(team_noord):
    return MedewerkerFactory(
        gemeente=team_noord.gemeente,
        functie=Rol.JEUGDPROFESSIONAL,
        teams=[team_noord],
        registratienummer="SKJ1",
        registratie_geldig_tot=TODAY + dt.timedelta(days=30),
    )


class TestRegister:
    def test_deadline_six_weeks_extended_past_liberation_day(self, register, inwoner_noord):
        melding = register(inwoner=inwoner_noord)
        # Tuesday 24 March 2026 + 6 weeks = Tuesday 5 May, a holiday every year (Atw art. 3)
        assert melding.onderzoek_uiterlijk == dt.date(2026, 5, 6)
        assert melding.persoonlijk_plan_uiterlijk == dt.date(2026, 3, 31)
        assert melding.ontvangstbevestiging_op == TODAY
        soorten = list(melding.gebeurtenissen.values_list("soort", flat=True))
        assert soorten == ["geregistreerd", "ontvangstbevestiging"]
        assert (
            "persoonlijk plan"
            in melding.gebeurtenissen.get(soort="ontvangstbevestiging").toelichting
        )

    def test_municipal_decree_day_extends_the_deadline(self, register, inwoner_noord):
        GelijkgesteldeFeestdag.objects.create(
            datum=dt.date(2026, 5, 6), omschrijving="Test", bron="Besluit (test)"
        )
        assert register(inwoner=inwoner_noord).onderzoek_uiterlijk == dt.date(2026, 5, 7)

    def test_records_household_at_registration(self, register, inwoner_noord):
        hh = huishouden_create(
            gemeente=inwoner_noord.gemeente,
            leden=[(inwoner_noord, Relatie.REFERENTIE, dt.date(2000, 1, 1))],
        )
        assert register(inwoner=inwoner_noord).huishouden == hh

    @pytest.mark.parametrize(
        ("overrides", "field"),
        [
            ({"melder_soort": ""}, "melder_soort"),
            ({"ontvangen_op": TODAY + dt.timedelta(days=1)}, "ontvangen_op"),
            ({"inwoner": None, "onbekende_persoon": " "}, "inwoner"),
            ({"vraag": "  "}, "vraag"),
            ({"domeinen": []}, "domeinen"),
        ],
    )
    def test_bad_input_is_refused_and_nothing_written(
        self, register, inwoner_noord, overrides, field
    ):
        with pytest.raises(ValidationError) as exc:
            register(**{"inwoner": inwoner_noord, **overrides})
        assert field in exc.value.message_dict
        assert not Melding.objects.exists() and not MeldingGebeurtenis.objects.exists()

    def test_resident_of_another_municipality_is_refused(self, register):
        elders = GemeenteFactory(cbs_code="GM0889", naam="Peel en Maas")
        vreemde = InwonerFactory(gemeente=elders, wijk=WijkFactory(gemeente=elders))
        with pytest.raises(ValidationError, match="woont niet in"):
            register(inwoner=vreemde)
        assert not Melding.objects.exists()

    def test_unknown_person_can_be_registered_and_identified_later(
        self, register, midoffice, inwoner_noord
    ):
        melding = register(onbekende_persoon="Mevrouw Jansen, Markt 3, ongeveer 80 jaar")
        services.melding_identify(melding=melding, inwoner=inwoner_noord, actor=midoffice.user)
        assert melding.inwoner == inwoner_noord

    def test_gp_youth_referral_is_followed_and_team_notified(
        self, register, inwoner_noord, team_noord
    ):
        melding = register(
            inwoner=inwoner_noord, melder_soort=MelderSoort.HUISARTS, domeinen=["jeugd"]
        )
        assert melding.wettelijke_verwijzing
        notificatie = Notificatie.objects.get()
        assert notificatie.team == team_noord and "2.6" in notificatie.tekst

    def test_gp_referral_for_an_adult_wmo_question_is_no_youth_referral(
        self, register, inwoner_noord
    ):
        melding = register(inwoner=inwoner_noord, melder_soort=MelderSoort.HUISARTS)
        assert not melding.wettelijke_verwijzing and not Notificatie.objects.exists()


class TestScreening:
    def test_answer_directly(self, register, midoffice, inwoner_noord):
        melding = services.melding_answer(
            melding=register(inwoner=inwoner_noord),
            actor=midoffice.user,
            antwoord="Trapliftvergoeding via...",
        )
        assert melding.status == Status.BEANTWOORD
        with pytest.raises(ValidationError):
            services.melding_answer(melding=melding, actor=midoffice.user, antwoord="nogmaals")

    def test_forward_to_veilig_thuis_sets_safety_flag_and_team(
        self, register, midoffice, inwoner_noord
    ):
        regio = TeamFactory(
            gemeente=midoffice.gemeente, soort=TeamSoort.REGIONAAL, naam="Veilig Thuis"
        )
        melding = services.melding_forward(
            melding=register(inwoner=inwoner_noord),
            actor=midoffice.user,
            naar=Doorzetting.VEILIG_THUIS,
        )
        assert (melding.status, melding.veiligheid, melding.team) == (Status.DOORGEZET, True, regio)

    def test_forward_outside_needs_the_organisation(self, register, midoffice, inwoner_noord):
        melding = register(inwoner=inwoner_noord)
        with pytest.raises(ValidationError, match="organisatie"):
            services.melding_forward(melding=melding, actor=midoffice.user, naar=Doorzetting.EXTERN)
        melding.refresh_from_db()
        assert melding.status == Status.GEREGISTREERD


class TestAssignment:
    def test_round_robin_over_the_wijkteam(
        self, register, midoffice, team_noord, generalist, wijken
    ):
        tweede = MedewerkerFactory(
            gemeente=team_noord.gemeente, functie=Rol.GENERALIST, teams=[team_noord]
        )
        assigned = []
        for _ in range(4):
            inwoner = InwonerFactory(gemeente=wijken["Noord"].gemeente, wijk=wijken["Noord"])
            melding = services.melding_assign(
                melding=register(inwoner=inwoner), actor=midoffice.user, vandaag=TODAY
            )
            assigned.append(melding.medewerker)
        assert assigned == [generalist, tweede, generalist, tweede]

    def test_assignee_gets_need_to_know_access(self, register, midoffice, team_noord, inwoner_zuid):
        collega = MedewerkerFactory(
            gemeente=team_noord.gemeente, functie=Rol.GENERALIST, teams=[team_noord]
        )
        assert inwoner_zuid not in inwoners_in_scope(collega.user)
        services.melding_assign(
            melding=register(inwoner=inwoner_zuid),
            actor=midoffice.user,
            team=team_noord,
            medewerker=collega,
        )
        assert inwoner_zuid in inwoners_in_scope(collega.user)

    def test_youth_only_to_a_validly_registered_professional(
        self, register, midoffice, generalist, jeugdprofessional, inwoner_noord
    ):
        melding = register(inwoner=inwoner_noord, domeinen=["jeugd"])
        with pytest.raises(ValidationError, match="geldige registratie"):
            services.melding_assign(
                melding=melding, actor=midoffice.user, medewerker=generalist, vandaag=TODAY
            )
        melding.refresh_from_db()
        assert melding.status == Status.GEREGISTREERD and melding.medewerker is None
        assert (
            services.melding_assign(melding=melding, actor=midoffice.user, vandaag=TODAY).medewerker
            == jeugdprofessional
        )

    def test_expired_registration_is_refused(
        self, register, midoffice, jeugdprofessional, inwoner_noord
    ):
        melding = register(inwoner=inwoner_noord, domeinen=["jeugd", "wmo"])
        later = TODAY + dt.timedelta(days=31)
        with pytest.raises(ValidationError, match="geen jeugdprofessional"):
            services.melding_assign(melding=melding, actor=midoffice.user, vandaag=later)

    def test_reassignment_keeps_history_and_one_contact(
        self, register, midoffice, team_noord, generalist, inwoner_noord
    ):
        tweede = MedewerkerFactory(
            gemeente=team_noord.gemeente, functie=Rol.GENERALIST, teams=[team_noord]
        )
        melding = services.melding_assign(
            melding=register(inwoner=inwoner_noord), actor=midoffice.user, medewerker=generalist
        )
        melding = services.melding_assign(
            melding=melding, actor=midoffice.user, medewerker=tweede, reden="Verlof"
        )
        assert melding.medewerker == tweede
        events = melding.gebeurtenissen.filter(soort="toegewezen").order_by("id")
        assert [e.medewerker for e in events] == [generalist, tweede]
        assert "Overgenomen van" in events.last().toelichting

    def test_colleague_from_another_team_is_refused(
        self, register, midoffice, team_noord, inwoner_noord, gemeente
    ):
        ander = MedewerkerFactory(gemeente=gemeente, functie=Rol.GENERALIST)
        with pytest.raises(ValidationError, match="werkt niet in"):
            services.melding_assign(
                melding=register(inwoner=inwoner_noord),
                actor=midoffice.user,
                team=team_noord,
                medewerker=ander,
            )


class TestSuspension:
    def test_suspension_moves_the_deadline_by_the_suspended_days(
        self, register, midoffice, inwoner_noord
    ):
        melding = register(inwoner=inwoner_noord, ontvangen_op=dt.date(2026, 3, 2), vandaag=TODAY)
        assert melding.onderzoek_uiterlijk == dt.date(2026, 4, 13)
        opschorting = services.melding_suspend(
            melding=melding,
            actor=midoffice.user,
            van=dt.date(2026, 3, 4),
            reden="Wacht op papieren",
        )
        melding.refresh_from_db()
        assert melding.onderzoek_uiterlijk is None  # unknown while the clock stands still
        melding = services.melding_resume(
            opschorting=opschorting, actor=midoffice.user, tot=dt.date(2026, 3, 18)
        )
        # 13 suspended days (5 up to and including 17 March): 13 April + 13 = 26 April (Sunday)
        # -> Monday 27 April is King's Day -> Tuesday 28 April.
        assert melding.onderzoek_uiterlijk == dt.date(2026, 4, 28)
        assert {"opgeschort", "hervat"} <= set(
            melding.gebeurtenissen.values_list("soort", flat=True)
        )

    def test_suspension_needs_a_reason(self, register, midoffice, inwoner_noord):
        melding = register(inwoner=inwoner_noord)
        with pytest.raises(ValidationError, match="reden"):
            services.melding_suspend(
                melding=melding, actor=midoffice.user, van=dt.date(2026, 3, 25), reden=""
            )


class TestLinking:
    def test_new_melding_joins_the_open_case_of_the_household(
        self, register, midoffice, generalist, wijken, inwoner_noord
    ):
        partner = InwonerFactory(gemeente=inwoner_noord.gemeente, wijk=wijken["Noord"])
        huishouden_create(
            gemeente=inwoner_noord.gemeente,
            leden=[
                (inwoner_noord, Relatie.REFERENTIE, dt.date(2000, 1, 1)),
                (partner, Relatie.PARTNER, dt.date(2000, 1, 1)),
            ],
        )
        eerste = services.melding_assign(
            melding=register(inwoner=inwoner_noord), actor=midoffice.user, medewerker=generalist
        )
        tweede = register(inwoner=partner, vraag="Mijn man heeft hulp nodig bij het wassen.")
        services.melding_link(melding=tweede, bestaande=eerste, actor=midoffice.user)
        assert (tweede.status, tweede.gekoppeld_aan, tweede.medewerker) == (
            Status.GEKOPPELD,
            eerste,
            generalist,
        )
        assert eerste.gebeurtenissen.filter(soort="aanvulling").exists()

    def test_linking_to_another_household_is_refused(
        self, register, midoffice, inwoner_noord, inwoner_zuid
    ):
        eerste = register(inwoner=inwoner_zuid)
        tweede = register(inwoner=inwoner_noord)
        with pytest.raises(ValidationError, match="dezelfde inwoner"):
            services.melding_link(melding=tweede, bestaande=eerste, actor=midoffice.user)
        tweede.refresh_from_db()
        assert tweede.status == Status.GEREGISTREERD


def test_closing_ends_the_assignee_s_need_to_know(register, midoffice, team_noord, inwoner_zuid):
    collega = MedewerkerFactory(
        gemeente=team_noord.gemeente, functie=Rol.GENERALIST, teams=[team_noord]
    )
    melding = services.melding_assign(
        melding=register(inwoner=inwoner_zuid),
        actor=midoffice.user,
        team=team_noord,
        medewerker=collega,
    )
    assert inwoner_zuid in inwoners_in_scope(collega.user)
    services.melding_close(melding=melding, actor=midoffice.user, toelichting="Plan gemaakt")
    assert inwoner_zuid not in inwoners_in_scope(
        collega.user, vandaag=timezone.localdate() + dt.timedelta(days=1)
    )
