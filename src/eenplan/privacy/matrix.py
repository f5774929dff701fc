"""The declared access matrix and the endpoint registry (issue 8, item 3).

The matrix is data, derived from the two tables that decide access: `access.RULES` (which role
permissions a resource × action needs, and whether the resident must be within need-to-know)
and `gemeente.roles.ROLE_PERMISSIONS` (which permissions each role holds). For every role ×
resource × action × (in scope / out of scope) it says allowed or refused — exactly what
`access.decide` answers for a staff member of that role.

The endpoint registry says, for every URL pattern (pages, htmx fragments, PDFs, exports, API),
which (resource, action) guards it: read from the page decorator (`access.requires` sets
`view.access_rule`) or from a viewset's `access_rules`; endpoints that need no dossier rule
(logging in, the API description, Django's admin, …) are listed in `EXEMPT` with the reason.
tests/test_access_matrix.py fails when an endpoint is in neither, and checks the behaviour of
every endpoint against the matrix. `eenplan access_matrix --write` publishes the matrix and its
counts in docs/security.md.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver

from eenplan.gemeente import roles
from eenplan.gemeente.constants import Rol
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource

# --- the matrix -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Cell:
    """One decision of the matrix: may a staff member of `rol` do `action` on `resource` of a
    resident who is (`in_scope`) or is not within their need-to-know?"""

    rol: str
    resource: Resource
    action: Action
    in_scope: bool
    allowed: bool


def allowed(rol: str, resource: Resource, action: Action, *, in_scope: bool) -> bool:
    """What `access.decide` answers for a staff member of `rol` about a resident.

    A scoped rule needs the resident in scope; a role without the right to see dossiers has no
    resident in scope at all (`access.inwoners_in_scope` is empty for it)."""
    rule = access.RULES[(resource, action)]
    perms = set(roles.ROLE_PERMISSIONS[rol])
    if not set(rule.perms) <= perms:
        return False
    if not rule.scoped:
        return True
    return in_scope and roles.DOSSIER in perms


def matrix() -> list[Cell]:
    """Every role × declared (resource, action) × in / out of scope, in a stable order."""
    return [
        Cell(rol, resource, action, in_scope, allowed(rol, resource, action, in_scope=in_scope))
        for rol in Rol.values
        for resource, action in access.RULES
        for in_scope in (True, False)
    ]


@dataclass(frozen=True)
class Counts:
    allowed_in_scope: int
    allowed_out_of_scope: int
    refused: int


def counts() -> dict[str, Counts]:
    """Per role: how many (resource, action) cells are allowed in scope, allowed out of scope,
    and refused (of 2 × the number of declared rules)."""
    result: dict[str, Counts] = {}
    for rol in Rol.values:
        cells = [c for c in matrix() if c.rol == rol]
        binnen = sum(1 for c in cells if c.in_scope and c.allowed)
        buiten = sum(1 for c in cells if not c.in_scope and c.allowed)
        result[rol] = Counts(binnen, buiten, len(cells) - binnen - buiten)
    return result


# --- the endpoint registry ------------------------------------------------------------------

# Endpoints that no dossier rule guards, with the reason. A key ending in "*" covers every route
# below it. Anything else must be guarded by `access.requires` or a viewset's `access_rules`.
EXEMPT: dict[str, str] = {
    "/inloggen/": "The login page: public, shows no personal data.",
    "/uitloggen/": "Logging out ends only the user's own session.",
    "/account/*": "The user's own account (second factor, API keys): only the logged-in user.",
    "/beheer/*": (
        "Django's stock admin: superusers only (installation, a new municipality; "
        "gemeente/admin.py); the functioneel beheerder works in /functioneel-beheer/."
    ),
    "/api/v1/": "The API root: the list of routes, no personal data.",
    "/api/schema/": "The OpenAPI schema: describes the API, no personal data.",
    "/api/docs/": "Swagger UI for the OpenAPI schema: no personal data.",
    "/": "The start page: the user's own role and teams, no resident data.",
    "/vragenlijst/<token>/": (
        "The client-experience survey's answer page: public by design (no login; Wmo 2015 art. "
        "2.5.1 lid 1), the unguessable token in the link is the key; shows no personal data and "
        "stores answers without a link to the person (beleid.services.antwoorden_opslaan)."
    ),
    "/sociale-kaart/*": (
        "The public sociale kaart and its open-data export (CSV, JSON; CC0): no login by design "
        "(everyone may find the algemene voorzieningen); the catalogue only — names, "
        "organisations, addresses, prices, opening hours, the organisation's contact details — "
        "never a resident, a login or a dossier (portaal.kaart)."
    ),
    "/api/v1/sociale-kaart/": (
        "The public sociale-kaart API: the same catalogue rows as the open-data export, no "
        "login, no personal data; rate-limited as every anonymous API call (portaal.kaart)."
    ),
    "/mijn/inloggen/": (
        "The portal's login page: public, shows no personal data (the development login, "
        "only with the development settings, lists the demo residents' accounts)."
    ),
    "/oidc/*": (
        "OpenID Connect (mozilla-django-oidc, only with EENPLAN_OIDC): the redirect to the "
        "broker and its callback; logs a resident in, shows no personal data."
    ),
}

_GROUP = re.compile(r"\(\?P<(?P<name>\w+)>[^)]*\)")
_CONVERTER = re.compile(r"<(?:\w+:)?(?P<name>\w+)>")
_FORMAT_SUFFIX = re.compile(r"(\\\.\(\?P<format>[^)]*\)/\?|<drf_format_suffix:format>)")
WRITE_METHODS = ("POST", "PUT", "PATCH", "DELETE")
READ_ACTIONS = (Action.LEZEN, Action.ZOEKEN)


@dataclass(frozen=True)
class Endpoint:
    """One URL pattern (and, in the API, one HTTP method of it) and what guards it."""

    route: str  # "/meldingen/<pk>/toewijzen/"
    method: str  # "GET", "POST", … in the API; "*" for a page (one view for every method)
    name: str  # the URL name
    view: str  # dotted path of the view function, or "ViewSet.action"
    rules: tuple[tuple[Resource, Action], ...]  # all must allow (stacked page decorators)
    exempt: str = ""  # why no dossier rule is needed (from EXEMPT)
    note: str = ""  # why a rule that is declared does not count
    # Who the endpoint is for: staff (the role matrix) or residents (the inwonersportaal,
    # `access.INWONER_RULES`; every staff role is refused there).
    actor: str = access.ActorKind.MEDEWERKER

    @property
    def portaal(self) -> bool:
        return self.actor == access.ActorKind.INWONER

    @property
    def api(self) -> bool:
        return self.method != "*"

    @property
    def key(self) -> str:
        return f"{self.method} {self.route}"

    @property
    def params(self) -> list[str]:
        return _CONVERTER.findall(self.route)

    @property
    def reads(self) -> bool:
        """Guarded by reading rules only (lezen, zoeken)."""
        return bool(self.rules) and all(a in READ_ACTIONS for _r, a in self.rules)

    @property
    def writes(self) -> bool:
        """Whether the endpoint changes something (decides which requests the sweep sends)."""
        if self.api:
            return self.method in WRITE_METHODS
        return bool(self.rules) and not self.reads

    def allows(self, rol: str, *, in_scope: bool) -> bool:
        """What the matrix says for this endpoint: every rule that guards it must allow. A
        portal endpoint allows no staff role (staff do not use the portal); an endpoint that a
        relation to its record opens (`access.RELATIE_RULES`: the recipient of an exchange,
        the gezinscoach of a household) allows no role by itself either."""
        if self.actor != access.ActorKind.MEDEWERKER:
            return False
        return bool(self.rules) and all(
            allowed(rol, resource, action, in_scope=in_scope) for resource, action in self.rules
        )


def normalise(route: str) -> tuple[str, bool]:
    """A readable route ("/api/v1/inwoners/<pk>/") from Django's pattern strings, and whether
    it was a format-suffix variant (".json") of another pattern."""
    suffix = bool(_FORMAT_SUFFIX.search(route))
    route = _FORMAT_SUFFIX.sub("", route)
    route = _GROUP.sub(lambda m: f"<{m['name']}>", route)
    route = _CONVERTER.sub(lambda m: f"<{m['name']}>", route)
    route = route.replace("^", "").replace("$", "").replace("\\.", ".").replace("\\", "")
    if suffix and not route.endswith("/"):
        route += "/"  # "inwoners.json" is the variant of "inwoners/"
    return "/" + route, suffix


def url_patterns() -> Iterator[tuple[str, URLPattern]]:
    """Every URL pattern of the project with its full route (Django's pattern syntax)."""

    def walk(resolver: URLResolver, prefix: str) -> Iterator[tuple[str, URLPattern]]:
        for pattern in resolver.url_patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern, prefix + str(pattern.pattern))
            else:
                yield prefix + str(pattern.pattern), pattern

    yield from walk(get_resolver(), "")


