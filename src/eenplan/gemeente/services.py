"""Writes of the gemeente app."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission, User
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from eenplan.common import termijnherberekening
from eenplan.common.concurrency import Conflict
from eenplan.gemeente.constants import (
    BEZORGENDE_KANALEN,
    Onderdeel,
    Rol,
    TeamSoort,
    Verzendkanaal,
    VerzoekStatus,
)
from eenplan.gemeente.models import (
    GelijkgesteldeFeestdag,
    Gemeente,
    Instelling,
    Medewerker,
    RolWijziging,
    RolWijzigingVerzoek,
    Team,
    Wijk,
)
from eenplan.gemeente.roles import ROLE_PERMISSIONS
from eenplan.gemeente.selectors import (
    Toewijzing,
    gelijkgestelde_dagen,
    instelling_laatste_versie,
    medewerker_for_user,
    medewerker_toewijzing,
)
from eenplan.rules import instellingen as instellingen_rules
from eenplan.rules import termijnen as termijnen_rules


@transaction.atomic
def roles_sync() -> None:
    """Make one group per role with exactly the permissions of `ROLE_PERMISSIONS`.

    Permissions that do not exist yet (their app is not migrated) are skipped; the
    post_migrate run of that app adds them.
    """
    available = {
        f"{app_label}.{codename}": pk
        for pk, app_label, codename in Permission.objects.values_list(
            "pk", "content_type__app_label", "codename"
        )
    }
    for rol, codes in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=str(rol))
        group.permissions.set([available[code] for code in codes if code in available])


@transaction.atomic
def gemeente_create(*, cbs_code: str, naam: str, **contact: str) -> Gemeente:
    """A municipality; `contact` holds the letterhead fields (bezoekadres, postadres,
    telefoon, email, website, bezwaar_url)."""
    gemeente = Gemeente(cbs_code=cbs_code, naam=naam, **contact)
    gemeente.full_clean()
    gemeente.save()
    return gemeente


@transaction.atomic
def wijk_create(*, gemeente: Gemeente, code: str, naam: str, door: User | None = None) -> Wijk:
    """A wijk of the municipality; `door` (a functioneel beheerder) only in their own."""
    _check_beheer(door, gemeente_id=gemeente.pk)
    wijk = Wijk(gemeente=gemeente, code=code.strip(), naam=naam.strip())
    wijk.full_clean()
    wijk.save()
    return wijk


@transaction.atomic
def wijk_change(*, door: User | None, wijk: Wijk, code: str, naam: str) -> Wijk:
    """Rename a wijk or correct its CBS code. Which teams serve it (and so who sees its
    residents) changes only through `team_change`, logged."""
    wijk = Wijk.objects.select_for_update().get(pk=wijk.pk)
    _check_beheer(door, gemeente_id=wijk.gemeente_id)
    wijk.code = code.strip()
    wijk.naam = naam.strip()
    wijk.full_clean()
    wijk.save()
    return wijk


@transaction.atomic
def team_create(
    *,
    gemeente: Gemeente,
    naam: str,
    soort: TeamSoort | str,
    wijken: Iterable[Wijk] = (),
    door: User | None = None,
) -> Team:
    """A team of the municipality; `door` (a functioneel beheerder) only in their own."""
    _check_beheer(door, gemeente_id=gemeente.pk)
    team = Team(gemeente=gemeente, naam=naam, soort=soort)
    team.full_clean()
    team.save()
    wijken = list(wijken)
    if any(w.gemeente_id != gemeente.pk for w in wijken):
        raise ValidationError(
            {"wijken": "Een team werkt alleen voor wijken van de eigen gemeente."}
        )
    team.wijken.set(wijken)
    if wijken:
        _log(
            [(Onderdeel.TEAM_WIJKEN, "—", _wijken_text(wijken))],
            gemeente_id=gemeente.pk,
            door=door,
            team=team,
        )
    return team


def team_change_check(
    *, door: User | None, team: Team, wijken: Iterable[Wijk]
) -> tuple[str, str] | None:
    """Refuse what `team_change` would refuse; return (old, new) wijken when they change."""
    _check_beheer(door, gemeente_id=team.gemeente_id)
    wijken = list(wijken)
    if any(w.gemeente_id != team.gemeente_id for w in wijken):
        raise ValidationError(
            {"wijken": "Een team werkt alleen voor wijken van de eigen gemeente."}
        )
    oud = list(team.wijken.all())
    if {w.pk for w in oud} == {w.pk for w in wijken}:
        return None
    if door is not None and team.medewerkers.filter(user_id=door.pk).exists():
        raise ValidationError(EIGEN_TEAM)
    return _wijken_text(oud), _wijken_text(wijken)


@transaction.atomic
def team_change(
    *,
    door: User | None,
    team: Team,
    naam: str,
    soort: TeamSoort | str,
    wijken: Iterable[Wijk],
) -> Team:
    """Rename a team or change the wijken it serves (and so what its members may see). A
    change of wijken is logged; nobody changes the wijken of a team they work in."""
    team = Team.objects.select_for_update().get(pk=team.pk)
    wijken = list(wijken)
    verschil = team_change_check(door=door, team=team, wijken=wijken)
    team.naam = naam
    team.soort = soort
    team.full_clean()
    team.save()
    if verschil is not None:
        team.wijken.set(wijken)
        _log(
            [(Onderdeel.TEAM_WIJKEN, *verschil)],
            gemeente_id=team.gemeente_id,
            door=door,
            team=team,
        )
    return team


def _wijken_text(wijken: Iterable[Wijk]) -> str:
    return ", ".join(sorted(w.naam for w in wijken)) or "—"


@transaction.atomic
def medewerker_create(
    *,
    gemeente: Gemeente,
    username: str,
    password: str | None,
    first_name: str,
    last_name: str,
    functie: Rol | str,
    teams: Iterable[Team] = (),
    extra_rollen: Iterable[Rol | str] = (),
    expertises: str = "",
    registratienummer: str = "",
    registratie_geldig_tot: dt.date | None = None,
    email: str = "",
    password_hash: str | None = None,
    door: User | None = None,
) -> Medewerker:
    """Create a login with its medewerker record and role groups, and log it.

    A jeugdprofessional must have a registration number and expiry date (seed 000 L338-340).
    `door` is the functioneel beheerder who creates the account (None: the system, e.g. the
    demo or the installation); they can do so only in their own municipality, and never make a
    superuser. With EENPLAN_ROLWIJZIGING_VIER_OGEN a new account by a beheerder stays inactive
    until a second functioneel beheerder approves it (the pending request is
    `medewerker.wijzigingsverzoeken`).
    """
    _check_beheer(door, gemeente_id=gemeente.pk)
    user_model = get_user_model()
    if user_model.objects.filter(username=username).exists():
        raise ValidationError({"username": f"De gebruikersnaam '{username}' bestaat al."})
    teams = list(teams)
    nieuw = Toewijzing.of(
        functie=functie,
        extra_rollen=extra_rollen,
        teams=teams,
        registratienummer=registratienummer,
        registratie_geldig_tot=registratie_geldig_tot,
        actief=not _vier_ogen(door),
    )
    user = user_model(
        username=username,
        first_name=first_name,
        last_name=last_name,
        email=email,
        is_active=nieuw.actief,
    )
    if password_hash is not None:
        user.password = password_hash
    elif password is not None:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.save()
    medewerker = Medewerker(
        user=user,
        gemeente=gemeente,
        functie=nieuw.functie,
        expertises=expertises,
        registratienummer=nieuw.registratienummer,
        registratie_geldig_tot=registratie_geldig_tot,
    )
    medewerker.full_clean()
    medewerker.save()
    # The login's only record so far: what `selectors.medewerker_for_user` would find (as
    # Django caches a one-to-one on both objects; saves its query for this user object).
    medewerker.aantal_gemeenten = 1  # type: ignore[attr-defined]
    user._eenplan_medewerker = medewerker  # type: ignore[attr-defined]
    if any(t.gemeente_id != gemeente.pk for t in teams):
        raise ValidationError({"teams": TEAM_ANDERE_GEMEENTE})
    _valideer(medewerker, nieuw)
    medewerker.teams.set(teams)
    # Functional administrators manage municipality, teams and staff in /beheer/.
    _groups_sync(user, functie=nieuw.functie, extra_rollen=nieuw.extra_rollen)
    user.save(update_fields=["is_staff"])
    _log(
        [(Onderdeel.ACCOUNT, "—", username), *_verschillen(None, nieuw)],
        gemeente_id=gemeente.pk,
        door=door,
        medewerker=medewerker,
    )
    if door is not None and _vier_ogen(door):
        _verzoek_create(
            door=door,
            medewerker=medewerker,
            nieuw=dataclasses.replace(nieuw, actief=True),
            rows=[(Onderdeel.ACTIEF, "nee (nieuw account)", "ja")],
        )
    return medewerker


AL_LID = "Deze medewerker werkt al voor de gemeente {gemeente}."


@transaction.atomic
def medewerker_gemeente_add(
    *,
    user: User,
    gemeente: Gemeente,
    teams: Iterable[Team] = (),
    expertises: str = "",
    door: User | None = None,
) -> Medewerker:
    """Let an existing login work for one more municipality of the region (a regional team,
    issue 16): a medewerker record of its own in `gemeente`, with that municipality's teams.
    The login chooses the municipality it works for (/gemeente-kiezen/) and sees each only
    through that record. The role stays the login's (its groups): the same functie as its
    first record. Only the system or a functioneel beheerder of `gemeente` adds it; logged in
    that municipality's change log."""
    _check_beheer(door, gemeente_id=gemeente.pk)
    eerste = Medewerker.objects.filter(user=user).order_by("pk").first()
    if eerste is None:
        raise ValidationError({"user": "Deze login is geen medewerker van een gemeente."})
    teams = list(teams)
    if any(t.gemeente_id != gemeente.pk for t in teams):
        raise ValidationError({"teams": TEAM_ANDERE_GEMEENTE})
    bestaand = Medewerker.objects.filter(user=user, gemeente=gemeente).first()
    if bestaand is not None and bestaand.lid_tot is None:
        raise ValidationError({"gemeente": AL_LID.format(gemeente=gemeente.naam)})
    if bestaand is not None:
        # An ended membership starts again: the same record (its history stays with it).
        eind = bestaand.lid_tot
        bestaand.lid_tot = None
        bestaand.save(update_fields=["lid_tot", "updated_at"])
        bestaand.teams.set(teams)
        _vergeet(user)
        _log(
            [
                (Onderdeel.LIDMAATSCHAP, f"beëindigd per {eind:%d-%m-%Y}", "werkt hier weer"),
                (Onderdeel.TEAMS, "—", _teams_text(t.pk for t in teams)),
            ],
            gemeente_id=gemeente.pk,
            door=door,
            medewerker=bestaand,
        )
        return bestaand
    medewerker = Medewerker(
        user=user,
        gemeente=gemeente,
        functie=eerste.functie,
        expertises=expertises,
        registratienummer=eerste.registratienummer,
        registratie_geldig_tot=eerste.registratie_geldig_tot,
    )
    medewerker.full_clean()
    medewerker.save()
    medewerker.teams.set(teams)
    _vergeet(user)
    _log(
        [
            (Onderdeel.ACCOUNT, "—", f"{user.get_username()} (regionaal, ook {eerste.gemeente})"),
            (Onderdeel.TEAMS, "—", _teams_text(t.pk for t in teams)),
        ],
        gemeente_id=gemeente.pk,
        door=door,
        medewerker=medewerker,
    )
    return medewerker


