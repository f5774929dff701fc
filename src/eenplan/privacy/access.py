"""The one decision point for personal data: may this *actor* do this *action* on this *resource*
of a resident's dossier?

Every path asks here — pages, the REST API, PDFs, exports, htmx fragments and the services
themselves — and nothing else decides access. Each decision, allowed or refused, for every reason,
becomes a row in the access log (`Inzage`) in the caller's transaction. A refusal raised inside a
service's transaction would roll its own log row back; `AccessLogMiddleware` writes such lost
rows again once the request is over (also when it ends in a server error).

The rules are data: `RULES` maps (resource, action) to the role permissions it needs and whether
the resident must be within the actor's need-to-know scope. With the role permissions of
`gemeente.roles.ROLE_PERMISSIONS` this gives the declared matrix role × resource × action ×
(in scope / out of scope) that `matrix()` returns and docs/security.md publishes.

Need-to-know (AVG art. 5 lid 1 c, data minimisation; BIO 9.4.1 access restriction;
docs/decisions/0003-need-to-know.md): a staff member sees the residents of the wijken their teams
serve, plus those explicitly assigned to them (DossierToegang) today. A household is in scope when
one of its *current* members is — for reading and for writing, on pages and in the API alike.
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, NoReturn, TypeVar

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, models
from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import JSONArray
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone

from eenplan.common.aggregaten import JsonLijst, op_volgorde
from eenplan.gemeente import roles
from eenplan.gemeente.models import Gemeente, Medewerker, Wijk
from eenplan.gemeente.selectors import (
    WijkScope,
    medewerker_for_user,
    rechten_laden,
    wijken_scope,
)
from eenplan.inwoners.constants import NetwerkSoort, Relatie
from eenplan.inwoners.models import HuishoudenLid, Inwoner, Netwerkpersoon
from eenplan.privacy.constants import STANDAARD_DOEL, Doel, Grond, Kanaal
from eenplan.privacy.models import DossierToegang, Inwoneraccount, Inzage, Machtiging

User = AbstractBaseUser | AnonymousUser


# --- what is asked --------------------------------------------------------------------------


class Resource(models.TextChoices):
    """The parts of a dossier (and the few things around it) that access is decided on."""

    DOSSIER = "dossier", "Dossier van een inwoner (persoonsgegevens)"
    NETWERK = "netwerk", "Netwerk van een inwoner"
    HUISHOUDEN = "huishouden", "Huishouden"
    MELDING = "melding", "Melding"
    MELDING_ONBEKEND = "melding_onbekend", "Melding over een nog onbekende persoon"
    ONDERZOEK = "onderzoek", "Onderzoek"
    PLAN = "plan", "Plan van het huishouden"
    AANVRAAG = "aanvraag", "Aanvraag"
    BESCHIKKING = "beschikking", "Beschikking"
    BEZWAAR = "bezwaar", "Bezwaar"
    KLACHT = "klacht", "Klacht"
    EXPORT = "export", "Export (CAK, SVB)"
    INZAGELOG = "inzagelog", "Inzagelog"
    # The portal only (INWONER_RULES): a resident gives and withdraws machtigingen.
    MACHTIGING = "machtiging", "Machtigingen van een inwoner"
    VOORZIENING = "voorziening", "Voorzieningen en sociale kaart"
    CATALOGUS = "catalogus", "Catalogus en tarieven beheren"
    AANBIEDERS = "aanbieders", "Aanbieders en hun contracten"
    GEMEENTE = "gemeente", "Wijken en teams"
    # Functioneel beheer (/functioneel-beheer/, /api/v1/beheer/): no resident data, the own
    # municipality only (the gemeente services refuse the rest and one's own account).
    ACCOUNT = "account", "Accounts, rollen en teams van medewerkers beheren"
    INRICHTING = "inrichting", "Teams en wijken beheren"
    INSTELLINGEN = "instellingen", "Gemeentelijke instellingen (feestdagen, teksten)"
    # Steering figures (eenplan.sturing): aggregates only, small cells suppressed. The rule is
    # never scoped and opens no dossier: a role with only this permission has no resident in
    # its need-to-know scope at all (`inwoners_in_scope` is empty without roles.DOSSIER).
    STURING = "sturing", "Stuurinformatie (alleen aantallen, geen persoonsgegevens)"
    # The iWmo/iJw message traffic (eenplan.berichten): staff read the message log; a provider
    # sends its messages and reads its own (ActorKind.AANBIEDER, AANBIEDER_RULES).
    BERICHT = "bericht", "iWmo/iJw-bericht"
    CLIENT = "client", "Cliënt van een aanbieder"
    # Policy (beleid): plans, goals, the dashboard and the council report, and the
    # client-experience survey's results. Aggregates only: no rule here opens a dossier.
    BELEID = "beleid", "Beleidsplannen, doelen en dashboard (alleen totalen)"
    ENQUETE = "enquete", "Cliëntervaringsonderzoek (alleen totalen)"
    # Purpose-bound sharing (eenplan.uitwisseling, issue 17): the exchanges of a household
    # (asked, decided, refused by the secrecy veto), what an exchange shares with its
    # recipient (`decide_gedeeld`), the delivery notes of youth delivery (`decide_uitvoering`)
    # and the council's figures (aggregates only).
    UITWISSELING = "uitwisseling", "Uitwisseling van gegevens (doelbinding)"
    GEDEELD = "gedeeld", "Gedeelde gegevens (ontvanger van een uitwisseling)"
    UITVOERING = "uitvoering", "Uitvoeringsnotities (gezinscoach)"
    UITWISSELING_CIJFERS = "uitwisselingcijfers", "Cijfers over uitwisselingen (alleen totalen)"
    # A resident's rights under the AVG (art. 15, 16, 18, 21) and the retention of records
    # (Archiefwet, selectielijst): handled by the privacy officer for the whole municipality.
    AVG_VERZOEK = "avg_verzoek", "AVG-verzoek van een inwoner (inzage, rectificatie, ...)"
    BEWAREN = "bewaren", "Bewaartermijnen en vernietiging"
    # Work and income (eenplan.participatie, issue 14): the aanvraag levensonderhoud, the route
    # by earning capacity and its trajectories, in the household's one plan.
    PARTICIPATIE = "participatie", "Werk en inkomen (Participatiewet)"
    # Debt help (eenplan.schuldhulp, issue 14, Wgs): signals of payment arrears, the debt
    # question's triage, route and toelating — decided on the resident; need-to-know only.
    SCHULDHULP = "schuldhulp", "Schuldhulpverlening (Wgs)"
    # Mantelzorg (eenplan.mantelzorg, issue 15): the carers of a resident, their burden,
    # support, respite requests and yearly appreciation — decided on the cared-for resident.
    MANTELZORG = "mantelzorg", "Mantelzorgers van een inwoner"
    # Volunteers' profiles (availability, skills, VOG date): not a resident's dossier.
    VRIJWILLIGER = "vrijwilliger", "Vrijwilligers"
    # A request for help (klus) of a resident and the volunteer matched to it.
    KLUS = "klus", "Klussen voor vrijwilligers"
    # The portal only (`decide_kring`): an action of a plan assigned to someone in the
    # resident's care circle.
    KRING = "kring", "Actie voor de zorgkring"
    # Long work run in the background (eenplan.taken, issue 16): a task and its result file
    # are seen by whoever started it (`decide_taak`, RELATIE_RULES); "Mijn taken" lists the
    # login's own tasks, which every staff role may open.
    TAAK = "taak", "Taak op de achtergrond en het resultaat ervan"


class Action(models.TextChoices):
    LEZEN = "lezen", "Lezen"
    ZOEKEN = "zoeken", "Zoeken"
    AANMAKEN = "aanmaken", "Aanmaken of registreren"
    WIJZIGEN = "wijzigen", "Wijzigen"
    SCREENEN = "screenen", "Screenen"
    TOEWIJZEN = "toewijzen", "Toewijzen"
    OPSCHORTEN = "opschorten", "Opschorten"
    BESLISSEN = "beslissen", "Beslissen"
    TOETSEN = "toetsen", "Rechtmatigheid toetsen"
    BEHANDELEN = "behandelen", "Behandelen"
    EXPORTEREN = "exporteren", "Exporteren"
    WEIGEREN = "weigeren", "Weigeren (beroepsgeheim)"


class ActorKind(models.TextChoices):
    """Who acts. A provider acts through the provider API (a login linked to its Aanbieder,
    `AANBIEDER_RULES`); residents and their representatives come with the portal and are
    refused everything until their rules exist."""

    MEDEWERKER = "medewerker", "Medewerker"
    INWONER = "inwoner", "Inwoner"
    VERTEGENWOORDIGER = "vertegenwoordiger", "Vertegenwoordiger of mantelzorger"
    AANBIEDER = "aanbieder", "Zorgaanbieder"
    ANONIEM = "anoniem", "Niet ingelogd"


@dataclass(frozen=True)
class Rule:
    """What a (resource, action) needs: all of `perms`, and — when `scoped` — the resident
    within need-to-know. `doel` is the purpose logged when the caller names none; `ROL_DOEL`
    (None) for a resident's own data, read for whatever the role does (its default purpose)."""

    perms: tuple[str, ...]
    scoped: bool
    doel: str | None


ROL_DOEL = None


def _rule(perms: str | list[str], doel: str | None, *, scoped: bool = True) -> Rule:
    return Rule(perms=tuple([perms] if isinstance(perms, str) else perms), scoped=scoped, doel=doel)


