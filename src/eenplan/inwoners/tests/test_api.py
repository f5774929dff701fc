"""The inwoners and huishoudens REST API: filters, writes, refusals, bounded queries."""

import datetime as dt

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from eenplan.inwoners.constants import Relatie
from eenplan.inwoners.models import Huishouden, HuishoudenLid, Inwoner
from eenplan.inwoners.services import huishouden_create, huishouden_lid_end
from eenplan.privacy.access import NIET_BINNEN_GEMEENTE
from eenplan.privacy.models import Inzage
from eenplan.testing.factories import InwonerFactory, next_bsn

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(generalist):
    client = APIClient()
    client.force_authenticate(generalist.user)
    return client


def payload(wijk_obj, **overrides):
    data = {
        "bsn": next_bsn(),
        "voornamen": "Sjef",
        "achternaam": "Hendrix",
        "geboortedatum": "1961-04-12",
        "straat": "Kerkstraat",
        "huisnummer": 12,
        "postcode": "5911 AB",
        "woonplaats": "Venlo",
        "wijk": wijk_obj.pk,
    }
    data.update(overrides)
    return data


def test_create_resident(api, wijken):
    response = api.post("/api/v1/inwoners/", payload(wijken["Noord"]), format="json")
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["postcode"] == "5911AB"
    assert body["adres"] == "Kerkstraat 12, 5911 AB Venlo"


@pytest.mark.parametrize(
    ("override", "field", "fragment"),
    [
        ({"bsn": "123456789"}, "bsn", "elfproef"),
        (
            {"geboortedatum": (timezone.localdate() + dt.timedelta(days=3)).isoformat()},
            "geboortedatum",
            "toekomst",
        ),
        ({"wijk": 999999}, "wijk", "Onbekende wijk"),
        ({"postcode": "59AB11"}, "postcode", "vier cijfers"),
    ],
)
def test_bad_input_gets_a_dutch_400_and_changes_nothing(api, wijken, override, field, fragment):
    before = Inwoner.objects.count()
    response = api.post("/api/v1/inwoners/", payload(wijken["Noord"], **override), format="json")
    assert response.status_code == 400
    assert fragment in " ".join(response.json()[field])
    assert Inwoner.objects.count() == before


def test_duplicate_resident_is_refused(api, wijken, inwoner_noord):
    response = api.post(
        "/api/v1/inwoners/", payload(wijken["Noord"], bsn=inwoner_noord.bsn), format="json"
    )
    assert response.status_code == 400
    assert "al een inwoner met dit BSN" in response.json()["bsn"][0]


def test_partial_update_and_log(api, inwoner_noord):
    response = api.patch(
        f"/api/v1/inwoners/{inwoner_noord.pk}/?doel=gegevensbeheer",
        {"telefoon": "0771234567"},
        format="json",
    )
    assert response.status_code == 200
    assert response.json()["telefoon"] == "0771234567"
    assert Inzage.objects.get().doel == "gegevensbeheer"


def test_midoffice_cannot_be_tricked_into_another_municipality_wijk(api, wijken):
    from eenplan.testing.factories import GemeenteFactory, WijkFactory

    foreign = WijkFactory(gemeente=GemeenteFactory(cbs_code="GM0889", naam="Peel en Maas"))
    response = api.post("/api/v1/inwoners/", payload(foreign), format="json")
    assert response.status_code == 400


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("jans", ["Jansen"]),
        ("anna jan", ["Jansen"]),
        ("de vries", []),
        ("02-03-1948", ["Jansen"]),
        ("5911AB", ["Jansen"]),
    ],
)
def test_list_search(api, inwoner_noord, query, expected):
    results = api.get("/api/v1/inwoners/", {"q": query}).json()["results"]
    assert [r["achternaam"] for r in results] == expected


def test_list_filters_and_pagination(api, wijken):
    for _ in range(7):
        InwonerFactory(gemeente=wijken["Noord"].gemeente, wijk=wijken["Noord"])
    body = api.get("/api/v1/inwoners/", {"per_pagina": 5}).json()
    assert body["count"] == 7 and len(body["results"]) == 5 and body["next"]
    assert api.get("/api/v1/inwoners/", {"wijk": wijken["Zuid"].pk}).json()["count"] == 0


