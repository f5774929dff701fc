"""The declared access matrix (issue 8, item 3): every endpoint has a row, and every endpoint
behaves as the matrix says for every role, in and out of need-to-know.

(a) Every URL pattern and every operation of the OpenAPI schema is guarded by a declared rule
    (`access.requires` on a page, `access_rules` on a viewset) or listed in `matrix.EXEMPT` with
    the reason; a new endpoint without either fails here, naming it.
(b) A behavioural sweep: one small world (one municipality, wijk Noord in scope and wijk Zuid out
    of scope of a team that every test role belongs to, one of each dossier object on both
    sides), then every role requests every guarded endpoint for the in-scope and the
    out-of-scope object (GET, and for a write an empty POST/PATCH/PUT). Where the matrix says
    refused, the answer is a refusal (403, or 302 to the login page, 404, 405) and nothing
    changed; unexpected allows must be zero.
(c) docs/security.md publishes the matrix that the code declares.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any
from unittest import mock

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import DatabaseError, connection, transaction
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import resolve, reverse
from django.utils import timezone
from drf_spectacular.generators import SchemaGenerator

from eenplan.aanbieders.models import Aanbieder, Contract, ContractDocument, ContractProduct
from eenplan.avg.models import Vernietigingslijst
from eenplan.beleid.models import (
    Activiteit,
    Indicatorkoppeling,
    Resultaat,
    Subdoel,
    Thema,
    Vraag,
)
from eenplan.beleid.models import Doel as Beleidsdoel
from eenplan.berichten.models import AanbiederLogin
from eenplan.beschikkingen.models import (
    Aanvraag,
    Beschikking,
    BeschikteVoorziening,
    Overgangsrecht,
)
from eenplan.bezwaren.models import Bezwaar, Klacht
from eenplan.gemeente import roles
from eenplan.gemeente.constants import Rol, TeamSoort
from eenplan.gemeente.models import GelijkgesteldeFeestdag, RolWijzigingVerzoek
from eenplan.gemeente.services import roles_sync
from eenplan.inwoners.models import Huishouden, HuishoudenLid, Inwoner, Netwerkpersoon
from eenplan.mantelzorg.models import (
    Klus,
    Mantelzorger,
    RespijtzorgVraag,
    Vrijwilliger,
    Zorgrelatie,
)
from eenplan.meldingen.models import Melding
from eenplan.onderzoeken.models import Afweging, Leefgebied, Onderzoek, OnderzoekOnderdeel
from eenplan.participatie.models import (
    Instrument,
    LevensonderhoudAanvraag,
    Traject,
    TrajectStap,
    Verdiencapaciteit,
)
from eenplan.plannen.models import Actie, Deelnemer, Doel, Plan, PlanVersie, Regisseur, Voorstel
from eenplan.privacy import access, matrix
from eenplan.privacy.models import Inzage, Machtiging, Toestemming
from eenplan.privacy.services import inwoneraccount_for
from eenplan.schuldhulp.models import RouteStap, Schuldvraag, Vroegsignaal
from eenplan.taken.models import Taak
from eenplan.testing import beleid as beleid_testdata
from eenplan.testing import gemeentesql
from eenplan.testing.berichten import bericht
from eenplan.testing.factories import (
    AvgVerzoekFactory,
    GemeenteFactory,
    InwonerFactory,
    MedewerkerFactory,
    TeamFactory,
    WijkFactory,
)
from eenplan.uitwisseling.models import Uitvoering, Uitwisseling
from eenplan.voorzieningen.models import CodelijstWaarde, Synoniem, Tarief, Voorziening

# Known gaps, with the reason: endpoints not yet moved onto privacy.access (issue 8, item 1), or
# whose behaviour the sweep finds wrong and that are still being fixed. A key is a route, or a
# prefix ending in "*". Such an endpoint may lack a rule, and its sweep findings are reported but
# do not fail. This set must shrink to empty: an entry whose endpoints all have a rule and pass
# the sweep fails `test_pending_entries_are_still_pending` (remove it then).
PENDING: dict[str, str] = {}

# --- (a) every endpoint has a row -----------------------------------------------------------


def _matches(key: str, route: str) -> bool:
    return route.startswith(key[:-1]) if key.endswith("*") else route == key


def _pending(endpoint: matrix.Endpoint) -> bool:
    return any(_matches(key, endpoint.route) for key in PENDING)


def test_every_url_pattern_has_a_row():
    missing = [e for e in matrix.unguarded() if not _pending(e)]
    assert not missing, (
        "These endpoints are guarded by no declared rule. Decorate the page with "
        "@access.requires(Resource.X, Action.Y), give the viewset action an entry in "
        "access_rules, or (only when no dossier is involved) add the route to "
        "privacy.matrix.EXEMPT with the reason:\n"
        + "\n".join(f"  {e.key}  ({e.view}) {e.note}".rstrip() for e in missing)
    )


def test_every_url_pattern_is_enumerated():
    """The registry sees every pattern, including format-suffix variants and nested includes."""
    routes = {e.route for e in matrix.endpoints()}
    count = 0
    for route, _pattern in matrix.url_patterns():
        count += 1
        assert matrix.normalise(route)[0] in routes, route
    assert count >= len(routes) > 100
    for expected in ("/inwoners/<pk>/", "/api/v1/meldingen/<pk>/toewijzen/", "/beheer/"):
        assert expected in routes


def _schema_operations() -> Iterator[tuple[str, str]]:
    schema = SchemaGenerator().get_schema(request=None, public=True)
    for path, operations in schema["paths"].items():
        for method in operations:
            if method in {"get", "post", "put", "patch", "delete"}:
                yield path, method.upper()


def _endpoint_for_operation(path: str, method: str) -> matrix.Endpoint | None:
    match = resolve(re.sub(r"\{[^}]+\}", "1", path))
    readable, _suffix = matrix.normalise(match.route)
    by_key = {e.key: e for e in matrix.endpoints()}
    return by_key.get(f"{method} {readable}") or by_key.get(f"* {readable}")


def test_every_openapi_operation_has_a_row():
    operations = list(_schema_operations())
    assert len(operations) > 80  # the whole API, not an empty schema
    problems = []
    for path, method in operations:
        endpoint = _endpoint_for_operation(path, method)
        if endpoint is None:
            problems.append(f"  {method} {path}: no URL pattern in the registry")
        elif not endpoint.rules and not endpoint.exempt and not _pending(endpoint):
            problems.append(f"  {method} {path}: no rule ({endpoint.view}) {endpoint.note}")
    assert not problems, "OpenAPI operations without a row in the matrix:\n" + "\n".join(problems)


def test_exempt_routes_exist():
    routes = [e.route for e in matrix.endpoints()]
    dead = [key for key in matrix.EXEMPT if not key.endswith("*") and key not in routes]
    assert not dead, f"privacy.matrix.EXEMPT names routes that do not exist: {dead}"


def test_api_rules_are_enforced_by_role_permission():
    """access_rules only count on a viewset whose permission classes read them."""
    noted = [e for e in matrix.endpoints() if e.note and not _pending(e)]
    assert not noted, "\n".join(f"{e.key}: {e.note}" for e in noted)


# --- the matrix itself ----------------------------------------------------------------------


def test_matrix_follows_the_rules_and_the_role_permissions():
    cells = matrix.matrix()
    assert len(cells) == len(Rol.values) * len(access.RULES) * 2
    by_key = {(c.rol, c.resource, c.action, c.in_scope): c.allowed for c in cells}
    R, A = access.Resource, access.Action
    # Need-to-know: a generalist reads a dossier in scope, never out of it.
    assert by_key[(Rol.GENERALIST, R.DOSSIER, A.LEZEN, True)] is True
    assert by_key[(Rol.GENERALIST, R.DOSSIER, A.LEZEN, False)] is False
    # Roles without dossier rights read no dossier, whatever the scope.
    for rol in (Rol.VRIJWILLIGER, Rol.BELEID, Rol.PRIVACY, Rol.CONTRACTMANAGER):
        assert not by_key[(rol, R.DOSSIER, A.LEZEN, True)]
    # Only the privacy officer reads the access log; only the backoffice checks lawfulness.
    assert [r for r in Rol.values if by_key[(r, R.INZAGELOG, A.LEZEN, True)]] == [Rol.PRIVACY]
    assert [r for r in Rol.values if by_key[(r, R.BESCHIKKING, A.TOETSEN, True)]] == [
        Rol.BACKOFFICE
    ]
    # Out of scope is never allowed where in scope is refused.
    for (rol, resource, action, in_scope), allowed in by_key.items():
        if not in_scope and allowed:
            assert by_key[(rol, resource, action, True)]


def test_counts_add_up():
    for rol, c in matrix.counts().items():
        assert c.allowed_in_scope + c.allowed_out_of_scope + c.refused == 2 * len(access.RULES)
        assert c.allowed_out_of_scope <= c.allowed_in_scope, rol
    assert matrix.counts()[Rol.BELEID].allowed_in_scope == sum(
        1
        for rule in access.RULES.values()
        if set(rule.perms) <= set(roles.ROLE_PERMISSIONS[Rol.BELEID]) and not rule.scoped
    )


# --- (c) the published matrix ---------------------------------------------------------------


def test_docs_security_md_publishes_the_declared_matrix():
    path = matrix.docs_path()
    assert path.exists(), f"docs/security.md is missing; run: {matrix.REGENERATE}"
    document = path.read_text(encoding="utf-8")
    assert matrix.SECTION in document
    assert matrix.published(document) == matrix.render_markdown(), (
        f"The matrix in docs/security.md is out of date; run: {matrix.REGENERATE}"
    )


def test_publishing_replaces_only_the_matrix_section():
    document = "# Security\n\n## Other\n\nkept\n\n" + matrix.SECTION + "\n\n"
    first = matrix.publish("<!-- matrix:begin -->\nold\n<!-- matrix:end -->\n", document)
    second = matrix.publish(matrix.render_markdown(), first + "\n## After\n\nalso kept\n")
    assert "kept" in second and "also kept" in second and "old" not in second
    assert matrix.published(second) == matrix.render_markdown()
    assert second.count(matrix.SECTION) == 1
    assert matrix.publish("X\n", "") == matrix.SKELETON + "X\n"


# --- (b) the behavioural sweep --------------------------------------------------------------

TODAY = timezone.localdate()
IN, OUT = "binnen", "buiten"

# Which object a route's <pk> is, by route prefix (the longest prefix wins).
PK_KIND: dict[str, str] = {
    "/api/v1/inwoners/": "inwoner",
    "/api/v1/dossiers/": "inwoner",
    "/api/v1/huishoudens/": "huishouden",
    "/api/v1/inzagelog/": "inzage",
    "/api/v1/wijken/": "wijk",
    "/api/v1/teams/": "team",
    "/api/v1/meldingen/": "melding",
    "/api/v1/onderzoeken/": "onderzoek",
    "/api/v1/plannen/": "plan",
    "/api/v1/voorzieningen/": "voorziening",
    "/api/v1/codelijsten/": "codelijst",
    "/api/v1/aanvragen/": "aanvraag",
    "/api/v1/beschikkingen/": "beschikking",
    "/api/v1/bezwaren/": "bezwaar",
    "/api/v1/klachten/": "klacht",
    "/api/v1/berichten/": "bericht",
    "/api/v1/overgangsrecht/": "overgangsrecht",
    "/api/v1/indicatoren/": "indicator",
    "/sturing/indicatoren/": "indicator",
    "/api/v1/berichten/log/": "bericht",
    "/api/v1/aanbieders/": "aanbieder",
    "/api/v1/contracten/": "contract",
    "/aanbieders/": "aanbieder",
    "/aanbieders/contracten/": "contract",
    "/inwoners/": "inwoner",
    "/meldingen/": "melding",
    "/onderzoeken/": "onderzoek",
    "/plannen/": "plan",
    "/voorzieningen/": "voorziening",
    "/beschikkingen/": "beschikking",
    "/beschikkingen/aanvragen/": "aanvraag",
    "/beschikkingen/bezwaren/": "bezwaar",
    "/beschikkingen/klachten/": "klacht",
    "/berichten/": "bericht",
    "/functioneel-beheer/medewerkers/": "medewerker",
    "/functioneel-beheer/verzoeken/": "verzoek",
    "/functioneel-beheer/teams/": "team",
    "/functioneel-beheer/wijken/": "wijk",
    "/functioneel-beheer/catalogus/": "voorziening",
    "/functioneel-beheer/synoniemen/": "synoniem",
    "/functioneel-beheer/instellingen/feestdagen/": "feestdag",
    "/api/v1/beheer/medewerkers/": "medewerker",
    "/api/v1/beheer/verzoeken/": "verzoek",
    "/api/v1/beheer/teams/": "team",
    "/api/v1/beheer/wijken/": "wijk",
    "/api/v1/beheer/voorzieningen/": "voorziening",
    "/api/v1/beheer/synoniemen/": "synoniem",
    "/api/v1/beheer/feestdagen/": "feestdag",
    "/beleid/": "beleidsplan",
    "/beleid/indicatoren/": "beleidskoppeling",
    "/beleid/activiteiten/": "beleidsactiviteit",
    "/beleid/resultaten/": "beleidsresultaat",
    "/beleid/themas/": "beleidsthema",
    "/beleid/doelen/": "beleidsdoel",
    "/beleid/subdoelen/": "beleidssubdoel",
    "/beleid/clientervaring/vragen/": "enquetevraag",
    "/api/v1/beleidsthemas/": "beleidsthema",
    "/api/v1/beleidsdoelen/": "beleidsdoel",
    "/api/v1/beleidssubdoelen/": "beleidssubdoel",
    "/api/v1/beleidsresultaten/": "beleidsresultaat",
    "/api/v1/enquetevragen/": "enquetevraag",
    "/beleid/clientervaring/": "uitvraging",
    "/api/v1/beleidsplannen/": "beleidsplan",
    "/api/v1/beleidsindicatoren/": "beleidskoppeling",
    "/api/v1/beleidsactiviteiten/": "beleidsactiviteit",
    "/api/v1/clientervaring/": "uitvraging",
    # The inwonersportaal (issue 13): staff are refused there; the resident's own ids.
    "/mijn/<inwoner_id>/meldingen/": "melding",
    "/mijn/<inwoner_id>/onderzoeken/": "onderzoek",
    "/mijn/<inwoner_id>/plan/acties/": "actie",
    "/mijn/<inwoner_id>/plan/deelnemers/": "deelnemer",
    "/mijn/<inwoner_id>/beschikkingen/": "beschikking",
    "/mijn/<inwoner_id>/machtigingen/": "machtiging",
    "/api/v1/portaal/<inwoner_id>/meldingen/": "melding",
    "/api/v1/portaal/<inwoner_id>/onderzoeken/": "onderzoek",
    "/api/v1/portaal/<inwoner_id>/acties/": "actie",
    "/api/v1/portaal/<inwoner_id>/deelnemers/": "deelnemer",
    "/api/v1/portaal/<inwoner_id>/beschikkingen/": "beschikking",
    "/api/v1/portaal/<inwoner_id>/machtigingen/": "machtiging",
    "/inwoners/<inwoner_id>/vertegenwoordiging/machtigingen/": "machtiging",
    "/inwoners/<inwoner_id>/vertegenwoordiging/wettelijk/": "netwerk",
    "/api/v1/inwoners/<inwoner_id>/vertegenwoordiging/machtigingen/": "machtiging",
    "/api/v1/inwoners/<inwoner_id>/vertegenwoordiging/wettelijk/": "netwerk",
    # Work and income (issue 14).
    "/participatie/aanvragen/": "levensonderhoud",
    "/participatie/inwoners/": "inwoner",
    "/participatie/metingen/": "verdiencapaciteit",
    "/participatie/trajecten/": "traject",
    "/api/v1/participatie/levensonderhoud/": "levensonderhoud",
    "/api/v1/participatie/trajecten/": "traject",
    # Purpose-bound sharing and youth delivery (issue 17).
    "/uitwisselingen/": "uitwisseling",
    "/uitwisselingen/uitvoering/": "uitvoering",
    "/api/v1/uitwisselingen/": "uitwisseling",
    "/api/v1/uitvoeringen/": "uitvoering",
    # Mantelzorg and volunteers (issue 15).
    "/mantelzorg/": "mantelzorger",
    "/mantelzorg/klussen/": "klus",
    "/mantelzorg/vrijwilligers/": "vrijwilliger",
    "/api/v1/mantelzorgers/": "mantelzorger",
    "/api/v1/respijtvragen/": "respijtvraag",
    "/api/v1/klussen/": "klus",
    "/api/v1/vrijwilligers/": "vrijwilliger",
    "/mijn/kring/": "actie",
    "/api/v1/portaal/kring/": "actie",
    # A resident's rights under the AVG and retention (issue 17).
    "/avg/verzoeken/": "avg_verzoek",
    "/avg/vernietigingen/": "vernietigingslijst",
    "/api/v1/avg-verzoeken/": "avg_verzoek",
    "/mijn/<inwoner_id>/avg/": "avg_verzoek",
    "/api/v1/participatie/instrumenten/": "instrument",
    # Debt help (issue 14).
    "/schuldhulp/signalen/": "vroegsignaal",
    "/schuldhulp/inwoners/": "inwoner",
    "/schuldhulp/vragen/": "schuldvraag",
    "/api/v1/schuldhulp/signalen/": "vroegsignaal",
    "/api/v1/schuldhulp/vragen/": "schuldvraag",
    # Tasks (issue 16): one started by someone outside the sweep's staff.
    "/taken/": "taak",
    "/api/v1/taken/": "taak",
}
# Other URL parameters: the object (or fixed value) they name.
KWARG_KIND: dict[str, str] = {
    "melding_id": "melding",
    "huishouden_id": "huishouden",
    "inwoner_id": "inwoner",
    "plan_id": "plan",
    "doel_id": "doel",
    "deelnemer_id": "deelnemer",
    "toestemming_id": "toestemming",
    "lid_id": "lid",
    "versie": "versie",
    "code": "onderdeel_code",
    "stap": "ladderstap",
    "indicator": "indicator",
    "id": "indicator",
    "onderwerp": "instelling_onderwerp",
    "document": "contractdocument",
    "login": "aanbieder_login",
    "vraag_id": "respijtvraag",
}


@dataclass
class World:
    staff: dict[str, Any]  # Rol -> Medewerker (all in the team of wijk Noord)
    objects: dict[str, dict[str, Any]]  # side -> kind -> object id (or value)
    inwoner_user: Any = None  # the portal login of the resident of side IN (issue 13)
    aanbieder_user: Any = None  # an active API login of provider Thuiszorg West (issue 11)


def _side(gemeente, wijk, team, generalist, voorziening, leefgebied, tag: str) -> dict[str, Any]:
    """One of each dossier object for residents of `wijk`."""
    user = generalist.user
    inwoner = InwonerFactory(gemeente=gemeente, wijk=wijk, achternaam=f"Matrix{tag}")
    partner = InwonerFactory(gemeente=gemeente, wijk=wijk, achternaam=f"Partner{tag}")
    huishouden = Huishouden.objects.create(gemeente=gemeente, naam=f"Huishouden {tag}")
    lid = HuishoudenLid.objects.create(
        huishouden=huishouden, inwoner=inwoner, relatie="referentie", lid_van=dt.date(2020, 1, 1)
    )
    HuishoudenLid.objects.create(
        huishouden=huishouden, inwoner=partner, relatie="partner", lid_van=dt.date(2020, 1, 1)
    )
    netwerk = Netwerkpersoon.objects.create(inwoner=inwoner, soort="mantelzorger", naam="Mantel")
    melding = Melding.objects.create(
        gemeente=gemeente,
        inwoner=inwoner,
        huishouden=huishouden,
        melder_soort="zelf",
        kanaal="telefoon",
        wmo=True,
        vraag="Hulp in huis",
        ontvangen_op=TODAY - dt.timedelta(days=3),
        onderzoek_uiterlijk=TODAY + dt.timedelta(days=39),
        status="toegewezen",
        team=team,
        medewerker=generalist,
        geregistreerd_door=user,
    )
    onderzoek = Onderzoek.objects.create(
        melding=melding, inwoner=inwoner, huishouden=huishouden, medewerker=generalist
    )
    OnderzoekOnderdeel.objects.create(onderzoek=onderzoek, code="a", antwoord="Zelf koken lukt")
    Afweging.objects.create(
        onderzoek=onderzoek,
        stap=1,
        bevinding="Eigen kracht",
        volstaat=False,
        reden_niet_toereikend="Te zwaar",
    )
    plan = Plan.objects.create(huishouden=huishouden, aangemaakt_door=user)
    PlanVersie.objects.create(plan=plan, versie=1, door=user, reden="start", inhoud={})
    doel = Doel.objects.create(
        plan=plan,
        inwoner=inwoner,
        leefgebied=leefgebied,
        omschrijving="Zelf koken",
        doeltype="versterken",
    )
    actie = Actie.objects.create(doel=doel, omschrijving="Kookcursus", uitvoerder_soort="inwoner")
    voorstel = Voorstel.objects.create(
        plan=plan,
        doel=doel,
        inwoner=inwoner,
        omschrijving="Hulp bij het huishouden",
        wet="wmo",
        ladderstap=6,
    )
    Regisseur.objects.create(
        plan=plan, soort="inwoner", inwoner=inwoner, van=TODAY, vastgelegd_door=user
    )
    toestemming = Toestemming.objects.create(
        inwoner=inwoner,
        aan="Buurtzorg",
        doel="Deelnemen aan het plan",
        gegeven_op=TODAY,
        vastgelegd_door=user,
    )
    deelnemer = Deelnemer.objects.create(
        plan=plan, organisatie="Buurtzorg", rol="Wijkverpleging", toestemming=toestemming
    )
    # The resident authorises the partner as mantelzorger (issue 13: the portal's page).
    machtiging = Machtiging.objects.create(
        inwoner=inwoner, gemachtigde=partner, soort="mantelzorger", van=TODAY, vastgelegd_door=user
    )
    aanvraag = Aanvraag.objects.create(
        gemeente=gemeente,
        inwoner=inwoner,
        plan=plan,
        voorstel=voorstel,
        omschrijving="Hulp bij het huishouden",
        wet="wmo",
        ontvangen_op=TODAY,
        beslissen_uiterlijk=TODAY + dt.timedelta(weeks=2),
        ingediend_door="Inwoner",
        vastgelegd_door=user,
    )
    # A second aanvraag still to decide: the decided one carries the beschikking.
    open_aanvraag = Aanvraag.objects.create(
        gemeente=gemeente,
        inwoner=inwoner,
        omschrijving="Woningaanpassing",
        wet="wmo",
        ontvangen_op=TODAY,
        beslissen_uiterlijk=TODAY + dt.timedelta(weeks=2),
        ingediend_door="Inwoner",
        vastgelegd_door=user,
    )
    aanvraag.status = "besloten"
    aanvraag.save(update_fields=["status"])
    beschikking = Beschikking.objects.create(
        aanvraag=aanvraag,
        gemeente=gemeente,
        inwoner=inwoner,
        besloten_op=TODAY,
        besloten_door=user,
        motivering="Eigen kracht schiet tekort.",
        rechtmatigheid="te_toetsen",
        verzonden_op=TODAY,
        bezwaar_uiterlijk=TODAY + dt.timedelta(weeks=6),
        brief="Brief",
    )
    BeschikteVoorziening.objects.create(
        beschikking=beschikking,
        voorziening=voorziening,
        uitkomst="toegekend",
        omvang=Decimal(3),
        eenheid="04",
        frequentie="2",
        begin=TODAY,
        einde=TODAY + dt.timedelta(days=365),
        leveringsvorm="zin",
        aanbieder=Aanbieder.objects.get(naam="Thuiszorg West"),
    )
    bezwaar = Bezwaar.objects.create(
        beschikking=beschikking,
        ingediend_door="Inwoner",
        ontvangen_op=TODAY,
        tijdigheid="tijdig",
        gronden="Te weinig uren",
        beslissen_uiterlijk=TODAY + dt.timedelta(weeks=12),
        vastgelegd_door=user,
    )
    klacht = Klacht.objects.create(
        gemeente=gemeente,
        inwoner=inwoner,
        ingediend_door="Inwoner",
        ontvangen_op=TODAY,
        onderwerp="Te laat teruggebeld",
        afhandelen_uiterlijk=TODAY + dt.timedelta(weeks=6),
        vastgelegd_door=user,
    )
    overgangsrecht = Overgangsrecht.objects.create(
        inwoner=inwoner,
        soort="wmo",
        omschrijving="Oude indicatie",
        einddatum=TODAY + dt.timedelta(days=300),
    )
    # Work and income (issue 14): an aanvraag levensonderhoud, an earning capacity, a trajectory.
    lo = LevensonderhoudAanvraag.objects.create(
        gemeente=gemeente,
        huishouden=huishouden,
        inwoner=inwoner,
        aanvraag=Aanvraag.objects.create(
            gemeente=gemeente,
            inwoner=inwoner,
            omschrijving="Algemene bijstand (levensonderhoud)",
            wet="participatie",
            ontvangen_op=TODAY,
            beslissen_uiterlijk=TODAY + dt.timedelta(weeks=8),
            ingediend_door="Inwoner",
            vastgelegd_door=user,
        ),
        gemeld_op=TODAY,
        ontvangen_op=TODAY,
        zoektermijn_van_toepassing=False,
        zoektermijn_tot=TODAY,
        zoektermijn_bron="Participatiewet art. 41 lid 4",
        normcategorie="alleenstaande_21",
        normartikel="Participatiewet art. 21 onder a",
        norm_bedrag=Decimal("1345.45"),
        norm_geldig_vanaf=dt.date(2025, 1, 1),
        norm_bron="Participatiewet art. 21",
        vastgelegd_door=user,
    )
    # A decided bijstand aanvraag with its beschikking: what a role that reads only the
    # Participatiewet's decisions (`roles.LEEST_OVER_WETTEN`, the Werkplein) opens.
    bijstand = Aanvraag.objects.create(
        gemeente=gemeente,
        inwoner=inwoner,
        omschrijving="Algemene bijstand (levensonderhoud)",
        wet="participatie",
        ontvangen_op=TODAY,
        beslissen_uiterlijk=TODAY + dt.timedelta(weeks=8),
        ingediend_door="Inwoner",
        vastgelegd_door=user,
        status="besloten",
    )
    bijstand_beschikking = Beschikking.objects.create(
        aanvraag=bijstand,
        gemeente=gemeente,
        inwoner=inwoner,
        besloten_op=TODAY,
        besloten_door=user,
        motivering="Geen middelen.",
        verzonden_op=TODAY,
        bezwaar_uiterlijk=TODAY + dt.timedelta(weeks=6),
        brief="Brief",
    )
    verdiencapaciteit = Verdiencapaciteit.objects.create(
        gemeente=gemeente,
        inwoner=inwoner,
        vastgesteld_op=TODAY,
        percentage=Decimal(60),
        methode="diagnose",
        route="werkspoor",
        drempel_direct=Decimal(100),
        drempel_werkspoor=Decimal(40),
        drempels_bron="Standaard",
        vastgelegd_door=user,
    )
    traject = Traject.objects.create(
        gemeente=gemeente,
        inwoner=inwoner,
        verdiencapaciteit=verdiencapaciteit,
        route="werkspoor",
        fase="diagnose",
        begonnen_op=TODAY,
        vastgelegd_door=user,
    )
    TrajectStap.objects.create(traject=traject, fase="diagnose", van=TODAY, vastgelegd_door=user)
    # Mantelzorg (issue 15): a carer of the resident with a respite request, a klus for the
    # resident and a volunteer of the wijk.
    mantelzorger = Mantelzorger.objects.create(
        gemeente=gemeente, naam=f"Mantelzorger {tag}", vastgelegd_door=user
    )
    Zorgrelatie.objects.create(
        mantelzorger=mantelzorger, inwoner=inwoner, uren_per_week=Decimal(8), sinds=TODAY
    )
    respijtvraag = RespijtzorgVraag.objects.create(
        mantelzorger=mantelzorger,
        inwoner=inwoner,
        soort="dag",
        gevraagd_op=TODAY,
        uren_gevraagd=Decimal(8),
        vastgelegd_door=user,
    )
    klus = Klus.objects.create(
        gemeente=gemeente,
        hulpvrager=inwoner,
        wijk=wijk,
        vaardigheid="boodschappen",
        omschrijving="Boodschappen",
        datum=TODAY,
        dagdeel="ochtend",
        vastgelegd_door=user,
    )
    vrijwilliger = Vrijwilliger.objects.create(
        gemeente=gemeente, naam=f"Vrijwilliger {tag}", wijk=wijk
    )
    instrument = Instrument.objects.create(
        gemeente=gemeente,
        inwoner=inwoner,
        soort="jobcoach",
        begin=TODAY,
        uitvoerder="Jobcoach",
        vastgelegd_door=user,
    )
    # Debt help (issue 14): a signal of rent arrears (on the side's melding) and a debt question
    # in its first phase.
    vroegsignaal = Vroegsignaal.objects.create(
        gemeente=gemeente,
        inwoner=inwoner,
        schuldeiser_soort="huur",
        schuldeiser="Woonstichting",
        bedrag=Decimal("500.00"),
        ontvangen_op=TODAY,
        melding=melding,
        vastgelegd_door=user,
    )
    schuldvraag = Schuldvraag.objects.create(
        gemeente=gemeente,
        huishouden=huishouden,
        inwoner=inwoner,
        verzoek_op=TODAY,
        eerste_gesprek_uiterlijk=TODAY + dt.timedelta(weeks=4),
        termijn_bron="Wgs art. 4 lid 1",
        vastgelegd_door=user,
    )
    RouteStap.objects.create(
        schuldvraag=schuldvraag, fase="aanmelding", van=TODAY, vastgelegd_door=user
    )
    # A message about the resident (the message log is not limited by wijk: both sides read).
    stop = bericht(gemeente, None, inwoner, code="307", codes=["9069"], status="afgekeurd")
    return {
        "bericht": stop.pk,
        "mantelzorger": mantelzorger.pk,
        "respijtvraag": respijtvraag.pk,
        "klus": klus.pk,
        "vrijwilliger": vrijwilliger.pk,
        "inwoner": inwoner.pk,
        "huishouden": huishouden.pk,
        "lid": lid.pk,
        "netwerk": netwerk.pk,
        "melding": melding.pk,
        "onderzoek": onderzoek.pk,
        "onderdeel_code": "a",
        "ladderstap": 1,
        "instelling_onderwerp": "teksten",
        "plan": plan.pk,
        "versie": 1,
        "doel": doel.pk,
        "actie": actie.pk,
        "deelnemer": deelnemer.pk,
        "machtiging": machtiging.pk,
        "toestemming": toestemming.pk,
        "aanvraag": open_aanvraag.pk,
        "beschikking": beschikking.pk,
        "beschikking_participatie": bijstand_beschikking.pk,
        "aanvraag_participatie": lo.aanvraag_id,
        "bezwaar": bezwaar.pk,
        "klacht": klacht.pk,
        "overgangsrecht": overgangsrecht.pk,
        "levensonderhoud": lo.pk,
        "verdiencapaciteit": verdiencapaciteit.pk,
        "traject": traject.pk,
        "instrument": instrument.pk,
        "vroegsignaal": vroegsignaal.pk,
        "schuldvraag": schuldvraag.pk,
        "wijk": wijk.pk,
        "team": team.pk,
        # Indicators are aggregates: the same one on both sides (no resident's scope).
        "indicator": "meldingen",
    }


def build_world() -> World:
    roles_sync()
    gemeente = GemeenteFactory()
    noord = WijkFactory(gemeente=gemeente, naam="Noord")
    zuid = WijkFactory(gemeente=gemeente, naam="Zuid")
    team_noord = TeamFactory(
        gemeente=gemeente, naam="Wijkteam Noord", soort=TeamSoort.WIJKTEAM, wijken=[noord]
    )
    team_zuid = TeamFactory(
        gemeente=gemeente, naam="Wijkteam Zuid", soort=TeamSoort.WIJKTEAM, wijken=[zuid]
    )
    # Every role works in the team of Noord: Noord is in scope, Zuid is not, for each of them.
    staff = {
        rol: MedewerkerFactory(
            gemeente=gemeente, functie=rol, teams=[team_noord], username=f"matrix-{rol}"
        )
        for rol in Rol.values
    }
    collega_zuid = MedewerkerFactory(
        gemeente=gemeente, functie=Rol.GENERALIST, teams=[team_zuid], username="matrix-zuid"
    )
    voorziening = Voorziening.objects.create(
        gemeente=gemeente,
        naam="Hulp bij het huishouden",
        soort="individueel",
        wet="wmo",
        productcategorie="01",
        productcode="01A01",
        eenheid="04",
        frequentie="2",
        uitvoeringsvariant="inspanning",
        pgb_mogelijk=True,
        kostprijs_per_maand=Decimal("250.00"),
    )
    Tarief.objects.create(
        voorziening=voorziening,
        leveringsvorm="pgb",
        geldig_vanaf=dt.date(2024, 1, 1),
        bedrag=Decimal("25.00"),
        bron="Verordening 2024",
    )
    west = Aanbieder.objects.create(naam="Thuiszorg West", agb_code="98000001")
    contract = Contract.objects.create(
        aanbieder=west,
        gemeente=gemeente,
        kenmerk="WMO-2024-001",
        begin=dt.date(2024, 1, 1),
        uitvoeringsvariant="inspanning",
        financieringsvorm="pxq",
    )
    ContractProduct.objects.create(
        contract=contract,
        voorziening=voorziening,
        productcategorie="01",
        productcode="01A01",
        tarief=Decimal("29.90"),
        eenheid="04",
        geldig_vanaf=dt.date(2024, 1, 1),
        bron="Contract 2024",
    )
    document = ContractDocument.objects.create(
        contract=contract,
        titel="Raamovereenkomst",
        bestandsnaam="raamovereenkomst.pdf",
        mime_type="application/pdf",
        grootte=9,
        sha256="0" * 64,
        inhoud=b"%PDF-1.4\n",
        toegevoegd_door=staff[Rol.CONTRACTMANAGER].user,
    )
    # A provider's login of Thuiszorg West (issue 11): what the contract manager deactivates.
    west_login = AanbiederLogin.objects.create(
        user=get_user_model().objects.create_user(username="matrix-west-login"), aanbieder=west
    )
    leefgebied = Leefgebied.objects.order_by("volgorde").first()
    assert leefgebied is not None, "the ZRM life domains come with migration onderzoeken 0002"
    generalist = staff[Rol.GENERALIST]
    sides = {
        IN: _side(gemeente, noord, team_noord, generalist, voorziening, leefgebied, "Noord"),
        OUT: _side(gemeente, zuid, team_zuid, collega_zuid, voorziening, leefgebied, "Zuid"),
    }
    log = Inzage.objects.create(
        user=generalist.user,
        gebruikersnaam=generalist.user.username,
        inwoner_id=sides[IN]["inwoner"],
        doel="onderzoek",
        kanaal="pagina",
        pad="/matrix/",
    )
    codelijst = CodelijstWaarde.objects.order_by("pk").first()
    # Functioneel beheer: a pending four-eyes request about the colleague of Zuid, a synonym
    # group of the sociale kaart and a declared holiday (none of them resident data).
    verzoek = RolWijzigingVerzoek.objects.create(
        gemeente=gemeente,
        medewerker=collega_zuid,
        aangevraagd_door=staff[Rol.FUNCTIONEEL_BEHEER].user,
        wijziging={"functie": "backoffice"},
        samenvatting="Functie: generalist → backoffice",
    )
    synoniem = Synoniem.objects.create(gemeente=gemeente, woorden="schulden, geldzorgen")
    feestdag = GelijkgesteldeFeestdag.objects.create(
        datum=TODAY + dt.timedelta(days=400), omschrijving="Matrixdag", bron="Stb. matrix"
    )
    # Beleid: a plan with a linked indicator and an activity, a survey round (aggregates only).
    beleidsplan = beleid_testdata.plan(gemeente, indicatoren=[{"indicator": "cev_wist_waar"}])
    uitvraging, _uitnodigingen = beleid_testdata.ronde(gemeente, {noord: ["Thuiszorg West"]})
    for side in sides.values():
        side["beleidsplan"] = beleidsplan.pk
        side["beleidskoppeling"] = Indicatorkoppeling.objects.get(
            resultaat__thema__plan=beleidsplan
        ).pk
        side["beleidsactiviteit"] = Activiteit.objects.get(
            subdoel__doel__thema__plan=beleidsplan
        ).pk
        side["uitvraging"] = uitvraging.pk
        side["beleidsresultaat"] = Resultaat.objects.filter(nummer=4).get().pk
        side["beleidsthema"] = Thema.objects.get(plan=beleidsplan).pk
        side["beleidsdoel"] = Beleidsdoel.objects.get(thema__plan=beleidsplan).pk
        side["beleidssubdoel"] = Subdoel.objects.get(doel__thema__plan=beleidsplan).pk
        side["enquetevraag"] = Vraag.objects.filter(vragenlijst=uitvraging.vragenlijst).first().pk
    for side in sides.values():
        side["medewerker"] = collega_zuid.pk
        side["verzoek"] = verzoek.pk
        side["synoniem"] = synoniem.pk
        side["feestdag"] = feestdag.pk
        side["voorziening"] = voorziening.pk
        side["inzage"] = log.pk
        side["codelijst"] = codelijst.pk if codelijst else 0
        # Providers and contracts: no resident data, the same on both sides.
        side["aanbieder"] = west.pk
        side["contract"] = contract.pk
        side["contractdocument"] = document.pk
        side["aanbieder_login"] = west_login.pk
    # Purpose-bound sharing (issue 17): per side an exchange asked by the team that holds the
    # dossier, whose recipient is a gezinscoach outside the sweep's staff, who also delivers
    # to the household. No sweep login is the recipient or the gezinscoach of either.
    regio = MedewerkerFactory(gemeente=gemeente, functie=Rol.GEZINSCOACH, username="matrix-regio")
    for side in sides.values():
        huishouden = Huishouden.objects.get(pk=side["huishouden"])
        side["uitwisseling"] = Uitwisseling.objects.create(
            gemeente=gemeente,
            huishouden=huishouden,
            ontvanger_soort="gezinscoach",
            ontvanger_naam="Gezinscoach regio",
            ontvanger_medewerker=regio,
            categorieen=["personalia"],
            doelsoort="afstemmen",
            vraag_gegevens="Adres, tussen team en gezinscoach.",
            vraag_doel="Start van de hulp.",
            vraag_noodzaak="Zonder adres geen bezoek.",
            vraag_grondrechten="Alleen het adres, gelogd.",
            vraag_rechten="Het gezin is geïnformeerd.",
            grondslag="wettelijke_plicht",
            van=TODAY,
            tot=TODAY + dt.timedelta(days=30),
            aangevraagd_door=generalist.user,
        ).pk
        side["uitvoering"] = Uitvoering.objects.create(
            huishouden=huishouden, medewerker=regio, van=TODAY, toegewezen_door=generalist.user
        ).pk
    # AVG requests (issue 17): one per side's resident; a destruction list of the municipality.
    for side in sides.values():
        side["avg_verzoek"] = AvgVerzoekFactory(
            inwoner=Inwoner.objects.get(pk=side["inwoner"])
        ).pk
    lijst = Vernietigingslijst.objects.create(
        gemeente=gemeente, peildatum=timezone.localdate(), voorgesteld_door=staff[Rol.PRIVACY].user
    )
    for side in sides.values():
        side["vernietigingslijst"] = lijst.pk
    # A task (issue 16) the colleague of Zuid started, outside the sweep's staff: only whoever
    # started a task sees it, so every role of the sweep is refused on it and on its file.
    taak = Taak.objects.create(
        soort="momentopnamen", gemeente=gemeente, gestart_door=collega_zuid.user, status="klaar"
    )
    for side in sides.values():
        side["taak"] = taak.pk
    # The world as the test expects it: the role's scope is Noord, never Zuid.
    for rol, medewerker in staff.items():
        scope = set(access.inwoners_in_scope(medewerker.user).values_list("pk", flat=True))
        assert (sides[IN]["inwoner"] in scope) == (roles.DOSSIER in roles.ROLE_PERMISSIONS[rol])
        assert sides[OUT]["inwoner"] not in scope
    # The resident of side IN logs in to the portal (issue 13): a resident's account.
    inwoner_user = inwoneraccount_for(
        inwoner=Inwoner.objects.get(pk=sides[IN]["inwoner"]), via="ontwikkeling"
    ).user
    # An active provider's login of Thuiszorg West (issue 11), apart from the one deactivated.
    aanbieder_user = get_user_model().objects.create_user(username="matrix-west-api")
    AanbiederLogin.objects.create(user=aanbieder_user, aanbieder=west)
    return World(
        staff=staff, objects=sides, inwoner_user=inwoner_user, aanbieder_user=aanbieder_user
    )


def _kind_of_pk(route: str) -> str | None:
    prefixes = [p for p in PK_KIND if route.startswith(p)]
    return PK_KIND[max(prefixes, key=len)] if prefixes else None


def _objects_voor(world: World, rol: str | None, side: str) -> dict[str, Any]:
    """The objects a role's requests name: a role that reads only some laws' decisions
    (`roles.LEEST_OVER_WETTEN`: the Werkplein, the Participatiewet) opens a decision and an
    aanvraag under its law; one under another law is refused per record (its own tests:
    participatie/tests/test_lezen_per_wet.py)."""
    objects = world.objects[side]
    if rol in roles.LEEST_OVER_WETTEN and "wmo" not in roles.LEEST_OVER_WETTEN[rol]:
        return {
            **objects,
            "beschikking": objects["beschikking_participatie"],
            "aanvraag": objects["aanvraag_participatie"],
        }
    return objects


def _path(endpoint: matrix.Endpoint, objects: dict[str, Any]) -> str:
    def fill(match: re.Match[str]) -> str:
        name = match["name"]
        kind = _kind_of_pk(endpoint.route) if name == "pk" else KWARG_KIND.get(name)
        assert kind and kind in objects, (
            f"{endpoint.key}: the sweep does not know which object <{name}> is; add it to "
            "PK_KIND or KWARG_KIND in tests/test_access_matrix.py"
        )
        return str(objects[kind])

    return re.sub(r"<(?P<name>\w+)>", fill, endpoint.route)


def _fingerprint_sql() -> str:
    """One query: the row count and last change of every eenplan table but the access log."""
    parts = []
    for model in apps.get_models():
        if not model.__module__.startswith("eenplan.") or model is Inzage:
            continue
        table = connection.ops.quote_name(model._meta.db_table)
        parts.append(f"(SELECT COUNT(*) FROM {table})")  # noqa: S608 - model tables, quoted
        if any(f.name == "updated_at" for f in model._meta.concrete_fields):
            parts.append(f"(SELECT MAX(updated_at) FROM {table})")  # noqa: S608
    return "SELECT " + ", ".join(parts)


@dataclass(frozen=True)
class Finding:
    route: str
    text: str


@dataclass
class Sweep:
    requests: int = 0
    seconds: float = 0.0
    unexpected_allows: list[Finding] = field(default_factory=list)
    changed: list[Finding] = field(default_factory=list)
    unlogged: list[Finding] = field(default_factory=list)
    unexpected_refusals: list[Finding] = field(default_factory=list)
    server_errors: list[Finding] = field(default_factory=list)
    statuses: Counter = field(default_factory=Counter)
    allowed_reads: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    inwoner_statuses: Counter = field(default_factory=Counter)  # the resident's requests
    aanbieder_statuses: Counter = field(default_factory=Counter)  # the provider login's
    # The SQL of every allowed staff read, checked for the municipality condition (issue 16).
    gemeente: gemeentesql.Bevindingen = field(default_factory=gemeentesql.Bevindingen)
    rollen: list[str] = field(default_factory=list)  # the staff roles the sweep logged in as


REFUSALS = {401, 403, 404, 405}


def _is_refusal(response: Any) -> bool:
    if response.status_code in REFUSALS:
        return True
    if response.status_code in (301, 302, 303):
        return response["Location"].split("?")[0] in (reverse("login"), PORTAAL_LOGIN)
    return False


PORTAAL_LOGIN = "/mijn/inloggen/"


def _plan(world: World, rol: str) -> Iterator[tuple[matrix.Endpoint, str, str, bool]]:
    """The requests for one role: (endpoint, side, method, expected to be allowed).

    Every request the matrix refuses is sent. Refused on the role alone, a request is refused
    by the rule's decorator or permission class before any object is loaded: one request (the
    write for a write endpoint, which reaches the decorator whatever the order of
    `require_POST`) on one side suffices. Refused out of scope only, the view decides with the
    object: a page gets its GET and its POST. Of the allowed requests only the reads in scope
    are sent: they show that the sweep reaches the pages (an allowed write with an empty body
    proves nothing)."""
    for endpoint in matrix.endpoints():
        if not endpoint.rules or endpoint.method == "HEAD":
            continue  # Django answers HEAD with the GET view
        binnen = endpoint.allows(rol, in_scope=True)
        buiten = endpoint.allows(rol, in_scope=False)
        write = "POST" if endpoint.writes else "GET"
        if endpoint.api:
            write = endpoint.method
        if not binnen:
            yield endpoint, OUT if endpoint.params else IN, write, False
            continue
        if endpoint.reads and endpoint.method in ("GET", "*"):
            yield endpoint, IN, "GET", True
        if endpoint.params and not buiten:
            methods = ["GET", "POST"] if not endpoint.api and endpoint.writes else [write]
            for method in methods:
                yield endpoint, OUT, method, False


def _anonymous_plan() -> Iterator[tuple[matrix.Endpoint, str, str, bool]]:
    """Without a login every endpoint but the public exempt ones is refused, pending ones too:
    one request each (the write for a write)."""
    for endpoint in matrix.endpoints():
        if endpoint.exempt or endpoint.method == "HEAD":
            continue
        method = endpoint.method if endpoint.api else ("POST" if endpoint.writes else "GET")
        yield endpoint, OUT if endpoint.params else IN, method, False


# --- residents (issue 13): a resident's login is refused every staff endpoint ----------------

# Endpoints a resident's login may open that are no staff page: the start page sends it to the
# portal, logging out ends its own session, the API root and schema describe the API only.
INWONER_NIET_GEWEIGERD = {"/", "/uitloggen/", "/api/v1/", "/api/schema/", "/api/docs/"}


def _inwoner_plan() -> Iterator[tuple[matrix.Endpoint, str, str, bool]]:
    """The resident of side IN: every staff endpoint is refused, also for the own case (the
    IN side's objects are the resident's own); portal endpoints are the portal tests' work
    (tests/test_portaal_matrix.py)."""
    for endpoint in matrix.endpoints():
        if endpoint.portaal or endpoint.method == "HEAD":
            continue
        if endpoint.route in INWONER_NIET_GEWEIGERD or endpoint.route.startswith(
            ("/mijn/", *access.PUBLIEKE_PADEN)
        ):
            continue
        if any(
            (_kind_of_pk(endpoint.route) if p == "pk" else KWARG_KIND.get(p)) is None
            for p in endpoint.params
        ):
            continue  # Django's admin below /beheer/ (its root is requested): no dossier ids
        method = endpoint.method if endpoint.api else ("POST" if endpoint.writes else "GET")
        yield endpoint, IN, method, False


def _aanbieder_plan() -> Iterator[tuple[matrix.Endpoint, str, str, bool]]:
    """The provider's login of Thuiszorg West (issue 11): every staff page and staff API route
    is refused. Its own API (the routes guarded only by `access.AANBIEDER_RULES`: the message
    traffic) and its account pages are the berichten tests' work."""
    for endpoint in matrix.endpoints():
        if endpoint.portaal or endpoint.method == "HEAD":
            continue
        if endpoint.route in INWONER_NIET_GEWEIGERD or endpoint.route.startswith(
            ("/mijn/", "/account/", "/inloggen/", *access.PUBLIEKE_PADEN)
        ):
            continue
        if endpoint.api and all(rule in access.AANBIEDER_RULES for rule in endpoint.rules):
            continue
        if any(
            (_kind_of_pk(endpoint.route) if p == "pk" else KWARG_KIND.get(p)) is None
            for p in endpoint.params
        ):
            continue  # Django's admin below /beheer/: no dossier ids
        method = endpoint.method if endpoint.api else ("POST" if endpoint.writes else "GET")
        yield endpoint, IN, method, False