R, A = Resource, Action
RULES: dict[tuple[Resource, Action], Rule] = {
    (R.DOSSIER, A.LEZEN): _rule(roles.DOSSIER, ROL_DOEL),
    (R.DOSSIER, A.ZOEKEN): _rule([roles.ZOEKEN, roles.DOSSIER], ROL_DOEL),
    (R.DOSSIER, A.AANMAKEN): _rule(roles.INWONER_TOEVOEGEN, ROL_DOEL),
    (R.DOSSIER, A.WIJZIGEN): _rule([roles.DOSSIER, roles.INWONER_WIJZIGEN], ROL_DOEL),
    (R.NETWERK, A.AANMAKEN): _rule([roles.DOSSIER, roles.NETWERK_TOEVOEGEN], ROL_DOEL),
    (R.NETWERK, A.WIJZIGEN): _rule([roles.DOSSIER, roles.NETWERK_WIJZIGEN], ROL_DOEL),
    (R.HUISHOUDEN, A.LEZEN): _rule(roles.DOSSIER, ROL_DOEL),
    (R.HUISHOUDEN, A.AANMAKEN): _rule([roles.DOSSIER, roles.HUISHOUDEN_TOEVOEGEN], ROL_DOEL),
    (R.HUISHOUDEN, A.WIJZIGEN): _rule([roles.DOSSIER, roles.HUISHOUDEN_WIJZIGEN], ROL_DOEL),
    (R.MELDING, A.LEZEN): _rule(roles.MELDING_BEKIJKEN, ROL_DOEL),
    (R.MELDING, A.AANMAKEN): _rule(roles.MELDING_REGISTREREN, ROL_DOEL, scoped=False),
    (R.MELDING, A.WIJZIGEN): _rule(roles.MELDING_BEKIJKEN, ROL_DOEL),
    (R.MELDING, A.SCREENEN): _rule(roles.MELDING_SCREENEN, ROL_DOEL),
    (R.MELDING, A.TOEWIJZEN): _rule(roles.MELDING_TOEWIJZEN, ROL_DOEL),
    (R.MELDING, A.OPSCHORTEN): _rule(roles.MELDING_OPSCHORTEN, ROL_DOEL),
    # A melding about a person not identified yet concerns no resident's scope: only the
    # screeners (mid-office) of its municipality see it and act on it (see ZONDER_INWONER).
    (R.MELDING_ONBEKEND, A.LEZEN): _rule(
        [roles.MELDING_BEKIJKEN, roles.MELDING_SCREENEN], ROL_DOEL, scoped=False
    ),
    (R.MELDING_ONBEKEND, A.WIJZIGEN): _rule(
        [roles.MELDING_BEKIJKEN, roles.MELDING_SCREENEN], ROL_DOEL, scoped=False
    ),
    (R.MELDING_ONBEKEND, A.SCREENEN): _rule(
        [roles.MELDING_BEKIJKEN, roles.MELDING_SCREENEN], ROL_DOEL, scoped=False
    ),
    (R.MELDING_ONBEKEND, A.TOEWIJZEN): _rule(
        [roles.MELDING_BEKIJKEN, roles.MELDING_SCREENEN, roles.MELDING_TOEWIJZEN],
        ROL_DOEL,
        scoped=False,
    ),
    (R.MELDING_ONBEKEND, A.OPSCHORTEN): _rule(
        [roles.MELDING_BEKIJKEN, roles.MELDING_SCREENEN, roles.MELDING_OPSCHORTEN],
        ROL_DOEL,
        scoped=False,
    ),
    (R.ONDERZOEK, A.LEZEN): _rule(roles.ONDERZOEK_BEKIJKEN, Doel.ONDERZOEK),
    (R.ONDERZOEK, A.AANMAKEN): _rule(roles.ONDERZOEK_UITVOEREN, Doel.ONDERZOEK),
    (R.ONDERZOEK, A.WIJZIGEN): _rule(roles.ONDERZOEK_UITVOEREN, Doel.ONDERZOEK),
    (R.PLAN, A.LEZEN): _rule(roles.PLAN_BEKIJKEN, Doel.PLAN),
    (R.PLAN, A.AANMAKEN): _rule([roles.PLAN_BEKIJKEN, roles.PLAN_WIJZIGEN], Doel.PLAN),
    (R.PLAN, A.WIJZIGEN): _rule([roles.PLAN_BEKIJKEN, roles.PLAN_WIJZIGEN], Doel.PLAN),
    (R.AANVRAAG, A.LEZEN): _rule(roles.AANVRAAG_BEKIJKEN, Doel.BESCHIKKING),
    (R.AANVRAAG, A.OPSCHORTEN): _rule(
        [roles.AANVRAAG_BEKIJKEN, roles.BESCHIKKING_NEMEN], Doel.BESCHIKKING
    ),
    (R.BESCHIKKING, A.LEZEN): _rule(roles.BESCHIKKING_BEKIJKEN, Doel.BESCHIKKING),
    (R.BESCHIKKING, A.BESLISSEN): _rule(
        [roles.BESCHIKKING_BEKIJKEN, roles.BESCHIKKING_NEMEN], Doel.BESCHIKKING
    ),
    (R.BESCHIKKING, A.TOETSEN): _rule(
        [roles.BESCHIKKING_BEKIJKEN, roles.RECHTMATIGHEID_TOETSEN], Doel.CONTROLE
    ),
    (R.BEZWAAR, A.LEZEN): _rule("bezwaren.view_bezwaar", Doel.BEZWAAR),
    (R.BEZWAAR, A.AANMAKEN): _rule(["bezwaren.view_bezwaar", "bezwaren.add_bezwaar"], Doel.BEZWAAR),
    (R.BEZWAAR, A.BEHANDELEN): _rule(
        ["bezwaren.view_bezwaar", "bezwaren.change_bezwaar"], Doel.BEZWAAR
    ),
    (R.KLACHT, A.LEZEN): _rule("bezwaren.view_klacht", Doel.BEZWAAR, scoped=False),
    (R.KLACHT, A.AANMAKEN): _rule(["bezwaren.view_klacht", "bezwaren.add_klacht"], Doel.BEZWAAR),
    (R.KLACHT, A.BEHANDELEN): _rule(
        ["bezwaren.view_klacht", "bezwaren.change_klacht"], Doel.BEZWAAR
    ),
    (R.EXPORT, A.EXPORTEREN): _rule(
        [roles.BESCHIKKING_BEKIJKEN, roles.BESCHIKKING_NEMEN, roles.RECHTMATIGHEID_TOETSEN],
        Doel.BESCHIKKING,
    ),
    (R.INZAGELOG, A.LEZEN): _rule(roles.INZAGELOG, Doel.CONTROLE, scoped=False),
    # Staff record representation on behalf of a resident (a mentor's or curator's court
    # decision, a machtiging given on paper) and end it; the portal's own rules are in
    # INWONER_RULES. Within need-to-know, like the dossier itself.
    (R.MACHTIGING, A.LEZEN): _rule([roles.DOSSIER, roles.MACHTIGINGEN[0]], Doel.GEGEVENSBEHEER),
    (R.MACHTIGING, A.WIJZIGEN): _rule([roles.DOSSIER, *roles.MACHTIGINGEN], Doel.GEGEVENSBEHEER),
    (R.VOORZIENING, A.LEZEN): _rule(roles.SOCIALE_KAART, Doel.GEGEVENSBEHEER, scoped=False),
    (R.CATALOGUS, A.LEZEN): _rule("voorzieningen.view_tarief", Doel.GEGEVENSBEHEER, scoped=False),
    (R.CATALOGUS, A.WIJZIGEN): _rule(roles.CATALOGUS_BEHEREN, Doel.GEGEVENSBEHEER, scoped=False),
    (R.GEMEENTE, A.LEZEN): _rule([], Doel.GEGEVENSBEHEER, scoped=False),
    # Providers and contracts: no resident data (the municipality's own contracts only).
    (R.AANBIEDERS, A.LEZEN): _rule(roles.AANBIEDERS_BEKIJKEN, Doel.GEGEVENSBEHEER, scoped=False),
    (R.AANBIEDERS, A.AANMAKEN): _rule(
        [*roles.AANBIEDERS_BEKIJKEN, *roles.AANBIEDERS_BEHEREN],
        Doel.GEGEVENSBEHEER,
        scoped=False,
    ),
    (R.AANBIEDERS, A.WIJZIGEN): _rule(
        [*roles.AANBIEDERS_BEKIJKEN, *roles.AANBIEDERS_BEHEREN],
        Doel.GEGEVENSBEHEER,
        scoped=False,
    ),
    (R.ACCOUNT, A.LEZEN): _rule(roles.ACCOUNTS_BEKIJKEN, Doel.GEGEVENSBEHEER, scoped=False),
    (R.ACCOUNT, A.AANMAKEN): _rule(
        [roles.ACCOUNTS_BEKIJKEN, roles.ACCOUNT_AANMAKEN], Doel.GEGEVENSBEHEER, scoped=False
    ),
    (R.ACCOUNT, A.WIJZIGEN): _rule(
        [roles.ACCOUNTS_BEKIJKEN, roles.ACCOUNT_WIJZIGEN], Doel.GEGEVENSBEHEER, scoped=False
    ),
    # The four-eyes requests: approve or reject a change another beheerder asked for.
    (R.ACCOUNT, A.BEHANDELEN): _rule(roles.VERZOEKEN_BEHANDELEN, Doel.GEGEVENSBEHEER, scoped=False),
    (R.INRICHTING, A.LEZEN): _rule(roles.INRICHTING_BEKIJKEN, Doel.GEGEVENSBEHEER, scoped=False),
    (R.INRICHTING, A.AANMAKEN): _rule(
        [*roles.INRICHTING_BEKIJKEN, "gemeente.add_team", "gemeente.add_wijk"],
        Doel.GEGEVENSBEHEER,
        scoped=False,
    ),
    (R.INRICHTING, A.WIJZIGEN): _rule(
        [*roles.INRICHTING_BEKIJKEN, "gemeente.change_team", "gemeente.change_wijk"],
        Doel.GEGEVENSBEHEER,
        scoped=False,
    ),
    (R.INSTELLINGEN, A.LEZEN): _rule(
        "gemeente.view_gelijkgesteldefeestdag", Doel.GEGEVENSBEHEER, scoped=False
    ),
    (R.INSTELLINGEN, A.WIJZIGEN): _rule(
        roles.INSTELLINGEN_BEHEREN, Doel.GEGEVENSBEHEER, scoped=False
    ),
    # The aggregate permission: indicator pages, /api/v1/indicatoren/ and their exports.
    (R.STURING, A.LEZEN): _rule(roles.STURING, Doel.STURING, scoped=False),
    (R.STURING, A.EXPORTEREN): _rule(roles.STURING, Doel.STURING, scoped=False),
    # Taking the monthly snapshots again (a task of eenplan.taken): the policy officer.
    (R.STURING, A.AANMAKEN): _rule(
        [roles.STURING, roles.MOMENTOPNAMEN_MAKEN], Doel.STURING, scoped=False
    ),
    # The message log is the municipality's administration of the traffic with providers:
    # read by the back office and the contract manager (who follows every provider), not by
    # wijk (a message names residents of every wijk).
    (R.BERICHT, A.LEZEN): _rule(roles.BERICHTEN_BEKIJKEN, Doel.UITVOERING, scoped=False),
    (R.BERICHT, A.AANMAKEN): _rule(
        [roles.BERICHTEN_BEKIJKEN, roles.BERICHTEN_BEHANDELEN], Doel.UITVOERING, scoped=False
    ),
    (R.BERICHT, A.BEHANDELEN): _rule(
        [roles.BERICHTEN_BEKIJKEN, roles.BERICHTEN_BEHANDELEN], Doel.UITVOERING, scoped=False
    ),
    (R.CLIENT, A.LEZEN): _rule(roles.BERICHTEN_BEKIJKEN, Doel.UITVOERING, scoped=False),
    (R.BELEID, A.LEZEN): _rule(roles.BELEID_BEKIJKEN, Doel.STURING, scoped=False),
    (R.BELEID, A.WIJZIGEN): _rule(
        [roles.BELEID_BEKIJKEN, roles.BELEID_WIJZIGEN], Doel.STURING, scoped=False
    ),
    (R.MANTELZORG, A.LEZEN): _rule(roles.MANTELZORG_BEKIJKEN, Doel.PLAN),
    (R.MANTELZORG, A.AANMAKEN): _rule(
        [roles.MANTELZORG_BEKIJKEN, roles.MANTELZORG_TOEVOEGEN], Doel.PLAN
    ),
    (R.MANTELZORG, A.WIJZIGEN): _rule(
        [roles.MANTELZORG_BEKIJKEN, roles.MANTELZORG_WIJZIGEN], Doel.PLAN
    ),
    (R.VRIJWILLIGER, A.LEZEN): _rule(roles.VRIJWILLIGER_BEKIJKEN, Doel.UITVOERING, scoped=False),
    (R.VRIJWILLIGER, A.AANMAKEN): _rule(
        [roles.VRIJWILLIGER_BEKIJKEN, roles.VRIJWILLIGER_BEHEREN], Doel.UITVOERING, scoped=False
    ),
    (R.VRIJWILLIGER, A.WIJZIGEN): _rule(
        [roles.VRIJWILLIGER_BEKIJKEN, roles.VRIJWILLIGER_BEHEREN], Doel.UITVOERING, scoped=False
    ),
    (R.KLUS, A.LEZEN): _rule(roles.KLUS_BEKIJKEN, Doel.UITVOERING),
    (R.KLUS, A.AANMAKEN): _rule([roles.KLUS_BEKIJKEN, roles.KLUS_BEHEREN], Doel.UITVOERING),
    (R.KLUS, A.WIJZIGEN): _rule([roles.KLUS_BEKIJKEN, roles.KLUS_BEHEREN], Doel.UITVOERING),
    (R.ENQUETE, A.LEZEN): _rule(roles.ENQUETE_BEKIJKEN, Doel.STURING, scoped=False),
    (R.ENQUETE, A.AANMAKEN): _rule(
        [roles.ENQUETE_BEKIJKEN, roles.ENQUETE_UITZETTEN], Doel.STURING, scoped=False
    ),
    # Purpose-bound sharing (issue 17). The holding team asks, decides and refuses within
    # need-to-know. Nobody decides on a refused exchange again: not a role, not the
    # functioneel beheerder, not a superuser (the service refuses every transition out of
    # "geweigerd" for every actor; the ADR "gegevensdeling met doelbinding").
    (R.UITWISSELING, A.LEZEN): _rule(roles.UITWISSELING_BEKIJKEN, ROL_DOEL),
    (R.UITWISSELING, A.AANMAKEN): _rule(
        [roles.UITWISSELING_BEKIJKEN, roles.UITWISSELING_AANVRAGEN], ROL_DOEL
    ),
    (R.UITWISSELING, A.BESLISSEN): _rule(
        [roles.UITWISSELING_BEKIJKEN, roles.UITWISSELING_BESLISSEN], ROL_DOEL
    ),
    (R.UITWISSELING, A.WEIGEREN): _rule(
        [roles.UITWISSELING_BEKIJKEN, roles.UITWISSELING_WEIGEREN], ROL_DOEL
    ),
    (R.UITWISSELING, A.WIJZIGEN): _rule(
        [roles.UITWISSELING_BEKIJKEN, roles.UITWISSELING_AANVRAGEN], ROL_DOEL
    ),
    # Assigning a gezinscoach to a household (the delivery scope) is the toegang's act.
    (R.UITVOERING, A.TOEWIJZEN): _rule(
        [roles.UITWISSELING_BEKIJKEN, roles.UITVOERDER_TOEWIJZEN], Doel.PLAN
    ),
    # On the role alone (the own lists); per record the relation decides (RELATIE_RULES).
    (R.GEDEELD, A.LEZEN): _rule(roles.GEDEELD_LEZEN, Doel.UITVOERING, scoped=False),
    (R.UITVOERING, A.LEZEN): _rule(roles.UITVOERING_BEKIJKEN, Doel.UITVOERING, scoped=False),
    (R.UITVOERING, A.AANMAKEN): _rule(
        [roles.UITVOERING_BEKIJKEN, roles.UITVOERING_SCHRIJVEN], Doel.UITVOERING, scoped=False
    ),
    (R.UITWISSELING_CIJFERS, A.LEZEN): _rule(
        roles.UITWISSELING_CIJFERS, Doel.STURING, scoped=False
    ),
    # AVG requests: not limited by wijk (the privacy officer serves every resident of the
    # municipality; the municipality itself is checked per record). Every request names its
    # resident, so every decision is logged against that resident with the purpose AVG.
    (R.AVG_VERZOEK, A.LEZEN): _rule(roles.AVG_BEKIJKEN, Doel.AVG, scoped=False),
    (R.AVG_VERZOEK, A.AANMAKEN): _rule(
        [roles.AVG_BEKIJKEN, roles.AVG_REGISTREREN], Doel.AVG, scoped=False
    ),
    (R.AVG_VERZOEK, A.BEHANDELEN): _rule(
        [roles.AVG_BEKIJKEN, roles.AVG_BEHANDELEN], Doel.AVG, scoped=False
    ),
    (R.AVG_VERZOEK, A.EXPORTEREN): _rule(
        [roles.AVG_BEKIJKEN, roles.AVG_BEHANDELEN], Doel.AVG, scoped=False
    ),
    (R.BEWAREN, A.LEZEN): _rule(roles.BEWAREN_BEKIJKEN, Doel.GEGEVENSBEHEER, scoped=False),
    (R.BEWAREN, A.AANMAKEN): _rule(
        [roles.BEWAREN_BEKIJKEN, roles.BEWAREN_VOORSTELLEN], Doel.GEGEVENSBEHEER, scoped=False
    ),
    (R.BEWAREN, A.BESLISSEN): _rule(
        [roles.BEWAREN_BEKIJKEN, roles.BEWAREN_GOEDKEUREN], Doel.GEGEVENSBEHEER, scoped=False
    ),
    # Work and income: the Werkplein reads, records and decides (the decision itself is a
    # beschikking: BESCHIKKING × BESLISSEN as well); the generalist and the back office read it
    # for the one household plan.
    (R.PARTICIPATIE, A.LEZEN): _rule(roles.PARTICIPATIE_BEKIJKEN, Doel.WERK_INKOMEN),
    (R.PARTICIPATIE, A.AANMAKEN): _rule(
        [roles.PARTICIPATIE_BEKIJKEN, roles.PARTICIPATIE_VASTLEGGEN], Doel.WERK_INKOMEN
    ),
    (R.PARTICIPATIE, A.WIJZIGEN): _rule(
        [roles.PARTICIPATIE_BEKIJKEN, roles.PARTICIPATIE_VASTLEGGEN], Doel.WERK_INKOMEN
    ),
    (R.SCHULDHULP, A.LEZEN): _rule(roles.SCHULDHULP_BEKIJKEN, Doel.WERK_INKOMEN),
    (R.SCHULDHULP, A.AANMAKEN): _rule(
        [roles.SCHULDHULP_BEKIJKEN, roles.SCHULDHULP_VASTLEGGEN], Doel.WERK_INKOMEN
    ),
    (R.SCHULDHULP, A.WIJZIGEN): _rule(
        [roles.SCHULDHULP_BEKIJKEN, roles.SCHULDHULP_VASTLEGGEN], Doel.WERK_INKOMEN
    ),
    (R.SCHULDHULP, A.BESLISSEN): _rule(
        [roles.SCHULDHULP_BEKIJKEN, roles.SCHULDHULP_VASTLEGGEN, roles.SCHULDHULP_BESLISSEN],
        Doel.WERK_INKOMEN,
    ),
    (R.PARTICIPATIE, A.BESLISSEN): _rule(
        [roles.PARTICIPATIE_BEKIJKEN, roles.PARTICIPATIE_VASTLEGGEN, roles.BESCHIKKING_NEMEN],
        Doel.WERK_INKOMEN,
    ),
    # One's own tasks ("Mijn taken"): every staff role; one task and its file only for whoever
    # started it (RELATIE_RULES, `decide_taak`). Starting a kind is the kind's own `recht`.
    (R.TAAK, A.LEZEN): _rule([], ROL_DOEL, scoped=False),
}
# What a provider may do (ActorKind.AANBIEDER): send messages and read its own messages and
# clients. "Own" is decided per record: a message of this provider (`aanbieder=`), a client
# with a toewijzing at this provider (`inwoner=`; `AanbiederKoppeling.clienten`).
AANBIEDER_RULES: dict[tuple[Resource, Action], str] = {
    (R.BERICHT, A.LEZEN): Doel.UITVOERING,
    (R.BERICHT, A.AANMAKEN): Doel.UITVOERING,
    (R.CLIENT, A.LEZEN): Doel.UITVOERING,
}
# Records that may concern no known resident yet (a melding about "the neighbour at number 5"):
# then the rules of this resource decide, on the role and the municipality alone
# (`decide_object`).
ZONDER_INWONER: dict[Resource, Resource] = {R.MELDING: R.MELDING_ONBEKEND}
del R, A

