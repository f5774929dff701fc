"""The mantelzorg indicators in sturing's registry, each on a small hand-made dataset with the
expected number worked out here, and shown on the steering page and in the API."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from eenplan.conftest import login
from eenplan.gemeente.constants import Rol
from eenplan.mantelzorg import services
from eenplan.mantelzorg.models import Zorgrelatie
from eenplan.onderzoeken.models import Onderzoek
from eenplan.sturing import registry
from eenplan.sturing.selectors import indicator_get, indicator_tabel
from eenplan.testing import factories as f

pytestmark = pytest.mark.django_db

VANDAAG = timezone.localdate()
IDS = (
    "mantelzorgers_geregistreerd",
    "mantelzorger_behoefte_besproken",
    "respijtzorg_gevraagd",
    "respijtzorg_gedekt",
    "vrijwilligers_gekoppeld",
)


def totaal(gemeente, indicator_id, **kwargs):
    return indicator_tabel(
        indicator_get(indicator_id),
        gemeente_id=gemeente.pk,
        van=VANDAAG - dt.timedelta(days=365),
        tot=VANDAAG,
        **kwargs,
    )


def test_the_indicators_are_in_the_registry_with_their_sources():
    for indicator_id in IDS:
        indicator = registry.get(indicator_id)
        assert indicator is not None, indicator_id
        assert indicator.bron and indicator.definitie and indicator.thema


def test_carers_registered_per_wijk(wijken):
    gemeente = wijken["Noord"].gemeente
    noord = [f.InwonerFactory(gemeente=gemeente, wijk=wijken["Noord"]) for _ in range(6)]
    zuid = [f.InwonerFactory(gemeente=gemeente, wijk=wijken["Zuid"]) for _ in range(5)]
    for inwoner in noord + zuid:
        f.ZorgrelatieFactory(verzorgde=inwoner)
    # One carer of Noord stopped yesterday: not counted on today's peildatum.
    gestopt = Zorgrelatie.objects.filter(inwoner=noord[0]).get()
    Zorgrelatie.objects.filter(pk=gestopt.pk).update(tot=VANDAAG - dt.timedelta(days=1))
    tabel = totaal(gemeente, "mantelzorgers_geregistreerd", per="wijk")
    assert tabel.totaal.waarde == Decimal(10)
    per_wijk = {c.sleutel: c.waarde for c in tabel.rijen}
    assert per_wijk == {wijken["Noord"].code: Decimal(5), wijken["Zuid"].code: Decimal(5)}


def test_share_of_onderzoeken_where_the_carers_need_was_discussed(wijken, generalist):
    gemeente = wijken["Noord"].gemeente
    # Nine final onderzoeken of residents with a carer: 4 ticked, 2 with only the burden
    # recorded, 3 without either; one more of a resident without a carer (not counted).
    onderzoeken = []
    for _ in range(10):
        inwoner = f.InwonerFactory(gemeente=gemeente, wijk=wijken["Noord"])
        melding = f.MeldingFactory(inwoner=inwoner)
        onderzoeken.append(
            Onderzoek.objects.create(melding=melding, inwoner=inwoner, medewerker=generalist)
        )
    relaties = [f.ZorgrelatieFactory(verzorgde=o.inwoner) for o in onderzoeken[:9]]
    for i in (4, 5):
        f.BelastingFactory(onderzoek=onderzoeken[i], zorgrelatie=relaties[i])
    for i, onderzoek in enumerate(onderzoeken):
        Onderzoek.objects.filter(pk=onderzoek.pk).update(
            status="definitief",
            verslag_definitief_op=timezone.now(),
            mantelzorger_besproken=i < 4 or i == 9,
        )
    # (4 + 2) of 9 = 66.7%
    assert totaal(gemeente, "mantelzorger_behoefte_besproken").totaal.waarde == Decimal("66.7")


def test_respite_demand_and_supply(wijken, generalist):
    gemeente = wijken["Noord"].gemeente
    carers = [
        f.MantelzorgerFactory(verzorgde=f.InwonerFactory(gemeente=gemeente, wijk=wijken["Noord"]))
        for _ in range(5)
    ]
    # Ten requests of five carers: six delivered, two not (no offer), two still open.
    for i in range(10):
        vraag = f.RespijtzorgVraagFactory(mantelzorger=carers[i % 5], soort="logeren")
        if i < 8:
            status = "geleverd" if i < 6 else "niet_geleverd"
            services.respijt_vraag_afhandelen(
                vraag=vraag,
                status=status,
                afgehandeld_op=VANDAAG,
                uren_geleverd=Decimal(8) if status == "geleverd" else None,
                aanbieder="Logeerhuis" if status == "geleverd" else "",
                actor=generalist.user,
            )
    assert totaal(gemeente, "respijtzorg_gevraagd").totaal.waarde == Decimal(10)
    # 6 delivered of 8 decided: 75%.
    assert totaal(gemeente, "respijtzorg_gedekt").totaal.waarde == Decimal("75.0")


def test_volunteers_matched(wijken):
    gemeente = wijken["Noord"].gemeente
    vrijwilligers = [
        f.VrijwilligerFactory(gemeente=gemeente, wijk=wijken["Noord"]) for _ in range(5)
    ]
    for i in range(7):  # 7 klussen: five volunteers, two of them twice
        inwoner = f.InwonerFactory(gemeente=gemeente, wijk=wijken["Noord"])
        klus = f.KlusFactory(hulpvrager=inwoner, datum=VANDAAG + dt.timedelta(days=7 + i))
        f.MatchFactory(klus=klus, vrijwilliger=vrijwilligers[i % 5])
    assert totaal(gemeente, "vrijwilligers_gekoppeld").totaal.waarde == Decimal(5)


def test_the_steering_page_shows_the_mantelzorg_figures(client, gemeente):
    beleid = f.MedewerkerFactory(gemeente=gemeente, functie=Rol.BELEID)
    login(client, beleid)
    pagina = client.get("/sturing/indicatoren/mantelzorgers_geregistreerd/")
    assert pagina.status_code == 200
    assert "Geregistreerde mantelzorgers" in pagina.content.decode()