def run_sweep(world: World) -> Sweep:
    started = time.perf_counter()
    sweep = Sweep()
    fingerprint_sql = _fingerprint_sql()

    def fingerprint() -> tuple:
        with connection.cursor() as cursor:
            cursor.execute(fingerprint_sql)
            return tuple(cursor.fetchone())

    # The refusals the access module writes to the log during a request (any path: a service
    # logs its refusal with its own `via`), without a query per request.
    logged: list[str] = []
    write = access._write

    def spy(actor: Any, decision: access.Decision, *args: Any, **kwargs: Any) -> None:
        if not decision.allowed:
            logged.append(kwargs["via"].pad)
        write(actor, decision, *args, **kwargs)

    before_all = fingerprint()
    # Each refusal is a logged warning with a traceback; the sweep makes thousands.
    request_logger = logging.getLogger("django.request")
    level = request_logger.level
    request_logger.setLevel(logging.ERROR)
    try:
        with mock.patch.object(access, "_write", spy):
            visitors = [
                (Rol(rol).label, medewerker.user, _plan(world, rol))
                for rol, medewerker in world.staff.items()
            ]
            visitors.append(("Niet ingelogd", None, _anonymous_plan()))
            visitors.append(("Inwoner", world.inwoner_user, _inwoner_plan()))
            visitors.append(("Aanbieder", world.aanbieder_user, _aanbieder_plan()))
            rollen = {Rol(rol).label: rol for rol in world.staff}
            sweep.rollen = list(world.staff)
            for who, user, plan in visitors:
                cache.clear()  # API throttling counts per user; the sweep is not an attack
                client = Client(raise_request_exception=False)
                if user is not None:
                    client.force_login(user)
                for endpoint, side, method, expected in plan:
                    path = _path(endpoint, _objects_voor(world, rollen.get(who), side))
                    label = f"{who}: {method} {path} ({endpoint.route}, {side} scope)"
                    logged.clear()
                    if method == "GET" and expected:
                        # An allowed read: its SQL is checked for the municipality condition.
                        with CaptureQueriesContext(connection) as sql:
                            response = client.get(path)
                        sweep.gemeente.toets(
                            endpoint.route, [q["sql"] for q in sql.captured_queries]
                        )
                        changed = False
                    elif method == "GET":
                        # A read changes nothing but the log: no savepoint needed.
                        response = client.get(path)
                        changed = False
                    else:
                        with transaction.atomic():
                            response = (
                                getattr(client, method.lower())(
                                    path, data={}, content_type="application/json"
                                )
                                if endpoint.api
                                else client.post(path, data={})
                            )
                            try:
                                changed = not expected and fingerprint() != before_all
                            except DatabaseError:
                                changed = True  # the request left the transaction broken
                            transaction.set_rollback(True)
                    status = response.status_code
                    sweep.requests += 1
                    sweep.statuses[status] += 1
                    if who == "Inwoner":
                        sweep.inwoner_statuses[status] += 1
                    if who == "Aanbieder":
                        sweep.aanbieder_statuses[status] += 1
                    if status >= 500:
                        sweep.server_errors.append(Finding(endpoint.route, f"{label} -> {status}"))
                    if expected:
                        sweep.allowed_reads[who].append(status)
                        if status == 403:
                            sweep.unexpected_refusals.append(Finding(endpoint.route, label))
                        continue
                    if not _is_refusal(response):
                        found = Finding(endpoint.route, f"{label} -> {status}")
                        sweep.unexpected_allows.append(found)
                    if changed:
                        sweep.changed.append(Finding(endpoint.route, label))
                    # An anonymous visitor is sent to the login page; nobody to log.
                    if status == 403 and user is not None and not logged:
                        sweep.unlogged.append(Finding(endpoint.route, label))
    finally:
        request_logger.setLevel(level)
    sweep.seconds = time.perf_counter() - started
    return sweep


