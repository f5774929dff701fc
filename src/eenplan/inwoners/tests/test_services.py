"""Registering residents and keeping household history: refusals change nothing."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from eenplan.inwoners.constants import NetwerkSoort, Relatie
from eenplan.inwoners.models import Huishouden, HuishoudenLid, Inwoner
from eenplan.inwoners.selectors import huishouden_current, inwoner_dossier
from eenplan.inwoners.services import (
    huishouden_create,
    huishouden_lid_add,
    huishouden_lid_end,
    inwoner_create,
    inwoner_update,
    netwerkpersoon_add,
)
from eenplan.testing.factories import GemeenteFactory, InwonerFactory, WijkFactory, next_bsn

pytestmark = pytest.mark.django_db


def fields(wijk, **overrides):
    base = {
        "bsn": next_bsn(),
        "voornamen": "Johanna Maria",
        "voorvoegsel": "van der",
        "achternaam": "Meer",
        "geboortedatum": dt.date(1950, 1, 31),
        "straat": "Markt",
        "huisnummer": 3,
        "postcode": "5911 ab",
        "woonplaats": "Venlo",
        "wijk": wijk,
    }
    base.update(overrides)
    return base


def test_create_normalises_postcode_and_search_names(wijken):
    inwoner = inwoner_create(gemeente=wijken["Noord"].gemeente, **fields(wijken["Noord"]))
    assert inwoner.postcode == "5911AB"
    assert inwoner.zoeknaam == "meer johanna maria"
    assert inwoner.zoeknaam_voornaam == "johanna maria van der meer"
    assert inwoner.adres == "Markt 3, 5911 AB Venlo"


@pytest.mark.parametrize(
    ("override", "field", "message"),
    [
        ({"bsn": "123456789"}, "bsn", "elfproef"),
        ({"bsn": "12345"}, "bsn", "9 cijfers"),
        (
            {"geboortedatum": timezone.localdate() + dt.timedelta(days=1)},
            "geboortedatum",
            "toekomst",
        ),
    ],
)
def test_bad_input_is_refused_in_dutch_and_nothing_is_written(wijken, override, field, message):
    before = Inwoner.objects.count()
    with pytest.raises(ValidationError) as exc:
        inwoner_create(gemeente=wijken["Noord"].gemeente, **fields(wijken["Noord"], **override))
    assert message in " ".join(exc.value.message_dict[field])
    assert Inwoner.objects.count() == before


def test_duplicate_bsn_in_the_same_municipality_is_refused(wijken):
    gemeente = wijken["Noord"].gemeente
    first = inwoner_create(gemeente=gemeente, **fields(wijken["Noord"]))
    with pytest.raises(ValidationError) as exc:
        inwoner_create(gemeente=gemeente, **fields(wijken["Zuid"], bsn=first.bsn))
    assert "al een inwoner met dit BSN" in exc.value.message_dict["bsn"][0]
    assert Inwoner.objects.filter(bsn=first.bsn).count() == 1


def test_same_bsn_may_exist_in_another_municipality(wijken):
    inwoner = inwoner_create(gemeente=wijken["Noord"].gemeente, **fields(wijken["Noord"]))
    other = GemeenteFactory(cbs_code="GM0889", naam="Peel en Maas")
    other_wijk = WijkFactory(gemeente=other)
    assert inwoner_create(gemeente=other, **fields(other_wijk, bsn=inwoner.bsn)).pk


def test_wijk_of_another_municipality_is_refused(wijken):
    other_wijk = WijkFactory(gemeente=GemeenteFactory(cbs_code="GM0889", naam="Peel en Maas"))
    with pytest.raises(ValidationError) as exc:
        inwoner_create(gemeente=wijken["Noord"].gemeente, **fields(other_wijk))
    assert "hoort niet bij de gemeente" in exc.value.message_dict["wijk"][0]


def test_refused_update_leaves_the_resident_unchanged(inwoner_noord):
    with pytest.raises(ValidationError):
        inwoner_update(inwoner=inwoner_noord, achternaam="Pietersen", bsn="111111111")
    inwoner_noord.refresh_from_db()
    assert inwoner_noord.achternaam == "Jansen"


def test_update_refreshes_search_name(inwoner_noord):
    updated = inwoner_update(inwoner=inwoner_noord, achternaam="Élbers")
    assert updated.zoeknaam == "elbers anna"


def test_household_history_is_kept_when_someone_moves_out(wijken):
    gemeente = wijken["Noord"].gemeente
    ouder = InwonerFactory(gemeente=gemeente, wijk=wijken["Noord"], voornamen="Els")
    kind = InwonerFactory(
        gemeente=gemeente, wijk=wijken["Noord"], voornamen="Tom", geboortedatum=dt.date(2004, 5, 1)
    )
    gezin = huishouden_create(
        gemeente=gemeente,
        naam="Gezin",
        leden=[
            (ouder, Relatie.REFERENTIE, dt.date(2004, 5, 1)),
            (kind, Relatie.KIND, dt.date(2004, 5, 1)),
        ],
    )
    lid = HuishoudenLid.objects.get(huishouden=gezin, inwoner=kind)
    huishouden_lid_end(lid=lid, lid_tot=dt.date(2025, 9, 1))
    eigen = huishouden_create(
        gemeente=gemeente, leden=[(kind, Relatie.REFERENTIE, dt.date(2025, 9, 1))]
    )

    assert huishouden_current(inwoner=kind, vandaag=dt.date(2025, 8, 31)) == gezin
    assert huishouden_current(inwoner=kind, vandaag=dt.date(2025, 9, 1)) == eigen
    dossier = inwoner_dossier(inwoner=ouder, vandaag=dt.date(2026, 1, 1))
    assert [lid.inwoner for lid in dossier["leden_nu"]] == [ouder]
    assert [lid.inwoner for lid in dossier["leden_eerder"]] == [kind]


def test_one_household_at_a_time(wijken):
    gemeente = wijken["Noord"].gemeente
    inwoner = InwonerFactory(gemeente=gemeente, wijk=wijken["Noord"])
    huishouden_create(gemeente=gemeente, leden=[(inwoner, Relatie.REFERENTIE, dt.date(2020, 1, 1))])
    before = Huishouden.objects.count()
    with pytest.raises(ValidationError) as exc:
        huishouden_create(
            gemeente=gemeente, leden=[(inwoner, Relatie.PARTNER, dt.date(2024, 1, 1))]
        )
    assert "al lid van" in exc.value.message_dict["inwoner"][0]
    assert Huishouden.objects.count() == before  # the half-made household was rolled back


def test_membership_cannot_end_before_it_began(wijken):
    gemeente = wijken["Noord"].gemeente
    inwoner = InwonerFactory(gemeente=gemeente, wijk=wijken["Noord"])
    hh = huishouden_create(gemeente=gemeente)
    lid = huishouden_lid_add(
        huishouden=hh, inwoner=inwoner, relatie=Relatie.REFERENTIE, lid_van=dt.date(2020, 1, 1)
    )
    with pytest.raises(ValidationError):
        huishouden_lid_end(lid=lid, lid_tot=dt.date(2019, 1, 1))
    lid.refresh_from_db()
    assert lid.lid_tot is None


def test_network_person_is_linked_and_shown(inwoner_noord):
    netwerkpersoon_add(
        inwoner=inwoner_noord, soort=NetwerkSoort.MANTELZORGER, naam="Kees Jansen", relatie="zoon"
    )
    dossier = inwoner_dossier(inwoner=inwoner_noord, vandaag=timezone.localdate())
    assert [p.naam for p in dossier["netwerk"]] == ["Kees Jansen"]
    with pytest.raises(ValidationError):
        netwerkpersoon_add(
            inwoner=inwoner_noord, soort=NetwerkSoort.BUUR, naam="Zelf", als_inwoner=inwoner_noord
        )
