"""Reads of the gemeente app."""

from __future__ import annotations

import contextvars
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import (
    Case,
    Count,
    Exists,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
    Window,
)
from django.db.models.functions import JSONArray
from django.utils import timezone

from eenplan.common.aggregaten import JsonLijst, op_volgorde
from eenplan.common.gecompileerd import Gecompileerd
from eenplan.common.termijnstand import Drempels
from eenplan.gemeente.constants import Rol, VerzoekStatus
from eenplan.gemeente.models import (
    GelijkgesteldeFeestdag,
    Gemeente,
    Instelling,
    Medewerker,
    RolWijziging,
    RolWijzigingVerzoek,
    Sessie,
    Team,
    Wijk,
)
from eenplan.rules import instellingen as instellingen_rules
from eenplan.rules.eigen_bijdrage import GemeentelijkeRegels
from eenplan.rules.instellingen import Onderwerp, Rechtmatigheidsregel, Teksten
from eenplan.rules.onderzoek import STANDAARD_LADDER, Ladder
from eenplan.rules.termijnen import GelijkgesteldeDag

# The attribute `GemeenteKeuzeMiddleware` (eenplan.gemeente.middleware) sets on a request's user:
# the municipality chosen in the session. Read only here; validated against the memberships.
GEKOZEN_GEMEENTE = "eenplan_gemeente_keuze"
_GEEN = object()


def medewerker_for_user(user: AbstractBaseUser | AnonymousUser) -> Medewerker | None:
    """The medewerker record of a login, or None (superusers without one, anonymous users).

    A login of a regional team has one record per municipality (issue 16): the record of the
    municipality chosen in the session when the login works there, else its first (oldest)
    membership. A municipality the login does not work for is never chosen. One query, cached
    on the user object for the request; `aantal_gemeenten` on the record says how many
    municipalities the login works for (the header's switch), from the same query, and the
    same query reads what every staff request asks next (`actor_laden`): the login's
    permissions, its wijken scope and its teams."""
    if not user.is_authenticated:
        return None
    cached = getattr(user, "_eenplan_medewerker", _GEEN)
    if cached is not _GEEN:
        return cached  # type: ignore[return-value]
    medewerker = actor_laden(user.pk, getattr(user, GEKOZEN_GEMEENTE, None))
    if medewerker is not None:
        login_vullen(medewerker, user)
    user._eenplan_medewerker = medewerker  # type: ignore[union-attr]
    return medewerker


def actor_laden(user_id: Any, gekozen: int | None, *, met_login: bool = False) -> Medewerker | None:
    """The acting record of login `user_id` (see `medewerker_for_user`) in one query, with
    what every staff request needs of it (issue 16: these were four queries on every page):
    the municipality (without its logo), `aantal_gemeenten`, and as JSON next to the row the
    login's permissions (its own and its roles', as Django's ModelBackend reads them), the
    municipality's wijken with whether one of the record's teams serves each, and the
    record's teams; and the declared holidays (reference data every page with a deadline
    needs, kept for the rest of a request that only reads, `VERZOEK`). Nothing is kept between
    requests: a changed role, team or wijk counts from
    the next request on. `met_login`: the login itself in the same query (the authentication
    backend, `gemeente.backends`). Unpacked by `login_vullen`."""
    # Compiled once (ADR 0055); a login id that is no whole number is read by building anew.
    waarden = {"login": user_id, "vandaag": timezone.localdate()}
    if gekozen is not None:
        waarden["gekozen"] = gekozen
    return _ACTOR[(met_login, gekozen is not None)].eerste(**waarden)


def _actor(
    *, login: Any, gekozen: Any, met_login: bool, vandaag: dt.date | None = None
) -> QuerySet[Medewerker]:
    """The query of `actor_laden`: the first of the login's running memberships, the one in
    municipality `gekozen` first."""
    leden = _leden(Q(user_id=login), met_login=met_login, vandaag=vandaag)
    if gekozen is None:
        return leden.order_by("pk")[:1]
    voorkeur = Case(When(gemeente_id=gekozen, then=Value(0)), default=Value(1))
    return leden.order_by(voorkeur, "pk")[:1]