@pytest.fixture(scope="module")
def sweep(django_db_setup, django_db_blocker) -> Iterator[Sweep]:
    """Build the world and run the sweep once for this module, then roll everything back.

    Two settings that decide no access are relaxed for speed: sessions live in the cache
    instead of a table, and the login lock-out (django-axes, which only counts failed logins)
    is off; the sweep only uses force_login."""
    fast = override_settings(
        SESSION_ENGINE="django.contrib.sessions.backends.cache",
        AXES_ENABLED=False,
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
    )
    with django_db_blocker.unblock(), fast, transaction.atomic():
        world = build_world()
        yield run_sweep(world)
        transaction.set_rollback(True)


def _open(findings: list[Finding]) -> list[str]:
    """The findings on endpoints that PENDING does not (yet) excuse."""
    return [f.text for f in findings if not any(_matches(key, f.route) for key in PENDING)]


def _report(lines: list[str], limit: int = 60) -> str:
    more = f"\n  … and {len(lines) - limit} more" if len(lines) > limit else ""
    return "\n  " + "\n  ".join(lines[:limit]) + more


@pytest.mark.django_db  # also makes pytest-django create the test database
def test_sweep_finds_no_unexpected_allows(sweep: Sweep):
    print(
        f"\nsweep: {sweep.requests} requests in {sweep.seconds:.1f} s; statuses "
        f"{dict(sorted(sweep.statuses.items()))}; unexpected allows "
        f"{len(sweep.unexpected_allows)} (excused by PENDING: "
        f"{len(sweep.unexpected_allows) - len(_open(sweep.unexpected_allows))})"
    )
    unexpected = _open(sweep.unexpected_allows)
    assert not unexpected, (
        f"{len(unexpected)} requests the matrix refuses were not refused (a 400 or a redirect "
        "means the view read the input before deciding access):" + _report(unexpected)
    )


