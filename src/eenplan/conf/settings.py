"""Django settings for eenplan: one module, every value from the environment (see env.py)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import dj_database_url

from eenplan.common.env import DEFAULT_SECRET_KEY, as_bool, as_list, declare

SRC_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = SRC_DIR.parent.parent  # the repository checkout
VAR_DIR = Path(
    declare(
        "EENPLAN_VAR_DIR",
        str(BASE_DIR / "var"),
        "Folder for the SQLite file, collected static files and other local state.",
    )
)

VAR_DIR.mkdir(parents=True, exist_ok=True)

# Production-safe by default: the plain `eenplan` command and the WSGI application use this
# module. Local development, the demo, the benchmarks and the tests choose `eenplan.conf.dev`
# explicitly (DJANGO_SETTINGS_MODULE=eenplan.conf.dev; `make run` and pytest do that).
EENPLAN_DEVELOPMENT = False
DEBUG = as_bool(
    declare(
        "DEBUG",
        "false",
        "Django debug mode. Off unless set; the development settings (eenplan.conf.dev) turn it "
        "on. Never on in a real deployment: errors would show data.",
    )
)
SECRET_KEY = declare(
    "SECRET_KEY",
    DEFAULT_SECRET_KEY,
    "Django's secret key. Production refuses to start with the development value, a key "
    "shorter than 50 characters or one with fewer than 10 different characters.",
)
ALLOWED_HOSTS = as_list(
    declare(
        "ALLOWED_HOSTS",
        "localhost,127.0.0.1,[::1],testserver",
        "Comma-separated host names this server answers to.",
    )
)
CSRF_TRUSTED_ORIGINS = as_list(
    declare(
        "CSRF_TRUSTED_ORIGINS",
        "",
        "Comma-separated origins (https://host) trusted for CSRF behind a proxy.",
    )
)

DATABASES = {
    "default": dj_database_url.parse(
        declare(
            "DATABASE_URL",
            f"sqlite:///{VAR_DIR / 'eenplan.sqlite3'}",
            "Database URL. Default: embedded SQLite in EENPLAN_VAR_DIR. Production: "
            "postgres://user:password@host:5432/name (PostgreSQL 14+).",
        ),
        conn_max_age=int(
            declare(
                "DATABASE_CONN_MAX_AGE",
                "60",
                "Seconds a database connection is reused (0: close after each request).",
            )
        ),
    )
}
# Prepared statements on PostgreSQL (ADR 0051). Django's default binds the parameters in the
# client and never prepares, so every query is parsed and planned on every request (the login
# query alone: 1.8 ms planning for 0.9 ms of work at 1M residents). With a threshold psycopg
# binds on the server and prepares a query once it has run that many times on a connection;
# PostgreSQL then reuses a plan where the generic plan is estimated no dearer (plan_cache_mode
# auto). On by default (threshold 2) since the whole test suite passed on PostgreSQL with it
# (ADR 0051); 'off' behind PgBouncer in transaction mode older than 1.21. Declared outside the
# PostgreSQL branch so the configuration docs always list it.
DATABASE_PREPARE_THRESHOLD = declare(
    "DATABASE_PREPARE_THRESHOLD",
    "2",
    "PostgreSQL: a number N binds parameters on the server and prepares a query on a "
    "connection once it has run N times there (2 measured, ADR 0051). 'off': Django's "
    "client-side binding, nothing prepared; required behind PgBouncer in transaction mode "
    "older than 1.21 (docs/deploy-postgresql.md).",
).strip()
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # JIT off per connection: the need-to-know condition gives the planner a high cost estimate
    # on a large municipality, and PostgreSQL then spends hundreds of milliseconds compiling a
    # plan whose real work takes a few (measured at 1M residents: 427 ms JIT for 2 ms of work).
    # random_page_cost 1.1 (SSD, data in cache; the default 4 assumes spinning disks): the
    # need-to-know condition joins a handful of rows to the residents by primary key, and with
    # the default the planner hashes every resident instead (100k: 235 ms for a 34 ms answer;
    # measured with `python -m eenplan.bench_explain`, issue 16).
    # An `options` parameter in DATABASE_URL takes precedence. docs/deploy-postgresql.md.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "options", "-c jit=off -c random_page_cost=1.1"
    )
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    if DATABASE_PREPARE_THRESHOLD.lower() != "off":
        DATABASES["default"]["OPTIONS"]["server_side_binding"] = True
        DATABASES["default"]["OPTIONS"]["prepare_threshold"] = int(DATABASE_PREPARE_THRESHOLD)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A page cache of 64 MB and reads through a memory map of up to 256 MB per connection
    # (SQLite's defaults: 2 MB, no map), and temporary files in memory: the statement journal
    # SQLite keeps while a statement changes many rows inside a transaction (a batch's
    # multi-row INSERTs) went to a temporary file page by page — 72 % of everything written
    # while processing 10,000 iWmo/iJw messages (1,748 → 486 MB, 797,000 → 183,000 write
    # calls). Faster only where the disk is busy; on a quiet machine the CPU time is the same
    # (ADR 0052, docs/benchmarks.md).
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
        "PRAGMA cache_size=-65536; PRAGMA mmap_size=268435456; PRAGMA temp_store=MEMORY;",
        "transaction_mode": "IMMEDIATE",
    }

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "csp",
    # Background tasks (processing iWmo/iJw message batches): django-tasks with its database
    # backend, so `make run` needs no broker; `eenplan db_worker` runs them (ADR 0025).
    "django_tasks",
    "django_tasks_db",
    "eenplan.common",
    "eenplan.beveiliging",
    "eenplan.gemeente",
    "eenplan.inwoners",
    "eenplan.events",
    "eenplan.privacy",
    "eenplan.meldingen",
    # Long work as tasks with visible progress (issue 16, ADR 0048): one django-task runs them.
    "eenplan.taken",
    "eenplan.onderzoeken",
    "eenplan.plannen",
    "eenplan.mantelzorg",
    "eenplan.beschikkingen",
    "eenplan.bezwaren",
    "eenplan.participatie",
    "eenplan.schuldhulp",
    "eenplan.sturing",
    "eenplan.voorzieningen",
    "eenplan.aanbieders",
    "eenplan.berichten",
    "eenplan.beheer",
    "eenplan.beleid",
    "eenplan.uitwisseling",
    "eenplan.portaal",
    "eenplan.avg",
    "eenplan.web",
    "eenplan.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # request.htmx (django-htmx): before the session timeout, which answers htmx differently.
    "django_htmx.middleware.HtmxMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    # Django's, handing the session's municipality to the backend that reads the login with
    # its medewerker record, permissions and scope in one query (issue 16).
    "eenplan.gemeente.middleware.AuthenticationMiddleware",
    # The municipality chosen in the session (a regional team works for several; issue 16).
    "eenplan.gemeente.middleware.GemeenteKeuzeMiddleware",
    "eenplan.privacy.access.AccessLogMiddleware",
    # A resident's login reaches only the portal (/mijn/): staff pages answer 403 (logged).
    "eenplan.privacy.access.SeparateAccountsMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "eenplan.beveiliging.middleware.SessieVerloopMiddleware",
    "eenplan.beveiliging.middleware.TweeFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "eenplan.common.concurrency.VersieMiddleware",
    "csp.middleware.CSPMiddleware",
    "eenplan.beveiliging.middleware.BeveiligingsheadersMiddleware",
    # Last, so it sees the login attempt's outcome first (django-axes' requirement).
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    # First: refuses every attempt while a username is locked out (django-axes).
    "axes.backends.AxesStandaloneBackend",
    # Django's ModelBackend, reading a staff login with its acting record (issue 16).
    "eenplan.gemeente.backends.MedewerkerBackend",
]

ROOT_URLCONF = "eenplan.conf.urls"
WSGI_APPLICATION = "eenplan.conf.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # A municipality's own letter templates (e.g. beschikkingen/brief.txt) win over ours.
        "DIRS": list(
            as_list(
                declare(
                    "EENPLAN_SJABLONEN_DIR",
                    "",
                    "Folder with the "
                    "municipality's own templates, e.g. beschikkingen/brief.txt "
                    "for the decision letter.",
                )
            )
        ),
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "eenplan.web.context_processors.eenplan",
                "eenplan.beveiliging.context_processors.beveiliging",
            ],
        },
    },
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "eenplan.beveiliging.wachtwoord.MinimumLengteValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "web:home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands")]
# Our Dutch for what DRF's own Dutch leaves English or words badly (see the .po file).
LOCALE_PATHS = [SRC_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)  # WhiteNoise expects it, even before collectstatic
NODE_MODULES = BASE_DIR / "node_modules"
STATICFILES_DIRS = [
    ("nlds/utrecht", NODE_MODULES / "@utrecht" / "component-library-css" / "dist"),
    (
        "nlds/theme",
        NODE_MODULES / "@nl-design-system-unstable" / "voorbeeld-design-tokens" / "dist",
    ),
    ("vendor/htmx", NODE_MODULES / "htmx.org" / "dist"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

# The NL Design System theme: a municipality swaps in its own theme package.
# Hardenberg: a generalist's decision may go out before the back office's lawfulness check
# (the check is afterwards). A municipality that wants the check first sets this to false.
EENPLAN_VERZENDEN_VOOR_TOETSING = as_bool(
    declare(
        "EENPLAN_VERZENDEN_VOOR_TOETSING",
        "true",
        "Whether a generalist's beschikking may be sent before the back office's lawfulness "
        "check (Hardenberg: true, the check is afterwards). false: sending waits for the check. "
        "The default only: a municipality's own lawfulness rule, stored in functioneel beheer "
        "(settings, dated), takes precedence from its date.",
    )
)
# Sending letters (ADR 0021): which channels a municipality uses is its own setting in
# functioneel beheer; where the post export goes and who sends the e-mail notice is the
# installation's.
EENPLAN_POST_MAP = declare(
    "EENPLAN_POST_MAP",
    str(VAR_DIR / "post"),
    "Folder where sent letters (PDF) and verzendlijst.csv are written per municipality "
    "(a subfolder per CBS code) for the print and mail service.",
)
DEFAULT_FROM_EMAIL = declare(
    "EENPLAN_AFZENDER_EMAIL",
    "noreply@eenplan.invalid",
    "Sender address of the e-mail notice that a letter is on its way.",
)
EMAIL_BACKEND = declare(
    "EENPLAN_EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend",
    "Django e-mail backend (SMTP via EMAIL_HOST/EMAIL_PORT by default).",
)
EMAIL_HOST = declare("EMAIL_HOST", "localhost", "SMTP server for the e-mail notice.")
EMAIL_PORT = int(declare("EMAIL_PORT", "25", "SMTP port."))
EENPLAN_TAKEN = declare(
    "EENPLAN_TAKEN",
    "database",
    "Where background tasks run (exports, recomputing deadlines, message batches, indicator "
    "snapshots; eenplan.taken): 'database' queues them in the "
    "database for the worker (`eenplan db_worker`); 'direct' runs them at once in the request "
    "(tests, a one-off script).",
)
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend"
        if EENPLAN_TAKEN == "direct"
        else "django_tasks_db.DatabaseBackend"
    }
}
EENPLAN_THEME_CSS = declare(
    "EENPLAN_THEME_CSS",
    "nlds/theme/theme.css",
    "Static path of the NL Design System theme stylesheet (design tokens).",
)
EENPLAN_THEME_CLASS = declare(
    "EENPLAN_THEME_CLASS", "voorbeeld-theme", "CSS class on <html> that activates the theme."
)

# Four eyes on roles and teams: a change waits in /beheer/ for a second functioneel beheerder.
EENPLAN_ROLWIJZIGING_VIER_OGEN = as_bool(
    declare(
        "EENPLAN_ROLWIJZIGING_VIER_OGEN",
        "false",
        "Set to true so that a change to a medewerker's role, extra roles, teams, registration "
        "or account (also a new account) takes effect only when a second functioneel beheerder "
        "approves it in /beheer/. Off: the change applies at once. Always logged.",
    )
)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # First, so a request without valid credentials gets 401 with WWW-Authenticate: Token.
        "eenplan.beveiliging.authentication.ApiSleutelAuthentication",
        "eenplan.common.fouten.SessionAuthentication",
    ],
    "DEFAULT_THROTTLE_CLASSES": [
        "rest_framework.throttling.AnonRateThrottle",
        "rest_framework.throttling.UserRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": declare(
            "EENPLAN_API_LIMIET_ANONIEM",
            "30/minute",
            "API rate limit per IP address for requests without a login (DRF throttle syntax: "
            "number/second, minute, hour or day). Above it the API answers 429.",
        ),
        "user": declare(
            "EENPLAN_API_LIMIET_GEBRUIKER",
            "300/minute",
            "API rate limit per logged-in user or API key (DRF throttle syntax).",
        ),
    },
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "eenplan.common.api.Pagination",
    # JSON with a depth limit and Dutch errors (deep JSON is a 400, not a 500).
    "DEFAULT_PARSER_CLASSES": [
        "eenplan.common.parsers.JSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "eenplan.common.api.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "eenplan API",
    "DESCRIPTION": """REST API van eenplan voor medewerkers van het sociaal domein: inwoners en