def _sessie_actor(*, sessie: str, nu: dt.datetime, vandaag: dt.date) -> QuerySet[Medewerker]:
    """The query of `actor_bij_sessie`."""
    rij = Sessie.objects.filter(session_key=sessie, expire_date__gt=nu)
    keuze = Subquery(rij.values("gemeente_keuze"))
    voorkeur = Case(When(gemeente_id=keuze, then=Value(0)), default=Value(1))
    leden = _leden(Q(user_id=Subquery(rij.values("gebruiker_id"))), met_login=True, vandaag=vandaag)
    return leden.annotate(
        _sessie_data=Subquery(rij.values("session_data")),
        _sessie_verloop=Subquery(rij.values("expire_date")),
        _sessie_keuze=keuze,
    ).order_by(voorkeur, "pk")[:1]


# The login's queries, each built and compiled once per process and connection (ADR 0055):
# Django built and compiled them in 6-7 ms of CPU on every staff request.
_ACTOR = {
    (met_login, met_keuze): Gecompileerd(
        lambda met_login=met_login, **w: _actor(**{"gekozen": None} | w, met_login=met_login),
        login=int,
        vandaag=dt.date,
        **({"gekozen": int} if met_keuze else {}),
    )
    for met_login in (True, False)
    for met_keuze in (True, False)
}
_SESSIE_ACTOR = Gecompileerd(_sessie_actor, sessie=str, nu=dt.datetime, vandaag=dt.date)


def actor_bij_sessie(session_key: str, nu: dt.datetime) -> Medewerker | None:
    """`actor_laden(..., met_login=True)` for the login of session `session_key`, with the
    session's encoded data, expiry and chosen municipality next to the row (`_sessie_data`,
    `_sessie_verloop`, `_sessie_keuze`): the session and the staff login in one round trip
    (ADR 0054; `gemeente.sessies`). The login and the municipality come from the session's
    columns (`Sessie`), which are hints: the caller uses the row only when they equal what the
    decoded data says. None when the session has expired or does not exist, or its login has
    no running membership."""
    return _SESSIE_ACTOR.eerste(sessie=session_key, nu=nu, vandaag=timezone.localdate())


def _leden(login: Q, *, met_login: bool, vandaag: dt.date | None = None) -> QuerySet[Medewerker]:
    """The running memberships of one login (`login`: the condition on `user_id`) with what
    `login_vullen` unpacks (see `actor_laden`)."""
    eigen, via_rol = _rechten_subqueries(OuterRef("user_id"))
    bediend = Team.wijken.through.objects.filter(
        wijk_id=OuterRef("pk"),
        team__gemeente_id=OuterRef(OuterRef("gemeente_id")),
        team__medewerkers=OuterRef(OuterRef("pk")),
    )
    wijken = (
        Wijk.objects.filter(gemeente_id=OuterRef("gemeente_id"))
        .annotate(bediend=Exists(bediend))
        .order_by()
        .values("gemeente_id")
        .annotate(j=JsonLijst(JSONArray("naam", "id", "code", "bediend"), geordend=True))
        .values("j")
    )
    teams = (
        Team.objects.filter(medewerkers=OuterRef("pk"), gemeente_id=OuterRef("gemeente_id"))
        .order_by()
        .annotate(_een=Value(1))
        .values("_een")
        .annotate(j=JsonLijst(JSONArray("naam", "id", "gemeente_id", "soort"), geordend=True))
        .values("j")
    )
    feestdagen = (
        GelijkgesteldeFeestdag.objects.order_by()
        .annotate(_een=Value(1))
        .values("_een")
        .annotate(j=JsonLijst(JSONArray("datum", "bron", "omschrijving"), geordend=True))
        .values("j")
    )
    return (
        Medewerker.objects.filter(lopend_q(vandaag), login)
        .select_related("gemeente", *(["user"] if met_login else []))
        .defer("gemeente__logo")
        .annotate(
            aantal_gemeenten=Window(Count("pk")),
            _rechten_eigen=Subquery(eigen),
            _rechten_rol=Subquery(via_rol),
            _wijken=Subquery(wijken),
            _teams=Subquery(teams),
            _feestdagen=Subquery(feestdagen),
        )
    )