def _vergeet(user: User) -> None:
    """The login's memberships changed: forget the record cached on this object."""
    user.__dict__.pop("_eenplan_medewerker", None)
    user.__dict__.pop("_eenplan_actor", None)


LAATSTE_LIDMAATSCHAP = (
    "Dit is de enige gemeente waarvoor deze login werkt. Deactiveer het account als de "
    "medewerker helemaal stopt."
)
GEEN_REGIONALE_MEDEWERKER = (
    "Er is geen medewerker van een andere gemeente in de regio met deze gebruikersnaam."
)
AL_BEEINDIGD = "Het lidmaatschap van deze medewerker bij uw gemeente is al beëindigd."


@transaction.atomic
def medewerker_gemeente_end(
    *, medewerker: Medewerker, door: User | None, op: dt.date | None = None
) -> Medewerker:
    """End a regional login's membership of one municipality of the region (issue 16): from
    `op` (today) the login no longer acts there — `medewerker_for_user` skips the record, the
    switch no longer offers the municipality, and its teams there are emptied so no
    assignment reaches it. Only the system or a functioneel beheerder of that municipality
    (never for their own account); the login keeps at least one municipality (to stop
    entirely: deactivate the account). Logged in that municipality's change log."""
    _check_beheer(door, gemeente_id=medewerker.gemeente_id, medewerker=medewerker)
    op = op or timezone.localdate()
    if medewerker.lid_tot is not None:
        raise ValidationError({"medewerker": AL_BEEINDIGD})
    lopend = Medewerker.objects.filter(user_id=medewerker.user_id, lid_tot__isnull=True)
    if not lopend.exclude(pk=medewerker.pk).exists():
        raise ValidationError({"medewerker": LAATSTE_LIDMAATSCHAP})
    teams = list(medewerker.teams.values_list("pk", flat=True))
    medewerker.lid_tot = op
    medewerker.save(update_fields=["lid_tot", "updated_at"])
    medewerker.teams.clear()
    _vergeet(medewerker.user)
    _log(
        [
            (Onderdeel.LIDMAATSCHAP, "werkt hier", f"beëindigd per {op:%d-%m-%Y}"),
            (Onderdeel.TEAMS, _teams_text(teams), "—"),
        ],
        gemeente_id=medewerker.gemeente_id,
        door=door,
        medewerker=medewerker,
    )
    return medewerker


