"""Reads of the functioneel-beheer pages and API: the staff of the own municipality with the
state of their login (active, second factor, lock-out), shared by pages and API.

The data itself belongs to `gemeente` (staff, teams, wijken, the change log), `voorzieningen`
(the catalogue) and the security packages (django-otp devices, django-axes attempts); this
module only reads them. No resident data.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Count, Prefetch, Q, QuerySet
from django_otp.plugins.otp_totp.models import TOTPDevice

from eenplan.gemeente.constants import Rol, VerzoekStatus
from eenplan.gemeente.models import (
    Gemeente,
    Instelling,
    Medewerker,
    RolWijziging,
    RolWijzigingVerzoek,
    Team,
    Wijk,
)
from eenplan.gemeente.selectors import (
    Toewijzing,
    instelling_versies,
    instellingen_op,
    medewerker_toewijzing,
)
from eenplan.participatie import selectors as participatie_selectors
from eenplan.rules import instellingen as instellingen_rules
from eenplan.rules.instellingen import Onderwerp, Toetsing


@dataclass(frozen=True)
class Loginstand:
    """What the beheerder needs to know about a login (never a secret)."""

    tweede_factor: bool
    mislukte_pogingen: int
    geblokkeerd: bool


def medewerkers_list(
    *, gemeente: Gemeente, q: str = "", actief: bool | None = None
) -> QuerySet[Medewerker]:
    """The staff of the municipality, by name; `q` matches name, username or e-mail."""
    qs = Medewerker.objects.filter(gemeente=gemeente).select_related("user")
    for woord in q.split():
        qs = qs.filter(
            Q(user__first_name__icontains=woord)
            | Q(user__last_name__icontains=woord)
            | Q(user__username__icontains=woord)
            | Q(user__email__icontains=woord)
        )
    if actief is not None:
        qs = qs.filter(user__is_active=actief)
    return qs.prefetch_related(_teams(gemeente), "user__groups").order_by(
        "user__last_name", "user__first_name", "pk"
    )


def _teams(gemeente: Gemeente | int) -> Prefetch:
    """A medewerker's teams, read with the municipality's condition (issue 16): a medewerker
    record belongs to one municipality, and so do its teams."""
    return Prefetch("teams", queryset=Team.objects.filter(gemeente=gemeente))


def loginstanden(medewerkers: list[Medewerker]) -> dict[int, Loginstand]:
    """Second factor and lock-out per medewerker, in two queries whatever the number."""
    user_ids = [m.user_id for m in medewerkers]
    met_factor = set(
        TOTPDevice.objects.filter(user_id__in=user_ids).values_list("user_id", flat=True)
    )
    namen = {m.user.get_username(): m.pk for m in medewerkers}
    pogingen: dict[int, list[int]] = {}
    for username, failures in AccessAttempt.objects.filter(username__in=list(namen)).values_list(
        "username", "failures_since_start"
    ):
        pogingen.setdefault(namen[username], []).append(failures)
    limiet = int(getattr(settings, "AXES_FAILURE_LIMIT", 5))
    return {
        m.pk: Loginstand(
            tweede_factor=m.user_id in met_factor,
            mislukte_pogingen=sum(pogingen.get(m.pk, [])),
            geblokkeerd=any(f >= limiet for f in pogingen.get(m.pk, [])),
        )
        for m in medewerkers
    }


def rollen_van(medewerker: Medewerker) -> list[str]:
    """The role labels of a medewerker (main role first), from the prefetched groups."""
    extra = sorted(
        g.name
        for g in medewerker.user.groups.all()
        if g.name in Rol.values and g.name != medewerker.functie
    )
    return [Rol(medewerker.functie).label, *(Rol(r).label for r in extra)]


def medewerker_get(*, gemeente: Gemeente | int | None, pk: int) -> Medewerker | None:
    """One medewerker record of the municipality with its teams there; None when the
    municipality has none by that id."""
    return (
        Medewerker.objects.filter(gemeente=gemeente, pk=pk)
        .select_related("user")
        .prefetch_related(_teams(gemeente), "user__groups")
        .first()
    )


def team_get(*, gemeente: Gemeente | int | None, pk: int) -> Team | None:
    """One team of the municipality with its wijken there; None when the municipality has
    none by that id."""
    return (
        Team.objects.filter(gemeente=gemeente, pk=pk)
        .prefetch_related(Prefetch("wijken", queryset=Wijk.objects.filter(gemeente=gemeente)))
        .first()
    )


def toewijzing(medewerker: Medewerker) -> Toewijzing:
    return medewerker_toewijzing(medewerker)


def wijzigingen(
    *, gemeente: Gemeente, medewerker: Medewerker | None = None, team: Team | None = None
) -> QuerySet[RolWijziging]:
    """The append-only log of role, team and account changes of the municipality; the
    medewerker and team it names are held to the municipality too (issue 16)."""
    qs = RolWijziging.objects.filter(
        Q(medewerker__isnull=True) | Q(medewerker__gemeente=gemeente),
        Q(team__isnull=True) | Q(team__gemeente=gemeente),
        gemeente=gemeente,
    ).select_related("medewerker__user", "team", "goedgekeurd_door")
    if medewerker is not None:
        qs = qs.filter(medewerker=medewerker)
    if team is not None:
        qs = qs.filter(team=team)
    return qs.order_by("-moment", "-id")


def verzoeken_open(*, gemeente: Gemeente) -> QuerySet[RolWijzigingVerzoek]:
    return (
        RolWijzigingVerzoek.objects.filter(
            gemeente=gemeente, medewerker__gemeente=gemeente, status=VerzoekStatus.OPEN
        )
        .select_related("medewerker__user", "aangevraagd_door")
        .order_by("created_at", "id")
    )


def verzoek_get(*, gemeente: Gemeente | int | None, pk: int) -> RolWijzigingVerzoek | None:
    return (
        RolWijzigingVerzoek.objects.filter(gemeente=gemeente, medewerker__gemeente=gemeente, pk=pk)
        .select_related("medewerker__user", "aangevraagd_door", "beoordeeld_door")
        .first()
    )


def wijk_get(*, gemeente: Gemeente | int | None, pk: int) -> Wijk | None:
    """One wijk of the municipality; None when it has none by that id."""
    return Wijk.objects.filter(gemeente=gemeente, pk=pk).first()


def teams_list(*, gemeente: Gemeente) -> QuerySet[Team]:
    return (
        Team.objects.filter(gemeente=gemeente)
        .prefetch_related(Prefetch("wijken", queryset=Wijk.objects.filter(gemeente=gemeente)))
        .annotate(aantal_medewerkers=Count("medewerkers", distinct=True))
        .order_by("naam")
    )


def wijken_list(*, gemeente: Gemeente) -> QuerySet[Wijk]:
    return (
        Wijk.objects.filter(gemeente=gemeente)
        .prefetch_related(Prefetch("teams", queryset=Team.objects.filter(gemeente=gemeente)))
        .order_by("naam")
    )


def overzicht(*, gemeente: Gemeente) -> dict[str, Any]:
    """The counts on the start page of functioneel beheer."""
    staf = Medewerker.objects.filter(gemeente=gemeente)
    return {
        "medewerkers": staf.filter(user__is_active=True).count(),
        "inactief": staf.filter(user__is_active=False).count(),
        "verzoeken": verzoeken_open(gemeente=gemeente).count(),
        "teams": Team.objects.filter(gemeente=gemeente).count(),
        "wijken": Wijk.objects.filter(gemeente=gemeente).count(),
    }


# --- municipal settings -----------------------------------------------------------------------


def instelling_samenvatting(onderwerp: str, waarde: dict[str, Any]) -> str:
    """A setting's value in one Dutch sentence, for the pages, the history and the API."""
    if onderwerp == Onderwerp.LADDER:
        ladder = instellingen_rules.ladder_uit(waarde)
        return " → ".join(stap.label for stap in ladder.stappen)
    if onderwerp == Onderwerp.RECHTMATIGHEID:
        regel = instellingen_rules.rechtmatigheid_uit(waarde)
        if regel.toetsing == Toetsing.GEEN:
            return "Geen toets per besluit."
        return f"{regel.toetsing.label} worden getoetst; " + (
            "verzenden vóór de toets mag (toets achteraf)."
            if regel.verzenden_voor_toetsing
            else "verzenden pas na de toets."
        )
    if onderwerp == Onderwerp.EIGEN_BIJDRAGE:
        regels = instellingen_rules.bijdrage_uit(waarde)
        delen = []
        if regels.vrijgestelde_categorieen:
            namen = sorted(
                instellingen_rules.CATEGORIE_LABELS[c].lower()
                for c in regels.vrijgestelde_categorieen
            )
            delen.append("geen bijdrage voor " + ", ".join(namen))
        if regels.minimabeleid_percentage is not None:
            delen.append(
                f"minimabeleid tot {regels.minimabeleid_percentage}% van het sociaal minimum"
            )
        if regels.lager_bedrag is not None:
            delen.append(f"lager bedrag € {regels.lager_bedrag:.2f} per maand".replace(".", ","))
        return ("; ".join(delen) or "geen gemeentelijke vrijstellingen").capitalize() + "."
    if onderwerp == Onderwerp.PARTICIPATIE:
        return _participatie_samenvatting(waarde)
    return f"Naam van het team: {instellingen_rules.teksten_uit(waarde).teamnaam}."