def login_vullen(medewerker: Medewerker, user: Any) -> None:
    """Put what `actor_laden` read where the request looks for it: the permission caches of
    Django's ModelBackend on the login (the sets it would compute itself; not for an inactive
    login or a superuser, whom Django answers without them), the wijken scope on the record
    (`privacy.access` reads it), the teams as the record's prefetched `teams`."""
    medewerker.user = user  # type: ignore[assignment]
    eigen: Any = medewerker.__dict__.pop("_rechten_eigen", None) or []
    via_rol: Any = medewerker.__dict__.pop("_rechten_rol", None) or []
    if user.is_active and not user.is_superuser and not hasattr(user, "_perm_cache"):
        _rechten_vullen(user, eigen, via_rol)
    db = medewerker._state.db or "default"
    wijk_rijen = op_volgorde(medewerker.__dict__.pop("_wijken", None), db)
    wijken = tuple(
        Wijk.from_db(
            db, ["id", "gemeente_id", "code", "naam"], [pk, medewerker.gemeente_id, code, naam]
        )
        for naam, pk, code, _ in wijk_rijen
    )
    mijn = sorted(pk for _, pk, _, is_bediend in wijk_rijen if is_bediend)
    medewerker._wijk_scope = WijkScope(  # type: ignore[attr-defined]
        wijken, mijn, bool(wijken) and len(mijn) == len(wijken)
    )
    team_rijen = op_volgorde(medewerker.__dict__.pop("_teams", None), db)
    qs = medewerker.teams.all()
    qs._result_cache = [
        Team.from_db(db, ["id", "gemeente_id", "naam", "soort"], [pk, gemeente_id, naam, soort])
        for naam, pk, gemeente_id, soort in team_rijen
    ]
    qs._prefetch_done = True
    medewerker._prefetched_objects_cache = {"teams": qs}  # type: ignore[attr-defined]
    feestdagen = op_volgorde(medewerker.__dict__.pop("_feestdagen", None), db)
    verzoek = VERZOEK.get()
    if verzoek is not None:
        verzoek["feestdagen"] = tuple(
            GelijkgesteldeDag(datum=dt.date.fromisoformat(datum), bron=bron, omschrijving=oms)
            for datum, bron, oms in feestdagen
        )


def rechten_laden(user: Any) -> None:
    """The permissions of a staff login (its roles' groups and its own), in one query instead of
    Django's two (issue 16: every page asks them). Fills the caches `ModelBackend` keeps on the
    user object for the request (`_user_perm_cache`, `_group_perm_cache`, `_perm_cache`) with
    exactly the sets it would compute itself; nothing when they are there already, for an
    inactive or anonymous login, or for a superuser (who has every permission unasked)."""
    if (
        not getattr(user, "is_authenticated", False)
        or not user.is_active
        or user.is_superuser
        or hasattr(user, "_perm_cache")
    ):
        return
    from django.contrib.auth import get_user_model

    eigen, via_rol = _rechten_subqueries(OuterRef("pk"))
    rijen = (
        get_user_model()
        .objects.filter(pk=user.pk)
        .annotate(eigen=Subquery(eigen), via_rol=Subquery(via_rol))
        .values_list("eigen", "via_rol")
        .first()
    )
    _rechten_vullen(user, *(rijen or (None, None)))


def _rechten_subqueries(login: Any) -> tuple[QuerySet[Any], QuerySet[Any]]:
    """The permissions of login `login` (an outer reference to its key), its own and its
    roles', each as a JSON list of `[app_label, codename]` — the sets Django's ModelBackend
    computes (`_get_user_permissions`, `_get_group_permissions`). Read from the login's own
    rows (its permissions, its groups' permissions) and only then the permission and its
    content type by key, not by testing every permission of the installation (issue 16: that
    was 0.65 of the login query's 0.9 ms)."""
    from django.contrib.auth.models import Permission

    def lijst(qs: QuerySet[Any]) -> QuerySet[Any]:
        return (
            qs.order_by()
            .annotate(_een=Value(1))
            .values("_een")
            .annotate(j=JsonLijst(JSONArray("content_type__app_label", "codename")))
            .values("j")
        )

    return (
        lijst(Permission.objects.filter(user=login)),
        lijst(Permission.objects.filter(group__user=login)),
    )


def _rechten_vullen(user: Any, eigen: Any, via_rol: Any) -> None:
    """The permission caches of Django's ModelBackend on `user`, from the two lists of
    `_rechten_subqueries` (JSON `[app_label, codename]` pairs; None when there are none)."""
    gebruiker = {f"{app}.{code}" for app, code in eigen or ()}
    groep = {f"{app}.{code}" for app, code in via_rol or ()}
    user._user_perm_cache = gebruiker
    user._group_perm_cache = groep
    user._perm_cache = gebruiker | groep