# --- beheer without self-elevation (issue 8, item 4) ----------------------------------------
# Who may do what follows a medewerker's role(s) and teams. Those change only here: never by
# the person themselves, only within the beheerder's own municipality, every change logged
# (RolWijziging), and with EENPLAN_ROLWIJZIGING_VIER_OGEN only after a second functioneel
# beheerder approves it (RolWijzigingVerzoek). See docs/security.md.

BEHEER = "gemeente.change_medewerker"
EIGEN_ACCOUNT = (
    "U kunt uw eigen rollen, teams, registratie of account niet wijzigen. "
    "Vraag dit aan een andere functioneel beheerder."
)
ANDERE_GEMEENTE = "U beheert alleen medewerkers, teams en wijken van uw eigen gemeente."
GEEN_BEHEERDER = "Alleen een functioneel beheerder wijzigt rollen en teams."
EIGEN_VERZOEK = (
    "U kunt uw eigen verzoek niet goedkeuren; dat doet een andere functioneel beheerder."
)
VERZOEK_OPEN = (
    "Voor deze medewerker wacht al een wijziging op goedkeuring. Keur die eerst goed of wijs "
    "die af."
)
VERZOEK_AFGEHANDELD = "Dit verzoek is al afgehandeld."
EIGEN_TEAM = (
    "U kunt de wijken van een team waarin u zelf werkt niet wijzigen. "
    "Vraag dit aan een andere functioneel beheerder."
)
TEAM_ANDERE_GEMEENTE = "Een medewerker werkt alleen in teams van de eigen gemeente."
SYSTEEM = "systeem"


