"""Issue 14: instruments with their provider or employer (no overlap of one kind, beschut werk
within the region's places), the tegenprestatie against its conditions (dated: none from
1 January 2027), and maatregelen by the verordening's categories with an impact note."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from eenplan.common.concurrency import Conflict
from eenplan.events.models import Gebeurtenis
from eenplan.gemeente.models import Instelling
from eenplan.inwoners.constants import Relatie
from eenplan.participatie import services
from eenplan.participatie.constants import InstrumentSoort, MaatregelSoort
from eenplan.participatie.models import Instrument, Maatregel, Tegenprestatie
from eenplan.rules import participatie as regels
from eenplan.testing.factories import HuishoudenFactory, InwonerFactory
from eenplan.testing.participatie import (
    LevensonderhoudAanvraagFactory,
    WerkgeverFactory,
    bijstand_voor,
    werkplein_voor,
)

pytestmark = pytest.mark.django_db

D = dt.date


def _vandaag() -> dt.date:
    return timezone.localdate()


@pytest.fixture
def inwoner(gemeente, wijken):
    return InwonerFactory(gemeente=gemeente, wijk=wijken["Noord"], geboortedatum=D(1984, 1, 1))


@pytest.fixture
def wp(inwoner):
    return werkplein_voor(inwoner).user


def test_placement_at_an_employer_and_no_overlap_of_one_kind(wp, inwoner, gemeente):
    bakker = WerkgeverFactory(gemeente=gemeente, naam="Bakkerij Verhoeven")
    begin = _vandaag() - dt.timedelta(days=30)
    with pytest.raises(ValidationError, match="werkgever"):
        services.instrument_starten(
            actor=wp, inwoner=inwoner, soort=InstrumentSoort.WERKERVARINGSPLEK, begin=begin
        )
    plek = services.instrument_starten(
        actor=wp,
        inwoner=inwoner,
        soort=InstrumentSoort.WERKERVARINGSPLEK,
        begin=begin,
        einde=begin + dt.timedelta(days=90),
        werkgever=bakker,
    )
    assert list(bakker.plaatsingen.all()) == [plek]
    with pytest.raises(Conflict, match="overlappen niet"):
        services.instrument_starten(
            actor=wp,
            inwoner=inwoner,
            soort=InstrumentSoort.WERKERVARINGSPLEK,
            begin=begin + dt.timedelta(days=60),
            werkgever=bakker,
        )
    # another kind may run at the same time; the same kind after the end may start
    services.instrument_starten(
        actor=wp,
        inwoner=inwoner,
        soort=InstrumentSoort.JOBCOACH,
        begin=begin,
        uitvoerder="Jobcoach Maasdal",
    )
    services.instrument_starten(
        actor=wp,
        inwoner=inwoner,
        soort=InstrumentSoort.WERKERVARINGSPLEK,
        begin=begin + dt.timedelta(days=91),
        werkgever=bakker,
    )
    assert Instrument.objects.filter(inwoner=inwoner).count() == 3
    services.instrument_afronden(actor=wp, instrument=plek, einde=_vandaag(), resultaat="afgerond")
    assert Gebeurtenis.objects.filter(soort="participatie.instrument_afgerond").exists()


def test_loonkostensubsidie_needs_a_loonwaarde(wp, inwoner, gemeente):
    werkgever = WerkgeverFactory(gemeente=gemeente)
    with pytest.raises(ValidationError, match="loonwaarde"):
        services.instrument_starten(
            actor=wp,
            inwoner=inwoner,
            soort=InstrumentSoort.LOONKOSTENSUBSIDIE,
            begin=_vandaag(),
            werkgever=werkgever,
        )
    lks = services.instrument_starten(
        actor=wp,
        inwoner=inwoner,
        soort=InstrumentSoort.LOONKOSTENSUBSIDIE,
        begin=_vandaag(),
        werkgever=werkgever,
        loonwaarde=Decimal("65"),
    )
    assert lks.loonwaarde == Decimal("65")


def test_beschut_werk_within_the_regions_places(wp, inwoner, gemeente, wijken):
    Instelling.objects.create(
        gemeente=gemeente,
        onderwerp="participatie",
        versie=1,
        geldig_vanaf=_vandaag() - dt.timedelta(days=365),
        waarde={"direct": "100", "werkspoor": "40", "beschut_werk_plaatsen": 1},
        bron="Regionaal werkbedrijf: 1 plaats beschut werk voor de gemeente",
        gewijzigd_door=wp,
    )
    sw = WerkgeverFactory(gemeente=gemeente, naam="SW-bedrijf Maasdal", grootte="groot")
    services.instrument_starten(
        actor=wp,
        inwoner=inwoner,
        soort=InstrumentSoort.BESCHUT_WERK,
        begin=_vandaag(),
        werkgever=sw,
    )
    ander = InwonerFactory(gemeente=gemeente, wijk=wijken["Noord"])
    with pytest.raises(ValidationError, match="Alle 1 plaatsen beschut werk zijn bezet"):
        services.instrument_starten(
            actor=wp,
            inwoner=ander,
            soort=InstrumentSoort.BESCHUT_WERK,
            begin=_vandaag(),
            werkgever=sw,
        )


def _tegenprestatie(wp, inwoner, **anders):
    begin = min(_vandaag(), regels.TEGENPRESTATIE_TOT - dt.timedelta(days=1))
    velden = {
        "omschrijving": "Tuinonderhoud bij ouderen in de wijk",
        "uren_per_week": Decimal(3),
        "begin": begin,
        "einde": begin + dt.timedelta(days=90),
        "naar_vermogen": "Werkt graag buiten; drie uur is haalbaar.",
        "onbetaald": True,
        "additioneel": True,
        "gericht_op_arbeidsinschakeling": False,
        "maatschappelijk_nuttig": True,
    }
    velden.update(anders)
    return services.tegenprestatie_vastleggen(actor=wp, inwoner=inwoner, **velden)


def test_tegenprestatie_only_with_bijstand_and_against_the_conditions(wp, gemeente, wijken):
    aanvrager = InwonerFactory(gemeente=gemeente, wijk=wijken["Noord"])
    lo = LevensonderhoudAanvraagFactory(
        huishouden=HuishoudenFactory(gemeente=gemeente, leden=[aanvrager])
    )
    with pytest.raises(ValidationError, match="bijstand krijgt"):
        _tegenprestatie(wp, aanvrager)
    bijstand_voor(lo)
    with pytest.raises(ValidationError, match="werken met behoud van uitkering"):
        _tegenprestatie(wp, aanvrager, additioneel=False)
    with pytest.raises(ValidationError, match="re-integratietraject"):
        _tegenprestatie(wp, aanvrager, gericht_op_arbeidsinschakeling=True)
    with pytest.raises(ValidationError, match="verplichte arbeid"):
        _tegenprestatie(wp, aanvrager, maatschappelijk_nuttig=False)
    with pytest.raises(ValidationError, match="beperkt in duur"):
        _tegenprestatie(wp, aanvrager, einde=None)
    assert not Tegenprestatie.objects.exists()
    tp = _tegenprestatie(wp, aanvrager)
    assert tp.voorwaarden["additioneel"] and tp.naar_vermogen


def test_no_new_tegenprestatie_from_2027():
    t = regels.Tegenprestatie(
        omschrijving="Voorlezen",
        uren_per_week=Decimal(2),
        begin=D(2027, 1, 1),
        einde=D(2027, 3, 1),
        onbetaald=True,
        additioneel=True,
        gericht_op_arbeidsinschakeling=False,
        maatschappelijk_nuttig=True,
        naar_vermogen="Past",
        heeft_bijstand=True,
    )
    assert any("maatschappelijke participatie" in f for f in regels.tegenprestatie_fouten(t))
    dag_ervoor = regels.Tegenprestatie(**{**t.__dict__, "begin": D(2026, 12, 31)})
    assert regels.tegenprestatie_fouten(dag_ervoor) == []


def test_lowering_needs_a_prior_warning_and_notes_the_children(wp, gemeente, wijken):
    ouder = InwonerFactory(gemeente=gemeente, wijk=wijken["Noord"], geboortedatum=D(1985, 3, 3))
    kind = InwonerFactory(gemeente=gemeente, wijk=wijken["Noord"], kind=True)
    hh = HuishoudenFactory(
        gemeente=gemeente,
        leden=[(ouder, Relatie.REFERENTIE, D(2015, 1, 1)), (kind, Relatie.KIND, None)],
    )
    lo = bijstand_voor(LevensonderhoudAanvraagFactory(huishouden=hh))
    kwargs = {
        "actor": wp,
        "lo": lo,
        "categorie": "2",
        "besloten_op": _vandaag(),
        "gedraging": "Niet verschenen bij het re-integratiebedrijf op 1 december.",
    }
    with pytest.raises(ValidationError, match="eerst een schriftelijke waarschuwing"):
        services.maatregel_opleggen(
            soort=MaatregelSoort.VERLAGING, ingangsdatum=_vandaag(), **kwargs
        )
    assert not Maatregel.objects.exists()
    services.maatregel_opleggen(soort=MaatregelSoort.WAARSCHUWING, **kwargs)
    verlaging = services.maatregel_opleggen(
        soort=MaatregelSoort.VERLAGING, ingangsdatum=_vandaag(), **kwargs
    )
    assert verlaging.percentage == Decimal(50) and verlaging.maanden == 1
    assert verlaging.verlaging_per_maand == (lo.norm_bedrag / 2).quantize(Decimal("0.01"))
    assert "minderjarig kind" in verlaging.impact and "huur" in verlaging.impact
    assert "Voorbeeld" in verlaging.verordening_bron  # eenplan's example, said so


def test_the_municipalitys_verordening_is_used_when_set(wp, gemeente, wijken):
    aanvrager = InwonerFactory(gemeente=gemeente, wijk=wijken["Noord"])
    lo = bijstand_voor(
        LevensonderhoudAanvraagFactory(
            huishouden=HuishoudenFactory(gemeente=gemeente, leden=[aanvrager])
        )
    )
    Instelling.objects.create(
        gemeente=gemeente,
        onderwerp="participatie",
        versie=1,
        geldig_vanaf=_vandaag() - dt.timedelta(days=1),
        waarde={
            "direct": "100",
            "werkspoor": "40",
            "maatregelen": {
                "A": {"omschrijving": "Geen sollicitaties", "percentage": "30", "maanden": 2},
            },
        },
        bron="Verordening maatregelen Participatiewet Maasdal 2026, art. 9",
        gewijzigd_door=wp,
    )
    m = services.maatregel_opleggen(
        actor=wp,
        lo=lo,
        soort=MaatregelSoort.VERLAGING,
        categorie="A",
        gedraging="Vier weken geen sollicitaties.",
        besloten_op=_vandaag(),
        ingangsdatum=_vandaag(),
    )
    assert m.percentage == Decimal(30) and m.maanden == 2
    assert m.verordening_bron.startswith("Verordening maatregelen")
    with pytest.raises(ValidationError, match="categorie uit de verordening"):
        services.maatregel_opleggen(
            actor=wp,
            lo=lo,
            soort=MaatregelSoort.WAARSCHUWING,
            categorie="1",
            gedraging="x",
            besloten_op=_vandaag(),
        )


def test_verordening_data_is_checked():
    with pytest.raises(ValueError, match="tussen 0 en 100"):
        regels.maatregelen_uit({"1": {"percentage": "120", "maanden": 1}})
    with pytest.raises(ValueError, match="1 tot en met 3"):
        regels.maatregelen_uit({"1": {"percentage": "20", "maanden": 6}})
