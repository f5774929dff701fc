"""A plan with every kind of part, as its page, print view and API show it: each part present,
in its order (goals by ZRM domain, actions by their date, evaluations by date, signals and the
resident's contributions newest first, regisseurs by their start), with its own references
(the score of an evaluation, the consent of a participant, the person who is regisseur), read
by `plannen.selectors.plan_get` in a fixed number of queries, and nothing of another
municipality."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client
from rest_framework.test import APIClient

from eenplan.inwoners.constants import NetwerkSoort
from eenplan.inwoners.services import netwerkpersoon_add
from eenplan.onderzoeken.models import Leefgebied
from eenplan.plannen import selectors, services
from eenplan.plannen.constants import Doeltype, RegisseurSoort, Uitvoerder
from eenplan.plannen.models import Plan
from eenplan.privacy.services import toestemming_give
from eenplan.testing import scenarios
from eenplan.testing.scenarios import MetPlan

pytestmark = pytest.mark.django_db


@dataclass
class Rijk:
    s: MetPlan
    plan: Plan


def rijk_plan() -> Rijk:
    """The scenario's plan with two more goals, actions, evaluations (one with a score), a
    participant with consent, two regisseurs, two safety signals and two contributions from
    the portal, each added in an order that differs from the order shown."""
    s = scenarios.plan()
    wie, plan, vandaag = s.generalist.user, s.plan, s.vandaag
    leefgebieden = list(Leefgebied.objects.filter(instrument__actief=True).order_by("-volgorde"))
    later = services.doel_add(  # the last ZRM domain, added first
        plan=plan,
        inwoner=s.inwoner,
        leefgebied=leefgebieden[0],
        omschrijving="Doel Omega in het laatste leefgebied",
        doeltype=Doeltype.VERSTERKEN,
        actor=wie,
    )
    eerder = services.doel_add(
        plan=plan,
        inwoner=s.inwoner,
        leefgebied=leefgebieden[-1],
        omschrijving="Doel Alfa in het eerste leefgebied",
        doeltype=Doeltype.STABILISEREN,
        actor=wie,
    )
    for naam, dagen in (("Actie Derde", 30), ("Actie Eerste", 5), ("Actie Tweede", 12)):
        services.actie_add(
            doel=later,
            omschrijving=naam,
            uitvoerder_soort=Uitvoerder.INWONER,
            uitvoerder="Anna zelf",
            uiterlijk=vandaag + dt.timedelta(days=dagen),
            actor=wie,
        )
    services.evaluatie_add(
        doel=eerder,
        datum=vandaag,
        uitkomst="deels",
        toelichting="Evaluatie Nieuw",
        score=3,
        actor=wie,
    )
    services.evaluatie_add(
        doel=eerder,
        datum=vandaag - dt.timedelta(days=20),
        uitkomst="niet",
        toelichting="Evaluatie Oud",
        actor=wie,
    )
    buurman = netwerkpersoon_add(
        inwoner=s.inwoner, soort=NetwerkSoort.BUUR, naam="Buurman Bram", relatie="buurman"
    )
    toestemming = toestemming_give(
        inwoner=s.inwoner, aan="Buurman Bram", doel="plan", gegeven_op=vandaag, door=wie
    )
    services.deelnemer_add(
        plan=plan, rol="Boodschappen", toestemming=toestemming, netwerkpersoon=buurman, actor=wie
    )
    services.regisseur_set(
        plan=plan,
        soort=RegisseurSoort.INWONER,
        inwoner=s.inwoner,
        van=vandaag - dt.timedelta(days=10),
        actor=wie,
    )
    services.regisseur_set(
        plan=plan,
        soort=RegisseurSoort.NETWERK,
        netwerkpersoon=buurman,
        van=vandaag,
        actor=wie,
    )
    services.veiligheid_signaleer(
        plan=plan,
        soort="structureel",
        omschrijving="Signaal Eerste",
        escalatie="zvh",
        actor=wie,
    )
    services.veiligheid_signaleer(
        plan=plan,
        soort="geen_medewerking",
        omschrijving="Signaal Tweede",
        escalatie="geen",
        actor=wie,
    )
    for tekst in ("Inbreng Eerste", "Inbreng Tweede"):
        services.inbreng_add(plan=plan, inwoner=s.inwoner, soort="notitie", tekst=tekst, actor=wie)
    plan.refresh_from_db()
    return Rijk(s=s, plan=plan)


def _op_volgorde(tekst: str, *delen: str) -> bool:
    ontbreekt = [deel for deel in delen if deel not in tekst]
    assert not ontbreekt, f"not shown: {ontbreekt}"
    plekken = [tekst.index(deel) for deel in delen]
    return plekken == sorted(plekken)


def _pagina(rijk: Rijk, pad: str = "") -> str:
    client = Client()
    client.force_login(rijk.s.generalist.user)
    antwoord = client.get(f"/plannen/{rijk.plan.pk}/{pad}")
    assert antwoord.status_code == 200
    return antwoord.content.decode()


def test_the_plan_page_shows_every_part_in_its_order() -> None:
    rijk = rijk_plan()
    for html in (_pagina(rijk), _pagina(rijk, "afdrukken/")):
        assert _op_volgorde(html, "Doel Alfa", "Een schoon huis", "Doel Omega"), "by ZRM domain"
        assert _op_volgorde(html, "Actie Eerste", "Actie Tweede", "Actie Derde")
        assert "Buurman Bram" in html and "Boodschappen" in html
    html = _pagina(rijk)
    assert _op_volgorde(html, "Evaluatie Oud", "Evaluatie Nieuw")
    assert "nieuwe score 3" in html
    assert _op_volgorde(html, "Signaal Tweede", "Signaal Eerste"), "newest first"
    assert _op_volgorde(html, "Inbreng Tweede", "Inbreng Eerste"), "newest first"
    assert "Hulp bij het huishouden" in html


def test_the_plan_api_gives_every_part_in_its_order() -> None:
    rijk = rijk_plan()
    client = APIClient()
    client.force_authenticate(rijk.s.generalist.user)
    data = client.get(f"/api/v1/plannen/{rijk.plan.pk}/").json()
    doelen = [d["omschrijving"] for d in data["doelen"]]
    assert doelen[0].startswith("Doel Alfa") and doelen[-1].startswith("Doel Omega")
    omega = data["doelen"][-1]
    assert [a["omschrijving"] for a in omega["acties"]] == [
        "Actie Eerste",
        "Actie Tweede",
        "Actie Derde",
    ]
    alfa = data["doelen"][0]
    assert [e["toelichting"] for e in alfa["evaluaties"]] == ["Evaluatie Oud", "Evaluatie Nieuw"]
    schoon = next(d for d in data["doelen"] if d["omschrijving"].startswith("Een schoon huis"))
    assert schoon["voorstellen"] == [rijk.s.voorstel.pk]
    assert [v["omschrijving"] for v in data["voorstellen"]] == ["Hulp bij het huishouden"]
    signalen = [s["omschrijving"] for s in data["veiligheidssignalen"]]
    assert signalen == ["Signaal Tweede", "Signaal Eerste"]
    assert [r["soort"] for r in data["regisseurs"]] == ["inwoner", "netwerk"]


def test_plan_get_reads_the_plan_and_its_parts_with_their_references_in_one_query(
    django_assert_num_queries: Any,
) -> None:
    rijk = rijk_plan()
    gemeente_id = rijk.s.gemeente.pk
    # The plan with its household and every kind of part (goals, their actions, evaluations
    # and proposals, regie, participants, proposals, versions, signals, inbreng) in one query
    # (ADR 0055; one per kind of part before): however many parts the plan has, and nothing
    # more when the page walks them.
    with django_assert_num_queries(1):
        plan = selectors.plan_get(pk=rijk.plan.pk, gemeente_id=gemeente_id)
        assert plan is not None
        doelen = list(plan.doelen.all())
        assert [d.leefgebied.volgorde for d in doelen] == sorted(
            d.leefgebied.volgorde for d in doelen
        )
        assert all(d.inwoner.pk == rijk.s.inwoner.pk for d in doelen)
        evaluaties = [e for d in doelen for e in d.evaluaties.all()]
        assert {e.score.score for e in evaluaties if e.score} == {3}
        assert [v.omschrijving for d in doelen for v in d.voorstellen.all()] == [
            "Hulp bij het huishouden"
        ]
        assert [d.toestemming.aan for d in plan.deelnemers.all()] == ["Buurman Bram"]
        assert [d.netwerkpersoon.naam for d in plan.deelnemers.all()] == ["Buurman Bram"]
        regisseurs = list(plan.regisseurs.all())
        assert regisseurs[0].inwoner == rijk.s.inwoner
        assert regisseurs[1].netwerkpersoon.naam == "Buurman Bram"
        assert all(v.inwoner.pk == rijk.s.inwoner.pk for v in plan.voorstellen.all())
        versies = [v.versie for v in plan.versies.all()]
        assert versies == sorted(versies) and len(versies) > 1
        assert {v.door.pk for v in plan.versies.all()} == {rijk.s.generalist.user.pk}
        assert [v.besloten_door.pk for v in plan.veiligheidssignalen.all()] == [
            rijk.s.generalist.user.pk
        ] * 2
        inbreng = list(plan.inbreng.all())  # the resident's own additions, newest first
        assert [i.tekst for i in inbreng] == ["Inbreng Tweede", "Inbreng Eerste"]
        assert {i.inwoner.pk for i in inbreng} == {rijk.s.inwoner.pk}
    # Another municipality's id finds nothing (a 404 for the page: ADR 0046).
    assert selectors.plan_get(pk=rijk.plan.pk, gemeente_id=gemeente_id + 999) is None


def test_the_plan_page_reads_its_surroundings_with_the_plan_in_one_query(
    django_assert_num_queries: Any,
) -> None:
    """Issue 16: the plan page's read (`plan_pagina_get`) brings, in the plan's own query, the
    current members with their resident and network, the active plans members brought from a
    household they lived in before, the settings in force and the instrument's domains with
    their anchors — each the same as the read on its own gives (these were five queries).
    A member who left and an ended network person are not among them."""
    from django.utils import timezone

    from eenplan.gemeente.selectors import instellingen_op
    from eenplan.inwoners.models import HuishoudenLid
    from eenplan.inwoners.services import huishouden_lid_end, netwerkpersoon_end
    from eenplan.onderzoeken.selectors import leefgebieden_actief
    from eenplan.testing.factories import (
        HuishoudenLidFactory,
        InstellingFactory,
        InwonerFactory,
        plan_uit_vorig_huishouden,
    )

    rijk = rijk_plan()
    s, vandaag = rijk.s, timezone.localdate()
    gemeente = s.gemeente
    vertrokken = HuishoudenLidFactory(
        huishouden=rijk.plan.huishouden,
        inwoner=InwonerFactory(gemeente=gemeente, wijk=s.inwoner.wijk),
        lid_van=vandaag - dt.timedelta(days=400),
    )
    huishouden_lid_end(lid=vertrokken, lid_tot=vandaag - dt.timedelta(days=3))
    oud = netwerkpersoon_add(
        inwoner=s.inwoner, soort=NetwerkSoort.BUUR, naam="Oud-buurvrouw Olga", relatie="buur"
    )
    netwerkpersoon_end(persoon=oud, tot=vandaag - dt.timedelta(days=1))
    meegekomen = plan_uit_vorig_huishouden(inwoner=s.inwoner, door=s.generalist.user)
    InstellingFactory(
        gemeente=gemeente,
        onderwerp="teksten",
        waarde={"teamnaam": "buurtteam"},
        geldig_vanaf=vandaag,
    )

    with django_assert_num_queries(1):
        plan = selectors.plan_pagina_get(
            pk=rijk.plan.pk, gemeente_id=gemeente.pk, vandaag=vandaag, met_kandidaten=True
        )
        assert plan is not None
        omgeving = plan.omgeving
        leden = [
            (lid.inwoner.pk, [p.naam for p in lid.inwoner.netwerk.all()]) for lid in omgeving.leden
        ]
        gebieden = [
            (lg.pk, [(a.score, a.tekst) for a in lg.ankers.all()]) for lg in omgeving.leefgebieden
        ]
        assert [p.pk for p in omgeving.meegekomen] == [meegekomen.pk]
        assert omgeving.andere_plannen == []
        assert list(plan.doelen.all())  # the plan's own parts are still there

    huidig = HuishoudenLid.objects.filter(huishouden=rijk.plan.huishouden, lid_tot__isnull=True)
    assert [i for i, _ in leden] == [lid.inwoner_id for lid in huidig.order_by("lid_van", "id")]
    assert vertrokken.inwoner_id not in [i for i, _ in leden]
    netwerk = dict(leden)[s.inwoner.pk]
    assert "Oud-buurvrouw Olga" in netwerk  # ended, but still in the network (the page filters)
    assert netwerk == [p.naam for p in s.inwoner.netwerk.all()]
    assert gebieden == [
        (lg.pk, [(a.score, a.tekst) for a in lg.ankers.all()]) for lg in leefgebieden_actief()
    ]
    assert len(gebieden) > 1 and all(ankers for _, ankers in gebieden)
    assert omgeving.instellingen == instellingen_op(gemeente.pk, vandaag)
    assert omgeving.instellingen.teksten.teamnaam == "buurtteam"
    # The candidates for regisseur: the rule's own query, with their login, in its order.
    assert omgeving.kandidaten, "the scenario's generalist serves the household's wijk"
    assert [(m.pk, str(m)) for m in omgeving.kandidaten] == [
        (m.pk, str(m)) for m in selectors.regisseur_kandidaten(huishouden=rijk.plan.huishouden)
    ]
    zonder = selectors.plan_pagina_get(pk=rijk.plan.pk, gemeente_id=gemeente.pk, vandaag=vandaag)
    assert zonder is not None and zonder.omgeving.kandidaten is None
    # Another municipality's id finds nothing.
    assert (
        selectors.plan_pagina_get(pk=rijk.plan.pk, gemeente_id=gemeente.pk + 999, vandaag=vandaag)
        is None
    )


def test_the_plan_page_reads_the_debt_route_only_for_a_role_that_reads_debt_data() -> None:
    """The parts of apps above plannen come with the plan's one query, by permission: the
    generalist's plan page reads the aanvragen and the household's debt route; the back
    office, which reads plans but no debt data, reads the aanvragen and nothing of schuldhulp
    (not read and dropped: not read)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from eenplan.gemeente.constants import Rol
    from eenplan.testing.factories import medewerker_voor

    rijk = rijk_plan()
    backoffice = medewerker_voor(rijk.s.inwoner, Rol.BACKOFFICE)
    for wie, schuld in ((rijk.s.generalist, True), (backoffice, False)):
        client = Client()
        client.force_login(wie.user)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(f"/plannen/{rijk.plan.pk}/")
        assert response.status_code == 200
        sql = [q["sql"] for q in queries.captured_queries]
        plan_sql = [q for q in sql if q.startswith(f'WITH "{selectors._PLAN_HUISHOUDEN}"')]
        assert len(plan_sql) == 1 and "beschikkingen_aanvraag" in plan_sql[0]
        assert any("schuldhulp_schuldvraag" in q for q in sql) is schuld, wie
        assert "Hulp bij het huishouden" in response.content.decode()