def _beheer_gemeente_id(door: User) -> int | None:
    """The municipality `door` manages; None for a superuser (set-up of every municipality).
    Refuses a login that is no functioneel beheerder."""
    if not door.is_active:
        raise PermissionDenied(GEEN_BEHEERDER)
    medewerker = medewerker_for_user(door)
    if door.is_superuser and medewerker is None:
        return None
    if not door.has_perm(BEHEER) or medewerker is None:
        raise PermissionDenied(GEEN_BEHEERDER)
    return medewerker.gemeente_id


def _check_beheer(
    door: User | None, *, gemeente_id: int, medewerker: Medewerker | None = None
) -> None:
    """Refuse a change by someone outside the municipality, or to one's own account."""
    if door is None:
        return  # the system itself: demo, installation, migrations
    eigen = _beheer_gemeente_id(door)
    if eigen is not None and eigen != gemeente_id:
        raise ValidationError(ANDERE_GEMEENTE)
    if medewerker is not None and medewerker.user_id == door.pk:
        raise ValidationError(EIGEN_ACCOUNT)


def _vier_ogen(door: User | None) -> bool:
    return door is not None and settings.EENPLAN_ROLWIJZIGING_VIER_OGEN


def _rol_label(value: str) -> str:
    return Rol(value).label if value in Rol.values else value


def _teams_text(ids: Iterable[int]) -> str:
    names = Team.objects.filter(pk__in=list(ids)).order_by("naam").values_list("naam", flat=True)
    return ", ".join(names) or "—"


def _registratie_text(t: Toewijzing) -> str:
    if not t.registratienummer and t.registratie_geldig_tot is None:
        return "—"
    tot = f" tot en met {t.registratie_geldig_tot:%d-%m-%Y}" if t.registratie_geldig_tot else ""
    return f"{t.registratienummer or '(geen nummer)'}{tot}"


def medewerker_create_check(*, door: User | None, gemeente: Gemeente, nieuw: Toewijzing) -> None:
    """Refuse what `medewerker_create` would refuse about the roles, teams and registration."""
    _check_beheer(door, gemeente_id=gemeente.pk)
    _valideer(Medewerker(gemeente=gemeente), nieuw)


def _verschillen(oud: Toewijzing | None, nieuw: Toewijzing) -> list[tuple[str, str, str]]:
    """(onderdeel, old, new) in readable Dutch, for every part that changes."""
    rows: list[tuple[str, str, str]] = []
    if oud is None or oud.functie != nieuw.functie:
        rows.append(
            (Onderdeel.FUNCTIE, _rol_label(oud.functie) if oud else "—", _rol_label(nieuw.functie))
        )
    oud_extra = oud.extra_rollen if oud else ()
    if oud_extra != nieuw.extra_rollen:
        rows.append(
            (
                Onderdeel.EXTRA_ROLLEN,
                ", ".join(_rol_label(r) for r in oud_extra) or "—",
                ", ".join(_rol_label(r) for r in nieuw.extra_rollen) or "—",
            )
        )
    oud_teams = oud.teams if oud else ()
    if oud_teams != nieuw.teams:
        rows.append((Onderdeel.TEAMS, _teams_text(oud_teams), _teams_text(nieuw.teams)))
    registratie = (nieuw.registratienummer, nieuw.registratie_geldig_tot)
    oud_registratie = (oud.registratienummer, oud.registratie_geldig_tot) if oud else ("", None)
    if oud_registratie != registratie:
        rows.append(
            (
                Onderdeel.REGISTRATIE,
                _registratie_text(oud) if oud else "—",
                _registratie_text(nieuw),
            )
        )
    if oud is not None and oud.actief != nieuw.actief:
        rows.append((Onderdeel.ACTIEF, _ja_nee(oud.actief), _ja_nee(nieuw.actief)))
    return rows


def _ja_nee(value: bool) -> str:
    return "ja" if value else "nee"


def _log(
    rows: list[tuple[str, str, str]],
    *,
    gemeente_id: int,
    door: User | None,
    medewerker: Medewerker | None = None,
    team: Team | None = None,
    verzoek: RolWijzigingVerzoek | None = None,
    goedgekeurd_door: User | None = None,
) -> list[RolWijziging]:
    return RolWijziging.objects.bulk_create(
        RolWijziging(
            gemeente_id=gemeente_id,
            door=door,
            door_gebruikersnaam=door.get_username() if door is not None else SYSTEEM,
            medewerker=medewerker,
            team=team,
            onderdeel=onderdeel,
            oud=oud,
            nieuw=nieuw,
            verzoek=verzoek,
            goedgekeurd_door=goedgekeurd_door,
        )
        for onderdeel, oud, nieuw in rows
    )


def _valideer(medewerker: Medewerker, nieuw: Toewijzing) -> None:
    """The new roles, teams and registration are valid for this medewerker."""
    onbekend = [r for r in (nieuw.functie, *nieuw.extra_rollen) if r not in Rol.values]
    if onbekend:
        raise ValidationError({"functie": f"Onbekende rol: {', '.join(onbekend)}."})
    if Team.objects.filter(pk__in=nieuw.teams).exclude(
        gemeente_id=medewerker.gemeente_id
    ).exists() or Team.objects.filter(pk__in=nieuw.teams).count() != len(nieuw.teams):
        raise ValidationError({"teams": TEAM_ANDERE_GEMEENTE})
    probe = Medewerker(
        gemeente_id=medewerker.gemeente_id,
        functie=nieuw.functie,
        registratienummer=nieuw.registratienummer,
        registratie_geldig_tot=nieuw.registratie_geldig_tot,
    )
    probe.clean()