GEEN_ROL = "Uw rol geeft geen toegang tot dit onderdeel ({wat})."
BUITEN_SCOPE = "Deze inwoner valt buiten uw werkgebied en is niet aan u toegewezen (need-to-know)."
HUISHOUDEN_BUITEN_SCOPE = (
    "Dit huishouden valt buiten uw werkgebied: geen van de huidige leden woont in uw wijken of "
    "is aan u toegewezen (need-to-know)."
)
WIJK_BUITEN_SCOPE = (
    "Deze wijk valt buiten uw werkgebied: u kunt hier geen inwoner registreren (need-to-know)."
)
NIET_INGELOGD = "Log in om verder te gaan."
AANBIEDER_GEEN_TOEGANG = "Als aanbieder heeft u geen toegang tot dit onderdeel ({wat})."
ANDERE_AANBIEDER = "Dit bericht hoort bij een andere aanbieder dan de uwe."
AANBIEDER_NIET_ACTIEF = (
    "Uw organisatie is bij de gemeente niet (meer) actief als aanbieder: deze login heeft geen "
    "toegang. Neem contact op met de contractmanager van de gemeente."
)
NIET_UW_CLIENT = "Deze inwoner is geen cliënt van uw organisatie (geen toewijzing aan u)."
ONBEKENDE_ACTOR = "Voor dit soort account zijn nog geen toegangsregels vastgelegd."
ALLEEN_MEDEWERKERS = (
    "Dit deel is alleen voor medewerkers van de gemeente. Uw eigen zaak vindt u op Mijn zaak."
)


# --- who asks -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Actor:
    """Whoever acts: for now a staff member (or a superuser for set-up); later residents,
    representatives and providers, each with their own scope."""

    user: Any
    kind: str
    medewerker: Medewerker | None = None
    # A resident's login (ActorKind.INWONER): the Inwoner the account belongs to.
    inwoner_id: int | None = None
    # A provider's login (ActorKind.AANBIEDER): its Aanbieder, and whether that provider is
    # still active (a deactivated provider's login is refused everything, never a staff actor).
    aanbieder_id: int | None = None
    aanbieder_actief: bool = True

    @classmethod
    def of(cls, user: User | Actor) -> Actor:
        """The actor behind a login, cached on the user object for the request."""
        if isinstance(user, Actor):
            return user
        cached = getattr(user, "_eenplan_actor", None)
        if cached is not None:
            return cached
        if not user.is_authenticated:
            actor = cls(user=user, kind=ActorKind.ANONIEM)
        else:
            medewerker = medewerker_for_user(user)
            inwoner_id = None if medewerker is not None else _inwoner_van_account(user)
            aanbieder_id = None
            if medewerker is None and inwoner_id is None and not user.is_superuser and _koppeling:
                aanbieder_id = _koppeling[0].aanbieder_van(user)
            if inwoner_id is not None:
                actor = cls(user=user, kind=ActorKind.INWONER, inwoner_id=inwoner_id)
            elif aanbieder_id is not None:
                actor = cls(
                    user=user,
                    kind=ActorKind.AANBIEDER,
                    aanbieder_id=aanbieder_id,
                    aanbieder_actief=_koppeling[0].actief(aanbieder_id),
                )
            else:
                actor = cls(user=user, kind=ActorKind.MEDEWERKER, medewerker=medewerker)
                rechten_laden(user)  # one query for the role's permissions, asked on every page
        # A plain attribute on the user object: lives as long as the request does.
        user._eenplan_actor = actor
        return actor

    @property
    def gemeente_id(self) -> int | None:
        return self.medewerker.gemeente_id if self.medewerker else None

    @property
    def is_superuser(self) -> bool:
        return bool(getattr(self.user, "is_superuser", False))

    def has_perms(self, perms: Iterable[str]) -> bool:
        return self.kind == ActorKind.MEDEWERKER and self.user.has_perms(list(perms))

    def default_doel(self) -> str:
        """The purpose pre-selected for this role; the user can choose another."""
        if self.kind == ActorKind.INWONER:
            return Doel.EIGEN_ZAAK
        if self.medewerker is not None and self.medewerker.functie in STANDAARD_DOEL:
            return STANDAARD_DOEL[self.medewerker.functie]
        return Doel.GEGEVENSBEHEER


# --- providers ------------------------------------------------------------------------------


@dataclass(frozen=True)
class AanbiederKoppeling:
    """How a login is a provider's, and who its clients are. The app that owns providers'
    logins and toewijzingen (eenplan.berichten, above this layer) registers it at start-up
    with `koppel_aanbieders`; until then no login is a provider."""

    aanbieder_van: Callable[[Any], int | None]  # the provider of a login (active or not), or None
    clienten: Callable[[int], QuerySet[Inwoner]]  # residents with a toewijzing at the provider
    actief: Callable[[int], bool] = lambda _aanbieder_id: True  # is the provider still active?


_koppeling: list[AanbiederKoppeling] = []


def koppel_aanbieders(koppeling: AanbiederKoppeling) -> None:
    _koppeling[:] = [koppeling]


def _clienten(actor: Actor) -> QuerySet[Inwoner]:
    if actor.aanbieder_id is None or not _koppeling:
        return Inwoner.objects.none()
    return _koppeling[0].clienten(actor.aanbieder_id)


# --- need-to-know scope ---------------------------------------------------------------------


def _scope_cache(actor: Actor) -> dict[str, Any]:
    cache = getattr(actor.user, "_eenplan_scope", None)
    if cache is None:
        cache = {}
        actor.user._eenplan_scope = cache
    return cache


def _wijk_ids(actor: Actor) -> tuple[list[int], bool]:
    """The wijken the actor's teams serve, and whether that is the whole municipality."""
    scope = _wijk_scope(actor)
    return scope.mijn, scope.hele_gemeente


def _wijk_scope(actor: Actor) -> WijkScope:
    cache = _scope_cache(actor)
    if "wijken" not in cache:
        assert actor.medewerker is not None
        cache["wijken"] = wijken_scope(actor.medewerker)
    return cache["wijken"]


def gemeente_wijken(actor: Actor | User) -> list[Wijk]:
    """The wijken of the municipality the staff login works for now, by name (for a page's
    filter), read once per request with its need-to-know scope; none for other logins."""
    actor = Actor.of(actor)
    if actor.medewerker is None:
        return []
    return list(_wijk_scope(actor).wijken)


def _may_see_dossiers(actor: Actor) -> bool:
    return actor.kind == ActorKind.MEDEWERKER and actor.user.has_perm(roles.DOSSIER)


def inwoners_in_scope(actor: Actor | User, *, vandaag: dt.date | None = None) -> QuerySet[Inwoner]:
    """The residents this actor may see: none for roles without dossier rights; for a
    provider, its clients."""
    actor = Actor.of(actor)
    if actor.kind == ActorKind.AANBIEDER:
        return _clienten(actor)
    if not _may_see_dossiers(actor):
        return Inwoner.objects.none()
    if actor.is_superuser and actor.medewerker is None:
        return Inwoner.objects.all()
    if actor.medewerker is None:
        return Inwoner.objects.none()
    wijk_ids, hele_gemeente = _wijk_ids(actor)
    if hele_gemeente:
        return Inwoner.objects.filter(gemeente_id=actor.gemeente_id)
    vandaag = vandaag or timezone.localdate()
    return Inwoner.objects.filter(gemeente_id=actor.gemeente_id).filter(
        Q(wijk_id__in=wijk_ids) | Q(_toegewezen(actor, vandaag, OuterRef("pk")))
    )


def _toegewezen(actor: Actor, vandaag: dt.date, inwoner: Any) -> Exists:
    """Whether the resident `inwoner` (an OuterRef) is explicitly assigned to the actor today
    (DossierToegang): a correlated EXISTS, one lookup in `dossiertoegang_idx` (medewerker,
    inwoner) per row. Never `IN (subquery)`: PostgreSQL hashes that subquery and can then no
    longer reach the residents by primary key, and scans them all (issue 16)."""
    return Exists(
        DossierToegang.objects.filter(
            Q(tot__isnull=True) | Q(tot__gte=vandaag),
            medewerker=actor.medewerker,
            inwoner_id=inwoner,
            van__lte=vandaag,
        )
    )


