"""/beheer/: Django's stock admin, for superusers only (`_alleen_superuser`); the functioneel
beheerder manages the set-up of their own municipality in /functioneel-beheer/ (the `beheer` app).
The rules below stay as a second line behind that:

No self-elevation (docs/security.md, "Beheer zonder zelfverhoging"):
- every list, form choice and object is limited to the beheerder's own municipality;
- nobody changes their own medewerker record (roles, teams, registration, account);
- roles, teams, registration and the login's active state change only through
  `gemeente.services` (logged in `RolWijziging`; with EENPLAN_ROLWIJZIGING_VIER_OGEN they wait
  as a `RolWijzigingVerzoek` for a second functioneel beheerder);
- groups and permissions follow the role: the User admin shows them read-only and only to a
  superuser, the Group admin is read-only; nobody grants permissions or superuser here.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.admin import GroupAdmin as DjangoGroupAdmin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse

from eenplan.gemeente import services
from eenplan.gemeente.constants import Rol, VerzoekStatus
from eenplan.gemeente.models import (
    GelijkgesteldeFeestdag,
    Gemeente,
    Medewerker,
    RolWijziging,
    RolWijzigingVerzoek,
    Team,
    Wijk,
)
from eenplan.gemeente.selectors import Toewijzing, beheer_gemeente_id, medewerker_toewijzing


def _alleen_superuser(request: HttpRequest) -> bool:
    """The stock admin at /beheer/ is for superusers only (installation, a new municipality);
    the functioneel beheerder works in /functioneel-beheer/ (the `beheer` app)."""
    return bool(request.user.is_active and request.user.is_superuser)


admin.site.has_permission = _alleen_superuser  # type: ignore[method-assign]


def _own(qs: QuerySet[Any], request: HttpRequest, veld: str = "gemeente_id") -> QuerySet[Any]:
    """Only what belongs to the login's own municipality (a superuser without a medewerker
    record sees every municipality)."""
    gemeente_id = beheer_gemeente_id(request.user)
    return qs if gemeente_id is None else qs.filter(**{veld: gemeente_id})


class OwnMunicipalityAdmin(admin.ModelAdmin):
    """Lists, objects and foreign-key choices limited to the own municipality."""

    gemeente_veld = "gemeente_id"

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        return _own(super().get_queryset(request), request, self.gemeente_veld)

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if db_field.related_model is Gemeente:
            kwargs["queryset"] = _own(Gemeente.objects.all(), request, "pk")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if db_field.related_model in (Wijk, Team):
            kwargs["queryset"] = _own(db_field.related_model.objects.all(), request)
        return super().formfield_for_manytomany(db_field, request, **kwargs)


def _form_errors(form: forms.Form, exc: ValidationError | PermissionDenied) -> None:
    if isinstance(exc, PermissionDenied):
        form.add_error(None, str(exc))
        return
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)


@admin.register(Gemeente)
class GemeenteAdmin(OwnMunicipalityAdmin):
    list_display = ["naam", "cbs_code"]
    gemeente_veld = "pk"

    def has_add_permission(self, request: HttpRequest) -> bool:
        # A new municipality is an installation step, not a beheerder's.
        return bool(request.user.is_superuser) and super().has_add_permission(request)


@admin.register(Wijk)
class WijkAdmin(OwnMunicipalityAdmin):
    list_display = ["naam", "code", "gemeente"]


class TeamForm(forms.ModelForm):
    door: Any = None

    class Meta:
        model = Team
        fields = ["gemeente", "naam", "soort", "wijken"]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if self.instance.pk and "wijken" in data:
            try:
                services.team_change_check(
                    door=self.door, team=self.instance, wijken=data["wijken"]
                )
            except (ValidationError, PermissionDenied) as exc:
                _form_errors(self, exc)
        return data


@admin.register(Team)
class TeamAdmin(OwnMunicipalityAdmin):
    form = TeamForm
    list_display = ["naam", "soort", "gemeente"]
    list_filter = ["soort"]
    filter_horizontal = ["wijken"]

    def get_form(self, request: HttpRequest, obj: Any = None, **kwargs: Any) -> Any:
        form = super().get_form(request, obj, **kwargs)
        form.door = request.user
        return form

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        return ["gemeente"] if obj is not None else []

    def save_model(self, request: HttpRequest, obj: Team, form: Any, change: bool) -> None:
        data = form.cleaned_data
        if change:
            services.team_change(
                door=request.user,
                team=obj,
                naam=data["naam"],
                soort=data["soort"],
                wijken=data["wijken"],
            )
            return
        team = services.team_create(
            door=request.user,
            gemeente=data["gemeente"],
            naam=data["naam"],
            soort=data["soort"],
            wijken=data["wijken"],
        )
        obj.pk, obj._state = team.pk, team._state

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        """The wijken were set (and logged) by the service."""


ROL_KEUZES = Rol.choices
EIGEN_RECORD = (
    "Dit is uw eigen account. Uw rollen, teams, registratie en account wijzigt een andere "
    "functioneel beheerder."
)


class MedewerkerForm(forms.ModelForm):
    """Roles, teams and registration of an existing medewerker; saved by the service."""

    door: Any = None
    extra_rollen = forms.MultipleChoiceField(
        label="Extra rollen",
        choices=ROL_KEUZES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Rollen naast de functie. Elke rol geeft de rechten uit gemeente/roles.py.",
    )
    actief = forms.BooleanField(
        label="Account actief",
        required=False,
        help_text="Uitzetten in plaats van verwijderen: het account kan dan niet meer inloggen.",
    )

    class Meta:
        model = Medewerker
        fields = ["functie", "teams", "registratienummer", "registratie_geldig_tot", "expertises"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            huidig = medewerker_toewijzing(self.instance)
            self.fields["extra_rollen"].initial = list(huidig.extra_rollen)
            self.fields["actief"].initial = huidig.actief
            if "teams" in self.fields:
                self.fields["teams"].queryset = Team.objects.filter(
                    gemeente_id=self.instance.gemeente_id
                )

    def toewijzing(self) -> Toewijzing:
        data = self.cleaned_data
        return Toewijzing.of(
            functie=data.get("functie") or "",
            extra_rollen=data.get("extra_rollen") or (),
            teams=data.get("teams") or (),
            registratienummer=data.get("registratienummer") or "",
            registratie_geldig_tot=data.get("registratie_geldig_tot"),
            actief=data.get("actief", False),
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not self.errors and self.instance.pk:
            try:
                services.medewerker_rollen_check(
                    door=self.door, medewerker=self.instance, nieuw=self.toewijzing()
                )
            except (ValidationError, PermissionDenied) as exc:
                _form_errors(self, exc)
        return data

    def _post_clean(self) -> None:
        # The model checks run in the service; the form never writes roles or teams itself.
        pass


class MedewerkerAddForm(MedewerkerForm):
    """A new login with its medewerker record, created by `medewerker_create`."""

    username = forms.CharField(label="Gebruikersnaam", max_length=150)
    first_name = forms.CharField(label="Voornaam", max_length=150)
    last_name = forms.CharField(label="Achternaam", max_length=150)
    email = forms.EmailField(label="E-mailadres", required=False)
    password1 = forms.CharField(label="Wachtwoord", widget=forms.PasswordInput, strip=False)
    password2 = forms.CharField(
        label="Wachtwoord (nogmaals)", widget=forms.PasswordInput, strip=False
    )

    class Meta(MedewerkerForm.Meta):
        fields = ["gemeente", *MedewerkerForm.Meta.fields]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["actief"].initial = True  # not shown; the toewijzing of a new account

    def toewijzing(self) -> Toewijzing:
        return dataclasses.replace(super().toewijzing(), actief=True)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if get_user_model().objects.filter(username=data.get("username")).exists():
            self.add_error("username", f"De gebruikersnaam '{data['username']}' bestaat al.")
        if data.get("password1") != data.get("password2"):
            self.add_error("password2", "De twee wachtwoorden zijn niet gelijk.")
        elif data.get("password1"):
            try:
                password_validation.validate_password(data["password1"])
            except ValidationError as exc:
                self.add_error("password1", exc)
        gemeente = data.get("gemeente")
        teams = data.get("teams") or []
        if gemeente is not None and any(t.gemeente_id != gemeente.pk for t in teams):
            self.add_error("teams", services.TEAM_ANDERE_GEMEENTE)
        if gemeente is not None and not self.errors:
            try:
                services.medewerker_create_check(
                    door=self.door, gemeente=gemeente, nieuw=self.toewijzing()
                )
            except (ValidationError, PermissionDenied) as exc:
                _form_errors(self, exc)
        return data


@admin.register(Medewerker)
class MedewerkerAdmin(OwnMunicipalityAdmin):
    """Staff of the own municipality. Roles, teams and registration go through the services
    (logged, four eyes by setting); one's own record is view-only."""

    form = MedewerkerForm
    add_form = MedewerkerAddForm
    list_display = ["__str__", "functie", "registratienummer", "registratie_geldig_tot"]
    list_filter = ["functie", ("teams", admin.RelatedOnlyFieldListFilter)]
    filter_horizontal = ["teams"]
    list_select_related = ["user"]

    @admin.display(description="Gebruikersnaam")
    def gebruiker(self, obj: Medewerker) -> str:
        return obj.user.get_username()

    @admin.display(description="Extra rollen")
    def extra_rollen(self, obj: Medewerker) -> str:
        rollen = medewerker_toewijzing(obj).extra_rollen
        return ", ".join(Rol(r).label for r in rollen) or "—"

    @admin.display(description="Account actief", boolean=True)
    def actief(self, obj: Medewerker) -> bool:
        return obj.user.is_active

    def get_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        rest = ["functie", "extra_rollen", "teams", "registratienummer",
                "registratie_geldig_tot", "expertises"]
        if obj is None:  # a new account is active at once, or after approval (four eyes)
            return ["gemeente", "username", "first_name", "last_name", "email", "password1",
                    "password2", *rest]
        return ["gebruiker", "gemeente", *rest[:-1], "actief", rest[-1]]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        return ["gebruiker", "gemeente"] if obj is not None else []

    def get_form(self, request: HttpRequest, obj: Any = None, **kwargs: Any) -> Any:
        if obj is None:
            kwargs["form"] = self.add_form
        form = super().get_form(request, obj, **kwargs)
        form.door = request.user
        return form

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if obj is not None and obj.user_id == request.user.pk:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # deactivate instead: log rows keep pointing at the person

    def change_view(
        self,
        request: HttpRequest,
        object_id: str,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        eigen = self.get_queryset(request).filter(pk=object_id, user_id=request.user.pk).exists()
        if eigen:
            if request.method == "POST":
                raise PermissionDenied(services.EIGEN_ACCOUNT)
            messages.info(request, EIGEN_RECORD)
        return super().change_view(request, object_id, form_url, extra_context)

    def save_model(self, request: HttpRequest, obj: Medewerker, form: Any, change: bool) -> None:
        data = form.cleaned_data
        nieuw = form.toewijzing()
        if not change:
            medewerker = services.medewerker_create(
                door=request.user,
                gemeente=data["gemeente"],
                username=data["username"],
                password=data["password1"],
                first_name=data["first_name"],
                last_name=data["last_name"],
                email=data.get("email") or "",
                functie=nieuw.functie,
                extra_rollen=nieuw.extra_rollen,
                teams=data.get("teams") or (),
                expertises=data.get("expertises") or "",
                registratienummer=nieuw.registratienummer,
                registratie_geldig_tot=nieuw.registratie_geldig_tot,
            )
            obj.pk, obj.user, obj._state = medewerker.pk, medewerker.user, medewerker._state
            if not medewerker.user.is_active:
                messages.warning(request, VIER_OGEN_NIEUW)
            return
        huidig = Medewerker.objects.get(pk=obj.pk)
        if huidig.expertises != data.get("expertises", huidig.expertises):
            huidig.expertises = data["expertises"]
            huidig.save(update_fields=["expertises", "updated_at"])
        verzoek = services.medewerker_rollen_change(
            door=request.user,
            medewerker=huidig,
            functie=nieuw.functie,
            extra_rollen=nieuw.extra_rollen,
            teams=nieuw.teams,
            registratienummer=nieuw.registratienummer,
            registratie_geldig_tot=nieuw.registratie_geldig_tot,
            actief=nieuw.actief,
        )
        if verzoek is not None:
            messages.warning(request, f"{VIER_OGEN_WIJZIGING} {verzoek.samenvatting}")

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        """Teams and groups were set (and logged) by the service."""


VIER_OGEN_NIEUW = (
    "Het account is aangemaakt maar nog niet actief: een andere functioneel beheerder keurt het "
    "goed onder 'Wijzigingsverzoeken (rollen en teams)'."
)
VIER_OGEN_WIJZIGING = (
    "De wijziging is nog niet doorgevoerd: een andere functioneel beheerder keurt haar goed "
    "onder 'Wijzigingsverzoeken (rollen en teams)'. Gevraagd:"
)


class ReadOnlyAdmin(OwnMunicipalityAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(RolWijziging)
class RolWijzigingAdmin(ReadOnlyAdmin):
    """Who changed whose role or team, what, old → new, when. Append-only."""

    list_display = ["moment", "door_gebruikersnaam", "medewerker", "team", "onderdeel", "oud",
                    "nieuw", "goedgekeurd_door"]
    list_filter = ["onderdeel"]
    list_select_related = ["medewerker__user", "team", "goedgekeurd_door"]
    search_fields = ["door_gebruikersnaam", "medewerker__user__username"]


@admin.register(RolWijzigingVerzoek)
class RolWijzigingVerzoekAdmin(ReadOnlyAdmin):
    """Pending role and team changes; a second functioneel beheerder approves or rejects them
    (the actions above the list)."""

    list_display = ["created_at", "medewerker", "samenvatting", "aangevraagd_door", "status",
                    "beoordeeld_door"]
    list_filter = ["status"]
    list_select_related = ["medewerker__user", "aangevraagd_door", "beoordeeld_door"]
    actions = ["goedkeuren", "afwijzen"]

    def has_approve_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("gemeente.change_rolwijzigingverzoek")

    def _each(self, request: HttpRequest, queryset: QuerySet[Any], service: Any, done: str) -> None:
        gelukt = 0
        for verzoek in queryset.filter(status=VerzoekStatus.OPEN):
            try:
                service(door=request.user, verzoek=verzoek)
                gelukt += 1
            except (ValidationError, PermissionDenied) as exc:
                text = " ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
                self.message_user(request, f"{verzoek.medewerker}: {text}", messages.ERROR)
        if gelukt:
            self.message_user(request, f"{gelukt} verzoek(en) {done}.", messages.SUCCESS)

    @admin.action(description="Geselecteerde verzoeken goedkeuren", permissions=["approve"])
    def goedkeuren(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        self._each(request, queryset, services.rolwijziging_approve, "goedgekeurd en doorgevoerd")

    @admin.action(description="Geselecteerde verzoeken afwijzen", permissions=["approve"])
    def afwijzen(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        self._each(request, queryset, services.rolwijziging_reject, "afgewezen")


@admin.register(GelijkgesteldeFeestdag)
class GelijkgesteldeFeestdagAdmin(admin.ModelAdmin):
    """For superusers only: the functioneel beheerder adds and removes these days in
    /functioneel-beheer/instellingen/, through the service that refuses removing a past day."""

    list_display = ["datum", "omschrijving", "bron"]

    def has_module_permission(self, request: HttpRequest) -> bool:
        return bool(request.user.is_active and request.user.is_superuser)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self.has_module_permission(request)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return self.has_module_permission(request)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self.has_module_permission(request)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self.has_module_permission(request)


# --- accounts and groups: follow the role, never edited by hand ----------------------------

User = get_user_model()
admin.site.unregister(User)
admin.site.unregister(Group)


class SuperuserOnly:
    """Only a superuser sees accounts in /beheer/; a functioneel beheerder manages staff
    through 'Medewerkers', whatever permissions someone might hold."""

    def has_module_permission(self, request: HttpRequest) -> bool:
        return bool(request.user.is_active and request.user.is_superuser)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self.has_module_permission(request)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self.has_module_permission(request)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # staff are created as medewerkers (with their role), superusers by command

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(User)
class UserAdmin(SuperuserOnly, DjangoUserAdmin):
    """Names, e-mail and password only. Groups, permissions, staff and superuser status are
    read-only: groups follow the role (gemeente.services), superusers come from
    `eenplan createsuperuser`."""

    fieldsets = (
        (None, {"fields": ("username", "password")}),
        ("Persoonlijke gegevens", {"fields": ("first_name", "last_name", "email")}),
        (
            "Rechten (volgen de rol; alleen-lezen)",
            {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")},
        ),
        ("Data", {"fields": ("last_login", "date_joined")}),
    )
    readonly_fields = ["is_active", "is_staff", "is_superuser", "groups", "user_permissions",
                       "last_login", "date_joined"]


@admin.register(Group)
class GroupAdmin(SuperuserOnly, DjangoGroupAdmin):
    """The role groups and their permissions, as `roles_sync` sets them: read-only."""

    readonly_fields = ["name", "permissions"]

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