def test_household_create_add_and_end_membership(api, wijken, inwoner_noord):
    gemeente = wijken["Noord"].gemeente
    partner = InwonerFactory(gemeente=gemeente, wijk=wijken["Noord"], voornamen="Gerard")
    response = api.post(
        "/api/v1/huishoudens/",
        {
            "naam": "Huishouden Jansen",
            "leden": [
                {"inwoner": inwoner_noord.pk, "relatie": "referentie", "lid_van": "1975-05-01"}
            ],
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    hh = response.json()["id"]
    response = api.post(
        f"/api/v1/huishoudens/{hh}/leden/",
        {"inwoner": partner.pk, "relatie": "partner", "lid_van": "1975-05-01"},
        format="json",
    )
    assert response.status_code == 201
    lid = HuishoudenLid.objects.get(inwoner=partner)
    response = api.post(
        f"/api/v1/huishoudens/{hh}/leden/{lid.pk}/beeindigen/",
        {"lid_tot": "2024-02-01"},
        format="json",
    )
    assert response.status_code == 200
    leden = {row["inwoner_naam"]: row["lid_tot"] for row in response.json()["leden"]}
    assert leden[partner.naam] == "2024-02-01"  # history kept, not deleted
    assert leden[inwoner_noord.naam] is None


def test_household_with_someone_already_in_one_is_refused_whole(api, wijken, inwoner_noord):
    huishouden_create(
        gemeente=inwoner_noord.gemeente,
        leden=[(inwoner_noord, Relatie.REFERENTIE, dt.date(2000, 1, 1))],
    )
    before = Huishouden.objects.count()
    response = api.post(
        "/api/v1/huishoudens/",
        {
            "leden": [{"inwoner": inwoner_noord.pk, "relatie": "partner", "lid_van": "2020-01-01"}],
        },
        format="json",
    )
    assert response.status_code == 400
    assert "al lid van" in response.json()["inwoner"][0]
    assert Huishouden.objects.count() == before


def test_household_outside_scope_is_invisible(api, wijken, inwoner_zuid):
    hh = huishouden_create(
        gemeente=inwoner_zuid.gemeente,
        leden=[(inwoner_zuid, Relatie.REFERENTIE, dt.date(2000, 1, 1))],
    )
    response = api.get(f"/api/v1/huishoudens/{hh.pk}/")
    assert response.status_code == 403 and "need-to-know" in response.json()["detail"]
    assert api.get("/api/v1/huishoudens/").json()["results"] == []
    assert api.get("/api/v1/huishoudens/999999/").status_code == 404
    assert api.get("/api/v1/huishoudens/abc/").status_code == 404
    row, onbekend = Inzage.objects.order_by("id")
    assert row.inwoner_id == inwoner_zuid.pk and row.toegestaan is False
    # an id unknown in the login's municipality is a logged refusal naming no one (ADR 0046)
    assert onbekend.inwoner_id is None and onbekend.toegestaan is False
    assert onbekend.reden == f"Huishouden 999999: {NIET_BINNEN_GEMEENTE}."


def _household_with_former_member(inwoner_zuid, inwoner_noord):
    """A household in Zuid whose only member from Noord (the generalist's wijk) moved out."""
    hh = huishouden_create(
        gemeente=inwoner_zuid.gemeente,
        leden=[
            (inwoner_zuid, Relatie.REFERENTIE, dt.date(2000, 1, 1)),
            (inwoner_noord, Relatie.KIND, dt.date(2000, 1, 1)),
        ],
    )
    huishouden_lid_end(lid=inwoner_noord.lidmaatschappen.get(), lid_tot=dt.date(2010, 1, 1))
    return hh


def test_a_former_member_in_scope_opens_the_household_neither_for_reading_nor_writing(
    api, wijken, inwoner_zuid, inwoner_noord
):
    hh = _household_with_former_member(inwoner_zuid, inwoner_noord)
    assert api.get("/api/v1/huishoudens/").json()["results"] == []
    assert api.get(f"/api/v1/huishoudens/{hh.pk}/").status_code == 403
    response = api.patch(f"/api/v1/huishoudens/{hh.pk}/", {"naam": "Overgenomen"}, format="json")
    assert response.status_code == 403
    hh.refresh_from_db()
    assert hh.naam != "Overgenomen"
    assert Inzage.objects.filter(toegestaan=False, handeling="wijzigen").count() == 1


def test_a_member_who_moves_in_next_month_opens_the_household_only_from_that_day(
    api, wijken, inwoner_zuid, inwoner_noord
):
    """Need-to-know counts today's members: a household in Zuid that someone from Noord (the
    generalist's wijk) joins next month is neither listed nor readable for Noord's generalist
    today — the list's scope and the one household's decision say the same; from that day on
    the scope holds it."""
    from eenplan.inwoners.selectors import huishoudens_in_scope
    from eenplan.privacy.selectors import inwoners_in_scope

    intrek = timezone.localdate() + dt.timedelta(days=30)
    hh = huishouden_create(
        gemeente=inwoner_zuid.gemeente,
        leden=[(inwoner_zuid, Relatie.REFERENTIE, dt.date(2000, 1, 1))],
    )
    HuishoudenLid.objects.create(
        huishouden=hh, inwoner=inwoner_noord, relatie=Relatie.KIND, lid_van=intrek
    )
    assert api.get("/api/v1/huishoudens/").json()["results"] == []
    assert api.get(f"/api/v1/huishoudens/{hh.pk}/").status_code == 403
    generalist = Inzage.objects.filter(toegestaan=False).latest("id").user
    scope = inwoners_in_scope(generalist)
    assert not huishoudens_in_scope(scope).filter(pk=hh.pk).exists()
    assert huishoudens_in_scope(scope, vandaag=intrek).filter(pk=hh.pk).exists()


def test_own_resident_cannot_be_moved_into_another_wijks_household(
    api, wijken, inwoner_zuid, inwoner_noord
):
    """The attack: create or pick a resident in one's own wijk, add them to a household of
    another wijk, and so open that household (and its plan)."""
    hh = huishouden_create(
        gemeente=inwoner_zuid.gemeente,
        leden=[(inwoner_zuid, Relatie.REFERENTIE, dt.date(2000, 1, 1))],
    )
    response = api.post(
        f"/api/v1/huishoudens/{hh.pk}/leden/",
        {"inwoner": inwoner_noord.pk, "relatie": "kind", "lid_van": "2024-01-01"},
        format="json",
    )
    assert response.status_code == 403
    assert not inwoner_noord.lidmaatschappen.exists()
    assert Inzage.objects.get(toegestaan=False).inwoner_id == inwoner_zuid.pk


def test_a_resident_is_registered_only_in_a_wijk_the_team_serves(api, wijken):
    data = payload(wijken["Zuid"], achternaam="Buiten")
    response = api.post("/api/v1/inwoners/", data, format="json")
    assert response.status_code == 403 and "wijk" in response.json()["detail"]
    assert not Inwoner.objects.filter(achternaam="Buiten").exists()
    assert Inzage.objects.get().toegestaan is False


def test_household_detail_logs_each_member(api, wijken, inwoner_noord):
    partner = InwonerFactory(gemeente=inwoner_noord.gemeente, wijk=wijken["Noord"])
    hh = huishouden_create(
        gemeente=inwoner_noord.gemeente,
        leden=[
            (inwoner_noord, Relatie.REFERENTIE, dt.date(2000, 1, 1)),
            (partner, Relatie.PARTNER, dt.date(2000, 1, 1)),
        ],
    )
    assert api.get(f"/api/v1/huishoudens/{hh.pk}/").status_code == 200
    assert set(Inzage.objects.values_list("inwoner_id", flat=True)) == {
        inwoner_noord.pk,
        partner.pk,
    }


def _households(gemeente, wijk, n):
    for _ in range(n):
        a = InwonerFactory(gemeente=gemeente, wijk=wijk)
        b = InwonerFactory(gemeente=gemeente, wijk=wijk)
        huishouden_create(
            gemeente=gemeente,
            leden=[
                (a, Relatie.REFERENTIE, dt.date(2001, 1, 1)),
                (b, Relatie.PARTNER, dt.date(2001, 1, 1)),
            ],
        )


@pytest.mark.parametrize("path", ["/api/v1/inwoners/", "/api/v1/huishoudens/"])
def test_api_lists_use_the_same_number_of_queries_for_few_and_many(
    api, wijken, django_assert_num_queries, path
):
    gemeente, wijk = wijken["Noord"].gemeente, wijken["Noord"]
    _households(gemeente, wijk, 5)
    api.get(path)  # warm caches (content types, permissions)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        assert api.get(path, {"per_pagina": 500}).status_code == 200
    _households(gemeente, wijk, 100)
    with django_assert_num_queries(len(few.captured_queries)):
        response = api.get(path, {"per_pagina": 500})
    assert len(response.json()["results"]) >= 100