def test_the_plan_pages_access_decision_is_taken_on_the_members_read_with_the_plan(
    django_assert_num_queries: Any,
) -> None:
    """Issue 16: the plan page decides on the household (a current member in the login's
    scope; every current member logged) on the members its one query read
    (`access.huishouden_leden_deel`), not with a query of its own — and decides exactly as the
    decision reading them itself would: the same answer, reason, residents and log rows, for
    a login of the household's wijk, one of another wijk (refused), that login with a dossier
    assignment to one member (allowed through the assignment), the mid-office (refused by its
    role) and the back office (the whole municipality), on a household with a member who left
    and one who moves in tomorrow (no member yet: neither for the decision nor for the page)."""
    from django.utils import timezone

    from eenplan.gemeente.constants import Rol
    from eenplan.inwoners.services import huishouden_lid_end
    from eenplan.privacy import access
    from eenplan.privacy.constants import Doel
    from eenplan.privacy.models import Inzage
    from eenplan.testing.factories import (
        DossierToegangFactory,
        HuishoudenLidFactory,
        InwonerFactory,
        MedewerkerFactory,
        TeamFactory,
        WijkFactory,
        medewerker_voor,
    )

    rijk = rijk_plan()
    s, vandaag = rijk.s, timezone.localdate()
    huishouden = rijk.plan.huishouden
    vertrokken = HuishoudenLidFactory(
        huishouden=huishouden,
        inwoner=InwonerFactory(gemeente=s.gemeente, wijk=s.inwoner.wijk),
        lid_van=vandaag - dt.timedelta(days=400),
    )
    huishouden_lid_end(lid=vertrokken, lid_tot=vandaag - dt.timedelta(days=3))
    morgen = HuishoudenLidFactory(
        huishouden=huishouden,
        inwoner=InwonerFactory(gemeente=s.gemeente, wijk=s.inwoner.wijk),
        lid_van=vandaag + dt.timedelta(days=1),
    )
    andere_wijk = WijkFactory(gemeente=s.gemeente)
    ander = MedewerkerFactory(
        gemeente=s.gemeente, teams=[TeamFactory(gemeente=s.gemeente, wijken=[andere_wijk])]
    )
    toegewezen = MedewerkerFactory(
        gemeente=s.gemeente, teams=[TeamFactory(gemeente=s.gemeente, wijken=[andere_wijk])]
    )
    DossierToegangFactory(medewerker=toegewezen, inwoner=s.inwoner)
    logins = {
        "wijk": (s.generalist, True),
        "andere wijk": (ander, False),
        "toegewezen": (toegewezen, True),
        "midoffice": (medewerker_voor(s.inwoner, Rol.MIDOFFICE), False),  # no plans: its role
        "backoffice": (medewerker_voor(s.inwoner, Rol.BACKOFFICE), True),
    }
    plan = selectors.plan_pagina_get(pk=rijk.plan.pk, gemeente_id=s.gemeente.pk, vandaag=vandaag)
    assert plan is not None
    leden = plan.omgeving.toegang
    huidig = set(access.huidige_leden(huishouden.pk).values_list("inwoner_id", flat=True))
    assert {pk for pk, _ in leden.rijen} == huidig and vertrokken.inwoner_id not in huidig
    assert morgen.inwoner_id not in huidig and len(huidig) >= 2

    def besluit(wie: Any, **extra: Any) -> tuple[access.Decision, list[tuple[Any, ...]]]:
        voor = Inzage.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        try:
            gegeven = access.require(
                wie.user,
                access.Resource.PLAN,
                access.Action.LEZEN,
                via=access.Via(pad="/plannen/"),
                huishouden=huishouden.pk,
                doel=Doel.PLAN,
                **extra,
            )
        except access.Refused as refused:
            gegeven = refused.decision
        rijen = Inzage.objects.filter(pk__gt=voor).order_by("inwoner_id")
        return gegeven, list(rijen.values_list("inwoner_id", "gemeente_id", "toegestaan", "reden"))

    for naam, (wie, mag) in logins.items():
        zelf = besluit(wie)
        met_plan = besluit(wie, leden=leden)
        assert met_plan == zelf, naam
        assert zelf[0].allowed is mag, naam
        assert set(zelf[0].inwoner_ids) == huidig, naam
    # In scope by the wijk, the decision with the plan's members writes its log row and reads
    # nothing; members read for another household are not taken (read again).
    vraag = {
        "via": access.Via(pad="/plannen/"),
        "huishouden": huishouden.pk,
        "doel": Doel.PLAN,
    }
    lezen = (s.generalist.user, access.Resource.PLAN, access.Action.LEZEN)
    with django_assert_num_queries(1):
        access.require(*lezen, **vraag, leden=leden)
    with django_assert_num_queries(2):
        anders = access.HuishoudenLeden(huishouden.pk + 1, s.gemeente.pk, leden.rijen)
        access.require(*lezen, **vraag, leden=anders)


