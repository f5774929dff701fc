"""Bad input never crashes processing (issue 11): an unknown BSN, an unknown AGB, a wrong
namespace, a truncated file, an XML bomb and a claim for another municipality, dropped together
in one batch of the folder connection, are each kept, answered with the right return code
(when there is a header to answer to) and shown to the contract manager in the message log
with the code explained."""

from __future__ import annotations

import pytest

from eenplan.berichten.constants import BerichtStatus, Kanaal
from eenplan.berichten.models import Bericht
from eenplan.berichten.services import berichten_ontvang, berichten_verwerk_batch
from eenplan.conftest import login
from eenplan.gemeente.constants import Rol
from eenplan.istandaarden import bouw, lees
from eenplan.testing.berichten import Aanbiedersbericht
from eenplan.testing.factories import MedewerkerFactory

pytestmark = pytest.mark.django_db

BOM = (
    b'<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY a "aaaaaaaaaa">'
    b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><Bericht>&b;</Bericht>'
)


def test_bad_input_is_kept_answered_and_shown_to_the_contract_manager(
    client, gemeente, toewijzing
):
    v = Aanbiedersbericht(toewijzing)
    onbekend = v.start(identificatie="X1")
    onbekend.client.bsn = "111222333"  # a valid BSN, but no resident of this municipality
    goed = bouw(v.start(identificatie="X9"))
    bestanden = {
        "onbekende-bsn": (bouw(onbekend), BerichtStatus.AFGEKEURD, "9019", True),
        "onbekende-agb": (
            bouw(Aanbiedersbericht(toewijzing, agb="98999999").start(identificatie="X2")),
            BerichtStatus.AFGEKEURD,
            "0001",
            True,
        ),
        "andere-gemeente": (
            bouw(Aanbiedersbericht(toewijzing, gemeente="0363").declaratie(volume=1)),
            BerichtStatus.AFGEKEURD,
            "S300",
            True,
        ),
        "verkeerde-namespace": (
            goed.replace(b"http://www.istandaarden.nl/iwmo/3_2/", b"http://example.org/"),
            BerichtStatus.ONLEESBAAR,
            "0001",
            False,
        ),
        "afgebroken": (goed[: len(goed) // 2], BerichtStatus.ONLEESBAAR, "0001", False),
        "xml-bom": (BOM, BerichtStatus.ONLEESBAAR, "0001", False),
    }
    rijen = berichten_ontvang(
        [(inhoud, f"{naam}.xml") for naam, (inhoud, *_rest) in bestanden.items()],
        kanaal=Kanaal.MAP,
    )
    berichten_verwerk_batch([b.pk for b, _nieuw in rijen])
    for (naam, (inhoud, status, code, beantwoord)), (rij, _nieuw) in zip(
        bestanden.items(), rijen, strict=True
    ):
        b = Bericht.objects.get(pk=rij.pk)
        assert bytes(b.inhoud) == inhoud, naam  # kept exactly as received
        assert (b.status, b.retourcodes) == (status, [code]), naam
        assert b.melding, naam
        assert b.antwoorden.exists() == beantwoord, naam
        if beantwoord:
            antwoord = lees(bytes(b.antwoorden.get().inhoud))
            codes = set(antwoord.header.retourcodes)  # type: ignore[attr-defined]
            product = getattr(getattr(antwoord, "client", None), "start_producten", None)
            if product:
                codes |= set(product[0].retourcodes)
            assert code in codes, naam

    contractmanager = MedewerkerFactory(gemeente=gemeente, functie=Rol.CONTRACTMANAGER)
    login(client, contractmanager)
    html = client.get("/berichten/").content.decode()
    # Each one is in the log: the unknown sender by its AGB code, the unreadable ones as such.
    assert "nr. X1" in html and "9019" in html  # the unknown BSN
    assert "onbekend (98999999)" in html and "nr. X2" in html
    assert "S300" in html
    assert html.count("Onleesbaar bestand") == 3
    onleesbaar = client.get("/berichten/?status=onleesbaar").content.decode()
    assert onleesbaar.count("Onleesbaar bestand") == 3 and "nr. X2" not in onleesbaar
    # One message with its file and the explained code.
    s300 = Bericht.objects.get(richting="in", retourcodes=["S300"])
    detail = client.get(f"/berichten/{s300.pk}/").content.decode()
    assert "S300" in detail and "niet aan deze gemeente" in detail