def gemeenten_van_login(user: AbstractBaseUser | AnonymousUser) -> QuerySet[Medewerker]:
    """The memberships of a login (one per municipality it works for), by municipality name."""
    if not user.is_authenticated:
        return Medewerker.objects.none()
    return (
        Medewerker.objects.filter(lopend_q(), user_id=user.pk)
        .select_related("gemeente")
        .prefetch_related("teams")
        .order_by("gemeente__naam")
    )


def lopend_q(vandaag: dt.date | None = None) -> Q:
    """Memberships that hold today: a regional membership ends on `lid_tot` (issue 16)."""
    vandaag = vandaag or timezone.localdate()
    return Q(lid_tot__isnull=True) | Q(lid_tot__gt=vandaag)


def regionale_login(*, gemeente: Gemeente, gebruikersnaam: str) -> Any:
    """The login with this username that works for another municipality of the region (a
    running membership there), or None."""
    from django.contrib.auth import get_user_model

    return (
        get_user_model()
        .objects.filter(
            username=gebruikersnaam.strip(),
            medewerkers__in=Medewerker.objects.filter(lopend_q()).exclude(gemeente=gemeente),
        )
        .distinct()
        .first()
    )


def regio_lidmaatschappen(*, gemeente: Gemeente | int) -> list[Medewerker]:
    """The records of this municipality whose login also works for another municipality of
    the region (running and ended), with `andere_gemeenten`: the names of the others where it
    still works. Two queries."""
    gemeente_id = gemeente if isinstance(gemeente, int) else gemeente.pk
    elders = Medewerker.objects.filter(user_id=OuterRef("user_id")).exclude(gemeente_id=gemeente_id)
    leden = list(
        Medewerker.objects.filter(Exists(elders), gemeente_id=gemeente_id)
        .select_related("user")
        .prefetch_related(Prefetch("teams", queryset=Team.objects.filter(gemeente_id=gemeente_id)))
        .order_by("user__last_name", "user__first_name", "pk")
    )
    namen: dict[int, list[str]] = {}
    for user_id, naam in (
        Medewerker.objects.filter(lopend_q(), user_id__in=[m.user_id for m in leden])
        .exclude(gemeente_id=gemeente_id)
        .order_by("gemeente__naam")
        .values_list("user_id", "gemeente__naam")
    ):
        namen.setdefault(user_id, []).append(naam)
    for m in leden:
        m.andere_gemeenten = namen.get(m.user_id, [])  # type: ignore[attr-defined]
    return leden


def wijken_list(*, gemeente: Gemeente) -> QuerySet[Wijk]:
    return Wijk.objects.filter(gemeente=gemeente).order_by("naam")


@dataclass(frozen=True)
class WijkScope:
    """The wijken of a medewerker's municipality (by name), those its teams serve, and
    whether that is every wijk."""

    wijken: tuple[Wijk, ...]
    mijn: list[int]
    hele_gemeente: bool


def wijken_scope(medewerker: Medewerker) -> WijkScope:
    """The wijken served by any of the medewerker's teams, within the record's municipality (a
    regional login's other records never widen it), whether that is every wijk of the
    municipality, and the municipality's wijken themselves: one query (the need-to-know
    scope asks it on every page, and pages list the wijken; issue 16)."""
    geladen = getattr(medewerker, "_wijk_scope", None)
    if geladen is not None:
        return geladen  # read with the record this request (`actor_laden`)
    gemeente_id = medewerker.gemeente_id
    bediend = Team.wijken.through.objects.filter(
        wijk_id=OuterRef("pk"), team__gemeente_id=gemeente_id, team__medewerkers=medewerker
    )
    wijken = tuple(
        Wijk.objects.filter(gemeente_id=gemeente_id)
        .annotate(bediend=Exists(bediend))
        .order_by("naam", "id")
    )
    mijn = sorted(w.pk for w in wijken if w.bediend)  # type: ignore[attr-defined]
    return WijkScope(wijken, mijn, bool(wijken) and len(mijn) == len(wijken))


def wijk_ids_for_medewerker(medewerker: Medewerker) -> list[int]:
    """The wijken served by any of the medewerker's teams, within the record's municipality
    (a regional login's other records never widen it; the condition also keeps the query on
    one shard, docs/scaling.md)."""
    return wijken_scope(medewerker).mijn


def teams_list(*, gemeente: Gemeente) -> QuerySet[Team]:
    """The municipality's teams with their wijken, both read with the municipality's
    condition (issue 16)."""
    return (
        Team.objects.filter(gemeente=gemeente)
        .prefetch_related(Prefetch("wijken", queryset=Wijk.objects.filter(gemeente=gemeente)))
        .order_by("naam")
    )


