"""Shared hand-made datasets of the sturing tests."""

from __future__ import annotations

import pytest

from eenplan.gemeente.constants import Rol
from eenplan.testing.factories import (
    AanvraagFactory,
    BeschikkingFactory,
    BeschikteVoorzieningFactory,
    GemeenteFactory,
    HuishoudenFactory,
    InwonerFactory,
    WijkFactory,
    medewerker_voor,
)
from eenplan.testing.helpers import aanvraag_voor, beschikking_voor, maatwerk, zin
from eenplan.voorzieningen.models import Voorziening


@pytest.fixture
def gemeente():
    return GemeenteFactory()


# Hand-written wijk codes are WK9xxxxx: WijkFactory numbers its own WK000000, WK000001, ...
# over the whole session, and a fixed WK000199 collided with the 200th wijk of a run.
@pytest.fixture
def wijk(gemeente):
    return WijkFactory(gemeente=gemeente, code="WK900101", naam="Noord")


@pytest.fixture
def voorzieningen_wereld(gemeente, wijk):
    """Six adults, each alone in a household with hulp bij het huishouden (Wmo, ZIN); five of
    them also get begeleiding, and those five's hulp is a pgb. Fifteen youths: five with
    ambulante jeugdhulp, five with jeugdbescherming (category 48), five without."""
    volwassenen = []
    for n in range(6):
        inwoner = InwonerFactory(gemeente=gemeente, wijk=wijk)
        HuishoudenFactory(gemeente=gemeente, leden=[inwoner])
        beschikking = BeschikkingFactory(aanvraag=AanvraagFactory(inwoner=inwoner))
        if n < 5:
            BeschikteVoorzieningFactory(beschikking=beschikking)
            beschikking.voorzieningen.filter(voorziening__productcategorie="01").update(
                leveringsvorm="pgb"
            )
        volwassenen.append(inwoner)
    jeugdhulp = maatwerk(gemeente, naam="Jeugdhulp", productcode="31A01", wet="jeugd")
    # Jeugdbescherming as a product of the contracted provider; its category (48) is set on
    # the catalogue record once decided (the demo contract covers youth care products only).
    bescherming = maatwerk(gemeente, naam="Jeugdbescherming", productcode="31A02", wet="jeugd")
    for soort in (jeugdhulp, bescherming, None):
        for _ in range(5):
            jongere = InwonerFactory(gemeente=gemeente, wijk=wijk, jongere=True)
            if soort is not None:
                professional = medewerker_voor(jongere, Rol.JEUGDPROFESSIONAL)
                aanvraag = aanvraag_voor(jongere, professional, wet="jeugd")
                beschikking_voor(aanvraag, professional, [zin(soort)])
    Voorziening.objects.filter(pk=bescherming.pk).update(productcategorie="48")
    return volwassenen