def scope_q(
    actor: Actor | User,
    *,
    veld: str = "inwoner",
    vandaag: dt.date | None = None,
    gemeente_veld: str | None = None,
) -> Q:
    """A filter on `veld` (a foreign key to Inwoner) for the residents the actor may see.

    The condition is one the planner answers from indexes, whatever the size of the
    municipality (issue 16, docs/scaling.md): `veld.wijk_id IN (my wijken)` through the join
    on the resident's primary key, OR EXISTS (my DossierToegang for that resident) — one
    lookup in `dossiertoegang_idx`. It never nests "residents of my wijken" as a subquery (a
    plan whose cost grows with every resident of the municipality). For a team that serves the whole
    municipality it is the municipality alone: on `gemeente_veld` when the queried table
    carries its own municipality (no join with the residents at all), else on the resident's."""
    actor = Actor.of(actor)
    if actor.kind == ActorKind.AANBIEDER:
        return Q(**{f"{veld}__in": _clienten(actor).values("pk")})
    if not _may_see_dossiers(actor):
        return Q(pk__in=[])
    if actor.is_superuser and actor.medewerker is None:
        return Q()
    if actor.medewerker is None:
        return Q(pk__in=[])
    wijk_ids, hele_gemeente = _wijk_ids(actor)
    if hele_gemeente:
        if gemeente_veld is not None:
            return Q(**{gemeente_veld: actor.gemeente_id, f"{veld}__isnull": False})
        return Q(**{f"{veld}__gemeente_id": actor.gemeente_id})
    vandaag = vandaag or timezone.localdate()
    condition = Q(**{f"{veld}__wijk_id__in": wijk_ids}) | Q(
        _toegewezen(actor, vandaag, OuterRef(veld))
    )
    # Implied by the wijken and the assignments, but stated: every query on a table of one
    # municipality carries its municipality (the region test, Citus shard pruning) — the
    # table's own column when it has one, else the resident's (already joined for the wijk).
    # The resident's is stated as well when the table has its own: the join for the wijk is
    # there anyway, and so every table in the query carries it (issue 16).
    if gemeente_veld is not None:
        condition &= Q(**{gemeente_veld: actor.gemeente_id})
    condition &= Q(**{f"{veld}__gemeente_id": actor.gemeente_id})
    return condition


def huidige_leden(huishouden_id: Any, *, vandaag: Any = None) -> QuerySet[HuishoudenLid]:
    """The memberships of a household that hold today (`huishouden_id`, `vandaag`: values, or
    expressions of a caller's query): begun on or before the day and not ended by it, as
    `HuishoudenLid.op` says — someone registered to move in next month is no member yet."""
    vandaag = vandaag or timezone.localdate()
    return HuishoudenLid.objects.filter(
        Q(lid_tot__isnull=True) | Q(lid_tot__gt=vandaag),
        huishouden_id=huishouden_id,
        lid_van__lte=vandaag,
    )


@dataclass(frozen=True)
class HuishoudenLeden:
    """What a decision on household `huishouden` is taken on: each current member as
    (resident, wijk), the wijk only for a resident of municipality `gemeente` (else None).
    Read by the decision itself, or with a caller's query (`huishouden_leden_deel`)."""

    huishouden: int
    gemeente: int | None
    rijen: tuple[tuple[int, int | None], ...]


def _leden_wijken(huishouden: Any, gemeente: Any, vandaag: Any) -> QuerySet[HuishoudenLid]:
    """The current members of `huishouden` with `_wijk`: their wijk when they are a resident
    of municipality `gemeente`, else NULL (the resident looked up by key within it)."""
    wijk = Inwoner.objects.filter(pk=OuterRef("inwoner_id"), gemeente_id=gemeente)
    return huidige_leden(huishouden, vandaag=vandaag).annotate(
        _wijk=Subquery(wijk.order_by().values("wijk_id"))
    )


def huishouden_leden_deel(huishouden: Any, gemeente: Any, vandaag: Any) -> Subquery:
    """The rows a decision on `huishouden` takes (`HuishoudenLeden`) as one JSON column of a
    caller's query (values, or expressions that need no outer row): the plan page reads them
    with the plan and passes them to `require(..., leden=…)` — the decision and its log
    without a query of their own (issue 16). `huishouden_leden_uit` reads the column."""
    return Subquery(
        _leden_wijken(huishouden, gemeente, vandaag)
        .order_by()
        .annotate(_een=Value(1))
        .values("_een")
        .annotate(j=JsonLijst(JSONArray("inwoner_id", "_wijk"), geordend=True))
        .values("j")
    )


def huishouden_leden_uit(
    waarde: Any, *, huishouden: int, gemeente: int | None, db: str = "default"
) -> HuishoudenLeden:
    """The `HuishoudenLeden` of a `huishouden_leden_deel` column read for `huishouden` and
    `gemeente`."""
    rijen = op_volgorde(waarde, db, sleutels=1)
    return HuishoudenLeden(huishouden, gemeente, tuple((pk, wijk) for pk, wijk in rijen))


def _huishouden_leden(huishouden: int, gemeente: int | None) -> HuishoudenLeden:
    rijen = _leden_wijken(huishouden, gemeente, timezone.localdate()).values_list(
        "inwoner_id", "_wijk"
    )
    return HuishoudenLeden(huishouden, gemeente, tuple(sorted(rijen)))


def huishouden_scope_q(
    actor: Actor | User, *, veld: str = "huishouden", vandaag: dt.date | None = None
) -> Q:
    """A filter on `veld` (a foreign key to Huishouden): households with at least one *current*
    member in the actor's scope (a member who moved out does not open the household). A
    correlated EXISTS on the household's members (`huishoudenlid.huishouden_id`, indexed):
    per household a few index lookups, never every membership of the municipality."""
    vandaag = vandaag or timezone.localdate()
    leden = huidige_leden(OuterRef(veld), vandaag=vandaag).filter(scope_q(actor, vandaag=vandaag))
    return Q(Exists(leden))


def inwoner_in_scope(actor: Actor | User, inwoner_id: int) -> bool:
    return inwoners_in_scope(actor).filter(pk=inwoner_id).exists()


# --- the decision ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Decision:
    allowed: bool
    reason: str = ""
    inwoner_ids: tuple[int, ...] = ()


class Refused(PermissionDenied):
    """A refused decision: 403 on pages and in the API, with the Dutch reason. Already logged."""

    def __init__(self, decision: Decision) -> None:
        super().__init__(decision.reason)
        self.decision = decision


@dataclass(frozen=True)
class Via:
    """The path a decision is asked on: the channel and the page or API route."""

    kanaal: str = Kanaal.PAGINA
    pad: str = ""

    @classmethod
    def request(cls, request: HttpRequest | Any) -> Via:
        path = request.get_full_path()
        kanaal = Kanaal.API if path.startswith("/api/") else Kanaal.PAGINA
        return cls(kanaal=kanaal, pad=path)


SERVICE = Via(kanaal=Kanaal.PAGINA, pad="(dienst)")


def _ids(inwoners: Iterable[Inwoner | int]) -> list[int]:
    return list(dict.fromkeys(i if isinstance(i, int) else i.pk for i in inwoners))


def decide(
    actor: Actor | User,
    resource: Resource,
    action: Action,
    *,
    via: Via,
    inwoner: Inwoner | int | None = None,
    huishouden: int | None = None,
    wijk: int | None = None,
    doel: str | None = None,
    log: bool = True,
    aanbieder: int | None = None,
    leden: HuishoudenLeden | None = None,
) -> Decision:
    """Decide and log. `inwoner`: the resident concerned; `huishouden`: a household (allowed
    when one of its current members is in scope; every current member is logged; `leden`:
    its members as the caller read them with `huishouden_leden_deel`); `wijk`: a
    resident not registered yet, in scope when one of the actor's teams serves that wijk.
    None of these: a decision on the role alone (a list), logged only when refused.
    `aanbieder`: the provider a record belongs to (a message); a provider acts only on its
    own (staff are not limited by it)."""
    actor = Actor.of(actor)
    if actor.kind == ActorKind.AANBIEDER:
        return _decide_aanbieder(
            actor,
            resource,
            action,
            via=via,
            inwoner=inwoner,
            doel=doel,
            log=log,
            aanbieder=aanbieder,
        )
    rule = RULES[(resource, action)]
    doel = doel or rule.doel or actor.default_doel()
    if doel not in Doel.values:
        raise ValidationError({"doel": "Kies een geldig doel van inzage."})
    ids: list[int] = []
    reason = ""
    zeker_binnen = False  # known in scope from the rows just read (no scope query needed)
    gemeenten: dict[int, int] = {}  # resident -> municipality, as just read (for the log rows)
    if huishouden is not None:
        gelezen, binnen = _leden_binnen_wijken(actor, huishouden, leden)
        ids = [pk for pk, _ in gelezen.rijen]
        zeker_binnen = bool(binnen)
        if gelezen.gemeente is not None:  # a member with a wijk lives in that municipality
            gemeenten = {pk: gelezen.gemeente for pk, wijk in gelezen.rijen if wijk is not None}
    elif inwoner is not None:
        ids = _ids([inwoner])
        if isinstance(inwoner, Inwoner):
            zeker_binnen = _binnen_wijken(actor, inwoner.gemeente_id, inwoner.wijk_id)
            gemeenten = {inwoner.pk: inwoner.gemeente_id}
    if actor.kind == ActorKind.ANONIEM:
        reason = NIET_INGELOGD
    elif actor.kind == ActorKind.INWONER:
        reason = ALLEEN_MEDEWERKERS
    elif actor.kind != ActorKind.MEDEWERKER:
        reason = ONBEKENDE_ACTOR
    elif not actor.has_perms(rule.perms):
        reason = GEEN_ROL.format(wat=f"{resource.label.lower()}: {action.label.lower()}")
    elif rule.scoped and (huishouden is not None or inwoner is not None):
        in_scope = zeker_binnen or (
            inwoners_in_scope(actor).filter(pk__in=ids).exists() if ids else False
        )
        if huishouden is not None and not ids:
            # An empty household is in scope only for teams that serve the whole municipality.
            in_scope = _whole_municipality(actor)
        if not in_scope:
            reason = HUISHOUDEN_BUITEN_SCOPE if huishouden is not None else BUITEN_SCOPE
    elif rule.scoped and wijk is not None and not _serves_wijk(actor, wijk):
        reason = WIJK_BUITEN_SCOPE
    decision = Decision(allowed=not reason, reason=reason, inwoner_ids=tuple(ids))
    if log and (ids or not decision.allowed):
        _write(actor, decision, resource, action, doel=doel, via=via, gemeenten=gemeenten)
    return decision


def _decide_aanbieder(
    actor: Actor,
    resource: Resource,
    action: Action,
    *,
    via: Via,
    inwoner: Inwoner | int | None,
    doel: str | None,
    log: bool,
    aanbieder: int | None,
) -> Decision:
    """A provider: only what `AANBIEDER_RULES` lists, only its own messages, only its clients."""
    ids = _ids([inwoner]) if inwoner is not None else []
    regel_doel = AANBIEDER_RULES.get((resource, action))
    doel = doel or regel_doel or Doel.UITVOERING
    reason = ""
    if not actor.aanbieder_actief:
        reason = AANBIEDER_NIET_ACTIEF
    elif regel_doel is None:
        reason = AANBIEDER_GEEN_TOEGANG.format(
            wat=f"{resource.label.lower()}: {action.label.lower()}"
        )
    elif aanbieder is not None and aanbieder != actor.aanbieder_id:
        reason = ANDERE_AANBIEDER
    elif ids and not _clienten(actor).filter(pk__in=ids).exists():
        reason = NIET_UW_CLIENT
    decision = Decision(allowed=not reason, reason=reason, inwoner_ids=tuple(ids))
    if log and (ids or not decision.allowed):
        _write(actor, decision, resource, action, doel=doel, via=via)
    return decision


def _wijk_scope_zonder_query(actor: Actor) -> bool:
    """Whether this actor's scope is its municipality's wijken (a staff member with dossier
    rights): then a resident whose wijk is known is in scope by the wijk alone."""
    return actor.medewerker is not None and _may_see_dossiers(actor)


def _binnen_wijken(actor: Actor, gemeente_id: int | None, wijk_id: int | None) -> bool:
    """A resident of municipality `gemeente_id` living in `wijk_id` (as just read) is in the
    actor's scope by the wijk alone: True. False means "not by the wijk" — the caller then
    asks `inwoners_in_scope`, which also knows the residents assigned to the actor."""
    if not _wijk_scope_zonder_query(actor) or gemeente_id != actor.gemeente_id:
        return False
    wijk_ids, hele_gemeente = _wijk_ids(actor)
    return hele_gemeente or wijk_id in wijk_ids


def _leden_binnen_wijken(
    actor: Actor, huishouden: int, leden: HuishoudenLeden | None
) -> tuple[HuishoudenLeden, set[int]]:
    """The current members of a household (to decide on and to log), and those in the actor's
    scope by the wijk alone (residents of the actor's municipality) — from `leden` when the
    caller read them for this household and the actor's municipality, else in one query
    (issue 16: no query of its own for every household decision; the assigned residents
    still go through `inwoners_in_scope`)."""
    if leden is None or (leden.huishouden, leden.gemeente) != (huishouden, actor.gemeente_id):
        leden = _huishouden_leden(huishouden, actor.gemeente_id)
    if not _wijk_scope_zonder_query(actor):
        return leden, set()
    wijk_ids, hele_gemeente = _wijk_ids(actor)
    binnen = {
        pk for pk, wijk in leden.rijen if wijk is not None and (hele_gemeente or wijk in wijk_ids)
    }
    return leden, binnen


def _serves_wijk(actor: Actor, wijk_id: int) -> bool:
    if actor.is_superuser and actor.medewerker is None:
        return True
    if actor.medewerker is None:
        return False
    wijk_ids, hele_gemeente = _wijk_ids(actor)
    return hele_gemeente or wijk_id in wijk_ids


def _whole_municipality(actor: Actor) -> bool:
    if actor.is_superuser and actor.medewerker is None:
        return True
    return actor.medewerker is not None and _wijk_ids(actor)[1]