# What a request that only reads (GET, HEAD) read once for the whole request, set by
# `gemeente.middleware.AuthenticationMiddleware` and filled by `actor_laden`: the declared
# holidays, read with the login (issue 16: one query less on every page with deadlines). None
# outside such a request (a write reads them itself, so a holiday it adds counts at once).
VERZOEK: contextvars.ContextVar[dict[str, Any] | None] = contextvars.ContextVar(
    "eenplan_verzoek", default=None
)


def gelijkgestelde_dagen() -> tuple[GelijkgesteldeDag, ...]:
    """Holidays declared by decree that the municipality entered (added to the built-in ones)."""
    verzoek = VERZOEK.get()
    if verzoek is not None and "feestdagen" in verzoek:
        return verzoek["feestdagen"]  # type: ignore[no-any-return]
    return tuple(
        GelijkgesteldeDag(datum=d.datum, bron=d.bron, omschrijving=d.omschrijving)
        for d in GelijkgesteldeFeestdag.objects.all()
    )


@dataclass(frozen=True)
class Instellingen:
    """The municipal settings in force on a date (issue 10), each as the rules use it, with
    the stored version it came from (None: the default, nothing stored yet)."""

    ladder: Ladder
    rechtmatigheid: Rechtmatigheidsregel
    bijdrage: GemeentelijkeRegels
    teksten: Teksten
    versies: dict[str, Instelling | None]


def _standaard_rechtmatigheid() -> Rechtmatigheidsregel:
    # Before a municipality stores its rule: a generalist's decision is checked, and whether it
    # may be sent first is the installation's default (EENPLAN_VERZENDEN_VOOR_TOETSING).
    return Rechtmatigheidsregel(
        verzenden_voor_toetsing=bool(settings.EENPLAN_VERZENDEN_VOOR_TOETSING)
    )


def instellingen_op(gemeente_id: int, op: dt.date) -> Instellingen:
    """The settings of the municipality in force on `op`: per subject the stored version with
    the latest `geldig_vanaf` on or before `op` (of two on the same day, the higher version);
    without one, the default (both optional ladder steps, a generalist's decision checked, no
    municipal exemptions, "wijkteam"). One query."""
    return instellingen_uit(instelling_rijen(gemeente_id, op))


def instelling_rijen(gemeente_id: Any, op: Any) -> QuerySet[Instelling]:
    """The stored versions `instellingen_op` chooses from (`gemeente_id`, `op`: values, or
    expressions of an outer query that reads them along, `common.aggregaten.rijen_json`)."""
    return Instelling.objects.filter(gemeente_id=gemeente_id, geldig_vanaf__lte=op)


def instellingen_uit(rijen: Iterable[Instelling]) -> Instellingen:
    """`instellingen_op` from its rows (`instelling_rijen`), however they were read."""
    gekozen: dict[str, Instelling] = {}
    for rij in sorted(rijen, key=lambda r: (r.geldig_vanaf, r.versie), reverse=True):
        gekozen.setdefault(rij.onderwerp, rij)

    def bron(rij: Instelling | None) -> str:
        return "" if rij is None else rij.bron

    ladder_rij = gekozen.get(Onderwerp.LADDER)
    recht_rij = gekozen.get(Onderwerp.RECHTMATIGHEID)
    bijdrage_rij = gekozen.get(Onderwerp.EIGEN_BIJDRAGE)
    teksten_rij = gekozen.get(Onderwerp.TEKSTEN)
    return Instellingen(
        ladder=STANDAARD_LADDER
        if ladder_rij is None
        else instellingen_rules.ladder_uit(ladder_rij.waarde, bron(ladder_rij)),
        rechtmatigheid=_standaard_rechtmatigheid()
        if recht_rij is None
        else instellingen_rules.rechtmatigheid_uit(recht_rij.waarde),
        bijdrage=GemeentelijkeRegels()
        if bijdrage_rij is None
        else instellingen_rules.bijdrage_uit(bijdrage_rij.waarde, bron(bijdrage_rij)),
        teksten=Teksten()
        if teksten_rij is None
        else instellingen_rules.teksten_uit(teksten_rij.waarde),
        versies={o.value: gekozen.get(o.value) for o in Onderwerp},
    )