def medewerker_rollen_check(
    *, door: User | None, medewerker: Medewerker, nieuw: Toewijzing
) -> list[tuple[str, str, str]]:
    """Refuse what `medewerker_rollen_change` would refuse; return what would change. The
    admin form calls it to show a refusal next to the form."""
    _check_beheer(door, gemeente_id=medewerker.gemeente_id, medewerker=medewerker)
    _valideer(medewerker, nieuw)
    verschillen = _verschillen(medewerker_toewijzing(medewerker), nieuw)
    if (
        verschillen
        and _vier_ogen(door)
        and RolWijzigingVerzoek.objects.filter(
            medewerker=medewerker, status=VerzoekStatus.OPEN
        ).exists()
    ):
        raise ValidationError(VERZOEK_OPEN)
    return verschillen


def _apply(
    *,
    medewerker: Medewerker,
    nieuw: Toewijzing,
    door: User | None,
    verzoek: RolWijzigingVerzoek | None = None,
    goedgekeurd_door: User | None = None,
) -> list[RolWijziging]:
    oud = medewerker_toewijzing(medewerker)
    verschillen = _verschillen(oud, nieuw)
    medewerker.functie = nieuw.functie
    medewerker.registratienummer = nieuw.registratienummer
    medewerker.registratie_geldig_tot = nieuw.registratie_geldig_tot
    medewerker.full_clean()
    medewerker.save()
    medewerker.teams.set(Team.objects.filter(pk__in=nieuw.teams))
    _groups_sync(medewerker.user, functie=nieuw.functie, extra_rollen=nieuw.extra_rollen)
    user = medewerker.user
    user.is_active = nieuw.actief
    user.save(update_fields=["is_active", "is_staff"])
    return _log(
        verschillen,
        gemeente_id=medewerker.gemeente_id,
        door=door,
        medewerker=medewerker,
        verzoek=verzoek,
        goedgekeurd_door=goedgekeurd_door,
    )


def _groups_sync(user: Any, *, functie: str, extra_rollen: Iterable[str]) -> None:
    """The login's groups are exactly its roles; /beheer/ only for a functioneel beheerder.
    Nothing else sets groups (the User admin shows them read-only)."""
    rollen = {str(functie), *(str(r) for r in extra_rollen)}
    user.groups.set(Group.objects.filter(name__in=rollen))
    user.is_staff = user.is_superuser or Rol.FUNCTIONEEL_BEHEER in rollen


class _Keep:
    """Marker: leave this part as it is."""

    def __repr__(self) -> str:
        return "ONGEWIJZIGD"


ONGEWIJZIGD: Any = _Keep()


@transaction.atomic
def medewerker_rollen_change(
    *,
    door: User | None,
    medewerker: Medewerker,
    functie: Rol | str = ONGEWIJZIGD,
    extra_rollen: Iterable[Rol | str] = ONGEWIJZIGD,
    teams: Iterable[Team | int] = ONGEWIJZIGD,
    registratienummer: str = ONGEWIJZIGD,
    registratie_geldig_tot: dt.date | None = ONGEWIJZIGD,
    actief: bool = ONGEWIJZIGD,
) -> RolWijzigingVerzoek | None:
    """Change a medewerker's role, extra roles, teams, registration or whether the login is
    active (parts not given stay as they are). Refused for one's own account and outside the
    beheerder's municipality. Applied and logged at once, or, with
    EENPLAN_ROLWIJZIGING_VIER_OGEN, stored as a request that a second functioneel beheerder
    approves (returned); None when applied or when nothing changes."""
    medewerker = Medewerker.objects.select_for_update().select_related("user").get(pk=medewerker.pk)
    huidig = medewerker_toewijzing(medewerker)
    gevraagd: dict[str, Any] = {
        "functie": functie,
        "extra_rollen": extra_rollen,
        "teams": teams,
        "registratienummer": registratienummer,
        "registratie_geldig_tot": registratie_geldig_tot,
        "actief": actief,
    }
    nieuw = Toewijzing.of(
        **{
            naam: getattr(huidig, naam) if waarde is ONGEWIJZIGD else waarde
            for naam, waarde in gevraagd.items()
        }
    )
    verschillen = medewerker_rollen_check(door=door, medewerker=medewerker, nieuw=nieuw)
    if not verschillen:
        return None
    if door is not None and _vier_ogen(door):
        return _verzoek_create(door=door, medewerker=medewerker, nieuw=nieuw, rows=verschillen)
    _apply(medewerker=medewerker, nieuw=nieuw, door=door)
    return None


