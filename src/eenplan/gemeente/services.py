"""Writes of the gemeente app."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.db import transaction

from eenplan.gemeente.constants import Rol, TeamSoort
from eenplan.gemeente.models import Gemeente, Medewerker, Team, Wijk
from eenplan.gemeente.roles import ROLE_PERMISSIONS


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
def gemeente_create(*, cbs_code: str, naam: str) -> Gemeente:
    gemeente = Gemeente(cbs_code=cbs_code, naam=naam)
    gemeente.full_clean()
    gemeente.save()
    return gemeente


@transaction.atomic
def wijk_create(*, gemeente: Gemeente, code: str, naam: str) -> Wijk:
    wijk = Wijk(gemeente=gemeente, code=code, naam=naam)
    wijk.full_clean()
    wijk.save()
    return wijk


@transaction.atomic
def team_create(
    *, gemeente: Gemeente, naam: str, soort: TeamSoort | str, wijken: Iterable[Wijk] = ()
) -> Team:
    team = Team(gemeente=gemeente, naam=naam, soort=soort)
    team.full_clean()
    team.save()
    wijken = list(wijken)
    if any(w.gemeente_id != gemeente.pk for w in wijken):
        raise ValidationError(
            {"wijken": "Een team werkt alleen voor wijken van de eigen gemeente."}
        )
    team.wijken.set(wijken)
    return team


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
) -> Medewerker:
    """Create a login with its medewerker record and role groups.

    A jeugdprofessional must have a registration number and expiry date (seed 000 L338-340).
    """
    user_model = get_user_model()
    if user_model.objects.filter(username=username).exists():
        raise ValidationError({"username": f"De gebruikersnaam '{username}' bestaat al."})
    user = user_model(
        username=username,
        first_name=first_name,
        last_name=last_name,
        email=email,
        # Functional administrators manage municipality, teams and staff in /beheer/.
        is_staff=functie == Rol.FUNCTIONEEL_BEHEER,
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
        functie=functie,
        expertises=expertises,
        registratienummer=registratienummer,
        registratie_geldig_tot=registratie_geldig_tot,
    )
    medewerker.full_clean()
    medewerker.save()
    teams = list(teams)
    if any(t.gemeente_id != gemeente.pk for t in teams):
        raise ValidationError(
            {"teams": "Een medewerker werkt alleen in teams van de eigen gemeente."}
        )
    medewerker.teams.set(teams)
    rollen = {str(functie), *(str(r) for r in extra_rollen)}
    user.groups.set(Group.objects.filter(name__in=rollen))
    return medewerker
