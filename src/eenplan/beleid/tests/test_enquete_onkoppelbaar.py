"""The survey promises anonymity: an answer cannot be joined to a person by the order of its
key, by the order of the table, by a time on the answer or the invitation, or by a row in the
access log written when the resident answered (that part: portaal/tests/test_vragenlijst.py).
One answer per invitation still holds."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import models

from eenplan.beleid.models import Antwoord, Respons, Uitnodiging
from eenplan.testing import beleid as tb

pytestmark = pytest.mark.django_db

AANTAL = 12


def test_the_order_of_answers_is_not_in_their_keys_nor_in_the_table(gemeente, wijken):
    _ronde, uitnodigingen = tb.ronde(gemeente, {wijken["Noord"]: ["Thuiszorg West"] * AANTAL})
    # Twelve residents answer one after the other; remember which answer came in when.
    volgorde: list[int] = []
    antwoorden_per_respons: list[list[int]] = []
    for uitnodiging in uitnodigingen:
        voor = set(Respons.objects.values_list("id", flat=True))
        tb.beantwoord(uitnodiging, 4)
        [nieuw] = set(Respons.objects.values_list("id", flat=True)) - voor
        volgorde.append(nieuw)
        antwoorden_per_respons.append(
            list(Antwoord.objects.filter(respons_id=nieuw).values_list("id", flat=True))
        )
    # With sequence numbers the keys would rise with the moment of answering, so the log's time
    # of the n-th answer would point to the n-th key. Random keys: the order of answering is
    # neither the order of the keys nor the order in which the table lists them (the chance
    # that 12 random keys come out in answering order is 1 in 12!, about 2 in a billion).
    assert volgorde != sorted(volgorde) and volgorde != sorted(volgorde, reverse=True)
    assert list(Respons.objects.values_list("id", flat=True)) != volgorde
    eerste_per_respons = [min(ids) for ids in antwoorden_per_respons]
    assert eerste_per_respons != sorted(eerste_per_respons)
    # The keys are large random numbers, not 1, 2, 3, ...
    assert max(volgorde) > 10**9
    # The answers are all there, one per invitation.
    assert Respons.objects.count() == AANTAL
    assert Uitnodiging.objects.filter(beantwoord=True).count() == AANTAL


def test_neither_the_answer_nor_the_invitation_keeps_the_moment_of_answering(gemeente, wijken):
    _ronde, [uitnodiging] = tb.ronde(gemeente, {wijken["Zuid"]: ["Zorg Oost"]})
    # Invited a while ago: the invitation's own times lie before the answer.
    eerder = dt.datetime(2025, 10, 1, 9, 0, tzinfo=dt.UTC)
    Uitnodiging.objects.filter(pk=uitnodiging.pk).update(created_at=eerder, updated_at=eerder)
    tb.beantwoord(uitnodiging, 3)
    uitnodiging.refresh_from_db()
    assert uitnodiging.beantwoord
    # The invitation says only that it was used, not when.
    assert uitnodiging.updated_at == eerder
    # No date or time on an answer at all (so none finer than the month either).
    tijdvelden = [
        f"{model.__name__}.{veld.name}"
        for model in (Respons, Antwoord)
        for veld in model._meta.get_fields()
        if isinstance(veld, models.DateField | models.DateTimeField | models.TimeField)
    ]
    assert tijdvelden == []
    # One answer per invitation: a second one is refused and stores nothing.
    with pytest.raises(ValidationError, match="al ingevuld"):
        tb.beantwoord(uitnodiging, 1)
    assert Respons.objects.count() == 1