def _exemption(route: str) -> str:
    if route in EXEMPT:
        return EXEMPT[route]
    for key, reason in EXEMPT.items():
        if key.endswith("*") and route.startswith(key[:-1]):
            return reason
    return ""


def _api_rules(view_class: type) -> dict[str, tuple[Resource, Action]] | None:
    from eenplan.privacy.api.permissions import RolePermission

    rules = getattr(view_class, "access_rules", None)
    if rules is None:
        return None
    permission_classes = getattr(view_class, "permission_classes", [])
    if not any(issubclass(p, RolePermission) for p in permission_classes if isinstance(p, type)):
        return None
    return rules


def endpoints_of(route: str, pattern: URLPattern) -> list[Endpoint]:
    """The endpoints of one URL pattern: one per HTTP method for a viewset, one for a page."""
    callback: Any = pattern.callback
    readable, _suffix = normalise(route)
    exempt = _exemption(readable)
    view_class = getattr(callback, "cls", None)
    actions: dict[str, str] | None = getattr(callback, "actions", None)
    name = pattern.name or ""
    if view_class is not None and actions:
        rules = _api_rules(view_class)
        declared = getattr(view_class, "access_rules", None)
        result = []
        for method, action in sorted(actions.items()):
            rule = rules.get(action) if rules else None
            note = ""
            if declared is not None and rules is None:
                note = "access_rules without RolePermission in permission_classes"
            elif declared is not None and action not in declared:
                note = f"no access_rules entry for action {action!r} (always refused)"
            result.append(
                Endpoint(
                    route=readable,
                    method=method.upper(),
                    name=name,
                    view=f"{view_class.__module__}.{view_class.__name__}.{action}",
                    rules=(tuple(rule),) if rule else (),  # type: ignore[arg-type]
                    exempt="" if rule else exempt,
                    note=note,
                    actor=getattr(view_class, "access_actor", access.ActorKind.MEDEWERKER),
                )
            )
        return result
    page_rules = _page_rules(callback)
    target = getattr(callback, "view_class", None) or callback
    view = f"{target.__module__}.{getattr(target, '__qualname__', target.__class__.__name__)}"
    return [
        Endpoint(
            route=readable,
            method="*",
            name=name,
            view=view,
            rules=page_rules,
            exempt="" if page_rules else exempt,
            actor=_page_actor(callback),
        )
    ]