def require(
    actor: Actor | User,
    resource: Resource,
    action: Action,
    *,
    via: Via,
    inwoner: Inwoner | int | None = None,
    huishouden: int | None = None,
    wijk: int | None = None,
    doel: str | None = None,
    aanbieder: int | None = None,
    leden: HuishoudenLeden | None = None,
) -> Decision:
    """`decide`, raising `Refused` (403, logged) when refused."""
    decision = decide(
        actor,
        resource,
        action,
        via=via,
        inwoner=inwoner,
        huishouden=huishouden,
        wijk=wijk,
        doel=doel,
        aanbieder=aanbieder,
        leden=leden,
    )
    if not decision.allowed:
        raise Refused(decision)
    return decision


ANDERE_GEMEENTE = "Dit hoort bij een andere gemeente dan waarvoor u werkt."


def decide_object(
    actor: Actor | User,
    resource: Resource,
    action: Action,
    *,
    via: Via,
    inwoner: Inwoner | int | None,
    gemeente: int,
    doel: str | None = None,
    log: bool = True,
) -> Decision:
    """`decide` for one record of municipality `gemeente` about `inwoner` — or, when it
    concerns no known resident yet (None), on the rules of `ZONDER_INWONER[resource]`: the role
    and the municipality, a refusal logged."""
    if inwoner is not None:
        return decide(actor, resource, action, via=via, inwoner=inwoner, doel=doel, log=log)
    actor = Actor.of(actor)
    resource = ZONDER_INWONER[resource]
    decision = decide(actor, resource, action, via=via, doel=doel, log=log)
    eigen = (actor.is_superuser and actor.medewerker is None) or actor.gemeente_id == gemeente
    if decision.allowed and not eigen:
        decision = Decision(allowed=False, reason=ANDERE_GEMEENTE)
        if log:
            _write(actor, decision, resource, action, doel=doel or actor.default_doel(), via=via)
    return decision


def require_object(
    actor: Actor | User,
    resource: Resource,
    action: Action,
    *,
    via: Via,
    inwoner: Inwoner | int | None,
    gemeente: int,
    doel: str | None = None,
) -> Decision:
    """`decide_object`, raising `Refused` (403, logged) when refused."""
    decision = decide_object(
        actor, resource, action, via=via, inwoner=inwoner, gemeente=gemeente, doel=doel
    )
    if not decision.allowed:
        raise Refused(decision)
    return decision


def refuse(
    actor: Actor | User,
    resource: Resource,
    action: Action,
    *,
    via: Via,
    reason: str,
    inwoner: Inwoner | int | None = None,
    doel: str | None = None,
) -> NoReturn:
    """Refuse on a service's own rule beyond role and scope (only the assignee or the
    mid-office closes a melding): logged like every decision, raised as `Refused`."""
    actor = Actor.of(actor)
    ids = tuple(_ids([inwoner])) if inwoner is not None else ()
    decision = Decision(allowed=False, reason=reason, inwoner_ids=ids)
    _write(actor, decision, resource, action, doel=doel or actor.default_doel(), via=via)
    raise Refused(decision)


NIET_BINNEN_GEMEENTE = "niet binnen uw gemeente of bestaat niet"
# The reason of a record named in input that is looked up within need-to-know, not only the
# municipality (`uit_invoer` with a narrower `zoek`).
NIET_BINNEN_WERKGEBIED = "niet binnen uw werkgebied of bestaat niet"
Gevonden = TypeVar("Gevonden")


def get_or_refuse(
    actor: Actor | User,
    resource: Resource,
    action: Action,
    *,
    via: Via,
    pk: object,
    zoek: Callable[[int | None], Gevonden | None],
    wat: str,
    niet_gevonden: str,
    doel: str | None = None,
    reden: str = NIET_BINNEN_GEMEENTE,
) -> Gevonden:
    """The record `pk` of `resource`, found by `zoek` within the municipality the login works
    for now: `zoek` gets that municipality's id (None for a login without one) and puts it in
    its own query. When nothing is found there the refusal is logged like every refused access
    to personal data — the resource, the requested id and the reason NIET_BINNEN_GEMEENTE
    ("Mantelzorger 12: niet binnen uw gemeente of bestaat niet.") — and the answer is a 404
    with `niet_gevonden` (Http404; DRF answers it as a 404 problem too).

    The id is never looked up again across municipalities: whether it exists in another one
    is neither asked (that query would lack the municipality condition, issue 16, and on a
    sharded cluster go to every shard) nor told (the same 404 either way). Role and
    need-to-know on the record found stay with the caller's `require`. ADR 0046. A lookup
    narrower than the municipality (within a found record's household) says so in `reden`."""
    actor = Actor.of(actor)
    gevonden = zoek(actor.gemeente_id)
    if gevonden is not None:
        return gevonden
    _log_niet_gevonden(actor, resource, action, via=via, pk=pk, wat=wat, doel=doel, reden=reden)
    raise Http404(niet_gevonden)


def _log_niet_gevonden(
    actor: Actor,
    resource: Resource,
    action: Action,
    *,
    via: Via,
    pk: object,
    wat: str,
    doel: str | None,
    reden: str = NIET_BINNEN_GEMEENTE,
) -> None:
    """The refused row of a record not found within the login's municipality: the resource,
    the action, the requested id and NIET_BINNEN_GEMEENTE (or the narrower `reden`); no
    resident."""
    rule = RULES.get((resource, action))
    decision = Decision(allowed=False, reason=f"{wat} {pk}: {reden}.")
    regel_doel = rule.doel if rule is not None else None
    _write(
        actor, decision, resource, action, doel=doel or regel_doel or actor.default_doel(), via=via
    )


def uit_invoer(
    actor: Actor | User,
    resource: Resource,
    action: Action,
    *,
    via: Via,
    pk: object,
    zoek: Callable[[int | None], Gevonden | None],
    wat: str,
    veld: str,
    doel: str | None = None,
    reden: str = NIET_BINNEN_GEMEENTE,
    fout: str | None = None,
) -> Gevonden:
    """The record a request *names in its input* (an API body or query parameter, not the
    URL), found by `zoek` within the municipality the login works for now (`zoek` gets that
    municipality's id and puts it in its own query, as for `get_or_refuse`). Not found there —
    another municipality's record or none at all, the same answer — is refused like
    `get_or_refuse` (one refused row: the resource, the action, "<wat> <id>: niet binnen uw
    gemeente of bestaat niet.") and answered as bad input on `veld` (ValidationError, a 400
    with the Dutch message ONBEKEND_IN_GEMEENTE: "Huishouden 12 is onbekend in uw gemeente.";
    nothing is changed). Found: role and need-to-know on the record stay with the caller's
    `require`. The id is never looked up again across municipalities. ADR 0046.

    A lookup narrower than the municipality (a member of *this* household, a melding within
    need-to-know) says so in the row's `reden` ("hoort niet bij dit huishouden of bestaat
    niet") and in the message `fout`; the same answer still for another municipality's record
    and for none."""
    actor = Actor.of(actor)
    gevonden = zoek(actor.gemeente_id)
    if gevonden is not None:
        return gevonden
    _log_niet_gevonden(
        actor, resource, action, via=via, pk=pk, wat=wat, doel=doel, reden=reden
    )
    raise ValidationError({veld: fout or ONBEKEND_IN_GEMEENTE.format(wat=wat, pk=pk)})


def inwoner_uit_invoer(
    actor: Actor | User,
    resource: Resource,
    action: Action,
    *,
    via: Via,
    pk: int,
    veld: str = "inwoner",
    doel: str | None = None,
) -> Inwoner:
    """The resident a request names in its input, within the login's municipality
    (`uit_invoer`): not found there is one refused row ("Inwoner <id>: niet binnen uw gemeente
    of bestaat niet.") and a Dutch 400 on `veld` ("Inwoner 12 is onbekend in uw gemeente.")."""
    return uit_invoer(
        actor,
        resource,
        action,
        via=via,
        pk=pk,
        zoek=lambda gemeente_id: (
            Inwoner.objects.select_related("wijk").filter(pk=pk, gemeente_id=gemeente_id).first()
        ),
        wat="Inwoner",
        veld=veld,
        doel=doel,
    )


ONBEKEND_IN_GEMEENTE = "{wat} {pk} is onbekend in uw gemeente."
ONBEKENDE_INWONER = "Inwoner {pk} is onbekend in uw gemeente."


def beslist_over(actor: Actor | User, wet: str) -> bool:
    """Whether the actor's role decides aanvragen under this law (`roles.BESLIST_OVER_WETTEN`):
    the Werkplein decides Participatiewet aanvragen only. Role and scope are `decide`'s; this is
    the one further condition, asked by the decision service, its page and the links to it."""
    actor = Actor.of(actor)
    if actor.medewerker is None:
        return True
    wetten = roles.BESLIST_OVER_WETTEN.get(actor.medewerker.functie)
    return wetten is None or wet in wetten


def vereis_beslist_over(
    actor: Actor | User, wet: str, *, via: Via, inwoner: Inwoner | int | None = None
) -> None:
    """Refuse (logged, 403) deciding an aanvraag under a law the role does not decide."""
    if not beslist_over(actor, wet):
        refuse(
            actor,
            Resource.BESCHIKKING,
            Action.BESLISSEN,
            via=via,
            inwoner=inwoner,
            reason="Deze rol beslist niet op aanvragen onder deze wet.",
        )


NIET_UW_WET = (
    "Uw rol leest alleen aanvragen en besluiten onder de {wetten}; deze valt onder een andere "
    "wet (need-to-know)."
)
WET_NAMEN = {
    "wmo": "Wmo 2015",
    "jeugd": "Jeugdwet",
    "participatie": "Participatiewet",
    "schuldhulp": "Wet gemeentelijke schuldhulpverlening",
}


def leest_over(actor: Actor | User) -> frozenset[str] | None:
    """The laws whose decisions this login reads (`roles.LEEST_OVER_WETTEN`); None: every law
    (the role's other rules still decide)."""
    actor = Actor.of(actor)
    if actor.medewerker is None:
        return None
    return roles.LEEST_OVER_WETTEN.get(actor.medewerker.functie)


def leest_wet(actor: Actor | User, wet: str) -> bool:
    """Whether this login reads decisions under law `wet` (for a link or a row; not logged)."""
    wetten = leest_over(actor)
    return wetten is None or wet in wetten


def wet_q(actor: Actor | User, *, veld: str = "aanvraag__wet") -> Q:
    """A filter on `veld` (the law of a decision's aanvraag, or `wet` of an aanvraag) for lists
    of decisions and aanvragen: nothing
    for a role that reads every law; else only its laws. Every list, page, API, PDF and
    dossier link of beschikkingen adds it next to the need-to-know `scope_q`. The aanvraag it
    joins is narrowed to the actor's municipality as well (every query on a municipality's
    table carries its municipality)."""
    wetten = leest_over(actor)
    if wetten is None:
        return Q()
    conditie = Q(**{f"{veld}__in": sorted(wetten)})
    pad = veld.rpartition("__")[0]
    gemeente_id = Actor.of(actor).gemeente_id
    if gemeente_id is not None:
        # `veld="wet"`: a list of aanvragen themselves (the aanvragen pages, the API, the 4:14
        # worklist, the dossier and the plan), narrowed to the municipality as well.
        conditie &= Q(**{f"{pad}__gemeente_id" if pad else "gemeente_id": gemeente_id})
    return conditie


def decide_wet(
    actor: Actor | User,
    resource: Resource,
    action: Action,
    *,
    via: Via,
    inwoner: Inwoner | int,
    wet: str,
    doel: str | None = None,
) -> Decision:
    """`decide` for one decision (or its letter, its provisions) under law `wet`: role and
    need-to-know first, then the law the role reads (`roles.LEEST_OVER_WETTEN`). Logged
    either way; a refusal on the law names the laws the role does read."""
    decision = decide(actor, resource, action, via=via, inwoner=inwoner, doel=doel, log=False)
    if decision.allowed and not leest_wet(actor, wet):
        wetten = sorted(leest_over(actor) or ())
        decision = Decision(
            allowed=False,
            reason=NIET_UW_WET.format(wetten=", ".join(WET_NAMEN.get(w, w) for w in wetten)),
            inwoner_ids=decision.inwoner_ids,
        )
    actor = Actor.of(actor)
    rule = RULES[(resource, action)]
    gemeenten = {inwoner.pk: inwoner.gemeente_id} if isinstance(inwoner, Inwoner) else None
    _write(actor, decision, resource, action, doel=doel or rule.doel or actor.default_doel(),
           via=via, gemeenten=gemeenten)
    return decision


def require_wet(
    actor: Actor | User,
    resource: Resource,
    action: Action,
    *,
    via: Via,
    inwoner: Inwoner | int,
    wet: str,
    doel: str | None = None,
) -> Decision:
    """`decide_wet`, raising `Refused` (403, logged) when refused."""
    decision = decide_wet(
        actor, resource, action, via=via, inwoner=inwoner, wet=wet, doel=doel
    )
    if not decision.allowed:
        raise Refused(decision)
    return decision