def _verzoek_create(
    *,
    door: User,
    medewerker: Medewerker,
    nieuw: Toewijzing,
    rows: list[tuple[str, str, str]],
) -> RolWijzigingVerzoek:
    samenvatting = "; ".join(
        f"{Onderdeel(onderdeel).label}: {oud} → {nieuw_}" for onderdeel, oud, nieuw_ in rows
    )
    verzoek = RolWijzigingVerzoek(
        gemeente_id=medewerker.gemeente_id,
        medewerker=medewerker,
        aangevraagd_door=door,
        wijziging=nieuw.as_json(),
        samenvatting=samenvatting,
    )
    verzoek.full_clean()
    verzoek.save()
    return verzoek


@transaction.atomic
def rolwijziging_approve(*, door: User, verzoek: RolWijzigingVerzoek) -> list[RolWijziging]:
    """A second functioneel beheerder approves a pending change; only then it takes effect,
    logged with both names. The requester cannot approve their own request, nobody approves a
    change to their own account."""
    verzoek = RolWijzigingVerzoek.objects.select_for_update().get(pk=verzoek.pk)
    if verzoek.status != VerzoekStatus.OPEN:
        raise ValidationError(VERZOEK_AFGEHANDELD)
    medewerker = (
        Medewerker.objects.select_for_update().select_related("user").get(pk=verzoek.medewerker_id)
    )
    _check_beheer(door, gemeente_id=verzoek.gemeente_id, medewerker=medewerker)
    if door.pk == verzoek.aangevraagd_door_id:
        raise ValidationError(EIGEN_VERZOEK)
    nieuw = Toewijzing.from_json(verzoek.wijziging)
    _valideer(medewerker, nieuw)
    verzoek.status = VerzoekStatus.GOEDGEKEURD
    verzoek.beoordeeld_door = door
    verzoek.beoordeeld_op = timezone.now()
    verzoek.full_clean()
    verzoek.save()
    return _apply(
        medewerker=medewerker,
        nieuw=nieuw,
        door=verzoek.aangevraagd_door,
        verzoek=verzoek,
        goedgekeurd_door=door,
    )


@transaction.atomic
def rolwijziging_reject(*, door: User, verzoek: RolWijzigingVerzoek) -> None:
    """Reject (or, by the requester, withdraw) a pending change; nothing changes."""
    verzoek = RolWijzigingVerzoek.objects.select_for_update().get(pk=verzoek.pk)
    if verzoek.status != VerzoekStatus.OPEN:
        raise ValidationError(VERZOEK_AFGEHANDELD)
    _check_beheer(door, gemeente_id=verzoek.gemeente_id, medewerker=verzoek.medewerker)
    verzoek.status = VerzoekStatus.AFGEWEZEN
    verzoek.beoordeeld_door = None if door.pk == verzoek.aangevraagd_door_id else door
    verzoek.beoordeeld_op = timezone.now()
    verzoek.save()


# --- second factor and lock-out (functioneel beheer, issue 10) -------------------------------

GEEN_TWEEDE_FACTOR = (
    "Deze medewerker heeft geen tweede factor ingesteld; er is niets te herstellen."
)
NIET_GEBLOKKEERD = "Dit account is niet geblokkeerd door mislukte inlogpogingen."


@transaction.atomic
def medewerker_tweede_factor_reset(*, door: User, medewerker: Medewerker) -> int:
    """Remove the medewerker's authenticator (lost phone): at the next login they set up a new
    one. Never one's own account, only in the own municipality; logged. Returns how many
    devices were removed."""
    from django_otp import devices_for_user

    medewerker = Medewerker.objects.select_for_update().select_related("user").get(pk=medewerker.pk)
    _check_beheer(door, gemeente_id=medewerker.gemeente_id, medewerker=medewerker)
    devices = list(devices_for_user(medewerker.user, confirmed=None))
    if not devices:
        raise ValidationError(GEEN_TWEEDE_FACTOR)
    for device in devices:
        device.delete()
    _log(
        [
            (
                Onderdeel.TWEEDE_FACTOR,
                f"ingesteld ({len(devices)})",
                "verwijderd: opnieuw instellen bij de volgende inlog",
            )
        ],
        gemeente_id=medewerker.gemeente_id,
        door=door,
        medewerker=medewerker,
    )
    return len(devices)


@transaction.atomic
def medewerker_blokkade_opheffen(*, door: User, medewerker: Medewerker) -> int:
    """Clear the lock-out after failed logins (django-axes) for this medewerker's username.
    Never one's own account, only in the own municipality; logged. Returns how many records of
    failed attempts were removed."""
    from axes.models import AccessAttempt

    medewerker = Medewerker.objects.select_related("user").get(pk=medewerker.pk)
    _check_beheer(door, gemeente_id=medewerker.gemeente_id, medewerker=medewerker)
    pogingen = AccessAttempt.objects.filter(username=medewerker.user.get_username())
    aantal = sum(p.failures_since_start for p in pogingen)
    if not aantal:
        raise ValidationError(NIET_GEBLOKKEERD)
    pogingen.delete()
    _log(
        [(Onderdeel.BLOKKADE, f"{aantal} mislukte inlogpoging(en)", "opgeheven")],
        gemeente_id=medewerker.gemeente_id,
        door=door,
        medewerker=medewerker,
    )
    return aantal


# --- holidays the municipality declares -------------------------------------------------------