def _page_actor(view: Any) -> str:
    """Who a page is for: `access.requires_inwoner` marks the portal's pages."""
    while view is not None:
        actor = getattr(view, "access_actor", None)
        if actor is not None:
            return str(actor)
        view = getattr(view, "__wrapped__", None)
    return access.ActorKind.MEDEWERKER


def _page_rules(view: Any) -> tuple[tuple[Resource, Action], ...]:
    """The rules of `access.requires` on a page view, stacked decorators included (each
    decorator wraps the next; `functools.wraps` keeps the chain in `__wrapped__`)."""
    found: list[tuple[Resource, Action]] = []
    while view is not None:
        rule = getattr(view, "access_rule", None)
        if rule is not None and tuple(rule) not in found:
            found.append(tuple(rule))  # type: ignore[arg-type]
        view = getattr(view, "__wrapped__", None)
    return tuple(found)


def endpoints() -> list[Endpoint]:
    """Every endpoint of the project once (format-suffix variants share their view and rule)."""
    seen: dict[str, Endpoint] = {}
    for route, pattern in url_patterns():
        for endpoint in endpoints_of(route, pattern):
            seen.setdefault(endpoint.key, endpoint)
    return list(seen.values())


def unguarded() -> list[Endpoint]:
    """Endpoints with neither a rule nor an exemption: each is a failing row in the tests."""
    return [e for e in endpoints() if not e.rules and not e.exempt]