def allows(actor: Actor | User, resource: Resource, action: Action) -> bool:
    """Whether the role may do this at all (for showing a button); not logged, no resident."""
    actor = Actor.of(actor)
    if actor.kind == ActorKind.AANBIEDER:
        return (resource, action) in AANBIEDER_RULES
    rule = RULES.get((resource, action))
    return rule is not None and actor.kind == ActorKind.MEDEWERKER and actor.has_perms(rule.perms)


def log_shown(
    actor: Actor | User,
    inwoner_ids: Iterable[int],
    *,
    resource: Resource,
    via: Via,
    doel: str | None = None,
    gemeenten: dict[int, int] | None = None,
) -> None:
    """Log the residents a list shows (already narrowed to the scope) in one INSERT.
    `gemeenten`: each resident's municipality as the list read it (saves the log a lookup)."""
    actor = Actor.of(actor)
    ids = _ids(inwoner_ids)
    if ids:
        decision = Decision(allowed=True, inwoner_ids=tuple(ids))
        _write(
            actor,
            decision,
            resource,
            Action.LEZEN,
            doel=doel or actor.default_doel(),
            via=via,
            gemeenten=gemeenten,
        )


def log_allowed(
    actor: Actor | User, resource: Resource, action: Action, *, via: Via, toelichting: str
) -> None:
    """Log an allowed decision on the role alone that `decide` does not log by itself (no
    resident concerned), for a write that matters to security, such as issuing a provider's
    login; `toelichting` says what was done."""
    actor = Actor.of(actor)
    rule = RULES[(resource, action)]
    decision = Decision(allowed=True, reason=toelichting)
    _write(actor, decision, resource, action, doel=rule.doel or actor.default_doel(), via=via)


def log_refusal(actor: Actor | User, *, via: Via, reason: str) -> None:
    """Log a refusal that no (resource, action) rule describes (an undeclared API action)."""
    actor = Actor.of(actor)
    decision = Decision(allowed=False, reason=reason)
    _write(actor, decision, None, None, doel=actor.default_doel(), via=via)


GEEN_GEMEENTE = "Uw account hoort niet bij een gemeente."


def gemeente_van(request: Any, *, reden: str = GEEN_GEMEENTE) -> Gemeente:
    """The municipality a staff login works for, for a page or API call that works per
    municipality; an account without one is refused (403) and the refusal logged."""
    medewerker = Actor.of(request.user).medewerker
    if medewerker is None:
        log_refusal(request.user, via=Via.request(request), reason=reden)
        raise PermissionDenied(reden)
    return medewerker.gemeente


# --- the log --------------------------------------------------------------------------------


@dataclass
class _Pending:
    rows: list[Inzage] = field(default_factory=list)
    # The transactions already open when the request began (a test's own): rows written at
    # that depth are not the request's to lose.
    diepte: int = 0


_pending: contextvars.ContextVar[_Pending | None] = contextvars.ContextVar(
    "eenplan_access_pending", default=None
)


def _write(
    actor: Actor,
    decision: Decision,
    resource: Resource | None,
    action: Action | None,
    *,
    doel: str,
    via: Via,
    grond: str = "",
    gemeenten: dict[int, int] | None = None,
) -> None:
    """Write the rows of one decision in one INSERT: one per resident concerned, else one
    for the login's municipality. `gemeenten`: the municipality of residents as the caller
    just read them (so the log model need not look them up again)."""
    user = actor.user if actor.user.is_authenticated else None
    if user is None:
        return  # an anonymous visitor is sent to the login page; nothing to attribute
    moment = timezone.now()
    base = {
        "user": user,
        "gebruikersnaam": user.get_username(),
        "doel": doel,
        "kanaal": via.kanaal,
        "pad": via.pad[:300],
        "toegestaan": decision.allowed,
        "onderwerp": resource.value if resource else "",
        "handeling": action.value if action else "",
        "reden": decision.reason[:300],
        "grond": grond,
        "moment": moment,
    }
    # A row about no single resident belongs to the municipality the login works for now (a
    # regional login has several: the one chosen in the session); a resident's row to theirs.
    bekend = gemeenten or {}
    rows = [
        Inzage(inwoner_id=pk, gemeente_id=bekend.get(pk), **base) for pk in decision.inwoner_ids
    ] or [Inzage(gemeente_id=actor.gemeente_id, **base)]
    created = Inzage.objects.bulk_create(rows)
    pending = _pending.get()
    if pending is not None and len(connection.atomic_blocks) > pending.diepte:
        # Only a row written inside a transaction the request opened can be rolled back;
        # one written in autocommit (a page that only reads) is already there for good.
        pending.rows.extend(created)


@contextlib.contextmanager
def collecting() -> Iterator[_Pending]:
    """Remember the rows written while the block runs, so `rescue` can write again what a
    rolled-back transaction took with it."""
    pending = _Pending(diepte=len(connection.atomic_blocks))
    token = _pending.set(pending)
    try:
        yield pending
    finally:
        _pending.reset(token)


def rescue(pending: _Pending) -> int:
    """Write again the decisions whose rows a rollback removed (a refusal raised inside a
    service's transaction, a request that ended in a server error). Returns how many."""
    rows = [r for r in pending.rows if r.pk is not None]
    if not rows:
        return 0
    # Per municipality (the rows carry it since they were written): the check stays within
    # one municipality's rows like every other read (issue 16); a row of no municipality (a
    # set-up login) is looked up by its key alone.
    present: set[int] = set()
    gemeenten = {r.gemeente_id for r in rows if r.gemeente_id is not None}
    if gemeenten:
        present |= set(
            Inzage.objects.filter(gemeente_id__in=gemeenten, pk__in=[r.pk for r in rows])
            .order_by()
            .values_list("pk", flat=True)
        )
    if zonder := [r.pk for r in rows if r.gemeente_id is None]:
        present |= set(Inzage.objects.filter(pk__in=zonder).order_by().values_list("pk", flat=True))
    lost = [r for r in rows if r.pk not in present]
    known = set(
        Inwoner.objects.filter(pk__in={r.inwoner_id for r in lost if r.inwoner_id}).values_list(
            "pk", flat=True
        )
    )
    for row in lost:
        if row.inwoner_id not in known:
            row.inwoner_id = None  # a resident registered in the same rolled-back transaction
        row.pk = None
        row._state.adding = True
    if lost:
        Inzage.objects.bulk_create(lost)
    pending.rows.clear()
    return len(lost)


class AccessLogMiddleware:
    """Keeps every access decision of a request in the log, whatever happens to the request's
    transactions: lost rows are written again after the response or the exception."""

    def __init__(self, get_response: Any) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        with collecting() as pending:
            try:
                response = self.get_response(request)
            finally:
                rescue(pending)
        return response

    def process_exception(self, request: HttpRequest, exception: Exception) -> None:
        pending = _pending.get()
        if pending is not None:
            rescue(pending)


# --- faces: a page decorator ----------------------------------------------------------------


def requires(resource: Resource, action: Action, *, per_record: bool = False) -> Any:
    """View decorator: the role may do this at all (no resident known yet); a refusal is a 403
    page with the Dutch reason and a row in the access log. Anonymous visitors go to the login
    page. The view still asks `require` with the resident once it knows which.

    `per_record=True`: the view decides everything itself with `require(..., inwoner=…)` for
    the record in its URL (role and scope in one decision, so a role refusal is logged *with*
    the resident); the decorator then only declares the rule and sends anonymous visitors to
    the login page."""
    from functools import wraps

    from django.contrib.auth.views import redirect_to_login

    def decorator(view: Any) -> Any:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not per_record:
                require(request.user, resource, action, via=Via.request(request))
            return view(request, *args, **kwargs)

        wrapped.access_rule = (resource, action)  # type: ignore[attr-defined]
        return wrapped

    return decorator


# --- residents and their representatives (inwonersportaal, issue 13) ------------------------
#
# A resident logs in with an Inwoneraccount (never a Medewerker): `Actor.kind` is INWONER. The
# staff rules above refuse such a login everything (ALLEEN_MEDEWERKERS); the portal asks
# `decide_inwoner` / `require_inwoner` instead, with the rules below. Whose case a login may
# see is decided by representation (`vertegenwoordigden`): the own case, a minor child of a
# parent with gezag in the same household, a resident for whom the login is the recorded
# wettelijk vertegenwoordiger, and residents who gave a dated, unrevoked machtiging. Every
# decision is logged like a staff read, with the ground it was taken on (`Inzage.grond`).
# docs/decisions/0021-inwoner-actor-en-inloggen.md.

G = Grond
VOLLEDIG: frozenset[str] = frozenset({G.ZELF, G.GEZAG, G.WETTELIJK, G.MACHTIGING})
MEEKIJKEN: frozenset[str] = VOLLEDIG | {G.MANTELZORGER}
R, A = Resource, Action
# (resource, action) -> the grounds on which a resident's login may do it.
INWONER_RULES: dict[tuple[Resource, Action], frozenset[str]] = {
    (R.DOSSIER, A.LEZEN): MEEKIJKEN,
    (R.MELDING, A.LEZEN): MEEKIJKEN,
    (R.MELDING, A.AANMAKEN): VOLLEDIG,
    (R.ONDERZOEK, A.LEZEN): MEEKIJKEN,
    # A remark on the verslag is the resident's own voice: not a mantelzorger's.
    (R.ONDERZOEK, A.WIJZIGEN): VOLLEDIG,
    (R.PLAN, A.LEZEN): MEEKIJKEN,
    # Own actions done, a note, a proposed goal: the mantelzorger works along.
    (R.PLAN, A.WIJZIGEN): MEEKIJKEN,
    # Signing the plan files the aanvraag: the resident, a parent with gezag or the wettelijk
    # vertegenwoordiger (plannen.services.plan_sign: a member of the household or its
    # wettelijk vertegenwoordiger signs), not a gemachtigde.
    (R.PLAN, A.BESLISSEN): frozenset({G.ZELF, G.GEZAG, G.WETTELIJK}),
    # Consent for network persons and organisations to join the plan: a legal act.
    (R.NETWERK, A.WIJZIGEN): VOLLEDIG,
    (R.AANVRAAG, A.LEZEN): MEEKIJKEN,
    # Filing an aanvraag without signing the plan (Wmo 2015 art. 2.3.2 lid 9; seed 000
    # L1973-1976) is a legal act like a bezwaar: the resident or a representative, not a
    # mantelzorger (portaal.services.aanvraag_indienen).
    (R.AANVRAAG, A.AANMAKEN): VOLLEDIG,
    (R.BESCHIKKING, A.LEZEN): MEEKIJKEN,
    (R.INZAGELOG, A.LEZEN): VOLLEDIG,
    # Who may act for me, and for whom I act: only the resident's own login sees and changes
    # it (a gemachtigde does not pass the machtiging on).
    (R.MACHTIGING, A.LEZEN): frozenset({G.ZELF}),
    (R.MACHTIGING, A.WIJZIGEN): frozenset({G.ZELF}),
    # The resident's rights under the AVG (inzage, rectificatie, ...): the resident or whoever
    # may act fully for them files a request and reads its answer; not a mantelzorger.
    (R.AVG_VERZOEK, A.LEZEN): VOLLEDIG,
    (R.AVG_VERZOEK, A.AANMAKEN): VOLLEDIG,
    # Bezwaar (Awb 6:4) and klacht (Awb 9:1) about the own case: the resident or a
    # representative (a gemachtigde too, Awb 2:1); a mantelzorger reads them, files none.
    (R.BEZWAAR, A.LEZEN): MEEKIJKEN,
    (R.BEZWAAR, A.AANMAKEN): VOLLEDIG,
    (R.KLACHT, A.LEZEN): MEEKIJKEN,
    (R.KLACHT, A.AANMAKEN): VOLLEDIG,
    # The sociale kaart of the resident's wijk: the public catalogue, filtered on the wijk.
    (R.VOORZIENING, A.LEZEN): MEEKIJKEN,
    # The client-experience survey (Wmo 2015 art. 2.5.1) when the resident was invited: the
    # resident or a representative answers (the answers are stored without the person).
    (R.ENQUETE, A.LEZEN): VOLLEDIG,
    (R.ENQUETE, A.AANMAKEN): VOLLEDIG,
}
del R, A, G

ALLEEN_INWONERS = (
    "Het inwonersportaal is voor inwoners en hun vertegenwoordigers. Medewerkers werken in "
    "het dossier."
)
NIET_VERTEGENWOORDIGD = (
    "U kunt deze zaak niet inzien: het is niet uw zaak en u vertegenwoordigt deze inwoner niet."
)
GROND_TE_SMAL = (
    "Dit kunt u niet doen voor deze inwoner: uw machtiging als mantelzorger is daarvoor niet "
    "genoeg."
)
MINDERJARIG = 18  # BW 1:233: minderjarig is wie de achttien jaren nog niet bereikt heeft
OUDERS = (Relatie.REFERENTIE, Relatie.PARTNER)


def _inwoner_van_account(user: Any) -> int | None:
    """The resident a login belongs to, or None for a staff login (one query, cached)."""
    try:
        account = user.inwoneraccount
    except (Inwoneraccount.DoesNotExist, AttributeError):
        return None
    return int(account.inwoner_id)


@dataclass(frozen=True)
class Vertegenwoordigde:
    """A resident whose case a login may see, and on what ground."""

    inwoner_id: int
    grond: str


