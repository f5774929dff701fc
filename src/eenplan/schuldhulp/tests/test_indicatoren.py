"""The debt-help indicators in sturing's registry, each on a small hand-made dataset with the
expected number worked out here, and shown on the steering page."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from eenplan.conftest import login
from eenplan.gemeente.constants import Rol
from eenplan.schuldhulp import services
from eenplan.schuldhulp.models import Schuldvraag
from eenplan.sturing import registry
from eenplan.sturing.selectors import indicator_get, indicator_tabel
from eenplan.testing import factories as f
from eenplan.testing.schuldhulp import schuldhulp_voor

pytestmark = pytest.mark.django_db

VANDAAG = timezone.localdate()
IDS = (
    "schuld_signalen",
    "schuld_signalen_contact",
    "schuld_eerste_gesprek_tijdig",
    "schuld_dagen_tot_eerste_gesprek",
    "schuld_trajecten_lopend",
)


def totaal(gemeente, indicator_id, **kwargs):
    return indicator_tabel(
        indicator_get(indicator_id),
        gemeente_id=gemeente.pk,
        van=VANDAAG - dt.timedelta(days=365),
        tot=VANDAAG,
        **kwargs,
    )


def _bewoners(gemeente, wijk, n):
    return [
        f.HuishoudenFactory(
            gemeente=gemeente, leden=[f.InwonerFactory(gemeente=gemeente, wijk=wijk)]
        )
        .leden.first()
        .inwoner
        for _ in range(n)
    ]


def test_the_indicators_are_in_the_registry_with_their_sources():
    for indicator_id in IDS:
        indicator = registry.get(indicator_id)
        assert indicator is not None, indicator_id
        assert indicator.bron and indicator.definitie and indicator.thema == "Schuldhulpverlening"
    assert "art. 4" in registry.get("schuld_eerste_gesprek_tijdig").bron


def test_signals_per_creditor_kind_and_the_share_contacted(wijken):
    gemeente = wijken["Noord"].gemeente
    bewoners = _bewoners(gemeente, wijken["Noord"], 6)
    werkplein = schuldhulp_voor(bewoners[0])
    signalen = []
    for inwoner in bewoners:
        for soort in ("huur", "energie"):
            signalen.append(
                services.signaal_registreren(
                    actor=werkplein.user,
                    inwoner=inwoner,
                    schuldeiser_soort=soort,
                    schuldeiser="Partner",
                    bedrag=Decimal("120"),
                    ontvangen_op=VANDAAG - dt.timedelta(days=5),
                )
            )
    for signaal in signalen[:9]:
        services.contact_vastleggen(
            actor=werkplein.user, signaal=signaal, op=VANDAAG, wijze="brief", bereikt=False
        )
    tabel = totaal(gemeente, "schuld_signalen", per="schuldeiser")
    assert tabel.totaal.waarde == Decimal(12)
    per_soort = {c.sleutel: c.waarde for c in tabel.rijen}
    assert per_soort == {"huur": Decimal(6), "energie": Decimal(6)}
    assert {c.label for c in tabel.rijen} == {"Verhuurder (huurachterstand)", "Energieleverancier"}
    # 9 of 12 signals followed by a contact attempt
    assert totaal(gemeente, "schuld_signalen_contact").totaal.waarde == Decimal("75.0")


def test_first_conversation_within_the_legal_term_and_days_to_it(wijken):
    gemeente = wijken["Noord"].gemeente
    bewoners = _bewoners(gemeente, wijken["Noord"], 8)
    werkplein = schuldhulp_voor(bewoners[0])
    verzoek = VANDAAG - dt.timedelta(days=60)
    for i, inwoner in enumerate(bewoners):
        vraag = services.schuldvraag_aanmelden(
            actor=werkplein.user, inwoner=inwoner, verzoek_op=verzoek
        )
        # six within the four weeks (after 10 days), two late (after 40 days)
        services.fase_vastleggen(
            actor=werkplein.user,
            vraag=vraag,
            fase="eerste_gesprek",
            op=verzoek + dt.timedelta(days=10 if i < 6 else 40),
        )
    assert totaal(gemeente, "schuld_eerste_gesprek_tijdig").totaal.waarde == Decimal("75.0")
    # (6 x 10 + 2 x 40) / 8 = 17.5 days
    assert totaal(gemeente, "schuld_dagen_tot_eerste_gesprek").totaal.waarde == Decimal("17.5")
    assert Schuldvraag.objects.filter(afgerond_op__isnull=True).count() == 8
    lopend = totaal(gemeente, "schuld_trajecten_lopend", per="triage")
    assert lopend.totaal.waarde == Decimal(8)
    assert [(c.label, c.waarde) for c in lopend.rijen] == [("Nog niet getrieerd", Decimal(8))]


def test_the_steering_page_shows_the_debt_figures(client, gemeente):
    beleid = f.MedewerkerFactory(gemeente=gemeente, functie=Rol.BELEID)
    login(client, beleid)
    pagina = client.get("/sturing/indicatoren/schuld_eerste_gesprek_tijdig/")
    assert pagina.status_code == 200
    assert "Eerste gesprek schuldhulp binnen de wettelijke termijn" in pagina.content.decode()