def _procent(getal: Any) -> str:
    return f"{getal.normalize():f}".replace(".", ",") + "%"


def _participatie_samenvatting(waarde: dict[str, Any]) -> str:
    try:
        keuze = instellingen_rules.participatie_uit(waarde)
    except ValueError as exc:  # a row stored before the check: say what is wrong with it
        return f"Ongeldige waarde ({exc}); eenplan gebruikt de standaard."
    d = keuze.drempels
    plaatsen = (
        "aantal plaatsen beschut werk niet ingesteld"
        if keuze.beschut_werk_plaatsen is None
        else f"{keuze.beschut_werk_plaatsen} plaatsen beschut werk"
    )
    maatregelen = (
        "maatregelen: het voorbeeld van eenplan (nog geen verordening ingesteld)"
        if keuze.maatregelen is None
        else "maatregelen: "
        + "; ".join(
            f"categorie {r.categorie} {_procent(r.percentage)} gedurende {r.maanden} "
            f"{'maand' if r.maanden == 1 else 'maanden'}"
            + (", na een waarschuwing" if r.waarschuwing_eerst else "")
            for r in keuze.maatregelen.values()
        )
    )
    return (
        f"Directe bemiddeling vanaf {_procent(d.direct)} van het minimumloon, Werkspoor vanaf "
        f"{_procent(d.werkspoor)}; {plaatsen}; {maatregelen}."
    )


