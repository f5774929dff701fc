"""Onderzoek and Eén plan: finalisation check, ladder refusal, regisseur and consent rules,
merge, signing that creates aanvragen. Every refusal changes nothing."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from eenplan.beschikkingen.models import Aanvraag
from eenplan.inwoners.constants import NetwerkSoort, Relatie
from eenplan.inwoners.services import huishouden_create, netwerkpersoon_add
from eenplan.meldingen import services as meldingen
from eenplan.meldingen.constants import Kanaal, MelderSoort
from eenplan.onderzoeken import services as onderzoeken
from eenplan.onderzoeken.constants import OnderzoekStatus
from eenplan.onderzoeken.models import Leefgebied, ZrmScore
from eenplan.plannen import services as plannen
from eenplan.plannen.constants import (
    Doeltype,
    Escalatie,
    PlanStatus,
    RegisseurSoort,
    Uitvoerder,
    VeiligheidSoort,
)
from eenplan.plannen.models import Deelnemer, Doel, PlanVersie, Regisseur
from eenplan.privacy.services import toestemming_give, toestemming_withdraw
from eenplan.rules.onderzoek import ONDERDELEN, LadderStap
from eenplan.testing.factories import InwonerFactory, plan_uit_vorig_huishouden

pytestmark = pytest.mark.django_db
VANDAAG = timezone.localdate()


@pytest.fixture
def gezin(inwoner_noord, wijken):
    partner = InwonerFactory(
        gemeente=inwoner_noord.gemeente,
        wijk=wijken["Noord"],
        voornamen="Henk",
        achternaam="Jansen",
        geboortedatum=dt.date(1946, 11, 20),
    )
    huishouden = huishouden_create(
        gemeente=inwoner_noord.gemeente,
        naam="Huishouden Jansen",
        leden=[
            (inwoner_noord, Relatie.REFERENTIE, dt.date(1972, 5, 1)),
            (partner, Relatie.PARTNER, dt.date(1972, 5, 1)),
        ],
    )
    dochter = netwerkpersoon_add(
        inwoner=inwoner_noord,
        soort=NetwerkSoort.MANTELZORGER,
        naam="Lotte Jansen",
        relatie="dochter",
    )
    return {"huishouden": huishouden, "anna": inwoner_noord, "henk": partner, "lotte": dochter}


@pytest.fixture
def onderzoek(gezin, midoffice, generalist):
    melding = meldingen.melding_register(
        gemeente=midoffice.gemeente,
        actor=midoffice.user,
        melder_soort=MelderSoort.NETWERK,
        kanaal=Kanaal.TELEFOON,
        vraag="Moeder redt het niet meer thuis.",
        ontvangen_op=VANDAAG - dt.timedelta(days=10),
        domeinen=["wmo"],
        inwoner=gezin["anna"],
    )
    meldingen.melding_assign(melding=melding, actor=midoffice.user, medewerker=generalist)
    return onderzoeken.onderzoek_start(melding=melding, actor=generalist.user)


def compleet(onderzoek, generalist):
    onderzoeken.gesprek_add(
        actor=onderzoek.medewerker.user,
        onderzoek=onderzoek,
        datum=VANDAAG,
        plaats="Bij mevrouw thuis",
        deelnemers=["inwoner", "mantelzorger"],
    )
    for o in ONDERDELEN:
        onderzoeken.onderdeel_set(
            actor=onderzoek.medewerker.user,
            onderzoek=onderzoek,
            code=o.code,
            antwoord=f"Besproken {o.code}",
        )
    onderzoeken.onderzoek_set_checks(
        actor=onderzoek.medewerker.user,
        onderzoek=onderzoek,
        clientondersteuning_gewezen=True,
        pgb_uitgelegd=True,
        mantelzorger_besproken=True,
    )


def ladder(onderzoek, tot=LadderStap.INDIVIDUEEL_MAATWERK):
    for stap in LadderStap:
        if stap >= tot:
            break
        onderzoeken.afweging_set(
            actor=onderzoek.medewerker.user,
            onderzoek=onderzoek,
            stap=stap,
            bevinding="Onderzocht",
            volstaat=False,
            reden_niet_toereikend="Schiet tekort",
        )


class TestOnderzoek:
    def test_verslag_cannot_be_final_until_everything_is_answered(self, onderzoek, generalist):
        with pytest.raises(ValidationError) as exc:
            onderzoeken.verslag_finalise(onderzoek=onderzoek, actor=generalist.user)
        text = " ".join(exc.value.messages)
        assert "gesprek" in text and "Onderdeel a" in text and "cliëntondersteuning" in text
        onderzoek.refresh_from_db()
        assert onderzoek.status == OnderzoekStatus.LOPEND

    def test_mantelzorger_need_must_be_discussed_when_there_is_one(self, onderzoek, generalist):
        compleet(onderzoek, generalist)
        onderzoeken.onderzoek_set_checks(
            actor=onderzoek.medewerker.user,
            onderzoek=onderzoek,
            clientondersteuning_gewezen=True,
            pgb_uitgelegd=True,
            mantelzorger_besproken=None,
        )
        with pytest.raises(ValidationError, match="mantelzorger"):
            onderzoeken.verslag_finalise(onderzoek=onderzoek, actor=generalist.user)

    def test_final_verslag_is_kept_and_frozen_remarks_added(self, onderzoek, generalist):
        compleet(onderzoek, generalist)
        onderzoeken.onderdeel_set(
            actor=onderzoek.medewerker.user,
            onderzoek=onderzoek,
            code="g",
            antwoord="",
            reden_niet_van_toepassing="Geen maatwerk nodig",
        )
        onderzoek = onderzoeken.verslag_finalise(onderzoek=onderzoek, actor=generalist.user)
        assert "Verslag van het onderzoek" in onderzoek.verslag_tekst
        assert "Niet van toepassing: Geen maatwerk nodig" in onderzoek.verslag_tekst
        with pytest.raises(ValidationError, match="definitief"):
            onderzoeken.onderdeel_set(
                actor=onderzoek.medewerker.user,
                onderzoek=onderzoek,
                code="a",
                antwoord="later gewijzigd",
            )
        with pytest.raises(ValidationError, match="nog niet naar de inwoner"):
            onderzoeken.verslag_reactie_add(
                actor=onderzoek.medewerker.user,
                onderzoek=onderzoek,
                tekst="Klopt niet",
                ontvangen_op=VANDAAG,
            )
        onderzoeken.verslag_send(actor=onderzoek.medewerker.user, onderzoek=onderzoek, op=VANDAAG)
        onderzoeken.verslag_reactie_add(
            actor=onderzoek.medewerker.user,
            onderzoek=onderzoek,
            tekst="Mijn dochter komt vaker.",
            ontvangen_op=VANDAAG,
        )
        assert onderzoek.reacties.count() == 1

    def test_score_outside_the_scale_is_refused(self, onderzoek, generalist):
        leefgebied = Leefgebied.objects.get(code="financien")
        with pytest.raises(ValidationError, match="tussen 1 en 5"):
            onderzoeken.score_add(
                inwoner=onderzoek.inwoner,
                leefgebied=leefgebied,
                score=6,
                datum=VANDAAG,
                actor=generalist.user,
            )
        assert not ZrmScore.objects.exists()

    def test_zrm_is_loaded_as_data(self):
        assert Leefgebied.objects.filter(instrument__naam="Zelfredzaamheid-Matrix").count() == 11


class TestPlan:
    def test_one_plan_per_household(self, gezin, generalist):
        plan = plannen.plan_open(huishouden=gezin["huishouden"], actor=generalist.user)
        assert plannen.plan_open(huishouden=gezin["huishouden"], actor=generalist.user) == plan

    def test_goal_without_life_domain_is_refused(self, gezin, generalist):
        plan = plannen.plan_open(huishouden=gezin["huishouden"], actor=generalist.user)
        with pytest.raises(ValidationError) as exc:
            plannen.doel_add(
                plan=plan,
                inwoner=gezin["anna"],
                leefgebied=None,
                omschrijving="Zelf boodschappen doen",
                doeltype=Doeltype.VERSTERKEN,
                actor=generalist.user,
            )
        assert "leefgebied" in exc.value.message_dict
        assert not Doel.objects.exists()

    def test_maatwerk_refused_until_the_ladder_is_walked(self, onderzoek, gezin, generalist):
        plan = plannen.plan_open(huishouden=gezin["huishouden"], actor=generalist.user)
        with pytest.raises(ValidationError) as exc:
            plannen.voorstel_add(
                plan=plan,
                inwoner=gezin["anna"],
                wet="wmo",
                omschrijving="Hulp bij het huishouden",
                ladderstap=LadderStap.INDIVIDUEEL_MAATWERK,
                actor=generalist.user,
            )
        assert any("2.3.5 lid 3" in m for m in exc.value.messages)
        ladder(onderzoek)
        voorstel = plannen.voorstel_add(
            plan=plan,
            inwoner=gezin["anna"],
            wet="wmo",
            omschrijving="Hulp bij het huishouden",
            ladderstap=LadderStap.INDIVIDUEEL_MAATWERK,
            actor=generalist.user,
        )
        assert voorstel.is_maatwerk

    def test_exactly_one_regisseur_and_professional_only_on_request(self, gezin, generalist):
        plan = plannen.plan_open(huishouden=gezin["huishouden"], actor=generalist.user)
        plannen.regisseur_set(
            plan=plan,
            soort=RegisseurSoort.INWONER,
            inwoner=gezin["anna"],
            van=VANDAAG,
            actor=generalist.user,
        )
        with pytest.raises(ValidationError, match="op verzoek van de inwoner"):
            plannen.regisseur_set(
                plan=plan,
                soort=RegisseurSoort.PROFESSIONAL,
                medewerker=generalist,
                van=VANDAAG,
                actor=generalist.user,
            )
        with pytest.raises(ValidationError, match="precies één"):
            plannen.regisseur_set(
                plan=plan,
                soort=RegisseurSoort.MANTELZORGER,
                inwoner=gezin["anna"],
                netwerkpersoon=gezin["lotte"],
                van=VANDAAG,
                actor=generalist.user,
            )
        plannen.regisseur_set(
            plan=plan,
            soort=RegisseurSoort.MANTELZORGER,
            netwerkpersoon=gezin["lotte"],
            van=VANDAAG,
            actor=generalist.user,
        )
        assert plan.regisseurs.filter(tot__isnull=True).get().naam == "Lotte Jansen"
        assert Regisseur.objects.filter(plan=plan).count() == 2  # the change is kept

    def test_network_joins_only_with_consent_and_leaves_on_withdrawal(self, gezin, generalist):
        plan = plannen.plan_open(huishouden=gezin["huishouden"], actor=generalist.user)
        with pytest.raises(ValidationError, match="toestemming"):
            plannen.deelnemer_add(
                plan=plan,
                netwerkpersoon=gezin["lotte"],
                rol="Boodschappen",
                toestemming=None,
                actor=generalist.user,
            )
        assert not Deelnemer.objects.exists()
        toestemming = toestemming_give(
            inwoner=gezin["anna"],
            aan="Lotte Jansen",
            doel="Deelnemen aan het plan",
            gegeven_op=VANDAAG - dt.timedelta(days=5),
            door=generalist.user,
        )
        plannen.deelnemer_add(
            plan=plan,
            netwerkpersoon=gezin["lotte"],
            rol="Boodschappen",
            toestemming=toestemming,
            actor=generalist.user,
        )
        assert [d.naam for d in plannen.deelnemers_actief(plan, VANDAAG)] == ["Lotte Jansen"]
        toestemming_withdraw(toestemming=toestemming, op=VANDAAG)
        assert plannen.deelnemers_actief(plan, VANDAAG) == []
        assert len(plannen.deelnemers_actief(plan, VANDAAG - dt.timedelta(days=1))) == 1

    def test_merge_keeps_history_of_both(self, gezin, generalist):
        leefgebied = Leefgebied.objects.get(code="adl")
        eerste = plannen.plan_open(huishouden=gezin["huishouden"], actor=generalist.user)
        plannen.doel_add(
            plan=eerste,
            inwoner=gezin["anna"],
            leefgebied=leefgebied,
            omschrijving="Zelf douchen",
            doeltype=Doeltype.STABILISEREN,
            actor=generalist.user,
        )
        tweede = plan_uit_vorig_huishouden(
            inwoner=gezin["henk"], door=generalist.user, doel="Aankleden"
        )
        merged = plannen.plan_merge(plannen=[eerste, tweede], actor=generalist.user)
        tweede.refresh_from_db()
        assert merged == eerste and tweede.status == PlanStatus.SAMENGEVOEGD
        assert tweede.samengevoegd_in == eerste
        assert set(merged.doelen.values_list("omschrijving", flat=True)) == {
            "Zelf douchen",
            "Aankleden",
        }
        assert PlanVersie.objects.filter(plan=tweede, reden__startswith="Samengevoegd").exists()

    def test_signing_turns_maatwerk_into_aanvragen(self, onderzoek, gezin, generalist):
        ladder(onderzoek)
        plan = plannen.plan_open(huishouden=gezin["huishouden"], actor=generalist.user)
        doel = plannen.doel_add(
            plan=plan,
            inwoner=gezin["anna"],
            leefgebied=Leefgebied.objects.get(code="huisvesting"),
            omschrijving="Schoon huis",
            doeltype=Doeltype.STABILISEREN,
            actor=generalist.user,
        )
        plannen.actie_add(
            doel=doel,
            omschrijving="Eens per week samen opruimen",
            uitvoerder_soort=Uitvoerder.NETWERK,
            uitvoerder="dochter Lotte",
            actor=generalist.user,
        )
        plannen.voorstel_add(
            plan=plan,
            inwoner=gezin["anna"],
            wet="wmo",
            doel=doel,
            omschrijving="Hulp bij het huishouden",
            ladderstap=LadderStap.INDIVIDUEEL_MAATWERK,
            actor=generalist.user,
        )
        plannen.voorstel_add(
            plan=plan,
            inwoner=gezin["anna"],
            wet="wmo",
            omschrijving="Wijkrestaurant",
            actor=generalist.user,
            ladderstap=LadderStap.ALGEMENE_VOORZIENINGEN,
        )
        with pytest.raises(ValidationError, match="huishouden of een wettelijk"):
            plannen.plan_sign(
                plan=plan, ondertekenaar=gezin["lotte"], op=VANDAAG, actor=generalist.user
            )
        assert not Aanvraag.objects.exists()
        aanvragen = plannen.plan_sign(
            plan=plan, ondertekenaar=gezin["anna"], op=VANDAAG, actor=generalist.user
        )
        assert [a.omschrijving for a in aanvragen] == ["Hulp bij het huishouden"]
        assert aanvragen[0].ontvangen_op == VANDAAG and not aanvragen[0].afwijkend_van_advies
        assert aanvragen[0].beslissen_uiterlijk >= VANDAAG + dt.timedelta(weeks=2)
        plan.refresh_from_db()
        assert plan.status == PlanStatus.ONDERTEKEND and plan.ondertekend_door == "Anna Jansen"

    def test_other_aanvraag_is_recorded_as_deviating_after_onderzoek(
        self, onderzoek, gezin, generalist
    ):
        plan = plannen.plan_open(huishouden=gezin["huishouden"], actor=generalist.user)
        with pytest.raises(ValidationError, match="2.3.2 lid 9"):
            plannen.aanvraag_file(
                plan=plan,
                inwoner=gezin["anna"],
                omschrijving="Scootmobiel",
                wet="wmo",
                ontvangen_op=VANDAAG,
                ingediend_door="Anna Jansen",
                actor=generalist.user,
            )
        compleet(onderzoek, generalist)
        onderzoeken.verslag_finalise(onderzoek=onderzoek, actor=generalist.user)
        aanvraag = plannen.aanvraag_file(
            plan=plan,
            inwoner=gezin["anna"],
            omschrijving="Scootmobiel",
            wet="wmo",
            ontvangen_op=VANDAAG,
            ingediend_door="Anna Jansen",
            actor=generalist.user,
        )
        assert aanvraag.afwijkend_van_advies

    def test_acute_unsafety_needs_escalation(self, gezin, generalist):
        plan = plannen.plan_open(huishouden=gezin["huishouden"], actor=generalist.user)
        with pytest.raises(ValidationError, match="Veilig Thuis"):
            plannen.veiligheid_signaleer(
                plan=plan,
                soort=VeiligheidSoort.ACUUT,
                omschrijving="Blauwe plekken",
                escalatie=Escalatie.GEEN,
                actor=generalist.user,
            )
        signaal = plannen.veiligheid_signaleer(
            plan=plan,
            soort=VeiligheidSoort.ACUUT,
            omschrijving="Blauwe plekken",
            escalatie=Escalatie.VEILIG_THUIS,
            actor=generalist.user,
        )
        assert signaal.besloten_door == generalist.user

    def test_versions_keep_earlier_goals_visible(self, gezin, generalist):
        plan = plannen.plan_open(huishouden=gezin["huishouden"], actor=generalist.user)
        plannen.doel_add(
            plan=plan,
            inwoner=gezin["anna"],
            leefgebied=Leefgebied.objects.get(code="sociaal_netwerk"),
            omschrijving="Twee keer per week naar de soos",
            doeltype=Doeltype.VERSTERKEN,
            actor=generalist.user,
        )
        versies = list(plan.versies.order_by("versie"))
        assert [v.versie for v in versies] == [1, 2]
        assert versies[0].inhoud["doelen"] == []
        assert versies[1].inhoud["doelen"][0]["omschrijving"] == "Twee keer per week naar de soos"
