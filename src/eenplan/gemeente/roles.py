"""Which role may do what: the permissions of each group, as data.

Need-to-know (which *residents* someone may see) is not a permission but a scope; see
`eenplan.privacy.selectors.inwoners_in_scope` and docs/decisions/0003-need-to-know.md.
"""

from __future__ import annotations

from eenplan.gemeente.constants import Rol

# Permission codenames as "app_label.codename".
ZOEKEN = "inwoners.search_inwoner"
DOSSIER = "inwoners.view_dossier"
INWONER_WIJZIGEN = "inwoners.change_inwoner"
INWONER_TOEVOEGEN = "inwoners.add_inwoner"
HUISHOUDEN_WIJZIGEN = "inwoners.change_huishouden"
HUISHOUDEN_TOEVOEGEN = "inwoners.add_huishouden"
NETWERK_WIJZIGEN = "inwoners.change_netwerkpersoon"
NETWERK_TOEVOEGEN = "inwoners.add_netwerkpersoon"
INZAGELOG = "privacy.view_inzage"
MELDING_BEKIJKEN = "meldingen.view_melding"
MELDING_REGISTREREN = "meldingen.add_melding"
MELDING_SCREENEN = "meldingen.screen_melding"
MELDING_TOEWIJZEN = "meldingen.assign_melding"
MELDING_OPSCHORTEN = "meldingen.suspend_melding"
ONDERZOEK_BEKIJKEN = "onderzoeken.view_onderzoek"
ONDERZOEK_UITVOEREN = "onderzoeken.change_onderzoek"
PLAN_BEKIJKEN = "plannen.view_plan"
PLAN_WIJZIGEN = "plannen.change_plan"
AANVRAAG_BEKIJKEN = "beschikkingen.view_aanvraag"
SOCIALE_KAART = "voorzieningen.view_voorziening"
CATALOGUS_BEHEREN = ["voorzieningen.add_voorziening", "voorzieningen.change_voorziening",
                     "voorzieningen.add_tarief", "voorzieningen.view_tarief"]
# Providers and their contracts (eenplan.aanbieders): read by the back office (who decides
# which provider delivers), kept by the contract manager and functioneel beheer.
AANBIEDERS_BEKIJKEN = ["aanbieders.view_aanbieder", "aanbieders.view_contract"]
AANBIEDERS_BEHEREN = ["aanbieders.add_aanbieder", "aanbieders.change_aanbieder",
                      "aanbieders.add_contract", "aanbieders.change_contract"]
ACCOUNTS_BEKIJKEN = "gemeente.view_medewerker"
ACCOUNT_AANMAKEN = "gemeente.add_medewerker"
ACCOUNT_WIJZIGEN = "gemeente.change_medewerker"
VERZOEKEN_BEHANDELEN = ["gemeente.view_rolwijzigingverzoek", "gemeente.change_rolwijzigingverzoek"]
INRICHTING_BEKIJKEN = ["gemeente.view_team", "gemeente.view_wijk"]
INSTELLINGEN_BEHEREN = [
    "gemeente.view_gelijkgesteldefeestdag",
    "gemeente.add_gelijkgesteldefeestdag",
    "gemeente.delete_gelijkgesteldefeestdag",
    "voorzieningen.view_abonnementstariefgegeven",
    "voorzieningen.add_abonnementstariefgegeven",
    "gemeente.view_instelling",
    "gemeente.add_instelling",
]
BESCHIKKING_BEKIJKEN = "beschikkingen.view_beschikking"
BESCHIKKING_NEMEN = "beschikkingen.add_beschikking"
RECHTMATIGHEID_TOETSEN = "beschikkingen.change_beschikking"
# The iWmo/iJw message log (eenplan.berichten): read, and act on (answer a 315/317).
BERICHTEN_BEKIJKEN = "berichten.view_bericht"
BERICHTEN_BEHANDELEN = "berichten.change_bericht"
BEZWAAR = ["bezwaren.view_bezwaar", "bezwaren.add_bezwaar",
           "bezwaren.change_bezwaar"]