def instelling_versies(*, gemeente: Gemeente) -> QuerySet[Instelling]:
    """Every stored version of every setting of the municipality, newest first per subject."""
    return (
        Instelling.objects.filter(gemeente=gemeente)
        .select_related("gewijzigd_door")
        .order_by("onderwerp", "-versie")
    )


def instelling_laatste_versie(*, gemeente: Gemeente, onderwerp: str) -> int:
    """The highest version stored for the subject (0: none yet)."""
    rij = (
        Instelling.objects.filter(gemeente=gemeente, onderwerp=onderwerp)
        .order_by("-versie")
        .values_list("versie", flat=True)
        .first()
    )
    return rij or 0


def termijn_drempels(vandaag: dt.date) -> Drempels:
    """The thresholds of the deadline state on `vandaag`, with the municipality's extra
    holidays (`common.termijnstand.termijn_stand` compares the date columns with them)."""
    return Drempels.bereken(vandaag, extra=gelijkgestelde_dagen())


@dataclass(frozen=True)
class Toewijzing:
    """What decides what a medewerker may do and see: roles, teams, registration, whether
    the login is active. Changed only by `gemeente.services.medewerker_rollen_change`."""

    functie: str
    extra_rollen: tuple[str, ...] = ()
    teams: tuple[int, ...] = ()
    registratienummer: str = ""
    registratie_geldig_tot: dt.date | None = None
    actief: bool = True

    @classmethod
    def of(
        cls,
        *,
        functie: str,
        extra_rollen: Iterable[str] = (),
        teams: Iterable[Team | int] = (),
        registratienummer: str = "",
        registratie_geldig_tot: dt.date | None = None,
        actief: bool = True,
    ) -> Toewijzing:
        """Normalised: extra roles without the main role, both sorted; team ids sorted."""
        functie = str(functie)
        return cls(
            functie=functie,
            extra_rollen=tuple(sorted({str(r) for r in extra_rollen} - {functie})),
            teams=tuple(sorted({t if isinstance(t, int) else t.pk for t in teams})),
            registratienummer=(registratienummer or "").strip(),
            registratie_geldig_tot=registratie_geldig_tot,
            actief=bool(actief),
        )

    def as_json(self) -> dict[str, Any]:
        return {
            "functie": self.functie,
            "extra_rollen": list(self.extra_rollen),
            "teams": list(self.teams),
            "registratienummer": self.registratienummer,
            "registratie_geldig_tot": self.registratie_geldig_tot.isoformat()
            if self.registratie_geldig_tot
            else None,
            "actief": self.actief,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Toewijzing:
        tot = data.get("registratie_geldig_tot")
        return cls.of(
            functie=data["functie"],
            extra_rollen=data.get("extra_rollen", ()),
            teams=data.get("teams", ()),
            registratienummer=data.get("registratienummer", ""),
            registratie_geldig_tot=dt.date.fromisoformat(tot) if tot else None,
            actief=data.get("actief", True),
        )


def medewerker_toewijzing(medewerker: Medewerker) -> Toewijzing:
    """The medewerker's current roles (main role plus the other role groups of the login),
    teams, registration and whether the login is active."""
    groepen = medewerker.user.groups.filter(name__in=Rol.values).values_list("name", flat=True)
    return Toewijzing.of(
        functie=medewerker.functie,
        extra_rollen=groepen,
        teams=medewerker.teams.filter(gemeente_id=medewerker.gemeente_id).values_list(
            "pk", flat=True
        ),
        registratienummer=medewerker.registratienummer,
        registratie_geldig_tot=medewerker.registratie_geldig_tot,
        actief=medewerker.user.is_active,
    )


def beheer_gemeente_id(user: Any) -> int | None:
    """The municipality whose set-up this login manages in /beheer/: its own; None for a
    superuser without a medewerker record (every municipality); -1 (nothing) otherwise."""
    medewerker = medewerker_for_user(user)
    if medewerker is not None:
        return medewerker.gemeente_id
    return None if user.is_superuser else -1


def rolwijzigingen_list(*, gemeente_id: int | None) -> Any:
    qs = RolWijziging.objects.select_related("medewerker__user", "team", "door")
    return qs if gemeente_id is None else qs.filter(gemeente_id=gemeente_id)


def open_verzoeken(*, gemeente_id: int | None) -> Any:
    qs = RolWijzigingVerzoek.objects.filter(status=VerzoekStatus.OPEN)
    return qs if gemeente_id is None else qs.filter(gemeente_id=gemeente_id)
