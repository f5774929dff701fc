"""Purpose-bound sharing through the services: no exchange without the five answers and chosen
categories of the dossier; the recipient reads only what was chosen, only while approved and
within the period, each read logged against the exchange; the secrecy veto is final for
every actor; youth delivery and toegang apart."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import DatabaseError, connection, connections, transaction
from django.utils import timezone

from eenplan.common.concurrency import Conflict
from eenplan.gemeente.models import Medewerker
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource
from eenplan.privacy.models import Inzage
from eenplan.privacy.services import toestemming_give
from eenplan.testing.uitwisseling import ANTWOORDEN
from eenplan.uitwisseling import selectors, services
from eenplan.uitwisseling.constants import Status
from eenplan.uitwisseling.models import GedeeldeInzage, Uitwisseling

pytestmark = pytest.mark.django_db
VANDAAG = timezone.localdate


# --- asking: without answers, no exchange ---------------------------------------------------


@pytest.mark.parametrize("vraag", list(ANTWOORDEN))
def test_peelregio_3_7_5_each_of_the_five_questions_must_be_answered(
    huishouden, generalist, vrager, vraag
):
    antwoorden = {**ANTWOORDEN, vraag: "   "}
    with pytest.raises(ValidationError) as err:
        vrager(huishouden, generalist, antwoorden=antwoorden)
    assert vraag in err.value.message_dict
    assert "Beantwoord de vraag" in err.value.message_dict[vraag][0]
    assert not Uitwisseling.objects.exists()


def test_categories_outside_the_dossier_or_the_whole_dossier_are_refused(
    huishouden, generalist, vrager
):
    # Anna's household has an onderzoek but no plan: no safety signals, no plan to share.
    for keuze, woord in (
        (["veiligheid"], "geen gegevens"),
        (["plan"], "geen gegevens"),
        (["dossier"], "hele dossier"),
        (["alles-wat-er-is"], "Onbekende soort"),
        ([], "Kies welke soorten"),
    ):
        with pytest.raises(ValidationError) as err:
            vrager(huishouden, generalist, categorieen=keuze)
        assert woord in " ".join(err.value.message_dict["categorieen"]), keuze
    assert not Uitwisseling.objects.exists()
    # What the dossier holds can be chosen.
    ok = vrager(huishouden, generalist, categorieen=["onderzoek", "personalia"])
    assert ok.categorieen == ["personalia", "onderzoek"]
    assert ok.status == Status.AANGEVRAAGD


def test_consent_as_basis_needs_a_current_consent_of_a_member(
    huishouden, generalist, gezin, inwoner_zuid, vrager
):
    with pytest.raises(ValidationError) as err:
        vrager(huishouden, generalist, grondslag="toestemming")
    assert "toestemming" in err.value.message_dict
    vreemd = toestemming_give(
        inwoner=inwoner_zuid, aan="School", doel="Delen", gegeven_op=VANDAAG(),
        door=generalist.user,
    )
    with pytest.raises(ValidationError):
        vrager(huishouden, generalist, grondslag="toestemming", toestemming=vreemd)
    eigen = toestemming_give(
        inwoner=gezin["anna"], aan="School", doel="Delen", gegeven_op=VANDAAG(),
        door=generalist.user,
    )
    assert vrager(huishouden, generalist, grondslag="toestemming", toestemming=eigen).pk


def test_a_period_is_required_and_ends_after_it_starts(huishouden, generalist, vrager):
    with pytest.raises(ValidationError) as err:
        vrager(huishouden, generalist, tot=None)
    assert "tot" in err.value.message_dict
    with pytest.raises(ValidationError):
        vrager(huishouden, generalist, tot=VANDAAG() - dt.timedelta(days=1))
    assert not Uitwisseling.objects.exists()


def test_a_recipient_inside_the_holding_team_is_refused(huishouden, generalist, vrager):
    from eenplan.testing.factories import MedewerkerFactory

    collega = MedewerkerFactory(
        gemeente=generalist.gemeente, functie="generalist", teams=list(generalist.teams.all())
    )
    with pytest.raises(ValidationError) as err:
        vrager(huishouden, generalist, ontvanger_medewerker=collega)
    assert "al bij het team" in err.value.message_dict["ontvanger_medewerker"][0]


def test_only_staff_in_scope_may_ask(huishouden, generalist_zuid, vrager):
    # The refusal's log row survives the service's rolled-back transaction (as the request
    # middleware does it).
    with access.collecting() as pending:
        with pytest.raises(access.Refused):
            vrager(huishouden, generalist_zuid)
        access.rescue(pending)
    assert not Uitwisseling.objects.exists()
    assert Inzage.objects.filter(
        user=generalist_zuid.user, toegestaan=False, onderwerp="uitwisseling"
    ).exists()


# --- minimisation: the recipient reads only the chosen categories --------------------------


def _goedgekeurd(huishouden, generalist, gezinscoach, vrager, **kw) -> Uitwisseling:
    uitwisseling = vrager(
        huishouden, generalist, ontvanger_medewerker=gezinscoach, ontvanger_soort="gezinscoach",
        **kw,
    )
    return services.uitwisseling_goedkeuren(door=generalist.user, uitwisseling=uitwisseling)


def test_the_recipient_reads_only_the_chosen_categories_and_each_read_is_logged(
    huishouden, generalist, gezinscoach, vrager
):
    uitwisseling = _goedgekeurd(
        huishouden, generalist, gezinscoach, vrager, categorieen=["personalia"]
    )
    via = access.Via(pad=f"/uitwisselingen/{uitwisseling.pk}/gedeeld/")
    gedeeld = selectors.gedeelde_gegevens(
        actor=gezinscoach.user, uitwisseling=uitwisseling, via=via
    )
    assert list(gedeeld.onderdelen) == ["personalia"]
    namen = {r["naam"] for r in gedeeld.onderdelen["personalia"]}
    assert namen == {"Anna Jansen", "Henk Jansen"} or len(namen) == 2
    # Logged against the exchange and in the access log, for every current member.
    assert GedeeldeInzage.objects.filter(uitwisseling=uitwisseling).count() == 1
    rijen = Inzage.objects.filter(user=gezinscoach.user, onderwerp="gedeeld", toegestaan=True)
    assert rijen.count() == 2
    assert all(f"uitwisseling {uitwisseling.pk}" in r.reden for r in rijen)
    # A category that was not chosen is refused.
    feiten = selectors.deling(uitwisseling)
    besluit = access.decide_gedeeld(gezinscoach.user, feiten, via=via, categorie="onderzoek")
    assert not besluit.allowed and "niet gedeeld" in besluit.reason


def test_nobody_but_the_recipient_reads_and_only_within_the_period(
    huishouden, generalist, gezinscoach, generalist_zuid, superuser, vrager
):
    uitwisseling = _goedgekeurd(
        huishouden, generalist, gezinscoach, vrager,
        van=VANDAAG() - dt.timedelta(days=30), tot=VANDAAG() - dt.timedelta(days=1),
    )
    via = access.Via(pad="/test/")
    with pytest.raises(access.Refused) as err:
        selectors.gedeelde_gegevens(actor=gezinscoach.user, uitwisseling=uitwisseling, via=via)
    assert "voorbij" in str(err.value)
    for ander in (generalist.user, generalist_zuid.user, superuser):
        with pytest.raises(access.Refused):
            selectors.gedeelde_gegevens(actor=ander, uitwisseling=uitwisseling, via=via)
    assert not GedeeldeInzage.objects.exists()
    assert Inzage.objects.filter(onderwerp="gedeeld", toegestaan=False).count() >= 4


def test_nothing_is_shared_before_approval(huishouden, generalist, gezinscoach, vrager):
    uitwisseling = vrager(huishouden, generalist, ontvanger_medewerker=gezinscoach)
    with pytest.raises(access.Refused) as err:
        selectors.gedeelde_gegevens(
            actor=gezinscoach.user, uitwisseling=uitwisseling, via=access.SERVICE
        )
    assert "nog niet goedgekeurd" in str(err.value)


# --- the secrecy veto -----------------------------------------------------------------------


def _geweigerd(huishouden, generalist, gezinscoach, vrager) -> Uitwisseling:
    uitwisseling = vrager(huishouden, generalist, ontvanger_medewerker=gezinscoach)
    return services.uitwisseling_weigeren(
        door=generalist.user, uitwisseling=uitwisseling, reden="Beroepsgeheim jegens Anna."
    )


def test_a_veto_needs_a_reason(huishouden, generalist, vrager):
    uitwisseling = vrager(huishouden, generalist)
    with pytest.raises(ValidationError) as err:
        services.uitwisseling_weigeren(door=generalist.user, uitwisseling=uitwisseling, reden=" ")
    assert "reden" in err.value.message_dict
    uitwisseling.refresh_from_db()
    assert uitwisseling.status == Status.AANGEVRAAGD


def test_seed_004_l3116_the_veto_cannot_be_overruled_through_the_services(
    huishouden, generalist, gezinscoach, beheerder, superuser, vrager
):
    uitwisseling = _geweigerd(huishouden, generalist, gezinscoach, vrager)
    collega = Medewerker.objects.get(pk=generalist.pk)
    pogingen: list[Callable[[Any], Any]] = [
        lambda u: services.uitwisseling_goedkeuren(door=u, uitwisseling=uitwisseling),
        lambda u: services.uitwisseling_beeindigen(door=u, uitwisseling=uitwisseling, reden="x"),
        lambda u: services.uitwisseling_weigeren(door=u, uitwisseling=uitwisseling, reden="x"),
    ]
    for user in (collega.user, superuser):
        for poging in pogingen:
            with pytest.raises(Conflict) as err:
                poging(user)
            assert "Niemand kan dat terugdraaien" in str(err.value)
    # The functioneel beheerder has no role in it at all.
    for poging in pogingen:
        with pytest.raises(access.Refused):
            poging(beheerder.user)
    uitwisseling.refresh_from_db()
    assert uitwisseling.status == Status.GEWEIGERD
    assert uitwisseling.weigering_reden == "Beroepsgeheim jegens Anna."
    # And nothing is shared.
    with pytest.raises(access.Refused) as err:
        selectors.gedeelde_gegevens(
            actor=gezinscoach.user, uitwisseling=uitwisseling, via=access.SERVICE
        )
    assert "beroepsgeheim" in str(err.value)


def test_the_veto_holds_in_the_database_itself(huishouden, generalist, gezinscoach, vrager):
    uitwisseling = _geweigerd(huishouden, generalist, gezinscoach, vrager)
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "UPDATE uitwisseling_uitwisseling SET status = 'goedgekeurd' WHERE id = %s",
            [uitwisseling.pk],
        )
    with pytest.raises(DatabaseError), transaction.atomic():
        Uitwisseling.objects.filter(pk=uitwisseling.pk).update(status="goedgekeurd")
    uitwisseling.refresh_from_db()
    assert uitwisseling.status == Status.GEWEIGERD


def test_a_refused_exchange_can_only_be_asked_anew(huishouden, generalist, gezinscoach, vrager):
    geweigerd = _geweigerd(huishouden, generalist, gezinscoach, vrager)
    nieuw = vrager(huishouden, generalist, vorige=geweigerd, ontvanger_medewerker=gezinscoach)
    assert nieuw.pk != geweigerd.pk and nieuw.status == Status.AANGEVRAAGD
    assert nieuw.vorige == geweigerd
    # The new request can be refused again as well.
    services.uitwisseling_weigeren(door=generalist.user, uitwisseling=nieuw, reden="Nog steeds.")
    # An open request is not "asked anew".
    open_ = vrager(huishouden, generalist)
    with pytest.raises(ValidationError):
        vrager(huishouden, generalist, vorige=open_)


def test_approval_after_a_veto_and_veto_after_approval_are_both_409(
    huishouden, generalist, vrager
):
    a = vrager(huishouden, generalist)
    services.uitwisseling_goedkeuren(door=generalist.user, uitwisseling=a)
    with pytest.raises(Conflict) as err:
        services.uitwisseling_weigeren(door=generalist.user, uitwisseling=a, reden="Te laat.")
    assert "al besloten" in str(err.value)
    a.refresh_from_db()
    assert a.status == Status.GOEDGEKEURD and a.weigering_reden == ""


def tegelijk(*acties: Callable[[], Any]) -> list[Any]:
    """Each action in its own thread (own connection), released at the same moment."""
    barrier = threading.Barrier(len(acties))
    results: list[Any] = [None] * len(acties)

    def run(i: int, actie: Callable[[], Any]) -> None:
        try:
            barrier.wait(timeout=10)
            results[i] = actie()
        except BaseException as exc:  # noqa: BLE001 - reported to the test
            results[i] = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, a)) for i, a in enumerate(acties)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    return results


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="Twee gelijktijdige verbindingen vragen PostgreSQL (rijvergrendeling).",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_veto_and_an_approval_at_the_same_moment_never_both_succeed(
    huishouden, generalist, vrager
):
    for _ in range(3):
        uitwisseling = vrager(huishouden, generalist)
        uitkomsten = tegelijk(
            lambda u=uitwisseling: services.uitwisseling_goedkeuren(
                door=generalist.user, uitwisseling=u
            ),
            lambda u=uitwisseling: services.uitwisseling_weigeren(
                door=generalist.user, uitwisseling=u, reden="Beroepsgeheim."
            ),
        )
        gelukt = [u for u in uitkomsten if isinstance(u, Uitwisseling)]
        mislukt = [u for u in uitkomsten if isinstance(u, Conflict)]
        assert len(gelukt) == 1 and len(mislukt) == 1, uitkomsten
        uitwisseling.refresh_from_db()
        assert uitwisseling.status == gelukt[0].status


# --- youth access and youth delivery apart (seed 000 §4.11) ---------------------------------


def test_a_gezinscoach_reads_access_data_only_through_an_exchange(
    huishouden, generalist, gezinscoach, gezin, vrager
):
    anna = gezin["anna"]
    # The toegang's data is closed to the delivery professional, on every rule.
    for resource in (Resource.ONDERZOEK, Resource.PLAN, Resource.DOSSIER, Resource.MELDING):
        assert not access.decide(
            gezinscoach.user, resource, Action.LEZEN, via=access.SERVICE, inwoner=anna
        ).allowed
    assert not access.inwoners_in_scope(gezinscoach.user).exists()
    # Through an approved exchange of the onderzoek: exactly that, nothing else.
    uitwisseling = _goedgekeurd(
        huishouden, generalist, gezinscoach, vrager, categorieen=["onderzoek"]
    )
    gedeeld = selectors.gedeelde_gegevens(
        actor=gezinscoach.user, uitwisseling=uitwisseling, via=access.SERVICE
    )
    assert list(gedeeld.onderdelen) == ["onderzoek"]
    assert gedeeld.onderdelen["onderzoek"][0]["onderdelen"] == [
        ("a", "Anna vertelde over zorgen thuis.")
    ]
    # Still no general access to the onderzoek.
    assert not access.decide(
        gezinscoach.user, Resource.ONDERZOEK, Action.LEZEN, via=access.SERVICE, inwoner=anna
    ).allowed


def test_delivery_notes_are_for_the_assigned_gezinscoach_not_for_the_toegang(
    huishouden, generalist, gezinscoach, vrager
):
    from eenplan.testing.factories import MedewerkerFactory

    andere_coach = MedewerkerFactory(gemeente=generalist.gemeente, functie="gezinscoach")
    uitvoering = services.uitvoering_toewijzen(
        door=generalist.user, huishouden=huishouden, medewerker=gezinscoach
    )
    notitie = services.uitvoeringsnotitie_add(
        door=gezinscoach.user, uitvoering=uitvoering, tekst="Huisbezoek gedaan."
    )
    assert notitie.pk
    for wie in (generalist.user, andere_coach.user):
        with pytest.raises(access.Refused):
            services.uitvoeringsnotitie_add(door=wie, uitvoering=uitvoering, tekst="Ook iets.")
        assert not access.decide_uitvoering(
            wie, Action.LEZEN, huishouden=huishouden.pk,
            uitvoerders=selectors.uitvoerder_ids(huishouden.pk), via=access.SERVICE,
        ).allowed
    # A generalist cannot be made uitvoerder (no delivery role).
    with pytest.raises(ValidationError):
        services.uitvoering_toewijzen(
            door=generalist.user, huishouden=huishouden, medewerker=generalist
        )
    # Delivery notes are now in the dossier: a category that can be shared.
    assert "uitvoering" in selectors.categorieen_in_dossier(huishouden)