def test_the_benchmarks_floor_of_the_plan_page_returns_the_rows_the_page_shows() -> None:
    """`make bench-schaal` compares the plan page's SQL with one hand-written query for the
    same rows (issue 16): that query must return what the page shows — the goals, the
    household's current members, its other active plans and those a member brought along,
    the candidates for regisseur in the page's order, the aanvragen — or the ratio measures
    nothing. (Until 7 December 2026 the floor lacked the candidates and the brought-along
    plans.)"""
    import json

    from django.db import connection
    from django.utils import timezone

    from eenplan.bench_schaal import _vloeren
    from eenplan.testing.factories import plan_uit_vorig_huishouden

    if connection.vendor != "postgresql":
        pytest.skip("De vloer van de benchmark is PostgreSQL-SQL.")
    rijk = rijk_plan()
    s = rijk.s
    meegekomen = plan_uit_vorig_huishouden(inwoner=s.inwoner, door=s.generalist.user)
    wijken = list(s.generalist.teams.values_list("wijken", flat=True).distinct())
    ctx = dict.fromkeys(("generalist", "team", "inwoner", "beschikking"), 0) | {
        "gemeente": s.gemeente.pk,
        "generalist_wijken": wijken,
        "plan": rijk.plan.pk,
        "plan_wijken": wijken,
    }
    sql, params = _vloeren(ctx)["plan"]
    with connection.cursor() as cursor:
        cursor.execute("SET TIME ZONE 'Europe/Amsterdam'")  # CURRENT_DATE as the app's day
        try:
            cursor.execute(sql, params)
            kolommen = [d[0] for d in cursor.description]
            vloer = dict(zip(kolommen, cursor.fetchone(), strict=True))
        finally:
            cursor.execute("SET TIME ZONE 'UTC'")

    def ids(deel: str) -> list[int]:
        waarde = vloer[deel]
        return [r["id"] for r in (json.loads(waarde) if isinstance(waarde, str) else waarde or [])]

    pagina = selectors.plan_pagina_get(
        pk=rijk.plan.pk,
        gemeente_id=s.gemeente.pk,
        vandaag=timezone.localdate(),
        met_kandidaten=True,
    )
    assert pagina is not None
    omgeving = pagina.omgeving
    assert sorted(ids("doelen")) == sorted(d.pk for d in pagina.doelen.all()) != []
    assert ids("leden") == [lid.pk for lid in omgeving.leden]
    andere = [p.pk for p in omgeving.andere_plannen + omgeving.meegekomen]
    assert sorted(ids("andere_plannen")) == sorted(andere) and meegekomen.pk in andere
    assert ids("kandidaten") == [m.pk for m in omgeving.kandidaten or []] != []
    assert sorted(ids("aanvragen")) == sorted(rijk.plan.aanvragen.values_list("pk", flat=True))