FEESTDAG_VERLEDEN = "Een dag in het verleden kan niet meer weg: er zijn al termijnen mee berekend."
# A royal decree under Atw art. 3 lid 3 is published in the Staatscourant.
STAATSCOURANT = re.compile(r"\b(Stcrt\.?|Staatscourant)\s", re.IGNORECASE)
FEESTDAG_GEEN_BESLUIT = (
    "Noem het koninklijk besluit zoals het in de Staatscourant staat, bijvoorbeeld "
    "'Stcrt. 2028, 12345'. Alleen een dag die bij koninklijk besluit met een feestdag is "
    "gelijkgesteld telt voor de wettelijke termijnen (Algemene termijnenwet art. 3 lid 3); een "
    "eigen sluitingsdag van de gemeente verschuift geen termijn."
)


@transaction.atomic
def gelijkgestelde_feestdag_add(
    *, door: User, datum: dt.date, omschrijving: str, bron: str
) -> GelijkgesteldeFeestdag:
    """A day declared equal to a general holiday by royal decree (Atw art. 3 lid 3: "Ons besluit
    wordt in de Staatscourant openbaar gemaakt"), with that publication as source; the legal
    deadlines skip it from now on, for every municipality (it is national data, ADR 0022).

    Refused: a source that is not a publication in the Staatscourant (a municipality's own
    closing day does not move a legal term: Atw art. 1 and 3 name only Saturday, Sunday, the
    general holidays and the days equal to them by decree), and a day that is already a
    Saturday, Sunday or holiday (the decree would change nothing)."""
    _beheer_gemeente_id(door)
    fouten: dict[str, str] = {}
    if not STAATSCOURANT.search(bron):
        fouten["bron"] = FEESTDAG_GEEN_BESLUIT
    if datum.weekday() >= 5 or termijnen_rules.is_feestdag(datum):
        fouten["datum"] = (
            "Deze dag is al een zaterdag, zondag of feestdag: een besluit is niet nodig."
        )
    if fouten:
        raise ValidationError(fouten)
    dag = GelijkgesteldeFeestdag(datum=datum, omschrijving=omschrijving.strip(), bron=bron.strip())
    dag.full_clean()
    dag.save()
    return dag


@transaction.atomic
def gelijkgestelde_feestdag_remove(*, door: User, dag: GelijkgesteldeFeestdag) -> None:
    """Remove a day entered by mistake; only a day still to come (past deadlines stay as they
    were computed)."""
    _beheer_gemeente_id(door)
    if dag.datum < timezone.localdate():
        raise ValidationError(FEESTDAG_VERLEDEN)
    dag.delete()


def feestdag_termijnen_herberekenen(
    *,
    datum: dt.date | None,
    toegevoegd: bool,
    omschrijving: str = "",
    door: User | None = None,
    voortgang: termijnherberekening.Voortgang | None = None,
    vandaag: dt.date | None = None,
    batch: int = termijnherberekening.BATCH,
) -> dict[str, Any]:
    """Recompute the stored deadlines still running after `datum` was added to (`toegevoegd`)
    or removed from the days declared equal to a holiday (ADR 0049): each app its own rows
    (`<app>/herberekening.py`), in every municipality of the installation (the day is national
    data, ADR 0022) and for the messages not read yet, with the holidays as they are now.
    `datum` None: every running deadline (after the built-in decrees changed). Returns the
    summary per kind of deadline (checked, moved, passed and left alone), per municipality,
    and a Dutch sentence (`samenvatting`). Running it twice changes nothing the second time."""
    wijziging = termijnherberekening.Wijziging(
        datum=datum,
        toegevoegd=toegevoegd,
        omschrijving=omschrijving.strip(),
        vandaag=vandaag or timezone.localdate(),
        extra=gelijkgestelde_dagen(),
        door=door,
        batch=batch,
    )
    gemeenten: list[tuple[int | None, str]] = [
        (pk, naam) for pk, naam in Gemeente.objects.order_by("naam", "pk").values_list("pk", "naam")
    ]
    gemeenten.append((None, "Berichten zonder gemeente"))
    resultaat = termijnherberekening.termijnen_herberekenen(
        wijziging, gemeenten=gemeenten, voortgang=voortgang
    )
    uit = resultaat.als_dict()
    verschoven = [
        f"{t.verschoven} × {t.label.lower()}" for t in resultaat.soorten.values() if t.verschoven
    ]
    verlopen = sum(t.verlopen for t in resultaat.soorten.values())
    zin = (
        f"{resultaat.verschoven} termijn(en) verschoven {wijziging.reden}: " + ", ".join(verschoven)
        if verschoven
        else f"Geen lopende termijn verschoven {wijziging.reden}"
    ) + "."
    if verlopen:
        zin += (
            f" {verlopen} termijn(en) die al voorbij waren, zijn niet aangepast "
            "(ADR 0049); laat ze zo nodig beoordelen."
        )
    uit["samenvatting"] = zin
    return uit


# --- municipal settings (issue 10) ---------------------------------------------------------