def vertegenwoordigden(
    actor: Actor | User, *, vandaag: dt.date | None = None
) -> list[Vertegenwoordigde]:
    """Whose case this resident's login may see today: the own case first, then (once each,
    the widest ground winning) the minor children of a household where the login is a parent
    (referentiepersoon or partner; BW 1:245 gezag — the BRP gezagsrelatie is not in the data,
    see ADR 0021), residents whose recorded wettelijk vertegenwoordiger the login is (a
    Netwerkpersoon of that kind linked to the login's Inwoner), and residents who gave the
    login a machtiging that holds today (BW 7:400, revocable). Empty for other actors."""
    actor = Actor.of(actor)
    if actor.kind != ActorKind.INWONER or actor.inwoner_id is None:
        return []
    vandaag = vandaag or timezone.localdate()
    cache = _scope_cache(actor)
    key = f"vertegenwoordigden:{vandaag.isoformat()}"
    if key in cache:
        return cache[key]
    zelf = actor.inwoner_id
    gevonden: dict[int, str] = {zelf: Grond.ZELF}
    huidig = Q(lid_tot__isnull=True) | Q(lid_tot__gt=vandaag)
    ouder_van = HuishoudenLid.objects.filter(
        huidig, inwoner_id=zelf, relatie__in=OUDERS, lid_van__lte=vandaag
    ).values("huishouden_id")
    grens = _jaren_terug(vandaag, MINDERJARIG)
    kinderen = HuishoudenLid.objects.filter(
        huidig,
        huishouden_id__in=ouder_van,
        relatie=Relatie.KIND,
        lid_van__lte=vandaag,
        inwoner__geboortedatum__gt=grens,
    ).values_list("inwoner_id", flat=True)
    for pk in kinderen:
        gevonden.setdefault(pk, Grond.GEZAG)
    wettelijk = Netwerkpersoon.objects.filter(
        Q(sinds__isnull=True) | Q(sinds__lte=vandaag),
        Q(tot__isnull=True) | Q(tot__gte=vandaag),
        als_inwoner_id=zelf,
        soort=NetwerkSoort.VERTEGENWOORDIGER,
    ).values_list("inwoner_id", flat=True)
    for pk in wettelijk:
        gevonden.setdefault(pk, Grond.WETTELIJK)
    machtigingen = Machtiging.objects.filter(
        Q(tot__isnull=True) | Q(tot__gte=vandaag),
        Q(ingetrokken_op__isnull=True) | Q(ingetrokken_op__gt=vandaag),
        gemachtigde_id=zelf,
        van__lte=vandaag,
    ).values_list("inwoner_id", "soort")
    for pk, soort in sorted(machtigingen, key=lambda m: m[1] != "machtiging"):
        gevonden.setdefault(pk, Grond.MACHTIGING if soort == "machtiging" else Grond.MANTELZORGER)
    result = [Vertegenwoordigde(pk, grond) for pk, grond in gevonden.items()]
    cache[key] = result
    return result


def _jaren_terug(dag: dt.date, jaren: int) -> dt.date:
    try:
        return dag.replace(year=dag.year - jaren)
    except ValueError:  # 29 February
        return dag.replace(year=dag.year - jaren, day=28)


def grond_voor(actor: Actor | User, inwoner_id: int) -> str | None:
    """On what ground this resident's login acts for `inwoner_id`, or None."""
    for v in vertegenwoordigden(actor):
        if v.inwoner_id == inwoner_id:
            return v.grond
    return None


def decide_inwoner(
    actor: Actor | User,
    resource: Resource,
    action: Action,
    *,
    via: Via,
    inwoner: Inwoner | int,
    log: bool = True,
) -> Decision:
    """The portal's decision: may this resident's login do `action` on `resource` of the case
    of `inwoner` (the own one, or one it represents)? Logged, allowed or refused, with the
    ground. Staff logins are refused here (they work in the dossier, not in the portal)."""
    actor = Actor.of(actor)
    ids = _ids([inwoner])
    grond = ""
    if actor.kind == ActorKind.ANONIEM:
        reason = NIET_INGELOGD
    elif actor.kind != ActorKind.INWONER:
        reason = ALLEEN_INWONERS
    else:
        grond = grond_voor(actor, ids[0]) or ""
        toegestaan = INWONER_RULES.get((resource, action), frozenset())
        if not grond:
            reason = NIET_VERTEGENWOORDIGD
        elif grond not in toegestaan:
            reason = GROND_TE_SMAL if toegestaan else GEEN_ROL.format(
                wat=f"{resource.label.lower()}: {action.label.lower()}"
            )
        else:
            reason = ""
    decision = Decision(allowed=not reason, reason=reason, inwoner_ids=tuple(ids))
    if log:
        _write(actor, decision, resource, action, doel=Doel.EIGEN_ZAAK, via=via, grond=grond)
    return decision


def require_inwoner(
    actor: Actor | User,
    resource: Resource,
    action: Action,
    *,
    via: Via,
    inwoner: Inwoner | int,
    log_allowed: bool = True,
) -> Decision:
    """`decide_inwoner`, raising `Refused` (403, logged) when refused. `log_allowed=False`
    leaves an allowed decision out of the log (a refusal is always logged): only for the
    anonymous survey, where the row's moment would tell when this resident answered."""
    decision = decide_inwoner(actor, resource, action, via=via, inwoner=inwoner, log=log_allowed)
    if not decision.allowed:
        if not log_allowed:
            decision = decide_inwoner(actor, resource, action, via=via, inwoner=inwoner)
        raise Refused(decision)
    return decision


def require_actor(
    actor: Actor | User,
    resource: Resource,
    action: Action,
    *,
    via: Via,
    inwoner: Inwoner | int | None = None,
    huishouden: int | None = None,
    doel: str | None = None,
) -> Decision:
    """For services that staff and the portal both call: a staff login is decided by the staff
    rules (`require`), a resident's login by the resident rules (`require_inwoner`) — for a
    household, on the member it represents on the widest ground. The portal's views ask
    `require_inwoner` themselves too (with the case in the URL) before calling the service."""
    eigen = Actor.of(actor)
    if eigen.kind != ActorKind.INWONER:
        return require(
            eigen, resource, action, via=via, inwoner=inwoner, huishouden=huishouden, doel=doel
        )
    if huishouden is not None:
        leden = set(huidige_leden(huishouden).values_list("inwoner_id", flat=True))
        toegestaan = INWONER_RULES.get((resource, action), frozenset())
        kandidaten = [v for v in vertegenwoordigden(eigen) if v.inwoner_id in leden]
        beste = next((v for v in kandidaten if v.grond in toegestaan), None) or next(
            iter(kandidaten), None
        )
        inwoner = beste.inwoner_id if beste else next(iter(sorted(leden)), None)
    if inwoner is None:
        decision = Decision(allowed=False, reason=NIET_VERTEGENWOORDIGD)
        _write(eigen, decision, resource, action, doel=Doel.EIGEN_ZAAK, via=via)
        raise Refused(decision)
    return require_inwoner(eigen, resource, action, via=via, inwoner=inwoner)


def log_inwoner_shown(
    actor: Actor | User, inwoner_ids: Iterable[int], *, resource: Resource, via: Via
) -> None:
    """Log what a portal list shows (the cases the login represents), each with its ground."""
    actor = Actor.of(actor)
    gronden = {v.inwoner_id: v.grond for v in vertegenwoordigden(actor)}
    per_grond: dict[str, list[int]] = {}
    for pk in _ids(inwoner_ids):
        if pk in gronden:
            per_grond.setdefault(gronden[pk], []).append(pk)
    for grond, pks in per_grond.items():
        decision = Decision(allowed=True, inwoner_ids=tuple(pks))
        _write(actor, decision, resource, Action.LEZEN, doel=Doel.EIGEN_ZAAK, via=via, grond=grond)


# --- the care circle (zorgkring, issue 15) -----------------------------------------------------
#
# With the resident's consent, a network person who takes part in the plan sees the actions
# assigned to them and marks them done (seed 004 L770-774). Such a person logs in as a resident
# (their own Inwoneraccount) but represents no one: they reach only those actions. Which actions
# are theirs is known to eenplan.mantelzorg (above this layer), which registers it at start-up
# (`koppel_kring`), as the provider logins are registered.


@dataclass(frozen=True)
class KringKoppeling:
    """`acties(inwoner_id, vandaag)`: the ids of the actions assigned to the network persons
    that are this resident, in plans where the resident's consent for them holds today, each
    with the cared-for resident: a QuerySet of (actie_id, inwoner_id) rows."""

    acties: Callable[[int, dt.date], Any]


_kring: list[KringKoppeling] = []


def koppel_kring(koppeling: KringKoppeling) -> None:
    _kring[:] = [koppeling]


NIET_IN_KRING = (
    "Deze actie is niet aan u toegewezen, of de inwoner heeft de toestemming voor uw deelname "
    "aan het plan ingetrokken."
)


def kring_acties(actor: Actor | User, *, vandaag: dt.date | None = None) -> dict[int, int]:
    """The care-circle actions of this resident's login today: actie id -> cared-for resident.
    Empty for every other actor."""
    actor = Actor.of(actor)
    if actor.kind != ActorKind.INWONER or actor.inwoner_id is None or not _kring:
        return {}
    vandaag = vandaag or timezone.localdate()
    return dict(_kring[0].acties(actor.inwoner_id, vandaag))


def decide_kring(
    actor: Actor | User, action: Action, *, via: Via, actie: int, log: bool = True
) -> Decision:
    """May this resident's login read (LEZEN) or mark done (WIJZIGEN) this action of someone
    else's plan as a member of the care circle? Logged, allowed or refused, with the cared-for
    resident; the purpose is the plan's."""
    actor = Actor.of(actor)
    reason, ids = "", ()
    if actor.kind == ActorKind.ANONIEM:
        reason = NIET_INGELOGD
    elif actor.kind != ActorKind.INWONER:
        reason = ALLEEN_INWONERS
    elif action not in (Action.LEZEN, Action.WIJZIGEN):
        reason = GEEN_ROL.format(wat=f"{Resource.KRING.label.lower()}: {action.label.lower()}")
    else:
        acties = kring_acties(actor)
        if actie not in acties:
            reason = NIET_IN_KRING
        else:
            ids = (acties[actie],)
    decision = Decision(allowed=not reason, reason=reason, inwoner_ids=ids)
    if log:
        _write(actor, decision, Resource.KRING, action, doel=Doel.PLAN, via=via)
    return decision


def require_kring(actor: Actor | User, action: Action, *, via: Via, actie: int) -> Decision:
    """`decide_kring`, raising `Refused` (403, logged) when refused."""
    decision = decide_kring(actor, action, via=via, actie=actie)
    if not decision.allowed:
        raise Refused(decision)
    return decision


# Where a resident's login may go: the portal, logging out, and the public pages (the
# client-experience survey answers by an unguessable link, without a login).
# The public sociale kaart (page, open-data export, API) is for everyone.
PUBLIEKE_PADEN = ("/sociale-kaart/", "/api/v1/sociale-kaart/")
PORTAAL_PADEN = (
    "/mijn/",
    "/api/v1/portaal/",
    "/uitloggen/",
    "/static/",
    "/oidc/",
    "/vragenlijst/",
    *PUBLIEKE_PADEN,
)


# A provider's login uses the provider API; of the pages only its own account (API keys,
# second factor) and logging in and out.
AANBIEDER_PADEN = ("/api/", "/account/", "/uitloggen/", "/inloggen/", "/static/", *PUBLIEKE_PADEN)
ALLEEN_API_VOOR_AANBIEDERS = (
    "Als aanbieder gebruikt u de berichten-API (/api/v1/berichten/); de pagina's zijn voor "
    "medewerkers van de gemeente."
)