huishoudens, het dossier (`/dossiers/`), meldingen met hun werkvoorraad, onderzoeken, plannen,
aanvragen, beschikkingen, bezwaren, klachten, overgangsrecht, de voorzieningencatalogus met
tarieven en codelijsten, wijken en teams, en het inzagelog. Dezelfde regels als de pagina's:
uw rol en uw werkgebied (need-to-know) bepalen wat u ziet en doet.

**Inloggen.** Met een API-sleutel (`Authorization: Token <sleutel>`; uit te geven op
/account/api-sleutels/) of met de sessie van de browser; wie met een sessie schrijft, stuurt
het CSRF-token mee (header `X-CSRFToken`). Te veel verzoeken of ongeldige sleutels geven 429
met `Retry-After`.

**Inzagelog en doel.** Elke inzage in een dossier wordt gelogd: wie, wanneer, welk dossier,
via welke route en met welk doel, ook een geweigerde poging (met de reden). Geef het doel mee
met de header `X-Eenplan-Doel` of de parameter `doel`; zonder doel geldt het doel dat bij uw
rol hoort. Het log is te lezen via `/inzagelog/` (met de rol die dat mag).

**Versies: ETag en If-Match.** Een record dat mensen bewerken heeft een versie. Het ophalen
van één record geeft die als `ETag`; stuur hem bij PATCH, PUT en de acties die iets
veranderen terug als `If-Match`. Heeft iemand anders het record intussen gewijzigd, dan
antwoordt de API 412 met de huidige versie en waarden, en verandert er niets. Botst een
wijziging met een regel over meerdere records (bijvoorbeeld: één actief plan per huishouden),
dan volgt 409.