# --- publishing -----------------------------------------------------------------------------

BEGIN = "<!-- matrix:begin -->"
END = "<!-- matrix:end -->"
SECTION = "## Toegangsmatrix"

def docs_path() -> Path:
    return Path(settings.BASE_DIR) / "docs" / "security.md"

REGENERATE = ".venv/bin/eenplan access_matrix --write"

JA, BINNEN, NEE = "ja", "binnen", "–"


def _rol_label(rol: str) -> str:
    return str(Rol(rol).label)


def render_markdown() -> str:
    """The matrix and its counts as Markdown: the text between the markers in docs/security.md."""
    rules = list(access.RULES)
    rol_values = Rol.values
    lines = [
        BEGIN,
        f"<!-- Generated by `{REGENERATE}` from access.RULES and roles.ROLE_PERMISSIONS; "
        "do not edit by hand. -->",
        "",
        f"{len(rules)} declared rules (resource × action) × {len(rol_values)} roles × in / out "
        f"of scope = {len(rules) * len(rol_values) * 2} decisions. A cell says what "
        "`privacy.access.decide` answers for a staff member of that role:",
        "",
        f"- **{JA}**: allowed, also for a resident outside the staff member's need-to-know "
        "(the rule has no scope condition: lists, registrations, the catalogue, the access log);",
        f"- **{BINNEN}**: allowed only for a resident within need-to-know (the wijken of the "
        "staff member's teams, or assigned to them); refused outside it;",
        f"- **{NEE}**: refused, in and out of scope (the role lacks a permission the rule needs).",
        "",
        "| Resource | Action | Scoped | " + " | ".join(_rol_label(r) for r in rol_values) + " |",
        "|---|---|---|" + "---|" * len(rol_values),
    ]
    for resource, action in rules:
        rule = access.RULES[(resource, action)]
        cells = []
        for rol in rol_values:
            binnen = allowed(rol, resource, action, in_scope=True)
            buiten = allowed(rol, resource, action, in_scope=False)
            cells.append(JA if buiten else BINNEN if binnen else NEE)
        lines.append(
            f"| {resource.label} | {action.label} | {'ja' if rule.scoped else 'nee'} | "
            + " | ".join(cells)
            + " |"
        )
    lines += [
        "",
        "Counts per role (of "
        f"{len(rules) * 2} cells: {len(rules)} rules, each in and out of scope):",
        "",
        "| Role | Allowed in scope | Allowed out of scope | Refused |",
        "|---|---|---|---|",
    ]
    totaal = Counts(0, 0, 0)
    for rol, c in counts().items():
        lines.append(
            f"| {_rol_label(rol)} | {c.allowed_in_scope} | {c.allowed_out_of_scope} | "
            f"{c.refused} |"
        )
        totaal = Counts(
            totaal.allowed_in_scope + c.allowed_in_scope,
            totaal.allowed_out_of_scope + c.allowed_out_of_scope,
            totaal.refused + c.refused,
        )
    lines.append(
        f"| **All roles** | {totaal.allowed_in_scope} | {totaal.allowed_out_of_scope} | "
        f"{totaal.refused} |"
    )
    lines += _render_inwoner_rules()
    lines += _render_relatie_rules()
    lines.append(END)
    return "\n".join(lines) + "\n"


