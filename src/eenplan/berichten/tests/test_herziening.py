"""A beschikking revised after bezwaar (OP033, OP257, OP087): the toewijzingen of the decision
objected to end and the provider gets a new 301 with all current toewijzingen — whether the
revision was sent before the bezwaar was decided or after. Reached through the domain events
(`bezwaar.beslist`, `beschikking.verzonden`), never by bezwaren writing berichten's tables."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from eenplan.berichten.models import Bericht, Toewijzing
from eenplan.beschikkingen.services import beschikking_send
from eenplan.bezwaren.services import bezwaar_decide
from eenplan.events.models import Gebeurtenis
from eenplan.gemeente.constants import Rol
from eenplan.istandaarden import lees
from eenplan.testing.factories import (
    AanvraagFactory,
    BeschikkingFactory,
    BezwaarFactory,
    medewerker_voor,
)

pytestmark = pytest.mark.django_db


def _301s(inwoner) -> list[Bericht]:
    return list(Bericht.objects.filter(code="301", inwoners=inwoner).order_by("id"))


def _producten(bericht: Bericht) -> dict[int, tuple]:
    client = lees(bytes(bericht.inhoud)).client  # type: ignore[attr-defined]
    return {
        p.toewijzing_nummer: (p.einddatum, p.reden_wijziging) for p in client.toegewezen_producten
    }


@pytest.fixture
def bezwaar():
    vandaag = timezone.localdate()
    oud = BeschikkingFactory(
        verzonden=True,
        besloten_op=vandaag - dt.timedelta(days=30),
        aanvraag=AanvraagFactory(ontvangen_op=vandaag - dt.timedelta(days=40)),
    )
    return BezwaarFactory(beschikking=oud, ontvangen_op=vandaag)


def _herziening(bezwaar, *, verzonden: bool):
    inwoner = bezwaar.beschikking.inwoner
    nieuw = BeschikkingFactory(
        aanvraag=AanvraagFactory(inwoner=inwoner),
        voorziening=bezwaar.beschikking.voorzieningen.get().voorziening,
        verzonden=verzonden,
    )
    return nieuw


@pytest.mark.parametrize("eerst_verzonden", [True, False])
def test_a_revision_after_bezwaar_ends_the_old_toewijzing_in_a_new_301(bezwaar, eerst_verzonden):
    vandaag = timezone.localdate()
    inwoner = bezwaar.beschikking.inwoner
    oud = Toewijzing.objects.get(beschikte_voorziening__beschikking=bezwaar.beschikking)
    assert oud.einddatum > vandaag
    nieuw = _herziening(bezwaar, verzonden=eerst_verzonden)
    backoffice = medewerker_voor(inwoner, Rol.BACKOFFICE).user
    voor = len(_301s(inwoner))
    bezwaar_decide(
        bezwaar=bezwaar,
        uitkomst="gegrond",
        besloten_op=vandaag,
        actor=backoffice,
        nieuwe_beschikking=nieuw,
    )
    if not eerst_verzonden:
        # Decided, not yet sent: the provider hears nothing until the revision is sent.
        assert len(_301s(inwoner)) == voor
        oud.refresh_from_db()
        assert oud.einddatum > vandaag
        nieuw.refresh_from_db()
        beschikking_send(beschikking=nieuw, op=vandaag, actor=backoffice)
    oud.refresh_from_db()
    # The old provision ends the day before the revision starts: shortened (05).
    assert (oud.einddatum, oud.reden_wijziging) == (vandaag - dt.timedelta(days=1), "05")
    laatste = _301s(inwoner)[-1]
    assert len(_301s(inwoner)) > voor
    assert laatste.status == "klaar" and laatste.aanbieder_id == oud.aanbieder_id
    producten = _producten(laatste)
    # OP087: the ended toewijzing and the revision's new one, in one message.
    nieuwe = Toewijzing.objects.get(beschikte_voorziening__beschikking=nieuw)
    assert producten[oud.nummer] == (vandaag - dt.timedelta(days=1), "05")
    assert producten[nieuwe.nummer][0] == nieuwe.einddatum
    assert Gebeurtenis.objects.filter(
        soort="bericht.verzonden", inwoner=inwoner, omschrijving__contains="herzien na bezwaar"
    ).exists()
    # Idempotent: deciding nothing new sends nothing more.
    from eenplan.berichten.services import toewijzingen_herzien

    nieuw.refresh_from_db()
    assert toewijzingen_herzien(beschikking=nieuw) == []


def test_a_revision_starting_with_the_old_decision_deletes_its_toewijzing():
    """The revision starts on the old decision's first day: the old toewijzing never ran and is
    deleted (13, einddatum = ingangsdatum), so it is no longer current (OP087)."""
    vandaag = timezone.localdate()
    oud_besluit = BeschikkingFactory(verzonden=True)
    bezwaar = BezwaarFactory(beschikking=oud_besluit, ontvangen_op=vandaag)
    nieuw = _herziening(bezwaar, verzonden=True)
    bezwaar_decide(
        bezwaar=bezwaar,
        uitkomst="deels_gegrond",
        besloten_op=vandaag,
        actor=medewerker_voor(oud_besluit.inwoner, Rol.BACKOFFICE).user,
        nieuwe_beschikking=nieuw,
    )
    oud = Toewijzing.objects.get(beschikte_voorziening__beschikking=oud_besluit)
    assert (oud.einddatum, oud.reden_wijziging) == (oud.ingangsdatum, "13")
    assert not oud.actueel


def test_an_unfounded_bezwaar_sends_nothing(bezwaar):
    inwoner = bezwaar.beschikking.inwoner
    voor = len(_301s(inwoner))
    bezwaar_decide(
        bezwaar=bezwaar,
        uitkomst="ongegrond",
        besloten_op=timezone.localdate(),
        actor=medewerker_voor(inwoner, Rol.BACKOFFICE).user,
    )
    assert len(_301s(inwoner)) == voor