@pytest.mark.django_db  # also makes pytest-django create the test database
def test_a_refused_request_changes_nothing(sweep: Sweep):
    changed = _open(sweep.changed)
    assert not changed, "Refused requests that changed data:" + _report(changed)


@pytest.mark.django_db  # also makes pytest-django create the test database
def test_every_403_is_in_the_access_log(sweep: Sweep):
    unlogged = _open(sweep.unlogged)
    assert not unlogged, "Refusals without an access-log row:" + _report(unlogged)


@pytest.mark.django_db  # also makes pytest-django create the test database
def test_the_sweep_reached_the_pages(sweep: Sweep):
    """Not vacuous: the allowed reads of the world's objects actually open (200)."""
    assert sweep.requests > 0
    for rol, statuses in sweep.allowed_reads.items():
        assert statuses.count(200) >= len(statuses) * 0.8, (rol, Counter(statuses))
    # What the matrix allows is not refused either (it would misstate the policy), and no
    # request of the sweep is a server error.
    refused = _open(sweep.unexpected_refusals)
    assert not refused, "Allowed reads refused:" + _report(refused)
    errors = _open(sweep.server_errors)
    assert not errors, "Server errors:" + _report(errors)


@pytest.mark.django_db  # also makes pytest-django create the test database
def test_every_query_on_a_municipality_table_has_the_municipality_condition(sweep: Sweep):
    """A region in one installation (issue 16): every allowed page and API read of the sweep
    is checked query by query; a query reading a table of one municipality (a `gemeente`
    column) without `gemeente_id = …` on that table fails, unless the (route, table) pair is in
    the known list `gemeentesql.KNOWN` (docs/scaling.md). Every route that some staff role may
    read is measured — the routes are enumerated from the matrix, so a new route is checked
    from its first commit — and the list only shrinks: a known pair that no longer occurs
    fails too, until it is taken off the list."""
    bevindingen = sweep.gemeente
    assert bevindingen.queries > 1000 and bevindingen.met_tabel > 200, "the sweep read little"
    print(
        f"\nmunicipality condition: {bevindingen.queries} queries of {len(bevindingen.routes)} "
        f"routes checked, {bevindingen.met_tabel} on a municipality's table; "
        f"{len(bevindingen.lokaal)} routes with the condition on every query; "
        f"{len(bevindingen.zonder)} (route, table) pairs without (known: "
        f"{len(gemeentesql.KNOWN)})"
    )
    leesbaar = {
        e.route
        for e in matrix.endpoints()
        if e.rules
        and e.reads
        and e.method in ("GET", "*")
        and any(e.allows(rol, in_scope=True) for rol in sweep.rollen)
    }
    niet_gemeten = sorted(leesbaar - bevindingen.routes)
    assert not niet_gemeten, f"Routes a staff role may read that the sweep did not: {niet_gemeten}"
    if os.environ.get("EENPLAN_GEMEENTESQL_SCHRIJF"):
        gemeentesql.schrijf_bekend(bevindingen.zonder)
        pytest.skip("gemeentesql_bekend.txt rewritten from this sweep")
    nieuw = sorted(set(bevindingen.zonder) - gemeentesql.KNOWN)
    weg = sorted(gemeentesql.KNOWN - set(bevindingen.zonder))
    assert not nieuw, (
        "Queries on a municipality's table without the municipality condition "
        "(filter on gemeente_id, e.g. access.scope_q(..., gemeente_veld='gemeente')):\n"
        + "\n".join(f"  {r} {t}: {bevindingen.voorbeelden[(r, t)][:300]}" for r, t in nieuw)
    )
    assert not weg, (
        "Known pairs that now carry the municipality condition: take them off "
        f"gemeentesql_bekend.txt (EENPLAN_GEMEENTESQL_SCHRIJF=1 pytest {__file__}): {weg}"
    )