**Fouten.** Alle meldingen zijn in het Nederlands. Een fout in de invoer is 400 met per veld
de meldingen (`{"veld": ["…"]}`); andere fouten zijn *problem details* (RFC 9457,
`application/problem+json`) met `type`, `title`, `status` en `detail`: 400 voor onleesbare
JSON of een onbekende parameter, 401/403 voor inloggen en toegang, 404, 405, 406, 409, 412,
415 en 429.

**Parameters.** Filters en paginering heten in de API zoals op de pagina's, in het
Nederlands: `pagina` (vanaf 1) en `per_pagina` (standaard 50, ten hoogste 500); lange lijsten
bladeren met `cursor`. `page` en `page_size` werken nog één release en zijn verouderd. Een
parameter die een aanvraag niet kent (een verschreven filter) geeft 400 met de naam ervan,
in plaats van stil de ongefilterde lijst.""",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "eenplan.common.api.schema.versies_documenteren",
    ],
    "ENUM_NAME_OVERRIDES": {
        # AVG requests (issue 17).
        "AvgVerzoekSoortEnum": "eenplan.avg.constants.VerzoekSoort",
        "AvgVerzoekStatusEnum": "eenplan.avg.constants.VerzoekStatus",
        "AvgIngediendViaEnum": "eenplan.avg.constants.IngediendVia",
        "AvgWeigeringsgrondEnum": "eenplan.avg.constants.Weigeringsgrond",
        "TeamSoortEnum": "eenplan.gemeente.constants.TeamSoort",
        "NetwerkSoortEnum": "eenplan.inwoners.constants.NetwerkSoort",
        "MeldingKanaalEnum": "eenplan.meldingen.constants.Kanaal",
        "InzageKanaalEnum": "eenplan.privacy.constants.Kanaal",
        "RolEnum": "eenplan.gemeente.constants.Rol",
        # The melding status kept its name when the letters got a status of their own.
        "StatusEnum": "eenplan.meldingen.constants.Status",
        "VerzendkanaalEnum": "eenplan.gemeente.constants.Verzendkanaal",
        "VerzendStatusEnum": "eenplan.beschikkingen.constants.VerzendStatus",
        "BriefSoortEnum": "eenplan.beschikkingen.constants.BriefSoort",
        "ActiviteitStatusEnum": "eenplan.beleid.constants.ActiviteitStatus",
        "BerichtSoortEnum": "eenplan.berichten.constants.BERICHTSOORTEN",
        "VoorschotUitsluitingEnum": "eenplan.participatie.constants.VoorschotUitsluiting",
        "InstrumentSoortEnum": "eenplan.participatie.constants.InstrumentSoort",
        "InstrumentResultaatEnum": "eenplan.participatie.constants.InstrumentResultaat",
        "MaatregelSoortEnum": "eenplan.participatie.constants.MaatregelSoort",
        "TrajectResultaatEnum": "eenplan.participatie.constants.TrajectResultaat",
        # Debt help (issue 14).
        "SchuldTriageEnum": "eenplan.schuldhulp.constants.Triage",
        "SchuldFaseEnum": "eenplan.schuldhulp.constants.Fase",
        # keeps the name the Participatiewet trajectories had before debt help came
        "FaseEnum": "eenplan.participatie.constants.TrajectFase",
        "SchuldeiserSoortEnum": "eenplan.schuldhulp.constants.SchuldeiserSoort",
        "SchuldDreigingEnum": "eenplan.schuldhulp.constants.Dreiging",
        "SchuldToelatingEnum": "eenplan.schuldhulp.constants.Toelating",
        "ContactWijzeEnum": "eenplan.schuldhulp.constants.ContactWijze",
        "BerichtStatusEnum": "eenplan.berichten.constants.BerichtStatus",
        "TaakStatusEnum": "eenplan.taken.constants.TaakStatus",
        "BerichtRichtingEnum": "eenplan.berichten.constants.Richting",
        "IndicatorRichtingEnum": "eenplan.beleid.constants.Richting",
        "MachtigingSoortEnum": "eenplan.privacy.constants.MachtigingSoort",
        "RespijtSoortEnum": "eenplan.mantelzorg.constants.RespijtSoort",
        "EvaluatieUitkomstEnum": "eenplan.plannen.constants.Uitkomst",
        "DeelnemerSoortEnum": "eenplan.plannen.constants.DeelnemerSoort",
        "MatchUitkomstEnum": "eenplan.mantelzorg.constants.MatchUitkomst",
        "VaardigheidEnum": "eenplan.mantelzorg.constants.Vaardigheid",
        # The portal's direct aanvraag offers two of the three laws: both sets named.
        "WetEnum": "eenplan.common.constants.Wet",
        "MijnAanvraagWetEnum": "eenplan.portaal.services.AANVRAAG_WET_KEUZES",
        "VertegenwoordigingSoortEnum": "eenplan.portaal.services.VASTLEGGEN_KEUZES",
    },
    # Swagger UI served from our own static files, not from a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}

# --- Transport security: production-safe defaults; the development settings relax them. -------
if as_bool(
    declare(
        "EENPLAN_BEHIND_TLS_PROXY",
        "false",
        "Set to true when a TLS-terminating "
        "proxy sets X-Forwarded-Proto: https (links and secure cookies use https). Needed with "
        "SECURE_SSL_REDIRECT behind such a proxy, or every request is redirected again.",
    )
):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    # The client's address (lock-out log, API limits) is the one the proxy adds.
    AXES_IPWARE_PROXY_COUNT = 1
    AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]
    REST_FRAMEWORK["NUM_PROXIES"] = 1

SECURE_SSL_REDIRECT = as_bool(
    declare(
        "SECURE_SSL_REDIRECT",
        "true",
        "Redirect every plain-HTTP request to HTTPS. Off in the development settings.",
    )
)
SECURE_HSTS_SECONDS = int(
    declare(
        "SECURE_HSTS_SECONDS",
        "31536000",
        "Strict-Transport-Security max-age in seconds (default one year; 0 sends no header). "
        "Off in the development settings.",
    )
)
SECURE_HSTS_INCLUDE_SUBDOMAINS = as_bool(
    declare(
        "SECURE_HSTS_INCLUDE_SUBDOMAINS",
        "true",
        "Add includeSubDomains to the Strict-Transport-Security header.",
    )
)
SECURE_HSTS_PRELOAD = as_bool(
    declare(
        "SECURE_HSTS_PRELOAD",
        "true",
        "Add preload to the Strict-Transport-Security header.",
    )
)
_SECURE_COOKIES = as_bool(
    declare(
        "EENPLAN_SECURE_COOKIES",
        "true",
        "Send the session and CSRF cookies only over HTTPS (Secure flag). Off in the development "
        "settings.",
    )
)
SESSION_COOKIE_SECURE = _SECURE_COOKIES
CSRF_COOKIE_SECURE = _SECURE_COOKIES
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_FAILURE_VIEW = "eenplan.common.fouten.csrf_failure"  # Dutch, in the product's layout
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# --- Sessions: idle and absolute timeouts (eenplan.beveiliging.middleware). -----------------------
EENPLAN_SESSIE_INACTIEF_MINUTEN = int(
    declare(
        "EENPLAN_SESSIE_INACTIEF_MINUTEN",
        "30",
        "Minutes without a request after which a login session ends (idle timeout).",
    )
)
EENPLAN_SESSIE_MAXIMAAL_UREN = int(
    declare(
        "EENPLAN_SESSIE_MAXIMAAL_UREN",
        "10",
        "Hours after logging in after which a session always ends (absolute timeout).",
    )
)
SESSION_COOKIE_AGE = EENPLAN_SESSIE_MAXIMAAL_UREN * 3600
# Django's database sessions, read in one query with the staff login they name (ADR 0054).
SESSION_ENGINE = "eenplan.gemeente.sessies"
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# --- Login lock-out (django-axes): every login form, the admin and the API key back-off. ----------
AXES_FAILURE_LIMIT = int(
    declare(
        "EENPLAN_LOGIN_MAX_POGINGEN",
        "5",
        "Failed logins for one username after which it is locked (login page, /beheer/).",
    )
)
AXES_COOLOFF_TIME = timedelta(
    minutes=int(
        declare(
            "EENPLAN_LOGIN_BLOKKADE_MINUTEN",
            "15",
            "Minutes a locked username stays locked; each further attempt during the lock starts "
            "the period again.",
        )
    )
)
# Default: locked per username, from any address. A wrong password typed now and then in a
# municipal office behind one shared address must not lock out everyone there; axes.W006 asks
# for the address as well and is silenced for that reason. Add ip_address where staff do not
# share addresses (then 5 failures from one address, for any username, lock that address too).
AXES_LOCKOUT_PARAMETERS = as_list(
    declare(
        "EENPLAN_LOGIN_BLOKKEER_OP",
        "username",
        "What a lock-out applies to: username, or username,ip_address to also lock an address "
        "after that many failures for any username (not behind a shared office address).",
    )
)
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "beveiliging/geblokkeerd.html"
AXES_DISABLE_ACCESS_LOG = True  # successful logins need no second log; failures are kept
AXES_SENSITIVE_PARAMETERS = ["password", "token", "code"]

# --- Two-factor authentication (TOTP, django-otp). ------------------------------------------------
EENPLAN_2FA_VERPLICHT = as_bool(
    declare(
        "EENPLAN_2FA_VERPLICHT",
        "true",
        "Require TOTP two-factor authentication for every login that may open dossiers "
        "(permission inwoners.view_dossier) and for superusers. Off in the development "
        "settings unless set there.",
    )
)
OTP_TOTP_ISSUER = declare(
    "EENPLAN_2FA_UITGEVER",
    "eenplan",
    "Name shown in the authenticator app next to the username.",
)

# --- API keys (eenplan.beveiliging): stored as a SHA-256 hash, with an expiry. --------------------
EENPLAN_API_SLEUTEL_DAGEN = int(
    declare(
        "EENPLAN_API_SLEUTEL_DAGEN",
        "90",
        "Days an API key stays valid after it is issued.",
    )
)
EENPLAN_API_MAX_FOUTE_SLEUTELS = int(
    declare(
        "EENPLAN_API_MAX_FOUTE_SLEUTELS",
        "20",
        "Invalid API keys from one IP address after which that address is refused (429) for "
        "EENPLAN_LOGIN_BLOKKADE_MINUTEN.",
    )
)

# --- Response headers: Content-Security-Policy (django-csp) and Permissions-Policy. -------------
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
EENPLAN_PERMISSIONS_POLICY = (
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), "
    "gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), usb=(), "
    "screen-wake-lock=(), xr-spatial-tracking=()"
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": declare("LOG_LEVEL", "WARNING", "Root log level.")},
}


# --- Inwonersportaal login (issue 13; docs/portaal.md, ADR 0021). -------------------------------
# OpenID Connect through mozilla-django-oidc, off by default: a DigiD (or eHerkenning) broker
# that speaks OIDC gives the resident's BSN as a claim; eenplan maps it to the Inwoner.
EENPLAN_OIDC = as_bool(
    declare(
        "EENPLAN_OIDC",
        "false",
        "Residents log in to the portal (/mijn/) through OpenID Connect (a DigiD broker); the "
        "OIDC_* variables below configure it.",
    )
)
OIDC_RP_CLIENT_ID = declare("OIDC_RP_CLIENT_ID", "", "The portal's client id at the OIDC broker.")
OIDC_RP_CLIENT_SECRET = declare(
    "OIDC_RP_CLIENT_SECRET", "", "The portal's client secret at the OIDC broker."
)
OIDC_OP_AUTHORIZATION_ENDPOINT = declare(
    "OIDC_OP_AUTHORIZATION_ENDPOINT", "", "The broker's authorization endpoint (URL)."
)
OIDC_OP_TOKEN_ENDPOINT = declare("OIDC_OP_TOKEN_ENDPOINT", "", "The broker's token endpoint.")
OIDC_OP_USER_ENDPOINT = declare("OIDC_OP_USER_ENDPOINT", "", "The broker's userinfo endpoint.")
OIDC_OP_JWKS_ENDPOINT = declare(
    "OIDC_OP_JWKS_ENDPOINT", "", "The broker's JWKS endpoint (keys to check RS256 signatures)."
)
OIDC_RP_SIGN_ALGO = declare("OIDC_RP_SIGN_ALGO", "RS256", "The ID token's signing algorithm.")
OIDC_RP_SCOPES = declare(
    "OIDC_RP_SCOPES", "openid bsn", "Scopes asked of the broker (space-separated)."
)
EENPLAN_OIDC_BSN_CLAIM = declare(
    "EENPLAN_OIDC_BSN_CLAIM", "bsn", "The claim that carries the resident's BSN."
)
EENPLAN_PORTAAL_GEMEENTE = declare(
    "EENPLAN_PORTAAL_GEMEENTE",
    "",
    "The CBS code of the municipality whose residents log in (empty: the only match of the BSN).",
)
OIDC_CREATE_USER = True
OIDC_STORE_ID_TOKEN = False
LOGIN_REDIRECT_URL_FAILURE = "/mijn/inloggen/?mislukt=1"
if EENPLAN_OIDC:
    INSTALLED_APPS.append("mozilla_django_oidc")
    AUTHENTICATION_BACKENDS.append("eenplan.portaal.auth.BsnOIDCBackend")
# The development login (choose a demo resident) exists only in the development settings.
EENPLAN_PORTAAL_ONTWIKKELLOGIN = False

# The backup's JSON keeps the microseconds of times (Django's own cuts them to milliseconds).
SERIALIZATION_MODULES = {"exactjson": "eenplan.avg.exactjson"}