KLACHT = ["bezwaren.view_klacht", "bezwaren.add_klacht", "bezwaren.change_klacht"]
# Steering figures (eenplan.sturing): aggregates with small cells suppressed, never a dossier.
STURING = "sturing.view_stuurinformatie"
# Taking (or recomputing) the monthly snapshots of the indicators: a task (eenplan.taken).
MOMENTOPNAMEN_MAKEN = "sturing.add_momentopname"
# Policy: plans, goals, dashboard, council report; the survey (aggregates only).
BELEID_BEKIJKEN = "beleid.view_beleidsplan"
BELEID_WIJZIGEN = "beleid.change_beleidsplan"
ENQUETE_BEKIJKEN = "beleid.view_uitvraging"
ENQUETE_UITZETTEN = "beleid.add_uitvraging"
_BELEID_LEZEN = [BELEID_BEKIJKEN, ENQUETE_BEKIJKEN]
# Purpose-bound sharing (eenplan.uitwisseling, issue 17): ask for an exchange of a household's
# data with someone outside the team, decide on it, refuse it on grounds of professional
# secrecy (the veto nobody overrules), read what was shared with oneself, and the delivery
# notes of youth delivery (uitvoering) apart from the access data of the toegang.
UITWISSELING_BEKIJKEN = "uitwisseling.view_uitwisseling"
UITWISSELING_AANVRAGEN = "uitwisseling.add_uitwisseling"
UITWISSELING_BESLISSEN = "uitwisseling.beslissen_uitwisseling"
UITWISSELING_WEIGEREN = "uitwisseling.weigeren_uitwisseling"
GEDEELD_LEZEN = "uitwisseling.lezen_gedeeld"
UITWISSELING_CIJFERS = "uitwisseling.view_cijfers"
UITVOERING_BEKIJKEN = "uitwisseling.view_uitvoeringsnotitie"
UITVOERING_SCHRIJVEN = "uitwisseling.add_uitvoeringsnotitie"
UITVOERDER_TOEWIJZEN = "uitwisseling.add_uitvoering"
_UITWISSELEN = [UITWISSELING_BEKIJKEN, UITWISSELING_AANVRAGEN, UITWISSELING_BESLISSEN,
                UITWISSELING_WEIGEREN, GEDEELD_LEZEN, UITVOERDER_TOEWIJZEN]
# A resident's rights under the AVG and the retention of records (eenplan.avg).
AVG_BEKIJKEN = "avg.view_avgverzoek"
AVG_REGISTREREN = "avg.add_avgverzoek"
AVG_BEHANDELEN = "avg.change_avgverzoek"
BEWAREN_BEKIJKEN = "avg.view_vernietigingslijst"
BEWAREN_VOORSTELLEN = "avg.add_vernietigingslijst"
BEWAREN_GOEDKEUREN = "avg.change_vernietigingslijst"
_AVG = [AVG_BEKIJKEN, AVG_REGISTREREN, AVG_BEHANDELEN, BEWAREN_BEKIJKEN, BEWAREN_VOORSTELLEN,
        BEWAREN_GOEDKEUREN]
# Work and income (eenplan.participatie, issue 14).
PARTICIPATIE_BEKIJKEN = "participatie.view_levensonderhoudaanvraag"
PARTICIPATIE_VASTLEGGEN = "participatie.change_levensonderhoudaanvraag"
# Debt help (eenplan.schuldhulp, issue 14): read, record (signals, contact attempts, triage,
# the route) and decide on the toelating (Wgs art. 4a). Debt data is sensitive: only the
# household's own team (the generalist's local intake, Peelregio) and the Werkplein, which does
# the debt triage and decides (BRIEF §2), hold it — each within need-to-know.
SCHULDHULP_BEKIJKEN = "schuldhulp.view_schuldvraag"
SCHULDHULP_VASTLEGGEN = "schuldhulp.change_schuldvraag"
SCHULDHULP_BESLISSEN = "schuldhulp.beslissen_schuldvraag"
# Mantelzorg (eenplan.mantelzorg): carers of a resident, in the need-to-know of that resident.
MANTELZORG_BEKIJKEN = "mantelzorg.view_mantelzorger"
MANTELZORG_TOEVOEGEN = "mantelzorg.add_mantelzorger"
MANTELZORG_WIJZIGEN = "mantelzorg.change_mantelzorger"
_MANTELZORGWERK = [MANTELZORG_BEKIJKEN, MANTELZORG_TOEVOEGEN, MANTELZORG_WIJZIGEN]
# Volunteers and the requests for help (klussen) they are matched to.
VRIJWILLIGER_BEKIJKEN = "mantelzorg.view_vrijwilliger"
VRIJWILLIGER_BEHEREN = "mantelzorg.change_vrijwilliger"
KLUS_BEKIJKEN = "mantelzorg.view_klus"
KLUS_BEHEREN = "mantelzorg.change_klus"
_VRIJWILLIGERSWERK = [VRIJWILLIGER_BEKIJKEN, VRIJWILLIGER_BEHEREN, KLUS_BEKIJKEN, KLUS_BEHEREN]