@pytest.mark.django_db  # shares the module's one sweep, never one on a flushed database
def test_pending_entries_are_still_pending(sweep: Sweep):
    """PENDING shrinks: an entry whose endpoints all have a rule and pass the sweep goes."""
    unguarded = [e.route for e in matrix.unguarded()]
    failing = [
        f.route
        for findings in (
            sweep.unexpected_allows,
            sweep.changed,
            sweep.unlogged,
            sweep.unexpected_refusals,
            sweep.server_errors,
        )
        for f in findings
    ]
    stale = [key for key in PENDING if not any(_matches(key, r) for r in unguarded + failing)]
    assert not stale, f"PENDING entries that have a rule and pass the sweep now; remove: {stale}"


@pytest.mark.django_db  # also makes pytest-django create the test database
def test_a_resident_login_is_refused_every_staff_endpoint(sweep: Sweep):
    """Staff and residents are separate kinds of accounts (issue 13): the resident of side IN
    requested every staff page and API route (for the own case's ids) and got a refusal each
    time (counted with the unexpected allows above); here: the sweep really sent them."""
    planned = list(_inwoner_plan())
    sent = sum(sweep.inwoner_statuses.values())
    assert sent == len(planned) > 200
    api = [e for e, _side, _m, _x in planned if e.api]
    assert len(api) > 80  # the whole staff API, not only the pages
    assert set(sweep.inwoner_statuses) <= REFUSALS | {302}, sweep.inwoner_statuses


@pytest.mark.django_db  # also keeps it with the module's other tests (one sweep)
def test_a_provider_login_is_refused_every_staff_endpoint(sweep: Sweep):
    """A provider's login (issue 11) uses only the message API: the sweep sent it every staff
    page and staff API route (for objects of its own provider too) and each was refused
    (counted with the unexpected allows above, and every 403 is in the access log)."""
    planned = list(_aanbieder_plan())
    api = [e for e, _side, _m, _x in planned if e.api]
    assert sum(sweep.aanbieder_statuses.values()) == len(planned) > 200
    assert len(api) > 80
    assert set(sweep.aanbieder_statuses) <= REFUSALS | {302}, sweep.aanbieder_statuses