def staff_only(request: HttpRequest) -> HttpResponse | None:
    """Keep a resident's login out of everything that is not the portal, and a provider's
    login out of the staff pages: 403 with the Dutch reason, the refusal logged. None: go on."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    actor = Actor.of(user)
    if actor.kind == ActorKind.AANBIEDER:
        if not actor.aanbieder_actief:
            # A deactivated provider's login reaches nothing but logging out.
            if request.path.startswith(("/uitloggen/", "/static/")):
                return None
            decision = Decision(allowed=False, reason=AANBIEDER_NIET_ACTIEF)
        elif request.path.startswith(AANBIEDER_PADEN):
            return None
        else:
            decision = Decision(allowed=False, reason=ALLEEN_API_VOOR_AANBIEDERS)
        _write(actor, decision, None, None, doel=Doel.UITVOERING, via=Via.request(request))
        raise Refused(decision)
    if actor.kind != ActorKind.INWONER or request.path.startswith(PORTAAL_PADEN):
        return None
    if request.path == "/":
        from django.shortcuts import redirect

        return redirect("/mijn/")
    via = Via.request(request)
    decision = Decision(allowed=False, reason=ALLEEN_MEDEWERKERS)
    _write(actor, decision, None, None, doel=Doel.EIGEN_ZAAK, via=via)
    raise Refused(decision)


class SeparateAccountsMiddleware:
    """Staff and residents are separate kinds of accounts: a resident's login reaches only
    the portal (/mijn/, /api/v1/portaal/); every other address is refused and logged here,
    before any view runs (and the staff rules refuse it again: ALLEEN_MEDEWERKERS)."""

    def __init__(self, get_response: Any) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, *args: Any) -> HttpResponse | None:
        if request.path.startswith("/api/"):
            # DRF authenticates inside the view (API keys): its permission class refuses.
            return None
        return staff_only(request)


def requires_inwoner(resource: Resource, action: Action) -> Any:
    """Portal view decorator: declares the resident rule of the page (the matrix registry
    reads `access_rule` and `access_actor`) and lets only a resident's login in: anonymous
    visitors go to the portal's login page, staff get a 403 (logged). The view asks
    `require_inwoner` with the case in its URL."""
    from functools import wraps

    from django.contrib.auth.views import redirect_to_login

    def decorator(view: Any) -> Any:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path(), login_url="/mijn/inloggen/")
            actor = Actor.of(request.user)
            if actor.kind != ActorKind.INWONER:
                decision = Decision(allowed=False, reason=ALLEEN_INWONERS)
                _write(actor, decision, resource, action, doel=actor.default_doel(),
                       via=Via.request(request))
                raise Refused(decision)
            return view(request, *args, **kwargs)

        wrapped.access_rule = (resource, action)  # type: ignore[attr-defined]
        wrapped.access_actor = ActorKind.INWONER  # type: ignore[attr-defined]
        return wrapped

    return decorator


# --- purpose-bound sharing and youth delivery (issue 17) ------------------------------------
#
# Two decisions that no role and no wijk make, but a relation to one record: the recipient
# named on an exchange (`decide_gedeeld`: only the chosen categories, only while approved and
# within its period), and the gezinscoach who delivers to a household (`decide_uitvoering`:
# the delivery scope, apart from the toegang's need-to-know). The caller loads the record's
# facts; this module decides and logs, allowed or refused, like every other decision. Pages
# and API routes guarded this way declare their relation (`access_actor`), so the declared
# matrix lists them under `RELATIE_RULES` and no role allows them by itself.
# The ADR "Gegevensdeling met doelbinding" in docs/decisions.

ONTVANGER = "ontvanger"
UITVOERDER = "uitvoerder"
STARTER = "starter"
RELATIE_RULES: dict[tuple[Resource, Action], str] = {
    (Resource.GEDEELD, Action.LEZEN): ONTVANGER,
    (Resource.UITVOERING, Action.LEZEN): UITVOERDER,
    (Resource.UITVOERING, Action.AANMAKEN): UITVOERDER,
    (Resource.TAAK, Action.LEZEN): STARTER,
}
RELATIE_LABELS = {
    ONTVANGER: "De ontvanger die op een goedgekeurde uitwisseling staat, binnen de periode, "
    "alleen de gekozen soorten gegevens",
    UITVOERDER: "De gezinscoach aan wie de uitvoering voor het huishouden is toegewezen",
    STARTER: "Wie de taak startte, zolang diens rol deze soort taak nog mag starten; een taak "
    "van het systeem: wie in die gemeente deze soort taak mag starten",
}

NIET_DE_ONTVANGER = (
    "U bent niet de ontvanger van deze uitwisseling: wat zij deelt is alleen voor de ontvanger."
)
NIET_DE_UITVOERDER = (
    "U voert voor dit huishouden geen hulp uit: de uitvoering is niet aan u toegewezen."
)
GEDEELD_REDENEN = {
    "veto": "Deze uitwisseling is geweigerd op grond van beroepsgeheim of ethiek: er wordt "
    "niets gedeeld. Alleen een nieuwe aanvraag kan dat veranderen.",
    "beeindigd": "Deze uitwisseling is beëindigd: er wordt niets meer gedeeld.",
    "niet_goedgekeurd": "Deze uitwisseling is nog niet goedgekeurd: er wordt nog niets gedeeld.",
    "nog_niet": "De periode van deze uitwisseling is nog niet begonnen.",
    "verlopen": "De periode van deze uitwisseling is voorbij: er wordt niets meer gedeeld.",
    "niet_gedeeld": "Deze soort gegevens is met deze uitwisseling niet gedeeld.",
}


@dataclass(frozen=True)
class Deling:
    """The facts of one exchange that decide what its recipient may read."""

    uitwisseling_id: int
    status: str
    van: dt.date
    tot: dt.date
    ontvanger_medewerker_id: int | None
    categorieen: tuple[str, ...]
    inwoner_ids: tuple[int, ...]


def _relatie_basis(actor: Actor, resource: Resource, action: Action) -> str:
    """The refusal before any relation is looked at: the kind of login and the role."""
    if actor.kind == ActorKind.ANONIEM:
        return NIET_INGELOGD
    if actor.kind == ActorKind.INWONER:
        return ALLEEN_MEDEWERKERS
    if actor.kind == ActorKind.AANBIEDER:
        return AANBIEDER_GEEN_TOEGANG.format(
            wat=f"{resource.label.lower()}: {action.label.lower()}"
        )
    if actor.kind != ActorKind.MEDEWERKER or actor.medewerker is None:
        return ONBEKENDE_ACTOR
    if not actor.has_perms(RULES[(resource, action)].perms):
        return GEEN_ROL.format(wat=f"{resource.label.lower()}: {action.label.lower()}")
    return ""


def decide_gedeeld(
    actor: Actor | User,
    deling: Deling,
    *,
    via: Via,
    categorie: str | None = None,
    vandaag: dt.date | None = None,
    log: bool = True,
) -> Decision:
    """May this login read what exchange `deling` shares (one `categorie`, or the exchange's
    categories as a whole)? Only its named recipient, only while it is approved and within
    its period, only the chosen categories (AVG art. 5 lid 1 b, c, e; Peelregio §3.7.5); a
    refused exchange shares nothing (`rules.uitwisseling.inzage_geweigerd`). Logged, allowed
    or refused, with the household's current members; an allowed row names the exchange."""
    from eenplan.rules.uitwisseling import inzage_geweigerd

    actor = Actor.of(actor)
    resource, action = Resource.GEDEELD, Action.LEZEN
    reason = _relatie_basis(actor, resource, action)
    if not reason:
        assert actor.medewerker is not None
        if actor.medewerker.pk != deling.ontvanger_medewerker_id:
            reason = NIET_DE_ONTVANGER
        else:
            code = inzage_geweigerd(
                status=deling.status,
                van=deling.van,
                tot=deling.tot,
                vandaag=vandaag or timezone.localdate(),
                categorie=categorie,
                gekozen=deling.categorieen,
            )
            reason = GEDEELD_REDENEN[code] if code else ""
    decision = Decision(allowed=not reason, reason=reason, inwoner_ids=deling.inwoner_ids)
    if log:
        wat = categorie or ", ".join(deling.categorieen)
        logged = decision if reason else Decision(
            allowed=True,
            reason=f"Gedeeld via uitwisseling {deling.uitwisseling_id}: {wat}",
            inwoner_ids=deling.inwoner_ids,
        )
        _write(actor, logged, resource, action, doel=Doel.UITVOERING, via=via)
    return decision


def decide_uitvoering(
    actor: Actor | User,
    action: Action,
    *,
    huishouden: int,
    uitvoerders: Iterable[int],
    via: Via,
    log: bool = True,
) -> Decision:
    """May this login read (LEZEN) or write (AANMAKEN) the delivery notes of `huishouden`?
    Only a gezinscoach role to whom the delivery is assigned today (`uitvoerders`: their
    medewerker ids, loaded by the caller) — the delivery scope, apart from the toegang's
    need-to-know, so no wijkteam reads delivery notes and no gezinscoach reads the toegang's
    data except through an exchange (seed 000 L747–750). Logged with the current members."""
    actor = Actor.of(actor)
    resource = Resource.UITVOERING
    reason = _relatie_basis(actor, resource, action)
    if not reason:
        assert actor.medewerker is not None
        if actor.medewerker.pk not in set(uitvoerders):
            reason = NIET_DE_UITVOERDER
    ids = tuple(huidige_leden(huishouden).values_list("inwoner_id", flat=True))
    decision = Decision(allowed=not reason, reason=reason, inwoner_ids=ids)
    if log:
        _write(actor, decision, resource, action, doel=Doel.UITVOERING, via=via)
    return decision


def requires_relatie(resource: Resource, action: Action, relatie: str) -> Any:
    """Page decorator for a page that a relation to its record opens (`RELATIE_RULES`): the
    role must allow `(resource, action)` (refused and logged otherwise, anonymous visitors to
    the login page); the view then asks `decide_gedeeld` / `decide_uitvoering` with the
    record. Declares the rule and the relation for the matrix registry."""
    inner = requires(resource, action)

    def decorator(view: Any) -> Any:
        wrapped = inner(view)
        wrapped.access_actor = relatie
        return wrapped

    return decorator


# --- tasks: long work in the background (eenplan.taken, issue 16, ADR 0048) -----------------
#
# A task is seen by whoever started it, in the municipality it runs for, and only while their
# role may still start that kind of task (an export's file holds personal data: a role taken
# away takes the file away too). A task the system started (the folder connection's message
# batches) is seen by the staff of its municipality whose role may start that kind. Nobody
# else: not a colleague, not the functioneel beheerder, not the privacy officer (who reads the
# access log instead). The caller loads the task's facts; this module decides and logs.

NIET_UW_TAAK = "Deze taak is door iemand anders gestart: alleen wie hem startte, ziet hem."
TAAK_RECHT_KWIJT = "Uw rol mag deze soort taak (niet meer) starten, en dus ook niet inzien."
SYSTEEMTAAK_ZONDER_RECHT = (
    "Deze taak is door het systeem gestart; alleen wie deze soort taak mag starten, ziet hem."
)
TAAK_ALLEEN_SYSTEEM = "Deze soort taak start alleen het systeem zelf."


@dataclass(frozen=True)
class TaakFeiten:
    """The facts of one task that decide who sees it."""

    taak_id: int
    gemeente_id: int
    gestart_door_id: int | None
    recht: Any  # the kind's `recht` (taken.registry), None: only the system starts it


def heeft_recht(actor: Actor | User, recht: Any) -> bool:
    """Whether the login's role may start a kind of task with this `recht`: a permission
    codename, a list of them (all), a `(Resource, Action)` rule (its role part, `allows`), or a
    callable given the user. None: nobody (only the system). Not logged."""
    actor = Actor.of(actor)
    if recht is None or actor.kind != ActorKind.MEDEWERKER:
        return False
    if isinstance(recht, tuple) and len(recht) == 2 and isinstance(recht[0], Resource):
        return allows(actor, recht[0], Action(recht[1]))
    if isinstance(recht, str):
        return actor.has_perms([recht])
    if isinstance(recht, list | tuple | set | frozenset):
        return actor.has_perms(list(recht))
    if callable(recht):
        return bool(recht(actor.user))
    return False


def decide_taak(
    actor: Actor | User,
    feiten: TaakFeiten,
    *,
    via: Via,
    toelichting: str = "",
    log: bool = True,
) -> Decision:
    """May this login see task `feiten` (its progress, outcome and file)? Refusals are logged;
    an allowed decision is logged when `toelichting` says what was done (downloading the
    result file, which may hold personal data)."""
    actor = Actor.of(actor)
    resource, action = Resource.TAAK, Action.LEZEN
    reason = _relatie_basis(actor, resource, action)
    if not reason:
        if actor.gemeente_id != feiten.gemeente_id:
            reason = ANDERE_GEMEENTE
        elif feiten.gestart_door_id is None:
            if not heeft_recht(actor, feiten.recht):
                reason = SYSTEEMTAAK_ZONDER_RECHT
        elif feiten.gestart_door_id != actor.user.pk:
            reason = NIET_UW_TAAK
        elif feiten.recht is not None and not heeft_recht(actor, feiten.recht):
            reason = TAAK_RECHT_KWIJT
    decision = Decision(allowed=not reason, reason=reason)
    if log and (reason or toelichting):
        logged = decision if reason else Decision(allowed=True, reason=toelichting)
        _write(actor, logged, resource, action, doel=actor.default_doel(), via=via)
    return decision


def require_taak(
    actor: Actor | User, feiten: TaakFeiten, *, via: Via, toelichting: str = ""
) -> Decision:
    """`decide_taak`, raising `Refused` (403, logged) when refused."""
    decision = decide_taak(actor, feiten, via=via, toelichting=toelichting)
    if not decision.allowed:
        raise Refused(decision)
    return decision


def require_taak_start(actor: Actor | User, recht: Any, *, gemeente_id: int, via: Via) -> None:
    """May this login start a kind of task with this `recht` for municipality `gemeente_id`?
    Refused (logged, `Refused`) when its role may not, or it works for another municipality."""
    actor = Actor.of(actor)
    reason = _relatie_basis(actor, Resource.TAAK, Action.LEZEN)
    if not reason:
        if recht is None:
            reason = TAAK_ALLEEN_SYSTEEM
        elif actor.gemeente_id != gemeente_id:
            reason = ANDERE_GEMEENTE
        elif not heeft_recht(actor, recht):
            reason = GEEN_ROL.format(wat="deze taak starten")
    if reason:
        refuse(actor, Resource.TAAK, Action.AANMAKEN, via=via, reason=reason)