def _participatie_nu(rij: Instelling | None) -> dict[str, Any]:
    """The work-and-income setting in force (or the default: Hardenberg's thresholds, nothing
    else set) as the form and the API show it."""
    if rij is not None:
        try:
            return instellingen_rules.waarde_van(
                instellingen_rules.participatie_uit(rij.waarde, rij.bron)
            )
        except ValueError:
            pass
    return instellingen_rules.waarde_van(
        instellingen_rules.ParticipatieInstelling(drempels=participatie_selectors.STANDAARD)
    )


@dataclass(frozen=True)
class InstellingOverzicht:
    """One subject on the settings page: what applies today, what is planned, all versions."""

    onderwerp: str
    titel: str
    nu: Instelling | None
    waarde_nu: dict[str, Any]
    samenvatting_nu: str
    gepland: list[Instelling]
    versies: list[Instelling]
    laatste_versie: int


def instellingen_overzicht(*, gemeente: Gemeente, vandaag: dt.date) -> list[InstellingOverzicht]:
    """Per subject the value in force today (or the default), later versions already stored,
    and the whole history; two queries whatever the number of versions."""
    huidig = instellingen_op(gemeente.pk, vandaag)
    alle = list(instelling_versies(gemeente=gemeente))
    standaard = {
        Onderwerp.LADDER: instellingen_rules.waarde_van(huidig.ladder),
        Onderwerp.RECHTMATIGHEID: instellingen_rules.waarde_van(huidig.rechtmatigheid),
        Onderwerp.EIGEN_BIJDRAGE: instellingen_rules.waarde_van(huidig.bijdrage),
        Onderwerp.TEKSTEN: instellingen_rules.waarde_van(huidig.teksten),
        Onderwerp.PARTICIPATIE: _participatie_nu(huidig.versies.get(Onderwerp.PARTICIPATIE)),
    }
    overzicht = []
    for onderwerp in Onderwerp:
        versies = [v for v in alle if v.onderwerp == onderwerp]
        nu = huidig.versies[onderwerp]
        waarde = standaard[onderwerp]
        for v in versies:
            v.samenvatting = instelling_samenvatting(onderwerp, v.waarde)  # type: ignore[attr-defined]
        overzicht.append(
            InstellingOverzicht(
                onderwerp=onderwerp.value,
                titel=onderwerp.label,
                nu=nu,
                waarde_nu=waarde,
                samenvatting_nu=instelling_samenvatting(onderwerp, waarde),
                gepland=[v for v in versies if v.geldig_vanaf > vandaag],
                versies=versies,
                laatste_versie=max((v.versie for v in versies), default=0),
            )
        )
    return overzicht