def _render_inwoner_rules() -> list[str]:
    """The resident actor's rules (inwonersportaal): per (resource, action) the grounds of
    representation that allow it. Staff logins are refused every portal endpoint, resident
    logins every staff endpoint."""
    gronden = list(access.Grond)
    lines = [
        "",
        "Residents and their representatives (inwonersportaal, `access.INWONER_RULES`): a "
        "resident's login is refused every staff endpoint and reaches only the portal; per "
        "case it acts on one ground of representation. A staff login is refused every portal "
        "endpoint.",
        "",
        "| Resource | Action | " + " | ".join(str(g.label) for g in gronden) + " |",
        "|---|---|" + "---|" * len(gronden),
    ]
    for (resource, action), toegestaan in access.INWONER_RULES.items():
        cells = [JA if g in toegestaan else NEE for g in gronden]
        lines.append(f"| {resource.label} | {action.label} | " + " | ".join(cells) + " |")
    return lines


def _render_relatie_rules() -> list[str]:
    """The decisions a relation to one record makes (issue 17): per (resource, action) who
    may. The role rule above must allow as well; no role allows these pages by itself."""
    lines = [
        "",
        "Relations to one record (`access.RELATIE_RULES`, issue 17): on these records the role "
        "above is not enough. Only the relation opens them, and the decision is logged like "
        "every other one:",
        "",
        "| Resource | Action | Who |",
        "|---|---|---|",
    ]
    for (resource, action), relatie in access.RELATIE_RULES.items():
        lines.append(f"| {resource.label} | {action.label} | {access.RELATIE_LABELS[relatie]} |")
    return lines


def render_endpoints() -> str:
    """The endpoint registry as Markdown: route, method, view and its rule or exemption."""
    lines = ["| Route | Method | Guarded by |", "|---|---|---|"]
    grouped: dict[str, int] = {}
    for e in endpoints():
        prefix = next((k for k in EXEMPT if k.endswith("*") and e.route.startswith(k[:-1])), "")
        if prefix and not e.rules:
            grouped[prefix] = grouped.get(prefix, 0) + 1
    for prefix, n in grouped.items():
        lines.append(f"| `{prefix}` ({n} routes) | * | no dossier rule: {EXEMPT[prefix]} |")
    for e in sorted(endpoints(), key=lambda e: (e.route, e.method)):
        if e.exempt and any(e.route.startswith(p[:-1]) for p in grouped):
            continue
        if e.rules:
            guard = " + ".join(f"{r.label} · {a.label}" for r, a in e.rules)
        elif e.exempt:
            guard = f"no dossier rule: {e.exempt}"
        else:
            guard = "**MISSING** " + (e.note or f"({e.view})")
        lines.append(f"| `{e.route}` | {e.method} | {guard} |")
    return "\n".join(lines) + "\n"


SKELETON = f"""# Security

{SECTION}

"""


def publish(text: str, document: str | None) -> str:
    """`document` with the matrix section replaced by `text` (the section is added when it is
    missing; the rest of the document is left as it is)."""
    if not document:
        return SKELETON + text
    if BEGIN in document and END in document:
        before, rest = document.split(BEGIN, 1)
        _old, after = rest.split(END, 1)
        return before + text.rstrip("\n") + after
    if SECTION in document:
        before, after = document.split(SECTION, 1)
        return before + SECTION + "\n\n" + text + after.lstrip("\n")
    return document.rstrip("\n") + "\n\n" + SECTION + "\n\n" + text


def published(document: str) -> str:
    """The matrix section of a document (markers included), or "" when it has none."""
    if BEGIN not in document or END not in document:
        return ""
    return BEGIN + document.split(BEGIN, 1)[1].split(END, 1)[0] + END + "\n"