# Representation recorded on behalf of a resident (inwonersportaal, issue 13): a wettelijk
# vertegenwoordiger (mentor, curator) or a machtiging the resident gave on paper.
MACHTIGINGEN = ["privacy.view_machtiging", "privacy.add_machtiging", "privacy.change_machtiging"]

_DOSSIERWERK = [
    ZOEKEN,
    DOSSIER,
    INWONER_WIJZIGEN,
    INWONER_TOEVOEGEN,
    HUISHOUDEN_WIJZIGEN,
    HUISHOUDEN_TOEVOEGEN,
    NETWERK_WIJZIGEN,
    NETWERK_TOEVOEGEN,
]

_MELDINGWERK = [MELDING_BEKIJKEN, MELDING_REGISTREREN, MELDING_OPSCHORTEN]
# The generalist holds the onderzoek and writes the plan (BRIEF §2).
_PLANWERK = [ONDERZOEK_BEKIJKEN, ONDERZOEK_UITVOEREN, PLAN_BEKIJKEN, PLAN_WIJZIGEN,
             AANVRAAG_BEKIJKEN, SOCIALE_KAART, BESCHIKKING_BEKIJKEN,
             # Hardenberg: the generalist may decide; the back office checks afterwards.
             BESCHIKKING_NEMEN]

# The laws a role decides aanvragen under, where it is not every law: the Werkplein decides the
# aanvraag levensonderhoud (Participatiewet) and the toelating to debt help (Wgs art. 4a), but
# never a Wmo or Jeugdwet aanvraag (that is the generalist's and the backoffice's work); the
# toelating to debt help is the Werkplein's alone (ADR 0040, 0041), so the roles that decide
# the other laws do not decide it. Values are `common.constants.Wet` values.
_ZORG_EN_INKOMEN = frozenset({"wmo", "jeugd", "participatie"})
BESLIST_OVER_WETTEN: dict[str, frozenset[str]] = {
    Rol.WERKPLEIN: frozenset({"participatie", "schuldhulp"}),
    Rol.GENERALIST: _ZORG_EN_INKOMEN,
    Rol.JEUGDPROFESSIONAL: _ZORG_EN_INKOMEN,
    Rol.BACKOFFICE: _ZORG_EN_INKOMEN,
}
# The laws whose decisions (beschikkingen, their letters, provisions and iWmo messages) a role
# reads, where it is not every law: the Werkplein reads Participatiewet decisions only (need to
# know, AVG art. 5 lid 1 c). Anything more about the household reaches the Werkplein only through
# what an uitwisseling shares with it (`access.decide_gedeeld`) or, as a participant, through the
# goals and actions of the household plan (`Resource.PLAN`) — never through the beschikking
# pages. The Werkplein also reads the toelating to debt help it decides (Wgs art. 4a). The youth
# professional reads no debt data (ADR 0040), so no Wgs decision either. Values are
# `common.constants.Wet` values.
LEEST_OVER_WETTEN: dict[str, frozenset[str]] = {
    Rol.WERKPLEIN: frozenset({"participatie", "schuldhulp"}),
    Rol.JEUGDPROFESSIONAL: _ZORG_EN_INKOMEN,
}