INSTELLING_RECHT = "gemeente.add_instelling"
GEEN_INSTELLINGEN = "Alleen een functioneel beheerder wijzigt de instellingen van de gemeente."
INSTELLING_ANDERE_GEMEENTE = "U wijzigt alleen de instellingen van uw eigen gemeente."
INSTELLING_TERUGWERKEND = (
    "Een instelling geldt niet met terugwerkende kracht: kies vandaag of een latere datum. "
    "Wat vroeger gold blijft zo, omdat eerdere besluiten daarop rusten."
)


@transaction.atomic
def instelling_save(
    *,
    door: User,
    gemeente: Gemeente,
    onderwerp: str,
    waarde: dict[str, Any],
    geldig_vanaf: dt.date,
    bron: str,
    toelichting: str = "",
    basis_versie: int | None = None,
) -> Instelling:
    """Store a new version of a municipal setting, in force from `geldig_vanaf` (today or
    later; earlier versions stay and keep applying to their own days). Refused with a Dutch
    message: another municipality, a login without the right, a value `rules.instellingen`
    rejects, no source, a date in the past; a `Conflict` when someone else stored a version of
    the same subject after `basis_versie` (the version the form was based on)."""
    beheerd = _beheer_gemeente_id(door)
    if not door.has_perm(INSTELLING_RECHT):
        raise PermissionDenied(GEEN_INSTELLINGEN)
    if beheerd is not None and beheerd != gemeente.pk:
        raise PermissionDenied(INSTELLING_ANDERE_GEMEENTE)
    fouten: dict[str, list[str]] = {}
    waarde_fouten = instellingen_rules.fouten(onderwerp, waarde)
    if waarde_fouten:
        fouten["waarde"] = waarde_fouten
    if not bron.strip():
        fouten["bron"] = ["Noem de bron: de verordening, de beleidsregel of het collegebesluit."]
    if geldig_vanaf < timezone.localdate():
        fouten["geldig_vanaf"] = [INSTELLING_TERUGWERKEND]
    if fouten:
        raise ValidationError(fouten)
    Gemeente.objects.select_for_update().filter(pk=gemeente.pk).first()  # one version at a time
    laatste = instelling_laatste_versie(gemeente=gemeente, onderwerp=onderwerp)
    if basis_versie is not None and basis_versie != laatste:
        raise Conflict(
            f"Iemand anders heeft deze instelling intussen gewijzigd (u werkte met versie "
            f"{basis_versie}, nu is het versie {laatste}). Uw wijziging is niet opgeslagen; "
            "bekijk de huidige waarde en doe uw wijziging zo nodig opnieuw."
        )
    return Instelling.objects.create(
        gemeente=gemeente,
        onderwerp=onderwerp,
        versie=laatste + 1,
        geldig_vanaf=geldig_vanaf,
        waarde=waarde,
        bron=bron.strip(),
        toelichting=toelichting.strip(),
        gewijzigd_door=door,
    )


# --- The municipality's own data: letterhead, logo, send channels (issue 10, ADR 0021) ---------

GEMEENTE_GEGEVENS = ("bezoekadres", "postadres", "telefoon", "email", "website", "bezwaar_url")
GEEN_BEZORGING = (
    "Kies een kanaal dat de brief zelf bezorgt: per post of de Berichtenbox. Een e-mail zegt "
    "alleen dát er een brief is."
)


@transaction.atomic
def gemeente_gegevens_change(
    *,
    door: User | None,
    gemeente: Gemeente,
    verzendkanalen: Iterable[str] | None = None,
    logo: bytes | None = None,
    logo_verwijderen: bool = False,
    **gegevens: str,
) -> Gemeente:
    """Change the letterhead data (`GEMEENTE_GEGEVENS`), the logo (the upload as sent; it is
    stored as the PNG of `common.pdf.logo_normaliseren`) and the send channels of the own
    municipality. Refused in Dutch, nothing changed: another municipality, an unknown channel,
    channels without one that delivers the letter, a file that is no picture."""
    from eenplan.common.pdf import OngeldigLogo, logo_normaliseren

    _check_beheer(door, gemeente_id=gemeente.pk)
    gemeente = Gemeente.objects.select_for_update().get(pk=gemeente.pk)
    onbekend = set(gegevens) - set(GEMEENTE_GEGEVENS)
    if onbekend:
        raise ValidationError(f"Onbekende velden: {', '.join(sorted(onbekend))}.")
    for veld, waarde in gegevens.items():
        setattr(gemeente, veld, (waarde or "").strip())
    if verzendkanalen is not None:
        kanalen = list(dict.fromkeys(verzendkanalen))
        fout = [k for k in kanalen if k not in Verzendkanaal.values]
        if fout:
            raise ValidationError({"verzendkanalen": f"Onbekend kanaal: {', '.join(fout)}."})
        if not {str(k) for k in BEZORGENDE_KANALEN} & set(kanalen):
            raise ValidationError({"verzendkanalen": GEEN_BEZORGING})
        # Stored in a fixed order: the letter first, the notice after it.
        gemeente.verzendkanalen = ",".join(k for k in Verzendkanaal.values if k in kanalen)
    if logo_verwijderen:
        gemeente.logo = b""
    elif logo is not None:
        try:
            gemeente.logo = logo_normaliseren(logo)
        except OngeldigLogo as exc:
            raise ValidationError({"logo": str(exc)}) from exc
    gemeente.full_clean(exclude=["logo"])
    gemeente.save()
    return gemeente