ROLE_PERMISSIONS: dict[str, list[str]] = {
    # Answers simple questions and registers a melding; sees no dossiers.
    Rol.VRIJWILLIGER: [MELDING_REGISTREREN, SOCIALE_KAART],
    # Screens every melding, forwards it, links it and assigns it (BRIEF §2).
    Rol.MIDOFFICE: [*_DOSSIERWERK, *_MELDINGWERK, MELDING_SCREENEN, MELDING_TOEWIJZEN,
                    SOCIALE_KAART, *KLACHT, UITWISSELING_BEKIJKEN, UITWISSELING_WEIGEREN,
                    GEDEELD_LEZEN, *_MANTELZORGWERK, *_VRIJWILLIGERSWERK, *MACHTIGINGEN],
    Rol.GENERALIST: [*_DOSSIERWERK, *_MELDINGWERK, *_PLANWERK, *_UITWISSELEN,
                     PARTICIPATIE_BEKIJKEN, *_MANTELZORGWERK, *_VRIJWILLIGERSWERK,
                     SCHULDHULP_BEKIJKEN, SCHULDHULP_VASTLEGGEN],
    Rol.JEUGDPROFESSIONAL: [*_DOSSIERWERK, *_MELDINGWERK, *_PLANWERK, *_UITWISSELEN,
                            *_MANTELZORGWERK],
    Rol.BACKOFFICE: [*_DOSSIERWERK, MELDING_BEKIJKEN, ONDERZOEK_BEKIJKEN, PLAN_BEKIJKEN,
                     AANVRAAG_BEKIJKEN, SOCIALE_KAART, BESCHIKKING_BEKIJKEN, BESCHIKKING_NEMEN,
                     RECHTMATIGHEID_TOETSEN, *BEZWAAR, *KLACHT, BERICHTEN_BEKIJKEN,
                     BERICHTEN_BEHANDELEN, *AANBIEDERS_BEKIJKEN, UITWISSELING_BEKIJKEN,
                     UITWISSELING_WEIGEREN, GEDEELD_LEZEN, PARTICIPATIE_BEKIJKEN,
                     *MACHTIGINGEN],
    # Work and income: records and decides the aanvraag levensonderhoud (a beschikking) and the
    # route by earning capacity; takes part in the household plan (issue 14). Offers volunteer
    # work to tegenprestatie candidates (mantelzorg, issue 15).
    Rol.WERKPLEIN: [*_DOSSIERWERK, *_MELDINGWERK, SOCIALE_KAART, *_UITWISSELEN,
                    PARTICIPATIE_BEKIJKEN, PARTICIPATIE_VASTLEGGEN, PLAN_BEKIJKEN,
                    AANVRAAG_BEKIJKEN, BESCHIKKING_BEKIJKEN, BESCHIKKING_NEMEN,
                    VRIJWILLIGER_BEKIJKEN, VRIJWILLIGER_BEHEREN, SCHULDHULP_BEKIJKEN,
                    SCHULDHULP_VASTLEGGEN, SCHULDHULP_BESLISSEN],
    # Providers, contracts, budgets: aggregates only, no personal dossiers.
    Rol.CONTRACTMANAGER: [SOCIALE_KAART, *CATALOGUS_BEHEREN, STURING, BERICHTEN_BEKIJKEN,
                          BERICHTEN_BEHANDELEN, *_BELEID_LEZEN, *AANBIEDERS_BEKIJKEN,
                          *AANBIEDERS_BEHEREN],
    # Also takes (or recomputes) the monthly snapshots of the indicators (a task).
    Rol.BELEID: [STURING, *_BELEID_LEZEN, BELEID_WIJZIGEN, ENQUETE_UITZETTEN,
                 UITWISSELING_CIJFERS, MOMENTOPNAMEN_MAKEN],
    # The council: the indicators, their trends and exports, the policy plans with their
    # verdicts, the council report and the survey's results; nothing else (read-only).
    Rol.RAADSLID: [STURING, *_BELEID_LEZEN, UITWISSELING_CIJFERS],
    # Audits who saw what and why; does not read dossiers themselves. Also the figures of the
    # exchanges (per purpose, refused, vetoed): aggregates only.
    # Handles the residents' AVG requests (inzage, rectificatie, beperking, bezwaar) and the
    # destruction of records whose retention period has run (a second privacy officer
    # approves a destruction list: four eyes).
    Rol.PRIVACY: [INZAGELOG, UITWISSELING_CIJFERS, *_AVG],
    # Youth delivery: own delivery notes of the households assigned to them, and what an
    # uitwisseling shared with them. No dossier rights of the toegang (seed 000 §4.11).
    Rol.GEZINSCOACH: [UITVOERING_BEKIJKEN, UITVOERING_SCHRIJVEN, GEDEELD_LEZEN],
    # Manages the municipality's set-up (wijken, teams, staff, the catalogue and the sociale
    # kaart, municipal settings) in /functioneel-beheer/; no dossiers. Only in their own
    # municipality, never their own record; a new municipality is an installation step
    # (superuser). Role and team changes are logged and can be approved.
    Rol.FUNCTIONEEL_BEHEER: [
        "gemeente.view_gemeente",
        "gemeente.change_gemeente",
        *(
            f"gemeente.{action}_{model}"
            for model in ("wijk", "team", "medewerker")
            for action in ("view", "add", "change")
        ),
        "gemeente.view_rolwijziging",
        *VERZOEKEN_BEHANDELEN,
        *INSTELLINGEN_BEHEREN,
        SOCIALE_KAART,
        *CATALOGUS_BEHEREN,
        *AANBIEDERS_BEKIJKEN,
        *AANBIEDERS_BEHEREN,
    ],
}
